"""Quality of the ``dates`` extractor on real newswire: the shared TimeML development set.

    python benchmarks/quality_dates_timeml.py [DEV.jsonl] [--by-source] [--misses [--vague]]

DEV.jsonl defaults to ``../shared/dev/dates/dates-dev.jsonl`` relative to the
repository root: 156 newswire and broadcast articles (1989-2000) with human
TimeML (TIMEX3) annotation and their document dates, kept outside the project
(the texts are the publishers' copyright: measure with them, never copy them).
The scoring is the ``score.py`` shipped next to the set, imported from there.

Every article becomes a card the way a user makes one (``make_card`` with only
the ``dates`` extractor, ``published`` = the document date), and its date, time
and duration facts are scored twice: ``--types date,time`` (the dates and times
figure) and ``--types duration`` (durations alone). A third line scores dates
and times against the gold without TimeML's vague references (``PAST_REF``,
``PRESENT_REF``, ``FUTURE_REF``: "now", "recently", "the future"), which a card
leaves out on purpose (see ``docs/extractors-dates.md``); a fourth scores the card made with
the extractor's opt-in ``vague_references`` setting, which keeps them, against the gold as it is.
TimeML marks each end of a
range as its own expression ("from [1991] to [1997]"), so a range joined by a word is
scored as its two ends (``dates_parts.py``); a date and time side by side is one
expression in TimeML as in the card.

``--misses`` also lists, per article, the gold expressions no fact overlaps, the
facts no gold overlaps and the overlapping pairs whose value is wrong (for
development: printed, never stored).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import factcards

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dates_parts import range_parts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = ROOT.parent / "shared" / "dev" / "dates" / "dates-dev.jsonl"
TYPES = ("date", "time", "duration")
VAGUE = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


def load_scorer(dev_path: Path):
    """The ``score.py`` module shipped next to the development set."""
    spec = importlib.util.spec_from_file_location("dates_dev_score", dev_path.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(rows: list[dict], pm, vague_references: bool = False) -> dict[str, list[dict]]:
    """Each article's date, time and duration facts, as the scorer reads them (with the ``dates``
    extractor's ``vague_references`` setting as given)."""
    found = {}
    config = {"dates": {"vague_references": vague_references}}
    for row in rows:
        card = factcards.make_card({"text": row["text"], "published": row["dct"]}, extractors=["dates"],
                                   summarizer="lead", plugin_manager=pm, config=config)
        found[row["id"]] = [part for f in card.facts if f.type in TYPES for part in range_parts(f.to_dict())]
    return found


def scores(scorer, rows: list[dict], predicted: dict, types: set[str], by_source: bool) -> dict[str, dict]:
    """The scorer's summary for ``types``, given only the facts of those types (it scores every
    prediction it is given as one of them)."""
    accs = defaultdict(scorer.new_acc)
    for row in rows:
        facts = [fact for fact in predicted.get(row["id"], []) if fact["type"] in types]
        keys = ["ALL"] + ([row["id"].split(":")[0]] if by_source else [])
        for key in keys:
            scorer.score_doc(row, facts, types, accs[key])
    return {key: scorer.summarize(acc) for key, acc in accs.items()}


def duration_values(scorer, rows: list[dict], predicted: dict) -> str:
    """How many overlap-matched durations have the gold ISO value (TIMEX3's ``PXY`` ... included)."""
    pairs = right = 0
    for row in rows:
        gold = [g for g in row["expected"] if g["type"] == "duration"]
        pred = [p for p in predicted.get(row["id"], []) if p["type"] == "duration"]
        for i, j in scorer.greedy_overlap(gold, pred):
            pairs += 1
            right += gold[i]["value"] == pred[j]["value"]["value"]
    return f"{right}/{pairs} overlap-matched with the gold value ({right / pairs:.3f})" if pairs else "none matched"


def without_vague(rows: list[dict]) -> list[dict]:
    return [{**row, "expected": [g for g in row["expected"] if g["value"] not in VAGUE]} for row in rows]


def print_scores(title: str, results: dict[str, dict]) -> None:
    print(title)
    for key, s in results.items():
        o = s["overlap"]
        print(f"  [{key}] gold={s['gold']} pred={s['pred']} (ignored {s['ignored_pred']})  "
              f"exact F1={s['exact']['F']:.3f}  overlap P/R/F1={o['P']:.3f}/{o['R']:.3f}/{o['F']:.3f}  "
              f"value acc={s['value_acc_overlap']} (n={s['value_n_overlap']}, strict {s['value_acc_overlap_strict']})  "
              f"full F1={s['full_F1']:.3f}")


def print_misses(scorer, rows: list[dict], predicted: dict, types: set[str]) -> None:
    for row in rows:
        gold = [g for g in row["expected"] if g["type"] in types]
        pred = [p for p in predicted.get(row["id"], []) if p["type"] in types]
        pairs = scorer.greedy_overlap(gold, pred)
        matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
        lines = [f"  MISS  {g['text']!r} {g['value']}" for i, g in enumerate(gold) if i not in matched_gold]
        lines += [f"  EXTRA {p['text']!r} {p['value'].get('value')}" for j, p in enumerate(pred) if j not in matched_pred]
        for i, j in pairs:
            g, p = gold[i], pred[j]
            value = scorer.norm_pred_value(p["value"])
            if scorer.gold_comparable(g["value"]) and not scorer.value_match(g["value"], value):
                lines.append(f"  VALUE {g['text']!r} gold {g['value']} ~ {p['text']!r} {value}")
        if lines:
            print(f"{row['id']} (dct {row['dct']})")
            print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--by-source", action="store_true")
    parser.add_argument("--misses", choices=["date,time", "duration"], nargs="?", const="date,time")
    parser.add_argument("--vague", action="store_true", help="--misses of the run with vague_references = true")
    args = parser.parse_args()
    if not args.dev.exists():
        sys.exit(f"no development set at {args.dev} (the shared TimeML set is kept outside the project, in ../shared)")
    scorer = load_scorer(args.dev)
    rows = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    pm = factcards.make_plugin_manager()
    predicted = predictions(rows, pm)
    print(f"{args.dev}: {len(rows)} articles, published = the document date")
    print_scores("--types date,time", scores(scorer, rows, predicted, {"date", "time"}, args.by_source))
    print_scores("--types duration", scores(scorer, rows, predicted, {"duration"}, args.by_source))
    print(f"  duration values (the scorer compares none): {duration_values(scorer, rows, predicted)}")
    print_scores("--types date,time,duration", scores(scorer, rows, predicted, set(TYPES), args.by_source))
    print_scores("--types date,time, vague references (PAST_REF, PRESENT_REF, FUTURE_REF) not in the gold",
                 scores(scorer, without_vague(rows), predicted, {"date", "time"}, args.by_source))
    with_vague = predictions(rows, pm, vague_references=True)
    print_scores("--types date,time, with the setting [dates] vague_references = true (the gold as it is)",
                 scores(scorer, rows, with_vague, {"date", "time"}, args.by_source))
    if args.misses:
        print_misses(scorer, rows, with_vague if args.vague else predicted, set(args.misses.split(",")))


if __name__ == "__main__":
    main()
