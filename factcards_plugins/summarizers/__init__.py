"""Summarizers: ``lead``, ``minilm`` (local embedding model) and ``seq2seq`` (local checkpoints) (docs/summarizers.md)."""
