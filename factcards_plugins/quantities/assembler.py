"""Pass 3: numbers to expressions. Each number's unit is read (``units``), neighbours are joined
into ranges and ratios (``ranges``), and the rest become single quantities.
"""

from __future__ import annotations

from .bare import bare_number_ok
from .cues import TextView
from .model import Number, Quantity
from .ranges import LONGEST_JOINT, LONGEST_RATIO_JOINT, Ranges
from .units import Piece, UnitReader
from .values import Values


class Assembler:
    """Reads units around each number, joins ranges, and emits quantity expressions."""

    def __init__(self, text: str, numbers: list[Number], default_dollar: str):
        self.numbers = numbers
        self.view = view = TextView.of(text)
        values = Values(view)
        ranges = Ranges(view, values)
        self.piece = UnitReader(view, default_dollar).piece
        self.value_of, self.qualify, self.marked = values.value_of, values.qualify, values.marked
        self.ratio_at, self.range_at, self.compound_at = ranges.ratio_at, ranges.range_at, ranges.compound_at

    def run(self):
        """The quantity expressions of the numbers, in reading order (a range or ratio as one)."""
        piece = self.piece
        pieces = [piece(n) for n in self.numbers]
        count = len(pieces)
        i = 0
        while i < count:
            gap = pieces[i + 1].start - pieces[i].end if i + 1 < count else LONGEST_RATIO_JOINT + 1
            joined = gap <= LONGEST_RATIO_JOINT and self.ratio_at(pieces, i)
            joined = joined or gap <= LONGEST_JOINT and (self.range_at(pieces, i) or self.compound_at(pieces, i))
            if joined:
                yield joined
                i += 2
                continue
            quantity = self.single(pieces[i])
            if quantity:
                yield quantity
            i += 1

    def single(self, piece: Piece) -> Quantity | None:
        """``piece`` alone as a quantity, or None when it is no fact (a bare number that names or dates)."""
        number = piece.number
        if piece.type == "number" and not bare_number_ok(self.view, number):
            return None
        if piece.type == "money" and number.kind != "cardinal":
            return None
        value = self.value_of(piece, number.value * piece.factor)
        self.qualify(value, piece.start)
        start, end = self.marked(piece.type, value, piece.start, piece.end)
        return Quantity(piece.type, start, end, value)
