"""Handlers for calendar expressions: month and day ("February 12, 2022", "Feb. 14-16"), month
("December 2021", "in May", "last September"), numeric dates, years, decades, centuries, seasons."""

from __future__ import annotations

from datetime import date

from . import patterns as P
from . import resolve as R
from .context import ABSOLUTE, RELATIVE, STEPS, YEAR_INFERRED, Context, Found
from .tense import FUTURE, PAST


def _day_number(token: str) -> int:
    if token[0].isdigit():
        return int(token.rstrip("stndrh"))
    return P.DAY_ORDINALS["-".join(token.lower().split())]


def _spelled_day_stands(match, ctx: Context) -> bool:
    """A day in words is a date only as news writes one: "the third of March" (not "a third of
    March sales"), "on March third" (not "Theresa May first won"), or after a weekday."""
    if not match["sday"] or match["wd"]:
        return True
    if match.re is P.DAY_MONTH:
        return bool(P.THE_BEFORE.search(ctx.before(match.start(), 5))) and " of " in match[0]
    return bool(P.MONTH_CONTEXT.search(ctx.before(match.start(), 12)))


def _month_number(token: str) -> int:
    return P.MONTHS[token.rstrip(".").lower()]


def on_month_day(match, ctx: Context) -> Found | None:
    """"February 12, 2022", "Feb. 14-16", "Monday, February 14", "16th of February"."""
    if _in_wire_dateline(match, ctx):
        return None
    if not _spelled_day_stands(match, ctx):
        return None
    month, year = _month_number(match["month"]), match["year"]
    early = None if year else P.EARLY_YEAR_AFTER.match(ctx.text, match.end())
    year = early["year"] if early else year
    end = early.end() if early else match.end()
    first, last = _day_number(match["day"] or match["sday"]), match["day2"] and _day_number(match["day2"])
    if last is not None and last <= first:
        return None
    start_day = _calendar_day(ctx, match, month, first, year)
    if start_day is False:
        return None
    if last is None:
        week_of = P.WEEK_OF_BEFORE.search(ctx.before(match.start(), 9))
        if week_of and not match["wd"]:
            return _week_of(match, ctx, match.start() - len(week_of.group()), start_day, year)
        found = _found(match, ctx, start_day, "day", YEAR_INFERRED if year is None else ABSOLUTE, f"XXXX-{month:02d}-{first:02d}")
        found.end = end
        return found
    end_day = _calendar_day(ctx, match, month, last, year or (start_day.year if start_day else None))
    if end_day is False:
        return None
    return _range_found(match.start(), end, ctx, start_day, end_day, YEAR_INFERRED if year is None else ABSOLUTE)


def _week_of(match, ctx: Context, start: int, day: date | None, year) -> Found:
    """"the week of May 9": the ISO week that holds the day."""
    value = ctx.date_value(day and R.iso_week(day), "week", YEAR_INFERRED if year is None else ABSOLUTE,
                           pattern=None if day else "XXXX-WXX")
    return Found(start, match.end(), "date", value, ctx.confidence(value))


def _in_wire_dateline(match, ctx: Context) -> bool:
    """Whether ``match`` is the date of a wire dateline ("NEW YORK, March 6 (Reuters) -")."""
    return bool(P.WIRE_DATELINE_AFTER.match(ctx.text, match.end()) and P.WIRE_DATELINE_BEFORE.search(ctx.before(match.start(), 48)))


def _calendar_day(ctx: Context, match, month: int, day: int, year) -> date | None | bool:
    """The date meant, None when no year can be had, False when no such date exists."""
    try:
        date(2000 if year is None else int(year), month, day)
    except ValueError:
        return False
    if year is not None:
        return date(int(year), month, day)
    if ctx.anchor is None:
        return None
    behind = bool(P.ENDED_BEFORE.search(ctx.before(match.start(), 10)))
    return R.month_day_date(ctx.anchor, month, day, ctx.tense_of(match), behind)


def _found(match, ctx: Context, day: date | None, granularity: str, resolution: str, pattern: str) -> Found:
    iso = day.isoformat() if day else None
    value = ctx.date_value(iso, granularity, resolution, pattern=None if iso else pattern)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _range_found(start: int, end: int, ctx: Context, first: date | None, last: date | None, resolution: str) -> Found:
    both = first is not None and last is not None
    value = ctx.date_value(
        f"{first.isoformat()}/{last.isoformat()}" if both else None,
        "day",
        resolution,
        start=first.isoformat() if both else None,
        end=last.isoformat() if both else None,
    )
    return Found(start, end, "date", value, ctx.confidence(value), rangeable=False)


def on_month_year(match, ctx: Context) -> Found | None:
    """"December 2021", "mid-December 2021", "early December", "in May", "last September"."""
    modifier = match["mod"] and match["mod"].lower()
    if match["year"]:
        iso = f"{int(match['year']):04d}-{_month_number(match['month']):02d}"
        value = ctx.date_value(iso, "month", ABSOLUTE, modifier=modifier)
        return Found(match.start(), match.end(), "date", value, ctx.confidence(value))
    if match["relyear"]:
        return _month_of_related_year(match, ctx, modifier)
    relation = match["rel"] and match["rel"].lower()
    if relation and _name_follows(ctx, match.end()):
        return None  # "This March Madness tournament"
    if not (modifier or relation) and not _bare_month_is_date(match, ctx):
        return None
    month = _month_number(match["bare"])
    if ctx.anchor is None:
        first = None
    elif relation:
        first = R.related_month(ctx.anchor, month, relation)
    else:
        first = R.month_start(ctx.anchor, month, _month_tense(match, ctx))
    value = ctx.date_value(first and R.iso_month(first), "month", RELATIVE if relation else YEAR_INFERRED,
                           modifier=modifier, pattern=None if first else f"XXXX-{month:02d}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _month_tense(match, ctx: Context):
    """The side of the dateline a bare month lies on, read only if needed: past for a month naming a
    thing made then ("under a June agreement"), ahead for a limit set by a present perfect or a
    postponement ("has extended loans through January"), else the clause's tense."""
    if P.ARTICLE_BEFORE.search(ctx.before(match.start(), 4)) and P.MONTH_ATTRIBUTIVE_AFTER.match(ctx.text, match.end()):
        return lambda: PAST
    if P.LIMIT_BEFORE.search(ctx.before(match.start(), 9)):
        lo, _ = ctx.window(match.start())
        since = max(lo, match.start() - 80)
        if P.PRESENT_PERFECT.search(ctx.text, since, match.start()) or P.POSTPONED.search(ctx.text, since, match.start()):
            return lambda: FUTURE
    return ctx.tense_of(match)


def _month_of_related_year(match, ctx: Context, modifier: str | None) -> Found:
    """"June last year", "January this year": the month of the year the dateline's year is related to."""
    month = _month_number(match["bare"])
    year = ctx.anchor.year + STEPS[match["relyear"]] if ctx.anchor else None
    value = ctx.date_value(year and f"{year:04d}-{month:02d}", "month", RELATIVE, modifier=modifier,
                           pattern=None if year else f"XXXX-{month:02d}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _bare_month_is_date(match, ctx: Context) -> bool:
    if P.EVERY_BEFORE.search(ctx.before(match.start(), P.EVERY_WIDTH)):
        return False  # "every May": a set
    if P.MONTH_CONTEXT.search(ctx.before(match.start(), 14)):
        return True
    if P.MONTH_DASH_AFTER.match(ctx.text, match.end()) or _month_dash_before(ctx.before(match.start(), 13)):
        return True  # one end of a month range, "June-August"
    if _name_follows(ctx, match.end()):
        return False  # a name: "April Ryan", "June Carter"
    article = P.ARTICLE_BEFORE.search(ctx.before(match.start(), P.ARTICLE_BEFORE_REACH))
    if match["bare"] in ("May", "March"):
        return _compared(article)  # "the wettest May on record", not "the May government"
    if match["bare"] in _FIRST_NAME_MONTHS and ctx.text.startswith(("'s", "’s"), match.end()) and not article:
        return False  # "April's husband"; a month's possessive needs a date context ("in June's")
    if match["bare"] not in _FIRST_NAME_MONTHS and P.VERB_AFTER_MONTH.match(ctx.text, match.end()):
        return True  # the month as a subject: "October was on track to be the busiest"
    return bool(article) or not ctx.before(match.start(), 2)[:1].isalpha()


_FIRST_NAME_MONTHS = frozenset({"April", "June", "August"})


def _name_follows(ctx: Context, end: int) -> bool:
    after = ctx.text[end : end + 2]
    return len(after) == 2 and after[0] == " " and after[1].isupper()


def _compared(article) -> bool:
    """Whether an ``ARTICLE_BEFORE`` match has a comparative or superlative: "a colder", "the wettest"
    (not "the former", "the other")."""
    adjective = article and article["adjective"]
    return bool(adjective and adjective.endswith(("est", "er")) and adjective not in _NOT_COMPARATIVES)


_NOT_COMPARATIVES = frozenset("former latter other another under over after upper inner outer proper every".split())


def _month_dash_before(before: str) -> bool:
    """Whether ``before`` ends with a month and a dash (``MONTH_DASH_BEFORE``), read only after a dash."""
    return before.endswith(P.DASH_ENDINGS) and bool(P.MONTH_DASH_BEFORE.search(before))


def on_numeric(match, ctx: Context) -> Found | None:
    """"2022-02-15", "12/02/2022" (``day_first`` decides), "15.02.2022", "15-Feb-2022"."""
    if match["iy"]:
        parts = int(match["iy"]), int(match["im"]), int(match["id"])
    elif match["dd"]:
        parts = int(match["yy"]), _month_number(match["mon"]), int(match["dd"])
    else:
        a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
        day_first = match["sep"] == "." or a > 12 or (ctx.day_first and b <= 12)
        parts = (year, b, a) if day_first else (year, a, b)
    try:
        day = date(*parts)
    except ValueError:
        return None
    return _found(match, ctx, day, "day", ABSOLUTE, "")


def on_year(match, ctx: Context) -> Found | None:
    """A year standing alone where it is one: "in 2021", "2019-20", "the 1990s", "mid-2021"."""
    year = int(match["year"])
    if match["decade"]:
        if year % 10:
            return None
        modifier = match["mod"] and match["mod"].lower()
        if year % 100 == 0 and year < 2000:  # "the 1800s", "the early 1900s": a century
            value = ctx.date_value(f"{year // 100:02d}XX", "century", ABSOLUTE, modifier=modifier)
        else:
            value = ctx.date_value(f"{year // 10:03d}X", "decade", ABSOLUTE, modifier=modifier)
        return Found(match.start(), match.end(), "date", value, ctx.confidence(value))
    if not (match["mod"] or match["y2"] or _is_year(match, ctx, year)):
        return None
    if match["y2"]:
        return _year_range(match, ctx, year)
    modifier = match["mod"] and match["mod"].lower() or ("fiscal" if P.FISCAL_BEFORE.search(ctx.before(match.start(), 8)) else None)
    value = ctx.date_value(f"{year:04d}", "year", ABSOLUTE, modifier=modifier)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def on_short_decade(match, ctx: Context) -> Found:
    """"the '80s", "the early '90s": the decade of this century when it has begun by the dateline's
    year, else of the last (``198X``, as "the 1980s")."""
    tens = int(match["digits"])
    this_century = (ctx.anchor.year if ctx.anchor else 1999) // 100 * 100
    start_year = this_century + tens if this_century + tens <= (ctx.anchor.year if ctx.anchor else 1999) else this_century - 100 + tens
    value = ctx.date_value(f"{start_year // 10:03d}X", "decade", YEAR_INFERRED, modifier=match["mod"] and match["mod"].lower())
    start = match.start() if match["mod"] else match.start() - 1  # the apostrophe before the digits
    return Found(start, match.end(), "date", value, ctx.confidence(value))


def on_century(match, ctx: Context) -> Found | None:
    """"the 21st century", "the nineteenth century": the century's years with the unknown digits as ``X``
    (ISO 8601-2, EDTF: the 21st is ``20XX``)."""
    if match["turn"]:
        return _turn_of_century(match, ctx)
    if not (match["number"] or match["word"]):
        return None  # "a century"
    number = int(match["number"]) if match["number"] else P.CENTURY_ORDINALS.get(match["word"].lower())
    if number is None:
        return None  # a case-blind match on a look-alike letter ("nıneteenth")
    value = ctx.date_value(f"{number - 1:02d}XX", "century", ABSOLUTE, modifier=match["mod"] and match["mod"].lower())
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _turn_of_century(match, ctx: Context) -> Found | None:
    """"the turn of the 20th century": the year it began (1900), about; "the turn of the century": the
    turn nearest the dateline (2000 in 1998 and in 2021)."""
    if match["number"] or match["word"]:
        number = int(match["number"]) if match["number"] else P.CENTURY_ORDINALS.get(match["word"].lower())
        if number is None or number < 2:
            return None  # the 1st century turned at no year the calendar has (0 is no ISO year here)
        year, resolution = (number - 1) * 100, ABSOLUTE
    elif ctx.anchor is not None:
        year, resolution = round(ctx.anchor.year / 100) * 100, RELATIVE
    else:
        year, resolution = None, RELATIVE
    value = ctx.date_value(year and f"{year:04d}", "year", resolution, modifier="approximate",
                           pattern=None if year else "XXXX")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def on_spelled_year(match, ctx: Context) -> Found | None:
    """"nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand", "the
    nineties" (the 1990s: ``199X``)."""
    if match["decade"]:
        decade = P.TENS_WORDS[match["decade"][:-3] + "y"]  # "nineties" -> "ninety"
        value = ctx.date_value(f"19{decade // 10}X", "decade", ABSOLUTE)
        return Found(match.start(), match.end(), "date", value, ctx.confidence(value))
    if match["millennium"]:
        year = 2000 + (P.UNIT_WORDS.get(match["after"]) if match["after"] else 0)
    else:
        century = 1900 if match["century"].lower() == "nineteen" else 1800
        year = century + P.TENS_WORDS[match["tens"]] + (P.UNIT_WORDS[match["unit"]] if match["unit"] else 0)
    if P.COUNT_NOUN_AFTER.match(ctx.text, match.end()):
        return None  # "nineteen forty people"
    if match["month"]:
        value = ctx.date_value(f"{year:04d}-{_month_number(match['month']):02d}", "month", ABSOLUTE)
    else:
        value = ctx.date_value(f"{year:04d}", "year", ABSOLUTE)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _is_year(match, ctx: Context, year: int) -> bool:
    before = ctx.before(match.start())
    after = ctx.text[match.end() : match.end() + 48]
    if P.COUNT_NOUN_AFTER.match(after):
        return False  # "2021 people"
    if after.startswith(("'s", "’s")):
        return True  # "2021's budget"
    if after.startswith(")") and before.endswith("("):
        return True  # a film's year: "Lady and the Tramp" (1955)
    if P.EVENT_NOUN_AFTER.match(after):
        return not P.QUANTIFIER_BEFORE.search(before)  # "the 2016 election", not "some 1900 attacks"
    if P.YEAR_IN_LIST_BEFORE.search(before, max(0, len(before) - 7)) and P.YEAR_IN_LIST_AFTER.match(after):
        return True  # "in 1994, 1995 and 1997"
    context = P.STRONG_YEAR_CONTEXT if year % 100 == 0 else P.YEAR_CONTEXT
    return bool(context.search(before, max(0, len(before) - P.YEAR_CONTEXT_REACH)))


def _year_range(match, ctx: Context, first: int) -> Found | None:
    second = int(match["y2"]) if len(match["y2"]) == 4 else first // 100 * 100 + int(match["y2"])
    if not first < second <= first + 100:
        return None
    value = ctx.date_value(f"{first:04d}/{second:04d}", "year", ABSOLUTE, start=f"{first:04d}", end=f"{second:04d}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)



def on_season(match, ctx: Context) -> Found | None:
    """"last summer", "winter 2021", "in the spring": TIMEX-style ``2021-SU`` with month bounds."""
    modifier = match["mod"] and " ".join(match["mod"].lower().split()).replace("this past", "last")
    if not (modifier or match["year"] or match["yy"] or match["ryear"] or _season_context(ctx, match)):
        return None
    season = P.SEASONS[match["season"]]
    if match["ryear"]:
        return _season_of_related_year(match, ctx, season)
    if match["year2"] and not (season == "WI" and int(match["year2"][-2:]) == (int(match["year"]) + 1) % 100):
        return None  # "the winter of 1998-99" is the winter that starts in 1998; a span of other years is no season
    if match["year"] or match["yy"]:  # "the summer of '98": 1998, two digits as for "FY99"
        year, resolution = int(match["year"] or R.full_year(match["yy"])), ABSOLUTE
    elif ctx.anchor is not None:
        relation = modifier if modifier in ("last", "next", "this") else None
        year = R.season_year(ctx.anchor, season, relation, ctx.tense_of(match))
        resolution = RELATIVE if relation else YEAR_INFERRED
    else:
        year, resolution = None, RELATIVE if modifier in ("last", "next", "this") else YEAR_INFERRED
    bounds = R.season_bounds(year, season) if year is not None else (None, None)
    value = ctx.date_value(year is not None and f"{year:04d}-{season}" or None, "season", resolution,
                           start=bounds[0], end=bounds[1], pattern=None if year is not None else f"XXXX-{season}",
                           modifier=modifier if modifier in ("early", "late", "mid") else None)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


def _season_of_related_year(match, ctx: Context, season: str) -> Found:
    """"the spring of last year", "the autumn of next year": that season of the dateline's year moved."""
    year = ctx.anchor.year + STEPS[match["ryear"]] if ctx.anchor else None
    if year is not None and season == "WI" and match["ryear"] == "this" and ctx.anchor.month <= 2:
        year -= 1  # "the winter of this year" in February: the winter that began in December
    bounds = R.season_bounds(year, season) if year is not None else (None, None)
    value = ctx.date_value(year is not None and f"{year:04d}-{season}" or None, "season", RELATIVE,
                           start=bounds[0], end=bounds[1], pattern=None if year is not None else f"XXXX-{season}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


_SEASON_AFTER = (
    "in the ", "in ", "during the ", "by the ", "until the ", "till the ", "since the ", "over the ", "for the ",
    "into the ", "through the ", "throughout the ", "after the ", "before the ", "from the ",
)
# "the fall in prices", "the fall of Kabul": a fall, not autumn.
_FALL_NOT_SEASON = (" in ", " of ", " from ", " to ", " by ", " was ", " is ", " than ", " on ", " at ", " after ", " since ", " as ")


def _season_context(ctx: Context, match) -> bool:
    if match["season"] == "fall" and ctx.text.startswith(_FALL_NOT_SEASON, match.end()):
        return False
    before = ctx.before(match.start(), P.ARTICLE_BEFORE_REACH)
    if before.lower().endswith(_SEASON_AFTER):
        return True
    return _compared(P.ARTICLE_BEFORE.search(before))  # "the hottest summer on record"

