"""``lead``: the first sentences of the article body, the classic news baseline.

Skips what is not body text (title, dateline, chrome, captions, headings,
duplicates), any sentence already taken, and sentences cut out of a longer
quotation. Budget: ``sentences`` (default 3)
and, optionally, ``words`` (stop before exceeding it; the first sentence is
always kept).
"""

from __future__ import annotations

from factcards import Summarizer, Summary, SummarySentence, hookimpl


def lead_sentences(document, sentences: int = 3, words: int | None = None):
    """The first body sentences of ``document`` within the budget.

    A sentence holding only part of a quotation is skipped when the body has
    enough other sentences.
    """
    body = [s for s in document.sentences if not s.excluded]
    if sum(s.quotes_balanced for s in body) >= min(sentences, len(body)):
        body = [s for s in body if s.quotes_balanced]
    chosen, seen, used_words = [], set(), 0
    for sentence in body:
        if len(chosen) >= sentences:
            break
        key = " ".join(sentence.text.lower().split())
        if key in seen:
            continue
        n_words = len(sentence.text.split())
        if words is not None and chosen and used_words + n_words > words:
            break
        seen.add(key)
        used_words += n_words
        chosen.append(sentence)
    return chosen


def summarize(document, facts, config) -> Summary:
    picked = lead_sentences(document, int(config.get("sentences", 3)), config.get("words"))
    return Summary([SummarySentence(s.text, s.start, s.end) for s in picked], extractive=True)


@hookimpl
def register_summarizers(register):
    register(
        Summarizer(
            name="lead",
            summarize=summarize,
            default_config={"sentences": 3, "words": None},
            description="The first sentences of the article body (news lead baseline).",
            priority=0,
        )
    )
