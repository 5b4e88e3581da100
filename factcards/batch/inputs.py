"""Reading a batch's inputs: JSONL files, Parquet files and folders of article files, as ``Record``s in input order.

Every record has an ``id`` (its own, or a stable hash of its content) and a
``where`` (``file:line``, ``file#row`` or the file's path) for messages. A
record that cannot even be read as a record (a malformed JSON line, an id that
is no string) carries its ``error`` instead of data; the runner reports it and
goes on.
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..errors import InputError, first_line
from ..reader import _check_size

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
ARTICLE_FIELDS = ("text", "html", "title", "published", "source", "url", "language")
PARQUET_BATCH_ROWS = 1024


@dataclass
class Record:
    """One input article: ``data`` is a mapping (JSONL, Parquet) or the file's bytes (a folder's file)."""

    id: str
    where: str
    data: dict[str, Any] | bytes | None = None
    error: str | None = None


@dataclass(frozen=True)
class Source:
    """One input file and how to read it: ``kind`` is ``jsonl``, ``parquet`` or ``file`` (a folder's article)."""

    path: str
    kind: str
    name: str  # the id of a folder's file (its path relative to the folder), else the path as given


def expand_inputs(inputs: list[str]) -> list[Source]:
    """The files behind ``inputs`` (files, folders, globs), in a stable order, each once however often it
    is named; ``InputError`` if one names nothing."""
    sources: dict[str, Source] = {}
    for given in inputs:
        matches = sorted(glob.glob(given, recursive=True)) if glob.has_magic(given) else [given]
        if not matches:
            raise InputError(f"{given}: no file matches")
        for match in matches:
            for source in _sources_of(match):
                sources.setdefault(source.path if is_uri(source.path) else os.path.realpath(source.path), source)
    return list(sources.values())


def is_uri(path: str) -> bool:
    """``s3://bucket/key``, ``gs://...``, ``hdfs://...``, ``file:///...``: read through pyarrow's filesystems."""
    return "://" in path


def _sources_of(path: str) -> list[Source]:
    if is_uri(path):
        return _remote_sources(path)
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        if not files:
            raise InputError(f"{path}: no {'/'.join(ARTICLE_SUFFIXES)} files in this folder")
        return [Source(str(f), "file", f.relative_to(p).as_posix()) for f in files]
    if not p.exists():
        raise InputError(f"{path}: no such file")
    return [Source(path, kind_of(path), path)]


def _remote_sources(uri: str) -> list[Source]:
    """A remote file, or the JSONL and Parquet files under a remote folder (recursively)."""
    from pyarrow import fs

    try:
        filesystem, inner = fs.FileSystem.from_uri(uri)
        info = filesystem.get_file_info(inner)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise InputError(f"{uri}: {first_line(exc)[:200]}") from None
    if info.type == fs.FileType.NotFound:
        raise InputError(f"{uri}: no such file")
    if info.type != fs.FileType.Directory:
        return [Source(uri, kind_of(uri), uri)]
    scheme = uri.split("://", 1)[0]
    found = filesystem.get_file_info(fs.FileSelector(inner, recursive=True))
    files = sorted(i.path for i in found if i.type == fs.FileType.File and Path(i.path).suffix.lower() in JSONL_SUFFIXES + PARQUET_SUFFIXES)
    if not files:
        raise InputError(f"{uri}: no .jsonl or .parquet files in this folder")
    return [Source(f"{scheme}://{f}", kind_of(f), f"{scheme}://{f}") for f in files]


def open_input(path: str) -> BinaryIO:
    """A local file, or a remote one through pyarrow's filesystems, as a buffered binary file."""
    if not is_uri(path):
        return open(path, "rb")
    from pyarrow import fs

    filesystem, inner = fs.FileSystem.from_uri(path)
    return io.BufferedReader(filesystem.open_input_file(inner))


def kind_of(path: str) -> str:
    """``jsonl`` or ``parquet`` by the file's suffix (``.jsonl.gz`` is not read: decompress first)."""
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    raise InputError(f"{path}: not an input factcards batch reads (.jsonl, .parquet, or a folder of {'/'.join(ARTICLE_SUFFIXES)} files)")


def read_sources(sources: list[Source], max_bytes: int | None = None) -> Iterator[Record]:
    """Every record of ``sources``, in order, reading JSONL and Parquet as streams; a folder's file too large is an error."""
    for source in sources:
        if source.kind == "file":
            path = Path(source.path)
            yield folder_record(source.name, path.stat().st_size, path.read_bytes, max_bytes)
        else:
            with open_input(source.path) as fh:
                yield from records_of(source, fh)


def folder_record(name: str, size: int, read, max_bytes: int | None) -> Record:
    """A folder's file as a record, read only when it is within the size limit."""
    try:
        _check_size(size, max_bytes, name)
    except InputError as exc:
        return Record(name, name, error=str(exc))
    return Record(name, name, read())


def records_of(source: Source, fh: BinaryIO, max_bytes: int | None = None) -> Iterator[Record]:
    """The records of one JSONL or Parquet file, opened as ``fh`` (any binary file object)."""
    if source.kind == "jsonl":
        return jsonl_records(fh, source.name)
    if source.kind == "parquet":
        return parquet_records(fh, source.name)
    data = fh.read()
    return iter([folder_record(source.name, len(data), lambda: data, max_bytes)])


def jsonl_records(fh: BinaryIO, name: str) -> Iterator[Record]:
    """One record per non-blank line; a line that is no JSON object is a record with an error."""
    for number, line in enumerate(fh, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested too deeply
            yield Record(content_id(line), where, error=f"{where}: not a JSON object ({first_line(exc)[:200]})")
            continue
        if not isinstance(data, dict):
            yield Record(content_id(line), where, error=f"{where}: a JSON line must be an object, not {type(data).__name__}")
            continue
        yield mapping_record(data, where)


def parquet_records(fh: BinaryIO | str, name: str) -> Iterator[Record]:
    """One record per row, read a batch of rows at a time; a file (or its rest) that cannot be read is one record with an error."""
    import pyarrow.parquet as pq

    row = 0
    try:
        for batch in pq.ParquetFile(fh).iter_batches(batch_size=PARQUET_BATCH_ROWS):
            for data in batch.to_pylist():
                yield mapping_record({k: _plain(v) for k, v in data.items()}, f"{name}#{row}")
                row += 1
    except (OSError, ValueError) as exc:  # not Parquet, or cut short (pyarrow's ArrowInvalid is a ValueError)
        where = f"{name}#{row}"
        yield Record(content_id(where), where, error=f"{where}: not readable as Parquet ({first_line(exc)[:200]})")


def mapping_record(data: dict[str, Any], where: str) -> Record:
    """A record from a mapping: its ``id`` (an integer id becomes a string), or the hash of its content."""
    given = data.get("id")
    if given is None:
        return Record(content_id(_canonical(data)), where, data)
    if isinstance(given, bool) or not isinstance(given, (str, int)) or not str(given).strip():
        return Record(content_id(_canonical(data)), where, error=f"{where}: 'id' must be a non-empty string, not {given!r}")
    return Record(str(given), where, data)


def content_id(content: str | bytes) -> str:
    """A stable id for an article without one: the start of the SHA-256 of its content."""
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return "sha256-" + hashlib.sha256(raw).hexdigest()[:24]


def count_records(sources: list[Source]) -> int | None:
    """How many records the inputs hold (lines, rows, files), or None when a file cannot be counted cheaply."""
    total = 0
    for source in sources:
        if source.kind == "file":
            total += 1
        elif is_uri(source.path):
            return None
        elif source.kind == "parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(source.path).metadata.num_rows
        else:
            total += _count_lines(source.path)
    return total


def _count_lines(path: str) -> int:
    count = 0
    with open(path, "rb") as fh:
        for line in fh:
            count += bool(line.strip())
    return count


def _canonical(data: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in data.items() if k != "id"}, sort_keys=True, ensure_ascii=False, default=str)


def _plain(value: Any) -> Any:
    """Parquet dates and timestamps as ISO 8601 strings, as a JSON line would give them."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def open_bytes(data: bytes) -> BinaryIO:
    """A binary file object over ``data`` (a file read whole, as a Ray task does)."""
    return io.BytesIO(data)

