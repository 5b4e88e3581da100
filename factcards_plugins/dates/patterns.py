"""The surface patterns of the ``dates`` extractor: every regex it runs, compiled once.

Each pattern is a flat alternation of bounded pieces: no unbounded quantifier
sits next to another that can match the same characters, so matching stays
linear on hostile input (long runs of digits, spaces, month names).
"""

from __future__ import annotations

import re

from ..text import trie_pattern
from ..quantities.vocabulary import TEENS, TENS, UNITS

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
    "several": 3,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH_BARE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_ABBR_MONTH = _ABBR_MONTH_BARE + r"\.?"
_MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_ORDINAL_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
# A day of the month in words: "the third of March", "March twenty-first".
DAY_ORDINALS = {
    **{word: number for number, word in enumerate(
        [*_ORDINAL_UNITS, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth"], 1)},
    **{f"twenty-{word}": 20 + number for number, word in enumerate(_ORDINAL_UNITS, 1)},
    "thirtieth": 30, "thirty-first": 31,
}
_SPELLED_DAY = rf"(?i:{trie_pattern(DAY_ORDINALS)})(?![\w-])".replace(r"\-", r"[-\s]")
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})(?![\d%]|[.,]\d)"
_DASH = r"\s?[-–—]\s?"
_DAY_SPAN = rf"(?P<day>{_DAY})(?:(?:{_DASH}|\s(?:to|through|and)\s)(?P<day2>{_DAY}))?"
_LEAD_WEEKDAY = rf"(?:(?P<wd>{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s)?"

# "February 12, 2022", "Feb. 14-16", "Monday, February 14", "February 16"
MONTH_DAY = re.compile(
    rf"\b{_LEAD_WEEKDAY}(?P<month>{_MONTH})\s(?:the\s)?(?:{_DAY_SPAN}|(?P<sday>{_SPELLED_DAY}))(?:,?\s(?P<year>{_YEAR}))?(?!\s?%)"
)
# "12 February 2022", "14-16 February", "16th of February"
DAY_MONTH = re.compile(
    rf"\b(?:{_LEAD_WEEKDAY}{_DAY_SPAN}|(?P<sday>{_SPELLED_DAY}))\s(?:of\s)?(?P<month>{_MONTH})(?!\w)(?:,?\s(?P<year>{_YEAR}))?"
)
# "December 2021", "mid-December 2021", "early December", "last September", "June last year";
# bare month names are checked in code.
MONTH_YEAR = re.compile(
    rf"\b(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd)(?:-|\s)(?:of\s)?|(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s(?={_FULL_MONTH}))?"
    rf"(?:(?P<month>{_MONTH})(?:,?\s(?:of\s)?(?P<year>{_YEAR}))|(?P<bare>{_FULL_MONTH})(?!\s?\d)(?:\s(?P<relyear>this|last|next)\syear)?)"
    r"(?!\w|['’](?!s\b))"
)
# "2022-02-15", "15/02/2022", "15.02.2022", "15-Feb-2022"
NUMERIC = re.compile(
    r"(?<![\w/.:-])(?:(?P<iy>(?:19|20)\d{2})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
    r"|(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})"
    rf"|(?P<dd>\d{{1,2}})-(?P<mon>{_ABBR_MONTH_BARE}|{_FULL_MONTH})-(?P<yy>(?:19|20)\d{{2}}))"
    r"(?![\w/]|\.\d|-\d)"
)
# A year on its own ("in 2021", "2019-20", "the 1990s", "mid-2021"); its context is checked in code.
YEAR = re.compile(
    r"(?<![\w$€£¥.,'’/:-])(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[-\s])?"
    r"(?P<year>1[89]\d{2}|20\d{2})(?:(?P<decade>s)|[-–/](?P<y2>(?:19|20)?\d{2})(?![\d%]))?(?![\d%]|[.,]\d|\w)"
)
# A decade by its last two digits: "the '80s", "the early ’90s" (the span takes the apostrophe).
SHORT_DECADE = re.compile(
    r"(?:\b(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[-\s]['’]|(?<![\w'’]['’])(?<=['’]))(?P<digits>\d0)s(?![\w'’-])"
)
_REL_UNIT = r"(?P<unit>week(?:end)?|month|year|quarter|decade)"
_AGO_COUNT = r"(?P<count>(?i:a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{1,3})"
RELATIVE = re.compile(
    r"\b(?:"
    rf"(?:(?P<pmod>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Ee]nd\sof|[Ss]tart\sof)\s)?(?P<rel>[Tt]his\spast(?=\sweek)|[Tt]his|[Ll]ast|[Nn]ext|[Cc]oming|(?<=[Tt]he\s)current)\s{_REL_UNIT}"
    rf"|(?P<tpmod>[Ee]nd\sof|[Ss]tart\sof|[Bb]eginning\sof)\sthe\s(?P<tunit>week|month|year|decade)"
    rf"|{_AGO_COUNT}\s(?P<agounit>day|week|fortnight|month|year|decade)s?(?P<orso>\sor\sso)?\s(?P<dir>ago|from\s(?:now|today(?![\w'’-])))"
    r"|(?:(?P<wmod>[Ee]arly|[Ll]ate)\s)?(?P<word>[Tt]oday|[Yy]esterday(?:\s(?:morning|afternoon|evening))?|[Tt]omorrow(?:\s(?:morning|afternoon|evening|night))?"
    r"|[Tt]onight|[Tt]he\sday\sbefore\syesterday|[Tt]he\sday\safter\stomorrow"
    r"|[Tt]his\s(?:morning|afternoon|evening)|[Ll]ast\snight)"
    r"|(?P<yearend>year[-\s]end)"
    r"|(?P<thistime>[Tt]his\stime\s(?:last|next)\syear)"
    r")(?![\w-]|['’](?!s\b))"
)
WEEKDAY = re.compile(
    rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Ee]arly|[Ll]ate)\s)?(?P<wd>{_WEEKDAY})"
    r"(?:\s(?P<part>morning|afternoon|evening|night))?(?![\w-])"
)
# A weekday a week on or back: "Friday week", "a week on Friday", "a week from Monday", "a week ago
# Sunday"; and "the week before last", "the weekend after next" (the article is checked in code).
WEEK_FROM_WEEKDAY = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY})\sweek(?![\w'’-]|\sof\b)|(?P<way>[Aa]\sweek\s(?:from|ago|on))\s(?P<wd2>{_WEEKDAY})(?![\w'’-])"
    r"|(?P<unit>week(?:end)?)\s(?P<side>before\slast(?![\w-])|after\snext(?=[,.;:!?)]|\s(?:and|or|but|when|as|to|at|in|on|for|with)\b|\s*\Z)))"
)
# "over the weekend", "at the weekend": the weekend the tense points to (the span is "weekend").
THE_WEEKEND = re.compile(r"\b(?:[Aa]t|[Oo]ver|[Dd]uring|[Oo]n|[Aa]cross|[Ff]or)\sthe\s(?P<weekend>weekend)(?![\w'’-]|\sof\s)")
# A fiscal year after a quarter: "fiscal 2023" (four digits), "FY2024", "FY 24".
_FISCAL_YEAR_PREFIX = r"(?:[Ff]iscal\s(?=(?:19|20)\d{2}(?!\d))|FY\s?)"
QUARTER = re.compile(
    r"\b(?:(?:(?P<ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast|1st|2nd|3rd|4th)[-\s](?P<half>quarter|half)"
    r"|(?P<two>[Ff]irst|[Ll]ast)\stwo\squarters)"
    r"(?:\s(?:of\s)?(?:(?P<year>(?:19|20)\d{2})(?!\d)|(?P<ryear>this|last|next)\syear|(?P<fiscalyear>(?:its|the|their)\sfiscal\syear)|the\syear"
    rf"|{_FISCAL_YEAR_PREFIX}(?P<fyear>(?:19|20)?\d{{2}})(?!\d)))?"
    r"|(?P<q>[QH][1-4])(?:\s?(?P<qyear>(?:19|20)\d{2})(?!\d)|'(?P<qyy>\d{2})(?!\d)"
    rf"|\s{_FISCAL_YEAR_PREFIX}(?P<qfyear>(?:19|20)?\d{{2}})(?!\d))?)(?![\w-])"
)
# Words of a game report: "scored in the second half", "an equaliser in the third quarter" (a
# period of play, not of the year), unless the sentence also speaks of business (FINANCE_WORDS).
GAME_WORDS = re.compile(
    r"(?i)\b(?:scored|scoring|scorer|equali[sz]er|half-?time|full-?time|kick-?off|innings|touchdowns?|striker"
    r"|midfielder|goalkeeper|referee|substituted|quarterback|free[-\s]kick|runners|whistle|sent\soff)\b"
    r"|\b\d{1,2}-\d{1,2}\s(?:win|success|victory|defeat|loss|draw|lead)\b"
)
# "the first half of the runners": a part of something (not "the second quarter of $8.6 million").
PART_OF_AFTER = re.compile(r" of (?![$£€¥#\d]|[A-Z]{1,2}\$)")
FINANCE_WORDS = re.compile(
    r"(?i)\b(?:profits?|revenues?|sales|earnings|growth|GDP|economy|inflation|shares|margins?|forecasts?|outlook"
    r"|dividend|quarterly|fiscal|investors?|prices)\b"
)
# "the 21st century", "the nineteenth century", "early 20th-century".
CENTURY_ORDINALS = {
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22,
}
CENTURY = re.compile(
    r"\b(?:(?P<turn>[Tt]urn\sof\sthe\s)(?=century|\S+\scentury)|(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[-\s])?"
    rf"(?:(?:(?P<number>[1-9]|1[0-9]|2[0-2])(?:st|nd|rd|th)|(?P<word>(?i:{trie_pattern(CENTURY_ORDINALS)})))[-\s])?century(?![\w-])"
)
# A fiscal year alone: "FY2024", "FY 24", "FY23".
FISCAL_YEAR = re.compile(
    r"\bFY\s?(?P<year>(?:19|20)?\d{2})(?:[-–/](?P<year2>(?:19|20)?\d{2}))?(?![\d%]|[.,]\d|\w)"
)
# "the fiscal first quarter", "fiscal 2024": a company's fiscal period.
FISCAL_BEFORE = re.compile(r"(?<![\w'’])[Ff]iscal\s\Z")
SEASON = re.compile(
    r"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his\spast|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id)[-\s])?(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:\s(?:of\s)?(?P<year>(?:19|20)\d{2})(?:[-–/](?P<year2>(?:19|20)?\d{2}))?(?!\d)|\sof\s(?P<ryear>last|this|next)\syear|\sof\s['’](?P<yy>\d{2})(?!\d|['’](?!s\b)))?"
    r"(?![\w-])"
)

_AMPM = r"(?P<ampm>[ap]\.m\.|[ap]\.m(?![\w.])|[ap]m(?!\w)|[AP]M(?!\w))"
_ZONE = (
    r"(?:\s?(?P<zone>local\stime|(?:GMT|UTC)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?"
    r"|[ECMP][SD]T|[ECMP]T|BST|CEST|CET|EEST|EET|WEST|WET|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT|AWST|NZST|NZDT|PKT|ICT"
    r"|[A-Z][a-z]{2,15}\stime|(?:Eastern|Central|Mountain|Pacific)(?!\s[A-Z]))(?![\w+-]))?"
)
# A clock time's half of the day: "4:30 in the afternoon", "eleven at night".
_DAY_HALF = r"(?P<dayhalf>\sin\sthe\s(?:morning|afternoon|evening)|\sat\snight)(?![\w-])"
# The end of a range of clock times that tells the half of the day for both: "3-4 p.m.", "10 to 2 p.m."
_TIME_RANGE_END = r"(?:\s?[-–]\s?|\s(?:to|and|until|till)\s)(?P<end>1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?P<endampm>[ap]\.?m|[AP]M)(?!\w)"
TIME_RANGE_END = re.compile(_TIME_RANGE_END)
TIME = re.compile(
    r"(?<![\w:.,/$])(?<![^\d\s.]-)(?:"
    rf"(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s?{_AMPM}"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?::(?P<s24>[0-5]\d))?(?![\d:]|\.\d)(?:\s?(?:hrs|h)\b)?"
    r"|(?:(?P<hmil>[01]\d|2[0-3])|(?P<hdot>1\d|2[0-3]|0?\d)\.)(?P<mmil>[0-5]\d)\s?(?=GMT|UTC|Z\b|hrs\b|[ECMP][SD]?T\b|(?:BST|CES?T|EES?T|WES?T|MSK|IST|JST|KST|HKT|SGT)\b|local\stime)(?:Z\b)?"
    r"|(?P<named>noon|midday|midnight)(?!\w)"
    rf"|(?P<hstart>1[0-2]|0?[1-9])(?={_TIME_RANGE_END.replace('?P<end>', '').replace('?P<endampm>', '')})"
    rf"){_ZONE}(?:{_DAY_HALF})?"
)
CLOCK_HOURS = {word: number for word, number in {**UNITS, **TEENS}.items() if 1 <= number <= 12}
# An hour by the clock: "10 o'clock", "ten o'clock in the morning", "at eight in the evening".
_CLOCK_HOUR_WORD = rf"(?i:{trie_pattern(CLOCK_HOURS)})"
_CLOCK_HOUR = rf"(?:1[0-2]|0?[1-9]|{_CLOCK_HOUR_WORD})"
# An hour by the clock: "10 o'clock", "ten o'clock in the morning", "at eight in the evening",
# "half past nine", "a quarter to ten".
CLOCK = re.compile(
    rf"(?<![\w:.,/$-])(?:(?P<fraction>[Hh]alf|(?:[Aa]\s)?[Qq]uarter)\s(?P<side>past|to)\s(?P<fhour>{_CLOCK_HOUR})(?![\w-])"
    rf"|(?P<hour>{_CLOCK_HOUR})(?=\s[Oo]['’]clock\b|\sin\sthe\s(?:morning|afternoon|evening)\b|\sat\snight\b))"
    rf"(?P<oclock>\s[Oo]['’]clock)?(?:{_DAY_HALF})?"
)
# After "a quarter to one", words that make it a range of amounts: "a quarter to one percentage point".
FRACTION_AMOUNT_AFTER = re.compile(r"\s?%|\s(?:per\s?cent|percent(?:age)?|points?|basis|thirds?|fifths?|quarters?|halves|times)\b")
# A clock time that says not which half of the day it is in: "10 o'clock", "10:30" (no "p.m.").
HALF_OPEN_CLOCK = re.compile(rf"(?:(?:0?[1-9]|1[0-2])(?::[0-5]\d)?|{_CLOCK_HOUR_WORD})(?:\s[Oo]['’]clock)?")

# A part of a month by its place: "the first week of May", "the last day of February", "the second
# Sunday in May", "the first day of next month" (the article is checked in code).
PLACE_IN_MONTH = re.compile(
    rf"\b(?P<nth>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ll]ast|[Ff]inal)\s(?P<unit>day|week|weekend|{_WEEKDAY})"
    rf"\s(?:of|in)\s(?:(?P<rel>this|next|last)\smonth|(?P<month>{_MONTH})(?:,?\s(?P<year>{_YEAR}))?)(?![\w-]|\.\w)"
)
# A place before a weekday that ``PLACE_IN_MONTH`` found in no month ("the fifth Monday in February"):
# the weekday alone is no date.
PLACE_BEFORE = re.compile(r"(?<![\w'’])[Tt]he\s(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ff]inal)\s\Z")
PLACES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}

# A part of a day told with its stage and no day beside it: "by mid-afternoon", "in late morning trading".
DAY_PART = re.compile(r"\b(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[-\s](?P<part>morning|afternoon|evening)(?![\w-])")
INDEFINITE_BEFORE = re.compile(r"(?<![\w'’])[Aa]n?\s\Z")
# Between a part of a day and the day after it: "mid-afternoon yesterday", "late morning on Friday".
PART_THEN_DAY = re.compile(r"\s|\son\s|,\s")

# Named holidays ("Thanksgiving Day", "last Christmas", "Easter Sunday"); the days are in ``holidays``.
HOLIDAY = re.compile(
    r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s)?(?P<holiday>Thanksgiving(?:\sDay)?|Christmas(?:\sDay|\sEve)?|Boxing\sDay"
    r"|New\sYear['’]s\s(?:Day|Eve)|Independence\sDay|Halloween|Valentine['’]s\sDay|Veterans['’]?\sDay|Labor\sDay"
    r"|Memorial\sDay|Martin\sLuther\sKing\s(?:Jr\.\s)?Day|Presidents['’]?\sDay|Columbus\sDay|Mother['’]s\sDay"
    r"|Father['’]s\sDay|Easter(?:\sSunday|\sMonday)?|Good\sFriday|Election\sDay)(?![\w-])"
)
# A holiday naming an event, not a day: "the Labor Day fires", "the Christmas market".
HOLIDAY_ATTRIBUTIVE_AFTER = re.compile(r"\s(?!(?:weekend|holiday|holidays|break|eve|morning|afternoon|evening|night)\b)[a-z]")
# Words before a one-word holiday that make it a day: "on Thanksgiving", "before Christmas".
HOLIDAY_CONTEXT = re.compile(r"(?i)\b(?:on|at|by|before|after|until|till|since|over|for|during|through|around|from|to|of)\s\Z")

# A year in words, as broadcast transcripts write it: "nineteen ninety-six", "January nineteen
# ninety-seven", "the year two thousand".
SPELLED_YEAR = re.compile(
    rf"\b(?:(?P<month>{_FULL_MONTH})\s)?"
    r"(?:(?P<century>[Nn]ineteen|[Ee]ighteen)[\s-](?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?P<unit>one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?<=year\s)(?P<millennium>two\sthousand)(?:\s(?:and\s)?(?P<after>one|two|three|four|five|six|seven|eight|nine|ten))?"
    r"|(?<=[Tt]he\s)(?P<decade>thirties|forties|fifties|sixties|seventies|eighties|nineties))"
    r"(?![\w-])"
)

# --- durations: "three weeks", "48 hours", "two and a half years", "the past 24 hours", "two-year" ---

# The number words are the quantities plugin's (one to nineteen, twenty to ninety).
UNIT_WORDS = {word: number for word, number in {**UNITS, **TEENS}.items() if number}
TENS_WORDS = TENS
_UNITS_WORD = trie_pattern(UNIT_WORDS)
_SPELLED = (
    rf"(?:(?:{trie_pattern(TENS_WORDS)})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?![\w]))?|{_UNITS_WORD}|an?)"
    r"(?:\s(?:hundred|thousand|dozen))?|dozen"
)
_DIGITS = r"\d{1,3}(?:,\d{3}){1,3}|\d{1,4}(?:\.\d{1,2})?(?:\s[13]/[248])?"
_VAGUE_COUNT = r"a\sfew|few|several|a\scouple\sof|couple\sof"
# "a quarter of a century", "three-quarters of an hour", "a quarter-century": a fraction of one unit.
_QUARTERS_OF = r"(?i:(?:an?|one|three)[-\s]quarters?\sof\san?|an?\squarter(?=-))"
_COUNT_PART = rf"(?:{_DIGITS}|{_QUARTERS_OF}|(?i:{_SPELLED})(?:[-\s]and[-\s]a[-\s]half)?|(?i:half\san?))"
DURATION_UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W", "month": "M", "quarter": "M",
    "year": "Y", "decade": "Y", "century": "Y", "centurie": "Y",
}
# The count and unit; the qualifier and reference words before them are read by ``DURATION_LEAD``.
_COUNT2 = rf"(?:{_DIGITS}|(?i:{_SPELLED}))"
DURATION = re.compile(
    rf"\b(?:(?P<count>{_COUNT_PART})(?:(?:\s(?:to|or)\s|-)(?P<count2>{_COUNT2}))?|(?P<vague>(?i:{_VAGUE_COUNT})))"
    r"(?:\s(?P<more>more|additional|extra|straight|consecutive|full|long|trading|business|working|calendar|school))?"
    r"(?P<sep>[-\s])(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)(?P<plural>s)?"
    r"(?P<half>\sand\sa\shalf)?"
    r"(?![\w-]|\solds?\b|\sof\sage\b)"
    r"|\b(?P<longunit>hour|day|week|month|year|decade)(?P<longplural>s)?-long\b"
    r"|(?<=\b[Tt]he\s)[Pp]ast\s(?P<pastunit>week|month|year|decade|century)(?![\w-])"
    rf"|(?<=\b[Tt]he\s)(?P<endedunit>year)(?=\s(?:ended|ending)\s(?:on\s)?(?:{_MONTH}\s\d|\d{{1,2}}\s{_MONTH}|today\b|tomorrow\b|yesterday\b)"
    rf"|\sto\s(?:{_MONTH}(?![\w'’])|\d{{1,2}}\s{_MONTH}))"
)
# What may stand before a duration's count: a qualifier ("nearly", "more than") and a reference
# ("past", "next", "first"), each a word or two.
DURATION_LEAD = re.compile(
    r"(?:(?<![\w-])(?P<qual>(?i:about|around|roughly|nearly|almost|approximately|some|more\sthan|less\sthan|fewer\sthan"
    r"|at\sleast|at\smost|up\sto|no\smore\sthan|just\sover|just\sunder|well\sover|under|over))\s)?"
    r"(?:(?<![\w-])(?P<ref>(?i:past|last|next|first|coming|previous|following|final))\s)?\Z"
)
DURATION_LEAD_REACH = len("approximately following ")
# Words before "in five years" that make it a length: "its first loss in five years", "the highest
# in a decade", "once in ten years", "the best time in years".
ONCE_IN_BEFORE = re.compile(
    r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|only|ever|once|twice|times?"
    r"|best|worst|most|least|record|(?!(?:inter|prot|cont|requ|harv|for|w|t|n|r|ch|qu|gu|arr|conqu|inqu|hon|mod"
    r"|manif|dig|sugg|inv|Budap)est\b)[a-z]{2,}est)\b[^.;:!?]{0,40}\Z"
)
ONCE_IN_REACH = 60
IN_BEFORE = re.compile(r"(?<![\w-])[Ii]n\s\Z")
# After "in a day": a count that is no count ("in a day or two"), or an approximate one ("or so").
OR_TWO_AFTER = re.compile(r"\sor\s(?:two|three|more)\b")
OR_SO_AFTER = re.compile(r"\sor\sso\b")
YEAR_DIGITS = re.compile(rf"\b({_YEAR})\b")

# --- anaphoric references: resolved against the last date the text established -----------------
_ANAPHOR_UNIT = r"day|week|fortnight|month|quarter|year"
_DAY_PART = r"morning|afternoon|evening|night"
# "that evening gown", "that night sky": a thing, no time.
_NIGHT_THINGS = r"(?:gowns?|dress(?:es)?|wear|news|papers?|editions?|bulletins?|shows?|stars?|sky|clubs?|life|shifts?|owls?)"
ANAPHOR = re.compile(
    r"\b(?:"
    rf"(?P<count>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{{1,2}})\s(?P<sunit>{_ANAPHOR_UNIT})s?\s"
    r"(?:(?P<dir>earlier|later)(?!\s(?:than|in\sthe\sseason)\b)|(?P<dir2>before|after)(?=[,.;:)]))"
    r"|(?P<yago>[Yy]ear-(?:earlier|ago))(?:\s(?:(?P<yord>first|second|third|fourth)[-\s])?(?P<yunit>quarter|period|half|month))?"
    r"|(?P<lastyears>[Ll]ast\syear['’]s)\s(?:(?P<lord>first|second|third|fourth)[-\s])?(?P<lyunit>quarter|period|half)"
    r"|(?P<comparable>(?:comparable|corresponding|same)\s(?:year-(?:earlier|ago)\s)?)(?P<cunit>quarter|period)(?=\s(?:a\s)?(?:year\s(?:ago|earlier)|last\syear))"
    rf"|(?P<rel>[Ff]ollowing|[Pp]revious|[Pp]receding|[Pp]rior|[Nn]ext)\s(?:(?P<runit>day|week|month|year)|(?P<relpart>{_DAY_PART}))"
    rf"|(?P<wrel>[Ff]ollowing|[Pp]revious|[Pp]receding)\s(?P<wday>{_WEEKDAY})"
    r"|(?P<same>[Ss]ame)\s(?P<sameunit>day|week|month|year|quarter)"
    rf"|(?P<that>[Tt]hat)\s(?:(?P<thatunit>day|month|year|quarter)|(?P<thatpart>{_DAY_PART})(?!\s{_NIGHT_THINGS}\b))"
    rf"|(?P<edgeunit>day|week|month|year|{_DAY_PART})\s(?P<edge>before|after)(?=[,.;:)])"
    r"|(?P<latest>[Ll]atest|[Mm]ost\srecent)\s(?P<lunit>quarter|period)"
    r"|(?P<pyear>(?:19|20)\d{2})\s(?:(?P<pord>first|second|third|fourth)[-\s])?(?P<punit>quarter|period)"
    r"|(?P<plain>quarter)(?=\s(?:ended|ending|to)\s|[,.;:)]|\s(?:and|but|as|when|was|were|is|compared|versus|vs\.?|from|of\s(?:last|this)\syear)\b)"
    r")(?![\w-])"
)
# A day of the month alone: "on the 21st", "by the 3rd of next month" (the words before it are checked
# in code); not "the 21st century", "the 11th Circuit".
DAY_OF_MONTH = re.compile(
    r"(?<=[Tt]he\s)(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?:\sof\s(?P<rel>this|last|next)\smonth)?(?=[,.;:)!?]|\Z)"
)
DAY_OF_MONTH_BEFORE = re.compile(r"(?<![\w'’])(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Bb]efore|[Aa]fter|[Tt]hrough)\sthe\s\Z")
# The article before a bare "quarter", "following year", "same day": it makes the reference ("the quarter").
THE_BEFORE = re.compile(r"(?<![\w'’])[Tt]he\s\Z")
# A comparison of figures before "a year ago": "rose to $5 million from $4 million a year ago".
COMPARED_BEFORE = re.compile(r"(?i)\b(?:from|compared\swith|than|versus|vs\.|against)\b")
# Between a reference and the day it names: "three weeks later, on 30 December".
APPOSITION_GAP = re.compile(r",\s(?:on\s)?")
# Between a period and another in apposition ("the year-ago quarter, the second quarter ended Oct.
# 31, ..."), and what closes the second: a comma or parenthesis, maybe after the day it ended.
APPOSED_GAP = re.compile(r",\s(?:the|its|their)\s")
APPOSITION_CLOSE = re.compile(r"(?:\s(?:ended|ending)\s[^,;()\n]{1,24})?[,)]")
# "the quarter ended Sept. 30": the quarter a date closes.
ENDED_AFTER = re.compile(r"\s(?:ended|ending|to)\s")
# "the quarter ended Oct. 31": a period over by the time it is told of, so the day lies behind.
ENDED_BEFORE = re.compile(r"(?<![\w'’])ended\s(?:on\s)?\Z")

# Words in front of a year that make a bare four-digit number a year.
YEAR_CONTEXT = re.compile(
    r"(?i)(?:\b(?:in|since|until|till|by|from|to|through|throughout|during|before|after|of|for|between|and|or"
    r"|early|late|end|start|beginning|fiscal|years?|spring|summer|autumn|fall|winter|circa|around|as\sof|season|the"
    r"|as\s(?:early|late|recently)\sas|an?|his|her|its|their|into|both)"
    r"[\s,]{1,3}|['’]s\s|[-–])$"
)
# A year between two others of a list: "in 1994, [1995] and 1997" (not "In March 2020, 1850 flights").
YEAR_IN_LIST_BEFORE = re.compile(rf"\b{_YEAR},\s\Z")
YEAR_IN_LIST_AFTER = re.compile(rf"(?:,\s|\s(?:and|or)\s){_YEAR}\b")
STRONG_YEAR_CONTEXT = re.compile(r"(?i)\b(?:in|since|until|till|by|during|early|late|fiscal|of)\s$")
# Both end at the end (``$``: or before a final newline), so a match starts at most this far back.
YEAR_CONTEXT_REACH = 17 + 1
COUNT_NOUN_AFTER = re.compile(
    r"\s(?:people|persons|troops|soldiers|cases|deaths|votes|units|jobs|homes|children|students|men|women"
    r"|dollars|euros|pounds|yuan|rubles|km|kilometres|kilometers|miles|metres|meters|tons|tonnes|feet|points"
    r"|others|more|less|fewer|times|per|percent|of\sthem|and\s\d)\b"
)
# Words that make the number after them a count: "some 1900 attacks", "nearly 2000 people".
QUANTIFIER_BEFORE = re.compile(r"(?i)\b(?:some|about|around|nearly|almost|over|more\sthan|at\sleast|up\sto|roughly)\s\Z")
# Nouns a year can qualify: "the 2016 election", "Analysts expect 2023 sales to rise"; through a
# name, only a company's figures: "predicting 1990 BellSouth earnings in the range" (not "1900
# Israeli attacks", "2000 Christmas sales staff").
EVENT_NOUN_AFTER = re.compile(
    r"(?i)\s(?-i:[A-Z][\w&'’.-]{1,20})\s(?:sales|revenue|earnings|profits?|results)(?:\s(?:forecasts?|estimates?|targets?))?"
    r"(?=[,.;:]|\s(?:of|in|to|at|for|from|after|before|on|by|and|as|were|was|are|is|rose|fell|will|would|could|may|might)\b)"
    r"|\s(?:elections?|general\selections?|presidential\selections?|election\scampaign|campaign|season|budget|census|Olympics|Games|World\sCup|championships?"
    r"|tournament|final|midterms?|primaries|primary|referendum|vote|summit|race|edition|sales|revenue|earnings"
    r"|profits?|results|forecasts?|outlook|guidance|targets?|deficit|growth|harvest|floods|riots|crisis|war"
    r"|invasion|pandemic|attacks?|model|film|album|novel|report|survey|class|draft|contract|deal|law|act)\b"
)
MONTH_CONTEXT = re.compile(
    r"(?i)\b(?:in|since|until|till|by|from|to|for|through|during|before|after|of|early|mid|late|last|next|this"
    r"|between|and|or|on|end|start|beginning)[\s-]$"
)
# A verb right after a bare month makes it the subject: "October was on track", "September is usually dry".
VERB_AFTER_MONTH = re.compile(r" (?:was|is|will|would|has|had|could|saw|brought)\b")
# An article, and maybe an adjective, before a bare month or season: "a drier August", "the wettest May".
ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:[Tt]he|an?)\s(?:(?P<adjective>[a-z]{2,20})\s)?\Z")
ARTICLE_BEFORE_REACH = len("the ") + 20 + 1
# A bare month joined by a dash to another: "June-August", "November – February".
MONTH_DASH_AFTER = re.compile(rf" ?[-–—] ?{_FULL_MONTH}(?![\w'’])")
MONTH_DASH_BEFORE = re.compile(rf"(?<![\w'’]){_FULL_MONTH} ?[-–—] ?\Z")
DASH_ENDINGS = ("-", "–", "—", "- ", "– ", "— ")  # how a ``MONTH_DASH_BEFORE`` match ends
# A wire story's dateline: "NEW YORK, March 6 (Reuters) -" opens the first paragraph; its date is
# the story's, not a fact of it.
WIRE_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z .'-]{1,40}, \Z")
WIRE_DATELINE_AFTER = re.compile(r" \([A-Z][A-Za-z.& ]{1,24}\) ?[-–—]")
# A headline's infinitive ("Heat to peak on Thursday", "Rail strikes to go ahead next week").
HEADLINE_INFINITIVE = re.compile(r"\bto\s[a-z]{2,}\b")
# "today's world", "tomorrow's leaders": no day but the present or future at large (maybe after an
# adjective: "today's personal computers").
GENERIC_AFTER_POSSESSIVE = re.compile(
    r"['’]s\s(?:[a-z]{2,20}\s)?(?:world|society|youth|young|generations?|children|kids|teens|teenagers|parents|families"
    r"|culture|technology|computers|cars|consumers|workforce|workplace|workers|standards|age|era|times|media|politics"
    r"|economy|leaders|engineers|scientists|students|women|men|people|music|fashion|science|medicine|journalism)\b"
)
# "the leaders of tomorrow", "the problems of today" (not "as of today", "the end of today").
GENERIC_OF_BEFORE = re.compile(r"(?<![\w'’])(?!(?:as|end|start|close|morning|afternoon|evening|night)\s)[a-z]{2,20}\sof\s\Z")
# A capitalized word right before "Today" makes it a name: "USA Today", "the VOA Today program".
NAME_BEFORE_TODAY = re.compile(r"(?<![\w.'’])[A-Z][A-Za-z]{0,15} \Z")
# "until Friday": a limit, ahead of the dateline unless the clause's tense says otherwise.
UNTIL_BEFORE = re.compile(r"(?<![\w'’])(?:[Uu]ntil|[Tt]ill)\s\Z")
# A rate or a set after a duration: "24 hours a day", "three days a week", "two hours per session".
RATE_AFTER = re.compile(r"\s(?:a|an|per|each|every)\s(?:second|minute|hour|day|week|fortnight|month|quarter|year|session|shift)\b")
# The word right before an expression.
WORD_BEFORE = re.compile(r"([\w$]+)\s\Z")
# After a duration, words that make it a point in time: "four years ago", "two days later".
POINT_IN_TIME_AFTER = re.compile(r"\s(?P<word>ago|earlier|later|from\s(?:now|today(?![\w'’-])))\b")
# Words before "year-end" that make it the end of the dateline's year: "by year-end", "at year end".
YEAR_END_BEFORE = re.compile(r"(?i)\b(?:by|at|before|until|till|around|after|toward|towards|near|through|from)\s(?:the\s)?\Z")
# A year before 1800 closing a day ("on April 18, 1775."), where ``_YEAR`` stops: only before punctuation
# or a joining word not before a number, so "On May 5, 1500 people marched" and "On May 5, 1500 to
# 2000 marched" keep their counts.
EARLY_YEAR_AFTER = re.compile(r",?\s(?P<year>1[0-7][0-9]{2})(?=[.,;:)]|\Z|\s(?:to|until|and|when|at|in|on)\s(?!\d))")
# "the week of May 9": the week that holds the day (the span starts at "week").
WEEK_OF_BEFORE = re.compile(r"(?<![\w'’])[Ww]eek\sof\s\Z")
# A bare month before a noun names a thing made then ("under a June agreement", "the April
# report"), unless the noun is an event still to come ("the May election").
MONTH_ATTRIBUTIVE_AFTER = re.compile(
    r"\s(?!(?:election|elections|vote|poll|referendum|summit|meeting|deadline|launch|conference|talks|session|trial"
    r"|hearing|start|opening|visit|trip)\b)[a-z]{3,}"
)
# "through January", "until May": a limit (ahead after a present perfect or a postponement).
LIMIT_BEFORE = re.compile(r"(?<![\w'’])(?:[Uu]ntil|[Tt]ill|[Tt]hrough|[Ii]nto)\s\Z")
# "every Monday", "each May", "every other Tuesday": a set, no date.
EVERY_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:every|each)\s(?:(?:other|second|third|fourth|alternate)\s)?\Z")
EVERY_WIDTH = len("every alternate ")
# "postponed until Tuesday": a limit set ahead, whatever the verb's tense.
POSTPONED = re.compile(r"\b(?:postponed|delayed|deferred|adjourned|extended|put\soff|pushed\sback|rescheduled)\b")
# A weekday's possessive before a noun that is no scheduled event: "Tuesday's declaration" (not
# "Sunday's election", whose day the clause's tense places).
POSSESSIVE_EVENT = re.compile(
    r"['’]s\s(?!(?:\w+\s)?(?:election|vote|votes|match|game|race|meeting|summit|final|referendum|talks|deadline|debate"
    r"|hearing|launch|start|kickoff|kick-off|opening|visit|trip|rally|march|parade|ceremony|session|auction|sale)\b)"
)
SINCE_BEFORE = re.compile(r"(?<![\w'’])[Ss]ince\s\Z")
# A present perfect: "has extended its warning until Friday" sets a limit still ahead.
PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s(?:(?:already|now|just|also|not|since|again|recently)\s)?"
    r"(?:[a-z]{2,}ed|been|given|taken|seen|shown|done|gone|made|kept|set|put|held|left|told|won|lost|cut|brought)\b"
)
NAMED_WEEKDAY_BEFORE = re.compile(r"(?:Black|Good|Super|Ash|Holy|Cyber|Bloody|Maundy|Easter|Giving|Fat|Shrove|Palm|Small Business|Mail on)\s$")
NAMED_WEEKDAY_AFTER = re.compile(r"\s(?:Times|Telegraph|Express|Mirror|Post|Herald|Independent|Tribune|Mail|Sport|Star|Night\sLive|Night\sFootball|Club)\b")
TIME_ONLY_LINE = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?\s*")

RANGE_CONNECTOR = re.compile(r"\s?[-–—]\s?|,?\s(?:to|through|thru|until|till|and)\s")
RANGE_OPENER = re.compile(r"(?i)\b(?:from|between)\s$")

# --- cheap trigger pass ----------------------------------------------------------------------
#
# Every match of a pattern above holds one of its trigger's strings, starting at most ``lead``
# characters after the match's own start (a modifier or leading weekday, a day span in front of
# the month ...). ``scan`` finds the triggers with a fast literal search and tries the full
# pattern only at the few positions just before each: the same matches, in the same order, as
# ``pattern.finditer(text)``. Each trigger starts with a literal or a character class, so the
# regex engine skips ahead over text that cannot start one.

_MONTH_START = r"(?:Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec)"
# Every month name and abbreviation is a month start and at most six more letters ("Sep" + "tember").
_MONTH_TRIGGER = re.compile(_MONTH_START)
def _phrase_trie(phrases: list[str]) -> re.Pattern:
    """Literal phrases (a space: any ``\\s``) as one trie: the engine skips ahead by first character
    and rejects a position after a character or two."""
    return re.compile(trie_pattern(phrase.replace(" ", "\0") for phrase in phrases).replace("\0", r"\s"))


# Every phrase of ``RELATIVE`` holds one of these: a relation and a unit ("this morning",
# "last night"), a count's unit and direction ("days ago"), or a day word.
_RELATIVE_PHRASES = (
    [
        f"{word} {unit}"
        for relation, parts in (("this", ["morning", "afternoon", "evening"]), ("last", ["night"]), ("next", []), ("coming", []), ("current", []))
        for word in (relation.capitalize(), relation)
        for unit in ["week", "month", "year", "quarter", "decade", *parts]
    ]
    + [f"{unit}{plural}{so} {way}" for unit in ("day", "week", "fortnight", "month", "year", "decade") for plural in ("", "s")
       for so in ("", " or so") for way in ("ago", "from now", "from today")]
    + [f"of the {unit}" for unit in ("week", "month", "year", "decade")]
    + ["This past week", "this past week", "year-end", "year end"]
    + "Today today Yesterday yesterday Tomorrow tomorrow Tonight tonight".split()
    + ["the day ", "The day "]
)
class AnyOf:
    """A trigger made of patterns scanned one by one, their hits in text order.

    A pattern that starts with a literal ("noon", "20") is found by a fast string search; an
    alternation of words with different first letters makes the regex engine stop at every
    such letter. A few literal scans can cost less than the one combined scan.
    """

    def __init__(self, *patterns: str) -> None:
        self.patterns = [re.compile(pattern) for pattern in patterns]

    def finditer(self, text: str) -> list[re.Match]:
        hits = [hit for pattern in self.patterns for hit in pattern.finditer(text)]
        hits.sort(key=re.Match.start)
        return hits


class Shared:
    """The hits of ``trigger`` in a text, found once for the patterns that share them: the month starts
    ("Jan", "Sep", "May" ...) of the three month patterns, the parts of a day of two time patterns."""

    def __init__(self, trigger) -> None:
        self.trigger = trigger
        self._last: tuple[str | None, list[re.Match]] = (None, [])

    def finditer(self, text: str) -> list[re.Match]:
        last_text, hits = self._last
        if last_text is not text:
            hits = list(self.trigger.finditer(text))
            self._last = (text, hits)
        return hits


class Merged:
    """The hits of several triggers, in text order."""

    def __init__(self, *triggers) -> None:
        self.triggers = triggers

    def finditer(self, text: str) -> list:
        hits = [hit for trigger in self.triggers for hit in trigger.finditer(text)]
        hits.sort(key=re.Match.start)
        return hits


# No month start overlaps another, so ``finditer`` finds each of them.
MONTH_STARTS = Shared(_MONTH_TRIGGER)


class MonthStartThen:
    """A trigger that starts with a month start: ``rest`` is matched from each month start."""

    def __init__(self, rest: str) -> None:
        self.pattern = re.compile(_MONTH_START + rest)

    def finditer(self, text: str) -> list[re.Match]:
        match = self.pattern.match
        return [hit for start in MONTH_STARTS.finditer(text) if (hit := match(text, start.start()))]


class MonthStartAfter:
    """A trigger that ends with a month start: the month starts right after ``before`` (at most
    ``width`` characters). Its hits are those month starts, so its lead grows by ``width``."""

    def __init__(self, before: str, width: int) -> None:
        self.pattern, self.width = re.compile(before + r"\Z"), width

    def finditer(self, text: str) -> list[re.Match]:
        search, width = self.pattern.search, self.width
        return [start for start in MONTH_STARTS.finditer(text) if search(text, max(0, start.start() - width), start.start())]


class _Span:
    """A trigger hit that is no regex match: just its ``span()``."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    def span(self) -> tuple[int, int]:
        return self.start, self.end


class AfterCount:
    """A trigger for a unit after its count: the hits of ``unit`` after a word that may close a
    count (``COUNT_END_WORDS``: "48", "three", "a few", "a couple of", "and a half"), maybe with a
    word like "more" between ("two more weeks"), or before "-long" ("day-long", "decades-long"),
    or after "the past" ("the past decade"), or before "ended" or "to" ("the year ended March 31",
    "the year to March"); "last
    year" and "the day" are no hits. A hit spans from the count's last word to the unit's end."""

    def __init__(self, unit: str) -> None:
        self.unit = re.compile(unit)

    def finditer(self, text: str) -> list[_Span]:
        hits = []
        for hit in self.unit.finditer(text):
            # ``unit`` is literal words, which the engine finds faster than a class before them.
            at = hit.start() - 1
            if at >= 0 and not (text[at].isspace() or text[at] == "-"):
                continue
            at = max(at, 0)
            words = text[max(0, at - 24) : at].split()
            if words and words[-1].lower() in COUNT_LINK_WORDS:
                words.pop()
            if words and (words[-1][-1:].isdigit() or words[-1].lower().rpartition("-")[2] in COUNT_END_WORDS
                          or [word.lower() for word in words[-2:]] == ["the", "past"]):
                at = text.rfind(words[-1], 0, at)
            elif not text.startswith(("-long", "s-long", " ended ", " ending ", " to "), hit.end()):
                continue
            hits.append(_Span(at, hit.end()))
        return hits


# The last word of a duration's count (``DURATION``) and the words that may stand between it and the unit.
COUNT_END_WORDS = frozenset(["a", "an", "half", "quarter", "few", "several", "of", "hundred", "thousand", "dozen", *UNIT_WORDS,
                             *TENS_WORDS])
COUNT_LINK_WORDS = frozenset("more additional extra straight consecutive full long trading business working calendar school".split())
_DAY_BEFORE_MONTH_WIDTH = len("1st of ")
_SPELLED_DAY_START = "(?i:fi|se|th|fo|si|ei|ni|te|el|tw)"
DAY_PART_WORDS = Shared(AnyOf("morning", "afternoon", "evening"))
# Each pattern's trigger and lead (see ``scan``).
TRIGGERS = {
    MONTH_DAY: (MonthStartThen(rf"[a-z]{{0,6}}\.?\s(?:the\s)?(?:\d|{_SPELLED_DAY_START})"), 12),
    # A day in digits (``_DAY`` is ASCII digits), or in words before "of" (they all end as the digits'
    # suffixes do); the day starts at most 34 characters after the match.
    DAY_MONTH: (MonthStartAfter(r"(?:[0-9](?:st|nd|rd|th)?\s(?:of\s)?|[a-z](?:st|nd|rd|th)\sof\s)", _DAY_BEFORE_MONTH_WIDTH),
                34 + _DAY_BEFORE_MONTH_WIDTH),
    MONTH_YEAR: (MONTH_STARTS, 10),
    NUMERIC: (re.compile(r"\d[-/.][\dA-Z]"), 4),
    YEAR: (AnyOf(r"1[89]\d\d", r"20\d\d"), 7),
    SHORT_DECADE: (AnyOf(r"'\d0s", r"’\d0s"), len("early ")),  # two literal scans beat one class
    QUARTER: (re.compile(r"quarter|half|Q[1-4]|H[1-4]"), len("first two ")),
    SEASON: (AnyOf(*SEASONS), len("this past ")),
    RELATIVE: (_phrase_trie(_RELATIVE_PHRASES), 12),
    DAY_PART: (DAY_PART_WORDS, len("early ")),
    # "day of" starts at most 13 characters into the match ("second Wednes").
    PLACE_IN_MONTH: (AnyOf(r"day\s(?:of|in)\s", r"week(?:end)?\s(?:of|in)\s"), len("second Wednes")),
    WEEKDAY: (re.compile(_WEEKDAY), 8),
    THE_WEEKEND: (re.compile(r"the\sweekend"), 7),
    WEEK_FROM_WEEKDAY: (AnyOf(r"day\sweek", r"week\s(?:from|ago|on)\s", r"before\slast", r"after\snext"), len("weekend ")),
    FISCAL_YEAR: (re.compile(r"FY"), 0),
    CENTURY: (re.compile(r"century"), len("turn of the twenty-second ")),
    HOLIDAY: (_phrase_trie(["Thanksgiving", "Christmas", "Boxing", "New Year", "Independence", "Halloween", "Valentine", "Veterans",
                            "Labor", "Memorial", "Martin Luther", "Presidents", "Columbus", "Mother", "Father", "Easter",
                            "Good Friday", "Election Day"]), len("next ")),
    SPELLED_YEAR: (AnyOf(r"ineteen[\s-][a-z]", r"ighteen[\s-][a-z]", r"year\stwo\sthousand", r"ties\b"), len("September N")),
    # "morning" starts at most this far into a match ("twelve in the morning").
    CLOCK: (Merged(DAY_PART_WORDS, AnyOf("clock", r"at\snight", r"alf\spast\s", r"uarter\s(?:past|to)\s")), len("twelve in the ")),
    TIME: (AnyOf(r"\d(?:[:.]\d|\s?[apAPGUZhECMPlBWIJKHS]|\s?[-–]\s?\d|\s(?:to|and|until|till)\s\d)", "noon", "mid(?:day|night)"), 4),
    # The unit after its count: the count, qualifier and reference start at most this far before it.
    # A count and unit before "earlier" ... ("twelve " before the unit), "1988 third-" before "quarter";
    # every other form's trigger starts one letter into the match ("[Ff]ollowing" -> "ollowing").
    ANAPHOR: (AnyOf(*[rf"{unit}s?\s(?:earlier|later|before|after)" for unit in ("day", "week", "fortnight", "month", "quarter", "year")],
                    r"ear-(?:earlier|ago)", r"omparable\s", r"orresponding\s", r"ame\s(?:day|week|month|year|quarter|period)",
                    *[rf"{word}\s(?:day|week|month|year|{_DAY_PART}{'|' + _WEEKDAY if word in ('ollowing', 'revious', 'receding') else ''})"
                      for word in ("ollowing", "revious", "receding", "rior", "ext")],
                    rf"hat\s(?:day|month|year|quarter|{_DAY_PART})", r"before[,.;:)]", r"after[,.;:)]", r"atest\s(?:quarter|period)", r"ost\srecent\s(?:quarter|period)",
                    r"year['’]s\s(?:first|second|third|fourth|quarter|period|half)", "quarter", "period"), len("1988 third-")),
    # "he 2" ends one character into the match ("the 21st"): a literal scan beats one for digits.
    DAY_OF_MONTH: (re.compile(r"he\s\d"), 0),
    # ``_COUNT_PART``, a count2 and a "more" word take at most this many characters before the unit.
    # The count's last word starts at most this far into the match ("seventy-seven thousand and a half").
    DURATION: (AfterCount(r"second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur"), 32),
}


# Where a word starts: every pattern above starts its match with a word character and no word
# character before it (``\b`` or a lookbehind that rules one out).
_WORD_START = re.compile(r"(?<!\w)\w")
# Fewer characters than this per trigger on average, and ``scan`` falls back to ``finditer``.
DENSE_TRIGGERS = 24


def find(pattern: re.Pattern, text: str):
    """The matches of ``pattern`` (one of ``TRIGGERS``, or another pattern with its trigger and
    lead registered there) in ``text``, found with its trigger."""
    trigger, lead = TRIGGERS[pattern]
    return scan(pattern, trigger, lead, text)


def scan(pattern: re.Pattern, trigger, lead: int, text: str):
    """The matches of ``pattern.finditer(text)``, trying ``pattern`` only just before triggers.

    ``trigger``: a compiled pattern or one of the trigger classes above (its ``finditer`` gives matches).

    A match starting at ``s`` holds a trigger starting in ``s .. s + lead``; every trigger
    starts where ``trigger.finditer`` finds one or inside one it finds (it skips only those
    overlapping one found; the hits come in order of their starts), so the word starts from
    ``lead`` before each found trigger to its end are the only places a match can start.
    ``checked``: no match starts before it unseen.
    """
    match, word_starts = pattern.match, _WORD_START.finditer
    checked = hits = 0
    for hit in trigger.finditer(text):
        hits += 1
        if hits > 64 and hits * DENSE_TRIGGERS > checked:
            # Triggers everywhere (hostile input): the plain scan from here is cheaper, and the same.
            yield from pattern.finditer(text, checked)
            return
        at, stop = hit.span()
        lo = max(checked, at - lead)
        while lo < stop:
            for start in word_starts(text, lo, stop):
                found = match(text, start.start())
                if found is not None:
                    break
            else:
                checked = stop
                break
            yield found
            checked = lo = found.end()
