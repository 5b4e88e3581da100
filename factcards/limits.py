"""Per-card limits: the time limit, what was running when it passed, and the cap on an extractor's facts.

The core marks each plugin call with ``running(plugin, stage)``; ``within(seconds, work)``
runs one card's work under a time limit and, past it, raises ``CardTimeout`` naming
the plugin and stage that were running. How far a stuck plugin can be stopped:

- in the main thread (the CLI, a worker process) a ``SIGALRM`` timer interrupts
  plugin code that sleeps or loops in Python, repeated every ``RETRY`` seconds
  should the plugin swallow the exception; code stuck inside a C call that never
  returns to Python cannot be interrupted;
- in any other thread the card runs in a helper thread: the caller gets
  ``CardTimeout`` on time, but the stuck thread cannot be killed and runs on.

Only a worker process (``factcards.workers``) can always be stopped: it is killed.
"""

from __future__ import annotations

import contextvars
import signal
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

from .errors import CardTimeout

# The most facts one extractor may return for one card; the rest are dropped with a warning.
MAX_FACTS_PER_EXTRACTOR = 10_000
# Seconds between a time limit's repeated alarms, should plugin code catch the first.
RETRY = 1.0

T = TypeVar("T")
Listener = Callable[[str | None, str | None], None]


class Activity:
    """What one card is running now (a plugin and its stage), as the core last said."""

    __slots__ = ("plugin", "stage", "listener")

    def __init__(self, listener: Listener | None = None) -> None:
        self.plugin: str | None = None
        self.stage: str | None = None
        self.listener = listener

    def set(self, plugin: str | None, stage: str | None) -> None:
        self.plugin, self.stage = plugin, stage
        if self.listener is not None:
            self.listener(plugin, stage)


_activity: contextvars.ContextVar[Activity | None] = contextvars.ContextVar("factcards_activity", default=None)
_listener: contextvars.ContextVar[Listener | None] = contextvars.ContextVar("factcards_activity_listener", default=None)


@contextmanager
def running(plugin: str | None, stage: str) -> Iterator[None]:
    """Mark ``plugin``'s ``stage`` as what this thread's card is running (what a timeout names)."""
    activity = _activity.get()
    if activity is None:
        yield
        return
    previous = activity.plugin, activity.stage
    activity.set(plugin, stage)
    try:
        yield
    finally:
        activity.set(*previous)


@contextmanager
def reporting(listener: Listener) -> Iterator[None]:
    """Call ``listener(plugin, stage)`` whenever a card made in this thread changes what it runs."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def within(seconds: float | None, work: Callable[[], T]) -> T:
    """``work()``, one card's work, stopped with ``CardTimeout`` after ``seconds`` (no limit when None).

    A card made inside another card's plugin code runs under the outer card's limit.
    """
    if _activity.get() is not None:
        return work()
    token = _activity.set(Activity(_listener.get()))
    try:
        if not seconds:
            return work()
        if _can_alarm():
            return _with_alarm(seconds, work)
        return _in_thread(seconds, work)
    finally:
        _activity.reset(token)


def _can_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # nobody else's timer is running
    )


def _with_alarm(seconds: float, work: Callable[[], T]) -> T:
    activity = _activity.get()
    fired: list[CardTimeout] = []

    def alarm(signum, frame):
        fired.append(CardTimeout(seconds, activity.plugin, activity.stage))
        raise fired[-1]

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds, RETRY)
            result = work()
            if fired:  # plugin code caught every alarm and went on: the card is still too late
                raise fired[0]
            return result
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:  # again: the alarm may have fired just as the inner block ended, skipping its cleanup
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def _in_thread(seconds: float, work: Callable[[], T]) -> T:
    activity = _activity.get()
    context = contextvars.copy_context()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = context.run(work)
        except BaseException as exc:  # handed to the caller below
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="factcards-card", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise CardTimeout(seconds, activity.plugin, activity.stage)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
