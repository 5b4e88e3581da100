"""The plugin manager: built-ins registered explicitly, third-party plugins from entry points.

Entry points are loaded one by one; a plugin that fails to import is recorded in
``load_errors`` and skipped, so ``factcards --help`` and every card still work.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
from dataclasses import dataclass, field

import pluggy

from . import __version__, hookspecs

ENTRY_POINT_GROUP = "factcards"
LOAD_PLUGINS_ENV = "FACTCARDS_LOAD_PLUGINS"

DEFAULT_PLUGINS = (
    "factcards_plugins.scraped_page",
    "factcards_plugins.money",
    "factcards_plugins.numbers",
    "factcards_plugins.dates",
    "factcards_plugins.quotes",
    "factcards_plugins.people",
    "factcards_plugins.lead",
    "factcards_plugins.minilm",
    "factcards_plugins.seq2seq",
    "factcards_plugins.consistency",
)


@dataclass
class PluginInfo:
    """What the core knows about one registered (or failed) plugin."""

    name: str
    version: str | None
    builtin: bool
    status: str = "loaded"
    error: str | None = None
    distribution: str | None = None


@dataclass
class LoadError:
    name: str
    message: str


class PluginManager(pluggy.PluginManager):
    """A pluggy manager that also remembers plugin versions and load failures."""

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT)
        self.add_hookspecs(hookspecs)
        self.info: dict[str, PluginInfo] = {}
        self.load_errors: list[LoadError] = []

    def register_plugin(self, plugin: object, name: str, *, version: str | None = None, builtin: bool = False) -> None:
        """Register ``plugin`` under ``name`` and remember its version."""
        self.register(plugin, name=name)
        self.info[name] = PluginInfo(name, version or getattr(plugin, "__version__", None), builtin)

    def record_failure(self, name: str, message: str, *, version: str | None = None, status: str = "failed") -> None:
        self.load_errors.append(LoadError(name, message))
        self.info[name] = PluginInfo(name, version, False, status=status, error=message)

    def plugin_version(self, name: str) -> str | None:
        info = self.info.get(name)
        return info.version if info else None


def make_plugin_manager(
    *,
    builtins: bool = True,
    entry_points: bool = True,
    block: tuple[str, ...] | list[str] = (),
) -> PluginManager:
    """A fresh plugin manager: built-ins plus installed third-party plugins.

    ``block`` names plugins never to register. The environment variable
    ``FACTCARDS_LOAD_PLUGINS`` narrows the third-party plugins loaded: a comma
    separated list of entry-point names, or empty for none.
    """
    pm = PluginManager()
    for name in block:
        pm.set_blocked(name)
    if builtins:
        for module_name in DEFAULT_PLUGINS:
            if not pm.is_blocked(module_name):
                pm.register_plugin(importlib.import_module(module_name), module_name, version=__version__, builtin=True)
    if entry_points:
        load_entry_points(pm)
    return pm


def load_entry_points(pm: PluginManager) -> None:
    """Load every ``factcards`` entry point on its own, recording failures instead of raising."""
    wanted = _wanted_plugins()
    for ep in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if pm.is_blocked(ep.name) or pm.has_plugin(ep.name):
            continue
        if wanted is not None and ep.name not in wanted:
            continue
        version = ep.dist.version if ep.dist else None
        try:
            plugin = ep.load()
            pm.register_plugin(plugin, ep.name, version=version)
        except Exception as exc:  # any import-time failure of someone else's code
            pm.record_failure(ep.name, f"could not load: {type(exc).__name__}: {exc}", version=version)
        else:
            if ep.dist:
                pm.info[ep.name].distribution = ep.dist.name


def _wanted_plugins() -> set[str] | None:
    value = os.environ.get(LOAD_PLUGINS_ENV)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}
