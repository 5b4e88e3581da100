"""A pool of worker processes, each with its own pipelines, where a stuck card can be stopped.

Cards run in separate processes, not threads: a plugin that hangs or loops
cannot be interrupted inside a thread, but its process can be killed. When a
task outlives its time limit the pool kills that worker, answers
``TaskTimeout`` and starts a replacement; the other workers go on serving.
Everything here runs on the server's event loop: each worker's pipe is
watched with ``add_reader``, so no thread waits on a worker.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
from dataclasses import dataclass, field
from typing import Any

from factcards.pipeline import PipelineOptions

log = logging.getLogger("factcards.service")


class TaskTimeout(Exception):
    """The task outlived its time limit; its worker was stopped."""


class WorkerLost(Exception):
    """The worker died while it held the task (killed from outside, out of memory, a crash)."""


def serve_worker(conn, options: PipelineOptions) -> None:
    """A worker process: build the pipelines, warm them up, say ready, then answer tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle; it stops its workers
    from .tasks import Cards

    try:
        cards = Cards(options)
        cards.warm_up()
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(cards.run(task))


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Any
    state: str = "starting"  # starting, idle, busy, gone
    future: asyncio.Future | None = field(default=None, repr=False)


class WorkerPool:
    """``size`` worker processes building their pipelines from ``options``."""

    def __init__(self, options: PipelineOptions, size: int):
        self.options = options
        self.size = size
        self.startup_error: str | None = None
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closing = False
        self.replaced = 0

    # -- life cycle -----------------------------------------------------------

    def start(self) -> None:
        """Start the workers (they warm up in the background; ``ready`` counts those that have)."""
        self._loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._spawn()

    async def close(self) -> None:
        """Stop every worker: asked first, killed if it does not go within a second."""
        self._closing = True
        workers, self._workers = list(self._workers), []
        for worker in workers:
            self._unwatch(worker)
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        await asyncio.get_running_loop().run_in_executor(None, self._join_all, workers)
        for worker in workers:
            worker.conn.close()

    @staticmethod
    def _join_all(workers: list[_Worker]) -> None:
        for worker in workers:
            worker.process.join(1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)

    @property
    def ready(self) -> int:
        """How many workers have warmed up and are alive."""
        return sum(1 for w in self._workers if w.state in ("idle", "busy"))

    @property
    def busy(self) -> int:
        return sum(1 for w in self._workers if w.state == "busy")

    # -- tasks ------------------------------------------------------------------

    async def run(self, task: dict[str, Any], timeout: float) -> tuple:
        """The answer of the first free worker to ``task``; ``TaskTimeout`` after ``timeout`` seconds in all."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        worker = await self._take(deadline)
        worker.state, worker.future = "busy", loop.create_future()
        try:
            worker.conn.send(task)
            return await asyncio.wait_for(asyncio.shield(worker.future), max(deadline - loop.time(), 0.001))
        except asyncio.TimeoutError:
            log.warning("task over its %.1f s limit: worker %s stopped", timeout, worker.process.pid)
            self._kill(worker)
            raise TaskTimeout() from None
        except (OSError, ValueError):
            self._lost(worker)
            raise WorkerLost() from None

    async def _take(self, deadline: float) -> _Worker:
        loop = asyncio.get_running_loop()
        while True:
            try:
                worker = await asyncio.wait_for(self._idle.get(), max(deadline - loop.time(), 0.001))
            except asyncio.TimeoutError:
                raise TaskTimeout() from None
            if worker.state == "idle":
                return worker

    # -- workers ----------------------------------------------------------------

    def _spawn(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=serve_worker, args=(child, self.options), daemon=True, name="factcards-worker")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._workers.append(worker)
        self._loop.add_reader(parent.fileno(), self._on_message, worker)

    def _on_message(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            self._lost(worker)
            return
        if worker.state == "starting":
            self._started(worker, message)
        elif worker.state == "busy":
            future, worker.future, worker.state = worker.future, None, "idle"
            if future is not None and not future.done():
                future.set_result(message)
            self._idle.put_nowait(worker)

    def _started(self, worker: _Worker, message: tuple) -> None:
        if message[0] == "ready":
            worker.state = "idle"
            self._idle.put_nowait(worker)
            log.info("worker %s ready", worker.process.pid)
            return
        self.startup_error = message[1]
        log.error("worker could not start: %s", message[1])
        self._forget(worker)
        self._closing = True  # the same options would fail the same way: no endless restarts

    def _lost(self, worker: _Worker) -> None:
        future = worker.future
        was_running = worker.state != "gone"
        self._forget(worker)
        if future is not None and not future.done():
            future.set_exception(WorkerLost())
        if was_running and not self._closing:
            log.warning("worker %s exited (code %s): starting another", worker.process.pid, worker.process.exitcode)
            self._replace()

    def _kill(self, worker: _Worker) -> None:
        self._forget(worker)
        worker.process.kill()
        self._loop.run_in_executor(None, worker.process.join, 2)
        if not self._closing:
            self._replace()

    def _replace(self) -> None:
        self.replaced += 1
        self._spawn()

    def _forget(self, worker: _Worker) -> None:
        """Stop watching ``worker`` and drop it from the pool (its process is the caller's to stop)."""
        if worker.state == "gone":
            return
        self._unwatch(worker)
        if worker in self._workers:
            self._workers.remove(worker)
        worker.conn.close()

    def _unwatch(self, worker: _Worker) -> None:
        worker.state = "gone"
        try:
            self._loop.remove_reader(worker.conn.fileno())
        except (OSError, ValueError):
            pass
