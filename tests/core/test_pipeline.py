"""The Pipeline: built once, run many times, safe to share between threads."""

import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import factcards
from factcards import ConfigError, Extractor, Fact, FactType, InputError, Pipeline, SelectionError, Settings, hookimpl
from factcards.testing import registered

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"


def project_articles(limit=40):
    """News-style articles written for the project (MIT): the labelled sets' texts."""
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if isinstance(row.get("text"), str):
                rows.append({"text": row["text"], "published": row.get("published")})
    return rows[:limit]


def comparable(card):
    data = card.to_dict()
    data["generator"]["elapsed_ms"] = 0
    return json.dumps(data, sort_keys=True)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(factcards.make_plugin_manager(entry_points=False), summarizer="lead")


def test_a_pipeline_makes_the_cards_make_card_makes(pipeline, sample_path):
    assert comparable(pipeline.card(sample_path)) == comparable(factcards.make_card(sample_path, summarizer="lead", plugin_manager=pipeline.plugin_manager))


def test_cards_from_eight_threads_equal_cards_made_one_at_a_time(pipeline, sample_text):
    articles = [{"text": sample_text}] + project_articles()
    expected = [comparable(pipeline.card(a)) for a in articles]
    work = [i % len(articles) for i in range(4 * len(articles))]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(lambda i: (i, comparable(pipeline.card(articles[i]))), work))
    finally:
        sys.setswitchinterval(old)
    wrong = [i for i, card in got if card != expected[i]]
    assert wrong == []


def test_cards_equal_card_one_by_one_and_keep_order(pipeline, sample_text):
    articles = [{"text": sample_text}] + project_articles(6)
    assert [comparable(c) for c in pipeline.cards(articles, batch_size=3)] == [comparable(pipeline.card(a)) for a in articles]


class Batched:
    """A summarizer that can summarize many documents in one call, and counts its calls."""

    def __init__(self):
        self.calls = []
        self.warmed = []

    def first(self, document, facts, config):
        self.calls.append(1)
        sentence = next(s for s in document.sentences if not s.excluded)
        return factcards.Summary([factcards.SummarySentence(sentence.text, sentence.start, sentence.end)])

    def many(self, documents, facts_lists, config):
        self.calls.append(len(documents))
        return [self.first(d, f, config) for d, f in zip(documents, facts_lists)][: len(documents)]

    @hookimpl
    def register_summarizers(self, register):
        register(factcards.Summarizer("batched", self.first, summarize_many=self.many, warm_up=self.warmed.append, default_config={"size": 1}))


def test_cards_summarize_a_batch_in_one_call_and_warm_up_loads_first():
    plugin = Batched()
    with registered(plugin) as pm:
        pipeline = Pipeline(pm, summarizer="batched", config={"batched": {"size": 2}})
        pipeline.warm_up()
        cards = list(pipeline.cards([a["text"] for a in project_articles(5)], batch_size=5))
    assert plugin.warmed == [{"size": 2, "sentences": None, "words": None}] or plugin.warmed[0]["size"] == 2
    assert plugin.calls[0] == 5  # one batched call for five articles
    assert [c.summary.method for c in cards] == ["batched"] * 5


def test_a_batched_summary_that_fails_falls_back_per_document():
    plugin = Batched()
    plugin.many = lambda documents, facts_lists, config: [None] * len(documents)
    with registered(plugin) as pm:
        cards = list(Pipeline(pm, summarizer="batched").cards([a["text"] for a in project_articles(2)]))
    assert [c.summary.method for c in cards] == ["lead", "lead"]
    assert all("summarizer batched" in [d.stage for d in c.diagnostics] for c in cards)


@pytest.mark.parametrize(
    "config, message",
    [
        ({"monye": {"default_dollar": "CAD"}}, "no plugin, extractor or summarizer is named 'monye' (did you mean 'money'?)"),
        ({"money": {"default_dolar": "CAD"}}, "'money' has no setting 'default_dolar' (did you mean 'default_dollar'?)"),
        ({"consistency": {"falback": True}}, "'consistency' has no setting 'falback' (did you mean 'fallback'?)"),
    ],
)
def test_unknown_settings_are_refused_with_a_hint(config, message):
    with pytest.raises(ConfigError) as raised:
        Pipeline(factcards.make_plugin_manager(entry_points=False), config=config, summarizer="lead")
    assert message in str(raised.value)


def test_unknown_settings_are_warnings_when_config_is_not_strict(sample_path):
    pipeline = Pipeline(factcards.make_plugin_manager(entry_points=False), config={"money": {"default_dolar": "CAD"}}, summarizer="lead", strict_config=False)
    card = pipeline.card(sample_path)
    assert [(d.level, d.stage) for d in card.diagnostics if "default_dolar" in d.message] == [("warning", "config")]


def test_cli_refuses_a_misspelt_setting_with_exit_2(sample_path):
    from click.testing import CliRunner

    from factcards.cli import cli

    result = CliRunner().invoke(cli, ["card", str(sample_path), "--summarizer", "lead", "-s", "monye.default_dollar=CAD"])
    assert result.exit_code == 2
    assert "did you mean 'money'?" in result.output


@pytest.mark.parametrize(
    "config, message",
    [
        ({"lead": {"sentences": "abc"}}, 'setting lead.sentences="abc": expected a whole number of 1 or more (default 3)'),
        ({"lead": {"words": "abc"}}, 'setting lead.words="abc": expected a whole number of 1 or more'),
        ({"lead": {"sentences": 0}}, 'setting lead.sentences=0: expected a whole number of 1 or more (default 3)'),
        ({"money": {"default_dollar": 5}}, 'setting money.default_dollar=5: expected an ISO 4217 code in capitals, like USD or CAD (default "USD")'),
        ({"money": {"default_dollar": "cad"}}, 'setting money.default_dollar="cad": expected an ISO 4217 code in capitals'),
        ({"numbers": {"default_dollar": "dollars"}}, 'setting numbers.default_dollar="dollars": expected an ISO 4217 code'),
        ({"seq2seq": {"device": "gpu"}}, 'setting seq2seq.device="gpu": expected one of "cpu", "cuda", "auto" (default "cpu")'),
        ({"dates": {"day_first": "yes"}}, 'setting dates.day_first="yes": expected true or false (default false)'),
        ({"minilm": {"redundancy": "high"}}, 'setting minilm.redundancy="high": expected a number (default 0.6)'),
        ({"consistency": {"fallback_summarizer": 3}}, 'setting consistency.fallback_summarizer=3: expected a string (default "minilm")'),
    ],
)
def test_a_setting_of_the_wrong_type_or_outside_its_choices_is_refused(config, message):
    with pytest.raises(ConfigError) as raised:
        Pipeline(factcards.make_plugin_manager(entry_points=False), config=config, summarizer="lead", strict_config=False)
    assert message in str(raised.value)


def test_settings_of_the_declared_types_are_taken():
    config = {"lead": {"sentences": 2, "words": 60}, "money": {"default_dollar": "CAD"}, "minilm": {"redundancy": 1}, "seq2seq": {"device": "auto"}}
    pipeline = Pipeline(factcards.make_plugin_manager(entry_points=False), config=config, summarizer="lead")
    assert pipeline.config["minilm"] == {"redundancy": 1}


class Votes:
    """A plugin whose extractor and settings table declare a choice and a type for a None default."""

    @hookimpl
    def register_extractors(self, register):
        register(Extractor("votes", ("number",), lambda document, config: [], default_config={"mode": "count", "limit": None},
                           config_schema={"mode": {"enum": ["count", "share"]}, "limit": {"type": ["integer", "null"]}}))

    @hookimpl
    def register_settings(self, register):
        register(Settings("tally", {"keep": 1}, "How many to keep."))


@pytest.mark.parametrize(
    "config, message",
    [
        ({"votes": {"mode": "all"}}, 'setting votes.mode="all": expected one of "count", "share" (default "count")'),
        ({"votes": {"limit": 2.5}}, 'setting votes.limit=2.5: expected an integer or null'),
        ({"votes-plugin": {"mode": "all"}}, 'setting votes-plugin.mode="all": expected one of "count", "share"'),
        ({"tally": {"keep": "two"}}, 'setting tally.keep="two": expected an integer (default 1)'),
    ],
)
def test_third_party_settings_are_checked_against_their_declarations(config, message):
    with registered(Votes(), name="votes-plugin") as pm:
        with pytest.raises(ConfigError) as raised:
            Pipeline(pm, summarizer="lead", config=config)
        Pipeline(pm, summarizer="lead", config={"votes": {"mode": "share", "limit": 3}, "tally": {"keep": 2}})
    assert message in str(raised.value)


def test_a_secret_of_the_wrong_type_is_refused_without_showing_it():
    with registered(Votes(), name="votes-plugin") as pm:
        with pytest.raises(ConfigError) as raised:
            Pipeline(pm, summarizer="lead", config={"tally": {"keep": {"$env": "TALLY_KEEP"}}}, environ={"TALLY_KEEP": "s3cret"})
    assert "setting tally.keep=$TALLY_KEEP: expected an integer" in str(raised.value)
    assert "s3cret" not in str(raised.value)


@pytest.mark.parametrize("setting", ["lead.sentences=abc", "money.default_dollar=5"])
def test_cli_refuses_a_setting_of_the_wrong_type_with_exit_2(sample_path, setting):
    from click.testing import CliRunner

    from factcards.cli import cli

    result = CliRunner().invoke(cli, ["card", str(sample_path), "--summarizer", "lead", "-s", setting])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"factcards: error: setting {setting.split('=')[0]}=")
    assert len(result.stderr.splitlines()) == 1


class Tallies:
    """A plugin that declares a settings table for its process_card."""

    seen = []

    @hookimpl
    def register_settings(self, register):
        register(Settings("tallies", {"keep": 1}, "How many facts process_card keeps."))

    @hookimpl
    def process_card(self, card, config):
        self.seen.append(config.get("tallies", {}).get("keep"))


def test_register_settings_declares_a_table_process_card_reads():
    Tallies.seen.clear()
    with registered(Tallies(), name="tallies-plugin") as pm:
        Pipeline(pm, summarizer="lead", config={"tallies": {"keep": 3}}).card("Nothing happened on Monday.")
        with pytest.raises(ConfigError, match="'tallies' has no setting 'kept'"):
            Pipeline(pm, summarizer="lead", config={"tallies": {"kept": 3}})
    assert Tallies.seen == [3]


def _count_extractor(name, fact_types, requires, seen):
    def extract(document, config):
        seen.append((name, sorted({f.type for f in document.facts})))
        match = document.text.index("12")
        return [Fact(fact_types[0], "12", match, match + 2, {"value": 12})]

    return Extractor(name, fact_types, extract, requires=requires)


class Layered:
    def __init__(self, requires_of_a=("b_type",), requires_of_b=()):
        self.seen = []
        self.records = [_count_extractor("a", ("a_type",), requires_of_a, self.seen), _count_extractor("b", ("b_type",), requires_of_b, self.seen)]

    @hookimpl
    def register_fact_types(self, register):
        register(FactType("a_type", {"type": "object"}))
        register(FactType("b_type", {"type": "object"}))

    @hookimpl
    def register_extractors(self, register):
        for record in self.records:
            register(record)


def test_an_extractor_runs_after_what_it_requires_and_sees_those_facts():
    plugin = Layered()
    with registered(plugin) as pm:
        card = Pipeline(pm, summarizer="lead").card("At least 12 people came.")
    assert plugin.seen == [("b", []), ("a", ["b_type"])]
    assert {f.type for f in card.facts} == {"a_type", "b_type"}


def test_a_requirement_no_selected_extractor_meets_is_noted():
    with registered(Layered()) as pm:
        card = Pipeline(pm, summarizer="lead", extractors=["a"]).card("At least 12 people came.")
    notes = [d for d in card.diagnostics if d.stage == "extractor a"]
    assert [(d.level, d.message) for d in notes] == [("info", "requires b_type facts, which no selected extractor produces")]


def test_extractors_requiring_each_other_are_refused():
    with registered(Layered(requires_of_b=("a_type",))) as pm:
        with pytest.raises(SelectionError, match="cycle"):
            Pipeline(pm, summarizer="lead")


def test_the_numbers_extractor_runs_after_dates(pipeline):
    names = [e.name for e in pipeline.extractors]
    assert names.index("numbers") > names.index("dates")


def test_disabling_a_built_in_by_its_short_name_stops_its_hooks_too(sample_path):
    pm = factcards.make_plugin_manager(entry_points=False)
    with_numbers = Pipeline(pm, summarizer="lead", extractors=["dates", "numbers"]).card(sample_path)
    years = [f for f in with_numbers.facts if f.type == "number" and f.text == "2022"]
    card = Pipeline(pm, summarizer="lead", disable=["numbers", "consistency", "scraped_page"]).card(sample_path)
    assert not card.facts_of("number") and years == []
    assert "numbers" not in [e["name"] for e in card.generator["extractors"]]


class FromTheFuture:
    @hookimpl(optionalhook=True)
    def summarize_the_weather(self, document):
        raise AssertionError("never called")

    @hookimpl
    def register_fact_types(self, register):
        register(FactType("forecast", {"type": "object"}))


def test_an_optionalhook_for_a_hook_this_factcards_lacks_still_loads():
    pm = factcards.make_plugin_manager(builtins=False, entry_points=False)
    assert factcards.manager.register_third_party(pm, FromTheFuture(), "future", "1.0")
    assert pm.info["future"].status == "loaded"


def test_the_input_path_checks_bytes_and_text_alike():
    pipeline = Pipeline(factcards.make_plugin_manager(entry_points=False), summarizer="lead", max_bytes=40)
    with pytest.raises(InputError, match="larger than the 40-byte limit"):
        pipeline.document("x" * 41)
    with pytest.raises(InputError, match="larger than the 40-byte limit"):
        pipeline.document(b"x" * 41)
    with pytest.raises(InputError, match="not valid UTF-8"):
        pipeline.document(b"caf\xe9")
    with pytest.raises(InputError, match="binary"):
        pipeline.document(b"a\x00b")
    with pytest.raises(InputError, match="empty"):
        pipeline.document(b"  \n")
    assert pipeline.document(b'{"text": "Hi there.", "title": "T"}', name="a.json").title == "T"


def test_a_mapping_may_give_html_and_its_own_metadata_wins():
    html = "<html><head><title>Page title</title></head><body><article><p>" + "The council met on Monday and approved the budget. " * 5 + "</p></article></body></html>"
    document = factcards.reader.load_document({"html": html, "title": "Given title", "published": "2024-03-04"})
    assert document.title == "Given title" and document.published == "2024-03-04"
    assert "council met on Monday" in document.text


def test_no_module_global_carries_one_cards_people_into_another(pipeline):
    first = "Mayor Anna Berg said the bridge would open. Berg added that it cost a lot."
    second = "Minister Omar Haddad said the port would close. Haddad added that it was old."
    barrier = threading.Barrier(2)

    def people_of(text):
        barrier.wait()
        return {f.value["name"] for f in pipeline.card(text).facts_of("person")}

    with ThreadPoolExecutor(max_workers=2) as pool:
        a, b = pool.map(people_of, [first, second])
    assert a == {"Anna Berg"} and b == {"Omar Haddad"}


def test_short_cards_from_eight_threads_keep_their_own_people():
    """Many tiny cards, where a shared cache between the people and quotes extractors would leak names."""
    pipeline = Pipeline(factcards.make_plugin_manager(entry_points=False), summarizer="lead", extractors=["people", "quotes"], disable=["scraped_page", "consistency"])
    surnames = ["Berg", "Haddad", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak"]
    texts = [f'"We will rebuild," said Mayor Anna {name}. {name} spoke on Monday.' for name in surnames]
    expected = [comparable(pipeline.card(t)) for t in texts]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(lambda i: (i % 8, comparable(pipeline.card(texts[i % 8]))), range(3000)))
    finally:
        sys.setswitchinterval(old)
    assert [i for i, card in got if card != expected[i]] == []


class Superseding:
    """An extractor whose facts stand for the bare numbers inside them."""

    @hookimpl
    def register_fact_types(self, register):
        register(FactType("tally", {"type": "object"}))

    @hookimpl
    def register_extractors(self, register):
        def extract(document, config):
            start = document.text.index("12 votes")
            return [Fact("tally", "12 votes", start, start + 8, {})]

        register(Extractor("tallies", ("tally",), extract, supersedes=("number",)))


def test_a_superseding_extractor_drops_the_facts_inside_its_own():
    pm = factcards.testing.fresh_plugin_manager(builtins=True)
    text = "The motion won 12 votes, and 40 people watched."
    with registered(Superseding(), pm) as pm:
        card = Pipeline(pm, summarizer="lead").card(text)
        without = Pipeline(pm, summarizer="lead", disable=["tallies"]).card(text)
    assert [f.text for f in card.facts if f.type in ("number", "tally")] == ["12 votes", "40"]
    assert [f.text for f in without.facts_of("number")] == ["12", "40"]


def test_plugins_lists_a_settings_table_with_the_users_values():
    from click.testing import CliRunner

    from factcards.cli import cli

    result = CliRunner().invoke(cli, ["plugins", "--json", "-s", "consistency.fallback=true"], obj=factcards.make_plugin_manager(entry_points=False))
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["consistency"]["config"]["consistency"] == {"fallback": True, "fallback_summarizer": "minilm"}
