"""Pass 3, the unit of one number: a currency symbol or code before it, a currency name, code,
percent sign or word after it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .cues import TextView
from .currencies import (
    CENT_WORDS, CODE_AFTER, COUNTRY_CUES, CURRENCY_FAMILY, CURRENCY_NAMES, CURRENCY_WORDS, DOLLAR_ADJECTIVES, money_code,
    MONEY_CONTEXT_AFTER, MONEY_CONTEXT_BEFORE, NEEDS_SCALE, SCALED_PREFIXES, SIGN_AFTER, SIGNS, SYMBOL_BEFORE,
    SYMBOL_BEFORE_REACH, SYMBOLS, iso_codes, scaled_prefix_before,
)  # fmt: skip
from .gates import UNIT_FIRST_CHARS, symbol_may_end
from .model import Number
from .scales import scale_of
from .vocabulary import SCALES


# The signs that may follow an amount, the cent sign among them.
SIGN_CHARS = frozenset(SIGNS + "¢")
# Scales that only money writes, read after an amount with its currency before it ("$3.5 MM" in
# finance, "$2 mil" in sports pages): a bare "5 MM" or "5 mil" may be a thickness.
_MONEY_SCALE_AFTER = re.compile(r" (?P<scale>MM|mil|bil)\b(?!\.\w)")
_MONEY_SCALES = {"MM": 10**6, "mil": 10**6, "bil": 10**9, "grand": 10**3}
# "grand", a thousand of money, before the end of a clause or a word that is no noun ("fifty
# grand a year", "$20 grand in cash"; not "two grand slams", "three grand pianos").
_GRAND_AFTER = re.compile(
    r" (?P<scale>grand)(?=[.,;:!?)\"”’]|\Z| (?:a|an|in|for|from|to|on|at|per|of|and|or|but|each|apiece|this|that|last|plus|more|"
    r"now|then|with|by|into|off|up|back|cash|after|before|over|when|if|because|as)\b)"
)
# "points" after a percent sign or word: percentage points ("2.5% points", "0.5 pct point"), not
# the verb ("a turnout of 40% points to apathy").
_POINTS_AFTER_PERCENT = re.compile(r"[ -]points?\b(?! (?:to|out|at|toward|towards|up|the|a|an)\b)", re.IGNORECASE)
# The last letters of the scaled prefixes ("R" of "R5bn", "D" of "KD 300 million").
_SCALED_PREFIX_LAST_CHARS = frozenset(prefix[-1] for prefix in SCALED_PREFIXES)
# Currencies counted in thousands: after digits with a thousands separator they are money ("71,400
# won", "12,000 rand"), as "pounds" (a weight too) are not.
_COUNTED_IN_THOUSANDS = frozenset({"won", "rand", "dong"})
_WON_AS_A_VERB = re.compile(r" (?:the|a|an|their|his|her|its|seats?|medals?|awards?|prizes?|votes?|places?)\b")
# The end of a sentence, between an amount of money and a number of cents.
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(slots=True)
class Piece:
    """A number with its unit read from the context: currency, percent, or none."""

    number: Number
    start: int
    end: int
    type: str = "number"
    currency: str | None = None
    ambiguous: bool = False
    currency_text: str | None = None
    unit: str | None = None
    factor: float = 1.0
    prefix_end: int | None = None  # where the currency prefix ends (the number starts)


_HEDGE_BEFORE_PERCENT = re.compile(r"-(?:odd|plus)(?=[ %])", re.IGNORECASE)


def _minus_before(text: str, offset: int) -> bool:
    """Whether a minus sign sticks to the front of a currency symbol at ``offset`` ("-$5"; not "$3-$5")."""
    return offset > 0 and text[offset - 1] in "-\u2212" and (offset < 2 or text[offset - 2].isspace() or text[offset - 2] in "([")


def _after_a_number(text: str, offset: int) -> bool:
    """Whether digits end just before ``offset``, or a space before it ("45€", "5 $")."""
    before = text[max(0, offset - 2) : offset]
    return before[-1:].isdigit() or before[-1:] == " " and before[:1].isdigit()


class UnitReader:
    """Reads the unit around each number: a currency before or after it, a percent sign or word.

    Remembers the last amount of money it read (the currency of "45 cents" after it) and the
    country names of the text (the currency of a name several countries share).
    """

    def __init__(self, view: TextView, default_dollar: str):
        self.text = view.text
        self.folded = view.folded
        self.patterns = view.patterns
        self.default_dollar = default_dollar
        self.last_money: Piece | None = None
        self.country_cues: dict[str, list[tuple[int, str]]] = {}

    def piece(self, number: Number) -> Piece:
        """``number`` with the unit read around it."""
        piece = self._read_piece(number)
        if piece.type == "money":
            self.last_money = piece
        return piece

    def _read_piece(self, number: Number) -> Piece:
        text = self.text
        piece = Piece(number, number.start, number.end)
        if number.kind != "cardinal" and number.kind != "fraction":
            return piece  # ordinals and multipliers take no unit
        prefix = SYMBOL_BEFORE.search(text, max(0, number.start - SYMBOL_BEFORE_REACH), number.start) if symbol_may_end(text, number.start) else None
        if prefix and not number.words and self._prefix_currency(prefix, piece):
            return piece
        if not number.words and self._scaled_prefix_may_end(number.start) and self._scaled_prefix(piece):
            return piece
        if number.pence:
            piece.type, piece.currency, piece.currency_text, piece.factor = "money", "GBP", "p", 0.01
            return piece
        after = number.end
        if text.startswith("-", after) and (hedge := _HEDGE_BEFORE_PERCENT.match(text, after)):
            percent = self.patterns.percent_after.match(self.folded, hedge.end())
            if percent and not number.scale_abbreviation and self._percent_case_fits(percent):
                self._percent(percent, piece)  # "30-odd percent", "20-plus%": values.marked reads the hedge
                return piece
        if text[after : after + 1] not in UNIT_FIRST_CHARS:
            return piece  # "5,", "5.", "5)": no percent sign, currency word, code or sign follows
        sign = SIGN_AFTER.match(text, after) if text[after] in SIGN_CHARS or text[after + 1 : after + 2] in SIGN_CHARS else None
        if sign and not number.words:
            self._sign_after(sign, piece)
            return piece
        percent = self.patterns.percent_after.match(self.folded, after)
        if percent and not number.scale_abbreviation and self._percent_case_fits(percent):
            self._percent(percent, piece)
            return piece
        word = self.patterns.word_after.match(self.folded, after)
        if word and self._word_currency(word, piece):
            return piece
        if text.startswith(" grand", after) and self._grand(piece):
            return piece
        if text[after + 1 : after + 2].isupper() and (name := self.patterns.name_after.match(self.folded, after)):
            piece.type, piece.currency, piece.currency_text = "money", CURRENCY_NAMES[name.group("name").lower()], text[name.start() + 1 : name.end()]
            piece.end = name.end()
            return piece
        code = CODE_AFTER.match(text, after)
        if code and code.group("code") in iso_codes() and not number.words:
            piece.type, piece.currency, piece.currency_text = "money", code.group("code"), code.group("code")
            piece.end = code.end()
        return piece

    def _prefix_currency(self, prefix: re.Match, piece: Piece) -> bool:
        code = prefix.group("code")
        symbol = prefix.group("sym") or prefix.group("bare")
        if prefix.group("minus") and prefix.group("bare") and _after_a_number(self.text, prefix.start()):
            return False  # the € of "45€-50€" is the 45's (SIGN_AFTER), the dash a range's: no -50
        if code:
            if not money_code(code):
                return False
            currency, ambiguous, surface = code, False, code
        else:
            surface = symbol
            currency, ambiguous = SYMBOLS[symbol]
            currency = currency or self.default_dollar
            if ambiguous and currency != self.default_dollar:
                currency = self._country_currency(symbol, piece.number.start) or currency
        piece.type, piece.currency, piece.ambiguous, piece.currency_text = "money", currency, ambiguous, surface
        piece.start = prefix.start()
        if prefix.group("minus"):
            piece.factor = -1.0
        elif _minus_before(self.text, piece.start):
            piece.start, piece.factor = piece.start - 1, -1.0  # -$5 million
        piece.prefix_end = piece.number.start
        self._money_scale(piece)
        after = self.patterns.word_after.match(self.folded, piece.number.end)
        if after and after.group("adj") is None and after.group("word").lower() in ("dollars", "dollar") and symbol == "$":
            piece.end = after.end()  # "$5 dollars" happens; keep the word in the span
        return True

    def _grand(self, piece: Piece) -> bool:
        """ "fifty grand", "20 grand in cash": a thousand of the last amount's currency, else the default dollar's."""
        number = piece.number
        grand = _GRAND_AFTER.match(self.text, number.end)
        if not grand or number.scale_abbreviation or scale_of(self.text, number) != 1:
            return False
        (piece.currency, piece.ambiguous), piece.factor = self._currency_of_last_amount(number.start), 1000.0
        piece.type, piece.currency_text, piece.end = "money", "grand", grand.end()
        return True

    def _scaled_prefix_may_end(self, start: int) -> bool:
        """Whether the last letter of a scaled prefix stands before ``start``, or before the space there: a cheap test."""
        before = self.text[start - 1 : start]
        if before == " ":
            before = self.text[start - 2 : start - 1]
        return before in _SCALED_PREFIX_LAST_CHARS

    def _scaled_prefix(self, piece: Piece) -> bool:
        """A short capital prefix before an amount with its scale: "R5bn", "N300 million", "KD 300 million"."""
        number = piece.number
        prefix = scaled_prefix_before(self.text, number.start)
        if prefix is None or scale_of(self.text, number) == 1:
            return False
        piece.type, piece.currency, piece.currency_text = "money", SCALED_PREFIXES[prefix.group("prefix")], prefix.group("prefix")
        piece.start, piece.prefix_end = prefix.start(), number.start
        return True

    def _money_scale(self, piece: Piece) -> None:
        """A scale only money writes after an amount with its currency before it: "$3.5 MM", "$2 mil", "$4 bil", "$20 grand"."""
        number = piece.number
        if not self.text.startswith(" ", number.end) or number.words or number.scale_abbreviation:
            return  # every such scale follows a space
        scale = _MONEY_SCALE_AFTER.match(self.text, number.end) or _GRAND_AFTER.match(self.text, number.end)
        if scale and scale_of(self.text, number) == 1:
            piece.end, piece.factor = scale.end(), piece.factor * _MONEY_SCALES[scale.group("scale")]

    def _sign_after(self, match: re.Match, piece: Piece) -> None:
        """A currency sign after the amount: "45€", "70 ₴", "5k$", "75¢" (cents)."""
        sign = match.group("sign")
        if sign == "¢":
            (currency, ambiguous), piece.factor = self._currency_of_last_amount(piece.number.start), 0.01
        else:
            currency, ambiguous = SYMBOLS[sign]
            currency = currency or self.default_dollar
            if ambiguous and currency != self.default_dollar:
                currency = self._country_currency(sign, piece.number.start) or currency
        piece.type, piece.currency, piece.ambiguous, piece.currency_text = "money", currency, ambiguous, sign
        piece.end = match.end()

    def _percent_case_fits(self, match: re.Match) -> bool:
        """Whether a percent abbreviation that is also a name in capitals ("BP", "PC") is in lowercase."""
        name = next((name for name in ("pp", "b", "pc") if match.group(name)), None)
        return name is None or self.text[match.start(name) : match.end(name)].islower()

    def _percent(self, match: re.Match, piece: Piece) -> None:
        piece.type, piece.end = "percentage", match.end()
        if match.group("points"):
            piece.unit = "percentage_point"
        elif match.group("bp"):
            piece.unit, piece.factor = "percentage_point", 0.01
        elif points := _POINTS_AFTER_PERCENT.match(self.folded, match.end()):
            piece.unit, piece.end = "percentage_point", points.end()  # "2.5% points", "0.5 pct point"
        else:
            piece.unit = "percent"

    def _word_currency(self, match: re.Match, piece: Piece) -> bool:
        word = match.group("word").lower()
        adjective = (match.group("adj") or "").lower()
        has_scale = self.text[piece.number.start : piece.number.end].split()[-1].lower().rstrip("s") in SCALES or piece.number.value >= 1000 and piece.number.scale_abbreviation
        thousands = word in _COUNTED_IN_THOUSANDS and "," in self.text[piece.number.start : piece.number.end] and not _WON_AS_A_VERB.match(self.text, match.end())
        if word in NEEDS_SCALE and not (has_scale or thousands) and not match.group("sterling") and not self._money_context(piece.number.start, match.end()):
            return False
        if word in CENT_WORDS:
            if adjective:  # "3 US cents"
                currency, ambiguous = DOLLAR_ADJECTIVES.get(adjective, self.default_dollar), False
            else:
                currency, ambiguous = (CENT_WORDS[word], False) if CENT_WORDS[word] else self._currency_of_last_amount(piece.number.start)
            piece.factor = 0.01
        elif adjective:
            currency, ambiguous = DOLLAR_ADJECTIVES.get(adjective, self.default_dollar), False
            if word not in ("dollar", "dollars"):
                return False
        else:
            currency, ambiguous = CURRENCY_WORDS[word]
            if currency is None and not ambiguous:
                return False  # bitcoin: not a currency with an ISO code
            if word in ("buck", "bucks") and not self.text.startswith("b", match.end() - len(word)):
                return False  # the Bucks: a team
            currency = currency or self.default_dollar  # dollars, bucks
            if ambiguous and currency != self.default_dollar:
                currency = self._country_currency(word, piece.number.start) or currency
        piece.type, piece.currency, piece.ambiguous = "money", currency, ambiguous
        piece.currency_text = self.text[match.start() + 1 : match.end()]
        piece.end = match.end()
        return True

    def _money_context(self, start: int, end: int) -> bool:
        """Whether the amount at ``start`` is money by its sentence: the nearest word of money or weight
        before it in the same clause is one of money ("was paid 200 pounds", not "weighed 8 pounds"),
        or pence follow it ("twelve pounds and fifty pence")."""
        if MONEY_CONTEXT_AFTER.match(self.folded, end):
            return True
        window_start = max(0, start - 60)
        clause_start = max(self.text.rfind(". ", window_start, start), self.text.rfind(";", window_start, start), self.text.rfind("\n", window_start, start))
        nearest = None
        for nearest in MONEY_CONTEXT_BEFORE.finditer(self.folded, max(window_start, clause_start + 1), start):
            pass
        return nearest is not None and nearest.lastgroup != "weight"

    def _country_currency(self, surface: str, offset: int) -> str | None:
        """The currency an ambiguous name means in this document: the country named nearest before it (else first after)."""
        key = surface.lower().rstrip(".")
        family = CURRENCY_FAMILY.get(key) or CURRENCY_FAMILY.get(key[:-1] if key.endswith("s") else key)
        if family is None:
            return None
        if family not in self.country_cues:
            self.country_cues[family] = [(m.start(), m.lastgroup) for m in COUNTRY_CUES[family].finditer(self.text)]
        cues = self.country_cues[family]
        if not cues:
            return None
        i = bisect.bisect_left(cues, (offset, ""))
        return (cues[i - 1] if i else cues[0])[1]

    def _currency_of_last_amount(self, offset: int) -> tuple[str, bool]:
        """ "45 cents" or "50 grand" after "€1.26bn" in the same sentence are euro cents or thousands of
        euros; otherwise the default dollar's."""
        last = self.last_money
        if last and offset - last.end < 200 and not _SENTENCE_END.search(self.text, last.end, offset):
            return last.currency, last.ambiguous
        return self.default_dollar, True
