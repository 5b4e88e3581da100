"""Fixtures for the service: real ``factcards serve`` processes on loopback, and articles written for these tests."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
httpx = pytest.importorskip("httpx")

HERE = Path(__file__).resolve().parent
PLUGINS = HERE / "plugins"

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


class Server:
    """A running ``factcards serve`` and what it logged."""

    def __init__(self, process, url: str, log_path: Path):
        self.process, self.url, self.log_path = process, url, log_path

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=kwargs.pop("timeout", 60), **kwargs)

    def log_lines(self) -> list[dict]:
        return [json.loads(line) for line in self.log_path.read_text().splitlines() if line.startswith("{")]


@contextlib.contextmanager
def running_server(tmp_path: Path, *args: str, env: dict | None = None, wait_ready: bool = True, startup: float = 120):
    """``factcards serve --port 0 ARGS`` until the block ends; its URL read from its own log."""
    log_path = tmp_path / f"serve-{time.monotonic_ns()}.log"
    environment = {**os.environ, **(env or {})}
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "factcards", "serve", "--port", "0", *args], stdout=log, stderr=subprocess.STDOUT, env=environment)
    try:
        server = Server(process, _wait_for_url(process, log_path, startup), log_path)
        if wait_ready:
            wait_until_ready(server, startup)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _wait_for_url(process, log_path: Path, startup: float) -> str:
    deadline = time.monotonic() + startup
    while time.monotonic() < deadline:
        for line in log_path.read_text().splitlines():
            if "Uvicorn running on" in line:
                return json.loads(line)["message"].split("running on ", 1)[1].split()[0]
        if process.poll() is not None:
            raise AssertionError(f"the server exited ({process.returncode}):\n{log_path.read_text()[-3000:]}")
        time.sleep(0.1)
    raise AssertionError(f"the server did not start:\n{log_path.read_text()[-3000:]}")


def wait_until_ready(server: Server, startup: float = 120) -> None:
    deadline = time.monotonic() + startup
    with server.client() as client:
        while time.monotonic() < deadline:
            if client.get("/readyz").status_code == 200:
                return
            time.sleep(0.2)
    raise AssertionError(f"the server never became ready:\n{server.log_path.read_text()[-3000:]}")


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
