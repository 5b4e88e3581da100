"""A quote's span and text (inside the marks, a multi-paragraph quote joined),
and whether it is a partial quote inside reported speech."""

from __future__ import annotations

import re

from .attribution import VERB
from .lexicon import PRONOUNS
from .quote_scan import Quoted

PARTIAL_END = set(".!?…,:;—–-")
MAX_HEADLINE = 200
MAX_TITLE_LINE = 150
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with".split())


def in_headline(text: str, offset: int) -> bool:
    """Whether ``offset`` is in a line written in headline case ("Obama Sees 'Personal Insult'
    in Vote", a section heading): most words capitalized, at most ``MAX_HEADLINE`` characters."""
    start = text.rfind("\n", max(0, offset - MAX_HEADLINE), offset) + 1
    if start == 0 and offset > MAX_HEADLINE:
        return False  # a long line: prose
    end = text.find("\n", offset, start + MAX_HEADLINE)
    if end < 0 and len(text) - start > MAX_HEADLINE:
        return False
    words = text[start : end if end >= 0 else len(text)].split()
    allowed = len(words) // 6  # lowercase words (small words aside) a headline may have
    capitalized = 0
    for word in words:
        first = word.lstrip("\"“‘'(")[:1]
        if first.isupper():
            capitalized += 1
        elif first.islower() and word not in SMALL_WORDS:
            allowed -= 1
            if allowed < 0:
                return False
    return capitalized >= 2


# One or two capitalized words: a nickname between a person's names (Robert "Bobby" Lane).
NICKNAME = re.compile(r"[A-Z][\w'’.-]{0,20}(?: [A-Z][\w'’.-]{0,20})?")


def is_nickname(text: str, quoted: Quoted) -> bool:
    """Whether the quote is a nickname inside a name (``Robert C. "Bobby" Lane``, ``Mae "Sunny"
    Ortiz``): one or two capitalized words, between a capitalized word and one space before, and
    one space and a capitalized word after."""
    after = text[quoted.close + 1 : quoted.close + 3]
    if after[:1] != " " or not after[1:2].isupper() or quoted.close - quoted.open > 43:
        return False
    if not NICKNAME.fullmatch(text, quoted.open + 1, quoted.close):
        return False
    before = text[max(0, quoted.open - 32) : quoted.open]
    if not before.endswith(" "):
        return False
    word = before.split()[-1:] or [""]
    return word[0][:1].isupper() and not word[0].endswith((",", ";", ":", "!", "?")) and (
        not word[0].endswith(".") or len(word[0]) <= 4  # an initial ("C.") or a title ("Rep."), not a sentence end
    )


# A broadcaster's possessive before a programme's title: "CNN's", "MSNBC’s", "Fox News's".
BROADCASTER = re.compile(r"(?:[A-Z][A-Z-]{1,7}|[A-Z][a-z]{1,12} News)['’]s? $")
AFTER_POSSESSIVE = frozenset(("s ", "' ", "’ "))  # the two characters every BROADCASTER match ends with
MAX_TITLE_WORDS = 6


def is_programme_title(text: str, quoted: Quoted) -> bool:
    """Whether the quote is a programme's title after its broadcaster (``told NBC's "Evening
    Watch"``, ``on Fox News's "Sunday Brief."``): up to six words in title case right after an
    acronym's or a news channel's possessive."""
    if text[quoted.open - 2 : quoted.open] not in AFTER_POSSESSIVE:
        return False
    if not BROADCASTER.search(text, max(0, quoted.open - 20), quoted.open):
        return False
    words = text[quoted.open + 1 : quoted.close].rstrip(" .,!?").split()
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in SMALL_WORDS for w in words)
    )


def title_lines_end(text: str) -> int:
    """Where the article's title lines end: its first line, and its second when it is short too
    (a headline and its dek), each at most ``MAX_TITLE_LINE`` characters and followed by more
    text; 0 when the first line is longer or the text is one line. Headlines in US style quote
    with single marks (``Mayor calls plan 'a disgrace'``) while the body uses double ones."""
    found, end = 0, -1
    for _ in range(2):
        start, limit = end + 1, end + 1 + MAX_TITLE_LINE
        while start < limit and start < len(text) and text[start] in " \t\r\n\u00a0":
            start += 1
        end = text.find("\n", start, start + MAX_TITLE_LINE + 1)
        if end < 0:
            break
        found = end
    return found


def is_partial(text: str, quoted: Quoted, start: int, end: int) -> bool:
    """A fragment inside reported speech: starts lowercase, or runs on into the sentence."""
    first = next(filter(str.isalpha, text[start:end]), "")
    if first and first.islower():
        return True
    if text[quoted.close - 1] in PARTIAL_END or text[end - 1] in PARTIAL_END:
        return False
    after = text[quoted.close + 1 : quoted.close + 40].lstrip(" ")
    return bool(after[:1].islower()) and not VERB.match(after) and not _starts_with_pronoun_verb(after)


def _starts_with_pronoun_verb(after: str) -> bool:
    word = after.split(" ", 1)
    return len(word) == 2 and word[0].lower() in PRONOUNS and bool(VERB.match(word[1]))


def _trimmed(text: str, quoted: Quoted) -> tuple[int, int]:
    """The quote's span: inside the marks, without surrounding spaces or a trailing comma."""
    start, end = quoted.inner
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _joined_text(text: str, quoted: Quoted, start: int, end: int) -> str:
    """The quote's words with paragraph breaks and re-opening marks of a long quote removed."""
    if not quoted.reopened:
        return text[start:end]
    pieces, cursor = [], start
    for mark in quoted.reopened:
        if start < mark < end:
            pieces.append(text[cursor:mark].strip())
            cursor = mark + 1
    pieces.append(text[cursor:end].strip())
    return " ".join(p for p in pieces if p)
