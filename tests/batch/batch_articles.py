"""Invented news articles and helpers for the batch tests, written for factcards (no real events or people)."""

from __future__ import annotations

import json
from pathlib import Path

COMPANIES = ["Harrowgate Mills", "Quillon Freight", "Sandvale Energy", "Brightwater Foods", "Orrin Telecom", "Kestrel Mining"]
CITIES = ["LEEDS", "DENVER", "LYON", "OSAKA", "PERTH", "RECIFE"]
PEOPLE = ["Maria Ostrova", "Daniel Achebe", "Priya Raman", "Tomas Lindqvist", "Grace Okafor", "Henrik Solberg"]


def article(n: int) -> dict:
    """The n-th invented article: a company, a figure, a date and a quote that vary with n."""
    company, city, person = COMPANIES[n % 6], CITIES[(n // 6) % 6], PEOPLE[(n + 2) % 6]
    revenue, share, jobs = 1.2 + n / 10, 3 + n % 17, 120 + 7 * n
    text = (
        f"{company} posts higher quarterly revenue\n\n"
        f"{city} (Wire) - {company} said on Tuesday that revenue rose {share}% to ${revenue:.1f} billion in the three months to June, "
        f"helped by stronger demand in its home market.\n\n"
        f"The company will add {jobs} jobs by March 2027, chief executive {person} told reporters. "
        f"\"We are seeing the best order book in a decade,\" {person.split()[1]} said.\n\n"
        f"Shares closed 2.5% higher at $41.20 on Monday."
    )
    return {"id": f"wire-{n:04d}", "text": text, "title": f"{company} posts higher quarterly revenue", "published": f"2026-07-{1 + n % 28:02d}", "desk": "business"}


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def without_timing(record: dict) -> dict:
    """A card record without its elapsed time, the one field two runs may not share."""
    generator = {k: v for k, v in record["generator"].items() if k != "elapsed_ms"}
    return {**record, "generator": generator}
