"""Finding the attribution of a quote: the speech verbs around it and the phrase
each one gives as the speaker, after the quote first, then before it, then the
subject before a colon."""

from __future__ import annotations

import re
from itertools import islice

from .lexicon import CALENDAR, SPEECH_VERB, verb_like
from .attribution_marks import dash_speaker, label_speaker, paragraph_colon
from .quote_scan import Quoted
from .speakers import DETERMINERS, LINKING, WINDOW, WORD, Speaker, SpeakerResolver

MAX_CLAUSES_BACK = 4
MAX_SPEAKER_WORDS = 8
SUBJECT_CONFIDENCE = 0.5
PREVIOUS_SENTENCE_CONFIDENCE = 0.6
PHRASE_WORDS_READ = 24  # a phrase that has not ended by then is longer than MAX_SPEAKER_WORDS

VERB = re.compile(r"\b" + SPEECH_VERB + r"\b")
CLAUSE_BREAK = re.compile(r",(?!\d)|[;:\"“”„«»()\n—―–]")  # not the comma of "2,000"
NEW_SENTENCE = re.compile(r"[ \t\u00a0]{1,3}[A-Z]")
# A party and a state or district after a lawmaker's name: "(D-Vt.)", "(R-Ohio)", "(D-Harbor City)".
PARTY_TAG = re.compile(r"(?<=\()[DRI]-[A-Z]")
# Words that end a speaker phrase: "Shoigu *in* a meeting", "The White House *in* a statement".
PHRASE_STOP = frozenset(
    """in on at during also later earlier then now today yesterday had has have was were is are would will
    again however who which that once meanwhile separately previously recently finally further from with
    after before while when since as for to but and or because if not never already still often always
    sometimes even""".split()
)
# Verbs whose object is who is spoken to or what is named, not the speaker ("called the update").
SUBORDINATORS = frozenset("when while as because if since after before although though that which who where whether".split())
OBJECT_VERBS_NOT_SPEAKER = frozenset(
    """told tells telling asked asks asking warning warns urged advised called calls calling described
    describes describing dubbed branded termed""".split()
)
DETERMINERS_AND_POSSESSIVES = frozenset("the a an his her its their our my your this that these those one".split())
LEADING_ADVERBS = frozenset("earlier later separately meanwhile afterwards then also even".split())
PHRASE_BREAKS = PHRASE_STOP | CALENDAR | LEADING_ADVERBS
ABBREVIATIONS = frozenset("mr. mrs. ms. dr. st. sen. gov. rep. gen. jr. sr.".split())


class Attributions:
    """The attribution of each quote of a document (``quoted``: its quotes in reading order)."""

    def __init__(self, document, quoted: list[Quoted], resolver: SpeakerResolver):
        self.document = document
        self.text = document.text
        self.quoted = quoted
        self.resolver = resolver
        self._paragraphs: dict[int, tuple[int, int]] = {}  # offset -> paragraph_bounds(offset)

    def speaker(self, index: int, quoted: Quoted) -> Speaker | None:
        """Who said the quote: a speaker label or a dash and a name; else the attribution after it in
        its sentence, else before it, else in the next sentence when the quote ends its own; else
        the subject before a colon, else the subject of the quote's sentence; None when nothing fits."""
        marked = label_speaker(self.text, quoted, self.resolver) or dash_speaker(self.text, quoted, self.resolver)
        if marked:
            return marked
        unresolved, limits = None, []
        for start, end, from_end in self._windows(index, quoted):
            limits.append((start, end))
            for verb, phrases in self._attributions(start, end, from_end):
                speakers = self._resolved(phrases, verb, quoted)
                found = _preferred(speakers)
                if found:
                    return found
                unresolved = unresolved or (speakers[0] if speakers else None)
        after, before = limits[0][1], limits[1][0]  # the fallbacks read within the same limits
        return (
            self._colon_subject(quoted, before)
            or self._sentence_subject(quoted, before, after)
            or self._previous_sentence(index, quoted)
            or unresolved
        )

    def _windows(self, index: int, quoted: Quoted):
        """(start, end, read from the end) of the stretches that may attribute the quote, in order:
        after it in its sentence, before it, and the next sentence when the quote ends its own."""
        sentence_end = self._sentence_end(quoted.close)
        yield quoted.close + 1, self._after_limit(index, quoted, sentence_end), False
        yield self._before_limit(index, quoted), quoted.open, True
        yield quoted.close + 1, self._next_sentence_limit(index, quoted, sentence_end), False

    def _resolved(self, phrases, verb: str | None, quoted: Quoted) -> list[Speaker]:
        """The speakers the phrases name, up to the first person (no later phrase can be preferred)."""
        speakers = []
        for start, end in phrases:
            speakers.append(self.resolver.resolve(start, end, verb, quoted))
            if speakers[-1].kind == "person":
                break
        return speakers

    def paragraph_bounds(self, offset: int) -> tuple[int, int]:
        """The paragraph around ``offset``, at most ``WINDOW`` characters each side."""
        bounds = self._paragraphs.get(offset)
        if bounds is None:
            bounds = self._paragraphs[offset] = self._find_paragraph(offset)
        return bounds

    def _find_paragraph(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n", max(0, offset - WINDOW), offset) + 1 or max(0, offset - WINDOW)
        end = self.text.find("\n", offset, offset + WINDOW)
        return start, end if end != -1 else min(len(self.text), offset + WINDOW)

    def _after_limit(self, index: int, quoted: Quoted, sentence_end: int) -> int:
        """Where the text that may attribute a quote after its closing mark ends (``sentence_end``:
        the end of the sentence holding the closing mark, or -1 between sentences)."""
        if self._ends_sentence(quoted, sentence_end):
            return quoted.close
        limit = self._following_limit(index, quoted)
        if sentence_end < 0:
            sentence_end = _clause_end(self.text, quoted.close + 1, limit)
        return min(limit, sentence_end)

    def _following_limit(self, index: int, quoted: Quoted) -> int:
        """The end of the paragraph after the closing mark, or the next quote's opening if sooner."""
        limit = self.paragraph_bounds(quoted.close)[1]
        if index + 1 < len(self.quoted):
            limit = min(limit, self.quoted[index + 1].open)
        return limit

    def _ends_sentence(self, quoted: Quoted, sentence_end: int) -> bool:
        """Whether the quote ends its sentence: the segmenter says so (``sentence_end``, as for
        ``_after_limit``), or the quote ends in ".", "?" or "!" and a capital follows
        ("...escapades." The agency said...)."""
        if 0 <= sentence_end <= quoted.close + 1:
            return True
        return self.text[quoted.close - 1] in ".?!" and NEW_SENTENCE.match(self.text, quoted.close + 1) is not None

    def _next_sentence_limit(self, index: int, quoted: Quoted, sentence_end: int) -> int:
        """When the quote ends its sentence ("...?" Graham asked.), the end of the next sentence
        (within the paragraph, before the next quote); else the closing mark (nothing to read)."""
        if not self._ends_sentence(quoted, sentence_end):
            return quoted.close
        next_end = self._sentence_end(quoted.close + 2)
        return min(self._following_limit(index, quoted), next_end) if next_end > 0 else quoted.close

    def _before_limit(self, index: int, quoted: Quoted) -> int:
        """Where the text that may attribute a quote before its opening mark starts: its sentence,
        within the paragraph, after the previous quote."""
        limit = self.paragraph_bounds(quoted.open)[0]
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
        """(verb, speaker phrase spans) for the speech verbs in text[start:end], nearest first; the
        phrases are the verb's subjects (its own clause first) and then its object."""
        if end - start < 2:
            return
        verbs = VERB.finditer(self.text, start, end)  # read on only while no verb has named the speaker
        for verb in reversed(list(verbs)) if from_end else verbs:
            yield verb.group(), self._phrases(verb, start, end, from_end)

    def _phrases(self, verb: re.Match, start: int, end: int, from_end: bool):
        """The speaker phrases of one verb, read lazily: its subjects, then its object, unless
        a subject stands in the verb's own clause ("73 percent said the same of Trump")."""
        according = verb.group().lower() == "according to"  # its object is the source, never its subject
        own_subject = False
        if not according:
            for phrase, own_clause in self._subjects(start, verb.start(), after_quote=not from_end):
                if phrase is None:
                    return  # the verb of a subordinate clause: no attribution
                own_subject = own_subject or own_clause
                yield phrase
        if own_subject:
            return
        phrase = self._object(verb, end)
        if phrase and (according or not from_end or self._ends_before_quote(phrase, end)):
            yield phrase

    def _words(self, start: int, end: int) -> list[re.Match]:
        """The first words of ``text[start:end]``: enough for any speaker phrase to start and end in."""
        return list(islice(WORD.finditer(self.text, start, end), PHRASE_WORDS_READ))

    def _ends_before_quote(self, phrase: tuple[int, int], quote_open: int) -> bool:
        """Whether a phrase after a verb before the quote reaches the quote ("said the spokesman:
        "...""): else it starts the reported clause ("said the recent spate ... demands")."""
        return not self.text[phrase[1] : quote_open].strip(" ,:\u00a0")

    def _subjects(self, start: int, verb_start: int, after_quote: bool = False):
        """(phrase, whether in the verb's own clause) before a speech verb, its own clause first,
        then earlier clauses: "Professor Amara Nwosu, a kidney specialist at ..., said". After a
        quote, a clause opening with a subordinator is no attribution of it ("when he said"):
        (None, True) then ends the phrases."""
        bounds = [start] + [brk.end() for brk in CLAUSE_BREAK.finditer(self.text, start, verb_start)] + [verb_start]
        clauses = list(zip(bounds, bounds[1:]))[::-1][:MAX_CLAUSES_BACK]
        for n, (clause_start, clause_end) in enumerate(clauses):
            words = self._words(clause_start, clause_end)
            if after_quote and words and words[0].group().lower() in SUBORDINATORS:
                yield None, True
                return
            phrase = _phrase(words)
            if phrase and not PARTY_TAG.match(self.text, phrase[0]):
                yield phrase, n == 0

    def _object(self, verb: re.Match, end: int) -> tuple[int, int] | None:
        """The phrase right after a speech verb: "said Guterres", "according to the spokesman"."""
        if verb.group() in OBJECT_VERBS_NOT_SPEAKER:
            return None
        brk = CLAUSE_BREAK.search(self.text, verb.end(), end)
        words = self._words(verb.end(), brk.start() if brk else end)
        if not words or words[0].start() > verb.end() + 1 or words[0].group().lower() in PHRASE_STOP:
            return None
        return _phrase(words)

    def _colon_subject(self, quoted: Quoted, before_limit: int) -> Speaker | None:
        """``Baker disagreed: "..."``: the subject of the clause the colon ends (from ``before_limit``),
        whatever its verb; the colon may end the paragraph before a quote that opens its own."""
        before = self.text[max(0, quoted.open - 2) : quoted.open]
        if before.rstrip().endswith(":"):
            start, colon = before_limit, quoted.open - len(before) + before.rindex(":")
        else:
            colon = paragraph_colon(self.text, quoted)
            if colon is None:
                return None
            i = self.document.sentence_index(colon)
            start = self.document.sentences[i].start if i is not None else self.paragraph_bounds(colon)[0]
        phrases = (phrase for phrase, _ in self._subjects(start, colon) if phrase)
        return _preferred(self._resolved(phrases, None, quoted))

    def _previous_sentence(self, index: int, quoted: Quoted) -> Speaker | None:
        """A quote opening its sentence right after a sentence that ends in an attribution
        ("..., Schiff said. "The other factor..."): that speaker, at lower confidence."""
        i = self.document.sentence_index(quoted.open)
        start = self.document.sentences[i].start if i else quoted.open
        if not i or quoted.open - start > 4 or self.text[start : quoted.open].strip(" \t\u00a0"):
            return None  # the first sentence, or the quote does not open its sentence
        previous = self.document.sentences[i - 1]
        if "\n" in self.text[previous.start : quoted.open] or (index and self.quoted[index - 1].close > previous.start):
            return None  # another paragraph, or a quote of its own (the continuation rule's case)
        last_break = None
        for last_break in CLAUSE_BREAK.finditer(self.text, previous.start, previous.end):
            pass
        start = last_break.end() if last_break else previous.start
        for verb, phrases in self._attributions(start, previous.end, True):
            found = _preferred(self._resolved(phrases, verb, quoted))
            if found and found.kind in ("person", "pronoun", "institution"):
                found.confidence = min(found.confidence, PREVIOUS_SENTENCE_CONFIDENCE)
                return found
        return None

    def _sentence_subject(self, quoted: Quoted, start: int, after_limit: int) -> Speaker | None:
        """A quote inside a sentence whose verb is no speech verb ("Trump openly admires Putin as a
        “strong leader”"): the person or institution that starts one of the sentence's first two
        clauses before the quote (from ``start``, its before limit), at low confidence; clauses
        opening with a preposition are passed over. Else the subject after it (up to ``after_limit``)."""
        if quoted.open - start < 3:
            return self._subject_after(quoted, after_limit)  # the quote opens its sentence
        bounds = [start] + [brk.end() for brk in islice(CLAUSE_BREAK.finditer(self.text, start, quoted.open), 1)]
        for clause_start in bounds:
            words = self._words(clause_start, quoted.open)
            if not words or words[0].group().lower() in PHRASE_STOP:
                continue
            phrase = _phrase(words)
            if phrase is None or phrase[0] != words[0].start():
                continue
            phrase = self._last_clause_of(phrase, quoted.open)
            if phrase is None:
                continue
            speaker = self.resolver.resolve(phrase[0], phrase[1], None, quoted)
            if speaker.kind in ("person", "pronoun", "institution"):
                speaker.confidence = min(speaker.confidence, SUBJECT_CONFIDENCE)
                return speaker
        return self._subject_after(quoted, after_limit)

    def _last_clause_of(self, phrase: tuple[int, int], limit: int) -> tuple[int, int] | None:
        """A subject phrase running over a clause break that names no person before its last one
        is the phrase after it ("Two years ago, a memo warned"): what comes before is a time
        phrase; "Ana Ruiz, the union's lawyer, dismissed" stays whole."""
        last = None
        for last in CLAUSE_BREAK.finditer(self.text, phrase[0], phrase[1]):
            pass
        if last is None or self.resolver.names_person(phrase[0], last.start()):
            return phrase
        words = self._words(last.end(), limit)
        found = _phrase(words)
        return found if found and found[0] == words[0].start() else None

    def _subject_after(self, quoted: Quoted, after_limit: int) -> Speaker | None:
        """A quote in an opening phrase ("Bemoaning the "phony system," Trump accused Holt"): the
        person named right after it (before ``after_limit``), at low confidence."""
        if self.text[quoted.close + 1 : quoted.close + 2] not in (" ", ","):
            return None
        words = self._words(quoted.close + 1, after_limit)
        phrase = _phrase(words) if words and words[0].start() <= quoted.close + 3 else None
        if phrase is None or phrase[0] != words[0].start():
            return None
        speaker = self.resolver.resolve(phrase[0], phrase[1], None, quoted)
        if speaker.kind not in ("person", "pronoun"):
            return None
        speaker.confidence = min(speaker.confidence, SUBJECT_CONFIDENCE)
        return speaker


def _preferred(speakers: list[Speaker]) -> Speaker | None:
    """The speaker among one verb's candidate phrases: the first person (or pronoun), else the
    first institution, else the first description ("Flynn, a top Trump surrogate, said" is
    Flynn's; "Hanbit Group, a minority investor, said" is the group's)."""
    tiers = (
        lambda s: s.kind == "person" or (s.kind == "pronoun" and s.name is not None),
        lambda s: s.kind == "institution",
        lambda s: s.kind == "description",
        lambda s: s.kind == "pronoun",
    )
    for tier in tiers:
        found = next(filter(tier, speakers), None)
        if found:
            return found
    return None


def _phrase(words: list[re.Match]) -> tuple[int, int] | None:
    """The speaker phrase in ``words``: after leading time words, up to the next stop word, at most 8 words."""
    kept: list[re.Match] = []
    for i, word in enumerate(words):
        low = word.group().lower().rstrip(".")
        if kept and low in LINKING and i + 1 < len(words) and words[i + 1].group()[:1].isupper():
            kept.append(word)  # "Analysts at Brookfield Securities", "a spokesman for the ministry"
            continue
        if low in PHRASE_BREAKS or (low.endswith("ly") and len(low) > 4):
            if kept:
                break
            continue
        if kept and verb_like(word.group()) and kept[-1].group().lower() not in DETERMINERS_AND_POSSESSIVES:
            break  # the subject's verb: "Grace Odhiambo *disagreed*", "The statement *noted*" ("the elected" stays)
        kept.append(word)
        if len(kept) > MAX_SPEAKER_WORDS:
            return None
    if not kept or verb_like(kept[0].group()):
        return None  # none, too long, or a predicate ("watched the police videos"), not a subject
    if len(kept) == 1 and kept[0].group().lower() in DETERMINERS:
        return None
    end = kept[-1].end()
    last = kept[-1].group()
    if last.endswith(".") and last.count(".") == 1 and last.lower() not in ABBREVIATIONS:
        end -= 1
    if not any(map(str.isalpha, kept[0].string[kept[0].start() : end])):
        return None
    return kept[0].start(), end


def _clause_end(text: str, start: int, limit: int) -> int:
    found = re.compile(r"[.!?](?=\s|$)").search(text, start, limit)
    return found.end() if found else limit
