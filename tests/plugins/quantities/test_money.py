"""The ``money`` extractor on realistic news sentences, the reference article and arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcards import Document
from factcards_plugins.quantities import money


def money_facts(text: str, **config):
    return money.extract(Document(text), {"default_dollar": "USD", **config})


def only_money(text: str, **config):
    facts = money_facts(text, **config)
    assert len(facts) == 1, [f.text for f in facts]
    return facts[0]


@pytest.mark.parametrize(
    "sentence, span, amount, currency",
    [
        ("Ottawa is loaning Kyiv $490 million.", "$490 million", 490_000_000, "USD"),
        ("The group raised US$5bn in its listing.", "US$5bn", 5_000_000_000, "USD"),
        ("Ottawa pledged C$500 million in aid.", "C$500 million", 500_000_000, "CAD"),
        ("The deal is worth €3.2 billion, the company said.", "€3.2 billion", 3_200_000_000, "EUR"),
        ("The club paid £40m for the striker.", "£40m", 40_000_000, "GBP"),
        ("Tokyo approved a ¥1 trillion stimulus.", "¥1 trillion", 1_000_000_000_000, "JPY"),
        ("The fund lost 490 million dollars last year.", "490 million dollars", 490_000_000, "USD"),
        ("The contract was priced at USD 12,000 per unit.", "USD 12,000", 12_000, "USD"),
        ("The state spent Rs 5 crore on the bridge.", "Rs 5 crore", 50_000_000, "INR"),
        ("Its market value topped Rs 1.1 lakh crore.", "Rs 1.1 lakh crore", 1_100_000_000_000, "INR"),
        ("Health now takes almost 40p in every pound.", "40p", 0.4, "GBP"),
        ("Floods caused damage of 88 billion reais.", "88 billion reais", 88_000_000_000, "BRL"),
        ("Sales reached 2.5 billion euros.", "2.5 billion euros", 2_500_000_000, "EUR"),
        ("Beijing set aside 300 billion yuan for the plan.", "300 billion yuan", 300_000_000_000, "CNY"),
        ("A$1.2 billion was spent on submarines.", "A$1.2 billion", 1_200_000_000, "AUD"),
        ("Shares closed at $12.50 on Friday.", "$12.50", 12.5, "USD"),
        ("The fine was 3 million Canadian dollars.", "3 million Canadian dollars", 3_000_000, "CAD"),
        ("Tickets cost 50 cents more.", "50 cents", 0.5, "USD"),
        ("It will cost taxpayers 5 million pounds.", "5 million pounds", 5_000_000, "GBP"),
        ("Investors poured HK$8.4bn into the market.", "HK$8.4bn", 8_400_000_000, "HKD"),
        ("The budget is 1.2 trillion rubles.", "1.2 trillion rubles", 1_200_000_000_000, "RUB"),
        ("The company earned $1,234,567 in royalties.", "$1,234,567", 1_234_567, "USD"),
        ("He was paid $250,000 a year.", "$250,000", 250_000, "USD"),
    ],
)
def test_amounts_and_currencies(sentence, span, amount, currency):
    fact = only_money(sentence)
    assert fact.text == span
    assert fact.value["amount"] == pytest.approx(amount)
    assert fact.value["currency"] == currency


@pytest.mark.parametrize("sentence", ["The match streams in 1080p on the app.", "Doors open at 7p.m. sharp."])
def test_a_p_after_digits_is_not_always_pence(sentence):
    assert money_facts(sentence) == []


@pytest.mark.parametrize(
    "sentence, span, low, high",
    [
        ("Repairs will cost $3-4 million.", "$3-4 million", 3_000_000, 4_000_000),
        ("The deal is valued between $1 billion and $2 billion.", "between $1 billion and $2 billion", 1e9, 2e9),
        ("Estimates range from €5m to €8m.", "from €5m to €8m", 5e6, 8e6),
        ("Analysts expect $3 to $4 million in savings.", "$3 to $4 million", 3e6, 4e6),
    ],
)
def test_ranges_keep_their_connectives(sentence, span, low, high):
    fact = only_money(sentence)
    assert (fact.text, fact.value["low"], fact.value["high"]) == (span, low, high)
    assert fact.value["amount"] == low


def test_a_change_from_one_amount_to_another_is_two_amounts():
    facts = money_facts("Profit rose from $1 billion to $2 billion.")
    assert [f.text for f in facts] == ["$1 billion", "$2 billion"]


@pytest.mark.parametrize(
    "sentence, qualifier",
    [
        ("The plan costs about $5 million.", "about"),
        ("Losses reached nearly £2bn.", "nearly"),
        ("The firm owes more than $700 million.", "more than"),
        ("Bonuses of up to €10,000 were paid.", "up to"),
    ],
)
def test_qualifier_is_recorded_and_left_out_of_the_span(sentence, qualifier):
    fact = only_money(sentence)
    assert fact.value["qualifier"] == qualifier
    assert not fact.text.lower().startswith(qualifier)


def test_bare_dollar_defaults_to_the_configured_currency_and_is_ambiguous():
    assert only_money("It costs $5 million.").value["currency_ambiguous"] is True
    assert only_money("It costs $5 million.", default_dollar="AUD").value["currency"] == "AUD"
    assert only_money("It costs US$5 million.").value["currency_ambiguous"] is False


def test_canadian_context_is_recorded_as_a_hint():
    fact = only_money("Canadian Prime Minister Justin Trudeau said Ottawa is loaning Kyiv $490 million.")
    assert (fact.value["currency"], fact.value["currency_hint"]) == ("USD", "CAD")


def test_cents_take_the_currency_of_the_sentence():
    facts = money_facts("Deutsche Bank will buy back €675 million of shares and raise its dividend to 45 cents.")
    assert [(f.text, f.value["currency"]) for f in facts] == [("€675 million", "EUR"), ("45 cents", "EUR")]


def test_a_document_writing_c_dollars_hints_cad_for_a_bare_dollar():
    facts = money_facts("Prices rose to C$729,044 in May.\nIn Toronto the benchmark is about $1.17 million.")
    assert [(f.value["currency"], f.value.get("currency_hint")) for f in facts] == [("CAD", None), ("USD", "CAD")]


@pytest.mark.parametrize(
    "text, currency",
    [
        ("A quake struck Morocco. The government set up a fund of 120 billion dirhams.", "MAD"),
        ("Dubai's ruler approved 5 billion dirhams for the metro.", "AED"),
        ("Pakistan's budget is Rs 9 trillion.", "PKR"),
        ("India spent Rs 2 crore on the bridge.", "INR"),
        ("Beijing approved a ¥2 trillion package.", "CNY"),
        ("The Swiss bank paid 5 million francs.", "CHF"),
    ],
)
def test_shared_currency_names_take_the_country_the_text_names(text, currency):
    fact = only_money(text)
    assert (fact.value["currency"], fact.value["currency_ambiguous"]) == (currency, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "The boxer weighed 200 pounds before the fight.",
        "He won 3 games in a row.",
        "The F-35 and the Boeing 737 were on display.",
        "ALL 5 members voted.",
        "Bitcoin rose 5 percent.",
        "The 100m sprint starts at 3 p.m.",
    ],
)
def test_not_money(sentence):
    assert money_facts(sentence) == []


def test_reference_article_has_one_amount(lead_card):
    found = lead_card.facts_of("money")
    assert [(f.text, f.value["amount"], f.value["currency"]) for f in found] == [("$490 million", 490_000_000, "USD")]
    assert found[0].extractor == "money"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_grounded_deterministic_facts(text):
    first = money_facts(text)
    for fact in first:
        assert text[fact.start : fact.end] == fact.text
    assert [f.to_dict() for f in money_facts(text)] == [f.to_dict() for f in first]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="$€£¥0123456789,. -kmbnMillion toandbetweenUSDCA", max_size=80))
def test_money_like_text_gives_grounded_facts(text):
    for fact in money_facts(text):
        assert text[fact.start : fact.end] == fact.text
        assert isinstance(fact.value["amount"], (int, float))


def test_currency_hints_found_from_their_cue_words_are_the_pattern_matches():
    from factcards_plugins.quantities import currencies

    text = "Canada's and Canadian; Ottawa, New Zealand, Hong Kong.Singapore Taiwanese XCanada Canadas Canad Australia Canberra"
    assert currencies.currency_hints(text) == [(m.start(), m.lastgroup) for m in currencies._CURRENCY_HINT.finditer(text)]
