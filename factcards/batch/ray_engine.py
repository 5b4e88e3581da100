"""The Ray engine: the same job on Ray Data, for archives that outgrow one machine.

Read tasks turn each input file into records (the same ``records_of`` as the
local engine, so ids, ``where`` and malformed lines are the same); an actor
pool cards them, each actor holding a pipeline built from ``PipelineOptions``
and its loaded model; the driver takes the results in input order and writes
the same chunks, errors and manifest as the local engine. The driver decides
what is done or duplicated, so its output equals the local engine's.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any, Callable

import pyarrow as pa

from ..pipeline import PipelineOptions
from .inputs import Record, Source, open_bytes, records_of
from .outputs import DUPLICATE, SKIP, Entry, Ledger
from .runner import BatchError, BatchResult, duplicate
from .stopping import StopRequest
from .work import card_records, memory

INSTALL_HINT = "the ray engine needs Ray: pip install 'factcards[ray]'"

ROW_SCHEMA = pa.schema([("id", pa.string()), ("where", pa.string()), ("data", pa.string()), ("blob", pa.binary()), ("error", pa.string())])
BLOCK_BYTES = 256 << 10  # about 50 news articles: a block is what one actor receives at a time
RESULT_SCHEMA = pa.schema(
    [("id", pa.string()), ("where", pa.string()), ("line", pa.string()), ("reason", pa.string()), ("skipped", pa.bool_()),
     ("pid", pa.int64()), ("rss_kb", pa.int64()), ("peak_kb", pa.int64()), ("cpu_ms", pa.int64())]
)


def import_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise BatchError(INSTALL_HINT) from None
    return ray


def explode(sources: dict[str, Source], max_bytes: int | None) -> Callable[[dict[str, Any]], list[dict[str, Any]]]:
    """The read step: one file's bytes (a row of ``read_binary_files``) to its records, as rows."""

    def records(row: dict[str, Any]) -> list[dict[str, Any]]:
        source = _source_of(sources, row["path"])
        return [_row(record) for record in records_of(source, open_bytes(row["bytes"]), max_bytes)]

    return records


def _source_of(sources: dict[str, Source], path: str) -> Source:
    if path in sources:
        return sources[path]
    for given, source in sources.items():  # Ray names remote files without their scheme
        if given.endswith(path) or path.endswith(given.split("://", 1)[-1]):
            return source
    raise KeyError(f"Ray read {path}, which is none of the inputs")


def _row(record: Record) -> dict[str, Any]:
    data = json.dumps(record.data, ensure_ascii=False, default=str) if isinstance(record.data, dict) else None
    blob = record.data if isinstance(record.data, bytes) else None
    return {"id": record.id, "where": record.where, "data": data, "blob": blob, "error": record.error}


class CardActor:
    """A Ray actor with its own pipeline and loaded model; records whose id is already done are passed over."""

    def __init__(self, options: PipelineOptions, done):
        import ray

        self.pipeline = options.build()
        self.pipeline.warm_up()
        self.done = ray.get(done) if isinstance(done, ray.ObjectRef) else done

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = batch.to_pylist()
        todo = [r for r in rows if r["id"] not in self.done]
        entries = iter(card_records(self.pipeline, [_record(r) for r in todo]))
        mem = memory()
        out = []
        for row in rows:
            entry = next(entries) if row["id"] not in self.done else Entry(row["id"], row["where"])
            out.append({"id": entry.id, "where": entry.where, "line": entry.line, "reason": entry.reason,
                        "skipped": row["id"] in self.done, **mem})
        return pa.Table.from_pylist(out, schema=RESULT_SCHEMA)


def _record(row: dict[str, Any]) -> Record:
    data = json.loads(row["data"]) if row["data"] is not None else row["blob"]
    return Record(row["id"], row["where"], data, row["error"])


def run_ray(
    sources: list[Source],
    ledger: Ledger,
    settle: Callable[[list[Entry], dict[str, int]], None],
    *,
    options: PipelineOptions,
    actors: int | None,
    address: str | None,
    batch_size: int,
    result: BatchResult,
) -> bool:
    """Card ``sources`` on Ray and settle the results in input order; False when Ctrl-C stopped it."""
    ray = import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address or os.environ.get("RAY_ADDRESS"), log_to_driver=False, include_dashboard=False, logging_level=logging.WARNING)
    try:
        dataset = _dataset(ray, sources, ledger, options, actors, batch_size)
        with StopRequest() as stop:
            for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
                _settle_batch(batch.to_pylist(), ledger, settle, result)
                if stop.requested:
                    return False
    finally:
        if started_here:
            ray.shutdown()
    return True


def _dataset(ray, sources, ledger: Ledger, options, actors, batch_size):
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # results in input order, as the local engine gives them
    context.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    by_path = {_ray_path(s.path): s for s in sources}
    paths = list(dict.fromkeys(s.path for s in sources))
    actors = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    done = ray.put(frozenset(ledger.done))
    context.target_max_block_size = BLOCK_BYTES  # a file's records spread over every actor, with no extra stage
    return (
        # reading takes no CPU of its own: with one actor per core, a read task would otherwise never be scheduled
        ray.data.read_binary_files(paths, include_paths=True, num_cpus=0)
        .flat_map(explode(by_path, options.max_bytes), num_cpus=0)
        .map_batches(
            CardActor, fn_constructor_kwargs={"options": options, "done": done}, batch_size=batch_size,
            batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=1,
        )
    )


def _ray_path(path: str) -> str:
    return path if "://" in path else os.path.abspath(path)


def _settle_batch(rows: list[dict[str, Any]], ledger: Ledger, settle, result: BatchResult) -> None:
    entries = []
    for row in rows:
        decision = ledger.decide(row["id"], row["where"])
        if decision == SKIP:
            result.skipped += 1
        elif decision == DUPLICATE:
            dup = duplicate(Record(row["id"], row["where"]), ledger)
            entries.append(Entry(dup.id, dup.where, reason=dup.error))
        else:
            entries.append(Entry(row["id"], row["where"], row["line"], row["reason"]))
    if rows:
        settle(entries, {key: rows[-1][key] for key in ("pid", "rss_kb", "peak_kb", "cpu_ms")})
