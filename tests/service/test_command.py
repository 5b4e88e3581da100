"""``factcards serve`` refuses bad options with the CLI's one-line reason, before it listens."""

import subprocess
import sys

import pytest


def serve(*args):
    return subprocess.run([sys.executable, "-m", "factcards", "serve", "--port", "0", *args], capture_output=True, text=True, timeout=60)


def test_an_unknown_summarizer_stops_it_at_once():
    result = serve("--summarizer", "nope")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("factcards: error: no summarizer named 'nope'")
    assert "Traceback" not in result.stderr


def test_the_config_files_service_table(tmp_path):
    config = tmp_path / "factcards.toml"
    config.write_text('[service]\nworkers = 1\nflavour = "mint"\n')
    result = serve("--config", str(config))
    assert result.returncode == 2
    assert "config [service] has no setting 'flavour'" in result.stderr
    config.write_text('[service]\ntoken = {"$env" = "FACTCARDS_TEST_UNSET_TOKEN"}\n')
    result = serve("--config", str(config))
    assert result.returncode == 2 and "FACTCARDS_TEST_UNSET_TOKEN" in result.stderr


@pytest.mark.parametrize("setting", [
    'workers = "two"', "workers = 0", "queue = -5", "timeout = -1", "port = 99999",
    "token = 5", "host = 5", 'cors_origins = "https://cms.example"',
])
def test_a_service_table_value_the_option_would_refuse_is_one_line_exit_2(tmp_path, setting):
    config = tmp_path / "factcards.toml"
    config.write_text(f"[service]\n{setting}\n")
    result = serve("--config", str(config), "--summarizer", "lead")
    assert result.returncode == 2, result.stderr[-2000:]
    key = setting.split(" ")[0]
    assert result.stderr.startswith(f"factcards: error: config [service] {key}: ") and result.stderr.count("\n") == 1, result.stderr
