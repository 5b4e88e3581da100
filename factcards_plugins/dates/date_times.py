"""A date and a time of day side by side as one fact: "7 p.m. Wednesday", "Monday at 3pm",
"6 a.m. PST Friday", "Jan. 29 at 7:30 p.m." -> a ``time`` fact whose value is the ISO 8601 date
and time (``2022-02-16T19:00``), with the date's resolution and the zone only when the text gives one."""

from __future__ import annotations

import re
from dataclasses import replace

from . import patterns as P
from .context import Context, Found
from .times import is_lone_time

# What may stand between a time and the date after it, and between a date and the time after it.
TIME_THEN_DATE = re.compile(r"\s|,\s|\son\s|\son\sthe\s")
DATE_THEN_TIME = re.compile(r"\s|,\s|,?\sat\s|,?\sfrom\s")
# Keys of the date's value the joined value keeps.
_DATE_KEYS = ("resolution", "anchor", "tense", "part_of_day", "modifier")
_LATER_PARTS = frozenset(["afternoon", "evening", "night"])


def join_date_time(ctx: Context, first: Found, second: Found) -> Found | None:
    """A day and a time of day next to each other (either order) as one ``time`` expression, else None."""
    if is_lone_time(first) and _is_day(second):
        if TIME_THEN_DATE.fullmatch(ctx.text, first.end, second.start):
            return date_time(first.start, second.end, second, in_later_half(ctx, first, second), is_midnight(ctx, first))
    if _is_day(first) and is_lone_time(second):
        if DATE_THEN_TIME.fullmatch(ctx.text, first.end, second.start):
            return date_time(first.start, second.end, first, in_later_half(ctx, second, first), is_midnight(ctx, second))
    return None


def in_later_half(ctx: Context, time: Found, day: Found) -> Found:
    """``time`` put in the later half of the day when the day says so and the time does not:
    "10 o'clock Saturday night" is 22:00."""
    part = day.value.get("part_of_day")
    hour = int(time.value["value"][:2])
    if part not in _LATER_PARTS or not (hour >= 6 or part != "night"):
        return time
    if not P.HALF_OPEN_CLOCK.fullmatch(ctx.text, time.start, time.end):
        return time
    if hour == 12:  # "twelve o'clock Saturday night" ends the day; "twelve o'clock Saturday evening" says no more
        return time if part != "night" or time.value["value"] != "12:00" else replace(time, value={**time.value, "value": "24:00"})
    return replace(time, value={**time.value, "value": f"{hour + 12:02d}{time.value['value'][2:]}"})


def is_midnight(ctx: Context, time: Found) -> bool:
    """Whether the time is the word "midnight": with a day, the end of that day ("midnight Friday",
    a deadline as Friday ends: ``T24:00``), not its first minute."""
    return ctx.text.startswith(("midnight", "Midnight"), time.start)


def _is_day(found: Found) -> bool:
    return found.type == "date" and found.value["granularity"] == "day" and "start" not in found.value and found.anaphor is None


def date_time(start: int, end: int, day: Found, time: Found, day_ends: bool = False) -> Found:
    """The ``time`` expression ``start..end`` of ``time`` on ``day`` (a day's date fact, or a time
    fact on that day); ``day_ends``: the time is midnight as the day ends (24:00)."""
    day_value, time_value = _day_value(day), time.value
    clock = "24:00" if day_ends else time_value["value"]
    value = {
        "value": f"{day_value['value']}T{clock}" if day_value["value"] else None,
        "date": day_value["value"],
        "time": clock,
        "granularity": time_value["granularity"],
        "zone": time_value["zone"],
        "utc_offset": time_value["utc_offset"],
    }
    value.update((key, day_value[key]) for key in _DATE_KEYS if key in day_value)
    if day_value.get("pattern"):
        value["pattern"] = f"{day_value['pattern']}T{clock}"
    return Found(start, end, "time", value, min(day.confidence, time.confidence), rangeable=False)


def _day_value(day: Found) -> dict:
    """The value of a day's date fact; of a time fact on a day, that day's part of it."""
    if day.type == "time":
        return {**day.value, "value": day.value["date"], "pattern": None}
    return day.value
