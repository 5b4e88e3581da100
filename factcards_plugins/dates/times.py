"""The handler for times of day: "12:57", "3 p.m. local time", "9.30am", "0900 GMT", "at noon"."""

from __future__ import annotations

from datetime import datetime

from . import patterns as P
from .context import ABSOLUTE, Context, Found

ZONE_OFFSETS = {
    "GMT": "+00:00", "UTC": "+00:00", "WET": "+00:00", "WEST": "+01:00", "BST": "+01:00", "CET": "+01:00",
    "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "PKT": "+05:00", "ICT": "+07:00",
    "HKT": "+08:00", "SGT": "+08:00", "AWST": "+08:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00",
    "AEDT": "+11:00", "NZST": "+12:00", "NZDT": "+13:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
    "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
}



def on_time(match, ctx: Context) -> Found | None:
    """"12:57", "3 p.m. local time", "9.30am", "0900 GMT", "14.30 GMT", "at noon", "4:30 in the afternoon";
    never a bare line like "00:39"."""
    if match["named"]:
        if not (match["zone"] or _after_time_preposition(match, ctx)):
            return None
        hour, minute, second = (0 if match["named"] == "midnight" else 12), 0, None
    elif match["ampm"]:
        hour, minute, second = int(match["h12"]) % 12 + (12 if match["ampm"][0] in "pP" else 0), match["m12"], None
    elif match["mmil"]:  # "0900 GMT", "14.30 GMT"
        hour, minute, second = int(match["hmil"] or match["hdot"]), match["mmil"], None
    elif match["hstart"]:
        hour, minute, second = _in_range_half(match, ctx, int(match["hstart"])), None, None
    else:
        lo, hi = ctx.line(match.start())
        if P.TIME_ONLY_LINE.fullmatch(ctx.text, lo, hi):
            return None
        hour = _in_range_half(match, ctx, int(match["h24"])) if not match["dayhalf"] else _in_day_half(int(match["h24"]), match["dayhalf"])
        hour, minute, second = hour, match["m24"], match["s24"]
    return _time_found(match, ctx, hour, minute, second)


def on_clock(match, ctx: Context) -> Found | None:
    """"10 o'clock", "ten o'clock in the morning", "at eight in the evening" (an hour and a half
    of the day alone only after a preposition: not "won one in the evening session"), "half past
    nine", "a quarter to ten" (9:45)."""
    if not (match["oclock"] or match["fraction"] or _after_time_preposition(match, ctx)):
        return None
    written = match["hour"] or match["fhour"]
    hour = int(written) if written.isdigit() else P.CLOCK_HOURS[written.lower()]
    minute = None
    if match["fraction"] and (match["side"] == "to" and match["fraction"].lower() == "half"
                              or P.FRACTION_AMOUNT_AFTER.match(ctx.text, match.end())):
        return None  # "a quarter to one percentage point", "half to one per cent": amounts, no clock
    if match["fraction"]:
        minute = 30 if match["fraction"].lower() == "half" else 15
        if match["side"] == "to":
            hour, minute = (hour - 2) % 12 + 1, 60 - minute
    return _time_found(match, ctx, _in_day_half(hour, match["dayhalf"]), minute, None)


def _after_time_preposition(match, ctx: Context) -> bool:
    return ctx.before(match.start(), 8).lower().rstrip().endswith(
        ("at", "before", "after", "until", "by", "around", "from", "till", "since", "to"))


def _in_day_half(hour: int, half: str | None) -> int:
    """The hour of a clock time told with its half of the day ("4:30 in the afternoon": 16)."""
    if not half or hour > 12:
        return hour
    if half.endswith("morning") or hour == 12:
        return hour % 12 if half.endswith(("morning", "night")) else hour
    return hour + 12 if not half.endswith("night") or hour >= 6 else hour


def _in_range_half(match, ctx: Context, hour: int) -> int:
    """The hour of a range's start that takes its half of the day from the end: "3-4 p.m." (15),
    "3:30-6 p.m.", "11 to 1 p.m." (11: the end is past noon)."""
    end = P.TIME_RANGE_END.match(ctx.text, match.end())
    if end is None or not 1 <= hour <= 12:
        return hour
    end_hour, later = int(end["end"]) % 12, end["endampm"][0] in "pP"
    if hour % 12 > end_hour:
        later = not later
    return hour % 12 + (12 if later else 0)


def _time_found(match, ctx: Context, hour: int, minute, second) -> Found:
    groups = match.groupdict()
    iso = f"{hour:02d}:{int(minute or 0):02d}" + (f":{second}" if second else "")
    granularity = "second" if second else "minute" if minute is not None or groups.get("named") else "hour"
    zone = groups.get("zone") and " ".join(groups["zone"].split())
    value = {"value": iso, "granularity": granularity, "resolution": ABSOLUTE, "zone": zone,
             "utc_offset": _utc_offset(zone)}
    told = groups.get("ampm") or zone or groups.get("named") or groups.get("oclock") or groups.get("dayhalf") or groups.get("hstart")
    return Found(match.start(), match.end(), "time", value, 0.9 if told else 0.75)


def _utc_offset(zone: str | None) -> str | None:
    if not zone:
        return None
    if zone[:3] in ("GMT", "UTC") and len(zone) > 3:
        sign, rest = ("+" if "+" in zone else "-"), zone[3:].replace("+", " ").replace("-", " ").replace(":", "").split()
        digits = "".join(rest)
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        return f"{sign}{int(hours):02d}:{minutes}"
    return ZONE_OFFSETS.get(zone)



def note_zone_equivalents(ctx: Context, found: list[Found]) -> None:
    """A time followed by the same moment in another zone in parentheses, as wire copy writes it
    ("10:35 a.m. (0735 GMT)"): the first gets the UTC offset the pair implies, when it names no zone
    and the second has a fixed offset (in place; each stays its own fact)."""
    for first, second in zip(found, found[1:]):
        if not (is_lone_time(first) and is_lone_time(second)):
            continue
        if ctx.text[first.end : second.start] != " (" or ctx.text[second.end : second.end + 1] != ")":
            continue
        if first.value["zone"] is None and first.value["utc_offset"] is None and second.value["utc_offset"] is not None:
            first.value["utc_offset"] = _implied_offset(first.value["value"], second.value["value"], second.value["utc_offset"])


def is_lone_time(found: Found) -> bool:
    """A single time of day with no date part (not a range, not "7 p.m. Wednesday")."""
    return found.type == "time" and "start" not in found.value and "date" not in found.value


def _implied_offset(local: str, other: str, other_offset: str) -> str:
    """The UTC offset of ``local`` given that it is the moment ``other`` at ``other_offset``."""
    minutes = _minutes(local) - _minutes(other) + (-1 if other_offset[0] == "-" else 1) * _minutes(other_offset[1:])
    minutes = (minutes + 12 * 60) % (24 * 60) - 12 * 60  # the offset across midnight: -12:00 .. +11:59
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _minutes(clock: str) -> int:
    moment = datetime.strptime(clock[:5], "%H:%M")
    return moment.hour * 60 + moment.minute
