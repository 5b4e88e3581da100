"""Currency lookup: symbols and codes before an amount, names after it, the country that settles
a name several countries share, and the other dollar a text points to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import trie_pattern
from .cldr import currency_names, currency_signs


# Currency prefixes written before the amount: prefix -> (ISO 4217, ambiguous?), and every currency
# sign Unicode has (``cldr.currency_signs``). A bare "$" is the extractor's ``default_dollar`` and
# always ambiguous. The one list of prefixes: the patterns that read them are built from it. Each is
# read with or without a space before the digits ("US$ 5", "Rs450"); one of letters right before a
# "$" that names a dollar ("C$", not "R$") is also an explicit dollar (``document_dollar_of``).
SYMBOLS = {
    "US$": ("USD", False), "U.S.$": ("USD", False), "US $": ("USD", False), "U.S. $": ("USD", False),
    "C$": ("CAD", False), "CA$": ("CAD", False), "CAN$": ("CAD", False), "CDN$": ("CAD", False), "Can$": ("CAD", False),
    "A$": ("AUD", False), "AU$": ("AUD", False), "AUD$": ("AUD", False), "NZ$": ("NZD", False), "HK$": ("HKD", False),
    "S$": ("SGD", False), "SG$": ("SGD", False), "NT$": ("TWD", False), "R$": ("BRL", False), "Mex$": ("MXN", False),
    "$US": ("USD", False), "$A": ("AUD", False), "$AU": ("AUD", False), "$NZ": ("NZD", False), "$HK": ("HKD", False),
    "HK $": ("HKD", False), "NZ $": ("NZD", False), "NT $": ("TWD", False), "$CAN": ("CAD", False), "Rs": ("INR", True),
    "Rs.": ("INR", True), "RMB": ("CNY", False), "Rmb": ("CNY", False),
    "SFr": ("CHF", False), "SFr.": ("CHF", False), "SKr": ("SEK", False), "NKr": ("NOK", False), "DKr": ("DKK", False),
    # The prefixes of national English-language papers: the Jakarta Post's "Rp5 trillion", Malaysia's
    # "RM5 million", the Gulf's "Dh5 million", Kenya's "Ksh5 billion", East Africa's "Sh5 billion",
    # Ghana's "GH¢5 million", Bangladesh's "Tk 5,000 crore", Egypt's "E£5 billion", Lebanon's "L£".
    "Rp": ("IDR", False), "RM": ("MYR", False), "Dh": ("AED", True), "Dhs": ("AED", True), "Ksh": ("KES", False),
    "KSh": ("KES", False), "Kshs": ("KES", False), "Sh": ("KES", True), "GH¢": ("GHS", False), "Tk": ("BDT", False),
    "E£": ("EGP", False), "L£": ("LBP", False),
    **currency_signs(),
}  # fmt: skip
_PREFIXES = [symbol for symbol in SYMBOLS if len(symbol) > 1]
SIGNS = "".join(sorted(symbol for symbol in SYMBOLS if len(symbol) == 1))
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
    "reais": ("BRL", False), "buck": (None, True), "bucks": (None, True), "quid": ("GBP", False),
    "markka": ("FIM", False), "markkaa": ("FIM", False), "markkas": ("FIM", False), "peseta": ("ESP", False),
    "pesetas": ("ESP", False), "guilder": ("NLG", False), "guilders": ("NLG", False), "lire": ("ITL", False),
    "drachma": ("GRD", False), "drachmas": ("GRD", False), "drachmae": ("GRD", False), "escudo": ("PTE", False),
    "escudos": ("PTE", False), "schilling": ("ATS", False), "schillings": ("ATS", False), "krone": ("DKK", True),
    "kroner": ("DKK", True), "krona": ("SEK", True), "kronor": ("SEK", False), "forint": ("HUF", False),
    "forints": ("HUF", False), "koruna": ("CZK", True), "korunas": ("CZK", True),
    "cfa franc": ("XOF", True), "cfa francs": ("XOF", True), "franc cfa": ("XOF", True), "francs cfa": ("XOF", True),
    "bitcoin": (None, False),
}  # fmt: skip
# CLDR's names of two or more words ("swiss francs", "danish kroner"); never ambiguous.
CURRENCY_NAMES = currency_names()
# Words that are only a currency after a scale word ("5 million pounds", not "200 pounds" of weight)
# or in a sentence about money (``MONEY_CONTEXT_BEFORE``).
NEEDS_SCALE = {"pound", "pounds", "won", "rand", "dong"}
DOLLAR_ADJECTIVES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD", "new zealand": "NZD",
    "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD", "zimbabwe": "ZWL", "namibian": "NAD",
}  # fmt: skip
CENT_WORDS = {"cent": None, "cents": None, "pence": "GBP", "penny": "GBP", "pennies": "GBP", "euro cent": "EUR", "euro cents": "EUR"}
# ISO codes that are also English words are only read when written in capitals and touching a number.
SYMBOL_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<sym>{trie_pattern(_PREFIXES)})"
    rf"|(?P<bare>[{re.escape(SIGNS)}])|(?<![A-Za-z])(?P<code>[A-Z]{{3}}))\s?(?P<minus>-)?\Z"
)
# How far back from the digits ``SYMBOL_BEFORE`` is searched: the longest prefix and a space.
SYMBOL_BEFORE_REACH = max(map(len, _PREFIXES)) + 1
WORD_AFTER = re.compile(
    r"[ -](?:(?P<adj>u\.s\.|us|american|canadian|australian|new zealand|hong kong|singapore|taiwan(?:ese)?|zimbabwe|namibian) )?"
    rf"(?P<word>{trie_pattern([*CURRENCY_WORDS, *CENT_WORDS])})(?:(?P<sterling> sterling)|\b)",
    re.IGNORECASE,
)
# CLDR's names after the amount; they start with a capital in the text ("Swiss francs"), and are
# tried only there (a pattern of some 400 names, slower than ``WORD_AFTER``).
NAME_AFTER = re.compile(rf"[ -](?P<name>{trie_pattern(CURRENCY_NAMES)})\b", re.IGNORECASE)
CODE_AFTER = re.compile(r" ?(?P<code>[A-Z]{3})\b")
# A sign after the amount ("45€", "70 ₴", "75¢"), not one that opens the next amount ("5 $10", "5 $.50").
SIGN_AFTER = re.compile(rf" ?(?P<sign>[{re.escape(SIGNS)}¢])(?!\s?\.?\d)")
# The prefixes ending in a letter, which ``digits`` reads glued to the digits ("Rs450", "Rmb5bn",
# "$A2bn") where other letters before digits make no number (G7, A320), and the pattern that finds
# them or an ISO code ("EUR12.50") there. A prefix ending in "$" or "." is glued to digits anyway.
GLUED_LETTER_PREFIXES = frozenset(prefix for prefix in _PREFIXES if prefix[-1].isalpha())
# Short capitals before an amount with its scale, glued or spaced: South Africa's "R5bn", Nigeria's
# "N5 billion", the Philippines' "P5 billion", the Gulf's "SR5 billion", "QR5 billion", "KD 300
# million", "BD 2 million". Without a scale they name as often a road ("the R21", "SR 520"), a mask
# ("N95"), a group ("the P5") or a code.
SCALED_PREFIXES = {"R": "ZAR", "N": "NGN", "P": "PHP", "SR": "SAR", "QR": "QAR", "KD": "KWD", "BD": "BHD"}
SCALE_AFTER_SCALED_PREFIX = re.compile(r"(?:bn|mn|tn|trn|m|[ -](?:million|billion|trillion))\b", re.IGNORECASE)
_SCALED_PREFIX_BEFORE = re.compile(rf"(?<![\w-])(?P<prefix>{trie_pattern(SCALED_PREFIXES)}) ?\Z")


def scaled_prefix_before(text: str, start: int) -> re.Match | None:
    """A prefix of ``SCALED_PREFIXES`` right before ``start``, glued or after a space ("R" of "R5bn", "KD " of "KD 300 million")."""
    return _SCALED_PREFIX_BEFORE.search(text, max(0, start - 3), start)


GLUED_PREFIX_BEFORE = re.compile(rf"(?<![A-Za-z])(?:[A-Z]{{3}}|{trie_pattern(GLUED_LETTER_PREFIXES)})\Z")
# How far back from the digits ``GLUED_PREFIX_BEFORE`` is searched: its longest prefix or a code.
GLUED_PREFIX_REACH = max(3, *map(len, GLUED_LETTER_PREFIXES))
# Words of a sentence about money before an amount in pounds, won or rand ("paid 200 pounds"),
# and the words of a weight that veto it ("weighed 8 pounds", "lost 20 pounds").
MONEY_CONTEXT_BEFORE = re.compile(
    r"\b(?:(?P<weight>weigh\w*|weight\w*|heav\w*|lost|losing|lose|gained|gaining|shed)"
    r"|pa(?:y|ys|id|ying)|fined?|fines|worth|salar(?:y|ies)|wages?|cost(?:s|ing)?|charg(?:e|es|ed|ing)|spen[dt]\w*|"
    r"price[sd]?|fees?|fares?|sold|sell\w*|bought|buy\w*|earn\w*|rais(?:e|ed|ing)|donat\w*|ow(?:e|es|ed|ing)|"
    r"compensation|damages|award\w*|bail|refund\w*|rent|bonus\w*|tax\w*|budget\w*|loans?|debts?|grants?|prizes?|"
    r"rewards?|bills?|invoice\w*|cheque|check|costly|cheap\w*|expensive|afford\w*|income|pension|allowance)\b"
)
# What may follow an amount in pounds and say it is money: pence ("twelve pounds and fifty pence"),
# a note or a coin ("a 10-pound note").
MONEY_CONTEXT_AFTER = re.compile(r"(?: and |, | )(?:\d{1,2}|[a-z]{3,9}(?:[- ][a-z]{3,5})?) (?:pence|p|cents?)\b| (?:notes?|coins?)\b")
# The countries and capitals of the two CFA francs: West African (XOF) and Central African (XAF).
_WEST_AFRICAN_CFA = r"Senegal\w*|Dakar|Ivory Coast|Ivorian|Abidjan|Mali\b|Malian|Bamako|Burkina|Ouagadougou|Niger\b|Niamey|Benin\w*|Cotonou|Togo\w*|Lome\b"
_CENTRAL_AFRICAN_CFA = r"Cameroon\w*|Yaounde|Douala|Gabon\w*|Libreville|Chad\b|Chadian|N'Djamena|Brazzaville|Central African Republic|Bangui|Equatorial Guinea"
# Currency names several countries share, and the country names that settle which one a text means.
COUNTRY_CUES = {
    family: re.compile(r"\b(?:" + "|".join(f"(?P<{code}>{cues})" for code, cues in countries.items()) + ")")
    for family, countries in {
        "dirham": {"MAD": r"Morocc\w*|Rabat|Marrakech|Casablanca", "AED": r"UAE|Emirat\w*|Dubai|Abu Dhabi"},
        "riyal": {"SAR": r"Saudi|Riyadh", "QAR": r"Qatar\w*|Doha", "OMR": r"Oman\w*|Muscat"},
        "rupee": {"INR": r"India\w*|New Delhi|Mumbai", "PKR": r"Pakistan\w*|Islamabad|Karachi", "LKR": r"Sri Lanka\w*|Colombo", "NPR": r"Nepal\w*|Kathmandu"},
        "peso": {"MXN": r"Mexic\w*", "ARS": r"Argentin\w*|Buenos Aires", "PHP": r"Philippine\w*|Manila", "CLP": r"Chile\w*|Santiago", "COP": r"Colombia\w*|Bogota"},
        "franc": {"CHF": r"Swiss|Switzerland|Zurich|Geneva|Bern", "XOF": _WEST_AFRICAN_CFA, "XAF": _CENTRAL_AFRICAN_CFA},
        "cfa": {"XOF": _WEST_AFRICAN_CFA, "XAF": _CENTRAL_AFRICAN_CFA},
        "shilling": {"KES": r"Kenya\w*|Nairobi", "UGX": r"Ugand\w*|Kampala", "TZS": r"Tanzania\w*|Dodoma|Dar es Salaam"},
        "yen": {"CNY": r"China|Chinese|Beijing", "JPY": r"Japan\w*|Tokyo"},
        "krone": {"DKK": r"Denmark|Danish|Danes?\b|Copenhagen", "NOK": r"Norw\w*|Oslo"},
        "krona": {"SEK": r"Swed\w*|Stockholm", "ISK": r"Iceland\w*|Reykjavik"},
    }.items()
}
CURRENCY_FAMILY = {
    "dirham": "dirham", "riyal": "riyal", "rupee": "rupee", "rs": "rupee", "₨": "rupee", "peso": "peso", "franc": "franc",
    "fr": "franc", "shilling": "shilling", "sh": "shilling", "dh": "dirham", "dhs": "dirham", "¥": "yen", "￥": "yen",
    "krone": "krone", "kroner": "krone", "krona": "krona",
    "cfa franc": "cfa", "franc cfa": "cfa", "francs cfa": "cfa",
}  # fmt: skip
_CURRENCY_HINT = re.compile(
    r"\b(?:(?P<CAD>Canad(?:a|ian)|Ottawa)|(?P<AUD>Australia|Canberra)|(?P<NZD>New Zealand)|(?P<HKD>Hong Kong)"
    r"|(?P<SGD>Singapore)|(?P<TWD>Taiwan))"
)
# Every _CURRENCY_HINT match starts with one of these (the pattern is case-sensitive).
_CURRENCY_HINT_CUES = ("Canad", "Ottawa", "Australia", "Canberra", "New Zealand", "Hong Kong", "Singapore", "Taiwan")
# The currencies called dollar, and the letters written right before a "$" that name one ("C$", "U.S.$";
# not "R$", the real): explicit dollars. A document that writes only non-U.S. ones means them by a bare "$".
_DOLLARS = frozenset(DOLLAR_ADJECTIVES.values())
_DOLLAR_PREFIXES = [
    prefix[:-1] for prefix in _PREFIXES if prefix.endswith("$") and " " not in prefix and SYMBOLS[prefix][0] in _DOLLARS
]
_EXPLICIT_DOLLAR = re.compile(rf"(?<![A-Za-z])(?P<p>{trie_pattern(_DOLLAR_PREFIXES)})\$")
_EXPLICIT_DOLLAR_PREFIX = max(map(len, _DOLLAR_PREFIXES))
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


def money_code(code: str) -> bool:
    """Whether ``code`` is an ISO currency code that is no English word ("EUR", not "TOP"): money beside a number."""
    return code in iso_codes() and code not in ENGLISH_CODES
