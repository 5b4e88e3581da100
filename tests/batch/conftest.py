"""Fixtures of the batch tests."""

import pytest
from batch_articles import article


@pytest.fixture
def articles():
    """Twelve invented articles, as JSONL records."""
    return [article(n) for n in range(12)]
