"""Anaphoric and comparative references: "a year earlier", "the same day", "that year", "the
following month", "the year-earlier quarter", "the latest quarter", "the 1988 quarter", "the quarter".

Each is resolved against the last date the text established before it (``resolution:
anaphoric``, ``anchor``: that date's value); "a year earlier" with no such date falls back on the
dateline (``relative``); the others stay unresolved (``value: null``, low confidence) when the
text gives nothing to resolve them against. "a year ago" in a comparison of figures ("from $4
million a year ago") is the year-ago period of the quarter or half the text is about: the first
one it names ("the year-earlier period", "the latest quarter" and "the 1988 quarter" are that
one's too).
"""

from __future__ import annotations

from datetime import timedelta

from . import patterns as P
from . import resolve as R
from .context import ABSOLUTE, ANAPHORIC, RELATIVE, STEPS, YEAR_INFERRED, Context, Found

# How far back (characters) the date a reference points to may lie.
REACH = 3000
# How far back the day a part of a day ("by mid-afternoon") is on may lie: a sentence or two.
PART_OF_DAY_REACH = 300
WEAK_CONFIDENCE = 0.3
ANAPHORIC_CONFIDENCE = 0.75
FALLBACK_CONFIDENCE = 0.6
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_REFERENTS = frozenset({"day", "week", "month", "quarter", "half", "year"})
_PERIODS = frozenset({"quarter", "half"})
_STEP_WORDS = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


def on_anaphor(match, ctx: Context) -> Found | None:
    """A reference to a date the text gave before; its value is set by ``resolve``."""
    the = bool(P.THE_BEFORE.search(ctx.before(match.start(), 5)))
    if match["count"]:
        count = _COUNTS.get(match["count"].lower()) or (int(match["count"]) if match["count"].isdigit() else None)
        if count is None:
            return None
        unit = match["sunit"]
        if unit == "fortnight":
            unit, count = "week", 2 * count
        steps = -count if (match["dir"] or match["dir2"]) in ("earlier", "before") else count
        return _pending(match, ("shift", unit, steps), unit)
    if match["lastyears"]:
        return _last_years_period(match, ctx)
    if match["yord"] or match["pord"]:
        return _named_quarter(match, ctx)
    if match["yago"]:
        return _pending(match, ("year_ago", match["yunit"]), "quarter" if match["yunit"] else "year")
    if match["relpart"] or match["thatpart"] or (match["edge"] and the):
        return _part_of_day(match)
    if not the and not match["that"]:
        return None  # "next year" (a relative date), "same day delivery"
    if match["comparable"]:
        return _pending(match, ("year_ago", match["cunit"]), "quarter")
    if match["rel"]:
        return _pending(match, ("step", match["runit"], _STEP_WORDS[match["rel"].lower()]), match["runit"])
    if match["wrel"]:
        return _pending(match, ("weekday", P.WEEKDAYS[match["wday"].lower()], _STEP_WORDS[match["wrel"].lower()]), "day")
    if match["same"] or match["that"]:
        unit = match["sameunit"] or match["thatunit"]
        return _pending(match, ("step", unit, 0), unit)
    if match["latest"]:
        return _pending(match, ("latest",), "quarter")
    if match["pyear"]:
        return _pending(match, ("year_of", int(match["pyear"])), "quarter")
    if ctx.tells_of_a_game(match.start()):
        return None  # "scored in the quarter"
    return _pending(match, ("plain",), "quarter")


def _part_of_day(match) -> Found:
    """"that evening", "the following morning", "the night before", "the day after": the day of the
    last date given, or the one before or after it, with its part of the day; "the year before"."""
    if match["edge"]:
        part, steps = match["edgeunit"], -1 if match["edge"] == "before" else 1
    else:
        part, steps = match["relpart"] or match["thatpart"], _STEP_WORDS.get((match["rel"] or "").lower(), 0)
    unit = part if part in ("week", "month", "year") else "day"
    found = _pending(match, ("step", unit, steps), unit)
    if part not in _REFERENTS:
        found.value["part_of_day"] = part
    return found


def on_day_of_month(match, ctx: Context) -> Found | None:
    """"on the 21st": that day of the month the text named last (``resolve``), else of the dateline's
    month or the one before or after it, as the tense points; "by the 3rd of next month"."""
    if not P.DAY_OF_MONTH_BEFORE.search(ctx.before(match.start(), 12)):
        return None
    day = int(match["day"])
    months = [R.shift_period(ctx.anchor.replace(day=1), "month", steps)[0] for steps in (-1, 0, 1)] if ctx.anchor else []
    if match["rel"]:
        months = [months[STEPS[match["rel"]] + 1]] if months else []
    readings = [reading for month in months if (reading := R.day_in_month(month, day))]
    day_date = R.nearest_day(ctx.anchor, readings, ctx.tense_of(match)) if readings else None
    iso = day_date.isoformat() if day_date else None
    value = ctx.date_value(iso, "day", RELATIVE, pattern=None if iso else f"XXXX-XX-{day:02d}")
    anaphor = None if match["rel"] else ("day_of_month", day)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False, anaphor=anaphor)


def _named_quarter(match, ctx: Context) -> Found:
    """"the 1988 third quarter" (that year's), "the year-ago third quarter" (the year before the one
    a bare "third quarter" names)."""
    number = P.ORDINALS[(match["yord"] or match["pord"]).lower()]
    if match["pord"]:
        value = ctx.date_value(f"{match['pyear']}-Q{number}", "quarter", ABSOLUTE)
    elif ctx.anchor is not None:
        year = R.quarter_year(ctx.anchor, number, ctx.tense_of(match)) - 1
        value = ctx.date_value(f"{year:04d}-Q{number}", "quarter", RELATIVE)
    else:
        value = ctx.date_value(None, "quarter", RELATIVE, pattern=f"XXXX-Q{number}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


def _last_years_period(match, ctx: Context) -> Found:
    """"last year's third quarter" (that quarter of the year before the dateline's), "last year's
    quarter" (the period the story is about, a year before: the year-ago quarter)."""
    kind = "half" if match["lyunit"] == "half" else "quarter"
    if not match["lord"]:
        return _pending(match, ("year_ago", match["lyunit"]), kind)
    number = P.ORDINALS[match["lord"].lower()]
    if kind == "half" and number > 2:
        return None
    label = f"{'Q' if kind == 'quarter' else 'H'}{number}"
    iso = f"{ctx.anchor.year - 1:04d}-{label}" if ctx.anchor else None
    value = ctx.date_value(iso, kind, RELATIVE, pattern=None if iso else f"XXXX-{label}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


def _pending(match, anaphor: tuple, granularity: str) -> Found:
    value = {"value": None, "granularity": granularity, "resolution": ANAPHORIC, "anchor": None}
    return Found(match.start(), match.end(), "date", value, WEAK_CONFIDENCE, rangeable=False, anaphor=anaphor)


def resolve(ctx: Context, found: list[Found]) -> list[Found]:
    """Every pending reference in ``found`` resolved against the dates before it (in place)."""
    if all(candidate.anaphor is None for candidate in found):
        return found
    # The last date, and the last quarter or half, the text established itself ("own") or at all,
    # and the first quarter or half it established: the period the story is about ("topic").
    seen = {"own": None, "any": None, "own_period": None, "any_period": None, "topic": None}
    for index, candidate in enumerate(found):
        if candidate.anaphor is not None:
            # the story's period of results stays its topic however far back it was named
            near = {key: item for key, item in seen.items()
                    if item is not None and (key == "topic" or candidate.start - item.end <= REACH)}
            _settle(ctx, candidate, near, found[index + 1] if index + 1 < len(found) else None)
            keys = ("any",) if candidate.value["value"] is not None else ()
        else:
            if index and _is_apposition(ctx, found[index - 1], candidate):
                _share_apposition(found[index - 1], candidate)
            keys = ("own", "any") if _is_referent(candidate) else ()
        for key in keys:
            seen[key] = candidate
            if candidate.value["granularity"] in _PERIODS:
                seen[key + "_period"] = candidate
                if key == "own" and seen["topic"] is None:
                    seen["topic"] = candidate
    return found


def _is_apposition(ctx: Context, head: Found, named: Found) -> bool:
    """Whether ``named`` is a quarter or half whose year was guessed from the dateline, set after a
    comma beside ``head``, a period of the same kind that a reference resolved, and closed by a comma
    ("the comparable year-ago quarter, the second quarter ended Oct. 31,"): one period, told twice
    (not "Unlike the year-ago quarter, the fourth quarter brought a profit")."""
    kind = named.value.get("granularity")
    return (kind in _PERIODS and named.value["resolution"] == YEAR_INFERRED and named.value["value"] is not None
            and head.anaphor is not None and head.value["granularity"] == kind and head.value["value"] is not None
            and bool(P.APPOSED_GAP.fullmatch(ctx.text, head.end, named.start))
            and bool(P.APPOSITION_CLOSE.match(ctx.text, named.end)))


def _share_apposition(head: Found, named: Found) -> None:
    """The head's year and the named period's number for both (in place)."""
    iso = head.value["value"][:5] + named.value["value"][5:]
    named.value.update(value=iso, resolution=ANAPHORIC, anchor=head.value["value"])
    named.confidence = ANAPHORIC_CONFIDENCE
    head.value["value"] = iso


def _is_referent(found: Found) -> bool:
    value = found.value
    return found.type == "date" and value.get("value") is not None and "/" not in value["value"] and value["granularity"] in _REFERENTS


def _settle(ctx: Context, found: Found, seen: dict, following: Found | None) -> None:
    kind = found.anaphor[0]
    last, period, topic = seen.get("own"), seen.get("own_period"), seen.get("topic")
    if kind == "ago":
        _year_ago_period(ctx, found, topic)
    elif kind == "shift" and _named_after(ctx, found, following):
        _set(found, following, following.value["value"], following.value["granularity"])  # "three weeks later, on 30 December"
    elif kind == "shift":
        _shift(ctx, found, last, found.anaphor[1], found.anaphor[2])
    elif kind == "year_ago":
        _shift(ctx, found, topic if found.anaphor[1] else last, "year", -1)
    elif kind == "step":
        _, unit, steps = found.anaphor
        referent = (seen.get("any_period") if unit == "quarter" else seen.get("any")) if steps == 0 else last
        _set(found, referent, referent and R.step_reference(referent.value["value"], referent.value["granularity"], unit, steps), unit)
    elif kind == "latest":
        _latest(ctx, found, topic)
    elif kind == "year_of":
        _year_of(found, topic, found.anaphor[1])
    elif kind == "day_part":
        _day_of_part(ctx, found, last)
    elif kind == "day_of_month":
        _day_of_named_month(found, last, found.anaphor[1])
    elif kind == "weekday":
        _weekday_of(found, last, found.anaphor[1], found.anaphor[2])
    else:
        _plain_quarter(ctx, found, period, following)


def _named_after(ctx: Context, found: Found, following: Found | None) -> bool:
    """Whether the text names the day right after the reference ("three weeks later, on 30 December")."""
    return (following is not None and following.type == "date" and following.anaphor is None
            and following.value.get("granularity") == "day" and following.value.get("value") is not None
            and bool(P.APPOSITION_GAP.fullmatch(ctx.text, found.end, following.start)))


def _set(found: Found, referent: Found | None, iso: str | None, granularity: str) -> None:
    if iso is None:
        return
    found.value.update(value=iso, granularity=granularity, anchor=referent.value["value"] if referent else None)
    found.confidence = ANAPHORIC_CONFIDENCE if referent else FALLBACK_CONFIDENCE



def _shift(ctx: Context, found: Found, referent: Found | None, unit: str, steps: int) -> None:
    """"a year earlier", "two days later": the referent moved, at its own granularity; with no
    referent, a year earlier than the dateline."""
    if referent is not None:
        value = referent.value
        _set(found, referent, R.shift_reference(value["value"], value["granularity"], unit, steps), value["granularity"])
        return
    if ctx.anchor is not None and unit == "year":
        iso, granularity = R.shift_period(ctx.anchor, "year", steps)
        found.value.update(value=iso, granularity=granularity, resolution=RELATIVE, anchor=ctx.anchor_iso)
        found.confidence = FALLBACK_CONFIDENCE


def _year_ago_period(ctx: Context, found: Found, referent: Found | None) -> None:
    """"from $4 million a year ago" when the text is about a quarter or half: that period a year before."""
    if referent is None:
        return
    if not P.COMPARED_BEFORE.search(ctx.text, max(0, found.start - 90), found.start):
        return
    iso = R.shift_reference(referent.value["value"], referent.value["granularity"], "year", -1)
    if iso is not None:
        found.value.update(value=iso, granularity=referent.value["granularity"], resolution=ANAPHORIC, anchor=referent.value["value"])
        found.value.pop("modifier", None)
        found.confidence = ANAPHORIC_CONFIDENCE


def _latest(ctx: Context, found: Found, referent: Found | None) -> None:
    """"the latest quarter": the quarter or half the text is about, else the last one over by the dateline."""
    if referent is not None:
        _set(found, referent, referent.value["value"], referent.value["granularity"])
    elif ctx.anchor is not None:
        found.value.update(value=R.previous_quarter(ctx.anchor), resolution=RELATIVE, anchor=ctx.anchor_iso)
        found.confidence = FALLBACK_CONFIDENCE


def _day_of_part(ctx: Context, found: Found, referent: Found | None) -> None:
    """"by mid-afternoon": the day named just before (in the sentence or two before it), else the dateline's."""
    if referent is not None and referent.value["granularity"] == "day" and found.start - referent.end <= PART_OF_DAY_REACH:
        found.value.update(value=referent.value["value"], resolution=ANAPHORIC, anchor=referent.value["value"])
        found.confidence = FALLBACK_CONFIDENCE
    elif ctx.anchor is not None:
        found.value.update(value=ctx.anchor_iso, anchor=ctx.anchor_iso)
    else:
        found.confidence = ctx.confidence(found.value)


def _day_of_named_month(found: Found, referent: Found | None, day: int) -> None:
    """"on the 21st" after "In March" or "on March 3": that day of the month named."""
    if referent is None or referent.value["granularity"] not in ("day", "month"):
        return
    reading = R.day_in_month(referent.value["value"][:7], day)
    if reading is not None:
        found.value.update(value=reading.isoformat(), resolution=ANAPHORIC, anchor=referent.value["value"])
        found.value.pop("pattern", None)
        found.confidence = ANAPHORIC_CONFIDENCE


def _weekday_of(found: Found, referent: Found | None, weekday: int, steps: int) -> None:
    """"the following Monday" after "on March 3": the first Monday after that day; "the previous
    Friday" the last Friday before it."""
    if referent is None or referent.value["granularity"] != "day":
        return
    day = R.period_start(referent.value["value"], "day")
    gap = ((weekday - day.weekday()) % 7 or 7) if steps > 0 else -((day.weekday() - weekday) % 7 or 7)
    _set(found, referent, (day + timedelta(days=gap)).isoformat(), "day")


def _year_of(found: Found, referent: Found | None, year: int) -> None:
    """"the 1988 quarter": the quarter the text is about, in 1988."""
    if referent is not None:
        value = referent.value["value"]
        _set(found, referent, f"{year:04d}{value[4:]}", referent.value["granularity"])
    else:
        found.value.update(value=f"{year:04d}", granularity="year", resolution="absolute")
        found.confidence = FALLBACK_CONFIDENCE


def _plain_quarter(ctx: Context, found: Found, referent: Found | None, following: Found | None) -> None:
    """"the quarter ended Sept. 30": the calendar quarter that date closes; "the quarter": the one the
    text is about."""
    if following is not None and following.value.get("granularity") == "day" and following.value.get("value"):
        if P.ENDED_AFTER.fullmatch(ctx.text, found.end, following.start):
            day = R.period_start(following.value["value"], "day")
            if day.month % 3 == 0 and day.day >= 28:
                _set(found, following, R.format_period(day, "quarter"), "quarter")
            return
    if referent is not None and referent.value["granularity"] == "quarter":
        _set(found, referent, referent.value["value"], "quarter")
