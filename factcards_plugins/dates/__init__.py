"""Dates and times resolved against the dateline: the ``dates`` plugin (docs/extractors-dates.md)."""
