"""Shared name and role finder for the ``people`` and ``quotes`` plugins.

Rule-based, linear in the text: two tokenizer scans, runs of capitalized tokens
grouped in one walk, and bounded look-behind/look-ahead around each run. A run
becomes a person when the article gives evidence that it names one:

* a role title right before it (``Kremlin spokesperson Dmitry Peskov``,
  ``Russian President Vladimir Putin``, ``Mr. Smith``),
* a role in apposition after it (``Olaf Scholz, the German chancellor,``),
* a speech verb next to it and a known given name or two plain name tokens
  (``Maria Lopez said``).

Every later mention (full name, surname, possessive) is linked to the person.
Captions, chrome, duplicates, datelines and bylines are never read for people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import trie_pattern

# A word token: letters with inner apostrophes/hyphens ("O'Brien", "Secretary-General"),
# an acronym with dots ("U.S."), or a one-letter initial ("W."). Written as what follows
# the first letter, so that ``CAPITALIZED_WORD`` can start with the capital itself.
ACRONYM_REST = r"\.(?:[A-Z]\.){1,3}"  # ".S." after the "U" of "U.S."
WORD_REST = r"(?:[^\W_]|['’-](?=[^\W\d_])){0,40}\.?"  # "'Brien" after the "O" of "O'Brien"
TOKEN = re.compile(r"[A-Z]" + ACRONYM_REST + r"|[^\W\d_]" + WORD_REST)
POSSESSIVE = re.compile(r"['’]s?$")

NOT_FOR_PEOPLE = ("caption", "chrome", "duplicate", "dateline", "byline")
MAX_NAME_TOKENS = 4

# Role heads: the noun that ends a title ("Prime *Minister*", "Kremlin *spokesperson*").
ROLE_HEADS = frozenset(
    """president president-elect vice-president premier chancellor minister secretary secretary-general
    spokesperson spokesman spokeswoman senator sen. governor gov. mayor ambassador envoy chairman chairwoman
    chair ceo director commissioner judge justice king queen prince princess pope leader general gen.
    colonel col. captain capt. commander chief official adviser advisor economist analyst professor prof.
    coach manager lawyer attorney representative rep. lawmaker mp speaker founder author historian
    researcher scientist officer inspector sheriff archbishop bishop cardinal rabbi imam detective
    sergeant sgt. lieutenant lt. admiral prosecutor head executive chancellor-elect counsel diplomat
    negotiator deputy dr. doctor nurse mr. mrs. ms. miss dame sir lord lady mr mrs ms dr""".split()
) | frozenset(
    """striker midfielder defender goalkeeper player captain fisherman farmer architect actor actress singer
    artist writer novelist poet journalist reporter editor teacher student engineer surgeon strategist
    consultant activist campaigner organiser organizer resident owner investor trader banker pilot soldier
    veteran survivor witness volunteer mother father son daughter wife husband brother sister widow
    grandmother grandfather epidemiologist physician scientist physicist chemist biologist star host
    presenter chef model designer""".split()
)
# Lowercase heads that name a relation or an occupation: "his daughter Ingrid, 19," may name one token.
RELATIONS = frozenset("mother father son daughter wife husband brother sister widow grandmother grandfather".split())
HONORIFICS = frozenset("mr. mrs. ms. miss dr. sir dame lord lady mr mrs ms dr".split())
# Titles strong enough to make a single token a person ("President Putin", "Mr. Smith").
STRONG_TITLES = frozenset(
    """president chancellor minister senator sen. governor gov. mayor rep. mr. mrs. ms. miss dr. king queen
    pope prince princess judge premier secretary-general sir dame lord lady""".split()
)
# Lowercase words that belong to a title before its head ("former", "deputy", "chief").
ROLE_MODIFIERS = frozenset(
    """former deputy vice chief foreign defence defense finance prime acting interim senior top state
    assistant associate executive general head junior managing foreign-affairs interior health
    economy trade justice education energy operating financial marketing technology information""".split()
)
TITLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
DETERMINERS = frozenset("the a an this that these those his her its their our my".split())
CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov.
    dec.""".split()
)
# Tokens that make a capitalized run a place, organization or building, not a person.
NOT_NAME_WORDS = frozenset(
    """street st. avenue road house palace hall square office ministry department council committee union
    party bank group inc. inc ltd ltd. corp corp. company university college school court parliament
    duma senate congress assembly agency police army navy force forces government embassy news times
    post press journal channel city county state states republic kingdom federation island islands
    river mountain airport station hospital church cathedral mosque temple museum centre center
    institute foundation association organization organisation league club fc airlines airways
    capitol kremlin pentagon downing whitehall reuters cgtn afp bbc cnn xinhua nato eu un the a an
    and of for in on at to by with from he she they it we i you this that these those there here
    russia russian ukraine ukrainian america american britain british german germany france french
    china chinese canada canadian europe european western eastern northern southern west east north
    south kyiv moscow london washington paris berlin beijing ottawa brussels lviv lugansk donetsk
    crimea new united nations national international rail railway network airport today yesterday tomorrow mariinskyi trends search download cover photo""".split()
) | CALENDAR
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "i": None, "we": "p"}
MALE_CUES = frozenset("mr. mr sir lord king prince spokesman chairman father son husband brother grandfather actor".split())
FEMALE_CUES = frozenset(
    "mrs. ms. mrs ms miss dame lady queen princess spokeswoman chairwoman mother daughter wife sister widow grandmother actress".split()
)

# Common given names across languages: evidence for a bare "Firstname Lastname said".
FEMALE_NAMES = frozenset(
    """aisha alexandra alice alicia amanda amy ana anastasia andrea angela angelina ann anna anne annalena
    ashley barbara beth carmen carol caroline catherine charlotte christina christine claire claudia
    deborah diana elena elizabeth ellen emily emma eva fatima francesca giorgia grace hannah heather helen
    hillary isabel jane janet jennifer jessica julia julie kamala karen kate katherine kathleen laura
    linda lisa margaret maria marie marine mary maya michelle nancy naomi natalia natasha nicola
    nina olena olga patricia rachel rebecca ruth sandra sarah sofia sophie susan tanya ursula
    valentina""".split()
)
GIVEN_NAMES = FEMALE_NAMES | frozenset(
    """aaron abdul abdullah adam adrian ahmed aisha alan albert alejandro aleksandr alex alexander alexandra
    alexei ali alice alicia amanda amir amy ana anastasia andrea andreas andrei andrew andrzej angela angelina
    anil ann anna anne annalena anthony antonio antony arjun arthur ashley barack barbara ben benjamin bernie
    beth bill boris brian bruno carlos carmen carol caroline catherine charles charlotte chen chris christian
    christina christine christopher claire claudia daniel david deborah denis dennis diana diego dmitry
    dmitri donald dong ebrahim edward elena elizabeth ellen emily emma emmanuel enrique eric erik eva fatima
    felipe fernando francesca francis francisco frank gabriel gary george gerhard giorgia greg gregory hannah
    hans hassan heather helen henry hillary hiroshi hugo ian igor imran isabel ivan jack jacob james jamie jane
    janet jason javier jean jeff jennifer jens jessica jim joe johann john jonathan jorge jose joseph juan
    julia julie justin kamala karen karl kate katherine kathleen keir kevin kim kiril kurt laura lee leo li
    linda lisa liu luis lula mahmoud manuel marco margaret maria marie marine mario mark martin mary matteo
    matthew maya mehmet michael michel michelle miguel mike mikhail mohammed muhammad nancy naomi narendra
    natalia natasha nicholas nicola nicolas nikolai nina noah olaf olena oleg olga oliver olivier omar pablo
    patricia patrick paul pedro peter philip pierre rachel rafael rahul raj ramon rebecca recep richard rishi
    robert roberto ruth ryan sam samuel sandra sarah scott sebastian sergei sergey simon sofia sophie stefan
    stephen steve steven sunak susan tanya taro thomas tim timothy tom tony ursula valentina vasyl victor
    viktor vladimir volodymyr wang wei william xi yang yuri yusuf zhang""".split()
)
NEUTRAL_NAMES = frozenset("alex jamie sam lee kim li wang chris dana jean ashley".split())


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


@dataclass
class Mention:
    start: int
    end: int
    text: str
    possessive: bool = False

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Person:
    """One person the article names: canonical name, roles as written, every mention."""

    name: str
    start: int
    end: int
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    evidence: str = "role"

    def __post_init__(self) -> None:
        self.tokens = self.name.split()

    def rename(self, name: str, start: int, end: int) -> None:
        """Take a fuller form of the name ("John Smith" after "Smith"); the surname stays."""
        self.name, self.start, self.end, self.tokens = name, start, end, name.split()

    @property
    def surname(self) -> str:
        return self.tokens[-1]

    def add_role(self, role: str) -> None:
        """Add ``role`` unless the person already has it or a longer form of it."""
        role = " ".join(role.split())
        low = role.lower()
        if any(r.lower() == low or r.lower().endswith(" " + low) for r in self.roles):
            return
        self.roles = [r for r in self.roles if not low.endswith(" " + r.lower())] + [role]


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


def _role_before(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Token range of the title right before ``tokens[i]``, e.g. "Russian Defence Minister"."""
    head = i - 1
    if head < 0 or tokens[head].key not in ROLE_HEADS or not tokens[i].joined or tokens[head].possessive:
        return None
    first = head
    while first > 0 and head - first < 4 and tokens[first].joined:
        prev = tokens[first - 1]
        if prev.key in DETERMINERS or prev.key in CALENDAR or prev.possessive:
            break
        if not (prev.capitalized or prev.key in ROLE_MODIFIERS or prev.key in ROLE_HEADS):
            break
        first -= 1
    return first, head + 1


MODIFIER_STOP = frozenset(
    """the a an and or but nor of in on at to for with by from as than that this these those his her its their
    our my your who which whom whose is was were are be been being has have had will would can could should may
    might must said says say told tells met meets also then when while after before about over under into onto
    upon between among against during without within via per not no so if because whether where there here it
    he she they we i you him them us one two three new""".split()
) | CALENDAR
LEFT_WORD = re.compile(r"([\w’'.&-]{1,30}) $")
MAX_ROLE_WORDS_LEFT = 3


def _modifier_word(word: str) -> bool:
    """A word that can qualify a title: "opposition" leader, "planning" director, "Pop" star."""
    low = word.lower()
    if low in ROLE_MODIFIERS or low in ROLE_HEADS:
        return True
    if low in MODIFIER_STOP or low[-2:] in ("'s", "’s") or not low[:1].isalpha():
        return False
    if low.endswith(".") and "." not in low[:-1]:
        return False  # the end of the previous sentence
    return not low.endswith(("ed", "ly"))  # "planning director" and "visiting professor" keep their -ing word


def _extend_role_left(text: str, start: int) -> int:
    """Where a title really starts: "opposition leader" rather than "leader"."""
    for _ in range(MAX_ROLE_WORDS_LEFT):
        found = LEFT_WORD.search(text, max(0, start - 32), start)
        if not found or not _modifier_word(found.group(1)):
            break
        start = found.start(1)
    return start


def _false_title(text: str, start: int) -> tuple[int, int] | None:
    """A lowercase occupation noun right before a name: "fisherman Arne Bakke", "pop star Jade Monroe"."""
    found = LEFT_WORD.search(text, max(0, start - 32), start)
    if not found or not found.group(1).islower() or not _is_role_head(found.group(1)):
        return None
    return _extend_role_left(text, found.start(1)), found.end(1)


APPOSITION = re.compile(
    r"(?:\sof\s[A-Z][\w.'’-]{0,30}(?:\s[A-Z][\w.'’-]{0,30}){0,2})?"  # "Senator Doug Fairweather of Ohio, the ..."
    r",\s(?:(?:the|a|an|its|his|her)\s)?((?:[\w.'’-]{1,30}\s){0,4}?[\w.'’-]{1,30}?)(?=[,;.]|\s(?:of|who|for|at|in|with)\s|$)",
)


def _role_after(text: str, end: int) -> str | None:
    """A role in apposition right after a name: ", the German chancellor," -> "German chancellor"."""
    window = text[end : end + 80]
    match = APPOSITION.match(window)
    if not match:
        return None
    role = match.group(1)
    words = role.split()
    if len(words) > 1 and words[0][-2:] in ("'s", "’s"):
        words = words[1:]
        role = role.split(None, 1)[1]  # the words may be split by any whitespace, a line break too
    if not words or not _is_role_head(words[-1].lower()) or words[-1].lower() in HONORIFICS:
        return None
    if not all(_modifier_word(w) for w in words[:-1]):
        return None
    return role


AGENT_SUFFIXES = ("ist", "ian", "er", "or", "ant", "ent", "eur", "man", "woman")


def _is_role_head(word: str) -> bool:
    """A title word, or an agent noun in apposition ("an epidemiologist", "a historian")."""
    return word in ROLE_HEADS or (word.islower() and len(word) > 4 and word.endswith(AGENT_SUFFIXES))


SPEECH_VERBS = (
    "said|says|say|called|calls|described|describes|dubbed|branded|termed|told|tells|added|adds|adding|noted|notes|stated|explained|asked|replied|answered|responded|"
    "wrote|writes|tweeted|posted|insisted|argued|warned|claimed|declared|announced|acknowledged|admitted|"
    "conceded|continued|recalled|remarked|observed|suggested|stressed|emphasized|emphasised|urged|cautioned|"
    "complained|predicted|promised|vowed|joked|exclaimed|shouted|recounted|reported|confirmed|concluded|"
    "agreed|countered|maintained|quipped|repeated|pointed out|went on|saying|noting|insisting|explaining|"
    "telling|asking|warning|arguing|according to"
)
# The same words as a trie, which the regex engine tries several times faster than the list.
SPEECH_VERB = trie_pattern(SPEECH_VERBS.split("|"))
VERB_AFTER_NAME = re.compile(r"\s(?:\w{1,15}ly\s)?" + SPEECH_VERB + r"\b")
VERB_BEFORE_NAME = re.compile(SPEECH_VERB + r"\s$")


def _speech_next_to(text: str, start: int, end: int) -> bool:
    return bool(VERB_AFTER_NAME.match(text, end, min(len(text), end + 30)) or VERB_BEFORE_NAME.search(text[max(0, start - 30) : start]))


AGE_AFTER = re.compile(r",\s\d{1,3}\b")
RELATIVE_WHO = re.compile(r",\swho\b")


def _role_text(text: str, role_tokens: list[Token]) -> str | None:
    """The role as written, without honorifics ("Lead author Dr." -> "Lead author"; "Mr." -> None)."""
    kept = list(role_tokens)
    while kept and kept[-1].key in HONORIFICS:
        kept.pop()
    if not kept or kept[-1].key not in ROLE_HEADS:
        return None
    return text[kept[0].start : kept[-1].end]


def _gender_of_name(name_tokens: list[Token]) -> str | None:
    first = name_tokens[0].key
    if len(name_tokens) < 2 and first not in GIVEN_NAMES or first in NEUTRAL_NAMES:
        return None
    if first in FEMALE_NAMES:
        return "f"
    return "m" if first in GIVEN_NAMES else None


def _gender_of(role_tokens: list[Token]) -> str | None:
    keys = {t.key for t in role_tokens}
    if keys & MALE_CUES:
        return "m"
    if keys & FEMALE_CUES:
        return "f"
    return None


class _Finder:
    def __init__(self, document):
        self.text = document.text
        self.document = document
        self.tokens = tokenize(self.text)
        self.people: list[Person] = []
        self.by_surname: dict[str, list[Person]] = {}
        self.excluded = [(r.start, r.end) for r in document.regions if r.kind in NOT_FOR_PEOPLE]

    def allowed(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps no caption, chrome, duplicate, dateline or byline."""
        for r_start, r_end in self.excluded:
            if r_start < end and start < r_end:
                return False
        return True

    def find(self) -> list[Person]:
        tokens = self.tokens
        resume = 0  # the tokens before it belong to a name already read
        for i, token in enumerate(tokens):
            if i < resume or not token.name_like or (token.joined and tokens[i - 1].name_like):
                continue  # not a name token, or one that continues the name before it
            if not _lone_word(tokens, i):  # one capitalized word without a title is no evidence of a person
                resume = self._candidate_at(i)
        self._link_mentions()
        return [p for p in self.people if p.mentions and (p.evidence != "speech" or _named_again(self.text, p))]

    def _candidate_at(self, i: int) -> int:
        """Read the name that starts at the name token ``tokens[i]``; the index to go on from."""
        tokens, text = self.tokens, self.text
        stop = _name_after(tokens, i)
        if stop == i:
            return self._skip_run(i)
        role_tokens = self._title_tokens(i, stop)
        if not role_tokens and stop == i + 1:
            return stop  # one capitalized word without a title is no evidence of a person
        name_tokens = tokens[i:stop]
        start, end = name_tokens[0].start, name_tokens[-1].end
        if not self.allowed(start, end):
            return stop
        role = _role_text(text, role_tokens)
        false_title = None if role_tokens or len(name_tokens) < 2 else _false_title(text, start)
        if role and not role_tokens[0].capitalized:
            role_end = role_tokens[0].start + len(role)
            role = text[_extend_role_left(text, role_tokens[0].start) : role_end]
        elif false_title:
            role = text[slice(*false_title)]
            role_tokens = [Token(start - 1, start - 1, role.split()[-1])]
        role_after = _role_after(text, end)
        evidence = self._evidence(name_tokens, role_tokens, start, end, role_after)
        if evidence:
            self._add(name_tokens, role, role_tokens, evidence, role_after)
        return stop

    def _title_tokens(self, i: int, stop: int) -> list[Token]:
        """The title right before the name ``tokens[i:stop]`` ("Russian President"), or before a comma ("finance director, ")."""
        tokens, text = self.tokens, self.text
        role_range = _role_before(tokens, i)
        if role_range:
            return tokens[role_range[0] : role_range[1]]
        before = tokens[i - 1] if i > 0 else None
        if before is None or before.key not in ROLE_HEADS or text[before.end : tokens[i].start] != ", ":
            return []
        name_end = tokens[stop - 1].end
        return [before] if text[name_end : name_end + 1] in (",", ".", ";") else []

    def _skip_run(self, i: int) -> int:
        tokens = self.tokens
        j = i + 1
        while j < len(tokens) and tokens[j].name_like and tokens[j].joined:
            j += 1
        return j

    def _evidence(self, name_tokens, role_tokens, start, end, role_after) -> str | None:
        """Why ``name_tokens`` name a person ("role", "apposition", ...), or None; ``role_after`` is
        the role in apposition after the name, if any."""
        single = len(name_tokens) == 1
        if role_tokens:
            head = role_tokens[-1].key
            if not single or head in STRONG_TITLES:
                return "role"
            if head in RELATIONS and (name_tokens[0].key in GIVEN_NAMES or AGE_AFTER.match(self.text, end)):
                return "role"
            return None
        if single:
            return None
        if role_after:
            return "apposition"
        if name_tokens[0].key in GIVEN_NAMES:
            return "given-name"
        if len(name_tokens) <= 3 and RELATIVE_WHO.match(self.text, end):
            return "apposition"
        if len(name_tokens) <= 3 and _speech_next_to(self.text, start, end) and not name_tokens[-1].possessive:
            return "speech"
        return None

    def _add(self, name_tokens, role, role_tokens, evidence, role_after) -> None:
        name = " ".join(t.bare for t in name_tokens)
        known = self._match(name.split(), name_tokens[0].start)
        if known is None:
            last = name_tokens[-1]
            known = Person(name, name_tokens[0].start, last.start + len(last.bare), evidence=evidence)
            self.people.append(known)
            self.by_surname.setdefault(known.surname, []).append(known)
        elif len(name.split()) > len(known.tokens):
            last = name_tokens[-1]
            known.rename(name, name_tokens[0].start, last.start + len(last.bare))
        if role:
            known.add_role(role)
        known.gender = known.gender or _gender_of(role_tokens) or _gender_of_name(name_tokens)
        if role_after:
            known.add_role(role_after)

    def _match(self, words: list[str], at: int) -> Person | None:
        """The person these name words refer to: same full name, or same surname (nearest before ``at``)."""
        same_surname = self.by_surname.get(words[-1], [])
        for person in same_surname:
            if person.tokens == words:
                return person
        candidates = [p for p in same_surname if len(words) == 1 or len(p.tokens) == 1 or p.tokens[0] == words[0]]
        return candidates[-1] if candidates else None

    def _link_mentions(self) -> None:
        """Link every run of name tokens that ends in a person's surname to that person."""
        by_word: dict[str, list[Person]] = {}
        for person in self.people:
            by_word.setdefault(person.surname, []).append(person)
        tokens = self.tokens
        for j, token in enumerate(tokens):
            if token.bare in by_word and token.name_like and not _continues_run(tokens, j + 1):
                i = j
                while _continues_run(tokens, i):
                    i -= 1
                self._mention(tokens[i : j + 1], by_word)

    def _mention(self, run: list[Token], by_word: dict[str, list[Person]]) -> None:
        words = [t.bare for t in run]
        for person in _nearest_first(by_word.get(words[-1], []), run[0].start):
            if words == person.tokens[-len(words):] or (len(words) == 2 and words[0] == person.tokens[0]):
                start, last = run[0].start, run[-1]
                end = last.start + len(last.bare)
                if self.allowed(start, end):
                    person.mentions.append(Mention(start, end, self.text[start:end], last.possessive))
                    if person.start > start and words == person.tokens:
                        person.start, person.end = start, end
                return


PREVIOUS_WORD = re.compile(r"([\w’'.&-]{1,30})\s$")


def _named_again(text: str, person: Person) -> bool:
    """A name found only next to a speech verb counts when the article reuses the bare surname
    on its own (not as the end of another name: "National Rail" does not repeat "Network Rail")."""
    for mention in person.mentions:
        if mention.text != person.surname:
            continue
        before = PREVIOUS_WORD.search(text, max(0, mention.start - 32), mention.start)
        if not (before and before.group(1)[:1].isupper()):
            return True
    return False


def _nearest_first(people: list[Person], offset: int) -> list[Person]:
    """People sharing a surname, the one introduced last before ``offset`` first."""
    if len(people) < 2:
        return people  # the common case: no one else has the surname
    before = [p for p in people if p.start <= offset]
    return sorted(before, key=lambda p: -p.start) + [p for p in people if p.start > offset]


_FOUND_KEY = "factcards_plugins.quotes_people.names"


def find_people(document) -> list[Person]:
    """The people ``document`` names, in order of first full mention, with roles and mentions.

    The result is kept in the document's ``user_data`` (for the text and
    regions it was found in), so the ``quotes`` and ``people`` extractors of
    one card run the finder once; treat it as read-only.
    """
    regions = tuple(document.regions)
    found = document.user_data.get(_FOUND_KEY)
    if found is None or found[0] is not document.text or found[1] != regions:
        found = (document.text, regions, _find_people(document))
        document.user_data[_FOUND_KEY] = found
    return found[2]


def _find_people(document) -> list[Person]:
    people = _Finder(document).find()
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
        full = [m for m in person.mentions if m.text.split() == person.tokens]
        if full:
            person.start, person.end = full[0].start, full[0].end
    return sorted(people, key=lambda p: p.start)
