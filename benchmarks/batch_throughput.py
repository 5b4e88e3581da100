"""Throughput and memory of ``factcards batch``: articles/s and peak RSS per worker, against issue 13's targets.

    python benchmarks/batch_throughput.py [--articles N] [--model-articles N] [--skip-ray] [--skip-model] [--skip-lead]

Articles: the project's own (``benchmarks/data/*.jsonl`` and the bundled
sample), repeated under fresh ids to ``--articles`` (rules only) or
``--model-articles`` (the default summarizer). Runs, each into a fresh folder:
in this process (``--workers 0``, the in-process reference), 1 and 2 local
workers, and Ray with 2 actors on a local Ray started first
(``ray.init(num_cpus=2)``, its start-up not timed), for ``--summarizer lead``
and for the default summarizer. For each: wall time, articles/s over the
whole run and once started (after the first batch came back: process and
model start-up left out), articles per CPU second of a worker and the
driver's CPU per article (what two free cores would do, whatever else the
machine runs), and each worker's peak RSS and its RSS at the first and last
batch (flat memory: the two close). Ray's output is compared
with the local engine's. Run it on a quiet machine (the load average is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcards import PipelineOptions  # noqa: E402
from factcards.batch import read_cards, run  # noqa: E402

TARGETS = {  # issue 13: articles/s with 2 workers
    "lead": 150.0,
    "default": 20.0,
}
RAY_WITHIN = 0.20  # Ray within 20% of the local engine at the same worker count, once started


def project_articles() -> list[dict]:
    articles = []
    for path in sorted((ROOT / "benchmarks" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if isinstance(row.get("text"), str) and row["text"].strip():
                articles.append({"text": row["text"], "published": row.get("published"), "title": row.get("title")})
    for path in sorted((ROOT / "samples").glob("*.txt")):
        articles.append({"text": path.read_text(encoding="utf-8")})
    return articles


def write_input(folder: Path, count: int) -> Path:
    base = project_articles()
    path = folder / f"articles-{count}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            fh.write(json.dumps({"id": f"a{n:06d}", **{k: v for k, v in base[n % len(base)].items() if v is not None}}) + "\n")
    return path


def measure(label: str, source: Path, out: Path, options: PipelineOptions, **kwargs) -> dict:
    driver_cpu = time.process_time()
    result = run([str(source)], out, options, progress="off", **kwargs)
    driver_cpu = time.process_time() - driver_cpu
    workers = result.workers.values()
    row = {
        "run": label,
        "articles": result.cards + result.errors,
        "seconds": round(result.seconds, 1),
        "rate": round(result.rate, 1),
        "steady_rate": round(result.steady_rate, 1),
        "cpu_rate": round(result.cpu_rate, 1) if result.cpu_rate else None,
        "driver_cpu_ms_per_article": round(1000 * driver_cpu / max(1, result.cards + result.errors), 2),
        "peak_rss_mb": [round(w["peak_kb"] / 1024) for w in workers],
        "rss_first_last_mb": [(round(w["first_rss_kb"] / 1024), round(w["rss_kb"] / 1024)) for w in workers],
    }
    print(f"  {label:<22} {row['articles']:>6} articles {row['seconds']:>7.1f} s  {row['rate']:>6.1f}/s overall  "
          f"{row['steady_rate']:>6.1f}/s once started  {row['cpu_rate'] or 0:>6.1f}/CPU-s per worker  "
          f"driver {row['driver_cpu_ms_per_article']:.2f} CPU-ms/article  peak RSS/worker {row['peak_rss_mb']} MB  "
          f"RSS first->last {row['rss_first_last_mb']}", flush=True)
    return row


def same_cards(a: Path, b: Path) -> bool:
    def strip(record):
        return {**record, "generator": {k: v for k, v in record["generator"].items() if k != "elapsed_ms"}}

    return [strip(r) for r in read_cards(a)] == [strip(r) for r in read_cards(b)]


def bench(name: str, options: PipelineOptions, count: int, folder: Path, ray_too: bool, in_process: bool) -> dict:
    source = write_input(folder, count)
    print(f"{name}: {count} articles ({source.stat().st_size // 1024} KiB of JSONL)", flush=True)
    rows = {}
    if in_process:
        rows["in-process"] = measure("in this process", source, folder / f"{name}-0", options, workers=0)
    for workers in (1, 2):
        rows[f"local-{workers}"] = measure(f"local, {workers} worker{'s' * (workers > 1)}", source, folder / f"{name}-{workers}", options, workers=workers)
    if ray_too:
        rows["ray-2"] = measure("ray, 2 actors", source, folder / f"{name}-ray", options, engine="ray", ray_actors=2)
        rows["ray-2"]["equals_local"] = same_cards(folder / f"{name}-ray", folder / f"{name}-2")
    target = TARGETS[name]
    two = rows["local-2"]["steady_rate"]
    print(f"  target: >= {target:.0f} articles/s with 2 workers: {two:.1f} measured ({'met' if two >= target else 'NOT met'}, "
          f"load average {os.getloadavg()[0]:.1f}); on 2 free cores: {free_cores(rows['local-2']):.1f}")
    if ray_too:
        ray_rate = rows["ray-2"]["steady_rate"]
        change = ray_rate / two - 1 if two else 0.0
        print(f"  Ray once started: {ray_rate:.1f}/s against local 2 workers' {two:.1f}/s ({change:+.0%}; target: no more than "
              f"{RAY_WITHIN:.0%} slower: {'met' if change >= -RAY_WITHIN else 'NOT met'}); output equals the local engine's: "
              f"{rows['ray-2']['equals_local']}")
    return rows


def free_cores(row: dict, cores: int = 2) -> float:
    """Articles/s on ``cores`` idle cores: the workers at their CPU rate, the cores shared with the driver's CPU per article."""
    if not row["cpu_rate"]:
        return 0.0
    cpu_per_article = 1 / row["cpu_rate"] + row["driver_cpu_ms_per_article"] / 1000
    return min(len(row["peak_rss_mb"]) * row["cpu_rate"], cores / cpu_per_article)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000, help="articles for the rules-only runs")
    parser.add_argument("--model-articles", type=int, default=1200, help="articles for the default summarizer's runs")
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--skip-model", action="store_true", help="rules only")
    parser.add_argument("--skip-lead", action="store_true", help="the default summarizer only")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    ray_too = not args.skip_ray
    if ray_too:
        import logging

        import ray

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_lead:
            figures["lead"] = bench("lead", PipelineOptions(summarizer="lead"), args.articles, Path(tmp), ray_too, in_process=True)
        if not args.skip_model:
            figures["default"] = bench("default", PipelineOptions(), args.model_articles, Path(tmp), ray_too, in_process=False)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
