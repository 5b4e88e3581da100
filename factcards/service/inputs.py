"""Reading a request into a task for a worker: JSON, plain text, HTML or a multipart upload, within the size limit."""

from __future__ import annotations

import codecs
import json
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.requests import Request

from factcards.errors import SelectionError
from factcards.pipeline import parse_length

from .models import CardRequest, CheckRequest, Selection
from .problems import Problem

MULTIPART_ALLOWANCE = 64 * 1024  # the envelope around an uploaded file of the full size
SELECTION_FIELDS = tuple(Selection.model_fields)
ARTICLE_FIELDS = ("text", "html", "title", "published", "source", "url", "language")


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refusing more than ``limit`` bytes (also for a chunked body with no Content-Length)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem("too-large", f"the body is over the {limit}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def charset(request: Request) -> str | None:
    """The ``charset`` parameter of the Content-Type, if any (``text/plain; charset="iso-8859-1"``)."""
    for parameter in request.headers.get("content-type", "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').strip() or None
    return None


def as_utf8(body: bytes, kind: str, declared: str | None) -> bytes:
    """``body`` in UTF-8 (what the reader reads), from the charset it declares; UTF-8 bodies as they are."""
    try:
        if declared is None or codecs.lookup(declared).name == "utf-8":
            return body
        return body.decode(declared).encode("utf-8")
    except LookupError:  # no such codec, or one that is no text encoding (base64)
        raise Problem("unsupported-media-type", f"cannot read a {kind} body in charset {declared!r}: send UTF-8, or a charset such as iso-8859-1 or windows-1252") from None
    except UnicodeError as exc:  # a UnicodeDecodeError, or the bare UnicodeError punycode raises
        where = f" (byte {exc.start})" if isinstance(exc, UnicodeDecodeError) else ""
        raise Problem("invalid-input", f"request body is not valid {declared}{where}") from None


async def card_task(request: Request, max_bytes: int) -> dict[str, Any]:
    """The card task a ``POST /v1/cards`` asks for."""
    kind = media_type(request)
    if kind == "application/json" or kind.endswith("+json"):
        body = await read_body(request, max_bytes)
        model = parse_model(CardRequest, body)
        article = {k: v for k, v in model.model_dump(include=set(ARTICLE_FIELDS)).items() if v is not None}
        return {"source": article, "name": "request body", "selection": selection_of(model)}
    if kind in ("text/plain", "text/html", ""):
        body = as_utf8(await read_body(request, max_bytes), kind, charset(request))
        task = {"source": body, "name": "request body", "input_format": "html" if kind == "text/html" else "text"}
        return {**task, **query_options(request)}
    if kind == "multipart/form-data":
        return await upload_task(request, max_bytes)
    raise Problem("unsupported-media-type", f"cannot read a {kind} body: send application/json, text/plain, text/html or multipart/form-data")


async def upload_task(request: Request, max_bytes: int) -> dict[str, Any]:
    """A multipart form: the article as ``file`` (its name's suffix tells the format) or ``text``, options as fields."""
    body = await read_body(request, max_bytes + MULTIPART_ALLOWANCE)
    try:
        form = await _replayed(request, body).form(max_files=1, max_fields=32)
    except Exception as exc:  # starlette's multipart errors (a malformed envelope, too many parts)
        raise Problem("invalid-request", f"the multipart body cannot be read: {getattr(exc, 'detail', exc)}") from None
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    upload = form.get("file")
    if upload is not None and not isinstance(upload, str):
        data = await upload.read()
        if len(data) > max_bytes:
            raise Problem("too-large", f"{upload.filename or 'the file'} is larger than the {max_bytes}-byte limit")
        source, name = data, upload.filename or "upload"
    elif fields.get("text"):
        source, name = fields["text"], "text field"
    else:
        raise Problem("invalid-request", "send the article as a 'file' part (or a 'text' field)")
    options = {
        "summarizer": fields.get("summarizer") or None,
        "extractors": form.getlist("extractor") or None,
        "disable": form.getlist("disable") or None,
        "length": fields.get("length") or None,
    }
    return {"source": source, "name": name, "published": fields.get("published") or None, "selection": clean_selection(options)}


def query_options(request: Request) -> dict[str, Any]:
    """``?published=&summarizer=&extractor=&disable=&length=`` for bodies that carry only the article."""
    query = request.query_params
    options = {
        "summarizer": query.get("summarizer"),
        "extractors": query.getlist("extractor") or None,
        "disable": query.getlist("disable") or None,
        "length": query.get("length"),
    }
    return {"published": query.get("published"), "selection": clean_selection(options)}


async def check_task(request: Request, max_bytes: int) -> dict[str, Any]:
    """The check task a ``POST /v1/check`` asks for."""
    kind = media_type(request)
    if kind != "application/json" and not kind.endswith("+json"):
        raise Problem("unsupported-media-type", f"cannot read a {kind or 'untyped'} body: send application/json")
    model = parse_model(CheckRequest, await read_body(request, max_bytes))
    if (model.article is None) == (model.card is None):
        raise Problem("invalid-request", "give the article ('article') or a card made earlier ('card'), one of the two")
    task = {"text": model.text, "published": model.published, "selection": selection_of(model), "card": model.card}
    if model.article is not None:
        task["source"] = {k: v for k, v in model.article.model_dump().items() if v is not None}
    return task


def parse_model(model: type[BaseModel], body: bytes) -> BaseModel:
    """``body`` as JSON read into ``model``; a 422 problem with a one-line reason otherwise."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:  # RecursionError: nested too deeply
        raise Problem("invalid-input", f"request body is not valid JSON: {getattr(exc, 'msg', exc)}") from None
    if not isinstance(data, dict):
        raise Problem("invalid-input", "request body: JSON input must be an object with a \"text\" field")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise Problem("invalid-request", first_validation_error(exc.errors())) from None


def first_validation_error(errors: list[dict[str, Any]]) -> str:
    """The first validation error as ``field 'a.b': message`` (and how many more)."""
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"field {where!r}: {first.get('msg', 'invalid')}{more}"


def selection_of(model: BaseModel) -> dict[str, Any]:
    return clean_selection({k: getattr(model, k) for k in SELECTION_FIELDS})


def clean_selection(options: dict[str, Any]) -> dict[str, Any]:
    """The options a request set, with settings that would read the server's environment refused, and a bad length."""
    if _reads_environment(options.get("settings")):
        raise Problem("invalid-settings", "request settings may not read the server's environment ($env references)")
    try:
        parse_length(options.get("length"))
    except SelectionError as exc:
        raise Problem("invalid-length", str(exc)) from None
    return {k: v for k, v in options.items() if v not in (None, [], {})}


def _reads_environment(value: Any) -> bool:
    if isinstance(value, dict):
        return "$env" in value or any(_reads_environment(v) for v in value.values())
    if isinstance(value, list):
        return any(_reads_environment(v) for v in value)
    return False


def _replayed(request: Request, body: bytes) -> Request:
    """A request reading ``body`` again (the original stream is spent)."""
    sent = False

    async def receive():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)
