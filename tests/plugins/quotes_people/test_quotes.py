"""The ``quotes`` extractor: spans, speakers, partial quotes, and safety on hostile text."""

from __future__ import annotations

import pytest
from factcards_plugins.quotes_people import quote_scan as _quote_scan, quotes
from hypothesis import given, settings
from hypothesis import strategies as st

import factcards


def card_quotes(text):
    card = factcards.make_card(text, summarizer="lead", extractors=["quotes", "people"])
    return card.facts_of("quote")


def raw_quotes(text):
    document = factcards.Document(text)
    document.segment()
    return quotes.extract(document, {})


def by_text(facts):
    return {f.text: f for f in facts}


# -- the reference article ------------------------------------------------------


@pytest.fixture(scope="module")
def sample_quotes(lead_card):
    return lead_card.facts_of("quote")


def find(facts, beginning):
    matches = [f for f in facts if f.text.startswith(beginning)]
    assert len(matches) == 1, (beginning, [f.text for f in facts])
    return matches[0]


@pytest.mark.parametrize(
    "beginning, speaker, kind, partial",
    [
        ("First of all, President Putin has always been demanding negotiations and diplomacy", "Dmitry Peskov", "person", False),
        ("And actually, he initiated", "Dmitry Peskov", "person", False),
        ("There is always a chance", "Sergey Lavrov", "person", True),
        ("I would suggest continuing", "Sergey Lavrov", "person", False),
        ("Fine", "Vladimir Putin", "person", False),
        ("ending", "Sergei Shoigu", "person", True),
        ("in the near future", "Sergei Shoigu", "person", True),
        ("We want peace, and we want to settle all the issues only through negotiations", "Volodymyr Zelensky", "pronoun", False),
        ("They tell us February 16 will be the day of the attack.", "Volodymyr Zelensky", "person", False),
        ("crucial window for diplomacy", None, "institution", True),
        ("They agreed there remained a crucial window", "Downing Street spokesman", "institution", False),
        ("the first priority", "Downing Street spokesman", "institution", True),
        ("There is no alternative to diplomacy.", "Antonio Guterres", "person", False),
    ],
)
def test_reference_article_quotes_have_the_right_speakers(sample_quotes, beginning, speaker, kind, partial):
    fact = find(sample_quotes, beginning)
    assert fact.value["speaker_kind"] == kind
    if speaker is not None:
        assert fact.value["speaker"] == speaker
    assert fact.value["partial"] is partial


def test_reference_article_quote_spans_exclude_marks_and_trailing_comma(sample_quotes, sample_text):
    peskov = find(sample_quotes, "First of all")
    assert peskov.text.endswith("diplomacy")
    assert sample_text[peskov.start - 1] == '"'
    guterres = find(sample_quotes, "There is no alternative")
    assert guterres.text.endswith("this principle will prevail")


def test_reference_article_pronoun_resolution_has_lower_confidence(sample_quotes):
    pronoun = find(sample_quotes, "We want peace")
    named = find(sample_quotes, "They tell us")
    assert pronoun.confidence < named.confidence
    span = pronoun.value["speaker_span"]
    assert span is not None


def test_reference_article_headings_and_captions_are_not_quotes(sample_quotes):
    texts = [f.text for f in sample_quotes]
    assert "Unity Day" not in texts
    assert "Crucial window for diplomacy" not in texts
    assert len(texts) == 13


def test_reference_article_speaker_spans_point_at_the_attribution(lead_card):
    text = lead_card.document["text"]
    for fact in lead_card.facts_of("quote"):
        span = fact.value["speaker_span"]
        if span and fact.value["speaker_kind"] == "person":
            assert text[span["start"] : span["end"]] in fact.value["speaker"]


# -- patterns --------------------------------------------------------------------

PEOPLE_LEAD = "Finance Minister Maria Lopez and opposition leader Tom Baker met on Friday. "


@pytest.mark.parametrize(
    "text, quote, speaker, kind, verb",
    [
        (PEOPLE_LEAD + '"We will cut taxes," Lopez said.', "We will cut taxes", "Maria Lopez", "person", "said"),
        (PEOPLE_LEAD + '"We will cut taxes," said Lopez.', "We will cut taxes", "Maria Lopez", "person", "said"),
        (PEOPLE_LEAD + 'Lopez said: "We will cut taxes."', "We will cut taxes.", "Maria Lopez", "person", "said"),
        (PEOPLE_LEAD + "“We will cut taxes,” Baker told reporters.", "We will cut taxes", "Tom Baker", "person", "told"),
        (PEOPLE_LEAD + "Baker warned: “This budget is a gamble.”", "This budget is a gamble.", "Tom Baker", "person", "warned"),
        (PEOPLE_LEAD + '"Nobody wins," Baker later added in an interview.', "Nobody wins", "Tom Baker", "person", "added"),
        ("Acme Corp said on Tuesday its profits fell. \"Demand was weak,\" the company said in a statement.", "Demand was weak", "company", "institution", "said"),
        ('"We are monitoring the situation," a State Department spokeswoman said.', "We are monitoring the situation", "State Department spokeswoman", "institution", "said"),
        ('"No comment," the White House said.', "No comment", "White House", "institution", "said"),
        ("‘It was chaos,’ said a police officer at the scene.", "It was chaos", "police officer", "institution", "said"),
        ('"It was chaos," said one of the passengers.', "It was chaos", "one of the passengers", "description", "said"),
    ],
)
def test_attribution_patterns(text, quote, speaker, kind, verb):
    fact = by_text(card_quotes(text))[quote]
    assert fact.value["speaker"] == speaker
    assert fact.value["speaker_kind"] == kind
    assert fact.value["verb"] == verb


def test_attribution_around_the_quote():
    text = PEOPLE_LEAD + '"The first half," Lopez said, "was the easy part."'
    found = by_text(card_quotes(text))
    assert found["The first half"].value["speaker"] == "Maria Lopez"
    assert found["was the easy part."].value["speaker"] == "Maria Lopez"
    assert found["was the easy part."].value["partial"] is True


def test_surname_resolves_to_the_nearest_full_name():
    text = "Analyst Sarah Chen spoke first. Later, economist David Chen disagreed. \"Rates will rise,\" Chen said."
    fact = by_text(card_quotes(text))["Rates will rise"]
    assert fact.value["speaker"] == "David Chen"


def test_pronoun_resolution_skips_people_named_inside_quotes():
    text = "Governor Ann Price spoke at the plant. \"Mayor Brown has done nothing,\" she said."
    fact = card_quotes(text)[0]
    assert fact.value["speaker"] == "Ann Price"
    assert fact.value["speaker_kind"] == "pronoun"


def test_pronoun_gender_follows_honorifics():
    text = "Mrs. Jane Doe met Mr. John Roe. \"It went well,\" she said."
    assert card_quotes(text)[0].value["speaker"] == "Jane Doe"


def test_multi_paragraph_quote_is_one_fact():
    text = (
        "Senator Paul Reed spoke for an hour.\n\n"
        "\"We have waited long enough. The bill is ready.\n\n"
        "\"Every day we wait costs families money,\" Reed said.\n"
    )
    facts = card_quotes(text)
    assert len(facts) == 1
    fact = facts[0]
    assert fact.text.startswith("We have waited") and fact.text.endswith("costs families money")
    assert fact.value["quote"] == "We have waited long enough. The bill is ready. Every day we wait costs families money"
    assert fact.value["speaker"] == "Paul Reed"


def test_nested_quotes_stay_inside_the_outer_quote():
    text = "Coach Mike Ross said: \"The players kept shouting 'one more', and we did.\""
    facts = card_quotes(text)
    assert [f.text for f in facts] == ["The players kept shouting 'one more', and we did."]
    assert facts[0].value["speaker"] == "Mike Ross"


def test_british_single_quotes():
    text = "Prime Minister Ellen Shaw said: ‘We will not be moved.’ Her deputy agreed."
    facts = card_quotes(text)
    assert [f.text for f in facts] == ["We will not be moved."]
    assert facts[0].value["speaker"] == "Ellen Shaw"


def test_apostrophes_are_not_quotes():
    text = "Russia's envoy said the talks' results weren't clear and the rock 'n' roll era's over."
    assert card_quotes(text) == []


def test_unbalanced_quote_is_dropped_at_paragraph_end():
    text = 'He said "this never closes\n\nA new paragraph with "a real quote" in it.'
    assert [f.text for f in card_quotes(text)] == ["a real quote"]


def test_quotes_and_line_breaks():
    """A single quote ends with its paragraph; a double quote goes on only where the next paragraph re-opens it."""
    text = "Critics called it ‘a\nfarce’ today, and ‘a shambles’ later."
    assert [text[q.open : q.close + 1] for q in _quote_scan.scan_quotes(text)] == ["‘a shambles’"]
    text = 'Ann Roe said: "One.\n\n"Two," she added. "Three\nfour."'
    assert [(text[q.open : q.close + 1], q.reopened) for q in _quote_scan.scan_quotes(text)] == [('"One.\n\n"Two,"', [21])]


@pytest.mark.parametrize(
    "text, quote",
    [
        ('The coach said the team needed "two more weeks” before the final.', "two more weeks"),
        ("The coach said the team needed “two more weeks\" before the final.", "two more weeks"),
        ("“We trained hard all summer and it showed,\" the coach said.", "We trained hard all summer and it showed"),
        ("The coach said: “We trained hard all summer and it showed.“\n\nThe season starts in May.", "We trained hard all summer and it showed."),
    ],
)
def test_a_quote_closed_with_the_other_kind_of_mark(text, quote):
    assert [f.text for f in card_quotes(text)] == [quote]


def test_a_mismatched_closing_mark_ending_its_paragraph_ends_the_quote():
    text = "Coach Ivo Marsh spoke first. “We lost our rhythm in the second half.\"\n\n“Next week will be different,” Marsh said."
    assert [f.text for f in card_quotes(text)] == ["We lost our rhythm in the second half.", "Next week will be different"]


def test_a_single_quoted_headline_over_a_double_quoted_body_is_no_quote():
    text = (
        "Harbor mayor calls ferry plan 'a costly detour'\n\n"
        "Mayor Lena Ortiz criticized the ferry plan on Monday, calling it \"a costly detour\" for commuters.\n"
    )
    assert [f.text for f in card_quotes(text)] == ["a costly detour"]
    assert card_quotes(text)[0].start > text.index("\n")
    with_dek = "Ferry plan faces a vote;\nCritics call it 'a costly detour' for commuters.\n" + text.split("\n\n", 1)[1]
    assert [f.text for f in card_quotes(with_dek)] == ["a costly detour"]


def test_single_quotes_in_a_first_line_stay_quotes_when_the_article_uses_single_quotes():
    text = "Mayor Lena Ortiz said: 'We will not give up.'\n\nShe spoke after the council vote on Monday.\n"
    assert [f.text for f in card_quotes(text)] == ["We will not give up."]


def test_a_nickname_inside_a_name_is_no_quote():
    assert card_quotes('State Rep. Harold J. "Hal" Brennan opened the fair on Sunday.') == []


def test_capitalized_quotes_outside_a_name_stay_quotes():
    text = 'Voters called him "Mister Fixit" on Monday, and the team chose "Blue Harbor" as its name.'
    assert [f.text for f in card_quotes(text)] == ["Mister Fixit", "Blue Harbor"]


def test_a_programme_title_after_its_broadcaster_is_no_quote():
    text = 'Governor Ann Price told WXTV\'s "Morning Harbor" that the budget was "a fair deal," and repeated it on Coast News’s “The Sunday Brief.”'
    assert [f.text for f in card_quotes(text)] == ["a fair deal"]


def test_partial_quote_in_reported_speech():
    text = 'Officials described the plan as "a reckless gamble" on Friday.'
    fact = card_quotes(text)[0]
    assert fact.value["partial"] is True
    assert fact.text == "a reckless gamble"


# -- safety ----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list('ab Cd"“”‘’\'.,:\n') + ["said", " Mr. ", "he said", "Jo Li", "President "]), max_size=80).map("".join))
def test_grounded_and_deterministic_on_quote_heavy_text(text):
    first = raw_quotes(text)
    for fact in first:
        assert text[fact.start : fact.end] == fact.text
        span = fact.value["speaker_span"]
        if span:
            assert 0 <= span["start"] < span["end"] <= len(text)
    assert [f.to_dict() for f in raw_quotes(text)] == [f.to_dict() for f in first]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_no_exception_on_arbitrary_unicode(text):
    for fact in raw_quotes(text):
        assert text[fact.start : fact.end] == fact.text


HOSTILE = {
    "no closing mark": 'He said "' + "word " * 50_000,
    "opening marks only": "“" * 100_000,
    "a quote re-opened on every line": '"' + "a\n" * 50_000,
    "single marks everywhere": "'x " * 50_000,
    "attributions everywhere": '"a," said ' * 20_000,
    "quotes with no attribution, one line": 'The cat sat on the "mat" and the dog. ' * 6_000,
    "quotes opening sentences after attributions": 'It rained, Lee said. "Two." ' * 8_000,
    "speaker labels and dashes": '"ABC: yes" ― Ann Lee\n' * 10_000,
    "a sentence-initial word repeated": 'Polls said "yes." ' * 12_000,
    "quotes closed with the other kind of mark": '"a” b “c" d “e“ ' * 8_000,
    "headline lines over a double-quoted body": "'a' b\n'c' d\n" + '"e" ' * 20_000,
}


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_runs_in_linear_time(hostile, time_growth):
    """Four times the hostile text takes about four times as long (quadratic work would take ~16)."""
    assert time_growth(quotes.extract, hostile) < 9


# -- resolution beyond the attribution's own words ------------------------------


def test_a_quote_continued_in_the_same_paragraph_keeps_its_speaker():
    text = 'Mayor Tom Reyes spoke first. "We listened," said Reyes. "We will publish a new plan."'
    found = by_text(card_quotes(text))
    assert found["We will publish a new plan."].value["speaker"] == "Tom Reyes"


def test_a_new_paragraph_does_not_inherit_the_speaker():
    text = 'Mayor Tom Reyes spoke first. "We listened," said Reyes.\n\n"Nobody asked us," one resident complained.'
    found = by_text(card_quotes(text))
    assert found["Nobody asked us"].value["speaker"] != "Tom Reyes"


def test_subject_before_an_apposition():
    text = 'Professor Amara Nwosu, a kidney specialist at a London hospital, said the results were "encouraging".'
    fact = card_quotes(text)[0]
    assert fact.value["speaker"] == "Amara Nwosu"
    assert fact.value["partial"] is True


def test_a_descriptor_resolves_to_the_person_with_that_role():
    text = 'Kenyan President William Odhiambo met rivals on Monday. "The country needs calm," the president told journalists.'
    fact = card_quotes(text)[0]
    assert fact.value["speaker"] == "William Odhiambo"
    assert fact.confidence < 0.9


def test_an_unnamed_source_is_followed_by_the_definite_description():
    text = 'A senior Western diplomat said the sides were "far apart".\n\n"We have seen this film before," the diplomat said.'
    found = by_text(card_quotes(text))
    assert found["We have seen this film before"].value["speaker"] == "senior Western diplomat"
    assert found["We have seen this film before"].value["speaker_kind"] == "description"


def test_colon_attribution_without_a_speech_verb():
    text = 'Opposition leader Grace Odhiambo disagreed: "This is not justice."'
    assert card_quotes(text)[0].value["speaker"] == "Grace Odhiambo"


@pytest.mark.parametrize(
    "text, quote",
    [
        ("Minister Jan Kowalski said: „We will not give up.“", "We will not give up."),
        ("Minister Jan Kowalski said: «We will not give up.»", "We will not give up."),
        ('Minister Jan Kowalski said: "We will not give up."', "We will not give up."),
    ],
)
def test_other_quotation_marks(text, quote):
    facts = card_quotes(text)
    assert [f.text for f in facts] == [quote]
    assert facts[0].value["speaker"] == "Jan Kowalski"


def test_inch_marks_do_not_open_quotes():
    text = 'The band pressed a 12" single and a 7" one, the label said.'
    assert card_quotes(text) == []
