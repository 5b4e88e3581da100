"""Checks on the finished card: the ``consistency`` guard on the summary (docs/summarizers.md)."""
