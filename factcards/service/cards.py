"""A card's JSON (what a worker sends back) read back into the objects the renderers and checks take."""

from __future__ import annotations

import json
from typing import Any, Mapping

from factcards import Card, Diagnostic, Fact, Summary, SummarySentence
from factcards.render import render_markdown


def card_json(card: Mapping[str, Any]) -> str:
    """The card as ``Card.to_json`` writes it (the same bytes ``make_card(...).to_json()`` gives)."""
    return json.dumps(card, ensure_ascii=False, indent=2)


def fact_of(data: Mapping[str, Any]) -> Fact:
    return Fact(data["type"], data["text"], data["start"], data["end"], data.get("value") or {}, data.get("confidence", 1.0), data.get("extractor"), data.get("sentence"))


def card_object(data: Mapping[str, Any]) -> Card:
    """The ``Card`` a card's JSON describes."""
    summary = data.get("summary")
    if summary is not None:
        sentences = [SummarySentence(s["text"], s.get("start"), s.get("end")) for s in summary["sentences"]]
        summary = Summary(sentences, summary["text"], summary["extractive"], summary.get("model"), list(summary.get("checks", [])), summary.get("method"))
    return Card(
        document=data["document"], summary=summary, facts=[fact_of(f) for f in data["facts"]], generator=data["generator"],
        diagnostics=[Diagnostic(d["level"], d["stage"], d["message"], d.get("plugin")) for d in data["diagnostics"]], schema_version=data["schema_version"],
    )


def markdown(card: Mapping[str, Any]) -> str:
    """The card as ``factcards card --format markdown`` prints it."""
    return render_markdown(card_object(card))
