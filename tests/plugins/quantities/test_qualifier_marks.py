"""Qualifying marks written with the number: glued signs ("~5,000", ">50%", "+5%"), "300-odd", "20-plus"; "30 or more" (qualifier only)."""

import pytest

from factcards_plugins.quantities.scanner import find_quantities


def _facts(text):
    return [(text[q.start : q.end], q.type, q.value.get("value", q.value.get("amount")), q.value["qualifier"]) for q in find_quantities(text)]


SIGNS = [
    ("The app now has ~5,000 users in Leeds.", [("~5,000", "number", 5000, "about")]),
    ("Polls show >50% of voters back the plan.", [(">50%", "percentage", 50, "more than")]),
    ("Turnout was <10% in the ward.", [("<10%", "percentage", 10, "less than")]),
    ("The fund spent (~$5 million) on repairs.", [("~$5 million", "money", 5000000, "about")]),
    ("The index rose +5% on the day.", [("+5%", "percentage", 5, None)]),
    ("The index fell -3.2% on the day.", [("-3.2%", "percentage", -3.2, None)]),
    ("It reached ≥3 sites and ≤20% of staff.", [("≥3", "number", 3, "at least"), ("≤20%", "percentage", 20, "at most")]),
    ("Officials said about ~300 came.", [("~300", "number", 300, "about")]),
]
SIGN_MISSES = [
    ("The arrow a->5 points on.", [("5", "number", 5, None)]),  # an arrow, not "more than"
    ("We scored 2 +5% more.", [("2", "number", 2, None), ("5%", "percentage", 5, None)]),  # arithmetic
    ("Team x +5 in the table.", [("5", "number", 5, None)]),  # "+" only before a percentage
    ("Call +44 20 7946 0000 now.", []),  # a phone number
]
HYPHENATED = [
    ("Turnout rose 30-odd percent, fees 20-plus%.", [("30-odd percent", "percentage", 30, "about"), ("20-plus%", "percentage", 20, "more than")]),
    ("A $20-plus million deal drew 300-odd thousand fans.", [("$20-plus million", "money", 20000000, "more than"), ("300-odd thousand", "number", 300000, "about")]),
    ("The 300-odd delegates voted on Monday.", [("300-odd", "number", 300, "about")]),
    ("She served 20-plus years on the bench.", [("20-plus", "number", 20, "more than")]),
    ("Labour holds a 20-plus-point lead.", [("20-plus", "number", 20, "more than")]),
    ("Some 40-odd firms bid.", [("40-odd", "number", 40, "some")]),
]
HYPHENATED_MISSES = [
    ("He found an odd 300 coins.", [("300", "number", 300, None)]),  # "odd" before the number
    ("The sum is 20 plus 5.", [("20", "number", 20, None), ("5", "number", 5, None)]),  # a sum
    ("The sum is 20-plus 5.", [("20", "number", 20, None), ("5", "number", 5, None)]),
    ("It was 300 odd jobs.", [("300", "number", 300, None)]),  # spaced: odd jobs
    ("Room 12-oddly shaped.", [("12", "number", 12, None)]),
]

OR_MORE = [
    ("Police said 30 or more people were hurt.", [("30", "number", 30, "at least")]),
    ("Donors who gave $200 or less were thanked.", [("$200", "money", 200, "at most")]),
    ("Bags of 10 or fewer items go free.", [("10", "number", 10, "at most")]),
    ("One or more members may veto it.", [("One", "number", 1, "at least")]),
    ("About 30 or more came.", [("30", "number", 30, "about")]),  # the word before wins
]
OR_MORE_MISSES = [
    ("It was 30 or 40 people.", [("30 or 40", "number", 30, None)]),  # an alternative, a range
    ("It took 30 or more than 40 days.", [("30", "number", 30, None), ("40", "number", 40, "more than")]),
    ("Pick 3 or moreover 4.", [("3", "number", 3, None), ("4", "number", 4, None)]),
]


@pytest.mark.parametrize("text, expected", SIGNS + SIGN_MISSES + HYPHENATED + HYPHENATED_MISSES + OR_MORE + OR_MORE_MISSES)
def test_qualifying_marks(text, expected):
    """Each mark in the span with its qualifier; the near misses (arrows, sums, phones, "odd jobs") stay out."""
    assert _facts(text) == expected
