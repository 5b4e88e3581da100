"""The handler for named holidays: "Thanksgiving Day", "last Christmas", "on Easter Sunday",
"New Year's Eve" -> the day, in the year the dateline and the clause's tense point to.

Dates are the United States' and the western churches' (Thanksgiving is the fourth Thursday of
November, Memorial Day the last Monday of May, Election Day the Tuesday after the first Monday of
November, Easter by dateutil's western computation).
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import MO, SU, TH, relativedelta

from . import patterns as P
from . import resolve as R
from .context import RELATIVE, YEAR_INFERRED, Context, Found

# Fixed days by (month, day); moving ones by the first of a month and a dateutil weekday step.
_FIXED = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "veterans day": (11, 11), "veterans' day": (11, 11),
}
_MOVING = {
    "thanksgiving": (11, TH(4)), "thanksgiving day": (11, TH(4)), "labor day": (9, MO(1)),
    "memorial day": (5, MO(-1)), "martin luther king day": (1, MO(3)), "martin luther king jr. day": (1, MO(3)),
    "presidents day": (2, MO(3)), "presidents' day": (2, MO(3)), "columbus day": (10, MO(2)),
    "mother's day": (5, SU(2)), "father's day": (6, SU(3)),
}
_EASTER_OFFSETS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}


def holiday_date(name: str, year: int) -> date:
    """The day ``name`` (lowercased, ’ as ') falls on in ``year``."""
    if name in _FIXED:
        return date(year, *_FIXED[name])
    if name in _EASTER_OFFSETS:
        return easter(year) + timedelta(days=_EASTER_OFFSETS[name])
    if name == "election day":
        return date(year, 11, 1) + relativedelta(weekday=MO(1)) + timedelta(days=1)
    month, weekday = _MOVING[name]
    if weekday.n < 0:  # the last such weekday of the month
        return date(year, month, 1) + relativedelta(months=1, days=-1, weekday=weekday)
    return date(year, month, 1) + relativedelta(weekday=weekday)


def on_holiday(match, ctx: Context) -> Found | None:
    """"Thanksgiving Day", "last Christmas", "before Easter": a single-word name needs a date context."""
    name = " ".join(match["holiday"].lower().replace("’", "'").split())
    relation = match["rel"] and match["rel"].lower()
    context = P.HOLIDAY_CONTEXT.search(ctx.before(match.start(), 9))
    if " " not in name and not relation and not context:
        return None  # "Christmas shopping", "an Easter egg"
    if not (relation or context) and P.HOLIDAY_ATTRIBUTIVE_AFTER.match(ctx.text, match.end()):
        return None  # "the Labor Day fires" of some year: an event named by its day
    if ctx.anchor is None:
        day = None
    elif relation:
        day = _related(ctx.anchor, name, relation)
    else:
        candidates = [holiday_date(name, year) for year in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
        day = R.nearest_reading(ctx.anchor, candidates, ctx.tense_of(match))
    value = ctx.date_value(day and day.isoformat(), "day", RELATIVE if relation else YEAR_INFERRED, pattern=None if day else "XXXX-XX-XX")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _related(anchor: date, name: str, relation: str) -> date:
    """"last Thanksgiving": the latest before the anchor; "next": the earliest after; "this": the anchor's year's."""
    if relation == "this":
        return holiday_date(name, anchor.year)
    step = -1 if relation == "last" else 1
    year = anchor.year
    while (holiday_date(name, year) - anchor).days * step <= 0:
        year += step
    return holiday_date(name, year)
