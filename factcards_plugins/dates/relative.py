"""Handlers for dates relative to the dateline: weekdays ("Monday", "last Friday"), the weekend
("over the weekend") and relative words ("yesterday", "last week", "two days ago")."""

from __future__ import annotations

from datetime import timedelta

from . import patterns as P
from . import resolve as R
from .context import RELATIVE, STEPS, Context, Found
from .tense import FUTURE, PAST


def on_weekday(match, ctx: Context) -> Found | None:
    """"Monday", "last Friday", "Tuesday night": the nearest such day on the side the tense points to."""
    if P.NAMED_WEEKDAY_BEFORE.search(ctx.before(match.start(), 16)) or P.NAMED_WEEKDAY_AFTER.match(
        ctx.text, match.end()
    ):
        return None
    if P.EVERY_BEFORE.search(ctx.before(match.start(), P.EVERY_WIDTH)):
        return None  # "every Monday": a set
    if not match["mod"] and P.PLACE_BEFORE.search(ctx.before(match.start(), 11)):
        return None  # "the fifth Monday in February" (no such day), "the first Monday after the vote"
    modifier = match["mod"] and match["mod"].lower()
    weekday = P.WEEKDAYS[match["wd"].lower()]
    # Only a bare weekday other than the dateline's needs the tense ("said on Tuesday" in Tuesday's paper is that day).
    tense_decides = ctx.anchor is not None and modifier not in ("last", "next", "coming") and weekday != ctx.anchor.weekday()
    tense = _weekday_tense(match, ctx) if tense_decides else None
    day = R.weekday_date(ctx.anchor, weekday, tense, modifier) if ctx.anchor else None
    extra = {"tense": tense, "part_of_day": match["part"], "modifier": modifier if modifier in ("early", "late") else None,
             "pattern": None if day else f"XXXX-WXX-{weekday + 1}"}
    value = ctx.date_value(day and day.isoformat(), "day", RELATIVE, **extra)
    found = Found(match.start(), match.end(), "date", value, _side_confidence(ctx, value, tense_decides and tense is None))
    found.weekday = weekday if modifier not in ("last", "next", "coming", "this") else None
    return found


def _weekday_tense(match, ctx: Context) -> str | None:
    if P.POSSESSIVE_EVENT.match(ctx.text, match.end()):
        return PAST  # "Tuesday's declaration", "Thursday's closing price": a day already told of
    tense = ctx.tense(match.start(), match.end())
    if tense != FUTURE and P.UNTIL_BEFORE.search(ctx.before(match.start(), 7)):
        lo, _ = ctx.window(match.start())
        since = max(lo, match.start() - 80)
        if tense is None or P.PRESENT_PERFECT.search(ctx.text, since, match.start()) or P.POSTPONED.search(ctx.text, since, match.start()):
            tense = FUTURE  # "voting runs until Friday", "has extended the warning until Friday", "postponed until Tuesday"
    return tense


def on_week_from_weekday(match, ctx: Context) -> Found | None:
    """"Friday week", "a week on Friday", "a week from Monday" (a week after the coming such day),
    "a week ago Sunday" (a week before the last one); "the week before last", "the weekend after next"."""
    if match["unit"]:
        return _two_on(match, ctx)
    weekday = P.WEEKDAYS[(match["wd"] or match["wd2"]).lower()]
    back = bool(match["way"]) and match["way"].lower().endswith("ago")
    day = None
    if ctx.anchor:
        day = R.weekday_date(ctx.anchor, weekday, PAST if back else FUTURE, None) + timedelta(days=-7 if back else 7)
    value = ctx.date_value(day and day.isoformat(), "day", RELATIVE, pattern=None if day else f"XXXX-WXX-{weekday + 1}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


def _two_on(match, ctx: Context) -> Found | None:
    """"the week before last" (two weeks back from the dateline's), "the weekend after next" (two on)."""
    if not P.THE_BEFORE.search(ctx.before(match.start(), 5)):
        return None
    iso, granularity = _shifted_dateline(ctx, match["unit"], -2 if match["side"].startswith("before") else 2)
    value = ctx.date_value(iso, granularity, RELATIVE)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


def on_the_weekend(match, ctx: Context) -> Found | None:
    """"over the weekend", "at the weekend": the latest weekend on or before the dateline, or the
    coming one when the tense points ahead."""
    start, end = match.span("weekend")
    tense = ctx.tense(start, end)
    if ctx.anchor is None:
        iso = None
    else:
        in_a_weekend = ctx.anchor.weekday() >= 5
        iso = R.shift_period(ctx.anchor, "weekend", 0 if tense == FUTURE or in_a_weekend else -1)[0]
    value = ctx.date_value(iso, "weekend", RELATIVE, tense=tense if iso else None)
    return Found(start, end, "date", value, _side_confidence(ctx, value, iso is not None and tense is None))


def _side_confidence(ctx: Context, value: dict, guessed: bool) -> float:
    """A relative day's confidence, 0.1 lower when no tense told which side of the dateline it is on."""
    return round(ctx.confidence(value) - (0.1 if guessed else 0.0), 2)


_WORD_OFFSETS = {
    "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None), "tonight": (0, "night"),
    "the day before yesterday": (-2, None), "the day after tomorrow": (2, None),
    "this morning": (0, "morning"), "this afternoon": (0, "afternoon"), "this evening": (0, "evening"),
    "last night": (-1, "night"),
}


def on_relative(match, ctx: Context) -> Found | None:
    """"yesterday", "last week", "earlier this month", "two days ago", "a year ago"."""
    if match["word"]:
        return _relative_word(match, ctx)
    if match["yearend"]:
        return _year_end(match, ctx)
    if match["thistime"]:
        return _this_time(match, ctx)
    if match["tunit"]:  # "by the end of the year": this one, unless a past story tells of another
        if ctx.tense(match.start(), match.end()) == PAST:
            return None  # "By the end of the week he had quit": the week of the story
        unit, steps, modifier = match["tunit"], 0, " ".join(match["tpmod"].lower().split()).replace("beginning", "start")
    elif match["rel"]:
        unit, relation = match["unit"], " ".join(match["rel"].lower().split()).replace("this past", "last")
        if relation in ("last", "next") and not match["pmod"] and _a_part_of_something(match, ctx):
            return None  # "the last week of trading", "the last year of his life": no week of the dateline's
        steps = R.weekend_steps(relation) if unit == "weekend" else STEPS[relation]
        modifier = match["pmod"] and " ".join(match["pmod"].lower().split())
    else:
        unit, count = match["agounit"], P.NUMBER_WORDS.get(match["count"].lower())
        if count is None and not match["count"].isdigit():
            return None  # a case-blind match on a look-alike letter ("ſeven days ago")
        count = count if count is not None else int(match["count"])
        if unit == "fortnight":
            unit, count = "week", 2 * count
        steps = -count if match["dir"] == "ago" else count
        modifier = "approximate" if match["orso"] or match["count"].lower() in ("a few", "several", "a couple of") else None
    iso, granularity = _shifted_dateline(ctx, unit, steps)
    value = ctx.date_value(iso, granularity, RELATIVE, modifier=modifier)
    # "from $4 million a year ago" may name the year-ago quarter (``anaphora``).
    anaphor = ("ago",) if match["agounit"] == "year" and steps == -1 else None
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), anaphor=anaphor)


def _a_part_of_something(match, ctx: Context) -> bool:
    """Whether "last week" is "the last week of ..." (the place of a unit in something else)."""
    return bool(P.THE_BEFORE.search(ctx.before(match.start(), 5))) and ctx.text.startswith(" of ", match.end())


def _shifted_dateline(ctx: Context, unit: str, steps: int) -> tuple[str | None, str]:
    """The dateline's ``unit`` moved by ``steps`` and its granularity; no value without a dateline."""
    if ctx.anchor is None:
        return None, "week" if unit == "weekend" else unit
    return R.shift_period(ctx.anchor, unit, steps)


def _year_end(match, ctx: Context) -> Found | None:
    """"by year-end", "at year end": the end of the dateline's year."""
    if not P.YEAR_END_BEFORE.search(ctx.before(match.start(), 12)):
        return None  # "year-end net was below the 1987 level": some year's end
    iso = f"{ctx.anchor.year:04d}" if ctx.anchor else None
    value = ctx.date_value(iso, "year", RELATIVE, modifier="end of", pattern=None if iso else "XXXX")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _this_time(match, ctx: Context) -> Found:
    """"this time last year": about the dateline's day a year before (or after)."""
    steps = -1 if "last" in match["thistime"] else 1
    iso = R.shift_reference(ctx.anchor_iso, "day", "year", steps) if ctx.anchor else None
    value = ctx.date_value(iso, "day", RELATIVE, modifier="approximate", pattern=None if iso else "XXXX-XX-XX")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _relative_word(match, ctx: Context) -> Found | None:
    text = " ".join(match["word"].lower().split())
    if text in ("today", "tomorrow") and _generic(match, ctx):
        return None
    if match["word"] == "Today" and P.NAME_BEFORE_TODAY.search(ctx.before(match.start(), 17)):
        return None  # a name: "USA Today", "VOA Today"
    day_word, _, part_word = text.partition(" ") if text.startswith(("yesterday ", "tomorrow ")) else (text, "", "")
    days, part = _WORD_OFFSETS[day_word]
    part = part_word or part
    iso = R.shift_period(ctx.anchor, "day", days)[0] if ctx.anchor else None
    value = ctx.date_value(iso, "day", RELATIVE, part_of_day=part, modifier=match["wmod"] and match["wmod"].lower())
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))



def _generic(match, ctx: Context) -> bool:
    """Whether "today" or "tomorrow" names the present or the future at large, no day: "today's world",
    "tomorrow's leaders", "the cars of tomorrow"."""
    if P.GENERIC_AFTER_POSSESSIVE.match(ctx.text, match.end()):
        return True
    if ctx.text.startswith(("'s", "’s"), match.end()):
        return False  # "the results of today's vote"
    return bool(P.GENERIC_OF_BEFORE.search(ctx.before(match.start(), 24)))


def time_from_now(match, ctx: Context, unit: str, count: int, approximate: bool = False) -> Found:
    """The date ``count`` units after the dateline ("will be redeemed in five years"), at the unit's
    granularity (``relative``; a decade on is a year); ``approximate``: "in five years or so"."""
    if unit == "decade":
        unit, count = "year", count * 10
    iso, granularity = _shifted_dateline(ctx, unit, count)
    value = ctx.date_value(iso, granularity, RELATIVE, modifier="approximate" if approximate else None)
    end = match.end() + (len(" or so") if approximate else 0)
    return Found(match.start(), end, "date", value, ctx.confidence(value))
