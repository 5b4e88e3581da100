"""Ctrl-C during a batch: the first asks the run to stop after what is in flight, a second stops it at once."""

from __future__ import annotations

import signal
import threading


class StopRequest:
    """While entered (in the main thread), SIGINT sets ``requested`` instead of raising ``KeyboardInterrupt``."""

    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def __enter__(self) -> "StopRequest":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _handle(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
