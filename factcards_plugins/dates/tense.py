"""Which way a date expression points: the tense of the clause around it.

A bare weekday or a month without a year is resolved on the side of the
dateline its clause's tense points to. The rule, kept deliberately small:

* the clause is the stretch of the sentence between punctuation or
  subordinators ("that", "which", "when" ...) that holds the expression;
* in the clause, the nearest verb cue before the expression decides (the
  verb that governs it: "said on Monday" -> past, "will meet on Tuesday" ->
  future, "pleaded guilty in August and is due to ..." -> past), else the
  nearest after it; a participle governed by a modal or an
  infinitive ("will be considered and voted on Tuesday", "is to be held") is
  future; "is"/"are" alone (present, scheduled) count as future;
* an infinitive after a past verb that takes one ("ordered them to file by
  Dec. 1") leaves the tense open: its time is not the verb's;
* with no cue in the clause, the nearest cue in the whole sentence decides;
* with no cue at all the tense is unknown (``None``).
"""

from __future__ import annotations

import bisect
import re

PAST = "past"
FUTURE = "future"
# An infinitive after a past verb ("ordered them to file by Dec. 1"): its time is not the verb's.
_OPEN = "open"

_CLAUSE_BREAK = re.compile(
    r"""[;:()"“”—]|,(?!\d)|\s(?:that|which|who|whom|when|while|because|although|though|but|where|whereas|if|so)\s"""
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]{1,2})?")
# The scheduled present of news: "early voting ends Friday", "she meets Couacaud on Wednesday",
# and its plural: "the two leaders meet Monday", "talks resume on Thursday".
_SCHEDULED_PRESENT = frozenset(
    "begins starts ends opens closes meets faces resumes expires arrives departs begin meet resume arrive depart".split()
)
_FUTURE_WORDS = _SCHEDULED_PRESENT | frozenset(
    "will shall won't wo 'll upcoming next would could might should must tomorrow is are am scheduled slated due expected set poised "
    "plans plan planning intends intend aims aim to-be going".split()
)
# "temperatures could reach 36C on Thursday", "the vote might slip to May".
_MODALS_OF_LIKELIHOOD = frozenset("could might should must".split())
_NEEDS_INFINITIVE = frozenset("set plan plans planning intend intends aim aims going".split())
_PAST_WORDS = frozenset(
    "told met held went came made took gave saw left sent spoke wrote won lost began became "
    "brought bought caught fell felt found got heard kept knew led paid ran rose sat sold stood struck thought threw "
    "understood woke wore fled fought flew drew drove ate grew hit hung laid lay meant rang sang shot shut slept "
    "spent split spread stole stuck swore swept taught tore withdrew "
    # irregular past participles: "Barrientos, seen here in court on Friday, is accused ..."
    "seen been gone taken given shown written spoken chosen driven broken stolen fallen beaten thrown drawn flown "
    "begun "
    # -ed forms the regular rule leaves out: four letters, or ending in "eed" like "need"
    "died used owed tied lied eyed agreed disagreed freed decreed guaranteed refereed".split()
)
_NOT_PAST_ED = frozenset(
    "need speed seed feed breed bleed heed proceed exceed succeed red bed shed hundred based so-called united "
    "limited armed alleged detailed advanced tired interested concerned related indeed sacred wicked naked".split()
)
# Present linking verbs: a participle after them is an adjective ("stays closed", "remains shut").
_PRESENT_LINKING = frozenset("stays stay remains remain seems seem looks look".split())
_MODAL_BEFORE_PARTICIPLE = frozenset("will would shall be can could may might must should".split())
_PERFECT_OR_PAST_AUX = frozenset("has have had was were".split())
# Past cues whatever precedes them (``_PAST_WORDS`` may be participles governed by a modal).
_SIMPLE_PAST = frozenset("said was were had did yesterday ago last earlier previously".split())
# Words after "last" the verb ("last 30 days", "last for weeks", "last until May"); digits are not words here.
_DURATION_AFTER_VERB_LAST = frozenset(
    "days weeks months years hours minutes decades for until till through into longer beyond at about around up".split()
)
# Past verbs whose object or complement is an infinitive with its own time: "ordered both sides
# to file by Dec. 1", "agreed to pay on April 9" (not "was elected to parliament in May").
_TAKES_INFINITIVE = frozenset(
    "ordered asked told urged allowed forced agreed decided planned wanted tried failed voted promised pledged vowed "
    "refused sought hoped intended invited persuaded encouraged required directed instructed authorised authorized "
    "advised warned called threatened offered proposed chose needed managed".split()
)
# Nouns whose infinitive has its own time: "announced an agreement to buy the bank in January",
# "rejected a plan to close the plant in June" (the buying, the closing: not the announcing).
_NOUNS_TAKING_INFINITIVE = frozenset(
    "agreement agreements plan plans deal deals offer offers bid bids proposal proposals decision move effort efforts "
    "attempt attempts pact accord contract commitment promise pledge intention option options right rights permission "
    "approval order request motion chance opportunity vote deadline".split()
)
# "effective Feb. 1", "effective on Monday": a date of its own, whatever the clause's verb.
_EFFECTIVE_BEFORE = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december monday tuesday wednesday thursday friday saturday sunday on from as at".split()
)
# Past verbs of intention: the infinitive after them is ahead ("planned to leave on Thursday").
_INTENDS = frozenset("planned intended hoped vowed promised pledged threatened aimed".split())
# Words after "to" that make it a preposition, not an infinitive ("returned to work in May").
_NOT_INFINITIVE = frozenset(
    "the a an his her its their our my your this that these those some all any each every more most about around "
    "up down work school court power office market prison jail hospital church bed town trial date war life home "
    "what which whom whose".split()
)
# Every word ``_cue`` can read as a tense, besides those ending in "ed" or "'ll".
_CUE_WORDS = _FUTURE_WORDS | _PAST_WORDS | _SIMPLE_PAST


def _lowered_words(matches: list[re.Match]) -> list[str]:
    """The words ``_WORD`` matched, lowercased and with ’ as ' (one string operation for all of them).

    "May" stays as written: a name or a month ("Theresa May, speaking in March"), not the modal.
    """
    if not matches:
        return []
    words = "\n".join(map(re.Match.group, matches)).lower().replace("’", "'").split("\n")
    if "may" in words:
        words = [word if word != "may" or matches[i].group() == "may" else "May" for i, word in enumerate(words)]
    return words


def _cue(words: list[str], i: int, word: str) -> str | None:
    if word.endswith("'ll") or word in _FUTURE_WORDS:
        return _future_word(words, i, word)
    if word == "last" and i + 1 < len(words) and words[i + 1] in _DURATION_AFTER_VERB_LAST:
        return None  # the verb ("the ban will last 30 days"), not "last week" or "last cut"
    if word == "last" and i + 1 < len(words) and words[i + 1].endswith("'s"):
        return None  # "last year's ticket holders": a noun's modifier, no tense of the clause
    if word in _SIMPLE_PAST:
        return PAST
    if word in _PAST_WORDS or _is_regular_past(word):
        if i and words[i - 1] in _PRESENT_LINKING:
            return None  # "the museum stays closed": an adjective, no tense
        window = words[max(0, i - 4) : i]
        before = set(window)
        # "has/had been held" is past; "would have to be approved" is an obligation, not a perfect
        perfect = any(w in _PERFECT_OR_PAST_AUX and window[k + 1 : k + 2] != ["to"] for k, w in enumerate(window))
        governed = before & _MODAL_BEFORE_PARTICIPLE and not perfect
        present_passive = _present_passive(words, i)
        return FUTURE if governed or present_passive else PAST
    return None


def _present_passive(words: list[str], i: int) -> bool:
    """Whether the participle at ``i`` follows a present "be", at most an adverb between ("is planned",
    "are also expected"; not "are statements made")."""
    if i and words[i - 1] in _PRESENT_BE:
        return True
    return i > 1 and words[i - 2] in _PRESENT_BE and (words[i - 1] in _ADVERBS_IN_PASSIVES or words[i - 1].endswith("ly"))


_PRESENT_BE = frozenset("is are am being".split())
_ADVERBS_IN_PASSIVES = frozenset("also now still not being already due set expected".split())


def _is_regular_past(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed") and word not in _NOT_PAST_ED


def _future_word(words: list[str], i: int, word: str) -> str | None:
    """Future, except for words that only mark it when an infinitive follows ("set to", "plans to"),
    and past after "had been" ("had been scheduled to")."""
    following = words[i + 1] if i + 1 < len(words) else ""
    if word == "expected" and i and words[i - 1] in ("than", "as"):
        return None  # "grew faster than expected in the second quarter"
    if word in _NEEDS_INFINITIVE:
        return FUTURE if following == "to" else None
    if i >= 2 and words[i - 2] == "had" and words[i - 1] == "been":
        return PAST  # "had been due to expire Friday": a future now past
    if word in _MODALS_OF_LIKELIHOOD and following in ("not", "have", "n't"):
        return None  # "could not attend", "might have been": no time ahead
    return FUTURE


def _infinitive_follows(matches: list[re.Match], words: list[str], i: int) -> bool:
    """Whether the "to" at ``i`` starts an infinitive: a lowercase word right after it that is not
    a determiner or a noun that often follows "to" (``_NOT_INFINITIVE``)."""
    if i + 1 >= len(words) or matches[i + 1].start() != matches[i].end() + 1:
        return False
    following = matches[i + 1].group()
    return following[0].islower() and words[i + 1] not in _NOT_INFINITIVE


class TenseReader:
    """The tense (``"past"``, ``"future"`` or None) of many expressions of one text.

    An expression's tense is that of the nearest cue word (``_cue``) before it
    in its clause (its window, a sentence, cut at ``_CLAUSE_BREAK``), else of
    the nearest after it in the clause, else of the nearest in the whole window
    (at equal distance a cue before the expression wins). A window's
    clause breaks are found once, and each clause's cues once; the nearest cue
    is found by bisection.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self._cues: dict[tuple[int, int], tuple[list[int], list[int], list[str]]] = {}

    def tense(self, start: int, end: int, window_start: int, window_end: int) -> str | None:
        break_starts, break_ends = self._window_breaks(window_start, window_end)
        # The clause: from the last break ending by ``start`` to the first starting from ``end``.
        i = bisect.bisect_right(break_ends, start)
        clause_start = break_ends[i - 1] if i else window_start
        j = bisect.bisect_left(break_starts, end, i)
        clause_end = break_starts[j] if j < len(break_starts) else window_end
        tense = self._nearest(start, end, self._span_cues(clause_start, clause_end), prefer_before=True)
        if tense is None:
            tense = self._nearest(start, end, self._span_cues(window_start, window_end))
        return None if tense == _OPEN else tense

    def _window_breaks(self, lo: int, hi: int) -> tuple[list[int], list[int]]:
        found = self._breaks.get((lo, hi))
        if found is None:
            spans = [m.span() for m in _CLAUSE_BREAK.finditer(self.text, lo, hi)]
            found = self._breaks[(lo, hi)] = ([s for s, _ in spans], [e for _, e in spans])
        return found

    def _span_cues(self, lo: int, hi: int) -> tuple[list[int], list[int], list[str]]:
        """The words of ``lo..hi`` that are tense cues, with their spans and tenses."""
        cues = self._cues.get((lo, hi))
        if cues is None:
            matches = list(_WORD.finditer(self.text, lo, hi))
            words = _lowered_words(matches)
            cues = ([], [], [])
            last_cue_word = ""
            for i, word in enumerate(words):
                if word in _SCHEDULED_PRESENT and i and words[i - 1] == "to" and cues[2] and cues[2][-1] == PAST:
                    continue  # an infinitive under a past verb: "made it hard to meet demand into the summer"
                if word in _CUE_WORDS or word.endswith(("ed", "'ll")):
                    tense = _cue(words, i, word)
                elif word == "to" and cues[2] and cues[2][-1] == PAST and last_cue_word in _TAKES_INFINITIVE:
                    tense = None
                    if _infinitive_follows(matches, words, i):
                        tense = FUTURE if last_cue_word in _INTENDS else _OPEN
                elif word == "to" and i and words[i - 1] in _NOUNS_TAKING_INFINITIVE:
                    tense = _OPEN if _infinitive_follows(matches, words, i) else None
                elif word == "effective" and i + 1 < len(words) and words[i + 1] in _EFFECTIVE_BEFORE:
                    tense = _OPEN
                else:
                    continue
                if tense is not None:
                    cues[0].append(matches[i].start())
                    cues[1].append(matches[i].end())
                    cues[2].append(tense)
                    last_cue_word = word
            self._cues[(lo, hi)] = cues
        return cues

    @staticmethod
    def _nearest(start: int, end: int, cues: tuple[list[int], list[int], list[str]], prefer_before: bool = False) -> str | None:
        """The nearest cue's tense (any cue before the expression first, if ``prefer_before``), by
        bisection: the candidates are the last cue ending by ``start``, the one after it if it
        straddles ``start``, and the first starting from ``end``."""
        starts, ends, tenses = cues
        best: tuple[int, int, str] | None = None
        before = bisect.bisect_right(ends, start)
        after = bisect.bisect_left(starts, end, before)
        for k in sorted({before - 1, before, after}):
            if not 0 <= k < len(starts):
                continue
            w_start, w_end = starts[k], ends[k]
            if start <= w_start < end:
                continue
            distance = start - w_end if w_end <= start else w_start - end
            side = 0 if w_end <= start else 1
            rank = (side, distance) if prefer_before else (distance, side)
            if best is None or rank < best[:2]:
                best = (*rank, tenses[k])
        return best[2] if best else None
