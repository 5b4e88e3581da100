"""``quotes``: direct quotes with their speakers (rule-based).

A quote fact's span is the quoted words without the quotation marks and
without the comma that news style puts inside the closing mark; sentence-final
``.``, ``?`` and ``!`` stay. A multi-paragraph quote spans from its first word
to its last, paragraph breaks and re-opening marks included; ``value.quote``
drops those marks and joins the paragraphs with a space.

The speaker is found next to the quote: after it (``"...," Peskov pointed
out``, ``"...," said Guterres``, ``..., Johnson's office said``), else before it
(``Lavrov said: "..."``, ``adding "..."``). A surname resolves to the full name
the article gave (``Peskov`` -> Dmitry Peskov), a pronoun to the nearest
fitting person before the quote (lower confidence), and anything else to an
institution (``a Downing Street spokesman``, ``the White House``). See
``docs/extractors-quotes-people.md``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcards import Extractor, Fact, FactType, hookimpl, load_schema

from .names import CALENDAR, PRONOUNS, SPEECH_VERB, Person, find_people
from .quote_scan import Quoted, scan_quotes

VERSION = "0.1.0"
NOT_FOR_QUOTES = ("caption", "heading", "title", "chrome", "duplicate", "dateline", "byline")
WINDOW = 300
MAX_CLAUSES_BACK = 3
LINKING = frozenset("at of for".split())
MAX_SPEAKER_WORDS = 8

VERB = re.compile(r"\b" + SPEECH_VERB + r"\b")
CLAUSE_BREAK = re.compile(r"[,;:\"“”„«»()\n]")
WORD = re.compile(r"[\w.'’-]{1,60}")
# Words that end a speaker phrase: "Shoigu *in* a meeting", "The White House *in* a statement".
PHRASE_STOP = frozenset(
    """in on at during also later earlier then now today yesterday had has have was were is are would will
    again however who which that once meanwhile separately previously recently finally further from with
    after before while when since as for to but and or because if not never already still""".split()
)
OBJECT_VERBS_NOT_SPEAKER = frozenset({"told", "tells", "telling", "asked", "asking", "warning", "urged"})
DETERMINERS = frozenset("the a an".split())
INSTITUTION_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople office ministry department government house kremlin
    statement officials official agency company police embassy council committee court army military
    party union bank source sources administration authorities authority commission regulator palace
    street campaign team firm group organisation organization board cabinet presidency""".split()
)
PARTIAL_END = set(".!?…,:;—–-")
LEADING_ADVERBS = frozenset("earlier later separately meanwhile afterwards then also".split())
ABBREVIATIONS = frozenset("mr. mrs. ms. dr. st. sen. gov. rep. gen. jr. sr.".split())


@dataclass
class Speaker:
    name: str | None
    start: int | None
    end: int | None
    kind: str | None
    verb: str | None
    confidence: float


class _Quotes:
    def __init__(self, document):
        self.document = document
        self.text = document.text
        self.people = find_people(document)
        self.excluded = [(r.start, r.end) for r in document.regions if r.kind in NOT_FOR_QUOTES]
        self.quoted = [q for q in scan_quotes(self.text) if self._allowed(q)]
        self.quote_spans = [(q.open, q.close) for q in self.quoted]
        self.mentions = sorted((m.start, m.end, m.possessive, p) for p in self.people for m in p.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.institutions: dict[str, str] = {}

    def _allowed(self, quoted: Quoted) -> bool:
        """Whether the quote, marks included, overlaps no caption, heading, title, chrome, duplicate, dateline or byline."""
        return not any(start <= quoted.close and quoted.open < end for start, end in self.excluded)

    def facts(self) -> list[Fact]:
        found = []
        self.previous: tuple[int | None, Speaker | None] = (None, None)  # (paragraph start, speaker)
        for index, quoted in enumerate(self.quoted):
            fact = self._fact(index, quoted)
            if fact:
                found.append(fact)
        return found

    def _fact(self, index: int, quoted: Quoted) -> Fact | None:
        start, end = _trimmed(self.text, quoted)
        if start >= end:
            return None
        partial = self._is_partial(quoted, start, end)
        paragraph = self._paragraph_bounds(quoted.open)[0]
        speaker = self._speaker(index, quoted)
        if (speaker is None or speaker.kind is None) and self.previous[0] == paragraph and self.previous[1]:
            speaker = self.previous[1]  # a quote continued in the same paragraph: the same speaker
        self.previous = (self._paragraph_bounds(quoted.close)[0], speaker)
        speaker = speaker or Speaker(None, None, None, None, None, 0.5)
        value = {
            "quote": _joined_text(self.text, quoted, start, end),
            "speaker": speaker.name,
            "speaker_span": {"start": speaker.start, "end": speaker.end} if speaker.start is not None else None,
            "speaker_kind": speaker.kind,
            "verb": speaker.verb,
            "partial": partial,
        }
        return Fact("quote", self.text[start:end], start, end, value, confidence=speaker.confidence)

    # -- partial or full -------------------------------------------------

    def _is_partial(self, quoted: Quoted, start: int, end: int) -> bool:
        """A fragment inside reported speech: starts lowercase, or runs on into the sentence."""
        first = next(filter(str.isalpha, self.text[start:end]), "")
        if first and first.islower():
            return True
        if self.text[quoted.close - 1] in PARTIAL_END or self.text[end - 1] in PARTIAL_END:
            return False
        after = self.text[quoted.close + 1 : quoted.close + 40].lstrip(" ")
        return bool(after[:1].islower()) and not VERB.match(after) and not _starts_with_pronoun_verb(after)

    # -- attribution -----------------------------------------------------

    def _speaker(self, index: int, quoted: Quoted) -> Speaker | None:
        """Who said the quote: the attribution after it, else before it; None when nothing fits."""
        unresolved = None
        windows = (
            (quoted.close + 1, self._after_limit(index, quoted), False),
            (self._before_limit(index, quoted), quoted.open, True),
        )
        for start, end, from_end in windows:
            for verb, phrase in self._attributions(start, end, from_end):
                speaker = self._resolve(phrase[0], phrase[1], verb, quoted)
                if speaker.kind is not None:
                    return speaker
                unresolved = unresolved or speaker
        return self._colon_subject(index, quoted) or unresolved

    def _paragraph_bounds(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n", max(0, offset - WINDOW), offset) + 1 or max(0, offset - WINDOW)
        end = self.text.find("\n", offset, offset + WINDOW)
        return start, end if end != -1 else min(len(self.text), offset + WINDOW)

    def _after_limit(self, index: int, quoted: Quoted) -> int:
        """Where the text that may attribute a quote after its closing mark ends."""
        limit = self._paragraph_bounds(quoted.close)[1]
        if index + 1 < len(self.quoted):
            limit = min(limit, self.quoted[index + 1].open)
        sentence_end = self._sentence_end(quoted.close)
        if sentence_end < 0:
            sentence_end = _clause_end(self.text, quoted.close + 1, limit)
        return min(limit, sentence_end)

    def _before_limit(self, index: int, quoted: Quoted) -> int:
        limit = self._paragraph_bounds(quoted.open)[0]
        if index > 0:
            limit = max(limit, self.quoted[index - 1].close + 1)
        i = self.document.sentence_index(quoted.open)
        if i is not None:
            limit = max(limit, self.document.sentences[i].start)
        return limit

    def _sentence_end(self, offset: int) -> int:
        i = self.document.sentence_index(offset)
        return self.document.sentences[i].end if i is not None else -1

    def _attributions(self, start: int, end: int, from_end: bool):
        """(verb, speaker phrase span) candidates for the speech verbs in text[start:end], nearest first."""
        if end - start < 2:
            return
        verbs = list(VERB.finditer(self.text, start, end))
        for verb in reversed(verbs) if from_end else verbs:
            for phrase in self._subjects(start, verb.start()):
                yield verb.group(), phrase
            phrase = self._object(verb, end)
            if phrase:
                yield verb.group(), phrase

    def _subjects(self, start: int, verb_start: int):
        """Phrases before a speech verb, its own clause first, then earlier clauses:
        "Professor Amara Nwosu, a kidney specialist at ..., said"."""
        bounds = [start] + [brk.end() for brk in CLAUSE_BREAK.finditer(self.text, start, verb_start)] + [verb_start]
        for clause_start, clause_end in list(zip(bounds, bounds[1:]))[::-1][:MAX_CLAUSES_BACK]:
            phrase = _phrase(list(WORD.finditer(self.text, clause_start, clause_end)))
            if phrase:
                yield phrase

    def _object(self, verb: re.Match, end: int) -> tuple[int, int] | None:
        """The phrase right after a speech verb: "said Guterres", "according to the spokesman"."""
        if verb.group() in OBJECT_VERBS_NOT_SPEAKER:
            return None
        brk = CLAUSE_BREAK.search(self.text, verb.end(), end)
        words = list(WORD.finditer(self.text, verb.end(), brk.start() if brk else end))
        if not words or words[0].start() > verb.end() + 1 or words[0].group().lower() in PHRASE_STOP:
            return None
        return _phrase(words)

    def _colon_subject(self, index: int, quoted: Quoted) -> Speaker | None:
        """``Baker disagreed: "..."``: the subject of the clause the colon ends, whatever its verb."""
        before = self.text[max(0, quoted.open - 2) : quoted.open]
        if not before.rstrip().endswith(":"):
            return None
        start = self._before_limit(index, quoted)
        for phrase in self._subjects(start, quoted.open - len(before) + before.rindex(":")):
            speaker = self._resolve(phrase[0], phrase[1], None, quoted)
            if speaker.kind is not None:
                return speaker
        return None

    # -- resolving the phrase ---------------------------------------------

    def _resolve(self, start: int, end: int, verb: str, quoted: Quoted) -> Speaker:
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


def _phrase(words: list[re.Match]) -> tuple[int, int] | None:
    """The speaker phrase in ``words``: after leading time words, up to the next stop word, at most 8 words."""
    kept: list[re.Match] = []
    for i, word in enumerate(words):
        low = word.group().lower().rstrip(".")
        if kept and low in LINKING and i + 1 < len(words) and words[i + 1].group()[:1].isupper():
            kept.append(word)  # "Analysts at Brookfield Securities", "a spokesman for the ministry"
            continue
        if low in PHRASE_STOP or low in CALENDAR or low in LEADING_ADVERBS or (low.endswith("ly") and len(low) > 4):
            if kept:
                break
            continue
        kept.append(word)
    if not kept or len(kept) > MAX_SPEAKER_WORDS:
        return None
    if len(kept) == 1 and kept[0].group().lower() in DETERMINERS:
        return None
    end = kept[-1].end()
    last = kept[-1].group()
    if last.endswith(".") and last.count(".") == 1 and last.lower() not in ABBREVIATIONS:
        end -= 1
    if not any(map(str.isalpha, kept[0].string[kept[0].start() : end])):
        return None
    return kept[0].start(), end


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


def _starts_with_pronoun_verb(after: str) -> bool:
    word = after.split(" ", 1)
    return len(word) == 2 and word[0].lower() in PRONOUNS and bool(VERB.match(word[1]))


def _clause_end(text: str, start: int, limit: int) -> int:
    found = re.compile(r"[.!?](?=\s|$)").search(text, start, limit)
    return found.end() if found else limit


def _trimmed(text: str, quoted: Quoted) -> tuple[int, int]:
    """The quote's span: inside the marks, without surrounding spaces or a trailing comma."""
    start, end = quoted.inner
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _joined_text(text: str, quoted: Quoted, start: int, end: int) -> str:
    """The quote's words with paragraph breaks and re-opening marks of a long quote removed."""
    if not quoted.reopened:
        return text[start:end]
    pieces, cursor = [], start
    for mark in quoted.reopened:
        if start < mark < end:
            pieces.append(text[cursor:mark].strip())
            cursor = mark + 1
    pieces.append(text[cursor:end].strip())
    return " ".join(p for p in pieces if p)


def extract(document, config) -> list[Fact]:
    return _Quotes(document).facts()


@hookimpl
def register_fact_types(register):
    """Register the ``quote`` fact type with its value schema fragment."""
    register(FactType("quote", load_schema("facts/quote.json"), "A direct quote with its speaker, speech verb and whether it is partial."))


@hookimpl
def register_extractors(register):
    """Register the ``quotes`` extractor (fact type ``quote``)."""
    register(
        Extractor(
            name="quotes",
            fact_types=("quote",),
            extract=extract,
            version=VERSION,
            description="Direct quotes (straight, curly, multi-paragraph, partial) with speakers resolved to people, pronouns or institutions.",
        )
    )
