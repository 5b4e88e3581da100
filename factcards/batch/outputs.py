"""A batch's output folder: chunks committed by rename, the ledger of what is done, errors.jsonl, the manifest.

Layout of ``OUT/``::

    cards/part-000000.jsonl     the cards, one JSON object a line, each with the article's id first
    cards/part-000000.parquet   (--format parquet) one row per card: id, metadata, summary, the card as JSON
    facts/part-000000.parquet   (--format parquet) one row per fact: article id, type, text, offsets, value as JSON
    _chunks/part-000000.json    the chunk's index: every record it settled (id, where, card or error) and its errors
    errors.jsonl                {"id", "where", "reason"} for every record that could not be carded
    manifest.json               inputs, options, versions, counts, runs

A chunk is committed when its ``cards`` part appears: the index and the facts
part are renamed into place before it, so after ``kill -9`` any index or facts
part without its cards part is an unfinished chunk, removed by the next run,
and every committed chunk is whole.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

CARDS, FACTS, CHUNKS = "cards", "facts", "_chunks"
ERRORS_FILE, MANIFEST_FILE, LOCK_FILE = "errors.jsonl", "manifest.json", ".lock"
FORMATS = ("jsonl", "parquet")
_PART = re.compile(r"^part-(\d{6,})\.(jsonl|parquet|json)$")

SKIP, DUPLICATE, NEW = "skip", "duplicate", "new"


@dataclass
class Entry:
    """One settled record: its card (the output line, JSON) or its error (a one-line reason)."""

    id: str
    where: str
    line: str | None = None
    reason: str | None = None


def write_atomically(path: Path, write, mode: str = "w") -> None:
    """Call ``write(file)`` on a temporary file beside ``path``, flush it to disk, then rename it to ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def leftover(name: str) -> bool:
    """Whether ``name`` in OUT is a temporary errors.jsonl or manifest that a kill left before its rename."""
    return name.endswith(".tmp") and name.startswith((f".{ERRORS_FILE}.", f".{MANIFEST_FILE}."))


class Ledger:
    """Which records the output already holds, decided in input order.

    Committed chunks are a prefix of the input order, so the k-th occurrence of
    an id is done when the chunks hold at least k+1 records with that id; an
    occurrence after the first is a duplicate.
    """

    def __init__(self, done: Counter, first_where: dict[str, str]):
        self.done = done
        self._seen: dict[str, int] = {}
        self._first = dict(first_where)

    def decide(self, record_id: str, where: str) -> str:
        count = self._seen.get(record_id, 0)
        self._seen[record_id] = count + 1
        if count == 0:
            self._first.setdefault(record_id, where)
        if count < self.done.get(record_id, 0):
            return SKIP
        return DUPLICATE if count else NEW

    def first_where(self, record_id: str) -> str:
        return self._first.get(record_id, "?")

    def is_done(self, record_id: str) -> bool:
        return record_id in self.done


class OutputDir:
    """The output folder of one job."""

    def __init__(self, root: str | os.PathLike, fmt: str = "jsonl"):
        self.root = Path(root)
        self.format = fmt
        self.suffix = "parquet" if fmt == "parquet" else "jsonl"

    # -- reading what is there ---------------------------------------------

    def manifest(self) -> dict[str, Any] | None:
        path = self.root / MANIFEST_FILE
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None

    def committed_chunks(self) -> list[int]:
        """The numbers of the chunks whose cards part exists, in order."""
        folder = self.root / CARDS
        if not folder.is_dir():
            return []
        return sorted(int(m.group(1)) for m in map(_PART.match, os.listdir(folder)) if m and m.group(2) == self.suffix)

    def clean_unfinished(self) -> int:
        """Remove temporary files and the parts of chunks that were never committed; return how many."""
        committed = set(self.committed_chunks())
        removed = 0
        for name in filter(leftover, os.listdir(self.root)):
            (self.root / name).unlink(missing_ok=True)
            removed += 1
        for sub in (CARDS, FACTS, CHUNKS):
            folder = self.root / sub
            if not folder.is_dir():
                continue
            for name in os.listdir(folder):
                match = _PART.match(name)
                if name.endswith(".tmp") or (match and sub != CARDS and int(match.group(1)) not in committed):
                    (folder / name).unlink(missing_ok=True)
                    removed += 1
        return removed

    def indexes(self) -> Iterator[dict[str, Any]]:
        for number in self.committed_chunks():
            yield json.loads((self.root / CHUNKS / _part(number, "json")).read_text(encoding="utf-8"))

    def ledger(self) -> Ledger:
        done: Counter = Counter()
        first: dict[str, str] = {}
        for index in self.indexes():
            for record_id, where, _status in index["records"]:
                done[record_id] += 1
                first.setdefault(record_id, where)
        return Ledger(done, first)

    def counts(self) -> dict[str, int]:
        cards = errors = 0
        for index in self.indexes():
            errors += len(index["errors"])
            cards += len(index["records"]) - len(index["errors"])
        return {"cards": cards, "errors": errors}

    # -- writing -----------------------------------------------------------

    def lock(self):
        """Hold ``OUT/.lock`` for the run (released by the kernel, whatever kills the process); a second run is refused."""
        self.root.mkdir(parents=True, exist_ok=True)
        handle = open(self.root / LOCK_FILE, "a+")
        try:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # no fcntl (Windows): no lock
            pass
        except OSError:
            handle.close()
            return None
        return handle

    def prepare(self) -> None:
        for sub in (CARDS, CHUNKS) + ((FACTS,) if self.format == "parquet" else ()):
            (self.root / sub).mkdir(parents=True, exist_ok=True)

    def commit(self, number: int, entries: list[Entry]) -> None:
        """Write one chunk: its index, its facts part, then its cards part, each by rename."""
        index = {
            "chunk": number,
            "records": [[e.id, e.where, "card" if e.line is not None else "error"] for e in entries],
            "errors": [{"id": e.id, "where": e.where, "reason": e.reason} for e in entries if e.line is None],
        }
        write_atomically(self.root / CHUNKS / _part(number, "json"), lambda fh: json.dump(index, fh, ensure_ascii=False))
        lines = [e.line for e in entries if e.line is not None]
        if self.format == "parquet":
            from .tables import write_cards_part, write_facts_part

            records = [json.loads(line) for line in lines]
            write_atomically(self.root / FACTS / _part(number, "parquet"), lambda fh: write_facts_part(records, fh), "wb")
            write_atomically(self.root / CARDS / _part(number, "parquet"), lambda fh: write_cards_part(records, lines, fh), "wb")
        else:
            write_atomically(self.root / CARDS / _part(number, "jsonl"), lambda fh: fh.writelines(line + "\n" for line in lines))

    def write_errors(self) -> None:
        """errors.jsonl from the committed chunks' indexes, in input order."""

        def write(fh):
            for index in self.indexes():
                for error in index["errors"]:
                    fh.write(json.dumps(error, ensure_ascii=False) + "\n")

        write_atomically(self.root / ERRORS_FILE, write)

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        write_atomically(self.root / MANIFEST_FILE, lambda fh: json.dump(manifest, fh, indent=2, ensure_ascii=False))


@dataclass
class ChunkWriter:
    """Gathers settled records in input order and commits them ``size`` at a time."""

    out: OutputDir
    size: int
    next_number: int
    entries: list[Entry] = field(default_factory=list)
    cards: int = 0
    errors: int = 0

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        if entry.line is None:
            self.errors += 1
        else:
            self.cards += 1
        if len(self.entries) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.entries:
            self.out.commit(self.next_number, self.entries)
            self.next_number += 1
            self.entries = []


def _part(number: int, suffix: str) -> str:
    return f"part-{number:06d}.{suffix}"


def read_cards(root: str | os.PathLike) -> list[dict[str, Any]]:
    """Every card record of a JSONL output folder, in order (for tests and notebooks)."""
    folder = Path(root) / CARDS
    records = []
    for path in sorted(folder.glob("part-*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh]
    return records


def read_errors(root: str | os.PathLike) -> list[dict[str, Any]]:
    path = Path(root) / ERRORS_FILE
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
