"""Third-party plugins through the ``factcards`` entry-point group, in real processes.

Each test lays out a real separate distribution (a module plus its ``.dist-info``
with ``entry_points.txt``) in a temporary folder on ``PYTHONPATH``, exactly what
``pip install`` leaves behind, and runs the ``factcards`` command against it.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

GOOD_PLUGIN = '''
"""Counts exclamation marks, as a separate distribution would."""
import re
from factcards import Extractor, Fact, FactType, hookimpl

@hookimpl
def register_fact_types(register):
    register(FactType("exclamation", {"type": "object", "properties": {"count": {"type": "integer"}}}))

@hookimpl
def register_extractors(register):
    register(Extractor("exclamations", ("exclamation",), extract))

def extract(document, config):
    for m in re.finditer(r"!+", document.text):
        yield Fact("exclamation", m.group(), m.start(), m.end(), {"count": len(m.group())})
'''

BROKEN_PLUGIN = "raise ImportError('this plugin is broken on purpose')\n"


def install(site, dist, module, source, version="1.2.3"):
    (site / f"{module}.py").write_text(textwrap.dedent(source))
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[factcards]\n{dist} = {module}\n")


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    return folder


def factcards(site, *args, input=None, env_extra=None):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "factcards", *args], capture_output=True, text=True, env=env, input=input, timeout=300)


def test_installed_plugin_is_listed_and_its_facts_carry_its_name(site, sample_path):
    install(site, "factcards-exclaim", "factcards_exclaim", GOOD_PLUGIN)
    listing = factcards(site, "plugins", "--json")
    rows = {row["name"]: row for row in json.loads(listing.stdout)}
    row = rows["factcards-exclaim"]
    assert (row["version"], row["builtin"], row["status"]) == ("1.2.3", False, "loaded")
    assert row["extractors"] == ["exclamations"] and row["fact_types"] == ["exclamation"]

    card = factcards(site, "card", "-", "--summarizer", "lead", input="Stop! The vote passed by 12 votes!!\n")
    facts = [f for f in json.loads(card.stdout)["facts"] if f["type"] == "exclamation"]
    assert [(f["text"], f["extractor"], f["value"]["count"]) for f in facts] == [("!", "exclamations", 1), ("!!", "exclamations", 2)]
    generator = json.loads(card.stdout)["generator"]
    assert {"name": "factcards-exclaim", "version": "1.2.3", "builtin": False} in generator["plugins"]


def test_a_plugin_that_fails_to_import_is_reported_and_skipped(site):
    install(site, "factcards-broken", "factcards_broken", BROKEN_PLUGIN)
    install(site, "factcards-exclaim", "factcards_exclaim", GOOD_PLUGIN)
    help_result = factcards(site, "--help")
    assert help_result.returncode == 0 and "Usage:" in help_result.stdout

    rows = {row["name"]: row for row in json.loads(factcards(site, "plugins", "--json").stdout)}
    assert rows["factcards-broken"]["status"] == "failed"
    assert "broken on purpose" in rows["factcards-broken"]["error"]
    assert rows["factcards-exclaim"]["status"] == "loaded"

    card = factcards(site, "card", "-", "--summarizer", "lead", input="Wow! It works.\n")
    assert card.returncode == 0
    assert "factcards: error [factcards-broken] load: could not load: ImportError: this plugin is broken on purpose" in card.stderr
    assert any(d["plugin"] == "factcards-broken" for d in json.loads(card.stdout)["diagnostics"])
    strict = factcards(site, "card", "-", "--summarizer", "lead", "--strict-plugins", input="Wow! It works.\n")
    assert strict.returncode == 4


def test_load_plugins_environment_variable_narrows_loading(site):
    install(site, "factcards-exclaim", "factcards_exclaim", GOOD_PLUGIN)
    rows = json.loads(factcards(site, "plugins", "--json", env_extra={"FACTCARDS_LOAD_PLUGINS": ""}).stdout)
    assert all(row["builtin"] for row in rows)


def test_lead_card_never_imports_torch(sample_path, tmp_path):
    code = textwrap.dedent(
        f"""
        import sys
        from factcards.cli import main
        sys.argv = ["factcards", "card", {str(sample_path)!r}, "--summarizer", "lead", "-o", {str(tmp_path / "card.json")!r}]
        try:
            main()
        except SystemExit:
            pass
        heavy = sorted(m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules)
        print("HEAVY:", heavy)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert "HEAVY: []" in result.stdout, result.stdout + result.stderr
