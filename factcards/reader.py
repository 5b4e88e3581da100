"""Reading articles: plain text, HTML and JSON, from a path, stdin, a string or a dict.

Everything here raises ``InputError`` with a one-line message on bad input.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from .document import Document
from .errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_BYTES_ENV = "FACTCARDS_MAX_BYTES"
FORMATS = ("auto", "text", "html", "json")
_JSON_FIELDS = ("text", "title", "published", "source", "url", "language")


def max_bytes_default() -> int:
    value = os.environ.get(MAX_BYTES_ENV)
    if value is None:
        return DEFAULT_MAX_BYTES
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit < 1:
        raise InputError(f"{MAX_BYTES_ENV} must be a positive whole number of bytes, not {value!r}")
    return limit


def read_bytes(path: str | os.PathLike, *, max_bytes: int | None = None, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of ``path`` (``-`` for ``stdin``), refusing directories and oversized inputs."""
    limit = max_bytes_default() if max_bytes is None else max_bytes
    if str(path) == "-":
        if stdin is None and sys.stdin is None:  # started with its stdin closed (<&-)
            raise InputError("cannot read standard input: it is closed")
        data = (stdin or sys.stdin.buffer).read(limit + 1)
        name = "standard input"
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{p} is a directory, not an article file")
        if not p.exists():
            raise InputError(f"{p}: no such file")
        try:
            with p.open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from None
        name = str(p)
    if len(data) > limit:
        raise InputError(f"{name} is larger than the {limit}-byte limit (raise it with --max-bytes)")
    return data


def decode(data: bytes, name: str = "input") -> str:
    """UTF-8 text (a leading BOM dropped), refusing binary data and empty documents."""
    if b"\x00" in data:
        raise InputError(f"{name} looks like binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text


def detect_format(text: str, name: str = "") -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix == ".json":
        return "json"
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "json"
    if head.startswith(("<!doctype html", "<html")) or ("<body" in text[:5000].lower() and "</" in text):
        return "html"
    return "text"


def document_from_text(text: str, input_format: str = "auto", name: str = "input") -> Document:
    """A ``Document`` from decoded text in any supported format."""
    fmt = detect_format(text, name) if input_format == "auto" else input_format
    if fmt == "json" and input_format == "auto" and not name.lower().endswith(".json"):
        fmt = "json" if _parses_as_json_object(text) else "text"
    if fmt == "json":
        return document_from_mapping(_parse_json(text, name), name)
    if fmt == "html":
        return document_from_html(text, name)
    if fmt != "text":
        raise InputError(f"unknown input format {fmt!r} (choose from {', '.join(FORMATS)})")
    return Document(text=text, input_format="text")


def document_from_mapping(data: Any, name: str = "input") -> Document:
    """A ``Document`` from ``{"text" or "html", "title", "published", "source", "url", "language"}``.

    With ``html`` and no ``text``, the page's main text comes from trafilatura;
    the mapping's own metadata wins over the page's.
    """
    if not isinstance(data, dict):
        raise InputError(f"{name}: JSON input must be an object with a \"text\" field")
    if data.get("text") is None and data.get("html") is not None:
        return _document_from_mapped_html(data, name)
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name}: JSON input needs a non-empty string \"text\"")
    for key in _JSON_FIELDS[1:]:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f"{name}: JSON field {key!r} must be a string")
    published = _published_field(data, name) if data.get("published") else None
    return Document(
        text=text,
        title=data.get("title"),
        source=data.get("source"),
        url=data.get("url"),
        published=published,
        language=data.get("language") or "en",
        input_format="json",
    )


def _document_from_mapped_html(data: dict, name: str) -> Document:
    html = data["html"]
    if not isinstance(html, str) or not html.strip():
        raise InputError(f"{name}: JSON field 'html' must be a non-empty string")
    document = document_from_html(html, name)
    for key in _JSON_FIELDS[1:]:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f"{name}: JSON field {key!r} must be a string")
    for key in ("title", "source", "url", "language"):
        if data.get(key):
            setattr(document, key, data[key])
    if data.get("published"):
        document.published = _published_field(data, name)
    return document


def _published_field(data: dict, name: str) -> str | None:
    """The mapping's ``published``, normalized; an unreadable one is refused naming the input, like its other fields."""
    try:
        return normalize_published(data["published"])
    except InputError as exc:
        raise InputError(f"{name}: JSON field 'published': {exc}") from None


def document_from_html(html: str, name: str = "input") -> Document:
    """The article's main text and metadata, extracted with trafilatura."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    published = None
    if meta is not None and meta.date:
        published = normalize_published(meta.date, strict=False)
    return Document(
        text=text,
        title=getattr(meta, "title", None) or None,
        source=getattr(meta, "sitename", None) or None,
        url=getattr(meta, "url", None) or None,
        published=published,
        input_format="html",
    )


def normalize_published(value: Any, *, strict: bool = True) -> str | None:
    """ISO 8601 at the precision given: a date, or a date and time (with the zone only if one is given).

    Nothing is filled in from today's date: a value without a full date is refused.
    """
    text = str(value).strip()
    parsed = _parse_full_date(text)
    if parsed is None:
        if strict:
            raise InputError(f"cannot read {text!r} as a date (use ISO 8601, e.g. 2022-02-15 or 2022-02-15T12:57)")
        return None
    when, has_time = parsed
    if not has_time:
        return when.date().isoformat()
    timespec = "seconds" if when.second or when.microsecond else "minutes"
    return when.isoformat(timespec=timespec)


# ISO 8601 as most callers give it (2022-02-15, 2022-02-15T12:57, ...:57:30.5+03:00, ...Z): the
# standard library reads it, much faster than dateutil's general parser.
_PLAIN_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?")


def _parse_full_date(text: str) -> tuple[datetime, bool] | None:
    """``(datetime, whether a time was given)``, or None unless year, month and day are all given.

    dateutil fills missing fields from a default; parsing with two different
    defaults shows which fields the text really holds.
    """
    if _PLAIN_ISO.fullmatch(text):
        try:
            return datetime.fromisoformat(text), len(text) > len("2022-02-15")
        except ValueError:
            return None  # "2022-02-30": no such day
    import warnings

    from dateutil import parser as dateparser

    first_default, second_default = datetime(2000, 1, 1, 0, 0), datetime(2001, 2, 2, 1, 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an unknown zone name stays unknown: no zone is invented
            first = dateparser.parse(text, default=first_default)
            second = dateparser.parse(text, default=second_default)
    except (ValueError, OverflowError, TypeError):
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None
    has_time = (first.hour, first.minute) == (second.hour, second.minute)
    return first, has_time


def _parses_as_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except json.JSONDecodeError:
        return False
    except RecursionError:  # JSON, nested too deeply to read: _parse_json says so
        return True


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{name} is not valid JSON: it nests too deeply") from None


def load_document(source: Any, *, input_format: str = "auto", max_bytes: int | None = None, name: str | None = None) -> Document:
    """A ``Document`` from a ``Document``, text, bytes, a path or a mapping: the one input path.

    Every front end reads articles through here, with the same checks: size,
    binary data, UTF-8, emptiness, JSON shape, HTML through trafilatura.
    ``name`` names the input in messages (and its suffix tells the format).
    """
    if isinstance(source, Document):
        return dataclasses.replace(source, regions=list(source.regions), sentences=[], user_data={}, facts=[], _sentence_starts=[], _interval_cache={})
    if isinstance(source, dict):
        return document_from_mapping(source, name or "input")
    if isinstance(source, os.PathLike):
        data = read_bytes(source, max_bytes=max_bytes)
        return document_from_text(decode(data, name or str(source)), input_format, name or str(source))
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), max_bytes, name or "input")
        return document_from_text(decode(data, name or "input"), input_format, name or "input")
    if isinstance(source, str):
        _check_size(len(source.encode("utf-8", "surrogatepass")), max_bytes, name or "input")
        if not source.strip():
            raise InputError(f"{name or 'input'} is empty")
        return document_from_text(source, input_format, name or "input")
    raise InputError(f"cannot make a document from {type(source).__name__}")


def _check_size(size: int, max_bytes: int | None, name: str) -> None:
    limit = max_bytes_default() if max_bytes is None else max_bytes
    if size > limit:
        raise InputError(f"{name} is larger than the {limit}-byte limit (raise it with --max-bytes)")
