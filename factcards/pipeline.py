"""Making a card: prepare the document, run the extractors, merge, summarize, post-process, validate.

Every plugin call goes through ``call_each``: one implementation at a time, so
an exception becomes a diagnostic (or, in strict mode, a ``PluginError``)
instead of stopping the other plugins.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from . import PLUGIN_API, __version__
from .card import ERROR, INFO, WARNING, Card, Diagnostic, Extractor, Fact, FactType, Summarizer, Summary, merge_facts
from .document import Document
from .errors import PluginError, SelectionError
from .manager import PluginManager, make_plugin_manager
from .reader import load_document, normalize_published
from .schema import SCHEMA_VERSION, compose_schema, fact_checker, validate_card

TRACE_ENV = "FACTCARDS_TRACE"
FALLBACK_SUMMARIZER = "lead"


@dataclass
class Registry:
    """Everything the plugins registered: extractors, summarizers and fact types, by name."""

    extractors: dict[str, Extractor] = field(default_factory=dict)
    summarizers: dict[str, Summarizer] = field(default_factory=dict)
    fact_types: dict[str, FactType] = field(default_factory=dict)
    _fact_checker: Callable[[dict[str, Any]], str | None] | None = field(default=None, repr=False)

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


def call_each(
    pm: PluginManager,
    hook_name: str,
    diagnostics: list[Diagnostic],
    *,
    strict: bool = False,
    skip: set[str] = frozenset(),
    **kwargs: Any,
) -> list[tuple[str, Any]]:
    """Call every implementation of ``hook_name`` on its own (but those of plugins in ``skip``);
    return ``(plugin name, result)`` pairs."""
    results = []
    trace = os.environ.get(TRACE_ENV)
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        if impl.plugin_name in skip:
            continue
        args = {name: kwargs[name] for name in impl.argnames}
        try:
            result = impl.function(**args)
        except Exception as exc:
            if strict:
                raise PluginError(impl.plugin_name, hook_name, exc) from exc
            diagnostics.append(Diagnostic(ERROR, hook_name, f"{type(exc).__name__}: {exc}", impl.plugin_name))
            continue
        if trace:
            trace_line(f"{impl.plugin_name}.{hook_name}({', '.join(args)}) -> {result!r}")
        results.append((impl.plugin_name, result))
    return results


def trace_line(message: str) -> None:
    """One line on stderr when ``FACTCARDS_TRACE`` is set (callers check it, to keep the fast path free)."""
    print(f"factcards trace: {message}", file=sys.stderr)


def collect_registry(pm: PluginManager, diagnostics: list[Diagnostic], *, strict: bool = False) -> Registry:
    """Ask every plugin for its extractors, summarizers and fact types.

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
    for name, fact_type in list(registry.fact_types.items()):
        problem = _schema_problem(json.dumps(fact_type.value_schema, sort_keys=True, default=str))
        if problem:
            del registry.fact_types[name]
            diagnostics.append(Diagnostic(ERROR, "register_fact_types", f"fact type {name!r} has an invalid schema: {problem}", fact_type.plugin))
    return registry


@lru_cache(maxsize=256)
def _schema_problem(schema_json: str) -> str | None:
    """Why a fact-type fragment is not a valid JSON Schema, or None (checked once per fragment)."""
    try:
        Draft202012Validator.check_schema(json.loads(schema_json))
    except SchemaError as exc:
        return exc.message
    return None


def _collect(pm, hook_name, record_type, into: dict, diagnostics, strict) -> None:
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        plugin_name = impl.plugin_name

        def register(record, _plugin=plugin_name):
            if not isinstance(record, record_type):
                raise TypeError(f"register() takes a {record_type.__name__}, not {type(record).__name__}")
            record.plugin = _plugin
            if os.environ.get(TRACE_ENV):
                trace_line(f"{_plugin}.{hook_name}: register({record_type.__name__} {record.name!r})")
            if record.name in into:
                diagnostics.append(Diagnostic(WARNING, hook_name, f"{record.name!r} is already registered by {into[record.name].plugin}; ignored", _plugin))
                return
            into[record.name] = record

        try:
            impl.function(**{name: register for name in impl.argnames})
        except Exception as exc:
            if strict:
                raise PluginError(plugin_name, hook_name, exc) from exc
            diagnostics.append(Diagnostic(ERROR, hook_name, f"{type(exc).__name__}: {exc}", plugin_name))


def make_card(
    source: Any,
    *,
    published: str | None = None,
    summarizer: str | None = None,
    extractors: Iterable[str] | None = None,
    disable: Iterable[str] = (),
    config: Mapping[str, Mapping[str, Any]] | None = None,
    plugin_manager: PluginManager | None = None,
    length: str | int | None = None,
    strict_plugins: bool = False,
    input_format: str = "auto",
    max_bytes: int | None = None,
) -> Card:
    """Make a validated fact card from an article.

    :param source: a ``Document``, the article's text (``str``), a path
        (``pathlib.Path``) to a text, HTML or JSON file, or a mapping with
        ``text``, ``title``, ``published``, ``source`` and ``url``.
    :param published: the publication date (ISO 8601); overrides the dateline.
    :param summarizer: the summarizer to run; default: the available one with
        the highest priority.
    :param extractors: run only these extractors; default: all.
    :param disable: names of extractors or plugins not to run.
    :param config: per extractor/summarizer settings, ``{name: {key: value}}``.
    :param length: the summary budget: sentences (``3``) or words (``"60w"``).
    :param plugin_manager: from ``make_plugin_manager()``; a fresh one by default.
    :param strict_plugins: raise ``PluginError`` on the first plugin failure.
    :raises InputError: the source is not a readable article.
    :raises SelectionError: a named extractor or summarizer does not exist.
    :raises CardInvalid: the card does not match the schema (a plugin bug).
    """
    began = time.perf_counter()
    pm = plugin_manager or make_plugin_manager()
    diagnostics = [Diagnostic(ERROR, "load", e.message, e.name) for e in pm.load_errors]
    if strict_plugins and pm.load_errors:
        raise PluginError(pm.load_errors[0].name, "load", RuntimeError(pm.load_errors[0].message))
    config = dict(config or {})
    disabled = {disable} if isinstance(disable, str) else set(disable)
    if isinstance(extractors, str):
        extractors = [extractors]
    budget = parse_length(length)

    document = load_document(source, input_format=input_format, max_bytes=max_bytes)
    registry = collect_registry(pm, diagnostics, strict=strict_plugins)
    chosen = select_extractors(registry, extractors, disabled)
    summarizer_record = select_summarizer(registry, summarizer, disabled)
    check_disabled_names(pm, registry, disabled)
    if budget:
        for name in registry.summarizers:
            config[name] = {**config.get(name, {}), **budget}

    prepare(pm, document, published, diagnostics, strict_plugins, disabled)
    facts = run_extractors(chosen, document, config, diagnostics, strict_plugins)
    plugin_of = {e.name: e.plugin for e in registry.extractors.values()}
    facts = merge_facts(document, facts, set(registry.fact_types), diagnostics, plugin_of, registry.fact_problem)
    summary, summarizer_record = summarize(registry, summarizer_record, document, facts, config, diagnostics, strict_plugins)

    card = Card(
        document=document.to_dict(),
        summary=summary,
        facts=facts,
        generator={},
        diagnostics=diagnostics,
        schema_version=SCHEMA_VERSION,
    )
    call_each(pm, "process_card", diagnostics, strict=strict_plugins, skip=disabled, card=card, document=document, config=config, registry=registry)
    checked = {id(fact) for fact in facts}  # a fact process_card changed in place is caught by the card's validation
    card.facts = merge_facts(document, card.facts, set(registry.fact_types), diagnostics, plugin_of, registry.fact_problem, checked)
    if card.summary is not None and card.summary.method in registry.summarizers:
        summarizer_record = registry.summarizers[card.summary.method]  # a process_card hook may have replaced the summary
    card.generator = generator_info(pm, chosen, summarizer_record, time.perf_counter() - began)
    validate_card(card.to_dict(), registry.fact_types.values())
    return card


def parse_length(value: str | int | None) -> dict[str, int]:
    """``3`` means three sentences, ``"60w"`` sixty words."""
    if value is None:
        return {}
    text = str(value).strip().lower()
    try:
        number = int(text[:-1]) if text.endswith(("w", "s")) else int(text)
    except ValueError:
        raise SelectionError(f"length {value!r}: give a number of sentences (3) or words (60w)") from None
    if number < 1:
        raise SelectionError(f"length {value!r} must be at least 1")
    return {"words": number} if text.endswith("w") else {"sentences": number}


def prepare(pm: PluginManager, document: Document, published: str | None, diagnostics, strict: bool, disabled=frozenset()) -> None:
    """Run the cleaners, apply a ``published`` override, then segment sentences."""
    given, original_text = document.published, document.text
    call_each(pm, "prepare_document", diagnostics, strict=strict, skip=disabled, document=document)
    if document.text != original_text:
        document.text = original_text
        diagnostics.append(Diagnostic(ERROR, "prepare_document", "a cleaner changed the document text; the original was restored (mark regions instead)"))
    if given:
        document.published = given
    if published:
        document.published = normalize_published(published)
    document.segment()


def check_disabled_names(pm: PluginManager, registry: Registry, disabled: set[str]) -> None:
    """Refuse ``disable`` names that are no extractor, summarizer or plugin (a typo would silently do nothing)."""
    known = set(registry.extractors) | set(registry.summarizers) | set(pm.info)
    unknown = sorted(disabled - known)
    if unknown:
        raise SelectionError(f"cannot disable {unknown[0]!r}: no extractor, summarizer or plugin has that name")


def select_extractors(registry: Registry, names: Iterable[str] | None, disabled: set[str]) -> list[Extractor]:
    if names:
        names = list(dict.fromkeys(names))
        unknown = [n for n in names if n not in registry.extractors]
        if unknown:
            raise SelectionError(f"no extractor named {unknown[0]!r} (known: {', '.join(sorted(registry.extractors)) or 'none'})")
        pool = [registry.extractors[n] for n in names]
    else:
        pool = list(registry.extractors.values())
    return sorted((e for e in pool if e.name not in disabled and e.plugin not in disabled), key=lambda e: e.name)


def select_summarizer(registry: Registry, name: str | None, disabled: set[str]) -> Summarizer | None:
    if name:
        if name not in registry.summarizers:
            raise SelectionError(f"no summarizer named {name!r} (known: {', '.join(sorted(registry.summarizers)) or 'none'})")
        return registry.summarizers[name]
    candidates = [s for s in registry.summarizers.values() if s.name not in disabled and s.plugin not in disabled and _available(s)]
    if not candidates:
        return None
    return max(candidates, key=lambda s: (s.priority, s.name))


def _available(summarizer: Summarizer) -> bool:
    try:
        return bool(summarizer.available())
    except Exception:
        return False


def effective_config(record: Extractor | Summarizer, config: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The record's defaults, overlaid with the user's settings for its plugin, then for the record itself."""
    for_plugin = config.get(record.plugin, {}) if record.plugin and record.plugin != record.name else {}
    return {**record.default_config, **dict(for_plugin), **dict(config.get(record.name, {}))}


def run_extractors(chosen: list[Extractor], document: Document, config, diagnostics, strict: bool) -> list[Fact]:
    facts: list[Fact] = []
    trace = os.environ.get(TRACE_ENV)
    for extractor in chosen:
        began = time.perf_counter()
        try:
            found = list(extractor.extract(document, effective_config(extractor, config)))
        except Exception as exc:
            if strict:
                raise PluginError(extractor.plugin or extractor.name, f"extractor {extractor.name}", exc) from exc
            diagnostics.append(Diagnostic(ERROR, f"extractor {extractor.name}", f"{type(exc).__name__}: {exc}", extractor.plugin))
            continue
        if trace:
            trace_line(f"{extractor.plugin}: extractor {extractor.name} -> {len(found)} facts in {(time.perf_counter() - began) * 1000:.1f} ms")
        undeclared = sorted({f.type for f in found if isinstance(f, Fact) and f.type not in extractor.fact_types})
        if undeclared:
            diagnostics.append(Diagnostic(WARNING, f"extractor {extractor.name}", f"dropped facts of undeclared types {', '.join(undeclared)} (declare them in fact_types)", extractor.plugin))
        for fact in found:
            if isinstance(fact, Fact):
                if fact.type in undeclared:
                    continue
                fact.extractor = extractor.name
            facts.append(fact)
    return facts


def summarize(registry, chosen: Summarizer | None, document, facts, config, diagnostics, strict):
    """Run the chosen summarizer; on failure fall back to ``lead`` with a diagnostic."""
    if chosen is None:
        diagnostics.append(Diagnostic(WARNING, "summarize", "no summarizer available; the card has no summary"))
        return None, None
    try:
        summary = chosen.summarize(document, facts, effective_config(chosen, config))
        _check_summary(summary, document)
    except Exception as exc:
        if strict:
            raise PluginError(chosen.plugin or chosen.name, f"summarizer {chosen.name}", exc) from exc
        diagnostics.append(Diagnostic(ERROR, f"summarizer {chosen.name}", f"{type(exc).__name__}: {exc}", chosen.plugin))
        fallback = registry.summarizers.get(FALLBACK_SUMMARIZER)
        if fallback is None or fallback is chosen:
            return None, None
        diagnostics.append(Diagnostic(INFO, "summarize", f"fell back to {FALLBACK_SUMMARIZER!r}", chosen.plugin))
        return summarize(registry, fallback, document, facts, config, diagnostics, strict)
    summary.method = chosen.name
    return summary, chosen


def _check_summary(summary: Any, document: Document) -> None:
    if not isinstance(summary, Summary):
        raise TypeError(f"summarize() returned {type(summary).__name__}, not a Summary")
    if summary.extractive:
        for sentence in summary.sentences:
            if sentence.start is None or document.text[sentence.start : sentence.end] != sentence.text:
                raise ValueError(f"extractive sentence {sentence.text[:40]!r} is not at its offsets")


def generator_info(pm: PluginManager, extractors: list[Extractor], summarizer: Summarizer | None, elapsed: float) -> dict:
    def described(record):
        return {"name": record.name, "plugin": record.plugin, "version": record.version or pm.plugin_version(record.plugin)}

    return {
        "name": "factcards",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "plugin_api": PLUGIN_API,
        "plugins": [
            {"name": i.name, "version": i.version, "builtin": i.builtin}
            for i in sorted(pm.info.values(), key=lambda i: i.name)
            if i.status == "loaded"
        ],
        "extractors": [described(e) for e in extractors],
        "summarizer": described(summarizer) if summarizer else None,
        "elapsed_ms": round(elapsed * 1000, 3),
    }
