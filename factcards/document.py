"""The document a card is made from: its text, metadata, excluded regions and sentences.

Offsets never move: ``text`` is exactly what was read, and everything (regions,
sentences, facts, summary sentences) indexes into it. Cleaners mark regions,
they never cut text.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Region kinds, and which of them hold no facts / no summary material.
CHROME = "chrome"  # page furniture: "Download", "Search Trends", video durations
CAPTION = "caption"  # photo captions and cover credits
DUPLICATE = "duplicate"  # a repeated paragraph (a caption printed twice)
TITLE = "title"
DATELINE = "dateline"
BYLINE = "byline"  # source, author lines
HEADING = "heading"  # section sub-headings inside the body

NOT_FACT_SOURCES = frozenset({CHROME, DUPLICATE, DATELINE, BYLINE})
NOT_SUMMARY_SOURCES = frozenset({CHROME, CAPTION, DUPLICATE, TITLE, DATELINE, BYLINE, HEADING})

_PURPOSES = {"facts": NOT_FACT_SOURCES, "summary": NOT_SUMMARY_SOURCES}


@dataclass(frozen=True)
class Region:
    """A stretch of the text marked by a cleaner, with its kind and the plugin that marked it."""

    start: int
    end: int
    kind: str
    plugin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class Sentence:
    """A sentence with its offsets; ``excluded`` when it overlaps a region unfit for summaries."""

    index: int
    start: int
    end: int
    text: str
    excluded: bool = False

    @property
    def quotes_balanced(self) -> bool:
        """Whether every double quotation mark opened here is closed here.

        A sentence cut out of a multi-sentence quotation reads badly on its own
        ('adding "And actually, he initiated...'); summarizers can skip it.
        """
        straight = self.text.count('"')
        return straight % 2 == 0 and self.text.count("\u201c") == self.text.count("\u201d")


@dataclass
class Document:
    """An article ready for extraction.

    ``published`` is the publication date/time in ISO 8601 exactly as precise as
    the source gave it (``2022-02-15T12:57``: no invented time zone or seconds).
    ``sentences`` are filled in by the core after ``prepare_document`` has run.
    ``user_data`` is the card's scratch space for plugins (like spaCy's
    ``Doc.user_data``): what one extractor works out for this document and
    another may reuse, keyed by a name the plugin owns. It lives and dies
    with the card and is never part of it; nothing per card belongs in a
    module global, which a second thread or a second card would see.
    ``facts`` holds, while extractors run, the facts of those that ran
    before (an extractor that ``requires`` a type runs after its producers).
    """

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "en"
    regions: list[Region] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    input_format: str = "text"
    user_data: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    facts: list = field(default_factory=list, repr=False, compare=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _interval_cache: dict = field(default_factory=dict, repr=False)

    def mark(self, start: int, end: int, kind: str, plugin: str | None = None) -> None:
        """Mark ``text[start:end]`` as a region of ``kind``; the text itself is untouched."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"region {start}..{end} outside the text")
        self.regions.append(Region(start, end, kind, plugin))

    def regions_of(self, *kinds: str) -> list[Region]:
        return [r for r in self.regions if r.kind in kinds]

    def is_excluded(self, start: int, end: int, purpose: str = "facts") -> bool:
        """Whether ``start..end`` overlaps a region that must not feed ``purpose`` ("facts" or "summary")."""
        starts, ends = self._excluded_intervals(purpose)
        i = bisect.bisect_right(ends, start)  # the first interval ending after ``start``
        return i < len(starts) and starts[i] < end

    def _excluded_intervals(self, purpose: str) -> tuple[list[int], list[int]]:
        """The excluded regions for ``purpose``, merged and sorted (rebuilt when regions are added)."""
        key = (purpose, len(self.regions))
        if key not in self._interval_cache:
            kinds = _PURPOSES[purpose]
            starts: list[int] = []
            ends: list[int] = []
            for region in sorted((r for r in self.regions if r.kind in kinds), key=lambda r: r.start):
                if ends and region.start <= ends[-1]:
                    ends[-1] = max(ends[-1], region.end)
                else:
                    starts.append(region.start)
                    ends.append(region.end)
            self._interval_cache[key] = (starts, ends)
        return self._interval_cache[key]

    @property
    def published_datetime(self) -> datetime | None:
        """``published`` as a datetime (naive unless the source gave a zone), or None."""
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published)
        except ValueError:
            return None

    def segment(self) -> None:
        """Split the text into sentences (called by the core after preparation)."""
        spans = split_sentences(self.text)
        self.sentences = [
            Sentence(i, s, e, self.text[s:e], self.is_excluded(s, e, purpose="summary"))
            for i, (s, e) in enumerate(spans)
        ]
        self._sentence_starts = [s for s, _ in spans]

    def sentence_index(self, offset: int) -> int | None:
        """The index of the sentence holding ``offset``, or None between sentences."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "sha256": hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "regions": [r.to_dict() for r in sorted(set(self.regions), key=lambda r: (r.start, r.end, r.kind))],
            "sentences": [{"start": s.start, "end": s.end, "excluded": s.excluded} for s in self.sentences],
        }


_LINE = re.compile(r"[^\n]+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, never crossing a line break, without surrounding whitespace.

    Scraped news puts headings, captions and chrome on lines of their own, so each
    line is segmented separately with nupunkt (a Punkt segmenter that handles
    news abbreviations such as "U.S." and "Dr." and runs at several MB/s).
    """
    from nupunkt import sent_spans

    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        base = line.start()
        for s, e in sent_spans(line.group()):
            piece = line.group()[s:e]
            stripped = piece.strip()
            if stripped:
                start = base + s + (len(piece) - len(piece.lstrip()))
                spans.append((start, start + len(stripped)))
    return spans
