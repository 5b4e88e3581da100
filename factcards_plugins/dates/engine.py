"""The ``dates`` extractor's engine: every pattern with its handler, overlaps settled, ranges joined."""

from __future__ import annotations

from datetime import date, timedelta

from . import patterns as P
from . import anaphora
from . import resolve as R
from .calendar_dates import (
    on_century, on_month_day, on_month_year, on_numeric, on_season, on_short_decade, on_spelled_year, on_year,
)
from .context import RELATIVE, Context, Found
from .date_times import join_date_time
from .day_parts import DAY_PART, join_part_and_day, on_day_part
from .durations import on_duration
from .holidays import on_holiday
from .month_places import on_place_in_month
from .periods import on_fiscal_year, on_quarter
from .relative import on_relative, on_the_weekend, on_week_from_weekday, on_weekday
from .tense import FUTURE, PAST
from .time_days import date_bare_times
from .vague import VAGUE, on_vague
from .times import is_lone_time, note_zone_equivalents, on_clock, on_time

HANDLERS = (
    (P.MONTH_DAY, on_month_day),
    (P.DAY_MONTH, on_month_day),
    (P.NUMERIC, on_numeric),
    (P.MONTH_YEAR, on_month_year),
    (P.YEAR, on_year),
    (P.SHORT_DECADE, on_short_decade),
    (P.SPELLED_YEAR, on_spelled_year),
    (P.QUARTER, on_quarter),
    (P.FISCAL_YEAR, on_fiscal_year),
    (P.CENTURY, on_century),
    (P.SEASON, on_season),
    (P.HOLIDAY, on_holiday),
    (P.RELATIVE, on_relative),
    (P.DAY_PART, on_day_part),
    (P.PLACE_IN_MONTH, on_place_in_month),
    (P.ANAPHOR, anaphora.on_anaphor),
    (P.DAY_OF_MONTH, anaphora.on_day_of_month),
    (P.WEEKDAY, on_weekday),
    (P.THE_WEEKEND, on_the_weekend),
    (P.WEEK_FROM_WEEKDAY, on_week_from_weekday),
    (P.TIME, on_time),
    (P.CLOCK, on_clock),
    (P.DURATION, on_duration),
)


def find_dates(document, day_first: bool = False, vague_references: bool = False) -> list[Found]:
    """Every date and time expression in ``document``, overlaps settled and ranges joined; with
    ``vague_references``, also "now", "recently", "the future" (``vague``)."""
    published = document.published_datetime
    ctx = Context(document.text, published.date() if published else None, document, day_first)
    handlers = HANDLERS + ((VAGUE, on_vague),) if vague_references else HANDLERS
    matches = [(match, handler) for pattern, handler in handlers for match in P.find(pattern, ctx.text)]
    found = settle_overlaps(matches, ctx)
    if any(candidate.anaphor is DAY_PART for candidate in found):
        found = join_neighbours(ctx, found, join_part_and_day)
    found = anaphora.resolve(ctx, found)
    if not any(candidate.type == "time" for candidate in found):
        return join_ranges(ctx, found)
    note_zone_equivalents(ctx, found)
    if sum(map(is_lone_time, found)) > 1:
        found = join_neighbours(ctx, found, _join_lone_times)
    found = join_neighbours(ctx, found, join_date_time)
    found = join_ranges(ctx, found)
    return date_bare_times(ctx, found)


def settle_overlaps(matches: list, ctx: Context) -> list[Found]:
    """Of the expressions the handlers accept, keep the earliest, then longest, of overlapping ones.

    A handler's expression spans its match, so matches are settled in that order before any
    handler runs: one starting inside an expression already kept cannot be kept, whatever its
    handler would say, and its handler is not called.
    """
    kept: list[Found] = []
    for match, handler in sorted(matches, key=lambda item: (item[0].start(), item[0].start() - item[0].end())):
        if kept and match.start() < kept[-1].end:
            continue
        candidate = handler(match, ctx)
        if candidate is not None and not (kept and candidate.start < kept[-1].end):
            kept.append(candidate)  # (a handler may take words before its match: "nearly" in "nearly forty years")
    return kept


def join_ranges(ctx: Context, found: list[Found]) -> list[Found]:
    """"from 2019 to 2021", "Monday to Wednesday", "9 a.m.-5 p.m.": one fact, connectives kept."""
    return join_neighbours(ctx, found, _join)


def join_neighbours(ctx: Context, found: list[Found], join) -> list[Found]:
    """``found`` with, left to right, each expression and the one after it replaced by what
    ``join(ctx, first, second)`` makes of them, when it makes something."""
    joined: list[Found] = []
    for candidate in found:
        merged = join(ctx, joined[-1], candidate) if joined else None
        if merged:
            joined[-1] = merged
        else:
            joined.append(candidate)
    return joined


def _join(ctx: Context, first: Found, second: Found) -> Found | None:
    if not (first.rangeable and second.rangeable and first.type == second.type):
        return None
    if "start" in first.value or (first.value["granularity"] != second.value["granularity"] and first.type != "time"):
        return None  # times join at their own granularity: "10 a.m. to noon"
    connector = P.RANGE_CONNECTOR.fullmatch(ctx.text, first.end, second.start)
    if connector is None:
        return None
    opener = P.RANGE_OPENER.search(ctx.before(first.start, 9))
    word = connector.group().strip()
    if word == "and" and not (opener and opener.group().lower().startswith("between")):
        return None
    start = first.start - len(opener.group()) if opener else first.start
    first_value, second_value = _weekdays_together(ctx, first, second)
    return Found(start, second.end, first.type, _range_value(first_value, second_value), min(first.confidence, second.confidence), False)


def _join_lone_times(ctx: Context, first: Found, second: Found) -> Found | None:
    """Two times of day as a range before either joins a day ("3-4 p.m. on Monday")."""
    return _join(ctx, first, second) if is_lone_time(first) and is_lone_time(second) else None


def _weekdays_together(ctx: Context, first: Found, second: Found) -> tuple[dict, dict]:
    """The values of two weekdays of a range resolved together, so it never ends before it starts:
    the days up to the end's reading when they hold the dateline ("is closed between Monday and
    Wednesday" on a Tuesday); else, ahead (or from the dateline's own weekday), from the start's
    reading ("will run from Friday until Tuesday"), and otherwise up to the end's ("was held from
    Tuesday until Sunday")."""
    if first.weekday is None or second.weekday is None or not (first.value["value"] and second.value["value"]):
        return first.value, second.value
    days = timedelta(days=(second.weekday - first.weekday) % 7)
    start, end = date.fromisoformat(first.value["value"]), date.fromisoformat(second.value["value"])
    tenses = (first.value.get("tense"), second.value.get("tense"))
    # a range that starts on the dateline's own weekday starts that day, unless the clause is past
    ahead = FUTURE in tenses or (first.weekday == ctx.anchor.weekday() and PAST not in tenses)
    if ahead and not end - days <= ctx.anchor <= end:
        return first.value, {**second.value, "value": (start + days).isoformat()}
    return {**first.value, "value": (end - days).isoformat()}, second.value


def _range_value(first: dict, second: dict) -> dict:
    value = {key: item for key, item in first.items() if key not in ("pattern", "tense")}
    start, end = first["value"], second["value"]
    if start and end and "resolution" in first and first["granularity"] == "day" and start > end:
        start = R.shift_period(date.fromisoformat(start), "day", -7)[0]
    if start and end and first["granularity"] == "month" and start > end:
        end = f"{int(start[:4]) + (end[5:] < start[5:]):04d}{end[4:]}"  # "November-February": into the next year
    value["value"] = f"{start}/{end}" if start and end else None
    value["start"], value["end"] = start, end
    for key in ("anchor", "zone", "utc_offset"):
        if key in value and value[key] is None:
            value[key] = second.get(key)
    if RELATIVE in (first["resolution"], second["resolution"]):
        value["resolution"] = RELATIVE
    return value

