"""The README's quick start stays true: its files exist and CI runs its test command."""

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands():
    assert len(quick_start_commands()) == 2


def test_the_sample_command_names_a_bundled_file():
    sample_command = quick_start_commands()[0]
    assert "factcards card" in sample_command
    path = shlex.split(sample_command.split("&&")[1])[-1]
    assert (ROOT / path).is_file()


def test_ci_runs_the_readme_test_command():
    install, test = [part.strip() for part in quick_start_commands()[1].split("&&")]
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert install in ci
    assert any(line.startswith(test) for line in ci)
