"""``seq2seq``: abstractive summaries from a local Hugging Face seq2seq checkpoint.

Any summarization checkpoint the user already has (BART/DistilBART, T5/FLAN-T5,
Pegasus): ``config["model"]`` is a directory, or a model id found in the local
Hugging Face cache. Nothing is ever downloaded (the checkpoint is read from its
directory, a model id's from its snapshot in the cache). The body sentences (no chrome,
captions, duplicates) are packed into chunks on sentence boundaries that fit
the model's input, each chunk is summarized (beam search by default, so the
output is deterministic), and the partial summaries are joined in order; the
``sentences``/``words`` budget then trims the result. ``device``: cpu, cuda or
auto. Never the default summarizer: name it (``--summarizer seq2seq``).
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from factcards import Document, InputError, Summarizer, Summary, SummarySentence, hookimpl

from .embedding import installed, set_threads

NAME = "seq2seq"
VERSION = "1"

DEFAULT_CONFIG = {
    "model": None,
    "device": "cpu",
    "sentences": None,
    "words": None,
    "num_beams": 4,
    "max_new_tokens": 142,
    "min_new_tokens": 0,
    "no_repeat_ngram_size": 3,
    "length_penalty": 1.0,
    "max_input_tokens": None,
    "prefix": None,
    "batch_size": 4,
    "threads": None,
}


def resolve_device(wanted: str | None, torch) -> str:
    """``cpu``, ``cuda`` or ``auto`` (cuda when present) as a torch device name."""
    wanted = (wanted or "cpu").lower()
    if wanted not in ("cpu", "cuda", "auto"):
        raise InputError(f"seq2seq: device {wanted!r}: use cpu, cuda or auto")
    if wanted == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if wanted == "cuda" and not torch.cuda.is_available():
        raise InputError("seq2seq: device 'cuda' asked for, but torch sees no CUDA device (use cpu or auto)")
    return wanted


_LOADING = threading.Lock()


@functools.lru_cache(maxsize=2)
def load_checkpoint(model: str, device: str):
    """``(tokenizer, model)`` from a directory or the local cache, offline; loaded once per process.

    Always loaded from a directory (a model id is first resolved to its
    snapshot in the local cache), so transformers never looks anything up
    online, without switching the whole process to offline mode.
    """
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.utils import logging

    logging.disable_progress_bar()
    source = checkpoint_source(model)
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True)
        network = AutoModelForSeq2SeqLM.from_pretrained(source, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise InputError(f"seq2seq: {source} holds no loadable seq2seq checkpoint: {_first_line(exc)}") from exc
    return tokenizer, network.to(device).eval()


def checkpoint_source(model: str) -> str:
    """The checkpoint's directory: ``model`` itself, or a model id's snapshot in the local Hugging Face cache."""
    path = Path(model).expanduser()
    if path.is_dir():
        return str(path)
    if path.is_absolute() or model.startswith((".", "~")) or path.exists() or model.count("/") > 1:
        raise InputError(f"seq2seq: checkpoint directory {model!r} does not exist")
    from huggingface_hub import snapshot_download

    try:
        return snapshot_download(model, local_files_only=True)
    except (OSError, ValueError) as exc:  # LocalEntryNotFoundError is an OSError; a malformed id a ValueError
        raise InputError(
            f"seq2seq: model {model!r} is not in the local Hugging Face cache (nothing is downloaded: "
            "fetch it once, or pass a checkpoint directory)"
        ) from exc


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def input_limit(tokenizer, model, configured: int | None) -> int:
    """How many tokens one chunk may have: the configured value, else what the model and tokenizer accept."""
    if configured:
        return int(configured)
    limits = [getattr(model.config, name, None) for name in ("max_position_embeddings", "n_positions")]
    limits.append(tokenizer.model_max_length if tokenizer.model_max_length < 100_000 else None)
    known = [int(n) for n in limits if n]
    return min(known) if known else 512


def chunk_sentences(texts: list[str], count_tokens, limit: int) -> list[str]:
    """Consecutive sentences packed into chunks of at most ``limit`` tokens (a longer sentence stands alone)."""
    chunks: list[list[str]] = []
    used = limit + 1
    for text in texts:
        size = count_tokens(text)
        if used + size > limit:
            chunks.append([])
            used = 0
        chunks[-1].append(text)
        used += size
    return [" ".join(chunk) for chunk in chunks]


def body_sentences(document) -> list[str]:
    """The body text sentence by sentence: no chrome, captions, title or repeats."""
    seen, body = set(), []
    for sentence in document.sentences:
        key = " ".join(sentence.text.lower().split())
        if not sentence.excluded and key not in seen:
            seen.add(key)
            body.append(sentence.text)
    return body


def generate(tokenizer, model, chunks: list[str], config) -> list[str]:
    """The model's summary of each chunk, deterministic (no sampling)."""
    import torch

    prefix = config["prefix"]
    if prefix is None:
        prefix = "summarize: " if getattr(model.config, "model_type", "") in ("t5", "mt5", "umt5") else ""
    limit = input_limit(tokenizer, model, config["max_input_tokens"])
    outputs: list[str] = []
    size = max(1, int(config["batch_size"]))
    for first in range(0, len(chunks), size):
        batch = tokenizer([prefix + c for c in chunks[first : first + size]], truncation=True, max_length=limit, padding=True, return_tensors="pt")
        with torch.inference_mode():
            ids = model.generate(
                **batch.to(model.device),
                do_sample=False,
                num_beams=int(config["num_beams"]),
                max_new_tokens=int(config["max_new_tokens"]),
                min_new_tokens=int(config["min_new_tokens"]),
                no_repeat_ngram_size=int(config["no_repeat_ngram_size"]),
                length_penalty=float(config["length_penalty"]),
            )
        outputs.extend(t.strip() for t in tokenizer.batch_decode(ids, skip_special_tokens=True))
    return [o for o in outputs if o]


def within_budget(texts: list[str], sentences: int | None, words: int | None) -> list[str]:
    """The summary's sentences, cut to the budget (the first one always stays)."""
    split = []
    for text in texts:
        document = Document(text)
        document.segment()
        split.extend(s.text for s in document.sentences)
    kept, used = [], 0
    for text in split:
        size = len(text.split())
        if (sentences and len(kept) >= sentences) or (words and kept and used + size > words):
            break
        kept.append(text)
        used += size
    return kept


def summarize(document, facts, config) -> Summary:
    config = {**DEFAULT_CONFIG, **config}
    if not config["model"]:
        raise InputError("seq2seq: no model given: set the checkpoint with config {'seq2seq': {'model': PATH_OR_ID}}")
    import torch

    set_threads(config["threads"])
    device = resolve_device(config["device"], torch)
    with _LOADING:
        tokenizer, model = load_checkpoint(str(config["model"]), device)
    limit = input_limit(tokenizer, model, config["max_input_tokens"])
    reserve = len(tokenizer(config["prefix"] or "summarize: ")["input_ids"])  # room for the prefix and specials
    chunks = chunk_sentences(body_sentences(document), lambda t: len(tokenizer.tokenize(t)), limit - reserve)
    partial = generate(tokenizer, model, chunks, config) if chunks else []
    kept = within_budget(partial, config.get("sentences"), config.get("words"))
    return Summary(
        [SummarySentence(text) for text in kept],
        extractive=False,
        model={"id": _model_id(model, config["model"]), "version": getattr(model.config, "_commit_hash", None)},
    )


def _model_id(model, given) -> str:
    name = getattr(model.config, "name_or_path", None) or getattr(model.config, "_name_or_path", None) or str(given)
    return str(name)


def available() -> bool:
    """torch and transformers are installed; a checkpoint is still needed (``config["model"]``)."""
    return installed("torch", "transformers")


@hookimpl
def register_summarizers(register):
    """Register ``seq2seq``; its priority keeps it from ever being picked by default."""
    register(
        Summarizer(
            name=NAME,
            summarize=summarize,
            version=VERSION,
            default_config=dict(DEFAULT_CONFIG),
            config_schema={"device": {"enum": ["cpu", "cuda", "auto"]}},
            description="Abstractive: a local Hugging Face seq2seq checkpoint (BART, T5, Pegasus), offline; set config model.",
            priority=-10,
            available=available,
        )
    )
