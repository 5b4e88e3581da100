"""Pass 1 and 2 for digits: a run of digits becomes a number unless what touches it makes it a
name, code, date, time or phone number (``G7``, ``F-35``, ``12:57``, ``15-Feb-2022``).
"""

from __future__ import annotations

import re

from .currencies import (
    GLUED_LETTER_PREFIXES, GLUED_PREFIX_BEFORE, GLUED_PREFIX_REACH, SCALE_AFTER_SCALED_PREFIX, money_code, scaled_prefix_before,
)  # fmt: skip
from .cues import DASH_CHAIN_LEFT, DASH_CHAIN_RIGHT, MONTH_AFTER, MONTH_BEFORE, PERIOD_AFTER_ORDINAL
from .model import Number
from .scales import SCALE_AFTER
from .vocabulary import EN_DASH, MINUS_SIGNS, SCALE_ABBREVIATIONS


# A run of digits (thousands separators, or the Indian lakh grouping "1,25,000" and "2,50,00,000";
# decimals); it starts with an ASCII digit (other \d are not numbers here), which lets the regex
# engine skip ahead to the next one.
DIGIT_ATOM = re.compile(r"[0-9](?:\d{0,2}(?:,\d{3}){1,6}(?!\d)|\d?(?:,\d\d){1,5},\d{3}(?![\d,])|\d{0,20})(?:\.\d{1,12})?")
_PHONE = re.compile(
    r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,5}\)[ .-]?\d{2,5}[ .-]\d{3,5}|(?:\(\d{2,5}\)[ .-]?)?\d{2,5}[ .-]\d{3,4}[ .-]\d{3,5})(?![\d,])"
)  # +44 20 7946 0958, (212) 555-0100
# A local number of seven digits ("555-0100"), a phone when its last four are zero-padded (no count
# is written so) or a word of calling stands before it ("call 555-1234"); a toll-free number in
# letters ("1-800-FLOWERS").
_LOCAL_PHONE = re.compile(r"(?<![\d-])\d{3}-(?P<line>\d{4})(?![\d-])")
_CALL_BEFORE = re.compile(r"\b(?:call|calls|calling|called|phone|telephone|tel|dial|fax|hotline|helpline|ring|text|number)\b[^.\d]{0,20}\Z", re.IGNORECASE)
_VANITY_PHONE = re.compile(r"(?<![\d-])(?:1-)?[2-9]\d\d-(?:\d{3}-)?[A-Z]{4,}\b")
# Two amounts with their scales or pence joined by a dash, a range ("£3bn-4bn", "40p-50p", "5
# million-6 million"), not a letter-hyphen-digit code: the scale before the dash, and after the digits.
_SCALE_WORDS = r"(?:bn|mn|mln|bln|tn|trn|[mkbp]|[ -](?:thousand|million|billion|trillion))\b"
_SCALED_AMOUNT_BEFORE = re.compile(rf"\d{_SCALE_WORDS}\Z", re.IGNORECASE)
_SCALE_AFTER_DIGITS = re.compile(_SCALE_WORDS, re.IGNORECASE)
# "5-to-6 percent", "ruled 5-to-4": the second number of a hyphenated pair, not a code ("F-35").
_HYPHENATED_TO_BEFORE = re.compile(r"\d-to-\Z")
# A year and a dash before two digits: the start of "2020-21".
_YEAR_BEFORE_DASH = re.compile(r"(?<![\d,.])(?:1\d|20|21)(?P<yy>\d\d)[-–]\Z")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_CODE_AFTER = re.compile(r"[A-Z]{3}(?![A-Za-z0-9])")
# Units of measure glued to the digits that name nothing else ("5km", "3.5GHz"; not "5G", "4K", "100m").
_GLUED_UNIT = re.compile(r"(?:km|kg|cm|mm|mg|ml|mph|kph|GHz|MHz|kHz|kW|kWh|MW|MWh|GW|GWh|TWh|ft|lbs?|oz)(?![A-Za-z0-9])")
# Percent abbreviations glued to the digits ("3pc", "25bps", "0.5pp"); the unit reader reads them.
_GLUED_PERCENT = re.compile(r"(?:pc|pct|pp|ppt|bps?)\b")


def _digit_count(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start..end`` are part of a phone number (looked for nearby only).

    ``digit_number`` calls it only where a phone joint touches the digits (``_phone_joint``).
    """
    window_start, window_end = max(0, start - 24), min(len(text), end + 24)
    for match in _PHONE.finditer(text, window_start, window_end):
        if match.start() <= start < match.end() and _digit_count(match.group()) >= 9:
            return True
    if not (text[start - 1 : start] == "-" or text[end : end + 1] == "-"):
        return False  # the local and toll-free numbers are joined by dashes
    for match in _LOCAL_PHONE.finditer(text, window_start, window_end):
        if match.start() <= start < match.end():
            return match.group("line")[0] == "0" or bool(_CALL_BEFORE.search(text, max(0, match.start() - 40), match.start()))
    return any(match.start() <= start < match.end() for match in _VANITY_PHONE.finditer(text, window_start, window_end))


def digit_number(text: str, atom: re.Match) -> Number | None:
    """A number from a run of digits, or None when the run is part of a name, code, date or time."""
    start, end = atom.span()
    # A space stands for "no character" at the ends of the text ("" would be "in" every string below).
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    second_of_a_pair = _HYPHENATED_TO_BEFORE.search(text, max(0, start - 5), start)  # the 6 of "5-to-6"
    code_dash = before in "-‐" and before2.isalpha() and not (_scaled_range_end(text, start, end) or second_of_a_pair)
    if (before.isalnum() or before == "_" or code_dash) and not (_glued_currency(text, start, before) or _scaled_prefix(text, start, end)):
        return None  # G7, A320, F-35, COVID-19 (not EUR12.50, Rs450, nor the 4 of "£3bn-4bn")
    if before in ".,:/" and before2.isdigit() or before in "#№":
        return None  # 1.2.3, 10:30, 12/02, #5
    if before in "'’" and end - start == 2 and (start < 2 or before2.isspace() or before2 in "(["):
        return None  # in '98: a year
    if after in ".,:/" and after2.isdigit():
        return None  # 1.2.3, 12,34, 10:30, 12/02
    if before in "-–" and end - start == 2 and _ends_a_span_of_years(text, start):
        return None  # the 21 of "the 2020-21 season"
    if after in "-‐/" and MONTH_AFTER.match(text, end):
        return None  # 15-Feb-2022
    if before in "-‐/" and MONTH_BEFORE.search(text, max(0, start - 12), start - 1):
        return None
    if (before == "-" or after == "-") and _dash_groups(text, start, end) >= 3:
        return None  # 2022-02-15, 555-123-4567
    if _phone_joint(before, before2, after, after2) and _in_phone_number(text, start, end):
        return None  # +44 20 7946 0958, (212) 555 0100
    value = float(atom.group().replace(",", ""))
    if before == "." and _opens_a_decimal(before2, atom.group()):
        start, value = start - 1, float("." + atom.group())  # .5 percent, $.50, hit .325
    number = Number(start, end, value)
    if (before in MINUS_SIGNS or before == EN_DASH and _en_dash_is_minus(text, start)) and (start < 2 or before2.isspace() or before2 in "(["):
        number.start, number.value = start - 1, -value  # -3.5%, (−2): a sign, not a dash between two numbers
    if after.isalpha():
        suffix = _ORDINAL_SUFFIX.match(text, end)
        scale = SCALE_AFTER.match(text, end)
        if suffix and "." not in atom.group() and not PERIOD_AFTER_ORDINAL.match(text, suffix.end()):
            number.end, number.kind = suffix.end(), "ordinal"
        elif after == "p" and not after2.isalnum() and _is_pence(text, atom.group(), end):
            number.end, number.pence = end + 1, True  # "40p in every pound"
        elif text.startswith("MM", end) and not text[end + 2 : end + 3].isalnum():
            number.end, number.value, number.scale_abbreviation = end + 2, value * 10**6, True  # "$3.5MM": millions
        elif scale and scale.group("abbr"):
            number.end, number.value = scale.end(), value * SCALE_ABBREVIATIONS[scale.group("abbr").lower()]
            number.scale_abbreviation = scale.group("abbr").lower() in ("m", "k", "b", "t")
        elif after in "xX" and not (after2.isalnum() or after2 in "-_"):
            number.end, number.kind = end + 1, "multiplier"  # "15x earnings", "a 3x return"
        elif _glued_code_after(text, end):
            pass  # "12USD": the unit reader reads the code
        elif _GLUED_UNIT.match(text, end):
            pass  # "5km", "25kW": a measurement keeps its number, as "5 km" does
        elif not _GLUED_PERCENT.match(text, end):
            return None  # 5G, 1990s, 10am, 3D
    return number


def _opens_a_decimal(before_point: str, digits: str) -> bool:
    """Whether a point before ``digits`` is their decimal point (".5 percent", "$.50"): a space, an
    opening bracket or quote, or a currency sign before it, and no separator in the digits."""
    return (before_point.isspace() or before_point in _BEFORE_A_LEADING_POINT) and digits.isdigit()


_BEFORE_A_LEADING_POINT = frozenset("([{\"“‘$£€¥₹")


def _glued_currency(text: str, start: int, before: str) -> bool:
    """Whether a currency code or a prefix ending in a letter is glued to the digits at ``start`` ("EUR12.50", "Rs450")."""
    if not before.isalpha():
        return False
    glued = GLUED_PREFIX_BEFORE.search(text, max(0, start - GLUED_PREFIX_REACH), start)
    prefix = glued.group() if glued else ""
    return prefix in GLUED_LETTER_PREFIXES or money_code(prefix)


def _scaled_prefix(text: str, start: int, end: int) -> bool:
    """Whether a short capital prefix glued before the digits at ``start..end`` is a currency: a scale follows ("R5bn", "SR5 billion")."""
    return bool(scaled_prefix_before(text, start)) and bool(SCALE_AFTER_SCALED_PREFIX.match(text, end))


def _scaled_range_end(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start..end``, after a dash, end a range of scaled amounts ("£3bn-4bn")."""
    return bool(_SCALE_AFTER_DIGITS.match(text, end)) and bool(_SCALED_AMOUNT_BEFORE.search(text, max(0, start - 12), start - 1))


def _en_dash_is_minus(text: str, start: int) -> bool:
    """Whether the en dash before ``start`` is a minus sign: no number (a digit or "%") before the space before it."""
    return not (start >= 3 and text[start - 2] == " " and (text[start - 3].isdigit() or text[start - 3] == "%"))


def _ends_a_span_of_years(text: str, start: int) -> bool:
    """Whether the two digits at ``start`` end a span of years after a dash ("2020-21", "1990–91",
    "2015-19"): a year from 1000 to 2199 before the dash, and a later year of its decade or the next."""
    year = _YEAR_BEFORE_DASH.search(text, max(0, start - 6), start)
    if not year:
        return False
    return 1 <= (int(text[start : start + 2]) - int(year.group("yy"))) % 100 <= 10


def _glued_code_after(text: str, end: int) -> bool:
    """Whether a currency code is glued after the digits ending at ``end`` ("12USD", not "5GHz")."""
    code = _CODE_AFTER.match(text, end)
    return bool(code) and money_code(code.group())


def _phone_joint(before: str, before2: str, after: str, after2: str) -> bool:
    """Whether a phone number's joint touches a run of digits, given the two characters on each side
    (a space where the text ends): "(" or "+" before it, a separator between it and another digit,
    or ")" after it. Without one, the digits are no part of a phone number."""
    return before in ("(", "+") or after == ")" or before in (" ", ".", "-") and before2.isdecimal() or after in (" ", ".", "-") and after2.isdecimal()


def _is_pence(text: str, digits: str, end: int) -> bool:
    """Whether the "p" after ``digits`` marks pence ("40p in every pound"), not a video resolution
    ("1080p") or a time ("7p.m.")."""
    return digits not in _VIDEO_RESOLUTIONS and not text.startswith("p.m", end)


_VIDEO_RESOLUTIONS = frozenset({"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})


def _dash_groups(text: str, start: int, end: int) -> int:
    """How many digit groups the hyphenated chain around ``start..end`` has (3 in ``2022-02-15``)."""
    left = DASH_CHAIN_LEFT.search(text, max(0, start - 14), start) if start and text[start - 1] == "-" else None
    right = DASH_CHAIN_RIGHT.match(text, end) if text.startswith("-", end) else None
    return 1 + (left.group().count("-") if left else 0) + (right.group().count("-") if right else 0)
