"""The ``numbers`` extractor (numbers and percentages) and its cross-type clean-up."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcards import Document, Fact
from factcards_plugins.quantities import numbers


def facts_of(text: str):
    return numbers.extract(Document(text), {})


def spans(text: str, fact_type: str | None = None):
    return [(f.type, f.text, f.value["value"]) for f in facts_of(text) if fact_type in (None, f.type)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The parliament would consider two resolutions.", [("two", 2, "cardinal")]),
        ("Twenty-five people were injured.", [("Twenty-five", 25, "cardinal")]),
        ("Police arrested a dozen protesters.", [("a dozen", 12, "cardinal")]),
        ("About 1.5 million people fled.", [("1.5 million", 1_500_000, "cardinal")]),
        ("The army sent 1,200 troops and 35 tanks.", [("1,200", 1200, "cardinal"), ("35", 35, "cardinal")]),
        ("It was the third attack this week.", [("third", 3, "ordinal")]),
        ("She finished 21st in the race.", [("21st", 21, "ordinal")]),
        ("Half of the voters stayed home.", [("Half", 0.5, "fraction")]),
        ("Two-thirds of members backed the bill.", [("Two-thirds", 2 / 3, "fraction")]),
        ("A third of the budget goes to defence.", [("A third", 1 / 3, "fraction")]),
        ("One hundred and twenty-five soldiers died.", [("One hundred and twenty-five", 125, "cardinal")]),
        ("The suspect, 34, was charged.", [("34", 34, "cardinal")]),
        ("A 20-year-old man was arrested.", [("20", 20, "cardinal")]),
        ("The index fell 3.75 points.", [("3.75", 3.75, "cardinal")]),
        ("Some 300,000 homes lost power.", [("300,000", 300_000, "cardinal")]),
        ("Between 40 and 50 people attended.", [("Between 40 and 50", 40, "cardinal")]),
        ("The twenty-first summit opened.", [("twenty-first", 21, "ordinal")]),
        ("Half a million people marched.", [("Half a million", 500_000, "cardinal")]),
        ("Analysts see two or three rate cuts.", [("two or three", 2, "cardinal")]),
        ("Toronto prices are nearly twice the national figure.", [("twice", 2, "multiplier")]),
        ("Nearly one in five adults is unvaccinated.", [("one in five", 0.2, "fraction")]),
        ("A second test is planned.", [("second", 2, "ordinal")]),
        ("Manchester City beat Aston Villa 3-1.", [("3", 3, "cardinal"), ("1", 1, "cardinal")]),
        ("12 people died.", [("12", 12, "cardinal")]),  # a number opening the text
        ("Of the cars sold, nearly a fifth were electric.", [("a fifth", 0.2, "fraction")]),
        ("Admissions fell by a third.", [("a third", 1 / 3, "fraction")]),
        ("A third term is unlikely.", [("third", 3, "ordinal")]),
        ("It shrank in three of the past four quarters.", [("three", 3, "cardinal"), ("four", 4, "cardinal")]),
        ("Nearly three quarters said they would vote.", [("three quarters", 0.75, "fraction")]),
        ("He said that one in six offices would close.", [("one in six", 1 / 6, "fraction")]),
        ("Patients with type 2 diabetes took part.", []),
        ("The match streams in 1080p, and doors open at 7p.m.", []),
        ("She kept her Commonwealth Games 1,500 meters title.", [("1,500", 1500, "cardinal")]),
        ("The balance was (-1,200) and the index was down \u22122.", [("-1,200", -1200, "cardinal"), ("\u22122", -2, "cardinal")]),
        ("Sales of 3-4 million units and 1-3 rate cuts.", [("3-4 million", 3_000_000, "cardinal"), ("1-3", 1, "cardinal")]),
    ],
)
def test_numbers(sentence, expected):
    found = [(f.text, f.value["value"], f.value["kind"]) for f in facts_of(sentence) if f.type == "number"]
    assert [(t, pytest.approx(v), k) for t, v, k in expected] == found


@pytest.mark.parametrize(
    "sentence",
    [
        "COVID-19 cases rose in the G7.",
        "The F-35 and the Boeing 737 were grounded.",
        "Updated 12:57, 15-Feb-2022",
        "00:39",
        "It happened on February 12, 2022 and on January 26.",
        "The vote is on 12 February.",
        "Call 555-123-4567 or +44 20 7946 0958.",
        "The meeting starts at 3 p.m. and ends at 0900 GMT.",
        "In 2021 the economy grew.",
        "Order number 4839201 was shipped.",
        "The date 2022-02-15 and 12/02/2022 are dates.",
        "He runs Windows 10 on a 5G phone in the 1990s style.",
        "No one knows; first of all, they love one another.",
        "The third quarter was weak and the second half was strong.",
        "The Boeing 737-800 landed; wait a second, it spins every split second.",
        "Shares rose $1.85 to $19.40.",
        "Policymakers meet Dec. 14-15 and again from June 4 to 7.",
        "The court's reading of the First Amendment was upheld.",
        "The union first balloted members in April.",
        "First, the plan was unveiled.",
    ],
)
def test_not_numbers(sentence):
    assert [f.text for f in facts_of(sentence) if f.type == "number"] == []


@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        ("Inflation hit 7.5% in January.", "7.5%", 7.5, "percent"),
        ("Turnout was 12 percent.", "12 percent", 12, "percent"),
        ("Sales fell twelve per cent.", "twelve per cent", 12, "percent"),
        ("The party gained 3.5 percentage points.", "3.5 percentage points", 3.5, "percentage_point"),
        ("The Fed raised rates by 25 basis points.", "25 basis points", 0.25, "percentage_point"),
        ("Growth of 12-15% is expected.", "12-15%", 12, "percent"),
        ("Yields of between 2 and 3 percent are likely.", "between 2 and 3 percent", 2, "percent"),
        ("Prices dropped -0.5% in May.", "-0.5%", -0.5, "percent"),
        ("The fund returned \u22121.2% last year.", "\u22121.2%", -1.2, "percent"),
        ("The bank raised rates by a quarter point.", "a quarter point", 0.25, "percentage_point"),
        ("It cut by half a percentage point.", "half a percentage point", 0.5, "percentage_point"),
    ],
)
def test_percentages(sentence, span, value, unit):
    found = [f for f in facts_of(sentence) if f.type == "percentage"]
    assert len(found) == 1, [f.text for f in found]
    assert (found[0].text, found[0].value["unit"]) == (span, unit)
    assert found[0].value["value"] == pytest.approx(value)
    assert [f for f in facts_of(sentence) if f.type == "number"] == []


def test_numbers_in_money_are_not_bare_numbers():
    text = "Ottawa is loaning Kyiv $490 million and 3 jets."
    assert facts_of(text) == [
        Fact("number", "3", text.index("3"), text.index("3") + 1, {"value": 3, "kind": "cardinal", "written": "digits", "qualifier": None})
    ]


def test_qualifier_is_recorded_and_left_out_of_the_span():
    (fact,) = facts_of("Nearly 40% of voters stayed home.")
    assert (fact.text, fact.value["qualifier"]) == ("40%", "nearly")


def test_process_card_drops_numbers_overlapping_other_types():
    kept_number = Fact("number", "two", 0, 3, {})
    inside_date = Fact("number", "16", 20, 22, {})
    date = Fact("date", "February 16", 11, 22, {})
    quote = Fact("quote", "two", 0, 3, {})
    assert numbers.drop_swallowed_numbers([kept_number, date, inside_date, quote]) == [kept_number, date, quote]


def test_reference_article(lead_card):
    found = lead_card.facts_of("number")
    assert ("two", 2) in [(f.text, f.value["value"]) for f in found]
    resolutions = [f for f in found if lead_card.document["text"][f.end : f.end + 12] == " resolutions"]
    assert len(resolutions) == 1
    noise = {"00:39", "02:37", "15-Feb-2022", "February 12, 2022", "January 26", "12:57", "February 16", "2022", "2021"}
    text = lead_card.document["text"]
    for fact in found + lead_card.facts_of("percentage"):
        assert not any(fact.start < i + len(n) and i < fact.end for n in noise for i in _all_at(text, n)), fact.text
    assert all(f.extractor == "numbers" for f in found)


def _all_at(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_grounded_deterministic_facts(text):
    first = facts_of(text)
    for fact in first:
        assert text[fact.start : fact.end] == fact.text
    assert [f.to_dict() for f in facts_of(text)] == [f.to_dict() for f in first]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789,.:/%- twoneandhalfthirdmillion perctsuKRSı\u017f\u0130\u212a$€£", max_size=80))
def test_number_like_text_gives_grounded_facts(text):
    for fact in facts_of(text):
        assert text[fact.start : fact.end] == fact.text
        assert isinstance(fact.value["value"], (int, float))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("She won 3-6, 6-3, 7-5.", ["3", "6", "6", "3", "7", "5"]),
        ("United lost to Arsenal 1-3 on Sunday.", ["1", "3"]),
        ("The champions drew 2-2 at home.", ["2", "2"]),
        ("It was a 2-3 defeat for Spurs.", ["2", "3"]),
        ("The party won 20-25 seats.", ["20-25"]),
    ],
)
def test_sports_scores_are_two_numbers_not_a_range(sentence, expected):
    assert [f.text for f in facts_of(sentence) if f.type == "number"] == expected


def test_a_dash_between_numbers_is_not_a_minus_sign():
    assert [(f.text, f.value["value"]) for f in facts_of("COVID-19 rose 3-4 times, F-35 orders -2 units.")] == [
        ("3-4", 3),
        ("-2", -2),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("THREE HUNDRED people marched.", [("THREE HUNDRED", 300)]),
        # "İ" lowercases to two characters: the number words are then read on the text itself.
        ("İstanbul had Twenty-One cases.", [("Twenty-One", 21)]),
        # ı ſ İ and the Kelvin sign match i, s, k in the case-blind patterns, so they are read as those letters.
        ("ıne or two, ſix or seven.", [("two", 2), ("ſix or seven", 6)]),
        ("About 5 thouſand people fled, and 3 mıllion more.", [("5 thouſand", 5000), ("3 mıllion", 3_000_000)]),
    ],
)
def test_number_words_in_any_case_keep_their_offsets(sentence, expected):
    assert [(f.text, f.value["value"]) for f in facts_of(sentence) if f.type == "number"] == expected


def test_the_quick_checks_before_searches_know_every_character_the_patterns_match():
    """The cheap tests that skip a search must not miss a match: every letter ``re.IGNORECASE``
    matches to an ASCII letter has its spellings (the last such letter, the Kelvin sign, is U+212A),
    and ``\\s`` is ``str.isspace``, true of nothing after U+3000."""
    import re
    import string
    import sys

    from factcards_plugins.quantities import casefold, gates

    for letter in string.ascii_lowercase:
        pattern = re.compile(letter, re.IGNORECASE)
        matched = {char for char in map(chr, range(0x2200)) if pattern.fullmatch(char)}
        assert matched == casefold._ignorecase_variants(letter)
    assert not any(chr(code).isspace() for code in range(0x3001, sys.maxunicode + 1))
    assert gates.WHITESPACE == {chr(code) for code in range(0x3001) if re.fullmatch(r"\s", chr(code))}
    assert "auguſt"[-3:] in gates._MONTH_ENDINGS and "ALMOST"[-3:] in gates.QUALIFIER_ENDINGS


@settings(max_examples=300, deadline=None)
@example(text="At 5 GMT on Feb. 12, 3-1 up, 12 February, 5 US Dollars, 5 Per Cent, About 5, Dec. 14-15, 5 KRONA")
@example(text="5 P.M. EST, 40 Basis Points, NEARLY 7, JUNE 4 TO 7, 5 hours gmt, 3 Pounds Sterling, 9 ΣAPT 12")
@given(text=st.text(alphabet="aApPmMgGtTuUsSeEcCbBdDhHoOnNrRlLyYjJfFiIkK .,-–'%0123456789ΣǅßẞÅΩéÉ\u212a\u0131\u017f", max_size=40))
def test_the_lowercase_twins_match_what_the_case_blind_patterns_match(text):
    """The assembler reads the lowercased copy of the text with case-sensitive twins of its case-blind
    patterns: their letters must all be lowercase, and they must match where (and as far as) the
    case-blind patterns match in the text, once ı ſ İ and the Kelvin sign are read as ASCII letters."""
    import re

    from factcards_plugins.quantities import casefold, cues

    for pattern in cues._CASE_BLIND:
        assert pattern.flags & re.IGNORECASE
        letters = re.sub(r"\(\?P<\w+>|\\[A-Za-z]", "", pattern.pattern)  # group names and escapes are no letters
        assert letters == letters.lower(), pattern.pattern
    text = text.translate(casefold.AS_ASCII)
    lowered = text.lower()
    assert len(lowered) == len(text)
    for case_blind, twin in zip(cues._CASE_BLIND, cues._LOWERCASE_TWINS):
        for offset in range(len(text) + 1):
            found, twin_found = case_blind.match(text, offset), twin.match(lowered, offset)
            assert (found and found.span()) == (twin_found and twin_found.span())
            found, twin_found = case_blind.search(text, 0, offset), twin.search(lowered, 0, offset)
            assert (found and found.span()) == (twin_found and twin_found.span())
