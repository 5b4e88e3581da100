"""What holds for every card: grounded facts, schema validity, determinism, loud failure."""

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import factcards
from factcards import hookimpl

PIECES = list("abc XYZ019$%£€.,:;-'\"“”\n") + [
    "Monday", " on Tuesday", "February 16", "$490 million", "12%", " said ", "President ",
    "Vladimir Putin", "\n\n", "00:39", "2021", "two", "“Fine,”",
]
NEWSY = st.lists(st.sampled_from(PIECES), min_size=1, max_size=80).map("".join).filter(lambda t: t.strip())


@pytest.fixture(scope="module")
def plugin_manager():
    return factcards.make_plugin_manager(entry_points=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(text=NEWSY)
def test_every_card_is_grounded_valid_and_deterministic(plugin_manager, text):
    card = factcards.make_card(text, summarizer="lead", plugin_manager=plugin_manager, published="2022-02-15")
    for fact in card.facts:
        assert text[fact.start : fact.end] == fact.text
    for sentence in card.summary.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    again = factcards.make_card(text, summarizer="lead", plugin_manager=plugin_manager, published="2022-02-15")
    assert [f.to_dict() for f in again.facts] == [f.to_dict() for f in card.facts]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300).filter(lambda t: t.strip()))
def test_arbitrary_unicode_never_raises(plugin_manager, text):
    card = factcards.make_card(text, summarizer="lead", plugin_manager=plugin_manager)
    assert all(text[f.start : f.end] == f.text for f in card.facts)
    assert not [d for d in card.diagnostics if d.level == "error"]


def test_a_plugin_that_corrupts_the_card_fails_loudly():
    class Corrupting:
        @hookimpl
        def process_card(self, card, document):
            card.document["published"] = "last Tuesday"

    pm = factcards.make_plugin_manager(entry_points=False)
    pm.register_plugin(Corrupting(), "corrupting")
    with pytest.raises(factcards.CardInvalid, match="document/published"):
        factcards.make_card("The council met on Monday.", summarizer="lead", plugin_manager=pm)


def test_reference_card_is_valid_and_its_summary_is_clean(lead_card):
    from factcards.schema import schema_errors

    registry = factcards.collect_registry(factcards.make_plugin_manager(entry_points=False), [])
    assert schema_errors(lead_card.to_dict(), registry.schema()) == []
    text = lead_card.document["text"]
    summary = lead_card.summary
    assert len(summary.sentences) == 3
    assert len({s.text for s in summary.sentences}) == 3
    for sentence in summary.sentences:
        for region in lead_card.document["regions"]:
            assert not (region["start"] < sentence.end and sentence.start < region["end"]), text[region["start"] : region["end"]]
