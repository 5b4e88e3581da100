"""A time of day with no day beside it: on the day of its equivalent in parentheses, or on the day
its sentence or the one before names (``time_days``), else a time alone."""

import pytest

from factcards import Document
from factcards.testing import best_times
from factcards_plugins.dates.plugin import extract
from factcards_plugins.dates.time_days import BORROWED_DAY_CONFIDENCE

DATELINE = "1997-11-03"  # a Monday


def times(text):
    document = Document(text, published=DATELINE)
    document.segment()
    return {f.text: f for f in extract(document, {}) if f.type == "time"}


def test_a_time_takes_the_day_the_sentence_before_names():
    fact = times("A fire broke out at a warehouse on Friday. Crews arrived at 6:40 a.m., officials said.")["6:40 a.m."]
    assert fact.value["value"] == "1997-10-31T06:40"
    assert (fact.value["date"], fact.value["time"]) == ("1997-10-31", "06:40")
    assert (fact.value["resolution"], fact.value["anchor"]) == ("anaphoric", "1997-10-31")
    assert fact.confidence == BORROWED_DAY_CONFIDENCE


def test_a_time_takes_the_day_of_its_own_sentence():
    fact = times("The council met on Oct. 28 and voted at 9:15 p.m. to close the pool.")["9:15 p.m."]
    assert fact.value["value"] == "1997-10-28T21:15"


def test_the_days_part_of_day_and_tense_are_not_the_times():
    fact = times("Police arrived Thursday morning. The suspect had left at 7 p.m.")["7 p.m."]
    assert fact.value["value"] == "1997-10-30T19:00"
    assert "part_of_day" not in fact.value and "tense" not in fact.value


def test_a_time_takes_the_day_after_its_equivalent_in_parentheses():
    found = times("The quake struck at 2:05 a.m. (1905 GMT) Saturday, the agency said.")
    assert found["2:05 a.m."].value["value"] == "1997-11-01T02:05"
    assert found["2:05 a.m."].value["resolution"] == "relative"  # resolved as the day beside it is
    assert found["1905 GMT"].value["value"] == "19:05"  # in another zone, maybe on another day


@pytest.mark.parametrize(
    "text, span",
    [
        ("Trading opens at 9:30 a.m.", "9:30 a.m."),  # no day in the text
        ("The fair opened on Saturday.\n\nGates open at 9 a.m.", "9 a.m."),  # another paragraph
        ("The fair opened on Saturday. It drew crowds. Gates open at 9 a.m.", "9 a.m."),  # two sentences back
        ("Doors open at 9 a.m. for Sunday's race.", "9 a.m."),  # a day after the time is not its day
        ("The vote was held on Friday. Polls closed at midnight.", "midnight"),  # the day's start or its end
        ("Sales rose in October. Shops opened at 8 a.m.", "8 a.m."),  # a month is no day
        ("The expo runs through Thursday. She spoke at 10 a.m. Pacific.", "10 a.m. Pacific"),  # a bound, no day of events
        ("Bids are due by Friday. The office opens at 9 a.m.", "9 a.m."),
    ],
)
def test_a_time_stays_alone_without_a_near_day(text, span):
    fact = times(text)[span]
    assert "date" not in fact.value and fact.value["resolution"] == "absolute"


def test_a_time_joined_with_its_day_is_unchanged():
    fact = times("A fire broke out on Friday. The hearing is at 10 a.m. Wednesday.")["10 a.m. Wednesday"]
    assert (fact.value["value"], fact.value["resolution"]) == ("1997-11-05T10:00", "relative")


def test_a_range_of_times_stays_a_range():
    fact = times("The market opens on Saturday. Hours are 9 a.m. to noon.")["9 a.m. to noon"]
    assert (fact.value["start"], fact.value["end"]) == ("09:00", "12:00")


def test_the_nearest_day_before_lends_its_date():
    found = times("Early voting ends Friday, and on Election Day polls open at 7 a.m. and close at 8 p.m.")
    assert (found["7 a.m."].value["value"], found["8 p.m."].value["value"]) == ("1997-11-04T07:00", "1997-11-04T20:00")


@pytest.mark.parametrize("hostile", ["It began on Friday. " + "Doors opened at 3 p.m. and " * 1600, "Friday 10 a.m. (0700 GMT) " * 1200])
def test_hostile_input_runs_in_linear_time(hostile):
    # with a dateline, so the days resolve and lend their dates (time_growth's documents have none)
    quarter, whole = Document(hostile[: len(hostile) // 4], published=DATELINE), Document(hostile, published=DATELINE)
    quarter.segment()
    whole.segment()
    assert [f for f in extract(whole, {}) if f.value.get("date")]
    small, large = best_times(lambda document: extract(document, {}), quarter, whole)
    assert large / small < 9
