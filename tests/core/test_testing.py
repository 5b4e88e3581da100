"""The plugin authors' testkit, factcards.testing, and its pytest fixtures."""

import re
import time

import pytest

import factcards
from factcards import Extractor, Fact, FactType, Summarizer, Summary, SummarySentence, hookimpl
from factcards.testing import (
    ConformanceError,
    assert_grounded,
    assert_valid_card,
    check_extractor,
    check_summarizer,
    fresh_plugin_manager,
    make_document,
    make_test_card,
    registered,
)

pytest_plugins = ["pytester"]

COUNT = {"type": "object", "required": ["count"], "properties": {"count": {"type": "integer"}}}
KILLED = re.compile(r"\b(\d+) (?:people )?(?:were )?killed\b")


class Killed:
    """A well-behaved plugin: 'N killed' as a `killed` fact."""

    @hookimpl
    def register_fact_types(self, register):
        register(FactType("killed", COUNT))

    @hookimpl
    def register_extractors(self, register):
        register(Extractor("killed", ("killed",), self.extract))

    @staticmethod
    def extract(document, config):
        for m in KILLED.finditer(document.text):
            yield Fact("killed", m.group(), m.start(), m.end(), {"count": int(m.group(1))})


def plugin_with(extract, value_schema=COUNT):
    """A plugin registering a `killed` fact type and an extractor `bad` running ``extract``."""

    class Plugin:
        @hookimpl
        def register_fact_types(self, register):
            register(FactType("killed", value_schema))

        @hookimpl
        def register_extractors(self, register):
            register(Extractor("bad", ("killed",), extract))

    return Plugin()


def test_registered_adds_the_plugin_for_the_block_only():
    plugin = Killed()
    with registered(plugin) as pm:
        assert pm.is_registered(plugin)
        card = factcards.make_card("At least 12 people were killed on Monday.", summarizer="lead", plugin_manager=pm)
        assert [(f.text, f.extractor) for f in card.facts] == [("12 people were killed", "killed")]
    assert not pm.is_registered(plugin)
    assert "Killed" not in pm.info


def test_registered_unregisters_even_when_the_block_raises():
    plugin = Killed()
    pm = fresh_plugin_manager()
    with pytest.raises(RuntimeError), registered(plugin, pm):
        raise RuntimeError("test failed")
    assert not pm.is_registered(plugin)


def test_fresh_plugin_manager_has_no_installed_plugins():
    pm = fresh_plugin_manager()
    assert sorted(pm.info) == ["lead", "scraped_page"]


def test_make_document_with_dateline_marks_it_and_segments():
    document = make_document("Two people were killed. Rescuers arrived.", "2023-03-03T09:30", dateline=True, title="Storm")
    assert document.text.startswith("Updated 09:30, 03-Mar-2023\n\n")
    assert [r.kind for r in document.regions] == ["dateline"]
    assert document.is_excluded(0, 5)
    assert (document.published, document.title) == ("2023-03-03T09:30", "Storm")
    assert [s.text for s in document.sentences][-2:] == ["Two people were killed.", "Rescuers arrived."]


def test_assert_grounded_accepts_good_facts_and_names_bad_ones():
    text = "12 killed"
    assert_grounded([Fact("killed", "12 killed", 0, 9)], text)
    with pytest.raises(AssertionError, match=r"'13 killed' is not the text at 0..9"):
        assert_grounded([Fact("killed", "13 killed", 0, 9)], text)
    with pytest.raises(AssertionError, match="outside the text"):
        assert_grounded([{"type": "killed", "text": "x", "start": 5, "end": 50}], text)


def test_assert_valid_card_checks_schema_with_the_plugin_types():
    with registered(Killed()) as pm:
        card = factcards.make_card("Officials said 3 killed in the blast.", summarizer="lead", plugin_manager=pm)
        assert_valid_card(card, pm)
        data = card.to_dict()
        data["facts"][0]["value"] = {"count": "three"}
        with pytest.raises(AssertionError, match="does not match the schema"):
            assert_valid_card(data, pm)
        data = card.to_dict()
        data["facts"][0]["start"] += 1
        with pytest.raises(AssertionError, match="ungrounded"):
            assert_valid_card(data, pm)


def test_check_extractor_passes_a_conforming_plugin():
    check_extractor(Killed(), samples=["9 killed, 10 killed."])


def test_check_extractor_accepts_a_record_with_its_pm():
    record = Extractor("killed", ("killed",), Killed.extract)
    with registered(Killed()) as pm:
        check_extractor(record, pm=pm, big=0)


@pytest.mark.parametrize(
    "extract, problem",
    [
        (lambda doc, config: [Fact("killed", "x", 0, 1, {"count": 1})] if doc.text[:1] != "x" else [], "is not the text at"),
        (lambda doc, config: [Fact("killed", doc.text[:1], 0, 1, {"count": "1"})] if doc.text else [], "is not of type 'integer'"),
        (lambda doc, config: 1 / len(doc.text.strip()) and [], "empty: raised ZeroDivisionError"),
        (lambda doc, config: [Fact("other", doc.text[:1], 0, 1, {})] if doc.text else [], "not in the extractor's fact_types"),
        (lambda doc, config: ["12 killed"], "returned a str, not a Fact"),
    ],
    ids=["ungrounded", "invalid value", "raises on empty", "undeclared type", "not a Fact"],
)
def test_check_extractor_reports_broken_contracts(extract, problem):
    with pytest.raises(ConformanceError, match=re.escape(problem)):
        check_extractor(plugin_with(extract), big=0)


def test_check_extractor_reports_unicode_and_quote_failures():
    def ascii_only(document, config):
        document.text.encode("ascii")
        return []

    def balanced_quotes_only(document, config):
        if document.text.count('"') % 2:
            raise ValueError("unbalanced")
        return []

    with pytest.raises(ConformanceError, match="random unicode: raised UnicodeEncodeError"):
        check_extractor(plugin_with(ascii_only), big=0)
    with pytest.raises(ConformanceError, match="unbalanced quotes: raised ValueError"):
        check_extractor(plugin_with(balanced_quotes_only), big=0)


def test_check_extractor_reports_nondeterminism():
    calls = []

    def flaky(document, config):
        calls.append(1)
        if not document.text.strip() or len(calls) % 2:
            return []
        return [Fact("killed", document.text[0], 0, 1, {"count": 1})] if not document.text[0].isspace() else []

    with pytest.raises(ConformanceError, match="differs between two runs"):
        check_extractor(plugin_with(flaky), big=0)


def test_check_extractor_reports_quadratic_time():
    def quadratic(document, config):
        n = len(document.text) // 100
        for i in range(n):
            for j in range(n):
                pass
        return []

    with pytest.raises(ConformanceError, match="not linear"):
        check_extractor(plugin_with(quadratic), big=400_000)


def test_check_extractor_reports_a_plugin_whose_hook_raises():
    class Broken:
        @hookimpl
        def register_extractors(self, register):
            raise RuntimeError("no luck")

    with pytest.raises(ConformanceError, match="register_extractors: RuntimeError: no luck"):
        check_extractor(Broken())


def test_check_summarizer_passes_lead():
    from factcards_plugins.summarizers import lead

    check_summarizer(lead)


def test_check_summarizer_reports_offsets_that_do_not_match():
    class Shifted:
        @hookimpl
        def register_summarizers(self, register):
            register(Summarizer("shifted", self.summarize))

        @staticmethod
        def summarize(document, facts, config):
            return Summary([SummarySentence(document.text[:10], 1, 11)])

    with pytest.raises(ConformanceError, match="is not at its offsets"):
        check_summarizer(Shifted(), big=0)


def test_fixtures_register_a_plugin_for_one_test(factcards_register, factcards_pm, factcards_document, factcards_sample_text):
    plugin = Killed()
    pm = factcards_register(plugin)
    assert pm is factcards_pm and pm.is_registered(plugin)
    document = factcards_document(factcards_sample_text)
    assert [f.value for f in Killed.extract(document, {})] == [{"count": 12}]
    card = factcards.make_card(factcards_sample_text, summarizer="lead", plugin_manager=pm)
    assert [f.text for f in card.facts_of("killed")] == ["12 people were killed"]


def test_pytest11_entry_point_exposes_the_fixtures(pytester):
    pytester.makepyfile(
        """
        def test_uses_fixtures(factcards_pm, factcards_document):
            assert "lead" in factcards_pm.info
            assert factcards_document("One. Two.").sentences
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_make_test_card_is_strict_and_uses_lead():
    with registered(Killed()) as pm:
        card = make_test_card("Officials said 3 killed in the blast.", pm)
    assert card.summary.method == "lead" and [f.value for f in card.facts] == [{"count": 3}]

    def explode(document, config):
        raise RuntimeError("kaboom")

    with registered(plugin_with(explode)) as pm, pytest.raises(factcards.PluginError, match="kaboom"):
        make_test_card("Officials said 3 killed in the blast.", pm)
