"""``people``: the people an article names, once each, with the roles it gives them.

Rule-based (see ``names.py``): title-name patterns (``Kremlin spokesperson
Dmitry Peskov``), apposition (``Olaf Scholz, the German chancellor,``), known
given names and speech-verb neighbours; every later mention (surname,
possessive) is linked to the same person. Places, organizations, photo credits
and anything in captions, chrome, duplicates, datelines or bylines are not
people. A person fact's span is the first full mention of the name.
"""

from __future__ import annotations

from factcards import Extractor, Fact, FactType, hookimpl, load_schema

from .names import find_people

VERSION = "0.1.0"
CONFIDENCE = {"role": 0.95, "apposition": 0.9, "given-name": 0.75, "speech": 0.7}


def extract(document, config) -> list[Fact]:
    facts = []
    for person in find_people(document):
        value = {"name": person.name, "roles": list(person.roles), "mentions": [m.to_dict() for m in person.mentions]}
        text = document.text[person.start : person.end]
        facts.append(Fact("person", text, person.start, person.end, value, confidence=CONFIDENCE.get(person.evidence, 0.7)))
    return facts


@hookimpl
def register_fact_types(register):
    """Register the ``person`` fact type with its value schema fragment."""
    register(FactType("person", load_schema("facts/person.json"), "A person named in the article, with roles and every mention."))


@hookimpl
def register_extractors(register):
    """Register the ``people`` extractor (fact type ``person``)."""
    register(
        Extractor(
            name="people",
            fact_types=("person",),
            extract=extract,
            version=VERSION,
            description="People named in the article, once each, with their roles and all mentions.",
        )
    )
