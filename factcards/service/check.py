"""The headline check: an editor's own text (headline, standfirst, social post) against an article's facts.

Every money amount, number, percentage, date and person the registered
extractors find in the editor's text is supported by the article (a fact with
the same value, or the same words in its body) or flagged with the consistency
guard's reason. The rules are the guard's own (``factcards_plugins.checks.consistency``).
"""

from __future__ import annotations

from typing import Any, Mapping

from factcards import Fact
from factcards_plugins.checks.consistency import CHECKED_TYPES, summary_facts, unsupported_reason


def check_text(text: str, document_facts: list[Fact], body: str, document_text: str, published: str | None, registry, config=None) -> dict[str, Any]:
    """The verdict on each checked span of ``text``, with the article fact or words that support it."""
    items = []
    for fact in summary_facts(text, published, registry, config):
        reason = unsupported_reason(fact, document_facts, body)
        item = {"type": fact.type, "text": fact.text, "start": fact.start, "end": fact.end, "value": fact.value, "supported": reason is None, "reason": reason, "support": None}
        if reason is None:
            item["support"] = supporting(fact, document_facts, document_text)
        items.append(item)
    return {
        "text": text,
        "checked_types": list(CHECKED_TYPES),
        "items": items,
        "supported": sum(1 for i in items if i["supported"]),
        "unsupported": sum(1 for i in items if not i["supported"]),
    }


def supporting(fact: Fact, document_facts: list[Fact], document_text: str) -> dict[str, Any] | None:
    """The article fact that supports ``fact`` by its value, else where its words occur in the article."""
    for candidate in document_facts:
        if candidate.type in CHECKED_TYPES and _compatible(fact, candidate) and unsupported_reason(fact, [candidate], "") is None:
            return {"by": "fact", "fact": candidate.to_dict()}
    words = " ".join(fact.text.split())
    start = document_text.find(words)
    if start >= 0:
        return {"by": "text", "start": start, "end": start + len(words), "text": words}
    return None


def _compatible(fact: Fact, candidate: Fact) -> bool:
    numeric = ("money", "number", "percentage")
    return candidate.type == fact.type or (fact.type in numeric and candidate.type in numeric)


def card_facts(card: Mapping[str, Any]) -> tuple[list[Fact], str, str, str | None]:
    """``(facts, body, text, published)`` of a card made earlier (a card's JSON, already validated)."""
    document = card["document"]
    text = document["text"]
    facts = [Fact(f["type"], f["text"], f["start"], f["end"], f.get("value") or {}, f.get("confidence", 1.0), f.get("extractor"), f.get("sentence")) for f in card["facts"]]
    body = " ".join(" ".join(text[s["start"] : s["end"]].split()) for s in document["sentences"] if not s["excluded"])
    return facts, body, text, document.get("published")
