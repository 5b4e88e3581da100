"""Plugin settings: the TOML file, -s overrides, $env secrets, and what reaches each extractor."""

import json
import re

import pytest
from click.testing import CliRunner

import factcards
from factcards import Extractor, FactType, Summarizer, hookimpl
from factcards.cli import cli
from factcards.config import ConfigError, default_config_path, load_config, parse_override, resolve_env
from factcards.registry import effective_config
from factcards.testing import fresh_plugin_manager, registered

SEEN = []


class Recorder:
    """An extractor that records the config it was given and finds nothing."""

    @hookimpl
    def register_fact_types(self, register):
        register(FactType("noop", {"type": "object"}))

    @hookimpl
    def register_extractors(self, register):
        register(Extractor("recorder", ("noop",), self.extract, default_config={"threshold": 1, "mode": "fast", "token": None}))

    @staticmethod
    def extract(document, config):
        SEEN.append(dict(config))
        return []


@pytest.fixture
def config_file(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCARDS_CONFIG", raising=False)
    path = tmp_path / "config.toml"
    path.write_text('[recorder]\nthreshold = 5\ntoken = { "$env" = "RECORDER_TOKEN" }\n\n[lead]\nsentences = 1\n')
    return path


@pytest.mark.parametrize(
    "text, expected",
    [
        ("casualties.min_count=2", ("casualties", "min_count", 2)),
        ("lead.words=60", ("lead", "words", 60)),
        ("money.strict=true", ("money", "strict", True)),
        ("money.default_dollar=USD", ("money", "default_dollar", "USD")),
        ('money.label="a = b"', ("money", "label", "a = b")),
        ("x.ratio=0.5", ("x", "ratio", 0.5)),
        ("x.list=[1, 2]", ("x", "list", [1, 2])),
        ("factcards_plugins.lead.sentences=2", ("factcards_plugins.lead", "sentences", 2)),
    ],
)
def test_overrides_are_toml_scalars_else_text(text, expected):
    assert parse_override(text) == expected


@pytest.mark.parametrize("text", ["nodot=1", "lead.words", ".words=1", "lead.=1"])
def test_malformed_override_says_how_to_write_it(text):
    with pytest.raises(ConfigError, match="NAME.KEY=VALUE"):
        parse_override(text)


def test_file_then_overrides(config_file):
    config = load_config(config_file, ["recorder.threshold=7", "recorder.mode=slow"])
    assert config["recorder"] == {"threshold": 7, "token": {"$env": "RECORDER_TOKEN"}, "mode": "slow"}
    assert config["lead"] == {"sentences": 1}


def test_env_references_resolve_and_a_missing_variable_is_an_error(config_file):
    config = load_config(config_file)
    assert resolve_env(config, {"RECORDER_TOKEN": "s3cret"})["recorder"]["token"] == "s3cret"
    with pytest.raises(ConfigError, match="recorder.token wants the environment variable RECORDER_TOKEN"):
        resolve_env(config, {})


def test_default_location_is_env_var_then_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCARDS_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert default_config_path() == tmp_path / "xdg" / "factcards" / "config.toml"
    assert load_config() == {}
    monkeypatch.setenv("FACTCARDS_CONFIG", str(tmp_path / "mine.toml"))
    assert default_config_path() == tmp_path / "mine.toml"
    with pytest.raises(ConfigError, match="does not exist"):
        load_config()


@pytest.mark.parametrize(
    "content, problem",
    [("[recorder\nx=1", "not valid TOML"), ("threshold = 5\n", "'threshold' must be a table")],
)
def test_bad_config_file_is_a_one_line_error(tmp_path, content, problem):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=problem):
        load_config(path)


def test_plugin_table_applies_to_its_records_and_record_table_wins():
    record = Extractor("recorder", ("noop",), Recorder.extract, default_config={"threshold": 1, "mode": "fast"}, plugin="recorder-plugin")
    config = {"recorder-plugin": {"threshold": 2, "mode": "plugin"}, "recorder": {"mode": "record"}}
    assert effective_config(record, config) == {"threshold": 2, "mode": "record"}


def test_make_card_passes_effective_config_to_the_extractor():
    SEEN.clear()
    with registered(Recorder()) as pm:
        factcards.make_card("Nothing happened today.", summarizer="lead", plugin_manager=pm, config={"recorder": {"threshold": 9}})
    assert SEEN == [{"threshold": 9, "mode": "fast", "token": None}]


def cli_with_recorder(monkeypatch, *args):
    monkeypatch.setattr("factcards.cli.make_plugin_manager", lambda **kw: registered_pm())
    return CliRunner().invoke(cli, list(args), obj=None, catch_exceptions=False)


def registered_pm():
    pm = fresh_plugin_manager()
    pm.register_plugin(Recorder(), "recorder-plugin")
    return pm


def test_card_command_reads_config_file_overrides_and_env(monkeypatch, config_file, tmp_path):
    SEEN.clear()
    monkeypatch.setenv("RECORDER_TOKEN", "s3cret")
    article = tmp_path / "a.txt"
    article.write_text("Nothing happened today. Nothing at all happened after that.")
    result = cli_with_recorder(monkeypatch, "card", str(article), "--config", str(config_file), "-s", "recorder.mode=slow")
    assert result.exit_code == 0, result.output
    assert SEEN == [{"threshold": 5, "mode": "slow", "token": "s3cret"}]
    assert len(json.loads(result.stdout)["summary"]["sentences"]) == 1


def test_plugins_command_shows_effective_config_without_secrets(monkeypatch, config_file):
    monkeypatch.setenv("RECORDER_TOKEN", "s3cret")
    result = cli_with_recorder(monkeypatch, "plugins", "--json", "--config", str(config_file), "-s", "lead.words=40")
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["recorder-plugin"]["config"] == {"recorder": {"threshold": 5, "mode": "fast", "token": "$RECORDER_TOKEN"}}
    assert rows["lead"]["config"]["lead"] == {"sentences": 1, "words": 40}
    assert "s3cret" not in result.stdout
    text = cli_with_recorder(monkeypatch, "plugins", "--config", str(config_file))
    assert 'config recorder: {"threshold": 5, "mode": "fast", "token": "$RECORDER_TOKEN"}' in text.stdout


def test_bad_override_on_the_command_line_is_a_usage_error(monkeypatch):
    result = cli_with_recorder(monkeypatch, "plugins", "-s", "nonsense")
    assert result.exit_code == 2
    assert "NAME.KEY=VALUE" in result.stderr


def test_trace_shows_registrations_hook_calls_and_extractor_runs(monkeypatch, capsys):
    monkeypatch.setenv("FACTCARDS_TRACE", "1")
    with registered(Recorder(), name="recorder-plugin") as pm:
        factcards.make_card("Nothing happened today.", summarizer="lead", plugin_manager=pm)
    lines = capsys.readouterr().err.splitlines()
    assert "factcards trace: recorder-plugin.register_extractors: register(Extractor 'recorder')" in lines
    assert "factcards trace: scraped_page.prepare_document(document) -> None" in lines
    assert any(re.fullmatch(r"factcards trace: recorder-plugin: extractor recorder -> 0 facts in \d+\.\d ms", line) for line in lines)


def test_no_trace_without_the_variable(monkeypatch, capsys):
    monkeypatch.delenv("FACTCARDS_TRACE", raising=False)
    with registered(Recorder()) as pm:
        factcards.make_card("Nothing happened today.", summarizer="lead", plugin_manager=pm)
    assert "factcards trace" not in capsys.readouterr().err


def test_quoted_dotted_plugin_table_reaches_the_plugin_records(tmp_path, monkeypatch):
    path = tmp_path / "c.toml"
    path.write_text('["factcards_plugins.lead"]\nsentences = 1\n')
    config = load_config(path)
    record = Summarizer("lead", lambda document, facts, config: None, default_config={"sentences": 3}, plugin="factcards_plugins.lead")
    assert effective_config(record, config) == {"sentences": 1}
