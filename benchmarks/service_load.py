"""Load on ``factcards serve``: latency, throughput, errors and memory, against issue 12's targets.

    python benchmarks/service_load.py [--summarizer lead] [--requests 500] [--clients 1,4,8] [--workers 2]

Starts the server on loopback (a random port), waits until ``/readyz`` says
ready, sends a few warm-up cards, then for each number of concurrent clients
sends ``--requests`` ``POST /v1/cards`` of the bundled sample (each client a
thread with its own keep-alive connection; the requests are shared out, so the
run is bounded in count) and prints p50/p95/p99 latency, cards per second and
errors (any answer but 200). The server's resident memory (its process and its
worker processes, from /proc) is read after the warm-up and at the end.

Targets (issue 12, this 2-core machine): with the default summarizer, warm
single-client p50 under 150 ms and at least 10 cards/s with 4 clients; with
``lead``, at least 50 cards/s; errors 0; memory growth under 10% over the
(at least 1,000) requests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cgtn-2022-02-15-russia-ready-for-more-talks.txt"
WARM_UP = 10


def start_server(args: list[str], log_path: Path) -> tuple[subprocess.Popen, str]:
    log = log_path.open("w")
    process = subprocess.Popen([sys.executable, "-m", "factcards", "serve", "--port", "0", *args], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server exited:\n{log_path.read_text()[-2000:]}")
        for line in log_path.read_text().splitlines():
            if "Uvicorn running on" in line:
                url = json.loads(line)["message"].split("running on ", 1)[1].split()[0]
                return process, url
        time.sleep(0.1)
    process.kill()
    sys.exit("the server did not start in 2 minutes")


def wait_ready(url: str) -> float:
    began = time.monotonic()
    with httpx.Client(base_url=url) as client:
        while time.monotonic() - began < 300:
            if client.get("/readyz").status_code == 200:
                return time.monotonic() - began
            time.sleep(0.1)
    sys.exit("the server never became ready")


def rss_mib(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MiB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total / 1024


def run_level(url: str, body: bytes, requests: int, clients: int) -> dict:
    """``requests`` cards from ``clients`` threads; latencies in ms, errors counted."""
    latencies: list[float] = []
    errors: list[int] = []
    remaining = iter(range(requests))
    lock = threading.Lock()

    def client_loop():
        with httpx.Client(base_url=url, timeout=120, headers={"content-type": "application/json"}) as client:
            while True:
                with lock:
                    if next(remaining, None) is None:
                        return
                began = time.perf_counter()
                try:
                    status = client.post("/v1/cards", content=body).status_code
                except httpx.HTTPError:
                    status = -1
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    latencies.append(elapsed)
                    if status != 200:
                        errors.append(status)

    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    cuts = statistics.quantiles(latencies, n=100)
    return {"clients": clients, "requests": len(latencies), "p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "per_second": len(latencies) / wall, "errors": len(errors), "wall": wall}


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--summarizer", help="the server's summarizer (default: its default, MiniLM)")
    parser.add_argument("--requests", type=int, default=500, help="requests per number of clients (default 500)")
    parser.add_argument("--clients", default="1,4,8", help="numbers of concurrent clients (default 1,4,8)")
    parser.add_argument("--workers", type=int, default=2, help="the server's worker processes (default 2: the cores)")
    args = parser.parse_args()
    levels = [int(c) for c in args.clients.split(",")]
    server_args = ["--workers", str(args.workers), "--queue", str(max(levels) * 2)] + (["--summarizer", args.summarizer] if args.summarizer else [])
    body = json.dumps({"text": SAMPLE.read_text(encoding="utf-8")}).encode()
    with tempfile.TemporaryDirectory() as folder:
        process, url = start_server(server_args, Path(folder) / "serve.log")
        try:
            ready = wait_ready(url)
            run_level(url, body, WARM_UP, 1)
            with httpx.Client(base_url=url) as client:
                summarizer = client.post("/v1/cards", content=body, headers={"content-type": "application/json"}).json()["summary"]["method"]
            before = rss_mib(process.pid)
            print(f"factcards serve {' '.join(server_args)} on {url}: ready in {ready:.1f} s, summarizer {summarizer}, {os.cpu_count()} cores")
            print(f"bundled sample ({SAMPLE.stat().st_size:,} bytes) as JSON, {args.requests} requests per level, after {WARM_UP} warm-up cards\n")
            print(f"{'clients':>7} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'cards/s':>8} {'errors':>6}")
            results = []
            for clients in levels:
                result = run_level(url, body, args.requests, clients)
                results.append(result)
                print(f"{clients:>7} {result['requests']:>8} {result['p50']:>8.1f} {result['p95']:>8.1f} {result['p99']:>8.1f} {result['per_second']:>8.1f} {result['errors']:>6}")
            after = rss_mib(process.pid)
        finally:
            process.terminate()
            process.wait(30)
    total = sum(r["requests"] for r in results)
    growth = (after - before) / before * 100
    print(f"\nserver RSS (server + workers): {before:.0f} MiB after warm-up, {after:.0f} MiB after {total} requests: {growth:+.1f}%")
    print("\ntargets (issue 12):")
    by_clients = {r["clients"]: r for r in results}
    print(f"  errors 0: {sum(r['errors'] for r in results)} -> {verdict(all(r['errors'] == 0 for r in results))}")
    print(f"  RSS growth under 10% over >= 1,000 requests: {growth:+.1f}% over {total} -> {verdict(growth < 10 and total >= 1000)}")
    if summarizer == "lead":
        best = max(results, key=lambda r: r["per_second"])
        print(f"  lead: at least 50 cards/s: {best['per_second']:.1f} with {best['clients']} clients -> {verdict(best['per_second'] >= 50)}")
    else:
        if 1 in by_clients:
            print(f"  {summarizer}: warm single-client p50 under 150 ms: {by_clients[1]['p50']:.0f} ms -> {verdict(by_clients[1]['p50'] < 150)}")
        if 4 in by_clients:
            print(f"  {summarizer}: at least 10 cards/s with 4 clients: {by_clients[4]['per_second']:.1f} -> {verdict(by_clients[4]['per_second'] >= 10)}")


if __name__ == "__main__":
    main()
