"""Reading articles and preparing them: formats, scraped-page layout, sentences."""

import json

import pytest
from hypothesis import given, settings, strategies as st

import factcards
from factcards.document import split_sentences
from factcards.reader import document_from_text, normalize_published


def regions_by_kind(card):
    doc = card.document
    found = {}
    for region in doc["regions"]:
        found.setdefault(region["kind"], []).append(doc["text"][region["start"] : region["end"]])
    return found


def test_reference_article_metadata(lead_card, sample_text):
    doc = lead_card.document
    assert doc["text"] == sample_text
    assert doc["title"] == "Russia ready for more talks to end Ukraine standoff"
    assert doc["source"] == "CGTN"
    assert doc["published"] == "2022-02-15T12:57"


def test_reference_article_chrome_captions_and_duplicates(lead_card):
    kinds = regions_by_kind(lead_card)
    assert {"Download", "Search Trends", "00:39", "02:37", "(With input from agencies)"} <= set(kinds["chrome"])
    assert len(kinds["caption"]) == 3  # two photo captions (first copies) and the cover credit
    assert all(c.endswith(("/CFP", "/Reuters)")) for c in kinds["caption"])
    assert kinds["duplicate"] == kinds["caption"][:2]
    assert kinds["dateline"] == ["Updated 12:57, 15-Feb-2022"]
    assert "'Unity Day'" in kinds["heading"]


def test_body_text_is_not_marked(lead_card):
    text = lead_card.document["text"]
    body = text.index("Russia held the door open")
    assert not any(r["start"] <= body < r["end"] for r in lead_card.document["regions"])


def test_single_paragraph_prose_gets_no_layout_regions():
    card = factcards.make_card("Apple said on Monday it would raise $5 billion.", summarizer="lead")
    assert card.document["regions"] == []
    assert card.document["title"] is None
    assert card.summary.text == "Apple said on Monday it would raise $5 billion."


def test_inline_scroll_down_chrome_is_marked():
    text = "The mayor spoke for an hour. Scroll down for video The crowd cheered loudly at the end."
    card = factcards.make_card(text, summarizer="lead")
    assert [text[r["start"] : r["end"]] for r in card.document["regions"]] == ["Scroll down for video"]
    assert "Scroll down" not in card.summary.text


def test_json_input_fields_win_over_the_page():
    data = {"text": "Updated 10:00, 01-Mar-2021\n\nThe council met today and agreed a new budget for schools.", "title": "Budget", "published": "2021-03-02", "source": "Gazette", "url": "https://news.example/b"}
    card = factcards.make_card(json.dumps(data), summarizer="lead")
    doc = card.document
    assert (doc["title"], doc["source"], doc["published"], doc["url"]) == ("Budget", "Gazette", "2021-03-02", "https://news.example/b")


def test_html_input_uses_main_text_extraction():
    html = """<!doctype html><html><head><title>Council agrees budget | Gazette</title>
    <meta property="og:site_name" content="Gazette"><meta name="date" content="2021-03-02"></head>
    <body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
    <article><h1>Council agrees budget</h1>
    <p>The city council agreed on Tuesday a budget of $12 million for new schools, the mayor said.</p>
    <p>Work on the first of three schools will begin in the spring, officials told reporters at city hall.</p>
    </article><footer>Copyright Gazette. All rights reserved.</footer></body></html>"""
    doc = document_from_text(html, "auto", "page.html")
    assert doc.input_format == "html"
    assert "budget of $12 million" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.published == "2021-03-02"


@pytest.mark.parametrize(
    "given_value, expected",
    [
        ("2022-02-15", "2022-02-15"),
        ("2022-02-15T12:57", "2022-02-15T12:57"),
        ("2022-02-15 12:57", "2022-02-15T12:57"),
        ("20220215", "2022-02-15"),
        ("15 Feb 2022", "2022-02-15"),
        ("Feb 15, 2022 12:57", "2022-02-15T12:57"),
        ("Tue, 15 Feb 2022 12:57:00 GMT", "2022-02-15T12:57+00:00"),
        ("2022-02-15T12:57:30+08:00", "2022-02-15T12:57:30+08:00"),
        ("2022-02-15T12:57:30.250Z", "2022-02-15T12:57:30+00:00"),
        ("2022-02-15T00:00", "2022-02-15T00:00"),  # midnight given is a time given
    ],
)
def test_published_normalization_keeps_given_precision(given_value, expected):
    assert normalize_published(given_value) == expected


@pytest.mark.parametrize("partial", ["Monday", "2022", "12", "Feb 2022", "soon", "2022-02-30", "2022-13-01T10:00"])
def test_published_without_a_full_date_is_refused_not_filled_from_today(partial):
    with pytest.raises(factcards.InputError, match="cannot read"):
        normalize_published(partial)


def test_published_override_replaces_the_dateline(sample_path):
    card = factcards.make_card(sample_path, summarizer="lead", published="2022-02-16")
    assert card.document["published"] == "2022-02-16"


def test_sentences_of_the_reference_article(lead_card):
    text = lead_card.document["text"]
    sentences = [text[s["start"] : s["end"]] for s in lead_card.document["sentences"]]
    assert "Russia held the door open on Monday to further talks on resolving its standoff with the West and said some of its military drills were ending." in sentences
    assert '"Fine," Putin replied.' in sentences
    # "U.S." does not end a sentence
    assert any(s.startswith("The U.S. also said it will temporarily relocate") for s in sentences)
    excluded = [text[s["start"] : s["end"]] for s in lead_card.document["sentences"] if s["excluded"]]
    assert "Download" in excluded and "00:39" in excluded


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_sentence_spans_are_within_text_and_stripped(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and "\n" not in piece
        previous_end = end


# Page layouts written for these tests in the style of common wire and broadcaster pages.
PAGE_LAYOUTS = {
"reuters": """Skip to main content
World
Ukraine crisis: Germany's Scholz heads to Moscow
By Andreas Rinke and Thomas Escritt
February 15, 2022 7:02 AM GMT
Share

BERLIN, Feb 15 (Reuters) - German Chancellor Olaf Scholz flew to Moscow on Tuesday for talks with Russian President Vladimir Putin, a day after visiting Kyiv.

Scholz said on Monday that a Russian attack on Ukraine would carry a heavy price, the news agency reported.

Reporting by Andreas Rinke; Editing by Alex Richardson
""",
"ap": """Biden says U.S. will defend 'every inch' of NATO territory
By ZEKE MILLER and AAMER MADHANI
Published 5:39 PM EST, February 15, 2022

WASHINGTON (AP) — President Joe Biden said Tuesday the United States would defend every inch of NATO territory, in remarks delivered from the White House.

He said the door to diplomacy remained open, but warned Moscow of a strong response.

Copyright 2022 The Associated Press. All Rights Reserved.
""",
"bbc": """Ukraine crisis: Russia pulls back some troops
Published
15 February 2022
Share
close panel

Russia says it is pulling back some of its troops from Ukraine's border, in what could be a sign of easing tensions.

The defence ministry said units in the southern and western military districts had completed drills and were returning to bases.

Related Topics
Russia-Ukraine war
""",
}

EXPECTED_LAYOUT = {
    "reuters": ("Ukraine crisis: Germany's Scholz heads to Moscow", "Reuters", "2022-02-15T07:02+00:00"),
    "ap": ("Biden says U.S. will defend 'every inch' of NATO territory", "AP", "2022-02-15T17:39-05:00"),
    "bbc": ("Ukraine crisis: Russia pulls back some troops", None, "2022-02-15"),
}


@pytest.mark.parametrize("layout", sorted(PAGE_LAYOUTS))
def test_other_page_layouts(layout):
    card = factcards.make_card(PAGE_LAYOUTS[layout], summarizer="lead")
    doc = card.document
    assert (doc["title"], doc["source"], doc["published"]) == EXPECTED_LAYOUT[layout]
    chrome = regions_by_kind(card).get("chrome", [])
    assert not any(word in card.summary.text for word in ("Skip to", "Share", "Copyright", "Reporting by", "Related Topics"))
    assert card.summary.sentences[0].text.split()[0] in {"BERLIN,", "WASHINGTON", "Russia"}
    assert chrome


@settings(max_examples=200, deadline=None)
@given(
    regions=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20), st.sampled_from(["chrome", "caption", "heading"])), max_size=8),
    span=st.tuples(st.integers(0, 80), st.integers(1, 20)),
)
def test_is_excluded_matches_a_plain_overlap_check(regions, span):
    from factcards.document import NOT_FACT_SOURCES, NOT_SUMMARY_SOURCES, Document

    document = Document(text="x" * 100)
    for start, length, kind in regions:
        document.mark(start, start + length, kind)
    start, end = span[0], span[0] + span[1]
    for purpose, kinds in (("facts", NOT_FACT_SOURCES), ("summary", NOT_SUMMARY_SOURCES)):
        expected = any(k in kinds and s < end and start < s + n for s, n, k in regions)
        assert document.is_excluded(start, end, purpose) == expected


@pytest.mark.parametrize(
    "text, balanced",
    [
        ('"Fine," Putin replied.', True),
        ('Peskov pointed out, adding "And actually, he initiated the issue.', False),
        ("Ukraine is just a part of the problem.\u201d", False),
        ("\u201cWe lost,\u201d she said.", True),
        ("It's the council's budget, officials said.", True),
    ],
)
def test_sentence_knows_when_it_holds_part_of_a_quotation(text, balanced):
    from factcards.document import Sentence

    assert Sentence(0, 0, len(text), text).quotes_balanced is balanced


def test_lead_summary_skips_sentences_cut_out_of_a_quotation(lead_card):
    assert all(s.text.count('"') % 2 == 0 for s in lead_card.summary.sentences)
    assert lead_card.summary.sentences[2].text.startswith("In December 2021")
