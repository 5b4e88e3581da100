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

from factcards import Extractor, Fact, FactType, hookimpl, load_schema

from .attribution import Attributions
from .attribution_marks import dash_name, split_at_labels
from .names import find_people
from .quote_scan import DOUBLE_MARKS, Quoted, scan_quotes
from .quote_text import _joined_text, _trimmed, in_headline, is_nickname, is_partial, is_programme_title, title_lines_end
from .speakers import Speaker, SpeakerResolver

VERSION = "0.1.0"
NOT_FOR_QUOTES = ("caption", "heading", "title", "chrome", "duplicate", "dateline", "byline")


class _Quotes:
    """The quote facts of one document: the quotes, each with its attribution, a quote
    without one continuing the previous quote's speaker within the same paragraph."""

    def __init__(self, document):
        self.document = document
        self.text = document.text
        self.people = find_people(document)
        self.excluded = [(r.start, r.end) for r in document.regions if r.kind in NOT_FOR_QUOTES]
        self.headings = {r.start for r in document.regions if r.kind == "heading"}
        pieces = [self._before_excluded(piece) for quoted in scan_quotes(self.text) for piece in split_at_labels(self.text, quoted)]
        double_marked = any(self.text[piece.open] in DOUBLE_MARKS for piece in pieces)
        self.title_end = title_lines_end(self.text) if double_marked else 0
        self.quoted = [piece for piece in pieces if self._allowed(piece)]
        self.quote_spans = [(q.open, q.close) for q in self.quoted]
        self.attributions = Attributions(document, self.quoted, SpeakerResolver(self.text, self.people, self.quote_spans))

    def _before_excluded(self, quoted: Quoted) -> Quoted:
        """A multi-paragraph quote up to the first of its re-opened paragraphs that is excluded (a
        line the page repeats, such as a transcript's ``"(CROSSTALK)``): the quote stays, without it."""
        if not quoted.reopened or not self.excluded:
            return quoted
        starts = {start for start, _ in self.excluded}
        for k, mark in enumerate(quoted.reopened):
            if mark in starts:
                return Quoted(quoted.open, self.text.rfind("\n", quoted.open, mark), quoted.reopened[:k])
        return quoted

    def _allowed(self, quoted: Quoted) -> bool:
        """Whether the quote, marks included, overlaps no caption, heading (unless it opens the
        heading's line and a dash and a name end it), title, chrome, duplicate, dateline or byline,
        is in no line written in headline case, is no single-quoted quote in the headline of an
        article that quotes with double marks, and is no nickname inside a name nor a programme's
        title after its broadcaster."""
        if any(start <= quoted.close and quoted.open < end for start, end in self.excluded):
            if not (quoted.open in self.headings and dash_name(self.text, quoted)):
                return False  # a quoted line with its dash and name ("..." ― Ana Ruiz) is no heading
        if quoted.open < self.title_end and self.text[quoted.open] not in DOUBLE_MARKS:
            return False
        if is_nickname(self.text, quoted) or is_programme_title(self.text, quoted):
            return False
        return not in_headline(self.text, quoted.open)

    def facts(self) -> list[Fact]:
        found = []
        self.previous: tuple[int | None, Speaker | None] = (None, None)  # (closing mark, speaker)
        for index, quoted in enumerate(self.quoted):
            fact = self._fact(index, quoted)
            if fact:
                found.append(fact)
        return found

    def _fact(self, index: int, quoted: Quoted) -> Fact | None:
        start, end = _trimmed(self.text, quoted)
        if start >= end:
            return None
        partial = is_partial(self.text, quoted, start, end)
        speaker = self.attributions.speaker(index, quoted)
        if (speaker is None or speaker.kind is None) and self._same_paragraph(self.previous[0], quoted.open) and self.previous[1]:
            speaker = self.previous[1]  # a quote continued in the same paragraph: the same speaker
        self.previous = (quoted.close, speaker)
        speaker = speaker or Speaker(None, None, None, None, None, 0.5)
        value = {
            "quote": _joined_text(self.text, quoted, start, end),
            "speaker": speaker.name,
            "speaker_span": {"start": speaker.start, "end": speaker.end} if speaker.start is not None else None,
            "speaker_kind": speaker.kind,
            "verb": speaker.verb,
            "partial": partial,
            "person": {"start": speaker.person.start, "end": speaker.person.end} if speaker.person else None,
        }
        return Fact("quote", self.text[start:end], start, end, value, confidence=speaker.confidence)

    def _same_paragraph(self, previous_close: int | None, opening: int) -> bool:
        """Whether no line break separates the previous quote's closing mark from this opening."""
        return previous_close is not None and self.text.find("\n", previous_close, opening) < 0


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
