"""The handler for a part of a month named by its place: "the first week of May", "the last day of
February", "the second Sunday in May", "the first day of next month"."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from . import patterns as P
from . import resolve as R
from .context import ABSOLUTE, RELATIVE, STEPS, YEAR_INFERRED, Context, Found


def on_place_in_month(match, ctx: Context) -> Found | None:
    """The day, week (its seven days, ``start/end``), weekend or weekday the words place in the month."""
    if not P.THE_BEFORE.search(ctx.before(match.start(), 5)):
        return None
    first_day, resolution = _month(match, ctx)
    place, unit = P.PLACES[match["nth"].lower()], match["unit"]
    if first_day is None:
        return _found(match, ctx, ctx.date_value(None, unit if unit in ("week", "weekend") else "day", resolution, pattern="XXXX-XX"))
    days = [first_day + timedelta(days=offset) for offset in range(calendar.monthrange(first_day.year, first_day.month)[1])]
    if unit == "day":
        return _day_found(match, ctx, _nth(days, place), resolution)
    if unit == "week":
        return _week_found(match, ctx, days, place, resolution)
    weekday = 5 if unit == "weekend" else P.WEEKDAYS[unit.lower()]
    day = _nth([day for day in days if day.weekday() == weekday], place)
    if unit == "weekend" and day is not None:
        return _found(match, ctx, ctx.date_value(R.iso_week(day) + "-WE", "weekend", resolution))
    return _day_found(match, ctx, day, resolution)


def _month(match, ctx: Context) -> tuple[date | None, str]:
    if match["rel"]:
        if ctx.anchor is None:
            return None, RELATIVE
        month = R.period_start(R.shift_period(ctx.anchor, "month", STEPS[match["rel"]])[0], "month")
        return month, RELATIVE
    month = P.MONTHS[match["month"].rstrip(".").lower()]
    if match["year"]:
        return date(int(match["year"]), month, 1), ABSOLUTE
    if ctx.anchor is None:
        return None, YEAR_INFERRED
    return R.month_start(ctx.anchor, month, ctx.tense_of(match)), YEAR_INFERRED


def _nth(days: list[date], place: int) -> date | None:
    return days[place - 1 if place > 0 else place] if place <= len(days) else None


def _day_found(match, ctx: Context, day: date | None, resolution: str) -> Found | None:
    if day is None:
        return None
    return _found(match, ctx, ctx.date_value(day.isoformat(), "day", resolution))


def _week_found(match, ctx: Context, days: list[date], place: int, resolution: str) -> Found | None:
    """The seven days of the month's first (second ...) week, or its last seven."""
    week = days[-7:] if place < 0 else days[7 * (place - 1) : 7 * place]
    if not week:
        return None
    value = ctx.date_value(f"{week[0].isoformat()}/{week[-1].isoformat()}", "week", resolution)
    value.update(start=week[0].isoformat(), end=week[-1].isoformat())
    return _found(match, ctx, value)


def _found(match, ctx: Context, value: dict) -> Found:
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)
