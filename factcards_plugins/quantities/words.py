"""Pass 1 and 2 for words: number words found and parsed into values (``two hundred and fifty
thousand``, ``twenty-first``, ``two-thirds``), idioms and names left out.
"""

from __future__ import annotations

import re

from ..text import trie_pattern
from .casefold import lowercased
from .cues import PERIOD_AFTER_ORDINAL
from .gates import starts_sentence
from .model import Number
from .vocabulary import ALL_WORDS, DENOMINATORS, INDIAN_SCALES, MULTIPLIERS, ORDINALS, SCALE_ORDINALS, SCALES, TEENS, TENS, UNITS


_NUMBER_WORD = trie_pattern(ALL_WORDS)
_WORD_ATOM = re.compile(rf"\b{_NUMBER_WORD}\b", re.IGNORECASE)
# The same words on a lowercased copy of the text, matched case-sensitively: about three times faster.
_LOWERCASE_WORD_ATOM = re.compile(rf"\b{_NUMBER_WORD}\b")
# Where such a word may start: after a character that is not an ASCII letter, digit or "_". A pattern
# that starts with a set of characters lets the regex engine skip the letters inside words quickly.
_WORD_CANDIDATE = re.compile(rf"[^a-z0-9_]{_NUMBER_WORD}\b")
# "a dollar", "a penny": the article is the amount, unless a noun makes the currency its modifier
# ("a pound" is money only where "pounds" are: in a clause about money, ``units``).
_A_CURRENCY = re.compile(
    r"\ba (?=(?:dollar|euro|pound|buck|penny|cent|quid)\b(?![- ](?:store|shop|sign|bill|coin|note|zone|area|bloc|value|index|peg|"
    r"amount|figure|term|sale|menu|auction|stock|share|bond|debt|asset|rate|exchange|crisis|polic|denominat|based|word)))"
)
# What makes "negative 2" a sign and a measure: a percent or a point or a degree after it.
_MEASURE_AFTER = re.compile(r" ?%| per ?cent| percent| percentage| points?\b| basis| degrees?\b| ?°")
# "plus or minus", "plus-minus": a margin, not a sign.
_MARGIN_BEFORE = re.compile(r"plus(?: or |[ -]|/)\Z")
# What each of them holds; a search for it is much cheaper than the pattern's.
_A_CURRENCY_CUE = re.compile(r"a (?:dollar|euro|pound|buck|penny|cent|quid)")
_FIRST_AS_ADVERB_AFTER = re.compile(
    r" (?:[a-z]{2,20}ed|made|began|came|took|won|met|saw|became|went|found|told|said|wrote|ran|set|put|arose|emerged|appeared|heard)\b"
)
# What makes "a third" a fraction rather than an ordinal: "of", a verb or the end of a clause after it.
_A_FRACTION_AFTER = re.compile(r" of\b|[.,;:!?)]| (?:were|was|is|are|had|have|has|will|would|could|came|went)\b", re.IGNORECASE)
# "by" (and a qualifier) before "a third", and a preposition or a time after it: a share of a change
# ("fell by roughly a fifth in the year to June", "cut by a third last year"; not "by a third vote").
_BY_A_BEFORE = re.compile(r"\bby (?:(?:about|around|roughly|nearly|almost|some|just|only|more than|less than|over|under|close to) )?a \Z", re.IGNORECASE)
_A_SHARE_OF_A_CHANGE_AFTER = re.compile(
    r" (?:in|on|at|since|from|over|during|last|this|after|before|compared|against|to|and|or|but|while|as|than|amid|year|month|week)\b", re.IGNORECASE
)
# "the past four quarters", "for two straight quarters": counted quarters are periods, not a fraction.
_PERIODS_BEFORE = re.compile(r"(?i)\b(?:past|last|next|previous|recent|first|final|straight|consecutive|successive)\s\Z")
_ONE_IN_N_AFTER = re.compile(r" (?:in|out of)(?: every)? (?:\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a hundred|a thousand)\b", re.IGNORECASE)
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


def number_words(text: str) -> list[re.Match]:
    """The number words of ``text`` (as matches of ``_WORD_ATOM``: their offsets, their letters in any case).

    ``text`` holds no look-alike letters (``find_quantities`` reads them as ASCII), so the lowercased
    copy matches the same words unless lowercasing changed its length.
    """
    lowered = lowercased(text)
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


def article_amounts(text: str) -> list[Number]:
    """The "a" of "a dollar", "a euro", "a penny" as the number one, which only a currency word after it
    makes a fact (never "a dollar store", "a euro zone")."""
    lowered = lowercased(text)
    if len(lowered) != len(text) or not _A_CURRENCY_CUE.search(lowered):
        return []
    return [_article_amount(text, lowered, m.start()) for m in _A_CURRENCY.finditer(lowered)]


def _article_amount(text: str, lowered: str, at: int) -> Number:
    """The amount an article stands for: 1, or 0.5 with "half" before it ("half a dollar", "half a cent")."""
    if at >= 5 and lowered.startswith("half ", at - 5) and (at == 5 or not lowered[at - 6].isalnum()):
        return Number(at - 5, at + 1, 0.5, words=True, capitalized=text[at - 5] == "H", article=True)
    return Number(at, at + 1, 1.0, words=True, capitalized=text[at] == "A", article=True)


def _half_an_amount(text: str, end: int) -> bool:
    """Whether "half" ending at ``end`` halves "a dollar", "a cent" (``article_amounts`` reads them as 0.5)."""
    return text.startswith(" a ", end) and bool(_A_CURRENCY.match(lowercased(text), end + 1))


def read_minus_words(text: str, numbers: list[Number]) -> list[Number]:
    """``numbers`` with "minus" read as a sign where it stands right before one ("minus 12 percent"),
    not in a margin ("plus or minus 3 points"), and "negative" before a percentage, points, degrees
    or a decimal ("negative 2 percent", "negative 0.4"; not "tested negative 3 times")."""
    lowered = lowercased(text)
    for number in numbers:
        start = number.start
        if number.value <= 0:
            continue
        if start >= 6 and lowered.startswith("minus ", start - 6) and not _MARGIN_BEFORE.search(lowered, max(0, start - 16), start - 6):
            sign = 6
        elif start >= 9 and lowered.startswith("negative ", start - 9) and _is_measured(text, number):
            sign = 9
        else:
            continue
        if start == sign or not lowered[start - sign - 1].isalnum():
            number.start, number.value = start - sign, -number.value
    return numbers


def _is_measured(text: str, number: Number) -> bool:
    """Whether ``number`` is a decimal or a percentage, points or degrees follow it."""
    return "." in text[number.start : number.end] or bool(_MEASURE_AFTER.match(lowercased(text), number.end))


def word_numbers(text: str, atoms: list[re.Match]) -> list[Number]:
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
    lowered = lowercased(text)
    found = _point_decimals(text, atoms, found) if " point " in lowered else found
    return _fractions_of_a_scale(text, found) if " of a " in lowered else found


def _fractions_of_a_scale(text: str, found: list[Number]) -> list[Number]:
    """``found`` with a fraction of "a million" read as one number: "a quarter of a million" is
    250,000, "three-quarters of a billion" 750,000,000."""
    kept: list[Number] = []
    for number in found:
        part = kept[-1] if kept else None
        if part and part.kind == "fraction" and number.start == part.end + len(" of ") and _is_a_scale(text, number):
            kept[-1] = Number(part.start, number.end, part.value * number.value, words=True, capitalized=part.capitalized)
            continue
        kept.append(number)
    return kept


def _is_a_scale(text: str, number: Number) -> bool:
    """Whether ``number`` is "a million", "a billion" (an article and a scale word)."""
    surface = text[number.start : number.end].lower()
    return surface.startswith("a ") and surface[2:] in SCALES and text.startswith(" of ", number.start - 4)


def _point_decimals(text: str, atoms: list[re.Match], found: list[Number]) -> list[Number]:
    """``found`` with "point" and the digit words after a whole number read as its decimals
    ("three point one four" is 3.14); the digit words are no numbers of their own then."""
    by_start = {atom.start(): atom for atom in atoms}
    lowered = lowercased(text)
    kept: list[Number] = []
    for number in found:
        if kept and number.start < kept[-1].end:
            continue  # a digit word read as a decimal
        if number.start >= 6 and lowered.startswith("point ", number.start - 6) and text[number.start : number.end].lower() in UNITS:
            continue  # "point five" with no whole number before it: too rare in print to read as 0.5
        if number.kind == "cardinal" and number.value.is_integer() and lowered.startswith(" point ", number.end):
            digits, atom = [], by_start.get(number.end + len(" point "))
            while atom and atom.group().lower() in UNITS:
                digits.append(str(UNITS[atom.group().lower()]))
                end = atom.end()
                atom = by_start.get(end + 1) if text.startswith(" ", end) else None
            if digits:
                number.end, number.value = end, float(f"{int(number.value)}.{''.join(digits)}")
                if atom and atom.group().lower() in SCALES:  # "one point six billion"
                    number.end, number.value = atom.end(), number.value * SCALES[atom.group().lower()]
        kept.append(number)
    return kept


def _joins(gap: str) -> bool:
    """Whether ``gap`` joins two number words into one number ("sixty-four", "sixty - four", "two and a half")."""
    return gap in _JOINTS


# What joins number words: a space, a hyphen however spaced, "and", "a", and these hyphenated.
_HYPHENATED_JOINTS = {"-and-a-": " and a ", "-and-": " and "}
_JOINTS = frozenset({" ", "-", " - ", " -", "- ", "\u2010", " and ", " and a ", " a ", *_HYPHENATED_JOINTS})


def _parse_words(text: str, group: list[re.Match]) -> list[Number]:
    """Parse a run of number words left to right into one or more numbers."""
    numbers = []
    i = 0
    while i < len(group):
        number, used = _parse_phrase(text, group, i)
        if number and _word_number_ok(text, number):
            numbers.append(number)
        i += max(used, 1)
    return _without_spoken_years(text, numbers) if len(numbers) > 1 else numbers


def _without_spoken_years(text: str, numbers: list[Number]) -> list[Number]:
    """``numbers`` without the two halves of a year said aloud: "nineteen eighty-four", "twenty
    twenty-two" (a count from eleven to twenty, a space and a count from ten to ninety-nine)."""
    kept, i = [], 0
    while i < len(numbers):
        first, second = numbers[i], numbers[i + 1] if i + 1 < len(numbers) else None
        if second and _spoken_year(text, first, second):
            i += 2
            continue
        kept.append(first)
        i += 1
    return kept


def _spoken_year(text: str, first: Number, second: Number) -> bool:
    if second.start != first.end + 1 or first.kind != "cardinal" or second.kind != "cardinal":
        return False
    if not (11 <= first.value <= 20 and 10 <= second.value <= 99) or " " in text[first.start : first.end]:
        return False
    return not (text.startswith("-", second.end) and text[second.end + 1 : second.end + 2].isalpha())  # "twenty twenty-dollar bills"


def _parse_phrase(text: str, group: list[re.Match], i: int) -> tuple[Number | None, int]:
    """The longest number phrase starting at ``group[i]``; returns it (or None) and how many words it used."""
    first_word = group[i].group().lower()
    takes_a = first_word in SCALES or first_word in ("hundred", "dozen") or (first_word in DENOMINATORS and _is_a_fraction(text, group[i]))
    takes_a = takes_a or first_word == "quarter" and _share_of_a_scale(text, group, i)
    a_before = takes_a and bool(_A_BEFORE.search(text, max(0, group[i].start() - 3), group[i].start()))
    total, current, last, j = 0.0, 0.0, "a" if a_before else None, i
    kind, last_scale, share = "cardinal", 1, 0.5
    start = group[i].start() - (2 if a_before else 0)
    end = None
    while j < len(group):
        word = group[j].group().lower()
        gap = text[group[j - 1].end() : group[j].start()] if j > i else ""
        gap = _HYPHENATED_JOINTS.get(gap, gap)  # "one-and-a-half"
        if "a" in gap.split() and word not in DENOMINATORS and word not in SCALES and not (word == "dozen" and last == "half"):
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
        elif word in SCALES and last in ("unit", "teen", "tens", "hundred", "a", "half") and (gap != "-" or last == "half"):
            factor = share if last == "half" else 1
            total += (current or 1) * SCALES[word] * factor
            current, last, last_scale = 0, "scale", SCALES[word]
        elif word == "dozen" and last in ("unit", "a", "half"):
            current = 6 if last == "half" else (current or 1) * 12  # "half a dozen" is 6
            last = "dozen"
        elif word in SCALE_ORDINALS and (last in ("unit", "teen", "tens") or last == "hundred" and word != "hundredth"):
            total += (current or 1) * SCALE_ORDINALS[word]  # "one hundredth", "two hundred thousandth"
            current, kind, last, end, j = 0, "ordinal", "ordinal", group[j].end(), j + 1
            break
        elif word in SCALE_ORDINALS and last is None and _a_share_of(text, group[j]):
            current, kind, last, end, j = 1 / SCALE_ORDINALS[word], "fraction", "fraction", group[j].end(), j + 1
            start = group[j - 1].start() - len("a ")  # "a hundredth of a second"
            break
        elif word in ORDINALS and last in (None, "tens", "hundred", "scale") and not _is_fraction(text, group, j, last):
            if word == "second" and last is None and _second_is_time_unit(text, group[j]):
                break
            current += ORDINALS[word]
            kind, last, end, j = "ordinal", "ordinal", group[j].end(), j + 1
            break
        elif word in ("half", "quarter") and last == "a" and _share_of_a_scale(text, group, j):
            share, last = 1 / DENOMINATORS[word], "half"  # "a half-million", "a quarter million"
        elif word in DENOMINATORS and (last in ("unit", "a") and _is_fraction(text, group, j, last) or (word == "half" and last in (None, "unit"))):
            if word == "half" and last is None and _half_a_scale(text, group, j):
                last = "half"
                start = group[j].start()
                j += 1
                continue
            numerator = (current or 1) if last in ("unit", "a") else 1
            if "and" in gap.split():
                current += 1 / DENOMINATORS[word]  # "two and a half", "two and a third"
                kind = "cardinal"
                if j + 1 < len(group) and group[j + 1].group().lower() in SCALES and text[group[j].end() : group[j + 1].start()] == " ":
                    current *= SCALES[group[j + 1].group().lower()]  # "two and a half million"
                    j += 1
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
            current, last, last_scale = 0, "scale", INDIAN_SCALES[word]
        elif fraction := _fraction_after_and(text, group, j, gap, last):
            part, used = fraction
            current += part * (12 if last == "dozen" else last_scale if last == "scale" else 1)  # "a million and a half"
            kind, last, end, j = "cardinal", "fraction", group[j + used - 1].end(), j + used
            break
        else:
            break
        end = group[j].end()
        j += 1
    if end is None or last == "a":
        return None, max(j - i, 1)
    word_count = j - i
    return Number(start, end, total + current, kind, words=True, capitalized=text[start].isupper()), word_count


def _half_a_scale(text: str, group: list[re.Match], j: int) -> bool:
    """Whether "half" at ``group[j]`` halves the scale word or dozen after "a": "half a million", "half a dozen"."""
    if j + 1 >= len(group) or text[group[j].end() : group[j + 1].start()] != " a ":
        return False
    following = group[j + 1].group().lower()
    return following in SCALES or following == "dozen"


def _a_share_of(text: str, word: re.Match) -> bool:
    """Whether "a" stands before a scale's ordinal and "of" after it: "a hundredth of a second"."""
    return bool(_A_BEFORE.search(text, max(0, word.start() - 2), word.start())) and text.startswith(" of ", word.end())


def _share_of_a_scale(text: str, group: list[re.Match], j: int) -> bool:
    """Whether "half" or "quarter" at ``group[j]`` is a share of the scale word right after it: "a half-million", "a quarter million"."""
    if j + 1 >= len(group) or text[group[j].end() : group[j + 1].start()] not in (" ", "-"):
        return False
    return group[j + 1].group().lower() in SCALES


def _fraction_after_and(text: str, group: list[re.Match], j: int, gap: str, last: str | None) -> tuple[float, int] | None:
    """The fraction that "and" adds to a whole number at ``group[j]``, and how many words it takes:
    "twenty and a half", "a dozen and a half" (of a dozen), "a million and a half" (of a million),
    "one and two thirds"."""
    if last not in ("unit", "teen", "tens", "dozen", "scale") or "and" not in gap.split():
        return None
    word = group[j].group().lower()
    if last == "scale" and (gap != " and a " or word != "half"):
        return None  # "a million and a half", not "a million and one"
    if gap == " and a " and word in DENOMINATORS and not word.endswith("s"):
        return 1 / DENOMINATORS[word], 1
    if gap != " and " or word not in UNITS or j + 1 >= len(group) or last == "dozen":
        return None
    denominator = DENOMINATORS.get(group[j + 1].group().lower())
    if denominator and text[group[j].end() : group[j + 1].start()] in (" ", "-") and 0 < UNITS[word] < denominator:
        return UNITS[word] / denominator, 2
    return None


def _second_is_time_unit(text: str, word: re.Match) -> bool:
    """ "per second", "a split second", "for a second." are time; "a second test" is an ordinal."""
    before = SECOND_AS_UNIT_BEFORE.search(text, max(0, word.start() - 10), word.start())
    if not before:
        return False
    return not before.group().lower().startswith("a ") or bool(_SECOND_UNIT_AFTER.match(text, word.end()))


def _is_a_fraction(text: str, word: re.Match) -> bool:
    """After "a", a denominator word is a fraction when it is "half" ("a half") or when "of", a
    verb or the end of a clause follows ("a third of", "nearly a fifth were electric", "fell by a
    third."), or a preposition or a time after "by" ("fell by a fifth in June"), not a noun ("a
    third term")."""
    if word.group().lower() in ("half", "halves") or _A_FRACTION_AFTER.match(text, word.end()):
        return True
    return bool(_A_SHARE_OF_A_CHANGE_AFTER.match(text, word.end()) and _BY_A_BEFORE.search(text, max(0, word.start() - 20), word.start()))


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
    if number.start >= 2 and text[number.start - 1] == "-" and text[number.start - 2].isdigit() and number.capitalized:
        return False  # the Eleven of "7-Eleven": a name
    if word == "nought":
        return text.startswith(" point ", number.end)  # "nought point five"; "all for nought" is no number
    if word == "one" and _ONE_IN_N_AFTER.match(text, number.end):
        return True  # "that one in six offices": a ratio, whatever comes before
    if word == "one":
        return not (NOT_AFTER_ONE.match(text, number.end) or NOT_BEFORE_ONE.search(before) or text[number.end : number.end + 1] == "-" and not text[number.end + 1 : number.end + 2].isdigit())
    if word == "half":
        return not PERIOD_HALF.search(before) and not _HALF_COMPOUND_AFTER.match(text, number.end) and not _half_an_amount(text, number.end)
    if number.kind == "ordinal" and text.startswith(",", number.end) and starts_sentence(text, number.start):
        return False  # "First, ...": a discourse marker
    if number.kind == "ordinal" and PERIOD_AFTER_ORDINAL.match(text, number.end):
        return False  # "the third quarter", "the second half": periods, for the dates extractor
    if word in ("first",):
        adverb = _FIRST_AS_ADVERB_AFTER.match(text, number.end)  # "the union first balloted members"
        return not (adverb or IDIOM_AFTER_FIRST.match(text, number.end) or IDIOM_BEFORE_FIRST.search(before))
    if word in ("quarter", "quarters") and number.kind == "fraction":
        return True  # "a quarter of", "three quarters"
    if word in ("quarter", "quarters") or word in SCALES or word in INDIAN_SCALES or word == "dozen" or word == "hundred":
        return False  # "the third quarter", bare "million": periods and vague amounts
    return True
