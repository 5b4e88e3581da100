"""Anaphoric references ("a year earlier", "the following month", "the year-ago quarter") and a
date with its time of day as one fact ("7 p.m. Wednesday", "Monday at 3pm")."""

import pytest

import factcards
from factcards import Document
from factcards_plugins.dates.plugin import extract

DATELINE = "2022-10-27T09:30"  # a Thursday, in the month after the third quarter


def values(text, published=DATELINE):
    document = Document(text, published=published)
    document.segment()
    return {fact.text: (fact.type, fact.value.get("value"), fact.value.get("resolution")) for fact in extract(document, {})}


def test_a_year_earlier_is_the_period_the_story_is_about_a_year_before():
    text = ("Harbor Mills posted a third-quarter loss of $4 million, against a profit of $9 million a year earlier. "
            "Revenue slipped to $310 million from $322 million a year ago. In the year-earlier quarter the mill was sold.")
    found = values(text)
    assert found["third-quarter"][1] == "2022-Q3"
    assert found["a year earlier"] == ("date", "2021-Q3", "anaphoric")
    assert found["a year ago"] == ("date", "2021-Q3", "anaphoric")
    assert found["year-earlier quarter"] == ("date", "2021-Q3", "anaphoric")


def test_the_anchor_of_an_anaphoric_value_is_the_date_it_points_to():
    document = Document("Turnout reached 61% on May 8, 2019, up from 55% a year earlier.", published=DATELINE)
    document.segment()
    [first, second] = extract(document, {})
    assert (second.text, second.value["value"], second.value["anchor"]) == ("a year earlier", "2018-05-08", "2019-05-08")


def test_a_year_ago_outside_a_comparison_of_a_period_stays_the_datelines():
    assert values("A year ago, the bridge was still open.")["A year ago"] == ("date", "2021", "relative")


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The mayor took office in March 2015 and resigned the following year.", "following year", "2016"),
        ("The plant opened on June 3, 2010. The following month, workers struck.", "following month", "2010-07"),
        ("The levee broke on Aug. 29, 2005. The previous day, residents were told to leave.", "previous day", "2005-08-28"),
        ("The treaty was signed in 1998. That year, exports doubled.", "That year", "1998"),
        ("Fighting resumed on Feb. 2, 2021, and the same day the envoy left.", "same day", "2021-02-02"),
        ("The vote was held on Oct. 4, 2020; two days later the result was annulled.", "two days later", "2020-10-06"),
    ],
)
def test_references_to_the_last_date_the_text_gave(text, span, value):
    assert values(text)[span][1:] == (value, "anaphoric")


def test_a_reference_with_nothing_to_point_to_is_unresolved_and_unsure():
    document = Document("The same day, the convoy turned back.", published=DATELINE)
    document.segment()
    [fact] = extract(document, {})
    assert (fact.text, fact.value["value"], fact.confidence) == ("same day", None, 0.3)


def test_a_year_earlier_with_nothing_before_it_is_a_year_before_the_dateline():
    assert values("Exports were 4% higher than a year earlier.")["a year earlier"] == ("date", "2021", "relative")


def test_the_quarter_a_date_closes():
    found = values("For the quarter ended Sept. 30, the insurer earned $2 billion.")
    assert found["quarter"][1:] == ("2022-Q3", "anaphoric")


def test_the_latest_quarter_is_the_one_just_over_when_the_text_names_none():
    assert values("Margins widened in the latest quarter, the bank said.")["latest quarter"] == ("date", "2022-Q3", "relative")


def test_results_for_the_quarter_just_over_are_that_quarter_though_reported_ahead():
    """In October, "will report third-quarter results" is the quarter that ended in September."""
    assert values("The carmaker will report third-quarter results next week.")["third-quarter"][1] == "2022-Q3"


def test_than_makes_earlier_a_comparison_not_a_date():
    assert "12 days earlier" not in values("Spring now arrives 12 days earlier than it did in 1960.")


def test_a_week_after_an_event_names_no_date():
    assert "a week after" not in values("The council delayed the vote until Nov. 12, a week after voters go to the polls.")


@pytest.mark.parametrize(
    "sentence, span, value, zone",
    [
        ("The council meets at 7 p.m. Wednesday in the old town hall.", "7 p.m. Wednesday", "2022-11-02T19:00", None),
        ("The minister spoke to reporters Monday at 3pm.", "Monday at 3pm", "2022-10-24T15:00", None),
        ("Polls closed at 6 a.m. PST Friday.", "6 a.m. PST Friday", "2022-10-21T06:00", "PST"),
        ("The launch is set for Nov. 9 at 10:30 a.m.", "Nov. 9 at 10:30 a.m.", "2022-11-09T10:30", None),
        ("Voting ends at noon on Sunday, officials said.", "noon on Sunday", "2022-10-30T12:00", None),
    ],
)
def test_a_date_and_its_time_are_one_fact(sentence, span, value, zone):
    card = factcards.make_card(sentence, summarizer="lead", published=DATELINE, extractors=["dates"])
    assert not card.diagnostics
    [fact] = card.facts
    assert (fact.type, fact.text, fact.value["value"], fact.value["zone"]) == ("time", span, value, zone)
    assert fact.value["date"] + "T" + fact.value["time"] == value


def test_a_time_alone_keeps_its_local_time_value():
    [fact] = extract(_segmented("The fire broke out at 3:40 a.m., police said."), {})
    assert (fact.type, fact.value["value"], "date" in fact.value) == ("time", "03:40", False)


def test_a_date_and_time_without_a_dateline_are_unresolved():
    [fact] = extract(_segmented("The council meets at 7 p.m. Wednesday.", published=None), {})
    assert (fact.value["value"], fact.value["pattern"]) == (None, "XXXX-WXX-3T19:00")


def _segmented(text, published=DATELINE):
    document = Document(text, published=published)
    document.segment()
    return document


HOSTILE = {
    "references": "a year earlier the same day that year the quarter " * 2_000,
    "dates and times": "Monday at 3pm 7 p.m. Wednesday " * 2_000,
    "years in lists and periods in apposition": "in 1994, 1995 and 1997, the year-ago quarter, the second quarter ended Oct. 31, " * 1_000,
}


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_runs_in_linear_time(hostile, time_growth):
    assert time_growth(extract, hostile) < 9


def test_a_quarter_in_apposition_is_the_period_beside_it():
    text = ("Ledgerline expects a profit for the third quarter. In the comparable year-ago quarter, the second "
            "quarter ended Oct. 31, it lost $12 million. Results for that quarter included a write-down.")
    found = values(text)
    assert found["year-ago quarter"] == ("date", "2021-Q2", "anaphoric")
    assert found["second quarter"] == ("date", "2021-Q2", "anaphoric")
    assert found["that quarter"] == ("date", "2021-Q2", "anaphoric")


def test_a_quarter_with_its_own_year_beside_a_reference_keeps_it():
    found = values("Profit rose in the third quarter. In the year-earlier quarter, the third quarter of 2021, it fell.")
    assert found["year-earlier quarter"] == ("date", "2021-Q3", "anaphoric")
    assert found["third quarter of 2021"] == ("date", "2021-Q3", "absolute")


def test_a_quarter_after_a_reference_and_a_comma_that_is_no_apposition_keeps_its_year():
    found = values("Sales fell in the third quarter. Unlike the year-ago quarter, the fourth quarter brought a profit.")
    assert found["year-ago quarter"] == ("date", "2021-Q3", "anaphoric")
    assert found["fourth quarter"][1:] == ("2022-Q4", "year_inferred")


def test_an_apposition_without_a_dateline_stays_unresolved_and_the_card_keeps_its_dates():
    found = values("Profit rose in the third quarter of 2021. In the year-earlier quarter, the second quarter, it fell.",
                   published=None)
    assert found["third quarter of 2021"][1] == "2021-Q3"
    assert found["second quarter"][1] is None


@pytest.mark.parametrize(
    ("text", "span", "value", "resolution"),
    [
        ("The ferry sank a fortnight ago.", "a fortnight ago", "2022-W41", "relative"),
        ("Two fortnights ago the mill shut.", "Two fortnights ago", "2022-W39", "relative"),
        ("The count is due a fortnight from now.", "a fortnight from now", "2022-W45", "relative"),
        ("The bridge shut on Oct. 3. A fortnight later, it reopened.", "A fortnight later", "2022-10-17", "anaphoric"),
    ],
)
def test_a_fortnight_before_or_after_is_two_weeks(text, span, value, resolution):
    found = values(text)
    assert found[span] == ("date", value, resolution)
    assert not any(kind == "duration" for kind, _, _ in found.values())
