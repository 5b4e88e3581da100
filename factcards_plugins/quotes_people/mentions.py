"""Linking every later mention of a person (full name, surname, possessive) to
the person, and telling whether a name is used again on its own."""

from __future__ import annotations

import re
from typing import Callable

from .name_tokens import Token, _continues_run
from .person import Mention, Person


def link_mentions(text: str, tokens: list[Token], people: list[Person], allowed: Callable[[int, int], bool]) -> None:
    """Link every run of name tokens that ends in a person's surname to that person, where ``allowed``."""
    by_word: dict[str, list[Person]] = {}
    for person in people:
        by_word.setdefault(person.surname, []).append(person)
    for j, token in enumerate(tokens):
        if token.bare in by_word and token.name_like and not _continues_run(tokens, j + 1):
            i = j
            while _continues_run(tokens, i):
                i -= 1
            _mention(text, tokens[i : j + 1], by_word, allowed)


def _mention(text: str, run: list[Token], by_word: dict[str, list[Person]], allowed: Callable[[int, int], bool]) -> None:
    words = [t.bare for t in run]
    for person in _nearest_first(by_word.get(words[-1], []), run[0].start):
        if words == person.tokens[-len(words):] or (len(words) == 2 and words[0] == person.tokens[0]):
            start, last = run[0].start, run[-1]
            end = last.start + len(last.bare)
            if allowed(start, end):
                person.mentions.append(Mention(start, end, text[start:end], last.possessive))
                if person.start > start and words == person.tokens:
                    person.start, person.end = start, end
            return


PREVIOUS_WORD = re.compile(r"([\w’'.&-]{1,30})\s$")


def _named_again(text: str, person: Person) -> bool:
    """A name found only next to a speech verb counts when the article reuses the bare surname
    on its own (not as the end of another name: "National Rail" does not repeat "Network Rail")."""
    for mention in person.mentions:
        if mention.text != person.surname:
            continue
        before = PREVIOUS_WORD.search(text, max(0, mention.start - 32), mention.start)
        if not (before and before.group(1)[:1].isupper()):
            return True
    return False


def _nearest_first(people: list[Person], offset: int) -> list[Person]:
    """People sharing a surname, the one introduced last before ``offset`` first."""
    if len(people) < 2:
        return people  # the common case: no one else has the surname
    before = [p for p in people if p.start <= offset]
    return sorted(before, key=lambda p: -p.start) + [p for p in people if p.start > offset]

