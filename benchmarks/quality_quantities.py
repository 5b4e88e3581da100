"""Quality and speed of the money and numbers extractors, side by side with quantulum3 (when installed).

Run from the repository root::

    python benchmarks/quality_quantities.py

Prints, per split of ``benchmarks/data/quantities-dev.jsonl`` and
``quantities-heldout4.jsonl`` .. ``quantities-heldout6.jsonl`` (``dev``: the
text the rules were tuned on; ``heldout`` .. ``heldout6``: each written and labelled before the extractors
were run on it; see ``data/README.md`` for which were used for fixes after),
exact-span and overlap P/R/F1 and
value accuracy for money, number and percentage, for factcards and for
quantulum3; then throughput on news text (warm, one core) and the time on
adversarial 1 MB inputs (runs of digits, commas, spaces, ``$``, number words),
which must stay linear.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scoring import add_counts, counts, format_table, splits_of, summarize  # noqa: E402

from factcards import Document  # noqa: E402
from factcards_plugins.quantities import money, numbers  # noqa: E402
from factcards_plugins.quantities.scanner import find_quantities  # noqa: E402

TYPES = ("money", "number", "percentage")
DATA = [HERE / "data" / name for name in ("quantities-dev.jsonl", "quantities-heldout4.jsonl", "quantities-heldout5.jsonl", "quantities-heldout6.jsonl")]
SAMPLE = ROOT / "samples" / "cgtn-2022-02-15-russia-ready-for-more-talks.txt"


def factcards_facts(row: dict) -> list:
    """What the card would hold: money and numbers facts, numbers inside dates/times dropped."""
    document = Document(row["text"], published=row.get("published"))
    facts = list(money.extract(document, {"default_dollar": "USD"})) + list(numbers.extract(document, {}))
    facts += dates_facts(document)
    return numbers.drop_swallowed_numbers(facts)


def dates_facts(document: Document) -> list:
    """Date and time facts from the ``dates`` extractor when it is available (they swallow numbers)."""
    try:
        from factcards_plugins.dates import plugin as dates
    except ImportError:
        return []
    registered = []
    hook = getattr(dates, "register_extractors", None)
    if hook is None:
        return []
    hook(registered.append)
    found = []
    for extractor in registered:
        try:
            found += [f for f in extractor.extract(document, dict(extractor.default_config)) if f.type in ("date", "time")]
        except Exception:
            return []
    return found


def quantulum_parse(text: str):
    """quantulum3's parse; without its unit classifier when the pickled model does not load here.

    (quantulum3's bundled classifier is pickled with an older scikit-learn; its
    rule-based disambiguation is used instead, and the table says so.)
    """
    from quantulum3 import classifier, parser

    try:
        return parser.parse(text)
    except (ModuleNotFoundError, AttributeError, ValueError):
        if not classifier.USE_CLF:
            raise
        classifier.USE_CLF = False
        print("(quantulum3: unit classifier does not load with this scikit-learn; using its rule-based fallback)")
        return parser.parse(text)


def quantulum_facts(row: dict) -> list[dict]:
    """quantulum3's quantities mapped onto our fact types."""
    facts = []
    for q in quantulum_parse(row["text"]):
        start, end = q.span
        if q.unit.entity.name == "currency":
            facts.append({"type": "money", "start": start, "end": end, "value": {"amount": q.value, "currency": getattr(q.unit, "currency_code", None)}})
        elif q.unit.name in ("percentage", "percent"):
            facts.append({"type": "percentage", "start": start, "end": end, "value": {"value": q.value}})
        else:
            facts.append({"type": "number", "start": start, "end": end, "value": {"value": q.value}})
    return facts


def quantulum_installed() -> bool:
    """Whether quantulum3 imports here (it is for comparison only; its rows are left out without it)."""
    try:
        import quantulum3  # noqa: F401
    except ImportError:
        print("(quantulum3 is not installed: its rows are left out; pip install quantulum3 to compare)")
        return False
    return True


def quality(splits: dict[str, list[dict]], compare: bool) -> None:
    systems = [("factcards", factcards_facts)] + ([("quantulum3", quantulum_facts)] if compare else [])
    for name, chosen in splits.items():
        n_facts = sum(len(r["facts"]) for r in chosen)
        for system, run in systems:
            total: dict = {}
            for row in chosen:
                add_counts(total, counts(row["facts"], run(row), TYPES))
            print(format_table(f"\n{system} on {name} ({len(chosen)} documents, {n_facts} labelled facts)", summarize(total)))


def throughput(rows: list[dict], compare: bool) -> None:
    corpus = "\n\n".join([r["text"] for r in rows] + [SAMPLE.read_text(encoding="utf-8")])
    corpus = (corpus + "\n\n") * max(1, 1_000_000 // len(corpus))
    find_quantities(corpus[:1000] + " warm")  # compile and import once
    began = time.perf_counter()
    find_quantities(corpus)
    ours = time.perf_counter() - began
    print(f"\nthroughput on news text ({len(corpus) / 1e6:.2f} MB): factcards money+numbers {len(corpus) / ours / 1e6:.2f} MB/s")
    if not compare:
        return
    piece = corpus[:50_000]
    quantulum_parse(piece[:500])
    began = time.perf_counter()
    quantulum_parse(piece)
    theirs = time.perf_counter() - began
    print(f"  quantulum3 on the first 50 kB: {len(piece) / theirs / 1e6:.3f} MB/s")


ADVERSARIAL = {
    "digits": "7",
    "commas and digits": "1,",
    "spaces": " ",
    "dollar signs": "$",
    "dollar digits": "$1",
    "digit dash digit": "1-",
    "number words": "twenty-one hundred and ",
    "percent runs": "5% to ",
    "month names": "February 12 ",
    "digits and spaces": "12 ",
    "between and": "between $1 and ",
    "currency names": "5 Swiss francs ",
    "signs after": "45€ ",
    "fractions": "3 1/2 ",
    "addresses": "http://a.b/5%25 ",
}


def adversarial() -> None:
    """Seconds for 100 kB and 1 MB of each hostile pattern; linear time keeps the ratio near 10."""
    print("\nadversarial inputs (seconds for 100 kB and 1 MB; a ratio near 10 is linear):")
    for name, unit in ADVERSARIAL.items():
        times = []
        for size in (100_000, 1_000_000):
            text = unit * (size // len(unit)) + " "
            began = time.perf_counter()
            find_quantities(text)
            times.append(time.perf_counter() - began)
        print(f"  {name:<20} {times[0]:6.2f} {times[1]:6.2f}   x{times[1] / max(times[0], 1e-9):5.1f}")


def main() -> None:
    splits = splits_of(DATA)
    compare = quantulum_installed()
    quality(splits, compare)
    throughput(splits["all"], compare)
    adversarial()


if __name__ == "__main__":
    main()
