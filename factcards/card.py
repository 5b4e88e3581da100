"""The card and what goes into it: facts, summaries, diagnostics, and the merge rules.

Plugins build ``Fact`` and ``Summary`` objects; the core fills in the fields a
plugin cannot know (which extractor produced a fact, which sentence it sits in),
merges everything into a ``Card`` and validates it against the schema.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:
    from .document import Document

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass
class Fact:
    """One key fact, grounded in the document: ``document.text[start:end] == text``.

    ``value`` is the normalized, typed value; its shape is set by the fact type's
    schema fragment (see ``register_fact_types``). ``extractor`` and
    ``sentence`` are filled in by the core.
    """

    type: str
    text: str
    start: int
    end: int
    value: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0
    extractor: str | None = None
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "value": self.value,
            "confidence": self.confidence,
            "extractor": self.extractor,
        }

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.type, self.extractor or "", _canonical(self.value))


@dataclass
class SummarySentence:
    """One sentence of a summary; ``start``/``end`` index the document when extractive."""

    text: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Summary:
    """What a summarizer returns.

    ``sentences`` in reading order. ``text`` defaults to the sentences joined by
    spaces. ``extractive`` summaries must give each sentence's offsets.
    ``model`` names the model behind the summary, e.g. ``{"id": ..., "version": ...}``.
    ``checks`` holds fact-consistency findings (unsupported spans), if any.
    """

    sentences: list[SummarySentence]
    text: str | None = None
    extractive: bool = True
    model: dict[str, Any] | None = None
    checks: list[dict[str, Any]] = field(default_factory=list)
    method: str | None = None

    def __post_init__(self) -> None:
        if self.text is None:
            self.text = " ".join(s.text for s in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "method": self.method,
            "extractive": self.extractive,
            "model": self.model,
            "sentences": [s.to_dict() for s in self.sentences],
            "checks": list(self.checks),
        }


@dataclass
class Diagnostic:
    """Something that went wrong or was dropped, and which plugin it concerns."""

    level: str
    stage: str
    message: str
    plugin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "stage": self.stage, "plugin": self.plugin, "message": self.message}

    def line(self) -> str:
        who = f" [{self.plugin}]" if self.plugin else ""
        return f"factcards: {self.level}{who} {self.stage}: {self.message}"


@dataclass
class Extractor:
    """A named fact extractor, registered through ``register_extractors``.

    ``extract(document, config)`` returns an iterable of ``Fact``; ``config`` is
    ``default_config`` overlaid with the user's settings for this extractor.
    ``default_config`` declares every setting the extractor reads: a setting
    the user gives that no record declares is refused, and so is a value
    unlike its default's type. ``config_schema`` says more where the default
    cannot: a JSON Schema (2020-12) by key, such as ``{"mode": {"enum":
    ["count", "share"]}}`` or ``{"limit": {"type": ["integer", "null"]}}``
    for a ``None`` default; its ``description``, if any, is what the error says
    is expected.

    ``requires`` names the fact types this extractor (or its plugin's
    ``process_card``) relies on from other extractors. The core runs the
    extractors producing them first, hands their facts over as
    ``document.facts`` (as those extractors returned them, stamped with their
    names; read-only), and notes in the card's diagnostics a required type
    that no selected extractor produces.

    ``supersedes`` names fact types this extractor's facts stand for: after
    merging, the core drops a fact of such a type (from any extractor) that
    lies within one of this extractor's facts, so "12" is not also a bare
    ``number`` inside the casualty count "12 people were killed".
    """

    name: str
    fact_types: tuple[str, ...]
    extract: Callable[["Document", dict], Iterable[Fact]]
    version: str | None = None
    default_config: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    plugin: str | None = None
    requires: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    config_schema: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Summarizer:
    """A named summarizer, registered through ``register_summarizers``.

    ``summarize(document, facts, config)`` returns a ``Summary``. ``priority``
    orders the candidates for the default summarizer (highest first) when the
    user names none; ``available()`` says whether it can run here (for example,
    whether its optional dependencies are installed) without importing them.

    ``summarize_many(documents, facts_lists, config)``, when given, returns
    the summaries of many documents at once (``Pipeline.cards`` batches
    through it); ``warm_up(config)``, when given, loads what the first
    ``summarize`` would (``Pipeline.warm_up`` calls it). ``default_config``
    and ``config_schema`` declare its settings as ``Extractor``'s do.
    """

    name: str
    summarize: Callable[["Document", list[Fact], dict], Summary]
    version: str | None = None
    default_config: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    priority: int = 0
    available: Callable[[], bool] = lambda: True
    plugin: str | None = None
    summarize_many: Callable[[list["Document"], list[list[Fact]], dict], list[Summary]] | None = None
    warm_up: Callable[[dict], None] | None = None
    config_schema: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Settings:
    """A settings table a plugin reads outside its extractors and summarizers (in ``process_card``, say),
    registered through ``register_settings`` so the core knows its keys: ``defaults`` holds each one
    (and ``config_schema`` what a default cannot say, as on ``Extractor``)."""

    name: str
    defaults: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    plugin: str | None = None
    config_schema: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class FactType:
    """A fact type and the JSON Schema (2020-12) fragment its ``value`` must satisfy."""

    name: str
    value_schema: dict[str, Any]
    description: str = ""
    plugin: str | None = None


@dataclass
class Card:
    """A fact card: the document, its summary, its facts, how it was made, what went wrong."""

    document: dict[str, Any]
    summary: Summary | None
    facts: list[Fact]
    generator: dict[str, Any]
    diagnostics: list[Diagnostic]
    schema_version: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "document": self.document,
            "summary": self.summary.to_dict() if self.summary else None,
            "facts": [f.to_dict() for f in self.facts],
            "generator": self.generator,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def facts_of(self, fact_type: str) -> list[Fact]:
        return [f for f in self.facts if f.type == fact_type]


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def merge_facts(
    document: "Document",
    facts: Iterable[Fact],
    known_types: set[str],
    diagnostics: list[Diagnostic],
    plugin_of: dict[str, str | None] | None = None,
    schema_problem: Callable[[dict[str, Any]], str | None] | None = None,
    checked: set[int] = frozenset(),
) -> list[Fact]:
    """The core's merge rules.

    Drops (with a diagnostic naming the plugin) facts that are not grounded in the
    text or have an unregistered type; drops silently facts inside regions that
    are not fact sources (chrome, duplicates, the dateline); fills in the
    sentence index; collapses exact duplicates; sorts by position so the result
    does not depend on the order plugins were installed or ran.
    """
    kept: dict[tuple, list[Fact]] = {}
    for fact in facts:
        problem = _grounding_problem(document.text, fact, known_types)
        if problem:
            who = getattr(fact, "extractor", None)
            plugin = (plugin_of or {}).get(who, who)
            diagnostics.append(Diagnostic(WARNING, "merge", f"dropped a fact from {who}: {problem}", plugin))
            continue
        if document.is_excluded(fact.start, fact.end, purpose="facts"):
            continue
        fact.sentence = document.sentence_index(fact.start)
        problem = schema_problem(fact.to_dict()) if schema_problem and id(fact) not in checked else None
        if problem:
            plugin = (plugin_of or {}).get(fact.extractor, fact.extractor)
            diagnostics.append(Diagnostic(WARNING, "merge", f"dropped a {fact.type} fact from {fact.extractor}: {problem}", plugin))
            continue
        kept.setdefault((fact.start, fact.end, fact.type, fact.extractor or ""), []).append(fact)
    return [fact for place in sorted(kept) for fact in _distinct_in_order(kept[place])]


def _distinct_in_order(same_place: list[Fact]) -> list[Fact]:
    """Facts of one span, type and extractor: the first of each value, by value (what ``sort_key``
    orders by); the value's canonical JSON is made only when a span has more than one fact."""
    if len(same_place) == 1:
        return same_place
    by_value: dict[str, Fact] = {}
    for fact in same_place:
        by_value.setdefault(_canonical(fact.value), fact)
    return [by_value[value] for value in sorted(by_value)]


def drop_superseded(facts: list[Fact], supersedes: dict[str, frozenset[str]]) -> list[Fact]:
    """``facts`` (sorted by position) without those of a type superseded by a fact they lie within.

    ``supersedes`` maps an extractor's name to the fact types its facts stand for.
    """
    covers = [f for f in facts if supersedes.get(f.extractor)]
    if not covers:
        return facts
    starts = [cover.start for cover in covers]
    kept = []
    for fact in facts:
        i = bisect.bisect_right(starts, fact.start)
        inside = any(
            cover is not fact and cover.start <= fact.start and fact.end <= cover.end and fact.type in supersedes[cover.extractor]
            for cover in covers[max(0, i - 64) : i]
        )
        if not inside:
            kept.append(fact)
    return kept


def _grounding_problem(text: str, fact: Fact, known_types: set[str]) -> str | None:
    if not isinstance(fact, Fact):
        return f"not a Fact: {type(fact).__name__}"
    if fact.type not in known_types:
        return f"unregistered fact type {fact.type!r}"
    if not (isinstance(fact.start, int) and isinstance(fact.end, int)) or not 0 <= fact.start < fact.end <= len(text):
        return f"span {fact.start}..{fact.end} outside the text"
    if text[fact.start : fact.end] != fact.text:
        return f"text {fact.text!r} is not what the document has at {fact.start}..{fact.end}"
    return None
