"""``dates``: dates and times in news text, grounded and normalized to ISO 8601.

Finds absolute dates ("February 12, 2022", "15-Feb-2022", "2022-02-15",
"12/02/2022"), partial ones ("February 16", "December 2021", "in 2021"),
relative ones ("Monday", "yesterday", "last week", "two days ago", "earlier
this month"), quarters, halves, seasons, decades, ranges ("Feb 14-16", "from
2019 to 2021", "between Monday and Wednesday") and times of day ("12:57",
"3 p.m. local time", "0900 GMT"). Values are ISO 8601 at the expression's own
granularity, resolved against the article's dateline; how, and against what,
is part of the value. Span conventions and resolution rules:
``docs/extractors-dates.md``.

Config: ``day_first`` (default False) reads ``12/02/2022`` as 12 February;
``vague_references`` (default False) adds "now", "recently", "the future" as
``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` (left out by default: they place nothing).
"""

from __future__ import annotations

from factcards import Extractor, Fact, FactType, hookimpl, load_schema

from .engine import find_dates

VERSION = "0.1.0"


def extract(document, config) -> list[Fact]:
    text = document.text
    return [
        Fact(found.type, text[found.start : found.end], found.start, found.end, found.value, found.confidence)
        for found in find_dates(document, bool(config.get("day_first", False)), bool(config.get("vague_references", False)))
    ]


@hookimpl
def register_fact_types(register):
    """Register ``date``, ``time`` and ``duration`` with their value schemas (``schemas/facts/date.json``,
    ``time.json``, ``duration.json``)."""
    register(FactType("date", load_schema("facts/date.json"), "A date, period or date range, ISO 8601 at its own granularity."))
    register(FactType("time", load_schema("facts/time.json"), "A time of day, with its zone when the text gives one."))
    register(FactType("duration", load_schema("facts/duration.json"), "A length of time, ISO 8601 (P3W, PT48H), qualifiers kept."))


@hookimpl
def register_extractors(register):
    """Register the ``dates`` extractor (fact types ``date``, ``time`` and ``duration``)."""
    register(
        Extractor(
            name="dates",
            fact_types=("date", "time", "duration"),
            extract=extract,
            version=VERSION,
            default_config={"day_first": False, "vague_references": False},
            description="Dates, periods, ranges, times of day and durations, resolved against the dateline.",
        )
    )
