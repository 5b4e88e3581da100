"""The local engine under a time limit (``--timeout``): ``factcards.workers.WorkerPool``, one card at a time.

A card past its limit fails as that record's error, and a worker that hangs
(in C code an alarm cannot interrupt) or dies is killed and replaced, so no
record can stall or stop the run. The price: cards are made one by one, so
summaries are not batched across articles.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future
from typing import Callable, Iterable

from ..errors import FactcardsError, one_line
from ..pipeline import PipelineOptions
from ..workers import CardFailed, WorkerPool
from .inputs import Record
from .outputs import Entry
from .stopping import StopRequest
from .work import entry_of_card, source_of

IN_FLIGHT_PER_WORKER = 4


def run_guarded(records: Iterable[Record], settle: Callable[[list[Entry], dict | None], None], *, options: PipelineOptions, workers: int) -> bool:
    """Card ``records`` in ``workers`` guarded processes, settling each in input order; False after Ctrl-C."""
    limit = workers * IN_FLIGHT_PER_WORKER
    with StopRequest() as stop, WorkerPool(options, workers=workers, warm_up=True) as pool:
        window: deque[tuple[Record, Future | Entry]] = deque()
        for record in records:
            window.append((record, _submit(pool, record, options)))
            while window and (len(window) >= limit or _ready(window[0][1])):
                settle([_entry(*window.popleft())], None)
            if stop.requested:
                break
        while window:  # after Ctrl-C too: the cards in flight are finished and committed
            settle([_entry(*window.popleft())], None)
    return not stop.requested


def _submit(pool: WorkerPool, record: Record, options: PipelineOptions) -> Future | Entry:
    if record.error is not None:
        return Entry(record.id, record.where, reason=record.error)
    try:
        source = source_of(record, options.max_bytes)
    except FactcardsError as exc:
        return Entry(record.id, record.where, reason=one_line(exc))
    return pool.submit(source, name=record.where)


def _ready(pending: Future | Entry) -> bool:
    return isinstance(pending, Entry) or pending.done()


def _entry(record: Record, pending: Future | Entry) -> Entry:
    if isinstance(pending, Entry):
        return pending
    try:
        return entry_of_card(record, pending.result())
    except CardFailed as exc:
        return Entry(record.id, record.where, reason=exc.message)
