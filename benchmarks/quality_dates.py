"""Quality of the ``dates`` extractor against dateparser's ``search_dates``, on labelled news articles.

    python benchmarks/quality_dates.py [FILE.jsonl ...]

By default on ``data/dates-dev.jsonl`` and ``dates-heldout2.jsonl`` ..
``dates-heldout4.jsonl``. Prints, per split (dev, heldout, heldout2 ..
heldout4, all) and per type (date, time): exact-span and
overlap P/R/F1, value accuracy on exact matches (the shared scorer) and on
overlap-matched pairs. Our extractor runs the way a user runs it, through
``make_card`` (page cleaning, the core's merge rules), a date and time joined in
one fact ("Monday at 3pm") scored as the date and the time the sets label
(``dates_parts.py``); durations are not scored here. dateparser runs on the
same text with ``RELATIVE_BASE`` set to the dateline. dateparser reports
datetimes, so its value is the date (day granularity) or, for a span that is
only a time, ``HH:MM``.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import factcards  # noqa: E402
from dates_parts import date_time_parts  # noqa: E402
from scoring import add_counts, counts, format_table, same_value, splits_of, summarize  # noqa: E402

DATA = [Path(__file__).resolve().parent / "data" / name for name in ("dates-dev.jsonl", "dates-heldout2.jsonl", "dates-heldout3.jsonl", "dates-heldout4.jsonl")]
TYPES = ("date", "time")
_TIME_ONLY = re.compile(r"(?i)^(?:at\s)?\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?)?(?:\s?[A-Z]{2,4})?$|^(?:noon|midnight)$")


def ours(row: dict, plugin_manager) -> list[factcards.Fact]:
    card = factcards.make_card(
        {"text": row["text"], "published": row["published"]},
        extractors=["dates"],
        summarizer="lead",
        plugin_manager=plugin_manager,
    )
    return [part for f in card.facts if f.type in TYPES for part in date_time_parts(f.to_dict())]


def dateparser_facts(row: dict) -> list[dict]:
    """``search_dates`` results as facts, located left to right in the text."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(row["published"])
    found = search_dates(row["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or []
    facts, cursor = [], 0
    for surface, moment in found:
        start = row["text"].find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        is_time = bool(_TIME_ONLY.match(surface.strip()))
        value = moment.strftime("%H:%M") if is_time else moment.date().isoformat()
        facts.append({"type": "time" if is_time else "date", "start": start, "end": cursor, "text": surface, "value": {"value": value}})
    return facts


def overlap_value_counts(gold: list, predicted: list) -> dict[str, list[int]]:
    """Per type, [pairs, right values] over one-to-one overlapping pairs (left to right)."""
    result = {}
    for fact_type in TYPES:
        g = [_plain(f) for f in gold if _plain(f)["type"] == fact_type]
        used, pairs, right = set(), 0, 0
        for p in sorted((_plain(f) for f in predicted if _plain(f)["type"] == fact_type), key=lambda f: (f["start"], f["end"])):
            for i, candidate in enumerate(g):
                if i not in used and candidate["start"] < p["end"] and p["start"] < candidate["end"]:
                    used.add(i)
                    pairs += 1
                    right += same_value(fact_type, candidate["value"], p["value"])
                    break
        result[fact_type] = [pairs, right]
    return result


def _plain(fact) -> dict:
    if isinstance(fact, dict):
        return fact
    return {"type": fact.type, "start": fact.start, "end": fact.end, "text": fact.text, "value": fact.value}


def evaluate(rows: list[dict], system) -> tuple[dict, dict]:
    total, overlap_values = {}, {t: [0, 0] for t in TYPES}
    for row in rows:
        predicted = system(row)
        add_counts(total, counts(row["facts"], predicted, TYPES))
        for fact_type, (pairs, right) in overlap_value_counts(row["facts"], predicted).items():
            overlap_values[fact_type][0] += pairs
            overlap_values[fact_type][1] += right
    return summarize(total), overlap_values


def report(title: str, rows: list[dict], system) -> None:
    figures, overlap_values = evaluate(rows, system)
    print(format_table(title, figures))
    for fact_type, (pairs, right) in overlap_values.items():
        share = f"{right / pairs:.3f}" if pairs else "-"
        print(f"  {fact_type}: value right on {right}/{pairs} overlap-matched spans ({share})")
    print()


def main(paths: list[str | Path] = DATA) -> None:
    pm = factcards.make_plugin_manager()
    systems = {"factcards dates": lambda row: ours(row, pm), "dateparser search_dates": dateparser_facts}
    for split, split_rows in splits_of(paths).items():
        n_facts = sum(len(r["facts"]) for r in split_rows)
        for name, system in systems.items():
            report(f"== {name} on {split} ({len(split_rows)} articles, {n_facts} labelled expressions)", split_rows, system)


if __name__ == "__main__":
    main(sys.argv[1:] or DATA)
