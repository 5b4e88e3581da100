"""What the installed plugins are and provide: the rows ``factcards plugins --json`` prints and ``GET /v1/plugins`` answers."""

from __future__ import annotations

from typing import Any, Mapping

from .config import redacted
from .registry import collect_registry, effective_config


def plugin_rows(pm, config: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row a plugin: version, hooks, status, error, what it provides and its effective settings (secrets redacted)."""
    diagnostics: list = []
    registry = collect_registry(pm, diagnostics)
    rows = []
    for info in sorted(pm.info.values(), key=lambda i: (not i.builtin, i.name)):
        plugin = pm.get_plugin(info.name)
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin)) if plugin is not None else []
        failures = [d.message for d in diagnostics if d.plugin == info.name]
        rows.append(
            {
                "name": info.name,
                "version": info.version,
                "builtin": info.builtin,
                "status": info.status if not failures else "error",
                "error": info.error or (failures[0] if failures else None),
                "hooks": hooks,
                "extractors": sorted(e.name for e in registry.extractors.values() if e.plugin == info.name),
                "summarizers": sorted(s.name for s in registry.summarizers.values() if s.plugin == info.name),
                "fact_types": sorted(t.name for t in registry.fact_types.values() if t.plugin == info.name),
                "config": {
                    **{
                        record.name: redacted(effective_config(record, config))
                        for record in sorted([*registry.extractors.values(), *registry.summarizers.values()], key=lambda r: r.name)
                        if record.plugin == info.name
                    },
                    **{
                        table.name: redacted({**table.defaults, **config.get(table.name, {})})
                        for table in sorted(registry.settings_tables.values(), key=lambda t: t.name)
                        if table.plugin == info.name
                    },
                },
            }
        )
    return rows
