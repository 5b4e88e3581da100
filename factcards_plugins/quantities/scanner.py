"""Finding quantities in news text: numbers, number words, scales, money and percentages.

Shared by the ``money`` and ``numbers`` plugins. ``find_quantities(text)``
reads the text once and returns every quantity expression with its type
(``money``, ``percentage`` or ``number``), its span and its normalized value;
each number in the text belongs to at most one expression, so a number inside
an amount of money or a percentage is never also a bare number.

How it works, in three passes, all linear in the length of the text:

1. ``digits._DIGIT_ATOM`` and ``words._WORD_ATOM`` (regular expressions with
   bounded repetitions only) find the atoms: runs of digits (with thousands
   separators and decimals) and number words (``two``, ``twenty``,
   ``million``, ``third``, ``half``, ``dozen``).
2. Atoms become numbers: digit runs are checked against what touches them
   (``G7``, ``F-35``, ``12:57``, ``15-Feb-2022``, phone numbers are not
   numbers: ``digits``), number words are parsed into values (``two hundred
   and fifty thousand``, ``twenty-first``, ``two-thirds``: ``words``) and
   scale words are merged (``1.5 million``: ``scales``).
3. Numbers become expressions (``assembler``): a currency before or after
   makes money, a percent sign or word makes a percentage (``units``, with
   the tables of ``currencies``), a connective between two numbers of the
   same kind makes a range (``ranges``), a bare number must not be a year,
   time, date or name (``bare``), and an approximation word in front becomes
   the ``qualifier`` (``values``). The span never includes the qualifier word.

The word tables are in ``vocabulary``, the patterns that read a number's
surroundings in ``cues``, the cheap tests that skip most of their searches in
``gates``. The rules and span conventions are documented in
``docs/extractors-quantities.md``.
"""

from __future__ import annotations

import re

from ..text import trie_pattern
from .assembler import Assembler
from .casefold import AS_ASCII, IGNORECASE_LOOKALIKES, lowercased
from .digits import DIGIT_ATOM, digit_number
from .exclusions import excluded_spans
from .model import SPAN, START, Number, Quantity, outside, tidy
from .scales import merge_scales
from .vocabulary import TEENS, TENS, UNITS
from .words import article_amounts, number_words, read_minus_words, word_numbers
from .written_fractions import written_fractions


# Central bankers' fractions of a point or a percent: "a quarter point", "half a percentage point",
# "a quarter-point", "half a percent", "a quarter of a per cent", "two-tenths of a percentage point".
_POINT_FRACTION = re.compile(
    r"\b(?P<n>a quarter|one quarter|a half|half a|three quarters of a|three-quarters of a|quarter|half"
    r"|(?P<tenths>a|one|two|three|four|five|six|seven|eight|nine)[ -]tenths?)"
    r"(?: of a)?[ -](?:(?:percentage[ -])?points?|(?P<percent>percent|per[ -]cent))\b",
    re.IGNORECASE,
)
_FOLD = re.compile(r"-fold(?![\w-])")
# The unit words a point fraction ends with, and how far before and after one it can start and end.
_UNIT_WORDS = ("point", "percent", "per cent", "per-cent")
_LONGEST_SHARE = len("three-quarters of a of a ")
_LONGEST_UNIT = len("percentage points")
# A whole number and "and" before such a fraction: "one and a half percent" is the word reader's.
_WHOLE_AND_BEFORE = re.compile(rf"(?:\d|\b{trie_pattern([*UNITS, *TEENS, *TENS])}) and \Z", re.IGNORECASE)
_POINT_FRACTION_VALUES = {"quarter": 0.25, "half": 0.5, "three": 0.75}


_FOUND_KEY = "factcards_plugins.quantities.scanner"


def quantities_in(document, default_dollar: str = "USD") -> tuple[Quantity, ...]:
    """``find_quantities`` of the document's text, kept in its ``user_data``.

    The ``money`` and ``numbers`` extractors of one card so read the text
    once; a second card, or a second thread, never sees this card's scan.
    """
    key = (document.text, default_dollar)
    found = document.user_data.get(_FOUND_KEY)
    if found is None or found[0] != key:
        found = (key, find_quantities(document.text, default_dollar))
        document.user_data[_FOUND_KEY] = found
    return found[1]


def find_quantities(text: str, default_dollar: str = "USD") -> tuple[Quantity, ...]:
    """Every money, percentage and number expression in ``text``, in reading order.

    The patterns ignore case, and so match ı, İ, ſ and the Kelvin sign where i, s and k stand
    ("5 thouſand"); those letters are read as the ASCII ones, on a copy of the same length.
    """
    if not text.isascii() and any(char in text for char in IGNORECASE_LOOKALIKES):
        text = text.translate(AS_ASCII)
    points = _point_fractions(text)
    numbers = find_numbers(text)
    if points:
        numbers = outside(numbers, [(p.start, p.end) for p in points])
    excluded = excluded_spans(text)
    if excluded:
        numbers = outside(numbers, excluded)
        points = outside(points, excluded)
    found = list(Assembler(text, numbers, default_dollar).run()) + points
    return tuple(sorted(found, key=SPAN))


def find_numbers(text: str) -> list[Number]:
    """The numbers in ``text``, digits and words, with identifiers, dates, times and phones left out."""
    numbers = [number for atom in DIGIT_ATOM.finditer(text) if (number := digit_number(text, atom))]
    numbers.extend(word_numbers(text, number_words(text)))
    numbers.extend(article_amounts(text))
    fractions = written_fractions(text)
    if fractions:
        fractions.sort(key=START)
        numbers = outside(sorted(numbers, key=START), [(f.start, f.end) for f in fractions]) + fractions
    numbers = merge_scales(text, sorted(numbers, key=START))
    lowered = lowercased(text)
    if "-fold" in lowered:
        _read_folds(lowered, numbers)
    return read_minus_words(text, numbers) if "minus " in lowered or "negative " in lowered else numbers


def _read_folds(lowered: str, numbers: list[Number]) -> None:
    """ "3-fold", "2.5-fold", "ten-fold": the number and its "-fold" as a multiplier."""
    for number in numbers:
        if number.kind == "cardinal" and _FOLD.match(lowered, number.end):
            number.end, number.kind = number.end + len("-fold"), "multiplier"


def _point_fractions(text: str) -> list[Quantity]:
    """ "a quarter point" (0.25 percentage point) and kin, as percentage quantities.

    Looked for only around the words "point" and "percent" (or "per cent"), where every one ends.
    """
    lowered = lowercased(text)
    if "quarter" not in lowered and "half" not in lowered and "tenth" not in lowered:
        return []  # every point fraction names a quarter, a half or tenths (only ASCII letters fold to these)
    longest: dict[int, re.Match] = {}  # by where each ends: the match that starts first
    for unit_at in _unit_words_at(lowered):
        for match in _POINT_FRACTION.finditer(text, max(0, unit_at - _LONGEST_SHARE), unit_at + _LONGEST_UNIT):
            if match.end() not in longest or match.start() < longest[match.end()].start():
                longest[match.end()] = match
    found = []
    for match in sorted(longest.values(), key=lambda match: match.start()):
        if _WHOLE_AND_BEFORE.search(text, max(0, match.start() - 14), match.start()):
            continue
        unit = "percent" if match.group("percent") else "percentage_point"
        found.append(Quantity("percentage", match.start(), match.end(), {"value": _share_of_a_point(match), "unit": unit, "qualifier": None}))
    return found


def _unit_words_at(lowered: str) -> list[int]:
    """Where "point", "percent", "per cent" and "per-cent" start in ``lowered``."""
    found = []
    for word in _UNIT_WORDS:
        at = lowered.find(word)
        while at != -1:
            found.append(at)
            at = lowered.find(word, at + 1)
    return found


def _share_of_a_point(match: re.Match) -> float:
    """The value of a ``_POINT_FRACTION`` match: 0.25 for "a quarter", 0.2 for "two-tenths"."""
    if tenths := match.group("tenths"):
        return tidy(UNITS.get(tenths.lower(), 1) / 10)
    words = match.group("n").lower().split()
    return 0.75 if words[0].startswith("three") else _POINT_FRACTION_VALUES[words[-1] if words[-1] != "a" else words[0]]
