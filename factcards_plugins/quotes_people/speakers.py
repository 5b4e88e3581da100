"""Who a speaker phrase names: a person (by a mention, or a description such as
"the president"), a pronoun resolved to the nearest fitting person before the
quote, or an institution ("a Downing Street spokesman", "the White House")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import GIVEN_NAMES, PRONOUNS, ROLE_HEADS, verb_like
from .name_tokens import Token
from .person import Person
from .roles import _is_role_head
from .quote_scan import Quoted

WINDOW = 300
LINKING = frozenset("at of for".split())
WORD = re.compile(r"[\w.'’-]{1,60}")
LOWER_BEFORE_NAME = frozenset("abcdefghijklmnopqrstuvwxyz,;")
NEARBY = 3000  # characters each side where a proper noun is looked for again
MAX_LOOKS = 12  # occurrences of it read at most (linear time on text repeating one word)
AGE = re.compile(r"\d{1,3}-year-old")
DETERMINERS = frozenset("the a an".split())
# Plural nouns for groups of people: "Protesters", "Analysts", "Officials".
PLURAL_AGENTS = ("ers", "ors", "ists", "ians", "ants", "ents", "critics", "officials", "voters", "police")
HEAD_ENDS = frozenset("of at for in from with".split())  # what follows a description's head noun
QUANTITY_ADVERBS = frozenset("only just nearly almost about roughly some".split())
PEOPLE_NOUNS = frozenset(
    """people person persons witness witnesses friend friends man woman men women child children
    voter voters resident residents member members source sources aide aides critic critics supporter
    supporters colleague colleagues neighbour neighbor parent parents group groups family families
    crowd audience public staff team panel jury questioner narrator announcer nominee candidate
    incumbent challenger rival opponent host guest""".split()
)
# Agent-noun look-alikes that name things: "comments", "the event", "the number".
THING_ENDINGS = ("ment", "ness", "ity")
THINGS = frozenset(
    """event content intent extent incident accident element plant grant paper order error number matter
    letter water center centre cover border power answer chapter quarter computer register corner dinner
    weather summer winter character murder disaster monster poster filter""".split()
)
UNNAMED_CONFIDENCE = {"institution": 0.8, "description": 0.6}
NAME_LINKS = frozenset("the of and for & de".split())
DESCRIPTION_STARTS = frozenset(
    "the a an one two three four five several some many most few other another his her their its our my your".split()
)
INSTITUTION_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople office ministry department government house kremlin
    statement officials official agency company police embassy council committee court army military
    party union bank source sources administration authorities authority commission regulator palace
    street campaign team firm group organisation organization board cabinet presidency report study
    poll survey filing document documents newspaper paper broadcaster network outlet magazine website
    ad article piece story letter memo lawsuit complaint ruling indictment book clip video film documentary
    email e-mail transcript editorial column release""".split()
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
    person: Person | None = None  # the person the speaker resolved to, if one the article names


class SpeakerResolver:
    """Resolves speaker phrases against the people of the article; remembers the institutions
    and described speakers seen so far, so that a later "the spokesman" is the same speaker."""

    def __init__(self, text: str, people: list[Person], quote_spans: list[tuple[int, int]]):
        self.text = text
        self.quote_spans = quote_spans
        self.mentions = sorted((m.start, m.end, m.possessive, p) for p in people for m in p.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.by_surname: dict[str, Person] = {}
        for person in people:
            self.by_surname.setdefault(person.surname.lower(), person)
        self.unnamed: dict[str, tuple[str, str]] = {}  # head noun -> (institution or description, kind)

    def resolve(self, start: int, end: int, verb: str, quoted: Quoted) -> Speaker:
        """Who the phrase ``text[start:end]`` before or after ``verb`` names as the speaker of ``quoted``."""
        phrase = self.text[start:end]
        pronoun = phrase.lower()
        if pronoun in PRONOUNS:
            return self._pronoun(start, end, verb, quoted, PRONOUNS[pronoun])
        head = self._head_mention(start, end)
        if head:
            return Speaker(head[2].name, head[0], head[1], "person", verb, 0.9, head[2])
        described = self._described(phrase, start)
        if described:
            return Speaker(described.name, start, end, "person", verb, 0.7, described)
        described_from = start
        start, end = _without_determiner(self.text, start, end)
        name = self.text[start:end].strip()
        unknown = _trailing_name(self.text, described_from, end)
        if unknown:
            return Speaker(self.text[unknown[0] : unknown[1]], unknown[0], unknown[1], "person", verb, 0.7)
        kind = self.unnamed.get(name.lower(), (None, None))[1]
        if kind is None and _is_institution(name) and not self._sentence_initial_word(name, start):
            kind = "institution"
        elif kind is None and _is_description(self.text[described_from:end]):
            kind = "description"
        if kind:
            return Speaker(self._earlier_unnamed(name, kind), start, end, kind, verb, UNNAMED_CONFIDENCE[kind])
        return Speaker(None, start, end, None, verb, 0.5)

    def _sentence_initial_word(self, name: str, start: int) -> bool:
        """Whether ``name`` is one word capitalized only because it opens a sentence ("Polls closed"):
        no institution noun, and not written capitalized after a lowercase word nearby."""
        if " " in name or name.lower().strip(".'’s") in INSTITUTION_NOUNS:
            return False
        before = self.text[max(0, start - 3) : start].rstrip(" \"“‘'")
        if before and before[-1] not in ".!?\n":
            return False
        at = self.text.find(" " + name, max(0, start - NEARBY), start + NEARBY)
        for _ in range(MAX_LOOKS):
            if at <= 0:
                break
            after = self.text[at + 1 + len(name) : at + 2 + len(name)]
            if self.text[at - 1] in LOWER_BEFORE_NAME and not (after.isalnum() or after == "_"):
                return False
            at = self.text.find(" " + name, at + 1, start + NEARBY)
        return True

    def person_named(self, surname: str) -> Person | None:
        """The person whose surname is ``surname`` (any case), the first one found."""
        return self.by_surname.get(surname.lower())

    def _head_mention(self, start: int, end: int) -> tuple[int, int, Person] | None:
        """The person the phrase is about: its last mention that is neither a possessive nor a
        modifier of a noun after it ("Trump *lawyer* Marc Kasowitz", "a top Trump surrogate")."""
        head = None
        for m_start, m_end, possessive, person in self._mentions_in(start, end):
            following = WORD.match(self.text, m_end + 1) if self.text[m_end : m_end + 1] == " " else None
            modifier = following is not None and following.start() < end and not verb_like(following.group())
            if not possessive and not (modifier and following.group()[:1].islower()):
                head = (m_start, m_end, person)
        return head

    def _described(self, phrase: str, at: int) -> Person | None:
        """"the president" -> the person mentioned last before ``at`` whose role ends in "president";
        "the 24-year-old" -> the person mentioned last before ``at``."""
        words = phrase.lower().split()
        if len(words) not in (2, 3) or words[0] != "the":
            return None
        by_age = AGE.fullmatch(words[1]) is not None
        if len(words) == 3 and not by_age:
            return None
        i = bisect.bisect_left(self.mention_starts, at) - 1
        while i >= 0 and at - self.mentions[i][0] < 5 * WINDOW:
            person = self.mentions[i][3]
            if by_age and not self._inside_quote(self.mentions[i][0]):
                return person
            if any(role.lower().split()[-1] == words[-1] for role in person.roles):
                return person
            i -= 1
        return None

    def names_person(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a mention of a person of the article."""
        return next(self._mentions_in(start, end), None) is not None

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
                return Speaker(person.name, start, end, "pronoun", verb, 0.6, person)
            i -= 1
        return Speaker(None, start, end, "pronoun", verb, 0.4)

    def _inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quote_spans, (offset, len(self.text))) - 1
        return i >= 0 and self.quote_spans[i][0] < offset < self.quote_spans[i][1]

    def _earlier_unnamed(self, name: str, kind: str) -> str:
        """"the spokesman" after "a Downing Street spokesman" is that spokesman (so is "the diplomat"
        after "a senior Western diplomat")."""
        head = name.split()[-1].lower()
        earlier = self.unnamed.get(head)
        if len(name.split()) == 1 and earlier and earlier[0].lower() != head:
            return earlier[0]
        self.unnamed.setdefault(head, (name, kind))
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
    """An institution, a document or an unnamed spokesperson: an institution noun before any
    "at/of/for" ("a police officer at the scene", "the report"), or a proper noun ("Politifact",
    "The New York Post")."""
    words, rest = name.split(), []
    for i, word in enumerate(words):
        if word.lower() in LINKING:
            words, rest = words[:i], words[i + 1 :]
            break
    if any(w.lower().strip(".'’s") in INSTITUTION_NOUNS or w.lower() in INSTITUTION_NOUNS for w in words):
        return True
    return _proper_noun(words + rest) or (bool(words) and _proper_noun(rest))  # "Analysts at Brookfield Securities"


def _proper_noun(words: list[str]) -> bool:
    """Capitalized words, with "the", "of", "and"... between them: "The New York Post"."""
    if not words or not words[-1][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in NAME_LINKS for w in words)


def _trailing_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a person's name that ends the phrase but that the names finder did not take
    for one: two to four name-like words after a role noun ("union negotiator Petra Kowalczyk")
    or starting with a known given name; "Orion Holdings" alone is no person."""
    if not text[text.rfind(" ", start, end) + 1 : end][:1].isupper():
        return None  # the phrase ends in a lowercase word
    words = list(WORD.finditer(text, start, end))
    run = 0
    while run < len(words) and run < 4 and _name_word(words[-1 - run].group()):
        run += 1
    before = words[-1 - run].group() if run < len(words) else ""
    if run < 2 or before[:1].isupper() or before.lower() in DETERMINERS:
        return None  # one word, the end of a longer capitalized run, or a name with an article: no person
    if not (_is_role_head(before) or words[-run].group().lower() in GIVEN_NAMES):
        return None
    return words[-run].start(), words[-1].end()


def _name_word(word: str) -> bool:
    key = word.lower()
    if key in INSTITUTION_NOUNS or key.rstrip(".") in INSTITUTION_NOUNS:
        return False
    token = Token(0, len(word), word)
    return token.name_like and not token.possessive


def _is_description(phrase: str) -> bool:
    """A description of an unnamed speaker: a determiner or a quantity, then words up to a noun
    for people ("one questioner", "the ad's narrator", "the 34-year-old mother of three",
    "Only 52 percent of registered voters"); "his comments" is none."""
    words = phrase.split()
    if words and words[0].lower().endswith(PLURAL_AGENTS):
        return True  # "Protesters marching through the streets", "Officials"
    while words and words[0].lower() in QUANTITY_ADVERBS:
        words = words[1:]
    owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), None)
    if owner is not None and _people_noun(words[-1]):
        return True  # "Gary Johnson's doctor", "the senator's wife"
    if len(words) < 2 or words[0].lower() not in DESCRIPTION_STARTS and not words[0][:1].isdigit():
        return False
    last = words[-1]
    if not (last.isalpha() and last.islower() and not last.endswith("ly")):
        return False
    head = next((words[i - 1] for i in range(1, len(words)) if words[i].lower() in HEAD_ENDS), last)
    return words[0][:1].isdigit() or "percent" in words or _people_noun(head) or _people_noun(last)


def _people_noun(word: str) -> bool:
    """A noun for a person or people: a role, an agent noun ("questioner"), "witness", "friends"."""
    low = word.lower().strip(".,'’")
    singular = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    return (
        low in PEOPLE_NOUNS
        or singular in PEOPLE_NOUNS
        or singular in ROLE_HEADS
        or (_is_role_head(singular) and not singular.endswith(THING_ENDINGS) and singular not in THINGS)
        or singular.endswith(("man", "woman"))
    )


def _fits(person: Person, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender
