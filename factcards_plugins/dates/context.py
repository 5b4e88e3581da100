"""The ``dates`` extractor's working state: a candidate expression (``Found``) and what every
pattern handler reads (``Context``: the text, the anchor, sentence windows, tense, config)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from . import patterns as P
from . import resolve as R
from .tense import FUTURE, PAST, TenseReader

ABSOLUTE, YEAR_INFERRED, RELATIVE, ANAPHORIC = "absolute", "year_inferred", "relative", "anaphoric"
CONFIDENCE = {ABSOLUTE: 0.95, YEAR_INFERRED: 0.85, RELATIVE: 0.8, ANAPHORIC: 0.75}
UNRESOLVED_CONFIDENCE = 0.4
# Steps from the anchor's period that "this", "last", "next", "coming" and "the current" name.
STEPS = {"this": 0, "last": -1, "next": 1, "coming": 1, "current": 0}


@dataclass
class Found:
    """A candidate expression before overlaps and ranges are settled."""

    start: int
    end: int
    type: str
    value: dict
    confidence: float
    rangeable: bool = True
    # How an anaphoric expression is resolved once every expression is found (``anaphora.resolve``).
    anaphor: tuple | None = None
    # The day of the week a weekday names (Monday is 0), for ranges resolved together.
    weekday: int | None = None


@dataclass
class Context:
    """What every pattern handler needs: the text, the anchor, the sentence windows, the config."""

    text: str
    anchor: date | None
    document: object
    day_first: bool = False
    _tenses: dict = field(default_factory=dict)
    _reader: TenseReader | None = None
    _game_sentences: dict = field(default_factory=dict)
    _headlines: list | None = None

    def __post_init__(self) -> None:
        self.anchor_iso = self.anchor.isoformat() if self.anchor else None

    def tense(self, start: int, end: int) -> str | None:
        """The tense of the clause around ``start..end`` (``TenseReader``), with the rules that need
        more than the clause's words; read once per expression."""
        if (start, end) not in self._tenses:
            lo, hi = self.window(start)
            if self._reader is None:
                self._reader = TenseReader(self.text)
            self._tenses[(start, end)] = (
                self._tense_beyond_the_clause(start)
                or self._reader.tense(start, end, lo, hi)
                or self._headline_tense(start, lo)
            )
        return self._tenses[(start, end)]

    def _tense_beyond_the_clause(self, start: int) -> str | None:
        """Past after "since" ("its worst week since October"), whatever the clause says."""
        return PAST if P.SINCE_BEFORE.search(self.before(start, 6)) else None

    def _headline_tense(self, start: int, lo: int) -> str | None:
        """Future for an infinitive in a title or heading ("Heat to peak on Thursday"), else None."""
        if self._in_headline(start) and P.HEADLINE_INFINITIVE.search(self.text, max(lo, start - 120), start):
            return FUTURE
        return None

    def _in_headline(self, offset: int) -> bool:
        if self._headlines is None:
            regions = self.document.regions_of("title", "heading")
            self._headlines = sorted((region.start, region.end) for region in regions)
        i = bisect.bisect_right(self._headlines, (offset, float("inf"))) - 1
        return i >= 0 and offset < self._headlines[i][1]

    def tense_of(self, match) -> R.TenseOf:
        """The tense around ``match``, read only if the returned function is called."""
        return partial(self.tense, match.start(), match.end())

    def tells_of_a_game(self, offset: int) -> bool:
        """Whether the sentence around ``offset`` has words of a game report (``GAME_WORDS``) and none of
        business (``FINANCE_WORDS``); read once per sentence."""
        window = self.window(offset)
        if window not in self._game_sentences:
            game = P.GAME_WORDS.search(self.text, *window) and not P.FINANCE_WORDS.search(self.text, *window)
            self._game_sentences[window] = bool(game)
        return self._game_sentences[window]

    def window(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset``, else its line."""
        index = self.document.sentence_index(offset) if getattr(self.document, "sentences", None) else None
        if index is not None:
            sentence = self.document.sentences[index]
            return sentence.start, sentence.end
        return self.line(offset)

    def line(self, offset: int) -> tuple[int, int]:
        lo = self.text.rfind("\n", 0, offset) + 1
        hi = self.text.find("\n", offset)
        return lo, len(self.text) if hi < 0 else hi

    def before(self, offset: int, width: int = 24) -> str:
        return self.text[max(0, offset - width) : offset]

    def date_value(self, iso: str | None, granularity: str, resolution: str, **extra) -> dict:
        anchored = resolution != ABSOLUTE and iso is not None
        value = {"value": iso, "granularity": granularity, "resolution": resolution, "anchor": self.anchor_iso if anchored else None}
        for key, item in extra.items():
            if item is not None:
                value[key] = item
        return value

    def confidence(self, value: dict) -> float:
        return CONFIDENCE[value["resolution"]] if value["value"] is not None else UNRESOLVED_CONFIDENCE

