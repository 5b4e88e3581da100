"""Speed of every registered extractor, and of the whole card path, next to dateparser.

    python benchmarks/extractor_speed.py [--rounds N]
    python benchmarks/extractor_speed.py --against OLD_TREE [--rounds N]

``--against`` compares the whole rule card path with an older checkout (``git worktree add
/tmp/old <ref>``) in one run: two worker processes, this tree's and OLD_TREE's, each with a
warm ``Pipeline(summarizer="lead")`` over the built-in extractors, take turns for
``--rounds`` rounds (default 60 there) on the same articles; it prints each one's CPU ms
per article (best and median) and the ratios. Taking turns round by round, both see the
same passing load.

On news text (the bundled sample plus the articles of ``data/dates-dev.jsonl``),
warm, in one process on one core, best of ``--rounds`` runs each (the runs of
all the measured works take turns, so a passing load slows them alike):

* characters per second (and MB/s per core) of all BUILT-IN extractors together
  (those ``factcards_plugins`` registers: dates, money, numbers, people,
  quotes) on prepared documents: the figure issue 3's speed target is about;
* the same for any third-party extractors installed (entry points), on a
  separate line;
* characters per second of the whole card path (``Pipeline(summarizer="lead").card(...)``:
  cleaning, segmentation, every extractor, merging, the lead summary,
  validation), the same with the built-in extractors only when third-party
  ones are installed (the rule card path a release compares against the
  last), and of one-off ``make_card`` calls, which build a pipeline each;
* characters per second of dateparser's ``search_dates`` on the same texts,
  and the ratios, in two configurations: told the text is English
  (``languages=["en"]``, its fastest: the ratio to compare against) and as
  called by default (it detects the language of every text: ~20x slower;
  timed once, after the rounds);
* seconds each extractor takes on adversarial 1 MB inputs (runs of digits,
  commas, spaces, ``$``, month names, quotes, capitalized words): linear
  patterns finish in well under a second or two.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Callable

import factcards

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cgtn-2022-02-15-russia-ready-for-more-talks.txt"
DEV = ROOT / "benchmarks" / "data" / "dates-dev.jsonl"
MEGABYTE = 1_000_000
ADVERSARIAL = {
    "digits": "1234567890" * (MEGABYTE // 10),
    "commas": "1," * (MEGABYTE // 2),
    "spaces": " " * MEGABYTE,
    "dollars": "$" * MEGABYTE,
    "month names": "May June July " * (MEGABYTE // 14),
    "quotes": '"\u201c\u201d\'' * (MEGABYTE // 4),
    "capitalized words": "President Vladimir Putin Said " * (MEGABYTE // 30),
    "digits and dashes": "12-" * (MEGABYTE // 3),
    "weekdays and times": "Monday 12:30 p.m. " * (MEGABYTE // 18),
}


def news_articles() -> list[dict]:
    rows = [{"text": SAMPLE.read_text(encoding="utf-8"), "published": None}]
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append({"text": row["text"], "published": row["published"]})
    return rows


def prepared(pm, registry, article: dict) -> factcards.Document:
    """A document cleaned and segmented the way ``make_card`` does it, without extracting."""
    document = factcards.Document(article["text"], published=article["published"])
    for impl in pm.hook.prepare_document.get_hookimpls():
        impl.function(document=document)
    document.segment()
    return document


BUILT_IN_PLUGINS = frozenset(factcards.manager.DEFAULT_PLUGINS)
DATEPARSER = "dateparser search_dates, English"
DATEPARSER_DEFAULT = "dateparser search_dates, default"


def is_built_in(extractor: factcards.Extractor) -> bool:
    """Whether ``extractor`` is one of the project's own (registered by a ``factcards_plugins`` module)."""
    return extractor.plugin in BUILT_IN_PLUGINS


def run_extractors(extractors: list[factcards.Extractor], document) -> int:
    total = 0
    for extractor in extractors:
        total += len(list(extractor.extract(document, dict(extractor.default_config))))
    return total


def best_rates(works: dict[str, Callable[[], object]], n_chars: int, rounds: int) -> dict[str, float]:
    """Characters per second of the fastest of ``rounds`` runs of each work.

    The works take turns round by round, so a load that comes and goes on a
    shared machine weighs on all of them alike and their ratios hold.
    """
    for work in works.values():
        work()  # warm up: imports, compiled patterns, caches
    best = dict.fromkeys(works, float("inf"))
    for _ in range(rounds):
        for label, work in works.items():
            began = time.perf_counter()
            work()
            best[label] = min(best[label], time.perf_counter() - began)
    return {label: n_chars / seconds for label, seconds in best.items()}


def dateparser_pass(articles: list[dict], languages: tuple[str, ...] | None = ("en",)) -> None:
    from dateparser.search import search_dates

    for article in articles:
        base = datetime.fromisoformat(article["published"]) if article["published"] else datetime(2022, 2, 15, 12, 57)
        search_dates(article["text"], languages=list(languages) if languages else None, settings={"RELATIVE_BASE": base})


def rate_line(chars_per_second: float) -> str:
    return f"{chars_per_second:>12,.0f} chars/s {chars_per_second / MEGABYTE:6.2f} MB/s per core"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--against", type=Path, help="an older checkout of the project to compare the card path with")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return card_worker()
    if args.against:
        return compare_card_path(args.against, args.rounds or 60)
    args.rounds = args.rounds or 5

    pm = factcards.make_plugin_manager()
    registry = factcards.collect_registry(pm, [])
    articles = news_articles()
    documents = [prepared(pm, registry, a) for a in articles]
    n_chars = sum(len(a["text"]) for a in articles)
    print(f"news text: {len(articles)} articles, {n_chars} characters")

    built_in = [e for e in registry.extractors.values() if is_built_in(e)]
    third_party = [e for e in registry.extractors.values() if not is_built_in(e)]
    print(f"built-in extractors: {', '.join(e.name for e in built_in)}; third-party: {', '.join(e.name for e in third_party) or 'none'}")

    works = {"all built-in extractors together": lambda: [run_extractors(built_in, d) for d in documents]}
    if third_party:
        works["third-party extractors"] = lambda: [run_extractors(third_party, d) for d in documents]
    pipeline = factcards.Pipeline(pm, summarizer="lead")
    works["whole card (lead)"] = lambda: [pipeline.card(dict(a)) for a in articles]
    if third_party:
        built_ins_only = factcards.Pipeline(pm, summarizer="lead", extractors=[e.name for e in built_in])
        works["whole card (lead), built-ins only"] = lambda: [built_ins_only.card(dict(a)) for a in articles]
    works["whole card (lead), make_card"] = lambda: [factcards.make_card(dict(a), summarizer="lead", plugin_manager=pm) for a in articles]
    works[DATEPARSER] = lambda: dateparser_pass(articles)
    rates = best_rates(works, n_chars, args.rounds)
    dateparser_rate = rates.pop(DATEPARSER)
    for label, rate in rates.items():
        print(f"{label:<35}: {rate_line(rate)}  ({rate / dateparser_rate:6.1f}x dateparser)")
    print(f"{DATEPARSER:<33}: {rate_line(dateparser_rate)}")
    default_rate = best_rates({DATEPARSER_DEFAULT: lambda: dateparser_pass(articles, None)}, n_chars, 1)[DATEPARSER_DEFAULT]
    built_in_rate = rates["all built-in extractors together"]
    print(f"{DATEPARSER_DEFAULT:<33}: {rate_line(default_rate)}  (built-ins: {built_in_rate / default_rate:,.0f}x this)")
    print()
    adversarial_times(registry)


def card_worker() -> None:
    """Make every article's card (built-in extractors, lead) each time a line comes in; print the CPU ms per article."""
    pm = factcards.make_plugin_manager()
    registry = factcards.collect_registry(pm, [])
    articles = news_articles()
    built_in = [e.name for e in registry.extractors.values() if is_built_in(e)]
    pipeline = factcards.Pipeline(pm, summarizer="lead", extractors=built_in)
    for _ in range(3):
        for article in articles:
            pipeline.card(dict(article))
    print("ready", flush=True)
    for _ in sys.stdin:
        began = time.process_time()
        for article in articles:
            pipeline.card(dict(article))
        print((time.process_time() - began) / len(articles) * 1000, flush=True)


def compare_card_path(old_tree: Path, rounds: int) -> None:
    if not (old_tree / "factcards" / "__init__.py").is_file():
        raise SystemExit(f"extractor_speed: {old_tree} holds no factcards package (make one with git worktree add)")
    workers = {"this tree": _start_worker(None), str(old_tree): _start_worker(old_tree)}
    times: dict[str, list[float]] = {label: [] for label in workers}
    try:
        for i in range(rounds):
            for label in list(workers)[:: 1 if i % 2 == 0 else -1]:  # who goes first alternates too
                worker = workers[label]
                worker.stdin.write("go\n")
                worker.stdin.flush()
                times[label].append(float(worker.stdout.readline()))
    finally:
        for worker in workers.values():
            worker.stdin.close()
            worker.wait()
    new, old = times.values()
    print(f"whole card (lead), built-in extractors, {len(news_articles())} articles, {rounds} rounds taking turns, CPU ms per article:")
    for label, values in times.items():
        print(f"  {label:<30} best {min(values):.3f}  median {statistics.median(values):.3f}")
    paired = statistics.median(a / b for a, b in zip(new, old))
    print(f"  this tree / old: best {min(new) / min(old):.3f}, median {statistics.median(new) / statistics.median(old):.3f}, "
          f"median of round pairs {paired:.3f}")


def _start_worker(tree: Path | None) -> subprocess.Popen:
    environment = dict(os.environ)
    if tree is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree.resolve()), environment.get("PYTHONPATH")]))
    worker = subprocess.Popen([sys.executable, __file__, "--worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, env=environment)
    if worker.stdout.readline().strip() != "ready":
        raise SystemExit(f"extractor_speed: the worker for {tree or 'this tree'} did not start")
    return worker


def adversarial_times(registry) -> None:
    names = sorted(registry.extractors)
    print("adversarial 1 MB inputs, seconds per extractor:")
    print(f"{'input':<20}" + "".join(f"{name:>10}" for name in names))
    for label, text in ADVERSARIAL.items():
        document = factcards.Document(text, published="2022-02-15")
        document.segment()
        cells = []
        for name in names:
            extractor = registry.extractors[name]
            began = time.perf_counter()
            list(extractor.extract(document, dict(extractor.default_config)))
            cells.append(f"{time.perf_counter() - began:>10.2f}")
        print(f"{label:<20}" + "".join(cells))


if __name__ == "__main__":
    main()
