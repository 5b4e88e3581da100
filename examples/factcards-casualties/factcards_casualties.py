"""factcards-casualties: death and injury counts in news, as ``casualty_count`` facts.

"At least 12 people were killed" -> ``{"count": 12, "kind": "killed", "qualifier": "at least"}``.

Three shapes of sentence are read:

- a count, then up to three words, then the outcome: "12 people were killed",
  "more than 40 injured", "two soldiers died", "five people are missing";
- the outcome verb, then the count: "killing at least 30", "wounding 12 civilians";
- a death toll: "the death toll rose to 56".

Vague counts ("dozens", "scores") are left out: a count must be a number.
Built with ``factcards new-plugin`` and factcards' public API only.

It works with the built-in ``numbers`` extractor rather than beside it: the
extractor ``requires`` number facts, so it runs after ``numbers`` and reads
them from ``document.facts`` (any number the built-in reads, "twenty-three"
or "1.2 million", can start a count), and it ``supersedes`` them, so the
core drops the bare ``number`` inside each casualty count instead of the
card holding both. Without ``numbers`` it reads counts with its own patterns.
"""

from __future__ import annotations

import re

from factcards import Extractor, Fact, FactType, hookimpl

__version__ = "0.1.0"
FACTCARDS_PLUGIN_API = "1.1"  # the factcards plugin API this module is written for (requires, supersedes)

FACT_TYPE = "casualty_count"
KINDS = ("killed", "injured", "missing")

VALUE_SCHEMA = {
    "type": "object",
    "required": ["count", "kind", "qualifier"],
    "additionalProperties": False,
    "properties": {
        "count": {"type": "integer", "minimum": 0},
        "kind": {"enum": list(KINDS)},
        "qualifier": {"enum": ["at least", "more than", "nearly", "about", "up to", None]},
    },
}

WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "a hundred": 100})

# The words for each kind of outcome, and the qualifiers in their normalized form.
OUTCOMES = {
    "killed": "killed", "dead": "killed", "died": "killed", "dies": "killed", "killing": "killed", "kills": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuring": "injured", "wounding": "injured",
    "injures": "injured", "missing": "missing",
}  # fmt: skip
QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than", "nearly": "nearly", "almost": "nearly",
    "about": "about", "around": "about", "some": "about", "roughly": "about", "up to": "up to",
}  # fmt: skip

_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(map(re.escape, WORD_NUMBERS), key=len, reverse=True)) + r")"
_QUALIFIER = r"(?:(?P<qualifier>" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
_OUTCOME_AFTER = r"(?P<outcome>killed|dead|died|injured|wounded|hurt|missing)"
_OUTCOME_BEFORE = r"(?P<outcome>killing|kills|killed|wounding|wounded|injuring|injures|injured)"

# Compiled once, at import: extractors run on every article.
PATTERNS = (
    re.compile(rf"\b(?<!no ){_QUALIFIER}{_NUMBER}(?:\s+[a-z]+(?:-[a-z]+)?){{0,3}}?\s+{_OUTCOME_AFTER}\b", re.IGNORECASE),
    re.compile(rf"\b{_OUTCOME_BEFORE}\s+{_QUALIFIER}{_NUMBER}\b", re.IGNORECASE),
    re.compile(rf"\bdeath toll(?:\s+(?:has|had))?(?:\s+(?:rose|rises|risen|climbed|climbs|reached|stood|stands|was|is))?\s+(?:to|at)?\s*{_QUALIFIER}{_NUMBER}\b", re.IGNORECASE),
)
_NOT_A_COUNT = re.compile(r"(?i)\b(?:years?|days?|hours?|minutes?|percent|%|km|miles?)\b")
# What follows a number fact in a count: up to three words, then the outcome.
_AFTER_NUMBER = re.compile(rf"(?:\s+[a-z]+(?:-[a-z]+)?){{0,3}}?\s+{_OUTCOME_AFTER}\b", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(r"(?:" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$", re.IGNORECASE)


@hookimpl
def register_fact_types(register):
    """Declare ``casualty_count`` and the schema of its values."""
    register(FactType(FACT_TYPE, VALUE_SCHEMA, "How many people were killed, injured or are missing."))


@hookimpl
def register_extractors(register):
    """Declare the ``casualties`` extractor; factcards runs it on every article unless it is disabled."""
    register(
        Extractor(
            name="casualties",
            fact_types=(FACT_TYPE,),
            extract=extract,
            version=__version__,
            default_config={"min_count": 1},
            description="Death and injury counts: 'at least 12 people were killed'.",
            requires=("number",),
            supersedes=("number",),
        )
    )


def extract(document, config):
    """Yield one ``casualty_count`` fact per count, never two for overlapping text.

    ``config["min_count"]``: smaller counts are left out (default 1, so "no one
    was hurt" style zeros are not facts).
    """
    taken_until = 0
    found = [*_counts_from_number_facts(document), *_counts_from_patterns(document.text)]
    for start, end, value in sorted(found, key=lambda f: (f[0], -f[1])):
        if start < taken_until or value["count"] < config["min_count"]:
            continue
        taken_until = end
        yield Fact(FACT_TYPE, document.text[start:end], start, end, value)


def _counts_from_number_facts(document):
    """``(start, end, value)`` for each number fact of the ``numbers`` extractor followed by an outcome."""
    text = document.text
    for number in document.facts:
        if number.type != "number" or number.value.get("kind") != "cardinal" or number.value["value"] != int(number.value["value"]):
            continue
        outcome = _AFTER_NUMBER.match(text, number.end)
        if outcome is None or _NOT_A_COUNT.search(outcome.group()):
            continue
        qualifier = _QUALIFIER_BEFORE.search(text, max(0, number.start - 12), number.start)
        start = qualifier.start() if qualifier else number.start
        value = {
            "count": int(number.value["value"]),
            "kind": OUTCOMES[outcome.group("outcome").lower()],
            "qualifier": QUALIFIERS[qualifier.group().strip().lower()] if qualifier else None,
        }
        yield start, outcome.end(), value


def _counts_from_patterns(text: str):
    for match in _matches(text):
        value = casualty_value(match)
        if value is not None:
            yield match.start(), match.end(), value


def _matches(text: str):
    for pattern in PATTERNS:
        yield from pattern.finditer(text)


def casualty_value(match: re.Match) -> dict | None:
    """The normalized value of one match, or None when it is not a casualty count ("12 years ... died")."""
    if _NOT_A_COUNT.search(match.group()):
        return None
    number = match.group("number").lower()
    count = WORD_NUMBERS.get(number)
    if count is None:
        count = int(number.replace(",", ""))
    qualifier = match.group("qualifier")
    outcome = match.groupdict().get("outcome")
    return {
        "count": count,
        "kind": OUTCOMES[outcome.lower()] if outcome else "killed",
        "qualifier": QUALIFIERS[qualifier.lower()] if qualifier else None,
    }
