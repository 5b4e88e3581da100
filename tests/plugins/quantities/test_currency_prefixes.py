"""Every currency prefix of ``currencies.SYMBOLS`` is read in each form its spelling allows: spaced
or glued to the digits, and, for the letters before a "$" that name a dollar, as the explicit dollar
of the document. The patterns are built from the table, so a prefix added to it is tested here too.
Sentences invented in news style."""

from __future__ import annotations

import pytest

from factcards import Document
from factcards_plugins.quantities import currencies, money

PREFIXES = sorted(symbol for symbol in currencies.SYMBOLS if len(symbol) > 1)
# Dollars other than the U.S. one, which a bare "$" next to them is hinted to be.
OTHER_DOLLARS = {"CAD", "AUD", "NZD", "HKD", "SGD", "TWD"}


def money_facts(text: str):
    return money.extract(Document(text), {"default_dollar": "USD"})


@pytest.mark.parametrize("amount", ["40 million", "450"])
@pytest.mark.parametrize("space", ["", " "], ids=["glued", "spaced"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_prefix_is_money_in_its_currency_with_its_exact_span(prefix, space, amount):
    text = f"The firm paid {prefix}{space}{amount} for the site."
    facts = money_facts(text)
    assert [(f.text, f.value["currency"], f.value["currency_text"]) for f in facts] == [
        (f"{prefix}{space}{amount}", currencies.SYMBOLS[prefix][0], prefix)
    ]
    assert text[facts[0].start : facts[0].end] == facts[0].text


@pytest.mark.parametrize("prefix", [p for p in PREFIXES if p.endswith("$") and " " not in p])
def test_every_prefix_before_a_dollar_sign_settles_a_bare_dollar_when_it_names_another_dollar(prefix):
    currency = currencies.SYMBOLS[prefix][0]
    facts = money_facts(f"Prices rose to {prefix}729,044 in May.\nIn the city the benchmark is about $1.17 million.")
    expected_hint = currency if currency in OTHER_DOLLARS else None
    assert [(f.value["currency"], f.value.get("currency_hint")) for f in facts] == [(currency, None), ("USD", expected_hint)]
