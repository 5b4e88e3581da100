"""The words the scanner knows: number words, scales, months, qualifiers and the capitalized
function words that may stand before a number without naming it.
"""

from __future__ import annotations


UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
UNITS["nought"] = 0  # "nought point five" (alone it is no number: ``words``)
TEENS = {w: i + 10 for i, w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: (i + 2) * 10 for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9, "tn": 10**12, "trn": 10**12, "t": 10**12}
INDIAN_SCALES = {"lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 10**3, "millionth": 10**6, "billionth": 10**9,
}  # fmt: skip
# The ordinals of a scale: "one hundredth", "two thousandth", "the millionth", "a hundredth of".
SCALE_ORDINALS = {word: ORDINALS[word] for word in ("hundredth", "thousandth", "millionth", "billionth")}
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
MULTIPLIERS = {"twice": 2, "thrice": 3}
MULTIPLIERS.update({word + "fold": value for word, value in {**UNITS, **TEENS, **TENS, "hundred": 100, "thousand": 1000}.items() if value > 1})
ALL_WORDS = set(UNITS) | set(TEENS) | set(TENS) | set(SCALES) | set(ORDINALS) | set(DENOMINATORS) | set(INDIAN_SCALES) | set(MULTIPLIERS) | {"hundred", "dozen"}
MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
# A hyphen or minus sign stuck to the front of a number, after a space or an opening bracket.
MINUS_SIGNS = ("-", "\u2212")
MINUS_SIGN_CHARS = "".join(MINUS_SIGNS)
# An en dash stuck to the front of a number is a minus sign too where no number stands before it
# ("fell to –3.2%"; "2 –3" is a range).
EN_DASH = "\u2013"
QUALIFIERS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "more than", "over", "less than", "under",
    "up to", "at least", "at most", "some", "close to", "an estimated", "just over", "just under", "fewer than",
    "upwards of", "in excess of", "as much as", "as many as", "as little as", "as few as", "well over", "well above",
    "above", "below", "only", "just", "exactly", "precisely",
)  # fmt: skip
# Capitalized words that may stand right before a number without naming it ("In 2020", "Some 300").
FUNCTION_WORDS = {
    "a", "about", "above", "after", "against", "all", "almost", "also", "an", "and", "another", "any", "approximately",
    "around", "as", "at", "before", "below", "between", "but", "by", "during", "each", "every", "exactly", "fewer",
    "for", "from", "here", "if", "in", "including", "into", "its", "just", "last", "less", "like", "many", "more",
    "most", "nearly", "next", "nor", "of", "on", "once", "only", "or", "our", "over", "past", "per", "plus",
    "roughly", "since", "so", "some", "still", "than", "that", "the", "their", "there", "these", "this", "those",
    "through", "to", "top", "total", "under", "until", "up", "while", "with", "within", "yet", "when", "where", "without", "already", "even", "although", "though", "because",
}  # fmt: skip
