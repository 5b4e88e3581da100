"""Per-plugin settings: a TOML file, ``-s name.key=value`` overrides, ``{"$env": "VAR"}`` secrets.

The file has one table per extractor, summarizer or plugin::

    [casualties]
    min_count = 2

    [seq2seq]
    model = { "$env" = "FACTCARDS_SEQ2SEQ_MODEL" }

Each extractor and summarizer receives its ``default_config`` overlaid with its
plugin's table and then its own table (``factcards.registry.effective_config``).
The file is ``--config PATH``, else ``$FACTCARDS_CONFIG``, else ``config.toml``
in the platform's config folder (``~/.config/factcards/`` on Linux); a missing
default file is no error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Iterable, Mapping

import click

from .errors import FactcardsError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_ENV = "FACTCARDS_CONFIG"
ENV_KEY = "$env"

Config = dict[str, dict[str, Any]]


class ConfigError(FactcardsError):
    """The configuration file or an override is unusable; the message says where and why."""

    exit_code = 2


def default_config_path() -> Path:
    """``$FACTCARDS_CONFIG``, else ``config.toml`` in the platform's config folder for factcards."""
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    return Path(click.get_app_dir("factcards")) / "config.toml"


def load_config(path: str | os.PathLike | None = None, overrides: Iterable[str] = ()) -> Config:
    """The settings from ``path`` (default: ``default_config_path()``) with ``overrides`` applied.

    ``$env`` references stay unresolved here (so ``factcards plugins`` can show
    them without revealing secrets); ``resolve_env`` resolves them.
    """
    config = read_config_file(path)
    for override in overrides:
        name, key, value = parse_override(override)
        config.setdefault(name, {})[key] = value
    return config


def read_config_file(path: str | os.PathLike | None) -> Config:
    """The tables of a TOML config file; ``{}`` when no file was named and the default one is absent."""
    explicit = path is not None or bool(os.environ.get(CONFIG_ENV))
    file = Path(path) if path is not None else default_config_path()
    if not file.is_file():
        if explicit:
            raise ConfigError(f"config file {file} does not exist")
        return {}
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {file} is not valid TOML: {exc}") from None
    not_tables = [name for name, table in data.items() if not isinstance(table, dict)]
    if not_tables:
        raise ConfigError(f"config file {file}: {not_tables[0]!r} must be a table ([{not_tables[0]}]), one per plugin, extractor or summarizer")
    return data


def parse_override(text: str) -> tuple[str, str, Any]:
    """``name.key=value`` as ``(name, key, value)``; the value is read as a TOML scalar, else kept as text.

    The key is the part after the last dot, so plugin names with dots work.
    """
    target, sep, raw = text.partition("=")
    name, dot, key = target.strip().rpartition(".")
    if not (sep and dot and name and key):
        raise ConfigError(f"setting {text!r}: write NAME.KEY=VALUE, e.g. casualties.min_count=2")
    return name, key, parse_value(raw.strip())


def parse_value(raw: str) -> Any:
    """``2`` -> 2, ``true`` -> True, ``"a b"`` -> 'a b', ``[1, 2]`` -> [1, 2]; anything else is the text itself."""
    try:
        return tomllib.loads(f"value = {raw}")["value"]
    except tomllib.TOMLDecodeError:
        return raw


def resolve_env(config: Mapping[str, Mapping[str, Any]], environ: Mapping[str, str] = os.environ) -> Config:
    """A copy of ``config`` with every ``{"$env": "VAR"}`` replaced by the variable's value."""
    return {name: {key: _resolved(value, f"{name}.{key}", environ) for key, value in table.items()} for name, table in config.items()}


def _resolved(value: Any, where: str, environ: Mapping[str, str]) -> Any:
    if _is_env_ref(value):
        variable = value[ENV_KEY]
        if variable not in environ:
            raise ConfigError(f"setting {where} wants the environment variable {variable}, which is not set")
        return environ[variable]
    if isinstance(value, dict):
        return {k: _resolved(v, f"{where}.{k}", environ) for k, v in value.items()}
    return value


def _is_env_ref(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {ENV_KEY} and isinstance(value[ENV_KEY], str)


def redacted(value: Any) -> Any:
    """``value`` for display: ``$env`` references shown as ``$VAR``, never their secret values."""
    if _is_env_ref(value):
        return f"${value[ENV_KEY]}"
    if isinstance(value, dict):
        return {k: redacted(v) for k, v in value.items()}
    return value
