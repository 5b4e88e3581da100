"""Deployment limits on a real server: the bearer token, the bounded queue (503 with Retry-After), configured CORS."""

from __future__ import annotations

import threading
import time

import pytest

from servers import PLUGINS, running_server

TOKEN = "s3cret-token-for-tests"
ORIGIN = "https://cms.example"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """One worker, no queue, a token and one allowed origin."""
    args = ("--summarizer", "lead", "--workers", "1", "--queue", "0", "--timeout", "3", "--plugins-dir", str(PLUGINS), "--cors-origin", ORIGIN)
    with running_server(tmp_path_factory.mktemp("guarded"), *args, env={"FACTCARDS_TOKEN": TOKEN}) as server:
        yield server


def authorized(token=TOKEN):
    return {"authorization": f"Bearer {token}"}


def test_the_api_needs_the_token(guarded):
    with guarded.client() as client:
        for headers in ({}, authorized("wrong"), {"authorization": TOKEN}, {"authorization": f"Basic {TOKEN}"}):
            response = client.post("/v1/cards", json={"text": "Rates rose 2% on Monday."}, headers=headers)
            assert response.status_code == 401
            assert response.headers["www-authenticate"].startswith("Bearer")
            assert response.json()["type"] == "/problems/unauthorized"
            assert response.headers["x-request-id"] == response.json()["request_id"]
        assert client.get("/v1/schema").status_code == 401
        assert client.post("/v1/cards", json={"text": "Rates rose 2% on Monday."}, headers=authorized()).status_code == 200


def test_probes_page_and_docs_stay_open(guarded):
    with guarded.client() as client:
        assert [client.get(path).status_code for path in ("/healthz", "/readyz", "/", "/docs", "/openapi.json", "/static/fact-card.js")] == [200] * 6


def test_a_full_queue_is_503_with_retry_after(guarded, articles):
    with guarded.client() as client:
        stalled = {}
        thread = threading.Thread(target=lambda: stalled.setdefault("response", client.post("/v1/cards", json={"text": articles[0] + " STALL-FOREVER"}, headers=authorized())))
        thread.start()
        deadline = time.monotonic() + 10
        while client.get("/readyz").json().get("busy") != 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        refused = client.post("/v1/cards", json={"text": articles[1]}, headers=authorized())
        assert refused.status_code == 503
        assert refused.json()["type"] == "/problems/overloaded"
        assert int(refused.headers["retry-after"]) >= 1
        thread.join(30)
        assert stalled["response"].status_code == 504
        after = client.post("/v1/cards", json={"text": articles[1]}, headers=authorized())  # waits for the replacement worker
        assert after.status_code == 200


def test_cors_only_for_the_configured_origin(guarded):
    with guarded.client() as client:
        allowed = client.options("/v1/cards", headers={"origin": ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type"})
        assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == ORIGIN
        other = client.get("/healthz", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
