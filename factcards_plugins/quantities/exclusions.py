"""Where no quantity is a fact: inside web addresses, e-mail addresses, file names and code.

A URL's ``%28`` or ``30%25`` is no percentage, ``report_2023.pdf`` holds no year and
``x = 30%`` between single backticks (holding a character of code: ``=``, a bracket, ``;``, ``--``...)
or triple ones (a Markdown code block) is code; doubled backticks are quotation marks (````like this''``). ``excluded_spans`` finds these regions; the scanner
drops every number inside one. Each pattern starts only where a token starts (a look-behind
of one character) and its repetitions are bounded, so the scan is linear.
"""

from __future__ import annotations

import re

from ..text import trie_pattern
from .casefold import lowercased

# File extensions a news text names files by, as a trie (a plain alternation of some 60 words,
# tried at every full stop, would cost several times more).
_EXTENSIONS = trie_pattern(
    "pdf doc docx xls xlsx ppt pptx csv txt rtf odt json xml yml yaml htm html php asp aspx jsp js py rb java cpp exe "
    "dmg apk zip gz tar 7z rar jpg jpeg png gif svg webp tif tiff bmp mp3 mp4 m4a wav mov avi mkv webm dll bin dat log".split()
)
# Top-level domains that a web address without its scheme ends its host with ("example.org/a%28b").
_DOMAINS = trie_pattern("com org net gov edu int mil info biz io co me tv ly ai app dev news uk us ca au de fr es it nl in cn jp ru br eu".split())
_EXCLUDED = re.compile(
    r"(?<![\w.+-])(?:"
    r"(?:https?|ftp)://[^\s<>\"]{1,2000}"  # a URL
    r"|www\.[^\s<>\"]{1,2000}"  # a URL without its scheme
    rf"|[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{0,4}}\.(?:{_DOMAINS})/[^\s<>\"]{{0,2000}}"  # a host and a path
    r"|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"  # an e-mail address
    rf"|[\w-]{{1,100}}(?:\.[\w-]{{1,100}}){{0,4}}\.(?:{_EXTENSIONS})\b(?!\.\w)"  # a file name
    r")"
    r"|```[^`]{1,5000}```"  # a code block between triple backticks (Markdown), on one line or several
    r"|(?<!`)`(?=[^`\n]{0,200}(?:[=(){}\[\];<>\\/_#$]|--))[^`\n]{1,200}`(?!`)",  # code between single backticks
    re.IGNORECASE,
)
# What every excluded region but a file name holds; a file name holds its extension.
_CUES = ("://", "www.", "@", "`")
_EXTENSION = re.compile(rf"\.(?:(?:{_EXTENSIONS})\b|(?:{_DOMAINS})/)")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text`` that are web or e-mail addresses, file names or code, in reading order."""
    if not any(cue in text for cue in _CUES) and not _EXTENSION.search(lowercased(text)):
        return []  # as in most articles: one look for each cue is cheaper than the scan
    return [match.span() for match in _EXCLUDED.finditer(text)]
