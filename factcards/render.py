"""Rendering a card for people: Markdown."""

from __future__ import annotations

from .card import Card


def render_markdown(card: Card) -> str:
    doc = card.document
    lines = [f"# {doc['title'] or 'Untitled article'}", ""]
    meta = [f"**Source:** {doc['source']}" if doc["source"] else "", f"**Published:** {doc['published']}" if doc["published"] else ""]
    if any(meta):
        lines += [" · ".join(m for m in meta if m), ""]
    if card.summary:
        lines += ["## Summary", "", card.summary.text, ""]
    if card.facts:
        lines += ["## Facts", "", "| type | text | value | extractor |", "|---|---|---|---|"]
        for fact in card.facts:
            lines.append(f"| {fact.type} | {_cell(fact.text)} | {_cell(_value(fact.value))} | {fact.extractor} |")
        lines.append("")
    if card.diagnostics:
        lines += ["## Diagnostics", ""] + [f"- {d.level} [{d.plugin or 'core'}] {d.stage}: {d.message}" for d in card.diagnostics] + [""]
    return "\n".join(lines).rstrip() + "\n"


def _value(value: dict) -> str:
    return ", ".join(f"{k}={_short(v)}" for k, v in value.items() if v is not None)


def _short(v) -> str:
    """Lists of spans (mentions) read better as a count than as offsets."""
    if isinstance(v, list) and v and all(isinstance(item, dict) for item in v):
        return f"{len(v)} spans"
    if isinstance(v, dict) and set(v) <= {"start", "end", "text"}:
        return f"{v.get('start')}..{v.get('end')}"
    return ", ".join(map(str, v)) if isinstance(v, list) else str(v)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")
