"""Classes of expressions that public test suites of money and number parsers check and that
English news writes (issue 15: held-out material of that kind). Sentences invented in news
style; every fact's span is checked against the text, values exactly."""

from __future__ import annotations

import gc

import pytest

from factcards import Document
from factcards_plugins.quantities import money, numbers, scanner
from test_newsroom_variants import money_of, numbers_of


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The insurer set aside $16.4 million for claims.", [("$16.4 million", 16_400_000, "USD")]),
        ("Quarterly revenue rose to $4.1 billion.", [("$4.1 billion", 4_100_000_000, "USD")]),
        ("Guidance is $15.8 billion to $16.1 billion.", [("$15.8 billion to $16.1 billion", 15_800_000_000, "USD")]),
    ],
)
def test_a_decimal_times_a_scale_is_the_exact_amount(sentence, expected):
    assert money_of(sentence) == expected
    [fact] = money.extract(Document(sentence), {"default_dollar": "USD"})
    assert type(fact.value["amount"]) is int and type(fact.value.get("high", 0)) is int


def test_a_decimal_count_times_a_scale_is_an_int():
    [(_, text, value)] = numbers_of("The port handled 132.8 million tonnes.")
    assert (text, value, type(value)) == ("132.8 million", 132_800_000, int)


def test_fractions_keep_nine_decimals():
    [fact] = numbers.extract(Document("Two-thirds of voters agreed."), {})
    assert (fact.text, fact.value["value"]) == ("Two-thirds", 0.666666667)
    assert numbers_of("The rate is 0.125 on average.") == [("number", "0.125", 0.125)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Bond yields slipped .5 percent on Monday.", [("percentage", ".5 percent", 0.5)]),
        ("The Fed's benchmark rate sits .25 point above target.", [("number", ".25", 0.25)]),
        ("He batted .318 for the Mariners last season.", [("number", ".318", 0.318)]),
        ("Turnout fell (.7%) in the north.", [("percentage", ".7%", 0.7)]),
        ("The ranch owner carried a .22 rifle.", [("number", ".22", 0.22)]),
    ],
)
def test_a_decimal_without_its_leading_zero(sentence, expected):
    assert numbers_of(sentence) == expected


def test_a_dollar_amount_without_its_leading_zero():
    assert money_of("Bus fares will rise $.50 in March.") == [("$.50", 0.5, "USD")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Officials counted 2019.5 hours of overtime.", [("number", "2019.5", 2019.5)]),
        ("Version 3.2.1 shipped with 4 fixes.", [("number", "4", 4)]),
        ("The talks ended.5 delegates walked out.", [("number", "5", 5)]),
        ("Markets closed...7 stocks hit records.", [("number", "7", 7)]),
        ("Profit rose 3.5 percent.", [("percentage", "3.5 percent", 3.5)]),
    ],
)
def test_a_point_touching_a_word_or_a_number_is_no_decimal_point(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Three out of four voters backed the levy.", [("number", "Three out of four", 0.75)]),
        ("Roughly one out of every five nurses quit.", [("number", "one out of every five", 0.2)]),
        ("Nearly one in every ten homes flooded.", [("number", "one in every ten", 0.1)]),
        ("Critics gave the show 4.5 out of 5.", [("number", "4.5 out of 5", 0.9)]),
        ("He said that one out of six clinics closed.", [("number", "one out of six", 0.166666667)]),
    ],
)
def test_a_ratio_out_of_a_count_is_a_fraction(sentence, expected):
    facts = numbers.extract(Document(sentence), {})
    assert [(f.type, f.text, f.value["value"]) for f in facts] == expected
    assert all(f.value["kind"] == "fraction" for f in facts)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Five out of the 10 seats went to Labour.", [("number", "Five", 5), ("number", "10", 10)]),
        ("Four out of four judges agreed.", [("number", "Four", 4), ("number", "four", 4)]),
        ("Seven of 10 voters disapprove.", [("number", "Seven", 7), ("number", "10", 10)]),
    ],
)
def test_no_ratio_without_two_counts_a_part_and_a_larger_whole(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Reported thefts rose threefold in a decade.", [("threefold", 3)]),
        ("Orders jumped tenfold after the ban.", [("tenfold", 10)]),
        ("Infections rose 12-fold in a month.", [("12-fold", 12)]),
        ("Borrowing costs rose 2.5-fold this year.", [("2.5-fold", 2.5)]),
        ("Claims grew four-fold, and then twenty-fold.", [("four-fold", 4), ("twenty-fold", 20)]),
        ("It was a hundredfold rise.", [("hundredfold", 100)]),
    ],
)
def test_a_fold_is_a_multiplier(sentence, expected):
    facts = numbers.extract(Document(sentence), {})
    assert [(f.text, f.value["value"]) for f in facts] == expected
    assert all(f.value["kind"] == "multiplier" for f in facts)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Staff unfolded 3 maps.", [("number", "3", 3)]),
        ("He sold 4 folders and a 3-fold-out table.", [("number", "4", 4), ("number", "3", 3)]),
        ("The Tenfold Group hired 5 people.", [("number", "5", 5)]),
    ],
)
def test_fold_inside_another_word_is_no_multiplier(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In Maine, about a half million homes lost power.", [("number", "a half million", 500_000)]),
        ("A quarter-million fans lined the route.", [("number", "A quarter-million", 250_000)]),
        ("Half a million people marched.", [("number", "Half a million", 500_000)]),
        ("She won a quarter of the vote.", [("number", "a quarter", 0.25)]),
    ],
)
def test_a_half_or_a_quarter_of_a_scale_is_a_count(sentence, expected):
    assert numbers_of(sentence) == expected


def test_a_half_billion_dollars_is_an_amount():
    assert money_of("The state owes a half-billion dollars.") == [("a half-billion dollars", 500_000_000, "USD")]
    assert money_of("A quarter-million-euro grant was approved.") == [("A quarter-million-euro", 250_000, "EUR")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Mortgage rates rose half a percent in June.", ("half a percent", 0.5, "percent")),
        ("Growth slowed by a quarter of a per cent.", ("a quarter of a per cent", 0.25, "percent")),
        ("Prices edged up three-quarters of a percent.", ("three-quarters of a percent", 0.75, "percent")),
        ("The bank cut half a percentage point.", ("half a percentage point", 0.5, "percentage_point")),
    ],
)
def test_a_fraction_of_a_percent_is_a_percentage(sentence, expected):
    [fact] = numbers.extract(Document(sentence), {})
    assert (fact.type, (fact.text, fact.value["value"], fact.value["unit"])) == ("percentage", expected)


def test_half_a_cent_stays_money():
    assert money_of("Shareholders get half a cent per share.") == [("half a cent", 0.005, "USD")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The jackpot winner took home fifty grand.", [("fifty grand", 50_000, "USD")]),
        ("Burglars took 20 grand from the safe.", [("20 grand", 20_000, "USD")]),
        ("The striker is paid five hundred grand a year.", [("five hundred grand", 500_000, "USD")]),
        ("He paid $30 grand for the boat.", [("$30 grand", 30_000, "USD")]),
        ("The club paid £4m and the agent 200 grand on top.", [("£4m", 4_000_000, "GBP"), ("200 grand", 200_000, "GBP")]),
    ],
)
def test_grand_is_a_thousand_of_money(sentence, expected):
    assert money_of(sentence) == expected


def test_grand_alone_is_an_ambiguous_dollar():
    [fact] = money.extract(Document("He lost 5 grand at the tables."), {"default_dollar": "USD"})
    assert fact.value["currency_ambiguous"] is True and fact.value["currency_text"] == "grand"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("She won two grand slams and three grand pianos.", [("number", "two", 2), ("number", "three", 3)]),
        ("The 12 grand masters met in Oslo.", [("number", "12", 12)]),
        ("He won 4 Grand Prix races.", [("number", "4", 4)]),
        ("Elian's two grandmothers flew in.", [("number", "two", 2)]),
    ],
)
def test_grand_before_a_noun_is_no_money(sentence, expected):
    assert money_of(sentence) == []
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The club marked its one hundredth anniversary.", [("one hundredth", 100, "ordinal")]),
        ("It was the two hundredth sitting of the court.", [("two hundredth", 200, "ordinal")]),
        ("The park greeted its millionth visitor.", [("millionth", 1_000_000, "ordinal")]),
        ("The city issued its two hundred thousandth permit.", [("two hundred thousandth", 200_000, "ordinal")]),
        ("She won by a hundredth of a second.", [("a hundredth", 0.01, "fraction")]),
        ("It was the one hundred and first session.", [("one hundred and first", 101, "ordinal")]),
    ],
)
def test_the_ordinal_of_a_scale(sentence, expected):
    facts = numbers.extract(Document(sentence), {})
    assert [(f.text, f.value["value"], f.value["kind"]) for f in facts] == expected


def test_a_scale_ordinal_without_of_is_an_ordinal():
    facts = numbers.extract(Document("He tried for a hundredth time."), {})
    assert [(f.text, f.value["kind"]) for f in facts] == [("hundredth", "ordinal")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Congress passed the $1.9T relief bill.", [("$1.9T", 1_900_000_000_000, "USD")]),
        ("The insurer is valued at $2.5T, the chipmaker at $800B.", [("$2.5T", 2_500_000_000_000, "USD"), ("$800B", 800_000_000_000, "USD")]),
        ("A 5T truck carried 2t of sand.", []),
    ],
)
def test_a_capital_t_after_an_amount_is_trillions(sentence, expected):
    assert money_of(sentence) == expected


def test_a_bare_t_after_digits_is_nothing():
    assert numbers_of("A 5T truck carried 2t of sand.") == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The depot is a 10- to 15-minute walk away.", ("number", "10- to 15", 10, 15)),
        ("Analysts expect a 3- to 5-percent rise.", ("percentage", "3- to 5-percent", 3, 5)),
        ("It hired 18- to 24-year-old recruits.", ("number", "18- to 24", 18, 24)),
    ],
)
def test_a_range_with_a_suspended_hyphen(sentence, expected):
    [fact] = numbers.extract(Document(sentence), {})
    assert (fact.type, fact.text, fact.value["low"], fact.value["high"]) == expected


def test_a_money_range_with_a_suspended_hyphen():
    [fact] = money.extract(Document("They want a $5- to $10-million fund."), {"default_dollar": "USD"})
    assert (fact.text, fact.value["low"], fact.value["high"]) == ("$5- to $10-million", 5_000_000, 10_000_000)


def test_a_suspended_hyphen_after_a_change_verb_is_a_change():
    assert numbers_of("Profit rose 5- to 6-percent.") == [("number", "5", 5), ("percentage", "6-percent", 6)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Scores in the 90 percentile rose.", [("number", "90", 90)]),
        ("The 12 percenters marched.", [("number", "12", 12)]),
        ("The levy is 30 percentage of income.", [("percentage", "30 percentage", 30)]),
        ("Fees rose by 5 percents.", [("percentage", "5 percents", 5)]),
        ("Labour leads by 4 percentage points.", [("percentage", "4 percentage points", 4)]),
    ],
)
def test_a_percent_word_ends_at_a_word_boundary(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The farmer was paid Rs 1,25,000 in compensation.", [("Rs 1,25,000", 125_000, "INR")]),
        ("The state set aside Rs 2,50,00,000 for the bridge.", [("Rs 2,50,00,000", 25_000_000, "INR")]),
        ("A plot in Pune sold for ₹12,50,000.", [("₹12,50,000", 1_250_000, "INR")]),
    ],
)
def test_the_indian_lakh_grouping(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Some 1,50,000 farmers marched to Delhi.", [("number", "1,50,000", 150_000)]),
        ("The list read 1,25,2,000 in the filing.", []),
        ("The code was 12,34,5678 on the form.", []),
        ("Turnout reached 1,234,567 votes.", [("number", "1,234,567", 1_234_567)]),
    ],
)
def test_lakh_groups_are_two_digits_before_the_last_three(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Exports rose to HK $10 billion.", [("HK $10 billion", 10_000_000_000, "HKD")]),
        ("The dairy group raised NZ $3 million.", [("NZ $3 million", 3_000_000, "NZD")]),
        ("Taipei budgeted NT $5 billion for rail.", [("NT $5 billion", 5_000_000_000, "TWD")]),
        ("A $5 million grant was approved.", [("$5 million", 5_000_000, "USD")]),
    ],
)
def test_a_dollar_prefix_spaced_from_its_sign(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Yields rose one and a half percent.", [("percentage", "one and a half percent", 1.5)]),
        ("Yields rose one and a quarter percentage points.", [("percentage", "one and a quarter percentage points", 1.25)]),
        ("The index rose two and a quarter points.", [("number", "two and a quarter", 2.25)]),
        ("It rose 25 basis points, and a quarter point more is due.", [("percentage", "25 basis points", 0.25), ("percentage", "a quarter point", 0.25)]),
    ],
)
def test_a_share_of_a_point_after_a_whole_number_and_and_is_part_of_it(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Donations fell by a third in 2023.", [("number", "a third", 0.333333333)]),
        ("Water demand rose by a quarter last weekend.", [("number", "a quarter", 0.25)]),
        ("Cod catches fell by roughly a fifth over the decade.", [("number", "a fifth", 0.2)]),
        ("Fares were cut by a quarter to $5.", [("number", "a quarter", 0.25), ("money", "$5", 5)]),
    ],
)
def test_by_a_third_before_a_preposition_or_a_time_is_a_fraction(sentence, expected):
    facts = list(numbers.extract(Document(sentence), {})) + list(money.extract(Document(sentence), {"default_dollar": "USD"}))
    assert sorted((f.type, f.text, f.value.get("value", f.value.get("amount"))) for f in facts) == sorted(expected)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("She was elected by a third vote of the board.", [("number", "third", 3)]),
        ("The motion was backed by a fifth member state.", [("number", "fifth", 5)]),
    ],
)
def test_by_a_third_before_a_noun_is_an_ordinal(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Shares closed up 3.1% at 71,400 won.", [("71,400 won", 71_400, "KRW")]),
        ("A meal costs 12,000 rand in Cape Town.", [("12,000 rand", 12_000, "ZAR")]),
        ("A bowl of pho is 50,000 dong in Hanoi.", [("50,000 dong", 50_000, "VND")]),
        ("Some 1,200 won seats and 3,000 won the lottery.", []),
        ("The team has 20 won and 5 lost.", []),
    ],
)
def test_won_rand_dong_after_thousands_are_money(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Jakarta will spend Rp 5 trillion on toll roads.", [("Rp 5 trillion", 5_000_000_000_000, "IDR")]),
        ("Petronas paid RM5 million in dividends.", [("RM5 million", 5_000_000, "MYR")]),
        ("The Dubai developer sold a villa for Dh5 million.", [("Dh5 million", 5_000_000, "AED")]),
        ("In Rabat, the ministry paid Dh5 million.", [("Dh5 million", 5_000_000, "MAD")]),
        ("Nairobi set aside Ksh5 billion for water.", [("Ksh5 billion", 5_000_000_000, "KES")]),
        ("Kampala approved Sh5 billion for roads.", [("Sh5 billion", 5_000_000_000, "UGX")]),
        ("Accra budgeted GH¢5 million for clinics.", [("GH¢5 million", 5_000_000, "GHS")]),
        ("Dhaka allocated Tk 5,000 crore to rail.", [("Tk 5,000 crore", 50_000_000_000, "BDT")]),
        ("Cairo raised E£5 billion in bonds.", [("E£5 billion", 5_000_000_000, "EGP")]),
    ],
)
def test_the_prefixes_of_national_english_language_papers(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Eskom needs R5bn from the Treasury.", [("R5bn", 5_000_000_000, "ZAR")]),
        ("The city spent R300 million, or R1.2 billion in all.", [("R300 million", 300_000_000, "ZAR"), ("R1.2 billion", 1_200_000_000, "ZAR")]),
        ("Lagos spent N2.5bn on drainage.", [("N2.5bn", 2_500_000_000, "NGN")]),
        ("Manila allotted P5 billion for schools.", [("P5 billion", 5_000_000_000, "PHP")]),
        ("Riyadh approved SR5 billion for housing.", [("SR5 billion", 5_000_000_000, "SAR")]),
        ("Doha pledged QR 2.5bn to the fund.", [("QR 2.5bn", 2_500_000_000, "QAR")]),
        ("Kuwait paid KD 300 million in subsidies.", [("KD 300 million", 300_000_000, "KWD")]),
        ("Eskom wants R 300 million more.", [("R 300 million", 300_000_000, "ZAR")]),
    ],
)
def test_a_short_capital_prefix_with_a_scale(sentence, expected):
    assert money_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Traffic backed up on the R21 highway.",
        "Officials handed out 100 million N95 masks.",
        "The P5 nations met in Geneva.",
        "He paid R500 for the permit.",
        "The ANR5bn code was flagged.",
        "Traffic stalled on SR 520 near the bridge.",
        "A pilot flew the SR-71 in 1990.",
    ],
)
def test_a_short_capital_without_a_scale_is_no_currency(sentence):
    assert money_of(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Economists see a 5-to-6 percent gain.", [("percentage", "5-to-6 percent", 5)]),
        ("It is a 10-to-15-minute drive.", [("number", "10-to-15", 10)]),
        ("The court ruled 5-to-4 on Friday.", [("number", "5", 5), ("number", "4", 4)]),
        ("By a 2-to-1 vote, the panel agreed.", [("number", "2", 2), ("number", "1", 1)]),
        ("The F-35 and the B-52 flew.", []),
    ],
)
def test_a_hyphenated_to_pair(sentence, expected):
    assert numbers_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The chipmaker trades at 15x earnings.", [("15x", 15)]),
        ("The fund promised a 3x return and 1.5X leverage.", [("3x", 3), ("1.5X", 1.5)]),
    ],
)
def test_an_x_glued_to_digits_is_a_multiplier(sentence, expected):
    facts = numbers.extract(Document(sentence), {})
    assert [(f.text, f.value["value"]) for f in facts] == expected
    assert all(f.value["kind"] == "multiplier" for f in facts)


@pytest.mark.parametrize(
    "sentence",
    ["He drove a 4x4 truck.", "The screen is 1080x1920 pixels.", "The Windows 10X launch slipped.", "It sold 3x-leveraged notes."],
)
def test_an_x_between_digits_or_in_a_name_is_no_multiplier(sentence):
    assert numbers_of(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Unemployment rose two-tenths of a percentage point.", ("two-tenths of a percentage point", 0.2, "percentage_point")),
        ("GDP grew a tenth of a percentage point.", ("a tenth of a percentage point", 0.1, "percentage_point")),
        ("Prices rose three tenths of a point.", ("three tenths of a point", 0.3, "percentage_point")),
        ("Yields fell one-tenth of a percent.", ("one-tenth of a percent", 0.1, "percent")),
    ],
)
def test_tenths_of_a_point_are_a_percentage(sentence, expected):
    [fact] = numbers.extract(Document(sentence), {})
    assert (fact.type, (fact.text, fact.value["value"], fact.value["unit"])) == ("percentage", expected)


def test_tenths_of_anything_else_are_a_fraction():
    assert numbers_of("He ran two tenths of a mile, and nine-tenths of voters agreed.") == [
        ("number", "two tenths", 0.2), ("number", "nine-tenths", 0.9)
    ]


def test_several_shares_of_a_point_in_one_sentence_are_each_one_fact():
    sentence = "Rates rose a quarter point, or half a percentage point in all, after one and a half percent."
    assert numbers_of(sentence) == [
        ("percentage", "a quarter point", 0.25), ("percentage", "half a percentage point", 0.5), ("percentage", "one and a half percent", 1.5)
    ]


HOSTILE = {
    "leading points": " .5 $.5 (.5 " * 3_000,
    "ratios": "one out of every five in every 3 out of " * 1_500,
    "folds": "3-fold three-fold-fold 2.5-folds " * 2_000,
    "shares of a percent": "half a quarter of a per cent a half-percent " * 1_200,
    "shares of a scale": "a half-million a quarter million a half-" * 1_500,
    "grand": "5 grand $5 grand 5 grandsons 5 grand. " * 1_200,
    "scale ordinals": "one hundredth a millionth of two thousandth " * 1_200,
    "trillions": "$1.9T 5T $5Tn T$5T " * 3_000,
    "suspended hyphens": "10- to 15- to 20- to " * 2_000,
    "hyphenated to": "5-to-6-to-7-to-" * 3_000,
    "times": "3x 4x4 1.5X " * 4_000,
    "tenths of a point": "two-tenths of a a tenth point nine tenths " * 1_200,
    "lakh groups": "1,25,00,00," * 4_000,
    "wholes and shares": "one and a half percent 5 and a quarter point " * 1_000,
    "shares of a change": "fell by roughly a fifth in by a third " * 1_200,
    "won after thousands": "1,200 won 3,000 won the 5,000 rand " * 1_200,
    "national prefixes": "Rp5 RM 5 Dh5 Ksh GH¢5 Tk E£5 " * 1_500,
    "short capitals": "R5bn N5 P5 billion R21 SR 5 KD 5bn QR-5 " * 1_200,
}


def _scan(document, config):
    return scanner.find_quantities(document.text, "USD")


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_the_new_forms_run_in_linear_time(hostile, time_growth):
    """Four times the hostile text takes about four times as long (quadratic work would take ~16)."""
    gc.disable()
    try:
        assert time_growth(_scan, hostile) < 9
    finally:
        gc.enable()


def test_a_sign_opening_a_leading_point_amount_is_not_the_sign_after_the_number_before():
    sentence = "Tickets went from 3 $.75 coupons to 1,200$.40 vouchers."
    facts = money.extract(Document(sentence), {}) + numbers.extract(Document(sentence), {})
    spans = sorted((f.start, f.end, f.text) for f in facts)
    assert [text for _, _, text in spans] == ["3", "$.75", "1,200", "$.40"]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_a_sign_after_an_amount_then_a_dash_is_a_range_not_a_negative_amount():
    facts = money.extract(Document("Rooms cost 45€-50€ a night, cabs 10$-20$."), {})
    assert [(f.text, f.value["amount"], f.value.get("low"), f.value.get("high")) for f in facts] == [
        ("45€-50€", 45, 45, 50),
        ("10$-20$", 10, 10, 20),
    ]
