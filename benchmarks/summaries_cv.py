"""Cross-validated ROUGE of ``minilm``'s settings against ``lead``, fold by fold.

    python benchmarks/summaries_cv.py [DEV.jsonl] [--folds 5] [--repeats 3] [--grid NAME] [--set KEY=VALUE ...]

The development set (default ``../shared/dev/summaries/cnndm-dev.jsonl``
relative to the repository root, kept outside the project; scored by its own
``score.py``) is split into ``--folds`` folds, ``--repeats`` times with
different shuffles. For each fold the setting is chosen on the other folds
(held in) from a grid around ``minilm``'s defaults (``--set`` moves the
centre), then scored on the fold (held out). A setting is chosen by its
plateau score: the mean held-in R1+R2 of the setting and of its neighbours
(one grid step away in one setting), so a lone peak that the next value
already loses is not preferred. Printed:

- per fold: held-in and held-out R1/R2 of the chosen setting, ``lead``'s R1/R2
  on the same held-out articles, and whether both beat it;
- the mean and spread (standard deviation) of the held-out figures across
  folds, and the held-in vs held-out gap;
- the setting the same rule picks on all articles, and how often each value
  was picked across folds (a stable pick is one the folds agree on).

Embeddings are computed once per candidate pool (each article's candidates
are embedded together, as ``minilm`` does; int8 vectors depend on their batch),
and each summary's ROUGE once per distinct text, so a grid of thousands of
settings takes minutes.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from summaries_rouge import card_facts, load_rows, load_scorer, parse_arguments, parse_settings, prepared_documents  # noqa: E402

# Values tried for each setting; the others keep the centre's value.
GRIDS = {
    "default": {
        "position_weight": [1.5, 2.0, 2.5],
        "backward_weight": [-1.0, -0.5],
        "edge_threshold": [0.0, 0.1],
        "length_penalty": [0.8, 1.2, 1.6],
        "fact_bonus": [0.0, 0.1, 0.2, 0.3, 0.4],
        "words_per_sentence": [0, 25, 30, 35],
    },
    "small": {
        "position_weight": [1.5, 2.0],
        "fact_bonus": [0.0, 0.3],
        "words_per_sentence": [0, 30],
    },
}
# Settings that change the candidate pool, hence the embeddings.
POOL_KEYS = ("min_words", "max_words", "max_candidates", "max_tokens", "quantize", "sentences")


class Evaluator:
    """Per-article R1 and R2 of a setting, with embeddings and ROUGE computed once each."""

    def __init__(self, rows, documents, facts, score, minilm):
        self.rows, self.documents, self.facts, self.score, self.minilm = rows, documents, facts, score, minilm
        self._vectors: dict = {}
        self._rouge: dict = {}
        self._settings: dict = {}

    def rouge(self, index: int, text: str) -> tuple[float, float]:
        key = (index, text)
        if key not in self._rouge:
            result = self.score([self.rows[index]], [{"id": self.rows[index]["id"], "summary": text}])
            self._rouge[key] = (result["rouge1"], result["rouge2"])
        return self._rouge[key]

    def pool(self, index: int, config: dict):
        """The article's candidates and their vectors, embedded as ``minilm`` embeds them."""
        pool = self.minilm.candidate_pool(self.documents[index], config)
        key = (index, tuple(s.start for s in pool), int(config["max_tokens"]), bool(config["quantize"]))
        if key not in self._vectors:
            encoder = self.minilm._encoder(config)
            self._vectors[key] = encoder.embed([s.text for s in pool], max_tokens=int(config["max_tokens"])) if pool else None
        return pool, self._vectors[key]

    def per_article(self, setting: dict) -> np.ndarray:
        """``len(rows) x 2`` array of R1 and R2 of ``minilm`` with ``setting``."""
        key = tuple(sorted(setting.items(), key=str))
        if key not in self._settings:
            config = self.minilm._settings(setting)
            scores = []
            for index in range(len(self.rows)):
                pool, vectors = self.pool(index, config)
                chosen = self.minilm.select(pool, vectors, config, self.facts[index]) if pool else []
                scores.append(self.rouge(index, " ".join(s.text for s in chosen)))
            self._settings[key] = np.array(scores)
        return self._settings[key]

    def lead(self, lead_summarize, config=None) -> np.ndarray:
        config = {"sentences": 3, "words": None, **(config or {})}
        return np.array([self.rouge(i, lead_summarize(d, [], config).text) for i, d in enumerate(self.documents)])


def grid_settings(grid: dict, centre: dict) -> list[tuple]:
    """Every combination of the grid's values, as index tuples (one index per grid key)."""
    del centre
    return list(itertools.product(*(range(len(values)) for values in grid.values())))


def as_setting(grid: dict, centre: dict, point: tuple) -> dict:
    return {**centre, **{key: values[i] for (key, values), i in zip(grid.items(), point)}}


def neighbours(point: tuple, grid: dict) -> list[tuple]:
    sizes = [len(v) for v in grid.values()]
    out = []
    for axis, size in enumerate(sizes):
        for step in (-1, 1):
            moved = point[axis] + step
            if 0 <= moved < size:
                out.append(point[:axis] + (moved,) + point[axis + 1 :])
    return out


def choose(points, table: dict, articles: np.ndarray, grid: dict) -> tuple:
    """The point whose plateau (itself and its neighbours) has the best mean R1+R2 on ``articles``."""
    own = {p: table[p][articles].sum(1).mean() for p in points}
    plateau = {p: np.mean([own[p]] + [own[n] for n in neighbours(p, grid)]) for p in points}
    return max(points, key=lambda p: (plateau[p], own[p]))


def folds_of(n: int, k: int, seed: int) -> list[np.ndarray]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [np.array(sorted(order[i::k])) for i in range(k)]


def cross_validate(points, table, lead, grid, n, k, repeats):
    """One row per fold: chosen point, held-in and held-out R1/R2, lead's held-out R1/R2."""
    results = []
    for repeat in range(repeats):
        for fold in folds_of(n, k, seed=repeat):
            held_in = np.setdiff1d(np.arange(n), fold)
            point = choose(points, table, held_in, grid)
            results.append(
                {
                    "repeat": repeat,
                    "fold": fold,
                    "point": point,
                    "in": table[point][held_in].mean(0),
                    "out": table[point][fold].mean(0),
                    "lead": lead[fold].mean(0),
                }
            )
    return results


def fixed_beats(scores: np.ndarray, lead: np.ndarray, fold: np.ndarray) -> bool:
    """Whether ``scores`` beat ``lead`` in both R1 and R2 on the fold's articles."""
    return bool((scores[fold].mean(0) > lead[fold].mean(0)).all())


def centre_point(points, grid, centre):
    """The grid point holding the centre's values, if the grid has one."""
    from factcards_plugins.summarizers import minilm

    wanted = minilm._settings(centre)
    for point in points:
        if all(wanted.get(key) == value or (not wanted.get(key) and not value) for key, value in as_setting(grid, {}, point).items()):
            return point
    return None


def report_baseline(name: str, results, baseline: np.ndarray) -> None:
    """Held-out margins of the chosen settings over another baseline, on the same folds."""
    margin = np.array([r["out"] - baseline[r["fold"]].mean(0) for r in results])
    print(
        f"margin over {name}: R1 {margin[:, 0].mean():+.2f} (sd {margin[:, 0].std(ddof=1):.2f}, min {margin[:, 0].min():+.2f}), "
        f"R2 {margin[:, 1].mean():+.2f} (sd {margin[:, 1].std(ddof=1):.2f}, min {margin[:, 1].min():+.2f}); "
        f"folds beating it on both: {sum((m > 0).all() for m in margin)} of {len(margin)}"
    )


LEAD_GRID = {"words": [None, 60, 75, 90, 105]}


def report_tuned_lead(evaluator, lead_module, results, n, k, repeats) -> None:
    """``lead``'s word cap chosen by the same cross-validation, and ``minilm``'s margin over it fold by fold."""
    points = grid_settings(LEAD_GRID, {})
    table = {p: evaluator.lead(lead_module.summarize, as_setting(LEAD_GRID, {}, p)) for p in points}
    tuned = cross_validate(points, table, table[points[0]], LEAD_GRID, n, k, repeats)
    out = np.array([r["out"] for r in tuned])
    margin = np.array([r["out"] - t["out"] for r, t in zip(results, tuned)])
    picks = {repr(v): sum(t["point"][0] == i for t in tuned) for i, v in enumerate(LEAD_GRID["words"])}
    print(f"lead with its word cap cross-validated too: held-out R1 {out[:, 0].mean():.2f} R2 {out[:, 1].mean():.2f}; picks {picks}")
    print(
        f"minilm's margin over it: R1 {margin[:, 0].mean():+.2f} (sd {margin[:, 0].std(ddof=1):.2f}), "
        f"R2 {margin[:, 1].mean():+.2f} (sd {margin[:, 1].std(ddof=1):.2f}); "
        f"folds where minilm beats it on both: {sum((m > 0).all() for m in margin)} of {len(margin)}, "
        f"on neither: {sum((m <= 0).all() for m in margin)}"
    )


def report(results, grid, centre, points, table, lead, n) -> None:
    print(f"{'fold':>6} {'in R1':>6} {'in R2':>6} {'out R1':>7} {'out R2':>7} {'lead R1':>8} {'lead R2':>8}  beats lead")
    for i, r in enumerate(results):
        wins = r["out"][0] > r["lead"][0] and r["out"][1] > r["lead"][1]
        print(
            f"{r['repeat']}.{i % (len(results) // max(1, results[-1]['repeat'] + 1))}".rjust(6)
            + f" {r['in'][0]:>6.2f} {r['in'][1]:>6.2f} {r['out'][0]:>7.2f} {r['out'][1]:>7.2f}"
            f" {r['lead'][0]:>8.2f} {r['lead'][1]:>8.2f}  {'yes' if wins else 'NO'}"
        )
    out = np.array([r["out"] for r in results])
    held_in = np.array([r["in"] for r in results])
    leads = np.array([r["lead"] for r in results])
    margin = out - leads
    print(
        f"held-out mean R1 {out[:, 0].mean():.2f} (sd {out[:, 0].std(ddof=1):.2f}), R2 {out[:, 1].mean():.2f} "
        f"(sd {out[:, 1].std(ddof=1):.2f}); lead R1 {leads[:, 0].mean():.2f}, R2 {leads[:, 1].mean():.2f}"
    )
    print(
        f"margin over lead: R1 {margin[:, 0].mean():+.2f} (sd {margin[:, 0].std(ddof=1):.2f}, min {margin[:, 0].min():+.2f}), "
        f"R2 {margin[:, 1].mean():+.2f} (sd {margin[:, 1].std(ddof=1):.2f}, min {margin[:, 1].min():+.2f}); "
        f"folds beating lead on both: {sum((m > 0).all() for m in margin)} of {len(margin)}"
    )
    gap = held_in - out
    print(f"held-in minus held-out: R1 {gap[:, 0].mean():+.2f}, R2 {gap[:, 1].mean():+.2f}")
    final = choose(points, table, np.arange(n), grid)
    setting = {k: v for k, v in as_setting(grid, {}, final).items()}
    print(f"chosen on all {n}: {setting}: R1 {table[final][:, 0].mean():.2f} R2 {table[final][:, 1].mean():.2f} (held in)")
    fixed_rows = [("the centre", centre_point(points, grid, centre)), ("the setting chosen on all", final)]
    for name, point in fixed_rows:
        if point is None:
            continue
        wins = [fixed_beats(table[point], lead, r["fold"]) for r in results]
        print(f"{name}, fixed (no choosing), beats lead on both in {sum(wins)} of {len(wins)} folds")
    best = max(points, key=lambda p: sum(fixed_beats(table[p], lead, r["fold"]) for r in results))
    print(
        f"most folds any single setting of the grid wins (an in-sample look): "
        f"{sum(fixed_beats(table[best], lead, r['fold']) for r in results)} of {len(results)}"
    )
    for axis, (key, values) in enumerate(grid.items()):
        counts = {repr(v): sum(r["point"][axis] == i for r in results) for i, v in enumerate(values)}
        print(f"  picks of {key}: {counts}")


def cv_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--grid", choices=sorted(GRIDS), default="default")


def main(argv=None) -> None:
    args = parse_arguments(__doc__.splitlines()[0], argv, cv_arguments)
    import factcards
    from factcards_plugins.summarizers import lead as lead_module
    from factcards_plugins.summarizers import minilm

    began = time.perf_counter()
    rows = load_rows(args.dev)
    documents = prepared_documents(rows, factcards.make_plugin_manager())
    evaluator = Evaluator(rows, documents, card_facts(rows, documents), load_scorer(args.dev), minilm)
    centre = parse_settings(args.set)
    grid = GRIDS[args.grid]
    points = grid_settings(grid, centre)
    table = {p: evaluator.per_article(as_setting(grid, centre, p)) for p in points}
    lead = evaluator.lead(lead_module.summarize)
    print(f"{len(rows)} articles from {args.dev}; grid {args.grid!r} ({len(points)} settings) around {centre or 'the defaults'}")
    print(f"lead (3 sentences) on all: R1 {lead[:, 0].mean():.2f} R2 {lead[:, 1].mean():.2f}")
    defaults = evaluator.per_article(centre)
    print(f"minilm at the centre on all: R1 {defaults[:, 0].mean():.2f} R2 {defaults[:, 1].mean():.2f}")
    results = cross_validate(points, table, lead, grid, len(rows), args.folds, args.repeats)
    report(results, grid, centre, points, table, lead, len(rows))
    capped = evaluator.lead(lead_module.summarize, {"words": 90})
    print(f"lead (3 sentences, at most 90 words) on all: R1 {capped[:, 0].mean():.2f} R2 {capped[:, 1].mean():.2f}")
    report_baseline("lead capped at 90 words", results, capped)
    report_tuned_lead(evaluator, lead_module, results, len(rows), args.folds, args.repeats)
    print(f"{time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
