"""The ``people`` extractor: one fact per person, roles as written, every mention grounded."""

from __future__ import annotations

from unittest import mock

import pytest
from factcards_plugins.quotes_people import lexicon as _lexicon, name_tokens as _name_tokens, names as _names, people
from hypothesis import example, given, settings
from hypothesis import strategies as st

import factcards

REFERENCE_PEOPLE = {
    "Dmitry Peskov": "Kremlin spokesperson",
    "Vladimir Putin": "Russian President",
    "Sergey Lavrov": "Foreign Minister",
    "Sergei Shoigu": "Russian Defence Minister",
    "Volodymyr Zelensky": "Ukrainian President",
    "Olaf Scholz": "German Chancellor",
    "Boris Johnson": "British Prime Minister",
    "Joe Biden": "U.S. President",
    "Justin Trudeau": "Canadian Prime Minister",
    "Antonio Guterres": "UN Secretary-General",
}


def card_people(text):
    card = factcards.make_card(text, summarizer="lead", extractors=["people"])
    return {f.value["name"]: f for f in card.facts_of("person")}


def raw_people(text):
    document = factcards.Document(text)
    document.segment()
    return people.extract(document, {})


def test_reference_article_people_and_roles_each_once(lead_card):
    found = lead_card.facts_of("person")
    assert {f.value["name"]: f.value["roles"] for f in found} == {name: [role] for name, role in REFERENCE_PEOPLE.items()}
    assert len(found) == len(REFERENCE_PEOPLE)


def test_reference_article_person_span_is_first_full_mention(lead_card, sample_text):
    for fact in lead_card.facts_of("person"):
        assert fact.text == fact.value["name"]
        assert sample_text.index(fact.value["name"]) == fact.start


def test_reference_article_mentions_are_grounded_and_skip_captions(lead_card, sample_text):
    captions = [r for r in lead_card.document["regions"] if r["kind"] in ("caption", "duplicate")]
    for fact in lead_card.facts_of("person"):
        for mention in fact.value["mentions"]:
            assert sample_text[mention["start"] : mention["end"]] == mention["text"]
            assert not any(r["start"] < mention["end"] and mention["start"] < r["end"] for r in captions)


def test_reference_article_surnames_link_to_people(lead_card):
    mentions = {f.value["name"]: [m["text"] for m in f.value["mentions"]] for f in lead_card.facts_of("person")}
    assert mentions["Dmitry Peskov"] == ["Dmitry Peskov", "Peskov"]
    assert mentions["Boris Johnson"] == ["Boris Johnson", "Johnson"]  # "Johnson's office"
    assert mentions["Volodymyr Zelensky"].count("Zelensky") == 3
    assert mentions["Sergey Lavrov"] == ["Sergey Lavrov", "Lavrov", "Lavrov", "Lavrov"]  # not the caption's "Sergei Lavrov"


@pytest.mark.parametrize(
    "text, name, roles",
    [
        ("Kremlin spokesperson Dmitry Peskov said talks would go on.", "Dmitry Peskov", ["Kremlin spokesperson"]),
        ("The plan was backed by German Chancellor Olaf Scholz on Monday.", "Olaf Scholz", ["German Chancellor"]),
        ("Olaf Scholz, the German chancellor, flew to Moscow.", "Olaf Scholz", ["German chancellor"]),
        ("Talks were led by Foreign Minister Sergey Lavrov.", "Sergey Lavrov", ["Foreign Minister"]),
        ("UN Secretary-General Antonio Guterres called for calm.", "Antonio Guterres", ["UN Secretary-General"]),
        ("Former U.S. President Barack Obama spoke.", "Barack Obama", ["Former U.S. President"]),
        ("Acme chief executive Jane Morrow resigned.", "Jane Morrow", ["Acme chief executive"]),
        ("Mr. Tobias Grant declined to comment.", "Tobias Grant", []),
        ("Maria Lopez said the vote was fair.", "Maria Lopez", []),
        ("The ruling, said Kwame Mensah, changes nothing. Mensah has appealed.", "Kwame Mensah", []),
        ("Kwame Mensah said the ruling changes nothing. He has appealed.", None, None),
        ("Dr. Aiko Tanaka, an epidemiologist, urged caution.", "Aiko Tanaka", ["epidemiologist"]),
        # an apposition broken across lines (it once raised ValueError)
        ("Olaf Scholz, Germany's\nchancellor, flew to Moscow.", "Olaf Scholz", ["chancellor"]),
    ],
)
def test_title_and_apposition_patterns(text, name, roles):
    found = card_people(text)
    if name is None:
        assert found == {}  # a speech verb alone is too weak (it could be "Goldman Sachs said")
        return
    assert list(found) == [name]
    assert found[name].value["roles"] == roles


def test_a_longer_role_replaces_a_shorter_one_and_later_mentions_link():
    text = "President Ada Novak spoke first. Slovenian President Ada Novak later met Novak's aides."
    fact = card_people(text)["Ada Novak"]
    assert fact.value["roles"] == ["Slovenian President"]
    assert [m["text"] for m in fact.value["mentions"]] == ["Ada Novak", "Ada Novak", "Novak"]


@pytest.mark.parametrize(
    "text",
    [
        "The White House said on Monday it would respond.",
        "A Downing Street spokesman added that talks continue.",
        "The State Duma said it would vote on Tuesday.",
        "Russian troops left Lugansk and Donetsk, officials in Kyiv said.",
        "Search Trends",
        "Goldman Sachs said profits rose.",
        "The Mariinskyi Palace in Kyiv hosted the talks.",
        "New York said it would sue.",
        "Network Rail said services would run. National Rail Enquiries has details.",
    ],
)
def test_places_and_organizations_are_not_people(text):
    assert card_people(text) == {}


def test_photo_credits_and_captions_are_not_people():
    text = (
        "Leaders met in Brussels on Friday to discuss the budget for next year and beyond.\n\n"
        "Belgian Prime Minister Alexander De Croo greets guests in Brussels, Belgium, March 3, 2023. /Reuters\n\n"
        "The talks ended without agreement, officials said after the meeting closed.\n"
    )
    assert card_people(text) == {}


def test_long_runs_of_capitalized_words_are_not_names():
    text = "Breaking News Live Updates From The Summit In Geneva Today Said"
    assert card_people(text) == {}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["President ", "Ann ", "Lee", "Lee's ", ", the minister,", " said", ". ", "\n", "Mr. ", "É", "ß"]), max_size=60).map("".join))
def test_grounded_and_deterministic_on_name_heavy_text(text):
    first = raw_people(text)
    for fact in first:
        assert text[fact.start : fact.end] == fact.text
        for mention in fact.value["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    assert [f.to_dict() for f in raw_people(text)] == [f.to_dict() for f in first]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
@example("He met O'Brien, Smith's\nαβγ chancellor. ")
def test_no_exception_on_arbitrary_unicode(text):
    for fact in raw_people(text):
        assert text[fact.start : fact.end] == fact.text


def test_long_capitalized_run_is_linear(time_growth):
    """Four times the hostile text takes about four times as long (no backtracking blow-up)."""
    hostile = "Ann Lee President " * 12_000 + "Zed " * 24_000
    assert time_growth(people.extract, hostile) < 9


@pytest.mark.parametrize(
    "hostile",
    [("former chief, " * 50 + "Ann Lee ") * 400, ("vice-" * 400 + "minister Ann ") * 100, "minister, Ann " * 20_000],
    ids=["title-chains", "long-words-before-titles", "title-comma-name"],
)
def test_title_words_before_names_are_linear(hostile, time_growth):
    assert time_growth(people.extract, hostile) < 9


def full_scan_tokens(text):
    """Every token of one NAME_OR_TITLE_TOKEN scan, the title words no token follows included."""
    tokens = []
    for match in _name_tokens.NAME_OR_TITLE_TOKEN.finditer(text):
        word, start = match.group(), match.start()
        if word[0].isupper() or word in _lexicon.TITLE_WORDS:
            end = start + len(word)
            if word[-1] == "." and _name_tokens._glued_period(word):
                word, end = word[:-1], end - 1
            joined = bool(tokens) and tokens[-1].end == start - 1 and text[start - 1] == " "
            tokens.append(_name_tokens.Token(start, end, word, joined))
    return tokens


TITLE_HEAVY_PIECES = [
    *("minister", "former deputy prime minister", "vice-president", "finance director,", "chief", "Prime", "President"),
    *("Ann", "Ann Lee", "Lee's", "Mr.", "U.S.", "O'Brien", "the", "said", "Monday", "É", "αβ", "A" + "b" * 39 + "-vice"),
]


@settings(max_examples=300, deadline=None)
@example([("Mr.", "-"), ("former deputy prime minister", " "), ("Ann Lee", ", "), ("the", " "), ("finance director,", " "), ("Ann", "")])
@given(st.lists(st.tuples(st.sampled_from(TITLE_HEAVY_PIECES), st.sampled_from([" ", " ", ", ", "-", "", "\n", ". ", "(", "—"])), max_size=30))
def test_fast_tokenizer_finds_the_same_people_as_a_full_scan(pieces):
    """``tokenize`` leaves out the title words no token follows; the people found stay the same."""
    text = "".join(word + separator for word, separator in pieces)

    def found():
        people = _names._find_people(factcards.Document(text))
        return [(p.name, p.start, p.end, p.roles, [(m.start, m.end) for m in p.mentions], p.gender, p.evidence) for p in people]

    fast = found()
    with mock.patch.object(_names, "tokenize", full_scan_tokens):
        assert found() == fast


@settings(max_examples=300, deadline=None)
@example(["O'", "b" * 30, "-", "b" * 30, " Ann"])
@given(st.lists(st.sampled_from(["Ann", "O'", "’s", "U.S.", "Lee-", "b" * 30, "-", "'", " ", ".", "É", "x", "7"]), max_size=20))
def test_fast_capitalized_word_scan_finds_the_exact_scans_words(pieces):
    """``_capitalized_words`` finds what ``CAPITALIZED_WORD`` finds, long words with apostrophes and hyphens too."""
    text = "".join(pieces)
    exact = [(match.start(), match.group()) for match in _name_tokens.CAPITALIZED_WORD.finditer(text)]
    assert _name_tokens._capitalized_words(text) == exact


@pytest.mark.parametrize(
    "text, name, roles",
    [
        ("The company’s finance director, Owen Pritchard, will leave in spring.", "Owen Pritchard", ["finance director"]),
        ("On a cold morning, fisherman Arne Bakke checks his nets.", "Arne Bakke", ["fisherman"]),
        ("Kenyan President William Odhiambo and opposition leader Grace Odhiambo met.", "Grace Odhiambo", ["opposition leader"]),
        ("The plan, said Chris Palumbo, the group's litigation director, is sound.", "Chris Palumbo", ["litigation director"]),
        ("His daughter Ingrid, 19, wants to study biology.", "Ingrid", ["daughter"]),
        ("Residents cheered, said Gwen Harlow, who has lived there for 40 years.", "Gwen Harlow", []),
    ],
)
def test_occupations_relations_and_pre_name_apposition(text, name, roles):
    found = card_people(text)
    assert name in found
    assert found[name].value["roles"] == roles


def test_same_surname_different_people():
    text = "President William Odhiambo and opposition leader Grace Odhiambo met. Grace Odhiambo left early."
    found = card_people(text)
    assert set(found) == {"William Odhiambo", "Grace Odhiambo"}
    assert len(found["Grace Odhiambo"].value["mentions"]) == 2


def test_of_course_is_not_part_of_a_title():
    found = card_people("Kremlin aide Ivan Petrov said that of course President Vladimir Putin would decide.")
    assert found["Vladimir Putin"].value["roles"] == ["President"]
