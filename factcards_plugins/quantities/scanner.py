"""Finding quantities in news text: numbers, number words, scales, money and percentages.

Shared by the ``money`` and ``numbers`` plugins. ``find_quantities(text)``
reads the text once and returns every quantity expression with its type
(``money``, ``percentage`` or ``number``), its span and its normalized value;
each number in the text belongs to at most one expression, so a number inside
an amount of money or a percentage is never also a bare number.

How it works, in three passes, all linear in the length of the text:

1. ``_DIGIT_ATOM`` and ``_WORD_ATOM`` (regular expressions with bounded
   repetitions only) find the atoms: runs of digits (with thousands
   separators and decimals) and number words (``two``, ``twenty``,
   ``million``, ``third``, ``half``, ``dozen``).
2. Atoms become numbers: digit runs are checked against what touches them
   (``G7``, ``F-35``, ``12:57``, ``15-Feb-2022``, phone numbers are not
   numbers), number words are parsed into values (``two hundred and fifty
   thousand``, ``twenty-first``, ``two-thirds``) and scale words are merged
   (``1.5 million``).
3. Numbers become expressions: a currency before or after makes money, a
   percent sign or word makes a percentage, a connective between two numbers
   of the same kind makes a range, and an approximation word in front becomes
   the ``qualifier``. The span never includes the qualifier word.

The rules and span conventions are documented in ``docs/extractors-quantities.md``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from ..text import trie_pattern

# --- number words -----------------------------------------------------------------

UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
TEENS = {w: i + 10 for i, w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: (i + 2) * 10 for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9, "tn": 10**12, "trn": 10**12}
INDIAN_SCALES = {"lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
MULTIPLIERS = {"twice": 2, "thrice": 3}

_ALL_WORDS = set(UNITS) | set(TEENS) | set(TENS) | set(SCALES) | set(ORDINALS) | set(DENOMINATORS) | set(INDIAN_SCALES) | set(MULTIPLIERS) | {"hundred", "dozen"}

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()


# A run of digits (thousands separators, decimals); it starts with an ASCII digit (other \d are not
# numbers here), which lets the regex engine skip ahead to the next one.
_DIGIT_ATOM = re.compile(r"[0-9](?:\d{0,2}(?:,\d{3}){1,6}(?!\d)|\d{0,20})(?:\.\d{1,12})?")
_NUMBER_WORD = trie_pattern(_ALL_WORDS)
_WORD_ATOM = re.compile(rf"\b{_NUMBER_WORD}\b", re.IGNORECASE)
# The same words on a lowercased copy of the text, matched case-sensitively: about three times faster.
_LOWERCASE_WORD_ATOM = re.compile(rf"\b{_NUMBER_WORD}\b")
# Where such a word may start: after a character that is not an ASCII letter, digit or "_". A pattern
# that starts with a set of characters lets the regex engine skip the letters inside words quickly.
_WORD_CANDIDATE = re.compile(rf"[^a-z0-9_]{_NUMBER_WORD}\b")
# Characters that ``re.IGNORECASE`` matches to an ASCII letter although ``str.lower`` keeps them apart.
# A hyphen or minus sign stuck to the front of a number, after a space or an opening bracket.
MINUS_SIGNS = ("-", "\u2212")
_MINUS_SIGN_CHARS = "".join(MINUS_SIGNS)
_PHONE = re.compile(r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,5}\)[ .-]?)?\d{2,5}[ .-]\d{3,4}[ .-]\d{3,5}(?![\d,])")

# --- money --------------------------------------------------------------------

# Currency symbols and prefixes written before the amount: symbol -> (ISO 4217, ambiguous?).
# A bare "$" is the extractor's ``default_dollar`` and always ambiguous.
SYMBOLS = {
    "$": (None, True), "US$": ("USD", False), "U.S.$": ("USD", False), "C$": ("CAD", False), "CA$": ("CAD", False),
    "CAN$": ("CAD", False), "A$": ("AUD", False), "AU$": ("AUD", False), "AUD$": ("AUD", False), "NZ$": ("NZD", False),
    "HK$": ("HKD", False), "S$": ("SGD", False), "SG$": ("SGD", False), "NT$": ("TWD", False), "R$": ("BRL", False),
    "Mex$": ("MXN", False), "€": ("EUR", False), "£": ("GBP", False), "¥": ("JPY", True), "₹": ("INR", False),
    "Rs": ("INR", True), "Rs.": ("INR", True), "₩": ("KRW", False), "₽": ("RUB", False), "₺": ("TRY", False),
    "₪": ("ILS", False), "₫": ("VND", False), "₱": ("PHP", False), "฿": ("THB", False), "₦": ("NGN", False),
    "₴": ("UAH", False), "RMB": ("CNY", False), "SFr": ("CHF", False), "Fr.": ("CHF", True),
}  # fmt: skip
# Currency names written after the amount. Ambiguous names take the most common currency in English news.
CURRENCY_WORDS = {
    "dollar": (None, True), "dollars": (None, True), "euro": ("EUR", False), "euros": ("EUR", False),
    "pound": ("GBP", False), "pounds": ("GBP", False), "sterling": ("GBP", False), "yen": ("JPY", False),
    "yuan": ("CNY", False), "renminbi": ("CNY", False), "rupee": ("INR", True), "rupees": ("INR", True),
    "rouble": ("RUB", False), "roubles": ("RUB", False), "ruble": ("RUB", False), "rubles": ("RUB", False),
    "hryvnia": ("UAH", False), "hryvnias": ("UAH", False), "hryvnia's": ("UAH", False), "won": ("KRW", False),
    "franc": ("CHF", True), "francs": ("CHF", True), "peso": ("MXN", True), "pesos": ("MXN", True),
    "rand": ("ZAR", False), "naira": ("NGN", False), "lira": ("TRY", False), "liras": ("TRY", False),
    "ringgit": ("MYR", False), "baht": ("THB", False), "rupiah": ("IDR", False), "zloty": ("PLN", False),
    "zlotys": ("PLN", False), "shekel": ("ILS", False), "shekels": ("ILS", False), "riyal": ("SAR", True),
    "riyals": ("SAR", True), "dirham": ("AED", True), "dirhams": ("AED", True), "shilling": ("KES", True),
    "shillings": ("KES", True), "cedi": ("GHS", False), "cedis": ("GHS", False), "dong": ("VND", False),
    "reais": ("BRL", False),
    "bitcoin": (None, False),
}  # fmt: skip
# Words that are only a currency when a scale word precedes them ("5 million pounds", not "200 pounds" of weight).
NEEDS_SCALE = {"pound", "pounds", "won", "rand", "dong", "franc", "francs"}
DOLLAR_ADJECTIVES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD", "new zealand": "NZD",
    "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD", "zimbabwe": "ZWL", "namibian": "NAD",
}  # fmt: skip
CENT_WORDS = {"cent": None, "cents": None, "pence": "GBP", "penny": "GBP"}
# ISO codes that are also English words are only read when written in capitals and touching a number.
_SYMBOL_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<sym>US\$|U\.S\.\$|CA\$|CAN\$|C\$|AUD\$|AU\$|A\$|NZ\$|HK\$|SG\$|S\$|NT\$|R\$|Mex\$|Rs\.?|RMB|SFr\.?)"
    r"|(?P<bare>[$€£¥₹₩₽₺₪₫₱฿₦₴])|(?<![A-Za-z])(?P<code>[A-Z]{3}))\s?(?P<minus>-)?\Z"
)
_WORD_AFTER = re.compile(
    r"[ -](?:(?P<adj>u\.s\.|us|american|canadian|australian|new zealand|hong kong|singapore|taiwan(?:ese)?|zimbabwe|namibian) )?"
    rf"(?P<word>{trie_pattern(CURRENCY_WORDS)}|{trie_pattern(CENT_WORDS)})(?:(?P<sterling> sterling)|\b)",
    re.IGNORECASE,
)
_CODE_AFTER = re.compile(r" ?(?P<code>[A-Z]{3})\b")
# Currency names several countries share, and the country names that settle which one a text means.
_COUNTRY_CUES = {
    family: re.compile(r"\b(?:" + "|".join(f"(?P<{code}>{cues})" for code, cues in countries.items()) + ")")
    for family, countries in {
        "dirham": {"MAD": r"Morocc\w*|Rabat|Marrakech|Casablanca", "AED": r"UAE|Emirat\w*|Dubai|Abu Dhabi"},
        "riyal": {"SAR": r"Saudi|Riyadh", "QAR": r"Qatar\w*|Doha", "OMR": r"Oman\w*|Muscat"},
        "rupee": {"INR": r"India\w*|New Delhi|Mumbai", "PKR": r"Pakistan\w*|Islamabad|Karachi", "LKR": r"Sri Lanka\w*|Colombo", "NPR": r"Nepal\w*|Kathmandu"},
        "peso": {"MXN": r"Mexic\w*", "ARS": r"Argentin\w*|Buenos Aires", "PHP": r"Philippine\w*|Manila", "CLP": r"Chile\w*|Santiago", "COP": r"Colombia\w*|Bogota"},
        "franc": {"CHF": r"Swiss|Switzerland|Zurich|Geneva|Bern", "XOF": r"Senegal\w*|Ivory Coast|Mali\b|Burkina", "XAF": r"Cameroon\w*|Gabon\w*|Chad\b"},
        "shilling": {"KES": r"Kenya\w*|Nairobi", "UGX": r"Ugand\w*|Kampala", "TZS": r"Tanzania\w*|Dodoma|Dar es Salaam"},
        "yen": {"CNY": r"China|Chinese|Beijing", "JPY": r"Japan\w*|Tokyo"},
    }.items()
}
_CURRENCY_FAMILY = {"dirham": "dirham", "riyal": "riyal", "rupee": "rupee", "rs": "rupee", "peso": "peso", "franc": "franc", "fr": "franc", "shilling": "shilling", "¥": "yen"}
_CURRENCY_HINT = re.compile(
    r"\b(?:(?P<CAD>Canad(?:a|ian)|Ottawa)|(?P<AUD>Australia|Canberra)|(?P<NZD>New Zealand)|(?P<HKD>Hong Kong)"
    r"|(?P<SGD>Singapore)|(?P<TWD>Taiwan))"
)

# --- percentages, scales, qualifiers, contexts --------------------------------------------

_PERCENT_AFTER = re.compile(
    r"(?P<sign> ?%)|[ -](?P<points>percentage[ -]points?|(?:pp|ppt|pts?)\b)|[ -](?P<bp>basis[ -]points?|bps\b)"
    r"|[ -](?P<word>per ?cent|pct\b)",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(r"[ -](?P<word>thousand|million|billion|trillion|lakhs?|crores?)\b|(?P<abbr>bn|mn|mln|bln|tn|trn|[mkb])\b", re.IGNORECASE)
_SCALE_SPACED_ABBR = re.compile(r" (?P<abbr>bn|mn|mln|bln|tn)\b")
_DASH_CHAIN_LEFT = re.compile(r"(?:\d{1,5}-){1,2}\Z")
_DASH_CHAIN_RIGHT = re.compile(r"(?:-\d{1,5}){1,2}")
_PERIOD_AFTER_ORDINAL = re.compile(r"[ -](?:quarter|half)\b", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
QUALIFIERS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "more than", "over", "less than", "under",
    "up to", "at least", "at most", "some", "close to", "an estimated", "just over", "just under", "fewer than",
    "upwards of", "in excess of", "as much as", "as many as", "as little as", "as few as", "well over", "well above",
    "above", "below", "only", "just", "exactly", "precisely",
)  # fmt: skip
_QUALIFIER_BEFORE = re.compile(rf"\b(?P<q>{trie_pattern(QUALIFIERS)})\s\Z", re.IGNORECASE)
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
    r"edged(?: up| down)?|surged|plunged|soared|raised|cut|lowered|boosted|reduced|hiked|slashed|up|down|gained|lost|added|shed)"
    r"(?: [\w'’-]{1,20})? \Z",
    re.IGNORECASE,
)
_SCORE_AFTER = re.compile(r"-\d{1,2}\b(?![-/.:,]\d)")
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
_RANGE_CONNECTIVE = re.compile(r" ?[-–—] ?| to | and | or ", re.IGNORECASE)
# The longest gap between two numbers read as one quantity: a range's " and ", a ratio's " in ".
_LONGEST_JOINT = len(" and ")
# Central bankers' fractions of a point: "a quarter point", "half a percentage point", "a quarter-point".
_POINT_FRACTION = re.compile(
    r"\b(?P<n>a quarter|one quarter|a half|half a|three quarters of a|three-quarters of a|quarter|half)"
    r"(?: of a)?[ -](?:percentage[ -])?points?\b",
    re.IGNORECASE,
)
_POINT_FRACTION_VALUES = {"quarter": 0.25, "half": 0.5, "three": 0.75}
# Explicit dollars other than the U.S. one; a document that writes only these means them by a bare "$".
_EXPLICIT_DOLLAR = re.compile(r"(?<![A-Za-z])(?P<p>US|U\.S\.|CA|CAN|C|AU|AUD|A|NZ|HK|SG|S|NT)\$")
_EXPLICIT_DOLLAR_PREFIX = 4  # the longest prefix, "U.S."
_DENSE_DOLLARS = 32  # fewer characters than this per "$", and one scan of the text is cheaper than a search per "$"
_TIME_AFTER = re.compile(
    r" ?(?:[ap]\.m\.|[ap]m\b|o'clock|gmt\b|utc\b|bst\b|cet\b|est\b|edt\b|pst\b|pdt\b|et\b|hrs\b|hours gmt)", re.IGNORECASE
)
_MONTH_WORD = trie_pattern(MONTHS)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_WORD})\.?,? ?\Z", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?(?: of)?[ -](?:{_MONTH_WORD})\b", re.IGNORECASE)
_MONTH_DAY_RANGE_BEFORE = re.compile(
    rf"\b(?:{_MONTH_WORD})\.? \d{{1,2}}(?:st|nd|rd|th)?(?: ?[-–] ?| to | and | through | until )\Z", re.IGNORECASE
)
# What may follow a bare number, in one match: a time ("3 p.m."), a month ("12 February") or a score's
# second count ("3-1"). The group that matches is the first of the three patterns that matches there;
# a month and a score never both match (a month's dash comes before a letter, a score's before a digit).
_AFTER_NUMBER = re.compile(rf"(?P<time>{_TIME_AFTER.pattern})|(?P<month>{_MONTH_AFTER.pattern})|(?P<score>{_SCORE_AFTER.pattern})", re.IGNORECASE)


class _CaseBlind(NamedTuple):
    """The case-blind (``re.IGNORECASE``) patterns the assembler runs for many numbers; their letters are all lowercase."""

    after_number: re.Pattern
    month_before: re.Pattern
    month_day_range_before: re.Pattern
    word_after: re.Pattern
    percent_after: re.Pattern
    qualifier_before: re.Pattern


_CASE_BLIND = _CaseBlind(_AFTER_NUMBER, _MONTH_BEFORE, _MONTH_DAY_RANGE_BEFORE, _WORD_AFTER, _PERCENT_AFTER, _QUALIFIER_BEFORE)
# Their case-sensitive twins, for the lowercased copy of the text (``_Assembler.folded``): they match
# there what the case-blind patterns match in the text (at the same offsets), about twice as fast.
_LOWERCASE_TWINS = _CaseBlind(*(re.compile(pattern.pattern) for pattern in _CASE_BLIND))
_CAPITALIZED_WORD_AFTER = re.compile(r"[ -][A-Z][a-z]")
_FIRST_AS_ADVERB_AFTER = re.compile(
    r" (?:[a-z]{2,20}ed|made|began|came|took|won|met|saw|became|went|found|told|said|wrote|ran|set|put|arose|emerged|appeared|heard)\b"
)
_CAPITALIZED_BEFORE = re.compile(r"(?<![\w.'’-])(?P<word>[A-Z][A-Za-z&]{0,20}(?:-[A-Z][A-Za-z]{0,10})?) \Z")
# Capitalized words that may stand right before a number without naming it ("In 2020", "Some 300").
FUNCTION_WORDS = {
    "a", "about", "above", "after", "against", "all", "almost", "also", "an", "and", "another", "any", "approximately",
    "around", "as", "at", "before", "below", "between", "but", "by", "during", "each", "every", "exactly", "fewer",
    "for", "from", "here", "if", "in", "including", "into", "its", "just", "last", "less", "like", "many", "more",
    "most", "nearly", "next", "nor", "of", "on", "once", "only", "or", "our", "over", "past", "per", "plus",
    "roughly", "since", "so", "some", "still", "than", "that", "the", "their", "there", "these", "this", "those",
    "through", "to", "top", "total", "under", "until", "up", "while", "with", "within", "yet", "when", "where", "without", "already", "even", "although", "though", "because",
}  # fmt: skip
# What makes "a third" a fraction rather than an ordinal: "of", a verb or the end of a clause after it.
_A_FRACTION_AFTER = re.compile(r" of\b|[.,;:!?)]| (?:were|was|is|are|had|have|has|will|would|could|came|went)\b", re.IGNORECASE)
# "the past four quarters", "for two straight quarters": counted quarters are periods, not a fraction.
_PERIODS_BEFORE = re.compile(r"(?i)\b(?:past|last|next|previous|recent|first|final|straight|consecutive|successive)\s\Z")
_TYPE_BEFORE = re.compile(r"(?<![\w-])[Tt]ype \Z")
_ONE_IN_N_AFTER = re.compile(r" in (?:\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a hundred|a thousand)\b", re.IGNORECASE)
NOT_AFTER_ONE = re.compile(r" (?:of|another|by one|after another|day|thing)\b", re.IGNORECASE)
NOT_BEFORE_ONE = re.compile(r"\b(?:no|any|every|each|the|this|that|which|some|someone|anyone|little|loved|one)[ -]\Z", re.IGNORECASE)
PERIOD_HALF = re.compile(r"\b(?:first|second|other|opening|latter|former|back|front|top|bottom)[ -]\Z", re.IGNORECASE)
_SECOND_UNIT_AFTER = re.compile(r"[.,;:!?)\"”]|\Z| (?:later|ago|or|longer|earlier|too|to spare|and)\b", re.IGNORECASE)
SECOND_AS_UNIT_BEFORE = re.compile(r"\b(?:a|per|split|every|each|one|the last|few)[ -]\Z", re.IGNORECASE)
IDIOM_AFTER_FIRST = re.compile(r" of all\b|-(?:hand|ever|time)\b| lady\b", re.IGNORECASE)
IDIOM_BEFORE_FIRST = re.compile(r"\bat \Z", re.IGNORECASE)
# "a" before a scale, "dozen" or a fraction: "a million", "a third of".
_A_BEFORE = re.compile(r"\b[Aa] \Z")
# "half-time", "halfway", "half brother": words made with "half", not the number.
_HALF_COMPOUND_AFTER = re.compile(r"[- ]?(?:time|hour|way|brother|sister|life|century|hearted)", re.IGNORECASE)
# The end of a sentence, between an amount of money and a number of cents.
_SENTENCE_END = re.compile(r"[.!?]\s")
# A one- or two-digit count and a dash: the "3-" of a score "3-1".
_SCORE_CHAIN = re.compile(r"\d{1,2}-")
# The letters at the end of a number (its scale word or abbreviation).
_LAST_WORD = re.compile(r"([A-Za-z]+)\Z")


@dataclass(slots=True)
class Number:
    """A number in the text: its span, value, how it was written, and what it can still become."""

    start: int
    end: int
    value: float
    kind: str = "cardinal"  # cardinal | ordinal | fraction
    words: bool = False  # written in words
    scale_abbreviation: bool = False  # "40m", "5bn": money, not a bare number
    capitalized: bool = False
    pence: bool = False  # "40p": British pence


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity expression: ``type`` is money, percentage or number; ``value`` is its normalized value."""

    type: str
    start: int
    end: int
    value: dict = field(hash=False)


# Sort keys: reading order.
_START = attrgetter("start")
_SPAN = attrgetter("start", "end")


def find_quantities(text: str, default_dollar: str = "USD") -> tuple[Quantity, ...]:
    """Every money, percentage and number expression in ``text``, in reading order.

    The patterns ignore case, and so match ı, İ, ſ and the Kelvin sign where i, s and k stand
    ("5 thouſand"); those letters are read as the ASCII ones, on a copy of the same length.
    """
    if not text.isascii() and any(char in text for char in _IGNORECASE_LOOKALIKES):
        text = text.translate(_AS_ASCII)
    return _find_quantities(text, default_dollar)


@lru_cache(maxsize=8)
def _find_quantities(text: str, default_dollar: str) -> tuple[Quantity, ...]:
    points = _point_fractions(text)
    numbers = find_numbers(text)
    if points:
        numbers = [n for n in numbers if not any(p.start < n.end and n.start < p.end for p in points)]
    found = list(_Assembler(text, numbers, default_dollar).run()) + points
    return tuple(sorted(found, key=_SPAN))


# --- pass 1 and 2: atoms to numbers ---------------------------------------------------


def find_numbers(text: str) -> list[Number]:
    """The numbers in ``text``, digits and words, with identifiers, dates, times and phones left out."""
    numbers = [number for atom in _DIGIT_ATOM.finditer(text) if (number := _digit_number(text, atom))]
    numbers.extend(_word_numbers(text, _number_words(text)))
    return _merge_scales(text, sorted(numbers, key=_START))


@lru_cache(maxsize=8)
def _lowered(text: str) -> str:
    """``text.lower()``, once per text for the passes that read it."""
    return text.lower()


def _number_words(text: str) -> list[re.Match]:
    """The number words of ``text`` (as matches of ``_WORD_ATOM``: their offsets, their letters in any case).

    ``text`` holds no look-alike letters (``find_quantities`` reads them as ASCII), so the lowercased
    copy matches the same words unless lowercasing changed its length.
    """
    lowered = _lowered(text)
    if len(lowered) != len(text):
        return list(_WORD_ATOM.finditer(text))
    return _lowercase_word_atoms(lowered)


def _lowercase_word_atoms(lowered: str) -> list[re.Match]:
    """``list(_LOWERCASE_WORD_ATOM.finditer(lowered))``, found where ``_WORD_CANDIDATE`` matches.

    A word matches where the character before it is no word character: at the start of the text,
    or at a candidate (whose first character is that one, or a non-ASCII letter, which the match
    there rejects). Matches and candidates hold letters after their first character, so a
    candidate never covers the start of another word, and the matches are those of ``finditer``.
    """
    match = _LOWERCASE_WORD_ATOM.match
    atoms = [candidate for candidate in [match(lowered, 0)] if candidate]
    atoms.extend(atom for candidate in _WORD_CANDIDATE.finditer(lowered) if (atom := match(lowered, candidate.start() + 1)))
    return atoms


def _digit_count(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start..end`` are part of a phone number (looked for nearby only).

    ``_digit_number`` calls it only where a phone joint touches the digits (``_phone_joint``).
    """
    window_start = max(0, start - 24)
    for match in _PHONE.finditer(text, window_start, min(len(text), end + 24)):
        if match.start() <= start < match.end() and _digit_count(match.group()) >= 9:
            return True
    return False


def _digit_number(text: str, atom: re.Match) -> Number | None:
    """A number from a run of digits, or None when the run is part of a name, code, date or time."""
    start, end = atom.span()
    # A space stands for "no character" at the ends of the text ("" would be "in" every string below).
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if before.isalnum() or before == "_" or (before in "-‐" and before2.isalpha()):
        return None  # G7, A320, F-35, COVID-19
    if before in ".,:/" and before2.isdigit() or before in "#№":
        return None  # 1.2.3, 10:30, 12/02, #5
    if after in ".,:/" and after2.isdigit():
        return None  # 1.2.3, 12,34, 10:30, 12/02
    if after in "-‐/" and _MONTH_AFTER.match(text, end):
        return None  # 15-Feb-2022
    if before in "-‐/" and _MONTH_BEFORE.search(text, max(0, start - 12), start - 1):
        return None
    if (before == "-" or after == "-") and _dash_groups(text, start, end) >= 3:
        return None  # 2022-02-15, 555-123-4567
    if _phone_joint(before, before2, after, after2) and _in_phone_number(text, start, end):
        return None  # +44 20 7946 0958, (212) 555 0100
    value = float(atom.group().replace(",", ""))
    number = Number(start, end, value)
    if before in MINUS_SIGNS and (start < 2 or before2.isspace() or before2 in "(["):
        number.start, number.value = start - 1, -value  # -3.5%, (−2): a sign, not a dash between two numbers
    if after.isalpha():
        suffix = _ORDINAL_SUFFIX.match(text, end)
        scale = _SCALE_AFTER.match(text, end)
        if suffix and "." not in atom.group() and not _PERIOD_AFTER_ORDINAL.match(text, suffix.end()):
            number.end, number.kind = suffix.end(), "ordinal"
        elif after == "p" and not after2.isalnum() and _is_pence(text, atom.group(), end):
            number.end, number.pence = end + 1, True  # "40p in every pound"
        elif scale and scale.group("abbr"):
            number.end, number.value = scale.end(), value * SCALE_ABBREVIATIONS[scale.group("abbr").lower()]
            number.scale_abbreviation = scale.group("abbr").lower() in ("m", "k", "b")
        else:
            return None  # 5G, 1990s, 10am, 3D
    return number


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
    left = _DASH_CHAIN_LEFT.search(text, max(0, start - 14), start) if start and text[start - 1] == "-" else None
    right = _DASH_CHAIN_RIGHT.match(text, end) if text.startswith("-", end) else None
    return 1 + (left.group().count("-") if left else 0) + (right.group().count("-") if right else 0)


def _word_numbers(text: str, atoms: list[re.Match]) -> list[Number]:
    """Numbers written in words; consecutive number words joined by a space, hyphen or "and" read as one."""
    found: list[Number] = []
    group: list[re.Match] = []
    for atom in atoms:
        if group and not _joins(text[group[-1].end() : atom.start()]):
            found.extend(_parse_words(text, group))
            group = []
        group.append(atom)
    if group:
        found.extend(_parse_words(text, group))
    return found


def _joins(gap: str) -> bool:
    return gap in (" ", "-", " and ", " and a ", " a ")


def _parse_words(text: str, group: list[re.Match]) -> list[Number]:
    """Parse a run of number words left to right into one or more numbers."""
    numbers = []
    i = 0
    while i < len(group):
        number, used = _parse_phrase(text, group, i)
        if number and _word_number_ok(text, number):
            numbers.append(number)
        i += max(used, 1)
    return numbers


def _parse_phrase(text: str, group: list[re.Match], i: int) -> tuple[Number | None, int]:
    """The longest number phrase starting at ``group[i]``; returns it (or None) and how many words it used."""
    first_word = group[i].group().lower()
    takes_a = first_word in SCALES or first_word in ("hundred", "dozen") or (first_word in DENOMINATORS and _is_a_fraction(text, group[i]))
    a_before = takes_a and bool(_A_BEFORE.search(text, max(0, group[i].start() - 3), group[i].start()))
    total, current, last, j = 0.0, 0.0, "a" if a_before else None, i
    kind = "cardinal"
    start = group[i].start() - (2 if a_before else 0)
    end = None
    while j < len(group):
        word = group[j].group().lower()
        gap = text[group[j - 1].end() : group[j].start()] if j > i else ""
        if "a" in gap.split() and word not in DENOMINATORS and word not in SCALES:
            break
        if word in UNITS and last in (None, "tens", "hundred", "scale") and not (last == "tens" and current % 10):
            current += UNITS[word]
            last = "unit"
        elif (word in TEENS or word in TENS) and last in (None, "hundred", "scale"):
            current += TEENS.get(word) or TENS[word]
            last = "tens" if word in TENS else "teen"
        elif word == "hundred" and last in ("unit", "teen", "tens", "a"):
            current = (current or 1) * 100
            last = "hundred"
        elif word in SCALES and last in ("unit", "teen", "tens", "hundred", "a", "half") and gap != "-":
            factor = 0.5 if last == "half" else 1
            total += (current or 1) * SCALES[word] * factor
            current = 0
            last = "scale"
        elif word == "dozen" and last in ("unit", "a"):
            current = (current or 1) * 12
            last = "dozen"
        elif word in ORDINALS and last in (None, "tens", "hundred", "scale") and not _is_fraction(text, group, j, last):
            if word == "second" and last is None and _second_is_time_unit(text, group[j]):
                break
            current += ORDINALS[word]
            kind, last, end, j = "ordinal", "ordinal", group[j].end(), j + 1
            break
        elif word in DENOMINATORS and (last in ("unit", "a") and _is_fraction(text, group, j, last) or (word == "half" and last in (None, "unit"))):
            if word == "half" and last is None and j + 1 < len(group) and group[j + 1].group().lower() in SCALES and text[group[j].end() : group[j + 1].start()] == " a ":
                last = "half"
                start = group[j].start()
                j += 1
                continue
            numerator = (current or 1) if last in ("unit", "a") else 1
            if word == "half" and "and" in gap.split():
                current += 0.5
                kind = "cardinal"
            else:
                current = numerator / DENOMINATORS[word]
                kind = "fraction"
            last, end, j = "fraction", group[j].end(), j + 1
            break
        elif word in MULTIPLIERS and last is None:
            current, kind, last, end, j = MULTIPLIERS[word], "multiplier", "multiplier", group[j].end(), j + 1
            break
        elif word in INDIAN_SCALES and last in ("unit", "teen", "tens", "hundred"):
            total += current * INDIAN_SCALES[word]
            current, last = 0, "scale"
        else:
            break
        end = group[j].end()
        j += 1
    if end is None or last == "a":
        return None, max(j - i, 1)
    word_count = j - i
    return Number(start, end, total + current, kind, words=True, capitalized=text[start].isupper()), word_count


def _second_is_time_unit(text: str, word: re.Match) -> bool:
    """ "per second", "a split second", "for a second." are time; "a second test" is an ordinal."""
    before = SECOND_AS_UNIT_BEFORE.search(text, max(0, word.start() - 10), word.start())
    if not before:
        return False
    return not before.group().lower().startswith("a ") or bool(_SECOND_UNIT_AFTER.match(text, word.end()))


def _is_a_fraction(text: str, word: re.Match) -> bool:
    """After "a", a denominator word is a fraction when it is "half" ("a half") or when "of", a
    verb or the end of a clause follows ("a third of", "nearly a fifth were electric", "fell by a
    third."), not a noun ("a third term")."""
    return word.group().lower() in ("half", "halves") or bool(_A_FRACTION_AFTER.match(text, word.end()))


def _is_fraction(text: str, group: list[re.Match], j: int, last: str | None) -> bool:
    """Whether a denominator word at ``group[j]`` is a fraction here ("two-thirds", "a third of") rather than an ordinal."""
    word = group[j].group().lower()
    if word in ("half", "halves"):
        return True
    if last == "unit":
        # "three quarters said", "three-quarters": a fraction; "the past four quarters": periods
        return word not in ("quarter", "quarters") or not _PERIODS_BEFORE.search(text, max(0, group[j - 1].start() - 12), group[j - 1].start())
    if last == "a":
        return _is_a_fraction(text, group[j])
    return False


def _word_number_ok(text: str, number: Number) -> bool:
    """Word numbers that are idioms or names rather than counts are left out."""
    word = text[number.start : number.end].lower()
    before = text[max(0, number.start - 20) : number.start]
    if word == "one" and _ONE_IN_N_AFTER.match(text, number.end):
        return True  # "that one in six offices": a ratio, whatever comes before
    if word == "one":
        return not (NOT_AFTER_ONE.match(text, number.end) or NOT_BEFORE_ONE.search(before) or text[number.end : number.end + 1] == "-" and not text[number.end + 1 : number.end + 2].isdigit())
    if word == "half":
        return not PERIOD_HALF.search(before) and not _HALF_COMPOUND_AFTER.match(text, number.end)
    if number.kind == "ordinal" and text.startswith(",", number.end) and _sentence_start(text, number.start):
        return False  # "First, ...": a discourse marker
    if number.kind == "ordinal" and _PERIOD_AFTER_ORDINAL.match(text, number.end):
        return False  # "the third quarter", "the second half": periods, for the dates extractor
    if word in ("first",):
        adverb = _FIRST_AS_ADVERB_AFTER.match(text, number.end)  # "the union first balloted members"
        return not (adverb or IDIOM_AFTER_FIRST.match(text, number.end) or IDIOM_BEFORE_FIRST.search(before))
    if word in ("quarter", "quarters") and number.kind == "fraction":
        return True  # "a quarter of", "three quarters"
    if word in ("quarter", "quarters") or word in SCALES or word in INDIAN_SCALES or word == "dozen" or word == "hundred":
        return False  # "the third quarter", bare "million": periods and vague amounts
    return True


def _scale_words(text: str, scale: re.Match) -> tuple[int, float]:
    """Where a scale word (``_SCALE_AFTER``) and any larger ones stacked after it end, and their
    product: "1.1 lakh crore" is 1.1 x 10^5 x 10^7."""
    end, factor = scale.end(), _scale_factor(scale.group("word"))
    while (following := _SCALE_AFTER.match(text, end)) and following.group("word") and text[end] == " ":
        next_factor = _scale_factor(following.group("word"))
        if next_factor <= factor:
            break
        end, factor = following.end(), factor * next_factor
    return end, factor


def _scale_factor(word: str) -> float:
    word = word.lower()
    return SCALES.get(word) or INDIAN_SCALES[word]


def _merge_scales(text: str, numbers: list[Number]) -> list[Number]:
    """``1.5 million``: a digit number followed by a scale word takes its value and span."""
    merged: list[Number] = []
    for number in numbers:
        # A scale word, spelled out or abbreviated, follows a space or hyphen.
        if not number.words and not number.scale_abbreviation and number.kind == "cardinal" and text.startswith((" ", "-"), number.end):
            scale = _SCALE_AFTER.match(text, number.end)
            if scale and scale.group("word"):
                end, factor = _scale_words(text, scale)
                number = Number(number.start, end, number.value * factor)
            elif spaced := _SCALE_SPACED_ABBR.match(text, number.end):
                number = Number(number.start, spaced.end(), number.value * SCALE_ABBREVIATIONS[spaced.group("abbr")])
        if merged and merged[-1].end > number.start:
            continue  # a scale word already merged into the previous number
        merged.append(number)
    return merged


# --- pass 3: numbers to expressions -------------------------------------------------


@dataclass(slots=True)
class _Piece:
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


class _Assembler:
    """Reads units around each number, joins ranges, and emits quantity expressions."""

    def __init__(self, text: str, numbers: list[Number], default_dollar: str):
        self.text = text
        self.numbers = numbers
        self.default_dollar = default_dollar
        lowered = _lowered(text)
        twins = len(lowered) == len(text)  # as a rule: the same offsets, so the lowercase twins can read the copy
        self.folded = lowered if twins else text
        self.patterns = _LOWERCASE_TWINS if twins else _CASE_BLIND
        self.last_money: _Piece | None = None
        self.hints: list[tuple[int, str]] | None = None
        self.country_cues: dict[str, list[tuple[int, str]]] = {}

    @cached_property
    def document_dollar(self) -> str | None:
        """The one non-U.S. dollar the text writes explicitly (``_document_dollar``), read when a "$" needs it."""
        return _document_dollar(self.text)

    def run(self):
        pieces = [self.piece(n) for n in self.numbers]
        count = len(pieces)
        i = 0
        while i < count:
            close = i + 1 < count and pieces[i + 1].start - pieces[i].end <= _LONGEST_JOINT
            joined = close and (self.ratio_at(pieces, i) or self.range_at(pieces, i))
            if joined:
                yield joined
                i += 2
                continue
            quantity = self.single(pieces[i])
            if quantity:
                yield quantity
            i += 1

    # units around one number

    def piece(self, number: Number) -> _Piece:
        piece = self._read_piece(number)
        if piece.type == "money":
            self.last_money = piece
        return piece

    def _read_piece(self, number: Number) -> _Piece:
        text = self.text
        piece = _Piece(number, number.start, number.end)
        if number.kind != "cardinal" and not (number.kind == "fraction" and number.words):
            return piece
        prefix = _SYMBOL_BEFORE.search(text, max(0, number.start - 7), number.start) if _symbol_may_end(text, number.start) else None
        if prefix and not number.words and self._prefix_currency(prefix, piece):
            return piece
        if number.pence:
            piece.type, piece.currency, piece.currency_text, piece.factor = "money", "GBP", "p", 0.01
            return piece
        after = number.end
        if text[after : after + 1] not in _UNIT_FIRST_CHARS:
            return piece  # "5,", "5.", "5)": no percent sign, currency word or code follows
        percent = self.patterns.percent_after.match(self.folded, after)
        if percent and not number.scale_abbreviation:
            self._percent(percent, piece)
            return piece
        word = self.patterns.word_after.match(self.folded, after)
        if word and self._word_currency(word, piece):
            return piece
        code = _CODE_AFTER.match(text, after)
        if code and code.group("code") in _iso_codes() and not number.words:
            piece.type, piece.currency, piece.currency_text = "money", code.group("code"), code.group("code")
            piece.end = code.end()
        return piece

    def _prefix_currency(self, prefix: re.Match, piece: _Piece) -> bool:
        code = prefix.group("code")
        symbol = prefix.group("sym") or prefix.group("bare")
        if code:
            if code not in _iso_codes() or code in ENGLISH_CODES:
                return False
            currency, ambiguous, surface = code, False, code
        else:
            surface = symbol
            currency, ambiguous = SYMBOLS[symbol if symbol in SYMBOLS else symbol.rstrip(".")]
            currency = currency or self.default_dollar
            if ambiguous and symbol != "$":
                currency = self._country_currency(symbol, piece.number.start) or currency
        piece.type, piece.currency, piece.ambiguous, piece.currency_text = "money", currency, ambiguous, surface
        piece.start = prefix.start()
        if prefix.group("minus"):
            piece.factor = -1.0
        piece.prefix_end = piece.number.start
        after = self.patterns.word_after.match(self.folded, piece.number.end)
        if after and after.group("adj") is None and after.group("word").lower() in ("dollars", "dollar") and symbol == "$":
            piece.end = after.end()  # "$5 dollars" happens; keep the word in the span
        return True

    def _percent(self, match: re.Match, piece: _Piece) -> None:
        piece.type, piece.end = "percentage", match.end()
        if match.group("points"):
            piece.unit = "percentage_point"
        elif match.group("bp"):
            piece.unit, piece.factor = "percentage_point", 0.01
        else:
            piece.unit = "percent"

    def _word_currency(self, match: re.Match, piece: _Piece) -> bool:
        word = match.group("word").lower()
        adjective = (match.group("adj") or "").lower()
        has_scale = self.text[piece.number.start : piece.number.end].split()[-1].lower().rstrip("s") in SCALES or piece.number.value >= 1000 and piece.number.scale_abbreviation
        if word in NEEDS_SCALE and not has_scale and not match.group("sterling"):
            return False
        if word in CENT_WORDS:
            currency, ambiguous = (CENT_WORDS[word], False) if CENT_WORDS[word] else self._cent_currency(piece.number.start)
            piece.factor = 0.01
        elif adjective:
            currency, ambiguous = DOLLAR_ADJECTIVES.get(adjective, self.default_dollar), False
            if word not in ("dollar", "dollars"):
                return False
        else:
            currency, ambiguous = CURRENCY_WORDS[word]
            if word in ("dollar", "dollars"):
                currency = self.default_dollar
            if currency is None:
                return False  # bitcoin: not a currency with an ISO code
            if ambiguous:
                currency = self._country_currency(word, piece.number.start) or currency
        piece.type, piece.currency, piece.ambiguous = "money", currency, ambiguous
        piece.currency_text = self.text[match.start() + 1 : match.end()]
        piece.end = match.end()
        return True

    def ratio_at(self, pieces: list[_Piece], i: int) -> Quantity | None:
        """``one in five`` adults: a fraction written as a ratio of two counts."""
        if i + 1 >= len(pieces):
            return None
        part, whole = pieces[i], pieces[i + 1]
        if whole.start != part.end + len(" in ") or not self.text.startswith(" in ", part.end):
            return None
        if part.type != "number" or whole.type != "number" or part.number.kind != "cardinal" or whole.number.kind != "cardinal":
            return None
        if not 0 < part.number.value < whole.number.value or not (self._bare_number_ok(part.number) and self._bare_number_ok(whole.number)):
            return None
        value = {"value": _tidy(part.number.value / whole.number.value), "kind": "fraction", "written": "words" if part.number.words else "digits", "qualifier": None}
        self._qualify(value, part.start)
        return Quantity("number", part.start, whole.end, value)

    def _country_currency(self, surface: str, offset: int) -> str | None:
        """The currency an ambiguous name means in this document: the country named nearest before it (else first after)."""
        key = surface.lower().rstrip(".")
        family = _CURRENCY_FAMILY.get(key) or _CURRENCY_FAMILY.get(key[:-1] if key.endswith("s") else key)
        if family is None:
            return None
        if family not in self.country_cues:
            self.country_cues[family] = [(m.start(), m.lastgroup) for m in _COUNTRY_CUES[family].finditer(self.text)]
        cues = self.country_cues[family]
        if not cues:
            return None
        i = bisect.bisect_left(cues, (offset, ""))
        return (cues[i - 1] if i else cues[0])[1]

    def _cent_currency(self, offset: int) -> tuple[str, bool]:
        """ "45 cents" after "€1.26bn" in the same sentence are euro cents; otherwise the default dollar's."""
        last = self.last_money
        if last and offset - last.end < 200 and not _SENTENCE_END.search(self.text, last.end, offset):
            return last.currency, last.ambiguous
        return self.default_dollar, True

    # ranges

    def range_at(self, pieces: list[_Piece], i: int) -> Quantity | None:
        """``$3-4 million``, ``between 12 and 15 percent``, ``from $1bn to $2bn``: two pieces as one range."""
        if i + 1 >= len(pieces):
            return None
        low, high = pieces[i], pieces[i + 1]
        if low.number.kind != "cardinal" or high.number.kind != "cardinal" or low.number.words != high.number.words:
            return None
        connective = _RANGE_CONNECTIVE.fullmatch(self.text, low.end, high.start)
        if not connective:
            return None
        word = connective.group().strip().lower()
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
        if low.type == high.type == "number" and not (self._bare_number_ok(low.number) and self._bare_number_ok(high.number)):
            return None
        kind = high if high.type != "number" else low
        low_value = low.number.value
        high_value = high.number.value
        if not low.number.words and low_value * _scale_of(self.text, high.number) <= high_value and _scale_of(self.text, low.number) == 1:
            low_value *= _scale_of(self.text, high.number)
        if low_value > high_value:
            return None
        start = opener.start() if opener else low.start
        value = self.value_of(kind, low_value * kind.factor)
        value["low"], value["high"] = _tidy(low_value * kind.factor), _tidy(high_value * kind.factor)
        self._qualify(value, start)
        return Quantity(kind.type, start, high.end, value)

    def _score(self, low: _Piece, high: _Piece) -> bool:
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
    def _inherit(low: _Piece, high: _Piece) -> _Piece:
        return _Piece(high.number, high.start, high.end, "money", low.currency, low.ambiguous, low.currency_text, None, low.factor)

    # single quantities

    def single(self, piece: _Piece) -> Quantity | None:
        number = piece.number
        if piece.type == "number" and not self._bare_number_ok(number):
            return None
        if piece.type == "money" and number.kind != "cardinal":
            return None
        value = self.value_of(piece, number.value * piece.factor)
        self._qualify(value, piece.start)
        return Quantity(piece.type, piece.start, piece.end, value)

    def _bare_number_ok(self, number: Number) -> bool:
        """What a bare number must pass that a money amount or percentage need not."""
        if number.scale_abbreviation:
            return False  # "40m", "5k": money without its currency, or metres and kilos
        text = self.text
        surface = text[number.start : number.end].lstrip(_MINUS_SIGN_CHARS)
        if surface.isdigit():
            if len(surface) == 4 and 1000 <= number.value < 2200:
                return False  # a year (AP style writes counts of 1,000 and more with a comma)
            if len(surface) >= 5 or (len(surface) > 1 and surface[0] == "0"):
                return False  # an id or postcode; 007, 0900: codes and times
        follows = self.patterns.after_number.match(self.folded, number.end)
        follows = follows.lastgroup if follows else None
        if follows == "time" or _month_may_end(text, number.start) and self.patterns.month_before.search(self.folded, max(0, number.start - 12), number.start):
            return False  # 3 p.m., 0900 GMT, February 12
        if _may_end(text, number.start, _CONNECTIVE_LAST_CHARS, (" ",)) and self.patterns.month_day_range_before.search(self.folded, max(0, number.start - 24), number.start):
            return False  # the 15 of "Dec. 14-15", the 7 of "June 4 to 7"
        if number.capitalized and _CAPITALIZED_WORD_AFTER.match(text, number.end) and not _sentence_start(text, number.start):
            return False  # the First Amendment, the Second World War
        if number.kind in ("cardinal", "ordinal") and follows == "month" and number.value <= 31:
            return False  # 12 February, 12th of February
        chain = _DASH_CHAIN_LEFT.search(text, max(0, number.start - 14), number.start) if number.start and text[number.start - 1] == "-" else None
        chain_start = chain.start() if chain else number.start
        if follows == "score" or chain and _SCORE_CHAIN.fullmatch(chain.group()) and number.end - number.start <= 2:
            return True  # "beat Aston Villa 3-1": a score, not a model number
        if number.start >= 5 and text.startswith("ype ", number.start - 4) and _TYPE_BEFORE.search(text, number.start - 5, number.start):
            return False  # type 2 diabetes, type 1 error: a name
        capital = None if "," in surface else _capitalized_word_before(text, chain_start)  # names hold no "1,500"
        if capital and capital.group("word").lower() not in FUNCTION_WORDS and not _sentence_start(text, capital.start()):
            return False  # Boeing 737, Windows 10, Article 5, Formula One
        if capital and number.capitalized and capital.group("word").lower() not in FUNCTION_WORDS:
            return False
        return True

    def value_of(self, piece: _Piece, amount: float) -> dict[str, Any]:
        amount = _tidy(amount)
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
            self.hints = _currency_hints(self.text)
        window_start = max(0, offset - 250)
        sentence_start = max(self.text.rfind(". ", window_start, offset), self.text.rfind("\n", window_start, offset))
        first = max(window_start, sentence_start + 1)
        i = bisect.bisect_left(self.hints, (first, ""))
        if i < len(self.hints) and self.hints[i][0] < offset + 60:
            return self.hints[i][1]
        return self.document_dollar

    def _qualify(self, value: dict, start: int) -> None:
        text = self.text
        if not (start >= 4 and text[start - 1] in _WHITESPACE and text[start - 4 : start - 1] in _QUALIFIER_ENDINGS):
            return  # every qualifier is a word and a space
        match = self.patterns.qualifier_before.search(self.folded, max(0, start - 16), start)
        if match:
            value["qualifier"] = match.group("q").lower()


def _currency_hints(text: str) -> list[tuple[int, str]]:
    """Where ``_CURRENCY_HINT`` matches in ``text``, and the currency it names, in reading order.

    The pattern is tried only where one of its cue words starts, which ``str.find`` reaches many
    times faster than a scan with the pattern. No match starts inside another ("New Zealand",
    "Hong Kong"), so these are the matches ``finditer`` finds.
    """
    starts = set()
    for cue in _CURRENCY_HINT_CUES:
        at = text.find(cue)
        while at >= 0:
            starts.add(at)
            at = text.find(cue, at + 1)
    return [(at, match.lastgroup) for at in sorted(starts) if (match := _CURRENCY_HINT.match(text, at))]


def _document_dollar(text: str) -> str | None:
    """The one non-U.S. dollar a document writes explicitly (C$, A$, ...), if it writes exactly one kind.

    Wire style writes "C$" every time, so a bare "$" next to it stays the
    default dollar; the other dollar is only recorded as a hint.
    """
    kinds = {SYMBOLS[prefix + "$"][0] for prefix in _explicit_dollar_prefixes(text)}
    return kinds.pop() if len(kinds) == 1 and "USD" not in kinds else None


def _explicit_dollar_prefixes(text: str) -> list[str]:
    """The prefixes of ``_EXPLICIT_DOLLAR``'s matches, looked for only in the few characters before each "$".

    A match holds one "$", its last character, so the match ending at a "$" starts after the
    "$" before it: the windows are those of ``finditer``, and so are the matches.
    """
    if text.count("$") * _DENSE_DOLLARS > len(text):
        return [match.group("p") for match in _EXPLICIT_DOLLAR.finditer(text)]  # hostile input: one scan is cheaper
    prefixes = []
    after_previous, at = 0, text.find("$")
    while at >= 0:
        match = _EXPLICIT_DOLLAR.search(text, max(after_previous, at - _EXPLICIT_DOLLAR_PREFIX), at + 1)
        if match:
            prefixes.append(match.group("p"))
        after_previous, at = at + 1, text.find("$", at + 1)
    return prefixes


def _point_fractions(text: str) -> list[Quantity]:
    """ "a quarter point" (0.25 percentage point) and kin, as percentage quantities."""
    found: list[Quantity] = []
    lowered = _lowered(text)
    if "quarter" not in lowered and "half" not in lowered:
        return found  # every point fraction names a quarter or a half (only ASCII letters fold to these)
    if "point" not in lowered:
        return found  # and a point (look-alike letters were read as ASCII by ``find_quantities``)
    for match in _POINT_FRACTION.finditer(text):
        words = match.group("n").lower()
        value = 0.75 if words.startswith("three") else _POINT_FRACTION_VALUES[words.split()[-1] if words.split()[-1] != "a" else words.split()[0]]
        found.append(Quantity("percentage", match.start(), match.end(), {"value": value, "unit": "percentage_point", "qualifier": None}))
    return found


def _scale_of(text: str, number: Number) -> float:
    """The multiplier a scale word or abbreviation gave ``number`` (1 if none)."""
    surface = text[number.start : number.end]
    last = _LAST_WORD.search(surface)
    if not last:
        return 1
    word = last.group(1).lower()
    return SCALES.get(word) or INDIAN_SCALES.get(word) or SCALE_ABBREVIATIONS.get(word, 1)


# The letters ``re.IGNORECASE`` matches to an ASCII letter besides its two cases: İ ı for i, ſ for s, K for k.
_IGNORECASE_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
_IGNORECASE_LOOKALIKES = "".join(_IGNORECASE_FOLDS.values())
_AS_ASCII = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def _ignorecase_spellings(words) -> frozenset[str]:
    """Every string ``re.IGNORECASE`` matches to one of ``words`` ("oct": "oct", "OCT", "Oct", ...)."""
    return frozenset("".join(chars) for word in words for chars in itertools.product(*map(_ignorecase_variants, word)))


def _ignorecase_variants(char: str) -> set[str]:
    return {char.lower(), char.upper(), *_IGNORECASE_FOLDS.get(char.lower(), "")}


# Cheap tests on the characters right before an offset: when they fail, the pattern that
# must end there (``..\Z``) cannot match, and its search over the window is skipped.
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_LETTERS_AMP = _ASCII_LETTERS | {"&"}
# The last three characters of the qualifiers and of the month names and abbreviations, in every case.
_QUALIFIER_ENDINGS = _ignorecase_spellings([word[-3:] for word in QUALIFIERS])
_MONTH_ENDINGS = _ignorecase_spellings([month[-3:] for month in MONTHS])
# Every _CURRENCY_HINT match starts with one of these (the pattern is case-sensitive).
_CURRENCY_HINT_CUES = ("Canad", "Ottawa", "Australia", "Canberra", "New Zealand", "Hong Kong", "Singapore", "Taiwan")
# The characters _PERCENT_AFTER, _WORD_AFTER and _CODE_AFTER can start with (a code is in capitals).
_UNIT_FIRST_CHARS = frozenset(" -%ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# The last characters of _SYMBOL_BEFORE's symbols and codes: "$", the "." of "Rs." and "SFr.", the "s" of "Rs",
# the "r" of "SFr", a capital (RMB and the ISO codes) or a currency sign. The pattern is case-sensitive.
_SYMBOL_LAST_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ$.sr€£¥₹₩₽₺₪₫₱฿₦₴")
# The last characters of the connectives of ``_MONTH_DAY_RANGE_BEFORE``: a dash, or the last letter of
# "to", "and", "through" or "until".
_CONNECTIVE_LAST_CHARS = frozenset("-–") | _ignorecase_spellings(["o", "d", "h", "l"])
# What ``\s`` matches: the characters ``str.isspace`` accepts, the last of which is U+3000.
_WHITESPACE = frozenset(char for char in map(chr, range(0x3001)) if char.isspace())


def _may_end(text: str, offset: int, endings, skipped=(), width: int = 1) -> bool:
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


def _symbol_may_end(text: str, offset: int) -> bool:
    """Whether ``_SYMBOL_BEFORE`` may match before ``offset``: ``_may_end`` with a symbol's or code's last
    character, a space and a minus, written out (it runs for every number)."""
    p = offset
    if p and text[p - 1] == "-":
        p -= 1
    if p and text[p - 1] in _WHITESPACE:
        p -= 1
    return p > 0 and text[p - 1] in _SYMBOL_LAST_CHARS


def _month_may_end(text: str, offset: int) -> bool:
    """Whether ``_MONTH_BEFORE`` may match before ``offset``: ``_may_end`` with the last three letters of a
    month and a space, a comma and a full stop to skip, written out (it runs for most numbers)."""
    p = offset
    if p and text[p - 1] == " ":
        p -= 1
    if p and text[p - 1] == ",":
        p -= 1
    if p and text[p - 1] == ".":
        p -= 1
    return p >= 3 and text[p - 3 : p] in _MONTH_ENDINGS


def _capitalized_word_before(text: str, offset: int) -> re.Match | None:
    """``_CAPITALIZED_BEFORE``'s match ending at ``offset`` ("Boeing " before "737"), if any."""
    if not (offset >= 2 and text[offset - 1] == " " and text[offset - 2] in _ASCII_LETTERS_AMP):
        return None
    window_start = max(0, offset - 30)
    last_word = text[max(window_start, text.rfind(" ", window_start, offset - 1) + 1) : offset - 1]
    if last_word.islower():
        return None  # no capital in it, as before most numbers
    return _CAPITALIZED_BEFORE.search(text, window_start, offset)


def _sentence_start(text: str, offset: int) -> bool:
    """Whether ``offset`` begins a sentence or a line (so a capital there says nothing)."""
    before = text[max(0, offset - 3) : offset].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n" or offset == 0


def _tidy(value: float) -> float | int:
    """Integers as ints; other values rounded off the float noise (0.1 * 3)."""
    if value.is_integer() and abs(value) < 2**53:
        return int(value)  # most values: no need for round(), which is slow
    rounded = round(value, 9)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 2**53 else rounded


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


# ISO 4217 codes that are English words or common abbreviations in capitals.
ENGLISH_CODES = frozenset({"ALL", "CUP", "TOP", "MOP", "BOB", "PEN", "MAD", "GEL", "SOS", "LAK", "BAM", "DOP", "CVE", "LSL", "BND", "PHP"})
