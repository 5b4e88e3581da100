"""One-off plugins from a folder, plugin API compatibility, hook typos, and the deprecation mechanism."""

import json
import textwrap
import warnings

import pluggy
import pytest
from click.testing import CliRunner

import factcards
from factcards import hookimpl
from factcards.cli import cli
from factcards.manager import api_incompatibility, make_plugin_manager

VOTES = '''
"""Vote counts: "by 212 votes to 87"."""
import re
from factcards import Extractor, Fact, FactType, hookimpl

FACTCARDS_PLUGIN_API = "{api}"
__version__ = "0.3.0"

@hookimpl
def register_fact_types(register):
    register(FactType("vote_count", {{"type": "object", "required": ["for", "against"]}}))

@hookimpl
def register_extractors(register):
    register(Extractor("votes", ("vote_count",), extract))

def extract(document, config):
    for m in re.finditer(r"by (\\d+) votes to (\\d+)", document.text):
        yield Fact("vote_count", m.group(), m.start(), m.end(), {{"for": int(m.group(1)), "against": int(m.group(2))}})
'''

TEXT = "Parliament approved the budget by 212 votes to 87 on Wednesday."


def write_plugin(folder, name, source):
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.py").write_text(textwrap.dedent(source))
    return folder


def pm_with_dir(folder):
    return make_plugin_manager(builtins=False, entry_points=False, plugins_dir=folder)


@pytest.mark.parametrize(
    "declared, reason",
    [
        (None, None),
        ("1.x", None),
        ("1", None),
        ("1.0", None),
        ("2.0", "needs plugin API 2.0; this factcards 0.2.0 provides plugin API 1.2"),
        ("0.9", "needs plugin API 0.9"),
        ("1.7", "needs plugin API 1.7"),
        ("one", "declares plugin API 'one'"),
    ],
)
def test_api_compatibility_rule(declared, reason):
    found = api_incompatibility(declared)
    assert found == reason if reason is None else reason in found


def test_plugins_dir_loads_each_file_under_its_stem_and_facts_carry_it(tmp_path):
    folder = write_plugin(tmp_path / "plugins", "votes", VOTES.format(api="1.x"))
    write_plugin(folder, "_helper", "raise RuntimeError('files starting with _ are not plugins')")
    pm = factcards.make_plugin_manager(entry_points=False, plugins_dir=folder, block=["minilm", "seq2seq"])
    assert pm.info["votes"].version == "0.3.0" and "_helper" not in pm.info
    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm)
    assert [(f.text, f.value, f.extractor) for f in card.facts_of("vote_count")] == [("by 212 votes to 87", {"for": 212, "against": 87}, "votes")]
    assert {"name": "votes", "version": "0.3.0", "builtin": False} in card.generator["plugins"]


def test_plugins_dir_from_the_environment(tmp_path, monkeypatch):
    folder = write_plugin(tmp_path / "plugins", "votes", VOTES.format(api="1.0"))
    monkeypatch.setenv("FACTCARDS_PLUGINS_DIR", str(folder))
    assert make_plugin_manager(builtins=False, entry_points=False).info["votes"].status == "loaded"


def test_a_missing_plugins_dir_from_the_environment_is_a_warning_in_every_card(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCARDS_PLUGINS_DIR", str(tmp_path / "nowhere"))
    pm = make_plugin_manager(entry_points=False)
    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm)
    assert [(d.level, d.stage, d.message) for d in card.diagnostics if d.stage == "load"] == [
        ("warning", "load", f"FACTCARDS_PLUGINS_DIR: {tmp_path / 'nowhere'} is not a folder; no plugins loaded from it"),
    ]


def test_an_unknown_name_in_load_plugins_is_a_warning_with_a_hint(monkeypatch):
    monkeypatch.setenv("FACTCARDS_LOAD_PLUGINS", "factcards-casualtes,money")
    pm = make_plugin_manager()
    assert "factcards-casualties" not in pm.info
    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm)
    assert [(d.level, d.message) for d in card.diagnostics if d.stage == "load"] == [
        ("warning", "FACTCARDS_LOAD_PLUGINS names 'factcards-casualtes', which is no installed plugin (did you mean 'factcards-casualties'?)"),
    ]


def test_the_cli_says_so_on_stderr(sample_path, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCARDS_LOAD_PLUGINS", "nosuch")
    monkeypatch.setenv("FACTCARDS_PLUGINS_DIR", str(tmp_path / "nowhere"))
    result = CliRunner().invoke(cli, ["card", str(sample_path), "--summarizer", "lead"], obj=make_plugin_manager())
    assert result.exit_code == 0
    assert "factcards: warning load: FACTCARDS_LOAD_PLUGINS names 'nosuch', which is no installed plugin" in result.stderr.splitlines()[0]
    assert f"factcards: warning load: FACTCARDS_PLUGINS_DIR: {tmp_path / 'nowhere'} is not a folder; no plugins loaded from it" in result.stderr.splitlines()
    listing = CliRunner().invoke(cli, ["plugins"], obj=make_plugin_manager())
    assert "factcards: warning load: FACTCARDS_LOAD_PLUGINS names 'nosuch', which is no installed plugin" in listing.stderr


def test_incompatible_plugin_is_refused_with_a_reason_in_the_card(tmp_path):
    folder = write_plugin(tmp_path / "plugins", "votes", VOTES.format(api="2.0"))
    pm = pm_with_dir(folder)
    from factcards_plugins.summarizers import lead

    pm.register_plugin(lead, "lead", builtin=True)
    assert pm.get_plugin("votes") is None and pm.info["votes"].status == "incompatible"
    card = factcards.make_card(TEXT, summarizer="lead", plugin_manager=pm)
    assert card.facts == []
    [diagnostic] = [d for d in card.diagnostics if d.plugin == "votes"]
    assert (diagnostic.stage, diagnostic.message) == ("load", "needs plugin API 2.0; this factcards 0.2.0 provides plugin API 1.2")


def test_broken_and_mistyped_plugins_are_reported_and_the_rest_load(tmp_path):
    folder = write_plugin(tmp_path / "plugins", "votes", VOTES.format(api="1.x"))
    write_plugin(folder, "broken", "import no_such_module_here\n")
    write_plugin(folder, "typo", "from factcards import hookimpl\n@hookimpl\ndef register_extractor(register):\n    pass\n")
    write_plugin(folder, "badargs", "from factcards import hookimpl\n@hookimpl\ndef register_extractors(register, extra):\n    pass\n")
    info = pm_with_dir(folder).info
    assert info["votes"].status == "loaded"
    assert "ModuleNotFoundError: No module named 'no_such_module_here'" in info["broken"].error
    assert info["typo"].error == "implements no such hook: 'register_extractor' (did you mean 'register_extractors'?)"
    assert info["badargs"].status == "failed" and "extra" in info["badargs"].error


def test_plugins_command_lists_dir_plugins_and_refusals(tmp_path):
    folder = write_plugin(tmp_path / "plugins", "votes", VOTES.format(api="1.x"))
    write_plugin(folder, "future", VOTES.format(api="2.x"))
    runner = CliRunner()
    rows = {row["name"]: row for row in json.loads(runner.invoke(cli, ["plugins", "--json", "--plugins-dir", str(folder)]).stdout)}
    assert rows["votes"]["extractors"] == ["votes"] and rows["votes"]["status"] == "loaded"
    assert rows["future"]["status"] == "incompatible"
    text = runner.invoke(cli, ["plugins", "--plugins-dir", str(folder)]).stdout
    assert "future 0.3.0 (third-party) incompatible\n  error: needs plugin API 2.x; this factcards 0.2.0 provides plugin API 1.2" in text


def test_card_command_with_plugins_dir(tmp_path):
    folder = write_plugin(tmp_path / "plugins", "votes", VOTES.format(api="1.x"))
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    result = CliRunner().invoke(cli, ["card", str(article), "--summarizer", "lead", "--plugins-dir", str(folder)])
    facts = [f for f in json.loads(result.stdout)["facts"] if f["extractor"] == "votes"]
    assert [f["value"] for f in facts] == [{"for": 212, "against": 87}]


class OldSpecs:
    """A throwaway hookspec standing in for a deprecated hook."""

    @pluggy.HookspecMarker("factcards")(warn_on_impl=DeprecationWarning("old_hook is deprecated since 1.1; implement register_extractors instead"))
    def old_hook(self, register):
        """Deprecated."""


def test_deprecated_hook_warns_the_plugin_that_implements_it():
    pm = make_plugin_manager(builtins=False, entry_points=False)
    pm.add_hookspecs(OldSpecs)

    class UsesOldHook:
        @hookimpl
        def old_hook(self, register):
            pass

    with pytest.warns(DeprecationWarning, match="old_hook is deprecated since 1.1"):
        pm.register_plugin(UsesOldHook(), "old-plugin")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pm.register_plugin(type("Modern", (), {})(), "modern")


def test_schema_and_validate_know_dir_plugin_fact_types(tmp_path):
    folder = write_plugin(tmp_path / "plugins", "votes", VOTES.format(api="1.x"))
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    runner = CliRunner()
    card = tmp_path / "card.json"
    runner.invoke(cli, ["card", str(article), "--summarizer", "lead", "--plugins-dir", str(folder), "-o", str(card)])
    schema = json.loads(runner.invoke(cli, ["schema", "--plugins-dir", str(folder)]).stdout)
    assert "vote_count" in schema["$defs"]["fact"]["properties"]["type"]["enum"]
    assert runner.invoke(cli, ["validate", str(card), "--plugins-dir", str(folder)]).exit_code == 0
    assert runner.invoke(cli, ["validate", str(card)]).exit_code == 1
