"""Forms of dates and times that other date parsers' test suites cover and news English uses: days
of the month in words, clock times in words and with a part of the day, parts of a day told
against a day named before."""

import pytest

from factcards import Document
from factcards_plugins.dates.plugin import extract

DATELINE = "2021-03-10T12:00"


def found(text, published=DATELINE):
    document = Document(text, published=published)
    document.segment()
    return extract(document, {})


def facts(text, published=DATELINE):
    return {fact.text: (fact.type, fact.value.get("value")) for fact in found(text, published)}


def with_key(text, key):
    """Each fact's span, value and ``key`` of its value."""
    return [(fact.text, fact.value["value"], fact.value.get(key)) for fact in found(text)]


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The vote was held on the third of March.", "third of March", "2021-03-03"),
        ("Talks resume on the twenty-first of April.", "twenty-first of April", "2021-04-21"),
        ("Talks resume on the twenty first of April.", "twenty first of April", "2021-04-21"),
        ("Voters go to the polls on March thirtieth.", "March thirtieth", "2021-03-30"),
        ("She was born on the fourth of July, 1976.", "fourth of July, 1976", "1976-07-04"),
        ("The fund met on Friday, April second.", "Friday, April second", "2021-04-02"),
    ],
)
def test_a_day_of_the_month_in_words(sentence, span, value):
    assert facts(sentence) == {span: ("date", value)}


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the first May without rain.",
        "Theresa May first won a seat in Maidenhead.",
        "The second of three March rallies drew crowds.",
        "A third of March output went abroad.",
        "The thirty-first of the candidates withdrew.",
    ],
)
def test_an_ordinal_beside_a_month_name_that_is_no_day(sentence):
    assert not [value for kind, value in facts(sentence).values() if value and len(value) == 10]


def test_a_day_in_words_that_no_month_holds_is_no_day():
    assert facts("Talks resume on the thirtieth of February.") == {"February": ("date", "2021-02")}


@pytest.mark.parametrize(
    "hostile",
    ["the twenty-first of " * 5_000, "May twenty first of May " * 4_000, "third of March third of " * 4_000],
)
def test_days_in_words_run_in_linear_time(hostile, time_growth):
    assert time_growth(extract, hostile) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The attack came at 4:30 in the afternoon.", "4:30 in the afternoon", "16:30"),
        ("Rebels struck at 12:30 in the morning.", "12:30 in the morning", "00:30"),
        ("The ceremony begins at ten o'clock.", "ten o'clock", "10:00"),
        ("The blast came at 10 o'clock.", "10 o'clock", "10:00"),
        ("Polls close at eight in the evening.", "eight in the evening", "20:00"),
        ("The raid began at two in the morning.", "two in the morning", "02:00"),
        ("Guards changed at eleven at night.", "eleven at night", "23:00"),
    ],
)
def test_a_clock_time_with_its_half_of_the_day(sentence, span, value):
    assert facts(sentence) == {span: ("time", value)}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("He spoke at 10 o'clock Saturday night.", "10 o'clock Saturday night", "2021-03-06T22:00"),
        ("Shots rang out at 10:30 Saturday night.", "10:30 Saturday night", "2021-03-06T22:30"),
        ("Shots rang out at 2:30 Saturday night.", "2:30 Saturday night", "2021-03-06T02:30"),
        ("The bar shut at 12 o'clock Saturday night.", "12 o'clock Saturday night", "2021-03-06T24:00"),
        ("The bar shut at twelve o'clock Saturday night.", "twelve o'clock Saturday night", "2021-03-06T24:00"),
        ("The bar opened at twelve o'clock Saturday afternoon.", "twelve o'clock Saturday afternoon", "2021-03-06T12:00"),
        ("The talks ended Friday evening at 7:15.", "Friday evening at 7:15", "2021-03-05T19:15"),
        ("Trading opened at 9 in the morning on Monday.", "9 in the morning on Monday", "2021-03-08T09:00"),
    ],
)
def test_a_clock_time_takes_the_half_of_the_day_its_day_names(sentence, span, value):
    assert facts(sentence) == {span: ("time", value)}


@pytest.mark.parametrize(
    "sentence",
    ["He won one in the evening session.", "The team scored two in the afternoon.", "The clock stopped at dawn."],
)
def test_a_number_before_a_half_of_the_day_is_no_time(sentence):
    assert facts(sentence) == {}


@pytest.mark.parametrize(
    "hostile",
    ["at ten o'clock in the morning at night " * 3_000, "4:30 in the afternoon 10 o'clock " * 3_000, "1 2 3 in the morning " * 4_000],
)
def test_clock_times_run_in_linear_time(hostile, time_growth):
    assert time_growth(extract, hostile) < 9


def parts_of_days(text):
    return {fact.text: (fact.value.get("value"), fact.value.get("part_of_day"), fact.value.get("resolution"))
            for fact in found(text) if fact.value.get("resolution") == "anaphoric"}


@pytest.mark.parametrize(
    "text, span, value, part",
    [
        ("Troops entered the town on Saturday. Later that evening, police arrived.", "that evening", "2021-03-06", "evening"),
        ("Fighting broke out on Monday and resumed that night.", "that night", "2021-03-08", "night"),
        ("Rebels attacked on March 3. The following morning, the army withdrew.", "following morning", "2021-03-04", "morning"),
        ("The ship docked on Feb. 5. Next morning the crew left.", "Next morning", "2021-02-06", "morning"),
        ("The summit opened on Tuesday. On the previous evening, he had spoken.", "previous evening", "2021-03-08", "evening"),
        ("The vote was on Thursday, March 4. The night before, rebels shelled the town.", "night before", "2021-03-03", "night"),
        ("He resigned on March 2. The day after, his deputy quit.", "day after", "2021-03-03", None),
    ],
)
def test_a_part_of_a_day_told_against_the_day_before_it(text, span, value, part):
    assert parts_of_days(text) == {span: (value, part, "anaphoric")}


@pytest.mark.parametrize(
    "text",
    [
        "The senator arrived on Monday in that evening gown.",
        "The clubs were busy on Friday and that night life drew tourists.",
        "She recalled the night before Christmas.",
        "The shop opened on Monday. The next day-trip leaves soon.",
    ],
)
def test_a_part_of_a_day_that_names_a_thing_is_no_reference(text):
    assert parts_of_days(text) == {}


def test_parts_of_days_run_in_linear_time(time_growth):
    hostile = "On Monday that night the following morning the night before, " * 2_000
    assert time_growth(extract, hostile) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Heavy rain fell in the first week of May.", "first week of May", "2020-05-01/2020-05-07"),
        ("Talks are set for the last week of June.", "last week of June", "2021-06-24/2021-06-30"),
        ("The strike began on the last day of February.", "last day of February", "2021-02-28"),
        ("The law takes effect on the first day of next month.", "first day of next month", "2021-04-01"),
        ("The rally is set for the second Sunday in May.", "second Sunday in May", "2021-05-09"),
        ("Americans vote on the first Tuesday in November, 2024.", "first Tuesday in November, 2024", "2024-11-05"),
        ("The festival will fill the first weekend of August.", "first weekend of August", "2021-W31-WE"),
    ],
)
def test_a_part_of_a_month_by_its_place(sentence, span, value):
    assert facts(sentence) == {span: ("date", value)}


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("It was his first day of March madness.", {"March": ("date", "2021-03")}),
        ("Last week of all, he quit.", {"Last week": ("date", "2021-W09")}),
    ],
)
def test_a_place_in_a_month_needs_its_article(sentence, kept):
    assert facts(sentence) == kept


def test_a_place_that_the_month_has_not_is_no_day():
    assert "fifth Sunday of February, 2021" not in facts("The fifth Sunday of February, 2021 does not exist.")


@pytest.mark.parametrize("sentence", ["The fifth Monday in February was a holiday.", "He left on the first Monday after the vote."])
def test_a_weekday_after_a_place_that_no_month_holds_is_no_day(sentence):
    assert "Monday" not in facts(sentence)


def test_places_in_months_run_in_linear_time(time_growth):
    hostile = "the first week of the last Sunday in May of next month " * 2_000
    assert time_growth(extract, hostile) < 9


@pytest.mark.parametrize(
    "sentence",
    ["The measures will be reviewed every six months.", "Buses run every 10 minutes.", "Polls are held every other year.",
     "The panel meets every few years."],
)
def test_a_length_after_every_is_a_set_and_left_out(sentence):
    assert facts(sentence) == {}


@pytest.mark.parametrize(
    "sentence, span",
    [("He lost everything in six months.", "six months"), ("Each of the past three years brought losses.", "past three years")],
)
def test_a_length_near_every_or_each_stays(sentence, span):
    assert list(facts(sentence)) == [span]


@pytest.mark.parametrize(
    "sentence, span, kind, value",
    [
        ("The firm posted a loss for the quarter to June 30.", "quarter", "date", "2020-Q2"),
        ("Profit fell in the quarter to Dec. 31, it said.", "quarter", "date", "2020-Q4"),
        ("Exports fell 3 percent in the year to March.", "year", "duration", "P1Y"),
        ("Inflation held at 2 percent in the year to 31 March.", "year", "duration", "P1Y"),
    ],
)
def test_a_period_to_a_day_as_british_business_news_writes_it(sentence, span, kind, value):
    assert facts(sentence)[span] == (kind, value)


@pytest.mark.parametrize(
    "sentence", ["The quarter to March 15 was weak.", "The team moved the game from the year to come."],
)
def test_a_period_to_a_day_that_closes_no_period(sentence):
    assert facts(sentence).get("quarter", ("date", None))[1] is None and "year" not in facts(sentence)


@pytest.mark.parametrize(
    "sentence, span, value, part",
    [
        ("He arrived yesterday afternoon.", "yesterday afternoon", "2021-03-09", "afternoon"),
        ("Yesterday morning, the rebels attacked.", "Yesterday morning", "2021-03-09", "morning"),
        ("The vote is tomorrow night.", "tomorrow night", "2021-03-11", "night"),
        ("Tomorrow's leaders met yesterday evening.", "yesterday evening", "2021-03-09", "evening"),
    ],
)
def test_yesterday_and_tomorrow_keep_their_part_of_the_day(sentence, span, value, part):
    assert with_key(sentence, "part_of_day") == [(span, value, part)]


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The polls are open 3-4 p.m.", "3-4 p.m.", "15:00/16:00"),
        ("The rally runs 3:30-6 p.m.", "3:30-6 p.m.", "15:30/18:00"),
        ("The office is open from 10 to 2 p.m.", "from 10 to 2 p.m.", "10:00/14:00"),
        ("Voting runs between 2 and 4 p.m.", "between 2 and 4 p.m.", "14:00/16:00"),
        ("The hearing was set for 9-11 a.m.", "9-11 a.m.", "09:00/11:00"),
        ("Shops open 9 a.m.-5 p.m.", "9 a.m.-5 p.m.", "09:00/17:00"),
    ],
)
def test_a_range_of_times_takes_its_half_of_the_day_from_its_end(sentence, span, value):
    assert facts(sentence) == {span: ("time", value)}


def test_a_range_of_times_stays_apart_from_its_day():
    assert facts("The polls are open 3-4 p.m. on Monday.") == {"3-4 p.m.": ("time", "15:00/16:00"), "Monday": ("date", "2021-03-15")}


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("The score was 3-4 at 5 p.m.", {"5 p.m.": ("time", "17:00")}),
        ("The Covid-19 briefing starts at 3 p.m.", {"3 p.m.": ("time", "15:00")}),
        ("Flights were cut 20-30 per cent.", {}),
        ("Votes were split 2 to 4 among members.", {}),
    ],
)
def test_numbers_before_a_time_are_no_range(sentence, kept):
    assert facts(sentence) == kept


def test_ranges_of_times_run_in_linear_time(time_growth):
    assert time_growth(extract, "3-4 p.m. 10 to 2 p.m. 1-2-3-4 " * 3_000) < 9


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The deal was signed on the 21st, officials said.", "21st", "2021-02-21"),
        ("The court will rule on the 15th.", "15th", "2021-03-15"),
        ("Prices were cut on the 3rd of this month.", "3rd of this month", "2021-03-03"),
        ("Payments resume by the 5th of next month.", "5th of next month", "2021-04-05"),
        ("In January, sales peaked on the 12th.", "12th", "2021-01-12"),
        ("Troops landed on Feb. 3 and left on the 21st.", "21st", "2021-02-21"),
    ],
)
def test_a_day_of_the_month_alone(text, span, value):
    assert facts(text)[span] == ("date", value)


@pytest.mark.parametrize(
    "sentence",
    ["The case went to the 11th Circuit.", "He finished 21st.", "It was his 3rd.", "On the 25th anniversary, crowds gathered.",
     "Talks stalled for the 3rd time."],
)
def test_an_ordinal_that_is_no_day_of_the_month(sentence):
    assert facts(sentence) == {}


def test_days_of_the_month_run_in_linear_time(time_growth):
    assert time_growth(extract, "on the 21st, by the 3rd of next month. " * 3_000) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Snow fell all through the winter of 1998-99.", "winter of 1998-99", "1998-WI"),
        ("The lake froze in winter 2009/10.", "winter 2009/10", "2009-WI"),
    ],
)
def test_a_winter_across_two_years_is_labelled_by_its_first(sentence, span, value):
    assert facts(sentence) == {span: ("date", value)}


def test_a_season_before_years_that_do_not_follow_is_no_season_of_them():
    assert facts("The summer of 1998-2004 rains changed the valley.").get("summer of 1998-2004") is None


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("He was elected in 2016. The year before, he had lost.", "year before", "2015"),
        ("The team won on Feb. 5. The week before, it had lost.", "week before", "2021-W04"),
        ("The plant shut in June 2019. The month after, workers left.", "month after", "2019-07"),
    ],
)
def test_the_unit_before_or_after_the_last_date(text, span, value):
    assert facts(text)[span] == ("date", value)


def test_the_unit_before_a_clause_is_no_reference():
    assert "year before" not in facts("He was elected in 2016, a year before the war began.")


def day_parts(text, published=DATELINE):
    return {fact.text: (fact.value["value"], fact.value.get("part_of_day"), fact.value.get("modifier"), fact.value["resolution"])
            for fact in found(text, published) if fact.value.get("part_of_day")}


@pytest.mark.parametrize(
    "text, span, value, part, modifier, resolution",
    [
        ("By mid-afternoon the crowd had grown.", "mid-afternoon", "2021-03-10", "afternoon", "mid", "relative"),
        ("In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday", "2021-03-09", "afternoon", "mid",
         "relative"),
        ("Troops entered the town on Saturday. By late afternoon, the streets were empty.", "late afternoon", "2021-03-06",
         "afternoon", "late", "anaphoric"),
        ("Shares rose in early afternoon trading.", "early afternoon", "2021-03-10", "afternoon", "early", "relative"),
        ("The raid came in the early morning on Friday.", "early morning on Friday", "2021-03-05", "morning", "early", "relative"),
    ],
)
def test_a_part_of_a_day_with_its_stage(text, span, value, part, modifier, resolution):
    assert day_parts(text)[span] == (value, part, modifier, resolution)


@pytest.mark.parametrize("text", ["He was a late-evening regular.", "The morning papers came early.", "In the afternoon, he left."])
def test_a_part_of_a_day_without_its_stage_or_as_a_kind_is_left_out(text):
    assert day_parts(text) == {}


def test_a_part_of_a_day_without_a_dateline_is_unresolved():
    assert day_parts("By mid-afternoon the crowd had grown.", published=None) == {
        "mid-afternoon": (None, "afternoon", "mid", "relative")}


def test_parts_of_a_day_run_in_linear_time(time_growth):
    assert time_growth(extract, "by mid-afternoon yesterday late morning on Friday early evening, " * 2_000) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The plant has run for a quarter of a century.", "a quarter of a century", "P25Y"),
        ("The firm has been around for a quarter-century.", "a quarter-century", "P25Y"),
        ("He waited a quarter of an hour.", "a quarter of an hour", "PT15M"),
        ("He spent three quarters of an hour there.", "three quarters of an hour", "PT45M"),
        ("He spent three-quarters of a century abroad.", "three-quarters of a century", "P75Y"),
        ("The journey took one-and-a-half hours.", "one-and-a-half hours", "PT1H30M"),
    ],
)
def test_a_fraction_of_a_unit_is_that_part_of_it(sentence, span, value):
    assert facts(sentence) == {span: ("duration", value)}


@pytest.mark.parametrize("sentence", ["A quarter of the vote went to him.", "Three quarters of the members agreed."])
def test_a_quarter_of_something_else_is_no_length(sentence):
    assert facts(sentence) == {}


def test_fractions_of_units_run_in_linear_time(time_growth):
    assert time_growth(extract, "a quarter of a three-quarters of an one-and-a-half a quarter-" * 2_000) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("This time last year, prices were higher.", "This time last year", "2020-03-10"),
        ("Prices will rise by this time next year.", "this time next year", "2022-03-10"),
        ("This time, last year's champion lost.", "last year", "2020"),
    ],
)
def test_this_time_last_year(sentence, span, value):
    assert facts(sentence) == {span: ("date", value)}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The law was passed in the spring of last year.", "spring of last year", "2020-SP"),
        ("The election will be held in the autumn of next year.", "autumn of next year", "2022-FA"),
        ("The spring of last year was the wettest on record.", "spring of last year", "2020-SP"),
        ("The bridge opened in the late 1800s.", "late 1800s", "18XX"),
        ("The city grew in the early 1900s.", "early 1900s", "19XX"),
        ("The firm grew in the early 2000s.", "early 2000s", "200X"),
    ],
)
def test_a_season_of_a_related_year_and_the_hundreds(sentence, span, value):
    assert facts(sentence) == {span: ("date", value)}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The meeting began at half past nine.", "half past nine", "09:30"),
        ("The train left at quarter to ten.", "quarter to ten", "09:45"),
        ("Shelling began at a quarter past eight in the evening.", "a quarter past eight in the evening", "20:15"),
        ("The attack came at half past 10.", "half past 10", "10:30"),
    ],
)
def test_a_clock_time_told_by_its_quarters(sentence, span, value):
    assert facts(sentence) == {span: ("time", value)}


@pytest.mark.parametrize("sentence", ["Half past the deadline, nothing moved.", "He won a quarter to half the votes."])
def test_a_quarter_or_half_before_no_hour_is_no_time(sentence):
    assert facts(sentence) == {}


def test_quarters_of_hours_run_in_linear_time(time_growth):
    assert time_growth(extract, "at half past a quarter to nine quarter past " * 3_000) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The summit will open on Friday week.", "Friday week", "2021-03-19"),
        ("Talks resume a week on Friday.", "a week on Friday", "2021-03-19"),
        ("The ministers will meet a week from Monday.", "a week from Monday", "2021-03-22"),
        ("He was killed a week ago Sunday.", "a week ago Sunday", "2021-02-28"),
        ("He was arrested the weekend before last.", "weekend before last", "2021-W08-WE"),
        ("Prices fell the week before last.", "week before last", "2021-W08"),
    ],
)
def test_a_weekday_a_week_on_or_back(sentence, span, value):
    assert facts(sentence) == {span: ("date", value)}


@pytest.mark.parametrize(
    "sentence, kept",
    [("The Friday week of protests ended.", {"Friday": ("date", "2021-03-05")}),
     ("He said Monday's week was hard.", {"Monday": ("date", "2021-03-08")}),
     ("A weekend before last orders, he left.", {})],
)
def test_a_weekday_before_week_that_is_no_date_a_week_on(sentence, kept):
    assert facts(sentence) == kept


def test_weekdays_a_week_on_run_in_linear_time(time_growth):
    assert time_growth(extract, "a week from Friday week the weekend before last a week ago " * 2_000) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The firm was founded at the turn of the century.", "turn of the century", "2000"),
        ("The house was built at the turn of the 20th century.", "turn of the 20th century", "1900"),
        ("The town grew at the turn of the nineteenth century.", "turn of the nineteenth century", "1800"),
    ],
)
def test_the_turn_of_a_century(sentence, span, value):
    assert facts(sentence) == {span: ("date", value)}


def test_the_turn_of_the_century_is_the_turn_nearest_the_dateline():
    assert facts("The mill closed at the turn of the century.", "1998-02-27") == {"turn of the century": ("date", "2000")}


def test_a_century_alone_stays_a_length():
    assert facts("The bridge has stood for a century.") == {"a century": ("duration", "P100Y")}


@pytest.mark.parametrize(
    "sentence, span, value, modifier",
    [
        ("He died late yesterday.", "late yesterday", "2021-03-09", "late"),
        ("The fire started early this morning.", "early this morning", "2021-03-10", "early"),
        ("Talks ended late last night.", "late last night", "2021-03-09", "late"),
    ],
)
def test_a_relative_day_keeps_early_or_late(sentence, span, value, modifier):
    assert with_key(sentence, "modifier") == [(span, value, modifier)]


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The rule takes effect two weeks from today.", "two weeks from today", "2021-W12"),
        ("A vote is due a month from today.", "a month from today", "2021-04"),
        ("Five years from today, the plant will close.", "Five years from today", "2026"),
        ("The hearing is set for three days from today.", "three days from today", "2021-03-13"),
        ("The day before yesterday, troops left.", "The day before yesterday", "2021-03-08"),  # at a sentence's start
        ("The day after tomorrow, talks resume.", "The day after tomorrow", "2021-03-12"),
    ],
)
def test_a_count_from_today_is_that_date(sentence, span, value):
    assert facts(sentence)[span] == ("date", value)


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("The bond pays 20 years from today's rates.", {"20 years": ("duration", "P20Y"), "today": ("date", "2021-03-10")}),
        ("The shop is open from today.", {"today": ("date", "2021-03-10")}),
    ],
)
def test_a_count_before_a_possessive_today_stays_a_duration(sentence, kept):
    assert facts(sentence) == kept


def test_counts_from_today_run_in_linear_time(time_growth):
    assert time_growth(extract, "two weeks from today from today weeks from " * 4_000) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The bill goes to a vote the week after next.", "week after next", "2021-W12"),
        ("The fair opens the weekend after next, organizers said.", "weekend after next", "2021-W12-WE"),
        ("Talks resume the week after next and end in April.", "week after next", "2021-W12"),
    ],
)
def test_the_week_after_next_is_two_weeks_on(sentence, span, value):
    assert facts(sentence)[span] == ("date", value)


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("He will go the week after next year's vote.", {"next year": ("date", "2022")}),
        ("He will go the week after next Monday.", {"next Monday": ("date", "2021-03-15")}),
        ("A weekend after next, he left.", {}),
    ],
)
def test_after_next_before_a_date_is_no_week_after_next(sentence, kept):
    assert facts(sentence) == kept


def test_the_week_after_next_runs_in_linear_time(time_growth):
    assert time_growth(extract, "the week after next the weekend after next week after " * 2_000) < 9


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The deal was signed on Wednesday, March 3. The following Monday, talks broke down.", "following Monday", "2021-03-08"),
        ("Police arrested him on March 3. He had bought a gun the previous Friday.", "previous Friday", "2021-02-26"),
        ("He left on Friday, March 5. The following Friday he returned.", "following Friday", "2021-03-12"),
        ("The fire broke out on Feb. 20. Crews had inspected the plant the preceding Tuesday.", "preceding Tuesday", "2021-02-16"),
    ],
)
def test_a_weekday_told_against_the_day_before_it(text, span, value):
    fact = next(fact for fact in found(text) if fact.text == span)
    assert (fact.value["value"], fact.value["resolution"]) == (value, "anaphoric")


@pytest.mark.parametrize(
    "text, kept",
    [
        ("The following Monday, talks broke down.", {"following Monday": ("date", None)}),  # nothing to point to
        ("In March, sales fell. The following Monday, talks broke down.", {"March": ("date", "2021-03"), "following Monday": ("date", None)}),
        ("Talks resume next Friday.", {"next Friday": ("date", "2021-03-12")}),
        ("A previous Friday deal fell through.", {"Friday": ("date", "2021-03-05")}),
    ],
)
def test_a_weekday_with_no_day_before_it_is_not_placed(text, kept):
    assert facts(text) == kept


def test_weekdays_told_against_a_day_run_in_linear_time(time_growth):
    assert time_growth(extract, "on March 3 the following Monday previous Friday preceding " * 2_000) < 9


@pytest.mark.parametrize(
    "sentence",
    ["Shares rose in the last week of trading.", "He spent the last year of his life in Paris.",
     "The last month of the campaign was hard.", "The last decade of the century brought change."],
)
def test_the_last_unit_of_something_is_no_date_before_the_dateline(sentence):
    assert facts(sentence) == {}


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Sales rose in the last week, of course.", "last week", "2021-W09"),
        ("Prices fell last week of all weeks.", "last week", "2021-W09"),
        ("He left in the last week of June.", "last week of June", "2020-06-24/2020-06-30"),
        ("Sales fell in the last quarter of 2020.", "last quarter of 2020", "2020-Q4"),
    ],
)
def test_last_week_without_its_article_and_of_stays_a_date(sentence, span, value):
    assert facts(sentence)[span] == ("date", value)


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The index fell at 14.30 GMT.", "14.30 GMT", "14:30"),
        ("The polls opened at 07.00 BST.", "07.00 BST", "07:00"),
        ("Trading opened at 8.00 GMT.", "8.00 GMT", "08:00"),
    ],
)
def test_a_dotted_clock_time_before_its_zone(sentence, span, value):
    assert facts(sentence)[span] == ("time", value)


@pytest.mark.parametrize(
    "sentence",
    ["Shares were up 14.30 GBP.", "The index was at 2.5 GMT.", "It rose 1.14.30 GMT.", "The rate was 24.30 GMT."],
)
def test_a_decimal_before_a_zone_is_no_time(sentence):
    assert facts(sentence) == {}


def test_dotted_clock_times_run_in_linear_time(time_growth):
    assert time_growth(extract, "14.30 GMT 1.2.3.4 09.15 BST 0.0.0 " * 3_000) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("He was jailed in the summer of '98.", "summer of '98", "1998-SU"),
        ("The spring of ’05 was wet.", "spring of ’05", "2005-SP"),
        ("Sales rose in the summer of '21.", "summer of '21", "2021-SU"),
        ("The summer of '98's heat was bad.", "summer of '98", "1998-SU"),
    ],
)
def test_a_season_of_a_year_in_two_digits(sentence, span, value):
    assert facts(sentence)[span] == ("date", value)


@pytest.mark.parametrize("sentence", ["The fall of '987 came.", "The summer of '98'99 came."])
def test_a_season_before_other_digits_takes_no_year(sentence):
    assert not any("'9" in span for span in facts(sentence))


def test_seasons_of_two_digit_years_run_in_linear_time(time_growth):
    assert time_growth(extract, "summer of '98 the fall of '9 winter of '''' " * 3_000) < 9


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("It rained this past weekend.", "this past weekend", "2021-W09-WE"),
        ("Sales rose this past week.", "this past week", "2021-W09"),
        ("This past weekend's game was close.", "This past weekend", "2021-W09-WE"),
    ],
)
def test_this_past_week_is_last_week(sentence, span, value):
    assert facts(sentence)[span] == ("date", value)


@pytest.mark.parametrize("sentence", ["Prices rose this past year.", "He said this past.", "This past weekly column ran."])
def test_this_past_before_another_unit_is_left_out(sentence):
    assert not any("past" in span for span in facts(sentence))


def test_this_past_week_runs_in_linear_time(time_growth):
    assert time_growth(extract, "this past week this past this past weekend this " * 3_000) < 9


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("The appeals court ruled on the 31st.", "31st"),  # past, and February has no 31st: no March 31
        ("Shares were sold on the 30th.", "30th"),
    ],
)
def test_a_day_of_the_month_that_the_tense_puts_in_no_month_near_has_no_value(sentence, span):
    assert facts(sentence)[span] == ("date", None)


def test_the_turn_of_the_first_century_is_no_year():
    document = Document("At the turn of the first century, Rome ruled.", published=DATELINE)
    document.segment()
    assert [fact.value["value"] for fact in extract(document, {})] == []


@pytest.mark.parametrize(
    "sentence",
    ["Rates could rise by a quarter to one percentage point.", "Growth of a quarter to one per cent is expected.",
     "He owns a quarter to one third of the firm.", "Margins rose half to one percent."],
)
def test_a_fraction_to_a_number_that_is_an_amount_is_no_clock_time(sentence):
    assert facts(sentence) == {}
