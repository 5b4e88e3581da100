"""Resolution rules of the ``dates`` extractor: from a surface reading to an ISO 8601 value.

Everything here is pure date arithmetic (python-dateutil's ``relativedelta``)
on an anchor, the article's dateline. The rules are documented in
``docs/extractors-dates.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .tense import FUTURE, PAST

# How far (in days) the nearest reading of a date without a year may lie
# before the clause's tense is allowed to pick the reading on its side instead.
TENSE_OVERRIDES_BEYOND_DAYS = 60
# The clause's tense, read only when a rule needs it (reading it is the costly part).
TenseOf = Callable[[], "str | None"]
# How long into a quarter the quarter just over is still the one a bare "third quarter" names.
RESULTS_SEASON_DAYS = 60
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def iso_month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def weekday_date(anchor: date, weekday: int, tense: str | None, modifier: str | None) -> date:
    """The day a weekday names: ``last``/``next`` step strictly back/forward; else by tense.

    Past (and unknown) tense: the latest such day on or before the anchor;
    future: the earliest on or after it. A weekday equal to the anchor's is the
    anchor itself, whichever the tense ("said on Tuesday" in a Tuesday paper).
    """
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if modifier == "last":
        return anchor - timedelta(days=back or 7)
    if modifier in ("next", "coming"):
        return anchor + timedelta(days=forward or 7)
    if tense == FUTURE:
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back)


def nearest_reading(anchor: date, candidates: list[date], tense_of: TenseOf) -> date:
    """Of the readings of a date without a year, the nearest to the anchor,
    unless it lies more than ``TENSE_OVERRIDES_BEYOND_DAYS`` away on the side
    the tense contradicts: then the nearest reading on the tense's side."""
    nearest = min(candidates, key=lambda d: (abs((d - anchor).days), d))
    if abs((nearest - anchor).days) <= TENSE_OVERRIDES_BEYOND_DAYS:
        return nearest
    tense = tense_of()
    if tense == PAST and nearest > anchor:
        return max((d for d in candidates if d <= anchor), default=nearest)
    if tense == FUTURE and nearest < anchor:
        return min((d for d in candidates if d >= anchor), default=nearest)
    return nearest


def day_in_month(month: str, day: int) -> date | None:
    """Day ``day`` of the month ``month`` (``2021-03``), None when the month has no such day."""
    try:
        return date(int(month[:4]), int(month[5:7]), day)
    except ValueError:
        return None


def nearest_day(anchor: date, readings: list[date], tense_of: TenseOf) -> date | None:
    """Of the readings of a day of the month, the latest on or before the anchor in a past clause, the
    earliest on or after it in a future one (None when there is none: "ruled on the 31st" in a March
    article is no March 31), else the nearest."""
    tense = tense_of()
    behind, ahead = [day for day in readings if day <= anchor], [day for day in readings if day >= anchor]
    if tense == PAST:
        return max(behind, default=None)
    if tense == FUTURE:
        return min(ahead, default=None)
    return min(readings, key=lambda day: (abs((day - anchor).days), day))


def month_day_date(anchor: date, month: int, day: int, tense_of: TenseOf, behind: bool = False) -> date | None:
    """The year a "February 16" most likely means, given the anchor and tense; with ``behind``, the
    latest such day on or before the anchor (a period "ended Oct. 31")."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if behind:
        return max((d for d in candidates if d <= anchor), default=None)
    return nearest_reading(anchor, candidates, tense_of) if candidates else None


def month_start(anchor: date, month: int, tense_of: TenseOf) -> date:
    """The first day of the month a bare "in May" most likely means."""
    this_month = anchor.replace(day=1)
    candidates = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return nearest_reading(this_month, candidates, tense_of)


def related_month(anchor: date, month: int, relation: str) -> date:
    """The first day of "last September" (the latest before the anchor's month), "next May" (the
    earliest after it) or "this May" (in the anchor's year)."""
    this_month = anchor.replace(day=1)
    if relation == "this":
        return this_month.replace(month=month)
    step = -1 if relation == "last" else 1
    candidate = this_month.replace(month=month)
    if (candidate - this_month).days * step <= 0:
        candidate = candidate.replace(year=candidate.year + step)
    return candidate


def season_year(anchor: date, season: str, modifier: str | None, tense_of: TenseOf) -> int:
    """The year a season label belongs to (winter is labelled by the year it starts)."""
    current = current_season_year(anchor, season)
    if modifier == "last":
        return _latest_ended_season_year(anchor, season, current)
    if modifier == "next":
        return current + 1 if _season_started(anchor, season, current) else current
    if modifier == "this":
        return current
    start = date(current, SEASON_START_MONTH[season], 1)
    candidates = [start.replace(year=current - 1), start, start.replace(year=current + 1)]
    return nearest_reading(anchor.replace(day=1), candidates, tense_of).year


def current_season_year(anchor: date, season: str) -> int:
    """The year of the season's occurrence that the anchor's year is in or nearest."""
    if season == "WI" and anchor.month <= 2:
        return anchor.year - 1
    return anchor.year


def _latest_ended_season_year(anchor: date, season: str, year: int) -> int:
    """The year of the latest occurrence of ``season`` over by the anchor ("last spring" in September:
    this year's; "last summer" in July: last year's), searching back from ``year``."""
    first, last = SEASON_MONTHS[season]
    while date(year + (1 if last < first else 0), last, 1) + relativedelta(months=1) > anchor:
        year -= 1
    return year


def _season_started(anchor: date, season: str, year: int) -> bool:
    return anchor >= date(year, SEASON_START_MONTH[season], 1)


def season_bounds(year: int, season: str) -> tuple[str, str]:
    first, last = SEASON_MONTHS[season]
    return f"{year:04d}-{first:02d}", f"{year + (1 if last < first else 0):04d}-{last:02d}"


def quarter_year(anchor: date, quarter: int, tense_of: TenseOf, months: int = 3) -> int:
    """The year an unqualified "the third quarter" (or, with ``months=6``, "the second half") most
    likely means: the anchor's own year when the anchor falls inside it; a quarter just over in the
    first ``RESULTS_SEASON_DAYS`` of the next (results are reported then, in the future tense); else
    the nearest reading."""
    first_month = 3 * (quarter - 1) + 1
    if first_month <= anchor.month < first_month + months:
        return anchor.year  # "weigh on the second half" in October: this one
    own_start = date(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 1)
    just_over = own_start - relativedelta(months=3)
    if months == 3 and just_over.month == first_month and (anchor - own_start).days <= RESULTS_SEASON_DAYS:
        return just_over.year  # "will report third-quarter results" in October: the one just over
    candidates = [date(y, first_month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    this_quarter = date(anchor.year, 3 * (quarter_of(anchor)[1] - 1) + 1, 1)
    return nearest_reading(this_quarter, candidates, tense_of).year


def shift_period(anchor: date, unit: str, steps: int) -> tuple[str, str]:
    """The ISO value and granularity of the period ``steps`` units from the anchor's."""
    if unit == "day":
        return (anchor + timedelta(days=steps)).isoformat(), "day"
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=steps)), "week"
    if unit == "weekend":
        saturday = anchor + timedelta(days=5 - anchor.weekday() + 7 * steps)
        return iso_week(saturday) + "-WE", "weekend"
    if unit == "month":
        return iso_month(anchor + relativedelta(months=steps)), "month"
    if unit == "quarter":
        year, quarter = quarter_of(anchor + relativedelta(months=3 * steps))
        return f"{year}-Q{quarter}", "quarter"
    if unit == "decade":
        return f"{(anchor.year // 10 + steps):03d}X", "decade"
    return f"{anchor.year + steps:04d}", "year"


def full_year(digits: str) -> str:
    """A year written with two digits read as 19xx or 20xx ("FY99" is 1999, "FY24" 2024, "'98" 1998)."""
    if len(digits) == 4:
        return digits
    return f"{19 if int(digits) >= 70 else 20}{digits}"


def weekend_steps(relation: str) -> int:
    """Weeks from the anchor's ISO week to the weekend ``last``/``this``/``next`` names."""
    return {"last": -1, "next": 1}.get(relation, 0)


# --- periods named by reference to another date ("a year earlier", "the following month") ----------

# Granularities from the finest; a period can be stepped by a unit its own size or coarser.
_GRANULARITY_ORDER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 4, "year": 5}
# The units a period of each granularity can be shifted by and stay a period of that granularity.
_SHIFTABLE_BY = {
    "day": {"day", "week", "month", "quarter", "year"}, "week": {"week"}, "month": {"month", "quarter", "year"},
    "quarter": {"quarter", "year"}, "half": {"year"}, "year": {"year"},
}
_UNIT_DELTAS = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
                "quarter": relativedelta(months=3), "half": relativedelta(months=6), "year": relativedelta(years=1)}


def period_start(value: str, granularity: str) -> date | None:
    """The first day of the period an ISO value names (``2022-02-14``, ``2022-W07``, ``2022-02``,
    ``2022-Q3``, ``2022-H1``, ``2022``), or None for another granularity or a range."""
    try:
        if granularity == "day":
            return date.fromisoformat(value)
        if granularity == "week":
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        if granularity == "month":
            return date(int(value[:4]), int(value[5:7]), 1)
        if granularity in ("quarter", "half"):
            months = 3 if granularity == "quarter" else 6
            return date(int(value[:4]), months * (int(value[6]) - 1) + 1, 1)
        if granularity == "year":
            return date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def format_period(day: date, granularity: str) -> str:
    """The ISO value of the period of ``granularity`` that holds ``day``."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        return iso_week(day)
    if granularity == "month":
        return iso_month(day)
    if granularity == "quarter":
        return "%d-Q%d" % quarter_of(day)
    if granularity == "half":
        return f"{day.year}-H{(day.month - 1) // 6 + 1}"
    return f"{day.year:04d}"


def shift_reference(value: str, granularity: str, unit: str, steps: int) -> str | None:
    """``value`` moved by ``steps`` units at its own granularity ("a year earlier" than ``1989-Q3`` is
    ``1988-Q3``), or None when the unit does not divide it ("a day earlier" than a month)."""
    start = period_start(value, granularity)
    if start is None or unit not in _SHIFTABLE_BY.get(granularity, ()):
        return None
    return format_period(start + _UNIT_DELTAS[unit] * steps, granularity)


def step_reference(value: str, granularity: str, unit: str, steps: int) -> str | None:
    """The ``unit`` that holds ``value``, moved by ``steps`` ("the following year" after ``1995-05-22``
    is ``1996``; "that year" is ``steps=0``), or None when ``value`` is coarser than the unit."""
    start = period_start(value, granularity)
    if start is None or _GRANULARITY_ORDER[granularity] > _GRANULARITY_ORDER[unit]:
        return None
    return format_period(start + _UNIT_DELTAS[unit] * steps, unit)


def previous_quarter(anchor: date) -> str:
    """The last quarter over by the anchor: "the latest quarter" of an article with no quarter named."""
    return format_period(anchor.replace(day=1) - relativedelta(months=3), "quarter")
