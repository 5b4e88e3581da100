"""``run()``: one batch job, on the local engine or on Ray, into one output folder."""

from __future__ import annotations

import dataclasses
import itertools
import os
import shutil
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from .. import __version__
from ..config import redacted
from ..errors import FactcardsError
from ..pipeline import Pipeline, PipelineOptions
from ..reader import max_bytes_default
from .inputs import Record, Source, count_records, expand_inputs, read_sources
from .outputs import CARDS, CHUNKS, DUPLICATE, ERRORS_FILE, FACTS, FORMATS, LOCK_FILE, MANIFEST_FILE, SKIP, ChunkWriter, Entry, Ledger, OutputDir, leftover
from .progress import Progress

ENGINES = ("local", "ray")
DEFAULT_CHUNK_SIZE = 1000
DEFAULT_BATCH_SIZE = 32


class BatchError(FactcardsError):
    """The job cannot start (its output folder holds another job, a bad option); ``exit_code`` 2."""

    exit_code = 2


@dataclass
class BatchResult:
    """What a run did: cards and errors written now, records skipped as already done, whether it finished."""

    out: Path
    cards: int = 0
    errors: int = 0
    skipped: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    first_batch_after: float | None = None  # seconds until the first batch came back: start-up, model loads
    first_batch_records: int = 0
    workers: dict[int, dict[str, int]] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Articles settled per second of this run."""
        return (self.cards + self.errors) / self.seconds if self.seconds else 0.0

    @property
    def cpu_rate(self) -> float | None:
        """Articles per CPU second of a worker once started (its first batch left out): what a free core would do."""
        cpu = sum(w["cpu_ms"] - w["first_cpu_ms"] for w in self.workers.values()) / 1000
        records = sum(w["records"] for w in self.workers.values())
        return records / cpu if cpu > 0 and records else None

    @property
    def steady_rate(self) -> float:
        """Articles per second once started: after the first batch came back (start-up and model loads left out)."""
        if self.first_batch_after is None or self.seconds <= self.first_batch_after:
            return self.rate
        return (self.cards + self.errors - self.first_batch_records) / (self.seconds - self.first_batch_after)


def run(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    options: PipelineOptions | None = None,
    *,
    format: str = "jsonl",
    engine: str = "local",
    workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    batch_size: int = DEFAULT_BATCH_SIZE,
    resume: bool | None = None,
    overwrite: bool = False,
    progress: str = "auto",
    ray_address: str | None = None,
    ray_actors: int | None = None,
    pipeline: Pipeline | None = None,
) -> BatchResult:
    """Card every article of ``inputs`` (JSONL, Parquet, folders, globs) into ``out``.

    Running it again on the same folder with the same options finishes what a
    killed or interrupted run left, and never retries a record that failed
    (``resume=True`` insists there is such a run; ``overwrite=True`` starts afresh). ``workers=0`` cards in this
    process, with ``pipeline`` if given (a pipeline on your own plugin
    manager). Raises ``InputError`` (inputs), ``BatchError`` (the folder holds
    another job), ``SelectionError``/``ConfigError`` (options).
    """
    options = options or PipelineOptions()
    _check_choices(format, engine, chunk_size, batch_size)
    if engine == "ray":
        from .ray_engine import import_ray

        import_ray()  # no Ray: say how to install it before touching the output folder
    sources = expand_inputs([os.fspath(i) for i in inputs])
    driver = pipeline or options.build()  # refuses bad options before any worker starts
    if driver.max_bytes is None:
        max_bytes_default()  # and a bad $FACTCARDS_MAX_BYTES, which would fail every record
    output = OutputDir(out, format)
    with _locked(output):
        job = job_of(options, format)
        previous = _open(output, job, resume, overwrite)
        manifest = _manifest(previous, job, sources, driver, engine)
        output.root.mkdir(parents=True, exist_ok=True)
        output.write_manifest(manifest)  # first: a folder with a manifest is this job's, whenever a kill comes
        output.prepare()
        output.clean_unfinished()
        ledger = output.ledger()
        result = BatchResult(output.root)
        writer = ChunkWriter(output, chunk_size, next_number=max(output.committed_chunks(), default=-1) + 1)
        settle = _Settler(writer, Progress(_total(sources), mode=progress, done=sum(ledger.done.values())), result)
        try:
            finished = _card_all(engine, sources, ledger, settle, result, options, driver, workers, batch_size, ray_address, ray_actors)
        except KeyboardInterrupt:  # a second Ctrl-C: what was settled is still committed below
            finished = False
        finally:
            settle.close()
        result.interrupted = not finished
        output.write_errors()
        result.manifest = _finish_manifest(manifest, output, result, engine, workers, ray_actors)
        output.write_manifest(result.manifest)
        return result


def _card_all(engine, sources, ledger, settle, result, options, driver, workers, batch_size, ray_address, ray_actors) -> bool:
    """Run the engine over what is still to do; False when Ctrl-C stopped it."""
    if engine == "ray":
        from .ray_engine import run_ray

        return run_ray(sources, ledger, settle, options=options, actors=ray_actors, address=ray_address, batch_size=batch_size, result=result)
    pending = _pending(read_sources(sources, options.max_bytes), ledger, result)
    count = default_workers() if workers is None else workers
    if options.timeout and count:
        from .guarded import run_guarded

        return run_guarded(pending, settle, options=options, workers=count)
    from .local import PoolBroken, run_local

    try:
        return run_local(pending, settle, options=options, workers=count, batch_size=batch_size, pipeline=driver)
    except PoolBroken as broken:
        if broken.stopping:  # Ctrl-C from a terminal reached a worker still starting
            return False
        from .guarded import run_guarded

        print("batch: a worker process died; the rest of the run goes on in guarded workers (a dying one costs only its record)", file=sys.stderr)
        return run_guarded(itertools.chain(broken.unsettled, pending), settle, options=options, workers=count)


class _Settler:
    """Takes each batch's entries in input order: to the chunk writer, the progress bar, the result's figures."""

    def __init__(self, writer: ChunkWriter, bar: Progress, result: BatchResult):
        self.writer, self.bar, self.result = writer, bar, result
        self.began = time.monotonic()

    def __call__(self, entries: list[Entry], memory: dict[str, int] | None) -> None:
        for entry in entries:
            self.writer.add(entry)
        failed = sum(e.line is None for e in entries)
        self.bar.update(len(entries) - failed, failed)
        if memory is not None:
            _note_memory(self.result.workers, memory, len(entries))
        if self.result.first_batch_after is None:
            self.result.first_batch_after, self.result.first_batch_records = time.monotonic() - self.began, len(entries)

    def close(self) -> None:
        """Commit the last, partial chunk and take the run's figures."""
        self.writer.flush()
        self.bar.close()
        self.result.cards, self.result.errors = self.writer.cards, self.writer.errors
        self.result.seconds = time.monotonic() - self.began


@contextmanager
def _locked(output: OutputDir) -> Iterator[None]:
    lock = output.lock()
    if lock is None:
        raise BatchError(f"another batch is writing to {output.root}: wait for it, or choose another folder")
    with lock:
        yield


def _pending(records: Iterable[Record], ledger: Ledger, result: BatchResult) -> Iterator[Record]:
    """The records still to settle, in input order; a repeated id comes as an error."""
    for record in records:
        decision = ledger.decide(record.id, record.where)
        if decision == SKIP:
            result.skipped += 1
        elif decision == DUPLICATE:
            yield duplicate(record, ledger)
        else:
            yield record


def duplicate(record: Record, ledger: Ledger) -> Record:
    return Record(record.id, record.where, error=f"{record.where}: duplicate id {record.id!r} (first at {ledger.first_where(record.id)})")


def job_of(options: PipelineOptions, fmt: str) -> dict[str, Any]:
    """What makes two runs the same job: the pipeline's options and the output format."""
    settings = dataclasses.asdict(options)
    settings["config"] = redacted(settings["config"])
    return {"format": fmt, "options": _plain(settings)}


def _open(output: OutputDir, job: dict[str, Any], resume: bool | None, overwrite: bool) -> dict[str, Any] | None:
    previous = output.manifest()
    if overwrite:
        _remove_outputs(output.root)
        return None
    if previous is None:
        if resume:
            raise BatchError(f"nothing to resume in {output.root}: it holds no batch output")
        if output.root.is_dir() and any(p.name != LOCK_FILE and not leftover(p.name) for p in output.root.iterdir()):
            raise BatchError(f"{output.root} is not empty and holds no batch output: choose an empty or new folder")
        return None
    if previous.get("job") != job:
        raise BatchError(f"{output.root} holds a batch made with other options or another format: use --overwrite to start again, or another folder")
    return previous


def _remove_outputs(root: Path) -> None:
    for sub in (CARDS, FACTS, CHUNKS):
        shutil.rmtree(root / sub, ignore_errors=True)
    for name in (ERRORS_FILE, MANIFEST_FILE):
        (root / name).unlink(missing_ok=True)


def _manifest(previous, job, sources: list[Source], pipeline: Pipeline, engine: str) -> dict[str, Any]:
    manifest = dict(previous or {})
    manifest.update(
        {
            "job": job,
            "factcards": __version__,
            "plugins": {i.name: i.version for i in sorted(pipeline.plugin_manager.info.values(), key=lambda i: i.name) if i.status == "loaded"},
            "extractors": sorted(e.name for e in pipeline.extractors),
            "summarizer": pipeline.summarizer.name if pipeline.summarizer else None,
            "complete": False,
        }
    )
    inputs = manifest.setdefault("inputs", [])
    for source in sources:
        if source.path not in inputs:
            inputs.append(source.path)
    manifest.setdefault("runs", []).append({"engine": engine, "started": _now(), "finished": None})
    return manifest


def _finish_manifest(manifest, output: OutputDir, result: BatchResult, engine, workers, actors) -> dict[str, Any]:
    manifest = dict(manifest)
    counts = output.counts()
    manifest["counts"] = {"records": counts["cards"] + counts["errors"], **counts}
    manifest["chunks"] = len(output.committed_chunks())
    manifest["complete"] = not result.interrupted
    manifest["runs"][-1].update(
        {
            "finished": _now(),
            "stopped": "interrupted" if result.interrupted else "done",
            "workers": actors if engine == "ray" else workers,
            "cards": result.cards,
            "errors": result.errors,
            "skipped": result.skipped,
            "seconds": round(result.seconds, 3),
            "peak_rss_mb": {str(pid): round(m["peak_kb"] / 1024, 1) for pid, m in result.workers.items()},
        }
    )
    return manifest


def _note_memory(workers: dict[int, dict[str, int]], memory: dict[str, int], records: int) -> None:
    """Each worker's memory at its first and latest batch, and its CPU time and records since its first batch."""
    seen = workers.get(memory["pid"])
    if seen is None:
        workers[memory["pid"]] = {"first_rss_kb": memory["rss_kb"], "first_cpu_ms": memory["cpu_ms"], "records": 0, "batches": 1, **memory}
        return
    seen.update(rss_kb=memory["rss_kb"], peak_kb=memory["peak_kb"], cpu_ms=memory["cpu_ms"], batches=seen["batches"] + 1, records=seen["records"] + records)


def _total(sources: list[Source]) -> int | None:
    try:
        return count_records(sources)
    except (OSError, ValueError):
        return None


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _check_choices(fmt: str, engine: str, chunk_size: int, batch_size: int) -> None:
    if fmt not in FORMATS:
        raise BatchError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if chunk_size < 1 or batch_size < 1:
        raise BatchError("chunk and batch sizes must be at least 1")


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
