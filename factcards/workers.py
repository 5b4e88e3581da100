"""A pool of worker processes that make cards, for front ends that must outlive any plugin.

Each worker process builds its own ``Pipeline`` once from a picklable
``PipelineOptions`` (``options.build()``: built-in plugins, installed entry
points and ``plugins_dirs``; plugins registered by hand on a plugin manager do
not reach a worker), optionally warms it up, then makes one card at a time::

    with WorkerPool(PipelineOptions(summarizer="lead"), workers=2, timeout=30) as pool:
        pool.wait_ready()
        card = pool.submit(text, published="2024-05-01").result()   # a dict, or raises CardFailed

What the pool guarantees, whatever a plugin does:

- a card past its time limit fails with ``CardFailed(kind="timeout")`` naming
  the plugin and stage that were running: the worker's own time limit
  interrupts the plugin (``factcards.limits``), or, if the worker has not
  answered ``grace`` seconds later, it is killed; either way the worker is
  replaced, since the interrupted plugin may have left its state half-made;
- a worker that dies (a crash, ``os._exit``, a segfault, killed from outside)
  is replaced and its card fails with ``kind="plugin"`` (``WorkerDied``);
- plugin output on stdout goes to stderr, and Ctrl-C is the parent's to handle
  (workers ignore ``SIGINT``; ``close(now=True)`` stops them);
- at most ``queue_size`` cards wait: ``submit`` blocks, or raises ``queue.Full``
  with ``block=False``.

``CardFailed.kind`` is exit-code-like: ``invalid`` (1), ``usage`` (2, the
options build no pipeline: every card fails so), ``input`` (3), ``plugin`` (4),
``timeout`` (5); ``exit_code`` holds the number.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import queue
import signal
import threading
from concurrent.futures import Future
from typing import Any

from .errors import CardTimeout, FactcardsError, first_line
from .limits import reporting
from .pipeline import PipelineOptions

KINDS = {1: "invalid", 2: "usage", 3: "input", 4: "plugin", 5: "timeout"}
EXIT_CODES = {kind: code for code, kind in KINDS.items()}
STAGE_BYTES = 256  # room for "plugin<TAB>stage" in the shared value a worker reports through
_STOP = object()


class CardFailed(FactcardsError):
    """A card the pool could not make: ``kind`` (see the module), ``error_type`` (the
    exception's type name) and a one-line ``message``."""

    def __init__(self, kind: str, error_type: str, message: str):
        super().__init__(message)
        self.kind, self.error_type, self.message = kind, error_type, message
        self.exit_code = EXIT_CODES[kind]

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "type": self.error_type, "message": self.message}

    @classmethod
    def of(cls, exc: BaseException) -> CardFailed:
        """The failure an exception raised while making a card (or building the pipeline) stands for."""
        if isinstance(exc, CardFailed):
            return exc
        kind = KINDS.get(getattr(exc, "exit_code", None), "plugin") if isinstance(exc, FactcardsError) else "plugin"
        return cls(kind, type(exc).__name__, first_line(exc))


class WorkerPool:
    """``workers`` processes making cards with pipelines built from ``options``.

    :param timeout: seconds a card may take (default ``options.timeout``; None: no limit).
    :param grace: how long after ``timeout`` a worker that has not answered is killed.
    :param warm_up: call ``Pipeline.warm_up()`` in each worker before it counts as ready.
    :param queue_size: how many cards may wait for a worker (default twice the workers).
    """

    def __init__(
        self,
        options: PipelineOptions,
        *,
        workers: int = 2,
        timeout: float | None = None,
        grace: float = 2.0,
        warm_up: bool = False,
        queue_size: int | None = None,
        start_method: str = "spawn",
    ) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.options = options if timeout is None else dataclasses.replace(options, timeout=timeout)
        self.timeout, self.grace, self.warm_up = self.options.timeout, grace, warm_up
        self.startup_error: CardFailed | None = None
        self.closed = False
        self._context = multiprocessing.get_context(start_method)
        self._jobs: queue.Queue = queue.Queue(maxsize=queue_size or 2 * workers)
        self._changed = threading.Condition()
        self._slots = [_Slot(self, number) for number in range(workers)]
        for slot in self._slots:
            slot.thread.start()

    def submit(self, source: Any, *, published: str | None = None, name: str | None = None, input_format: str = "auto", block: bool = True, timeout: float | None = None) -> Future:
        """Queue one card; its future gives the card as a dict or raises ``CardFailed``.

        ``source`` is what ``Pipeline.card`` takes (text, bytes, a mapping, a path) and must pickle.
        ``block``/``timeout`` say how long to wait for room in the queue (``queue.Full`` if none).
        """
        if self.closed:
            raise RuntimeError("the worker pool is closed")
        future: Future = Future()
        self._jobs.put((future, (source, published, name, input_format)), block=block, timeout=timeout)
        return future

    def card(self, source: Any, **options: Any) -> dict[str, Any]:
        """``submit(source, **options).result()``: the card as a dict, or ``CardFailed``."""
        return self.submit(source, **options).result()

    def ready(self) -> bool:
        """Whether every worker has built (and warmed up) its pipeline and is alive."""
        return self.startup_error is None and not self.closed and all(slot.ready() for slot in self._slots)

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until ``ready()``; False after ``timeout`` seconds; ``CardFailed`` if a worker cannot build its pipeline."""
        with self._changed:
            self._changed.wait_for(lambda: self.ready() or self.startup_error is not None or self.closed, timeout)
        if self.startup_error is not None:
            raise self.startup_error
        return self.ready()

    def health(self) -> dict[str, Any]:
        """The pool at a glance: workers, how many are ready and busy, cards queued, restarts, the startup error."""
        return {
            "workers": len(self._slots),
            "ready": sum(slot.ready() for slot in self._slots),
            "busy": sum(slot.state == "busy" for slot in self._slots),
            "queued": self._jobs.qsize(),
            "restarts": sum(slot.restarts for slot in self._slots),
            "startup_error": self.startup_error.message if self.startup_error else None,
        }

    def close(self, now: bool = False) -> None:
        """Stop the workers after the queued cards; ``now=True`` fails the queued cards and kills the busy workers."""
        if self.closed:
            return
        self.closed = True
        if now:
            self._drain()
            for slot in self._slots:
                slot.kill()
        for _ in self._slots:
            self._jobs.put(_STOP)
        for slot in self._slots:
            slot.thread.join()
        self._notify()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(now=exc_type is not None)

    def _drain(self) -> None:
        while True:
            try:
                future, _ = self._jobs.get_nowait()
            except queue.Empty:
                return
            future.cancel()

    def _notify(self) -> None:
        with self._changed:
            self._changed.notify_all()


class _Slot:
    """One worker process and the thread that feeds it, replacing it when it dies or is killed."""

    def __init__(self, pool: WorkerPool, number: int) -> None:
        self.pool, self.number = pool, number
        self.state = "starting"  # starting, idle, busy, failed, stopped
        self.restarts = -1  # the first start is no restart
        self.process = self.conn = None
        self.stage = pool._context.Array("c", STAGE_BYTES, lock=False)
        self.thread = threading.Thread(target=self._serve, name=f"factcards-worker-{number}", daemon=True)

    def ready(self) -> bool:
        return self.state in ("idle", "busy") and self.process is not None and self.process.is_alive()

    def _serve(self) -> None:
        self._restart()
        while True:
            job = self.pool._jobs.get()
            if job is _STOP:
                self._stop()
                return
            future, request = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._card(request))
            except Exception as exc:  # CardFailed, or a fault of the pool itself: the caller hears of it either way
                future.set_exception(CardFailed.of(exc))
            if not self.ready():
                self._restart()

    def _restart(self) -> None:
        """Start a worker now, not when the next card comes (a failure is what the next cards get)."""
        if self.pool.closed or self.pool.startup_error is not None:
            return
        try:
            self._start()
        except Exception:  # kept as the pool's startup_error, which the next cards get
            pass

    def _card(self, request: tuple) -> dict[str, Any]:
        if not self.ready():
            self._start()
        self.state = "busy"
        try:
            self.conn.send(request)
        except (OSError, ValueError):
            raise self._died()
        except Exception as exc:  # the source does not pickle
            self.state = "idle"
            raise CardFailed("input", type(exc).__name__, f"the source cannot be sent to a worker: {exc}") from None
        limit = self.pool.timeout + self.pool.grace if self.pool.timeout else None
        if not self.conn.poll(limit):
            raise self._stuck()
        try:
            outcome, value = self.conn.recv()
        except (EOFError, OSError):
            raise self._died()
        self.state = "idle"
        if outcome == "error" and value[0] == "timeout":  # the interrupted plugin may have left its state half-made
            self.kill()
            raise CardFailed(value[0], value[1], f"{value[2]}; its worker was stopped")
        if outcome == "error":
            raise CardFailed(*value)
        return value

    def _start(self) -> None:
        """Start a worker and wait for its pipeline; ``CardFailed`` (and a broken pool) if it cannot build one."""
        if self.pool.startup_error is not None:
            raise self.pool.startup_error
        if self.pool.closed:
            raise CardFailed("plugin", "PoolClosed", "the worker pool was closed")
        self._discard()
        self.state, self.restarts = "starting", self.restarts + 1
        parent, child = self.pool._context.Pipe()
        self.process = self.pool._context.Process(
            target=serve, args=(child, self.pool.options, self.stage, self.pool.warm_up), name=f"factcards-worker-{self.number}", daemon=True
        )
        self.conn = parent
        try:
            self.process.start()
            child.close()
            outcome, value = parent.recv()
        except (EOFError, OSError):
            outcome, value = "error", ("plugin", "WorkerDied", f"the worker process exited ({_exit_reason(self.process)}) while building its pipeline")
        except Exception as exc:  # the process could not be started at all
            outcome, value = "error", _fields(CardFailed.of(exc))
        if outcome != "ready":
            self.state = "failed"
            if self.pool.closed:
                raise CardFailed("plugin", "PoolClosed", "the worker pool was closed")
            self.pool.startup_error = CardFailed(*value)
            self.pool._notify()
            raise self.pool.startup_error
        self.state = "idle"
        self.pool._notify()

    def _stuck(self) -> CardFailed:
        self.kill()
        plugin, stage = self._last_stage()
        message = str(CardTimeout(self.pool.timeout, plugin, stage))
        return CardFailed("timeout", "CardTimeout", f"{message}; its worker was stopped")

    def _died(self) -> CardFailed:
        self.process.join(1)
        plugin, stage = self._last_stage()
        if self.pool.closed:
            return CardFailed("plugin", "PoolClosed", "the worker pool was closed while the card was being made")
        doing = f" while plugin {plugin!r} was running {stage}" if plugin else ""
        return CardFailed("plugin", "WorkerDied", f"the worker process died ({_exit_reason(self.process)}){doing}")

    def _last_stage(self) -> tuple[str | None, str | None]:
        plugin, _, stage = self.stage.value.decode("utf-8", "replace").partition("\t")
        return plugin or None, stage or None

    def kill(self) -> None:
        """Kill the worker process (its card, if any, fails)."""
        self.state = "stopped"
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join(5)

    def _stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
            self.process.join(5)
        self.kill()
        self._discard()

    def _discard(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.stage.value = b""


def _exit_reason(process) -> str:
    code = process.exitcode
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


# -- inside a worker process ------------------------------------------------------


def serve(conn, options: PipelineOptions, stage, warm_up: bool) -> None:
    """A worker process: build the pipeline, say ready, then make each card asked for until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    os.dup2(2, 1)  # plugin output never reaches a stream the parent may be writing cards to
    try:
        pipeline = options.build()
        if warm_up:
            pipeline.warm_up()
    except BaseException as exc:  # SystemExit too: the parent reports it and starts no more workers
        conn.send(("error", _fields(CardFailed.of(exc))))
        return
    conn.send(("ready", os.getpid()))
    with reporting(_stage_writer(stage)):
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                return
            if request is None:
                return
            _answer(conn, pipeline, *request)


def _answer(conn, pipeline, source, published, name, input_format) -> None:
    try:
        card = pipeline.card(source, published=published, name=name, input_format=input_format)
        answer = ("card", card.to_dict())
    except BaseException as exc:  # anything a card raises is that card's failure, not the worker's
        answer = ("error", _fields(CardFailed.of(exc)))
    conn.send(answer)


def _fields(failure: CardFailed) -> tuple[str, str, str]:
    return failure.kind, failure.error_type, failure.message


def _stage_writer(stage):
    def write(plugin: str | None, stage_name: str | None) -> None:
        data = f"{plugin}\t{stage_name}".encode()[: STAGE_BYTES - 1] if plugin else b""
        stage.value = data

    return write
