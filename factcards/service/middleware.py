"""The ASGI layer every request passes: request id, access log, security headers, token check, body size.

Written as plain ASGI (no per-request task or body copy), so it costs little
on the card path.
"""

from __future__ import annotations

import hmac
import logging
import re
import time
import uuid

from . import logs
from .problems import MEDIA_TYPE, problem_bytes

REQUEST_ID_HEADER = b"x-request-id"
_CLIENT_ID = re.compile(rb"^[A-Za-z0-9._:-]{1,64}$")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
PROTECTED_PREFIX = "/v1/"
log = logging.getLogger("factcards.service")


class ServiceMiddleware:
    """Wraps the app: every response gets ``X-Request-ID`` and the security headers and is logged as one JSON line.

    With ``token`` set, ``/v1/`` paths need ``Authorization: Bearer <token>``
    (compared in constant time); the page, its assets, the docs and the probes
    stay open. A ``Content-Length`` above ``max_body`` is refused before the
    body is read.
    """

    def __init__(self, app, *, token: str | None = None, max_body: int):
        self.app = app
        self.token = token.encode("utf-8") if token else None
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        began = time.perf_counter()
        request_id = self._request_id(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500  # until the response starts
        started = False

        async def send_with_headers(message):
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                message["headers"] = [*message.get("headers", []), (REQUEST_ID_HEADER, request_id.encode()), *SECURITY_HEADERS]
            await send(message)

        try:
            refusal = self._refusal(scope, request_id)
            if refusal is not None:
                await self._answer(send_with_headers, *refusal, request_id)
            else:
                await self.app(scope, receive, send_with_headers)
        except Exception:  # a bug: the traceback goes to the log, the client gets a problem with the request id
            log.exception("unhandled error", extra={"fields": {"request_id": request_id}})
            if not started:
                await self._answer(send_with_headers, 500, "internal", "an unexpected error; the service log has it under this request id", [], request_id)
        finally:
            client = scope.get("client")
            logs.access(request_id, scope["method"], scope["path"], status, (time.perf_counter() - began) * 1000, client[0] if client else None)

    @staticmethod
    def _request_id(scope) -> str:
        for name, value in scope.get("headers", []):
            if name == REQUEST_ID_HEADER and _CLIENT_ID.match(value):
                return value.decode("ascii")
        return uuid.uuid4().hex

    def _refusal(self, scope, request_id: str):
        headers = dict(scope.get("headers", []))
        if self.token is not None and scope["path"].startswith(PROTECTED_PREFIX) and scope["method"] != "OPTIONS":
            if not self._authorized(headers.get(b"authorization", b"")):
                return 401, "unauthorized", "send the service's token as Authorization: Bearer <token>", [(b"www-authenticate", b'Bearer realm="factcards"')]
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            return 413, "too-large", f"the body is {int(length)} bytes, over the {self.max_body}-byte limit", []
        return None

    def _authorized(self, header: bytes) -> bool:
        scheme, _, credentials = header.partition(b" ")
        return scheme.lower() == b"bearer" and hmac.compare_digest(credentials.strip(), self.token)

    @staticmethod
    async def _answer(send, status: int, kind: str, detail: str, extra_headers, request_id: str | None = None):
        body = problem_bytes(kind, detail, status, request_id)
        headers = [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode()), *extra_headers]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
