"""Reported statements: attributions outside quotation marks.

A statement is a *source* (a referent of the article: a name, pronoun, role or institution, or
a description such as "officials", "a new poll", "the campaign") and a *cue* from the
reporting lexicon of news English, in any of the orders news writes them:

- ``X said (that) Y``, ``X told reporters on Monday (that) Y``, ``X called for Y``,
  ``X believes Y``: the content is the clause the cue governs, up to the next clause break;
- ``Y, X said`` and ``Y, said X`` (with a tail such as "in a statement" or "on Monday"): the
  content is what stands before the comma;
- ``Y, X says, Z``: the content is what follows the parenthetical;
- ``according to X, Y`` and ``Y, according to X``;
- ``…, saying (that) Y`` / ``citing``, ``arguing`` …: the subject of the sentence, or the
  speaker of its quotation, says Y.

A cue's form must fit its source: "is demanding" but not "Trump demanding", no passive ("were
charged"), a bare form ("say") only after an auxiliary or a plural or collective source.

Nested forms ("X said that Y told him Z") give one statement per cue. Words inside quotation
marks are masked, so a quotation's own words are never read as attribution; a clause that is
mostly a quotation is left to the direct quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.attribution import (
    _NOT_LABELS,
    APPOSITION,
    APPOSITIONS,
    AUXILIARY,
    NAME_AFTER_COMMA,
    PARTICIPLES,
    Attribution,
    Attributor,
    after_dateline,
)
from knowledge.extract.cast import title_before
from knowledge.extract.reading import Sentence, Span
from knowledge.extract.sources import (
    ACTS,
    ADVERB,
    BASES,
    CUES,
    DETERMINERS,
    POSTMODIFIED,
    SOURCE_HEADS,
    SPEECH,
    SUBORDINATORS,
    THIRD_PERSON,
    WEAK_CUES,
    Referent,
    inflected,
)

_INFINITIVE = re.compile("|".join(inflected(
    "want plan seek agree vow promise pledge decline refuse hope expect threaten intend aim offer")))
_TELLING = r"(?:tell|tells|told|assure|assures|assured|remind|reminds|reminded|inform|informs|informed)"
_NEEDS_OBJECT = {"urge", "urges", "urged", "accuse", "accuses", "accused", "assure", "assures", "assured"}

_APPOSED_NAME = re.compile(NAME_AFTER_COMMA)
_TITLE_MODIFIER = (r"(?!(?:and|but|or|nor|when|while|as|that|which|who|because|if|so|then|after|before|since|"
                   r"though|although|where|until|once|even|also|not)\b)[a-z][\w’'-]*(?<!ed)")
_WORDS_AFTER_QUOTATION = re.compile(r"«[^»]*»(?:\s+[\w’'-]+){5}")
_CUE = re.compile(rf"\b(?:(?P<cue>{CUES})|(?P<weak>{WEAK_CUES}))\b")
_TIME = r"(?:[A-Z][a-z]+day(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|tonight|earlier|later|again)"
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
                 "sixty|seventy|eighty|ninety|hundred|a\\s+hundred|a\\s+thousand|a\\s+million")
_ABOUT = rf"about(?!\s+(?:half|a\s+(?:third|quarter|fifth|dozen)|\d+|{_NUMBER_WORDS})\b)"
_ADJUNCT = (rf"(?:\s+(?:{_TIME}|(?:on|in|at|during|to|last|this|earlier|late|early|after|before|while|from|"
            rf"via|through|with|{_ABOUT}|before|outside|inside|over)\b(?:(?!\bthat\b)[^,«;]){{0,60}}?))")
_OBJECT = (r"(?:\s+(?:reporters|journalists|supporters|(?:the\s+)?crowd|me|us|him|her|them|viewers|listeners|"
           r"(?:the|a|an|his|her|their)\s+[\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]*|of|and|chief|leader|minister))*|"
           r"(?:[A-Z][\w.’'-]*\s*){1,6}))")
_HEARER = r"(?:\s+[^\s,«;.]+){1,8}?"
_THAT = re.compile(rf"(?:{_OBJECT})?(?:{_ADJUNCT}(?:,\s+[A-Z][\w.’'-]*)*,?|,\s+[^,«]{{1,60}}?,|"
                   rf"\s+(?:--|—|–)\s+[^«—–]{{1,80}}?\s+(?:--|—|–))?\s+that\b[\s,]*")
_TOLD_THAT = re.compile(rf"{_HEARER}(?:{_ADJUNCT})?,?\s+that\b[\s,]*")
_BARE = re.compile(rf"(?:\s+{_TIME})?(?:\s+(?:in|on)\s+(?:a|an|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+)?\s*,)?"
                   r"(?:\s+(?:for|in|over)\s+(?:weeks|months|years|days|decades)|\s+(?:last|this)\s+(?:week|month|year))?\s+")
_TOLD = re.compile(rf"{_OBJECT}(?:{_ADJUNCT})?(?:\s*,)?\s+")
_PRONOUN_CLAUSE = re.compile(r"(?:he|she|they|we|it|his|her|their|its)\s+(?!«)")
_END = (r"(?P<end>[.!?]*\s*$|,\s+(?:and\s+)?[a-z]+ing\b|,\s+compared\b|"
        r",\s+(?:who|which|as|when|while|after|before|because|since|though|although|even|where|but|and|in|"
        r"at|during|on)\b)")
_TAIL = re.compile(rf"(?:{_OBJECT})?(?:{_ADJUNCT})*\s*{_END}")
_TOLD_TAIL = re.compile(rf"(?:{_HEARER})?(?:{_ADJUNCT})*\s*{_END}")
_INVERTED = re.compile(rf"\s*(?P<cue>{CUES})\s+")
_INVERTS = frozenset({"said", "says", "added", "adds", "wrote", "writes", "noted", "notes", "explained", "recalled",
                      "argued"})
"""Speech verbs news English often puts before their subject ("…, said X"): for these the inverted
reading is tried first, before an apposition makes the words before the comma a subject."""
_LEADING = re.compile(r"(?:In|On|At|During|After|Before|Following|Earlier|Later|Through|By|With|Under|For|From|"
                      r"Since|Until|When|While|As|Asked|Speaking|Meanwhile|Also|If)\b[^,]*,$|(?:But|And)(?:\s+[\w’'-]+){0,3},$")
_ONLY_ADJUNCTS = re.compile(r"(?:\s*(?:this|last|next)\s+(?:week|month|year)|\s*(?:on|in|at|to|during|from|via)"
                            r"(?:\s+[^\s,«;]+){1,4})*[\s.!?]*$")
_EVIDENCE = re.compile(r"(?i)\b(?:polls?|surveys?|study|studies|report|analys[ie]s|data|results|findings|review|audit|"
                       r"research|figures|numbers|estimates|records|statistics)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_PARTICIPLE_VERBS = SPEECH + ACTS
_AFTER_DETERMINER = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Tt]he|[Tt]hese|[Tt]hose)|\w[’']s)\s+$")
_NEGATED = re.compile(r"\b(?:not|n[’']t|never|declined\s+to|refused\s+to)\s+$")
_OPEN_QUESTION = re.compile(r"(?:\s+\w+){0,2}?\s+(?:whether|if|how|what|when|why|who|where)\b")
_APPOSED_AFTER = re.compile(r",\s+(?:an?|the)\s+[^,«»]{1,120}?,\s+")
_SOURCE_WORDS = re.compile(r"(?:[\w.’'/&-]+\s+){0,7}?[\w.’'/&-]*\w(?=\s*(?:,|[.!?]*\s*$))")
_PARENTHETICAL = re.compile(rf"(?:{_ADJUNCT})*,\s+(?!(?:[a-z]+ing|and|but|which|who|whose|as|when|while|if|because|"
                            r"according|compared)\b)")
_CONJOINED = re.compile(r"\s+(?:and|but)(?:\s+(?:also|then))?\s+$")
_APPOSED = re.compile(r",\s+(?:an?|the|who|whose|his|her|its|their|[A-Z]|(?:[a-z][\w-]*\s+){1,3}(?:of|at|for|with|to|"
                      r"in)\b)[^«;]*$")
_PARTICIPLE = re.compile(r"\s+saying\s+that\s+|(?:,\s+(?:and\s+)?|\s+(?:and|but)\s+)(?:" + "|".join(
    form for form in inflected(_PARTICIPLE_VERBS) if form.split("\\")[0].endswith("ing")) + r")(?:\s+that)?\s+")
_NOT_A_CLAUSE = re.compile(rf"(?:after|before|in|on|at|during|while|when|as|with|for|to|of|by|{_ABOUT}|from|so|"
                           r"but|and|which|who|where|is|was|are|were|"
                           r"it\s*[.,]|so\s*[.,])\b")
_AFTER_COMMA = re.compile(r"[a-z]+ing\b")
_CLAUSE_TAIL = re.compile(
    rf",\s+(?:{PARTICIPLES})\b|(?P<joined>,?\s+(?:and|but)\s+(?:also\s+)?(?:{CUES}|{WEAK_CUES})\s+)|\s+—\s+|;|,\s+(?:according\s+to|"
    rf"(?:he|she|they|it)\s+(?:said|says|added|told))\b|,\s+(?!(?:which|who|that|what|as|when|where|while|if|and|but)\b)(?:[\w’'-]+\s+){{1,5}}?"
    r"(?:said|says|added)(?:\s+(?:in|on|at|to)\s+[^,;«]{0,40})?[.!?]?\s*$"
)



@dataclass(frozen=True)
class FoundStatement:
    """A reported statement ("X said that …") with its attribution; ``aside`` when its source is
    not the sentence's subject ("Clinton bashed Trump's proposal to …")."""

    text: Span
    evidence: Span
    attribution: Attribution
    aside: bool = False


_PLURAL = re.compile(r"(?i)(?:\b(?:they|we|i|you|most|many|some|few|both|several|all|half|majority|minority|percent)|"
                     r"[^s]s|people|police|%)$")
_OPENING = re.compile(r"^|(?<=[;:—,])\s*|\b(?i:and|but|that|while|as|because|when|where|if|though|although)\s+")
_PHRASE = re.compile(rf"(?P<phrase>(?:(?:\d+,)*[\w’'%.-]+\s+){{0,7}}?[\w’'%-]*[\w%])"
                     rf"(?P<gap>{AUXILIARY}(?:\s+(?:all|both|each))?)\s*")
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_NOT_IN_PHRASE = frozenset("""
    is are was were be been being has have had do does did will would can could should may might must not no
    that which who whom whose what it he she they we i you me him us them there here if when while because to
    by with for from on at as than so also then just even only very said says say this these those in into over
    under about after before during through against among between without within across behind like
    but yet or nor""".split()) | SUBORDINATORS  # noqa: SIM905
_ENDS_NO_PHRASE = frozenset({"the", "a", "an", "of", "and", "or", "nor", "&"})
_TITLE_CUE = re.compile(rf"\s(?P<cue>(?i:{CUES}|{WEAK_CUES}))(?=\s+\S)")
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]{3,}")
_TITLE_CUE_AT_END = re.compile(r",\s+[^,«»]{2,60}?\s(?P<cue>Says|Say|Said|Warns|Warn|Claims|Insists|Admits|Argues)"
                               r"[\s.!?]*$")
_HEADLINE_LABEL = re.compile(r"(?P<who>[A-Z][^:«;,.!?]{1,40}?):\s+(?=\S)")
_STANCE_NOUNS = {
    "that": "claim assertion argument belief view insistence contention suggestion warning promise pledge statement "
            "announcement admission hope fear concern complaint accusation allegation prediction conclusion charge "
            "observation position theory message reminder assurance acknowledgment acknowledgement denial notion",
    "to": "call decision promise pledge vow plan proposal refusal threat bid push effort attempt demand desire "
          "determination willingness reluctance intention offer request commitment order",
    "for": "call support push demand praise proposal plan case argument enthusiasm admiration sympathy preference "
           "plea appeal",
    "of": "criticism praise defense defence condemnation denunciation rejection endorsement embrace description "
          "characterization characterisation assessment critique dismissal vision account",
    "on": "attack attacks views position stance focus emphasis comments remarks criticism take",
    "about": "comments remarks warnings claims concerns statements questions doubts",
    "against": "case campaign argument warning",
}
_GOVERNS: dict[str, tuple[str, ...]] = {}
for _preposition, _nouns in _STANCE_NOUNS.items():
    for _noun in _nouns.split():
        _GOVERNS[_noun] = (*_GOVERNS.get(_noun, ()), _preposition)
_NOMINAL = re.compile(
    r"(?P<owner>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+|[’']s\s+|\b(?:the|a|an)\s+)(?:[a-z-]+\s+)?"
    r"(?P<noun>" + "|".join(sorted((noun + "s?" for noun in _GOVERNS), key=len, reverse=True)) +
    r")(?:(?P<by>\s+(?:by|from)\s+)|(?=\s))")
_OWNERS = {"his": "he", "her": "she"}
_IN_VIEW = re.compile(r"(?:^|,\s+)(?i:in)\s+(?:(?P<owner>his|her|their|its)|[^,«]{1,60}?(?P<named>[’']s))\s+"
                      r"(?:view|opinion|words|estimation|telling|judgment|judgement|assessment)\s*,\s+")
_AS_SAID = re.compile(r"(?:^|(?<=,)\s+|(?<=\s—)\s+)(?i:as|like)\s+[^,«]{0,60}$")
_AS_SAID_TAIL = re.compile(rf"(?:{_OBJECT})?(?:{_ADJUNCT})*\s*,\s+")
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,«;]{1,120},\s*$")
_FIRST_PERSON = re.compile(rf"(?:^|(?<=,)\s+|\b(?i:and|but|that|because|so)\s+)(?P<who>I|[Ww]e)(?:{AUXILIARY})\s*$")
_IN_DOCUMENT = re.compile(
    r"In\s+(?P<np>(?:(?P<owner>his|her|their|its)\s+|(?:the|a|an|this|that|one)\s+)?"
    r"(?:[^\s,«]+\s+){0,5}?(?P<head>polls?|surveys?|study|studies|report|analysis|data|results|findings|review|"
    r"audit|research|figures|estimates|records|statistics|letter|statement|memo|filing|lawsuit|complaint|ruling|"
    r"book|column|op-ed|editorial|ad|video|speech|tweet|post|email)(?:\s+(?:of|by|from|for|released|conducted|"
    r"published)\s+[^,«]{1,60}?)?),\s+")
_CATENATIVE = re.compile(r"\s(?:continu(?:e|es|ed|ing)|began|begins|went\s+on|goes\s+on|tried|tries|trying|"
                         r"appeared|appears|seemed|seems|attempted|attempts|moved|moves|rushed|used|"
                         r"(?:was|were|is|are)\s+(?:quick|eager|careful|keen|happy|willing))\s+to\s+$")
_TAKES_AN_OBJECT = frozenset(form.replace(ADVERB, "").replace("\\s+", " ") for form in inflected(
    "call_for urge demand endorse support oppose back reject condemn denounce criticize criticise praise blame "
    "propose announce seek want deny welcome applaud attack defend"))
_STANCE_ADJECTIVE = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|seems?|seemed|feels?|felt|appears?|appeared|be|been|being|"
    r"grew|grows|became|becomes)\s+(?:(?:\w+ly|not|also|still|now|very|so|quite)\s+)*"
    r"(?P<adjective>confident|convinced|sure|certain|aware|adamant|hopeful|optimistic|pessimistic|skeptical|"
    r"sceptical|worried|concerned|afraid|fearful|clear|happy|glad|proud|angry|upset|disappointed|frustrated|"
    r"insistent|unaware|unconvinced|doubtful|determined)(?:\s+(?:on\s+)?[A-Z]?[a-z]+day)?\s+that\b\s*")
_IN_POLL = re.compile(r"\s+in\s+(?P<np>(?:(?:the|a|an|this|its|their|our)\s+)?(?:[^\s,«]+\s+){0,5}?"
                      r"(?:polls?|surveys?|polling)(?:\s+(?:of|by|from|for|released|conducted|published)\s+"
                      r"[^,«;]{1,60}?)?)\s*(?=[,.;!?]*$)")
_OPENER = re.compile(r"(?:But|And|So|Yet|Still|Now|Then|Indeed|Instead)\b")
_BY = re.compile(r"(?:\s+(?:on|in|at|for|over)\s+[^,«;]{1,40}?)?\s+by\s+")
_PASSIVE_BEFORE = re.compile(r"(?:,|\s+(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been)"
                             r"(?:\s+(?:\w+ly|not|also|first|long|widely))*)\s+$")
_BY_WHOM = re.compile(r"[\w’'.&-]+(?:\s+[\w’'.&-]+){0,6}?(?=\s*(?:[,.;:!?]|$|\s+(?:as|for|in|on|after|during|"
                      r"because|when|while|and|but)\b))")
_RESULT = re.compile(r"\d|\b(?:percent|points?|leads?|led|leading|trails?|trailed|trailing|ahead|behind)\b")
_NOUN_USE = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|do|does|did|"
                       r"aren[’']t|isn[’']t|won[’']t)\b")
_QUANTITY = re.compile(r"(?i)(?:\d[\d,.]*%?|percent|half|thirds?|quarters?|fourths?|fifths?|majority|minority|"
                       r"most|many|some|few|both|several|all|none|others)$")
_DETERMINED = re.compile(r"(?i)(?:the|a|an|this|that|these|those|his|her|its|their|our|one)\s")


def _connective_length(window: str, at: int) -> int:
    """How long the connective or approximator opening a clause at ``at`` is ("But ", "And yet ",
    "About " in "About 9 percent said"), 0 if none."""
    connective = re.match(r"(?:(?i:but|and|yet|so|or|nor|about|nearly|almost|roughly|only|just\s+over|just\s+under|"
                          r"more\s+than|fewer\s+than|less\s+than)\s+(?=\S))+", window[at:])
    return connective.end() if connective else 0


def _form_fits(word: str, gap: str, source: str, named: bool) -> bool:
    """Whether a cue's form can have the source as its speaking subject: a participle only
    after a form of "be" ("is demanding"), a past participle never after one (a passive:
    "were charged"), a bare form only after an auxiliary or a plural subject, and an -s form
    never right after a plural one ("Democrats states" is a noun phrase)."""
    head = word.split("\\")[0].split()[0]
    passive_or_progressive = re.search(r"\b(?:is|are|was|were|be|been|being)"
                                       r"(?:\s+(?:\w+ly|also|again|once\s+again|still|now|not|already|even))*\s*$", gap)
    if head.endswith("ing"):
        return passive_or_progressive is not None or re.search(r"[’']s\s*$", gap) is not None
    if passive_or_progressive and head not in BASES and not head.endswith("s") and head not in {"worried", "agreed"}:
        return False
    head_words = POSTMODIFIED.split(source.strip())[0]
    plural = not named and _PLURAL.search(head_words) is not None
    if head in BASES:
        return plural or re.search(r"(?:\b(?:do|does|did|will|would|could|can|cannot|should|may|might|must|to|and)|"
                                   r"n[’']t)\b", gap) is not None
    return not (plural and not gap.strip() and head in THIRD_PERSON)


class _Reader:
    """The statements of one sentence."""

    def __init__(self, attributor: Attributor, sentence: Sentence, quoted: str | None) -> None:
        self.attributor = attributor
        self.masked = attributor.masked
        self.span = sentence.span
        self.quoted = quoted
        self.referents = attributor.referents(self.span)
        self.found: list[FoundStatement] = []
        self.covered: list[tuple[int, int]] = []
        self.last_source: Referent | None = None
        self.connective = _OPENER.match(self.masked, self.span.start) is not None

    def add(self, start: int, end: int, source: Referent, confidence: float, how: str,
            introduced: bool = False, short: bool = False, whole: bool = False, aside: bool = False) -> None:
        """Propose the clause at ``start``..``end`` as said by ``source``, unless it is no clause or
        another statement of the sentence already holds it; ``short`` lets two words be one,
        ``whole`` keeps what is joined by "and" (the words before "…, X said" are all X's), and
        ``aside`` marks a source that is not the sentence's subject ("X's claim that …")."""
        clause = self.clause(start, end, introduced, short, whole)
        if clause is None or source.figure is None or any(s == clause.start for s, _ in self.covered):
            return
        attribution = self.attributor.attribution_of(source, confidence, how)
        if source.kind == "description":
            attribution = Attribution(attribution.figure, round(confidence - 0.2, 2),
                                      how + f"; “{self.attributor.text[source.start:source.end]}” is an unnamed "
                                            "source: name the speaker or delete")
        self.found.append(FoundStatement(clause, self.span, attribution, aside))
        self.covered.append((clause.start, clause.end))
        self.last_source = source

    def clause(self, start: int, end: int, introduced: bool = False, short: bool = False,
               whole: bool = False) -> Span | None:
        """The words ``start``..``end`` as a clause: cut at the next clause break, trimmed, at least
        three words (two when ``short``, but not a bare adjunct), not mostly a quotation; unless
        ``introduced`` (by "that", or a verb taking "to"), not opening with a preposition or conjunction."""
        opening = start
        while start < end and self.masked[start] in " ,:":
            start += 1
        start = after_dateline(self.masked, start)
        if _NOT_A_CLAUSE.match(self.masked, start) and not introduced or (
                "," in self.masked[opening:start] and _AFTER_COMMA.match(self.masked, start)):
            return None
        tail = next((found for found in _CLAUSE_TAIL.finditer(self.masked, start + 1, end)
                     if not (whole and found["joined"])), None)
        stop = tail.start() if tail else end
        while stop > start and self.masked[stop - 1] in " .,;:!?":
            stop -= 1
        words = self.masked[start:stop]
        quoted = sum(len(part) for part in re.findall(r"«[x\n]*»?", words))
        count = len(words.split())
        if count < 2 or count == 2 and (not short or _ONLY_ADJUNCTS.match(words) or _NOT_A_CLAUSE.match(words)) or \
                quoted > 0.6 * len(words):
            return None
        return Span(start, stop)

    def quotation_ends(self, comma: int) -> bool:
        """True when a quotation that opens the sentence or follows a colon ends right before the
        comma of "…, X said": the cue attributes that quotation (a direct quote), not the narration
        around it ("X scolded him: “…,” she said"); a quoted phrase inside a clause ("The repair
        was “a disgrace,” she said") is still reported."""
        words = self.masked[self.span.start : comma + 1]
        return re.search(r"(?:^|:)\s*«[x\n]*»[\s,]*$", words) is not None

    def source_before(self, offset: int) -> Referent | None:
        """The referent whose words end right before a cue at ``offset``."""
        return self.attributor.subject_before(self.referents, offset, self.span.start)

    def fits(self, source: Referent, start: int, word: str) -> bool:
        """Whether the cue at ``start`` can have ``source`` as its subject (see :func:`_form_fits`);
        one of two people joined by "and" may take a plural verb."""
        coordinated = re.search(r"(?:\band(?:\s+[A-Z][\w.’'-]*\.)?|(?:s|people|police)\s+(?:to|of|for|from|at|in|with)"
                                r"(?:\s+the)?)\s+$",
                                self.masked[max(self.span.start, source.start - 40) : source.start]) is not None
        gap = self.masked[source.end : start]
        return coordinated or _form_fits(word, gap[gap.rfind(",") + 1 :] if _RELATIVE.search(gap) else gap,
                                         self.attributor.text[source.start : source.end], self.named(source))

    def named(self, source: Referent) -> bool:
        """True for a source named as one person (whose verb takes -s), not a body or a description."""
        return source.kind == "name" and source.figure is not None and \
            not self.attributor.cast.figures[source.figure].institution

    def relative_source(self, offset: int) -> Referent | None:
        """The referent a "who" before a cue at ``offset`` stands for ("X, who said …"; "voters
        who say …")."""
        who = re.search(rf"(?P<comma>,)?\s+who{AUXILIARY}\s+$", self.masked[self.span.start : offset])
        if who is None:
            return None
        at = self.span.start + who.start()
        if who["comma"] is None:
            return next((r for r in self.referents if r.end == at and r.figure), None) or self.phrase_before(at)
        return next((r for r in reversed(self.referents) if r.end <= at and
                     re.fullmatch(APPOSITION, self.masked[r.end : at])), None)

    def phrase_before(self, offset: int) -> Referent | None:
        """An unnamed source in the words that open the clause of a cue at ``offset`` when no
        referent does: a quantity ("Sixty percent say", "most of them said"), a plural ("the
        companies expect"), a determined noun ("the suit claims", "that person said") or
        capitalised words; the longest such words from a clause opening."""
        window = self.masked[self.span.start : offset]
        for opening in _OPENING.finditer(window):
            match = _PHRASE.fullmatch(window, opening.end() + _connective_length(window, opening.end()))
            if match is not None and self.is_source(match["phrase"], self.span.start + match.start("phrase"), offset):
                start = self.span.start + match.start("phrase")
                return self.phrase_referent(start, start + len(match["phrase"]))
        return None

    def is_source(self, phrase: str, start: int, offset: int) -> bool:
        """Whether the words of ``phrase`` can be a source: no verb, pronoun or conjunction among
        them (nor a participle opening them, "adding both sides"), no name the cast knows, and a
        head that is a quantity, a plural, a determined noun or a capitalised name."""
        words = phrase.split()
        bare = [re.sub(r"[’']s$", "", word.lower()) for word in words]
        if any((word in _NOT_IN_PHRASE and not (index == 0 and word in _DEMONSTRATIVES)) or "«" in word or
               word.endswith("ed") and 0 < index < len(bare) - 1 and bare[index - 1] not in DETERMINERS
               for index, word in enumerate(bare)) or words[-1].endswith(("’s", "'s")) or \
                re.fullmatch(r"[a-z]+ing", words[0]) or \
                bare[-1] in _ENDS_NO_PHRASE or \
                re.search(r"(?<![\w-])\d[\d,.]*%?(?![\w-])", phrase) and not _QUANTITY.search(bare[-1]) or \
                any(r.kind == "name" and r.start < offset and start < r.end for r in self.referents):
            return False
        head = bare[-2] if bare[-1].endswith("ed") and len(bare) > 1 else bare[-1]
        plural = re.search(r"[^s’']s$", head) is not None and head not in {"news", "its", "has", "was", "is"}
        return self.capitalised(words, bare) or plural or _QUANTITY.search(head) is not None or \
            _DETERMINED.match(phrase) is not None

    def capitalised(self, words: list[str], bare: list[str]) -> bool:
        """True for words that are all capitalised and name no side or place."""
        return all(word[0].isupper() or word in {"of", "and", "&"} for word in words) and not any(
            word in self.attributor.cast.world.not_names for word in bare)

    def phrase_referent(self, start: int, end: int) -> Referent:
        """The words ``start``..``end`` as a source: the person of the cast they name in full (or
        by a surname alone), else an unnamed source."""
        phrase = self.attributor.text[start:end]
        words = phrase.split()
        capitalised = self.capitalised(words, [word.lower() for word in words])
        known = [figure.id for figure in self.attributor.cast.figures.values() if capitalised and
                 figure.name == phrase or len(words) == 1 and figure.name.endswith(" " + phrase)]
        if len(known) == 1:
            return Referent(start, end, known[0], "name")
        return Referent(start, end, self.attributor.unnamed_source(
            re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)), "description")

    def relative_head(self, offset: int) -> Referent | None:
        """The source of a cue at ``offset`` that a relative clause parts from it ("Executives for
        the firm, which made a profit, say …")."""
        return self.head_before(_RELATIVE.search(self.masked, self.span.start, offset))

    def apposed_head(self, offset: int) -> Referent | None:
        """The source of a cue at ``offset`` that several appositions part from it ("Jo Farr, 27,
        a student at the college, said …"; "the mayor herself, as well as her staff, has said …")."""
        return self.head_before(APPOSITIONS.search(self.masked, self.span.start, offset))

    def head_before(self, parted: re.Match[str] | None) -> Referent | None:
        """The referent (or described phrase) ending where the words ``parted`` from its cue begin;
        a name that opens those words is the source when no name ends there ("the minister of
        the economy, Mr. Guajardo, argues …")."""
        if parted is None:
            return None
        head = next((r for r in self.referents if r.end == parted.start() and r.figure), None) or \
            self.phrase_before(parted.start())
        named = next((r for r in self.referents if parted.start() < r.start < parted.end() and r.kind == "name"
                      and r.figure and _APPOSED_NAME.fullmatch(self.masked, parted.start(), r.start)), None)
        return named if named and (head is None or head.kind != "name") else head

    def writer(self, offset: int) -> Referent | None:
        """"I" or "we" opening the clause of a cue at ``offset``: the writer of the article."""
        first = _FIRST_PERSON.search(self.masked[self.span.start : offset])
        if first is None:
            return None
        at = self.span.start + first.start("who")
        return Referent(at, at + len(first["who"]), self.attributor.unnamed_source("writer"), "description")

    def read(self) -> list[FoundStatement]:
        """Every statement of the sentence, the cue-governed ones first."""
        body_end = self.span.end
        for cue in _CUE.finditer(self.masked, self.span.start, body_end):
            self.cue(cue)
        self.according()
        self.participles()
        self.nominal()
        self.stance_adjectives()
        if not self.found:
            self.in_document()
        return self.found

    def cue(self, cue: re.Match[str]) -> None:
        """The statement a cue governs: ``X cue Y`` or ``Y, X cue``."""
        word = cue.group()
        start, end = cue.start(), cue.end()
        if (word in THIRD_PERSON or word in BASES) and (_NOUN_USE.match(self.masked, end) or
                                                        _AFTER_DETERMINER.search(self.masked, self.span.start,
                                                                                 start)):
            return
        if self.passive(start, end, word) or _NEGATED.search(self.masked, self.span.start, start) and \
                _OPEN_QUESTION.match(self.masked, end):
            return
        if cue["cue"] and word in _INVERTS and self.inverted(start, end, word):
            return
        source = self.source_before(start)
        if source is None and _CONJOINED.search(self.masked, self.span.start, start):
            source = self.last_source or self.attributor.main_subject(self.span, self.referents)
        catenative = _CATENATIVE.search(self.masked, self.span.start, start) if source is None else None
        if catenative is not None:
            source = self.source_before(catenative.start() + 1) or self.phrase_before(catenative.start())
        if source is None:
            source = self.relative_source(start)
        if source is None:
            source = self.phrase_before(start) or self.relative_head(start) or self.apposed_head(start) or \
                self.writer(start)
        if source is None:
            if cue["cue"] and not word.endswith("ing"):
                self.inverted(start, end, word)
            return
        if not self.fits(source, start, word):
            outer = self.attributor.subject_before([r for r in self.referents if r.start < source.start], start,
                                                   self.span.start)
            if outer is None or not self.fits(outer, start, word):
                return
            source = outer
        as_said = _AS_SAID.search(self.masked[self.span.start : source.start])
        after_as = _AS_SAID_TAIL.match(self.masked, end, self.span.end) if as_said else None
        if after_as:
            self.add(after_as.end(), self.span.end, source, 0.8, f"“as X {word}, …”")
            return
        if as_said and as_said.start() > 0 and _TAIL.match(self.masked, end, self.span.end):
            self.add(self.span.start, self.span.start + as_said.start(), source, 0.8, f"“…, as X {word}”")
            return
        telling = re.fullmatch(_TELLING, word) is not None
        comma = self.comma_before(source.start, r"[\s”»]*(?:(?:[A-Z][\w.’'-]*|of|the)\s+)*$")
        title = title_before(self.attributor.text, source.start) if source.kind == "name" else None
        if comma is None and title:
            comma = self.comma_before(source.start, rf"[\s”»]*(?:(?:[A-Z][\w.’'-]*|{_TITLE_MODIFIER})\s+){{0,4}}?"
                                      + re.escape(title) + r"\s+$")
        tail = (_TOLD_TAIL if telling else _TAIL).match(self.masked, end, self.span.end)
        if comma and tail and comma > self.span.start + 8 and not self.quotation_ends(comma) and \
                not _LEADING.match(self.masked, self.span.start, comma + 1):
            self.add(self.span.start, comma, source, 0.85, f"“…, X {word}”", self.connective, whole=True)
            return
        inside = _PARENTHETICAL.match(self.masked, end, self.span.end)
        if comma and inside and not cue["weak"]:
            self.add(inside.end(), self.span.end, source, 0.8, f"“…, X {word}, …”", True)
            return
        if cue["weak"] or word.split()[0] in _NEEDS_OBJECT:
            that = _THAT.match(self.masked, end, self.span.end)
            if cue["weak"] and not that and not (source.kind == "description" and _EVIDENCE.search(
                    self.attributor.text[source.start : source.end])):
                return
            content = that.end() if that else end
        else:
            that = (_TOLD_THAT if telling else _THAT).match(self.masked, end, self.span.end)
            told = _TOLD.match(self.masked, end, self.span.end) if telling else None
            bare = _BARE.match(self.masked, end, self.span.end)
            content = that.end() if that else told.end() if told else bare.end() if bare else end
            clause_opens = told is not None and (not self.quoted or _PRONOUN_CLAUSE.match(self.masked, told.end()))
            if telling and not (that or clause_opens) or _ONLY_ADJUNCTS.match(self.masked, content, self.span.end):
                return
        if self.masked[content : content + 1] in {"«", ""} and word.startswith(("said", "says", "say")) and \
                not _WORDS_AFTER_QUOTATION.match(self.masked, content, self.span.end):
            return
        if that and len(self.masked[content : self.span.end].split()) < 3:
            content = end
        introduced = that is not None and content == that.end() or (
            _INFINITIVE.fullmatch(word) is not None and self.masked.startswith("to ", content))
        self.add(content, self.span.end, source, 0.8, f"“X {word} …”", introduced,
                 " ".join(part for part in word.split() if not part.endswith("ly")) in _TAKES_AN_OBJECT)

    def comma_before(self, offset: int, between: str) -> int | None:
        """Where the words before a comma end, when only ``between`` stands from it to ``offset``;
        a comma inside a closing quotation mark (“…was “unsafe,” she said”) ends them after the mark."""
        found = re.search(rf"(?:,|(?P<mark>»)){between}", self.masked[self.span.start : offset])
        if found is None:
            return None
        at = self.span.start + found.start()
        if found["mark"]:
            return at + 1 if self.attributor.text[at - 1] == "," else None
        return at

    def passive(self, start: int, end: int, word: str) -> bool:
        """``Y was endorsed by X`` and ``Y, opposed by X, …``: X says or holds Y, the subject."""
        by = _BY.match(self.masked, end, self.span.end)
        before = _PASSIVE_BEFORE.search(self.masked, self.span.start, start)
        if by is None or before is None or word.split()[0].endswith(("ing", "s")) or word.split()[0] in BASES:
            return False
        at = by.end()
        source = self.attributor.referent_at(self.referents, at)
        if source is None:
            words = _BY_WHOM.match(self.masked, at, self.span.end)
            if words is None or not self.is_source(words.group(), at, at):
                return False
            source = self.phrase_referent(at, words.end())
        self.add(self.span.start, before.start(), source, 0.75, f"“… {word} by X”", self.connective, True)
        return True

    def inverted(self, start: int, end: int, word: str) -> bool:
        """``Y, said X`` (and a tail such as "in a statement"): X says what stands before the comma;
        True when the sentence has that form."""
        comma = self.comma_before(start, r"\s*$")
        if comma is None or not re.match(r"\s", self.masked[end : end + 1]):
            return False
        source = self.attributor.referent_at(self.referents, end + 1)
        if source and re.fullmatch(r"(?:(?:[A-Z][\w.’'-]*|the)\s+)*", self.masked[end + 1 : source.start]) and \
                not self.quotation_ends(comma) and (_TAIL.match(self.masked, source.end, self.span.end) or
                                                          _APPOSED.match(self.masked, source.end, self.span.end)):
            self.add(self.span.start, comma, source, 0.85, f"“…, {word} X”", self.connective)
            return True
        return False

    def according(self) -> None:
        """``according to X, Y``, ``Y, according to X`` and ``Y, according to X, Z``; X may be any
        words up to the comma, or that end the sentence ("according to a count by the wire
        service"), as an unnamed source. Where the words before it are no clause ("Now, according to
        the poll, …", "The plan, according to aides, would cost …"), the statement is what follows X."""
        for match in _ACCORDING.finditer(self.masked, self.span.start, self.span.end):
            before = self.masked[self.span.start : match.start()]
            opening = len(re.findall(r"[\w’'-]+", before)) <= 4
            source = next((r for r in self.referents if r.start >= match.end() and r.figure and
                           re.fullmatch(r"[^,;«]{0,40}", self.masked[match.end() : r.start])), None)
            if source is None:
                words = _SOURCE_WORDS.match(self.masked, match.end(), self.span.end)
                up_to_comma = re.match(r"[^,;«»]{1,100}?(?=,\s)", self.masked[match.end() : self.span.end])
                if words is not None and words.end() >= self.span.end - 2:
                    start, end = words.start(), words.end()
                elif up_to_comma is not None and opening:
                    start, end = match.end(), match.end() + up_to_comma.end()
                else:
                    continue
                phrase = self.attributor.text[start:end]
                source = Referent(start, end, self.attributor.unnamed_source(
                    re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)), "description")
            rest = self.masked[source.end : self.span.end]
            comma = _APPOSED_AFTER.match(rest) or re.match(r"[^,«]{0,60}?,\s+", rest)
            if comma and opening:
                self.add(source.end + comma.end(), self.span.end, source, 0.8, "“according to X, …”",
                         re.search(r"\w", before) is not None)
            elif match.start() - self.span.start > 12:
                self.add(self.span.start, match.start(), source, 0.8, "“…, according to X”")

    def headline(self) -> list[FoundStatement]:
        """``X Says Y`` in title case, and ``X: Y``: X, the referent before the cue or else the
        words opening the headline, says the rest of it."""
        words = self.masked[self.span.start : self.span.end]
        long_words = _TITLE_WORD.findall(words)
        if _HEADLINE_LABEL.match(words):
            self.labelled(named_only=False)
        elif len(long_words) >= 3 and sum(word[0].isupper() for word in long_words) >= 0.7 * len(long_words):
            closing = _TITLE_CUE_AT_END.search(words)
            if closing and (source := self.source_before(self.span.start + closing.start("cue")) or
                            self.phrase_before(self.span.start + closing.start("cue"))):
                self.add(self.span.start, self.span.start + closing.start(), source, 0.75,
                         f"headline “…, X {closing['cue'].lower()}”", whole=True)
                return self.found
            for cue in _TITLE_CUE.finditer(words):
                start, word = self.span.start + cue.start("cue"), cue["cue"].lower()
                source = self.source_before(start) or self.phrase_before(start)
                if source is not None and len(words[: cue.start()].split()) <= 8 and \
                        not re.match(r"\s+(?i:of|by|himself|herself|themselves)\b", words[cue.end() :]) and _form_fits(
                        word, self.masked[source.end : start], "they" if word in BASES else "", word not in BASES):
                    self.add(self.span.start + cue.end(), self.span.end, source, 0.75, f"headline “X {word} …”",
                             True)
                    break
        return self.found

    def labelled(self, named_only: bool) -> list[FoundStatement]:
        """``X: Y`` opening a headline or a paragraph: X says Y, where X is a transcript label
        ("BLAKE:") or a person the article names, or, in a headline (not ``named_only``), a
        source word ("Poll:") or two or three capitalised words."""
        words = self.masked[self.span.start : self.span.end]
        label = _HEADLINE_LABEL.match(words)
        if label is None or len(label["who"].split()) > 5 or label["who"].upper() in _NOT_LABELS:
            return self.found
        at = self.span.start + label.end("who")
        source = next((r for r in self.referents if r.end == at and r.figure), None)
        transcript = self.attributor.labelled(words) if label["who"].isupper() and len(label["who"]) > 2 else None
        if source is None and transcript is not None and transcript[0].figure:
            source = Referent(self.span.start, at, transcript[0].figure, "name")
        if source is None and not named_only:
            source = self.phrase_before(at)
            who = label["who"].split()
            if source is not None and not (source.kind != "description" or who[-1].lower() in SOURCE_HEADS or
                                           len(who) in {2, 3} and not _DETERMINED.match(label["who"])):
                source = None
        if source is not None and (not named_only or source.kind == "name"):
            self.add(self.span.start + label.end(), self.span.end, source, 0.75, "“X: …”", True)
        return self.found

    def nominal(self) -> None:
        """``X's claim that Y``, ``his call for Y``, ``the claim by X that Y``, ``in X's view, Y``:
        a stance noun with its owner and what it governs."""
        for match in _NOMINAL.finditer(self.masked, self.span.start, self.span.end):
            owner_word = match["owner"].strip().lower()
            source: Referent | None
            if match["by"]:
                source = self.attributor.referent_at(self.referents, match.end())
                after = source.end if source else 0
            elif owner_word in {"the", "a", "an"}:
                continue
            else:
                source, after = self.owner(match.start(), owner_word), match.end()
            if source is None or not match["by"] and \
                    not self.masked[self.span.start : min(source.start, match.start())].strip():
                continue
            noun = match["noun"]
            for preposition in _GOVERNS.get(noun, _GOVERNS.get(noun.removesuffix("s"), ())):
                governed = re.match(rf"\s+{preposition}\s+", self.masked[after : self.span.end])
                if governed:
                    start = after + governed.end() - (3 if preposition == "to" else 0)
                    lead_end = self.attributor.subject_start(self.span)
                    self.add(start, lead_end if start < lead_end else self.span.end, source, 0.75,
                             f"“X’s {noun} {preposition} …”", True, aside=True)
                    break
        at = self.span.start
        for view in _IN_VIEW.finditer(self.masked[at : self.span.end]):
            owner = self.owner(at + view.start("owner"), view["owner"].lower()) if view["owner"] else \
                self.owner(at + view.start("named"), "’s")
            if owner is not None:
                self.add(at + view.end(), self.span.end, owner, 0.75, "“in X’s view, …”", aside=True)

    def stance_adjectives(self) -> None:
        """``X is confident that Y``, ``X was adamant that Y``: a stance adjective governing a that-clause."""
        for match in _STANCE_ADJECTIVE.finditer(self.masked, self.span.start, self.span.end):
            source = self.source_before(match.start()) or self.phrase_before(match.start())
            if source is not None:
                self.add(match.end(), self.span.end, source, 0.75, f"“X is {match['adjective']} that …”", True)

    def in_document(self) -> None:
        """``In the survey, Y`` and ``In his letter, Y``: the document, or whose it is, says Y."""
        found = _IN_DOCUMENT.match(self.masked[self.span.start : self.span.end])
        if found is None:
            poll = _IN_POLL.search(self.masked, self.span.start, self.span.end)
            if poll is not None and _RESULT.search(self.masked, self.span.start, poll.start()):
                self.add(self.span.start, poll.start(), self.phrase_referent(poll.start("np"), poll.end("np")), 0.75,
                         "“…, in the poll”")
            return
        start, end = self.span.start + found.start("np"), self.span.start + found.end("np")
        owner = found["owner"]
        source = self.owner(self.span.start + found.start("owner"), owner.lower()) if owner else \
            self.phrase_referent(start, end)
        if source is not None:
            self.add(self.span.start + found.end(), self.span.end, source, 0.75, f"“In the {found['head']}, …”")

    def owner(self, at: int, word: str) -> Referent | None:
        """Who a possessive at ``at`` stands for: the referent before "’s", or whom "his", "her",
        "their" or "its" refers to."""
        if word in {"’s", "'s"}:
            return next((r for r in reversed(self.referents) if r.end == at and r.figure), None)
        figure = (self.attributor.cataphor(self.span, self.referents, at, _OWNERS[word]) or
                  self.attributor.pronoun_subject(_OWNERS[word], at)) if word in _OWNERS else \
            self.attributor.last_group if word == "their" else self.attributor.last_institution
        return Referent(at, at + len(word), figure, "pronoun") if figure else None

    def participles(self) -> None:
        """``…, saying (that) Y``: the speaker of the sentence's quotation, else its subject, says Y;
        ``… quoted X as saying (that) Y``: X says Y."""
        for match in _PARTICIPLE.finditer(self.masked, self.span.start, self.span.end):
            before = [r for r in self.referents if r.end <= match.start()]
            quoted = self.attributor.quoted_as_saying(before, self.span.start, match.end())
            subject = quoted or self.attributor.main_subject(Span(self.span.start, match.start()), before)
            if self.quoted and (subject is None or subject.figure != self.quoted):
                source = Referent(match.start(), match.start(), self.quoted, "name")
            elif subject is not None:
                source = subject
            else:
                continue
            how = "“quoted X as saying …”" if quoted and source is quoted else \
                f"“…, {match.group().strip(', ')}” with its subject"
            self.add(match.end(), self.span.end, source, 0.8, how)


def statements_in(attributor: Attributor, sentence: Sentence, quoted: str | None = None,
                  before: Sentence | None = None) -> list[FoundStatement]:
    """Reported statements of one sentence; ``quoted`` is the speaker of its quotation, if any,
    and ``before`` the sentence before it: when that one ends a paragraph with "X wrote:", a
    paragraph opening with no quotation marks is what X wrote. A heading, or the article's
    first line, is read as a headline too ("Mayor Says Bridge Will Reopen", "Poll: …"), and a
    paragraph opening "NAME: …" as a transcript."""
    reader = _Reader(attributor, sentence, quoted)
    found = [] if sentence.is_heading else reader.read()
    if not found and (sentence.is_heading or sentence.paragraph == 0):
        return reader.headline()
    if not found and (before is None or before.paragraph != sentence.paragraph):
        found = reader.labelled(named_only=True)
    if found or before is None or before.paragraph != sentence.paragraph - 1 or \
            "«" in attributor.masked[sentence.span.start : sentence.span.end] or \
            not _CUE.search(attributor.masked, before.span.start, before.span.end):
        return found
    introduced = attributor.introduced(before)
    stop = sentence.span.end - (attributor.text[sentence.span.end - 1] in ".!?")
    if introduced is None or introduced.figure is None or len(attributor.text[sentence.span.start : stop].split()) < 3:
        return found
    attribution = Attribution(introduced.figure, 0.7, "introduced by the paragraph before (“X added:”)")
    return [FoundStatement(Span(sentence.span.start, stop), sentence.span, attribution)]

