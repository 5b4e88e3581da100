"""Start-up, speed and memory of the ``minilm`` summarizer, before and after, in one run.

    python benchmarks/summarizer_speed.py [DEV.jsonl] [--set KEY=VALUE ...] [--before REV] [--rounds N]

Each round runs two fresh processes, one per loader, alternating: ``after`` is
the working tree's ``embedding`` module (torch only), ``before`` is
``factcards_plugins/summarizers/embedding.py`` as it was at ``--before`` (git
revision, default the last one that loaded the model through transformers),
dropped into the working tree's ``minilm`` in place of the new one. Each process
reports, from a cold start:

- ``import``: factcards and its plugins, then torch (and transformers, before);
- ``model load``: reading weights and tokenizer, quantizing;
- ``first card``: ``factcards card`` of the bundled sample, through the CLI;
- warm per article: ``minilm``'s summarize on each development article
  (median, p95, CPU time), then articles per second in one batched call;
- peak RSS of the process.

Then the wall and CPU time of the real ``factcards card`` command on the
sample, cold, with the default summarizer and with ``--summarizer lead``. Articles: the
development set (default ``../shared/dev/summaries/cnndm-dev.jsonl`` relative to
the repository root, kept outside the project; ask the maintainers for it),
prepared by the registered cleaners as a card would be. The summaries of both
loaders are compared article by article. Run it on a quiet machine: other
processes on the same cores change every figure (the load average is printed).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "samples" / "cgtn-2022-02-15-russia-ready-for-more-talks.txt"
EMBEDDING = "factcards_plugins/summarizers/embedding.py"
BEFORE = "1eb25a7"  # the last revision whose embedding.py built the model with transformers

sys.path.insert(0, str(HERE))

from summaries_rouge import load_rows, parse_arguments, parse_settings, prepared_documents  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def old_embedding(path: Path):
    """The ``embedding`` module of an earlier revision, loaded from its own file."""
    spec = importlib.util.spec_from_file_location("embedding_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def child(loader: str, old_path: str, dev: Path, settings: dict) -> dict:
    """One cold process's figures (run with ``--child``)."""
    figures, began = {}, time.perf_counter()
    import factcards
    from factcards import cli
    from factcards_plugins.summarizers import minilm

    if loader == "before":
        old = old_embedding(Path(old_path))
        # as before: its own default of one thread per core, unless the run sets threads
        minilm.encoder = lambda quantize, threads: old.encoder(quantize, settings.get("threads"))
    figures["import factcards s"] = time.perf_counter() - began
    mark = time.perf_counter()
    if loader == "before":
        old.passive_thread_wait()  # what its encoder() did before importing torch
    import torch  # noqa: F401

    if loader == "before":
        import transformers  # noqa: F401
    figures["import torch (+transformers) s"] = time.perf_counter() - mark
    mark = time.perf_counter()
    config = minilm._settings(settings)
    minilm._encoder(config)
    figures["model load s"] = time.perf_counter() - mark
    mark = time.perf_counter()
    sys.argv = ["factcards", "card", str(SAMPLE), "-o", os.devnull]
    try:
        cli.main()
    except SystemExit:
        pass
    figures["first card s"] = time.perf_counter() - mark
    figures["cold total s"] = time.perf_counter() - began
    figures["cold total CPU s"] = time.process_time()  # since the process started: less sensitive to other processes
    figures["RSS after first card MB"] = peak_rss_mb()
    figures.update(warm(minilm, settings, dev, factcards))
    figures["peak RSS MB"] = peak_rss_mb()
    return figures


def warm(minilm, settings, dev, factcards) -> dict:
    """Warm latency per article, batched throughput and a digest of every summary."""
    documents = prepared_documents(load_rows(dev), factcards.make_plugin_manager())
    latencies, cpu, texts = [], [], []
    for document in documents:
        began, began_cpu = time.perf_counter(), time.process_time()
        texts.append(minilm.summarize(document, [], settings).text)
        latencies.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    latencies.sort()
    began = time.perf_counter()
    minilm.summarize_many(documents, settings)
    return {
        "warm median ms": statistics.median(latencies) * 1000,
        "warm p95 ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "warm CPU median ms": statistics.median(cpu) * 1000,
        "batched articles/s": len(documents) / (time.perf_counter() - began),
        "summaries": [hashlib.sha1(t.encode()).hexdigest() for t in texts],
    }


def run_child(loader: str, old_path: Path, args) -> dict:
    command = [sys.executable, __file__, str(args.dev), "--child", loader, "--old-path", str(old_path)]
    command += [f"--set={pair}" for pair in args.set]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process wall s"] = time.perf_counter() - began
    return figures


def cli_wall(*extra: str) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one cold ``factcards card`` of the sample."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(["factcards", "card", str(SAMPLE), "-o", os.devnull, *extra], check=True, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)


def report(results: dict[str, list[dict]]) -> None:
    keys = [k for k in results["after"][0] if k != "summaries"]
    print(f"{'median over rounds':<34} {'before':>10} {'after':>10}")
    for key in keys:
        values = [statistics.median(r[key] for r in results[loader]) for loader in ("before", "after")]
        print(f"{key:<34} {values[0]:>10.2f} {values[1]:>10.2f}")
    same = sum(a == b for a, b in zip(results["before"][0]["summaries"], results["after"][0]["summaries"]))
    print(f"identical summaries: {same} of {len(results['after'][0]['summaries'])} development articles")


def speed_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--before", default=BEFORE, help="git revision of the loader to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=("before", "after"), help=argparse.SUPPRESS)
    parser.add_argument("--old-path", help=argparse.SUPPRESS)


def main(argv=None) -> None:
    args = parse_arguments(__doc__.splitlines()[0], argv, speed_arguments)
    if args.child:
        print(json.dumps(child(args.child, args.old_path, args.dev, parse_settings(args.set))))
        return
    source = subprocess.run(["git", "show", f"{args.before}:{EMBEDDING}"], capture_output=True, text=True, cwd=ROOT)
    if source.returncode:
        sys.exit(f"cannot read {EMBEDDING} at {args.before}: {source.stderr.strip()}")
    with tempfile.TemporaryDirectory() as folder:
        old_path = Path(folder) / "embedding_before.py"
        old_path.write_text(source.stdout, encoding="utf-8")
        results: dict[str, list[dict]] = {"before": [], "after": []}
        walls: dict[str, list[tuple[float, float]]] = {"minilm": [], "lead": []}
        for _ in range(args.rounds):
            for loader in ("before", "after"):
                results[loader].append(run_child(loader, old_path, args))
            walls["minilm"].append(cli_wall())
            walls["lead"].append(cli_wall("--summarizer", "lead"))
    print(f"minilm {parse_settings(args.set) or 'defaults'}, loader before = {args.before}, {args.rounds} rounds")
    report(results)
    for name, runs in walls.items():
        print(
            f"`factcards card` of the sample, cold, {name} (after): wall {statistics.median(w for w, _ in runs):.2f} s, "
            f"CPU {statistics.median(c for _, c in runs):.2f} s (runs: {', '.join(f'{w:.2f}' for w, _ in runs)} s wall)"
        )
    print(f"load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other processes inflate wall times)")


if __name__ == "__main__":
    main()
