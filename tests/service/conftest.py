"""Fixtures for the service: real ``factcards serve`` processes on loopback, and articles written for these tests."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
pytest.importorskip("httpx")

from servers import PLUGINS, running_server  # noqa: E402  (after the skips: it needs httpx)

ARTICLES = [
    "Port Elnor, April 9, 2024 - The city council approved a $45 million plan on Tuesday to rebuild the harbour wall, "
    "after storms in March flooded 300 homes.\n\nMayor Dana Whitlock said the work would start in June. "
    "\"We cannot wait for another winter,\" Whitlock told reporters. Repairs will raise local taxes by 2.5%.",
    "Brackley, Oct. 2, 2023 - Shares in Corvane Foods fell 12% on Monday after the company cut its forecast, "
    "blaming a 7 percent rise in grain prices.\n\nChief executive Priya Natarajan said the firm would close "
    "two of its nine bakeries by the end of the year, affecting about 450 jobs. \"These are hard choices,\" she said.",
    "Northgate, Jan. 15, 2025 - Rail services between Northgate and Amberley will be cut by a third from "
    "next Monday, the operator said on Wednesday, citing a shortage of drivers.\n\nTransport minister Colin Odusanya "
    "promised 120 new trainees and €30 million for the line. Passenger numbers rose 18% last year.",
]


@pytest.fixture(scope="session")
def lead_server(tmp_path_factory):
    """Two workers with the lead summarizer, the stalling test plugin and a 3-second time limit."""
    with running_server(tmp_path_factory.mktemp("lead"), "--summarizer", "lead", "--workers", "2", "--timeout", "3", "--plugins-dir", str(PLUGINS)) as server:
        yield server


@pytest.fixture()
def api(lead_server):
    with lead_server.client() as client:
        yield client


@pytest.fixture(scope="session")
def articles():
    return list(ARTICLES)
