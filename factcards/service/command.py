"""``factcards serve``: the HTTP API and the review page, on uvicorn (the ``server`` extra)."""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import os

import click

from factcards.cli import fail, pipeline_options
from factcards.config import ConfigError, resolve_env
from factcards.errors import FactcardsError

TOKEN_ENV = "FACTCARDS_TOKEN"
SERVICE_TABLE = "service"  # the config file's [service] table: host, port, workers, queue, timeout, token, cors_origins


@click.command()
@click.option("--host", help="Address to bind (default 127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), help="Port (default 8000).")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes making cards (default 2).")
@click.option("--queue", type=click.IntRange(min=0), help="Requests that may wait for a worker before 503 (default 16).")
@click.option("--timeout", type=click.FloatRange(min=0.1), help="Seconds a card may take before 504; its worker is replaced (default 30).")
@click.option("--cors-origin", "cors_origins", multiple=True, help="Allow browser calls from this origin (repeatable; default: none).")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="info", show_default=True)
@pipeline_options
def serve(plugin_manager, options, host, port, workers, queue, timeout, cors_origins, log_level):
    """Serve the API (/v1/cards, /v1/check, ...), the review page (/) and the API docs (/docs).

    A bearer token is required on /v1/ when $FACTCARDS_TOKEN (or the config's
    [service] token) is set. Logs are JSON lines on stderr.
    """
    try:
        import uvicorn

        from .app import ServiceSettings, create_app
        from . import logs
    except ImportError as exc:
        fail(f"the server needs its extra: pip install 'factcards[server]' ({exc.name} is missing)", 2)
    table, options = split_service_table(options)
    settings = ServiceSettings(
        options=options,
        workers=workers or int(table.get("workers", 2)),
        queue=queue if queue is not None else int(table.get("queue", 16)),
        timeout=timeout or float(table.get("timeout", 30)),
        token=os.environ.get(TOKEN_ENV) or table.get("token") or None,
        cors_origins=tuple(cors_origins) or tuple(table.get("cors_origins", ())),
    )
    host = host or table.get("host", "127.0.0.1")
    logs.configure(log_level)
    if not is_loopback(host) and not settings.token:
        logging.getLogger("factcards.service").warning("listening on %s without a token: anyone who can reach it can use it (set %s)", host, TOKEN_ENV)
    try:
        app = create_app(settings, plugin_manager)
    except FactcardsError as exc:  # bad options: the CLI's one-line reason, before anything starts
        fail(str(exc), exc.exit_code)
    uvicorn.run(app, host=host, port=port if port is not None else int(table.get("port", 8000)), log_config=None, access_log=False, log_level=log_level)


def split_service_table(options):
    """The config's ``[service]`` table (``$env`` values resolved) and the options without it."""
    config = dict(options.config)
    table = config.pop(SERVICE_TABLE, {})
    try:
        table = resolve_env({SERVICE_TABLE: table})[SERVICE_TABLE]
    except ConfigError as exc:
        fail(str(exc), exc.exit_code)
    unknown = sorted(set(table) - {"host", "port", "workers", "queue", "timeout", "token", "cors_origins"})
    if unknown:
        fail(f"config [service] has no setting {unknown[0]!r} (known: cors_origins, host, port, queue, timeout, token, workers)", 2)
    return {key: checked(key, value) for key, value in table.items()}, dataclasses.replace(options, config=config)


# What the [service] table's numbers must be: what the options of the same names take.
SERVICE_NUMBERS = {"port": click.IntRange(0, 65535), "workers": click.IntRange(min=1), "queue": click.IntRange(min=0), "timeout": click.FloatRange(min=0.1)}


def checked(key: str, value):
    """A [service] value as its option would take it, or the one-line reason it is refused (exit 2)."""
    if key in SERVICE_NUMBERS:
        whole = isinstance(SERVICE_NUMBERS[key], click.IntRange)
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            fail(f"config [service] {key}: give {'a whole number' if whole else 'a number of seconds'}, not {value!r}", 2)
        try:
            return SERVICE_NUMBERS[key].convert(value, None, None)
        except click.BadParameter as exc:
            fail(f"config [service] {key}: {exc.message}", 2)
    if key == "cors_origins":
        if not isinstance(value, list) or not all(isinstance(origin, str) for origin in value):
            fail(f"config [service] cors_origins: give a list of origins, not {value!r}", 2)
    elif not isinstance(value, str):
        fail(f"config [service] {key}: give a string, not {value!r}", 2)
    return value


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
