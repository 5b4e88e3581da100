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


@pytest.mark.parametrize(
    "text, span, expected, resolution",
    [
        ("Harbor Mills posted a third-quarter loss. Exports in last year's quarter were $3 million.",
         "last year's quarter", "1996-Q3", "anaphoric"),
        ("Orders rose 8% from last year's fourth quarter.", "last year's fourth quarter", "1996-Q4", "relative"),
        ("Margins were thinner than in last year's first half.", "last year's first half", "1996-H1", "relative"),
    ],
)
def test_last_years_quarter_is_a_quarter_of_the_year_before(text, span, expected, resolution):
    fact = facts(text)[span]
    assert (fact.value["value"], fact.value["resolution"]) == (expected, resolution)


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("Dealers expect slow sales through the first two quarters of 1998.", "first two quarters of 1998", "1998-H1"),
        ("Costs rose in the last two quarters of this year.", "last two quarters of this year", "1997-H2"),
    ],
)
def test_two_quarters_of_a_year_are_its_half(text, span, expected):
    assert value(text, span) == expected


def test_the_last_two_quarters_alone_are_a_stretch_of_time():
    fact = facts("Costs rose in the last two quarters.")["last two quarters"]
    assert (fact.type, fact.value["value"]) == ("duration", "P6M")


@pytest.mark.parametrize(
    "text, published, span, expected, modifier",
    [
        ("Ticket sales were flat through the '80s.", "1989-06-01", "'80s", "198X", None),
        ("The band was big in the early ’90s.", "2021-06-01", "early ’90s", "199X", "early"),
        ("Rents doubled in the mid-'60s.", "1997-06-01", "mid-'60s", "196X", "mid"),
        ("Start-ups boomed in the '20s.", "2024-06-01", "'20s", "202X", None),
    ],
)
def test_a_decade_by_its_two_digits(text, published, span, expected, modifier):
    fact = facts(text, published)[span]
    assert (fact.value["value"], fact.value.get("modifier")) == (expected, modifier)


@pytest.mark.parametrize("text", ["Highs will be in the 80s on Sunday.", "The rock'80s revival"])
def test_digits_without_an_apostrophe_are_no_decade(text):
    assert not [fact for fact in facts(text).values() if fact.value.get("granularity") == "decade"]


def test_a_quarters_figure_after_of_keeps_the_quarter():
    found = facts("The mill posted net income for the second quarter of $8.6 million.")
    assert found["second quarter"].value["value"] == "1997-Q2"
    assert "first half" not in facts("The first half of the runners finished before noon.")



@pytest.mark.parametrize(
    "text, span, expected, offset",
    [
        # the day after the pair is the first time's day too
        ("The dam burst at about 4:20 p.m. (1320 GMT) Sunday, officials said.", "4:20 p.m.", "1997-11-02T16:20", "+03:00"),
        ("Polls close at 8 p.m. (0100 GMT).", "8 p.m.", "20:00", "-05:00"),
        ("Trading resumes at 9:30 a.m. (1430 GMT) on Tuesday.", "9:30 a.m.", "1997-11-04T09:30", "-05:00"),
    ],
)
def test_a_time_gets_the_offset_its_equivalent_in_parentheses_implies(text, span, expected, offset):
    found = facts(text)
    fact = found[span]
    assert (fact.type, fact.value["value"], fact.value["zone"], fact.value["utc_offset"]) == ("time", expected, None, offset)
    assert not [other for other in found.values() if other.start < fact.end and fact.start < other.end and other is not fact]


def test_a_time_that_names_its_zone_keeps_its_own_offset():
    fact = facts("Trading resumes at 1430 GMT (9:30 a.m. EST) on Tuesday.")["1430 GMT"]
    assert fact.value["utc_offset"] == "+00:00"


def test_a_time_in_parentheses_that_is_no_equivalent_stays_apart():
    found = facts("Doors open at 7 p.m. and the show (9 p.m.) follows.")
    assert {"7 p.m.", "9 p.m."} <= set(found)



@pytest.mark.parametrize(
    "text",
    [
        "Such rules make no sense in today's world.",
        "The firm's chips run many of today's personal computers.",
        "The school trains the engineers of tomorrow.",
        "The problems of today need new answers.",
        "Tomorrow's leaders met in the hall.",
    ],
)
def test_today_and_tomorrow_at_large_are_no_day(text):
    assert not [fact for fact in facts(text).values() if fact.type == "date"]


@pytest.mark.parametrize("text", ["She told USA Today in an interview.", "You are listening to Radio Five Today."])
def test_today_in_a_name_is_no_day(text):
    assert not facts(text)


@pytest.mark.parametrize(
    "text, span",
    [
        ("The results of today's vote were close.", "today"),
        ("As of today, the ban applies.", "today"),
        ("Today's meeting was cancelled.", "Today"),
        ("Shares fell. Today the bank said it would cut jobs.", "Today"),
        ("The talks resume tomorrow.", "tomorrow"),
    ],
)
def test_today_as_a_day_stays(text, span):
    assert facts(text)[span].value["granularity"] == "day"


HOSTILE = {
    "decades by two digits": "the '80s early ’90s mid-'60s '' '0 " * 2_000,
    "last year's periods": "last year's third quarter last year's half last year's " * 1_500,
    "two quarters": "first two quarters of 1990 last two quarters " * 1_500,
    "today and tomorrow at large": "USA Today the people of tomorrow today's world Today's " * 2_000,
    "times with their equivalents": "10 a.m. (0735 GMT) (1500 GMT) Friday (" * 2_000,
    "infinitives and effective dates": "an agreement to buy effective Feb. 1 ended Oct. 31 midnight Friday " * 1_500,
}


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_runs_in_linear_time(hostile, time_growth):
    assert time_growth(extract, hostile) < 9
