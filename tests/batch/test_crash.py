"""Crash safety for real: a batch killed with SIGKILL at random moments, resumed each time, ends with every
input record exactly once, equal to an uninterrupted run; Ctrl-C commits what is finished."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_articles import article, without_timing, write_jsonl
from factcards import PipelineOptions
from factcards.batch import read_cards, read_errors, run

RECORDS = 480  # 60 chunks: on a quiet machine a chunk takes some 30 ms, and the run must outlast 3 kills
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
    for attempt in range(8):
        process = start(source, out, workers=2 if attempt % 2 else 0)
        target = committed(out) + rng.randint(1, 4)
        if not wait_for_chunks(process, out, target):
            break
        time.sleep(rng.uniform(0, 0.05))  # anywhere in the next chunk or two: carding, writing, renaming
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


def children_of(pid):
    """The live processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def alive(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_worker_processes_do_not_outlive_a_batch_killed_with_sigkill(job, tmp_path):
    source, _, _ = job
    out = tmp_path / "out"
    process = start(source, out, workers=2)
    try:
        assert wait_for_chunks(process, out, 1), "the run ended before it could be killed"
        workers = children_of(process.pid)
        assert len(workers) >= 2
        process.kill()  # only the batch process, as `kill -9 PID` or the OOM killer does
        process.wait()
        deadline = time.monotonic() + 20
        while any(map(alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if alive(pid)], "worker processes were left running, orphaned"
    finally:
        kill_hard(process)


KILLED_WRITING = """
import os, signal, sys
from factcards import PipelineOptions
from factcards.batch import outputs, run

real_replace = os.replace

def replace(source, target):
    if os.path.basename(target) == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)  # killed with the file written but not yet in place
    real_replace(source, target)

outputs.os.replace = replace
run([sys.argv[1]], sys.argv[2], PipelineOptions(summarizer="lead"), workers=0, chunk_size=8, progress="off")
"""


@pytest.mark.parametrize("file", ["errors.jsonl", "manifest.json"])
def test_a_kill_while_the_errors_or_the_manifest_is_written_leaves_no_temporary_file_after_the_next_run(job, tmp_path, file):
    source, reference, reference_errors = job
    out = tmp_path / "out"
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITING, str(source), str(out), file], capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert list(out.glob(f".{file}.*.tmp"))  # what the kill left
    assert not run([str(source)], out, PipelineOptions(summarizer="lead"), workers=0, chunk_size=CHUNK, progress="off").interrupted
    assert not list(out.rglob("*.tmp"))
    assert [c["id"] for c in read_cards(out)] == [c["id"] for c in reference]  # ids: its cards are of the plugin code as it was when it started
    assert read_errors(out) == reference_errors
