"""The stages of one card: prepare the document, run the extractors, summarize.

Every plugin call goes through ``call_each`` or a guarded extractor or
summarizer call: one implementation at a time, so an exception becomes a
diagnostic (or, in strict mode, a ``PluginError``) instead of stopping the
other plugins. Any exception counts, ``SystemExit`` included; only Ctrl-C
(``KeyboardInterrupt``) and the card's time limit (``CardTimeout``) stop the card.
Each call is marked with ``limits.running`` so a time limit names what was running.
"""

from __future__ import annotations

import time
from itertools import islice
from typing import Any, Callable, Iterable

from .card import ERROR, INFO, WARNING, Card, Diagnostic, Extractor, Fact, Summarizer, Summary, SummarySentence
from .document import Document
from .errors import STOPS, PluginError, SelectionError
from .limits import MAX_FACTS_PER_EXTRACTOR, running
from .manager import PluginManager
from .reader import normalize_published
from .trace import trace_failure, trace_line, tracing

FALLBACK_SUMMARIZER = "lead"


def call_each(
    pm: PluginManager,
    hook_name: str,
    diagnostics: list[Diagnostic],
    *,
    strict: bool = False,
    skip: Iterable[str] = frozenset(),
    guard: Callable[[], CardSnapshot] | None = None,
    **kwargs: Any,
) -> list[tuple[str, Any]]:
    """Call every implementation of ``hook_name`` on its own (but those of plugins in ``skip``);
    return ``(plugin name, result)`` pairs.

    ``guard``, when given, takes a snapshot before each implementation: what the
    implementation leaves is checked (``problem()``) and, if wrong or if it raised,
    undone (``restore()``) and reported as its failure.
    """
    results = []
    trace = tracing()
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        if impl.plugin_name in skip:
            continue
        args = {name: kwargs[name] for name in impl.argnames}
        snapshot = guard() if guard else None
        try:
            with running(impl.plugin_name, hook_name):
                result = impl.function(**args)
            problem = snapshot.problem() if snapshot else None
            if problem:
                raise TypeError(problem)
        except STOPS:
            raise
        except BaseException as exc:  # SystemExit too: it is this plugin's failure
            if snapshot:
                snapshot.restore()
            plugin_failed(diagnostics, strict, hook_name, exc, impl.plugin_name)
            continue
        if trace:
            trace_line(f"{impl.plugin_name}.{hook_name}({', '.join(args)}) -> {result!r}")
        results.append((impl.plugin_name, result))
    return results


def plugin_failed(diagnostics: list[Diagnostic], strict: bool, stage: str, exc: BaseException, plugin: str | None, name: str | None = None) -> None:
    """Report plugin code's exception: ``PluginError`` in strict mode, else a diagnostic (and,
    under ``FACTCARDS_TRACE``, its traceback on stderr). ``name`` stands in for a missing ``plugin``."""
    if strict:
        raise PluginError(plugin or name, stage, exc) from exc
    if tracing():
        trace_failure(exc)
    diagnostics.append(Diagnostic(ERROR, stage, f"{type(exc).__name__}: {exc}", plugin))


class CardSnapshot:
    """A card's fields before one ``process_card`` implementation, to check and undo what it did."""

    FIELDS = ("document", "summary", "facts", "generator", "diagnostics", "schema_version")

    def __init__(self, card: Card) -> None:
        self.card = card
        self.fields = {name: getattr(card, name) for name in self.FIELDS}
        self.contents = {name: list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else None for name, value in self.fields.items()}

    def problem(self) -> str | None:
        """What is wrong with the card's shape now, or None."""
        card = self.card
        checks = (
            ("facts", _is_list_of(card.facts, Fact), "a list of Fact"),
            ("diagnostics", _is_list_of(card.diagnostics, Diagnostic), "a list of Diagnostic"),
            ("summary", card.summary is None or _is_summary(card.summary), "None or a Summary"),
            ("document", isinstance(card.document, dict), "a dict"),
        )
        for name, fine, wanted in checks:
            if not fine:
                return f"left card.{name} as {_described(getattr(card, name))}, not {wanted}; its change was undone"
        return None

    def restore(self) -> None:
        """Put back every field, and the contents of its list or dict, as they were."""
        for name, value in self.fields.items():
            setattr(self.card, name, value)
            saved = self.contents[name]
            if isinstance(saved, list):
                value[:] = saved
            elif isinstance(saved, dict):
                value.clear()
                value.update(saved)


def _is_list_of(value: Any, kind: type) -> bool:
    return isinstance(value, list) and all(isinstance(item, kind) for item in value)


def _is_summary(summary: Any) -> bool:
    return isinstance(summary, Summary) and isinstance(summary.text, str) and _is_list_of(summary.sentences, SummarySentence)


def _described(value: Any) -> str:
    if isinstance(value, list):
        return f"a list of {', '.join(sorted({type(item).__name__ for item in value}))}"
    if isinstance(value, Summary):
        return "a Summary with malformed sentences or text"
    return "None" if value is None else f"a {type(value).__name__}"


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


def in_dependency_order(extractors: list[Extractor]) -> list[Extractor]:
    """``extractors`` by name, each after those producing the fact types it ``requires``.

    Raises ``SelectionError`` when the requirements form a cycle.
    """
    pending = sorted(extractors, key=lambda e: e.name)
    ordered: list[Extractor] = []
    while pending:
        ready = [e for e in pending if not _waits_for(e, pending)]
        if not ready:
            names = ", ".join(e.name for e in pending)
            raise SelectionError(f"extractors {names} require each other's fact types (a cycle in 'requires')")
        ordered.append(ready[0])
        pending.remove(ready[0])
    return ordered


def _waits_for(extractor: Extractor, pending: list[Extractor]) -> bool:
    return any(other is not extractor and set(extractor.requires) & set(other.fact_types) for other in pending)


def missing_requirements(extractors: list[Extractor]) -> list[Diagnostic]:
    """A note per required fact type that no selected extractor produces."""
    produced = {t for e in extractors for t in e.fact_types}
    notes = []
    for extractor in extractors:
        missing = [t for t in extractor.requires if t not in produced]
        if missing:
            message = f"requires {', '.join(missing)} facts, which no selected extractor produces"
            notes.append(Diagnostic(INFO, f"extractor {extractor.name}", message, extractor.plugin))
    return notes


def run_extractors(chosen: list[tuple[Extractor, dict]], document: Document, diagnostics, strict: bool) -> list[Fact]:
    """The facts of every ``(extractor, settings)`` pair, in order; ``document.facts`` grows as they run."""
    trace = tracing()
    document.facts = []
    for extractor, settings in chosen:
        began = time.perf_counter()
        stage = f"extractor {extractor.name}"
        try:
            with running(extractor.plugin or extractor.name, stage):
                found = list(islice(extractor.extract(document, dict(settings)), MAX_FACTS_PER_EXTRACTOR + 1))
        except STOPS:
            raise
        except BaseException as exc:  # SystemExit too: it is this plugin's failure
            plugin_failed(diagnostics, strict, stage, exc, extractor.plugin, extractor.name)
            continue
        if len(found) > MAX_FACTS_PER_EXTRACTOR:
            del found[MAX_FACTS_PER_EXTRACTOR:]
            message = f"returned more than {MAX_FACTS_PER_EXTRACTOR:,} facts; kept the first {MAX_FACTS_PER_EXTRACTOR:,}"
            diagnostics.append(Diagnostic(WARNING, stage, message, extractor.plugin))
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
            document.facts.append(fact)
    facts, document.facts = document.facts, []
    return facts


_NOT_MADE = object()


def summarize(registry, chosen: Summarizer | None, document, facts, settings_of, diagnostics, strict, made: Any = _NOT_MADE):
    """Run the chosen summarizer; on failure fall back to ``lead`` with a diagnostic.

    ``settings_of(summarizer)`` gives the settings a summarizer runs with.
    ``made`` is what ``chosen`` already returned for this document (from a
    batched ``summarize_many``): it is checked and accepted the same way.
    """
    if chosen is None:
        diagnostics.append(Diagnostic(WARNING, "summarize", "no summarizer available; the card has no summary"))
        return None, None
    try:
        summary = made
        if summary is _NOT_MADE:
            with running(chosen.plugin or chosen.name, f"summarizer {chosen.name}"):
                summary = chosen.summarize(document, facts, settings_of(chosen))
        check_summary(summary, document)
    except STOPS:
        raise
    except BaseException as exc:  # SystemExit too: it is this plugin's failure
        if strict:
            raise PluginError(chosen.plugin or chosen.name, f"summarizer {chosen.name}", exc) from exc
        return fall_back(registry, chosen, exc, document, facts, settings_of, diagnostics, strict)
    summary.method = chosen.name
    return summary, chosen


def fall_back(registry, failed: Summarizer, exc: BaseException, document, facts, settings_of, diagnostics, strict):
    """Report ``failed``'s exception and summarize with ``lead`` instead (unless it was ``lead``)."""
    plugin_failed(diagnostics, False, f"summarizer {failed.name}", exc, failed.plugin)
    fallback = registry.summarizers.get(FALLBACK_SUMMARIZER)
    if fallback is None or fallback is failed:
        return None, None
    diagnostics.append(Diagnostic(INFO, "summarize", f"fell back to {FALLBACK_SUMMARIZER!r}", failed.plugin))
    return summarize(registry, fallback, document, facts, settings_of, diagnostics, strict)


def check_summary(summary: Any, document: Document) -> None:
    """Raise unless ``summary`` is a ``Summary`` whose extractive sentences sit at their offsets."""
    if not isinstance(summary, Summary):
        raise TypeError(f"summarize() returned {type(summary).__name__}, not a Summary")
    if summary.extractive:
        for sentence in summary.sentences:
            if sentence.start is None or document.text[sentence.start : sentence.end] != sentence.text:
                raise ValueError(f"extractive sentence {sentence.text[:40]!r} is not at its offsets")
