"""Money and numbers as the wider world writes them (issue 15): currency names, signs and codes
however they stand, compound amounts, fractions, spelled numbers, dozens, thousands, negatives,
and no facts inside addresses, file names or code. Sentences invented in news style."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcards import Document
from factcards_plugins.quantities import cldr, currencies, money, numbers, scanner


def money_of(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value["amount"], f.value["currency"]) for f in money.extract(Document(text), {"default_dollar": "USD"})]


def numbers_of(text: str) -> list[tuple[str, str, float]]:
    """(type, text, value) of each number and percentage, values to 6 decimals."""
    return [(f.type, f.text, round(f.value["value"], 6)) for f in numbers.extract(Document(text), {})]


def rounded(expected: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    return [(kind, text, round(value, 6)) for kind, text, value in expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The court fined the bank 8,500 Swiss francs.", [("8,500 Swiss francs", 8500, "CHF")]),
        ("Tourists paid 40 Chinese yuan for a ticket.", [("40 Chinese yuan", 40, "CNY")]),
        ("The deal is worth 3 billion Danish kroner.", [("3 billion Danish kroner", 3_000_000_000, "DKK")]),
        ("Sweden's budget adds 12 billion Swedish kronor.", [("12 billion Swedish kronor", 12_000_000_000, "SEK")]),
        ("The refinery cost 200 million Egyptian pounds.", [("200 million Egyptian pounds", 200_000_000, "EGP")]),
        ("A hotel room went for 90 British pounds a night.", [("90 British pounds", 90, "GBP")]),
        ("Seoul set aside 500 South Korean won per citizen.", [("500 South Korean won", 500, "KRW")]),
        ("Officials in Nairobi paid 100,000 Kenyan shillings.", [("100,000 Kenyan shillings", 100_000, "KES")]),
    ],
)
def test_currency_names_after_a_nationality(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 1998 the house sold for 450,000 markka.", [("450,000 markka", 450_000, "FIM")]),
        ("The painting fetched 2 million pesetas in 1990.", [("2 million pesetas", 2_000_000, "ESP")]),
        ("A beer cost 4 guilders before the euro.", [("4 guilders", 4, "NLG")]),
        ("Coffee was 1,500 lire in Rome.", [("1,500 lire", 1500, "ITL")]),
        ("He left 50,000 Deutsche marks in a drawer.", [("50,000 Deutsche marks", 50_000, "DEM")]),
        ("Athens paid 300 drachmas a kilo.", [("300 drachmas", 300, "GRD")]),
        ("Pensions rose to 2,000 Finnish markkas.", [("2,000 Finnish markkas", 2000, "FIM")]),
    ],
)
def test_historical_currencies(sentence, expected):
    assert money_of(sentence) == expected


def test_bare_francs_are_money_and_take_the_country_of_the_text():
    assert money_of("In Geneva, a coffee costs 6 francs.") == [("6 francs", 6, "CHF")]
    assert money_of("Dakar traders in Senegal earn 2,000 francs a day.") == [("2,000 francs", 2000, "XOF")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The striker was paid 200 pounds a week as a teenager.", [("200 pounds", 200, "GBP")]),
        ("She was fined 80 pounds for parking.", [("80 pounds", 80, "GBP")]),
        ("The ring is worth 900 pounds, the jeweller said.", [("900 pounds", 900, "GBP")]),
        ("Tickets cost twelve pounds and fifty pence.", [("twelve pounds and fifty pence", 12.5, "GBP")]),
        ("The baby weighed 8 pounds at birth.", []),
        ("He lost 20 pounds before the fight, and the bout paid well.", []),
        ("The sack held 50 pounds of flour.", []),
        ("The boxer weighs 200 pounds and earns 900 pounds a fight.", [("900 pounds", 900, "GBP")]),
    ],
)
def test_pounds_are_money_only_where_the_sentence_is_about_money(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A sandwich now costs 45€ at the station.", [("45€", 45, "EUR")]),
        ("Bread rose to 70 ₴ in Kyiv.", [("70 ₴", 70, "UAH")]),
        ("Fuel costs ₾3.20 a litre in Tbilisi.", [("₾3.20", 3.2, "GEL")]),
        ("The fare is 500₸ in Almaty.", [("500₸", 500, "KZT")]),
        ("Rice sells for ৳60 a kilo.", [("৳60", 60, "BDT")]),
        ("The fine was ￡40, paid online.", [("￡40", 40, "GBP")]),
        ("Gum costs 75¢ at the kiosk.", [("75¢", 0.75, "USD")]),
        ("Shares closed at 5$ after the call.", [("5$", 5, "USD")]),
    ],
)
def test_currency_signs_before_and_after_the_amount(sentence, expected):
    assert money_of(sentence) == expected


def test_every_currency_sign_of_unicode_is_in_the_first_two_planes():
    assert cldr.beyond_sign_planes() == []


def test_signs_are_derived_from_unicode_names_not_listed():
    signs = cldr.currency_signs()
    assert signs["₴"] == ("UAH", False) and signs["₺"] == ("TRY", False) and signs["₭"] == ("LAK", False)
    assert "₿" not in signs and "¤" not in signs  # no ISO currency: the bitcoin sign, the generic sign


def test_a_sign_before_the_next_amount_is_not_read_after_this_one():
    assert money_of("Prices rose from 5 $10 bills to more.") == [("$10", 10, "USD")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The bond paid EUR12.50 per share.", [("EUR12.50", 12.5, "EUR")]),
        ("Onions cost Rs450 a sack in Mumbai.", [("Rs450", 450, "INR")]),
        ("The startup raised 5k$ from friends.", [("5k$", 5000, "USD")]),
        ("A fund of USD5m was set up.", [("USD5m", 5_000_000, "USD")]),
    ],
)
def test_codes_and_signs_glued_to_the_amount(sentence, expected):
    assert money_of(sentence) == expected


def test_codes_that_are_no_currency_stay_names():
    assert money_of("The A320 and the G7 met in ABC123 mode.") == []
    assert numbers_of("The ABC123 file and G7 summit.") == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Bus fares went up by a dollar.", [("a dollar", 1, "USD")]),
        ("He found five pennies under the sofa.", [("five pennies", 0.05, "GBP")]),
        ("I paid 40 bucks for the ticket.", [("40 bucks", 40, "USD")]),
        ("Pints were three quid in the village.", [("three quid", 3, "GBP")]),
        ("A dollar store opened on Main Street.", []),
        ("The Milwaukee Bucks won 110 to 98.", []),
    ],
)
def test_informal_money(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The toy cost 7 dollars 25 cents.", [("7 dollars 25 cents", 7.25, "USD")]),
        ("Lunch was $7 and 25 cents.", [("$7 and 25 cents", 7.25, "USD")]),
        ("Tickets cost twelve pounds and fifty pence.", [("twelve pounds and fifty pence", 12.5, "GBP")]),
        ("Coffee costs €2 and 40 cents, tea 90 cents.", [("€2 and 40 cents", 2.4, "EUR"), ("90 cents", 0.9, "EUR")]),
        ("The fare was 3 dollars, 50 cents.", [("3 dollars, 50 cents", 3.5, "USD")]),
        ("Prices ran 40 bucks, 75¢ and $2.", [("40 bucks", 40, "USD"), ("75¢", 0.75, "USD"), ("$2", 2, "USD")]),
    ],
)
def test_compound_amounts_are_one_amount(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Use a 5/8 inch bolt.", [("number", "5/8", 0.625)]),
        ("Add 3 1/2 cups of flour.", [("number", "3 1/2", 3.5)]),
        ("The yield rose 2 3/8 percent.", [("percentage", "2 3/8 percent", 2.375)]),
        ("The stock slipped -3/8 in late trade.", [("number", "-3/8", -0.375)]),
        ("The trail runs one and two thirds of a mile.", [("number", "one and two thirds", 5 / 3)]),
        ("She grew 3½ inches and ¾ of the crowd stayed.", [("number", "3½", 3.5), ("number", "¾", 0.75)]),
        ("The store is open 24/7 and the memorial marks 9/11.", []),
        ("The vote is on 12/02/2024.", []),
    ],
)
def test_fractions(sentence, expected):
    assert numbers_of(sentence) == rounded(expected)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Officials counted sixty - four ballots.", [("number", "sixty - four", 64)]),
        ("Officials counted sixty -four ballots.", [("number", "sixty -four", 64)]),
        ("Four hundred and twelve people signed.", [("number", "Four hundred and twelve", 412)]),
        ("The club has one thousand and five hundred members.", [("number", "one thousand and five hundred", 1500)]),
        ("Pi is roughly three point one four.", [("number", "three point one four", 3.14)]),
        ("The budget is one point six billion.", [("number", "one point six billion", 1_600_000_000)]),
        ("Two and a half million people voted.", [("number", "Two and a half million", 2_500_000)]),
        ("He ran twenty and a half miles.", [("number", "twenty and a half", 20.5)]),
    ],
)
def test_spelled_numbers_however_spaced(sentence, expected):
    assert numbers_of(sentence) == rounded(expected)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Police detained two dozen protesters.", [("number", "two dozen", 24)]),
        ("A dozen and a half boats sank.", [("number", "A dozen and a half", 18)]),
        ("The bakery sold 3 dozen rolls.", [("number", "3 dozen", 36)]),
        ("Some 25k runners took part.", [("number", "25k", 25_000)]),
        ("The rally drew 4.5 k fans.", [("number", "4.5 k", 4500)]),
        ("She won the 5k race in the park.", []),
    ],
)
def test_dozens_and_thousands(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Output fell minus 12 percent.", [("percentage", "minus 12 percent", -12)]),
        ("Overnight it was minus five in Oslo.", [("number", "minus five", -5)]),
        ("The margin is plus or minus 3 points.", [("number", "3", 3)]),
    ],
)
def test_negative_numbers(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The filing is at https://example.org/report%28final%29?share=30%25 now.",
        "Read www.city2024.gov/budget/5-year-plan for details.",
        "Write to press.office5@example.com with questions.",
        "The council posted budget_2025_v3.pdf and annex-12.xlsx online.",
        "Set `max_retries = 30` in the file.",
        "The notice is at council.gov.uk/notices/2025%20budget%2812%29 for residents.",
    ],
)
def test_nothing_inside_addresses_file_names_or_code_is_a_fact(sentence):
    assert numbers_of(sentence) == [] and money_of(sentence) == []


def test_numbers_next_to_an_address_are_kept():
    assert numbers_of("Some 300 people visited example.com on 5 occasions.") == [("number", "300", 300), ("number", "5", 5)]
    assert numbers_of("Amazon.com cut 18,000 jobs, 5% of staff.") == [("number", "18,000", 18000), ("percentage", "5%", 5)]


def test_doubled_backticks_are_quotation_marks_not_code():
    assert numbers_of("He said ``we hired 40 people'' on Monday.") == [("number", "40", 40)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 /½¾-$€₴¢kmpoundsfrancminusthreepoint@.`=www:", max_size=60))
def test_new_forms_give_grounded_facts(text):
    document = Document(text)
    for fact in money.extract(document, {"default_dollar": "USD"}) + numbers.extract(document, {}):
        assert text[fact.start : fact.end] == fact.text


def test_currency_tables_come_from_cldr():
    names = currencies.CURRENCY_NAMES
    assert names["swiss francs"] == "CHF" and names["danish kroner"] == "DKK" and names["dutch guilders"] == "NLG"
    assert all(" " in name or name in cldr.NAME_ALIASES for name in names)


HOSTILE = {
    "slashes": "1/2 " * 8_000,
    "slash runs": "1/" * 16_000,
    "vulgar fractions": "3½ " * 6_000,
    "addresses": "first.last5@example-mail.com " * 4_000,
    "address runs": ("a." * 16_000 + "pdf ") * 4,
    "backticks": "`x=1 " * 8_000,
    "urls": "http://a.b/1%25 " * 5_000,
    "hosts and paths": "a.b.com/1%25 " * 5_000,
    "host runs": ("a." * 10_000 + "com/ ") * 4,
    "currency names": "5 Swiss francs and " * 4_000,
    "pounds in money context": "paid 5 pounds " * 2_400,
    "minus words": "minus 5 " * 4_000,
    "point words": "three point one " * 2_400,
    "compound amounts": "7 dollars 25 cents " * 2_000,
    "glued codes": "EUR12 " * 6_000,
    "signs after": "45€ " * 8_000,
    "glued qualifying signs": "~5 >5% <5% +5% a->5 2 +5% " * 1_500,
    "hyphenated odd and plus": "5-odd 5-plus-point 5-plus 5 5-oddly " * 1_500,
    "or more and or less": "5 or more 5 or less than 5 or fewer 5 or " * 1_200,
}


def _scan_uncached(document, config):
    """The whole scan of ``document``, without the garbage collector's passes, whose cost grows
    with every object alive in the test process and not with the scan's work."""
    gc.disable()
    try:
        return scanner.find_quantities(document.text, "USD")
    finally:
        gc.enable()


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_new_patterns_run_in_linear_time(hostile, time_growth):
    """Four times the hostile text takes about four times as long (quadratic work would take ~16)."""
    assert time_growth(_scan_uncached, hostile) < 9
