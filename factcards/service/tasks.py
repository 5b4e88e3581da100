"""What a worker process does with one request: a card, or a headline check, on its own pipelines.

A worker builds its pipelines from the server's ``PipelineOptions``; a request
that picks its own summarizer, extractors, budget or settings gets a pipeline
built for that selection, kept for the next request that asks the same (a few
at most). Answers are plain data that crosses a process boundary:
``("ok", media_type, body)`` or ``("error", status, problem, detail)``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections import OrderedDict
from typing import Any, Mapping

from factcards import CardInvalid, ConfigError, InputError, PluginError, SelectionError
from factcards.manager import load_plugins_dir, make_plugin_manager
from factcards.pipeline import Pipeline, PipelineOptions
from factcards.render import render_markdown
from factcards.schema import schema_errors

from .check import card_facts, check_text

log = logging.getLogger("factcards.service")
KEPT_PIPELINES = 8
WARM_TEXT = (
    "Harbour City, March 3, 2021 - The council said on Monday it would spend $12 million on "
    "two new ferries, a 15% rise on last year. \"We are ready,\" said mayor Ana Reyes."
)
SELECTION_KEYS = ("summarizer", "extractors", "disable", "length", "settings")


class Cards:
    """One worker's pipelines: the server's own, and those built for the selections requests made."""

    def __init__(self, options: PipelineOptions):
        self.options = options
        self.plugin_manager = make_plugin_manager(entry_points=options.entry_points)
        for folder in options.plugins_dirs:
            load_plugins_dir(self.plugin_manager, folder)
        self.base = options.build(self.plugin_manager)
        self._kept: OrderedDict[str, Pipeline] = OrderedDict()

    def warm_up(self) -> None:
        """Load the summarizer's model and run one card through every stage, so the first request is as fast as the rest."""
        self.base.warm_up()
        self.base.card(WARM_TEXT)

    def pipeline(self, selection: Mapping[str, Any]) -> Pipeline:
        """The pipeline for a request's selection (the server's own when it selects nothing)."""
        chosen = {k: v for k, v in selection.items() if k in SELECTION_KEYS and v not in (None, [], (), {})}
        if not chosen:
            return self.base
        key = json.dumps(chosen, sort_keys=True)
        if key not in self._kept:
            self._kept[key] = self._build(chosen)
            while len(self._kept) > KEPT_PIPELINES:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        return self._kept[key]

    def _build(self, chosen: Mapping[str, Any]) -> Pipeline:
        settings = chosen.get("settings") or {}
        config = {name: {**self.options.config.get(name, {}), **table} for name, table in settings.items()}
        options = dataclasses.replace(
            self.options,
            config={**self.options.config, **config},
            summarizer=chosen.get("summarizer", self.options.summarizer),
            extractors=tuple(chosen["extractors"]) if chosen.get("extractors") else self.options.extractors,
            disable=tuple(self.options.disable) + tuple(chosen.get("disable") or ()),
            length=chosen.get("length", self.options.length),
        )
        return options.build(self.plugin_manager)

    def run(self, task: Mapping[str, Any]) -> tuple:
        """Answer one task; every failure becomes an error answer, never an exception."""
        try:
            if task["kind"] == "check":
                return ("ok", "application/json", json.dumps(self._check(task), ensure_ascii=False))
            return self._card(task)
        except (InputError, SelectionError, ConfigError) as exc:
            return ("error", 422, _problem_of(exc), str(exc))
        except PluginError as exc:
            return ("error", 500, "plugin-failed", str(exc))
        except CardInvalid as exc:
            return ("error", 500, "invalid-card", str(exc))
        except Exception as exc:  # a bug: logged here with its traceback, answered as a plain 500
            log.exception("task failed")
            return ("error", 500, "internal", f"the card could not be made ({type(exc).__name__})")

    def _card(self, task: Mapping[str, Any]) -> tuple:
        pipeline = self.pipeline(task.get("selection") or {})
        card = pipeline.card(task["source"], published=task.get("published"), input_format=task.get("input_format", "auto"), name=task.get("name"))
        if task.get("format") == "markdown":
            return ("ok", "text/markdown; charset=utf-8", render_markdown(card))
        return ("ok", "application/json", card.to_json())

    def _check(self, task: Mapping[str, Any]) -> dict[str, Any]:
        pipeline = self.pipeline(task.get("selection") or {})
        card = task.get("card")
        if card is None:
            card = pipeline.card(task["source"], published=task.get("published"), name="article").to_dict()
        else:
            errors = schema_errors(card, pipeline.registry.schema())
            if errors:
                raise InputError(f"the card is not valid: {errors[0]}")
        facts, body, text, published = card_facts(card)
        result = check_text(task["text"], facts, body, text, task.get("published") or published, pipeline.registry, pipeline.config)
        result["document_sha256"] = card["document"]["sha256"]
        return result


def _problem_of(exc: Exception) -> str:
    return {InputError: "invalid-input", SelectionError: "unknown-selection", ConfigError: "invalid-settings"}.get(type(exc), "invalid-input")
