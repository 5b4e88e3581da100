"""The local engine: worker processes, each with its own pipeline, fed batches in input order.

At most a few batches per worker are in flight, so memory stays flat however
large the input; results are taken in submission order, so the output order
is the input order whatever the worker count.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Callable, Iterable, Iterator

from ..pipeline import Pipeline, PipelineOptions
from .inputs import Record
from .outputs import Entry
from .stopping import StopRequest
from .work import card_records, memory

IN_FLIGHT_PER_WORKER = 3

_pipeline: Pipeline | None = None  # the worker process's own pipeline, built once by _start_worker


def _start_worker(options: PipelineOptions) -> None:
    """Build this worker's pipeline and load its model; Ctrl-C is the parent's to handle."""
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    _pipeline = options.build()
    _pipeline.warm_up()


def _exit_with_parent() -> None:
    """End this worker when the command's process is gone (``kill -9``, the OOM killer): the pool's queues never tell it."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), os._exit(1)), name="factcards-parent-watch", daemon=True).start()


def _card_batch(records: list[Record]) -> tuple[list[Entry], dict[str, int]]:
    return card_records(_pipeline, records), memory()


def batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def run_local(
    records: Iterable[Record],
    settle: Callable[[list[Entry], dict[str, int]], None],
    *,
    options: PipelineOptions,
    workers: int,
    batch_size: int,
    pipeline: Pipeline | None = None,
) -> bool:
    """Card ``records`` and hand each batch's entries to ``settle`` in input order.

    ``workers=0`` cards in this process with ``pipeline``. Returns False when
    Ctrl-C stopped the run: the batches already in flight are finished and
    settled first, nothing after them is started (a second Ctrl-C stops at once).
    """
    with StopRequest() as stop:
        if workers == 0:
            return _in_process(records, settle, pipeline or options.build(), batch_size, stop)
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads or locks inherited from this one
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(options,)) as pool:
            return _feed(pool, batches(records, batch_size), settle, workers * IN_FLIGHT_PER_WORKER, stop)


class PoolBroken(Exception):
    """A worker process died: ``unsettled`` holds the records in flight, in order, for guarded workers to card."""

    def __init__(self, unsettled: list[Record], stopping: bool):
        super().__init__("a worker process died")
        self.unsettled, self.stopping = unsettled, stopping


def _feed(pool, work: Iterator[list[Record]], settle, limit: int, stop: StopRequest) -> bool:
    """Submit batches, at most ``limit`` in flight, settling each in submission order."""
    window: deque[tuple[list[Record], Future]] = deque()
    try:
        for batch in work:
            window.append((batch, pool.submit(_card_batch, batch)))
            while window and (len(window) >= limit or window[0][1].done()):
                settle(*window[0][1].result())
                window.popleft()
            if stop.requested:
                break
        while window:  # after Ctrl-C too: the batches in flight are finished and committed
            settle(*window[0][1].result())
            window.popleft()
    except BrokenProcessPool:
        raise PoolBroken([record for batch, _ in window for record in batch], stop.requested) from None
    return not stop.requested


def _in_process(records, settle, pipeline: Pipeline, batch_size: int, stop: StopRequest) -> bool:
    pipeline.warm_up()
    for batch in batches(records, batch_size):
        settle(card_records(pipeline, batch), memory())
        if stop.requested:
            return False
    return True
