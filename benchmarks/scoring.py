"""Scoring fact extractors against labelled data (shared by the quantity and date benchmarks).

Labelled data is JSONL, one document per row::

    {"id", "source", "license", "published": "YYYY-MM-DD" or null, "text",
     "facts": [{"type", "start", "end", "text", "value": {...}}]}

``score(gold, predicted, types)`` gives, per fact type:

- exact-span precision/recall/F1: a prediction counts when a gold fact of the
  same type has exactly its ``start``/``end``;
- overlap precision/recall/F1: gold and predicted facts of the same type are
  paired one-to-one when their spans overlap (left to right, greedily);
- value accuracy on the exact-matched spans (money: amount and currency;
  number and percentage: the numeric value; date and time: the ISO ``value``
  string; any other type: the whole value dict).

Facts may be dicts or ``factcards.Fact`` objects.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterable


def load_rows(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a JSONL file, checking that every gold fact is grounded in its row's text."""
    rows = []
    for line_number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        for fact in row.get("facts", []):
            if row["text"][fact["start"] : fact["end"]] != fact["text"]:
                raise ValueError(f"{path}:{line_number}: fact {fact['text']!r} is not at {fact['start']}..{fact['end']}")
        rows.append(row)
    return rows


def splits_of(paths) -> dict[str, list[dict[str, Any]]]:
    """The rows of several JSONL files (``load_rows``) by their ``split``, in order of first
    appearance, then all of them under "all"."""
    rows = [row for path in paths for row in load_rows(path)]
    splits: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        splits.setdefault(row.get("split") or "unsplit", []).append(row)
    splits["all"] = rows
    return splits


def as_dict(fact: Any) -> dict[str, Any]:
    """A fact as a plain dict with type, start, end, text and value."""
    if isinstance(fact, dict):
        return fact
    return {"type": fact.type, "start": fact.start, "end": fact.end, "text": fact.text, "value": fact.value}


def same_value(fact_type: str, gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether a predicted value is right for the gold one, by the fact type's rule."""
    if fact_type == "money":
        return _same_number(gold.get("amount"), predicted.get("amount")) and gold.get("currency") == predicted.get("currency")
    if fact_type in ("number", "percentage"):
        return _same_number(gold.get("value"), predicted.get("value"))
    if fact_type in ("date", "time"):
        return gold.get("value") == predicted.get("value")
    return gold == predicted


def _same_number(a: Any, b: Any) -> bool:
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def prf(true_positives: int, n_predicted: int, n_gold: int) -> dict[str, float]:
    precision = true_positives / n_predicted if n_predicted else (1.0 if not n_gold else 0.0)
    recall = true_positives / n_gold if n_gold else (1.0 if not n_predicted else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


def _overlap_pairs(gold: list[dict], predicted: list[dict]) -> int:
    """How many one-to-one pairs of overlapping spans there are, pairing left to right."""
    used: set[int] = set()
    pairs = 0
    for p in sorted(predicted, key=lambda f: (f["start"], f["end"])):
        for i, g in enumerate(gold):
            if i not in used and g["start"] < p["end"] and p["start"] < g["end"]:
                used.add(i)
                pairs += 1
                break
    return pairs


def score(gold_facts: Iterable[Any], predicted_facts: Iterable[Any], types: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Per fact type: counts, exact-span P/R/F1, overlap P/R/F1 and value accuracy on exact matches.

    Call it once per document, or once with all documents' facts made unique
    per document (e.g. offsets shifted by a document base) and merge with
    ``add_counts``; ``summarize`` turns summed counts into figures.
    """
    return summarize(counts(gold_facts, predicted_facts, types))


def counts(gold_facts: Iterable[Any], predicted_facts: Iterable[Any], types: Iterable[str]) -> dict[str, dict[str, int]]:
    """The raw counts behind ``score`` for one document, per type."""
    gold_all = [as_dict(f) for f in gold_facts]
    predicted_all = [as_dict(f) for f in predicted_facts]
    result = {}
    for fact_type in types:
        gold = [f for f in gold_all if f["type"] == fact_type]
        predicted = [f for f in predicted_all if f["type"] == fact_type]
        gold_by_span = {(f["start"], f["end"]): f for f in gold}
        predicted_by_span = {(f["start"], f["end"]): f for f in predicted}
        exact = [span for span in predicted_by_span if span in gold_by_span]
        right_values = sum(same_value(fact_type, gold_by_span[s].get("value", {}), predicted_by_span[s].get("value", {})) for s in exact)
        result[fact_type] = {
            "gold": len(gold_by_span),
            "predicted": len(predicted_by_span),
            "exact": len(exact),
            "overlap": _overlap_pairs(list(gold_by_span.values()), list(predicted_by_span.values())),
            "value_right": right_values,
        }
    return result


def add_counts(total: dict[str, dict[str, int]], more: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Sum per-type counts (``total`` is updated in place and returned)."""
    for fact_type, numbers in more.items():
        into = total.setdefault(fact_type, dict.fromkeys(numbers, 0))
        for key, value in numbers.items():
            into[key] = into.get(key, 0) + value
    return total


def summarize(all_counts: dict[str, dict[str, int]]) -> dict[str, dict[str, Any]]:
    """Figures from counts: exact and overlap P/R/F1 and value accuracy, per type."""
    figures = {}
    for fact_type, c in all_counts.items():
        figures[fact_type] = {
            **c,
            "exact_prf": prf(c["exact"], c["predicted"], c["gold"]),
            "overlap_prf": prf(c["overlap"], c["predicted"], c["gold"]),
            "value_accuracy": c["value_right"] / c["exact"] if c["exact"] else None,
        }
    return figures


def format_table(title: str, figures: dict[str, dict[str, Any]]) -> str:
    """A plain-text table of ``summarize`` output."""
    lines = [title, f"{'type':<11}{'gold':>6}{'pred':>6}{'exactP':>8}{'exactR':>8}{'exactF1':>8}{'ovlpF1':>8}{'value':>8}"]
    for fact_type, f in figures.items():
        value = "-" if f["value_accuracy"] is None else f"{f['value_accuracy']:.3f}"
        e, o = f["exact_prf"], f["overlap_prf"]
        lines.append(f"{fact_type:<11}{f['gold']:>6}{f['predicted']:>6}{e['p']:>8.3f}{e['r']:>8.3f}{e['f1']:>8.3f}{o['f1']:>8.3f}{value:>8}")
    return "\n".join(lines)
