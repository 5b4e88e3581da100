"""What the text around a number says about it: a percent, a month, a time or a score after it,
a qualifier before it; the case-blind patterns and the view of the text they read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..text import trie_pattern
from .casefold import lowercased
from .currencies import NAME_AFTER, WORD_AFTER
from .vocabulary import MONTHS, QUALIFIERS


# A percent sign or word after a number, spaced or hyphenated, the abbreviations also glued to it
# ("3pc", "25bps", "0.5pp"). The abbreviations in group ``lower`` are names in capitals (BP, PC,
# the PP) and are read only in lowercase; "pts" are a game's or an index's points, not a percentage.
_PERCENT_AFTER = re.compile(
    r"(?P<sign> ?%)|(?:[ -]|(?=[pb]))(?:(?P<points>percentage[ -]points?|(?P<pp>ppt?\b))"
    r"|(?P<bp>basis[ -]points?|bps\b|(?P<b>bp\b))|(?P<word>per[ -]?cent(?:s|age)?\b|pct\b|(?P<pc>pc\b|p\.c\.)))",
    re.IGNORECASE,
)
DASH_CHAIN_LEFT = re.compile(r"(?:\d{1,5}-){1,2}\Z")
DASH_CHAIN_RIGHT = re.compile(r"(?:-\d{1,5}){1,2}")
PERIOD_AFTER_ORDINAL = re.compile(r"[ -](?:quarter|half)\b", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(rf"\b(?P<q>{trie_pattern(QUALIFIERS)})\s\Z", re.IGNORECASE)
_SCORE_AFTER = re.compile(r"-\d{1,2}\b(?![-/.:,]\d)")
_TIME_AFTER = re.compile(
    r" ?(?:[ap]\.m\.|[ap]m\b|o'clock|gmt\b|utc\b|bst\b|cet\b|est\b|edt\b|pst\b|pdt\b|et\b|hrs\b|hours gmt)", re.IGNORECASE
)
_MONTH_WORD = trie_pattern(MONTHS)
MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_WORD})\.?,? ?\Z", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?(?: of)?[ -](?:{_MONTH_WORD})\b", re.IGNORECASE)
_MONTH_DAY_RANGE_BEFORE = re.compile(
    rf"\b(?:{_MONTH_WORD})\.? \d{{1,2}}(?:st|nd|rd|th)?(?: ?[-–] ?| to | and | through | until )\Z", re.IGNORECASE
)
# What may follow a bare number, in one match: a time ("3 p.m."), a month ("12 February") or a score's
# second count ("3-1"). The group that matches is the first of the three patterns that matches there;
# a month and a score never both match (a month's dash comes before a letter, a score's before a digit).
_AFTER_NUMBER = re.compile(rf"(?P<time>{_TIME_AFTER.pattern})|(?P<month>{MONTH_AFTER.pattern})|(?P<score>{_SCORE_AFTER.pattern})", re.IGNORECASE)


class _CaseBlind(NamedTuple):
    """The case-blind (``re.IGNORECASE``) patterns the assembler runs for many numbers; their letters are all lowercase."""

    after_number: re.Pattern
    month_before: re.Pattern
    month_day_range_before: re.Pattern
    word_after: re.Pattern
    name_after: re.Pattern
    percent_after: re.Pattern
    qualifier_before: re.Pattern


_CASE_BLIND = _CaseBlind(_AFTER_NUMBER, MONTH_BEFORE, _MONTH_DAY_RANGE_BEFORE, WORD_AFTER, NAME_AFTER, _PERCENT_AFTER, _QUALIFIER_BEFORE)
# Their case-sensitive twins, for the lowercased copy of the text (``TextView.folded``): they match
# there what the case-blind patterns match in the text (at the same offsets), about twice as fast.
_LOWERCASE_TWINS = _CaseBlind(*(re.compile(pattern.pattern) for pattern in _CASE_BLIND))


@dataclass(frozen=True, slots=True)
class TextView:
    """A text and the copy the case-blind patterns read: its lowercased copy with their lowercase
    twins when lowercasing keeps every offset (as a rule), else the text with the patterns themselves."""

    text: str
    folded: str
    patterns: _CaseBlind

    @classmethod
    def of(cls, text: str) -> TextView:
        """The view of ``text`` (its lowercased copy made once per text)."""
        lowered = lowercased(text)
        if len(lowered) == len(text):
            return cls(text, lowered, _LOWERCASE_TWINS)
        return cls(text, text, _CASE_BLIND)
