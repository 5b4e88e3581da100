"""Carding a batch of records with one pipeline: what a worker process or a Ray actor runs.

Every record comes back as an ``Entry``, in order: its output line (the
card with the article's ``id`` first and the input's other fields under
``fields``) or a one-line reason. A record that fails never takes the others
with it: a failing batch is carded again one record at a time.
"""

from __future__ import annotations

import json
import os
import resource
from typing import Any

from ..errors import FactcardsError, InputError, one_line
from ..pipeline import Pipeline
from ..reader import max_bytes_default
from .inputs import ARTICLE_FIELDS, Record
from .outputs import Entry


def card_records(pipeline: Pipeline, records: list[Record]) -> list[Entry]:
    """The entry of each record, in order; the readable ones summarized together where the summarizer can."""
    entries: list[Entry | None] = []
    readable: list[tuple[int, Record, Any]] = []
    for record in records:
        if record.error is not None:
            entries.append(Entry(record.id, record.where, reason=record.error))
            continue
        try:
            document = pipeline.document(source_of(record, pipeline.max_bytes), name=record.where)
        except FactcardsError as exc:
            entries.append(Entry(record.id, record.where, reason=one_line(exc)))
            continue
        readable.append((len(entries), record, document))
        entries.append(None)
    for (position, record, _), entry in zip(readable, _cards(pipeline, [(r, d) for _, r, d in readable])):
        entries[position] = entry
    return entries


def _cards(pipeline: Pipeline, items: list[tuple[Record, Any]]) -> list[Entry]:
    try:
        cards = list(pipeline.cards([document for _, document in items], batch_size=max(1, len(items))))
        return [_entry(record, card) for (record, _), card in zip(items, cards)]
    except Exception:
        return [_one(pipeline, record, document) for record, document in items]


def _one(pipeline: Pipeline, record: Record, document: Any) -> Entry:
    try:
        return _entry(record, pipeline.card(document))
    except Exception as exc:  # a plugin error under --strict-plugins, an invalid card: this record's failure only
        return Entry(record.id, record.where, reason=one_line(exc))


def _entry(record: Record, card) -> Entry:
    return entry_of_card(record, card.to_dict())


def entry_of_card(record: Record, card: dict[str, Any]) -> Entry:
    """The output line: the article's id first, the card, then the input's other fields under ``fields``."""
    fields = {k: v for k, v in record.data.items() if k != "id" and k not in ARTICLE_FIELDS} if isinstance(record.data, dict) else {}
    line = json.dumps({"id": record.id, **card, "fields": fields}, ensure_ascii=False, default=str)
    return Entry(record.id, record.where, line=line)


def source_of(record: Record, max_bytes: int | None) -> Any:
    """What ``Pipeline.document`` reads: a folder file's bytes, or the mapping once its text passes the size limit."""
    if isinstance(record.data, bytes):
        return record.data
    limit = max_bytes_default() if max_bytes is None else max_bytes
    for key in ("text", "html"):
        value = record.data.get(key)
        if isinstance(value, str) and len(value.encode("utf-8", "surrogatepass")) > limit:
            raise InputError(f"{record.where}: the {key} is larger than the {limit}-byte limit (raise it with --max-bytes)")
    return record.data


def memory() -> dict[str, int]:
    """This process's id, resident memory now and at its peak (since its program started) in KiB, its CPU time in ms."""
    try:
        with open("/proc/self/status") as fh:
            status = dict(line.split(":", 1) for line in fh if ":" in line)
        rss, peak = int(status["VmRSS"].split()[0]), int(status["VmHWM"].split()[0])
    except (OSError, KeyError, ValueError):  # no /proc: getrusage's peak (which a spawned process may inherit) is all there is
        rss = peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = os.times()
    return {"pid": os.getpid(), "rss_kb": rss, "peak_kb": peak, "cpu_ms": round((times.user + times.system) * 1000)}
