"""ROUGE of the summarizers on the development set, side by side.

    python benchmarks/summaries_rouge.py [DEV.jsonl] [--set KEY=VALUE ...]

DEV.jsonl defaults to ``../shared/dev/summaries/cnndm-dev.jsonl`` relative to
the repository root: the development set of CNN/DailyMail articles with their
highlights that the team keeps outside the project (it is not ours to ship; ask
the maintainers for it). Its ``score.py``, next to it, does the scoring
(rouge-score, stemming, best over references), so the figures are comparable
with the ones quoted there.

Every article is prepared like a card is (the registered ``prepare_document``
cleaners, then sentence segmentation) and summarized through the registered
summarizer records, each given its card's facts: ``lead`` (3 sentences, and
with a 90-word cap like ``minilm``'s), ``minilm`` (defaults, and the settings it
had before they were chosen by cross-validation), and, over the
same MiniLM embeddings, two plain unsupervised baselines: the centroid ranker
(cosine to the document's mean embedding, with MMR) and TextRank (PageRank over
the cosine graph).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = ROOT.parent / "shared" / "dev" / "summaries" / "cnndm-dev.jsonl"
# minilm's defaults before they were chosen by cross-validation (benchmarks/summaries_cv.py)
BEFORE_ISSUE_17 = {"position_weight": 1.5, "edge_threshold": 0.1, "length_penalty": 0.4, "fact_bonus": 0.0, "words_per_sentence": 0}


def parse_settings(pairs: list[str]) -> dict:
    """``["quantize=true", "max_tokens=64"]`` as a minilm config dict (JSON values, else strings)."""
    settings = {}
    for pair in pairs:
        key, _, raw = pair.partition("=")
        try:
            settings[key] = json.loads(raw)
        except json.JSONDecodeError:
            settings[key] = raw
    return settings


def load_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_scorer(dev_path: Path):
    """The ``score`` function of the ``score.py`` shipped next to the development set."""
    spec = importlib.util.spec_from_file_location("dev_score", dev_path.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def prepared_documents(rows, pm) -> list:
    """Each row's text as a Document, cleaned by the registered cleaners and segmented, as the core does."""
    import factcards

    documents = []
    for row in rows:
        document = factcards.Document(row["text"])
        pm.hook.prepare_document(document=document)
        document.segment()
        documents.append(document)
    return documents


def card_facts(rows, documents) -> list[list]:
    """Each article's facts, as its card (made with ``lead``, so no model runs) holds them."""
    import factcards

    pipeline = factcards.Pipeline(summarizer="lead")
    facts = []
    for row, document in zip(rows, documents):
        card = pipeline.card(row["text"])
        if card.document["text"] != document.text:
            raise ValueError(f"{row['id']}: the card's text is not the prepared document's: fact offsets would not match")
        facts.append(card.facts)
    return facts


def centroid_pick(candidates, vectors, sentences: int = 3, redundancy: float = 0.5) -> list:
    """Plain MiniLM centroid ranking with MMR: no position information at all."""
    import numpy as np

    centroid = vectors.mean(0)
    scores = vectors @ (centroid / (np.linalg.norm(centroid) or 1.0))
    return _mmr(candidates, vectors, scores, sentences, redundancy)


def textrank_pick(candidates, vectors, sentences: int = 3, damping: float = 0.85) -> list:
    """TextRank: PageRank over the (non-negative) cosine similarity graph of the sentences."""
    import numpy as np

    weights = np.clip(vectors @ vectors.T, 0.0, None)
    np.fill_diagonal(weights, 0.0)
    transition = weights / np.maximum(weights.sum(1, keepdims=True), 1e-9)
    rank = np.full(len(candidates), 1.0 / max(len(candidates), 1))
    for _ in range(50):
        rank = (1 - damping) / len(candidates) + damping * transition.T @ rank
    return _mmr(candidates, vectors, rank / rank.max(), sentences, 0.0)


def _mmr(candidates, vectors, scores, sentences, redundancy):
    chosen: list[int] = []
    while len(chosen) < min(sentences, len(candidates)):
        def gain(i):
            return scores[i] - redundancy * max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)

        chosen.append(max((i for i in range(len(candidates)) if i not in chosen), key=gain))
    return [candidates[i] for i in sorted(chosen)]


def embedding_baseline(pick, minilm_module, config):
    """Summaries by ``pick`` over the same candidates and MiniLM embeddings that ``minilm`` uses."""

    def run(documents):
        settings = minilm_module._settings(config)
        encoder = minilm_module._encoder(settings)
        out = []
        for document in documents:
            pool = minilm_module.candidate_sentences(document, settings["min_words"], settings["max_words"], 3)
            vectors = encoder.embed([s.text for s in pool], max_tokens=int(settings["max_tokens"]))
            out.append(" ".join(s.text for s in pick(pool, vectors)) if pool else "")
        return out

    return run


def registered(summarizer, config, facts):
    """Summaries by a registered summarizer, each given its card's facts as a card would give them."""

    def run(documents):
        return [summarizer.summarize(d, f, {**summarizer.default_config, **config}).text for d, f in zip(documents, facts)]

    return run


def parse_arguments(description: str, argv=None, more=None) -> argparse.Namespace:
    """The development set's path and ``--set KEY=VALUE`` minilm settings; exits when the set is missing.

    ``more(parser)``, when given, adds a script's own arguments.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="a minilm setting, e.g. quantize=true, max_tokens=64")
    if more is not None:
        more(parser)
    args = parser.parse_args(argv)
    if not args.dev.exists():
        sys.exit(f"no development set at {args.dev}: pass its path (see this script's docstring)")
    return args


def main(argv=None) -> None:
    args = parse_arguments(__doc__.splitlines()[0], argv)

    import factcards
    from factcards_plugins.summarizers import minilm

    pm = factcards.make_plugin_manager()
    registry = factcards.collect_registry(pm, [])
    rows = load_rows(args.dev)
    documents = prepared_documents(rows, pm)
    score = load_scorer(args.dev)
    minilm_config = parse_settings(args.set)
    facts = card_facts(rows, documents)
    methods = {
        "lead (3 sentences)": registered(registry.summarizers["lead"], {"sentences": 3}, facts),
        "lead (3 sentences, 90 words)": registered(registry.summarizers["lead"], {"sentences": 3, "words": 90}, facts),
        "minilm" + (f" {minilm_config}" if minilm_config else ""): registered(registry.summarizers["minilm"], minilm_config, facts),
        "minilm, settings before issue 17": registered(registry.summarizers["minilm"], {**BEFORE_ISSUE_17, **minilm_config}, facts),
        "MiniLM centroid + MMR": embedding_baseline(centroid_pick, minilm, {}),
        "MiniLM TextRank": embedding_baseline(textrank_pick, minilm, {}),
    }
    print(f"{len(rows)} articles from {args.dev}")
    print(f"{'method':<34} {'R1':>6} {'R2':>6} {'RLsum':>6} {'words':>6} {'s':>6}")
    for name, run in methods.items():
        began = time.perf_counter()
        summaries = run(documents)
        elapsed = time.perf_counter() - began
        result = score(rows, [{"id": r["id"], "summary": s} for r, s in zip(rows, summaries)])
        print(f"{name:<34} {result['rouge1']:>6.2f} {result['rouge2']:>6.2f} {result['rougeLsum']:>6.2f} {result['mean_words']:>6} {elapsed:>6.1f}")


if __name__ == "__main__":
    main()
