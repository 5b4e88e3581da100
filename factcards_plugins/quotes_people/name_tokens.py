"""Tokens that can take part in a name or a title, found by two scans that jump
from capital to capital, and the runs of name tokens they make."""

from __future__ import annotations

import re

from ..text import trie_pattern
from .lexicon import NOT_NAME_WORDS, ROLE_HEADS, TITLE_WORDS

# A word token: letters with inner apostrophes/hyphens ("O'Brien", "Secretary-General"),
# an acronym with dots ("U.S."), or a one-letter initial ("W."). Written as what follows
# the first letter, so that ``CAPITALIZED_WORD`` can start with the capital itself.
ACRONYM_REST = r"\.(?:[A-Z]\.){1,3}"  # ".S." after the "U" of "U.S."
WORD_REST = r"(?:[^\W_]|['’-](?=[^\W\d_])){0,40}\.?"  # "'Brien" after the "O" of "O'Brien"
TOKEN = re.compile(r"[A-Z]" + ACRONYM_REST + r"|[^\W\d_]" + WORD_REST)
POSSESSIVE = re.compile(r"['’]s?$")

MAX_NAME_TOKENS = 4


class Token:
    """A word with its offsets; ``bare`` drops a possessive ("Johnson's" -> "Johnson").

    ``joined`` says whether one space, and nothing else, separates the token from
    the token before it in its list: the two are neighbouring words of one phrase.
    """

    __slots__ = ("start", "end", "text", "bare", "key", "capitalized", "name_like", "possessive", "joined")

    def __init__(self, start: int, end: int, text: str, joined: bool = False):
        self.start, self.end, self.text, self.joined = start, end, text, joined
        self.bare, self.key, self.capitalized, self.name_like, self.possessive = _WORD_FACTS.get(text) or _word_facts(text)

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


# What a token's word says of it, read once per word: (bare, key, capitalized, name_like, possessive).
_WORD_FACTS: dict[str, tuple[str, str, bool, bool, bool]] = {}
MAX_REMEMBERED_WORDS = 100_000


def _word_facts(text: str) -> tuple[str, str, bool, bool, bool]:
    """``Token``'s fields that depend on its word only, remembered for the word's next tokens."""
    if len(_WORD_FACTS) >= MAX_REMEMBERED_WORDS:
        _WORD_FACTS.clear()
    bare = POSSESSIVE.sub("", text) if text[-2:-1] in "'’" or text[-1:] in "'’" else text
    key = bare.lower()
    facts = _WORD_FACTS[text] = (bare, key, text[:1].isupper(), _name_like(bare, key), bare != text)
    return facts


def _name_like(word: str, key: str) -> bool:
    """Whether a token (``word`` without a possessive, ``key`` its lowercase) can be part of a name."""
    if not word[:1].isupper() or key in NOT_NAME_WORDS or key in ROLE_HEADS:
        return False
    if len(word) > 1 and word.isupper() and not word.endswith("."):
        return False  # an acronym: NATO, UN
    return not (len(word) > 2 and "." in word)  # "U.S."



# Only words that can take part in a name or a title: capitalized words and lowercase title words.
# Other words are skipped by the regex engine; since a token is ``joined`` to the one before it
# only when one space separates them, a skipped word still separates its neighbours.
_TITLE_WORDS_WITHOUT_DOTS = [w for w in TITLE_WORDS if "." not in w]
CAPITAL = r"[A-Z\u00C0-\u00DE\u0100-\u024F\u0370-\u03FF\u0400-\u042F]"
NAME_OR_TITLE_TOKEN = re.compile(
    r"(?<![^\W_])(?:(?=" + CAPITAL + r")(?:" + TOKEN.pattern + r")|" + trie_pattern(_TITLE_WORDS_WITHOUT_DOTS) + r"(?![^\W_]))"
)
# NAME_OR_TITLE_TOKEN is tried at every position of a text. Two scans that jump from capital
# to capital find what the rules read of its tokens several times faster (see ``tokenize``):
# its capitalized tokens, with a pattern that starts with the capital,
CAPITALIZED_WORD = re.compile(
    CAPITAL + r"(?<![^\W_].)(?:(?<=[A-Z])" + ACRONYM_REST + r"|(?<=[^\W\d_])" + WORD_REST + r")"
)
# found faster by FAST_CAPITALIZED_WORD, which reads a word's letters as runs, not one by one.
# Its words are the same unless one runs on past the 40 characters of WORD_REST (see
# ``_capitalized_words``),
WORD_RUNS = r"[^\W_]*+(?:['’-](?=[^\W\d_])[^\W_]*+)*+\.?"
FAST_CAPITALIZED_WORD = re.compile(
    CAPITAL + r"(?<![^\W_].)(?:(?<=[A-Z])" + ACRONYM_REST + r"|(?<=[^\W\d_])" + WORD_RUNS + r")"
)
LONGEST_SAME_WORD = 41  # a capital and WORD_REST's 40 characters: longer, the two patterns may differ
# and the title words right before a capital, one space or ", " between, in the reversed
# text (a regex cannot search backwards): "nosnhoJ siroB retsinim" for "minister Boris Johnson".
# It starts with the space, which the regex engine finds faster than a capital.
REVERSED_TITLE_BEFORE_CAPITAL = re.compile(
    r" (?<=" + CAPITAL + r" ),?(" + trie_pattern(w[::-1] for w in _TITLE_WORDS_WITHOUT_DOTS) + r")(?![^\W_])"
)


def tokenize(text: str) -> list[Token]:
    """The tokens that can take part in a name or a title, without a sentence-final period glued to them.

    They are the tokens of a ``NAME_OR_TITLE_TOKEN`` scan, less the lowercase title words that
    no token follows closely, which no rule reads: a title word only counts right before a name
    or before another word of the title, one space or a comma and a space between ("former
    prime minister Boris Johnson", "its finance director, Jane Roe").
    """
    words = _capitalized_words(text)
    titles = _titles_before_capitals(text)
    if titles:
        words = sorted(words + titles)
    tokens: list[Token] = []
    previous_end = None
    for start, word in words:
        token_text = _TOKEN_TEXTS.get(word)
        if token_text is None:
            token_text = _token_text(word)
        if token_text:
            end = start + len(token_text)
            tokens.append(Token(start, end, token_text, previous_end == start - 1 and text[previous_end] == " "))
            previous_end = end
    return tokens


# The token text of each scanned word, "" for a word that makes no token, read once per word.
_TOKEN_TEXTS: dict[str, str] = {}


def _token_text(word: str) -> str:
    """The token a scanned word makes: the word without a sentence-final period glued to it,
    or "" when it starts with a lowercase letter of another script; remembered for the word's next tokens."""
    if len(_TOKEN_TEXTS) >= MAX_REMEMBERED_WORDS:
        _TOKEN_TEXTS.clear()
    token_text = ""
    if word[0].isupper() or word in TITLE_WORDS:
        token_text = word[:-1] if word[-1] == "." and _glued_period(word) else word
    _TOKEN_TEXTS[word] = token_text
    return token_text


def _capitalized_words(text: str) -> list[tuple[int, str]]:
    """(start, word) of every ``CAPITALIZED_WORD`` match, found by the faster ``FAST_CAPITALIZED_WORD``
    unless a word is too long for the two to be sure to agree (then by ``CAPITALIZED_WORD`` itself)."""
    matches = list(FAST_CAPITALIZED_WORD.finditer(text))
    words = list(map(re.Match.group, matches))
    if max(map(len, words), default=0) > LONGEST_SAME_WORD:
        matches = list(CAPITALIZED_WORD.finditer(text))
        words = list(map(re.Match.group, matches))
    return list(zip(map(re.Match.start, matches), words))


def _titles_before_capitals(text: str) -> list[tuple[int, str]]:
    """(start, word) of the title words of a ``NAME_OR_TITLE_TOKEN`` scan that come right
    before a capital, one space or ", " between, and right before those in turn."""
    titles = []
    for match in REVERSED_TITLE_BEFORE_CAPITAL.finditer(text[::-1]):
        title = _title_ending_at(text, len(text) - match.start(1))
        while title is not None:
            titles.append(title)
            start = title[0]
            if start >= 2 and text[start - 2 : start] == ", ":
                title = _title_ending_at(text, start - 2)
            elif text[start - 1 : start] == " ":
                title = _title_ending_at(text, start - 1)
            else:
                title = None
    return titles


def _title_ending_at(text: str, end: int) -> tuple[int, str] | None:
    """(start, word) of the title word a ``NAME_OR_TITLE_TOKEN`` scan finds ending at ``end``,
    if it finds one. The scan is redone from the last space or line break before ``end``:
    no token spans one, so the tokens after it are the same as in a scan of the whole text."""
    space = text.rfind(" ", 0, end)
    restart = max(space, text.rfind("\n", space + 1, end)) + 1
    last = None
    for last in NAME_OR_TITLE_TOKEN.finditer(text, restart, end):
        pass
    if last is not None and last.end() == end and last.group() in TITLE_WORDS:
        return last.start(), last.group()
    return None


def _glued_period(word: str) -> bool:
    """Whether ``word`` ends in a sentence-final period ("Putin."), not one of "Dr." or an initial."""
    return word.endswith(".") and len(word) > 2 and word.lower() not in ROLE_HEADS and "." not in word[:-1]


def _name_after(tokens: list[Token], i: int) -> int:
    """Index one past the name starting at the name token ``tokens[i]`` (at most MAX_NAME_TOKENS
    tokens): joined name tokens, up to the first possessive ("Johnson's")."""
    last = min(len(tokens), i + MAX_NAME_TOKENS)
    j = i + 1
    while j < last and tokens[j].name_like and tokens[j].joined and not tokens[j - 1].possessive:
        j += 1
    if j == i + MAX_NAME_TOKENS and j < len(tokens) and tokens[j].name_like and tokens[j].joined:
        return i  # a long run of capitalized words is a headline, not a name
    return j


def _lone_word(tokens: list[Token], i: int) -> bool:
    """Whether the name token ``tokens[i]`` is a name of its own, one word long, without a title
    word right before it: what ``_Finder._candidate_at`` passes over, told at less cost."""
    if i > 0 and tokens[i - 1].key in ROLE_HEADS:
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return following is None or not (following.name_like and following.joined) or tokens[i].possessive


def _continues_run(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` continues the run of name tokens before it; a possessive ends a
    run ("Johnson's office"). A mention is a whole run."""
    if k >= len(tokens):
        return False
    token, previous = tokens[k], tokens[k - 1]
    return token.name_like and token.joined and previous.name_like and not previous.possessive

