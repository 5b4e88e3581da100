"""Fractions written with a slash or a fraction sign: ``5/8``, ``3 1/2``, ``-3/8``, ``½``, ``3½``.

A slash between two numbers is also a date (``12/02``) or a ratio (``24/7``), so a slash fraction
must be proper (``5/8``, not ``8/5``) with a denominator of the usual ones (halves, thirds,
quarters, eighths, sixteenths...), or have a whole number before it (``3 1/2``). The fraction
signs are Unicode's vulgar fractions (whose compatibility form holds the fraction slash).
"""

from __future__ import annotations

import re
import unicodedata

from .model import Number
from .vocabulary import MINUS_SIGNS

# A numerator and the whole number before it, ending at a slash; the denominator after it.
_NUMERATOR_BEFORE = re.compile(r"(?:(?P<whole>\d{1,3})[ -])?(?P<num>\d{1,2})\Z")
_DENOMINATOR_AFTER = re.compile(r"(?P<den>\d{1,2})(?![\d/]|[.,:]\d)")
# Denominators a fraction written alone may have; a date's day or a ratio's second count is rarely one.
_USUAL_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64})
# What may not stand before a fraction (or its whole number): it would be part of a date, a code or a larger number.
_NOT_BEFORE = frozenset("0123456789/.,:_") | {"-"}
# Unicode's vulgar fractions and their values ("½" 0.5, "⅜" 0.375); all are in the first plane.
VULGAR_FRACTIONS = {
    char: unicodedata.numeric(char)
    for char in map(chr, range(0x10000))
    if unicodedata.category(char) == "No" and "\u2044" in unicodedata.normalize("NFKC", char) and 0 < unicodedata.numeric(char, 0) < 1
}
_VULGAR_CHAR = re.compile(rf"[{''.join(VULGAR_FRACTIONS)}]")
_VULGAR = re.compile(rf"(?:(?P<whole>\d{{1,3}}) ?)?(?P<frac>[{''.join(VULGAR_FRACTIONS)}])")


def written_fractions(text: str) -> list[Number]:
    """The slash and vulgar fractions of ``text``, with a whole number and a minus sign before them."""
    found = _slash_fractions(text) if "/" in text else []
    if not text.isascii() and _VULGAR_CHAR.search(text):
        found += _vulgar_fractions(text)
    return found


def _slash_fractions(text: str) -> list[Number]:
    found = []
    at = text.find("/")
    while at >= 0:
        numerator = _NUMERATOR_BEFORE.search(text, max(0, at - 7), at)
        denominator = _DENOMINATOR_AFTER.match(text, at + 1)
        if numerator and denominator:
            whole, num, den = numerator.group("whole"), int(numerator.group("num")), int(denominator.group("den"))
            if 0 < num < den and (whole or den in _USUAL_DENOMINATORS):
                number = _fraction(text, numerator.start(), denominator.end(), whole, num / den)
                if number:
                    found.append(number)
        at = text.find("/", at + 1)
    return found


def _vulgar_fractions(text: str) -> list[Number]:
    found = []
    for match in _VULGAR.finditer(text):
        number = _fraction(text, match.start(), match.end(), match.group("whole"), VULGAR_FRACTIONS[match.group("frac")])
        if number:
            found.append(number)
    return found


def _fraction(text: str, start: int, end: int, whole: str | None, part: float) -> Number | None:
    """The number ``whole`` + ``part`` at ``start..end``, negative after a minus sign, or None
    when what touches it makes it part of something else (``1/2/2024``, ``A1/2``)."""
    before = text[start - 1] if start else " "
    if before.isalnum() or before in _NOT_BEFORE and not _minus_sign(text, start):
        return None
    value = int(whole) + part if whole else part
    number = Number(start, end, value, "cardinal" if whole else "fraction")
    if _minus_sign(text, start):
        number.start, number.value = start - 1, -value
    return number


def _minus_sign(text: str, start: int) -> bool:
    """Whether a minus sign sticks to the front of the fraction at ``start`` (after a space or a bracket)."""
    return start > 0 and text[start - 1] in MINUS_SIGNS and (start < 2 or text[start - 2].isspace() or text[start - 2] in "([")
