"""Finding quoted stretches in linear time: one pass over the quotation marks.

Double marks (straight ``"``, curly “ ”, low „, guillemets « ») open and close
quotes; a quote still open at the end of a paragraph continues only when the
next paragraph opens with a mark (news style for multi-paragraph quotes),
otherwise it is dropped as unbalanced (or closed at a mark of the other kind, when
one in its paragraph could close it: ``"...” before``). Inside a straight-quoted stretch only a
straight mark closes it (curly marks there quote a title or a phrase nested in
it). Single marks (‘ ’ and straight ``'``) make a quote only outside
double-quoted text, inside one paragraph, with an opening mark before a word
and a closing mark after one, so apostrophes
("Russia's", "rock 'n' roll" aside) are not taken for quotes. Quotes nested in
a longer quote are part of it and not reported on their own.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’"
OPENERS = {'"': '"', "“": "”", "„": "“”", "«": "»"}
SINGLE_OPENERS = {"'": "'", "‘": "’"}
MAX_SINGLE_QUOTE = 400
BEFORE_OPEN = set(" \t\n([{—–-/:")
AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-")


@dataclass
class Quoted:
    """A quoted stretch: ``open`` is the opening mark's offset, ``close`` the closing mark's."""

    open: int
    close: int
    reopened: list[int] = field(default_factory=list)  # offsets of marks re-opening a paragraph

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _events(text: str, chars: str) -> list[tuple[int, str]]:
    """(offset, character) of every one of ``chars`` in ``text``, in order: one ``str.find``
    per occurrence, several times faster than trying a regex character class at each
    character of the text."""
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append((at, char))
            at = text.find(char, at + 1)
    found.sort()
    return found


def _next_paragraph_mark(text: str, newline: int, marks: str) -> int | None:
    """Offset of the opening mark starting the next non-blank paragraph, if it starts with one of ``marks``."""
    i = newline
    n = len(text)
    while i < n and text[i] in " \t\r\n\u00a0":
        i += 1
    return i if i < n and text[i] in marks else None


def _opens_here(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in BEFORE_OPEN or before in "“‘\"'") and not after.isspace()


def scan_double(text: str) -> list[Quoted]:
    """Every balanced double-quoted stretch, multi-paragraph ones included.

    Only the marks are events: the line breaks before a mark are read when a quote is open
    (most line breaks of an article are outside quotes).

    A quote closed with the other kind of mark (``"two more weeks” before``, ``“... it showed,"``,
    or an opening mark typed for the closing one, ``all summer.“``) closes at the first such
    mark of its paragraph when its own closing mark never comes; such a mark ending the
    paragraph ends the quote there even when the next paragraph opens with a mark."""
    found: list[Quoted] = []
    current: Quoted | None = None
    closers = ""
    other = -1  # the first mark of the other kind that could close ``current`` in this paragraph
    newline = text.find("\n")  # the first line break after the marks read so far, -1 if none
    n = len(text)
    for i, mark in _events(text, DOUBLE_MARKS):
        if 0 <= newline < i:  # line breaks since the last mark
            if current is not None and other >= 0 and _ends_paragraph(text, other):
                current.close = other
                found.append(current)
                current = None
            goes_on = current is not None and _goes_on_over_breaks(text, current, newline, i)
            newline = text.find("\n", i)
            if goes_on:
                other = -1
                continue  # this mark re-opens the quote in a new paragraph
            if current is not None and other >= 0:
                current.close = other
                found.append(current)
            current = None  # a quote still open ends with its paragraph
        if current is None:
            if mark in OPENERS and (mark != '"' or _opens_here(text, i)):
                current, closers, other = Quoted(i, -1), OPENERS[mark], -1
            continue
        if mark in closers:
            current.close = i
            found.append(current)
            current = None
        elif _closes_here(text, i, n):
            if mark == "“" and closers == "”":
                current.close = i  # an opening mark typed for the closing one: no quote opens before a space
                found.append(current)
                current = None
            elif other < 0:
                other = i
        elif mark in OPENERS and mark != '"' and closers != '"':
            # a curly or angled opener inside a curly quote: the previous quote never closed;
            # inside a straight-quoted stretch it opens a quote nested in it
            if other >= 0:
                current.close = other
                found.append(current)
            current, closers, other = Quoted(i, -1), OPENERS[mark], -1
    if current is not None and other >= 0:
        current.close = other
        found.append(current)
    return found


def _closes_here(text: str, i: int, n: int) -> bool:
    """Whether the mark at ``i`` stands where a quote closes: after a word or punctuation, before
    a space, punctuation or the end of the text (``n``, its length)."""
    return (i + 1 == n or text[i + 1] in AFTER_CLOSE or text[i + 1].isspace()) and i > 0 and not text[i - 1].isspace()


def _ends_paragraph(text: str, i: int) -> bool:
    """Whether only blanks follow ``i`` up to the end of its line."""
    j = i + 1
    while j < len(text) and text[j] in " \t\r\u00a0":
        j += 1
    return j == len(text) or text[j] == "\n"


def current_opener(text: str, quoted: Quoted) -> str:
    return text[quoted.open]


def _goes_on_over_breaks(text: str, quoted: Quoted, start: int, end: int) -> bool:
    """Whether the open ``quoted`` goes on over the line breaks in ``text[start:end]``: each
    must start a paragraph that opens with the quote's mark again (the marks are added to
    ``quoted.reopened``). With ``end`` the offset of the next mark, that mark is the one that
    re-opens the quote after the last break."""
    newline = text.find("\n", start, end)
    while newline >= 0:
        reopen = _next_paragraph_mark(text, newline, current_opener(text, quoted))
        if reopen is None:
            return False
        quoted.reopened.append(reopen)
        newline = text.find("\n", reopen + 1, end)
    return True


def scan_single(text: str, taken: list[tuple[int, int]]) -> list[Quoted]:
    """Single-quoted stretches outside the ``taken`` (double-quoted) spans, one paragraph at most.

    Only the marks are events: the line breaks before a mark are read when a quote is open."""
    found: list[Quoted] = []
    current: Quoted | None = None
    taken = sorted(taken)
    spans = iter(taken)
    span = next(spans, None)
    newline = text.find("\n")  # the first line break after the marks read so far, -1 if none
    for i, mark in _events(text, SINGLE_MARKS):
        while span is not None and span[1] <= i:
            span = next(spans, None)
        if span is not None and span[0] <= i:
            continue  # a mark inside double-quoted text: nested, or an apostrophe
        if 0 <= newline < i:  # line breaks since the last mark
            if current is not None and _line_break_outside(text, newline, i, taken):
                current = None  # a single quote ends with its paragraph
            newline = text.find("\n", i)
        if current is not None and i - current.open > MAX_SINGLE_QUOTE:
            current = None
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if current is None:
            if mark in SINGLE_OPENERS and before in BEFORE_OPEN and after.isalnum():
                current = Quoted(i, -1)
        elif (
            mark == SINGLE_OPENERS[text[current.open]]
            and (before.isalnum() or before in ".,!?")
            and after in AFTER_CLOSE
            and i - current.open > 2
        ):
            current.close = i
            found.append(current)
            current = None
    return found


def _line_break_outside(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` has a line break outside the sorted ``taken`` spans."""
    newline = text.find("\n", start, end)
    while newline >= 0:
        k = bisect.bisect_right(taken, (newline, len(text) + 1)) - 1
        if k < 0 or not taken[k][0] <= newline < taken[k][1]:
            return True
        newline = text.find("\n", newline + 1, end)
    return False


def scan_quotes(text: str) -> list[Quoted]:
    """All top-level quoted stretches in reading order (nested ones are part of their outer quote)."""
    doubles = scan_double(text)
    singles = scan_single(text, [(q.open, q.close + 1) for q in doubles])
    ordered = sorted(doubles + singles, key=lambda q: (q.open, -q.close))
    top: list[Quoted] = []
    for quoted in ordered:
        if top and quoted.close <= top[-1].close:
            continue
        top.append(quoted)
    return top
