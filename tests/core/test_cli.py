"""The command line: cards, bad input, atomic output, validate, schema, exit codes."""

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcards.cli import cli


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture(scope="module")
def sample_card_json(sample_path):
    result = run("card", str(sample_path), "--summarizer", "lead")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_card_prints_a_valid_json_card(sample_card_json):
    card = json.loads(sample_card_json)
    assert card["document"]["title"] == "Russia ready for more talks to end Ukraine standoff"
    assert card["summary"]["method"] == "lead"


def test_card_reads_stdin(sample_text):
    result = run("card", "-", "--summarizer", "lead", input=sample_text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["document"]["source"] == "CGTN"


def test_markdown_format(sample_path):
    result = run("card", str(sample_path), "--summarizer", "lead", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Russia ready for more talks to end Ukraine standoff\n")
    assert "**Source:** CGTN" in result.stdout and "## Summary" in result.stdout


def test_output_file_is_written(tmp_path, sample_path):
    out = tmp_path / "card.json"
    result = run("card", str(sample_path), "--summarizer", "lead", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["summary"]["method"] == "lead"
    assert [p.name for p in tmp_path.iterdir()] == ["card.json"]


def test_output_to_a_device_writes_through_it(sample_path):
    result = run("card", str(sample_path), "--summarizer", "lead", "-o", "/dev/null")
    assert result.exit_code == 0
    assert Path("/dev/null").is_char_device()


def test_length_budget(sample_path):
    result = run("card", str(sample_path), "--summarizer", "lead", "--length", "1")
    assert len(json.loads(result.stdout)["summary"]["sentences"]) == 1
    result = run("card", str(sample_path), "--summarizer", "lead", "--length", "40w")
    summary = json.loads(result.stdout)["summary"]
    assert len(summary["sentences"]) == 1 and len(summary["text"].split()) <= 40
    assert run("card", str(sample_path), "--length", "lots").exit_code == 2


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "missing": (None, "no such file"),
    "directory": ("DIR", "is a directory"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "invalid utf-8": (b"caf\xe9 au lait, said the waiter.", "not valid UTF-8"),
    "empty": (b"  \n\n ", "is empty"),
    "malformed json": (b'{"text": "unterminated', "not valid JSON"),
    "json without text": (b'{"title": "x"}', "needs a non-empty string"),
    "too large": (b"word " * 300, "larger than the 1000-byte limit"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_error_exit_3_and_no_output(tmp_path, case):
    data, message = BAD_INPUTS[case]
    if data is None:
        source = tmp_path / "nowhere.txt"
    elif data == "DIR":
        source = tmp_path / "folder"
        source.mkdir()
    else:
        source = write(tmp_path, "input.json" if "json" in case else "input.txt", data)
    out = tmp_path / "out" / "card.json"
    out.parent.mkdir()
    result = run("card", str(source), "--summarizer", "lead", "-o", str(out), "--max-bytes", "1000")
    assert result.exit_code == 3
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert list(out.parent.iterdir()) == []


def test_bad_published_date_is_an_input_error(sample_path):
    result = run("card", str(sample_path), "--summarizer", "lead", "--published", "not a date")
    assert result.exit_code == 3 and "cannot read 'not a date' as a date" in result.stderr


def test_unknown_summarizer_is_a_usage_error(sample_path):
    result = run("card", str(sample_path), "--summarizer", "nope")
    assert result.exit_code == 2 and "no summarizer named 'nope'" in result.stderr


def test_output_file_gets_the_usual_permissions(tmp_path, sample_path):
    import os
    import stat

    out = tmp_path / "card.json"
    run("card", str(sample_path), "--summarizer", "lead", "-o", str(out))
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_unknown_disable_name_is_a_usage_error(sample_path):
    result = run("card", str(sample_path), "--summarizer", "lead", "--disable", "monye")
    assert result.exit_code == 2 and "cannot disable 'monye'" in result.stderr


def test_disabling_a_plugin_skips_its_hooks(sample_path):
    result = run("card", str(sample_path), "--summarizer", "lead", "--disable", "scraped_page")
    card = json.loads(result.stdout)
    assert card["document"]["regions"] == [] and card["document"]["title"] is None


def test_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "card.json"
    out.write_text("previous card")
    result = run("card", str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 3
    assert out.read_text() == "previous card"


def test_validate_accepts_a_good_card(tmp_path, sample_card_json):
    path = write(tmp_path, "card.json", sample_card_json.encode())
    result = run("validate", str(path))
    assert result.exit_code == 0 and "valid" in result.stdout


def test_validate_reports_what_is_wrong(tmp_path, sample_card_json):
    card = json.loads(sample_card_json)
    del card["generator"]
    card["document"]["published"] = "yesterday"
    card["facts"].append({"type": "capital", "text": "Russia", "start": 0, "end": 6, "sentence": 0, "value": {}, "confidence": 2, "extractor": "x"})
    card["summary"]["sentences"][0]["start"] += 1
    path = write(tmp_path, "card.json", json.dumps(card).encode())
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "'generator' is a required property" in result.stdout
    assert "document/published" in result.stdout
    assert "not at 0..6" in result.stdout
    assert "at summary/sentences/0: text" in result.stdout


def test_validate_rejects_non_json(tmp_path):
    result = run("validate", str(write(tmp_path, "card.json", b"{nope")))
    assert result.exit_code == 3 and "not valid JSON" in result.stderr


@pytest.mark.parametrize("command", ["card deep.json", "card deep.txt", "card -", "validate deep.json"])
def test_json_nested_too_deeply_is_one_line_exit_3(tmp_path, command):
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    for name in ("deep.json", "deep.txt"):
        write(tmp_path, name, deep)
    args = [str(tmp_path / arg) if arg.startswith("deep") else arg for arg in command.split()]
    result = run(*args, *(["--summarizer", "lead"] if args[0] == "card" else []), input=deep)
    assert result.exit_code == 3 and "Traceback" not in result.stderr
    assert result.stderr.endswith(" is not valid JSON: it nests too deeply\n") and result.stderr.count("\n") == 1


def test_schema_command_prints_the_composed_schema():
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "/1.0/" in schema["$id"]


def test_plugins_lists_builtins_with_what_they_provide():
    rows = json.loads(run("plugins", "--json").stdout)
    by_name = {row["name"]: row for row in rows}
    lead = by_name["lead"]
    assert lead["builtin"] and lead["status"] == "loaded" and lead["summarizers"] == ["lead"]
    assert by_name["scraped_page"]["hooks"] == ["prepare_document"]
    text = run("plugins").stdout
    assert "lead" in text and "(built-in)" in text


def test_failing_plugin_is_reported_on_stderr_and_strict_mode_fails(tmp_path, monkeypatch):
    import factcards
    from factcards import Extractor, hookimpl

    class Exploding:
        @hookimpl
        def register_extractors(self, register):
            register(Extractor("boom", ("money",), self.extract))

        @staticmethod
        def extract(document, config):
            raise RuntimeError("kaboom")

    real = factcards.manager.make_plugin_manager

    def with_exploding(**kwargs):
        pm = real(**kwargs)
        pm.register_plugin(Exploding(), "exploding")
        return pm

    monkeypatch.setattr("factcards.cli.make_plugin_manager", with_exploding)
    source = write(tmp_path, "a.txt", b"The city borrowed $5 million on Monday, the mayor said.")
    result = run("card", str(source), "--summarizer", "lead")
    assert result.exit_code == 0
    assert "factcards: error [exploding] extractor boom: RuntimeError: kaboom" in result.stderr
    assert any(d["plugin"] == "exploding" for d in json.loads(result.stdout)["diagnostics"])
    strict = run("card", str(source), "--summarizer", "lead", "--strict-plugins")
    assert strict.exit_code == 4 and "kaboom" in strict.stderr


def shell(command: str, **env):
    """``command`` run by bash, as a newsroom user types it; stderr and the exit code."""
    import os
    import subprocess

    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120, env={**os.environ, **env})


def test_a_closed_stdin_is_one_line_exit_3():
    result = shell(f"{sys.executable} -m factcards card - --summarizer lead <&-")
    assert result.returncode == 3
    assert result.stderr == "factcards: error: cannot read standard input: it is closed\n"


@pytest.mark.parametrize("value", ["-5", "0"])
def test_a_max_bytes_variable_that_is_no_positive_number_is_one_line_exit_3(sample_path, value):
    result = shell(f"{sys.executable} -m factcards card {sample_path} --summarizer lead", FACTCARDS_MAX_BYTES=value)
    assert result.returncode == 3 and result.stdout == ""
    assert result.stderr == f"factcards: error: FACTCARDS_MAX_BYTES must be a positive whole number of bytes, not {value!r}\n"


@pytest.mark.parametrize("where, written", [("-o /dev/full", "/dev/full"), ("> /dev/full", "the card")])
@pytest.mark.parametrize("size", ["sample", "short"])
def test_a_full_disk_is_one_line_exit_3(tmp_path, sample_path, where, written, size):
    article = sample_path if size == "sample" else write(tmp_path, "short.txt", b"The city borrowed $5 million on Monday.")
    result = shell(f"{sys.executable} -m factcards card {article} --summarizer lead {where}")
    assert result.returncode == 3
    assert result.stderr == f"factcards: error: cannot write {written}: No space left on device\n"
