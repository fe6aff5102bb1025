"""Reported statements: attributions outside quotation marks.

A statement is a *source* (a referent of the article: a name, pronoun, role or institution, or
a description such as "officials", "a new poll", "the campaign") and a *cue* from the
reporting lexicon of news English, in any of the orders news writes them:

- ``X said (that) Y``, ``X told reporters on Monday (that) Y``, ``X called for Y``,
  ``X believes Y``: the content is the clause the cue governs, up to the next clause break;
- ``Y, X said`` and ``Y, said X`` (with a tail such as "in a statement" or "on Monday"): the
  content is what stands before the comma;
- ``according to X, Y`` and ``Y, according to X``;
- ``…, saying (that) Y`` / ``adding``, ``arguing`` …: the subject of the sentence, or the
  speaker of its quotation, says Y.

Nested forms ("X said that Y told him Z") give one statement per cue. Words inside quotation
marks are masked, so a quotation's own words are never read as attribution; a clause that is
mostly a quotation is left to the direct quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.attribution import APPOSITION, AUXILIARY, PARTICIPLES, Attribution, Attributor, Referent
from knowledge.extract.reading import Sentence, Span

_SPEECH = """
    say tell add argue warn insist claim believe think note explain state write report acknowledge admit suggest
    predict assert contend counter concede declare announce confirm maintain promise
    pledge vow agree estimate allege recall hope fear deny complain reiterate reveal assure reply respond observe
    express
    remark mention testify speculate worry caution charge point_out call_for call_on urge demand propose
    criticize criticise accuse question cite signal indicate expect tweet post explain concede doubt predict
    ask acknowledge recommend insist lament boast joke quip muse wonder conclude contend disclose
    """
_ACTS = """
    attack blast slam praise mention cite point_to call_on defend condemn denounce dismiss tout threaten
    encourage challenge blame thank congratulate endorse back support oppose reject lay_out
    detail highlight discuss apologize_for decline refuse seek want plan vow promise push_for
    reference describe label dub brand hail welcome applaud reaffirm insist_on rule_out
    """
_WEAK = "find show conclude learn stress emphasize emphasise underline"
_IRREGULAR = {"say": "said", "tell": "told", "think": "thought", "write": "wrote", "seek": "sought",
              "find": "found", "show": "showed shown", "lay": "laid", "learn": "learned learnt"}
_DOUBLING = frozenset({"admit", "plan", "quip", "regret", "commit", "submit", "rebut", "slam", "dub", "stop"})


def _inflected(verbs: str) -> list[str]:
    """Every form of each verb ("urge" -> urge, urges, urged, urging; "call_for" -> called for …)."""
    forms: list[str] = []
    for verb in verbs.split():
        head, _, rest = verb.partition("_")
        stem = head[:-1] if head.endswith("e") and head not in {"see", "agree"} else head
        third = head[:-1] + "ies" if re.search(r"[^aeiou]y$", head) else \
            head + "es" if re.search(r"(?:s|sh|ch|x|z|o)$", head) else head + "s"
        past = _IRREGULAR.get(head, head[:-1] + "ied" if re.search(r"[^aeiou]y$", head) else
                              head + "d" if head.endswith("e") else
                              head + head[-1] + "ed" if head in _DOUBLING else head + "ed")
        doubled = head + head[-1] if head in _DOUBLING else stem
        for form in (head, third, *past.split(), doubled + "ing"):
            forms.append(form + (r"\s+" + rest.replace("_", r"\s+") if rest else ""))
    return forms


CUES = "|".join(sorted(set(_inflected(_SPEECH + _ACTS)), key=len, reverse=True))
_INFINITIVE = re.compile("|".join(_inflected(
    "want plan seek agree vow promise pledge decline refuse hope expect threaten intend aim offer")))
_BASES = frozenset(verb.split("_")[0] for verb in (_SPEECH + _ACTS + _WEAK).split())
_WEAK_CUES = "|".join(_inflected(_WEAK))
_CUE_WORDS = frozenset(form.split("\\")[0] for form in _inflected(_SPEECH + _ACTS + _WEAK)) - frozenset(
    verb.split("_")[0] for verb in (_SPEECH + _ACTS + _WEAK).split())
_TELLING = r"(?:tell|tells|told|assure|assures|assured|remind|reminds|reminded|inform|informs|informed)"
_NEEDS_OBJECT = {"urge", "urges", "urged", "accuse", "accuses", "accused", "assure", "assures", "assured"}

_CUE = re.compile(rf"\b(?:(?P<cue>{CUES})|(?P<weak>{_WEAK_CUES}))\b")
_TIME = r"(?:[A-Z][a-z]+day(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|tonight|earlier|later|again)"
_ADJUNCT = (rf"(?:\s+(?:{_TIME}|(?:on|in|at|during|to|last|this|earlier|late|early|after|before|while|from|"
            rf"via|through|with|about|before|outside|inside|over)\b[^,«;]{{0,60}}?))")
_OBJECT = (r"(?:\s+(?:reporters|journalists|supporters|(?:the\s+)?crowd|me|us|him|her|them|viewers|listeners|"
           r"(?:the|a|an|his|her|their)\s+[\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]*|of|and|chief|leader|minister))*|"
           r"(?:[A-Z][\w.’'-]*\s*){1,6}))")
_THAT = re.compile(rf"(?:{_OBJECT})?(?:{_ADJUNCT}(?:,\s+[A-Z][\w.’'-]*)*,?|,\s+[^,«]{{1,60}}?,)?\s+that\b[\s,]*")
_BARE = re.compile(rf"(?:\s+{_TIME})?(?:\s+(?:in|on)\s+(?:a|an|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+)?\s*,)?\s+")
_TOLD = re.compile(rf"{_OBJECT}(?:{_ADJUNCT})?(?:\s*,)?\s+")
_TAIL = re.compile(rf"(?:{_OBJECT})?(?:{_ADJUNCT})*\s*(?P<end>[.!?]*\s*$|,\s+(?:and\s+)?[a-z]+ing\b|,\s+compared\b|"
                   r",\s+(?:who|which|as|when|while|after|before|because|since|though|although|even|where|but|and|in|"
                   r"at|during|on)\b)")
_INVERTED = re.compile(rf"\s*(?P<cue>{CUES})\s+")
_LEADING = re.compile(r"(?:In|On|At|During|After|Before|Following|Earlier|Later|Through|By|With|Under|For|From|"
                      r"Since|Until|When|While|As|Asked|Speaking|Meanwhile|Also|But|And|If)\b[^,]*,$")
_ONLY_ADJUNCTS = re.compile(r"(?:\s*(?:this|last|next)\s+(?:week|month|year)|\s*(?:on|in|at|to|during|from|via)"
                            r"(?:\s+[^\s,«;]+){1,4})*[\s.!?]*$")
_EVIDENCE = re.compile(r"(?i)\b(?:polls?|surveys?|study|studies|report|analysis|data|results|findings|review|audit)$")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_PARTICIPLE = re.compile(r",\s+(?:and\s+)?(?:saying|adding|arguing|noting|claiming|warning|insisting|explaining|"
                         r"stressing|suggesting|asserting|predicting|promising|vowing|urging|calling\s+for)"
                         r"(?:\s+that)?\s+")
_NOT_A_CLAUSE = re.compile(r"(?:after|before|in|on|at|during|while|when|as|with|for|to|of|by|about|from|so|"
                           r"but|and|which|who|where|is|was|are|were|"
                           r"it\s*[.,]|so\s*[.,]|yes|no)\b")
_AFTER_COMMA = re.compile(r"[a-z]+ing\b")
_CLAUSE_TAIL = re.compile(
    rf",\s+(?:{PARTICIPLES})\b|,?\s+(?:and|but)\s+(?:also\s+)?[a-z]+ed\s+|\s+—\s+|;|,\s+(?:according\s+to|"
    rf"(?:he|she|they|it)\s+(?:said|says|added|told))\b"
)

SOURCE_HEADS = frozenset("""
    source sources official officials aide aides adviser advisers advisor advisors expert experts analyst
    analysts critic critics supporter supporters voter voters spokesman spokeswoman spokesperson spokespeople
    spokesmen lawmaker lawmakers legislator legislators democrats republicans conservatives liberals
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
    newspapers publications polling majority most many some others
    """.split())  # noqa: SIM905
_QUANTIFIERS = frozenset({"majority", "most", "many", "some", "others"})
_HEAD = re.compile(r"(?<![\w’'-])(?i:" + "|".join(sorted(SOURCE_HEADS, key=len, reverse=True)) + r")(?![\w’'-])")
_DETERMINERS = frozenset(
    "the a an some many most other several another one two three few his her their its all".split())  # noqa: SIM905
_NOT_MODIFIERS = frozenset(
    """and or but of in on at to for from by with as that which who whom whose than then so if when while
    is are was were be been has have had do does did not no also this these those it they he she we i you
    there here what where would will could should can may might must first""".split())  # noqa: SIM905
_POSTMODIFIER = re.compile(r"\s+(?:in|of|at|for|with|from|on)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
_THEY = re.compile(r"\b(?:[Tt]hey)\b")


@dataclass(frozen=True)
class FoundStatement:
    """A reported statement ("X said that …") with its attribution."""

    text: Span
    evidence: Span
    attribution: Attribution


def _description_start(window: str, head: int) -> int:
    """Where the description ending in the head word at ``head`` begins: up to three modifiers
    ("top black lawmakers", "the Clinton campaign") and a determiner or possessive."""
    start = head
    for _ in range(4):
        word = re.search(r"([\w.’'-]+)\s+$", window[:start])
        if word is None:
            break
        bare = word.group(1).lower()
        if bare in _DETERMINERS or bare.endswith(("’s", "'s")):
            return word.start(1)
        if bare in _NOT_MODIFIERS or bare in _CUE_WORDS or "x" * 3 in bare or not re.fullmatch(r"[a-z][a-z-]*", bare):
            break
        start = word.start(1)
    return start


def _titles(window: str, end: int, referent: Referent, span: Span) -> bool:
    """True when a description ending at ``end`` stands right before a name, as its title."""
    return referent.start >= end and re.fullmatch(r"[\s,]*", window[end - span.start : referent.start - span.start]) \
        is not None


def described(attributor: Attributor, span: Span, taken: list[Referent]) -> list[Referent]:
    """Sources a sentence describes rather than names ("officials", "a new poll", "the Clinton
    campaign"), each as an unnamed source of the article, and "they" for the last of them."""
    found: list[Referent] = []
    window = attributor.masked[span.start : span.end]
    for match in _HEAD.finditer(window):
        first = _description_start(window, match.start())
        after = _POSTMODIFIER.match(window, match.end())
        start, end = span.start + first, span.start + (after.end() if after else match.end())
        if any(r.figure and r.kind != "thing" and (r.start <= start and end <= r.end or _titles(window, end, r, span))
               for r in taken):
            continue
        words = re.sub(r"^(?:the|a|an|another|one)\s+", "", window[first : match.end()], flags=re.IGNORECASE)
        if window[first : match.end()].lower() == match.group().lower() and (
                match.group().lower() in _QUANTIFIERS or not re.search(r"(?:s|people|police|data)$", words.lower())):
            continue
        found.append(Referent(start, end, attributor.unnamed_source(words), "description"))
    for match in _THEY.finditer(window):
        start = span.start + match.start()
        if attributor.last_group and not any(r.start <= start < r.end and r.figure for r in taken):
            found.append(Referent(start, start + 4, attributor.last_group, "pronoun"))
    return found


def _form_fits(word: str, gap: str, source: str) -> bool:
    """Whether a cue's form can have the source as its speaking subject: a participle only
    after a form of "be" ("is demanding"), a past participle never after one (a passive:
    "were charged"), a bare form only after an auxiliary or a plural subject."""
    head = word.split("\\")[0].split()[0]
    passive_or_progressive = re.search(r"\b(?:is|are|was|were|be|been|being)"
                                       r"(?:\s+(?:\w+ly|also|again|once\s+again|still|now|not|already|even))*\s*$", gap)
    if head.endswith("ing"):
        return passive_or_progressive is not None or re.search(r"[’']s\s*$", gap) is not None
    if passive_or_progressive and head not in _BASES and not head.endswith("s") and head not in {"worried", "agreed"}:
        return False
    if head in _BASES:
        return bool(re.search(r"\b(?:do|does|did|will|would|could|can|should|may|might|must|to|and|n[’']t)\b", gap)
                    or re.search(r"(?i)(?:\b(?:they|we|i|you)|s|people|police)$", source.strip()))
    return True


class _Reader:
    """The statements of one sentence."""

    def __init__(self, attributor: Attributor, sentence: Sentence, quoted: str | None) -> None:
        self.attributor = attributor
        self.masked = attributor.masked
        self.span = sentence.span
        self.quoted = quoted
        referents = attributor.referents(self.span)
        descriptions = described(attributor, self.span, referents)
        referents = [r for r in referents if r.figure or not any(
            d.start < r.end and r.start < d.end for d in descriptions)]
        self.referents = sorted([*referents, *descriptions], key=lambda r: (r.start, -r.end))
        self.found: list[FoundStatement] = []
        self.covered: list[tuple[int, int]] = []

    def add(self, start: int, end: int, source: Referent, confidence: float, how: str,
            infinitive: bool = False) -> None:
        """Propose the clause at ``start``..``end`` as said by ``source``, unless it is no clause or
        another statement of the sentence already holds it."""
        clause = self.clause(start, end, infinitive)
        if clause is None or source.figure is None or any(s == clause.start for s, _ in self.covered):
            return
        attribution = self.attributor.attribution_of(source, confidence, how)
        if source.kind == "description":
            attribution = Attribution(attribution.figure, round(confidence - 0.2, 2),
                                      how + f"; “{self.attributor.text[source.start:source.end]}” is an unnamed "
                                            "source: name the speaker or delete")
        self.found.append(FoundStatement(clause, self.span, attribution))
        self.covered.append((clause.start, clause.end))

    def clause(self, start: int, end: int, infinitive: bool = False) -> Span | None:
        """The words ``start``..``end`` as a clause: cut at the next clause break, trimmed, at least
        three words, not mostly a quotation."""
        opening = start
        while start < end and self.masked[start] in " ,:":
            start += 1
        if _NOT_A_CLAUSE.match(self.masked, start) and not (infinitive and self.masked.startswith("to ", start)) or (
                "," in self.masked[opening:start] and _AFTER_COMMA.match(self.masked, start)):
            return None
        tail = _CLAUSE_TAIL.search(self.masked, start + 1, end)
        stop = tail.start() if tail else end
        while stop > start and self.masked[stop - 1] in " .,;:!?":
            stop -= 1
        words = self.masked[start:stop]
        quoted = sum(len(part) for part in re.findall(r"«x*»?", words))
        if len(words.split()) < 3 or quoted > 0.6 * len(words):
            return None
        return Span(start, stop)

    def source_before(self, offset: int) -> Referent | None:
        """The referent whose words end right before a cue at ``offset``."""
        return self.attributor.subject_before(self.referents, offset, self.span.start)

    def relative_source(self, offset: int) -> Referent | None:
        """The referent a "who" before a cue at ``offset`` stands for ("X, who said …")."""
        who = re.search(rf",\s+who{AUXILIARY}\s+$", self.masked[self.span.start : offset])
        if who is None:
            return None
        at = self.span.start + who.start()
        return next((r for r in reversed(self.referents) if r.end <= at and
                     re.fullmatch(APPOSITION, self.masked[r.end : at])), None)

    def read(self) -> list[FoundStatement]:
        """Every statement of the sentence, the cue-governed ones first."""
        body_end = self.span.end
        for cue in _CUE.finditer(self.masked, self.span.start, body_end):
            self.cue(cue)
        self.according()
        self.participles()
        return self.found

    def cue(self, cue: re.Match[str]) -> None:
        """The statement a cue governs: ``X cue Y`` or ``Y, X cue``."""
        word = cue.group()
        start, end = cue.start(), cue.end()
        source = self.source_before(start)
        if source is None and re.search(r"\s+and(?:\s+(?:also|then))?\s+$", self.masked[self.span.start : start]):
            source = self.attributor.main_subject(self.span, self.referents)
        if source is None:
            source = self.relative_source(start)
        if source is None:
            if cue["cue"]:
                self.inverted(start, end, word)
            return
        coordinated = re.search(r"(?:\band|(?:s|people|police)\s+(?:to|of|for|from|at|in|with)(?:\s+the)?)\s+$",
                                self.masked[max(self.span.start, source.start - 40) : source.start]) is not None
        if not coordinated and not _form_fits(word, self.masked[source.end : start],
                                              self.attributor.text[source.start : source.end]):
            return
        comma = re.search(r",[\s”»]*(?:(?:[A-Z][\w.’'-]*|of|the)\s+)*$", self.masked[self.span.start : source.start])
        tail = _TAIL.match(self.masked, end, self.span.end)
        if comma and tail and self.span.start + comma.start() > self.span.start + 8 and \
                not _LEADING.match(self.masked, self.span.start, self.span.start + comma.start() + 1):
            self.add(self.span.start, self.span.start + comma.start(), source, 0.85, f"“…, X {word}”")
            return
        if cue["weak"] or word.split()[0] in _NEEDS_OBJECT:
            that = _THAT.match(self.masked, end, self.span.end)
            if cue["weak"] and not that and not (source.kind == "description" and _EVIDENCE.search(
                    self.attributor.text[source.start : source.end])):
                return
            content = that.end() if that else end
        else:
            that = _THAT.match(self.masked, end, self.span.end)
            telling = re.fullmatch(_TELLING, word)
            told = _TOLD.match(self.masked, end, self.span.end) if telling else None
            bare = _BARE.match(self.masked, end, self.span.end)
            content = that.end() if that else told.end() if told else bare.end() if bare else end
            if telling and not (that or told) or _ONLY_ADJUNCTS.match(self.masked, content, self.span.end):
                return
        if self.masked[content : content + 1] in {"«", ""} and word.startswith(("said", "says", "say")):
            return
        if that and len(self.masked[content : self.span.end].split()) < 3:
            content = end
        self.add(content, self.span.end, source, 0.8, f"“X {word} …”", _INFINITIVE.fullmatch(word) is not None)

    def inverted(self, start: int, end: int, word: str) -> None:
        """``Y, said X`` (and a tail such as "in a statement"): X says what stands before the comma."""
        comma = re.search(r",\s*$", self.masked[self.span.start : start])
        if comma is None or not re.match(r"\s", self.masked[end : end + 1]):
            return
        source = self.attributor.referent_at(self.referents, end + 1)
        if source and _TAIL.match(self.masked, source.end, self.span.end):
            self.add(self.span.start, self.span.start + comma.start(), source, 0.85, f"“…, {word} X”")

    def according(self) -> None:
        """``according to X, Y`` and ``Y, according to X``."""
        for match in _ACCORDING.finditer(self.masked, self.span.start, self.span.end):
            source = next((r for r in self.referents if r.start >= match.end() and r.figure and
                           re.fullmatch(r"[^,;«]{0,40}", self.masked[match.end() : r.start])), None)
            if source is None:
                continue
            comma = re.match(r"[^,«]{0,60}?,\s+", self.masked[source.end : self.span.end])
            if comma and match.start() - self.span.start < 3:
                self.add(source.end + comma.end(), self.span.end, source, 0.8, "“according to X, …”")
            elif match.start() - self.span.start > 12:
                self.add(self.span.start, match.start(), source, 0.8, "“…, according to X”")

    def participles(self) -> None:
        """``…, saying (that) Y``: the speaker of the sentence's quotation, else its subject, says Y."""
        for match in _PARTICIPLE.finditer(self.masked, self.span.start, self.span.end):
            before = [r for r in self.referents if r.end <= match.start()]
            subject = self.attributor.main_subject(Span(self.span.start, match.start()), before)
            if self.quoted and (subject is None or subject.figure != self.quoted):
                source = Referent(match.start(), match.start(), self.quoted, "name")
            elif subject is not None:
                source = subject
            else:
                continue
            self.add(match.end(), self.span.end, source, 0.8, f"“…, {match.group().strip(', ')}” with its subject")


def statements_in(attributor: Attributor, sentence: Sentence, quoted: str | None = None) -> list[FoundStatement]:
    """Reported statements of one sentence; ``quoted`` is the speaker of its quotation, if any."""
    return _Reader(attributor, sentence, quoted).read()

