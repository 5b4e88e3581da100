"""``consistency``: the fact-consistency guard on the card's summary.

Every number, money amount, percentage, date and named person in the summary is
looked for among the facts extracted from the document. The summary's spans are
found by the registered extractors themselves, run on the summary text (dates
resolved against the document's publication date, as the document's own are),
so the guard understands exactly what the extractors understand. A span is
supported when a document fact of a compatible type has the same normalized
value (a person: the same name, or a surname the document gives), or when its
exact text occurs in the document's body. Unsupported spans become
``card.summary.checks`` entries: which summary sentence, the span in the
summary text, the type and why. With ``{"consistency": {"fallback": true}}``
a summary with findings is replaced by a ``minilm`` summary (``lead`` when
MiniLM cannot run), with a diagnostic.

Extractive summaries hold by construction: their sentences are the document's.
"""

from __future__ import annotations

import re

from factcards import Diagnostic, Document, Settings, hookimpl

NAME = "consistency"
CHECKED_TYPES = ("money", "number", "percentage", "date", "person")
NUMERIC_TYPES = ("money", "number", "percentage")
DEFAULT_CONFIG = {"fallback": False, "fallback_summarizer": "minilm"}


def summary_facts(text: str, published: str | None, registry, config=None) -> list:
    """The checked kinds of fact that ``registry``'s extractors (a pipeline's, say), with the user's ``config``, find in ``text``."""
    config = config or {}
    document = Document(text, published=published)
    document.segment()
    found = []
    for extractor in registry.extractors.values():
        if not set(extractor.fact_types) & set(CHECKED_TYPES):
            continue
        try:
            facts = list(extractor.extract(document, registry.settings(extractor, config)))
        except Exception:  # a broken extractor already shows in the card's own diagnostics
            continue
        found.extend(f for f in facts if f.type in CHECKED_TYPES and text[f.start : f.end] == f.text)
    return sorted(found, key=lambda f: (f.start, f.end, f.type))


def _amounts(fact) -> set[float]:
    value = fact.value or {}
    numbers = [value.get(key) for key in ("amount", "value", "low", "high", "min", "max")]
    return {round(float(n), 6) for n in numbers if isinstance(n, (int, float)) and not isinstance(n, bool)}


def _date_keys(fact) -> set[str]:
    value = fact.value or {}
    return {str(value[k]) for k in ("value", "start", "end") if value.get(k)}


def _person_keys(fact) -> set[str]:
    value = fact.value or {}
    name = " ".join(str(value.get("name") or fact.text).lower().split())
    keys = {name}
    for mention in value.get("mentions") or []:
        keys.add(" ".join(str(mention.get("text", "")).lower().split()))
    if " " in name:
        keys.add(name.rsplit(" ", 1)[1])
    return keys - {""}


def _occurs_as_words(phrase: str, text: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` not as part of a longer word or number ("February 1" is not in "February 12")."""
    return re.search(rf"(?<![\w.,]){re.escape(phrase)}(?![\w]|[.,]\d)", text) is not None


def unsupported_reason(fact, document_facts: list, body_text: str) -> str | None:
    """Why the summary's ``fact`` is not supported by the document, or None when it is."""
    if _occurs_as_words(" ".join(fact.text.split()), body_text):
        return None
    if fact.type in NUMERIC_TYPES:
        known = set().union(*(_amounts(f) for f in document_facts if f.type in NUMERIC_TYPES))
        if _amounts(fact) and _amounts(fact) <= known:
            if fact.type != "money" or _same_currency(fact, document_facts):
                return None
            return f"the document has this amount, but not in {fact.value.get('currency')}"
        return f"no {fact.type} with this value in the document"
    if fact.type == "date":
        known = set().union(*(_date_keys(f) for f in document_facts if f.type == "date"))
        return None if _date_keys(fact) and _date_keys(fact) <= known else "no such date in the document"
    if fact.type == "person":
        known = set().union(*(_person_keys(f) for f in document_facts if f.type == "person"))
        return None if _person_keys(fact) & known else "the document names no such person"
    return None


def _same_currency(fact, document_facts) -> bool:
    currency = (fact.value or {}).get("currency")
    amounts = _amounts(fact)
    return any(
        f.type == "money" and _amounts(f) & amounts and (f.value or {}).get("currency") in (currency, None)
        for f in document_facts
    ) or not any(f.type == "money" and _amounts(f) & amounts for f in document_facts)


def body_text(document) -> str:
    """The document's summary-worthy sentences, whitespace-normalized, for exact-text support."""
    return " ".join(" ".join(s.text.split()) for s in document.sentences if not s.excluded)


def sentence_of(summary, offset: int) -> int | None:
    """The index of the summary sentence holding ``offset`` in ``summary.text``."""
    position = 0
    for index, sentence in enumerate(summary.sentences):
        start = summary.text.find(sentence.text, position)
        if start < 0:
            continue
        if start <= offset < start + len(sentence.text):
            return index
        position = start + len(sentence.text)
    return None


def check_summary(summary, document, document_facts: list, registry, config=None) -> list[dict]:
    """Findings: the summary's numbers, amounts, percentages, dates and people the document does not support."""
    if summary is None or not summary.text:
        return []
    body = body_text(document)
    findings = []
    for fact in summary_facts(summary.text, document.published, registry, config):
        reason = unsupported_reason(fact, document_facts, body)
        if reason:
            findings.append(
                {
                    "check": NAME,
                    "sentence": sentence_of(summary, fact.start),
                    "start": fact.start,
                    "end": fact.end,
                    "text": fact.text,
                    "type": fact.type,
                    "value": fact.value,
                    "reason": reason,
                }
            )
    return findings


def fallback_summary(document, facts, wanted: str, config, registry):
    """``(name, summary)`` from the ``wanted`` summarizer, else ``lead``, with the user's settings for it."""
    for name in (wanted, "lead"):
        record = registry.summarizers.get(name)
        if record is not None and record.available():
            summary = record.summarize(document, facts, registry.settings(record, config))
            summary.method = name
            return name, summary
    return None, None


@hookimpl
def register_settings(register):
    """The ``consistency`` table: ``fallback`` (replace a summary with findings) and ``fallback_summarizer``."""
    register(Settings(NAME, dict(DEFAULT_CONFIG), "Replace a summary that has unsupported spans by another summarizer's."))


@hookimpl
def process_card(card, document, config, registry):
    """Record unsupported summary spans in ``card.summary.checks``; replace the summary if configured.

    The summary is checked with the extractors of this run's ``registry`` (the
    caller's plugins and settings), and a replacement comes from its summarizers.
    """
    config = config or {}
    settings = {**DEFAULT_CONFIG, **dict(config.get(NAME, {}))}
    if card.summary is None or card.summary.extractive:
        return  # the core has checked that every extractive sentence is document text: supported by construction
    findings = check_summary(card.summary, document, card.facts, registry, config)
    card.summary.checks.extend(findings)
    if not findings or not settings["fallback"]:
        return
    name, replacement = fallback_summary(document, card.facts, settings["fallback_summarizer"], config, registry)
    if replacement is None or name == card.summary.method:
        return
    replacement.checks.extend(check_summary(replacement, document, card.facts, registry, config))
    card.diagnostics.append(
        Diagnostic(
            "warning",
            "process_card",
            f"the {card.summary.method} summary had {len(findings)} unsupported span(s) "
            f"({', '.join(repr(f['text']) for f in findings[:3])}); replaced by a {name} summary",
            NAME,
        )
    )
    card.summary = replacement
