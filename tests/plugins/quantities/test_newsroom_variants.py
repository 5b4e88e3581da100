"""The variants next to issue 15's forms that real articles write (an audit as a newsroom reads):
currencies named in other orders and spellings, dollar prefixes of other presses, scales only money
writes, percent abbreviations, halves of amounts, phone numbers, camel-case names, code blocks.
Sentences invented in news style; every fact's span is checked against the text."""

from __future__ import annotations

import pytest

from factcards import Document
from factcards_plugins.quantities import cldr, money, numbers, scanner


def _grounded(text: str, facts: list) -> list:
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return facts


def money_of(text: str) -> list[tuple[str, float, str]]:
    facts = _grounded(text, money.extract(Document(text), {"default_dollar": "USD"}))
    return [(f.text, f.value["amount"], f.value["currency"]) for f in facts]


def numbers_of(text: str) -> list[tuple[str, str, float]]:
    facts = _grounded(text, numbers.extract(Document(text), {}))
    return [(f.type, f.text, round(f.value["value"], 6)) for f in facts]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Villagers near Bamako pay 500 francs CFA a month for water.", [("500 francs CFA", 500, "XOF")]),
        ("Traders in Dakar paid 2,000 CFA francs for a permit.", [("2,000 CFA francs", 2000, "XOF")]),
        ("In Yaounde, a loaf costs 250 CFA francs.", [("250 CFA francs", 250, "XAF")]),
        ("Copenhagen will spend 2.5 billion Danish crowns on dikes.", [("2.5 billion Danish crowns", 2_500_000_000, "DKK")]),
        ("The Oslo fund sold 40 million Norwegian crowns of bonds.", [("40 million Norwegian crowns", 40_000_000, "NOK")]),
        ("Skoda cut prices by 30,000 Czech crowns.", [("30,000 Czech crowns", 30_000, "CZK")]),
        ("The bank froze 40 billion Russian roubles.", [("40 billion Russian roubles", 40_000_000_000, "RUB")]),
        ("Petrobras will invest 5 billion Brazilian reais.", [("5 billion Brazilian reais", 5_000_000_000, "BRL")]),
        ("Caracas printed 10 million Venezuelan bolivars.", [("10 million Venezuelan bolivars", 10_000_000, "VES")]),
        ("Reykjavik paid 800 million Icelandic kronur.", [("800 million Icelandic kronur", 800_000_000, "ISK")]),
        ("Exports fetched 3 billion Turkish liras.", [("3 billion Turkish liras", 3_000_000_000, "TRY")]),
        ("The fund raised 40 million Hong Kong dollars.", [("40 million Hong Kong dollars", 40_000_000, "HKD")]),
    ],
)
def test_currencies_named_in_other_orders_and_spellings(sentence, expected):
    assert money_of(sentence) == expected


def test_the_cfa_franc_without_a_country_is_ambiguous():
    [fact] = money.extract(Document("The fine was 500 francs CFA per household."), {})
    assert fact.value["currency"] == "XOF" and fact.value["currency_ambiguous"] is True


def test_cldr_names_are_also_read_without_accents_and_with_crowns():
    names = cldr.currency_names()
    assert names["costa rican colons"] == "CRC" and names["nicaraguan cordobas"] == "NIO"
    assert names["swedish crowns"] == "SEK" and names["belarusian roubles"] == "BYN"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Xinhua said the plant cost US $5 million.", [("US $5 million", 5_000_000, "USD")]),
        ("The airline lost CDN$40 million in the quarter.", [("CDN$40 million", 40_000_000, "CAD")]),
        ("Ottawa pledged Can$2 billion for housing.", [("Can$2 billion", 2_000_000_000, "CAD")]),
        ("BHP paid $US5 billion for the mine.", [("$US5 billion", 5_000_000_000, "USD")]),
        ("Qantas raised $A2.5bn and $NZ300m.", [("$A2.5bn", 2_500_000_000, "AUD"), ("$NZ300m", 300_000_000, "NZD")]),
        ("The tycoon sold the tower for $HK10 billion.", [("$HK10 billion", 10_000_000_000, "HKD")]),
        ("Tickets were priced at 12USD online.", [("12USD", 12, "USD")]),
    ],
)
def test_dollar_prefixes_of_other_presses(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The fund closed at $3.5MM in commitments.", [("$3.5MM", 3_500_000, "USD")]),
        ("The fund closed at $3.5 MM in commitments.", [("$3.5 MM", 3_500_000, "USD")]),
        ("The striker signed for $2 mil a season.", [("$2 mil", 2_000_000, "USD")]),
        ("The deal is worth $4 bil over a decade.", [("$4 bil", 4_000_000_000, "USD")]),
    ],
)
def test_scales_only_money_writes(sentence, expected):
    assert money_of(sentence) == expected


def test_a_thickness_in_mils_is_no_money_scale():
    assert numbers_of("Workers laid a 5 mil plastic sheet.") == [("number", "5", 5)]
    assert numbers_of("Use a 5MM bolt.") == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A stamp now costs half a dollar.", [("half a dollar", 0.5, "USD")]),
        ("The euro slipped half a cent.", [("half a cent", 0.005, "USD")]),
        ("The ticket costs a pound at the gate.", [("a pound", 1, "GBP")]),
        ("The bag weighs a pound.", []),
        ("Vouchers were issued as a 10-pound note.", [("10-pound", 10, "GBP")]),
        ("The chef roasted a 10-pound turkey.", []),
        ("A stamp for Europe costs 2 euro cents more.", [("2 euro cents", 0.02, "EUR")]),
        ("Chips are up 3 US cents a unit.", [("3 US cents", 0.03, "USD")]),
    ],
)
def test_halves_articles_and_cents_of_amounts(sentence, expected):
    assert money_of(sentence) == expected


def test_half_a_dozen_is_six_and_half_an_amount_is_no_number():
    assert numbers_of("Half a dozen boats sank and half a dollar was lost.") == [("number", "Half a dozen", 6)]
    assert numbers_of("Police questioned half a dozen men.") == [("number", "half a dozen", 6)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Inflation rose to 3.2pc in May.", [("percentage", "3.2pc", 3.2)]),
        ("Inflation rose to 3.2 pc in May.", [("percentage", "3.2 pc", 3.2)]),
        ("GDP grew 7.2 p.c. in the quarter.", [("percentage", "7.2 p.c.", 7.2)]),
        ("The group took a 50-per-cent stake.", [("percentage", "50-per-cent", 50)]),
        ("The bank cut by 50bp to 4.25pc.", [("percentage", "50bp", 0.5), ("percentage", "4.25pc", 4.25)]),
        ("Spreads widened 25bps and then 10 bp.", [("percentage", "25bps", 0.25), ("percentage", "10 bp", 0.1)]),
        ("The Tories fell 2.5pp in the poll.", [("percentage", "2.5pp", 2.5)]),
    ],
)
def test_percent_abbreviations_spaced_and_glued(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He scored 30 pts and 12 rebounds.", [("number", "30", 30), ("number", "12", 12)]),
        ("The index fell 120 pts by noon.", [("number", "120", 120)]),
        ("The fund bought 25 BP shares.", [("number", "25", 25)]),
        ("The school set up 5 PC labs.", [("number", "5", 5)]),
    ],
)
def test_points_and_capitalized_names_are_no_percentage(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Call 555-0100 for tickets.",
        "Call (212) 555-0100 for tickets.",
        "Readers can phone 555-1234 until Friday.",
        "Order flowers on 1-800-FLOWERS today.",
    ],
)
def test_phone_numbers_are_no_numbers(sentence):
    assert numbers_of(sentence) == []


def test_a_range_like_a_local_number_is_kept_without_a_call():
    assert numbers_of("Crowds of 300-5000 gathered.") == [("number", "300-5000", 300)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He earns a six-figure salary and she a 7-figure bonus.", []),
        ("In '98 the shop sold 40 bikes.", [("number", "40", 40)]),
        ("iPhone 15 sales rose 10%.", [("percentage", "10%", 10)]),
    ],
)
def test_counts_of_digits_abbreviated_years_and_camel_case_names(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Run ```x = 30%``` in the shell.",
        "The block ```\nrate = 30\nretries = 5\n``` ran.",
        "Use `--max 30` to cap it.",
    ],
)
def test_code_blocks_and_flags_hold_no_facts(sentence):
    assert numbers_of(sentence) == []


def test_quoted_numbers_after_a_code_block_are_kept():
    assert numbers_of("Run ```x = 30%``` and then 40 more.") == [("number", "40", 40)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The bill for the upgrade is £3bn-4bn.", [("£3bn-4bn", 3_000_000_000, 4_000_000_000)]),
        ("The startup wants $5m-6m in its next round.", [("$5m-6m", 5_000_000, 6_000_000)]),
        ("Each window costs 5 million-6 million euros.", [("5 million-6 million euros", 5_000_000, 6_000_000)]),
        ("Shares traded at 40p-50p all week.", [("40p-50p", 0.4, 0.5)]),
    ],
)
def test_ranges_of_scaled_amounts_with_a_dash(sentence, expected):
    facts = _grounded(sentence, money.extract(Document(sentence), {}))
    assert [(f.text, f.value["low"], f.value["high"]) for f in facts] == expected


def test_a_letter_hyphen_digit_code_stays_a_name():
    assert numbers_of("The F-35, the MiG-29 and a 3m-5 swing.") == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A million and a half people marched.", [("number", "A million and a half", 1_500_000)]),
        ("One-and-a-half million homes lost power.", [("number", "One-and-a-half million", 1_500_000)]),
        ("The ride took two-and-a-half hours.", [("number", "two-and-a-half", 2.5)]),
        ("A quarter of a million people fled.", [("number", "A quarter of a million", 250_000)]),
        ("Three-quarters of a billion went unspent.", [("number", "Three-quarters of a billion", 750_000_000)]),
        ("Inflation is nought point five percent.", [("percentage", "nought point five percent", 0.5)]),
        ("It was all for nought.", []),
        ("The song came out in nineteen eighty-four.", []),
        ("Everyone said twenty twenty-two was hard.", []),
        ("Rates rose point five percent.", []),
    ],
)
def test_spelled_numbers_of_scales_halves_and_spoken_years(sentence, expected):
    assert numbers_of(sentence) == expected


def test_a_fraction_of_a_million_dollars_is_one_amount():
    assert money_of("They raised a quarter of a million dollars.") == [("a quarter of a million dollars", 250_000, "USD")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The gap with Labour narrowed 2.5% points.", [("percentage", "2.5% points", 2.5)]),
        ("Yields rose 0.5 pct point on Friday.", [("percentage", "0.5 pct point", 0.5)]),
        ("Unemployment is up 1.2 per cent points.", [("percentage", "1.2 per cent points", 1.2)]),
        ("A turnout of 40% points to apathy.", [("percentage", "40%", 40)]),
    ],
)
def test_points_after_a_percent_are_percentage_points(sentence, expected):
    assert [(t, s, v) for t, s, v in numbers_of(sentence)] == expected
    units = {f.value["unit"] for f in numbers.extract(Document(sentence), {})}
    assert units == ({"percent"} if "apathy" in sentence else {"percentage_point"})


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Protesters gathered outside 10 Downing Street at noon.", []),
        ("Three Wall Street banks and 5 Wall Street firms lost.", [("number", "Three", 3), ("number", "5", 5)]),
        ("Aides met at No. 10 before the song hit no. 1.", []),
        ("The 7-Eleven on the corner and a 4-H club closed.", []),
        ("A 5-Star hotel sold 2-Year notes.", [("number", "5", 5), ("number", "2", 2)]),
    ],
)
def test_house_numbers_ranks_and_brands_are_names(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Growth fell to –3.2% last year.", [("percentage", "–3.2%", -3.2)]),
        ("Rates of 2 –3% apply.", [("percentage", "2 –3%", 2)]),
        ("Output growth was negative 2 percent.", [("percentage", "negative 2 percent", -2)]),
        ("The index read negative 0.4 in May.", [("number", "negative 0.4", -0.4)]),
        ("She tested negative 3 times.", [("number", "3", 3)]),
    ],
)
def test_en_dashes_and_negative_as_signs(sentence, expected):
    assert numbers_of(sentence) == expected


def test_a_minus_before_a_currency_symbol_is_a_negative_amount():
    assert money_of("The balance was -$5 million, in a $3-$5 range.") == [("-$5 million", -5_000_000, "USD"), ("$3-$5", 3, "USD")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Alibaba raised Rmb5bn in bonds.", [("Rmb5bn", 5_000_000_000, "CNY")]),
        ("The lender raised RMB5bn.", [("RMB5bn", 5_000_000_000, "CNY")]),
        ("Volvo lost SKr2bn, Equinor NKr3bn and Maersk DKr4bn.", [("SKr2bn", 2e9, "SEK"), ("NKr3bn", 3e9, "NOK"), ("DKr4bn", 4e9, "DKK")]),
        ("Nestle earned SFr2bn last year.", [("SFr2bn", 2_000_000_000, "CHF")]),
    ],
)
def test_financial_times_currency_prefixes(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The 2020-21 season was cut short.", []),
        ("In 1990–91 prices fell 4%.", [("percentage", "4%", 4)]),
        ("The 2015-19 plan hired 300 staff.", [("number", "300", 300)]),
        ("Crowds of 1500-20 people.", [("number", "20", 20)]),
    ],
)
def test_the_end_of_a_span_of_years_is_no_number(sentence, expected):
    assert numbers_of(sentence) == expected


def test_units_glued_to_the_digits_keep_their_number():
    assert numbers_of("She ran 5km in winds of 60mph with a 3.5GHz watch.") == [
        ("number", "5", 5), ("number", "60", 60), ("number", "3.5", 3.5),
    ]
    assert numbers_of("The 5G mast, a 4K screen and the 100m final.") == []


HOSTILE = {
    "glued units": "5km 25kW " * 4_000,
    "spans of years": "2020-21 " * 5_000,
    "glued letter prefixes": "Rmb5bn SKr2bn " * 3_000,
    "en dash minus": " –3.2% " * 5_000,
    "negative words": "negative 2 percent " * 3_000,
    "minus before symbols": " -$5 " * 6_000,
    "house numbers": "at 10 Downing Street " * 3_000,
    "number abbreviations": "No. 10 " * 5_000,
    "percent points": "2.5% points " * 4_000,
    "spoken years": "nineteen eighty-four " * 3_000,
    "fractions of a scale": "a quarter of a million " * 2_500,
    "hyphenated halves": "one-and-a-half " * 4_000,
    "scaled dash ranges": "3bn-4bn " * 4_000,
    "scale dash runs": "3bn-" * 8_000,
    "triple backticks": "```x=1 " * 6_000,
    "closed code blocks": "```a = 1``` " * 3_000,
    "local phones": "call 555-0100 " * 3_000,
    "phone runs": "555-" * 8_000,
    "vanity phones": "1-800-ABCD " * 3_000,
    "glued percents": "3pc 25bps 0.5pp " * 2_000,
    "money scales": "$3 MM $2 mil " * 2_500,
    "glued codes after": "12USD " * 6_000,
    "cfa francs": "5 francs CFA 6 CFA francs " * 1_500,
    "crowns": "5 Danish crowns " * 3_000,
    "halves": "half a dollar half a dozen " * 2_000,
    "camel case": "iPhone 15 " * 5_000,
    "figures": "six-figure 7-figure " * 2_500,
}


def _scan(document, config):
    return scanner.find_quantities(document.text, "USD")


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_the_new_patterns_run_in_linear_time(hostile, time_growth):
    """Four times the hostile text takes about four times as long (quadratic work would take ~16)."""
    import gc

    gc.disable()
    try:
        assert time_growth(_scan, hostile) < 9
    finally:
        gc.enable()


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A bus ride costs 40 \u20c0 in Bishkek.", [("40 \u20c0", 40, "KGS")]),
        ("The Surat trader sold cloth for \u0af1500 a metre.", [("\u0af1500", 500, "INR")]),
        ("Chennai buses charge \u0bf920 a ride.", [("\u0bf920", 20, "INR")]),
    ],
)
def test_currency_signs_unicode_names_with_no_single_currency(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A bus ticket costs a dollar fifty.", [("a dollar fifty", 1.5, "USD")]),
        ("A pint is 5 quid 50 now.", [("5 quid 50", 5.5, "GBP")]),
        ("Croissants sell for a euro twenty each.", [("a euro twenty", 1.2, "EUR")]),
        ("She paid three pounds forty in cash.", [("three pounds forty", 3.4, "GBP")]),
        ("Bread cost a dollar fifty years ago.", [("a dollar", 1, "USD")]),
        ("The ride cost $5 fifty times over.", [("$5", 5, "USD")]),
    ],
)
def test_spoken_prices_are_one_amount(sentence, expected):
    assert money_of(sentence) == expected
