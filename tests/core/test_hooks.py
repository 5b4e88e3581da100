"""Each hook, the merge rules and plugin isolation, through the public API."""

import re

import click
import pytest
from click.testing import CliRunner

import factcards
from factcards import Extractor, Fact, FactType, Summarizer, Summary, SummarySentence, hookimpl
from factcards.stages import call_each

WORD = {"type": "object", "required": ["word"], "properties": {"word": {"type": "string"}}}


def fresh_pm(*plugins):
    """A manager with only the layout cleaner, ``lead`` and the given plugins."""
    from factcards_plugins.page import scraped_page
    from factcards_plugins.summarizers import lead

    pm = factcards.make_plugin_manager(builtins=False, entry_points=False)
    pm.register_plugin(scraped_page, "scraped_page", builtin=True)
    pm.register_plugin(lead, "lead", builtin=True)
    for i, plugin in enumerate(plugins):
        pm.register_plugin(plugin, getattr(plugin, "name", f"test_plugin_{i}"))
    return pm


class CapitalWords:
    """Extracts capitalized words as `capital` facts."""

    name = "capital_words"

    @hookimpl
    def register_fact_types(self, register):
        register(FactType("capital", WORD))

    @hookimpl
    def register_extractors(self, register):
        register(Extractor("capitals", ("capital",), self.extract))

    @staticmethod
    def extract(document, config):
        for m in re.finditer(r"\b[A-Z][a-z]+\b", document.text):
            yield Fact("capital", m.group(), m.start(), m.end(), {"word": m.group()})


class Exploding:
    name = "exploding"

    @hookimpl
    def register_extractors(self, register):
        register(Extractor("boom", ("capital",), self.extract))

    @staticmethod
    def extract(document, config):
        raise RuntimeError("kaboom")


TEXT = "Alice met Bob in Paris on Monday.\nThey talked about the weather for a long time."


def test_register_extractors_and_fact_types_produce_facts():
    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(CapitalWords()))
    words = [f.text for f in card.facts_of("capital")]
    assert words == ["Alice", "Bob", "Paris", "Monday", "They"]
    assert all(f.extractor == "capitals" for f in card.facts_of("capital"))
    assert card.facts_of("capital")[-1].sentence == 1


def test_register_fact_types_composes_the_schema():
    registry = factcards.collect_registry(fresh_pm(CapitalWords()), [])
    schema = registry.schema()
    assert "capital" in schema["$defs"]["fact"]["properties"]["type"]["enum"]
    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(CapitalWords()))
    bad = card.to_dict()
    bad["facts"][0]["value"] = {"word": 3}
    from factcards.schema import schema_errors

    assert any("facts/0/value/word" in e for e in schema_errors(bad, schema))


def test_a_fact_type_with_an_invalid_schema_is_refused():
    class BadType:
        @hookimpl
        def register_fact_types(self, register):
            register(FactType("broken", {"type": "no-such-type"}))

    diagnostics = []
    registry = factcards.collect_registry(fresh_pm(BadType()), diagnostics)
    assert "broken" not in registry.fact_types
    assert any("invalid schema" in d.message for d in diagnostics)


def test_register_summarizers_and_selection_by_name_and_priority():
    class Shouting:
        @hookimpl
        def register_summarizers(self, register):
            register(Summarizer("first_line", self.summarize, priority=100))

        @staticmethod
        def summarize(document, facts, config):
            s = document.sentences[0]
            return Summary([SummarySentence(s.text, s.start, s.end)])

    pm = fresh_pm(Shouting())
    by_priority = factcards.make_card(TEXT, plugin_manager=pm)
    assert by_priority.summary.method == "first_line"
    assert by_priority.summary.text == "Alice met Bob in Paris on Monday."
    assert factcards.make_card(TEXT, plugin_manager=pm, summarizer="lead").summary.method == "lead"
    with pytest.raises(factcards.SelectionError):
        factcards.make_card(TEXT, plugin_manager=pm, summarizer="nope")


def test_unavailable_summarizer_is_not_the_default():
    class Missing:
        @hookimpl
        def register_summarizers(self, register):
            register(Summarizer("needs_gpu", lambda d, f, c: None, priority=100, available=lambda: False))

    card = factcards.make_card(TEXT, plugin_manager=fresh_pm(Missing()))
    assert card.summary.method == "lead"


def test_failing_summarizer_falls_back_to_lead_with_a_diagnostic():
    class Broken:
        @hookimpl
        def register_summarizers(self, register):
            register(Summarizer("broken", self.summarize))

        @staticmethod
        def summarize(document, facts, config):
            return Summary([SummarySentence("Invented sentence.", 0, 18)])

    card = factcards.make_card(TEXT, plugin_manager=fresh_pm(Broken()), summarizer="broken")
    assert card.summary.method == "lead"
    assert any(d.stage == "summarizer broken" and "not at its offsets" in d.message for d in card.diagnostics)


def test_prepare_document_can_mark_regions_and_set_metadata():
    class Marker:
        @hookimpl
        def prepare_document(self, document):
            document.title = "Meeting"
            start = document.text.index("Paris")
            document.mark(start, start + 5, "chrome")

    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(CapitalWords(), Marker()))
    assert card.document["title"] == "Meeting"
    assert "Paris" not in [f.text for f in card.facts]


def test_prepare_document_cannot_move_offsets():
    class Cutter:
        @hookimpl
        def prepare_document(self, document):
            document.text = document.text.replace("Alice met ", "")

    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(CapitalWords(), Cutter()))
    assert card.document["text"] == TEXT
    assert card.facts_of("capital")[0].text == "Alice"
    assert any("changed the document text" in d.message for d in card.diagnostics)


def test_process_card_can_change_the_card_and_is_merged_again():
    class Linker:
        @hookimpl
        def process_card(self, card, document):
            card.facts = [f for f in card.facts if f.text != "They"]
            card.facts.append(Fact("capital", "Alice", 0, 5, {"word": "Alice"}, extractor="linker"))
            card.facts.append(Fact("capital", "Nobody", 0, 6, {"word": "Nobody"}, extractor="linker"))

    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(CapitalWords(), Linker()))
    assert "They" not in [f.text for f in card.facts]
    assert [f.extractor for f in card.facts if f.text == "Alice"] == ["capitals", "linker"]
    assert any("'Nobody' is not what the document has" in d.message for d in card.diagnostics)


def test_register_commands_adds_a_subcommand():
    class Hello:
        @hookimpl
        def register_commands(self, cli):
            @cli.command()
            def hello():
                click.echo("hello from a plugin")

    group = click.Group()
    call_each(fresh_pm(Hello()), "register_commands", [], cli=group)
    result = CliRunner().invoke(group, ["hello"])
    assert result.output == "hello from a plugin\n"


def test_ungrounded_and_untyped_facts_are_dropped_with_a_diagnostic():
    class Sloppy:
        @hookimpl
        def register_extractors(self, register):
            register(Extractor("sloppy", ("capital", "mystery"), self.extract))

        @staticmethod
        def extract(document, config):
            yield Fact("capital", "Bob", 0, 3, {"word": "Bob"})  # text says "Ali"
            yield Fact("mystery", "Alice", 0, 5, {})
            yield Fact("capital", "Alice", 0, 5, {"word": "Alice"})
            yield Fact("capital", "Alice", 0, 5, {"word": "Alice"})

    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(CapitalWords(), Sloppy()))
    messages = [d.message for d in card.diagnostics if d.plugin == "test_plugin_1"]
    assert any("'Bob' is not what the document has" in m for m in messages)
    assert any("unregistered fact type 'mystery'" in m for m in messages)
    sloppy_alices = [f for f in card.facts if f.extractor == "sloppy"]
    assert len(sloppy_alices) == 1  # exact duplicates collapse


def test_facts_of_types_an_extractor_did_not_declare_are_dropped():
    class Overreaching(CapitalWords):
        name = "overreaching"

        @hookimpl
        def register_extractors(self, register):
            register(Extractor("capitals", ("other",), self.extract))

    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(Overreaching()))
    assert card.facts == []
    assert any("undeclared types capital" in d.message and d.plugin == "overreaching" for d in card.diagnostics)


def test_output_does_not_depend_on_plugin_registration_order():
    def card_of(*plugins):
        d = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(*plugins)).to_dict()
        d["generator"].pop("elapsed_ms")
        return d

    class Reverse(CapitalWords):
        @hookimpl
        def register_extractors(self, register):
            register(Extractor("capitals_again", ("capital",), self.extract))

        @hookimpl
        def register_fact_types(self, register):
            pass

    a, b = CapitalWords(), Reverse()
    a.name, b.name = "plugin_a", "plugin_b"
    assert card_of(a, b) == card_of(b, a)


def test_a_raising_extractor_becomes_a_diagnostic_and_the_card_survives():
    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(CapitalWords(), Exploding()))
    assert card.facts_of("capital")
    assert [d.message for d in card.diagnostics if d.level == "error"] == ["RuntimeError: kaboom"]
    assert card.diagnostics[0].plugin == "exploding"


def test_strict_plugins_raises_plugin_error():
    with pytest.raises(factcards.PluginError, match="kaboom"):
        factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(CapitalWords(), Exploding()), strict_plugins=True)


def test_a_raising_hook_implementation_does_not_stop_the_others():
    class BadCleaner:
        @hookimpl
        def prepare_document(self, document):
            raise ValueError("cannot clean")

    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(BadCleaner(), CapitalWords()))
    assert card.facts_of("capital")
    assert any(d.stage == "prepare_document" and "cannot clean" in d.message for d in card.diagnostics)


def test_embedders_get_independent_plugin_managers():
    with_plugin = fresh_pm(CapitalWords())
    without = fresh_pm()
    assert factcards.make_card(TEXT, summarizer="lead", plugin_manager=with_plugin).facts_of("capital")
    assert not factcards.make_card(TEXT, summarizer="lead", plugin_manager=without).facts_of("capital")


def test_extractor_selection_and_disable():
    pm = fresh_pm(CapitalWords())
    assert not factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm, disable=["capitals"]).facts_of("capital")
    only = factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm, extractors=["capitals"])
    assert only.generator["extractors"] == [{"name": "capitals", "plugin": "capital_words", "version": None}]
    with pytest.raises(factcards.SelectionError, match="no extractor named 'nope'"):
        factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm, extractors=["nope"])


def test_card_records_generator_info(lead_card):
    generator = lead_card.generator
    assert generator["version"] == factcards.__version__
    assert generator["summarizer"]["name"] == "lead"
    builtin = {p["name"] for p in generator["plugins"] if p["builtin"]}
    assert len(builtin) == len(factcards.manager.DEFAULT_PLUGINS)
    assert "scraped_page" in builtin
    assert generator["elapsed_ms"] > 0


def test_facts_that_would_break_the_card_are_dropped_and_the_card_survives():
    import datetime

    class BadValues:
        name = "bad_values"

        @hookimpl
        def register_fact_types(self, register):
            register(FactType("capital", WORD))

        @hookimpl
        def register_extractors(self, register):
            register(Extractor("bad", ("capital",), self.extract))

        @staticmethod
        def extract(document, config):
            yield Fact("capital", "Alice", 0, 5, {"word": datetime.date(2022, 2, 15)})
            yield Fact("capital", "Bob", 10, 13, {"word": 3})
            yield Fact("capital", "Paris", 17, 22, {"word": "Paris"}, confidence=float("nan"))
            yield Fact("capital", "Monday", 26, 32, {"word": "Monday"})

    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=fresh_pm(BadValues()))
    assert [f.text for f in card.facts] == ["Monday"]
    messages = [d.message for d in card.diagnostics if d.plugin == "bad_values"]
    assert len(messages) == 3 and any("not JSON data" in m for m in messages)
    assert any("value/word" in m for m in messages)


def test_a_document_passed_in_is_not_changed():
    from factcards import Document

    document = Document(text="Download\nTalks ended on Monday in Geneva after a long day.\nSearch Trends\n")
    first = factcards.make_card(document, summarizer="lead", published="2021-01-01")
    second = factcards.make_card(document, summarizer="lead")
    assert document.regions == [] and document.published is None and document.sentences == []
    assert first.document["regions"] == second.document["regions"]
    assert second.document["published"] is None


def test_card_invalid_is_a_factcards_error():
    assert issubclass(factcards.CardInvalid, factcards.FactcardsError)


def test_the_registry_is_asked_again_when_plugins_change():
    pm = fresh_pm()
    assert not factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm).facts
    plugin = CapitalWords()
    pm.register_plugin(plugin, "capital_words")
    assert factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm).facts_of("capital")
    pm.unregister(plugin)
    assert not factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm).facts


def test_registry_diagnostics_reach_every_card():
    class Duplicate(CapitalWords):
        name = "duplicate"

        @hookimpl
        def register_fact_types(self, register):
            pass

    pm = fresh_pm(CapitalWords(), Duplicate())
    for _ in range(2):
        card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm)
        assert [d.message for d in card.diagnostics] == ["'capitals' is already registered by capital_words; ignored"]
