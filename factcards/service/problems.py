"""Errors as RFC 9457 problem details: ``type``, ``title``, ``status``, ``detail`` (and the request id).

Each kind of problem has a ``type`` URI under ``/problems/``, which the
service serves as a short description, so a client can tell kinds apart
without parsing the ``detail`` sentence.
"""

from __future__ import annotations

import json
from typing import Any

MEDIA_TYPE = "application/problem+json"

# kind: (status, title, what it means)
PROBLEMS: dict[str, tuple[int, str, str]] = {
    "invalid-input": (422, "The input is not a readable article", "The body is no article factcards can read: empty, binary, not UTF-8 (or not the charset it declares), malformed JSON, or HTML with no article text. The detail is the one-line reason the CLI gives."),
    "invalid-request": (422, "The request is malformed", "A field has the wrong type, a required field is missing, or an unknown field was sent."),
    "unknown-selection": (422, "Unknown extractor, summarizer or plugin", "The request names an extractor, summarizer or plugin that is not installed."),
    "invalid-length": (422, "Unusable summary length", "The length is not a number of sentences (3) or of words (\"60w\"), 1 or more."),
    "invalid-settings": (422, "Unusable settings", "A setting that no plugin declares, or a value a plugin refuses."),
    "too-large": (413, "The body is too large", "The body is larger than the service's limit (10 MiB unless configured)."),
    "unsupported-media-type": (415, "Unsupported body type", "Send application/json, text/plain, text/html or multipart/form-data; a text body in UTF-8 or a charset it declares that Python knows (iso-8859-1, windows-1252, ...)."),
    "not-acceptable": (406, "No acceptable representation", "Cards come as application/json or text/markdown."),
    "unauthorized": (401, "A bearer token is required", "This deployment needs an Authorization: Bearer header with its token."),
    "timeout": (504, "The card took too long", "The card took longer than the service's time limit; the worker making it was stopped and replaced."),
    "overloaded": (503, "Too many requests at once", "Every worker is busy and the queue is full; retry after the number of seconds in Retry-After."),
    "not-ready": (503, "Not ready yet", "The workers are still loading their models; retry after the number of seconds in Retry-After."),
    "worker-lost": (503, "The worker stopped", "The worker making the card exited (killed or out of memory); it is being replaced. Retry the request."),
    "plugin-failed": (500, "A plugin failed", "A plugin raised an error while the service runs with --strict-plugins."),
    "invalid-card": (500, "The card failed its schema", "A plugin produced a card that does not match the schema (a plugin bug)."),
    "internal": (500, "Internal error", "An unexpected error; the service log has the details under the request id."),
    "not-found": (404, "Not found", "No such path."),
    "method-not-allowed": (405, "Method not allowed", "The path exists but not with this method."),
}


class Problem(Exception):
    """An error answer: raise it from any handler."""

    def __init__(self, kind: str, detail: str, *, status: int | None = None, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.kind = kind
        self.status = status or PROBLEMS[kind][0]
        self.detail = detail
        self.headers = headers or {}


def problem_body(kind: str, detail: str, status: int | None = None, request_id: str | None = None) -> dict[str, Any]:
    """The problem details document of ``kind``."""
    default_status, title, _ = PROBLEMS.get(kind, PROBLEMS["internal"])
    body = {"type": f"/problems/{kind}", "title": title, "status": status or default_status, "detail": detail}
    if request_id:
        body["request_id"] = request_id
    return body


def problem_bytes(kind: str, detail: str, status: int | None = None, request_id: str | None = None) -> bytes:
    return json.dumps(problem_body(kind, detail, status, request_id), ensure_ascii=False).encode("utf-8")


def kind_of_status(status: int) -> str:
    """The problem kind for a plain HTTP error raised by the framework (404, 405, ...)."""
    for kind, (code, _, _) in PROBLEMS.items():
        if code == status and kind in ("not-found", "method-not-allowed", "too-large", "unsupported-media-type", "not-acceptable", "unauthorized"):
            return kind
    return "invalid-request" if status == 422 else "internal"
