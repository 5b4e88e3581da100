"""Currency names and signs from the Unicode data: CLDR's English names (through Babel) and the
characters of Unicode's currency-sign category (``Sc``).

``8,500 Swiss francs``, ``40 Chinese yuan``, ``3 billion Danish kroner`` and the historical
``Finnish markkas`` or ``Dutch guilders`` are CLDR's own English names, singular and plural;
``45€``, ``70 ₴`` or ``₾20`` are read with every sign Unicode has whose name names one currency.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.numbers import get_currency_name

# Names of CLDR that are no currency a text pays in, or whose codes are no ISO 4217 currency.
_NOT_MONEY = frozenset({"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA"})
# Names people write that CLDR spells another way.
NAME_ALIASES = {
    "deutsche mark": "DEM", "deutsche marks": "DEM", "deutschmark": "DEM", "deutschmarks": "DEM",
    "d-mark": "DEM", "d-marks": "DEM", "italian lire": "ITL", "chinese renminbi": "CNY",
    "israeli shekels": "ILS", "israeli shekel": "ILS", "new israeli shekels": "ILS", "brazilian reais": "BRL",
    "turkish liras": "TRY", "emirati dirhams": "AED", "emirati dirham": "AED", "argentinian pesos": "ARS",
    "kazakh tenge": "KZT", "kazakh tenges": "KZT", "irish punts": "IEP", "irish punt": "IEP", "korean won": "KRW",
    "nepali rupees": "NPR", "taiwan dollars": "TWD",
}  # fmt: skip
# The last words of CLDR's names that English news writes "crown(s)" ("Danish crowns", Reuters style).
_CROWN_WORDS = {
    "krone": "crown", "kroner": "crowns", "krona": "crown", "kronor": "crowns", "koruna": "crown",
    "korunas": "crowns", "kroon": "crown", "kroons": "crowns", "kronur": "crowns",
}  # fmt: skip
# Signs whose Unicode name names no currency alone, or several: sign -> (ISO 4217, ambiguous?).
# A None code is the extractor's default dollar.
SIGN_OVERRIDES = {
    "$": (None, True), "£": ("GBP", False), "¥": ("JPY", True), "₩": ("KRW", False), "₽": ("RUB", False),
    "₱": ("PHP", False), "₪": ("ILS", False), "₨": ("INR", True), "৳": ("BDT", False), "₧": ("ESP", False),
    "₡": ("CRC", False), "₤": ("ITL", True), "₼": ("AZN", False), "﷼": ("IRR", True), "₹": ("INR", False),
    "\u20c0": ("KGS", False),  # SOM SIGN: the Kyrgyz som's (the Uzbek som has none)
    "\u0af1": ("INR", False), "\u0bf9": ("INR", False),  # GUJARATI and TAMIL RUPEE SIGN
    "\u09f2": ("INR", True), "\ua838": ("INR", True), "\U0001ecb0": ("INR", True),  # Bengali, North Indic, Siyaq rupee marks
}  # fmt: skip
# Words of a sign's Unicode name that say nothing of the currency.
_SIGN_NAME_NOISE = frozenset({"sign", "mark", "currency", "symbol"})
# Every ``Sc`` character is in the first two planes (a test checks the rest of Unicode).
_SIGN_PLANES_END = 0x20000


def currency_names() -> dict[str, str]:
    """CLDR's English currency names of two or more words, singular and plural, lowercased, with
    the one ISO code each names ("swiss francs" -> "CHF"), and the ``NAME_ALIASES``.

    One-word names ("euros", "yen") are ``currencies.CURRENCY_WORDS``; a name given to several
    codes (a currency and its predecessor) keeps the one still paid in, or is left out.
    """
    live = _tender_codes()
    codes_of: dict[str, set[str]] = {}
    for code, forms in _english_names().items():
        for form in forms:
            for name in _spellings(form.lower()):
                if " " in name and name.isascii() and "(" not in name:
                    codes_of.setdefault(name, set()).add(code)
    names = {}
    for name, codes in codes_of.items():
        chosen = codes & live or codes
        if len(chosen) == 1:
            names[name] = chosen.pop()
    names.update(NAME_ALIASES)
    return names


def _spellings(name: str) -> set[str]:
    """A lowercased CLDR name and the ways English news also writes it: without accents
    ("venezuelan bolivars"), with the British "rouble" ("russian roubles") and with "crowns" for
    the Nordic and Czech currencies ("danish crowns", "czech crowns")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    spellings = {name, plain, plain.replace("ruble", "rouble")}
    words = plain.split()
    if len(words) > 1 and words[-1] in _CROWN_WORDS:
        spellings.add(" ".join([*words[:-1], _CROWN_WORDS[words[-1]]]))
    return spellings


def currency_signs() -> dict[str, tuple[str | None, bool]]:
    """Every currency sign (Unicode ``Sc``) that names a currency: sign -> (ISO 4217, ambiguous?).

    A sign's Unicode name is matched against CLDR's English names ("HRYVNIA SIGN": the
    Ukrainian hryvnia, "TURKISH LIRA SIGN": the Turkish lira); its compatibility form is read
    first ("FULLWIDTH POUND SIGN" is "£"); ``SIGN_OVERRIDES`` settle the rest. The cent sign
    and signs that name no currency with an ISO code (the bitcoin sign) are not in the table.
    """
    by_word = _codes_by_name_ending()
    signs: dict[str, tuple[str | None, bool]] = {}
    for char in map(chr, range(_SIGN_PLANES_END)):
        if unicodedata.category(char) != "Sc":
            continue
        base = unicodedata.normalize("NFKC", char)
        base = base if len(base) == 1 else char  # "₨" is "Rs" in compatibility form
        if base in SIGN_OVERRIDES:
            signs[char] = SIGN_OVERRIDES[base]
            continue
        words = [w for w in unicodedata.name(base, "").lower().split() if w not in _SIGN_NAME_NOISE]
        codes = by_word.get(" ".join(words)) or by_word.get(words[-1] if words else "", set())
        if len(codes) == 1:
            signs[char] = (next(iter(codes)), False)
    return signs


def _tender_codes() -> frozenset[str]:
    """The codes of the currencies some territory pays in today (CLDR's territory currencies)."""
    return frozenset(
        code for entries in get_global("territory_currencies").values() for code, _start, end, tender in entries if end is None and tender
    )


@lru_cache(maxsize=1)
def _english_names() -> dict[str, frozenset[str]]:
    """CLDR's English display names of each currency code: the name and its plural forms."""
    locale = Locale("en")
    return {
        code: frozenset({name, get_currency_name(code, 1, locale), get_currency_name(code, 2, locale)})
        for code, name in locale.currencies.items()
        if code not in _NOT_MONEY
    }


def _codes_by_name_ending() -> dict[str, set[str]]:
    """The codes whose English name is or ends with each word or pair of words ("hryvnia",
    "turkish lira"), keeping the codes still paid in where any is."""
    live = _tender_codes()
    found: dict[str, set[str]] = {}
    for code, forms in _english_names().items():
        for name in forms:
            words = name.lower().split()
            for key in {" ".join(words[-2:]), words[-1]}:
                found.setdefault(key, set()).add(code)
    return {key: (codes & live or codes) for key, codes in found.items()}


def beyond_sign_planes() -> list[str]:
    """``Sc`` characters past the planes ``currency_signs`` reads (none as of Unicode 15; for a test)."""
    return [c for c in map(chr, range(_SIGN_PLANES_END, sys.maxunicode + 1)) if unicodedata.category(c) == "Sc"]
