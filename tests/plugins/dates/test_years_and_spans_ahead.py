"""Years in a list or before a company's figures, "a week or so ago", and "in five years" as a
date ahead of the dateline when the clause looks ahead (a length otherwise)."""

import pytest

from factcards import Document
from factcards_plugins.dates.plugin import extract

DATELINE = "2022-03-10"


def facts(text, published=DATELINE):
    document = Document(text, published=published)
    document.segment()
    return {fact.text: fact for fact in extract(document, {})}


def test_every_year_of_a_list_is_a_date():
    found = facts("Inspectors visited the site in 2014, 2015, 2017 and 2019, the report said.")
    assert {span: fact.value["value"] for span, fact in found.items()} == {
        "2014": "2014", "2015": "2015", "2017": "2017", "2019": "2019"}


@pytest.mark.parametrize(
    "text, number",
    [
        ("Turnout rose from 2019 to 2020, and 2021 people signed the petition.", "2021"),
        ("In March 2020, 1850 flights were cancelled.", "1850"),
        ("On Jan. 5, 2021, 1999 ballots were found.", "1999"),
        ("Rooms 1905, 1906 were flooded.", "1906"),
        ("The town had 2019, 2020 residents.", "2020"),
    ],
)
def test_a_count_after_a_year_and_a_comma_stays_a_count(text, number):
    assert number not in facts(text)


@pytest.mark.parametrize(
    "text, span",
    [
        ("Brokers cut their 2023 Vantor earnings forecasts after the recall.", "2023"),
        ("Analysts expect 2022 Nordhaven sales to fall.", "2022"),
    ],
)
def test_a_year_before_a_name_and_its_figures_is_a_date(text, span):
    assert facts(text)[span].value["value"] == span


@pytest.mark.parametrize(
    "text, number",
    [
        ("Some 1990 Vantor workers lost their jobs.", "1990"),
        ("Officials counted 1900 Ostrian attacks in the area.", "1900"),
        ("The chain hired 2000 Christmas sales staff.", "2000"),
    ],
)
def test_a_count_before_a_name_is_no_year(text, number):
    assert number not in facts(text)


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("The notes will be repaid in five years.", "five years", "2027"),
        ("The ferry service would resume in two weeks, the operator said.", "two weeks", "2022-W12"),
        ("The new wing is expected to open in six months.", "six months", "2022-09"),
        ("Talks will continue in three days.", "three days", "2022-03-13"),
        ("The reactor will be shut down in a decade.", "a decade", "2032"),
        ("The contest will be held in two years.", "two years", "2024"),
    ],
)
def test_in_so_long_in_a_future_clause_is_a_date_from_the_dateline(text, span, expected):
    fact = facts(text)[span]
    assert (fact.type, fact.value["value"], fact.value["resolution"]) == ("date", expected, "relative")


@pytest.mark.parametrize(
    "text, span",
    [
        ("The council will hold its first election in five years.", "five years"),
        ("Prices rose at the fastest pace in three years.", "three years"),
        ("Output fell in two years of drought.", "two years"),
        ("The deal will be done in 2.5 years.", "2.5 years"),
        ("The port will reopen in the next six months.", "next six months"),
        ("The team will post its best result in five years.", "five years"),
        ("The club will win its third title in four years.", "four years"),
        ("The offer will close in five business days.", "five business days"),
        ("The bank said in 2015 that the notes would be repaid in five years.", "five years"),
        ("The vault will be reopened in 100,000 years.", "100,000 years"),
        ("Results will be known in a day or two.", "a day"),
        ("The panel will finish its work within a year.", "a year"),
    ],
)
def test_in_so_long_after_first_or_a_superlative_or_in_a_past_clause_is_a_length(text, span):
    assert facts(text)[span].type == "duration"


def test_how_many_in_how_long_is_a_length():
    assert facts("The club will play four matches in 11 days.")["11 days"].type == "duration"


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("The decision came a week or so ago, officials said.", "a week or so ago", "2022-W09"),
        ("Prices will rise a month or so from now.", "a month or so from now", "2022-04"),
    ],
)
def test_or_so_makes_a_count_ago_approximate(text, span, expected):
    value = facts(text)[span].value
    assert (value["value"], value["modifier"]) == (expected, "approximate")


def test_in_so_long_or_so_is_an_approximate_date():
    value = facts("The plant will reopen in five years or so.")["five years or so"].value
    assert (value["value"], value["modifier"]) == ("2027", "approximate")
