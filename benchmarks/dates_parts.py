"""A ``dates`` fact as the parts other annotators label on their own, for scoring against them.

The extractor makes one fact of a date and a time side by side ("Monday at 3pm": a ``time``
fact valued ``2022-02-14T15:00``) and of a range ("from 1991 to 1997"). The project's labelled
sets (``benchmarks/data/dates-*.jsonl``, labelled before date-times were joined) give the date and
the time as two facts, and TimeML marks each end of a range as its own expression. ``date_time_parts``
and ``range_parts`` give those parts, with the values the joined fact holds for them, so a joined
fact is scored like the facts it joins.
"""

from __future__ import annotations

import re

from factcards_plugins.dates import patterns

# What joins a date and a time ("Monday at 3pm", "10 a.m. on Tuesday").
_CONNECTORS = re.compile(r"^(?:,?\s(?:at|on(?:\sthe)?|from)\s|,\s|\s)|(?:,?\s(?:at|on(?:\sthe)?|from)\s|,\s|\s)$")
# A range's connective word ("from 1991 to 1997", "between 1985 and 1987"); dashed ranges stay whole.
_WORD_CONNECTOR = re.compile(r",?\s(?:to|through|thru|until|till|and)\s")
_OPENER = re.compile(r"^(?i:from|between)\s")


def date_time_parts(fact: dict) -> list[dict]:
    """A joined date-and-time fact as its date fact and its time fact; any other fact as itself."""
    value = fact["value"]
    if fact["type"] != "time" or "date" not in value:
        return [fact]
    time = patterns.TIME.search(fact["text"])
    if time is None:
        return [fact]
    date_text = fact["text"][time.end():] if time.start() == 0 else fact["text"][: time.start()]
    date_offset = time.end() if time.start() == 0 else 0
    connector = _CONNECTORS.search(date_text)
    if connector is not None:
        if connector.start() == 0:
            date_offset += connector.end()
            date_text = date_text[connector.end():]
        else:
            date_text = date_text[: connector.start()]
    start = fact["start"]
    # a day's end ("midnight Friday": ``T24:00``) is the clock's 00:00 the sets give a "midnight" alone
    time_value = {"value": "00:00" if value["time"] == "24:00" else value["time"], "granularity": value["granularity"],
                  "zone": value["zone"], "utc_offset": value["utc_offset"]}
    if not date_text:  # a time alone, on the day the text named before it
        return [_part(fact, "time", start + time.start(), time.group(), time_value)]
    date_value = {"value": value["date"], "granularity": "day", "resolution": value["resolution"], "anchor": value.get("anchor")}
    return [
        _part(fact, "date", start + date_offset, date_text, date_value),
        _part(fact, "time", start + time.start(), time.group(), time_value),
    ]


def range_parts(fact: dict) -> list[dict]:
    """A range joined by a word ("from 1991 to 1997") as its two ends; any other fact as itself."""
    value = fact["value"]
    if "start" not in value or "end" not in value or fact["type"] not in ("date", "time"):
        return [fact]
    connector = _WORD_CONNECTOR.search(fact["text"])
    if connector is None:
        return [fact]
    opener = _OPENER.match(fact["text"])
    first_start = opener.end() if opener else 0
    start = fact["start"]
    return [
        _part(fact, fact["type"], start + first_start, fact["text"][first_start: connector.start()], {**value, "value": value["start"]}),
        _part(fact, fact["type"], start + connector.end(), fact["text"][connector.end():], {**value, "value": value["end"]}),
    ]


def _part(fact: dict, fact_type: str, start: int, text: str, value: dict) -> dict:
    return {"type": fact_type, "text": text, "start": start, "end": start + len(text), "value": value}
