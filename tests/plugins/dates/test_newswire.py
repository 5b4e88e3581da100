"""Forms of wire and business copy: an infinitive with its own time ("an agreement to buy ... in
January"), "effective Feb. 1", a period "ended Oct. 31", "midnight Friday" as the day's end."""

import pytest

from factcards import Document
from factcards_plugins.dates.plugin import extract

DATELINE = "1997-11-03"  # a Monday


def facts(text, published=DATELINE, config=None):
    document = Document(text, published=published)
    document.segment()
    return {fact.text: fact for fact in extract(document, config or {})}


def value(text, span, published=DATELINE):
    return facts(text, published)[span].value["value"]


@pytest.mark.parametrize(
    "text, span, expected",
    [
        # the buying lies ahead of the announcing: the nearest January, not the one behind
        ("Harbor Bancorp announced an agreement to buy a rival lender in January.", "January", "1998-01"),
        ("The board rejected a plan to close the mill in January.", "January", "1998-01"),
        ("The insurer named a new chief, effective Jan. 5.", "Jan. 5", "1998-01-05"),
        ("The rail line cut its fares, effective on Jan. 12.", "Jan. 12", "1998-01-12"),
    ],
)
def test_an_infinitive_or_effective_date_has_its_own_time(text, span, expected):
    assert value(text, span) == expected


def test_a_past_clause_without_such_an_infinitive_still_reads_past():
    assert value("Harbor Bancorp bought a rival lender in January.", "January") == "1997-01"


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("The retailer lost $3 million in the quarter ended Nov. 30.", "Nov. 30", "1996-11-30"),
        ("Sales for the year ended on Dec. 15 were flat.", "Dec. 15", "1996-12-15"),
        # not "ending": a period still running
        ("The retailer expects a loss in the quarter ending Nov. 30.", "Nov. 30", "1997-11-30"),
    ],
)
def test_a_period_that_ended_on_a_day_ended_before_the_dateline(text, span, expected):
    assert value(text, span) == expected


@pytest.mark.parametrize(
    "text, span",
    [
        ("The tender offer expires at midnight Friday.", "midnight Friday"),
        ("The curfew starts at midnight on Friday.", "midnight on Friday"),
        ("The strike is to begin Friday at midnight.", "Friday at midnight"),
    ],
)
def test_midnight_with_a_day_is_the_end_of_that_day(text, span):
    fact = facts(text)[span]
    assert (fact.type, fact.value["value"], fact.value["date"], fact.value["time"]) == ("time", "1997-11-07T24:00", "1997-11-07", "24:00")


def test_midnight_alone_and_other_times_with_a_day_keep_their_clock():
    assert value("The shop closes at midnight, the owner said.", "midnight") == "00:00"
    assert value("The hearing opens at 9 a.m. Friday.", "9 a.m. Friday") == "1997-11-07T09:00"
