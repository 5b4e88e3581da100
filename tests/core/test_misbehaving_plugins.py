"""A misbehaving plugin never corrupts, truncates or hangs a card (issue 16).

Each plugin here is a one-off file loaded through ``--plugins-dir``, making the
mistake a plugin author would: printing, exiting, breaking the card's shape,
never returning, returning far too many facts.
"""

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from click.testing import CliRunner

import factcards
from factcards.cli import cli
from factcards.errors import CardTimeout
from factcards.manager import load_plugins_dir
from factcards.stages import MAX_FACTS_PER_EXTRACTOR

HEADER = "import os, signal, sys, time\nimport factcards\nfrom factcards import Extractor, Fact, Summarizer, hookimpl\n"


def plugin_folder(tmp_path, body, name="bad"):
    folder = tmp_path / "plugins"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.py").write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return folder


def extractor_plugin(action):
    """A plugin whose extractor does ``action`` (Python at the extractor's indentation)."""
    return textwrap.dedent(f"""
    def extract(document, config):
        {action}
        return []

    @hookimpl
    def register_extractors(register):
        register(Extractor("bad", ("number",), extract))
    """)


def card(folder, *args, sample_path, env=None):
    return CliRunner(env=env).invoke(cli, ["card", str(sample_path), "--summarizer", "lead", "--plugins-dir", str(folder), *args])


def good_card(sample_path):
    return json.loads(CliRunner().invoke(cli, ["card", str(sample_path), "--summarizer", "lead"]).stdout)


def valid(card_json: str, tmp_path) -> dict:
    """The card, after ``factcards validate`` accepted it."""
    path = tmp_path / "card.json"
    path.write_text(card_json, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.stdout
    return json.loads(card_json)


def failures(card_data, plugin="bad"):
    return [d for d in card_data["diagnostics"] if d["plugin"] == plugin and d["level"] == "error"]


# -- 1. output -------------------------------------------------------------------


def test_a_printing_plugin_never_reaches_the_card_stream(tmp_path, sample_path):
    folder = plugin_folder(tmp_path, 'print("hello at import")\n' + extractor_plugin('print("hello from extract")'))
    result = card(folder, sample_path=sample_path)
    assert result.exit_code == 0
    assert valid(result.stdout, tmp_path)["summary"]["method"] == "lead"
    assert "hello at import" in result.stderr and "hello from extract" in result.stderr


def test_a_plugin_printing_at_import_from_the_environment_stays_off_stdout(tmp_path, sample_path):
    folder = plugin_folder(tmp_path, 'print("hello at import")\n' + extractor_plugin('print("hello from extract")'))
    env = {**os.environ, "FACTCARDS_PLUGINS_DIR": str(folder)}
    result = subprocess.run([sys.executable, "-m", "factcards", "card", str(sample_path), "--summarizer", "lead"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert valid(result.stdout, tmp_path)["facts"]
    assert "hello at import" in result.stderr and "hello from extract" in result.stderr


# -- 2. SystemExit and Ctrl-C ----------------------------------------------------------

EXITING = {
    "import": "sys.exit(0)\n",
    "register_extractors": """
        @hookimpl
        def register_extractors(register):
            sys.exit(0)
        """,
    "prepare_document": """
        @hookimpl
        def prepare_document(document):
            sys.exit(0)
        """,
    "extractor bad": extractor_plugin("sys.exit(0)"),
    "process_card": """
        @hookimpl
        def process_card(card):
            raise SystemExit("done here")
        """,
}


@pytest.mark.parametrize("stage", EXITING)
def test_system_exit_in_plugin_code_is_that_plugins_failure(tmp_path, sample_path, stage):
    result = card(plugin_folder(tmp_path, EXITING[stage]), sample_path=sample_path)
    assert result.exit_code == 0
    data = valid(result.stdout, tmp_path)
    assert data["facts"] == good_card(sample_path)["facts"]
    reported = failures(data)
    assert reported and "SystemExit" in reported[0]["message"] and (stage == "import" or reported[0]["stage"] == stage)
    assert "SystemExit" in result.stderr


def test_system_exit_in_a_summarizer_falls_back_to_lead(tmp_path, sample_path):
    folder = plugin_folder(tmp_path, """
        @hookimpl
        def register_summarizers(register):
            register(Summarizer("quitter", lambda document, facts, config: sys.exit(3)))
        """)
    result = CliRunner().invoke(cli, ["card", str(sample_path), "--summarizer", "quitter", "--plugins-dir", str(folder)])
    assert result.exit_code == 0
    data = valid(result.stdout, tmp_path)
    assert data["summary"]["method"] == "lead"
    assert failures(data)[0]["stage"] == "summarizer quitter"


def test_system_exit_under_strict_plugins_exits_4_with_the_traceback(tmp_path, sample_path):
    result = card(plugin_folder(tmp_path, extractor_plugin("sys.exit(0)")), "--strict-plugins", sample_path=sample_path)
    assert result.exit_code == 4 and result.stdout == ""
    assert "Traceback" in result.stderr and "bad.py" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "factcards: error: plugin 'bad' failed in extractor bad: SystemExit: 0"


def test_ctrl_c_in_a_plugin_stops_with_one_line_and_no_output(tmp_path, sample_path):
    out = tmp_path / "card.json"
    result = card(plugin_folder(tmp_path, extractor_plugin("raise KeyboardInterrupt")), "-o", str(out), sample_path=sample_path)
    assert result.exit_code == 130
    assert result.stderr == "factcards: error: interrupted\n" and result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plugins"]


def test_a_real_sigint_exits_130_with_one_line(tmp_path, sample_path):
    ready = tmp_path / "ready"
    folder = plugin_folder(tmp_path, extractor_plugin(f"open({str(ready)!r}, 'w').close(); time.sleep(60)"))
    process = subprocess.Popen(
        [sys.executable, "-m", "factcards", "card", str(sample_path), "--summarizer", "lead", "--plugins-dir", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stdout == "" and stderr == "factcards: error: interrupted\n"


# -- 3. process_card and the card's shape ------------------------------------------------

SHAPE_BREAKERS = {
    "facts None": "card.facts = None",
    "diagnostics None": "card.diagnostics = None",
    "summary a string": 'card.summary = "a string"',
    "a str among the facts": 'card.facts.append("12 killed")',
    "facts cleared, then summary broken": 'card.facts.clear(); card.summary = "a string"',
}


@pytest.mark.parametrize("change", SHAPE_BREAKERS.values(), ids=SHAPE_BREAKERS)
def test_a_process_card_that_breaks_the_cards_shape_is_undone_and_reported(tmp_path, sample_path, change):
    folder = plugin_folder(tmp_path, f"""
        @hookimpl
        def process_card(card):
            {change}
        """)
    result = card(folder, sample_path=sample_path)
    assert result.exit_code == 0, result.output
    data = valid(result.stdout, tmp_path)
    expected = good_card(sample_path)
    assert data["facts"] == expected["facts"] and data["summary"] == expected["summary"]
    reported = failures(data)
    assert len(reported) == 1 and reported[0]["stage"] == "process_card" and "its change was undone" in reported[0]["message"]
    assert "[bad] process_card" in result.stderr


def test_a_misshapen_card_under_strict_plugins_exits_4(tmp_path, sample_path):
    folder = plugin_folder(tmp_path, """
        @hookimpl
        def process_card(card):
            card.facts = None
        """)
    result = card(folder, "--strict-plugins", sample_path=sample_path)
    assert result.exit_code == 4 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "factcards: error: plugin 'bad' failed in process_card: TypeError: left card.facts as None, not a list of Fact; its change was undone"
    )


def test_a_process_card_that_raises_has_its_half_done_change_undone(tmp_path, sample_path):
    folder = plugin_folder(tmp_path, """
        @hookimpl
        def process_card(card):
            card.facts.clear()
            raise RuntimeError("half way")
        """)
    data = valid(card(folder, sample_path=sample_path).stdout, tmp_path)
    assert data["facts"] == good_card(sample_path)["facts"]
    assert failures(data)[0]["message"] == "RuntimeError: half way"


def test_a_well_behaved_process_card_keeps_its_change(tmp_path, sample_path):
    folder = plugin_folder(tmp_path, """
        @hookimpl
        def process_card(card):
            card.facts = [fact for fact in card.facts if fact.type != "person"]
        """)
    data = valid(card(folder, sample_path=sample_path).stdout, tmp_path)
    assert data["facts"] and not any(f["type"] == "person" for f in data["facts"]) and not failures(data)


# -- 4. the time limit ---------------------------------------------------------------------

HANGING = {
    "extractor bad": extractor_plugin("time.sleep(60)"),
    "a busy loop in extractor bad": extractor_plugin("while True: pass"),
    "a loop swallowing the first alarm in extractor bad": extractor_plugin(
        "for _ in range(3):\n            try:\n                time.sleep(60)\n            except Exception:\n                pass"
    ),
    "prepare_document": """
        @hookimpl
        def prepare_document(document):
            time.sleep(60)
        """,
    "summarizer sleepy": """
        @hookimpl
        def register_summarizers(register):
            register(Summarizer("sleepy", lambda document, facts, config: time.sleep(60)))
        """,
}


@pytest.mark.parametrize("where", HANGING)
def test_a_plugin_that_never_returns_fails_the_card_within_the_limit(tmp_path, sample_path, where):
    out = tmp_path / "card.json"
    stage = where.rsplit(" in ", 1)[-1]
    args = ["--summarizer", "sleepy"] if "sleepy" in where else []
    began = time.monotonic()
    result = CliRunner().invoke(cli, ["card", str(sample_path), "--plugins-dir", str(plugin_folder(tmp_path, HANGING[where])), "--timeout", "0.5", "-o", str(out), *(args or ["--summarizer", "lead"])])
    assert time.monotonic() - began < 0.5 + 3.5  # the limit, a retried alarm or two, and some slack
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr == f"factcards: error: the card took longer than its 0.5 s time limit: plugin 'bad' was running {stage}\n"
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["plugins"]


def test_a_time_limit_leaves_well_behaved_cards_alone(sample_path):
    with_limit = factcards.Pipeline(summarizer="lead", timeout=60).card(sample_path).to_dict()
    without = factcards.Pipeline(summarizer="lead").card(sample_path).to_dict()
    for data in (with_limit, without):
        data["generator"].pop("elapsed_ms")
    assert with_limit == without
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_the_caller_gets_the_timeout_on_time(tmp_path, sample_path):
    pm = factcards.make_plugin_manager(entry_points=False)
    load_plugins_dir(pm, plugin_folder(tmp_path, extractor_plugin("time.sleep(3)")))
    pipeline = factcards.Pipeline(pm, summarizer="lead", timeout=0.3)
    outcome = {}

    def make():
        began = time.monotonic()
        try:
            pipeline.card(sample_path)
        except CardTimeout as exc:
            outcome["error"], outcome["took"] = exc, time.monotonic() - began

    thread = threading.Thread(target=make)
    thread.start()
    thread.join(10)
    assert outcome["took"] < 2 and (outcome["error"].plugin, outcome["error"].stage) == ("bad", "extractor bad")


def test_a_batched_summarizer_that_hangs_fails_the_batch_within_its_limit(tmp_path, sample_text):
    pm = factcards.make_plugin_manager(entry_points=False)
    load_plugins_dir(pm, plugin_folder(tmp_path, """
        def one(document, facts, config):
            return None

        @hookimpl
        def register_summarizers(register):
            register(Summarizer("bulk", one, summarize_many=lambda documents, facts, config: time.sleep(60)))
        """))
    pipeline = factcards.Pipeline(pm, summarizer="bulk", timeout=0.3)
    began = time.monotonic()
    with pytest.raises(CardTimeout) as stopped:
        list(pipeline.cards([sample_text] * 3))
    assert time.monotonic() - began < 0.9 + 3 and stopped.value.stage == "summarizer bulk"


def test_timeout_must_be_positive(sample_path):
    assert CliRunner().invoke(cli, ["card", str(sample_path), "--timeout", "0"]).exit_code == 2
    with pytest.raises(factcards.SelectionError):
        factcards.Pipeline(timeout=-1)


# -- 5. a closed or broken stdout --------------------------------------------------------------


def test_a_closed_stdout_is_one_line_not_a_silent_success(sample_path):
    command = f"{sys.executable} -m factcards card {sample_path} --summarizer lead >&-"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert result.returncode == 3
    assert result.stderr == "factcards: error: cannot write the card: standard output is closed (use -o FILE)\n"


def test_a_reader_that_goes_away_ends_it_quietly(tmp_path, sample_path):
    article = tmp_path / "long.txt"
    article.write_text(sample_path.read_text(encoding="utf-8") * 8, encoding="utf-8")  # a card larger than a pipe's buffer
    command = f"{sys.executable} -m factcards card {article} --summarizer lead | true; echo ${{PIPESTATUS[0]}} >&2"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert result.stderr.strip() == "1"


# -- extras: too many facts, MemoryError, RecursionError, tracebacks -----------------------------------


def test_an_extractor_returning_too_many_facts_is_capped_with_a_diagnostic(tmp_path, sample_path):
    count = MAX_FACTS_PER_EXTRACTOR * 2
    folder = plugin_folder(tmp_path, f"""
        def extract(document, config):
            word = document.text.index("Russia")
            return [Fact("mark", "Russia", word, word + 6, {{"n": n}}) for n in range({count})]

        @hookimpl
        def register_fact_types(register):
            register(factcards.FactType("mark", {{"type": "object"}}))

        @hookimpl
        def register_extractors(register):
            register(Extractor("bad", ("mark",), extract))
        """)
    result = card(folder, sample_path=sample_path)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len([f for f in data["facts"] if f["extractor"] == "bad"]) == MAX_FACTS_PER_EXTRACTOR
    warning = [d for d in data["diagnostics"] if d["plugin"] == "bad"]
    assert warning[0]["level"] == "warning" and f"more than {MAX_FACTS_PER_EXTRACTOR:,} facts" in warning[0]["message"]


@pytest.mark.parametrize("action, name", [("raise MemoryError()", "MemoryError"), ("extract(document, config)", "RecursionError")])
def test_memory_and_recursion_errors_are_reported(tmp_path, sample_path, action, name):
    result = card(plugin_folder(tmp_path, extractor_plugin(action)), sample_path=sample_path)
    assert result.exit_code == 0
    data = valid(result.stdout, tmp_path)
    assert failures(data)[0]["message"].startswith(f"{name}:") and data["facts"] == good_card(sample_path)["facts"]


def test_factcards_trace_shows_a_failing_plugins_traceback(tmp_path, sample_path):
    folder = plugin_folder(tmp_path, extractor_plugin('raise RuntimeError("boom")'))
    result = card(folder, sample_path=sample_path, env={"FACTCARDS_TRACE": "1"})
    assert result.exit_code == 0 and json.loads(result.stdout)["facts"]
    assert "Traceback (most recent call last)" in result.stderr and 'raise RuntimeError("boom")' in result.stderr
    assert "Traceback" not in card(folder, sample_path=sample_path).stderr
