"""Handlers for a year's parts and a company's periods: quarters and halves ("the third quarter",
"Q3 2022", "first half of 2022") and fiscal years ("FY2024", "FY2024-25")."""

from __future__ import annotations

from . import patterns as P
from . import resolve as R
from .context import ABSOLUTE, RELATIVE, STEPS, YEAR_INFERRED, Context, Found


def on_quarter(match, ctx: Context) -> Found | None:
    """"the third quarter", "Q3 2022", "first half of 2022", "fourth-quarter", "Q3 FY2024", "the first
    two quarters of 1990" (a half)."""
    fiscal = bool(match["fyear"] or match["qfyear"] or match["fiscalyear"] or P.FISCAL_BEFORE.search(ctx.before(match.start(), 8)))
    if match["q"]:
        kind, number = ("quarter" if match["q"][0] == "Q" else "half"), int(match["q"][1])
        year = match["qyear"] or (match["qyy"] and R.full_year(match["qyy"]))
        if year is None and not fiscal and not P.MONTH_CONTEXT.search(ctx.before(match.start(), 10)):
            return None
        if kind == "half" and number > 2:
            return None
    else:
        of_a_year = match["year"] or match["ryear"] or match["fyear"] or match["fiscalyear"] or match.group().endswith("the year")
        if match["two"]:
            if not of_a_year:
                return None  # "the last two quarters": the two just over, a stretch of time
            kind, number = "half", 1 if match["two"].lower() == "first" else 2
            return _fiscal_or_calendar(match, ctx, fiscal, kind, number, match["year"] or _relative_year(ctx, match["ryear"]))
        if not of_a_year and _period_of_play(match, ctx):
            return None
        kind, number = match["half"], P.ORDINALS.get(match["ord"].lower(), 4)
        if match["ord"].lower() in ("last", "final"):
            if not of_a_year:
                return None
            number = 2 if kind == "half" else 4
        if kind == "half" and number > 2:
            return None
        year = match["year"] or _relative_year(ctx, match["ryear"])
    return _fiscal_or_calendar(match, ctx, fiscal, kind, number, year)


def _fiscal_or_calendar(match, ctx: Context, fiscal: bool, kind: str, number: int, year: str | None) -> Found:
    if fiscal:
        return _fiscal_period_found(match, ctx, kind, number, year)
    return _period_found(match, ctx, kind, number, year)


def _period_of_play(match, ctx: Context) -> bool:
    """Whether a bare "the second half" is a period of a game or a part of something
    ("the first half of the runners"), not of the year; "profit for the second quarter of $8.6
    million" is the quarter's figure."""
    if P.PART_OF_AFTER.match(ctx.text, match.end()):
        return True
    return ctx.tells_of_a_game(match.start())


def _fiscal_period_found(match, ctx: Context, kind: str, number: int, year: str | None) -> Found:
    """A company's fiscal quarter or half: labelled with its fiscal year when the text gives one,
    never with a calendar year guessed from the dateline (fiscal years start in any month)."""
    label = f"Q{number}" if kind == "quarter" else f"H{number}"
    fiscal_year = match["fyear"] or match["qfyear"]
    if fiscal_year:
        year = R.full_year(fiscal_year)
    resolution = RELATIVE if match["ryear"] else ABSOLUTE if year else YEAR_INFERRED
    value = ctx.date_value(year and f"{year}-{label}", kind, resolution, modifier="fiscal", pattern=None if year else f"XXXX-{label}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def on_fiscal_year(match, ctx: Context) -> Found | None:
    """"FY2024", "FY 24", "FY2024-25": a company's fiscal year, labelled by its own year number."""
    year = R.full_year(match["year"])
    if not match["year2"]:
        value = ctx.date_value(year, "year", ABSOLUTE, modifier="fiscal")
        return Found(match.start(), match.end(), "date", value, ctx.confidence(value))
    second = R.full_year(match["year2"]) if len(match["year2"]) == 4 else year[:2] + match["year2"]
    if int(second) != int(year) + 1:
        return None
    value = ctx.date_value(f"{year}/{second}", "year", ABSOLUTE, modifier="fiscal", start=year, end=second)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


def _relative_year(ctx: Context, relation: str | None) -> str | None:
    if relation is None or ctx.anchor is None:
        return None
    return str(ctx.anchor.year + STEPS[relation])


def _period_found(match, ctx: Context, kind: str, number: int, year: str | None) -> Found:
    label = f"Q{number}" if kind == "quarter" else f"H{number}"
    resolution = ABSOLUTE if year and (match["year"] or match["qyear"] or match["qyy"]) else YEAR_INFERRED
    if year is None and ctx.anchor is not None:
        first_quarter = number if kind == "quarter" else 2 * number - 1
        year = str(R.quarter_year(ctx.anchor, first_quarter, ctx.tense_of(match), months=3 if kind == "quarter" else 6))
    value = ctx.date_value(year and f"{int(year):04d}-{label}", kind, RELATIVE if resolution != ABSOLUTE and match["ryear"] else resolution,
                           pattern=None if year else f"XXXX-{label}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))

