"""The money and numbers extractors share one scan per card, and nothing across cards."""

from __future__ import annotations

from factcards import Document
from factcards_plugins.quantities import money, numbers, scanner

TEXT = "The council paid $4.5 million, up 12 percent, for 300 new buses."


def test_money_and_numbers_of_one_document_scan_its_text_once(monkeypatch):
    calls = []
    real_scan = scanner.find_quantities
    monkeypatch.setattr(scanner, "find_quantities", lambda *args: calls.append(args) or real_scan(*args))
    document = Document(TEXT)
    found = money.extract(document, {}) + numbers.extract(document, {})
    assert [fact.text for fact in found] == ["$4.5 million", "12 percent", "300"]
    assert len(calls) == 1


def test_a_second_document_with_the_same_text_gets_its_own_values():
    first, second = Document(TEXT), Document(TEXT)
    money.extract(first, {})[0].value["amount"] = -1
    assert money.extract(second, {})[0].value["amount"] == 4_500_000


def test_another_default_dollar_scans_again():
    document = Document("It cost $20.")
    assert money.extract(document, {})[0].value["currency"] == "USD"
    assert money.extract(document, {"default_dollar": "CAD"})[0].value["currency"] == "CAD"
