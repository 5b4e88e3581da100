"""Shared fixtures: the bundled sample article and cards made from it; no user settings."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cgtn-2022-02-15-russia-ready-for-more-talks.txt"
# What changes a card or the service's answers from outside: the developer's own must not reach the tests.
USER_SETTINGS = ("FACTCARDS_CONFIG", "FACTCARDS_LOAD_PLUGINS", "FACTCARDS_PLUGINS_DIR", "FACTCARDS_MAX_BYTES", "FACTCARDS_TOKEN", "FACTCARDS_TRACE")


@pytest.fixture(scope="session", autouse=True)
def no_user_settings(tmp_path_factory):
    """A new user's factcards, here and in every server or batch a test starts: no config file
    (``$FACTCARDS_CONFIG``, ``~/.config/factcards/config.toml``) and none of the variables above.
    A server's cards read its user's settings, the cards a test makes in-process none."""
    saved = dict(os.environ)
    for name in USER_SETTINGS:
        os.environ.pop(name, None)
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config-home"))
    yield
    os.environ.clear()
    os.environ.update(saved)


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
