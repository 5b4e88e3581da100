"""A part of a day told with its stage ("by mid-afternoon", "in late morning trading", "early
evening"): on the day named right after it ("mid-afternoon yesterday"), else the last day the text
named just before it, else the dateline's day, as "this afternoon" is (``anaphora`` resolves it)."""

from __future__ import annotations

from . import patterns as P
from .context import RELATIVE, Context, Found

DAY_PART = ("day_part",)


def on_day_part(match, ctx: Context) -> Found | None:
    if match[0][len(match["mod"])] == "-" and P.INDEFINITE_BEFORE.search(ctx.before(match.start(), 4)):
        return None  # "a late-evening regular": a kind of thing
    value = {"value": None, "granularity": "day", "resolution": RELATIVE, "anchor": None,
             "part_of_day": match["part"], "modifier": match["mod"].lower()}
    return Found(match.start(), match.end(), "date", value, 0.5, rangeable=False, anaphor=DAY_PART)


def join_part_and_day(ctx: Context, first: Found, second: Found) -> Found | None:
    """"mid-afternoon yesterday", "late morning on Friday": one day, with the part and its stage."""
    if first.anaphor is not DAY_PART or second.type != "date" or second.anaphor is not None:
        return None
    value = second.value
    if value["granularity"] != "day" or "start" in value or value.get("part_of_day"):
        return None
    if not P.PART_THEN_DAY.fullmatch(ctx.text, first.end, second.start):
        return None
    joined = {**value, "part_of_day": first.value["part_of_day"], "modifier": first.value["modifier"]}
    return Found(first.start, second.end, "date", joined, second.confidence, rangeable=False)
