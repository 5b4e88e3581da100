"""The local engine: worker processes, each with its own pipeline, fed batches in input order.

At most a few batches per worker are in flight, so memory stays flat however
large the input; results are taken in submission order, so the output order
is the input order whatever the worker count.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator

from ..pipeline import Pipeline, PipelineOptions
from .inputs import Record
from .outputs import Entry
from .work import card_records, memory

IN_FLIGHT_PER_WORKER = 3

_pipeline: Pipeline | None = None  # the worker process's own pipeline, built once by _start_worker


def _start_worker(options: PipelineOptions) -> None:
    """Build this worker's pipeline and load its model; Ctrl-C is the parent's to handle."""
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _pipeline = options.build()
    _pipeline.warm_up()


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
    settled first, nothing after them is started.
    """
    if workers == 0:
        return _in_process(records, settle, pipeline or options.build(), batch_size)
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads or locks inherited from this one
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(options,)) as pool:
        window: deque[Future] = deque()
        try:
            for batch in batches(records, batch_size):
                window.append(pool.submit(_card_batch, batch))
                if len(window) >= workers * IN_FLIGHT_PER_WORKER:
                    settle(*window.popleft().result())
            while window:
                settle(*window.popleft().result())
        except KeyboardInterrupt:
            _drain(window, settle)
            return False
    return True


def _drain(window: deque[Future], settle) -> None:
    """After Ctrl-C: settle what is in flight (a second Ctrl-C gives up on it)."""
    try:
        while window:
            settle(*window.popleft().result())
    except KeyboardInterrupt:
        for future in window:
            future.cancel()


def _in_process(records, settle, pipeline: Pipeline, batch_size: int) -> bool:
    pipeline.warm_up()
    try:
        for batch in batches(records, batch_size):
            settle(card_records(pipeline, batch), memory())
    except KeyboardInterrupt:
        return False
    return True
