"""factcards-casualties: death and injury counts in news, as ``casualty_count`` facts.

"At least 12 people were killed" -> ``{"count": 12, "kind": "killed", "qualifier": "at least"}``.

Three shapes of sentence are read:

- a count, then up to three words, then the outcome: "12 people were killed",
  "more than 40 injured", "two soldiers died", "five people are missing";
- the outcome verb, then the count: "killing at least 30", "wounding 12 civilians";
- a death toll: "the death toll rose to 56".

Vague counts ("dozens", "scores") are left out: a count must be a number.
Built with ``factcards new-plugin`` and factcards' public API only.
"""

from __future__ import annotations

import re

from factcards import Extractor, Fact, FactType, hookimpl

__version__ = "0.1.0"
FACTCARDS_PLUGIN_API = "1.0"  # the factcards plugin API this module is written for

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
        )
    )


def extract(document, config):
    """Yield one ``casualty_count`` fact per count, never two for overlapping text.

    ``config["min_count"]``: smaller counts are left out (default 1, so "no one
    was hurt" style zeros are not facts).
    """
    taken_until = 0
    for match in sorted(_matches(document.text), key=lambda m: (m.start(), -m.end())):
        if match.start() < taken_until:
            continue
        value = casualty_value(match)
        if value is None or value["count"] < config["min_count"]:
            continue
        taken_until = match.end()
        yield Fact(FACT_TYPE, match.group(), match.start(), match.end(), value)


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
