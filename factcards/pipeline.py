"""The ``Pipeline``: built once from plugins, settings and selections, then run for every card.

Everything that does not depend on the article is worked out when the pipeline
is built: the registry, which extractors run and in what order, the summarizer,
the settings each record runs with (``$env`` secrets resolved, the budget and
device applied), what the generator block says. ``card()`` and ``cards()``
then only read it, so one pipeline may serve many threads at once: all
per-card state lives on the card's own ``Document`` and ``Card``.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from . import PLUGIN_API, __version__
from .card import ERROR, WARNING, Card, Diagnostic, Extractor, Fact, Summarizer, drop_superseded, merge_facts
from .config import ConfigError, resolve_env
from .document import Document
from .errors import STOPS, PluginError, SelectionError
from .limits import running, within
from .manager import PluginManager, load_plugins_dir, make_plugin_manager
from .reader import load_document
from .registry import Registry, collect_registry, config_problems, declared_settings, effective_config, value_problems
from .schema import SCHEMA_VERSION
from .stages import CardSnapshot, call_each, in_dependency_order, missing_requirements, prepare, run_extractors, summarize

DEFAULT_BATCH_SIZE = 32


class Pipeline:
    """Makes fact cards with one set of plugins, settings and selections.

    :param plugin_manager: from ``make_plugin_manager()``; a fresh one by default.
    :param config: settings, ``{name: {key: value}}`` (``{"$env": "VAR"}``
        values are read from ``environ`` now). A table or key that no plugin,
        extractor or summarizer declares raises ``ConfigError`` (a warning in
        each card's diagnostics with ``strict_config=False``); so does a value
        its declaration refuses (of another type than its default, or outside
        its ``config_schema``), strict or not.
    :param extractors: run only these extractors; default: all.
    :param summarizer: the summarizer to run; default: the available one with
        the highest priority.
    :param disable: names of extractors, summarizers or plugins not to run.
    :param length: the summary budget: sentences (``3``) or words (``"60w"``).
    :param device: where the named summarizer's model runs (its ``device`` setting).
    :param strict_plugins: raise ``PluginError`` on the first plugin failure.
    :param max_bytes: the largest input accepted (default 10 MiB or ``$FACTCARDS_MAX_BYTES``).
    :param timeout: seconds a card may take; past them it fails with ``CardTimeout``
        naming the plugin and stage that were running (see ``factcards.limits`` for
        how far a stuck plugin is stopped in-process; ``factcards.workers`` kills it).
    :raises SelectionError: an unknown extractor, summarizer or ``disable`` name.
    :raises ConfigError: an unknown setting, a value of the wrong type or outside its choices, or a ``$env`` variable that is not set.
    """

    def __init__(
        self,
        plugin_manager: PluginManager | None = None,
        *,
        config: Mapping[str, Mapping[str, Any]] | None = None,
        extractors: Iterable[str] | None = None,
        summarizer: str | None = None,
        disable: Iterable[str] = (),
        length: str | int | None = None,
        device: str | None = None,
        strict_plugins: bool = False,
        strict_config: bool = True,
        max_bytes: int | None = None,
        environ: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> None:
        self.plugin_manager = pm = plugin_manager or make_plugin_manager()
        self.strict_plugins = strict_plugins
        self.max_bytes = max_bytes
        if timeout is not None and not timeout > 0:
            raise SelectionError(f"timeout {timeout!r}: give a positive number of seconds")
        self.timeout = timeout
        self._notes = [Diagnostic(ERROR, "load", e.message, e.name) for e in pm.load_errors] + [Diagnostic(WARNING, "load", line) for line in pm.load_warnings]
        if strict_plugins and pm.load_errors:
            raise PluginError(pm.load_errors[0].name, "load", RuntimeError(pm.load_errors[0].message))
        self.registry: Registry = collect_registry(pm, self._notes, strict=strict_plugins)
        self.registry.fact_problem({})  # build the fact checker and card validator now, not under the first card's threads
        self.registry.card_validator()
        self.disabled = frozenset([disable] if isinstance(disable, str) else disable)
        check_disabled_names(pm, self.registry, self.disabled)
        self.extractors = in_dependency_order(select_extractors(self.registry, [extractors] if isinstance(extractors, str) else extractors, self.disabled))
        self.summarizer = select_summarizer(self.registry, summarizer, self.disabled)
        self.config = self._settings(config or {}, length, device, summarizer, strict_config, environ)
        self._extractor_settings = [(e, effective_config(e, self.config)) for e in self.extractors]
        self._notes += missing_requirements(self.extractors)
        self._plugin_of = {e.name: e.plugin for e in self.registry.extractors.values()}
        self._supersedes = {e.name: frozenset(e.supersedes) for e in self.extractors if e.supersedes}
        self._known_types = frozenset(self.registry.fact_types)

    def _settings(self, config, length, device, summarizer, strict, environ) -> dict[str, dict[str, Any]]:
        tables = declared_settings(self.registry, [n for n, i in self.plugin_manager.info.items() if i.status == "loaded"])
        problems = config_problems(config, tables)
        if problems and strict:
            raise config_error(problems)
        self._notes += [Diagnostic(WARNING, "config", line) for line in problems]
        resolved = resolve_env(config, environ) if environ is not None else resolve_env(config)
        refused = value_problems(resolved, tables, written=config)  # a value the plugin cannot use: an error, strict or not
        if refused:
            raise config_error(refused)
        budget = parse_length(length)
        if budget:
            for name in self.registry.summarizers:
                resolved[name] = {**resolved.get(name, {}), **budget}
        if device:
            if not summarizer:
                raise SelectionError("a device needs a named summarizer (the summarizer whose model it places)")
            if "device" not in effective_config(self.summarizer, resolved):
                raise SelectionError(f"summarizer {summarizer!r} has no device setting: it runs where it runs")
            resolved[summarizer] = {**resolved.get(summarizer, {}), "device": device}
        return resolved

    # -- input ---------------------------------------------------------------

    def document(self, source: Any, *, input_format: str = "auto", name: str | None = None) -> Document:
        """A ``Document`` from a ``Document``, text, bytes, a path or a mapping, with every input check.

        ``name`` (a file name, say) is used in error messages and to tell HTML
        or JSON by its suffix. Raises ``InputError`` with a one-line message.
        """
        return load_document(source, input_format=input_format, max_bytes=self.max_bytes, name=name)

    # -- cards ---------------------------------------------------------------

    def warm_up(self) -> None:
        """Load what the first card would (the summarizer's model), so the first card is as fast as the rest."""
        record = self.summarizer
        if record is not None and record.warm_up is not None:
            record.warm_up(self.summarizer_settings(record))

    def card(self, source: Any, *, published: str | None = None, input_format: str = "auto", name: str | None = None) -> Card:
        """Make one validated card.

        :param source: what ``document()`` takes.
        :param published: the publication date (ISO 8601); overrides the dateline.
        :raises InputError: the source is not a readable article.
        :raises PluginError: a plugin failed, with ``strict_plugins``.
        :raises CardInvalid: the card does not match the schema (a plugin bug).
        :raises CardTimeout: the card took longer than ``timeout``.
        """
        return within(self.timeout, lambda: self._card(source, published, input_format, name))

    def _card(self, source, published, input_format, name) -> Card:
        began = time.perf_counter()
        document = self.document(source, input_format=input_format, name=name)
        work = self._extract(document, published)
        summary, record = summarize(self.registry, self.summarizer, document, work.facts, self.summarizer_settings, work.diagnostics, self.strict_plugins)
        return self._finish(work, summary, record, time.perf_counter() - began)

    def cards(self, sources: Iterable[Any], *, published: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Card]:
        """Make a card of each source, in order, summarizing ``batch_size`` articles at a time
        where the summarizer can (``Summarizer.summarize_many``), like spaCy's ``nlp.pipe``.

        A source that is no readable article raises ``InputError`` when its turn
        comes; read them with ``document()`` first to handle them one by one.
        """
        batch: list[Any] = []
        for source in sources:
            batch.append(source)
            if len(batch) >= batch_size:
                yield from self._batch(batch, published)
                batch = []
        if batch:
            yield from self._batch(batch, published)

    def _batch(self, sources: list[Any], published: str | None) -> list[Card]:
        if len(sources) == 1 or self.summarizer is None or self.summarizer.summarize_many is None:
            return [self.card(source, published=published) for source in sources]
        return within(self.timeout and self.timeout * len(sources), lambda: self._batched(sources, published))

    def _batched(self, sources: list[Any], published: str | None) -> list[Card]:
        began = time.perf_counter()
        works = [self._extract(self.document(source), published) for source in sources]
        summaries = self._summaries(works)
        share = (time.perf_counter() - began) / len(works)
        return [self._finish(work, summary, record, share + work.elapsed) for work, (summary, record) in zip(works, summaries)]

    def _summaries(self, works: list[_Work]) -> list[tuple[Any, Summarizer | None]]:
        """One batched call of the summarizer; any failure falls back to summarizing one by one."""
        record = self.summarizer
        try:
            with running(record.plugin or record.name, f"summarizer {record.name}"):
                summaries = record.summarize_many([w.document for w in works], [w.facts for w in works], self.summarizer_settings(record))
            if len(summaries) != len(works):
                raise ValueError(f"summarize_many returned {len(summaries)} summaries for {len(works)} documents")
        except STOPS:
            raise
        except BaseException:  # SystemExit too: summarize one by one, where each failure is reported
            return [summarize(self.registry, record, w.document, w.facts, self.summarizer_settings, w.diagnostics, self.strict_plugins) for w in works]
        return [
            summarize(self.registry, record, w.document, w.facts, self.summarizer_settings, w.diagnostics, self.strict_plugins, made=summary)
            for w, summary in zip(works, summaries)
        ]

    def summarizer_settings(self, record: Summarizer) -> dict[str, Any]:
        """The settings ``record`` runs with in this pipeline (a fresh copy each time)."""
        return copy.deepcopy(effective_config(record, self.config))

    def _extract(self, document: Document, published: str | None) -> _Work:
        began = time.perf_counter()
        diagnostics = [Diagnostic(d.level, d.stage, d.message, d.plugin) for d in self._notes]
        prepare(self.plugin_manager, document, published, diagnostics, self.strict_plugins, self.disabled)
        facts = run_extractors(self._extractor_settings, document, diagnostics, self.strict_plugins)
        facts = merge_facts(document, facts, self._known_types, diagnostics, self._plugin_of, self.registry.fact_problem)
        facts = drop_superseded(facts, self._supersedes)
        return _Work(document, facts, diagnostics, time.perf_counter() - began)

    def _finish(self, work: _Work, summary, record: Summarizer | None, elapsed: float) -> Card:
        began = time.perf_counter()
        document, diagnostics = work.document, work.diagnostics
        card = Card(document=document.to_dict(), summary=summary, facts=work.facts, generator={}, diagnostics=diagnostics, schema_version=SCHEMA_VERSION)
        call_each(
            self.plugin_manager, "process_card", diagnostics, strict=self.strict_plugins, skip=self.disabled,
            guard=lambda: CardSnapshot(card), card=card, document=document, config={name: dict(table) for name, table in self.config.items()}, registry=self.registry,
        )
        checked = {id(fact) for fact in work.facts}  # a fact process_card changed in place is caught by the card's validation
        card.facts = merge_facts(document, card.facts, self._known_types, diagnostics, self._plugin_of, self.registry.fact_problem, checked)
        if card.summary is not None and card.summary.method in self.registry.summarizers:
            record = self.registry.summarizers[card.summary.method]  # a process_card hook may have replaced the summary
        card.generator = self._generator(record, elapsed + time.perf_counter() - began)
        self.registry.card_validator()(card.to_dict())
        return card

    def _generator(self, summarizer: Summarizer | None, elapsed: float) -> dict[str, Any]:
        pm = self.plugin_manager

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
            "extractors": [described(e) for e in sorted(self.extractors, key=lambda e: e.name)],
            "summarizer": described(summarizer) if summarizer else None,
            "elapsed_ms": round(elapsed * 1000, 3),
        }


@dataclass(frozen=True)
class PipelineOptions:
    """Everything a ``Pipeline`` is built from, as plain data: a worker process, a web
    worker or a Ray actor receives these and builds its own pipeline with ``build()``."""

    config: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    extractors: tuple[str, ...] | None = None
    summarizer: str | None = None
    disable: tuple[str, ...] = ()
    length: str | int | None = None
    device: str | None = None
    strict_plugins: bool = False
    strict_config: bool = True
    max_bytes: int | None = None
    timeout: float | None = None
    plugins_dirs: tuple[str, ...] = ()
    entry_points: bool = True

    def build(self, plugin_manager: PluginManager | None = None) -> Pipeline:
        """The pipeline, on ``plugin_manager`` or on a fresh one with these plugin folders."""
        if plugin_manager is None:
            plugin_manager = make_plugin_manager(entry_points=self.entry_points)
            for folder in self.plugins_dirs:
                load_plugins_dir(plugin_manager, folder)
        return Pipeline(
            plugin_manager, config=self.config, extractors=self.extractors, summarizer=self.summarizer,
            disable=self.disable, length=self.length, device=self.device, strict_plugins=self.strict_plugins,
            strict_config=self.strict_config, max_bytes=self.max_bytes, timeout=self.timeout,
        )


class _Work:
    """One card between extraction and summary."""

    __slots__ = ("document", "facts", "diagnostics", "elapsed")

    def __init__(self, document: Document, facts: list[Fact], diagnostics: list[Diagnostic], elapsed: float):
        self.document, self.facts, self.diagnostics, self.elapsed = document, facts, diagnostics, elapsed


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
    """Make a validated fact card from an article, for one-off use (build a ``Pipeline`` for many).

    The options are ``Pipeline``'s and ``Pipeline.card``'s.
    """
    pipeline = Pipeline(
        plugin_manager, config=config, extractors=extractors, summarizer=summarizer, disable=disable,
        length=length, strict_plugins=strict_plugins, max_bytes=max_bytes,
    )
    return pipeline.card(source, published=published, input_format=input_format)


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


def config_error(problems: list[str]) -> ConfigError:
    """The first problem, and how many more there are."""
    return ConfigError(problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))


def check_disabled_names(pm: PluginManager, registry: Registry, disabled: Iterable[str]) -> None:
    """Refuse ``disable`` names that are no extractor, summarizer or plugin (a typo would silently do nothing)."""
    known = set(registry.extractors) | set(registry.summarizers) | set(pm.info)
    unknown = sorted(set(disabled) - known)
    if unknown:
        raise SelectionError(f"cannot disable {unknown[0]!r}: no extractor, summarizer or plugin has that name")


def select_extractors(registry: Registry, names: Iterable[str] | None, disabled: frozenset[str]) -> list[Extractor]:
    if names:
        names = list(dict.fromkeys(names))
        unknown = [n for n in names if n not in registry.extractors]
        if unknown:
            raise SelectionError(f"no extractor named {unknown[0]!r} (known: {', '.join(sorted(registry.extractors)) or 'none'})")
        pool = [registry.extractors[n] for n in names]
    else:
        pool = list(registry.extractors.values())
    return sorted((e for e in pool if e.name not in disabled and e.plugin not in disabled), key=lambda e: e.name)


def select_summarizer(registry: Registry, name: str | None, disabled: frozenset[str]) -> Summarizer | None:
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
    except KeyboardInterrupt:
        raise
    except BaseException:  # SystemExit too: plugin code that cannot say is not available
        return False
