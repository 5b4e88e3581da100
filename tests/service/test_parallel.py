"""Sharing is safe: cards made by many concurrent requests are byte for byte the cards made one at a time."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from servers import running_server

ELAPSED = re.compile(rb'"elapsed_ms": [0-9.e+-]+')


def normalized(body: bytes) -> bytes:
    """The card's bytes, but for the one field that is a measurement (how long it took)."""
    assert body.count(b'"elapsed_ms"') == 1
    return ELAPSED.sub(b'"elapsed_ms": 0', body)


def concurrent_against_sequential(server, bodies: list[dict], rounds: int, clients: int) -> tuple[list[bytes], list[bytes]]:
    with server.client() as client:
        one_at_a_time = [normalized(client.post("/v1/cards", json=body).content) for body in bodies]
    requests = [bodies[i % len(bodies)] for i in range(rounds * len(bodies))]

    def post(body):
        with server.client() as client:
            response = client.post("/v1/cards", json=body)
            assert response.status_code == 200, response.text
            return normalized(response.content)

    with ThreadPoolExecutor(clients) as pool:
        together = list(pool.map(post, requests))
    return one_at_a_time, together


def test_lead_cards_made_in_parallel_are_identical(lead_server, articles, sample_text):
    bodies = [{"text": t} for t in [*articles, sample_text]] + [{"text": articles[0], "summarizer": "lead", "length": 1}]
    one_at_a_time, together = concurrent_against_sequential(lead_server, bodies, rounds=8, clients=8)
    assert len(set(one_at_a_time)) == len(bodies)
    for index, body in enumerate(together):
        assert body == one_at_a_time[index % len(bodies)]


# The cards Pipeline.card makes of the bodies on stdin, in a process of their own.
MAKE_CARDS = """
import json, sys
from factcards.pipeline import PipelineOptions
pipeline = PipelineOptions().build()
json.dump([pipeline.card(body).to_json() for body in json.load(sys.stdin)], sys.stdout)
"""


@pytest.fixture(scope="module")
def bodies(articles, sample_text):
    return [{"text": t} for t in [*articles, sample_text]]


@pytest.fixture(scope="module")
def default_server(tmp_path_factory, bodies):
    """The default summarizer (MiniLM), as a newsroom would run it, and make_card's cards of ``bodies``.

    Those are made in a process started with the server, not in this one: the plugins this
    process imported when the run began may have been edited since, in a tree others work in.
    """
    making = subprocess.Popen([sys.executable, "-c", MAKE_CARDS], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    with running_server(tmp_path_factory.mktemp("default"), "--workers", "2") as server:
        made, _ = making.communicate(json.dumps(bodies), timeout=300)
        yield server, [normalized(card.encode("utf-8")) for card in json.loads(made)]


def test_default_summarizer_cards_made_in_parallel_are_identical_and_are_make_cards(default_server, bodies):
    server, made_by_pipeline = default_server
    one_at_a_time, together = concurrent_against_sequential(server, bodies, rounds=3, clients=6)
    for index, body in enumerate(together):
        assert body == one_at_a_time[index % len(bodies)]
    assert made_by_pipeline == one_at_a_time
    assert b'"method": "minilm"' in one_at_a_time[0]
