"""Progress of a batch: a tqdm bar on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from typing import TextIO


class Progress:
    """Articles done of the total, articles/s, ETA and failures so far.

    ``mode`` is ``auto`` (a bar when ``stream`` is a terminal, else lines),
    ``bar``, ``lines`` or ``off``; lines come every ``interval`` seconds.
    """

    def __init__(self, total: int | None, *, mode: str = "auto", stream: TextIO | None = None, interval: float = 10.0, done: int = 0):
        self.stream = stream or sys.stderr
        self.total, self.done, self.failed = total, done, 0
        self.interval = interval
        if mode == "auto":
            mode = "bar" if getattr(self.stream, "isatty", lambda: False)() else "lines"
        self.mode = mode
        self._start = self._last = time.monotonic()
        self._first = done
        self._bar = None
        self._reported = None
        if mode == "bar":
            from tqdm import tqdm

            self._bar = tqdm(total=total, initial=done, unit="article", file=self.stream, dynamic_ncols=True, smoothing=0.1)
            self._bar.set_postfix(failed=0)

    def update(self, cards: int, errors: int) -> None:
        self.done += cards + errors
        self.failed += errors
        if self._bar is not None:
            self._bar.update(cards + errors)
            if errors:
                self._bar.set_postfix(failed=self.failed)
        elif self.mode == "lines" and time.monotonic() - self._last >= self.interval:
            self._line()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.mode == "lines" and self.done != self._reported:
            self._line()

    def _line(self) -> None:
        now = time.monotonic()
        self._last, self._reported = now, self.done
        rate = (self.done - self._first) / max(now - self._start, 1e-9)
        of = f"/{self.total}" if self.total is not None else ""
        eta = ""
        if self.total is not None and rate > 0:
            eta = f", ETA {timedelta(seconds=round(max(self.total - self.done, 0) / rate))}"
        print(f"batch: {self.done}{of} articles, {rate:.1f}/s, {self.failed} failed{eta}", file=self.stream, flush=True)
