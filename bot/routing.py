"""Route a plain-English message (a DM or a mention) to a request the desk can answer.

The rules are about English, not about any article: question shapes ("what did X say",
"which groups did X target", "what happened in P", "who is X") pick a command and the words
that carry its argument. Anything that fits no rule becomes a sentence search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from bot.commands import COMMANDS
from knowledge.dates import RELATIVE_TO_TODAY

HELP, ABOUT, SEARCH = "help", "about", "search"


@dataclass(frozen=True)
class Request:
    """What the user asked: a command name (a slash command, ``help``, ``about`` or ``search``)
    and its argument text."""

    command: str
    text: str = ""


_GREETING = re.compile(
    r"(?:hi|hello|hey|hiya|yo|howdy|help|usage|commands|menu|start|thanks|thank you|good (?:morning|afternoon|evening)"
    r"|what can you do|what do you do|how do (?:i|you) use (?:you|this|it)|\?)(?:\s+(?:there|bot|factdesk))?",
    re.IGNORECASE,
)
_SPEAKER = r"(?P<arg>(?:(?:the|a|an)\s+)?\S+.*?)"  # at least one word beyond an article: "the state department"
_DIRECTORY = (r"people|persons|speakers|officials|groups|organi[sz]ations|institutions|bodies|ministries|sides"
              r"|countries|everyone|everybody")
_SAY_VERBS = (
    r"say|said|says|tell|told|state(?!\s+(?:department|dept|ministry|council|media|television|tv|news|agency"
    r"|secretary|governor|legislature|assembly|house|visit|dinner|banquet|of)\b)|stated|ask|asked|convey|conveyed|claim|claimed|announce|announced"
    r"|declare|declared|stress|stressed|warn|warned|comment|commented|remark|remarked|mean|meant|think|thought"
    r"|tweet|tweeted|post|posted|write|wrote|offer|offered|promise|promised|pledge|pledged|propose|proposed"
    r"|demand|demanded|urge|urged|call for|called for|vow|vowed|deny|denied|reject|rejected|condemn|condemned"
    r"|insist|insisted|argue|argued|admit|admitted|dismiss|dismissed|respond|responded|reply|replied"
    r"|discuss|discussed"
)
_THREAT_WORDS = re.compile(
    r"\b(?:target(?:s|ed|ing)?|threats?|threaten(?:s|ed|ing)?|strike|strikes|struck|attack(?:s|ed|ing)?"
    r"|bomb(?:s|ed|ing)?|hit|militants?|terrorists?|terror|insurgents?|designat(?:e|es|ed|ion)"
    r"|proscribed?|banned|named|name|blame[sd]?|accuse[sd]?)\b",
    re.IGNORECASE,
)
_GROUP_NOUNS = r"groups?|militants?|militias?|organi[sz]ations?|outfits?|threats?|terrorists?|insurgents?|factions?"


@dataclass(frozen=True)
class SideWords:
    """The words that name a side in running text (names, aliases, demonyms, metonyms), from the base."""

    words: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Any one side word, as a whole word (a pattern that never matches when there are none)."""
        if not self.words:
            return re.compile(r"(?!x)x")
        escaped = (re.escape(word).replace(r"\ ", r"[\s-]+") for word in sorted(self.words, key=len, reverse=True))
        return re.compile(r"\b(?:" + "|".join(escaped) + r")\b", re.IGNORECASE)

    @cached_property
    def pair(self) -> re.Pattern[str]:
        """Two sides named together ("Iran or Pakistan", "India/Pakistan")."""
        one = self.pattern.pattern[2:-2]
        return re.compile(rf"\b{one}\w*\s*,?\s*(?:or|and|&|/)\s*{one}\w*\b", re.IGNORECASE)

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (command, re.compile(pattern, re.IGNORECASE))
    for command, pattern in (
        ("sources", r"(?:what|which|list|show)(?: me)?(?: are| were)?(?: (?:your|the|all))? (?:sources|articles)"
                    r"(?: (?:do|did) you (?:use|have|cite|read))?"),
        ("sources", r"where (?:do|does) (?:you|your|this|the bot)(?: \w+)? get"
                    r" (?:its|your|the)? ?(?:facts|information|data)"),
        ("threats", r"(?P<naming>)(?:who|which side|which country)\s+(?:called|calls|named|names|considers?|considered"
                    r"|labell?ed|branded|designated)\s+(?P<arg>.+?)\s+(?:as\s+)?(?:an?\s+)?(?:threat|terrorists?|terror\w*"
                    r"|enemy|militants?)\b(?P<more>.*)"),
        ("quotes", r"(?:who|which\s+(?:\w+\s+){0,2}(?:official|minister|diplomat|leader|person|president|envoy"
                   r"|spokes\w+|general|secretary|ambassador))\s+(?:said|says|wrote|described|termed|called"
                   r"|labell?ed|blamed|warned|referred to|spoke of|mentioned|hailed|praised)\s+(?P<topic>.+)"),
        ("whois", r"what\s+(?:else\s+)?(?:is|are|was)\s+(?P<arg>.+?)\s+(?:also\s+)?(?:called|known as|named)"),
        (SEARCH, r"(?:did|does|do)\s+the\s+(?:article|articles|report|reports|story|stories|piece|press)\b.*"),
        ("quotes", r"(?:what|anything)\s+(?:has|have|did|does|do|had|was)\s+" + _SPEAKER + r"\s+"
                   r"(?:" + _SAY_VERBS + r")\b(?P<more>.*)"),
        ("quotes", r"did\s+" + _SPEAKER + r"\s+(?:" + _SAY_VERBS + r")\s+(?:that\s+)?(?P<claim>(?!(?:about|anything"
                   r"|something|much|in|on|during|since|before|after|between|to|last|this)\b)[^\s\d]\S*.*?)"
                   r"(?P<more>(?:\s+(?:in|on|since|before|after|during|between|until)\s+\S*\d.*)?)"),
        ("quotes", r"did\s+" + _SPEAKER + r"\s+(?:" + _SAY_VERBS + r")\b(?P<more>.*)"),
        ("quotes", r"how\s+(?:did|has|have|does|do|had)\s+" + _SPEAKER + r"\s+(?:respond|responded|react|reacted"
                   r"|reply|replied|answer|answered)\b(?:\s+(?:to|over)\s+(?P<reaction>.+?))?(?P<more>(?:\s+(?:in|on|since"
                   r"|before|after|during|between|until)\b.*)?)"),
        ("quotes", r"what\s+(?!was\b|were\b|is\b|has been\b)(?P<arg>.+?)\s+(?:said|says|told|stated|announced"
                   r"|declared|tweeted|posted|wrote|offered|promised|pledged|proposed|demanded|urged|warned)"
                   r"\b(?P<more>.*)"),
        ("quotes", r"(?:show|give|list|find|get|any)?\s*(?:me\s+|us\s+)?(?:all\s+|the\s+|any\s+|some\s+)?"
                   r"(?:quotes?|quotations?|statements?|remarks?|comments?)\s+(?:mentioning|regarding|concerning"
                   r"|that mentions?|which mentions?|referring to|naming)\s+(?P<topic>.+)"),
        ("threats", r"(?P<naming>)(?:has|have|did|does)\s+(?:anyone|anybody|any side|any country|someone|somebody)\s+"
                    r"(?:call(?:ed)?|named?|designated?|label(?:l?ed)?|brand(?:ed)?|described?|list(?:ed)?"
                    r"|consider(?:ed)?)\s+(?P<arg>.+?)"
                    r"(?:\s+(?:as\s+)?(?:an?\s+)?(?:terrorists?|threats?|terror(?:ist)?\s+(?:groups?|outfits?"
                    r"|organi[sz]ations?)|enem(?:y|ies)))?"),
        ("quotes", r"(?:show|give|list|find|get)?\s*(?:me\s+|us\s+)?(?:all\s+|the\s+|any\s+|some\s+)?"
                   r"(?:quotes?|quotations?|statements?|remarks?|comments?)\s*(?:by|from|of|for|made by|in|during|on)?"
                   r"\s*(?P<arg>.*)"),
        ("quotes", r"(?P<arg>.+?)(?:'s|’s)\s+(?:quotes?|statements?|remarks?|comments?|words)"),
        ("quotes", r"(?P<arg>.+?)\s+(?:quotes?|quotations?|statements?|remarks?)\b(?P<more>.*)"),
        ("quotes", r"what (?:was|were|is|has been) (?:said|quoted|stated|agreed|announced)\s+(?:at|during|in|on)\s+"
                   r"(?P<topic>\D+)"),
        ("quotes", r"what (?:was|were|is|has been) (?:said|quoted|stated)\s*(?:by\s+)?(?P<arg>.*)"),
        ("threats", r"(?:who|what|which\s+\w+)\s+(?:was|were|is|are|has been|have been|got)\s+(?:named|designated"
                    r"|listed|called|seen|regarded|considered|described|branded)\s+(?:as\s+)?(?:an?\s+)?"
                    r"(?:threats?|terrorists?|terror groups?|enem(?:y|ies))\b(?P<arg>.*)"),
        ("threats", r"(?P<naming>)(?:who|which side|which country)\s+(?:named|designated|listed|blamed|accused"
                    r"|called out|branded"
                    r"|targeted|struck|attacked|hit)"
                    r"\s+(?P<arg>.+?)(?:\s+as\s+.*)?"),
        ("whois", r"(?:(?:list|show|give|name|tell)\s+(?:me\s+|us\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+)?"
                  r"|(?:which|what)\s+)(?P<arg>" + _DIRECTORY + r")(?:\s+(?:are|is)(?:\s+there)?)?"
                  r"(?:\s*(?:in|of|does|do|covered by|known to)\s+(?:the\s+)?(?:fact\s*)?base"
                  r"(?:\s+(?:hold|have|know|cover))?)?"),
        ("whois", r"(?:who|what)\s+(?:is|are|do you know|does the (?:fact\s*)?base (?:hold|know|cover))"
                  r"(?:\s+(?:in|covered by|covered in|known to)\s+(?:the\s+)?(?:fact\s*)?base)?(?P<arg>)"
                  r"(?:\s+about)?"),
        ("threats", r"(?:which|what)\s+(?:" + _GROUP_NOUNS + r")\b(?P<arg>.*)"),
        ("threats", r"(?:who|whom)\s+(?:does|did|do|has|have)\s+(?P<arg>.+?)\s+"
                    r"(?:consider|see|call|name|regard|view|target|blame|accuse|designate|strike|attack|hit)\b(?P<more>.*)"),
        ("threats", r"(?:show |list |give )?(?:me )?(?:the )?threats?"
                    r"\s*(?:by|from|of|named by|against|to)?\s*(?P<arg>.*)"),
        ("timeline", r"where\s+(?:did|has|have|does|do|had|will)\s+(?P<arg>.+?)\s+(?:go|gone|travel|travelled|traveled"
                     r"|visit|visited|meet|met|been|stay|stayed|fly|flown)\b(?P<more>.*)"),
        ("threats", r"why\s+(?:did|does|do|has|have|had|would)\s+(?P<arg>.+?)\s+(?P<verb>strike|attack|target|hit"
                    r"|bomb|shell|raid)\b(?P<more>.*)"),
        ("timeline", r"what\s+(?:happened|took place|occurred|went on|was going on|is going on|has happened)"
                     r"\b\s*(?P<arg>.*)"),
        ("timeline", r"(?:show |give |list )?(?:me )?(?:the |a )?(?:timeline|chronology|events?|history|dates?)"
                     r"(?:\s+(?:of|for|in|on|about|from|during|around|with|between))?\s*(?P<arg>.*)"),
        ("timeline", r"what\s+(?:did|has|have|does|do)\s+(?P<arg>.+?)\s+(?:do|done|doing)\b\s*(?P<more>.*)"),
        ("timeline", r"when\s+(?:did|was|were|is|are|does|do|has|have|will)\s+(?P<arg>.+?)"
                     r"(?:\s+(?:happen|happened|take place|took place|occur|held|start|begin|end|meet|met))?"),
        ("timeline", r"who\s+(?:did|does|has|had|will)\s+(?P<arg>.+?)\s+(?:meet|met|see|visit|host|talk to)"
                     r"(?:\s+with)?\b(?P<more>.*)"),
        ("timeline", r"who\s+(?:met|meets|has met|visited|hosted|talked to|held talks with)\s+(?:with\s+)?(?P<arg>.+)"),
        ("timeline", r"(?:the\s+)?(?:meetings?|visits?)\s+(?:of|by|with)\s+(?P<arg>.+)"),
        ("whois", r"who\s*(?:is|was|are|were|'s|’s)\s+(?P<arg>.+?)"
                  r"(?:\s+(?:when|while|during|after|before|at the time)\b.*)?"),
        ("whois", r"(?:what is|what was|what's|what’s)\s+(?P<arg>.+?)(?:'s|’s)\s+(?:role|job|position|title|side)"),
        (ABOUT, r"(?:what|which)\s*(?:is|was|are|were|'s|’s)\s+(?P<arg>.+)"),
        (ABOUT, r"(?:tell me|talk|tell us|what do you know|what have you got|anything|info|information|more|brief me)"
                r"(?:\s+(?:about|on|regarding|re))\s+(?P<arg>.+)"),
        (ABOUT, r"(?:about|explain|describe)\s+(?P<arg>.+)"),
    )
)

_PERIOD_TAIL = re.compile(
    r"(?P<before>.*?)\s+(?:(?:in|on|during|between)|(?P<relation>since|from|before|after|until|till|prior to))\s+"
    r"(?P<when>\S.*\d.*)$", re.IGNORECASE)
_TOPIC = re.compile(r"\b(?:about|regarding|concerning|on)\s+(?P<topic>\D+)$", re.IGNORECASE)
_EDGE_WORDS = re.compile(
    r"^(?:(?:the|a|an|in|on|at|during|from|for|of|about|regarding|with|to|by|around|me|(?-i:us)|all|any)\s+)+"
    r"(?!(?:since|after|before|until|till|between|following)\b)",
    re.IGNORECASE,
)
_RELATION_TAIL = re.compile(
    r"(?P<before>.*?)\s*(?P<relation>(?:(?:in|within|during)\s+the\s+(?:day|week|fortnight|month|year)\s+)?"
    r"(?:since|after|following|before|prior to|until|till|between)\s+\S.*)$", re.IGNORECASE)
_THREAT_FILLER = frozenset((
    "which", "what", "who", "whom", "whose", "did", "does", "do", "has", "have", "had", "is", "are",
    "was", "were", "the", "a", "an", "as", "of", "by", "in", "on", "during", "from", "for", "to",
    "and", "or", "named", "name", "names", "consider", "considered", "considers", "see", "sees",
    "call", "called", "regard", "view", "target", "targets", "targeted", "targeting", "strike",
    "strikes", "struck", "attack", "attacks", "attacked", "hit", "blame", "blamed", "accuse",
    "accused", "designate", "designated", "designates", "threat", "threats", "threaten", "threatened",
    "against", "groups", "group", "militants", "militant", "militias", "militia", "organisations",
    "organizations", "organisation", "organization", "outfits", "outfit", "terrorists", "terrorist",
    "terror", "insurgents", "insurgent", "factions", "faction", "side", "sides", "country",
    "countries", "government", "governments", "its", "their", "them", "say", "said", "mention",
    "mentioned", "me", "show", "list", "give", "any", "bomb", "bombs", "bombed", "bombing", "shelled", "raided",
))


def clean(text: str) -> str:
    """Trim punctuation, spaces, leading function words and a trailing possessive from an argument."""
    text = re.sub(r"\s+", " ", text).strip(" \t?!.,;:\"“”'‘’")
    text = _EDGE_WORDS.sub("", text)
    return text.strip(" \t?!.,;:\"“”'‘’")


_MILITARY = re.compile(r"\b(?:strike|strikes|struck|bomb(?:s|ed|ing)?|attacked|hit|military|shelled|raided)\b",
                       re.IGNORECASE)


_EXPLAIN = re.compile(r"(?:where|why|how)\b", re.IGNORECASE)


def _threat_argument(text: str, sides: SideWords) -> str:
    """The side, group and period words of a threat question, plus "military" when it asks about strikes.

    Two sides named together ("A or B") ask about either, so neither is kept.
    """
    if sides.pair.search(text):
        text = sides.pattern.sub(" ", sides.pair.sub(" ", text))
    words = [word.strip("?!.,;:\"“”()") for word in text.split()]
    words = [re.sub(r"(?:'s|’s)$", "", word) for word in words]
    kept = " ".join(word for word in words if word and word.lower() not in _THREAT_FILLER)
    return f"{kept} military".strip() if _MILITARY.search(text) else kept


def _slash(text: str, sides: SideWords) -> Request | None:
    if match := re.fullmatch(r"/(\S+)\s*(.*)", text, re.DOTALL):
        return Request(match[1].lower(), match[2].strip())
    first, _, rest = text.partition(" ")
    names = {spec.name for spec in COMMANDS}
    command = first.lower()
    if command in names and not re.match(r"(?:of|for|in|on|from|by|about|did|does|do|is|are|mentioning|regarding"
                                         r"|concerning|referring|naming|that|which)\b", rest, re.I):
        return Request(command, _threat_argument(rest, sides) if command == "threats" else clean(rest))
    return None


_PREAMBLE = re.compile(
    r"^(?:(?:hey|hi|hello|ok|okay|so|well|um|please|kindly|pls|btw|quick one|quick question|one more|and|also|"
    r"any idea|remind me|i wonder|i'd like to know|i want to know|tell me|do you know|"
    r"(?:can|could|would) you (?:please )?(?:tell me|show me|find|check|look up)?)\b[\s,:;!\-–—]*)+",
    re.IGNORECASE,
)
_SECOND_QUESTION = re.compile(r",?\s+and\s+(?:what|when|who|whom|how|where|why|which|did|does|is|was)\b.*$",
                              re.IGNORECASE)


def _with_period_and_topic(who: str, more: str) -> str:
    """A quotes argument from what follows the verb: "… about X in 2024" -> "<who> 2024 about X"."""
    argument = who
    if relative := re.search(rf"\s(?:in\s+|from\s+|during\s+)?(?P<when>{RELATIVE_TO_TODAY.pattern})\s*$", more,
                             re.IGNORECASE):
        argument, more = f"{argument} {relative['when']}", more[:relative.start()]
    if when := _PERIOD_TAIL.match(more):
        argument = f"{argument} {when['relation'] or ''} {when['when']}".replace("  ", " ")
        more = when["before"]
    elif relation := _RELATION_TAIL.match(more):
        topic = _TOPIC.search(relation["relation"])
        anchor = relation["relation"][:topic.start()] if topic else relation["relation"]
        argument = f"{argument} {anchor.strip()}"
        more = relation["before"] + (topic.group(0) if topic else "")
    if topic := _TOPIC.search(more):
        argument = f"{argument} about {clean(topic['topic'])}"
    return argument


_QUESTION_WORDS = ("who ", "what ", "when ", "which ", "where ", "why ", "how ")


def _first_question(text: str) -> str:
    """The question itself: without a chatty lead-in ("hey, quick one -") or a second question after "and"."""
    question = _PREAMBLE.sub("", text).strip()
    if question.lower().startswith(_QUESTION_WORDS):
        question = _SECOND_QUESTION.sub("", question)
    return question or text


MAX_PARTS = 3
NAMING = "naming"  # "/threats naming X": the claims that name X (a side) as the threat


def route_all(text: str, sides: SideWords = SideWords()) -> list[Request]:
    """Every question a message asks, in order: "what did X say, and when did Y happen?" is two."""
    stripped = re.sub(r"\s+", " ", text).strip()
    if stripped.startswith("/"):
        return [route(stripped, sides)]
    parts = [part for part in re.split(r"(?<=\?)\s+(?=\S)", stripped) if part.strip(" ?")]
    requests: list[Request] = []
    for part in parts[:MAX_PARTS]:
        question = _PREAMBLE.sub("", part).strip()
        while question and len(requests) < MAX_PARTS:
            requests.append(route(question, sides))
            second = _SECOND_QUESTION.search(question) if question.lower().startswith(_QUESTION_WORDS) else None
            question = re.sub(r"^,?\s+and\s+", "", second.group(0), flags=re.IGNORECASE) if second else ""
            if len(question.strip(" ?").split()) < 3:
                question = ""
    return requests or [route(stripped, sides)]


def route(text: str, sides: SideWords = SideWords()) -> Request:
    """The request a plain-English message asks for; ``sides`` are the base's side words."""
    stripped = re.sub(r"\s+", " ", text).strip()
    if stripped.startswith("/"):
        return _slash(stripped, sides) or Request(SEARCH, stripped)
    whole = stripped.strip(" \t?!.")
    question = _first_question(whole).strip(" \t?!.")
    if not question or _GREETING.fullmatch(whole) or _GREETING.fullmatch(question):
        return Request(HELP)
    if slash := _slash(question, sides):
        return slash
    for command, pattern in _RULES:
        match = pattern.fullmatch(question)
        if not match:
            continue
        arg = match.groupdict().get("arg") or ""
        if command == SEARCH:
            return Request(SEARCH, question)
        if topic := match.groupdict().get("topic"):
            return Request(command, f"about {clean(topic)}")
        if command == "threats":
            full = " ".join(part for part in (arg, match.groupdict().get("more") or "", match.groupdict().get("verb"))
                            if part)
            naming = NAMING + " " if match.groupdict().get("naming") is not None else ""
            return Request(command, f"{naming}{_threat_argument(full, sides)}".strip() or "all")
        if command == "timeline" and match.groupdict().get("more"):
            arg = f"{arg} {match['more']}"
        more = match.groupdict().get("more") or ""
        if command == "quotes":
            if reaction := match.groupdict().get("reaction") or match.groupdict().get("claim"):
                more = f" about {reaction}{more}"
            arg = _with_period_and_topic(arg, more)
        unanchored = _RELATION_TAIL.sub(lambda found: found["before"], arg)
        if command == "timeline" and _THREAT_WORDS.search(unanchored) and sides.pattern.search(unanchored):
            return Request("threats", _threat_argument(arg, sides))
        return Request(command, clean(arg) or ("all" if command == "whois" else ""))
    if _EXPLAIN.match(question):
        return Request(SEARCH, question)
    if _THREAT_WORDS.search(question) and sides.pattern.search(question):
        return Request("threats", _threat_argument(question, sides))
    return Request(ABOUT, question)
