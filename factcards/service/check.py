"""The headline check: an editor's own text (headline, standfirst, social post) against an article's facts.

The editor's text is read by the same pipeline as the article (a card of it,
made in a worker like any card), and each money amount, number, percentage,
date and person found in it is supported by the article (a fact with the same
value, or the same words in its body) or flagged with the consistency guard's
reason. The rules are the guard's own (``factcards_plugins.checks.consistency``).
"""

from __future__ import annotations

from typing import Any, Mapping

from factcards import Fact
from factcards_plugins.checks.consistency import CHECKED_TYPES, unsupported_reason

from .cards import fact_of

NUMERIC = ("money", "number", "percentage")


def check_text(text: str, text_card: Mapping[str, Any], article_card: Mapping[str, Any]) -> dict[str, Any]:
    """The verdict on each checked span of ``text`` (whose card is ``text_card``), with what in the article supports it."""
    facts, body, article_text = article_facts(article_card)
    items = []
    for fact in (fact_of(f) for f in text_card["facts"] if f["type"] in CHECKED_TYPES):
        reason = unsupported_reason(fact, facts, body)
        items.append({
            "type": fact.type, "text": fact.text, "start": fact.start, "end": fact.end, "value": fact.value,
            "supported": reason is None, "reason": reason, "support": supporting(fact, facts, article_text) if reason is None else None,
        })
    return {
        "text": text,
        "checked_types": list(CHECKED_TYPES),
        "items": items,
        "supported": sum(1 for i in items if i["supported"]),
        "unsupported": sum(1 for i in items if not i["supported"]),
        "document_sha256": article_card["document"]["sha256"],
    }


def supporting(fact: Fact, document_facts: list[Fact], document_text: str) -> dict[str, Any] | None:
    """The article fact that supports ``fact`` by its value, else where its words occur in the article."""
    for candidate in document_facts:
        if _compatible(fact, candidate) and unsupported_reason(fact, [candidate], "") is None:
            return {"by": "fact", "fact": candidate.to_dict()}
    words = " ".join(fact.text.split())
    start = document_text.find(words)
    if start >= 0:
        return {"by": "text", "start": start, "end": start + len(words), "text": words}
    return None


def _compatible(fact: Fact, candidate: Fact) -> bool:
    return candidate.type == fact.type or (fact.type in NUMERIC and candidate.type in NUMERIC)


def article_facts(card: Mapping[str, Any]) -> tuple[list[Fact], str, str]:
    """``(facts, body, text)`` of an article's card: its facts, its summary-worthy sentences (as the guard reads them), its text."""
    document = card["document"]
    text = document["text"]
    body = " ".join(" ".join(text[s["start"] : s["end"]].split()) for s in document["sentences"] if not s["excluded"])
    return [fact_of(f) for f in card["facts"]], body, text
