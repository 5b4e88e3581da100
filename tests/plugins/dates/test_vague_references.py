"""The opt-in ``vague_references`` setting: "now", "recently", "the future" as TIMEX3's
PRESENT_REF, PAST_REF, FUTURE_REF; left out by default."""

import pytest

import factcards
from factcards import Document
from factcards_plugins.dates.plugin import extract

TEXT = ("Fares are now higher than ever. The carrier recently cut routes, as it has in recent years. "
        "It hopes to grow in the near future and will add flights soon.")


def vague(text, on=True):
    document = Document(text, published="1999-05-04")
    document.segment()
    return [(f.text, f.value["value"]) for f in extract(document, {"vague_references": on}) if f.value.get("granularity") == "vague"]


def test_vague_references_are_left_out_by_default():
    assert vague(TEXT, on=False) == []


def test_the_setting_keeps_them_with_their_direction():
    assert vague(TEXT) == [("now", "PRESENT_REF"), ("recently", "PAST_REF"), ("recent years", "PAST_REF"),
                           ("near future", "FUTURE_REF"), ("soon", "FUTURE_REF")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Currently the bridge is shut.", [("Currently", "PRESENT_REF")]),
        ("In the past, the town flooded often.", [("past", "PAST_REF")]),
        ("Rents will rise in the coming months.", [("coming months", "FUTURE_REF")]),
        ("The future of the club is unclear.", []),  # its prospects, no time
        ("Call us as soon as you land.", []),
        ("Now that the vote is over, talks resume.", []),
        ("The offer ends two days from now.", []),  # a date, not a vague reference
        ("Rain fell over the past 24 hours.", []),  # a duration
        ("I know the snow will melt.", []),
    ],
)
def test_what_is_a_vague_reference(text, expected):
    assert vague(text) == expected


def test_the_setting_is_declared_so_config_validation_accepts_it():
    card = factcards.make_card({"text": "Prices are now higher.", "published": "1999-05-04"}, extractors=["dates"],
                               summarizer="lead", config={"dates": {"vague_references": True}}, strict_plugins=True)
    assert not [d for d in card.diagnostics if d.source == "config"]
    [fact] = card.facts
    assert (fact.type, fact.value["value"], fact.value["granularity"], fact.value["anchor"]) == ("date", "PRESENT_REF", "vague", "1999-05-04")


def test_hostile_input_runs_in_linear_time(time_growth):
    hostile = "now recently the past the near future soon as soon as known " * 2_000
    assert time_growth(lambda document, config: extract(document, {"vague_references": True}), hostile) < 9
