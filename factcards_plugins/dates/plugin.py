"""``dates``: dates and times in news text, grounded and normalized to ISO 8601.

Finds absolute dates ("February 12, 2022", "15-Feb-2022", "2022-02-15",
"12/02/2022"), partial ones ("February 16", "December 2021", "in 2021"),
relative ones ("Monday", "yesterday", "last week", "two days ago", "earlier
this month"), quarters, halves, seasons, decades, ranges ("Feb 14-16", "from
2019 to 2021", "between Monday and Wednesday") and times of day ("12:57",
"3 p.m. local time", "0900 GMT"). Values are ISO 8601 at the expression's own
granularity, resolved against the article's dateline; how, and against what,
is part of the value. Span conventions and resolution rules:
``docs/extractors-dates.md``.

Config: ``day_first`` (default False) reads ``12/02/2022`` as 12 February.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from factcards import Extractor, Fact, FactType, hookimpl, load_schema

from . import patterns as P
from . import resolve as R
from .tense import FUTURE, PAST, TenseReader

VERSION = "0.1.0"
ABSOLUTE, YEAR_INFERRED, RELATIVE = "absolute", "year_inferred", "relative"
CONFIDENCE = {ABSOLUTE: 0.95, YEAR_INFERRED: 0.85, RELATIVE: 0.8}
UNRESOLVED_CONFIDENCE = 0.4
ZONE_OFFSETS = {
    "GMT": "+00:00", "UTC": "+00:00", "WET": "+00:00", "WEST": "+01:00", "BST": "+01:00", "CET": "+01:00",
    "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "PKT": "+05:00", "ICT": "+07:00",
    "HKT": "+08:00", "SGT": "+08:00", "AWST": "+08:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00",
    "AEDT": "+11:00", "NZST": "+12:00", "NZDT": "+13:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
    "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
}


@dataclass
class Found:
    """A candidate expression before overlaps and ranges are settled."""

    start: int
    end: int
    type: str
    value: dict
    confidence: float
    rangeable: bool = True


@dataclass
class Context:
    """What every pattern handler needs: the text, the anchor, the sentence windows, the config."""

    text: str
    anchor: date | None
    document: object
    day_first: bool = False
    _tenses: dict = field(default_factory=dict)
    _reader: TenseReader | None = None
    _game_sentences: dict = field(default_factory=dict)
    _headlines: list | None = None

    def __post_init__(self) -> None:
        self.anchor_iso = self.anchor.isoformat() if self.anchor else None

    def tense(self, start: int, end: int) -> str | None:
        """The tense of the clause around ``start..end`` (``TenseReader``), with the rules that need
        more than the clause's words; read once per expression."""
        if (start, end) not in self._tenses:
            lo, hi = self.window(start)
            if self._reader is None:
                self._reader = TenseReader(self.text)
            self._tenses[(start, end)] = (
                self._tense_beyond_the_clause(start)
                or self._reader.tense(start, end, lo, hi)
                or self._headline_tense(start, lo)
            )
        return self._tenses[(start, end)]

    def _tense_beyond_the_clause(self, start: int) -> str | None:
        """Past after "since" ("its worst week since October"), whatever the clause says."""
        return PAST if P.SINCE_BEFORE.search(self.before(start, 6)) else None

    def _headline_tense(self, start: int, lo: int) -> str | None:
        """Future for an infinitive in a title or heading ("Heat to peak on Thursday"), else None."""
        if self._in_headline(start) and P.HEADLINE_INFINITIVE.search(self.text, max(lo, start - 120), start):
            return FUTURE
        return None

    def _in_headline(self, offset: int) -> bool:
        if self._headlines is None:
            regions = self.document.regions_of("title", "heading")
            self._headlines = sorted((region.start, region.end) for region in regions)
        i = bisect.bisect_right(self._headlines, (offset, float("inf"))) - 1
        return i >= 0 and offset < self._headlines[i][1]

    def tense_of(self, match) -> R.TenseOf:
        """The tense around ``match``, read only if the returned function is called."""
        return partial(self.tense, match.start(), match.end())

    def tells_of_a_game(self, offset: int) -> bool:
        """Whether the sentence around ``offset`` has words of a game report (``GAME_WORDS``) and none of
        business (``FINANCE_WORDS``); read once per sentence."""
        window = self.window(offset)
        if window not in self._game_sentences:
            game = P.GAME_WORDS.search(self.text, *window) and not P.FINANCE_WORDS.search(self.text, *window)
            self._game_sentences[window] = bool(game)
        return self._game_sentences[window]

    def window(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset``, else its line."""
        index = self.document.sentence_index(offset) if getattr(self.document, "sentences", None) else None
        if index is not None:
            sentence = self.document.sentences[index]
            return sentence.start, sentence.end
        return self.line(offset)

    def line(self, offset: int) -> tuple[int, int]:
        lo = self.text.rfind("\n", 0, offset) + 1
        hi = self.text.find("\n", offset)
        return lo, len(self.text) if hi < 0 else hi

    def before(self, offset: int, width: int = 24) -> str:
        return self.text[max(0, offset - width) : offset]

    def date_value(self, iso: str | None, granularity: str, resolution: str, **extra) -> dict:
        anchored = resolution != ABSOLUTE and iso is not None
        value = {"value": iso, "granularity": granularity, "resolution": resolution, "anchor": self.anchor_iso if anchored else None}
        for key, item in extra.items():
            if item is not None:
                value[key] = item
        return value

    def confidence(self, value: dict) -> float:
        return CONFIDENCE[value["resolution"]] if value["value"] is not None else UNRESOLVED_CONFIDENCE


# --- absolute and partial dates -------------------------------------------------------------


def _day_number(token: str) -> int:
    return int(token.rstrip("stndrh"))


def _month_number(token: str) -> int:
    return P.MONTHS[token.rstrip(".").lower()]


def on_month_day(match, ctx: Context) -> Found | None:
    """"February 12, 2022", "Feb. 14-16", "Monday, February 14", "16th of February"."""
    if _in_wire_dateline(match, ctx):
        return None
    month, year = _month_number(match["month"]), match["year"]
    first, last = _day_number(match["day"]), match["day2"] and _day_number(match["day2"])
    if last is not None and last <= first:
        return None
    start_day = _calendar_day(ctx, match, month, first, year)
    if start_day is False:
        return None
    if last is None:
        return _found(match, ctx, start_day, "day", YEAR_INFERRED if year is None else ABSOLUTE, f"XXXX-{month:02d}-{first:02d}")
    end_day = _calendar_day(ctx, match, month, last, year or (start_day.year if start_day else None))
    if end_day is False:
        return None
    return _range_found(match.start(), match.end(), ctx, start_day, end_day, YEAR_INFERRED if year is None else ABSOLUTE)


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
    return R.month_day_date(ctx.anchor, month, day, ctx.tense_of(match))


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
        first = R.month_start(ctx.anchor, month, ctx.tense_of(match))
    value = ctx.date_value(first and R.iso_month(first), "month", RELATIVE if relation else YEAR_INFERRED,
                           modifier=modifier, pattern=None if first else f"XXXX-{month:02d}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _bare_month_is_date(match, ctx: Context) -> bool:
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
        value = ctx.date_value(f"{year // 10:03d}", "decade", ABSOLUTE)
        return Found(match.start(), match.end(), "date", value, ctx.confidence(value))
    if not (match["mod"] or match["y2"] or _is_year(match, ctx, year)):
        return None
    if match["y2"]:
        return _year_range(match, ctx, year)
    modifier = match["mod"] and match["mod"].lower() or ("fiscal" if P.FISCAL_BEFORE.search(ctx.before(match.start(), 8)) else None)
    value = ctx.date_value(f"{year:04d}", "year", ABSOLUTE, modifier=modifier)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def on_century(match, ctx: Context) -> Found | None:
    """"the 21st century", "the nineteenth century": ISO 8601's two-digit century (the 21st is ``20``)."""
    number = int(match["number"]) if match["number"] else P.CENTURY_ORDINALS.get(match["word"].lower())
    if number is None:
        return None  # a case-blind match on a look-alike letter ("nıneteenth")
    value = ctx.date_value(f"{number - 1:02d}", "century", ABSOLUTE, modifier=match["mod"] and match["mod"].lower())
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _is_year(match, ctx: Context, year: int) -> bool:
    before = ctx.before(match.start())
    after = ctx.text[match.end() : match.end() + 24]
    if P.COUNT_NOUN_AFTER.match(after):
        return False  # "2021 people"
    if after.startswith(("'s", "’s")):
        return True  # "2021's budget"
    if after.startswith(")") and before.endswith("("):
        return True  # a film's year: "Lady and the Tramp" (1955)
    if P.EVENT_NOUN_AFTER.match(after):
        return not P.QUANTIFIER_BEFORE.search(before)  # "the 2016 election", not "some 1900 attacks"
    context = P.STRONG_YEAR_CONTEXT if year % 100 == 0 else P.YEAR_CONTEXT
    return bool(context.search(before, max(0, len(before) - P.YEAR_CONTEXT_REACH)))


def _year_range(match, ctx: Context, first: int) -> Found | None:
    second = int(match["y2"]) if len(match["y2"]) == 4 else first // 100 * 100 + int(match["y2"])
    if not first < second <= first + 100:
        return None
    value = ctx.date_value(f"{first:04d}/{second:04d}", "year", ABSOLUTE, start=f"{first:04d}", end=f"{second:04d}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


# --- relative dates --------------------------------------------------------------------------


def on_weekday(match, ctx: Context) -> Found | None:
    """"Monday", "last Friday", "Tuesday night": the nearest such day on the side the tense points to."""
    if P.NAMED_WEEKDAY_BEFORE.search(ctx.before(match.start(), 16)) or P.NAMED_WEEKDAY_AFTER.match(
        ctx.text, match.end()
    ):
        return None
    modifier = match["mod"] and match["mod"].lower()
    weekday = P.WEEKDAYS[match["wd"].lower()]
    # Only a bare weekday other than the dateline's needs the tense ("said on Tuesday" in Tuesday's paper is that day).
    tense_decides = ctx.anchor is not None and modifier not in ("last", "next", "coming") and weekday != ctx.anchor.weekday()
    tense = _weekday_tense(match, ctx) if tense_decides else None
    day = R.weekday_date(ctx.anchor, weekday, tense, modifier) if ctx.anchor else None
    extra = {"tense": tense, "part_of_day": match["part"], "modifier": modifier if modifier in ("early", "late") else None,
             "pattern": None if day else f"XXXX-WXX-{weekday + 1}"}
    value = ctx.date_value(day and day.isoformat(), "day", RELATIVE, **extra)
    return Found(match.start(), match.end(), "date", value, _side_confidence(ctx, value, tense_decides and tense is None))


def _weekday_tense(match, ctx: Context) -> str | None:
    tense = ctx.tense(match.start(), match.end())
    if tense != FUTURE and P.UNTIL_BEFORE.search(ctx.before(match.start(), 7)):
        lo, _ = ctx.window(match.start())
        if tense is None or P.PRESENT_PERFECT.search(ctx.text, max(lo, match.start() - 80), match.start()):
            tense = FUTURE  # "voting runs until Friday", "has extended the warning until Friday"
    return tense


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
_STEPS = {"this": 0, "last": -1, "next": 1, "coming": 1}


def on_relative(match, ctx: Context) -> Found | None:
    """"yesterday", "last week", "earlier this month", "two days ago", "a year ago"."""
    if match["word"]:
        return _relative_word(match, ctx)
    if match["tunit"]:  # "by the end of the year": this one, unless a past story tells of another
        if ctx.tense(match.start(), match.end()) == PAST:
            return None  # "By the end of the week he had quit": the week of the story
        unit, steps, modifier = match["tunit"], 0, " ".join(match["tpmod"].lower().split()).replace("beginning", "start")
    elif match["rel"]:
        unit, relation = match["unit"], match["rel"].lower()
        steps = R.weekend_steps(relation) if unit == "weekend" else _STEPS[relation]
        modifier = match["pmod"] and " ".join(match["pmod"].lower().split())
    else:
        unit, count = match["agounit"], P.NUMBER_WORDS.get(match["count"].lower())
        if count is None and not match["count"].isdigit():
            return None  # a case-blind match on a look-alike letter ("ſeven days ago")
        count = count if count is not None else int(match["count"])
        steps = -count if match["dir"] == "ago" else count
        modifier = "approximate" if match["count"].lower() in ("a few", "several", "a couple of") else None
    if ctx.anchor is None:
        iso, granularity = None, "week" if unit == "weekend" else unit
    else:
        iso, granularity = R.shift_period(ctx.anchor, unit, steps)
    value = ctx.date_value(iso, granularity, RELATIVE, modifier=modifier)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def _relative_word(match, ctx: Context) -> Found | None:
    text = " ".join(match["word"].lower().split())
    if text == "today" and ctx.before(match.start(), 7).rstrip().endswith(("USA", "Russia", "China", "India")):
        return None
    days, part = _WORD_OFFSETS[text]
    iso = R.shift_period(ctx.anchor, "day", days)[0] if ctx.anchor else None
    value = ctx.date_value(iso, "day", RELATIVE, part_of_day=part)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def on_quarter(match, ctx: Context) -> Found | None:
    """"the third quarter", "Q3 2022", "first half of 2022", "fourth-quarter", "Q3 FY2024"."""
    fiscal = bool(match["fyear"] or match["qfyear"] or match["fiscalyear"] or P.FISCAL_BEFORE.search(ctx.before(match.start(), 8)))
    if match["q"]:
        kind, number = ("quarter" if match["q"][0] == "Q" else "half"), int(match["q"][1])
        year = match["qyear"] or (match["qyy"] and _full_year(match["qyy"]))
        if year is None and not fiscal and not P.MONTH_CONTEXT.search(ctx.before(match.start(), 10)):
            return None
        if kind == "half" and number > 2:
            return None
    else:
        of_a_year = match["year"] or match["ryear"] or match["fyear"] or match["fiscalyear"] or match.group().endswith("the year")
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
    if fiscal:
        return _fiscal_period_found(match, ctx, kind, number, year)
    return _period_found(match, ctx, kind, number, year)


def _period_of_play(match, ctx: Context) -> bool:
    """Whether a bare "the second half" is a period of a game or a part of something
    ("the first half of the runners"), not of the year."""
    if ctx.text.startswith(" of ", match.end()):
        return True
    return ctx.tells_of_a_game(match.start())


def _fiscal_period_found(match, ctx: Context, kind: str, number: int, year: str | None) -> Found:
    """A company's fiscal quarter or half: labelled with its fiscal year when the text gives one,
    never with a calendar year guessed from the dateline (fiscal years start in any month)."""
    label = f"Q{number}" if kind == "quarter" else f"H{number}"
    fiscal_year = match["fyear"] or match["qfyear"]
    if fiscal_year:
        year = _full_year(fiscal_year)
    resolution = RELATIVE if match["ryear"] else ABSOLUTE if year else YEAR_INFERRED
    value = ctx.date_value(year and f"{year}-{label}", kind, resolution, modifier="fiscal", pattern=None if year else f"XXXX-{label}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def on_fiscal_year(match, ctx: Context) -> Found | None:
    """"FY2024", "FY 24", "FY2024-25": a company's fiscal year, labelled by its own year number."""
    year = _full_year(match["year"])
    if not match["year2"]:
        value = ctx.date_value(year, "year", ABSOLUTE, modifier="fiscal")
        return Found(match.start(), match.end(), "date", value, ctx.confidence(value))
    second = _full_year(match["year2"]) if len(match["year2"]) == 4 else year[:2] + match["year2"]
    if int(second) != int(year) + 1:
        return None
    value = ctx.date_value(f"{year}/{second}", "year", ABSOLUTE, modifier="fiscal", start=year, end=second)
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value), rangeable=False)


def _full_year(digits: str) -> str:
    """A year written with two digits read as 19xx or 20xx ("FY99" is 1999, "FY24" 2024)."""
    if len(digits) == 4:
        return digits
    return f"{19 if int(digits) >= 70 else 20}{digits}"


def _relative_year(ctx: Context, relation: str | None) -> str | None:
    if relation is None or ctx.anchor is None:
        return None
    return str(ctx.anchor.year + _STEPS[relation])


def _period_found(match, ctx: Context, kind: str, number: int, year: str | None) -> Found:
    label = f"Q{number}" if kind == "quarter" else f"H{number}"
    resolution = ABSOLUTE if year and (match["year"] or match["qyear"] or match["qyy"]) else YEAR_INFERRED
    if year is None and ctx.anchor is not None:
        first_quarter = number if kind == "quarter" else 2 * number - 1
        year = str(R.quarter_year(ctx.anchor, first_quarter, ctx.tense_of(match), months=3 if kind == "quarter" else 6))
    value = ctx.date_value(year and f"{int(year):04d}-{label}", kind, RELATIVE if resolution != ABSOLUTE and match["ryear"] else resolution,
                           pattern=None if year else f"XXXX-{label}")
    return Found(match.start(), match.end(), "date", value, ctx.confidence(value))


def on_season(match, ctx: Context) -> Found | None:
    """"last summer", "winter 2021", "in the spring": TIMEX-style ``2021-SU`` with month bounds."""
    modifier = match["mod"] and match["mod"].lower()
    if not (modifier or match["year"] or _season_context(ctx, match)):
        return None
    season = P.SEASONS[match["season"]]
    if match["year"]:
        year, resolution = int(match["year"]), ABSOLUTE
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


# --- times of day ----------------------------------------------------------------------------


def on_time(match, ctx: Context) -> Found | None:
    """"12:57", "3 p.m. local time", "9.30am", "0900 GMT", "at noon"; never a bare line like "00:39"."""
    if match["named"]:
        if not (match["zone"] or ctx.before(match.start(), 8).lower().rstrip().endswith(("at", "before", "after", "until", "by", "around", "from", "till", "since", "to"))):
            return None
        hour, minute, second = (0 if match["named"] == "midnight" else 12), 0, None
    elif match["ampm"]:
        hour, minute, second = int(match["h12"]) % 12 + (12 if match["ampm"][0] in "pP" else 0), match["m12"], None
    elif match["hmil"]:
        hour, minute, second = int(match["hmil"]), match["mmil"], None
    else:
        lo, hi = ctx.line(match.start())
        if P.TIME_ONLY_LINE.fullmatch(ctx.text, lo, hi):
            return None
        hour, minute, second = int(match["h24"]), match["m24"], match["s24"]
    return _time_found(match, ctx, hour, minute, second)


def _time_found(match, ctx: Context, hour: int, minute, second) -> Found:
    iso = f"{hour:02d}:{int(minute or 0):02d}" + (f":{second}" if second else "")
    granularity = "second" if second else "minute" if minute is not None or match["named"] else "hour"
    zone = match["zone"] and " ".join(match["zone"].split())
    value = {"value": iso, "granularity": granularity, "resolution": ABSOLUTE, "zone": zone,
             "utc_offset": _utc_offset(zone)}
    confidence = 0.9 if match["ampm"] or zone or match["named"] else 0.75
    return Found(match.start(), match.end(), "time", value, confidence)


def _utc_offset(zone: str | None) -> str | None:
    if not zone:
        return None
    if zone[:3] in ("GMT", "UTC") and len(zone) > 3:
        sign, rest = ("+" if "+" in zone else "-"), zone[3:].replace("+", " ").replace("-", " ").replace(":", "").split()
        digits = "".join(rest)
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        return f"{sign}{int(hours):02d}:{minutes}"
    return ZONE_OFFSETS.get(zone)


# --- putting it together ---------------------------------------------------------------------

HANDLERS = (
    (P.MONTH_DAY, on_month_day),
    (P.DAY_MONTH, on_month_day),
    (P.NUMERIC, on_numeric),
    (P.MONTH_YEAR, on_month_year),
    (P.YEAR, on_year),
    (P.QUARTER, on_quarter),
    (P.FISCAL_YEAR, on_fiscal_year),
    (P.CENTURY, on_century),
    (P.SEASON, on_season),
    (P.RELATIVE, on_relative),
    (P.WEEKDAY, on_weekday),
    (P.THE_WEEKEND, on_the_weekend),
    (P.TIME, on_time),
)


def find_dates(document, day_first: bool = False) -> list[Found]:
    """Every date and time expression in ``document``, overlaps settled and ranges joined."""
    published = document.published_datetime
    ctx = Context(document.text, published.date() if published else None, document, day_first)
    matches = [(match, handler) for pattern, handler in HANDLERS for match in P.find(pattern, ctx.text)]
    return join_ranges(ctx, settle_overlaps(matches, ctx))


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
        if candidate is not None:
            kept.append(candidate)
    return kept


def join_ranges(ctx: Context, found: list[Found]) -> list[Found]:
    """"from 2019 to 2021", "Monday to Wednesday", "9 a.m.-5 p.m.": one fact, connectives kept."""
    joined: list[Found] = []
    for candidate in found:
        previous = joined[-1] if joined else None
        merged = previous and _join(ctx, previous, candidate)
        if merged:
            joined[-1] = merged
        else:
            joined.append(candidate)
    return joined


def _join(ctx: Context, first: Found, second: Found) -> Found | None:
    if not (first.rangeable and second.rangeable and first.type == second.type):
        return None
    if first.value["granularity"] != second.value["granularity"] or "start" in first.value:
        return None
    connector = P.RANGE_CONNECTOR.fullmatch(ctx.text, first.end, second.start)
    if connector is None:
        return None
    opener = P.RANGE_OPENER.search(ctx.before(first.start, 9))
    word = connector.group().strip()
    if word == "and" and not (opener and opener.group().lower().startswith("between")):
        return None
    start = first.start - len(opener.group()) if opener else first.start
    return Found(start, second.end, first.type, _range_value(first.value, second.value), min(first.confidence, second.confidence), False)


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


def extract(document, config) -> list[Fact]:
    text = document.text
    return [
        Fact(found.type, text[found.start : found.end], found.start, found.end, found.value, found.confidence)
        for found in find_dates(document, bool(config.get("day_first", False)))
    ]


@hookimpl
def register_fact_types(register):
    """Register ``date`` and ``time`` with their value schemas (``schemas/facts/date.json``, ``time.json``)."""
    register(FactType("date", load_schema("facts/date.json"), "A date, period or date range, ISO 8601 at its own granularity."))
    register(FactType("time", load_schema("facts/time.json"), "A time of day, with its zone when the text gives one."))


@hookimpl
def register_extractors(register):
    """Register the ``dates`` extractor (fact types ``date`` and ``time``)."""
    register(
        Extractor(
            name="dates",
            fact_types=("date", "time"),
            extract=extract,
            version=VERSION,
            default_config={"day_first": False},
            description="Dates, periods, ranges and times of day, resolved against the dateline.",
        )
    )
