"""Shared name and role finder for the ``people`` and ``quotes`` plugins.

Rule-based, linear in the text: two tokenizer scans, runs of capitalized tokens
grouped in one walk, and bounded look-behind/look-ahead around each run. A run
becomes a person when the article gives evidence that it names one:

* a role title right before it (``Kremlin spokesperson Dmitry Peskov``,
  ``Russian President Vladimir Putin``, ``Mr. Smith``),
* a role in apposition after it (``Olaf Scholz, the German chancellor,``),
* a speech verb next to it and a known given name or two plain name tokens
  (``Maria Lopez said``).

Every later mention (full name, surname, possessive) is linked to the person.
Captions, chrome, duplicates, datelines and bylines are never read for people.
"""

from __future__ import annotations

import re

from .lexicon import CALENDAR, GIVEN_NAMES, PRONOUNS, RELATIONS, ROLE_HEADS, SPEECH_VERB, STRONG_TITLES
from .mentions import _named_again, link_mentions
from .name_tokens import Token, _lone_word, _name_after, tokenize
from .person import Person, PersonRegister
from .roles import _extend_role_left, _false_title, _role_after, _role_before, _role_text

__all__ = ["CALENDAR", "PRONOUNS", "SPEECH_VERB", "Person", "find_people"]

NOT_FOR_PEOPLE = ("caption", "chrome", "duplicate", "dateline", "byline")
VERB_AFTER_NAME = re.compile(r"\s(?:\w{1,15}ly\s)?" + SPEECH_VERB + r"\b")
VERB_BEFORE_NAME = re.compile(SPEECH_VERB + r"\s$")


def _speech_next_to(text: str, start: int, end: int) -> bool:
    return bool(VERB_AFTER_NAME.match(text, end, min(len(text), end + 30)) or VERB_BEFORE_NAME.search(text[max(0, start - 30) : start]))


AGE_AFTER = re.compile(r",\s\d{1,3}\b")
RELATIVE_WHO = re.compile(r",\swho\b")


class _Finder:
    """One walk over the name tokens: each run of them that the text gives evidence for
    becomes a person (or merges into one already found); then every mention is linked."""

    def __init__(self, document):
        self.text = document.text
        self.document = document
        self.tokens = tokenize(self.text)
        self.register = PersonRegister()
        self.excluded = [(r.start, r.end) for r in document.regions if r.kind in NOT_FOR_PEOPLE]

    def allowed(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps no caption, chrome, duplicate, dateline or byline."""
        for r_start, r_end in self.excluded:
            if r_start < end and start < r_end:
                return False
        return True

    def find(self) -> list[Person]:
        """The people found, each with at least one mention (a name found only next to a speech
        verb needs its surname used again)."""
        tokens = self.tokens
        resume = 0  # the tokens before it belong to a name already read
        for i, token in enumerate(tokens):
            if i < resume or not token.name_like or (token.joined and tokens[i - 1].name_like):
                continue  # not a name token, or one that continues the name before it
            if not _lone_word(tokens, i):  # one capitalized word without a title is no evidence of a person
                resume = self._candidate_at(i)
        link_mentions(self.text, tokens, self.register.people, self.allowed)
        return [p for p in self.register.people if p.mentions and (p.evidence != "speech" or _named_again(self.text, p))]

    def _candidate_at(self, i: int) -> int:
        """Read the name that starts at the name token ``tokens[i]``; the index to go on from."""
        tokens, text = self.tokens, self.text
        stop = _name_after(tokens, i)
        if stop == i:
            return self._skip_run(i)
        role_tokens = self._title_tokens(i, stop)
        if not role_tokens and stop == i + 1:
            return stop  # one capitalized word without a title is no evidence of a person
        name_tokens = tokens[i:stop]
        start, end = name_tokens[0].start, name_tokens[-1].end
        if not self.allowed(start, end):
            return stop
        role = _role_text(text, role_tokens)
        false_title = None if role_tokens or len(name_tokens) < 2 else _false_title(text, start)
        if role and not role_tokens[0].capitalized:
            role_end = role_tokens[0].start + len(role)
            role = text[_extend_role_left(text, role_tokens[0].start) : role_end]
        elif false_title:
            role = text[slice(*false_title)]
            role_tokens = [Token(start - 1, start - 1, role.split()[-1])]
        role_after = _role_after(text, end)
        evidence = self._evidence(name_tokens, role_tokens, start, end, role_after)
        if evidence:
            self.register.add(name_tokens, role, role_tokens, evidence, role_after)
        return stop

    def _title_tokens(self, i: int, stop: int) -> list[Token]:
        """The title right before the name ``tokens[i:stop]`` ("Russian President"), or before a comma ("finance director, ")."""
        tokens, text = self.tokens, self.text
        role_range = _role_before(tokens, i)
        if role_range:
            return tokens[role_range[0] : role_range[1]]
        before = tokens[i - 1] if i > 0 else None
        if before is None or before.key not in ROLE_HEADS or text[before.end : tokens[i].start] != ", ":
            return []
        name_end = tokens[stop - 1].end
        return [before] if text[name_end : name_end + 1] in (",", ".", ";") else []

    def _skip_run(self, i: int) -> int:
        tokens = self.tokens
        j = i + 1
        while j < len(tokens) and tokens[j].name_like and tokens[j].joined:
            j += 1
        return j

    def _evidence(self, name_tokens, role_tokens, start, end, role_after) -> str | None:
        """Why ``name_tokens`` name a person ("role", "apposition", ...), or None; ``role_after`` is
        the role in apposition after the name, if any."""
        single = len(name_tokens) == 1
        if role_tokens:
            head = role_tokens[-1].key
            if not single or head in STRONG_TITLES:
                return "role"
            if head in RELATIONS and (name_tokens[0].key in GIVEN_NAMES or AGE_AFTER.match(self.text, end)):
                return "role"
            return None
        if single:
            return None
        if role_after:
            return "apposition"
        if name_tokens[0].key in GIVEN_NAMES:
            return "given-name"
        if len(name_tokens) <= 3 and RELATIVE_WHO.match(self.text, end):
            return "apposition"
        if len(name_tokens) <= 3 and _speech_next_to(self.text, start, end) and not name_tokens[-1].possessive:
            return "speech"
        return None


_FOUND_KEY = "factcards_plugins.quotes_people.names"


def find_people(document) -> list[Person]:
    """The people ``document`` names, in order of first full mention, with roles and mentions.

    The result is kept in the document's ``user_data`` (for the text and
    regions it was found in), so the ``quotes`` and ``people`` extractors of
    one card run the finder once; treat it as read-only.
    """
    regions = tuple(document.regions)
    found = document.user_data.get(_FOUND_KEY)
    if found is None or found[0] is not document.text or found[1] != regions:
        found = (document.text, regions, _find_people(document))
        document.user_data[_FOUND_KEY] = found
    return found[2]


def _find_people(document) -> list[Person]:
    people = _Finder(document).find()
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
        full = [m for m in person.mentions if m.text.split() == person.tokens]
        if full:
            person.start, person.end = full[0].start, full[0].end
    return sorted(people, key=lambda p: p.start)
