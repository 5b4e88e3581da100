"""Speaker attribution by class of error seen on real news (issue 14), on invented sentences."""

from __future__ import annotations

import pytest

import factcards


def quote_facts(text):
    card = factcards.make_card(text, summarizer="lead", extractors=["quotes", "people"])
    return card.facts_of("quote"), card.facts_of("person")


def speaker_of(text, beginning):
    facts, _ = quote_facts(text)
    matches = [f for f in facts if f.text.startswith(beginning)]
    assert len(matches) == 1, [f.text for f in facts]
    return matches[0].value


LEAD = "Governor Rosa Delgado and state senator Tom Whitfield clashed on Tuesday. "


# -- speech verbs outside the old list, present and progressive forms ------------------


@pytest.mark.parametrize("verb", ["gushed", "fumed", "demanded", "boasted", "scoffed", "sighed", "retorted", "asks", "insists"])
def test_speech_verbs_after_the_quote(verb):
    value = speaker_of(LEAD + f'"This budget is a disgrace," Whitfield {verb}.', "This budget")
    assert value["speaker"] == "Tom Whitfield"
    assert value["verb"] == verb


def test_a_progressive_speech_verb_before_a_partial_quote():
    value = speaker_of(LEAD + 'Delgado is calling the plan "a gift to landlords."', "a gift")
    assert value["speaker"] == "Rosa Delgado"


# -- the attribution in the sentence after a quote that ends its own -----------------


@pytest.mark.parametrize("mark", ["?", "!", "."])
def test_attribution_in_the_next_sentence(mark):
    value = speaker_of(LEAD + f'"Who will pay for this{mark}" Whitfield asked. The room fell silent.', "Who will pay")
    assert value["speaker"] == "Tom Whitfield"


def test_an_attribution_before_the_quote_wins_over_the_next_sentence():
    value = speaker_of(LEAD + 'Delgado said: "We stand firm." Her deputy agreed.', "We stand firm")
    assert value["speaker"] == "Rosa Delgado"


# -- the head of the speaker phrase, not a name that modifies it ---------------------


def test_a_name_before_a_role_noun_is_not_the_speaker():
    text = LEAD + '"The count was fair," Delgado campaign spokesman Victor Osei said.'
    assert speaker_of(text, "The count")["speaker"] == "Victor Osei"


def test_the_name_before_an_apposition_that_names_someone_else():
    text = LEAD + '"We will win the recount," Carla Benn, a longtime Delgado adviser, said on Wednesday.'
    assert speaker_of(text, "We will win")["speaker"] == "Carla Benn"


def test_a_name_the_finder_missed_is_still_a_person():
    text = LEAD + '"No deal yet," said union negotiator Petra Kowalczyk.'
    value = speaker_of(text, "No deal")
    assert value["speaker"] == "Petra Kowalczyk"
    assert value["speaker_kind"] == "person"


# -- speakers that are no person -------------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        ('"Revenue fell short," the audit report stated.', "audit report", "institution"),
        ('"The vote was rigged," the newspaper wrote.', "newspaper", "institution"),
        ('"Costs will rise," The Harbor Tribune reported.', "Harbor Tribune", "institution"),
        ('"We heard shots," one witness recalled.', "one witness", "description"),
        ('"It was my first vote," the 19-year-old student said.', "19-year-old student", "description"),
        ('"Nobody expected the flood," the book said.', "book", "institution"),
        ('"Rates will stay low for years," the memo read.', "memo", "institution"),
        ('"Vote no on the levy," the clip says.', "clip", "institution"),
    ],
)
def test_institutions_documents_and_descriptions(text, speaker, kind):
    value = speaker_of(text, text[1:6])
    assert (value["speaker"], value["speaker_kind"]) == (speaker, kind)
    assert value["person"] is None


def test_a_sentence_that_is_no_speaker_phrase_gives_no_institution():
    text = 'Rain fell all evening, which, I admit, surprised me: "Turnout was low."'
    assert speaker_of(text, "Turnout")["speaker_kind"] in (None, "pronoun")


# -- the link to the speaker's person fact ----------------------------------------------


def test_a_quote_links_to_its_speakers_person_fact():
    text = LEAD + '"We will not back down," Delgado said. "Never," he replied, Whitfield being the last to speak.'
    facts, people = quote_facts(text)
    spans = {(p.start, p.end): p.value["name"] for p in people}
    first = [f for f in facts if f.text.startswith("We will not")][0]
    link = first.value["person"]
    assert spans[(link["start"], link["end"])] == "Rosa Delgado"


def test_an_age_description_resolves_to_the_person_just_named():
    text = 'Midfielder Jonas Ekberg, who scored twice, thanked the fans. "I owe them everything," said the 22-year-old.'
    value = speaker_of(text, "I owe them")
    assert value["speaker"] == "Jonas Ekberg"
    assert value["speaker_span"] is not None


def test_an_organization_before_its_descriptive_apposition():
    text = 'Orion Holdings, a minority shareholder, said the merger would bring "real savings" to customers.'
    value = speaker_of(text, "real savings")
    assert (value["speaker"], value["speaker_kind"]) == ("Orion Holdings", "institution")


# -- attributions written with punctuation ---------------------------------------------


def test_a_dash_and_a_name_after_the_quote():
    text = (
        "Readers wrote in after the debate, and many of them were not impressed by either candidate.\n\n"
        "“He never answered the question about rents, and everybody in my building noticed it.” ― Marisol Ibarra\n\n"
        "“Nobody won tonight, and the voters who stayed home were the smart ones.” — Dev K. Raman\n"
    )
    facts, _ = quote_facts(text)
    assert [f.value["speaker"] for f in facts] == ["Marisol Ibarra", "Dev K. Raman"]


def test_a_transcript_label_opens_the_quote():
    text = LEAD + '"WHITFIELD: Let me finish, please."\n\n"DELGADO: You have had your turn."'
    facts, _ = quote_facts(text)
    assert [f.value["speaker"] for f in facts] == ["Tom Whitfield", "Rosa Delgado"]


def test_a_colon_ending_the_paragraph_before_the_quote():
    text = "The Coastal Ledger reported on Friday:\n\n\"Three of the five board members knew of the losses.\""
    value = speaker_of(text, "Three of the five")
    assert (value["speaker"], value["speaker_kind"]) == ("Coastal Ledger", "institution")


# -- a quote inside a sentence whose verb is no speech verb -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        'Whitfield openly praised the plan as "a model for the country."',
        'At a rally on Friday, Whitfield dismissed the governor as "Queen of Delay."',
        'Whitfield likened the vote to "a coin toss in the dark."',
    ],
)
def test_the_subject_of_the_sentence_at_low_confidence(sentence):
    facts, _ = quote_facts(LEAD + sentence)
    assert facts[-1].value["speaker"] == "Tom Whitfield"
    assert facts[-1].confidence <= 0.5


def test_a_time_phrase_before_the_subject_is_no_part_of_it():
    text = 'Ten years ago, a Harbor Gazette article praised the mayor as "the builder of the bay."\n\n"The skyline has changed," the article said.'
    facts, _ = quote_facts(text)
    assert [f.value["speaker"] for f in facts] == ["Harbor Gazette article", "Harbor Gazette article"]
    assert [f.value["speaker_kind"] for f in facts] == ["institution", "institution"]


def test_a_name_before_its_apposition_stays_the_subject():
    text = LEAD + 'Whitfield, the committee chairman, likened the vote to "a coin toss in the dark."'
    assert speaker_of(text, "a coin toss")["speaker"] == "Tom Whitfield"


def test_a_party_and_state_tag_is_no_speaker():
    text = '"This is a big night for all of us!" Holt\'s sister, state Del. Mara "Mimi" Holt (D-Lake City), shouted to the crowd.'
    value = speaker_of(text, "This is a big night")
    assert "Lake City" not in (value["speaker"] or "")
    assert "Holt" in value["speaker"]


def test_a_common_noun_opening_the_sentence_is_no_subject_speaker():
    value = speaker_of('Prices rose again in what traders called a "quiet panic" on the floor.', "quiet panic")
    assert value["speaker_kind"] is None


# -- clause structure around the verb --------------------------------------------------------


def test_according_to_names_its_object_not_the_clause_before_it():
    text = 'More than 3,000 workers joined the "sick-out" across 40 depots, according to the drivers union.'
    value = speaker_of(text, "sick-out")
    assert value["speaker"] == "drivers union"
    assert value["verb"] == "according to"


def test_a_dash_parenthetical_is_its_own_clause():
    text = LEAD + 'Asked about the deficit ― a sore point for weeks ― Whitfield insisted, "We balanced it twice."'
    assert speaker_of(text, "We balanced")["speaker"] == "Tom Whitfield"


def test_the_words_after_said_before_a_quote_are_the_reported_clause():
    text = LEAD + 'Whitfield said the latest figures show "a state in denial" about debt.'
    assert speaker_of(text, "a state in denial")["speaker"] == "Tom Whitfield"


def test_a_quote_ending_its_sentence_takes_no_attribution_from_the_next_one():
    text = LEAD + 'Delgado insisted the state "will not default." The Fiscal Watch Institute said it expected a downgrade.'
    assert speaker_of(text, "will not default")["speaker"] == "Rosa Delgado"


def test_a_group_of_people_as_the_speaker():
    value = speaker_of('Protesters gathering outside the hall chanted "Not one more cut!" until midnight.', "Not one more")
    assert value["speaker_kind"] == "description"
    assert value["speaker"].startswith("Protesters")


# -- transcripts, headlines and nested marks ------------------------------------------------


def test_a_short_quoted_line_with_a_dash_and_a_name_is_no_heading():
    text = (
        "Readers told us this week what they think of the new ferry timetable.\n\n"
        "“It is a disaster for commuters.” ― Dana Whitlock\n\n"
        "“I like the early boat, which saves me nearly an hour every single morning on the way to work.” ― Ken Obi\n"
    )
    facts, _ = quote_facts(text)
    assert [f.text for f in facts] == [
        "It is a disaster for commuters.",
        "I like the early boat, which saves me nearly an hour every single morning on the way to work.",
    ]
    assert [f.value["speaker"] for f in facts] == ["Dana Whitlock", "Ken Obi"]


def test_a_transcript_quoted_turn_by_turn_is_one_quote_per_speaker():
    text = (
        LEAD + "A partial transcript follows.\n\n"
        '"WHITFIELD: The governor promised a balanced budget and delivered a hole.\n\n'
        '"DELGADO: The senator voted for every line of that budget, and he knows it.\n\n'
        '"WHITFIELD: I voted to keep the schools open."'
    )
    facts, _ = quote_facts(text)
    assert [f.value["speaker"] for f in facts] == ["Tom Whitfield", "Rosa Delgado", "Tom Whitfield"]
    assert all(f.text.split(":")[0] in ("WHITFIELD", "DELGADO") for f in facts)


def test_a_transcript_turn_running_into_a_repeated_line_keeps_its_quote():
    text = (
        LEAD + "A partial transcript of the radio debate follows below.\n\n"
        '"WHITFIELD: The governor promised a balanced budget.\n\n'
        '"(APPLAUSE.)\n\n'
        '"DELGADO: The senator voted for that budget.\n\n'
        '"He knows it, and the voters know it.\n\n'
        '"(APPLAUSE.)\n\n'
        '"WHITFIELD: I voted to keep the schools open."'
    )
    facts, _ = quote_facts(text)
    assert [f.value["speaker"] for f in facts] == ["Tom Whitfield", "Rosa Delgado", "Tom Whitfield"]
    assert facts[1].text.endswith("the voters know it.")
    assert facts[1].value["quote"] == "DELGADO: The senator voted for that budget. He knows it, and the voters know it."


def test_quotes_in_a_headline_case_line_are_not_quotes():
    text = "Governor Calls Budget Deal 'A Betrayal' as Talks Collapse\n\nGovernor Rosa Delgado said the deal was \"dead on arrival.\""
    facts, _ = quote_facts(text)
    assert [f.text for f in facts] == ["dead on arrival."]


def test_curly_marks_inside_a_straight_quote_are_nested():
    text = LEAD + '"She thinks this is an episode of “Top Chef.” It is not," Whitfield said.'
    facts, _ = quote_facts(text)
    assert [f.text for f in facts] == ["She thinks this is an episode of “Top Chef.” It is not"]
    assert facts[0].value["speaker"] == "Tom Whitfield"


# -- subordinate clauses, objects, descriptions, the sentence before ---------------------------


def test_a_subordinate_clause_after_the_quote_is_no_attribution():
    text = LEAD + 'Delgado said the audit was "long overdue" when he asked about it on Monday.'
    assert speaker_of(text, "long overdue")["speaker"] == "Rosa Delgado"


def test_a_verb_with_its_own_subject_does_not_name_its_object():
    text = LEAD + 'Most members backed the "rescue plan," while a few said the same of Whitfield.'
    assert speaker_of(text, "rescue plan")["speaker"] != "Tom Whitfield"


def test_a_speech_verb_ends_the_subject_phrase():
    text = '"Costs will fall," the ministry statement noted, adding that prices were "stable."'
    value = speaker_of(text, "stable")
    assert (value["speaker"], value["speaker_kind"]) == ("ministry statement", "institution")


@pytest.mark.parametrize(
    "text, kind",
    [
        ('Only 40 percent of voters agreed that the plan was "fair to everyone."', "description"),
        ('His comments were called "reckless" by nobody in particular.', None),
    ],
)
def test_descriptions_name_people_not_things(text, kind):
    facts, _ = quote_facts(text)
    assert facts[0].value["speaker_kind"] == kind


def test_a_quote_after_a_sentence_that_ends_in_an_attribution():
    text = LEAD + 'The vote could slip to next week because of the storm, Whitfield said. "We are not in a hurry."'
    value = speaker_of(text, "We are not")
    assert value["speaker"] == "Tom Whitfield"
    assert value["person"] is not None


def test_a_second_quote_in_a_long_paragraph_keeps_the_first_ones_speaker():
    filler = "the committee had weighed every option for months, " * 8
    text = LEAD + f'"We looked at everything, and {filler}and then we decided," Whitfield said on Monday. "Nothing was rushed."'
    assert speaker_of(text, "Nothing was rushed")["speaker"] == "Tom Whitfield"


def test_a_present_tense_verb_ends_the_subject_phrase():
    text = "The Valley Courier reports:\n\n\"The mill will close in March, and 200 jobs will go with it.\""
    assert speaker_of(text, "The mill")["speaker"] == "Valley Courier"


def test_a_possessive_and_a_person_noun_is_a_description():
    text = LEAD + 'Whitfield\'s physician is calling him "fit for any office."'
    value = speaker_of(text, "fit for any")
    assert value["speaker_kind"] == "description"


def test_according_to_opening_the_sentence():
    text = LEAD + 'According to Whitfield, "the numbers were cooked from the start."'
    value = speaker_of(text, "the numbers")
    assert (value["speaker"], value["verb"]) == ("Tom Whitfield", "According to")


def test_even_before_the_speaker_is_no_part_of_it():
    text = 'Even Norway, a longtime partner of the alliance, said it was "deeply troubled" by the vote.'
    assert speaker_of(text, "deeply troubled")["speaker"] == "Norway"


def test_a_predicate_clause_is_no_subject():
    text = 'The family, including two cousins, watched the hearing on Friday, according to their lawyers, and said they felt "completely ignored."'
    value = speaker_of(text, "completely ignored")
    assert (value["speaker"], value["speaker_kind"]) == ("their lawyers", "description")


def test_a_quote_in_an_opening_phrase_takes_the_subject_after_it():
    text = LEAD + 'Calling the audit "a fishing trip," Whitfield walked out of the hearing.'
    value = speaker_of(text, "a fishing trip")
    assert value["speaker"] == "Tom Whitfield"
    assert value["verb"] is None


def test_a_frequency_adverb_ends_the_speaker_phrase():
    text = 'He grew up on a farm. "Rain is money," my grandmother often said.'
    assert speaker_of(text, "Rain is money")["speaker"] == "my grandmother"
