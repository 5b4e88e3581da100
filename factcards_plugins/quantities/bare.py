"""What a bare number must pass that an amount of money or a percentage need not: not a year,
id, time, date, name or model number.
"""

from __future__ import annotations

import re

from .cues import DASH_CHAIN_LEFT, TextView
from .gates import CONNECTIVE_LAST_CHARS, capitalized_word_before, may_end, month_may_end, starts_sentence
from .model import Number
from .vocabulary import EN_DASH, FUNCTION_WORDS, MINUS_SIGN_CHARS


_CAPITALIZED_WORD_AFTER = re.compile(r"[ -][A-Z][a-z]")
# The signs a bare number may carry before its digits: a minus, or an en dash used as one.
_SIGNS = MINUS_SIGN_CHARS + EN_DASH
# A house number: after "at" or "from", before a street's name ("at 10 Downing Street"; not
# "three Wall Street banks"); a rank or a name after "No." ("No. 10").
_ADDRESS_BEFORE = re.compile(r"\b(?:[Aa]t|[Ff]rom|[Oo]utside|[Ii]nside|[Nn]ear) \Z")
_STREET_AFTER = re.compile(
    r" (?:[A-Z][a-z]{1,15} ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Boulevard|Blvd|Place|Square|Way|Court|Terrace|Crescent|Close|Gardens|Row)\b"
)
_NUMBER_ABBREVIATION_BEFORE = re.compile(r"\b(?:No|Nos|no|nos)\. \Z")
# A digit, a hyphen and a lone capital or a brand's word: a name ("4-H", "3-D", "7-Eleven", "7-Up"),
# not a title-case count ("2-Year Notes").
_NAME_AFTER_HYPHEN = re.compile(r"-(?:[A-Z](?![A-Za-z])|Eleven\b|Up\b)")
# A product name in camel case before a number: "iPhone 15", "eBay 2".
_CAMEL_CASE_BEFORE = re.compile(r"(?<![\w.'’-])[a-z]{1,2}[A-Z][A-Za-z]{1,15} \Z")
# What makes "5k" a distance.
_DISTANCE_AFTER = re.compile(r"[ -](?:race|run|runs|walk|course|swim|loop|route|trail|ride|event|road race)\b", re.IGNORECASE)
# "a six-figure salary", "seven figure sums": a count of digits, not a count of things.
_FIGURES_AFTER = re.compile(r"[ -]figures?\b", re.IGNORECASE)
_TYPE_BEFORE = re.compile(r"(?<![\w-])[Tt]ype \Z")
# A one- or two-digit count and a dash: the "3-" of a score "3-1".
_SCORE_CHAIN = re.compile(r"\d{1,2}-")


def _thousands(text: str, number: Number) -> bool:
    """Whether a number with a lowercase "k" glued to it counts thousands ("25k runners"), not kilometres ("a 5k race")."""
    return text[number.end - 1] == "k" and not _DISTANCE_AFTER.match(text, number.end)


def _house_or_rank_number(text: str, number: Number) -> bool:
    """Whether ``number`` is a house number ("at 10 Downing Street"), a rank or a name ("No. 10", "7-Eleven")."""
    start, end = number.start, number.end
    if start >= 4 and text[start - 2] == "." and _NUMBER_ABBREVIATION_BEFORE.search(text, max(0, start - 5), start):
        return True
    if text[end : end + 1] == "-" and not number.words and _NAME_AFTER_HYPHEN.match(text, end):
        return True
    if not (text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()):
        return False
    return bool(_ADDRESS_BEFORE.search(text, max(0, start - 8), start)) and bool(_STREET_AFTER.match(text, end))


def _camel_case_name_before(text: str, offset: int) -> bool:
    """Whether a name in camel case ("iPhone", "eBay") and a space stand right before ``offset``."""
    if not (offset >= 4 and text[offset - 1] == " " and text[offset - 2].isalpha()):
        return False
    window_start = max(0, offset - 20)
    last_word = text[max(window_start, text.rfind(" ", window_start, offset - 1) + 1) : offset - 1]
    if last_word.islower() or not last_word[:1].islower():
        return False  # all lowercase, or capitalized, as before most numbers
    return bool(_CAMEL_CASE_BEFORE.search(text, window_start, offset))


def bare_number_ok(view: TextView, number: Number) -> bool:
    """What a bare number must pass that a money amount or percentage need not."""
    text = view.text
    if number.article or number.scale_abbreviation and not _thousands(text, number):
        return False  # "40m", "5K": money without its currency, or metres and kilometres
    surface = text[number.start : number.end].lstrip(_SIGNS)
    if surface.isdigit():
        if len(surface) == 4 and 1000 <= number.value < 2200:
            return False  # a year (AP style writes counts of 1,000 and more with a comma)
        if len(surface) >= 5 or (len(surface) > 1 and surface[0] == "0"):
            return False  # an id or postcode; 007, 0900: codes and times
    follows = view.patterns.after_number.match(view.folded, number.end)
    follows = follows.lastgroup if follows else None
    if text.startswith(("-fig", " fig", "-Fig", " Fig"), number.end) and _FIGURES_AFTER.match(text, number.end):
        return False  # a six-figure salary
    if follows == "time" or month_may_end(text, number.start) and view.patterns.month_before.search(view.folded, max(0, number.start - 12), number.start):
        return False  # 3 p.m., 0900 GMT, February 12
    if may_end(text, number.start, CONNECTIVE_LAST_CHARS, (" ",)) and view.patterns.month_day_range_before.search(view.folded, max(0, number.start - 24), number.start):
        return False  # the 15 of "Dec. 14-15", the 7 of "June 4 to 7"
    if number.capitalized and _CAPITALIZED_WORD_AFTER.match(text, number.end) and not starts_sentence(text, number.start):
        return False  # the First Amendment, the Second World War
    if number.kind in ("cardinal", "ordinal") and follows == "month" and number.value <= 31:
        return False  # 12 February, 12th of February
    chain = DASH_CHAIN_LEFT.search(text, max(0, number.start - 14), number.start) if number.start and text[number.start - 1] == "-" else None
    chain_start = chain.start() if chain else number.start
    if follows == "score" or chain and _SCORE_CHAIN.fullmatch(chain.group()) and number.end - number.start <= 2:
        return True  # "beat Aston Villa 3-1": a score, not a model number
    if number.start >= 5 and text.startswith("ype ", number.start - 4) and _TYPE_BEFORE.search(text, number.start - 5, number.start):
        return False  # type 2 diabetes, type 1 error: a name
    if _camel_case_name_before(text, chain_start):
        return False  # iPhone 15: a name
    if _house_or_rank_number(text, number):
        return False  # at 10 Downing Street, No. 10
    capital = None if "," in surface else capitalized_word_before(text, chain_start)  # names hold no "1,500"
    if capital and capital.group("word").lower() not in FUNCTION_WORDS and not starts_sentence(text, capital.start()):
        return False  # Boeing 737, Windows 10, Article 5, Formula One
    if capital and number.capitalized and capital.group("word").lower() not in FUNCTION_WORDS:
        return False
    return True
