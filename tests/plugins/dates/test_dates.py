"""The ``dates`` extractor: realistic sentences with a dateline, the reference article, properties."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import factcards
from factcards import Document
from factcards_plugins.dates.plugin import extract

DATELINE = "2022-02-15T12:57"  # a Tuesday


def dates_in(text, published=DATELINE, **config):
    document = Document(text, published=published)
    document.segment()
    return extract(document, {"day_first": False, **config})


def only(text, published=DATELINE, types=("date", "time"), **config):
    facts = [fact for fact in dates_in(text, published, **config) if fact.type in types]
    assert len(facts) == 1, [(f.text, f.value) for f in facts]
    return facts[0]


@pytest.mark.parametrize(
    "sentence, span, iso",
    [
        ("Russia held the door open on Monday to further talks.", "Monday", "2022-02-14"),
        ("The appeal will be considered and voted on Tuesday.", "Tuesday", "2022-02-15"),
        ("On Tuesday, Scholz is scheduled to fly to Moscow.", "Tuesday", "2022-02-15"),
        ("The talks are scheduled to resume on Thursday.", "Thursday", "2022-02-17"),
        ("Officials met on Thursday to prepare the summit.", "Thursday", "2022-02-10"),
        ("The minister said on Friday that talks will continue.", "Friday", "2022-02-11"),
        ("He will travel to Paris next Tuesday.", "next Tuesday", "2022-02-22"),
        ("The strike began last Tuesday.", "last Tuesday", "2022-02-08"),
        ("In December 2021, Russia sent a draft agreement.", "December 2021", "2021-12"),
        ("They responded on January 26.", "January 26", "2022-01-26"),
        ("They tell us February 16 will be the day of the attack.", "February 16", "2022-02-16"),
        ("Kyiv, Ukraine, February 12, 2022. /CFP", "February 12, 2022", "2022-02-12"),
        ("The deal was signed on 12 February 2022 in Minsk.", "12 February 2022", "2022-02-12"),
        ("Shares slid on Feb. 3 after the report.", "Feb. 3", "2022-02-03"),
        ("The data, released 2022-02-10, showed growth.", "2022-02-10", "2022-02-10"),
        ("Elections will be held in November.", "November", "2022-11"),
        ("Prices rose sharply in November.", "November", "2021-11"),
        ("The summit is planned for May.", "May", "2022-05"),
        ("Inflation peaked in 2021, the bank said.", "2021", "2021"),
        ("Profit rose in the third quarter of 2021.", "third quarter of 2021", "2021-Q3"),
        ("The company expects growth in Q3 2022.", "Q3 2022", "2022-Q3"),
        ("Turnout fell last summer.", "last summer", "2021-SU"),
        ("The rules change next week.", "next week", "2022-W08"),
        ("Talks collapsed a year ago.", "a year ago", "2021"),
        ("Two days ago the army pulled back.", "Two days ago", "2022-02-13"),
        ("Talks resumed earlier this month.", "earlier this month", "2022-02"),
        ("The minister resigned yesterday.", "yesterday", "2022-02-14"),
        ("Growth slowed in the 1990s.", "1990s", "199X"),
        ("Output grew from 2019 to 2021.", "from 2019 to 2021", "2019/2021"),
        ("The fair runs Feb 14-16 in Berlin.", "Feb 14-16", "2022-02-14/2022-02-16"),
        ("The office is closed between Monday and Wednesday.", "between Monday and Wednesday", "2022-02-14/2022-02-16"),
        ("The festival runs June-August in Vienna.", "June-August", "2022-06/2022-08"),
        ("The ski season runs November – February.", "November – February", "2021-11/2022-02"),
        ("The next ski season will run November-February.", "November-February", "2022-11/2023-02"),
        ("Voting runs until Friday in most regions.", "Friday", "2022-02-18"),
        ("The road was closed until Friday.", "Friday", "2022-02-11"),
        ("The office has extended its heat warning until Friday.", "Friday", "2022-02-18"),
        ("Early voting ends Friday in most counties.", "Friday", "2022-02-18"),
        ("The champion meets a qualifier on Thursday.", "Thursday", "2022-02-17"),
        ("Early voting ended Friday in most counties.", "Friday", "2022-02-11"),
        ("The ban would begin on Friday and last 30 days.", "Friday", "2022-02-18"),
        ("The firm last cut its outlook on Friday.", "Friday", "2022-02-11"),
        ("Rates stay high from November to January, the bank said.", "from November to January", "2021-11/2022-01"),
        # the verb before the expression governs it, not a later one in the same clause
        ("A co-defendant pleaded guilty in August and is due to be sentenced.", "August", "2021-08"),
        ("The premier told lawmakers on Monday the reform would take effect.", "Monday", "2022-02-14"),
        ("He will be confirmed as manager on Friday, weeks after he was asked to step in.", "Friday", "2022-02-18"),
        ("He left the club last September.", "last September", "2021-09"),
        ("The rally is planned for next May.", "next May", "2022-05"),
        ("The heat followed the wettest May on record.", "May", "2021-05"),
        ("Forecasters expect a drier August.", "August", "2022-08"),
        ("A memorial is planned for the autumn.", "autumn", "2022-FA"),
        ("The restrictions could last into the summer.", "summer", "2022-SU"),
        ("Turnout beat the total for the entire 2016 election.", "2016", "2016"),
        ("Margins will shrink in the second half, the retailer said.", "second half", "2022-H2"),
        ("Theresa May, speaking in December, warned against it.", "December", "2021-12"),
        ("Sales grew faster than expected in the fourth quarter.", "fourth quarter", "2021-Q4"),
        ("Talks continued over the weekend.", "weekend", "2022-W06-WE"),
        ("The driver, seen in court on Friday, is accused of fraud.", "Friday", "2022-02-11"),
        ("Stocks had their worst week since October.", "October", "2021-10"),
        ("Output is up 5% since May.", "May", "2021-05"),  # "is" alone would point to the coming May
        ("He was elected to parliament in May.", "May", "2021-05"),
        ("Executives said that October was on track to be busier.", "October", "2021-10"),
        ("Negotiators agreed on Thursday to resume talks.", "Thursday", "2022-02-10"),
        ("The museum honours the painter, who died in December.", "December", "2021-12"),
        ("Weak demand will weigh on the first quarter.", "first quarter", "2022-Q1"),
        ("The deal would have to be approved by the end of the year.", "end of the year", "2022"),
        ("The fair runs from Thursday, March 3, to Sunday, March 6, in Basel.", "from Thursday, March 3, to Sunday, March 6", "2022-03-03/2022-03-06"),
        ("The final is on the weekend of March 5.", "March 5", "2022-03-05"),
        ("The store, which has seven branches, was closed until Friday.", "Friday", "2022-02-11"),
        ("The bank said profits rose in the second half.", "second half", "2021-H2"),
        ("Its shares scored strong gains in the second half.", "second half", "2021-H2"),  # business beats a game word
        ("On Monday, gusts of up to 45 mph pushed the fire east.", "Monday", "2022-02-14"),  # "up to" is no modal
        ("Police arrested 1,200 people on Monday and will charge them.", "Monday", "2022-02-14"),  # "1,200" cuts no clause
        ("China's growth rebounds in the second quarter.", "second quarter", "2022-Q2"),
        ("It grew by 20,000 acres between Tuesday and Thursday as winds pushed it east.", "between Tuesday and Thursday", "2022-02-08/2022-02-10"),
        ("January's figure was revised down.", "January", "2022-01"),
        ("Developers at this week's conference cheered.", "this week", "2022-W07"),
        ("Temperatures could reach 36C on Thursday.", "Thursday", "2022-02-17"),
        ("He could not attend the hearing on Thursday.", "Thursday", "2022-02-10"),
        ("The insurer must file its plan by Thursday, the judge said.", "Thursday", "2022-02-17"),  # an obligation is ahead
        ("The insurer must have filed its plan on Thursday, the judge said.", "Thursday", "2022-02-10"),
        ("Emissions must halve by the end of the decade, the report said.", "end of the decade", "202X"),
        ("The levy stays in force until the end of the decade.", "end of the decade", "202X"),
        ("Airmail began as early as 1911 in the US.", "1911", "1911"),
        ("It followed a 2001 marriage to a diplomat.", "2001", "2001"),
        ("He voiced a bear in the feature (2003), his last role.", "2003", "2003"),
        ("Some books date back to the 17th century.", "17th century", "16XX"),
        ("Life changed in the twenty-first century.", "twenty-first century", "20XX"),
        # an infinitive after a past verb has its own time: the nearest reading
        ("The judge ordered both sides to file their lists by May 1.", "May 1", "2022-05-01"),
        ("She returned to work in May.", "May", "2021-05"),
        # a scheduled-present verb as an infinitive under a past verb is no cue of its own
        ("Shortages made it hard for the plant to meet orders well into the summer.", "summer", "2021-SU"),
        ("He flew to Geneva to meet the envoy on Friday.", "Friday", "2022-02-11"),
        ("The two leaders plan to meet on Friday.", "Friday", "2022-02-18"),
        ("Protests are planned for the weekend.", "weekend", "2022-W07-WE"),
    ],
)
def test_dates_in_realistic_sentences(sentence, span, iso):
    fact = only(sentence)
    assert (fact.type, fact.text, fact.value["value"]) == ("date", span, iso)
    assert sentence[fact.start : fact.end] == span


@pytest.mark.parametrize(
    "sentence, span, iso, zone",
    [
        ("The vote starts at 3 p.m. local time.", "3 p.m. local time", "15:00", "local time"),
        ("Markets opened at 0900 GMT.", "0900 GMT", "09:00", "GMT"),
        ("The blast happened at 9:30am.", "9:30am", "09:30", None),
        ("Polls close at 20:00 CET.", "20:00 CET", "20:00", "CET"),
        ("The next forecast is due at 1600 BST.", "1600 BST", "16:00", "BST"),
        ("The jobs report is due at 8:30 a.m. Eastern.", "8:30 a.m. Eastern", "08:30", "Eastern"),
        ("They met at 5 p.m. Central Park time.", "5 p.m.", "17:00", None),
        ("The speech is set for 12:57.", "12:57", "12:57", None),
    ],
)
def test_times_of_day(sentence, span, iso, zone):
    fact = only(sentence)
    assert (fact.type, fact.text, fact.value["value"], fact.value["zone"]) == ("time", span, iso, zone)


@pytest.mark.parametrize(
    "sentence",
    [
        "About 2,021 people attended.",
        "The painting sold for $2021.",
        "Theresa May met the president.",
        "The Sunday Times reported the story.",
        "Prices may fall, analysts said.",
        "The army deployed 2000 troops.",
        "00:39",
        "The May government fell.",
        "Prices were blamed for the fall in demand.",
        "Spain pressed in the second half for a 2-0 success.",
        "He scored twice in the third quarter.",
        "He hopes to be in the first half of the runners.",
        "About (1500) people came.",
        "NEW YORK, March 6 (Reuters) - Stocks fell.",
        "Critics of the former May government said so.",
        "This March Madness tournament drew crowds.",
        "April's husband said she was fine.",
        "He said June was a nurse.",
        "Shares suffered a bigger fall than expected.",
        "Police recorded some 1900 attacks on the network.",
        "Two players were sent off in the second half.",
        "By the end of the week he had quit.",
        "They sent his 2500 men home.",
    ],
)
def test_not_dates(sentence):
    assert dates_in(sentence) == []


def test_bare_video_duration_on_its_own_line_is_not_a_time():
    text = "He spoke to the nation.\n00:39\nThe vote is at 15:30."
    assert [f.text for f in dates_in(text)] == ["15:30"]


def test_day_first_is_configurable():
    assert only("The order is dated 12/02/2022.").value["value"] == "2022-12-02"
    assert only("The order is dated 12/02/2022.", day_first=True).value["value"] == "2022-02-12"
    assert only("The order is dated 25/02/2022.").value["value"] == "2022-02-25"


def test_without_a_dateline_relative_dates_come_out_unresolved():
    fact = only("The talks resumed on Monday.", published=None)
    assert fact.value["value"] is None and fact.value["anchor"] is None
    assert fact.value["pattern"] == "XXXX-WXX-1" and fact.confidence < 0.5
    absolute = only("The talks resumed on February 14, 2022.", published=None)
    assert absolute.value["value"] == "2022-02-14" and absolute.confidence > 0.9


def test_relative_values_name_their_anchor_and_resolution():
    fact = only("Talks resumed on Monday.")
    assert fact.value["resolution"] == "relative" and fact.value["anchor"] == "2022-02-15"
    assert only("Talks resumed on January 26.").value["resolution"] == "year_inferred"
    assert only("Talks resumed on January 26, 2022.").value["anchor"] is None


def test_reference_article_has_exactly_the_expected_dates(lead_card):
    got = [(f.text, f.value["value"]) for f in lead_card.facts if f.type in ("date", "time")]
    monday, tuesday = ("Monday", "2022-02-14"), ("Tuesday", "2022-02-15")
    february_14 = ("February 14, 2022", "2022-02-14")
    expected = (
        [monday, ("December 2021", "2021-12"), ("January 26", "2022-01-26"), ("February 12, 2022", "2022-02-12")]
        + [monday] * 3
        + [tuesday, monday, ("February 16", "2022-02-16"), ("February 16", "2022-02-16"), monday, tuesday, february_14]
        + [monday] * 3
        + [february_14]
    )
    assert got == expected
    assert all(f.extractor == "dates" for f in lead_card.facts if f.type in ("date", "time"))


def test_reference_card_validates_with_the_date_schema(sample_path):
    card = factcards.make_card(sample_path, summarizer="lead", extractors=["dates"])
    assert card.facts_of("time") == [] and len(card.facts_of("date")) == 18


_NEWSY = st.lists(
    st.sampled_from(list("0123456789 ,.-/:$%'\n") + ["Monday", "May", "February", " 2021", " a.m.", " GMT", "last ", "week", "ago", " Q3", "summer", "from ", " to ", "between ", " and ",
                                                      "x", " days", " hours", "two", "year", "nearly ", "past ", " earlier", "the ", "quarter", "Christmas"]),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), _NEWSY), st.sampled_from([DATELINE, "2020-02-29", None]))
@example("x-48 hours, mid-16 weeks", DATELINE)
@example("the same day. A year earlier, the past two quarters", None)
def test_any_text_gives_grounded_deterministic_facts(text, published):
    first = dates_in(text, published)
    for fact in first:
        assert text[fact.start : fact.end] == fact.text
    assert [(f.start, f.end, f.value) for f in dates_in(text, published)] == [(f.start, f.end, f.value) for f in first]


@pytest.mark.parametrize(
    "sentence, value",
    [("Profits fell in the last quarter of 2021.", "2021-Q4"), ("Sales rose in the last half of 2021.", "2021-H2")],
)
def test_last_quarter_and_half_of_a_year(sentence, value):
    card = factcards.make_card(sentence, summarizer="lead", published="2022-02-15", extractors=["dates"])
    assert [f.value["value"] for f in card.facts] == [value]
    assert not card.diagnostics


_DATE_WORDS = st.lists(
    st.sampled_from(
        ["May ", "Sept. ", "December ", "Dec ", "Wednesday, ", "Tue ", "the ", "of ", "31st ", "2nd ", "5", "16 ", " - ",
         "-", " through ", "2021 ", "2019-20 ", "1990s ", "days ago ", "this week ", "Earlier ", "the day before yesterday ",
         "Today ", "last night ", "next ", "a couple of ", "third quarter ", "Q3 ", "mid-", "winter ", "noon ", "12:30 ",
         "9.30 p.m. ", "0900 GMT ", "15-Feb-2022 ", "15/02/2022 ", ", ", ".\n", "said ",
         # durations, references, holidays, years in words
         "two", "seventy-seven ", "thousand ", "and a half ", "weeks ", "-year ", "hours", " more ", "a few ", "1,000 ",
         "2 1/2 ", "day-long ", "year-ago ", "quarter ", "period ", "earlier ", "following ", "that ", "same ",
         "nineteen ", "ninety-six ", "nineties ", "Thanksgiving ", "Day ", "year two thousand ", "Election "]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_DATE_WORDS)
@example("Talks resume next Wednesday, May 5, and end Wednesday, 16 through 31st of May 2021.")
@example("Earlier this week, a couple of days ago, mid-winter 2019-20, in mid-2021, the third quarter of 2021 at 9.30 p.m.")
def test_trigger_scan_finds_what_a_full_scan_finds(text):
    from factcards_plugins.dates import patterns
    for pattern, (trigger, lead) in patterns.TRIGGERS.items():
        assert [m.span() for m in patterns.scan(pattern, trigger, lead, text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "published, sentence, value",
    [
        ("2022-02-15", "Turnout fell last summer.", "2021-SU"),
        ("2023-09-18", "The bill, first introduced last spring, failed.", "2023-SP"),
        ("2024-07-25", "Sales were weak last summer.", "2023-SU"),
        ("2022-02-15", "Heating bills soared last winter.", "2020-WI"),
        ("2024-10-09", "Heating bills soared last winter.", "2023-WI"),
    ],
)
def test_last_season_is_the_latest_one_over_by_the_dateline(published, sentence, value):
    assert only(sentence, published).value["value"] == value


def test_a_quarter_or_half_holding_the_dateline_is_that_one():
    """In May, "will weigh on the first half" is this year's, not the next one the future tense would pick."""
    assert only("Weak demand will weigh on the first half.", "2022-05-10").value["value"] == "2022-H1"


def test_last_before_a_possessive_is_no_past_cue():
    """"last year's members" says nothing of the clause's tense; "are open" points ahead."""
    values = {fact.text: fact.value["value"] for fact in dates_in("Tickets are open to last year's members from Thursday.")}
    assert values == {"last year": "2021", "Thursday": "2022-02-17"}


def test_a_headlines_infinitive_points_ahead():
    text = "Heat to peak on Thursday as forecasters warn of records\n\nThe decision to close schools on Monday was made late."
    document = Document(text, published=DATELINE)
    document.mark(0, text.index("\n"), "title")
    document.segment()
    values = {fact.text: fact.value["value"] for fact in extract(document, {})}
    assert values == {"Thursday": "2022-02-17", "Monday": "2022-02-14"}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Revenue rose in Q3 FY2024, the company said.", "Q3 FY2024", "2024-Q3"),
        ("Profit fell in the third quarter of fiscal 2023.", "third quarter of fiscal 2023", "2023-Q3"),
        ("Sales grew in Q4 FY23.", "Q4 FY23", "2023-Q4"),
        # A fiscal quarter without its fiscal year cannot be placed on the calendar.
        ("Inventories rose 44% in the fiscal first quarter.", "first quarter", None),
        ("The budget for fiscal 2024 was approved.", "2024", "2024"),
        ("Revenue for FY2024 beat the forecast.", "FY2024", "2024"),
        ("Revenue for FY99 was restated.", "FY99", "1999"),
        ("The company cut its FY2024-25 guidance.", "FY2024-25", "2024/2025"),
        ("Profit rose in the final quarter of fiscal 2023.", "final quarter of fiscal 2023", "2023-Q4"),
    ],
)
def test_fiscal_periods_keep_their_fiscal_year(sentence, span, value):
    card = factcards.make_card(sentence, summarizer="lead", published="2022-09-30", extractors=["dates"])
    assert not card.diagnostics
    [fact] = card.facts
    assert (fact.text, fact.value["value"], fact.value["modifier"]) == (span, value, "fiscal")



_LOOK_ALIKES = str.maketrans({"i": "\u0131", "s": "\u017f", "k": "\u212a", "I": "\u0130", "K": "\u212a", "S": "\u017f"})


@pytest.mark.parametrize(
    "phrase",
    ["the nineteenth century", "seven days ago", "six weeks from now", "a couple of years ago", "several months ago",
     "Six days ago", "in the twenty-first century", "last week", "this morning", "since the spring", "Q3 FY2024",
     "in the first half of the year", "at 3 p.m. local time", "in May", "on Monday", "early this month"],
)
def test_letters_a_case_blind_pattern_reads_as_ascii_never_raise(phrase):
    """ı, ſ, İ and the Kelvin sign match i, s, k in case-blind patterns; a lookup must not fail on them."""
    text = f"Officials said {phrase.translate(_LOOK_ALIKES)} that the talks on Tuesday would go on."
    for fact in dates_in(text):
        assert text[fact.start : fact.end] == fact.text


HOSTILE = {
    "weekdays and times in one endless sentence": "Monday 12:30 p.m. " * 4_000,
    "month names": "May June July " * 5_000,
    "digits and dashes": "12-" * 25_000,
    "past and future cues around weekdays": "was will Friday said would Monday " * 2_000,
}


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_runs_in_linear_time(hostile, time_growth):
    """Four times the hostile text takes about four times as long (quadratic work would take ~16)."""
    assert time_growth(extract, hostile) < 9
