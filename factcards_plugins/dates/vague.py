"""Vague references, only with the ``vague_references`` setting: "now", "currently", "recently",
"in recent years", "the future", "soon" -> TIMEX3's ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.

They place nothing a reader could check, so a card leaves them out by default
(``docs/extractors-dates.md``); a user who wants the text's sense of time can have them.
"""

from __future__ import annotations

import re

from . import patterns as P
from .context import RELATIVE, Context, Found

# TimeML's values for the three directions; the fact's ``granularity`` is "vague".
_VALUES = {"present": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}
CONFIDENCE = 0.5

VAGUE = re.compile(
    r"\b(?:"
    r"(?P<present>(?<![Aa]s\s)(?<!from\s)[Nn]ow(?!\w|['’]s|\sthat\b)|[Cc]urrently|[Pp]resently|[Nn]owadays|[Tt]hese\sdays|at\spresent|at\sthe\smoment)"
    r"|(?P<past>[Rr]ecently|[Ll]ately|recent\s(?:years|months|weeks|days)"
    r"|(?<=[Tt]he\s)past(?=[,.;:!?)]|\s(?:and|or|but|when|as|is|was|were|has|have|had|that|which)\b))"
    r"|(?P<future>(?<=[Tt]he\s)(?:near\s|distant\s|foreseeable\s)?future(?![\w-]|\s(?:of|for)\b)|(?<![Aa]s\s)[Ss]oon(?!\w|\sas\b|\safter\b)"
    r"|(?:(?<=[Tt]he\s)|(?<=in\s))coming\s(?:years|months|weeks|days|decades)|(?<=in\s)past\s(?:years|decades))"
    r")(?![\w-])"
)
# A literal piece of every form, and how far into the match it starts at most ("near future").
TRIGGER = re.compile(r"[Nn]ow|urrently|resently|hese\sdays|at\s(?:present|the\smoment)|ecent|ately|past|future|oon|coming\s")
P.TRIGGERS[VAGUE] = (TRIGGER, len("foreseeable "))


def on_vague(match, ctx: Context) -> Found:
    """A reference to the present, the past or the future at large."""
    direction = match.lastgroup
    value = {"value": _VALUES[direction], "granularity": "vague", "resolution": RELATIVE, "anchor": ctx.anchor_iso}
    return Found(match.start(), match.end(), "date", value, CONFIDENCE, rangeable=False)
