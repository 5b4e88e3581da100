"""The example third-party plugin, examples/factcards-casualties, as installed in CI.

Install it with ``pip install -e examples/factcards-casualties``; without it
these tests are skipped.
"""

import importlib.metadata
import json
import subprocess
import sys

import pytest


INSTALLED = any(ep.name == "factcards-casualties" for ep in importlib.metadata.entry_points(group="factcards"))
pytestmark = pytest.mark.skipif(not INSTALLED, reason="examples/factcards-casualties is not installed (pip install -e examples/factcards-casualties)")

ARTICLE = "At least 12 people were killed and 40 injured when floods swept through the valley on Tuesday, officials said.\n"


def factcards_cli(*args, input=None):
    return subprocess.run([sys.executable, "-m", "factcards", *args], capture_output=True, text=True, input=input, timeout=300)


def test_listed_by_factcards_plugins_with_its_version():
    rows = {row["name"]: row for row in json.loads(factcards_cli("plugins", "--json").stdout)}
    row = rows["factcards-casualties"]
    assert (row["version"], row["builtin"], row["status"]) == ("0.1.0", False, "loaded")
    assert (row["extractors"], row["fact_types"]) == (["casualties"], ["casualty_count"])
    assert row["config"] == {"casualties": {"min_count": 1}}


def test_its_facts_carry_its_name_and_validate_through_its_schema():
    result = factcards_cli("card", "-", "--summarizer", "lead", input=ARTICLE)
    card = json.loads(result.stdout)
    facts = [f for f in card["facts"] if f["type"] == "casualty_count"]
    assert [(f["text"], f["extractor"], f["value"]) for f in facts] == [
        ("At least 12 people were killed", "casualties", {"count": 12, "kind": "killed", "qualifier": "at least"}),
        ("40 injured", "casualties", {"count": 40, "kind": "injured", "qualifier": None}),
    ]
    assert {"name": "factcards-casualties", "version": "0.1.0", "builtin": False} in card["generator"]["plugins"]
    schema = json.loads(factcards_cli("schema").stdout)
    assert "casualty_count" in schema["$defs"]["fact"]["properties"]["type"]["enum"]


def test_runs_on_the_reference_card(lead_card):
    # The reference article reports no casualties: the extractor runs, finds none, and raises nothing.
    assert "casualties" in [e["name"] for e in lead_card.generator["extractors"]]
    assert lead_card.facts_of("casualty_count") == []
    assert not [d for d in lead_card.diagnostics if d.plugin == "factcards-casualties"]


def test_the_example_readme_names_only_fact_types_the_plugin_registers():
    import re
    from pathlib import Path

    import factcards_casualties

    readme = (Path(__file__).resolve().parents[2] / "examples" / "factcards-casualties" / "README.md").read_text(encoding="utf-8")
    registered_types = set()
    factcards_casualties.register_fact_types(lambda fact_type: registered_types.add(fact_type.name))
    named = set(re.findall(r"`([a-z][a-z0-9_]*)` facts?\b", readme))
    assert named and named <= registered_types | {"number"}, f"README names {named - registered_types}; the plugin registers {registered_types}"
