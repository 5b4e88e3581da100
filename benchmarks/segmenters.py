"""Sentence segmenters on news text: boundary quality and speed, side by side.

    python benchmarks/segmenters.py

Quality: boundary precision/recall/F1 on hand-written news-style passages full of
the traps of wire copy (abbreviations, initials, "U.S.", quotes ending in
punctuation, decimals, ellipses). The passages below were written for this
benchmark and are part of the project (same license). Speed: characters per
second on the bundled sample article, warm, one process. Segmenters that are not
installed are skipped.
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cgtn-2022-02-15-russia-ready-for-more-talks.txt"

PASSAGES = [
    ["The U.S. Senate voted 52-48 on Tuesday to confirm the nominee.", "Democrats said the vote was rushed."],
    ["Dr. Jane Smith, a professor at St. Mary's College, led the study.", "It was published in Nature on Jan. 5."],
    ['"We will not back down," Mr. Johnson told reporters.', '"Not now, not ever."', "He then left the room."],
    ["Shares of Apple Inc. rose 2.5% to $150.25 in early trading.", "The Nasdaq gained 0.8 percent."],
    ["Gen. Mark A. Milley met Lt. Col. Vindman at 9 a.m. on Monday.", "The meeting lasted an hour."],
    ["The company, based in Washington, D.C., employs 3,000 people.", "Its chief executive is J.R. Ewing."],
    ["Police said the suspect fled on foot...", "He was arrested two hours later."],
    ["Is this the end?", "Analysts doubt it!", "Markets, however, fell sharply."],
    ["The U.N. Security Council met at 3 p.m. local time.", "Russia vetoed the resolution."],
    ["Prime Minister Boris Johnson said: \u201cThe window for diplomacy remains open.\u201d", "Moscow did not respond."],
    ["Temperatures reached 41.2 degrees C. in Seville.", "Officials urged residents to stay indoors."],
    ["The bill (H.R. 1319) passed the House in Feb. 2021.", "President Biden signed it into law."],
    ["Sales rose 12 pct. in the quarter, the firm said.", "Profit fell, however."],
    ["He was born in St. Louis, Mo., in 1952.", "He moved to New York in 1975."],
    ["The vote is set for Nov. 3.", "Polls open at 7 a.m.", "Results are expected by midnight."],
    ["Ms. Ardern, 41, announced her resignation on Thursday.", "She will step down by Feb. 7."],
    ["The EU's GDP grew 0.3% q/q, according to Eurostat.", "Economists had expected 0.2%."],
    ["\u201cIt's over,\u201d she said.", "\u201cWe lost.\u201d"],
    ["Scientists at the Max Planck Inst. in Germany found no link.", "More work is needed."],
    ["The patient was seen by Dr. Smith at noon.", "She recovered."],
    ["Talks with Sen. Warren and Rep. Ocasio-Cortez stalled.", "Aides blamed the schedule."],
    ["The Fed raised rates by 0.75 percentage points.", "It was the third such increase this year."],
]


def gold_boundaries(passage: list[str]) -> tuple[str, set[int]]:
    text, ends, offset = "", set(), 0
    for sentence in passage:
        text += sentence + " "
        offset += len(sentence)
        ends.add(offset)
        offset += 1
    return text.rstrip(), ends


def nupunkt_spans(text):
    from factcards.document import split_sentences

    return split_sentences(text)


def pysbd_spans(text):
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return [(s.start, s.start + len(s.sent.rstrip())) for s in segmenter.segment(text)]


def blingfire_spans(text):
    import blingfire

    return blingfire.text_to_sentences_and_offsets(text)[1]


def syntok_spans(text):
    from syntok import segmenter

    spans = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            start = sentence[0].offset
            end = sentence[-1].offset + len(sentence[-1].value)
            spans.append((start, end))
    return spans


SEGMENTERS = {"nupunkt (factcards)": nupunkt_spans, "pysbd": pysbd_spans, "blingfire": blingfire_spans, "syntok": syntok_spans}


def quality(spans_of) -> tuple[float, float, float]:
    true_positive = predicted = gold = 0
    for passage in PASSAGES:
        text, ends = gold_boundaries(passage)
        found = {end for _, end in spans_of(text)}
        true_positive += len(found & ends)
        predicted += len(found)
        gold += len(ends)
    precision, recall = true_positive / predicted, true_positive / gold
    return precision, recall, 2 * precision * recall / (precision + recall)


def speed(spans_of, text: str, seconds: float = 1.0) -> float:
    spans_of(text)
    runs, began = 0, time.perf_counter()
    while time.perf_counter() - began < seconds:
        spans_of(text)
        runs += 1
    return runs * len(text) / (time.perf_counter() - began)


def main() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    print(f"{'segmenter':22} {'P':>6} {'R':>6} {'F1':>6} {'chars/s':>12}")
    for name, spans_of in SEGMENTERS.items():
        try:
            p, r, f = quality(spans_of)
            rate = speed(spans_of, text)
        except ImportError:
            print(f"{name:22} (not installed)")
            continue
        print(f"{name:22} {p:6.3f} {r:6.3f} {f:6.3f} {rate:12,.0f}")


if __name__ == "__main__":
    main()
