"""Calendar forms from other writers' news: a month of a related year, years in words (broadcast
transcripts), named quarters of another year, and the tense cues that place weekdays."""

import pytest

from factcards import Document
from factcards_plugins.dates.plugin import extract


def values(text, published):
    document = Document(text, published=published)
    document.segment()
    return {fact.text: fact.value.get("value") for fact in extract(document, {}) if fact.type in ("date", "time")}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The rebels split in June last year, aides said.", "June last year", "2021-06"),
        ("Police reopened the case in January this year.", "January this year", "2022-01"),
        ("The line is due to open in March next year.", "March next year", "2023-03"),
    ],
)
def test_a_month_of_a_related_year_is_one_fact(sentence, span, value):
    assert values(sentence, "2022-02-15") == {span: value}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Atlanta, nineteen ninety-six: a bomb shook the Games.", "nineteen ninety-six", "1996"),
        ("In January nineteen ninety-seven a clinic was hit.", "January nineteen ninety-seven", "1997-01"),
        ("The treaty dates from eighteen seventy-one.", "eighteen seventy-one", "1871"),
        ("Planners had the year two thousand in mind.", "two thousand", "2000"),
    ],
)
def test_years_in_words(sentence, span, value):
    assert values(sentence, "1998-02-27") == {span: value}


def test_a_count_in_words_is_no_year():
    assert values("Nineteen forty people signed the letter.", "1998-02-27") == {}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("In the year-ago third quarter, the bank earned $3 million.", "year-ago third quarter", "2021-Q3"),
        ("In the 2019 third quarter, the bank lost money.", "2019 third quarter", "2019-Q3"),
    ],
)
def test_a_named_quarter_of_another_year(sentence, span, value):
    assert values(sentence, "2022-10-20") == {span: value}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        # a future cue after "had been" is a future now past
        ("The offer had been due to expire Friday evening.", "Friday evening", "2022-10-14"),
        # an intention's infinitive points ahead
        ("The team planned to leave the capital on Thursday.", "Thursday", "2022-10-20"),
        # the scheduled plural present of news
        ("The two leaders meet in Geneva on Monday.", "Monday", "2022-10-24"),
        # a weekday's possessive before a noun that is no coming event: a day already told of
        ("Investors would look past Tuesday's ruling, analysts said.", "Tuesday", "2022-10-18"),
        # ... but an election's day is placed by the tense
        ("Voters will go to the polls in Sunday's election.", "Sunday", "2022-10-23"),
        # a postponement sets a limit ahead
        ("Officials postponed the hearing until Friday.", "Friday", "2022-10-21"),
    ],
)
def test_tense_cues_that_place_a_weekday(sentence, span, value):
    assert values(sentence, "2022-10-19")[span] == value  # a Wednesday


@pytest.mark.parametrize(
    "published, sentence, span, value",
    [
        ("2000-02-10", "He was last seen at home last Thanksgiving.", "last Thanksgiving", "1999-11-25"),
        ("2000-02-10", "Stores opened early on Thanksgiving Day.", "Thanksgiving Day", "1999-11-25"),
        ("2000-02-10", "The truce held over Easter Sunday.", "Easter Sunday", "1999-04-04"),
        ("2000-02-10", "The parade will return on Memorial Day.", "Memorial Day", "2000-05-29"),
        ("2023-12-20", "Officials hope to finish the talks before Christmas.", "Christmas", "2023-12-25"),
        ("2023-12-20", "Crowds are expected on New Year's Eve.", "New Year's Eve", "2023-12-31"),
        # the Tuesday after the first Monday of November (Nov. 1 a Tuesday: the 8th)
        ("2022-10-20", "Polls open on Election Day.", "Election Day", "2022-11-08"),
        ("2021-02-10", "Turnout fell on Election Day.", "Election Day", "2020-11-03"),
    ],
)
def test_named_holidays(published, sentence, span, value):
    assert values(sentence, published) == {span: value}


def test_a_one_word_holiday_needs_a_date_context():
    assert values("Christmas shopping rose 4% this season.", "2023-12-20") == {}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The merger should close by year-end, the bank said.", "year-end", "2022"),
        ("The carmaker expects growth in the current year.", "current year", "2022"),
        ("The plant was shut this past spring.", "this past spring", "2022-SP"),
        ("Membership fell through the nineties.", "nineties", "199X"),
        ("Profit in the company's 2021 results was restated.", "2021", "2021"),
        ("The drag on earnings will continue into 2023.", "2023", "2023"),
        ("Third-quarter sales fell 11%.", "Third-quarter", "2022-Q3"),
    ],
)
def test_more_date_forms(sentence, span, value):
    assert values(sentence, "2022-10-20") == {span: value}


def test_year_end_as_an_adjective_is_no_date():
    assert values("Year-end net was below the prior level.", "2022-10-20") == {}


@pytest.mark.parametrize("sentence", ["The farmers' market opens every Monday.", "Floods come every May.", "The council meets each Friday.",
                                      "The bin lorry comes every other Tuesday.", "The quiz is held every second Thursday.",
                                      "Fairs open on every alternate Saturday."])
def test_a_set_is_no_date(sentence):
    assert values(sentence, "2022-02-16") == {}


def test_a_colon_after_the_day_ends_the_date():
    """"on Saturday, April 25: ..." is a date; "25:30" would be a time."""
    assert values("The paper said in an editorial on Saturday, April 25: the court erred.", "1998-04-24") == {
        "Saturday, April 25": "1998-04-25"}


def test_a_participle_after_a_noun_after_are_is_no_present_passive():
    """"Following are statements made Thursday": made before the dateline, not planned."""
    assert values("Following are statements made Thursday by the lawyer.", "1998-02-06")["Thursday"] == "1998-02-05"


def test_a_holiday_naming_an_event_is_no_date():
    assert "Labor Day" not in values("It was the worst season since 2020, when the Labor Day fires burned.", "2025-09-28")


def test_a_reference_followed_by_the_day_it_names_takes_that_day():
    found = values("The first dose was given on 8 December 2020. Regulators approved the jab three weeks later, on 30 December.",
                   "2021-02-19")
    assert found["three weeks later"] == found["30 December"] == "2020-12-30"


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        # a bare month naming a thing made then lies behind the dateline
        ("The bank keeps talking under a June agreement with its investors.", "June", "2022-06"),
        # a limit a present perfect sets lies ahead
        ("Lenders have extended the credit line through January.", "January", "2023-01"),
    ],
)
def test_the_side_of_a_bare_month(sentence, span, value):
    assert values(sentence, "2022-10-27")[span] == value


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The battle began on the morning of April 18, 1775.", "April 18, 1775", "1775-04-18"),
        ("The charter was sealed on July 4, 1776, by the council.", "July 4, 1776", "1776-07-04"),
        ("The siege lasted from 17 June 1745 to the spring.", "17 June 1745", "1745-06-17"),
        ("On May 5, 1500 people marched.", "May 5", "2022-05-05"),  # a count after the day, no year
        ("On May 5, 1500 to 2000 people marched.", "May 5", "2022-05-05"),
    ],
)
def test_a_year_before_1800_closes_its_day(sentence, span, value):
    assert values(sentence, "2022-10-20") == {span: value}
