"""Speed and memory of the ``minilm`` summarizer.

    python benchmarks/summarizer_speed.py [DEV.jsonl] [--set KEY=VALUE ...]

Prints the model load time, the warm per-article latency (median and p95) of
``minilm``'s summarize, the articles per second when all articles are
summarized in one batched call (``summarize_many``), and the process's peak
RSS. Articles: the development set (default ``../shared/dev/summaries/cnndm-dev.jsonl``
relative to the repository root, kept outside the project; ask the maintainers
for it), prepared by the registered cleaners as a card would be. Run it on a
quiet machine: other processes on the same cores change every figure.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from summaries_rouge import load_rows, parse_arguments, parse_settings, prepared_documents  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> None:
    args = parse_arguments(__doc__.splitlines()[0], argv)

    import factcards
    from factcards_plugins.summarizers import minilm

    config = parse_settings(args.set)
    rows = load_rows(args.dev)
    documents = prepared_documents(rows, factcards.make_plugin_manager())
    words = statistics.mean(len(r["text"].split()) for r in rows)

    began = time.perf_counter()
    minilm._encoder(minilm._settings(config))
    load_s = time.perf_counter() - began

    minilm.summarize(documents[0], [], config)
    latencies, cpu_ms = [], []
    for document in documents:
        began, began_cpu = time.perf_counter(), time.process_time()
        minilm.summarize(document, [], config)
        latencies.append((time.perf_counter() - began) * 1000)
        cpu_ms.append((time.process_time() - began_cpu) * 1000)
    latencies.sort()

    began = time.perf_counter()
    minilm.summarize_many(documents, config)
    batched = len(documents) / (time.perf_counter() - began)

    print(f"minilm {config or 'defaults'}: {len(documents)} articles, {words:.0f} words each on average")
    print(f"load (imports + weights): {load_s:.2f} s")
    print(f"warm per article: median {statistics.median(latencies):.0f} ms, p95 {latencies[int(0.95 * (len(latencies) - 1))]:.0f} ms")
    print(f"CPU time per article (all threads): median {statistics.median(cpu_ms):.0f} ms")
    print(f"batched: {batched:.1f} articles/s")
    print(f"load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other processes inflate wall times)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
