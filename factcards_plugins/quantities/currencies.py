"""Currency lookup: symbols and codes before an amount, names after it, the country that settles
a name several countries share, and the other dollar a text points to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import trie_pattern


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
SYMBOL_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<sym>US\$|U\.S\.\$|CA\$|CAN\$|C\$|AUD\$|AU\$|A\$|NZ\$|HK\$|SG\$|S\$|NT\$|R\$|Mex\$|Rs\.?|RMB|SFr\.?)"
    r"|(?P<bare>[$€£¥₹₩₽₺₪₫₱฿₦₴])|(?<![A-Za-z])(?P<code>[A-Z]{3}))\s?(?P<minus>-)?\Z"
)
WORD_AFTER = re.compile(
    r"[ -](?:(?P<adj>u\.s\.|us|american|canadian|australian|new zealand|hong kong|singapore|taiwan(?:ese)?|zimbabwe|namibian) )?"
    rf"(?P<word>{trie_pattern(CURRENCY_WORDS)}|{trie_pattern(CENT_WORDS)})(?:(?P<sterling> sterling)|\b)",
    re.IGNORECASE,
)
CODE_AFTER = re.compile(r" ?(?P<code>[A-Z]{3})\b")
# Currency names several countries share, and the country names that settle which one a text means.
COUNTRY_CUES = {
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
CURRENCY_FAMILY = {"dirham": "dirham", "riyal": "riyal", "rupee": "rupee", "rs": "rupee", "peso": "peso", "franc": "franc", "fr": "franc", "shilling": "shilling", "¥": "yen"}
_CURRENCY_HINT = re.compile(
    r"\b(?:(?P<CAD>Canad(?:a|ian)|Ottawa)|(?P<AUD>Australia|Canberra)|(?P<NZD>New Zealand)|(?P<HKD>Hong Kong)"
    r"|(?P<SGD>Singapore)|(?P<TWD>Taiwan))"
)
# Every _CURRENCY_HINT match starts with one of these (the pattern is case-sensitive).
_CURRENCY_HINT_CUES = ("Canad", "Ottawa", "Australia", "Canberra", "New Zealand", "Hong Kong", "Singapore", "Taiwan")
# Explicit dollars other than the U.S. one; a document that writes only these means them by a bare "$".
_EXPLICIT_DOLLAR = re.compile(r"(?<![A-Za-z])(?P<p>US|U\.S\.|CA|CAN|C|AU|AUD|A|NZ|HK|SG|S|NT)\$")
_EXPLICIT_DOLLAR_PREFIX = 4  # the longest prefix, "U.S."
_DENSE_DOLLARS = 32  # fewer characters than this per "$", and one scan of the text is cheaper than a search per "$"


def currency_hints(text: str) -> list[tuple[int, str]]:
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


def document_dollar_of(text: str) -> str | None:
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



@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """The ISO 4217 codes pycountry knows (loaded on first use)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


# ISO 4217 codes that are English words or common abbreviations in capitals.
ENGLISH_CODES = frozenset({"ALL", "CUP", "TOP", "MOP", "BOB", "PEN", "MAD", "GEL", "SOS", "LAK", "BAM", "DOP", "CVE", "LSL", "BND", "PHP"})
