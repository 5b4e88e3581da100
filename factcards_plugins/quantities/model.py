"""What the scanner finds: ``Number`` (a number in the text) and ``Quantity`` (an expression with
its type and normalized value), and how values are tidied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter


@dataclass(slots=True)
class Number:
    """A number in the text: its span, value, how it was written, and what it can still become."""

    start: int
    end: int
    value: float
    kind: str = "cardinal"  # cardinal | ordinal | fraction
    words: bool = False  # written in words
    scale_abbreviation: bool = False  # "40m", "5bn": money, not a bare number
    capitalized: bool = False
    pence: bool = False  # "40p": British pence
    article: bool = False  # the "a" of "a dollar": one, as an amount of money only


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity expression: ``type`` is money, percentage or number; ``value`` is its normalized value."""

    type: str
    start: int
    end: int
    value: dict = field(hash=False)


# Sort keys: reading order.
START = attrgetter("start")
SPAN = attrgetter("start", "end")


def tidy(value: float) -> float | int:
    """Integers as ints; other values rounded off the float noise (0.1 * 3, 16.4 * 10**6): to 15
    significant digits, the most a float holds, then to 9 decimals."""
    if value.is_integer() and abs(value) < 2**53:
        return int(value)  # most values: no need for round(), which is slow
    rounded = round(float(f"{value:.15g}"), 9)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 2**53 else rounded


def outside(found: list, spans: list[tuple[int, int]]) -> list:
    """The numbers or quantities of ``found`` (in reading order) that overlap none of ``spans`` (in reading order)."""
    kept, i = [], 0
    for item in found:
        while i < len(spans) and spans[i][1] <= item.start:
            i += 1
        if i == len(spans) or item.end <= spans[i][0]:
            kept.append(item)
    return kept
