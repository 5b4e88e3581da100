"""What the plugins registered (extractors, summarizers, fact types, settings tables) and the settings each runs with.

``collect_registry`` asks every plugin once, each implementation on its own;
``effective_config`` is the one rule for the settings a record runs with;
``config_problems`` says which of the user's tables and keys nothing declares,
``value_problems`` which values their declarations refuse.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Mapping

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, best_match

from .card import ERROR, WARNING, Diagnostic, Extractor, FactType, Settings, Summarizer
from .config import redacted
from .errors import STOPS, PluginError
from .manager import PluginManager
from .schema import card_validator, compose_schema, fact_checker
from .trace import trace_failure, trace_line, tracing

# Settings the core itself gives every summarizer (``--length``), declared or not, and what they hold.
BUDGET_KEYS = ("sentences", "words")
BUDGET_SCHEMA = {"type": "integer", "minimum": 1, "description": "a whole number of 1 or more"}
# The JSON Schema type a setting's default gives it (bool first: True is also an int).
DEFAULT_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"), (dict, "object"))
TYPE_WORDS = {"boolean": "true or false", "integer": "an integer", "number": "a number", "string": "a string", "array": "a list", "object": "a table", "null": "null"}


@dataclass
class Registry:
    """Everything the plugins registered: extractors, summarizers, fact types and settings tables, by name."""

    extractors: dict[str, Extractor] = field(default_factory=dict)
    summarizers: dict[str, Summarizer] = field(default_factory=dict)
    fact_types: dict[str, FactType] = field(default_factory=dict)
    settings_tables: dict[str, Settings] = field(default_factory=dict)
    _fact_checker: Callable[[dict[str, Any]], str | None] | None = field(default=None, repr=False)
    _card_validator: Callable[[dict[str, Any]], None] | None = field(default=None, repr=False)

    def schema(self) -> dict[str, Any]:
        return compose_schema(self.fact_types.values())

    def settings(self, record: Extractor | Summarizer, config: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
        """The config ``record`` runs with, as the core computes it (see ``effective_config``)."""
        return effective_config(record, config)

    def fact_problem(self, fact: dict[str, Any]) -> str | None:
        """Why one fact would make a card invalid, or None (see ``schema.fact_checker``)."""
        if self._fact_checker is None:
            self._fact_checker = fact_checker(self.fact_types.values())
        return self._fact_checker(fact)

    def card_validator(self) -> Callable[[dict[str, Any]], None]:
        """A function raising ``CardInvalid`` unless a card (as a dict) matches the schema composed
        with these fact types (see ``schema.validate_card``); made once."""
        if self._card_validator is None:
            self._card_validator = card_validator(self.fact_types.values())
        return self._card_validator

    def producers(self, fact_type: str) -> list[str]:
        """The names of the extractors that produce ``fact_type``."""
        return sorted(e.name for e in self.extractors.values() if fact_type in e.fact_types)


def collect_registry(pm: PluginManager, diagnostics: list[Diagnostic], *, strict: bool = False) -> Registry:
    """Ask every plugin for its extractors, summarizers, fact types and settings tables.

    The answer is kept on the plugin manager until its plugins change, with the
    diagnostics it gave; strict mode always asks again, so a failure raises.
    """
    cached = getattr(pm, "registry_cache", None)
    if cached is not None and not strict:
        registry, found = cached
        diagnostics.extend(dataclasses.replace(d) for d in found)
        return registry
    found: list[Diagnostic] = []
    registry = _ask_plugins(pm, found, strict)
    if hasattr(pm, "registry_cache"):
        pm.registry_cache = (registry, found)
    diagnostics.extend(found)
    return registry


def _ask_plugins(pm: PluginManager, diagnostics: list[Diagnostic], strict: bool) -> Registry:
    registry = Registry()
    _collect(pm, "register_extractors", Extractor, registry.extractors, diagnostics, strict)
    _collect(pm, "register_summarizers", Summarizer, registry.summarizers, diagnostics, strict)
    _collect(pm, "register_fact_types", FactType, registry.fact_types, diagnostics, strict)
    _collect(pm, "register_settings", Settings, registry.settings_tables, diagnostics, strict)
    for name, fact_type in list(registry.fact_types.items()):
        problem = _schema_problem(_schema_key(fact_type.value_schema))
        if problem:
            del registry.fact_types[name]
            diagnostics.append(Diagnostic(ERROR, "register_fact_types", f"fact type {name!r} has an invalid schema: {problem}", fact_type.plugin))
    for record in [*registry.extractors.values(), *registry.summarizers.values(), *registry.settings_tables.values()]:
        problems = {key: _schema_problem(_schema_key(schema)) for key, schema in record.config_schema.items()}
        for key, problem in problems.items():
            if problem:
                diagnostics.append(Diagnostic(ERROR, "config", f"{record.name!r} has an invalid config_schema for {key!r} (its default's type is checked instead): {problem}", record.plugin))
        record.config_schema = {key: schema for key, schema in record.config_schema.items() if not problems[key]}
    return registry


def _schema_key(schema: Mapping[str, Any]) -> str:
    """A schema as canonical JSON: the key ``_schema_problem`` and ``_validator`` cache it by."""
    return json.dumps(schema, sort_keys=True, default=str)


@lru_cache(maxsize=256)
def _schema_problem(schema_json: str) -> str | None:
    """Why a fact-type fragment is not a valid JSON Schema, or None (checked once per fragment)."""
    try:
        Draft202012Validator.check_schema(json.loads(schema_json))
    except SchemaError as exc:
        return exc.message
    return None


def _collect(pm, hook_name, record_type, into: dict, diagnostics, strict) -> None:
    trace = tracing()
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        plugin_name = impl.plugin_name

        def register(record, _plugin=plugin_name):
            if not isinstance(record, record_type):
                raise TypeError(f"register() takes a {record_type.__name__}, not {type(record).__name__}")
            record.plugin = _plugin
            if trace:
                trace_line(f"{_plugin}.{hook_name}: register({record_type.__name__} {record.name!r})")
            if record.name in into:
                diagnostics.append(Diagnostic(WARNING, hook_name, f"{record.name!r} is already registered by {into[record.name].plugin}; ignored", _plugin))
                return
            into[record.name] = record

        try:
            impl.function(**{name: register for name in impl.argnames})
        except STOPS:
            raise
        except BaseException as exc:  # SystemExit too: it is this plugin's failure
            if strict:
                raise PluginError(plugin_name, hook_name, exc) from exc
            if trace:
                trace_failure(exc)
            diagnostics.append(Diagnostic(ERROR, hook_name, f"{type(exc).__name__}: {exc}", plugin_name))


def effective_config(record: Extractor | Summarizer, config: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The record's defaults, overlaid with the user's settings for its plugin, then for the record itself."""
    for_plugin = config.get(record.plugin, {}) if record.plugin and record.plugin != record.name else {}
    return {**record.default_config, **dict(for_plugin), **dict(config.get(record.name, {}))}


@dataclass(frozen=True)
class Declared:
    """One declaration of a setting: the record or ``Settings`` table declaring it, its default and the JSON Schema of its value."""

    owner: str
    default: Any
    schema: Mapping[str, Any]


def declared_settings(registry: Registry, plugin_names) -> dict[str, dict[str, list[Declared]]]:
    """Every settings table a user may write, with the keys it may hold and their declarations.

    An extractor's or summarizer's table holds its ``default_config`` keys (a
    summarizer's also the budget); a plugin's table holds the keys of all its
    records and of the ``Settings`` it registered, each value to suit every
    record declaring it; a ``Settings`` table its own.
    """
    tables: dict[str, dict[str, list[Declared]]] = {name: {} for name in plugin_names}
    for record in [*registry.extractors.values(), *registry.summarizers.values(), *registry.settings_tables.values()]:
        defaults = record.defaults if isinstance(record, Settings) else record.default_config
        budget = BUDGET_KEYS if isinstance(record, Summarizer) else ()
        for key in dict.fromkeys([*defaults, *budget]):
            declared = Declared(record.name, defaults.get(key), setting_schema(record, key, defaults.get(key)))
            for table in dict.fromkeys(n for n in (record.name, record.plugin) if n):
                tables.setdefault(table, {}).setdefault(key, []).append(declared)
    return tables


def setting_schema(record: Extractor | Summarizer | Settings, key: str, default: Any) -> Mapping[str, Any]:
    """What a setting's value must be: the record's ``config_schema`` for it, else the budget's
    rule for a summarizer's budget, else the type of its default (a ``None`` default: anything)."""
    if key in record.config_schema:
        return record.config_schema[key]
    if isinstance(record, Summarizer) and key in BUDGET_KEYS:
        return BUDGET_SCHEMA if default is not None else {**BUDGET_SCHEMA, "type": ["integer", "null"]}
    return next(({"type": name} for kind, name in DEFAULT_TYPES if isinstance(default, kind)), {})


def config_problems(config: Mapping[str, Mapping[str, Any]], tables: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """One line per table or key of ``config`` that nothing declares, with a "did you mean" hint."""
    problems = []
    for name, table in config.items():
        if name not in tables:
            problems.append(f"no plugin, extractor or summarizer is named {name!r}{_hint(name, tables)}")
            continue
        for key in table:
            if key not in tables[name]:
                known = ", ".join(sorted(tables[name])) or "none"
                problems.append(f"{name!r} has no setting {key!r}{_hint(key, tables[name])} (its settings: {known})")
    return problems


def _hint(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def value_problems(config: Mapping[str, Mapping[str, Any]], tables: Mapping[str, Mapping[str, list[Declared]]], written: Mapping[str, Mapping[str, Any]] | None = None) -> list[str]:
    """One line per setting of ``config`` whose value its declaration refuses, naming the setting, the value
    (as ``written``, so a ``$env`` secret shows as ``$VAR``) and what is expected."""
    problems = []
    for name, table in config.items():
        for key, value in table.items():
            for declared in tables.get(name, {}).get(key, ()):
                why = _refusal(value, declared)
                if why:
                    shown = _shown((written or config)[name][key])
                    problems.append(f"setting {name}.{key}={shown}: {why}")
                    break
    return problems


def _refusal(value: Any, declared: Declared) -> str | None:
    schema = declared.schema
    error = best_match(_validator(_schema_key(schema)).iter_errors(value))
    if error is None:
        return None
    if "description" in schema:
        why = f"expected {schema['description']}"
    elif error.validator == "enum":
        why = "expected one of " + ", ".join(json.dumps(choice, ensure_ascii=False) for choice in error.validator_value)
    elif error.validator == "type":
        types = [error.validator_value] if isinstance(error.validator_value, str) else error.validator_value
        why = "expected " + " or ".join(TYPE_WORDS.get(t, t) for t in types)
    else:
        why = error.message
    return why if declared.default is None else f"{why} (default {_shown(declared.default)})"


@lru_cache(maxsize=256)
def _validator(schema_json: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema_json))


def _shown(value: Any) -> str:
    """A setting's value as the user would write it: JSON, with ``$env`` references as ``$VAR``."""
    shown = redacted(value)
    return shown if isinstance(shown, str) and shown != value else json.dumps(shown, ensure_ascii=False, default=str)
