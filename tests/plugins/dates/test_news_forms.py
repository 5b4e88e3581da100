"""Forms of dates and times that other date parsers' test suites cover and news English uses: days
of the month in words, clock times in words and with a part of the day, parts of a day told
against a day named before."""

import pytest

from factcards import Document
from factcards_plugins.dates.plugin import extract

DATELINE = "2021-03-10T12:00"


def facts(text, published=DATELINE):
    document = Document(text, published=published)
    document.segment()
    return {fact.text: (fact.type, fact.value.get("value")) for fact in extract(document, {})}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The vote was held on the third of March.", "third of March", "2021-03-03"),
        ("Talks resume on the twenty-first of April.", "twenty-first of April", "2021-04-21"),
        ("Talks resume on the twenty first of April.", "twenty first of April", "2021-04-21"),
        ("Voters go to the polls on March thirtieth.", "March thirtieth", "2021-03-30"),
        ("She was born on the fourth of July, 1976.", "fourth of July, 1976", "1976-07-04"),
        ("The fund met on Friday, April second.", "Friday, April second", "2021-04-02"),
    ],
)
def test_a_day_of_the_month_in_words(sentence, span, value):
    assert facts(sentence) == {span: ("date", value)}


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the first May without rain.",
        "Theresa May first won a seat in Maidenhead.",
        "The second of three March rallies drew crowds.",
        "A third of March output went abroad.",
        "The thirty-first of the candidates withdrew.",
    ],
)
def test_an_ordinal_beside_a_month_name_that_is_no_day(sentence):
    assert not [value for kind, value in facts(sentence).values() if value and len(value) == 10]


def test_a_day_in_words_that_no_month_holds_is_no_day():
    assert facts("Talks resume on the thirtieth of February.") == {"February": ("date", "2021-02")}


@pytest.mark.parametrize(
    "hostile",
    ["the twenty-first of " * 5_000, "May twenty first of May " * 4_000, "third of March third of " * 4_000],
)
def test_days_in_words_run_in_linear_time(hostile, time_growth):
    assert time_growth(extract, hostile) < 9
