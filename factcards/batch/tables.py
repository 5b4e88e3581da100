"""The Parquet outputs: a ``cards`` row per article and a flat ``facts`` row per fact (pyarrow)."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

CARDS_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("published", pa.string()),
        ("language", pa.string()),
        ("sha256", pa.string()),
        ("summary", pa.string()),
        ("summary_method", pa.string()),
        ("facts", pa.int32()),
        ("diagnostics", pa.int32()),
        ("fields", pa.string()),  # the input's other fields, as JSON
        ("card", pa.string()),  # the whole record, as the JSONL output has it
    ]
)

FACTS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("type", pa.string()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("sentence", pa.int64()),
        ("value", pa.string()),  # JSON
        ("confidence", pa.float64()),
        ("extractor", pa.string()),
    ]
)


def card_row(record: dict[str, Any], line: str) -> dict[str, Any]:
    document, summary = record["document"], record.get("summary") or {}
    return {
        "id": record["id"],
        **{key: document.get(key) for key in ("title", "source", "url", "published", "language", "sha256")},
        "summary": summary.get("text"),
        "summary_method": summary.get("method"),
        "facts": len(record["facts"]),
        "diagnostics": len(record["diagnostics"]),
        "fields": json.dumps(record.get("fields") or {}, ensure_ascii=False, sort_keys=True),
        "card": line,
    }


def fact_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "article_id": record["id"],
            "type": fact["type"],
            "text": fact["text"],
            "start": fact["start"],
            "end": fact["end"],
            "sentence": fact.get("sentence"),
            "value": json.dumps(fact.get("value"), ensure_ascii=False, sort_keys=True),
            "confidence": fact.get("confidence"),
            "extractor": fact.get("extractor"),
        }
        for fact in record["facts"]
    ]


def write_cards_part(records: list[dict[str, Any]], lines: list[str], fh: BinaryIO) -> None:
    rows = [card_row(record, line) for record, line in zip(records, lines)]
    pq.write_table(pa.Table.from_pylist(rows, schema=CARDS_SCHEMA), fh)


def write_facts_part(records: list[dict[str, Any]], fh: BinaryIO) -> None:
    rows = [row for record in records for row in fact_rows(record)]
    pq.write_table(pa.Table.from_pylist(rows, schema=FACTS_SCHEMA), fh)
