"""``FACTCARDS_TRACE=1``: every hook call, registration and extractor run as a line on stderr."""

from __future__ import annotations

import os
import sys
import traceback

TRACE_ENV = "FACTCARDS_TRACE"


def tracing() -> bool:
    """Whether tracing is on (read when a pipeline is built or a hook is called, so the fast path stays free)."""
    return bool(os.environ.get(TRACE_ENV))


def trace_line(message: str) -> None:
    """One line on stderr."""
    print(f"factcards trace: {message}", file=sys.stderr)


def trace_failure(exc: BaseException) -> None:
    """The traceback of plugin code's exception, on stderr."""
    traceback.print_exception(exc, file=sys.stderr)
