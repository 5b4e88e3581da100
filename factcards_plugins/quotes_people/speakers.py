"""Who a speaker phrase names: a person (by a mention, or a description such as
"the president"), a pronoun resolved to the nearest fitting person before the
quote, or an institution ("a Downing Street spokesman", "the White House")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import PRONOUNS
from .person import Person
from .quote_scan import Quoted

WINDOW = 300
LINKING = frozenset("at of for".split())
WORD = re.compile(r"[\w.'’-]{1,60}")
DETERMINERS = frozenset("the a an".split())
INSTITUTION_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople office ministry department government house kremlin
    statement officials official agency company police embassy council committee court army military
    party union bank source sources administration authorities authority commission regulator palace
    street campaign team firm group organisation organization board cabinet presidency""".split()
)


@dataclass
class Speaker:
    """A quote's speaker: ``name`` resolved (or None), where the attribution names it, its kind
    (person, pronoun, institution or None), the speech verb, and the quote fact's confidence."""

    name: str | None
    start: int | None
    end: int | None
    kind: str | None
    verb: str | None
    confidence: float


class SpeakerResolver:
    """Resolves speaker phrases against the people of the article; remembers the
    institutions seen so far, so that a later "the spokesman" is the same speaker."""

    def __init__(self, text: str, people: list[Person], quote_spans: list[tuple[int, int]]):
        self.text = text
        self.quote_spans = quote_spans
        self.mentions = sorted((m.start, m.end, m.possessive, p) for p in people for m in p.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.institutions: dict[str, str] = {}

    def resolve(self, start: int, end: int, verb: str, quoted: Quoted) -> Speaker:
        """Who the phrase ``text[start:end]`` before or after ``verb`` names as the speaker of ``quoted``."""
        phrase = self.text[start:end]
        pronoun = phrase.lower()
        if pronoun in PRONOUNS:
            return self._pronoun(start, end, verb, quoted, PRONOUNS[pronoun])
        for m_start, m_end, possessive, person in self._mentions_in(start, end):
            if not possessive:
                return Speaker(person.name, m_start, m_end, "person", verb, 0.9)
        described = self._described(phrase, start)
        if described:
            return Speaker(described.name, start, end, "person", verb, 0.7)
        start, end = _without_determiner(self.text, start, end)
        name = self.text[start:end].strip()
        if name.lower() in self.institutions or _is_institution(name):
            name = self._earlier_institution(name)
            return Speaker(name, start, end, "institution", verb, 0.8)
        return Speaker(None, start, end, None, verb, 0.5)

    def _described(self, phrase: str, at: int) -> Person | None:
        """"the president" -> the person mentioned last before ``at`` whose role ends in "president"."""
        words = phrase.lower().split()
        if len(words) != 2 or words[0] != "the":
            return None
        i = bisect.bisect_left(self.mention_starts, at) - 1
        while i >= 0 and at - self.mentions[i][0] < 5 * WINDOW:
            person = self.mentions[i][3]
            if any(role.lower().split()[-1] == words[1] for role in person.roles):
                return person
            i -= 1
        return None

    def _mentions_in(self, start: int, end: int):
        i = bisect.bisect_left(self.mention_starts, start)
        while i < len(self.mentions) and self.mentions[i][0] < end:
            if self.mentions[i][1] <= end:
                yield self.mentions[i]
            i += 1

    def _pronoun(self, start: int, end: int, verb: str, quoted: Quoted, gender: str | None) -> Speaker:
        """The nearest fitting person mentioned before the quote (outside quotes), at lower confidence."""
        if gender == "p":
            return Speaker(None, start, end, "pronoun", verb, 0.4)
        limit = min(start, quoted.open)
        i = bisect.bisect_left(self.mention_starts, limit) - 1
        while i >= 0 and limit - self.mentions[i][0] < 5 * WINDOW:
            m_start, m_end, _, person = self.mentions[i]
            if not self._inside_quote(m_start) and _fits(person, gender):
                return Speaker(person.name, start, end, "pronoun", verb, 0.6)
            i -= 1
        return Speaker(None, start, end, "pronoun", verb, 0.4)

    def _inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quote_spans, (offset, len(self.text))) - 1
        return i >= 0 and self.quote_spans[i][0] < offset < self.quote_spans[i][1]

    def _earlier_institution(self, name: str) -> str:
        """"the spokesman" after "a Downing Street spokesman" is that spokesman."""
        head = name.split()[-1].lower()
        if len(name.split()) == 1 and head in self.institutions and self.institutions[head].lower() != head:
            return self.institutions[head]
        self.institutions.setdefault(head, name)
        return name


def _without_determiner(text: str, start: int, end: int) -> tuple[int, int]:
    """The phrase without a leading article, unless nothing with a letter would be left."""
    first = WORD.match(text, start)
    if first and first.group().lower() in DETERMINERS:
        rest = WORD.search(text, first.end(), end)
        if rest and any(map(str.isalpha, text[rest.start() : end])):
            start = rest.start()
    return start, end


def _is_institution(name: str) -> bool:
    """An institution or an unnamed spokesperson: an institution noun or a proper noun before any "at/of/for"."""
    words = []
    for word in name.split():
        if word.lower() in LINKING:
            break
        words.append(word)
    return any(w.lower().strip(".'’s") in INSTITUTION_NOUNS or w.lower() in INSTITUTION_NOUNS for w in words) or any(
        w[:1].isupper() for w in words
    )


def _fits(person: Person, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender
