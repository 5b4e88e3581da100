"""Quality and speed of the ``quotes`` and ``people`` extractors on labelled news text.

    python benchmarks/quality_quotes_people.py [benchmarks/data/quotes-people-dev.jsonl]

Runs the extractors the way a user does (``make_card``: page cleaning, the
core's merge rules) on every labelled article and prints:

- quote spans: exact and overlap precision/recall/F1;
- speaker attribution accuracy, over the gold quotes found (overlap) and over
  all gold quotes (a missed quote counts as wrong); a speaker is right when the
  canonical person name matches, or for an institution when one name contains
  the other (case-insensitive); ``partial`` accuracy over the found quotes;
- people: precision/recall on canonical names, and on (name, role) pairs;
- throughput of each extractor alone (MB/s) on the labelled texts repeated to
  about 1 MB, and seconds on hostile input.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import factcards  # noqa: E402
from factcards_plugins.quotes_people import people, quotes  # noqa: E402
from scoring import prf  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "quotes-people-dev.jsonl"
ROOT = Path(__file__).resolve().parent.parent


def load_rows(path) -> list[dict]:
    """The labelled rows; a row with ``text_file`` labels a file of the repository (the bundled sample)."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("text_file"):
            row["text"] = (ROOT / row["text_file"]).read_text(encoding="utf-8")
        for fact in row["facts"]:
            if row["text"][fact["start"] : fact["end"]] != fact["text"]:
                raise ValueError(f"{row['id']}: {fact['text']!r} is not at {fact['start']}..{fact['end']}")
        rows.append(row)
    return rows


def predicted_facts(text: str) -> list:
    card = factcards.make_card(text, summarizer="lead", extractors=["quotes", "people"])
    return card.facts


def overlap_pairs(gold: list[dict], predicted: list) -> list[tuple[dict, object]]:
    """Gold and predicted quotes paired one-to-one by overlapping spans, left to right."""
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p.start < g["end"] and g["start"] < p.end:
                pairs.append((g, p))
                used.add(i)
                break
    return pairs


def same_speaker(gold: dict, predicted: dict) -> bool:
    want, got = gold["speaker"], predicted["speaker"]
    if want is None or got is None:
        return want == got
    if gold["speaker_kind"] == "institution":
        return want.lower() in got.lower() or got.lower() in want.lower()
    return want == got


def norm(role: str) -> str:
    return " ".join(role.lower().split())


def quality(rows: list[dict]) -> dict[str, float]:
    t = dict.fromkeys(
        "q_gold q_pred q_exact q_overlap speaker_ok partial_ok p_gold p_pred p_ok r_gold r_pred r_ok".split(), 0
    )
    misses: list[str] = []
    for row in rows:
        facts = predicted_facts(row["text"])
        gold_q = [f for f in row["facts"] if f["type"] == "quote"]
        pred_q = [f for f in facts if f.type == "quote"]
        t["q_gold"] += len(gold_q)
        t["q_pred"] += len(pred_q)
        spans = {(p.start, p.end) for p in pred_q}
        t["q_exact"] += sum((g["start"], g["end"]) in spans for g in gold_q)
        pairs = overlap_pairs(gold_q, pred_q)
        t["q_overlap"] += len(pairs)
        for g, p in pairs:
            ok = same_speaker(g["value"], p.value)
            t["speaker_ok"] += ok
            t["partial_ok"] += g["value"]["partial"] == p.value["partial"]
            if not ok:
                misses.append(f"  {row['id']}: {g['text'][:40]!r} gold={g['value']['speaker']!r} got={p.value['speaker']!r}")
        gold_p = {f["value"]["name"]: {norm(r) for r in f["value"]["roles"]} for f in row["facts"] if f["type"] == "person"}
        pred_p = {f.value["name"]: {norm(r) for r in f.value["roles"]} for f in facts if f.type == "person"}
        t["p_gold"] += len(gold_p)
        t["p_pred"] += len(pred_p)
        t["p_ok"] += len(gold_p.keys() & pred_p.keys())
        gold_r = {(n, r) for n, roles in gold_p.items() for r in roles}
        pred_r = {(n, r) for n, roles in pred_p.items() for r in roles}
        t["r_gold"] += len(gold_r)
        t["r_pred"] += len(pred_r)
        t["r_ok"] += len(gold_r & pred_r)
        for name in sorted(pred_p.keys() - gold_p.keys()):
            misses.append(f"  {row['id']}: extra person {name!r}")
        for name in sorted(gold_p.keys() - pred_p.keys()):
            misses.append(f"  {row['id']}: missed person {name!r}")
    t["misses"] = misses
    return t


def print_quality(t: dict, show_errors: bool = True) -> None:
    def line(label, figures):
        print(f"{label:<28} P {figures['p']:.3f}  R {figures['r']:.3f}  F1 {figures['f1']:.3f}")

    print(f"gold quotes {t['q_gold']}, predicted {t['q_pred']}; gold people {t['p_gold']}, predicted {t['p_pred']}")
    line("quote spans (exact)", prf(t["q_exact"], t["q_pred"], t["q_gold"]))
    line("quote spans (overlap)", prf(t["q_overlap"], t["q_pred"], t["q_gold"]))
    found = max(t["q_overlap"], 1)
    print(f"{'speaker accuracy':<28} {t['speaker_ok'] / found:.3f} of found quotes, {t['speaker_ok'] / max(t['q_gold'], 1):.3f} of all gold quotes")
    print(f"{'partial flag accuracy':<28} {t['partial_ok'] / found:.3f} of found quotes")
    line("people (names)", prf(t["p_ok"], t["p_pred"], t["p_gold"]))
    line("people (name, role)", prf(t["r_ok"], t["r_pred"], t["r_gold"]))
    if t["misses"] and show_errors:
        print("errors:")
        print("\n".join(t["misses"]))


def seconds(extract, text: str) -> float:
    document = factcards.Document(text)
    document.segment()
    began = time.perf_counter()
    extract(document, {})
    return time.perf_counter() - began


HOSTILE = {
    "1 MB, an opening mark never closed": 'He said "' + "word " * 200_000,
    "unbalanced marks, 1 MB": '"a “b ‘c \' d” e"\n' * 60_000,
    "capitalized words, 1 MB": "Ann Lee President Of The United Nations " * 25_000,
    "attributions everywhere, 1 MB": '"Yes," said Mr. Lee. ' * 50_000,
}


def print_speed(rows: list[dict]) -> None:
    corpus = "\n\n".join(row["text"] for row in rows)
    text = corpus * max(1, 1_000_000 // len(corpus))
    for name, extractor in (("quotes", quotes.extract), ("people", people.extract)):
        took = seconds(extractor, text)
        print(f"{name:<8} {len(text) / took / 1e6:6.2f} MB/s on {len(text) / 1e6:.2f} MB of news text")
    for label, hostile in HOSTILE.items():
        took = max(seconds(quotes.extract, hostile), seconds(people.extract, hostile))
        print(f"hostile: {label:<40} {took:6.2f} s (slower of the two extractors)")


def main(argv: list[str]) -> None:
    rows = load_rows(argv[1] if len(argv) > 1 else DATA)
    for split in ("dev", "heldout", "all"):
        chosen = [r for r in rows if split == "all" or r.get("split", "dev") == split]
        if chosen:
            print(f"== {split}: {len(chosen)} labelled articles")
            print_quality(quality(chosen), show_errors=split != "all")
    print("== speed")
    print_speed(rows)


if __name__ == "__main__":
    main(sys.argv)
