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

PLUGIN = "scraped_page"

_CHROME_LINES = re.compile(
    r"""(?ix)
    (?: download | search\ trends | share (?:\ this)? | advertisement | print | email | comments?
      | read\ more | related(?:\ articles|\ stories|\ topics)? | subscribe | loading\.{0,3}
      | skip\ to\ (?:main\ )?content | close\ panel | trending | most\ read | more\ from\ \w+
      | follow\ us | sign\ up | back\ to\ top | watch | listen | image\ source.{0,80} | getty\ images
      | (?:copyright|\(c\)|©) .{0,160} | all\ rights\ reserved\.?
      | (?:additional\ )?(?:reporting|writing|editing)\ by\ .{0,240}
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
_DATELINE_LABEL = re.compile(r"(?i)(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?:?")
_MONTH_OR_ISO = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{4}-\d{2}-\d{2}")
_WIRE_SOURCE = re.compile(r"^[A-Z][A-Z .,'-]{1,40}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})? \((?P<agency>[A-Z][A-Za-z.& ]{1,24})\) ?[-–—]")
# Zones news pages print, so a dateline's stated zone is kept as an offset (never invented when absent).
_TZINFOS = {
    "UTC": 0, "GMT": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800,
    "IST": 19800, "CST": -21600, "CDT": -18000, "EST": -18000, "EDT": -14400, "MST": -25200, "MDT": -21600,
    "PST": -28800, "PDT": -25200, "BJT": 28800, "HKT": 28800, "SGT": 28800, "JST": 32400, "KST": 32400,
    "AEST": 36000, "AEDT": 39600,
}
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
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


def parse_dateline(value: str, *, fuzzy: bool = True) -> str | None:
    """ISO 8601 for a dateline's date and time, at the precision given; None if it is not a date.

    A zone the page states ("GMT", "EST", "+08:00") is kept as an offset; none is invented.
    """
    from dateutil import parser

    value = value.strip().rstrip(".")
    if not re.search(r"\d{4}", value) or not _MONTH_OR_ISO.search(value):
        return None
    try:
        parsed = parser.parse(value, fuzzy=fuzzy, tzinfos=_TZINFOS)
    except (ValueError, OverflowError):
        return None
    if not _TIME.search(value):
        return parsed.date().isoformat()
    iso = parsed.isoformat(timespec="minutes")
    return iso if parsed.tzinfo is not None else iso[:16]


def dateline_of(line: "Line") -> str | None:
    """The publication date a head line states, if it is a dateline."""
    labelled = _DATELINE.match(line.text)
    if labelled:
        return parse_dateline(labelled.group("when"))
    if line.words <= 9:
        return parse_dateline(line.text.replace(" / ", " ").replace("|", " "), fuzzy=False)
    return None


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
    if first_body < len(lines) and not document.source:
        wire = _WIRE_SOURCE.match(lines[first_body].text)
        if wire:
            document.source = wire.group("agency").strip()


def _read_head(document, head: list[Line]) -> None:
    title = dateline = None
    for i, line in enumerate(head):
        if _CHROME_LINES.fullmatch(line.text):
            document.mark(line.start, line.end, "chrome", PLUGIN)
            continue
        published = dateline_of(line)
        if _DATELINE_LABEL.fullmatch(line.text):
            document.mark(line.start, line.end, "dateline", PLUGIN)
        elif published and dateline is None:
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
