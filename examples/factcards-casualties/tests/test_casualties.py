"""Tests for factcards-casualties, using factcards' testkit (skipped where the plugin is not installed)."""

import pytest

import factcards
from factcards.testing import assert_grounded, assert_valid_card, check_extractor, make_test_card, registered

plugin = pytest.importorskip("factcards_casualties")

ARTICLE = """\
Floods kill at least 12 in river valley
Updated 09:30, 03-Mar-2023

At least 12 people were killed and 40 injured when floods swept through the valley on Tuesday, officials said.
The death toll rose to 15 on Wednesday, with five people still missing.
The storm also damaged 3,500 homes over 12 days.
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("At least 12 people were killed.", ("At least 12 people were killed", 12, "killed", "at least")),
        ("More than 1,200 civilians have been wounded.", ("More than 1,200 civilians have been wounded", 1200, "injured", "more than")),
        ("Two soldiers died in the attack.", ("Two soldiers died", 2, "killed", None)),
        ("The blast injured nearly 30 workers.", ("injured nearly 30", 30, "injured", "nearly")),
        ("The attack, killing 7, was condemned.", ("killing 7", 7, "killed", None)),
        ("The death toll has risen to 56.", ("death toll has risen to 56", 56, "killed", None)),
        ("Five people are missing.", ("Five people are missing", 5, "missing", None)),
    ],
)
def test_casualty_sentences(text, expected):
    document = factcards.testing.make_document(text)
    [fact] = plugin.extract(document, {"min_count": 1})
    assert (fact.text, fact.value["count"], fact.value["kind"], fact.value["qualifier"]) == expected


@pytest.mark.parametrize(
    "text",
    ["He died 12 years later.", "Dozens were killed.", "The team scored 3 goals.", "No one was hurt.", "3,500 homes were damaged."],
)
def test_not_casualty_counts(text):
    assert list(plugin.extract(factcards.testing.make_document(text), {"min_count": 1})) == []


def test_card_of_an_article():
    with registered(plugin) as pm:
        card = make_test_card(ARTICLE, pm)
        assert_valid_card(card, pm)
    assert_grounded(card)
    facts = card.facts_of(plugin.FACT_TYPE)
    assert [(f.value["count"], f.value["kind"], f.extractor) for f in facts] == [
        (12, "killed", "casualties"),
        (40, "injured", "casualties"),
        (15, "killed", "casualties"),
        (5, "missing", "casualties"),
    ]


def test_title_counts_are_facts_too_but_the_dateline_is_not():
    with registered(plugin) as pm:
        card = make_test_card(ARTICLE, pm)
    assert all(f.start > ARTICLE.index("Updated") for f in card.facts)


def test_min_count_setting():
    with registered(plugin) as pm:
        card = make_test_card(ARTICLE, pm, config={"casualties": {"min_count": 13}})
    assert [f.value["count"] for f in card.facts_of(plugin.FACT_TYPE)] == [40, 15]


def test_keeps_the_extractor_contract():
    check_extractor(plugin, samples=[ARTICLE])


def test_is_installed_as_a_factcards_plugin():
    info = factcards.make_plugin_manager().info["factcards-casualties"]
    assert (info.status, info.error) == ("loaded", None)


def test_counts_reuse_the_numbers_extractor_and_supersede_its_facts():
    pm = factcards.testing.fresh_plugin_manager(builtins=True)
    with registered(plugin, pm) as pm:
        card = make_test_card("Twenty-three people were killed and at least 1,200 were hurt on Monday.", pm)
    counts = [(f.text, f.value["count"], f.value["qualifier"]) for f in card.facts_of(plugin.FACT_TYPE)]
    assert counts == [("Twenty-three people were killed", 23, None), ("at least 1,200 were hurt", 1200, "at least")]
    assert card.facts_of("number") == []  # the bare numbers inside the counts are superseded


def test_without_the_numbers_extractor_its_own_patterns_read_the_counts():
    with registered(plugin) as pm:
        card = make_test_card("At least 12 people were killed.", pm)
    assert [f.value["count"] for f in card.facts_of(plugin.FACT_TYPE)] == [12]
    assert any("requires number facts" in d.message for d in card.diagnostics)
