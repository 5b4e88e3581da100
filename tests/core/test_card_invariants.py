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
    """Any text gives a card; only text that reads as an HTML page may be refused, with a one-line reason."""
    try:
        card = factcards.make_card(text, summarizer="lead", plugin_manager=plugin_manager)
    except factcards.InputError as refused:
        assert factcards.reader.detect_format(text) == "html", f"plain text refused: {refused}"
        assert str(refused).strip() and "\n" not in str(refused)
        return
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


def mutations(card: dict):
    """Ways a plugin could break a card, each applied to a fresh copy."""
    import copy

    def mutate(change):
        broken = copy.deepcopy(card)
        change(broken)
        return broken

    yield mutate(lambda c: c.pop("generator"))
    yield mutate(lambda c: c["document"].__setitem__("published", "Tuesday"))
    yield mutate(lambda c: c["facts"][0].__setitem__("confidence", 1.5))
    yield mutate(lambda c: c["facts"][0].__setitem__("type", "no_such_type"))
    yield mutate(lambda c: c["facts"][0].__setitem__("value", "not an object"))
    yield mutate(lambda c: c["summary"]["sentences"][0].__setitem__("start", None))
    yield mutate(lambda c: c["diagnostics"].append({"level": "panic", "stage": "x", "plugin": None, "message": "m"}))
    yield mutate(lambda c: c.__setitem__("extra", 1))


def test_fast_and_reference_validators_agree(lead_card):
    from jsonschema import Draft202012Validator

    from factcards.schema import fast_validator, inline_local_refs

    registry = factcards.collect_registry(factcards.make_plugin_manager(entry_points=False), [])
    schema = registry.schema()
    fast = fast_validator(schema)
    if fast is None:
        pytest.skip("jsonschema-rs is not installed")
    reference = Draft202012Validator(schema).is_valid
    inlined = Draft202012Validator(inline_local_refs(schema)).is_valid
    card = lead_card.to_dict()
    assert fast(card) and reference(card) and inlined(card)
    for broken in mutations(card):
        assert not fast(broken) and not reference(broken) and not inlined(broken)
