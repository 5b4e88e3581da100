"""A BERT encoder's forward pass in plain torch, read straight from a ``safetensors`` file.

Only what sentence embeddings need: embeddings, self-attention, feed-forward
and layer norms, computed the way transformers' ``BertModel`` computes them
(same operations in the same order), without importing transformers. The
token-wise layers run on the real word pieces only, packed into one matrix;
only attention sees the padded batch. ``quantize`` runs the linear layers in
dynamic int8 exactly as ``torch.ao.quantization.quantize_dynamic`` would
(per-tensor symmetric weights, activations quantized per call); query, key
and value run as one layer, with the same numbers.

Weights are read-only once loaded, so one ``Bert`` may serve many threads.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import torch
import torch.nn.functional as F


class UnsupportedModel(ValueError):
    """The checkpoint is not a plain BERT encoder this module can run."""


class Linear:
    """``x @ weight.T + bias`` in float32; several (weight, bias) pairs run as one wider layer."""

    def __init__(self, pairs):
        self.weight = torch.cat([weight for weight, _ in pairs])
        self.bias = torch.cat([bias for _, bias in pairs])

    def __call__(self, x):
        return F.linear(x, self.weight, self.bias)


class Int8Linear:
    """Dynamically quantized linear layers, the numbers of ``torch.ao.nn.quantized.dynamic.Linear``.

    Each (weight, bias) pair is quantized on its own scale, as quantize_dynamic
    quantizes each layer; several pairs run as one wider layer with a scale per
    output channel, which gives the same numbers as running them one by one
    (the input is quantized once instead of once per layer).
    """

    def __init__(self, pairs):
        scales = torch.cat([torch.full((weight.shape[0],), weight_scale(weight), dtype=torch.float64) for weight, _ in pairs])
        weight = torch.cat([weight for weight, _ in pairs])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch deprecates the quantized tensor API its int8 kernels still take
            quantized = torch.quantize_per_channel(weight, scales, torch.zeros(len(scales), dtype=torch.int64), 0, torch.qint8)
        self.packed = torch.ops.quantized.linear_prepack(quantized, torch.cat([bias for _, bias in pairs]))

    def __call__(self, x):
        return torch.ops.quantized.linear_dynamic(x, self.packed, reduce_range=True).to(x.dtype)


def weight_scale(weight) -> float:
    """The int8 scale quantize_dynamic's weight observer gives (MinMaxObserver, qint8, per-tensor symmetric)."""
    scale = torch.max(-weight.min(), weight.max()) / ((127 - -128) / 2)
    return float(torch.max(scale, torch.tensor(torch.finfo(torch.float32).eps)))


def int8_available() -> bool:
    """Whether this CPU has kernels for int8 linear layers."""
    return torch.backends.quantized.engine != "none"


class Layer:
    """One encoder layer's weights (``encoder.layer.N.*``)."""

    def __init__(self, weights: dict, prefix: str, linear, eps: float):
        def dense(*names):
            return linear([(weights[f"{prefix}{name}.weight"], weights[f"{prefix}{name}.bias"]) for name in names])

        def norm(name):
            return weights[f"{prefix}{name}.LayerNorm.weight"], weights[f"{prefix}{name}.LayerNorm.bias"]

        self.query_key_value = dense(*(f"attention.self.{n}" for n in ("query", "key", "value")))
        self.attention_out, self.attention_norm = dense("attention.output.dense"), norm("attention.output")
        self.intermediate = dense("intermediate.dense")
        self.output, self.output_norm = dense("output.dense"), norm("output")
        self.eps = eps

    def norm(self, x, weight_bias):
        return F.layer_norm(x, x.shape[-1:], *weight_bias, eps=self.eps)


class Bert:
    """A plain (absolute-position, GELU) BERT encoder: ``mean_pooled(rows)`` of token id rows."""

    def __init__(self, config: dict, weights: dict, quantize: bool = False):
        check_supported(config)
        self.hidden_size = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.quantized = bool(quantize) and int8_available()
        linear = Int8Linear if self.quantized else Linear
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
        get = lambda name: weights[prefix + name]  # noqa: E731
        self.word = get("embeddings.word_embeddings.weight")
        self.position = get("embeddings.position_embeddings.weight")
        self.token_type = get("embeddings.token_type_embeddings.weight")
        self.embedding_norm = get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias")
        self.layers = [
            Layer(weights, f"{prefix}encoder.layer.{i}.", linear, self.eps) for i in range(int(config["num_hidden_layers"]))
        ]

    def mean_pooled(self, rows: list[list[int]]):
        """Each row's mean last hidden state over its tokens (``len(rows) x hidden`` float32 tensor)."""
        with torch.inference_mode():
            lengths = torch.tensor([len(r) for r in rows])
            n_rows, longest = len(rows), int(lengths.max())
            mask = torch.arange(longest)[None, :] < lengths[:, None]
            real = mask.reshape(-1).nonzero().squeeze(1)
            hidden = self._embedded(rows, lengths)
            for layer in self.layers:
                context = self._attention(layer, hidden, real, mask)
                hidden = layer.norm(layer.attention_out(context) + hidden, layer.attention_norm)
                hidden = layer.norm(layer.output(F.gelu(layer.intermediate(hidden))) + hidden, layer.output_norm)
            sums = torch.zeros(n_rows, self.hidden_size, dtype=hidden.dtype).index_add_(0, real // longest, hidden)
            return sums / mask.sum(1, keepdim=True).clamp(min=1)

    def _embedded(self, rows, lengths):
        """Word + token type + position embeddings, layer-normed, of the packed tokens."""
        ids = torch.tensor([token for row in rows for token in row])
        positions = torch.cat([torch.arange(int(n)) for n in lengths])
        embedded = self.word[ids] + self.token_type[0]
        embedded = embedded + self.position[positions]
        return F.layer_norm(embedded, embedded.shape[-1:], *self.embedding_norm, eps=self.eps)

    def _attention(self, layer, hidden, real, mask):
        """Multi-head self-attention of packed tokens: scattered into the padded batch, gathered back."""
        n_rows, longest = mask.shape
        width = hidden.shape[1]

        def padded(projected):
            full = projected.new_zeros(n_rows * longest, width).index_copy_(0, real, projected)
            return full.view(n_rows, longest, self.heads, width // self.heads).transpose(1, 2)

        query, key, value = (padded(part) for part in layer.query_key_value(hidden).split(width, dim=1))
        context = F.scaled_dot_product_attention(query, key, value, attn_mask=mask[:, None, None, :])
        return context.transpose(1, 2).reshape(-1, width).index_select(0, real)


def check_supported(config: dict) -> None:
    """Raise ``UnsupportedModel`` unless ``config`` describes an encoder ``Bert`` computes faithfully."""
    problems = [
        f"{key}={config.get(key)!r}"
        for key, wanted in (("model_type", "bert"), ("position_embedding_type", "absolute"), ("hidden_act", "gelu"))
        if config.get(key, wanted if key == "position_embedding_type" else None) != wanted
    ]
    if config.get("is_decoder"):
        problems.append("is_decoder=True")
    if problems:
        raise UnsupportedModel(f"not a plain BERT encoder: {', '.join(problems)}")


def load(directory: Path, quantize: bool = False) -> Bert:
    """The encoder in ``directory`` (``config.json`` and ``model.safetensors``), on the CPU."""
    from safetensors.torch import load_file

    config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
    return Bert(config, load_file(str(directory / "model.safetensors")), quantize)
