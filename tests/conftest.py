"""Shared fixtures: the bundled sample article and cards made from it."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cgtn-2022-02-15-russia-ready-for-more-talks.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def lead_card():
    """The sample's card with the fast ``lead`` summarizer (no torch)."""
    import factcards

    return factcards.make_card(SAMPLE, summarizer="lead")


@pytest.fixture(scope="session")
def time_growth():
    """``factcards.testing.time_growth``: how many times longer an extractor takes on a text than on its first quarter."""
    from factcards.testing import time_growth

    return time_growth
