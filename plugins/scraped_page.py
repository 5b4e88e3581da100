"""``scraped_page``: reads the layout of text scraped from a news page.

Finds the title, the source and the dateline at the head of the page ("Updated
12:57, 15-Feb-2022" -> published ``2022-02-15T12:57``, no invented zone), and
marks page chrome ("Download", "Search Trends", bare video durations like
"00:39", "(With input from agencies)"), photo captions and their repeats, and
section headings as regions. Offsets never move: nothing is cut.

Layout rules only apply to text laid out in lines (a scraped page); a single
paragraph of prose is left alone apart from inline chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcards import hookimpl

PLUGIN = "factcards_plugins.scraped_page"

_CHROME_LINES = re.compile(
    r"""(?ix)
    (?: download | search\ trends | share (?:\ this)? | advertisement | print | email | comments?
      | read\ more | related(?:\ articles|\ stories)? | subscribe | loading\.{0,3} | skip\ to\ content
      | trending | most\ read | more\ from\ \w+ | follow\ us | sign\ up | back\ to\ top
      | \d{1,2}:\d{2}(?::\d{2})?                 # a bare video duration or timestamp
      | \( (?: with\ input | additional\ reporting | reporting\ by | edited\ by | source: ) [^()\n]{0,120} \)
    )""",
)
_INLINE_CHROME = re.compile(r"(?i)\bscroll down for (?:videos?|more)\b")
_CREDIT = re.compile(r"/\s?(?:[A-Z][\w&.'-]*)(?:\s[A-Z][\w&.'-]*){0,3}\)?$")
_CAPTION_START = re.compile(r"(?i)^\(?(?:cover|photo|file photo|image|picture)\s*:")
_DATELINE = re.compile(
    r"(?i)^(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*:?\s*)(?P<when>.{6,60})$"
)
_BARE_DATE = re.compile(
    r"(?i)^(?P<when>(?:\d{1,2}[-/ ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[-/ ,]+\d{4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:[ ,T]+\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?)?)$"
)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_ZONE = re.compile(r"(?i)\b(?:UTC|GMT)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\b|[+-]\d{2}:\d{2}$")
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*$""")


@dataclass
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with their stripped spans."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + len(raw) - len(raw.lstrip())
            found.append(Line(start, start + len(stripped), stripped))
    return found


def is_body(line: Line) -> bool:
    return line.words >= 8 and bool(_SENTENCE_END.search(line.text))


def is_caption(line: Line) -> bool:
    return bool(_CAPTION_START.match(line.text)) or (line.words >= 4 and bool(_CREDIT.search(line.text)))


def parse_dateline(value: str) -> str | None:
    """ISO 8601 for a dateline's date and time, at the precision given; None if it is not a date."""
    from dateutil import parser

    value = value.strip().rstrip(".")
    try:
        parsed = parser.parse(value, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if not re.search(r"\d{4}", value):
        return None
    if _TIME.search(value):
        iso = parsed.isoformat(timespec="minutes")
        return iso if _ZONE.search(value) and parsed.tzinfo else iso[:16]
    return parsed.date().isoformat()


@hookimpl
def prepare_document(document):
    """Mark chrome, captions, repeats, headings; find title, source and dateline."""
    for match in _INLINE_CHROME.finditer(document.text):
        document.mark(match.start(), match.end(), "chrome", PLUGIN)
    lines = lines_of(document.text)
    if len(lines) < 3:
        return
    first_body = next((i for i, line in enumerate(lines) if is_body(line)), len(lines))
    _read_head(document, lines[:first_body])
    _mark_body(document, lines[first_body:])


def _read_head(document, head: list[Line]) -> None:
    title = dateline = None
    for i, line in enumerate(head):
        if _CHROME_LINES.fullmatch(line.text):
            document.mark(line.start, line.end, "chrome", PLUGIN)
            continue
        when = _DATELINE.match(line.text) or _BARE_DATE.match(line.text)
        published = parse_dateline(when.group("when")) if when else None
        if published and dateline is None:
            dateline = i
            document.mark(line.start, line.end, "dateline", PLUGIN)
            document.published = document.published or published
        elif title is None and line.words >= 3:
            title = i
            document.mark(line.start, line.end, "title", PLUGIN)
            document.title = document.title or line.text
        elif line.text.lower().startswith("by "):
            document.mark(line.start, line.end, "byline", PLUGIN)
        elif line.words <= 4 and len(line.text) <= 40 and (dateline is not None or title is not None):
            document.mark(line.start, line.end, "byline", PLUGIN)
            document.source = document.source or line.text
        else:
            document.mark(line.start, line.end, "heading", PLUGIN)


def _mark_body(document, body: list[Line]) -> None:
    seen: set[str] = set()
    for line in body:
        key = " ".join(line.text.lower().split())
        if key in seen:
            document.mark(line.start, line.end, "duplicate", PLUGIN)
            continue
        seen.add(key)
        if _CHROME_LINES.fullmatch(line.text):
            document.mark(line.start, line.end, "chrome", PLUGIN)
        elif is_caption(line):
            document.mark(line.start, line.end, "caption", PLUGIN)
        elif line.words <= 12 and not _SENTENCE_END.search(line.text) and not line.text.endswith(":"):
            document.mark(line.start, line.end, "heading", PLUGIN)
