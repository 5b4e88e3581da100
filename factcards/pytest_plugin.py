"""Pytest fixtures for plugin authors, loaded through the ``pytest11`` entry point.

Any project with factcards installed gets them, no ``conftest.py`` needed:

- ``factcards_pm``: a fresh plugin manager (the page cleaner and ``lead``; nothing installed).
- ``factcards_register``: ``factcards_register(plugin)`` registers a plugin on
  ``factcards_pm`` for this test and returns the manager; unregistered afterwards.
- ``factcards_document``: ``factcards_document(text, published=None, **meta)``,
  a prepared ``Document`` (see ``factcards.testing.make_document``).
- ``factcards_sample_text``: a short news article with casualties, money, dates,
  quotes, votes and percentages.
"""

from __future__ import annotations

import contextlib

import pytest


@pytest.fixture
def factcards_pm():
    from factcards.testing import fresh_plugin_manager

    return fresh_plugin_manager()


@pytest.fixture
def factcards_register(factcards_pm):
    from factcards.testing import registered

    with contextlib.ExitStack() as stack:

        def register(plugin, name=None):
            return stack.enter_context(registered(plugin, factcards_pm, name=name))

        yield register


@pytest.fixture
def factcards_document():
    from factcards.testing import make_document

    return make_document


@pytest.fixture
def factcards_sample_text():
    from factcards.testing import NEWS_SAMPLE

    return NEWS_SAMPLE
