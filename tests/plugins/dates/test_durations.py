"""Durations: "for three weeks", "48 hours", "two and a half years" -> ISO 8601, qualifiers kept, never an age."""

import pytest

import factcards
from factcards import Document
from factcards_plugins.dates.durations import iso_duration
from factcards_plugins.dates.plugin import extract

DATELINE = "2022-02-15T12:57"


def durations_in(text):
    document = Document(text, published=DATELINE)
    document.segment()
    return [fact for fact in extract(document, {}) if fact.type == "duration"]


@pytest.mark.parametrize(
    "sentence, span, iso",
    [
        ("The strike lasted for three weeks before the union gave in.", "three weeks", "P3W"),
        ("Rescuers searched the rubble for 48 hours.", "48 hours", "PT48H"),
        ("The reform took a decade to pass.", "a decade", "P10Y"),
        ("She spent two and a half years in detention.", "two and a half years", "P2Y6M"),
        ("He served 2 1/2 years of a five-year term.", "2 1/2 years", "P2Y6M"),
        ("Over the past 24 hours, 300 people crossed the border.", "past 24 hours", "PT24H"),
        ("The club signed the striker to a two-year contract.", "two-year", "P2Y"),
        ("The meeting ran for an hour and a half, aides said.", "an hour and a half", "PT1H30M"),
        ("The vote took half an hour.", "half an hour", "PT30M"),
        ("Sales fell in the first nine months of the year.", "first nine months", "P9M"),
        ("The ceasefire should hold for the next two weeks.", "next two weeks", "P2W"),
        ("Profit grew in each of the past two quarters.", "past two quarters", "P6M"),
        ("The tunnel has been closed for 18 months.", "18 months", "P18M"),
        ("The government has up to 180 days to respond.", "up to 180 days", "P180D"),
        ("The flight took twenty-five minutes longer.", "twenty-five minutes", "PT25M"),
        ("Talks could take two to three weeks.", "two to three weeks", "P2W"),
        ("The drought has lasted several years.", "several years", "PXY"),
        ("Break-ins have doubled over the past decade.", "past decade", "P10Y"),
        ("The Past year was the wettest on record.", "Past year", "P1Y"),
        ("The hostage was freed within a week of his capture.", "a week", "P1W"),
        ("A few days later, the mill announced job cuts.", "A few days", "PXD"),
        ("The unit had revenue of $76 million for the year ended March 31.", "year", "P1Y"),
        ("The feud is part of a decades-long rivalry.", "decades-long", "PXY"),
    ],
)
def test_durations_in_news_sentences(sentence, span, iso):
    facts = durations_in(sentence)
    assert [(fact.text, fact.value["value"]) for fact in facts if fact.text == span] == [(span, iso)], [f.text for f in facts]


@pytest.mark.parametrize(
    "sentence, modifier, qualifier",
    [
        ("The dispute has dragged on for nearly forty years.", "approximate", "nearly"),
        ("Voters queued for more than four hours.", "more_than", "more than"),
        ("The suspect was held for at least 30 days.", "at_least", "at least"),
        ("Repairs will take less than a week.", "less_than", "less than"),
        ("The family waited for about a month.", "approximate", "about"),
    ],
)
def test_qualifiers_stay_in_the_span_and_the_value(sentence, modifier, qualifier):
    [fact] = durations_in(sentence)
    assert fact.text.startswith(qualifier)
    assert (fact.value["modifier"], fact.value["qualifier"]) == (modifier, qualifier)


def test_a_range_of_durations_keeps_its_upper_bound():
    [fact] = durations_in("Repairs could take two to three weeks, engineers said.")
    assert (fact.value["value"], fact.value["max"]) == ("P2W", "P3W")


def test_an_unknown_count_is_approximate_and_has_no_count():
    [fact] = durations_in("The talks could take a few days.")
    assert fact.value == {"value": "PXD", "unit": "day", "count": None, "modifier": "approximate"}


@pytest.mark.parametrize(
    "sentence",
    [
        "A 24-year-old man was arrested at the scene.",
        "The victim, 31 years old, was taken to hospital.",
        "The 40-year-olds in the survey earned the most.",
        "Nurses work 12-hour shifts twice a week.",
        "He earned $85,000 a year as a teacher.",
        "The team won for a second time in a row.",
        "Organisers said it would be a day of unity.",
        "One day, he said, the border would reopen.",
        "Three quarters of the members voted for the plan.",
        "The ban will begin on Friday and last 30 days.",
    ],
)
def test_ages_rates_and_other_words_are_no_durations(sentence):
    found = [(fact.text, fact.value["value"]) for fact in durations_in(sentence)]
    assert all(text not in ("24-year", "31 years", "40-year", "a week", "a year", "a second", "a day", "One day", "Three quarters")
               for text, _ in found), found
    if "last 30 days" in sentence:
        assert found == [("30 days", "P30D")]


def test_a_duration_swallows_its_number_in_the_card():
    card = factcards.make_card("Rescuers searched the rubble for 48 hours.", summarizer="lead", published=DATELINE)
    assert not card.diagnostics
    assert [(fact.type, fact.text) for fact in card.facts] == [("duration", "48 hours")]


@pytest.mark.parametrize(
    "count, unit, iso",
    [(3, "week", "P3W"), (48, "hour", "PT48H"), (2.5, "year", "P2Y6M"), (1.5, "hour", "PT1H30M"), (0.5, "hour", "PT30M"),
     (1.5, "minute", "PT1M30S"), (1.5, "day", "P1DT12H"), (1, "decade", "P10Y"), (3, "quarter", "P9M"), (1, "fortnight", "P2W"),
     (1.5, "month", "P1.5M"), (None, "year", "PXY"), (None, "hour", "PTXH")],
)
def test_iso_durations(count, unit, iso):
    from fractions import Fraction

    assert iso_duration(None if count is None else Fraction(count), unit) == iso


HOSTILE = {
    "counts and units": "two weeks three days 48 hours " * 3_000,
    "qualifiers without units": "more than nearly about at least up to " * 20_000,  # sized to take tens of milliseconds
    "hyphenated counts": "two-year-old 10-year 24-hour " * 3_000,
    "spans ahead in one sentence": "said in 2015 it will repay in five years or so, its best in a day or two " * 1_500,
    "past and ended years": "the past the past decade the year ended March 31 decades-long " * 1_500,
}


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_runs_in_linear_time(hostile, time_growth):
    assert time_growth(extract, hostile) < 9


@pytest.mark.parametrize(
    "sentence",
    ["The airline runs four flights a week to Bombay.", "The refinancing saves $2 million a year in interest.",
     "Guards are posted outside the clinic 24 hours a day."],
)
def test_a_rate_is_no_duration(sentence):
    assert durations_in(sentence) == []


def test_a_duration_before_ago_is_the_date_it_names():
    document = Document("The genocide began nearly four years ago.", published=DATELINE)
    document.segment()
    assert [(fact.type, fact.text, fact.value["value"]) for fact in extract(document, {})] == [("date", "four years ago", "2018")]


@pytest.mark.parametrize("text", ["The quarter ended Sept. 30 and the year ended badly.", "The year ended Britain's hopes."])
def test_a_year_that_ended_without_a_date_is_no_duration(text):
    assert not durations_in(text)
