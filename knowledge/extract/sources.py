"""Who can be a source: the cue words of news English and the descriptions that stand for a speaker.

The cue lexicon lists speech, belief and stance verbs by their base form; every inflection is
made from it ("urge" -> urge, urges, urged, urging). A *description* is a noun phrase headed by a
source word ("officials", "a new poll", "the Clinton campaign", "attorneys for the family"): the
article does not name the speaker, so the curator is given an unnamed source to name or delete.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.extract.reading import Span


@dataclass(frozen=True)
class Referent:
    """Words in a sentence that point at a person (``figure``), or at something that is not one."""

    start: int
    end: int
    figure: str | None
    kind: str


SPEECH = """
    say tell add argue warn insist claim believe think note explain state write report acknowledge admit suggest
    predict assert contend counter concede declare announce confirm maintain promise
    pledge vow agree estimate allege recall hope fear deny complain reiterate reveal assure reply respond observe
    express exhort sing shout yell chant exclaim scream
    remark mention testify speculate worry caution charge point_out call_for call_on urge demand propose
    criticize criticise accuse question cite signal indicate expect tweet post explain concede doubt predict
    ask acknowledge recommend insist lament boast joke quip muse wonder conclude contend disclose
    opine retort whisper plead interject
    """
ACTS = """
    attack blast slam praise mention cite point_to call_on defend condemn denounce dismiss tout threaten
    encourage challenge blame thank congratulate endorse back support oppose reject lay_out
    detail highlight discuss apologize_for decline refuse seek want plan vow promise push_for
    reference describe label dub brand hail welcome applaud reaffirm insist_on rule_out
    call know understand consider view feel decide echo dispute liken compare link mock chastise rail_against
    weigh_in speak_about talk_about offer pitch grill invoke paint implore recognize outline promote rip
    hammer knock credit portray characterize debate respond_to seize_on acknowledge rate forecast project
    recommend fault lambaste decry scold taunt ridicule question deride assail chide rebuke criticise refer_to
    see favor favour prefer accept embrace advocate remember identify hint bemoan underscore request nominate
    appoint order focus_on vote_for vote_against vote_to sign vouch_for lobby_for campaign_for
    weigh_in_on comment_on write_about speak_out_against speak_out_on lash_out_at fire_back_at hit_back_at
    hit_out_at push_back_on push_back_against take_aim_at take_issue_with make_clear make_it_clear
    make_the_case_for express_doubts_about express_concern_about speak_of talk_of speak_out_about
    speak_up_about talk_up speak_highly_of surmise posit theorize reckon concur assess
    """
_WEAK = "find show conclude learn stress emphasize emphasise underline state"
_IRREGULAR = {"say": "said", "sing": "sang sung", "tell": "told", "think": "thought", "write": "wrote written",
              "seek": "sought", "find": "found", "show": "showed shown", "lay": "laid", "learn": "learned learnt",
              "know": "knew known", "feel": "felt", "understand": "understood", "speak": "spoke spoken",
              "see": "saw seen", "forecast": "forecast forecasted", "make": "made", "take": "took taken",
              "hit": "hit"}
_DOUBLING = frozenset({"admit", "plan", "quip", "regret", "commit", "submit", "rebut", "slam", "dub", "stop", "refer",
                       "rip", "hit"})


def _third(verb: str) -> str:
    return verb[:-1] + "ies" if re.search(r"[^aeiou]y$", verb) else \
        verb + "es" if re.search(r"(?:s|sh|ch|x|z|o)$", verb) else verb + "s"


ADVERB = r"(?:[a-z]+ly\s+)?"


def inflected(verbs: str) -> list[str]:
    """Every form of each verb ("urge" -> urge, urges, urged, urging; "call_for" -> called for …,
    with room for an adverb: "called repeatedly for")."""
    forms: list[str] = []
    for verb in verbs.split():
        head, _, rest = verb.partition("_")
        stem = head[:-1] if head.endswith("e") and head not in {"see", "agree"} else head
        third = _third(head)
        past = _IRREGULAR.get(head, head[:-1] + "ied" if re.search(r"[^aeiou]y$", head) else
                              head + "d" if head.endswith("e") else
                              head + head[-1] + "ed" if head in _DOUBLING else head + "ed")
        doubled = head + head[-1] if head in _DOUBLING else stem
        for form in (head, third, *past.split(), doubled + "ing"):
            forms.append(form + (r"\s+" + ADVERB + rest.replace("_", r"\s+") if rest else ""))
    return forms


_SAID_FORMS = (
    r"said|says|say|added|adds|told|tells|asserted|asserts|noted|notes|stressed|stresses|emphasi[sz]ed|"
    r"declared|announced|insisted|warned|explained|remarked|observed|stated|replied|wrote|written|tweeted|posted|"
    r"recalled|argued|claimed|maintained|acknowledged|admitted|confirmed|described|termed|called|urged|"
    r"vowed|reiterated|pointed\s+out|underlined|underscored|hailed|highlighted|voiced|expressed|praised|"
    r"welcomed|lauded|affirmed|reaffirmed|denied|continued|conceded|cautioned|promised|conveyed|offered|"
    r"reported|demanded|asked|responded|quipped|joked|concluded|suggested|testified|countered|complained|"
    r"commented|pleaded|mused|predicted|writes|answered|answers|shouted|shouts|chanted|chants|yelled|yells|"
    r"declares|explains|concludes|continues|promises|assures|assured|mocked|mocks|lamented|laments|proclaimed|"
    r"proclaims|cracked|snapped|retorted|boasted|boasts|bragged|scoffed|sang|sings|whispered|exclaimed|cried|"
    r"chided|scolded|blasted|slammed|thanked|accused|accuses|charged|wondered|recounted|elaborated|interjected|"
    r"shot\s+back|fired\s+back|went\s+on|read|reads|said\s+in\s+a\s+statement|put\s+it|puts\s+it|beamed|gushed|"
    r"sighed|laughed|marvel(?:l)?ed|fumed|groaned|teased|huffed|bristled|raged|enthused"
)
_PASTS = frozenset(forms.split()[0] for forms in _IRREGULAR.values())
_THOUGHT = frozenset(inflected("believe think hope fear worry expect doubt signal indicate question cite"))
_SPOKEN_PASTS = [form for form in inflected(SPEECH) if form not in _THOUGHT and re.fullmatch(r"[a-z]+", form)
                 and (form.endswith("ed") or form in _PASTS)]
_NOT_NOUNS = """respond argue insist warn acknowledge admit suggest predict contend concede announce confirm
    maintain agree allege deny complain reiterate reveal observe testify speculate caution criticize criticise
    recall exclaim muse opine retort plead interject disclose"""
_SPOKEN_PRESENTS = [_third(verb) for verb in _NOT_NOUNS.split()]
SPEECH_VERBS = "|".join(dict.fromkeys([*_SAID_FORMS.split("|"), *_SPOKEN_PASTS, *_SPOKEN_PRESENTS]))
"""Every finite form that reports speech beside its speaker ("“…,” X said", "X beamed", "X responds"):
the forms written out above and the past and third-person present of each speech verb of the
lexicon, as one alternation."""

_CUE_FORMS = sorted(set(inflected(SPEECH + ACTS)) - set(inflected(_WEAK)), key=len, reverse=True)
CUES = "|".join(_CUE_FORMS)
PAST_CUES = "|".join(form for form in _CUE_FORMS if form.split("\\")[0].endswith("ed") or form.split("\\")[0] in _PASTS)
THIRD_PERSON = frozenset(_third(verb.split("_")[0]) for verb in (SPEECH + ACTS + _WEAK).split())
BASES = frozenset(verb.split("_")[0] for verb in (SPEECH + ACTS + _WEAK).split())
WEAK_CUES = "|".join(inflected(_WEAK))
_CUE_WORDS = frozenset(form.split("\\")[0] for form in inflected(SPEECH + ACTS + _WEAK)) - frozenset(
    verb.split("_")[0] for verb in (SPEECH + ACTS + _WEAK).split())

TIME_ADVERBIAL = r"(?:on\s+[A-Z][a-z]+day|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|today|yesterday)"
"""A time a news sentence sets between a subject and its verb ("X last month said")."""

SOURCE_HEADS = frozenset("""
    source sources official officials aide aides adviser advisers advisor advisors expert experts analyst
    analysts critic critics supporter supporters voter voters spokesman spokeswoman spokesperson spokespeople
    diplomat spokesmen lawmaker lawmakers legislator legislators
    democrats republicans conservatives liberals
    progressives people observers prosecutor prosecutors investigators judge justices court reporter reporters
    diplomats residents witnesses activists leaders members staffers insiders allies donors delegates pollster
    pollsters attorney attorneys lawyer lawyers police authorities economists economist strategists strategist
    operatives researchers scientists historians protesters opponents candidates respondents participants
    organizers executives employees workers officers agents group company firm bank campaign administration
    government agency department ministry committee commission council board party organization organisation
    network newspaper paper website magazine outlet survey surveys poll polls study report analysis data
    statement memo letter lawsuit complaint filing documents release audit review findings results ruling
    indictment editorial commissioner chairman chairwoman director secretary senator governor president
    nominee candidate mayor congressman congresswoman representative speaker leader manager chief head
    professor fellow author founder executive defenders proponents advocates backers skeptics sceptics
    opponents detractors rivals challenger adversaries campaigners union unions journalists correspondents
    commentators pundits editors anchors hosts fund foundation institute center bureau office service
    newspapers publications polling announcer narrator senators governors mayors ministers presidents
    research analyses figures numbers estimates records statistics emails businessman businesswoman few both
    several republican democrat user users commenter commenters reader readers viewer viewers
    majority most many some others person persons friend friends colleague colleagues neighbor neighbors
    scientist scholar scholars doctor doctors physician physicians teacher teachers student students parent
    parents citizens companies firms banks groups agencies organizations organisations parties campaigns outlets
    media networks suit lawsuits filings records files disclosures tallies tweet tweets post posts blog
    consultant consultants aide adviser insider observer owner owners founder founders veteran veterans
    man woman teenager mother father wife husband son daughter girl boy protester demonstrator attendee
    participant employee worker officer soldier delegate supporter
    developer investor entrepreneur actor actress singer comedian farmer nurse pastor priest team teams camp
    pac pacs panel staffer member activist legislature front-runner contenders establishment average averages
    email e-mail ad ads advertisement commercial video message mailer flier flyer sign banner audience crowd
    resident organizer organiser volunteer child kid coach player fan moderator caller customer shopper retiree
    mom dad grandmother grandfather book books article articles piece story column essay memoir op-ed transcript
    petition resolution platform notice bylaws guidelines headline caption
    advocate agent anchor campaigner citizen commentator contender correspondent defender detractor
    donor editor historian host investigator journalist operative opponent proponent pundit researcher
    respondent rival skeptic sceptic soldiers volunteers investors nurses farmers demonstrators directors
    managers professors attendees customers fans players callers retirees shoppers teenagers judges clip clips
    footage percent someone somebody mogul moguls tycoon billionaire voice voices
    """.split())  # noqa: SIM905
_MASS_OR_PLURAL = re.compile(r"(?:s|people|police|data|research|percent|someone|somebody)$")
_QUANTIFIERS = frozenset({"majority", "most", "many", "some", "others", "few", "both", "several"})
_WORD = re.compile(r"[\w’'-]+")
_TIME_NOUN = re.compile(r"\s+(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|times|moments)\b")
DETERMINERS = frozenset(
    "the a an some many most other several another one two three few his her their its all".split())  # noqa: SIM905
SUBORDINATORS = frozenset({"after", "although", "as", "because", "before", "if", "once", "since", "though",
                           "unless", "until", "when", "whenever", "where", "whereas", "wherever", "whether",
                           "while"})
"""Words that open a subordinate clause: never part of a name, a description or a source's words."""
_NOT_MODIFIERS = frozenset(
    """and or but of in on at to for from by with that which who whom whose than then so
    is are was were be been has have had do does did not no also this these those it they he she we i you
    there here what would will could should can may might must first among about during
    like without against over under between into through""".split()) | SUBORDINATORS  # noqa: SIM905
_POSTMODIFYING = r"(?:in|of|at|for|with|from|on|to|by|close\s+to|familiar\s+with)"
POSTMODIFIED = re.compile(rf"\s+{_POSTMODIFYING}\s+")
"""Where a description's head ends and what follows it begins ("officials | familiar with | the matter")."""
_POSTMODIFIER = re.compile(rf"\s+{_POSTMODIFYING}\s+"
                           r"(?:(?:the\s+)?(?![A-Z][a-z]+day\b)[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
                           r"|(?:the|his|her|their|its)\s+[a-z][\w’'-]*"
                           r"(?:\s+(?![a-z]+ed\b)(?!(?:"
                           + "|".join(sorted(_CUE_WORDS | BASES | _NOT_MODIFIERS, key=len, reverse=True))
                           + r")\b)[a-z][\w’'-]*)?(?=[\s,.;]))")
_AGED = re.compile(r"\d{1,3}-year-old")
_THEY = re.compile(r"\b(?:[Tt]hey)\b")


def _owner_start(window: str, owner: int) -> int:
    """Where a possessive owner at ``owner`` begins: with the lower-case words and determiner of
    its own phrase ("the prime minister’s" in "the prime minister’s spokesman")."""
    start = owner
    for _ in range(2):
        word = re.search(r"([\w.’'-]+)\s+$", window[:start])
        if word is None or not re.fullmatch(r"[a-z][a-z-]*", word.group(1)) or word.group(1) in _CUE_WORDS:
            return owner
        if word.group(1) in DETERMINERS:
            return word.start(1)
        start = word.start(1)
    return owner


_PARTITIVE = re.compile(r"\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Ee]ach|[Nn]one)\s+of\s+"
                        r"(?:the|those|these|his|her|their|its|our)\s+$")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _description_start(window: str, head: int) -> int:
    """Where the description ending in the head word at ``head`` begins: up to three modifiers
    ("top black lawmakers", "the Clinton campaign"; a number before "percent", a year after "a")
    and a determiner, a possessive or a partitive ("one of those advisers")."""
    start = head
    share = window.startswith("percent", head)
    for _ in range(4):
        word = re.search(r"([\w.’'-]+)\s+$", window[:start])
        if word is None:
            break
        bare = word.group(1).lower()
        partitive = _PARTITIVE.search(window, 0, word.end())
        if partitive:
            return partitive.start()
        if bare in DETERMINERS:
            return word.start(1)
        if _YEAR.fullmatch(bare) and re.search(r"\b(?:[Tt]he|[Aa]n?)\s+$", window[: word.start(1)]):
            start = word.start(1)
            continue
        if bare.endswith(("’s", "'s")):
            return _owner_start(window, word.start(1))
        if bare in _NOT_MODIFIERS or bare in _CUE_WORDS or "x" * 3 in bare or \
                not (re.fullmatch(r"[a-z][a-z0-9-]*", bare) or share and re.fullmatch(r"\d[\d.,]*", bare)) or \
                bare.endswith("ing") and re.search(r",\s*$", window[: word.start(1)]):
            break
        start = word.start(1)
    return start


def _titles(window: str, end: int, referent: Referent, span: Span) -> bool:
    """True when a description ending at ``end`` stands right before a name, as its title."""
    return referent.start >= end and re.fullmatch(r"[\s,]*", window[end - span.start : referent.start - span.start]) \
        is not None


def _titled_in_postmodifier(masked: str, after: re.Match[str], span: Span, referent: Referent) -> bool:
    """True when a name ends a description's postmodifier after capitalised words of a title
    ("former Secretary of | State | Hillary Clinton"): the description is the name's title."""
    start = span.start + after.start()
    return referent.kind == "name" and referent.end == span.start + after.end() and \
        re.fullmatch(r"\s+of\s+(?:(?!The\b)[A-Z][\w’'-]*\s+)+", masked[start : referent.start]) is not None


def described(masked: str, span: Span, taken: list[Referent], name: Callable[[str], str],
              last_group: str | None) -> list[Referent]:
    """Sources a sentence describes rather than names ("officials", "a new poll", "the Clinton
    campaign"), each as an unnamed source of the article, and "they" for the last of them."""
    found: list[Referent] = []
    window = masked[span.start : span.end]
    heads = [match for match in _WORD.finditer(window) if match.group().lower() in SOURCE_HEADS
             or _AGED.fullmatch(match.group())]
    for index, match in enumerate(heads):
        first = _description_start(window, match.start())
        if index + 1 < len(heads) and heads[index + 1].start() == match.end() + 1 and \
                window[match.end() : match.end() + 1] == " ":
            continue
        after = _POSTMODIFIER.match(window, match.end())
        start, end = span.start + first, span.start + (after.end() if after else match.end())
        head = span.start + match.start()
        if any(r.figure and r.kind != "thing" and (r.start <= head < r.end or _titles(window, end, r, span) or
                                                   after and _titled_in_postmodifier(masked, after, span, r))
               for r in taken):
            continue
        if match.group().lower() in _QUANTIFIERS and (_TIME_NOUN.match(window, match.end()) or re.search(
                r"(?i)\bthe\s+$", window[: match.start()])):
            continue
        words = re.sub(r"^(?:the|a|an|another|one(?!\s+of\b))\s+", "", window[first : end - span.start],
                       flags=re.IGNORECASE)
        if window[first : match.end()].lower() == match.group().lower() and (
                match.group().lower() not in _QUANTIFIERS and not _MASS_OR_PLURAL.search(match.group().lower())):
            continue
        if any(d.start <= start and end <= d.end for d in found):
            continue
        found.append(Referent(start, end, name(words), "description"))
    for match in _THEY.finditer(window):
        start = span.start + match.start()
        if last_group and not any(r.start <= start < r.end and r.figure for r in taken):
            found.append(Referent(start, start + 4, last_group, "pronoun"))
    return found
