"""Quotes with their speakers and people with their roles, over one names finder (docs/extractors-quotes-people.md)."""
