"""``money``: amounts of money, with ISO 4217 currency, scale, ranges and qualifiers.

``$490 million`` -> ``{"amount": 490000000, "currency": "USD", "currency_ambiguous": true}``.
A bare ``$`` (or "dollars") takes the configured ``default_dollar`` and is
marked ambiguous; when its sentence names another dollar country ("Canadian",
"Ottawa") the value carries that as ``currency_hint``. The patterns and
conventions live in ``scanner`` (and the modules it names) and ``docs/extractors-quantities.md``.
"""

from __future__ import annotations

from factcards import Extractor, Fact, FactType, hookimpl, load_schema

from .scanner import quantities_in

VERSION = "1.0"


def extract(document, config) -> list[Fact]:
    """Every amount of money in the document (the core drops those in excluded regions)."""
    text = document.text
    return [
        Fact("money", text[q.start : q.end], q.start, q.end, dict(q.value))
        for q in quantities_in(document, config.get("default_dollar") or "USD")
        if q.type == "money"
    ]


@hookimpl
def register_fact_types(register):
    """The ``money`` fact type and its value schema (``schemas/facts/money.json``)."""
    register(FactType("money", load_schema("facts/money.json"), "An amount of money with its ISO 4217 currency."))


@hookimpl
def register_extractors(register):
    """The ``money`` extractor; config ``default_dollar`` (ISO code for a bare $, default USD)."""
    register(
        Extractor(
            name="money",
            fact_types=("money",),
            extract=extract,
            version=VERSION,
            default_config={"default_dollar": "USD"},
            config_schema={"default_dollar": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "an ISO 4217 code in capitals, like USD or CAD"}},
            description="Amounts of money: symbols and codes, scale words, ranges, qualifiers.",
        )
    )
