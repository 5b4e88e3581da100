"""Docs that cannot drift: the hook reference matches the hookspecs, every hook has a test, the tutorials run.

Tutorial blocks: a fence with ``file=NAME`` (```` ```python file=votes.py ````) is
written to that file; a ``console`` block's ``$ `` lines are run in a shell in
the same folder, in order, and each other line of the block must appear, in
order, in what the command printed (stdout and stderr). ``sh`` blocks (pip
install, cd) are shown, not run.
"""

import inspect
import os
import re
import subprocess
from pathlib import Path

import pytest

from factcards import hookspecs
from factcards.manager import PluginManager

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TESTS = ROOT / "tests"
HOOK_HEADING = re.compile(r"^## (\w+)\(([^)]*)\)$", re.MULTILINE)
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
TUTORIALS = ["writing-plugins.md", "testing-plugins.md"]


def hook_names():
    return sorted(name for name in PluginManager().hook.__dict__ if not name.startswith("_"))


def hook_sections():
    """{hook name: (arguments in the heading, the section's text)} from docs/hooks.md."""
    text = (DOCS / "hooks.md").read_text(encoding="utf-8")
    headings = list(HOOK_HEADING.finditer(text))
    sections = {}
    for heading, following in zip(headings, headings[1:] + [None]):
        body = text[heading.end() : following.start() if following else len(text)]
        sections[heading.group(1)] = ([a.strip() for a in heading.group(2).split(",") if a.strip()], body)
    return sections


def test_every_hook_has_a_reference_entry_and_nothing_else_does():
    assert sorted(hook_sections()) == hook_names()


@pytest.mark.parametrize("hook", hook_names())
def test_reference_signature_and_arguments_match_the_hookspec(hook):
    heading_args, body = hook_sections()[hook]
    spec_args = list(inspect.signature(getattr(hookspecs, hook)).parameters)
    fix = f"update docs/hooks.md: '## {hook}({', '.join(spec_args)})' with one '- `name`:' line per argument, and since which version"
    assert heading_args == spec_args, fix
    arguments = body.split("Arguments:", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"^- `(\w+)`", arguments, re.MULTILINE) == spec_args, fix


@pytest.mark.parametrize("hook", hook_names())
def test_reference_entry_has_each_part(hook):
    _, body = hook_sections()[hook]
    for part in ("Arguments:", "Returns:", "What the core does:", "Example:", "Since:"):
        assert part in body, f"docs/hooks.md {hook} lacks {part!r}"
    documented = re.search(r"Since: plugin API \d+\.\d+ \(factcards (\d+\.\d+)\)", body).group(1)
    in_hookspec = re.search(r"Since (\d+\.\d+)", inspect.getdoc(getattr(hookspecs, hook))).group(1)
    assert documented == in_hookspec, f"{hook}: docs/hooks.md says since {documented}, the hookspec {in_hookspec}"


@pytest.mark.parametrize("hook", hook_names())
def test_every_hook_has_a_test_of_its_own(hook):
    """Some test function in tests/ names the hook: def test_<...hook...>."""
    names = re.findall(r"^def (test_\w+)", "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("test_*.py")), re.MULTILINE)
    assert [n for n in names if hook in n], f"no test function in tests/ has {hook!r} in its name"


def blocks(doc):
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in FENCE.finditer((DOCS / doc).read_text(encoding="utf-8"))]


def test_the_tutorials_have_runnable_blocks():
    for doc in TUTORIALS:
        kinds = [kind for kind, _, _ in blocks(doc)]
        assert "console" in kinds and "python" in kinds, doc


@pytest.fixture
def clean_env(tmp_path):
    """The environment of a new user: no factcards settings or plugin folders of ours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCARDS_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config-home")
    return env


def run_tutorial(doc, folder, env):
    for kind, info, code in blocks(doc):
        if info.startswith("file="):
            (folder / info[len("file=") :]).write_text(code, encoding="utf-8")
        elif kind == "console":
            run_console_block(code, folder, env)


def run_console_block(block, folder, env):
    lines = block.splitlines()
    commands = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    for i, start in enumerate(commands):
        command = lines[start][2:]
        expected = lines[start + 1 : commands[i + 1] if i + 1 < len(commands) else len(lines)]
        result = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        assert_lines_in_order(expected, result.stdout + result.stderr, command)


def assert_lines_in_order(expected, output, command):
    position = 0
    for line in expected:
        found = output.find(line, position)
        assert found >= 0, f"{command!r} did not print {line!r} (after what came before); it printed:\n{output}"
        position = found + len(line)


def test_writing_plugins_tutorial_runs_as_written(tmp_path, clean_env):
    run_tutorial("writing-plugins.md", tmp_path, clean_env)
    assert '"message": "RuntimeError: broken on purpose"' in (tmp_path / "card.json").read_text()


def test_testing_plugins_guide_runs_as_written(tmp_path, clean_env):
    run_tutorial("writing-plugins.md", tmp_path, clean_env)
    (tmp_path / "boom.py").unlink()
    run_tutorial("testing-plugins.md", tmp_path, clean_env)


def test_the_pipeline_example_in_configuration_md_runs(capsys):
    code = next(code for kind, _, code in blocks("configuration.md") if kind == "python" and "factcards.Pipeline(" in code)
    exec(compile(code, "configuration.md", "exec"), {})
    assert capsys.readouterr().out.splitlines()[0] == "['CAD']"
