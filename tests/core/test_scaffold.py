"""factcards new-plugin: the scaffolded package installs as a plugin and its own tests pass."""

import os
import subprocess
import sys
import tomllib

import pytest
from click.testing import CliRunner

from factcards.cli import cli
from factcards.scaffold import PluginNames, ScaffoldError, factcards_requirement, new_plugin


@pytest.mark.parametrize(
    "typed, names",
    [
        ("votes", ("votes", "factcards-votes", "factcards_votes", "votes_count")),
        ("Vote-Counts", ("vote_counts", "factcards-vote-counts", "factcards_vote_counts", "vote_counts_count")),
        ("factcards-casualties", ("casualties", "factcards-casualties", "factcards_casualties", "casualties_count")),
    ],
)
def test_names_derived_from_what_was_typed(typed, names):
    derived = PluginNames.from_user(typed)
    assert (derived.name, derived.distribution, derived.module, derived.fact_type) == names


@pytest.mark.parametrize("typed", ["", "12votes", "--", "ü"])
def test_unusable_names_are_refused(typed):
    with pytest.raises(ScaffoldError, match="use letters, digits and dashes"):
        PluginNames.from_user(typed)


def test_pyproject_has_entry_point_and_compatible_requirement(tmp_path):
    root = new_plugin("votes", tmp_path)
    project = tomllib.loads((root / "pyproject.toml").read_text())
    assert project["project"]["entry-points"]["factcards"] == {"factcards-votes": "factcards_votes"}
    assert project["project"]["dependencies"] == [factcards_requirement()] == ["factcards>=0.2.0,<1"]
    assert project["tool"]["setuptools"]["py-modules"] == ["factcards_votes"]


def test_command_creates_the_package_once(tmp_path):
    runner = CliRunner()
    first = runner.invoke(cli, ["new-plugin", "votes", "--dir", str(tmp_path)])
    assert first.exit_code == 0 and "pip install -e '.[test]'" in first.stdout
    assert (tmp_path / "factcards-votes" / "factcards_votes.py").is_file()
    again = runner.invoke(cli, ["new-plugin", "votes", "--dir", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.stderr


def installed_env(site, root, dist, module):
    """Metadata as ``pip install -e`` leaves it: the entry point in a .dist-info, the source on the path."""
    info = site / f"{dist.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[factcards]\n{dist} = {module}\n")
    path = os.pathsep.join([str(site), str(root), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path}


@pytest.mark.parametrize("typed", ["votes", "vote-counts"])
def test_scaffolded_package_tests_pass_when_installed(tmp_path, typed):
    root = new_plugin(typed, tmp_path / "work")
    names = PluginNames.from_user(typed)
    env = installed_env(tmp_path / "site", root, names.distribution, names.module)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
