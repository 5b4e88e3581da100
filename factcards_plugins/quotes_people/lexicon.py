"""Word lists the names finder and the quote attribution read: role heads and
title words, given names, words that are not names, pronouns, speech verbs."""

from __future__ import annotations

from ..text import trie_pattern

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
    crimea new united nations national international rail railway network airport today yesterday tomorrow mariinskyi trends search download cover photo
    holdings partners capital securities industries systems technologies motors ventures media
    pharmaceuticals labs logistics enterprises""".split()
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


# Speech verbs, written out form by form: past tenses of any speech verb, but present and -ing
# forms only where they are no common noun ("reports", "claims", "tweets" name things too).
SPEECH_VERBS = (
    "said|says|say|called|calls|calling|described|describes|describing|dubbed|branded|termed|told|tells|"
    "added|adds|adding|noted|notes|stated|explained|explains|asked|asks|replied|replies|answered|responded|"
    "responds|wrote|writes|writing|tweeted|posted|insisted|insists|argued|argues|warned|warns|claimed|"
    "declared|announced|acknowledged|acknowledges|admitted|admits|conceded|concedes|continued|continues|"
    "recalled|recalls|recalling|remarked|observed|suggested|suggests|suggesting|stressed|stresses|"
    "emphasized|emphasised|urged|cautioned|complained|complains|predicted|predicts|promised|vowed|joked|"
    "exclaimed|shouted|recounted|reported|confirmed|concluded|agreed|countered|maintained|maintains|"
    "quipped|repeated|gushed|fumed|advised|snapped|demanded|boasted|bragged|scoffed|sighed|laughed|"
    "chuckled|muttered|whispered|yelled|screamed|pleaded|pledged|asserted|asserts|contended|contends|"
    "charged|alleged|blasted|slammed|mocked|derided|lamented|mused|wondered|wonders|reflected|retorted|"
    "interjected|elaborated|clarified|testified|sang|sings|chanted|reasoned|opined|shot back|fired back|"
    "pointed out|points out|put it|puts it|reads|read|went on|goes on|saying|noting|insisting|explaining|telling|asking|warning|arguing|"
    "claiming|declaring|announcing|admitting|acknowledging|complaining|replying|responding|"
    "according to|According to"
)
SPEECH_WORDS = frozenset(verb for verb in SPEECH_VERBS.split("|") if " " not in verb)
# The same words as a trie, which the regex engine tries several times faster than the list.
SPEECH_VERB = trie_pattern(SPEECH_VERBS.split("|"))

# Common irregular past tenses: after a name they are its verb ("Trump took to Twitter").
IRREGULAR_PAST = frozenset(
    """took made gave went came got sent held left met saw thought felt kept began ran won lost brought
    built bought caught chose drew drove fell fought found forgot grew heard hid hit knew led lent let
    meant paid put read rode rose sat set shook shot slept sold spent spoke stood stole struck swore
    taught threw understood woke wore""".split()
)


# Common verbs in the present tense that end a subject phrase ("The New York Post *reports*").
PRESENT_VERBS = frozenset(
    """reports closes opens uses makes takes gives goes sees shows finds thinks knows wants needs seems
    appears remains becomes comes gets puts keeps lets begins helps leads means reads hails hits
    concludes states claims argues suggests adds warns notes says tells writes calls describes""".split()
)


def verb_like(word: str) -> bool:
    """Whether a lowercase word reads as a verb: a past tense ("disagreed", "used", "took") or a
    common present tense ("reports", "closes")."""
    return word.islower() and (
        word in IRREGULAR_PAST or word in PRESENT_VERBS or word in SPEECH_WORDS or (word.endswith("ed") and len(word) > 3)
    )
