"""The worker pools behind the API: cards are made in ``factcards.workers`` processes, never in the server's own.

The server's pool makes the cards of requests that take the server's options.
A request that chooses its own summarizer, extractors, disabled plugins,
budget or settings gets a pool of one worker built for that selection, kept
for the next request that chooses the same; at most ``EXTRA_POOLS`` such pools
live at once, the one used least recently being closed. A selection is
checked in the server's process first, so a bad one is refused at once.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import queue
from collections import OrderedDict
from typing import Any, Mapping

from factcards.pipeline import PipelineOptions
from factcards.workers import CardFailed, WorkerPool

from .problems import Problem

log = logging.getLogger("factcards.service")
EXTRA_POOLS = 2
GRACE = 2.0  # seconds past the time limit before a worker that does not answer is killed
SELECTION_KEYS = ("summarizer", "extractors", "disable", "length", "settings")


class Pools:
    """The server's pool and the pools of the selections requests made."""

    def __init__(self, options: PipelineOptions, workers: int, timeout: float):
        self.options = dataclasses.replace(options, timeout=timeout)
        self.workers = workers
        self.main: WorkerPool | None = None
        self._extra: OrderedDict[str, WorkerPool] = OrderedDict()
        self._lock = asyncio.Lock()
        self.warmed = False  # every worker of the server's pool has been ready once

    def start(self) -> None:
        """Start the server's workers; they build and warm their pipelines in the background."""
        self.main = self._pool(self.options, self.workers)

    async def close(self) -> None:
        pools = [p for p in [self.main, *self._extra.values()] if p is not None]
        self._extra.clear()
        await asyncio.get_running_loop().run_in_executor(None, lambda: [p.close(now=True) for p in pools])

    def health(self) -> dict[str, Any]:
        """The server's pool at a glance; ``ready`` is whether it takes traffic: once every worker
        has warmed up, and from then on while at least one is ready (the others being replaced)."""
        health = self.main.health() if self.main else {"workers": self.workers, "ready": 0, "busy": 0, "queued": 0, "restarts": 0, "startup_error": None}
        self.warmed = self.warmed or health["ready"] == health["workers"]
        return {**health, "warmed": self.warmed, "selection_pools": len(self._extra)}

    async def card(self, task: Mapping[str, Any]) -> dict[str, Any]:
        """The card (a dict) of a task: ``source``, ``published``, ``name``, ``input_format``, ``selection``."""
        pool = await self.pool_for(task.get("selection") or {})
        try:
            future = pool.submit(task["source"], published=task.get("published"), name=task.get("name"), input_format=task.get("input_format", "auto"), block=False)
        except queue.Full:
            raise Problem("overloaded", "the workers' queue is full", headers={"Retry-After": "2"}) from None
        except RuntimeError:  # a selection's pool closed between choosing it and sending the card
            raise Problem("worker-lost", "the pool for this selection was just closed; retry", headers={"Retry-After": "1"}) from None
        try:
            return await asyncio.wrap_future(future)
        except CardFailed as failure:
            raise problem_of(failure) from None

    async def pool_for(self, selection: Mapping[str, Any]) -> WorkerPool:
        chosen = self._chosen(selection)
        if not chosen:
            return self.main
        key = json.dumps(chosen, sort_keys=True)
        async with self._lock:
            if key not in self._extra:
                options = self._options(chosen)
                await asyncio.get_running_loop().run_in_executor(None, check_options, options)
                self._extra[key] = self._pool(options, 1)
                await self._evict()
            self._extra.move_to_end(key)
            return self._extra[key]

    def _chosen(self, selection: Mapping[str, Any]) -> dict[str, Any]:
        """What the selection changes: empty values and the server's own choices dropped."""
        same = {"summarizer": self.options.summarizer, "length": self.options.length}
        return {k: v for k, v in selection.items() if k in SELECTION_KEYS and v not in (None, [], {}) and same.get(k, object()) != v}

    def _options(self, chosen: Mapping[str, Any]) -> PipelineOptions:
        base = self.options
        settings = {name: {**base.config.get(name, {}), **table} for name, table in (chosen.get("settings") or {}).items()}
        return dataclasses.replace(
            base,
            config={**base.config, **settings},
            summarizer=chosen.get("summarizer", base.summarizer),
            extractors=tuple(chosen["extractors"]) if chosen.get("extractors") else base.extractors,
            disable=(*base.disable, *chosen.get("disable", ())),
            length=chosen.get("length", base.length),
        )

    async def _evict(self) -> None:
        while len(self._extra) > EXTRA_POOLS:
            _, pool = self._extra.popitem(last=False)
            asyncio.get_running_loop().run_in_executor(None, pool.close)

    def _pool(self, options: PipelineOptions, workers: int) -> WorkerPool:
        return WorkerPool(options, workers=workers, grace=GRACE, warm_up=True, queue_size=64)


def check_options(options: PipelineOptions) -> None:
    """Build the pipeline once here: a bad selection or setting is a 422 now, not a broken pool."""
    from factcards import ConfigError, SelectionError

    try:
        options.build()
    except SelectionError as exc:
        raise Problem("unknown-selection", str(exc)) from None
    except ConfigError as exc:
        raise Problem("invalid-settings", str(exc)) from None


def problem_of(failure: CardFailed) -> Problem:
    """The problem a failed card is answered with."""
    if failure.kind == "input":
        return Problem("invalid-input", failure.message)
    if failure.kind == "usage":
        return Problem("invalid-settings" if failure.error_type == "ConfigError" else "unknown-selection", failure.message)
    if failure.kind == "timeout":
        return Problem("timeout", failure.message)
    if failure.kind == "invalid":
        return Problem("invalid-card", failure.message)
    if failure.error_type == "WorkerDied":
        return Problem("worker-lost", failure.message, headers={"Retry-After": "2"})
    return Problem("plugin-failed", failure.message)
