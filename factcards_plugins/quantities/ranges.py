"""Pass 3, two numbers as one: ranges (``$3-4 million``, ``between 2 and 3 percent``) and ratios
(``one in five``), with changes (``rose $1.85 to $19.40``) and scores (``3-1``) kept apart.
"""

from __future__ import annotations

import re

from .bare import bare_number_ok
from .cues import TextView
from .model import Quantity, tidy
from .scales import scale_of
from .units import Piece
from .values import Values


_RANGE_START = re.compile(r"\b(?P<w>between|from)\s\Z", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|rise|rising|rises|fell|fall|falls|falling|increased?|increasing|decreased?|decreasing|grew|grow|grows|"
    r"growing|dropped|drops?|declined?|declining|climbed?|climbing|jumped?|slipped|slid|edged|surged?|plunged?|soared?|"
    r"raised?|raising|cut|cuts|lowered?|boosted?|reduced?|up|down|widened|narrowed|revised|hiked?|slashed|went|moved?|"
    r"changed?|shifted|expanded|shrank|contracted|doubled|tripled|trimmed)\b[^.;\n]{0,40}\Z",
    re.IGNORECASE,
)
# A change verb right before "X to Y" (at most one word between), or "by X to Y".
_CHANGE_NEAR = re.compile(
    r"\b(?:by|rose|rise|rises|fell|falls|increased?|decreased?|grew|dropped|declined?|climbed|jumped|slipped|slid|"
    r"edged(?: up| down)?|surged|plunged|soared|raised|cut|lowered|boosted|reduced|hiked|slashed|up|down|gained|lost|added|shed|"
    r"rocketed|tumbled|plummeted|sank|dipped|rallied|advanced|retreated|skidded|leapt|leaped)"
    r"(?: [\w'’-]{1,20})? \Z",
    re.IGNORECASE,
)
# Sports scores: small counts in a row of sets, after a beating or losing verb (and the
# opponent's name), or before a word for the result.
_SMALL_COUNT = re.compile(r"\d{1,2}")
_SET_SCORE_AFTER = re.compile(r",? \d{1,2}[-–]\d{1,2}\b")
_SET_SCORE_BEFORE = re.compile(r"\b\d{1,2}[-–]\d{1,2},? \Z")
_SCORE_NOUN_AFTER = re.compile(r" (?:win|wins|victory|defeat|loss|draw|lead|triumph|thrashing|scoreline)\b")
_SCORE_VERB_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeating|lost|loses|losing|drew|draws|trailed|trailing|led|leading)"
    r" (?:to )?(?:[A-Z][\w.'’-]{0,20} ){0,3}\Z"
)
# "-" before " to " holds a suspended hyphen: "a 10- to 15-minute walk", "$5- to $10-million".
_RANGE_CONNECTIVE = re.compile(r" ?[-–—] ?|-? to |-to-| and | or ", re.IGNORECASE)
# What joins an amount and its cents.
_COMPOUND_JOINTS = frozenset({" ", " and ", ", "})
# A spoken price, "a dollar fifty": the currency words it is said with, and what may follow its
# cents (the end of a clause or a word that is no noun: "a dollar fifty each", not "fifty years").
_SPOKEN_CURRENCY_WORDS = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "quid", "buck", "bucks"})
_SPOKEN_CENTS_END = re.compile(r"[.,;:!?)\"”’]|\Z| (?:a|an|each|per|for|and|or|to|in|at|on|apiece|now|then|today|instead)\b")
# What joins the two counts of a ratio: "one in five", "three out of four", "one in every ten".
_RATIO_JOINT = re.compile(r" (?:in|out of)(?: every)? ", re.IGNORECASE)
# The longest gaps between two numbers read as one quantity: a range's " and ", a ratio's " out of every ".
LONGEST_JOINT = len(" and ")
LONGEST_RATIO_JOINT = len(" out of every ")


class Ranges:
    """Two numbers as one quantity: a range (``$3-4 million``) or a ratio (``one in five``)."""

    def __init__(self, view: TextView, values: Values):
        self.view = view
        self.text = view.text
        self.values = values

    def ratio_at(self, pieces: list[Piece], i: int) -> Quantity | None:
        """``one in five`` adults, ``three out of four``: a fraction written as a ratio of two counts."""
        if i + 1 >= len(pieces):
            return None
        part, whole = pieces[i], pieces[i + 1]
        if self.text[part.end + 1 : part.end + 2] not in "iIoO" or not _RATIO_JOINT.fullmatch(self.text, part.end, whole.start):
            return None
        if part.type != "number" or whole.type != "number" or part.number.kind != "cardinal" or whole.number.kind != "cardinal":
            return None
        if not 0 < part.number.value < whole.number.value or not (bare_number_ok(self.view, part.number) and bare_number_ok(self.view, whole.number)):
            return None
        value = {"value": tidy(part.number.value / whole.number.value), "kind": "fraction", "written": "words" if part.number.words else "digits", "qualifier": None}
        self.values.qualify(value, part.start)
        return Quantity("number", part.start, whole.end, value)

    def range_at(self, pieces: list[Piece], i: int) -> Quantity | None:
        """``$3-4 million``, ``between 12 and 15 percent``, ``from $1bn to $2bn``: two pieces as one range."""
        if i + 1 >= len(pieces):
            return None
        low, high = pieces[i], pieces[i + 1]
        if low.number.kind != "cardinal" or high.number.kind != "cardinal" or low.number.words != high.number.words:
            return None
        connective = _RANGE_CONNECTIVE.fullmatch(self.text, low.end, high.start)
        if not connective:
            return None
        word = connective.group().strip(" -").lower() or "-"  # "10- to 15", "5-to-6": "to"
        opener = _RANGE_START.search(self.text, max(0, low.start - 8), low.start)
        if word == "and" and not (opener and opener.group("w").lower() == "between"):
            return None
        if word == "or" and (low.type != "number" or high.type != "number" or opener):
            return None  # "two or three" rate cuts: a range of counts only
        if opener and opener.group("w").lower() == "from" and word != "to":
            opener = None
        if opener and opener.group("w").lower() == "from" and _CHANGE_VERB.search(self.text, max(0, opener.start() - 48), opener.start()):
            return None
        if word == "to" and not opener and _CHANGE_NEAR.search(self.text, max(0, low.start - 40), low.start):
            return None  # "rose $1.85 to $19.40", "raised it by $5 to $93": a change and a level
        if word in ("-", "–", "—") and low.number.words:
            return None
        if self._score(low, high):
            return None  # "3-6, 6-3", "lost 1-3", "a 2-3 defeat": a score, two numbers
        if low.type != "number" and high.type != "number" and (low.type != high.type or low.currency != high.currency or low.unit != high.unit):
            return None
        if low.type == "money" and low.prefix_end is not None and high.type == "number" and word != "and":
            high = self._inherit(low, high)  # "$3-4 million": the currency is written once
        if low.type != "number" and high.type == "number":
            return None  # "rose 5% to 3.2 billion": different units
        if low.type == "number" and high.type == "money" and high.prefix_end is not None and high.start != high.number.start:
            return None  # "5 to $10" reads as two facts
        if low.type == high.type == "number" and not (bare_number_ok(self.view, low.number) and bare_number_ok(self.view, high.number)):
            return None
        kind = high if high.type != "number" else low
        low_value = low.number.value
        high_value = high.number.value
        if not low.number.words and low_value * scale_of(self.text, high.number) <= high_value and scale_of(self.text, low.number) == 1:
            low_value *= scale_of(self.text, high.number)
        if low_value > high_value:
            return None
        start = opener.start() if opener else low.start
        value = self.values.value_of(kind, low_value * kind.factor)
        value["low"], value["high"] = tidy(low_value * kind.factor), tidy(high_value * kind.factor)
        self.values.qualify(value, start)
        return Quantity(kind.type, start, high.end, value)

    def compound_at(self, pieces: list[Piece], i: int) -> Quantity | None:
        """``7 dollars 25 cents``, ``twelve pounds and fifty pence``: an amount and its cents as one amount;
        also a spoken price, ``a dollar fifty``, ``5 quid 50``."""
        whole, cents = pieces[i], pieces[i + 1]
        if whole.type == "money" and cents.type == "number" and self._spoken_cents(whole, cents):
            return self._with_cents(whole, cents)
        if whole.type != "money" or cents.type != "money" or whole.factor != 1 or cents.factor != 0.01:
            return None
        joint = self.text[whole.end : cents.start]
        if joint not in _COMPOUND_JOINTS or whole.currency != cents.currency or cents.prefix_end is not None:
            return None
        if joint == ", " and not self.text[cents.end - 1].isalpha():
            return None  # "40 bucks, 75¢": two amounts of a list
        if whole.number.kind != "cardinal" or cents.number.kind != "cardinal" or not 0 < cents.number.value < 100:
            return None
        return self._with_cents(whole, cents)

    def _with_cents(self, whole: Piece, cents: Piece) -> Quantity:
        """The amount ``whole`` and its ``cents`` as one amount of money."""
        value = self.values.value_of(whole, whole.number.value + cents.number.value / 100)
        self.values.qualify(value, whole.start)
        return Quantity("money", whole.start, cents.end, value)

    def _spoken_cents(self, whole: Piece, cents: Piece) -> bool:
        """Whether a count of one or two digits after an amount named by a word is its cents, as
        a price is spoken ("a dollar fifty.", "five euros twenty each"; not "a dollar fifty years ago")."""
        text, number = self.text, cents.number
        if whole.factor != 1 or whole.prefix_end is not None or (whole.currency_text or "").lower() not in _SPOKEN_CURRENCY_WORDS:
            return False
        if text[whole.end : cents.start] != " " or number.kind != "cardinal" or not 0 < number.value < 100 or not number.value.is_integer():
            return False
        if not number.words and cents.end - cents.start != 2:
            return False
        return bool(_SPOKEN_CENTS_END.match(text, cents.end))

    def _score(self, low: Piece, high: Piece) -> bool:
        """Whether two small counts joined by a dash are a sports score: a set among others,
        the result of a beating or losing verb, or a score before "win", "defeat" and kin."""
        text = self.text
        if low.type != "number" or high.type != "number" or text[low.end : high.start] not in ("-", "–"):
            return False
        if not (_SMALL_COUNT.fullmatch(text, low.start, low.end) and _SMALL_COUNT.fullmatch(text, high.start, high.end)):
            return False
        return bool(
            _SET_SCORE_AFTER.match(text, high.end)
            or _SET_SCORE_BEFORE.search(text, max(0, low.start - 8), low.start)
            or _SCORE_NOUN_AFTER.match(text, high.end)
            or _SCORE_VERB_BEFORE.search(text, max(0, low.start - 72), low.start)
        )

    @staticmethod
    def _inherit(low: Piece, high: Piece) -> Piece:
        return Piece(high.number, high.start, high.end, "money", low.currency, low.ambiguous, low.currency_text, None, low.factor)
