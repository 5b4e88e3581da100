"""Attributions written with punctuation instead of a speech verb: a dash and a name after
the quote (``"..." ― Maria Ortiz``), a speaker label opening it (``"SEN. HARRIS: ..."``),
and a colon ending the paragraph before it (``The ministry said in a statement:``)."""

from __future__ import annotations

import re

from .quote_scan import Quoted
from .speakers import Speaker, SpeakerResolver

NAME_WORD = r"[A-Z\u00C0-\u00DE][\w.'’-]{0,30}"
# A dash, then two to five capitalized words (initials too) ending the line or the sentence.
SPACE = "[ \t\u00a0]"
DASH_NAME = re.compile(
    SPACE + "{0,3}[―—–-]{1,2}" + SPACE + "{0,3}(" + NAME_WORD + "(?:" + SPACE + NAME_WORD + "){1,4})[ \t.\u00a0]{0,3}(?:\n|$)"
)
# An upper-case label and a colon: "WALLACE:", "SEN. HARRIS:", "MR. TRUMP:".
LABEL = re.compile(r"((?:[A-Z]{1,4}\.[ \t])?[A-Z][A-Z'’-]{1,30}(?:[ \t][A-Z][A-Z'’-]{1,30}){0,2}):[ \t]")
DASH_WINDOW = 120
DASHES = frozenset("―—–-")
MAX_GAP = 12  # blank characters read back from a quote opening its paragraph


def dash_name(text: str, quoted: Quoted) -> re.Match | None:
    """The dash and the name after the closing mark that end its line (``"...” ― Maria Ortiz``), if any;
    the match is on the text from the character after the closing mark."""
    if text[quoted.close + 1 : quoted.close + 5].lstrip(" \t\u00a0")[:1] not in DASHES:
        return None
    return DASH_NAME.match(text[quoted.close + 1 : quoted.close + 1 + DASH_WINDOW])


def dash_speaker(text: str, quoted: Quoted, resolver: SpeakerResolver) -> Speaker | None:
    """``"...” ― Maria Ortiz``: the name after a dash that follows the closing mark and ends its line."""
    found = dash_name(text, quoted)
    if not found:
        return None
    start, end = quoted.close + 1 + found.start(1), quoted.close + 1 + found.end(1)
    if text[end - 1] == ".":
        end -= 1
    speaker = resolver.resolve(start, end, None, quoted)
    if speaker.kind == "person":
        return speaker
    return Speaker(text[start:end], start, end, "person", None, 0.7)


def label_speaker(text: str, quoted: Quoted, resolver: SpeakerResolver) -> Speaker | None:
    """``"PENCE: Well, look, ..."``: a transcript's speaker label opening the quote, resolved to
    the person of that surname when the article names one."""
    if not text[quoted.open + 1 : quoted.open + 3].isupper():
        return None
    found = LABEL.match(text, quoted.open + 1, quoted.open + 1 + 48)
    if not found:
        return None
    start, end = found.span(1)
    person = resolver.person_named(text[start:end].split()[-1])
    if person:
        return Speaker(person.name, start, end, "person", None, 0.8, person)
    return Speaker(text[start:end], start, end, "person", None, 0.6)


def paragraph_colon(text: str, quoted: Quoted) -> int | None:
    """Offset of the colon ending the paragraph right before a quote that opens its own paragraph
    (``The report says:`` then the quoted paragraph), if there is one."""
    i = quoted.open - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] != "\n":
        return None  # the quote does not open its paragraph
    while i >= 0 and text[i] in " \t\r\n\u00a0" and quoted.open - i < MAX_GAP:
        i -= 1
    return i if i >= 0 and text[i] == ":" else None


def split_at_labels(text: str, quoted: Quoted) -> list[Quoted]:
    """A multi-paragraph quote whose re-opened paragraphs start with speaker labels (a transcript:
    ``"WALLACE: ...`` then ``"PENCE: ...``) as one quote per labelled turn; else ``[quoted]``."""
    cuts = [mark for mark in quoted.reopened if LABEL.match(text, mark + 1, mark + 1 + 48)]
    if not cuts:
        return [quoted]
    pieces, open_at = [], quoted.open
    for cut in cuts:
        close = text.rfind("\n", open_at, cut)
        reopened = [m for m in quoted.reopened if open_at < m < close]
        pieces.append(Quoted(open_at, close, reopened))
        open_at = cut
    pieces.append(Quoted(open_at, quoted.close, [m for m in quoted.reopened if m > open_at]))
    return pieces
