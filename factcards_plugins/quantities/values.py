"""Pass 3, values: the normalized value of a piece, its qualifier (``about``), and the other dollar
a bare ``$`` may hint at.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import Any

from .cues import TextView
from .currencies import currency_hints, document_dollar_of
from .gates import QUALIFIER_ENDINGS, WHITESPACE
from .model import tidy
from .units import Piece


# Signs glued to the front of a number that qualify it, in the span ("~5,000", ">50%"); "+" is a
# signed change, like the minus sign, and only before a percentage ("+5%").
SIGN_QUALIFIERS = {"~": "about", ">": "more than", "<": "less than", "\u2265": "at least", "\u2264": "at most", "+": None}
# A word hyphenated after a number that qualifies it, in the span: "300-odd" (about), "20-plus"
# (more than; also "a 20-plus-point lead"; not "20-plus 5", a sum).
_HYPHEN_AFTER = re.compile(r"-(?P<word>odd|plus)\b(?![ \t]*\d)", re.IGNORECASE)
_HYPHEN_BEFORE_SCALE = re.compile(r"(?<=\d)-(?P<word>odd|plus)(?=[ %])", re.IGNORECASE)  # "20-plus million", "30-odd percent"
_HYPHEN_QUALIFIERS = {"odd": "about", "plus": "more than"}
# "or more", "or fewer", "or less" after a number: a qualifier word like "at least", outside the span
# ("30 or more people" is 30, at least; not "30 or more than 40").
_OR_AFTER = re.compile(r" or (?P<word>more|fewer|less)\b(?![ \t]+than\b)", re.IGNORECASE)
_OR_QUALIFIERS = {"more": "at least", "fewer": "at most", "less": "at most"}
# What may stand before a glued sign: the start, a space, an opening bracket or quote (not "a->5").
_BEFORE_SIGN = " \t\n\r\u00a0([{\"'\u201c\u2018"


class Values:
    """The normalized value of a piece, its qualifier, and the other dollar a bare "$" may hint at."""

    def __init__(self, view: TextView):
        self.text = view.text
        self.folded = view.folded
        self.patterns = view.patterns
        self.hints: list[tuple[int, str]] | None = None

    @cached_property
    def document_dollar(self) -> str | None:
        """The one non-U.S. dollar the text writes explicitly (``document_dollar_of``), read when a "$" needs it."""
        return document_dollar_of(self.text)

    def value_of(self, piece: Piece, amount: float) -> dict[str, Any]:
        """The value of ``piece`` at ``amount``, its qualifier not yet read."""
        amount = tidy(amount)
        if piece.type == "money":
            value = {"amount": amount, "currency": piece.currency, "currency_ambiguous": piece.ambiguous, "currency_text": piece.currency_text, "qualifier": None}
            if piece.ambiguous and piece.currency_text in ("$", "dollars", "dollar"):
                hint = self._currency_hint(piece.start)
                if hint and hint != piece.currency:
                    value["currency_hint"] = hint
            return value
        if piece.type == "percentage":
            return {"value": amount, "unit": piece.unit, "qualifier": None}
        return {"value": amount, "kind": piece.number.kind, "written": "words" if piece.number.words else "digits", "qualifier": None}

    def _currency_hint(self, offset: int) -> str | None:
        """Another dollar the surrounding sentence points to ("Canadian ... $490 million")."""
        if self.hints is None:
            self.hints = currency_hints(self.text)
        window_start = max(0, offset - 250)
        sentence_start = max(self.text.rfind(". ", window_start, offset), self.text.rfind("\n", window_start, offset))
        first = max(window_start, sentence_start + 1)
        i = bisect.bisect_left(self.hints, (first, ""))
        if i < len(self.hints) and self.hints[i][0] < offset + 60:
            return self.hints[i][1]
        return self.document_dollar

    def qualify(self, value: dict, start: int) -> None:
        """Set ``value``'s qualifier from the approximation word right before ``start``, if any."""
        text = self.text
        if not (start >= 4 and text[start - 1] in WHITESPACE and text[start - 4 : start - 1] in QUALIFIER_ENDINGS):
            return  # every qualifier is a word and a space
        match = self.patterns.qualifier_before.search(self.folded, max(0, start - 16), start)
        if match:
            value["qualifier"] = match.group("q").lower()

    def marked(self, type_: str, value: dict, start: int, end: int) -> tuple[int, int]:
        """The span of a single quantity with its qualifying marks taken in (``SIGN_QUALIFIERS``
        before it, "-odd" and "-plus" after it), and ``value``'s qualifier set from them or from "or more", "or less" after it (outside the span) set from them when no word before it set one."""
        text = self.text
        sign = text[start - 1] if start else ""
        if sign in SIGN_QUALIFIERS and (start == 1 or text[start - 2] in _BEFORE_SIGN):
            if sign != "+" or type_ == "percentage" and not (start >= 3 and text[start - 2] == " " and text[start - 3].isdigit()):
                start -= 1  # "+" only before a percentage and not after a number ("2 +5%")
                if SIGN_QUALIFIERS[sign] and value["qualifier"] is None:
                    value["qualifier"] = SIGN_QUALIFIERS[sign]
        after = text.startswith("-", end)
        match = _HYPHEN_AFTER.match(text, end, end + 12) if after else _HYPHEN_BEFORE_SCALE.search(text, start, end)
        if match:
            end = match.end() if after else end
            if value["qualifier"] is None:
                value["qualifier"] = _HYPHEN_QUALIFIERS[match.group("word").lower()]
        match = _OR_AFTER.match(text, end, end + 24) if text.startswith(" or ", end) else None
        if match and value["qualifier"] is None:
            value["qualifier"] = _OR_QUALIFIERS[match.group("word").lower()]
        return start, end
