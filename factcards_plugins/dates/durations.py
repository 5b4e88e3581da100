"""The handler for durations: "for three weeks", "48 hours", "a decade", "two and a half years",
"the past 24 hours", "a two-year contract" -> ISO 8601 durations (``P3W``, ``PT48H``, ``P2Y6M``).

Qualifiers stay in the span and the value ("nearly forty years": ``P40Y``, ``modifier:
approximate``, ``qualifier: nearly``); an age ("a 24-year-old", "24 years old") is no duration.
A count the text does not give ("a few days", "several years") is TIMEX3's ``X`` (``PXD``).
"""

from __future__ import annotations

from fractions import Fraction

from . import patterns as P
from .context import Context, Found
from .relative import time_from_now
from .tense import FUTURE

MODIFIERS = {
    "about": "approximate", "around": "approximate", "roughly": "approximate", "nearly": "approximate",
    "almost": "approximate", "approximately": "approximate", "some": "approximate",
    "more than": "more_than", "over": "more_than", "just over": "more_than", "well over": "more_than",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "just under": "less_than",
    "at least": "at_least", "at most": "at_most", "up to": "at_most", "no more than": "at_most",
}
# Where a unit stands for several of another: a decade is ten years, a quarter three months.
_UNIT_SCALE = {"decade": 10, "century": 100, "centurie": 100, "quarter": 3, "fortnight": 2}
# The next smaller unit a fraction of a unit is written in (ISO 8601: "P2Y6M", "PT1H30M").
_SMALLER = {"Y": ("M", 12), "H": ("M", 60), "D": ("H", 24)}
_TIME_UNITS = frozenset({"hour", "minute", "second"})
_TIME_LETTERS = {"hour": "H", "minute": "M", "second": "S"}
# "twice a day", "$40,000 a year", "24 hours a day", "three times a week": a rate or a set, not a duration.
_RATE_BEFORE = (
    "times ", "once ", "twice ", "per ", "percent ", "% ", "hours ", "days ", "weeks ", "months ", "dollars ",
    "euros ", "pounds ", "miles ", "kilometres ", "kilometers ",
)
_QUALIFIER_FREE_OVER = ("for ", "lasted ", "took ", "last ", "spent ", "lasting ")
# The units "in five years" may count ahead of the dateline, in days, and how far ahead it may go.
_DAYS_IN = {"day": 1, "week": 7, "month": 31, "year": 366, "decade": 3660}
_FARTHEST_AHEAD_DAYS = 100 * 366
# How far back in its sentence an earlier year may move "in five years" off the dateline.
_PAST_YEAR_REACH = 240


def on_duration(match, ctx: Context) -> Found | None:
    """"three weeks", "nearly forty years", "past 24 hours", "two-year", "a minute and a half"."""
    if match["longunit"]:  # "a day-long strike"; "a decades-long battle": some decades
        return _found(match, ctx, match.start(), None if match["longplural"] else Fraction(1), None, match["longunit"])
    if match["endedunit"]:  # "revenue for the year ended March 31": twelve months to that day
        return _found(match, ctx, match.start(), Fraction(1), None, match["endedunit"])
    if match["pastunit"]:  # "over the past decade": the one up to now
        return _found(match, ctx, match.start(), Fraction(1), None, match["pastunit"], reference="past")
    lead = P.DURATION_LEAD.search(ctx.before(match.start(), P.DURATION_LEAD_REACH))
    qualifier = lead["qual"] and " ".join(lead["qual"].lower().split())
    reference = lead["ref"] and lead["ref"].lower()
    unit, count_text = match["unit"], match["count"]
    if not _is_a_duration(match, ctx, unit, count_text, reference, qualifier):
        return None
    if _a_point_in_time(match, ctx):
        return None  # "nearly four years ago", "more than two years later": a date (``relative``, ``anaphora``)
    if match["vague"] and match["vague"].lower() == "few" and not reference:
        return None  # "few days pass without ..."
    count = None if match["vague"] else _count(count_text, bool(match["half"]))
    if match["vague"] and "couple" in match["vague"].lower():
        count = Fraction(2)
    if count is None and not match["vague"]:
        return None  # a case-blind match on a look-alike letter
    count2 = _count(match["count2"], False) if match["count2"] else None
    if count2 is not None and count2 <= (count or 0):
        return None  # "10-5 years": a score or a ratio
    if not (qualifier or reference or count2) and count is not None and _is_time_from_now(match, ctx, unit, count):
        return time_from_now(match, ctx, unit, int(count), P.OR_SO_AFTER.match(ctx.text, match.end()) is not None)
    start = match.start() - len(lead.group())
    reference_start = match.start() - (len(lead["ref"]) + 1 if reference else 0)
    if reference == "last" and not qualifier and not P.THE_BEFORE.search(ctx.before(reference_start, 5)):
        start, reference = match.start(), None  # "begin on Friday and last 30 days": the verb
    if qualifier == "over" and not ctx.before(start, 8).lower().endswith(_QUALIFIER_FREE_OVER):
        start, qualifier = reference_start, None  # "over two days" is when, not how long; "for over a decade" is how long
    return _found(match, ctx, start, count, count2, unit, qualifier, reference)


def _is_time_from_now(match, ctx: Context, unit: str, count: Fraction) -> bool:
    """Whether "in" and a future clause make the whole units ``match`` counts a date from the dateline
    ("would be redeemed in five years"), not a length ("its first loss in five years")."""
    if unit not in _DAYS_IN or count.denominator != 1 or not 0 < count * _DAYS_IN[unit] <= _FARTHEST_AHEAD_DAYS:
        return False
    if match["more"] or not P.IN_BEFORE.search(ctx.before(match.start(), 4)):
        return False  # not "within a year", "in five business days"
    if P.OR_TWO_AFTER.match(ctx.text, match.end()) or _counted_before(ctx, match.start() - 3):
        return False  # "in a day or two"; "four matches in 11 days": how many in how long
    if P.ONCE_IN_BEFORE.search(ctx.before(match.start() - 3, P.ONCE_IN_REACH)):
        return False
    return ctx.tense(match.start(), match.end()) == FUTURE and not _past_year_before(ctx, match.start())


def _past_year_before(ctx: Context, start: int) -> bool:
    """Whether the sentence names a year before the dateline's ahead of ``start`` ("The bank said in
    2015 that the notes would be repaid in five years": five years from then, not now)."""
    if ctx.anchor is None:
        return False
    lo = max(ctx.window(start)[0], start - _PAST_YEAR_REACH)
    return any(int(year) < ctx.anchor.year for year in P.YEAR_DIGITS.findall(ctx.text, lo, start))


def _a_point_in_time(match, ctx: Context) -> bool:
    """Whether "ago", "earlier" or "later" after the duration makes it a date that the ``relative`` or
    ``anaphora`` patterns read (a count they know, a unit they know, no half)."""
    if match["half"] or match["count2"] or match["unit"] not in ("day", "week", "month", "year", "decade"):
        return False
    count = " ".join((match["count"] or match["vague"] or "").lower().split())
    after = P.POINT_IN_TIME_AFTER.match(ctx.text, match.end())
    if after is None or not (count.isdigit() or count in P.NUMBER_WORDS):
        return False
    return not (match["vague"] and after["word"] in ("earlier", "later"))  # "a few days later": how long, no day


def _is_a_duration(match, ctx: Context, unit: str, count_text: str | None, reference: str | None, qualifier: str | None) -> bool:
    lowered = (count_text or "").lower()
    if unit == "second" and lowered in ("a", "an", "one") and match["sep"] == " ":
        return False  # "a second time"
    if unit == "quarter" and not (reference or match["more"] or (match["plural"] and match["sep"] == " ")):
        return False  # "three quarter", "three-quarters" are no periods; "three quarters" of a year only with a cue, below
    if unit == "quarter" and not (reference or match["more"]) and not ctx.before(match.start(), 5).lower().endswith(("for ", "in ")):
        return False  # "three quarters of voters"
    if lowered in ("a", "an") and ctx.before(match.start(), 12).lower().endswith(_RATE_BEFORE):
        return False
    if lowered in ("a", "an") and _counted_before(ctx, match.start()):
        return False  # "four flights a week", "$2 million a year": a rate
    if P.RATE_AFTER.match(ctx.text, match.end()):
        return False  # "24 hours a day", "three days a week": a set
    if P.EVERY_BEFORE.search(ctx.before(match.start(), P.EVERY_WIDTH)):
        return False  # "every six months", "every other year": a set
    if ctx.before(match.start(), 2)[-1:] == "-" and ctx.before(match.start(), 2)[:1].isalpha():
        return False  # "Covid-19 days", "G-7 summit": a name's number
    if lowered in ("a", "an") and ctx.text.startswith(" of ", match.end()) and not ctx.before(match.start(), 7).lower().endswith("within "):
        return False  # "a day of unity", "a year of firsts": a kind of day, not a length (but "within a week of")
    if lowered in ("a", "an") and ctx.before(match.start(), 2)[:1].isdigit():
        return False  # "$50,000 a year"
    if lowered == "one" and unit in ("day", "year") and match["sep"] == " " and not (reference or qualifier):
        return ctx.before(match.start(), 7).lower().endswith(("for ", "than ", "within ", "of ", "after ", "in "))  # not "One day, ..."
    return True


def _counted_before(ctx: Context, start: int) -> bool:
    """Whether the word before ``start`` is a plural noun or a number ("seats", "million", "40")."""
    word = P.WORD_BEFORE.search(ctx.before(start, 16))
    if word is None:
        return False
    word = word.group(1).lower()
    return word[-1:].isdigit() or word in ("million", "billion", "thousand", "hundred") or (
        word.endswith("s") and len(word) > 3 and word not in _NOT_PLURALS)


_NOT_PLURALS = frozenset("this his hers its was has does less across towards always perhaps thus yes plus".split())


def _count(text: str, half: bool) -> Fraction | None:
    """The number of units "48", "2.5", "2 1/2", "forty", "twenty-four", "two hundred", "a dozen", "half an",
    "one-and-a-half", "a quarter of a"."""
    text = " ".join(text.lower().replace("-and-a-half", " and a half").split())
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], True
    if text.startswith("half"):
        return Fraction(1, 2)
    if "quarter" in text:
        return Fraction(3 if text.startswith("three") else 1, 4)  # "a quarter of a century", "three-quarters of an hour"
    value = _digits(text) if text[:1].isdigit() else _spelled(text)
    if value is None:
        return None
    return value + Fraction(1, 2) if half else value


def _digits(text: str) -> Fraction | None:
    whole, _, fraction = text.partition(" ")
    value = Fraction(whole.replace(",", ""))
    if fraction:
        numerator, denominator = fraction.split("/")
        value += Fraction(int(numerator), int(denominator))
    return value


def _spelled(text: str) -> Fraction | None:
    words = text.replace("-", " ").split()
    total = 0
    for word in words:
        if word in ("a", "an"):
            total += 1
        elif word in P.UNIT_WORDS or word in P.TENS_WORDS:
            total += P.UNIT_WORDS.get(word) or P.TENS_WORDS[word]
        elif word in ("hundred", "thousand", "dozen"):
            total = (total or 1) * {"hundred": 100, "thousand": 1000, "dozen": 12}[word]
        else:
            return None
    return Fraction(total)


def _found(match, ctx: Context, start: int, count, count2, unit: str, qualifier: str | None = None,
           reference: str | None = None) -> Found:
    value = {
        "value": iso_duration(count, unit),
        "unit": _unit_name(unit),
        "count": _plain(count),
        "modifier": MODIFIERS.get(qualifier) if qualifier else "approximate" if count is None else None,
        "qualifier": qualifier,
        "reference": {"last": "past", "previous": "past", "coming": "next", "following": "next"}.get(reference, reference),
        "max": iso_duration(count2, unit) if count2 is not None else None,
    }
    value = {key: item for key, item in value.items() if item is not None or key in ("value", "count")}
    return Found(start, match.end(), "duration", value, 0.9 if count is not None else 0.7, rangeable=False)


def _unit_name(unit: str) -> str:
    return "century" if unit == "centurie" else unit


def _plain(count: Fraction | None) -> int | float | None:
    if count is None:
        return None
    return int(count) if count.denominator == 1 else float(count)


def iso_duration(count: Fraction | None, unit: str) -> str:
    """ISO 8601 for ``count`` units: ``P3W``, ``PT48H``, ``P2Y6M`` (two and a half years), ``P10Y`` (a
    decade), ``PXD`` (an unknown number of days, TIMEX3's ``X``)."""
    scale = _UNIT_SCALE.get(unit, 1)
    letter = _TIME_LETTERS.get(unit) or P.DURATION_UNITS[unit]
    prefix = "PT" if unit in _TIME_UNITS else "P"
    if count is None:
        return f"{prefix}X{letter}"
    count = count * scale
    whole, rest = int(count), count - int(count)
    if not rest:
        return f"{prefix}{whole}{letter}"
    smaller = _SMALLER.get(letter if unit != "minute" else "MIN")
    if smaller and (rest * smaller[1]).denominator == 1:
        small_letter, factor = smaller
        head = f"{prefix}{whole}{letter}" if whole else prefix
        if letter == "D":
            return f"{head}T{int(rest * factor)}{small_letter}"
        return f"{head}{int(rest * factor)}{small_letter}"
    if unit == "minute" and (rest * 60).denominator == 1:
        return f"PT{whole}M{int(rest * 60)}S" if whole else f"PT{int(rest * 60)}S"
    return f"{prefix}{float(count):g}{letter}"
