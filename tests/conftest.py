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
    """``time_growth(extract, text)``: how many times longer ``extract`` takes on ``text`` than on its first quarter.

    A linear extractor gives about 4, a quadratic one about 16. Runs alternate
    between the two sizes, garbage collection paused, and the best of three of
    each counts, so a busy machine slows both alike (an absolute time limit
    fails whenever CI shares its cores).
    """
    import gc
    import time

    import factcards

    def prepared(text):
        document = factcards.Document(text)
        document.segment()  # the core's cost, not the extractor's
        return document

    def timed(extract, document):
        gc.collect()
        gc.disable()
        try:
            began = time.perf_counter()
            extract(document, {})
            return time.perf_counter() - began
        finally:
            gc.enable()

    def growth(extract, text: str) -> float:
        quarter, whole = prepared(text[: len(text) // 4]), prepared(text)
        small = large = float("inf")
        for _ in range(3):
            small = min(small, timed(extract, quarter))
            large = min(large, timed(extract, whole))
        return large / max(small, 1e-4)

    return growth
