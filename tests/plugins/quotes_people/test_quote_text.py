"""The quote filters of ``quote_text``: a nickname inside a name, a programme's title after its broadcaster."""

from __future__ import annotations

import re

import pytest
from factcards_plugins.quotes_people.quote_scan import Quoted
from factcards_plugins.quotes_people.quote_text import is_nickname, is_programme_title


def first_quote(text: str) -> Quoted:
    """The stretch between the text's first two double marks."""
    opening, closing = [m.start() for m in re.finditer("[\"“”]", text)][:2]
    return Quoted(opening, closing)


@pytest.mark.parametrize(
    "text",
    [
        'State Rep. Harold J. "Hal" Brennan opened the fair on Sunday.',
        "Her cousin, councillor Maria “Mimi” Alvarez, cut the ribbon.",
        'The boxer Dale "Iron Fist" Morrow retired.',
        'Robert C. "Bobby" Lane spoke.',
        'Rep. "Sunny" Ortiz spoke.',
    ],
)
def test_a_nickname_inside_a_name(text):
    assert is_nickname(text, first_quote(text))


@pytest.mark.parametrize(
    "text",
    [
        'Mae "Sunny", Ortiz spoke.',  # no space after
        'Mae "Sunny" said so.',  # a lowercase word after
        'Mae "Sunny"  Ortiz spoke.',  # two spaces after
        'Mae "Sunny"',  # the end of the text after
        'Mae "sunny" Ortiz spoke.',
        'Mae "Sunny Big Day" Ortiz spoke.',  # three words
        '"Sunny" Ortiz spoke.',  # the start of the text before
        'Mae-"Sunny" Ortiz spoke.',  # no space before
        'Voters called "Sunny" Ortiz.',  # a lowercase word before
        'Mae, "Sunny" Ortiz spoke.',
        'The fair ended. "Sunny" Ortiz spoke.',  # a sentence end before
    ],
)
def test_no_nickname(text):
    assert not is_nickname(text, first_quote(text))


@pytest.mark.parametrize(
    "text",
    [
        'Governor Ann Price told WXTV\'s "Morning Harbor" that the budget was fair.',
        "She repeated it on Coast News’s “The Sunday Brief.”",
        'She told CNN\' "Morning Harbor" so.',
        'She told NBC’s "Meet the Press" so.',
    ],
)
def test_a_programme_title_after_its_broadcaster(text):
    assert is_programme_title(text, first_quote(text))


@pytest.mark.parametrize(
    "text",
    [
        'She told WXTV "Morning Harbor" so.',  # no possessive
        'She told the mayor\'s "Morning Harbor" so.',  # no broadcaster's possessive
        'She called WXTV\'s "reporting" unfair.',
        'She told WXTV\'s "One Two Three Four Five Six Seven" so.',  # seven words
        'She told WXTV\'s "" so.',
        '"Morning Harbor" aired.',  # the start of the text before
        ' "Morning Harbor" aired.',
    ],
)
def test_no_programme_title(text):
    assert not is_programme_title(text, first_quote(text))
