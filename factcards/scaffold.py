"""``factcards new-plugin NAME``: lay out an installable plugin package that works and tests green at once.

The package (``factcards-NAME/``) has a ``pyproject.toml`` with the
``factcards`` entry point and a compatible ``factcards`` requirement, one
module ``factcards_NAME.py`` with a documented extractor and fact type, a test
using ``factcards.testing``, and a README with the next steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import PLUGIN_API, __version__
from .errors import FactcardsError


class ScaffoldError(FactcardsError):
    """The plugin name is unusable or the target folder already exists."""

    exit_code = 2


@dataclass(frozen=True)
class PluginNames:
    """Every name derived from what the user typed: ``votes`` -> ``factcards-votes``, ``factcards_votes``..."""

    name: str  # the extractor's name: votes
    distribution: str  # factcards-votes, also the entry-point (plugin) name
    module: str  # factcards_votes
    fact_type: str  # votes_count
    words: str  # how the name reads in text: "vote counts" for vote-counts

    @classmethod
    def from_user(cls, typed: str) -> "PluginNames":
        ident = re.sub(r"[^a-z0-9]+", "_", typed.strip().lower()).strip("_")
        ident = re.sub(r"^factcards_", "", ident)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", ident or ""):
            raise ScaffoldError(f"plugin name {typed!r}: use letters, digits and dashes, starting with a letter (e.g. votes)")
        return cls(ident, f"factcards-{ident.replace('_', '-')}", f"factcards_{ident}", f"{ident}_count", ident.replace("_", " "))


def factcards_requirement() -> str:
    """This factcards or a later one of the same major version, e.g. ``factcards>=0.1.0,<1``."""
    major = int(__version__.split(".")[0])
    return f"factcards>={__version__},<{major + 1}"


def new_plugin(typed_name: str, directory: str | Path = ".") -> Path:
    """Write the plugin package into ``directory/factcards-NAME`` and return its path."""
    names = PluginNames.from_user(typed_name)
    root = Path(directory) / names.distribution
    if root.exists():
        raise ScaffoldError(f"{root} already exists; pick another name or --dir")
    files = {
        "pyproject.toml": PYPROJECT,
        f"{names.module}.py": MODULE,
        f"tests/test_{names.name}.py": TEST,
        "README.md": README,
    }
    for relative, template in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(template, names), encoding="utf-8")
    return root


def render(template: str, names: PluginNames) -> str:
    values = {
        "name": names.name,
        "distribution": names.distribution,
        "module": names.module,
        "fact_type": names.fact_type,
        "words": names.words,
        "requirement": factcards_requirement(),
        "plugin_api": PLUGIN_API,
    }
    return re.sub(r"@(\w+)@", lambda m: values[m.group(1)], template)


PYPROJECT = '''\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "@distribution@"
version = "0.1.0"
description = "A factcards plugin: counts of @words@ in news articles."
readme = "README.md"
requires-python = ">=3.10"
dependencies = ["@requirement@"]

[project.optional-dependencies]
test = ["pytest>=7", "hypothesis>=6"]

# factcards finds the plugin through this entry point; its name is the plugin's name.
[project.entry-points.factcards]
@distribution@ = "@module@"

[tool.setuptools]
py-modules = ["@module@"]

[tool.pytest.ini_options]
testpaths = ["tests"]
'''

MODULE = '''\
"""@distribution@: a factcards plugin that finds counts of @words@ ("212 @words@").

factcards calls the two hooks below once per run; the extractor then runs on
each article. Change ``PATTERN`` and ``extract`` to find what you need, and
``VALUE_SCHEMA`` to describe the value you produce.
"""

from __future__ import annotations

import re

from factcards import Extractor, Fact, FactType, hookimpl

__version__ = "0.1.0"
FACTCARDS_PLUGIN_API = "@plugin_api@"  # the factcards plugin API this module is written for

FACT_TYPE = "@fact_type@"

# The JSON Schema every fact's ``value`` must match; factcards validates each card against it.
VALUE_SCHEMA = {
    "type": "object",
    "required": ["count"],
    "additionalProperties": False,
    "properties": {"count": {"type": "integer", "minimum": 0}},
}

# Compiled once, at import: extractors run on every article.
PATTERN = re.compile(r"\\b(\\d{1,3}(?:,\\d{3})+|\\d+) @words@\\b", re.IGNORECASE)


@hookimpl
def register_fact_types(register):
    """Declare the fact type this plugin produces and the schema of its values."""
    register(FactType(FACT_TYPE, VALUE_SCHEMA, "A count of @words@."))


@hookimpl
def register_extractors(register):
    """Declare the extractor; factcards runs it on every article unless it is disabled."""
    register(
        Extractor(
            name="@name@",
            fact_types=(FACT_TYPE,),
            extract=extract,
            version=__version__,
            default_config={"min_count": 0},
            description="Counts of @words@, e.g. '212 @words@'.",
        )
    )


def extract(document, config):
    """Yield one ``Fact`` per match; ``text`` must be exactly ``document.text[start:end]``.

    ``config`` is ``default_config`` overlaid with the user's settings
    (``factcards card -s @name@.min_count=2``).
    """
    for match in PATTERN.finditer(document.text):
        count = int(match.group(1).replace(",", ""))
        if count >= config["min_count"]:
            yield Fact(FACT_TYPE, match.group(), match.start(), match.end(), {"count": count})
'''

TEST = '''\
"""Tests for @distribution@, using factcards' testkit."""

import factcards
from factcards.testing import assert_valid_card, check_extractor, make_test_card, registered

import @module@ as plugin

TEXT = "The motion passed with 212 @words@, officials said on Wednesday."


def test_finds_counts_with_their_values():
    with registered(plugin) as pm:
        card = make_test_card(TEXT, pm)  # strict: an exception in your plugin fails the test with its message
        assert_valid_card(card, pm)
    facts = card.facts_of(plugin.FACT_TYPE)
    assert [(f.text, f.value, f.extractor) for f in facts] == [("212 @words@", {"count": 212}, "@name@")]


def test_min_count_setting():
    with registered(plugin) as pm:
        card = make_test_card(TEXT, pm, config={"@name@": {"min_count": 500}})
    assert card.facts_of(plugin.FACT_TYPE) == []


def test_keeps_the_extractor_contract():
    check_extractor(plugin, samples=[TEXT])


def test_is_installed_as_a_factcards_plugin():
    info = factcards.make_plugin_manager().info["@distribution@"]
    assert (info.status, info.error) == ("loaded", None)
'''

README = '''\
# @distribution@

A factcards plugin: finds counts of @words@ in news articles
as `@fact_type@` facts.

```
pip install -e '.[test]'  # in this folder; factcards finds the plugin through its entry point
factcards plugins         # lists @distribution@ with its version
factcards card article.txt --extractor @name@
python -m pytest          # the tests use factcards.testing
```

Settings: `factcards card -s @name@.min_count=2`, or in the factcards config file:

```toml
[@name@]
min_count = 2
```
'''
