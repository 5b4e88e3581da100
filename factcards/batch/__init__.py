"""``factcards batch``: card an archive of articles into chunked, resumable outputs, on local processes or on Ray.

In a notebook::

    from factcards.batch import run
    from factcards import PipelineOptions
    result = run(["archive/*.jsonl"], "out", PipelineOptions(summarizer="lead"), workers=2)
    result.cards, result.errors

See docs/batch.md.
"""

from .outputs import read_cards, read_errors
from .runner import BatchError, BatchResult, run

__all__ = ["BatchError", "BatchResult", "read_cards", "read_errors", "run"]
