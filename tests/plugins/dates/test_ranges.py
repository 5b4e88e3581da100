"""Ranges and intervals as one fact, each end at its own granularity, resolved together."""

import pytest

from factcards import Document
from factcards_plugins.dates.plugin import extract

DATELINE = "2022-02-16T08:00"  # a Wednesday


def only_fact(text, published=DATELINE):
    document = Document(text, published=published)
    document.segment()
    [fact] = extract(document, {})
    return fact


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The trade fair runs from March 3 to March 5 in Leipzig.", "from March 3 to March 5", "2022-03-03/2022-03-05"),
        ("The trade fair runs March 3-5 in Leipzig.", "March 3-5", "2022-03-03/2022-03-05"),
        ("Exports doubled between 2019 and 2021.", "between 2019 and 2021", "2019/2021"),
        ("The open-air season runs June-August.", "June-August", "2022-06/2022-08"),
        ("The museum stays closed from Wednesday until Saturday.", "from Wednesday until Saturday", "2022-02-16/2022-02-19"),
        ("The consulate opens from 10 a.m. to noon.", "from 10 a.m. to noon", "10:00/12:00"),
    ],
)
def test_a_range_is_one_fact(sentence, span, value):
    fact = only_fact(sentence)
    assert (fact.text, fact.value["value"]) == (span, value)
    assert fact.value["start"] + "/" + fact.value["end"] == value


@pytest.mark.parametrize(
    "sentence, value",
    [
        # ahead: the end is the first such day from the start
        ("The exhibition will run from Friday until Tuesday.", "2022-02-18/2022-02-22"),
        # past: the start is the last such day before the end
        ("Voting was held from Tuesday until Sunday.", "2022-02-08/2022-02-13"),
        # a range that holds the dateline is that one
        ("The office is closed between Monday and Wednesday.", "2022-02-14/2022-02-16"),
    ],
)
def test_the_weekdays_of_a_range_are_resolved_together(sentence, value):
    fact = only_fact(sentence)
    assert fact.value["value"] == value
    assert fact.value["start"] <= fact.value["end"]


def test_the_week_of_a_day():
    fact = only_fact("Talks are planned for the week of May 9.")
    assert (fact.text, fact.value["value"], fact.value["granularity"]) == ("week of May 9", "2022-W19", "week")
