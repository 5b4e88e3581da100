"""Speaker attribution on real news: the ``quotes`` extractor on the shared quotes dev set.

    python benchmarks/quality_quotes_dev.py [--errors] [--speed-rounds N]

Reads ``../shared/dev/quotes/quotes-dev.jsonl`` (relative to the project root:
72 US political news articles with their direct quotes and speakers, for
measuring only; see its README) and scores it with the set's own
``score.py``, imported from beside it, not copied. Each article goes through
the real card path (``make_card(..., summarizer="lead", extractors=["quotes",
"people"])``: page cleaning, segmentation, merging) and its quote facts are
the predictions: the quote's span, and ``value.speaker`` as the speaker.

Prints:

- the scorer's lines (views ALL, lenient_P, ge4words, full): span overlap
  P/R/F1 and speaker accuracy on named or descriptive gold speakers;
- pronoun speakers, which the scorer counts apart: how often the attribution
  found the gold pronoun (our ``speaker_span`` overlaps it), and, since the set
  does not annotate who a pronoun refers to, how often our resolved speaker
  matches a proxy referent (the named gold speaker of the latest earlier quote
  in the article), by the scorer's token rule;
- the time of ``quotes`` and ``people`` together on prepared documents, per
  round of the news articles of ``extractor_speed.py`` and per dev-set
  article, best of ``--speed-rounds`` rounds, the names finder's per-card
  result cleared each run.

``--errors`` also lists the wrong named speakers (for development; the texts
stay outside the repository).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

import factcards
from factcards_plugins.quotes_people import people, quotes

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT.parent / "shared" / "dev" / "quotes"
DEV_SET = DEV_DIR / "quotes-dev.jsonl"
SCORER = DEV_DIR / "score.py"


def load_scorer():
    """The dev set's own ``score.py`` as a module."""
    spec = importlib.util.spec_from_file_location("quotes_dev_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quote_facts(text: str) -> list:
    card = factcards.make_card(text, summarizer="lead", extractors=["quotes", "people"])
    return card.facts_of("quote")


def predictions(rows: list[dict]) -> dict[str, list]:
    return {row["id"]: quote_facts(row["text"]) for row in rows}


def as_scorer_rows(predicted: dict[str, list]) -> list[dict]:
    return [
        {
            "id": doc_id,
            "predicted": [
                {"quote_text": f.text, "quote_start": f.start, "quote_end": f.end, "speaker": f.value["speaker"]}
                for f in facts
            ],
        }
        for doc_id, facts in predicted.items()
    ]


def run_scorer(scorer, predicted: dict[str, list]) -> dict:
    """Print the scorer's figures (its own ``main``) and return them."""
    with tempfile.TemporaryDirectory() as tmp:
        preds, out = Path(tmp) / "predictions.jsonl", Path(tmp) / "scores.json"
        preds.write_text("".join(json.dumps(r) + "\n" for r in as_scorer_rows(predicted)), encoding="utf-8")
        argv = sys.argv
        sys.argv = ["score.py", str(DEV_SET), str(preds), "--json", str(out)]
        try:
            scorer.main()
        finally:
            sys.argv = argv
        return json.loads(out.read_text(encoding="utf-8"))


def matched(scorer, row: dict, facts: list) -> list[tuple[dict, object]]:
    """(gold quote, predicted fact) pairs as the scorer's ALL view matches them."""
    text = row["text"]
    gold = row["expected"]
    gold_spans = [scorer.norm_span(text, q["quote_start"], q["quote_end"]) for q in gold]
    kept = [(scorer.norm_span(text, f.start, f.end), f) for f in facts]
    kept = [(span, f) for span, f in kept if span[1] > span[0]]
    return [(gold[i], kept[j][1]) for i, j in scorer.greedy(gold_spans, [span for span, _ in kept])]


def proxy_referent(row: dict, quote: dict) -> str | None:
    """The named gold speaker of the latest quote before ``quote`` in the article."""
    earlier = [q for q in row["expected"] if q["quote_start"] < quote["quote_start"] and q["speaker"] and not q["speaker_is_pronoun"]]
    return max(earlier, key=lambda q: q["quote_start"])["speaker"] if earlier else None


def pronoun_figures(scorer, rows: list[dict], predicted: dict[str, list]) -> dict[str, int]:
    t = dict.fromkeys("matched span_found with_proxy resolved_right".split(), 0)
    for row in rows:
        for gold, fact in matched(scorer, row, predicted[row["id"]]):
            if not gold["speaker_is_pronoun"]:
                continue
            t["matched"] += 1
            span = fact.value["speaker_span"]
            t["span_found"] += bool(span and span["start"] < gold["speaker_end"] and gold["speaker_start"] < span["end"])
            referent = proxy_referent(row, gold)
            if referent:
                t["with_proxy"] += 1
                t["resolved_right"] += scorer.speaker_match(referent, fact.value["speaker"])
    return t


def print_pronouns(t: dict[str, int]) -> None:
    n, m = max(t["matched"], 1), max(t["with_proxy"], 1)
    print(
        f"pronoun speakers: {t['matched']} matched quotes; gold pronoun found {t['span_found'] / n:.3f}; "
        f"resolved to the proxy referent {t['resolved_right'] / m:.3f} (n={t['with_proxy']})"
    )


def print_errors(scorer, rows: list[dict], predicted: dict[str, list]) -> None:
    print("wrong named speakers:")
    for row in rows:
        for gold, fact in matched(scorer, row, predicted[row["id"]]):
            if gold["speaker"] and not gold["speaker_is_pronoun"] and not scorer.speaker_match(gold["speaker"], fact.value["speaker"]):
                around = row["text"][max(0, fact.start - 120) : fact.end + 120].replace("\n", " / ")
                print(f"- {row['id']}: gold {gold['speaker']!r} got {fact.value['speaker']!r} ({fact.value['speaker_kind']})\n    {around}")


def best_seconds(documents: list, rounds: int) -> float:
    """Seconds of quotes + people over ``documents``, best of ``rounds``."""
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        for document in documents:
            document.user_data.clear()
            quotes.extract(document, {})
            people.extract(document, {})
        best = min(best, time.perf_counter() - began)
    return best


def print_speed(rows: list[dict], rounds: int) -> None:
    """Quotes + people per article on prepared documents: the speed benchmark's news articles and the dev set."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import extractor_speed

    pm = factcards.make_plugin_manager()
    news = [extractor_speed.prepared(pm, None, a) for a in extractor_speed.news_articles()]
    dev = [extractor_speed.prepared(pm, None, {"text": r["text"], "published": r["publication_date"]}) for r in rows]
    news_s, dev_s = best_seconds(news, rounds), best_seconds(dev, rounds)
    print(
        f"quotes + people (best of {rounds} rounds, prepared documents): {news_s * 1000:.2f} ms per round of the "
        f"{len(news)} news articles of extractor_speed.py, {dev_s / len(dev) * 1000:.2f} ms per dev-set article"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the wrong named speakers")
    parser.add_argument("--speed-rounds", type=int, default=20)
    args = parser.parse_args()
    if not DEV_SET.exists() or not SCORER.exists():
        print(f"the quotes dev set is missing: expected {DEV_SET} and {SCORER} (the shared folder beside the project)")
        return 1
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    scorer = load_scorer()
    print(f"quotes dev set: {len(rows)} articles, {sum(len(r['expected']) for r in rows)} gold quotes ({DEV_SET})")
    predicted = predictions(rows)
    run_scorer(scorer, predicted)
    print_pronouns(pronoun_figures(scorer, rows, predicted))
    if args.errors:
        print_errors(scorer, rows, predicted)
    if args.speed_rounds > 0:
        print_speed(rows, args.speed_rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
