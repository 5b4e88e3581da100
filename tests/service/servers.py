"""Real ``factcards serve`` processes on loopback, for the service's tests.

A module of its own, not the conftest: ``from conftest import ...`` finds
whichever conftest was imported last, another folder's when pytest is given
several test folders (``pytest tests/service tests/batch``).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

PLUGINS = Path(__file__).resolve().parent / "plugins"


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
