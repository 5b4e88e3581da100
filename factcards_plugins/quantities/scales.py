"""Scale words after a number (``1.5 million``, ``5bn``, ``1.1 lakh crore``) and the factor they give."""

from __future__ import annotations

import re

from .model import Number
from .vocabulary import INDIAN_SCALES, SCALE_ABBREVIATIONS, SCALES


# A capital "T" glued to the digits is trillions, as US headlines write them ("$1.9T"); "5t" is tonnes.
SCALE_AFTER = re.compile(r"[ -](?P<word>thousand|million|billion|trillion|lakhs?|crores?)\b|(?P<abbr>bn|mn|mln|bln|tn|trn|[mkb]|(?-i:T))\b", re.IGNORECASE)
_SCALE_SPACED_ABBR = re.compile(r" (?P<abbr>bn|mn|mln|bln|tn|k)\b")
# "-odd" or "-plus" between a number and its scale word: the scale is the number's (values.marked reads the hedge).
_HEDGE_BEFORE_SCALE = re.compile(r"-(?:odd|plus)(?= )", re.IGNORECASE)
_DOZEN_AFTER = re.compile(r"[ -]dozen\b", re.IGNORECASE)
# The letters at the end of a number (its scale word or abbreviation).
_LAST_WORD = re.compile(r"([A-Za-z]+)\Z")


def _scale_words(text: str, scale: re.Match) -> tuple[int, float]:
    """Where a scale word (``SCALE_AFTER``) and any larger ones stacked after it end, and their
    product: "1.1 lakh crore" is 1.1 x 10^5 x 10^7."""
    end, factor = scale.end(), _scale_factor(scale.group("word"))
    while (following := SCALE_AFTER.match(text, end)) and following.group("word") and text[end] == " ":
        next_factor = _scale_factor(following.group("word"))
        if next_factor <= factor:
            break
        end, factor = following.end(), factor * next_factor
    return end, factor


def _scale_factor(word: str) -> float:
    word = word.lower()
    return SCALES.get(word) or INDIAN_SCALES[word]


def merge_scales(text: str, numbers: list[Number]) -> list[Number]:
    """``1.5 million``: a digit number followed by a scale word takes its value and span."""
    merged: list[Number] = []
    for number in numbers:
        # A scale word, spelled out or abbreviated, follows a space or hyphen.
        if not number.words and not number.scale_abbreviation and number.kind == "cardinal" and text.startswith((" ", "-"), number.end):
            hedge = _HEDGE_BEFORE_SCALE.match(text, number.end)  # "$20-plus million", "300-odd million"
            scale = SCALE_AFTER.match(text, hedge.end() if hedge else number.end)
            if hedge and not (scale and scale.group("word") and text[hedge.end()] == " "):
                scale = None
            if scale and scale.group("word"):
                end, factor = _scale_words(text, scale)
                number = Number(number.start, end, number.value * factor)
            elif spaced := _SCALE_SPACED_ABBR.match(text, number.end):
                number = Number(number.start, spaced.end(), number.value * SCALE_ABBREVIATIONS[spaced.group("abbr")])
            elif text[number.end + 1 : number.end + 2] in "dD" and (dozen := _DOZEN_AFTER.match(text, number.end)):
                number = Number(number.start, dozen.end(), number.value * 12)  # "2 dozen eggs"
        if merged and merged[-1].end > number.start:
            continue  # a scale word already merged into the previous number
        merged.append(number)
    return merged


def scale_of(text: str, number: Number) -> float:
    """The multiplier a scale word or abbreviation gave ``number`` (1 if none)."""
    surface = text[number.start : number.end]
    last = _LAST_WORD.search(surface)
    if not last:
        return 1
    word = last.group(1).lower()
    return SCALES.get(word) or INDIAN_SCALES.get(word) or SCALE_ABBREVIATIONS.get(word, 1)
