"""Crash safety for real: a batch killed with SIGKILL at random moments, resumed each time, ends with every
input record exactly once, equal to an uninterrupted run; Ctrl-C commits what is finished."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from batch_articles import article, without_timing, write_jsonl
from factcards import PipelineOptions
from factcards.batch import read_cards, read_errors, run

RECORDS = 240
CHUNK = 8


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    """The input (with a malformed line and a repeated id) and the output of an uninterrupted run."""
    folder = tmp_path_factory.mktemp("crash")
    records = [article(n) for n in range(RECORDS)]
    records[50:50] = ["{torn line"]
    records.append(article(7))
    source = write_jsonl(folder / "in.jsonl", records)
    run([str(source)], folder / "reference", PipelineOptions(summarizer="lead"), workers=0, chunk_size=CHUNK, progress="off")
    return source, [without_timing(c) for c in read_cards(folder / "reference")], read_errors(folder / "reference")


def start(source, out, workers):
    command = [sys.executable, "-m", "factcards", "batch", str(source), "-o", str(out), "--summarizer", "lead",
               "--workers", str(workers), "--chunk-size", str(CHUNK), "--batch-size", "4", "--progress", "off"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def committed(out):
    folder = out / "cards"
    return len([n for n in os.listdir(folder) if n.endswith(".jsonl")]) if folder.is_dir() else 0


def wait_for_chunks(process, out, count, limit=60.0):
    """Wait until ``count`` chunks are committed (or the run ends); True if the run is still going."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if committed(out) >= count:
            return True
        time.sleep(0.02)
    return process.poll() is None


def kill_hard(process):
    process.kill()  # SIGKILL to the batch process itself, as `kill -9 PID` does
    process.wait()
    try:
        os.killpg(process.pid, signal.SIGKILL)  # its worker processes, orphaned now, are ours to tidy up
    except ProcessLookupError:
        pass


def test_kill_minus_9_at_random_moments_then_resume_gives_every_record_once(job, tmp_path):
    source, reference, reference_errors = job
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    out = tmp_path / "out"
    kills = 0
    for attempt in range(6):
        process = start(source, out, workers=2 if attempt % 2 else 0)
        target = committed(out) + rng.randint(1, 5)
        if not wait_for_chunks(process, out, target):
            break
        time.sleep(rng.uniform(0, 0.15))  # anywhere in the next chunk: carding, writing, renaming
        kill_hard(process)
        kills += 1
        cards = read_cards(out)
        assert len({c["id"] for c in cards}) == len(cards), f"seed {seed}: a card written twice after kill {kills}"
    final = start(source, out, workers=2)
    assert final.wait(timeout=120) == 1, final.stderr.read().decode()  # 1: the torn line and the repeated id failed
    assert kills >= 3, f"seed {seed}: the run finished before it could be killed often enough"
    assert [without_timing(c) for c in read_cards(out)] == reference, f"seed {seed}"
    assert read_errors(out) == reference_errors
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] and manifest["counts"] == {"records": RECORDS + 2, "cards": RECORDS, "errors": 2}
    assert not list(out.rglob("*.tmp"))


def test_ctrl_c_commits_what_is_finished_and_a_second_run_completes(job, tmp_path):
    source, reference, _ = job
    out = tmp_path / "out"
    process = start(source, out, workers=2)
    assert wait_for_chunks(process, out, 3), "the run ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 130
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] is False and manifest["runs"][-1]["stopped"] == "interrupted"
    done = [without_timing(c) for c in read_cards(out)]
    assert 3 * CHUNK <= len(done) < len(reference) and done == reference[: len(done)]
    assert start(source, out, workers=0).wait(timeout=120) == 1
    assert [without_timing(c) for c in read_cards(out)] == reference
