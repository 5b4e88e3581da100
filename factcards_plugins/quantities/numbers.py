"""``numbers``: numbers (digits and words, ordinals, fractions) and percentages.

A number inside an amount of money or a percentage belongs to that expression
only; ``process_card`` also drops any ``number`` that overlaps a fact of
another type (a date or time from the ``dates`` extractor, a quote's
numbers stay). Names and codes (``G7``, ``F-35``, ``Boeing 737``), years,
times, dates, phone numbers and ids are not numbers. The patterns and
conventions live in ``scanner`` (and the modules it names) and ``docs/extractors-quantities.md``.
"""

from __future__ import annotations

from factcards import Extractor, Fact, FactType, hookimpl, load_schema

from .scanner import quantities_in

VERSION = "1.0"
FACT_TYPES = ("number", "percentage")
# Fact types whose spans a bare number must not overlap.
SWALLOWING_TYPES = frozenset({"money", "percentage", "date", "time", "duration"})


def extract(document, config) -> list[Fact]:
    """Every number and percentage in the document (the core drops those in excluded regions)."""
    text = document.text
    return [
        Fact(q.type, text[q.start : q.end], q.start, q.end, dict(q.value))
        for q in quantities_in(document, config.get("default_dollar") or "USD")
        if q.type in FACT_TYPES
    ]


def drop_swallowed_numbers(facts: list[Fact]) -> list[Fact]:
    """The facts without the ``number`` facts that overlap a money, percentage, date or time fact."""
    others = sorted((f.start, f.end) for f in facts if f.type in SWALLOWING_TYPES)
    kept = []
    for fact in facts:
        if fact.type == "number" and _overlaps_any(fact, others):
            continue
        kept.append(fact)
    return kept


def _overlaps_any(fact: Fact, spans: list[tuple[int, int]]) -> bool:
    import bisect

    i = bisect.bisect_left(spans, (fact.end, fact.end))
    return any(start < fact.end and fact.start < end for start, end in spans[max(0, i - 64) : i])


@hookimpl
def register_fact_types(register):
    """The ``number`` and ``percentage`` fact types and their value schemas."""
    register(FactType("number", load_schema("facts/number.json"), "A number: cardinal, ordinal or fraction."))
    register(FactType("percentage", load_schema("facts/percentage.json"), "A percentage or a change in percentage points."))


@hookimpl
def register_extractors(register):
    """The ``numbers`` extractor, producing ``number`` and ``percentage`` facts."""
    register(
        Extractor(
            name="numbers",
            fact_types=FACT_TYPES,
            extract=extract,
            version=VERSION,
            default_config={"default_dollar": "USD"},
            config_schema={"default_dollar": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "an ISO 4217 code in capitals, like USD or CAD"}},
            description="Numbers in digits and words, ordinals, fractions, percentages; no names, dates or ids.",
            requires=("date", "time", "duration"),  # process_card drops the numbers inside them
        )
    )


@hookimpl
def process_card(card, document):
    """Drop ``number`` facts that overlap a money, percentage, date or time fact (from any extractor)."""
    card.facts = drop_swallowed_numbers(card.facts)
