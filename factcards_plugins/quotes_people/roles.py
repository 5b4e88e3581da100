"""Roles as the text writes them: a title before a name ("Russian Defence
Minister"), a lowercase occupation before it ("fisherman"), or an apposition
after it (", the German chancellor,")."""

from __future__ import annotations

import re

from .lexicon import CALENDAR, DETERMINERS, HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS
from .name_tokens import Token

def _role_before(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Token range of the title right before ``tokens[i]``, e.g. "Russian Defence Minister"."""
    head = i - 1
    if head < 0 or tokens[head].key not in ROLE_HEADS or not tokens[i].joined or tokens[head].possessive:
        return None
    first = head
    while first > 0 and head - first < 4 and tokens[first].joined:
        prev = tokens[first - 1]
        if prev.key in DETERMINERS or prev.key in CALENDAR or prev.possessive:
            break
        if not (prev.capitalized or prev.key in ROLE_MODIFIERS or prev.key in ROLE_HEADS):
            break
        first -= 1
    return first, head + 1


MODIFIER_STOP = frozenset(
    """the a an and or but nor of in on at to for with by from as than that this these those his her its their
    our my your who which whom whose is was were are be been being has have had will would can could should may
    might must said says say told tells met meets also then when while after before about over under into onto
    upon between among against during without within via per not no so if because whether where there here it
    he she they we i you him them us one two three new""".split()
) | CALENDAR
LEFT_WORD = re.compile(r"([\w’'.&-]{1,30}) $")
MAX_ROLE_WORDS_LEFT = 3


def _modifier_word(word: str) -> bool:
    """A word that can qualify a title: "opposition" leader, "planning" director, "Pop" star."""
    low = word.lower()
    if low in ROLE_MODIFIERS or low in ROLE_HEADS:
        return True
    if low in MODIFIER_STOP or low[-2:] in ("'s", "’s") or not low[:1].isalpha():
        return False
    if low.endswith(".") and "." not in low[:-1]:
        return False  # the end of the previous sentence
    return not low.endswith(("ed", "ly"))  # "planning director" and "visiting professor" keep their -ing word


def _extend_role_left(text: str, start: int) -> int:
    """Where a title really starts: "opposition leader" rather than "leader"."""
    for _ in range(MAX_ROLE_WORDS_LEFT):
        found = LEFT_WORD.search(text, max(0, start - 32), start)
        if not found or not _modifier_word(found.group(1)):
            break
        start = found.start(1)
    return start


def _false_title(text: str, start: int) -> tuple[int, int] | None:
    """A lowercase occupation noun right before a name: "fisherman Arne Bakke", "pop star Jade Monroe"."""
    found = LEFT_WORD.search(text, max(0, start - 32), start)
    if not found or not found.group(1).islower() or not _is_role_head(found.group(1)):
        return None
    return _extend_role_left(text, found.start(1)), found.end(1)


APPOSITION = re.compile(
    r"(?:\sof\s[A-Z][\w.'’-]{0,30}(?:\s[A-Z][\w.'’-]{0,30}){0,2})?"  # "Senator Doug Fairweather of Ohio, the ..."
    r",\s(?:(?:the|a|an|its|his|her)\s)?((?:[\w.'’-]{1,30}\s){0,4}?[\w.'’-]{1,30}?)(?=[,;.]|\s(?:of|who|for|at|in|with)\s|$)",
)


def _role_after(text: str, end: int) -> str | None:
    """A role in apposition right after a name: ", the German chancellor," -> "German chancellor"."""
    window = text[end : end + 80]
    match = APPOSITION.match(window)
    if not match:
        return None
    role = match.group(1)
    words = role.split()
    if len(words) > 1 and words[0][-2:] in ("'s", "’s"):
        words = words[1:]
        role = role.split(None, 1)[1]  # the words may be split by any whitespace, a line break too
    if not words or not _is_role_head(words[-1].lower()) or words[-1].lower() in HONORIFICS:
        return None
    if not all(_modifier_word(w) for w in words[:-1]):
        return None
    return role


AGENT_SUFFIXES = ("ist", "ian", "er", "or", "ant", "ent", "eur", "man", "woman")


def _is_role_head(word: str) -> bool:
    """A title word, or an agent noun in apposition ("an epidemiologist", "a historian")."""
    return word in ROLE_HEADS or (word.islower() and len(word) > 4 and word.endswith(AGENT_SUFFIXES))



def _role_text(text: str, role_tokens: list[Token]) -> str | None:
    """The role as written, without honorifics ("Lead author Dr." -> "Lead author"; "Mr." -> None)."""
    kept = list(role_tokens)
    while kept and kept[-1].key in HONORIFICS:
        kept.pop()
    if not kept or kept[-1].key not in ROLE_HEADS:
        return None
    return text[kept[0].start : kept[-1].end]

