"""The plugin manager: built-ins registered explicitly, third-party plugins from entry points.

Entry points are loaded one by one; a plugin that fails to import is recorded in
``load_errors`` and skipped, so ``factcards --help`` and every card still work.
A ``FACTCARDS_LOAD_PLUGINS`` name that no installed plugin has, or a plugin
folder that is not there, loads nothing: that is one line in ``load_warnings``.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.metadata
import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pluggy

from . import PLUGIN_API, __version__, hookspecs
from .trace import trace_failure, tracing

ENTRY_POINT_GROUP = "factcards"
LOAD_PLUGINS_ENV = "FACTCARDS_LOAD_PLUGINS"
PLUGINS_DIR_ENV = "FACTCARDS_PLUGINS_DIR"
API_ATTRIBUTE = "FACTCARDS_PLUGIN_API"

# The built-in plugins by the name each registers under: the name of its extractor or
# summarizer and of its config table, so `--disable dates`, `[dates]` and `factcards plugins` agree.
DEFAULT_PLUGINS = {
    "scraped_page": "factcards_plugins.page.scraped_page",
    "money": "factcards_plugins.quantities.money",
    "numbers": "factcards_plugins.quantities.numbers",
    "dates": "factcards_plugins.dates.plugin",
    "quotes": "factcards_plugins.quotes_people.quotes",
    "people": "factcards_plugins.quotes_people.people",
    "lead": "factcards_plugins.summarizers.lead",
    "minilm": "factcards_plugins.summarizers.minilm",
    "seq2seq": "factcards_plugins.summarizers.seq2seq",
    "consistency": "factcards_plugins.checks.consistency",
}


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
        self.load_warnings: list[str] = []  # what was asked for and not found: one line each
        self.registry_cache = None  # what collect_registry found; cleared whenever the plugin set changes
        self.plugins_dirs: list[str] = []  # the one-off plugin folders loaded, for worker processes to load again

    def register(self, plugin, name=None):
        self.registry_cache = None
        return super().register(plugin, name)

    def unregister(self, plugin=None, name=None):
        self.registry_cache = None
        return super().unregister(plugin, name)

    def set_blocked(self, name):
        self.registry_cache = None
        return super().set_blocked(name)

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
    plugins_dir: str | os.PathLike | None = None,
) -> PluginManager:
    """A fresh plugin manager: built-ins plus installed third-party plugins.

    ``block`` names plugins never to register. The environment variable
    ``FACTCARDS_LOAD_PLUGINS`` narrows the third-party plugins loaded: a comma
    separated list of entry-point names, or empty for none. ``plugins_dir``
    (default: ``$FACTCARDS_PLUGINS_DIR``, folders separated like ``PATH``)
    holds one-off ``.py`` plugins, each registered under its file name.
    """
    pm = PluginManager()
    for name in block:
        pm.set_blocked(name)
    if builtins:
        for name, module_name in DEFAULT_PLUGINS.items():
            if not pm.is_blocked(name):
                pm.register_plugin(importlib.import_module(module_name), name, version=__version__, builtin=True)
    if entry_points:
        load_entry_points(pm)
    for folder in _plugin_dirs(plugins_dir):
        load_plugins_dir(pm, folder, named_by="plugins folder" if plugins_dir is not None else PLUGINS_DIR_ENV)
    return pm


def load_entry_points(pm: PluginManager) -> None:
    """Load every ``factcards`` entry point on its own, recording failures instead of raising."""
    wanted = _wanted_plugins()
    installed = sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
    for name in sorted((wanted or set()) - {ep.name for ep in installed} - set(pm.info)):
        hint = "".join(f" (did you mean {m!r}?)" for m in difflib.get_close_matches(name, [ep.name for ep in installed], 1))
        pm.load_warnings.append(f"{LOAD_PLUGINS_ENV} names {name!r}, which is no installed plugin{hint}")
    for ep in installed:
        if pm.is_blocked(ep.name) or pm.has_plugin(ep.name):
            continue
        if wanted is not None and ep.name not in wanted:
            continue
        version = ep.dist.version if ep.dist else None
        try:
            plugin = ep.load()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # any import-time failure of someone else's code, SystemExit too
            _trace(exc)
            pm.record_failure(ep.name, f"could not load: {type(exc).__name__}: {exc}", version=version)
            continue
        if register_third_party(pm, plugin, ep.name, version) and ep.dist:
            pm.info[ep.name].distribution = ep.dist.name


def load_plugins_dir(pm: PluginManager, folder: str | os.PathLike, *, named_by: str = "plugins folder") -> None:
    """Load each ``*.py`` file in ``folder`` (not those starting with ``_``) as a plugin named after the file.

    A ``folder`` that is not one is a line in ``pm.load_warnings``, saying who named it (``named_by``).
    """
    if not Path(folder).is_dir():
        pm.load_warnings.append(f"{named_by}: {os.fspath(folder)} is not a folder; no plugins loaded from it")
        return
    pm.plugins_dirs.append(os.fspath(folder))
    for path in sorted(Path(folder).glob("*.py")):
        name = path.stem
        if path.name.startswith("_") or pm.is_blocked(name) or pm.has_plugin(name):
            continue
        try:
            module = _import_file(path)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # any import-time failure of someone else's code, SystemExit too
            _trace(exc)
            pm.record_failure(name, f"could not load {path}: {type(exc).__name__}: {exc}")
            continue
        register_third_party(pm, module, name, getattr(module, "__version__", None))


def _import_file(path: Path):
    module_name = f"factcards_dir_plugin_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def register_third_party(pm: PluginManager, plugin: object, name: str, version: str | None) -> bool:
    """Register a plugin that is not built in, unless it is incompatible; record why if it is refused."""
    reason = api_incompatibility(getattr(plugin, API_ATTRIBUTE, None))
    if reason:
        pm.record_failure(name, reason, version=version, status="incompatible")
        return False
    try:
        pm.register_plugin(plugin, name, version=version)
    except Exception as exc:  # pluggy refuses hook implementations with unknown arguments
        pm.record_failure(name, f"could not register: {type(exc).__name__}: {exc}", version=version)
        return False
    unknown = unknown_hooks(pm, plugin)
    if unknown:
        pm.unregister(plugin)
        pm.record_failure(name, unknown, version=version)
        return False
    return True


def api_incompatibility(declared: object) -> str | None:
    """Why a plugin declaring ``FACTCARDS_PLUGIN_API = declared`` cannot run here, or None if it can.

    ``"1.x"`` or ``"1"`` accepts any 1.* API; ``"1.2"`` needs 1.2 or a later 1.*.
    """
    if declared is None:
        return None
    major, _, minor = str(declared).partition(".")
    our_major, _, our_minor = PLUGIN_API.partition(".")
    if not major.isdigit() or (minor not in ("", "x") and not minor.isdigit()):
        return f"declares plugin API {declared!r}; write it like \"{our_major}.x\" or \"{PLUGIN_API}\""
    if major != our_major or (minor.isdigit() and int(minor) > int(our_minor)):
        return f"needs plugin API {declared}; this factcards {__version__} provides plugin API {PLUGIN_API}"
    return None


def unknown_hooks(pm: PluginManager, plugin: object) -> str | None:
    """A one-line complaint about ``@hookimpl`` functions of ``plugin`` that match no hook (a typo), or None.

    Implementations marked ``optionalhook=True`` are for hooks a newer factcards may have: never a complaint.
    """
    known = [name for name in dir(pm.hook) if not name.startswith("_") and getattr(pm.hook, name).has_spec()]
    unknown = sorted(
        name
        for name in dir(pm.hook)
        if not name.startswith("_")
        and not getattr(pm.hook, name).has_spec()
        and any(impl.plugin is plugin and not impl.optionalhook for impl in getattr(pm.hook, name).get_hookimpls())
    )
    if not unknown:
        return None
    hints = [f"{name!r}" + "".join(f" (did you mean {m!r}?)" for m in difflib.get_close_matches(name, known, 1)) for name in unknown]
    return f"implements no such hook: {', '.join(hints)}"


def _trace(exc: BaseException) -> None:
    if tracing():
        trace_failure(exc)


def _plugin_dirs(given: str | os.PathLike | None) -> list[str]:
    if given is not None:
        return [os.fspath(given)]
    return [folder for folder in os.environ.get(PLUGINS_DIR_ENV, "").split(os.pathsep) if folder]


def _wanted_plugins() -> set[str] | None:
    value = os.environ.get(LOAD_PLUGINS_ENV)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}
