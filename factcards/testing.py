"""Helpers for testing factcards plugins, in your plugin's own test suite.

::

    from factcards.testing import assert_grounded, check_extractor, make_test_card, registered
    import my_plugin

    def test_my_facts():
        with registered(my_plugin) as pm:
            card = make_test_card("At least 12 people were killed.", pm)
        assert_grounded(card)

    def test_conformance():
        check_extractor(my_plugin)

The same helpers are pytest fixtures (``factcards_pm``, ``factcards_register``,
``factcards_document``, ``factcards_sample_text``) in any project that has
factcards installed; see ``factcards.pytest_plugin``.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import importlib.metadata
import json
import random
import re
import time
from datetime import datetime
from typing import Any, Callable, Iterable, Iterator


from .card import Card, Extractor, Fact, Summarizer, Summary
from .document import CHROME, DATELINE, Document
from .manager import DEFAULT_PLUGINS, ENTRY_POINT_GROUP, PluginManager, make_plugin_manager
from .pipeline import make_card
from .registry import Registry, collect_registry
from .stages import check_summary, prepare
from .schema import compose_schema, schema_errors

MINIMAL_PLUGINS = ("scraped_page", "lead")

NEWS_SAMPLE = """\
Flood death toll rises as rescuers search for missing
Updated 09:30, 03-Mar-2023

At least 12 people were killed and 40 injured when floods swept through the river valley on Tuesday, officials said.
"We have never seen water this high," said Maria Lopez, the regional governor, adding that 3,500 homes were damaged.
The government pledged $25 million in emergency aid and said schools would stay closed until March 10.
Parliament approved the aid package by 212 votes to 87, with 14 abstentions, late on Wednesday.
Prices of drinking water rose 30% in two days, according to the consumer agency.
"""

UNBALANCED_QUOTES = (
    '"He said the vote was 12 to 3 and then',
    "\u201cNobody expected 40 people to come, she said. \u201cBut they came.",
    "They call it the \u2018people\u2019s budget\u2019 of $5 million' and \" and '",
    '"' * 501,
    "''''\u201d\u201d\u201c\u2019\u2018 12 \u201c",
)

# Code points that trip text code: combining marks, right-to-left scripts,
# non-ASCII digits, zero-width and odd spaces, emoji, CJK, control characters.
_UNICODE_POOLS = (
    "abcXYZ 0123456789.,;:!?-()$%\u20ac\u00a3\n",
    "\u0301\u0308\u0327\u200b\u200c\u200d\u2060\ufeff\u00a0\u2009\u202f",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629\u05e2\u05d1\u05e8\u05d9\u05ea\u0660\u0661\u0662\u0663",
    "\u4e2d\u6587\u5b57\u65e5\u672c\u8a9e\uff11\uff12\uff13\u3002\u300c\u300d",
    "\U0001f600\U0001f44d\U0001f3fd\u2764\ufe0f\U0001f1fa\U0001f1f8",
    "\x00\x07\t\r\x1b\u2028\u2029\u0085",
    "\u0966\u0967\u0968\u096f\u0e51\u0e52\u2153\u00bd\u00b2\u2460",
)


def fresh_plugin_manager(*, builtins: bool = False) -> PluginManager:
    """A plugin manager with no installed plugins: only the page cleaner and ``lead``, or every built-in."""
    if builtins:
        return make_plugin_manager(entry_points=False)
    import importlib

    pm = make_plugin_manager(builtins=False, entry_points=False)
    for name in MINIMAL_PLUGINS:
        pm.register_plugin(importlib.import_module(DEFAULT_PLUGINS[name]), name, builtin=True)
    return pm


def plugin_name(plugin: object, pm: PluginManager | None = None) -> str:
    """The name ``plugin`` runs under: its name on ``pm`` if registered there, else the
    name of the installed entry point that loads it, else its module's (or class's) name."""
    if pm is not None and pm.is_registered(plugin):
        return pm.get_name(plugin)
    module = getattr(plugin, "__name__", None)
    if module:
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.value.split(":")[0] == module and ":" not in ep.value:
                return ep.name
    return module or type(plugin).__name__


@contextlib.contextmanager
def registered(plugin: object, pm: PluginManager | None = None, *, name: str | None = None) -> Iterator[PluginManager]:
    """Register ``plugin`` for the duration of the block and yield the plugin manager.

    Without ``pm`` the manager is fresh (``fresh_plugin_manager()``: the page
    cleaner and ``lead``, nothing installed), so the test sees only your
    plugin. The plugin is always unregistered when the block ends, even when it
    raises. A plugin already registered on ``pm`` is left as it is.
    """
    pm = pm if pm is not None else fresh_plugin_manager()
    if pm.is_registered(plugin):
        yield pm
        return
    name = name or plugin_name(plugin, pm)
    pm.register_plugin(plugin, name)
    try:
        yield pm
    finally:
        if pm.is_registered(plugin):
            pm.unregister(plugin)
        pm.info.pop(name, None)


def make_test_card(source: Any, pm: PluginManager, **options: Any) -> Card:
    """``factcards.make_card`` for tests: the fast ``lead`` summary, and strict.

    Strict (``strict_plugins=True``) means your plugin's exception fails the
    test with its message (``PluginError``) instead of leaving a card without
    your facts and the reason hidden in ``card.diagnostics``. ``options`` go
    to ``make_card`` (``config``, ``published``, ``extractors``...).
    """
    options = {"summarizer": "lead", "strict_plugins": True, **options}
    return make_card(source, plugin_manager=pm, **options)


def make_document(text: str, published: str | None = None, *, dateline: bool = False, prepare_it: bool = True, **meta: Any) -> Document:
    """A ``Document`` ready for an extractor, as the core would hand it over.

    ``published`` (ISO 8601) sets the publication date. With ``dateline=True``
    a dateline line for it ("Updated 09:30, 03-Mar-2023") is put in front of
    ``text``, so offsets are then relative to ``document.text``, not ``text``.
    Unless ``prepare_it=False`` the page cleaner marks regions (chrome,
    dateline, captions) and sentences are segmented. ``meta``: ``title``,
    ``source``, ``url``, ``language``.
    """
    if dateline:
        if not published:
            raise ValueError("dateline=True needs published")
        text = f"{_dateline_for(published)}\n\n{text}"
    document = Document(text, published=published, **meta)
    if prepare_it:
        prepare(fresh_plugin_manager(), document, published, [], strict=True)
    if dateline and not document.regions_of(DATELINE):
        document.mark(0, text.index("\n"), DATELINE)
    return document


def _dateline_for(published: str) -> str:
    when = datetime.fromisoformat(published)
    return f"Updated {when:%H:%M}, {when:%d-%b-%Y}"


def _fact_dict(fact: Any) -> dict[str, Any]:
    return fact.to_dict() if isinstance(fact, Fact) else dict(fact)


def assert_grounded(facts_or_card: Card | dict | Iterable[Fact | dict], text: str | None = None) -> None:
    """Fail unless every fact's ``text`` is exactly ``text[start:end]``.

    Takes a ``Card``, a card as a dict (its own document text is used), or
    facts (``Fact`` objects or dicts) with the ``text`` they index into.
    """
    facts, text = _facts_and_text(facts_or_card, text)
    problems = []
    for i, fact in enumerate(_fact_dict(f) for f in facts):
        start, end = fact.get("start"), fact.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"fact {i} ({fact.get('type')}): span {start}..{end} is outside the text")
        elif text[start:end] != fact.get("text"):
            problems.append(f"fact {i} ({fact.get('type')}): {fact.get('text')!r} is not the text at {start}..{end}: {text[start:end]!r}")
    assert not problems, "ungrounded facts:\n  " + "\n  ".join(problems)


def _facts_and_text(facts_or_card, text):
    if isinstance(facts_or_card, Card):
        return facts_or_card.facts, facts_or_card.document["text"]
    if isinstance(facts_or_card, dict):
        return facts_or_card["facts"], facts_or_card["document"]["text"]
    if text is None:
        raise TypeError("assert_grounded(facts, text): give the text the facts index into")
    return list(facts_or_card), text


def assert_valid_card(card: Card | dict, pm: PluginManager | None = None) -> None:
    """Fail unless ``card`` matches the card schema and every fact is grounded.

    The schema is composed with the fact types registered in ``pm`` (default:
    every installed plugin); pass the manager from ``registered()`` to include
    your plugin's fact types.
    """
    data = card.to_dict() if isinstance(card, Card) else card
    registry = collect_registry(pm if pm is not None else make_plugin_manager(), [])
    errors = schema_errors(data, registry.schema())
    assert not errors, "the card does not match the schema:\n  " + "\n  ".join(errors)
    assert_grounded(data)


# --- conformance checks -------------------------------------------------------


class ConformanceError(AssertionError):
    """An extractor or summarizer broke the plugin contract; ``problems`` lists how."""

    def __init__(self, name: str, problems: list[str]):
        super().__init__(f"{name} failed {len(problems)} conformance check(s):\n  " + "\n  ".join(problems))
        self.problems = problems


def conformance_documents(samples: Iterable[str] = (), *, seed: int = 20220215) -> dict[str, Document]:
    """The awkward inputs every extractor and summarizer must survive, by name."""
    rng = random.Random(seed)
    texts = {
        "empty": "",
        "whitespace": " \n\n\t \n",
        "news": NEWS_SAMPLE,
        "random unicode": _random_unicode(rng, 5000),
        "unbalanced quotes": "\n".join(UNBALANCED_QUOTES),
    }
    for i, sample in enumerate(samples):
        texts[f"sample {i}"] = sample
    documents = {name: make_document(text) for name, text in texts.items()}
    documents["excluded regions"] = _document_with_excluded_regions()
    return documents


def _random_unicode(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(rng.choice(_UNICODE_POOLS)) for _ in range(length))


def _document_with_excluded_regions() -> Document:
    """The news sample behind a dateline, with chrome lines holding numbers and money."""
    chrome = "Download\n00:39\nShare this\n"
    document = make_document(chrome + NEWS_SAMPLE.split("\n", 2)[2], "2023-03-03T09:30", dateline=True)
    if not document.regions_of(CHROME):
        start = document.text.index("Download")
        document.mark(start, start + len("Download"), CHROME)
    return document


def _megabyte_document(samples: Iterable[str], size: int) -> Document:
    """About ``size`` characters of news: the samples' bodies again and again, numbers changed each time.

    Changing the numbers keeps every paragraph distinct, as in a real long
    article, so the page cleaner does not mark the copies as duplicates.
    """
    body = "\n".join([NEWS_SAMPLE.split("\n", 2)[2], *samples])
    copies, total, i = [], 0, 0
    while total < size:
        i += 1
        copy_i = _NUMBER.sub(lambda m: str(int(m.group()) + i), body) + "\n"
        copies.append(copy_i)
        total += len(copy_i)
    return make_document("".join(copies)[:size])


_NUMBER = re.compile(r"\d+")


def _resolve(target: Any, kind: type, hook: str, pm: PluginManager | None) -> tuple[list[Any], Registry]:
    """The records to check and the registry holding their fact types."""
    base = pm if pm is not None else fresh_plugin_manager(builtins=True)
    diagnostics: list = []
    if isinstance(target, kind):
        registry = collect_registry(base, diagnostics)
        return [target], registry
    name = plugin_name(target, base)
    with registered(target, base, name=name) as manager:
        registry = collect_registry(manager, diagnostics)
    failures = [d.line() for d in diagnostics if d.plugin == name]
    if failures:
        raise ConformanceError(name, failures)
    records = [r for r in (registry.extractors if kind is Extractor else registry.summarizers).values() if r.plugin == name]
    if not records:
        raise ConformanceError(name, [f"the plugin registers no {kind.__name__.lower()} through {hook}"])
    return records, registry


def check_extractor(
    target: Extractor | object,
    *,
    samples: Iterable[str] = (),
    config: dict[str, Any] | None = None,
    pm: PluginManager | None = None,
    big: int = 1_000_000,
    linear_slack: float = 2.5,
) -> None:
    """Check that an extractor (an ``Extractor``, or a plugin registering some) keeps the contract.

    On empty text, whitespace, a news sample, random Unicode, unbalanced
    quotes, a document with excluded regions, your ``samples`` and about
    ``big`` characters of text: no exception; only ``Fact`` objects of the
    extractor's declared, registered types; every span grounded; every value
    valid against its fact type's schema; the same output twice; and time
    growing roughly linearly with the text (the big text may take at most
    ``4 * linear_slack`` times as long as a quarter of it).
    Raises ``ConformanceError`` (an ``AssertionError``) listing every problem.
    """
    _check(Extractor, target, list(samples), config, pm, big, linear_slack)


def _extractor_problems(record: Extractor, registry: Registry, documents: dict[str, Document], settings) -> list[str]:
    fact_schema = _fact_schema(registry)
    problems = []
    for label, document in documents.items():
        try:
            first = list(record.extract(document, dict(settings)))
            second = list(record.extract(copy.deepcopy(document), dict(settings)))
        except Exception as exc:
            problems.append(f"{label}: raised {type(exc).__name__}: {exc}")
            continue
        problems += [f"{label}: {p}" for p in _fact_problems(first, record, registry, document.text, fact_schema)]
        if _as_dicts(first) != _as_dicts(second):
            problems.append(f"{label}: the output differs between two runs on the same document")
    return problems


def _as_dicts(facts: list) -> list:
    return [json.dumps(_fact_dict(f), sort_keys=True, default=str) if isinstance(f, Fact) else repr(f) for f in facts]


def _fact_problems(facts: list, record: Extractor, registry: Registry, text: str, fact_schema) -> list[str]:
    problems = []
    for fact in facts:
        if not isinstance(fact, Fact):
            problems.append(f"returned a {type(fact).__name__}, not a Fact")
            continue
        if fact.type not in record.fact_types:
            problems.append(f"fact type {fact.type!r} is not in the extractor's fact_types {record.fact_types}")
        if fact.type not in registry.fact_types:
            problems.append(f"fact type {fact.type!r} is not registered (register_fact_types)")
            continue
        try:
            assert_grounded([fact], text)
        except AssertionError as exc:
            problems.append(str(exc).splitlines()[-1].strip())
            continue
        data = {**fact.to_dict(), "extractor": record.name, "sentence": None}
        problems += [f"{fact.text!r}: {e}" for e in schema_errors(data, fact_schema)]
    return problems[:20]


def _fact_schema(registry: Registry) -> dict[str, Any]:
    """A schema for one fact, composed with the registered fact types."""
    schema = compose_schema(registry.fact_types.values())
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/fact"}


def _time_problems(run: Callable[[Document], Any], samples: list[str], big: int, slack: float) -> list[str]:
    """Compare the time on ``big`` characters with the time on a quarter of them.

    Runs alternate between the two sizes and the best of three of each counts,
    so a busy machine slows both alike; under 0.1 s for the big text passes.
    """
    if not big:
        return []
    small_doc, big_doc = _megabyte_document(samples, big // 4), _megabyte_document(samples, big)
    try:
        small, large = best_times(run, small_doc, big_doc, give_up_after=2.0)
    except Exception as exc:
        return [f"{big} characters: raised {type(exc).__name__}: {exc}"]
    ratio = large / max(small, 1e-3)
    if large > 0.1 and ratio > 4 * slack:
        return [f"not linear: {big // 4} characters took {small:.3f}s, {big} took {large:.3f}s ({ratio:.1f}x for 4x the text)"]
    return []


def time_growth(extract: Callable[[Document, dict], Any], text: str, config: dict | None = None) -> float:
    """How many times longer ``extract(document, config)`` takes on ``text`` than on its first quarter.

    A linear extractor gives about 4, a quadratic one about 16: unlike an
    absolute time limit, the ratio holds on a busy machine. The documents are
    segmented before timing (the core's cost, not the extractor's).
    """
    quarter, whole = Document(text[: len(text) // 4]), Document(text)
    quarter.segment()
    whole.segment()
    small, large = best_times(lambda document: extract(document, dict(config or {})), quarter, whole)
    return large / max(small, 1e-4)


def best_times(run: Callable[[Document], Any], small: Document, large: Document, *, give_up_after: float = float("inf")) -> tuple[float, float]:
    """CPU seconds of ``run`` on ``small`` and on ``large``: best of three runs, alternating.

    CPU time, not wall-clock time, so other processes on a busy machine do
    not count; alternating, so what load remains slows both alike. Stops
    early once ``large`` took more than ``give_up_after`` seconds.
    """
    small_time = large_time = float("inf")
    for _ in range(3):
        small_time = min(small_time, _timed(run, small))
        large_time = min(large_time, _timed(run, large))
        if large_time > give_up_after:
            break
    return small_time, large_time


def _timed(run: Callable[[Document], Any], document: Document) -> float:
    """One run's CPU time, garbage collection paused (collected before, so it does not land in the next run)."""
    gc.collect()
    gc.disable()
    try:
        began = time.process_time()
        run(document)
        return time.process_time() - began
    finally:
        gc.enable()


def check_summarizer(
    target: Summarizer | object,
    *,
    samples: Iterable[str] = (),
    config: dict[str, Any] | None = None,
    pm: PluginManager | None = None,
    big: int = 1_000_000,
    linear_slack: float = 2.5,
) -> None:
    """Check that a summarizer (a ``Summarizer``, or a plugin registering some) keeps the contract.

    On the same inputs as ``check_extractor``: no exception; a ``Summary``;
    an extractive summary's sentences at their offsets in the document; the
    same summary twice; roughly linear time (pass ``big=0`` to skip the
    big text for a model-backed summarizer). Raises ``ConformanceError``.
    """
    _check(Summarizer, target, list(samples), config, pm, big, linear_slack)


def _check(kind: type, target, samples: list[str], config, pm, big: int, slack: float) -> None:
    hook = "register_extractors" if kind is Extractor else "register_summarizers"
    records, registry = _resolve(target, kind, hook, pm)
    documents = conformance_documents(samples)
    for record in records:
        settings = {**record.default_config, **(config or {})}
        if kind is Extractor:
            problems = _extractor_problems(record, registry, documents, settings)
            run = lambda doc: list(record.extract(doc, dict(settings)))  # noqa: E731
        else:
            problems = _summarizer_problems(record, documents, settings)
            run = lambda doc: record.summarize(doc, [], dict(settings))  # noqa: E731
        problems += _time_problems(run, samples, big, slack)
        if problems:
            raise ConformanceError(f"{kind.__name__.lower()} {record.name!r}", problems)


def _summarizer_problems(record: Summarizer, documents: dict[str, Document], settings) -> list[str]:
    problems = []
    for label, document in documents.items():
        try:
            first = record.summarize(document, [], dict(settings))
            check_summary(first, document)
            second = record.summarize(copy.deepcopy(document), [], dict(settings))
        except Exception as exc:
            problems.append(f"{label}: {type(exc).__name__}: {exc}")
            continue
        if isinstance(second, Summary) and first.to_dict() != second.to_dict():
            problems.append(f"{label}: the summary differs between two runs on the same document")
    return problems
