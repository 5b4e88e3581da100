"""Quantities: the ``money`` and ``numbers`` plugins over one scanner (docs/extractors-quantities.md)."""
