"""The day of a time of day that has none beside it.

* A time followed by the same moment in another zone in parentheses and then a day ("10:35 a.m.
  (0735 GMT) Friday"): the first time is on that day, resolved as the day is.
* A time alone ("The men came in around 7:15 p.m.") is on the last day the text named before it,
  in its own sentence or the one before, in the same paragraph ("was killed Thursday evening"):
  ``resolution`` anaphoric, ``anchor`` that day, a lower confidence. A day named as a bound
  ("runs through Thursday", "by Friday") is no day things happen on, and lends none.

Otherwise a time stays a time of day alone: the day is often the story's, but not always the dateline's.
"""

from __future__ import annotations

import bisect
import re

from .context import ANAPHORIC, Context, Found
from .date_times import date_time, is_midnight
from .times import is_lone_time

# Confidence of a time dated by the day named before it.
BORROWED_DAY_CONFIDENCE = 0.6
# A day named as a bound: "runs through Thursday", "until Friday", "by Oct. 3".
_BOUND_BEFORE = re.compile(r"(?i)\b(?:through|thru|until|till|by|before|after|since)\s\Z")
# Between a time's equivalent in parentheses and the day after it: ") Friday", "), Friday", ") on Friday".
_PAIR_THEN_DAY = re.compile(r"\)(?:\s|,\s|\son\s)")


def date_bare_times(ctx: Context, found: list[Found]) -> list[Found]:
    """``found`` with each time alone on the day the text gives it, where it gives one (see above)."""
    if not any(map(is_lone_time, found)):
        return found
    reach = _Reach(ctx)
    dated: list[Found] = []
    last_day: Found | None = None
    for i, candidate in enumerate(found):
        if is_lone_time(candidate) and not _is_equivalent_of(ctx, found, i):
            day = _day_after_pair(ctx, found, i)
            if day is not None:
                candidate = date_time(candidate.start, candidate.end, day, candidate)
            elif last_day is not None and reach.lends(last_day, candidate) and not is_midnight(ctx, candidate):
                candidate = _on_day_before(last_day, candidate)  # (midnight: the day's start or its end?)
        if _names_a_day(candidate):
            last_day = candidate
        dated.append(candidate)
    return dated


class _Reach:
    """Whether a day lends its date to a time after it: not named as a bound, in the time's
    sentence or the one before, in the same paragraph (without sentences: the same line)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.segmented = bool(getattr(ctx.document, "sentences", None))
        separator = "\n\n" if self.segmented else "\n"
        self.breaks = [m.start() for m in re.finditer(separator, ctx.text)]

    def lends(self, day: Found, time: Found) -> bool:
        if _BOUND_BEFORE.search(self.ctx.before(day.start, 8)):
            return False
        if bisect.bisect_left(self.breaks, day.end) != bisect.bisect_left(self.breaks, time.start):
            return False
        if not self.segmented:
            return True
        document = self.ctx.document
        here, there = document.sentence_index(time.start), document.sentence_index(day.start)
        return here is not None and there is not None and here - there <= 1


def _names_a_day(found: Found) -> bool:
    """A resolved day ("Friday", "Oct. 23, 1998") or a time on one ("10 p.m. Wednesday")."""
    value = found.value
    if "start" in value or value.get("value") is None:
        return False
    if found.type == "time":
        return bool(value.get("date"))
    return found.type == "date" and value["granularity"] == "day"


def _is_equivalent_of(ctx: Context, found: list[Found], i: int) -> bool:
    """Whether ``found[i]`` is the time in parentheses right after another ("10:35 a.m. (0735 GMT)")."""
    return i > 0 and is_lone_time(found[i - 1]) and ctx.text[found[i - 1].end : found[i].start] == " ("


def _day_after_pair(ctx: Context, found: list[Found], i: int) -> Found | None:
    """The day right after this time's equivalent in parentheses, if there is one."""
    if i + 2 >= len(found) or not _is_equivalent_of(ctx, found, i + 1):
        return None
    day = found[i + 2]
    if day.type != "date" or not _names_a_day(day):
        return None
    return day if _PAIR_THEN_DAY.fullmatch(ctx.text, found[i + 1].end, day.start) else None


def _on_day_before(day: Found, time: Found) -> Found:
    """``time`` on the ``day`` named before it."""
    dated = date_time(time.start, time.end, day, time)
    for key in ("tense", "part_of_day", "modifier"):  # the day's clause's, not the time's
        dated.value.pop(key, None)
    dated.value.update(resolution=ANAPHORIC, anchor=dated.value["date"])
    dated.confidence = min(time.confidence, BORROWED_DAY_CONFIDENCE)
    return dated
