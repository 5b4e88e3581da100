"""The fact-consistency guard: unsupported figures, dates and people in a summary are reported (and replaced if asked)."""

import re

import pytest

import factcards
from factcards import Fact, Summarizer, Summary, SummarySentence, hookimpl
from factcards_plugins.checks import consistency

FAITHFUL = [
    "Canadian leader Justin Trudeau said on Monday that Ottawa is loaning Kyiv $490 million.",
    "Zelensky called for a day of unity.",
]
INVENTED = [
    "Russia kept the door open to talks, Peskov said.",
    "Trudeau said Canada is loaning Kyiv $590 million, up 40 percent.",
    "Angela Merkel will visit Moscow on March 3.",
]


class FixedSummary:
    """A plugin whose ``fixed`` summarizer returns the abstractive summary it was given."""

    def __init__(self, sentences):
        self.sentences = sentences

    @hookimpl
    def register_summarizers(self, register):
        summary = lambda document, facts, config: Summary([SummarySentence(t) for t in self.sentences], extractive=False)  # noqa: E731
        register(Summarizer("fixed", summary, priority=-100))


def card_with_summary(sample_path, sentences, *plugins, **options):
    pm = factcards.make_plugin_manager(entry_points=False)
    pm.register(FixedSummary(sentences), name="fixed-summary")
    for plugin in plugins:
        pm.register(plugin)
    return factcards.make_card(sample_path, summarizer="fixed", plugin_manager=pm, **options)


@pytest.fixture(scope="module")
def invented_card(sample_path):
    return card_with_summary(sample_path, INVENTED)


def findings_by_text(card):
    return {check["text"]: check for check in card.summary.checks}


def test_extractive_summaries_hold_by_construction(lead_card, sample_path):
    from factcards_plugins.checks.consistency import check_summary

    pipeline = factcards.Pipeline(factcards.make_plugin_manager(entry_points=False), summarizer="lead", length="12")
    longer = pipeline.card(sample_path)
    document = pipeline.document(sample_path)
    factcards.stages.prepare(pipeline.plugin_manager, document, None, [], False)
    assert len(longer.summary.sentences) == 12
    assert check_summary(longer.summary, document, longer.facts, pipeline.registry) == []
    assert lead_card.summary.checks == []


def test_a_faithful_abstractive_summary_has_no_findings(sample_path):
    card = card_with_summary(sample_path, FAITHFUL)
    assert card.summary.checks == []


def test_an_invented_amount_is_reported_with_its_sentence_and_span(invented_card):
    found = findings_by_text(invented_card)
    money = next(check for check in found.values() if check["type"] == "money")
    assert "590" in money["text"] and money["sentence"] == 1
    assert invented_card.summary.text[money["start"] : money["end"]] == money["text"]
    assert "no money" in money["reason"]


def test_an_invented_percentage_date_and_person_are_reported(invented_card):
    types = {check["type"] for check in invented_card.summary.checks}
    assert {"money", "percentage", "date", "person"} <= types
    people = [c["text"] for c in invented_card.summary.checks if c["type"] == "person"]
    assert any("Merkel" in text for text in people)
    assert all(c["sentence"] == 2 for c in invented_card.summary.checks if c["type"] in ("person", "date"))


def test_supported_spans_are_not_reported(invented_card):
    reported = " ".join(check["text"] for check in invented_card.summary.checks)
    assert "Peskov" not in reported and "Trudeau" not in reported


def test_without_fallback_the_summary_is_kept(invented_card):
    assert invented_card.summary.method == "fixed"


def test_fallback_replaces_the_summary_with_a_diagnostic(sample_path):
    config = {"consistency": {"fallback": True, "fallback_summarizer": "lead"}}
    card = card_with_summary(sample_path, INVENTED, config=config)
    assert card.summary.method == "lead" and card.summary.extractive
    assert card.summary.checks == []
    warning = next(d for d in card.diagnostics if d.plugin == "consistency")
    assert "replaced by a lead summary" in warning.message and "590" in warning.message


def test_fallback_to_minilm_by_default(sample_path):
    pytest.importorskip("torch")
    card = card_with_summary(sample_path, INVENTED, config={"consistency": {"fallback": True}})
    assert card.summary.method == "minilm"


def test_a_faithful_summary_is_not_replaced(sample_path):
    card = card_with_summary(sample_path, FAITHFUL, config={"consistency": {"fallback": True}})
    assert card.summary.method == "fixed"


def test_sentence_of_maps_summary_offsets_to_sentences():
    summary = Summary([SummarySentence("One two."), SummarySentence("Three four.")], extractive=False)
    assert consistency.sentence_of(summary, 0) == 0
    assert consistency.sentence_of(summary, summary.text.index("Three")) == 1


def test_a_figure_that_is_only_part_of_a_document_figure_is_reported(sample_path):
    from factcards_plugins.checks.consistency import check_summary

    pipeline = factcards.Pipeline(factcards.make_plugin_manager(entry_points=False), summarizer="lead")
    card = pipeline.card(sample_path)
    document = pipeline.document(sample_path)
    factcards.stages.prepare(pipeline.plugin_manager, document, None, [], False)
    invented = Summary([SummarySentence("Officials met on February 1 and lent $49 million.")], extractive=False)
    reported = {f["text"] for f in check_summary(invented, document, card.facts, pipeline.registry)}
    assert {"February 1", "$49 million"} <= reported


class ZorpCounter:
    """A plugin, known only to one plugin manager, that reads the word "zorp" as the number 99."""

    @hookimpl
    def register_extractors(self, register):
        def extract(document, config):
            for match in re.finditer(r"\bzorp\b", document.text):
                yield Fact("number", match.group(), match.start(), match.end(), {"value": 99})

        register(factcards.Extractor("zorp", ("number",), extract))


class Paraphraser:
    """A plugin, known only to one plugin manager, whose ``safe`` summarizer returns the first sentence."""

    @hookimpl
    def register_summarizers(self, register):
        def first_sentence(document, facts, config):
            first = next(s for s in document.sentences if not s.excluded)
            return Summary([SummarySentence(first.text, first.start, first.end)], extractive=True)

        register(Summarizer("safe", first_sentence, priority=-100))


def test_the_guard_checks_with_the_extractors_the_card_was_made_with(sample_path):
    card = card_with_summary(sample_path, ["The zorp said talks would go on."], ZorpCounter())
    assert findings_by_text(card)["zorp"]["reason"] == "no number with this value in the document"


def test_the_fallback_comes_from_the_cards_own_summarizers_and_is_named_in_the_generator(sample_path):
    config = {"consistency": {"fallback": True, "fallback_summarizer": "safe"}}
    card = card_with_summary(sample_path, INVENTED, Paraphraser(), config=config)
    assert card.summary.method == "safe" and len(card.summary.sentences) == 1
    assert card.generator["summarizer"]["name"] == "safe"
