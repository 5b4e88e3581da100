"""A person the article names (``Person``, its ``Mention``s), and the register
of the people found so far, which merges a later, fuller form of a name
("John Smith" after "Smith") into the same person."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import FEMALE_CUES, FEMALE_NAMES, GIVEN_NAMES, MALE_CUES, NEUTRAL_NAMES
from .name_tokens import Token


@dataclass
class Mention:
    start: int
    end: int
    text: str
    possessive: bool = False

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Person:
    """One person the article names: canonical name, roles as written, every mention."""

    name: str
    start: int
    end: int
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    evidence: str = "role"

    def __post_init__(self) -> None:
        self.tokens = self.name.split()

    def rename(self, name: str, start: int, end: int) -> None:
        """Take a fuller form of the name ("John Smith" after "Smith"); the surname stays."""
        self.name, self.start, self.end, self.tokens = name, start, end, name.split()

    @property
    def surname(self) -> str:
        return self.tokens[-1]

    def add_role(self, role: str) -> None:
        """Add ``role`` unless the person already has it or a longer form of it."""
        role = " ".join(role.split())
        low = role.lower()
        if any(r.lower() == low or r.lower().endswith(" " + low) for r in self.roles):
            return
        self.roles = [r for r in self.roles if not low.endswith(" " + r.lower())] + [role]



def _gender_of_name(name_tokens: list[Token]) -> str | None:
    first = name_tokens[0].key
    if len(name_tokens) < 2 and first not in GIVEN_NAMES or first in NEUTRAL_NAMES:
        return None
    if first in FEMALE_NAMES:
        return "f"
    return "m" if first in GIVEN_NAMES else None


def _gender_of(role_tokens: list[Token]) -> str | None:
    keys = {t.key for t in role_tokens}
    if keys & MALE_CUES:
        return "m"
    if keys & FEMALE_CUES:
        return "f"
    return None



class PersonRegister:
    """The people found so far, in order of discovery, and by surname."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.by_surname: dict[str, list[Person]] = {}

    def add(self, name_tokens, role, role_tokens, evidence, role_after) -> None:
        """Record the person ``name_tokens`` name (a new one, or one already known by the name or
        surname), with the role before the name, the role in apposition after it, and the gender cues."""
        name = " ".join(t.bare for t in name_tokens)
        known = self.match(name.split(), name_tokens[0].start)
        if known is None:
            last = name_tokens[-1]
            known = Person(name, name_tokens[0].start, last.start + len(last.bare), evidence=evidence)
            self.people.append(known)
            self.by_surname.setdefault(known.surname, []).append(known)
        elif len(name.split()) > len(known.tokens):
            last = name_tokens[-1]
            known.rename(name, name_tokens[0].start, last.start + len(last.bare))
        if role:
            known.add_role(role)
        known.gender = known.gender or _gender_of(role_tokens) or _gender_of_name(name_tokens)
        if role_after:
            known.add_role(role_after)

    def match(self, words: list[str], at: int) -> Person | None:
        """The person these name words refer to: same full name, or same surname (nearest before ``at``)."""
        same_surname = self.by_surname.get(words[-1], [])
        for person in same_surname:
            if person.tokens == words:
                return person
        candidates = [p for p in same_surname if len(words) == 1 or len(p.tokens) == 1 or p.tokens[0] == words[0]]
        return candidates[-1] if candidates else None
