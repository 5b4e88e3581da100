"""Cheap tests on the characters around an offset, run before a pattern's search there (most
searches are skipped), and where sentences and capitalized names begin.
"""

from __future__ import annotations

import re
import string

from .casefold import ignorecase_spellings
from .currencies import SIGNS, SYMBOLS
from .vocabulary import MONTHS, QUALIFIERS


_CAPITALIZED_BEFORE = re.compile(r"(?<![\w.'’-])(?P<word>[A-Z][A-Za-z&]{0,20}(?:-[A-Z][A-Za-z]{0,10})?) \Z")
# Cheap tests on the characters right before an offset: when they fail, the pattern that
# must end there (``..\Z``) cannot match, and its search over the window is skipped.
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_LETTERS_AMP = _ASCII_LETTERS | {"&"}
# The last three characters of the qualifiers and of the month names and abbreviations, in every case.
QUALIFIER_ENDINGS = ignorecase_spellings([word[-3:] for word in QUALIFIERS])
_MONTH_ENDINGS = ignorecase_spellings([month[-3:] for month in MONTHS])
# The characters _PERCENT_AFTER, WORD_AFTER, CODE_AFTER and SIGN_AFTER can start with (a code is in capitals;
# a percent abbreviation glued to the digits, "3pc", "25bp", in lowercase).
UNIT_FIRST_CHARS = frozenset(" -%ABCDEFGHIJKLMNOPQRSTUVWXYZ¢pb" + SIGNS)
# The last characters of SYMBOL_BEFORE's symbols and codes: those of SYMBOLS' prefixes and signs, and the
# capitals of an ISO code. The pattern is case-sensitive.
_SYMBOL_LAST_CHARS = frozenset(string.ascii_uppercase).union(symbol[-1] for symbol in SYMBOLS)
# The last two characters of the prefixes that end in a lowercase letter ("Rs", "Dh", "Tk"): "was",
# "with" and "each" end so too, and are far more common before a number.
_SYMBOL_LOWERCASE_ENDINGS = frozenset(symbol[-2:] for symbol in SYMBOLS if len(symbol) > 1 and symbol[-1].islower())
# The last characters of the connectives of ``_MONTH_DAY_RANGE_BEFORE``: a dash, or the last letter of
# "to", "and", "through" or "until".
CONNECTIVE_LAST_CHARS = frozenset("-–") | ignorecase_spellings(["o", "d", "h", "l"])
# What ``\s`` matches: the characters ``str.isspace`` accepts, the last of which is U+3000.
WHITESPACE = frozenset(char for char in map(chr, range(0x3001)) if char.isspace())


def may_end(text: str, offset: int, endings, skipped=(), width: int = 1) -> bool:
    """Whether a pattern could end at ``offset``: its last ``width`` characters are one of ``endings``,
    once the optional characters of ``skipped`` (read backwards from ``offset``, one of each) are passed over.

    A cheap test before searching the window before ``offset`` with a pattern that must end
    there: when it fails, the search cannot match and is skipped.
    """
    p = offset
    for chars in skipped:
        if p and text[p - 1] in chars:
            p -= 1
    return p >= width and text[p - width : p] in endings


def symbol_may_end(text: str, offset: int) -> bool:
    """Whether ``SYMBOL_BEFORE`` may match before ``offset``: ``may_end`` with a symbol's or code's last
    character (its last two where that is a lowercase letter), a space and a minus, written out (it
    runs for every number)."""
    p = offset
    if p and text[p - 1] == "-":
        p -= 1
    if p and text[p - 1] in WHITESPACE:
        p -= 1
    if p == 0 or text[p - 1] not in _SYMBOL_LAST_CHARS:
        return False
    return not text[p - 1].islower() or text[p - 2 : p] in _SYMBOL_LOWERCASE_ENDINGS


def month_may_end(text: str, offset: int) -> bool:
    """Whether ``MONTH_BEFORE`` may match before ``offset``: ``may_end`` with the last three letters of a
    month and a space, a comma and a full stop to skip, written out (it runs for most numbers)."""
    p = offset
    if p and text[p - 1] == " ":
        p -= 1
    if p and text[p - 1] == ",":
        p -= 1
    if p and text[p - 1] == ".":
        p -= 1
    return p >= 3 and text[p - 3 : p] in _MONTH_ENDINGS


def capitalized_word_before(text: str, offset: int) -> re.Match | None:
    """``_CAPITALIZED_BEFORE``'s match ending at ``offset`` ("Boeing " before "737"), if any."""
    if not (offset >= 2 and text[offset - 1] == " " and text[offset - 2] in _ASCII_LETTERS_AMP):
        return None
    window_start = max(0, offset - 30)
    last_word = text[max(window_start, text.rfind(" ", window_start, offset - 1) + 1) : offset - 1]
    if last_word.islower():
        return None  # no capital in it, as before most numbers
    return _CAPITALIZED_BEFORE.search(text, window_start, offset)


def starts_sentence(text: str, offset: int) -> bool:
    """Whether ``offset`` begins a sentence or a line (so a capital there says nothing)."""
    before = text[max(0, offset - 3) : offset].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n" or offset == 0
