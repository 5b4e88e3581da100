"""Structured logs: one JSON object a line on stderr, for the access log and the service's own messages."""

from __future__ import annotations

import json
import logging
import sys
import time

ACCESS = logging.getLogger("factcards.access")
SERVICE_LOGGERS = ("factcards.service", "factcards.access", "uvicorn", "uvicorn.error")


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", ...}`` plus whatever was passed as ``extra={"fields": {...}}``."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(level: str = "info", stream=None) -> None:
    """Send the service's loggers (and uvicorn's) to ``stream`` as JSON lines, and any other library's warnings too."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in SERVICE_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level.upper())
        logger.propagate = False
    logging.getLogger().handlers[:] = [handler]  # python-multipart, say, whose warnings were bare text (logging's last resort)


def access(request_id: str, method: str, path: str, status: int, duration_ms: float, client: str | None) -> None:
    """One access-log line."""
    ACCESS.info(
        f"{method} {path} {status}",
        extra={"fields": {"request_id": request_id, "method": method, "path": path, "status": status, "duration_ms": round(duration_ms, 2), "client": client}},
    )
