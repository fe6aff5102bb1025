"""Who said what: direct quotations and reported statements with their speakers.

The attribution forms of news English are read from the text around each quotation, with the
quotations themselves masked out so their words never look like attribution:

- after the quotation: ``“…,” X said`` / ``“…,” said X`` / ``“…,” he said`` /
  ``“…,” the press release quoted X as saying``;
- anywhere in the sentence: ``X was quoted as saying``, ``according to X``;
- before it: ``X said, “…”``, ``X described it as “…”`` (the referent nearest before the verb),
  and ``…, calling it “…”`` (a participle: the subject of the sentence);
- no attribution at all: a quotation standing alone continues the previous speaker.

A referent is a name (known by any alias, a surname, a title plus name), a pronoun (the last
person who was a subject), a role ("the top Iranian diplomat": the person most recently
named with that role and side), or a description ("officials", "the company": an unnamed
source, see :mod:`knowledge.extract.sources`). A quoted interview transcript gives each
"NAME:" label its own words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.extract.cast import Cast, Figure, Mention, slug, title_before
from knowledge.extract.reading import Quotation, Sentence, Span
from knowledge.extract.sources import (
    POSTMODIFIED,
    SPEECH_VERBS,
    THIRD_PERSON,
    TIME_ADVERBIAL,
    Referent,
    described,
)

PARTICIPLES = (
    r"saying|adding|asserting|noting|stressing|emphasi[sz]ing|calling|terming|describing|declaring|warning|"
    r"insisting|arguing|claiming|maintaining|highlighting|urging|explaining|stating|writing|hailing|vowing|"
    r"expressing|regretting|offering|pointing\s+out|reaffirming|reiterating|lauding|welcoming|asking|telling|"
    r"recalling|joking|quipping|complaining|promising|predicting|suggesting|shouting|chanting|yelling|boasting|"
    r"proclaiming|tweeting|posting"
)
_ANY_VERB = re.compile(rf"\b(?:(?P<finite>{SPEECH_VERBS})|(?P<participle>{PARTICIPLES}))\b")
_ADVERBS = r"(?:\s+(?:also|later|further|then|again|once\s+again|earlier|on\s+\w+|in\s+a\s+statement|has|had|have|"\
    r"once|would|will|often|previously|recently))*"
AUXILIARY = (r"(?:[’'](?:re|m|ve|d|ll)(?=\s))?"
             r"(?:\s+(?:has|have|had|is|are|was|were|would|will|did|does|do|may|might|could|also|later|further|"
             r"then|again|once\s+again|earlier|previously|repeatedly|recently|publicly|privately|often|long|"
             r"already|still|even|now|quickly|flatly|has\s+long|never|not|n[’']t|[a-z]+ly|rather|just|once|been|be|being|"
             r"won[’']t|can[’']t|cannot|can|should|must|himself|herself|itself|themselves|" + TIME_ADVERBIAL +
             r")(?:n[’']t)?)*"
             r"(?:[’'](?:s|ve|d|ll))?")
APPOSITION = (r"(?:\s*\([^()«»]{1,40}\))?(?:\s*,\s+(?!(?:and|but|or|which|that|as|because|when|while|if|so|then|"
              r"though|although|after|before|since)\b)(?:[^,«»]{1,120}?|[A-Z]-[A-Z][\w.]*|"
              r"(?:[^,«»]{1,80}?,\s+){1,3}and\s+[^,«»]{1,40}?),"
              r"|\s*,\s+[^,«»]{1,120}?\s(?:of|in|for)\s+«[^»\n]{1,60}»"
              r"|\s+(?:--|—|–)\s+[^«»—–]{1,160}?\s+(?:--|—|–))?")
_WHO_BEFORE = re.compile(rf",?\s+who{AUXILIARY}\s+$")
APPOSITIONS = re.compile(rf"(?:\s*\([^()«»]{{1,40}}\))?(?:\s*,\s+[^,«»;]{{1,120}}?){{1,4}}(?:,|\s+(?:--|—|–))"
                         rf"{AUXILIARY}\s+$")
_POSTMODIFIER_WORDS = (r"(?:\s+(?:of|in|at|for|from|with|on|inside|close\s+to|familiar\s+with|(?:speaking|talking)\s+"
                       r"(?:to|with)|released|published|"
                       r"conducted|commissioned|issued|obtained|cited|seen|who|whose)\s+(?:(?!\b(?:he|she|they|we|I)\b)[^,«;]){1,60}?"
                       r"(?<!\sand)(?<!\sbut))?")
_BEFORE_VERB = re.compile(rf"{_POSTMODIFIER_WORDS}(?:{APPOSITION}|(?:\s*\([^()«»]{{1,40}}\))?(?P<lone>,))"
                          rf"{AUXILIARY}\s+$")
_POST_VERB = re.compile(rf"{APPOSITION}{_ADVERBS}\s+(?:{SPEECH_VERBS})\b")
_DESCRIBED = r"(?P<words>(?:[a-z0-9][\w’'-]*,?\s+){0,2}?[A-Za-z][\w’'-]*)"
_DEFINITE_BEFORE_VERB = re.compile(r"[Tt]he\s+(?!(?:[a-z]+\s+)*?(?:he|she|they|it|we|you|i|who|that|which|and|or|"
                                   rf"but)\b){_DESCRIBED}{_POST_VERB.pattern}")
_DEFINITE_AT_END = re.compile(r"[Tt]he\s+(?!(?:\S+\s+){0,2}?(?:could|would|should|will|can|may|might|must|is|was|"
                              rf"are|were|has|had|have|did|does|do|not)\b){_DESCRIBED}"
                              r"(?=\s*(?:[,.;]|$)|\s+(?:who|in|at|on)\b)")
_TITLE_WORD = r"(?!(?:of|the|for|in|at|from|to|with|and|or|on)\s|[a-z]+ed\s)"
_TITLE_AFTER_PERSON = re.compile(rf"\s+(?:{_TITLE_WORD}[a-z][\w-]*\s+){{1,3}}")
_TITLE_AFTER_INSTITUTION = re.compile(rf"\s+(?:{_TITLE_WORD}[A-Za-z][\w-]*\s+){{1,3}}")
_HERE_IS = re.compile(r"\s*(?:Here|This)(?:’s|'s|\s+is)\s+")
_BEFORE_COLON = re.compile(r"[^:«»\n]{0,40}:\s*")
_INVERTED = re.compile(rf"[\s,;:—–-]*(?:{SPEECH_VERBS})\s+")
_TAIL_PHRASE = re.compile(r",?\s+[a-z][^«»,.;:!?\n]{0,80},\s+")
NO_SPEECH_VERB = "subject of the sentence (no speech verb)"
_NAME_COLON = re.compile(r"\s*:\s*(?=«)")
_QUOTED_AS = re.compile(r"\bquoted\s+")
_AS_SAYING = re.compile(r"\s+as\s+(?:saying|telling)\b")
_WAS_QUOTED = re.compile(r"\s+(?:was|is|were)\s+quoted\s+as\s+saying\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_FINITE_NEXT = re.compile(r"\s+(?:could|would|will|was|were|is|are|had|has|have|should|may|might|can|must|did|does|"
                          r"do)\b")
_IN_A_CARRIER = re.compile(r"\b(?:in|on|via|through)\s+(?:(?:a|an|the|his|her|its|their)\s+)?$")
_SPOKE_NOTHING = re.compile(rf"\b(?:{SPEECH_VERBS})(?:\s+(?:reporters|the\s+\w+))?"
                            r"(?:\s+(?:in|on|at|to|during)\s+(?:an?|the|his|her)\s+[\w\s-]{1,40}?)?[.:]?$")
_SIGNATURE_BELOW = re.compile(r"[^\S\n]*\n\s*[-—–―]+[^\S\n]*")
_ASKED_BY = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:asked|told|pressed|questioned|challenged|urged|warned)"
                       r"\s+by\s+")
_ANSWERED = re.compile(r"\b(?:said|says|replied|replies|answered|answers|responded|responds|and\s+(?:he|she|they))\b")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_IT = re.compile(rf"(?<!\bwhat\s)\b[Ii]t\b(?=(?:\s+\w+)?\s+(?:{SPEECH_VERBS})\b)")
_BARE_DEFINITE = re.compile(r"[Tt]he\s+(?P<head>[a-z]+)")
_ONE_PERSON = re.compile(r"\b(?:spokes(?:man|woman|person)|official|minister|diplomat|aide|advis[eo]r|commander|"
                         r"officer|envoy|ambassador|lawyer|witness|source|analyst|expert|resident|man|woman|teenager|mother|father|"
                         r"wife|husband|son|daughter|girl|boy|protester|demonstrator|attendee|participant|employee|"
                         r"worker|soldier|delegate|supporter|\d+-year-old)$")
_NAMING_DESCRIPTION = re.compile(r"(?:\s+\w+)?,\s+(?:the\s+)?|\s+(?:named|called|identified\s+as)\s+")
_HIM_AS_SAYING = re.compile(r"(him|her)\s+as\s+(?:saying|telling)\b")
_CARRIER = re.compile(r"(?:\b(?:statement|release|email|e-mail|memo|letter|message|note|post|tweet|video|ad|"
                      r"advertisement|filing|report)s?|\bto\s+(?:\w+\s+){0,2}\w+|\b(?:on|via)\s+(?:Facebook|Twitter|X|"
                      r"Instagram|Telegram|social\s+media))$")
_CONJUNCTION = r"(?:when|while|as|after|before|because|if|since|though|although|until|unless|and|but|or|where)\b"
_ONLY_ADVERBS = re.compile(r"(?:\s+[a-z]+ly)*\s*")
_UNKNOWN_SUBJECT = re.compile(r"\b(?:what|which|whom?|as)\s+(?:[A-Z][\w’'-]*\s+){1,3}$")
_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal)\s+(?:[\w.’'-]+\s+){0,3}$")
_GENERIC = re.compile(r"\b[Tt]he\s+(?P<head>ministry|department|agency|office|embassy|campaign|committee|commission|"
                      r"council|guards|corps|police|administration|foundation|party|newspaper|paper|outlet|network)\b")
_NON_PERSON = re.compile(
    r"\b(?:[Ii]t|[Tt]hey|(?:[Tt]he|[Aa]n?)\s+(?:\w+\s+){0,2}?(?:statement|press\s+release|ministry|office|"
    r"government|report|agency|embassy|spokesman’s\s+office|military|army|police|communique|readout))\b"
)
_ROLE_WORDS = (
    r"deputy\s+prime\s+minister|prime\s+minister|deputy\s+minister|foreign\s+minister|interior\s+minister|defen[cs]e\s+minister|"
    r"information\s+minister|army\s+chief|top\s+diplomat|diplomat|minister|president|premier|official|"
    r"counterpart|envoy|ambassador|spokesperson|spokesman|spokeswoman|general|commander|secretary|chief|leader|"
    r"senator|governor|nominee|candidate"
)
NAME_AFTER_COMMA = r",\s+(?:[A-Z][a-z]{0,3}\.\s+)?"
_APPOSED_NAME = re.compile(r"(?:(?:\s+[a-z][\w’'-]*){0,2}?\s+(?:" + _ROLE_WORDS + r"))?"
                           r"(?:\s+(?:of|for|at|in)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?" + NAME_AFTER_COMMA)
_ROLE = (
    r"\b(?:(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:(?:top|new|visiting|senior|former|chief)\s+)?)?"
    r"(?:(?P<side>(?-i:{sides}))(?:[’']s\s+(?:(?-i:[a-z]+)\s+){0,2}?|\s+))?(?P<role>" + _ROLE_WORDS +
    r")\b(?!\s+(?-i:[A-Z]))"
)
_ROLE_MODIFIERS = re.compile(r"\b[Tt]he\s+((?:[\w.’'-]+\s+){1,3})$")
_ROLE_MEANS = {
    "diplomat": ("foreign minister", "diplomat", "ambassador", "envoy"),
    "top diplomat": ("foreign minister",),
    "premier": ("prime minister", "premier"),
    "army chief": ("army chief", "gen", "general", "chief of army"),
    "general": ("gen", "general", "army chief"),
    "deputy minister": ("deputy minister",),
    "official": (),
    "envoy": ("envoy", "ambassador"),
    "ambassador": ("ambassador", "envoy"),
    "spokesman": ("spokes",),
    "spokeswoman": ("spokes",),
    "spokesperson": ("spokes",),
    "counterpart": (),
    "leader": (),
}
_LEADING_PHRASE = re.compile(
    r"^(?:[A-Z][a-z]+ing\b(?![’'])|[A-Z][a-z]{2,}ed\s+(?:by|at|with|in|on|from|to|for|after|about|over|into|through)\b|"
    r"In\b|On\b|At\b|During\b|After\b|Before\b|Following\b|Earlier\b|Later\b|"
    r"Meanwhile\b|Separately\b|Addressing\b|Speaking\b|Referring\b|Heading\b|With\b|For\b|While\b|As\b|"
    r"Asked\b|Pressed\b|Questioned\b|Like\b|Unlike\b|When\b|Although\b|Though\b|Because\b|Since\b|Once\b|"
    r"Until\b|Unless\b|If\b|Despite\b|Amid\b|Among\b|Under\b|Without\b|Throughout\b|Against\b|Given\b|"
    r"Ever\s+since\b|Even\s+(?:as|though|if|when|after|before)\b|Just\s+as\b|Now\s+that\b|Whenever\b|Whereas\b|"
    r"By\b|Of\b|From\b|Over\b|Through\b|Within\b|Across\b|Beyond\b|Outside\b|Inside\b|Upon\b|Last\b|Next\b|"
    r"Ahead\s+of\b|Instead\s+of\b|Thanks\s+to\b|Hours\b|Days\b|Weeks\b|Months\b|Years\b|Minutes\b)[^,]{0,160},\s*"
)

_SENTENCE_ADVERB = re.compile(r"(?:Moreover|However|Still|Indeed|Meanwhile|Additionally|Furthermore|Similarly|"
                              r"Likewise|Instead|Now|Then|But|And|Yet|So|Also|Separately|Nevertheless),\s+")
_DATELINE = re.compile(r"[A-Z][A-Z.’' -]+(?:,\s+(?:[A-Z][\w.]*(?:\s+\d{1,2})?|(?:19|20)\d{2}))*(?:\s+\([^()]{1,20}\))?"
                       r"\s+[—–-]{1,2}\s+")
_CLAUSE_SUBJECT = re.compile(r"(?:When|While|As|Although|Though|Because|If|Since|Once|After|Before|Until)\s+"
                             r"(?:(?:the|[A-Z][\w.’'-]*)\s+)*")

UNNAMED = "unnamed source"
_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.’'-]{2,}(?:\s+[A-Z][A-Z.’'-]+){0,2}):\s+(?=\S)")
_NOT_LABELS = frozenset({"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ", "BREAKING", "PHOTO",
                         "PHOTOS", "VIDEO", "CORRECTION", "RELATED", "MORE", "LISTEN", "SOURCE", "SOURCES"})


@dataclass(frozen=True)
class Attribution:
    """A speaker found for some words, how sure we are, and the words that say so."""

    figure: str | None
    confidence: float
    why: str


@dataclass(frozen=True)
class FoundQuote:
    """A direct quotation with its attribution and the sentence(s) around it."""

    quotation: Quotation
    evidence: Span
    attribution: Attribution
    standalone: bool
    heading: bool


def masked(text: str, quotations: list[Quotation]) -> str:
    """``text`` with every quotation (marks included) replaced by «xxx» of the same length."""
    characters = list(text)
    for quotation in quotations:
        start, end = quotation.marks.start, quotation.marks.end
        for position in range(start, end):
            if characters[position] != "\n":
                characters[position] = "x"
        characters[start], characters[end - 1] = "«", "»"
    return "".join(characters)


def after_dateline(text: str, start: int = 0) -> int:
    """Where the words at ``start`` begin after a wire dateline ("WASHINGTON, Dec. 8 (UPI) — ")."""
    dateline = _DATELINE.match(text, start)
    return dateline.end() if dateline else start


def _opening(sentence: str) -> int:
    """How many characters open ``sentence`` before its subject: a wire dateline ("WASHINGTON,
    Dec. 8 (UPI) — ") and a leading adverbial phrase ("In response to …, ")."""
    start = after_dateline(sentence)
    adverb = _SENTENCE_ADVERB.match(sentence, start)
    if adverb:
        start = adverb.end()
    rest = sentence[start:]
    lead = _LEADING_PHRASE.match(rest[:1].upper() + rest[1:])
    return start + (lead.end() if lead else 0)


def _role_matches(figure: Figure, role: str) -> bool:
    wanted = _ROLE_MEANS.get(role, (role,))
    titles = " | ".join(title.lower() for title in figure.titles)
    return not wanted or any(word in titles for word in wanted)


class Attributor:
    """Walks an article's sentences in order, keeping track of who was last the subject."""

    def __init__(self, text: str, quotations: list[Quotation], cast: Cast) -> None:
        self.text = text
        self.quotations = quotations
        self.cast = cast
        self.masked = masked(text, quotations)
        self.role = re.compile(_ROLE.replace("{sides}", cast.world.side_pattern), re.IGNORECASE)
        self.subjects: list[str] = []
        self.genders = _genders(self.masked, cast)
        self.last_institution: str | None = None
        self.last_group: str | None = None
        self.last_speaker: str | None = None
        self.narrated: tuple[int, str] | None = None
        self.spoke_until = -1
        self.last_unnamed: str | None = None
        self.newcomer: str | None = None
        self.named = sorted((m for m in cast.mentions if m.figure), key=lambda mention: mention.start)
        self.named_starts = [mention.start for mention in self.named]
        self.first_named = {m.figure: m.start for m in reversed(self.named)}

    def _inside_quotation(self, start: int) -> bool:
        return any(q.marks.start < start < q.marks.end for q in self.quotations)

    def resolve_role(self, role: str, side_words: str | None, offset: int,
                     modifiers: Sequence[str] = ()) -> str | None:
        """The person most recently named, before ``offset``, who fits a role and a side, and whose
        name or titles have every capitalised modifier of the role ("the New Jersey governor")."""
        side = self.cast.world.side_of(side_words or "")
        role = re.sub(r"\s+", " ", role.lower())
        candidates = self.cast.people_before(offset) or self.cast.people_after(offset)
        if side:
            candidates = [figure for figure in candidates if figure.side == side]
        if not side and role == "official":
            return None
        fitting = [figure for figure in candidates if _role_matches(figure, role) and
                   all(word in " ".join([figure.name, *figure.titles]) for word in modifiers)]
        if not side and len(fitting) > 1:
            fitting.sort(key=lambda figure: figure.id != self.last_speaker)
        chosen = fitting
        return chosen[0].id if chosen else None

    def generic_institution(self, head: str, offset: int) -> str | None:
        """The institution "the ministry" stands for: the last one named before ``offset`` whose
        name or kind has that word, else the last institution named."""
        named = [self.cast.figures[m.figure] for m in reversed(self.cast.mentions)
                 if m.figure and m.end <= offset and self.cast.figures[m.figure].institution]
        word = {"newspaper": "news outlet", "paper": "news outlet", "outlet": "news outlet",
                "network": "news outlet"}.get(head, head)
        for figure in named:
            if word in figure.name.lower() or word in (figure.institution or ""):
                return figure.id
        return None

    def referents(self, span: Span) -> list[Referent]:
        """Every referent inside ``span`` (outside quotations), in order."""
        found: list[Referent] = []
        within = self.named[bisect_left(self.named_starts, span.start) : bisect_left(self.named_starts, span.end)]
        for mention in within:
            if not self._inside_quotation(mention.start):
                assert mention.figure is not None
                found.append(Referent(mention.start, mention.end, mention.figure, "name"))
        window = self.masked[span.start : span.end]
        taken = [(r.start, r.end) for r in found]
        for match in self.role.finditer(window):
            start, end = span.start + match.start(), span.start + match.end()
            determined = not re.match(r"(?i)[a-z]+\s", match.group()) or match.group().split()[0].lower() in {
                "the", "his", "her"}
            if any(s < end and start < e for s, e in taken) or not (determined or match["side"]) or \
                    _INDEFINITE.search(window, 0, match.start()):
                continue
            if not determined and not match.group()[0].isupper() and not match["side"]:
                continue
            if self._in_title_of_name(start, end, found):
                taken.append((start, end))
                continue
            words = None if match["side"] else _ROLE_MODIFIERS.search(window, 0, match.start())
            modifiers = re.findall(r"\b[A-Z][\w.’'-]*", words.group(1)) if words else []
            figure = self.resolve_role(match["role"], match["side"], start, modifiers)
            found.append(Referent(start, end, figure, "role"))
            taken.append((start, end))
        for match in _PRONOUN.finditer(window):
            offset = span.start + match.start()
            pronoun = match.group().lower()
            found.append(Referent(offset, span.start + match.end(), self.cataphor(span, found, offset, pronoun) or
                                  self.pronoun_subject(pronoun, offset, self._antecedents(span, found, offset)),
                                  "pronoun"))
        for match in _IT.finditer(window):
            if self.last_institution:
                found.append(Referent(span.start + match.start(), span.start + match.end(), self.last_institution,
                                      "pronoun"))
                taken.append((span.start + match.start(), span.start + match.end()))
        for match in _GENERIC.finditer(window):
            start = span.start + match.start()
            if any(s <= start < e for s, e in taken):
                continue
            institution = self.generic_institution(match["head"], start)
            if institution:
                found.append(Referent(start, span.start + match.end(), institution, "role"))
                taken.append((start, span.start + match.end()))
        for match in _NON_PERSON.finditer(window):
            start = span.start + match.start()
            if not any(s <= start < e for s, e in taken):
                found.append(Referent(start, span.start + match.end(), None, "thing"))
        descriptions, apposed = [], []
        for d in described(self.masked, span, found, self.unnamed_source, self.last_group):
            d = self._same_unnamed(d)
            if self._apposed_to_name(d.end, span, found):
                apposed.append(d)
            elif not self._titles_name(d.end, found) and not any(
                    r.kind == "name" and d.start <= r.start and r.end < d.end and
                    re.search(r"\s\S+\s", self.masked[r.end : d.end]) for r in found):
                descriptions.append(d)
        found = [r for r in found if r.kind == "name" or not self._apposed_to_name(r.end, span, found) and
                 not (r.figure is None and any(d.start <= r.start and r.end <= d.end for d in apposed))]
        found = [r for r in found if r.figure or not any(d.start < r.end and r.start < d.end for d in descriptions)]
        return sorted([*found, *descriptions], key=lambda referent: (referent.start, -referent.end))

    def _same_unnamed(self, description: Referent) -> Referent:
        """A bare definite description ("the person", "the official") after an unnamed source of one
        person who has just spoken ("said a longtime adviser …") stands for that source when it has
        the same head, or when it is "the person" or "the source"."""
        bare = _BARE_DEFINITE.fullmatch(self.masked, description.start, description.end)
        last = self.last_unnamed
        if bare is None or last is None or last == description.figure:
            return description
        head = bare["head"].lower()
        if head in {"person", "source"} or _head_of(self.cast.figures[last].name) == head:
            return Referent(description.start, description.end, last, description.kind)
        return description

    def _apposed_to_name(self, end: int, span: Span, found: list[Referent]) -> bool:
        """True when a name follows ``end`` after a comma, with or without its title, or after a
        role and a comma ("the ministry spokesman, Omar Haddad,"; "the other candidate, former
        Secretary of State X,"): the role, thing or description ending there is that person's, and
        the name says who."""
        apposed = _APPOSED_NAME.match(self.masked[end : span.end])
        if apposed is not None and any(r.start == end + apposed.end() and r.kind == "name" for r in found):
            return True
        comma = re.match(r",\s+", self.masked[end : span.end])
        titled = self._titled_name_after(end, found) if comma else None
        return comma is not None and titled is not None and self._title_start(titled[0]) == end + comma.end()

    def _titled_name_after(self, end: int, found: list[Referent]) -> tuple[Referent, str] | None:
        """The first name at or after ``end`` and the title written before it, if it has one."""
        name = next((r for r in found if r.kind == "name" and r.start >= end), None)
        title = title_before(self.text, name.start) if name else None
        return (name, title) if name and title else None

    def _in_title_of_name(self, start: int, end: int, found: list[Referent]) -> bool:
        """True when ``start``..``end`` lies in the title written before the next name ("chief" in
        "chief executive Lowell McAdam"): it is that person's title, not a role of its own."""
        titled = self._titled_name_after(end, found)
        return titled is not None and self._title_start(titled[0]) <= start and \
            titled[0].start - end <= len(titled[1]) + 2

    def _titles_name(self, end: int, found: list[Referent]) -> bool:
        """True when the words from ``end`` to a name are lower-case words ending in its title
        ("Former Republican presidential candidate Jeb Bush"): what ends there modifies the title."""
        titled = self._titled_name_after(end + 1, found)
        return titled is not None and not titled[1].endswith(".") and bool(re.fullmatch(
            r"(?:\s+[a-z][\w’'-]*){0,2}\s+" + re.escape(titled[1]) + r"\s+", self.masked[end : titled[0].start]))

    def main_subject(self, sentence: Span, referents: list[Referent]) -> Referent | None:
        """The subject of the sentence: its first referent after any leading adverbial phrase; none
        when a group opens it ("Jaish al-Adl, which … lists as a terrorist organisation, said")."""
        after = self.subject_start(sentence)
        referents = [r for r in referents if not (r.kind == "description" and _IN_A_CARRIER.search(
            self.masked, max(0, r.start - 30), r.start))]
        first = next((r for r in referents if r.start >= after), None)
        group = next((m for m in self.cast.mentions if m.group and after <= m.start < sentence.end), None)
        if group and (first is None or group.start < first.start) and \
                re.fullmatch(r"(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){0,2}", self.masked[after : group.start]):
            return None
        if first is not None and (titled := self.titled_by(referents, first)):
            return titled
        if first is not None and first.kind == "description":
            apposed = next((r for r in referents if r.start > first.start), None)
            if apposed and apposed.kind == "name" and \
                    _NAMING_DESCRIPTION.fullmatch(self.masked[first.end : apposed.start]):
                return apposed
        return first or next(iter(referents), None)

    def titled_by(self, referents: list[Referent], owner: Referent) -> Referent | None:
        """The person ``owner`` titles ("White House press secretary X", "Clinton campaign manager
        X"): the name right after it when only words of a title stand between, lowercase ones
        after a person ("ACLU executive Director X" but not "X met Governor Y")."""
        following = next((r for r in referents if r.start > owner.end and r.kind == "name"), None)
        if following is None or owner.kind != "name":
            return None
        institution = owner.figure is not None and self.cast.figures[owner.figure].institution
        gap = _TITLE_AFTER_INSTITUTION if institution else _TITLE_AFTER_PERSON
        if not gap.fullmatch(self.masked, owner.end, following.start):
            return None
        return following if title_before(self.masked, following.start) else None

    def referent_at(self, referents: list[Referent], offset: int, loose: bool = False) -> Referent | None:
        """The referent at ``offset``, allowing a title before a name ("Deputy Minister X"), or,
        ``loose``, any four words of description ("said retired Air Force general X")."""
        gap = rf"(?:(?!{_CONJUNCTION})[\w/.’'-]+\s+){{0,4}}" if loose else r"(?:(?:[A-Z][\w.’'-]*|of|for|to|the)\s+)*"
        for referent in referents:
            if referent.start >= offset and re.fullmatch(gap, self.masked[offset : referent.start]):
                return referent
        return None

    def subject_before(self, referents: list[Referent], offset: int, sentence_start: int) -> Referent | None:
        """The referent whose words end right before a verb at ``offset``: an apposition ("X, a
        lawyer, said"; "X, who ..., said"), a prepositional phrase ("officials in the city said")
        or an auxiliary may stand between; a lone comma only after an apposed name ("the
        chairman, X, said"). Who a participle addresses ("a source speaking to Fox News said") is
        not its subject."""
        who = _WHO_BEFORE.search(self.masked, sentence_start, offset)
        if who and (named := next((r for r in referents if r.end == who.start() and r.kind == "name"), None)):
            return named
        verb = re.match(r"\w+", self.masked[offset:])
        for referent in reversed(referents):
            if verb and not self._agrees(referent, verb.group()) or \
                    _PARTICIPLE_OBJECT.search(self.masked, max(sentence_start, referent.start - 30), referent.start):
                continue
            gap = _BEFORE_VERB.fullmatch(self.masked, referent.end, offset) if referent.end <= offset else None
            if referent.kind == "name" and (holder := self._holder_from(referents, referent)):
                referent = holder
                gap = _BEFORE_VERB.fullmatch(self.masked, referent.end, offset) or gap
            if gap and (not gap["lone"] or referent.kind == "name" and any(
                    re.search(r",\s*(?:the\s+)?$", self.masked[sentence_start:start])
                    for start in (referent.start, self._title_start(referent))) or
                    self._title_start(referent) == self.subject_start(Span(sentence_start, offset)) and
                    gap.group().startswith((" (", "("))):
                return self._apposed_to(referents, referent, offset, sentence_start) or referent
        return None

    def _holder_from(self, referents: list[Referent], place: Referent) -> Referent | None:
        """The role ``place`` only says where from ("the senator from Vermont"): that role."""
        return next((r for r in referents if r.kind == "role" and r.figure and
                     re.fullmatch(r"\s+from\s+", self.masked[r.end : place.start])), None)

    def _title_start(self, referent: Referent) -> int:
        """Where ``referent`` begins with the title written before it ("Gov. X": at "Gov.")."""
        title = title_before(self.masked, referent.start)
        return self.masked.rfind(title, 0, referent.start) if title else referent.start

    def _agrees(self, referent: Referent, verb: str) -> bool:
        """False when a plural description ("his supporters") stands before a singular verb
        ("notes"), so cannot be its subject."""
        head = POSTMODIFIED.split(self.text[referent.start : referent.end])[0]
        return not (referent.kind == "description" and verb in THIRD_PERSON and
                    re.search(r"[^siu’']s$", head) is not None)

    def _apposed_to(self, referents: list[Referent], inner: Referent, offset: int,
                    sentence_start: int) -> Referent | None:
        """The named subject of the sentence when ``inner`` lies inside its appositions ("X, the
        editor of the Vatican's newspaper, L'Osservatore Romano, said": X, not the newspaper)."""
        after = sentence_start + _opening(self.masked[sentence_start:offset])
        first = next((r for r in referents if r.start >= after), None)
        if first is None or first is inner or first.kind != "name" or first.end > inner.start or \
                not _TITLE_WORDS.fullmatch(self.masked, after, first.start):
            return None
        return first if APPOSITIONS.fullmatch(self.masked, first.end, offset) else None

    def _named_at(self, referents: list[Referent], offset: int) -> Referent | None:
        referent = self.referent_at(referents, offset, loose=True)
        return referent if referent and referent.kind == "name" else None

    def attribution_of(self, referent: Referent, confidence: float, how: str) -> Attribution:
        """An attribution to ``referent``, less sure for a pronoun or a role, saying why."""
        words = self.text[referent.start : referent.end]
        if referent.kind == "pronoun":
            confidence -= 0.1
            how += f"; “{words}” taken as the last subject"
        elif referent.kind == "role":
            confidence -= 0.1
            how += f"; the role “{words}” taken as the person last named with it"
        if referent.figure is None:
            return Attribution(None, 0.2, how + f"; “{words}” is not a person in the article")
        return Attribution(referent.figure, round(confidence, 2), how)

    def attribute_words(self, start: int, end: int, context: Span, referents: list[Referent]) -> Attribution | None:
        """The speaker of the words at ``start``..``end`` (a quotation or a clause) within ``context``."""
        after = self.masked[end : context.end]
        gap = re.match(r"[\s,;:—–―-]*", after)
        position = end + (gap.end() if gap else 0)
        referent = self.referent_at(referents, position)
        described = self._named_at(referents, position)
        if described and described is referent:
            described = self.titled_by(referents, described)
        if (referent is None or not _POST_VERB.match(self.masked, referent.end)) and described and \
                _POST_VERB.match(self.masked, described.end):
            referent = described
        if referent and _POST_VERB.match(self.masked, referent.end):
            return self.attribution_of(referent, 0.95, "speaker named after the quotation (“…,” X said)")
        if referent is None and (described_after := self._described_speaker(
                _DEFINITE_BEFORE_VERB.match(self.masked, position), referents,
                "speaker described after the quotation (“…,” the tycoon said)")):
            return described_after
        if referent and gap and re.search(r"[—―]", gap.group()) and referent.kind == "name" and \
                re.match(r"[\s.]*(?:\n|$)", self.masked[referent.end : context.end + 1]):
            return self.attribution_of(referent, 0.9, "speaker signed after a dash (“…” ― X)")
        tail = _TAIL_PHRASE.match(self.masked, end)
        if tail and (referent := self.referent_at(referents, tail.end())) and referent.kind in {"name", "pronoun"} \
                and _POST_VERB.match(self.masked, referent.end):
            return self.attribution_of(referent, 0.9, "speaker named after the quotation and a phrase "
                                                      "(“…” for a reason, X said)")
        if tail and (verb := _INVERTED.match(self.masked, tail.end() - 1)) and \
                (referent := self.referent_at(referents, verb.end())) and referent.kind == "name":
            return self.attribution_of(referent, 0.9, "speaker named after the quotation and a phrase "
                                                      "(“…,” since …, said X)")
        labelled = _NAME_COLON.search(self.masked, context.start, start + 1)
        label = next((r for r in referents if labelled and labelled.end() == start and r.end == labelled.start()
                      and r.kind == "name"), None)
        first = next((r for r in referents if label and r.kind == "name" and
                      re.fullmatch(r"\s+and\s+", self.masked[r.end : label.start])), label)
        if first and re.search(r"(?:^|[—–―-])\s*$", self.masked[context.start : first.start]):
            return self.attribution_of(first, 0.85, "speaker named before a colon (X: “…”; X and Y: “…”)")
        inverted = _INVERTED.match(self.masked, end)
        if inverted and (referent := self.referent_at(referents, inverted.end()) or self._named_at(
                referents, inverted.end())) and not _FINITE_NEXT.match(self.masked, referent.end):
            return self.attribution_of(referent, 0.95, "speaker named after the quotation (“…,” said X)")
        if inverted and (described_after := self._described_speaker(
                _DEFINITE_AT_END.match(self.masked, inverted.end()), referents,
                "speaker described after the quotation (“…,” said the designer)")):
            return described_after
        presented = _HERE_IS.match(self.masked, context.start)
        if presented and (referent := next((r for r in referents if r.start == presented.end()), None)) and \
                referent.kind == "name" and _BEFORE_COLON.fullmatch(self.masked, referent.end, start):
            return self.attribution_of(referent, 0.85, "speaker presented before a colon (“Here’s X: “…””)")
        if quoted := self.quoted_as_saying(referents, context.start, context.end):
            return self.attribution_of(quoted, 0.95, "“quoted X as saying”")
        for referent in referents:
            if _WAS_QUOTED.match(self.masked, referent.end):
                return self.attribution_of(referent, 0.95, "“X was quoted as saying”")
        for match in _ASKED_BY.finditer(self.masked, context.start, start):
            referent = self.referent_at(referents, match.end(), loose=True)
            if referent and referent.kind != "thing" and not _ANSWERED.search(self.masked, referent.end, start):
                return self.attribution_of(referent, 0.85, "“Y was asked by X, “…””: X asks")
        for match in _ACCORDING.finditer(self.masked, context.start, context.end):
            referent = self.referent_at(referents, match.end())
            if referent and referent.kind != "thing":
                return self.attribution_of(referent, 0.9, "“according to X”")
        verbs = [m for m in _ANY_VERB.finditer(self.masked, context.start, start)]
        if verbs:
            verb = verbs[-1]
            subject = self.subject_before(referents, verb.start(), context.start)
            if subject and verb["finite"]:
                return self.attribution_of(subject, 0.9, f"subject of “{verb.group()}” before the quotation")
            before = [r for r in referents if r.end <= verb.start()]
            adjacent = bool(before) and _ONLY_ADVERBS.fullmatch(self.masked, before[-1].end, verb.start()) is not None \
                and self._agrees(before[-1], verb.group())
            if adjacent and verb["participle"] and _CARRIER.search(self.masked, context.start, before[-1].end):
                subject = self.main_subject(Span(context.start, before[-1].start), before[:-1])
                return self.attribution_of(subject, 0.8, f"subject of the sentence (“{verb.group()}”)") \
                    if subject else None
            if adjacent:
                return self.attribution_of(before[-1], 0.9, f"subject of “{verb.group()}” before the quotation")
            if verb["participle"] and (said := self.speaker_of_verb_before(referents, verbs[:-1], context)):
                return self.attribution_of(said, 0.85, f"“X said, {verb.group()} …”")
            if verb["participle"] and (doer := self._joined_participle_subject(referents, verbs, context)):
                return self.attribution_of(doer, 0.8, f"“X tweeting … and {verb.group()}”")
            if verb["finite"] and _UNKNOWN_SUBJECT.search(self.masked, context.start, verb.start()):
                return None
            if verb["participle"] and (doer := self._clause_subject(referents, verb.start(), context.start)):
                return self.attribution_of(doer, 0.8, f"subject of the clause before “{verb.group()}” (“as X …, "
                                                      f"{verb.group()} …”)")
            subject = self.main_subject(context, referents)
            if subject and subject.end <= verb.start():
                return self.attribution_of(subject, 0.8, f"subject of the sentence (“{verb.group()}”)")
        return None

    def _clause_subject(self, referents: list[Referent], participle: int, start: int) -> Referent | None:
        """The person named as subject of the clause a participle closes, when that clause opens
        with a conjunction inside the sentence ("It was a one-two punch, as Clinton echoed the
        criticism, saying …": Clinton, not "it")."""
        opened = [m for m in _CLAUSE_OPENING.finditer(self.masked, start, participle)]
        if not opened:
            return None
        subject = self.referent_at(referents, opened[-1].end())
        return subject if subject and subject.kind in {"name", "pronoun"} and subject.figure and \
            subject.end < participle else None

    def _described_speaker(self, description: re.Match[str] | None, referents: list[Referent],
                           how: str) -> Attribution | None:
        """The speaker a definite description after a quotation stands for ("the gambling tycoon"):
        the person a known role at its head means, else an unnamed source of its words; none when a
        name stands inside it ("the ministry spokesman, X,")."""
        if description is None or any(description.start() <= r.start < description.end() and r.kind == "name"
                                      for r in referents):
            return None
        head = next((r for r in referents if r.end == description.end("words") and r.figure), None)
        if head:
            return self.attribution_of(head, 0.9, how)
        return Attribution(self.unnamed_source(description["words"]), 0.8, how)

    def quoted_as_saying(self, referents: list[Referent], start: int, end: int) -> Referent | None:
        """The X of "… quoted X as saying" within ``start``..``end``: the one quoted, not who quotes."""
        for match in _QUOTED_AS.finditer(self.masked, start, end):
            referent = self.referent_at(referents, match.end())
            if referent and _AS_SAYING.match(self.masked, referent.end):
                return referent
            objective = _HIM_AS_SAYING.match(self.masked, match.end())
            if objective and (figure := self.pronoun_subject("he" if objective[1] == "him" else "she", match.end())):
                return Referent(match.end(), match.end() + len(objective[1]), figure, "pronoun")
        return None

    def _joined_participle_subject(self, referents: list[Referent], verbs: list[re.Match[str]],
                                   context: Span) -> Referent | None:
        """The subject of a participle that "and" joins to the last one ("with Trump tweeting that
        … and asking, “…”"): the referent right before the earlier participle."""
        last = verbs[-1]
        if not re.search(r"\band\s+$", self.masked[context.start : last.start()]):
            return None
        earlier = next((v for v in reversed(verbs[:-1]) if v["participle"]), None)
        before = [r for r in referents if earlier and r.end <= earlier.start()]
        if earlier is None or not before or \
                _ONLY_ADVERBS.fullmatch(self.masked, before[-1].end, earlier.start()) is None:
            return None
        return before[-1] if before[-1].kind in {"name", "pronoun"} else None

    def speaker_of_verb_before(self, referents: list[Referent], verbs: list[re.Match[str]],
                               context: Span) -> Referent | None:
        """Who the last finite speech verb before a participle has as its speaker ("Spicer said,
        adding …"; "“…,” said X, adding …"): its subject, or the referent right after it."""
        finite = next((v for v in reversed(verbs) if v["finite"]), None)
        if finite is None:
            return None
        return self.subject_before(referents, finite.start(), context.start) or \
            self.referent_at(referents, finite.end() + 1)

    def quote(self, quotation: Quotation, sentences: list[Sentence]) -> FoundQuote:
        """Attribute one quotation; call in reading order, so pronouns find the last subject."""
        first = next(s for s in sentences if s.span.end > quotation.marks.start)
        last = next((s for s in sentences if s.span.end >= quotation.marks.end), sentences[-1])
        index = sentences.index(first)
        before = sentences[index - 1] if index else None
        return self._quote(quotation, first, last, before)

    def signed_below(self, end: int) -> Attribution | None:
        """The speaker a quotation's next paragraph signs with a dash ("“…”" then "- Sanders.")."""
        dash = _SIGNATURE_BELOW.match(self.masked, end)
        if dash is None:
            return None
        line_end = self.masked.find("\n", dash.end())
        signature = Span(dash.end(), len(self.masked) if line_end < 0 else line_end)
        referent = self.referent_at(self.referents(signature), dash.end())
        if referent is None or referent.kind != "name":
            return None
        return self.attribution_of(referent, 0.85, "speaker signed below the quotation (“…” / – X)")

    def introduced(self, before: Sentence | None) -> Attribution | None:
        """The speaker a sentence ending with a colon introduces ("As Byler wrote:")."""
        if before is None or not self.masked[before.span.start : before.span.end].rstrip().endswith(":"):
            return None
        referents = self.referents(before.span)
        verbs = list(_ANY_VERB.finditer(self.masked, before.span.start, before.span.end))
        said = self.subject_before(referents, verbs[-1].start(), before.span.start) if verbs else None
        subject = said or self.main_subject(before.span, referents)
        return self.attribution_of(subject, 0.8, "introduced by the sentence before (“X wrote:”)") \
            if subject and subject.figure else None

    def _quote(self, quotation: Quotation, first: Sentence, last: Sentence,
               before: Sentence | None = None) -> FoundQuote:
        context = Span(first.span.start, max(last.span.end, quotation.marks.end))
        outside = re.sub(r"«[x\n]*»|[\s.,;:!?…]", "", self.masked[context.start : context.end])
        standalone = not outside
        referents = self.referents(context)
        attribution = self.attribute_words(quotation.marks.start, quotation.marks.end, context, referents)
        if attribution is None and standalone:
            attribution = self.signed_below(quotation.marks.end) or self.introduced(before)
        if attribution is None and standalone and before is not None and self.narrated and \
                self.narrated[0] == before.span.end and before.paragraph == first.paragraph and not first.is_heading:
            attribution = Attribution(self.narrated[1], 0.6, "no attribution: the subject of the sentence before, "
                                                             "in the same paragraph")
        if attribution is None and standalone and self.last_speaker and not first.is_heading:
            attribution = Attribution(self.last_speaker, 0.6, "no attribution: continues the previous speaker")
        if attribution is None and self.last_speaker and \
                _OPENING_PARTICIPLE.fullmatch(self.masked, context.start, quotation.marks.start):
            attribution = Attribution(self.last_speaker, 0.7, "a participle opens the sentence (“Adding, “…””): "
                                                              "the previous speaker continues")
        if attribution is None:
            subject = self.main_subject(context, referents)
            opens = not self.masked[context.start : quotation.marks.start].strip() and \
                not _ANY_VERB.search(self.masked, quotation.marks.end, context.end)
            if subject and subject.end <= self.subject_start(context) and self.last_speaker and \
                    not first.is_heading:
                attribution = Attribution(self.last_speaker, 0.5, f"{NO_SPEECH_VERB}; only its leading clause "
                                                                  "names anyone: the previous speaker continues")
            elif opens and self.last_speaker and before is not None and self.spoke_until == before.span.end and \
                    before.paragraph == first.paragraph and (subject is None or subject.kind != "name"):
                attribution = Attribution(self.last_speaker, 0.5, f"{NO_SPEECH_VERB}; a quotation opens it: the "
                                                                  "speaker of the sentence before continues")
            else:
                attribution = self.attribution_of(subject, 0.55, NO_SPEECH_VERB) if subject \
                    else Attribution(None, 0.0, "no speaker found")
        return FoundQuote(quotation, context, attribution, standalone, first.is_heading)

    def note_sentence(self, sentence: Sentence, speakers: list[str | None], quoted: int = 0) -> None:
        """Remember who spoke or was the subject, for pronouns and continuations that follow; after
        words no one could be found to have said, the next standalone quotation continues no one.
        When every source a sentence names is unnamed ("X wouldn’t say when the Senate will vote"),
        its named subject is still the last subject, and, when none of the first ``quoted`` speakers
        (those of its quotations) is anyone, the last speaker."""
        spoken = sorted((speaker for speaker in speakers if speaker),
                        key=lambda speaker: self.cast.figures[speaker].institution != UNNAMED)
        self.narrated = None
        self.newcomer = None
        self.last_unnamed = next((speaker for speaker in reversed(spoken) if self.cast.figures[speaker].institution
                                  == UNNAMED and _ONE_PERSON.search(_head_of(self.cast.figures[speaker].name))),
                                 self.last_unnamed)
        if spoken:
            self.last_speaker = spoken[-1]
            self.spoke_until = sentence.span.end
            self._note_subject(spoken[-1])
            if self.cast.figures[spoken[-1]].institution == UNNAMED:
                subject = self.main_subject(sentence.span, self.referents(sentence.span))
                if subject and subject.figure and subject.kind == "name":
                    if not any(speakers[:quoted]):
                        self.last_speaker = subject.figure
                    self._note_subject(subject.figure)
            return
        if speakers:
            self.last_speaker = None
        referents = self.referents(sentence.span)
        spoke = _SPOKE_NOTHING.search(self.masked, sentence.span.start, sentence.span.end)
        said = self.subject_before(referents, spoke.start(), sentence.span.start) if spoke else None
        if said and said.figure and said.kind == "name":
            self.last_speaker = said.figure
        subject = self.main_subject(sentence.span, referents)
        if subject and subject.figure:
            self._note_subject(subject.figure)
        self.newcomer = self._introduced_last(sentence.span, referents, subject)
        self.narrated = (sentence.span.end, subject.figure) if not speakers and subject and subject.figure and \
            subject.kind == "name" and not self.cast.figures[subject.figure].institution else None

    def _introduced_last(self, sentence: Span, referents: list[Referent], subject: Referent | None) -> str | None:
        """The person a sentence whose subject is no person ends by introducing, named for the first
        time and set off by an apposition ("That concerns Henry Crespo, president of the caucus."):
        the one a "he said" after it most likely quotes."""
        if subject is not None and subject.figure and self._one_person(subject.figure):
            return None
        for name in reversed([r for r in referents if r.kind == "name" and r.figure and r is not subject]):
            assert name.figure is not None
            if not self.cast.figures[name.figure].institution and \
                    _INTRODUCING_APPOSITION.match(self.masked, name.end, sentence.end):
                return name.figure if self.first_named[name.figure] == name.start else None
        return None

    def labelled(self, words: str) -> tuple[Attribution, int] | None:
        """The speaker of a transcript's ``NAME: …`` (the person of the article with that surname,
        else a new one; no one for "UPDATE:", "NOTE:" …) and where the spoken words begin; None for
        words with no such label."""
        match = _LABEL.match(words)
        if match is None:
            return None
        label = match["label"]
        if label.upper() in _NOT_LABELS:
            return Attribution(None, 0.0, f"“{label}:” labels no speaker"), match.end()
        surname = label.split()[-1].upper()
        known = next((figure for figure in reversed(self.cast.people_before(len(self.text)))
                      if figure.name.split()[-1].upper() == surname), None)
        if known is None:
            name = " ".join(word.capitalize() for word in label.split())
            known = self.cast.figures.setdefault(slug(name), Figure(slug(name), name, None))
        return Attribution(known.id, 0.85, f"transcript: “{label}:” before the words"), match.end()

    def unnamed_source(self, words: str) -> str:
        """The figure a description stands for ("officials", "a new poll"), made on first use."""
        ref = "unnamed-" + slug(words)
        if ref not in self.cast.figures:
            self.cast.figures[ref] = Figure(ref, words, None, institution=UNNAMED)
        return ref

    def _note_subject(self, figure: str) -> None:
        if self.cast.figures[figure].institution and self._one_person(figure):
            self.subjects = [*(s for s in self.subjects if s != figure), figure][-6:]
        if self.cast.figures[figure].institution:
            self.last_institution = figure
            if self.cast.figures[figure].institution == UNNAMED:
                self.last_group = figure
        else:
            self.subjects = [*(s for s in self.subjects if s != figure), figure][-6:]

    def subject_start(self, sentence: Span) -> int:
        """Where the subject of ``sentence`` may begin: after its dateline and any leading phrase."""
        return sentence.start + _opening(self.masked[sentence.start : sentence.end])

    def cataphor(self, span: Span, found: list[Referent], offset: int, pronoun: str) -> str | None:
        """The person a pronoun inside a sentence's leading phrase stands for when the main clause
        names them first ("In his assessment …, Calderon said"; "When she arrived, Clinton said")."""
        lead_end = self.subject_start(span)
        if offset >= lead_end:
            return None
        subject = next((r for r in found if r.start >= lead_end), None)
        if subject is None or subject.kind != "name" or subject.figure is None or \
                not self._may_be(pronoun, subject.figure) or \
                not re.fullmatch(r"(?:[A-Z][\w’'.-]*\s+)*", self.masked[lead_end : subject.start]):
            return None
        return subject.figure

    def _antecedents(self, span: Span, found: list[Referent], offset: int) -> list[str]:
        """The people named in ``span`` before a pronoun at ``offset`` that it may stand for: not
        those inside a leading prepositional phrase ("Asked about X, he said"), but the subject of
        a leading clause ("When X returned, he said")."""
        lead_end = self.subject_start(span)
        named = [r.figure for r in found if r.kind == "name" and r.figure and r.end <= offset and (
            r.start >= lead_end or _CLAUSE_SUBJECT.fullmatch(self.masked, span.start, r.start))]
        said = _SAID_BEFORE_PRONOUN.search(self.masked, span.start, offset)
        sayer = self.subject_before(found, said.start(), span.start) if said else None
        return [sayer.figure, *named] if sayer and sayer.kind == "name" and sayer.figure else named

    def pronoun_subject(self, pronoun: str, offset: int, named_before: list[str] | None = None) -> str | None:
        """The person "he" or "she" at ``offset`` stands for: the first person named earlier in its
        sentence (``named_before``), else the last subject, else the last person named, each only
        when its pronouns, where the article shows them, are not the other ones; no one when every
        such person is of the other pronoun."""
        candidates = [*(named_before or ()), *([self.newcomer] if self.newcomer else []), *reversed(self.subjects),
                      *(f.id for f in self.cast.people_before(offset))]
        return next((figure for figure in candidates if self._may_be(pronoun, figure)), None)

    def _may_be(self, pronoun: str, ref: str) -> bool:
        """True when "he" or "she" may stand for ``ref``: one person, whose pronouns, where the article
        shows them, are not the other ones."""
        figure = self.cast.figures[ref]
        gender = self.genders.get(ref) or (_noun_gender(figure.name) if figure.institution == UNNAMED else None)
        return gender != ("f" if pronoun == "he" else "m") and self._one_person(ref)

    def _one_person(self, ref: str) -> bool:
        """A person, or an unnamed source that is one ("a foreign ministry spokesman")."""
        figure = self.cast.figures[ref]
        return not figure.institution or figure.institution == UNNAMED and bool(_ONE_PERSON.search(figure.name))


_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s")
_NOT_A_SUBJECT = re.compile(r"(?:\b(?:to|for|against|with|than|by|about|of|from|on|at|over|like|between|among|"
                             r"under|into|behind|toward|towards|through|without|upon|and|or)\s+(?:[A-Z][\w.’'-]*\s+)*|«[^»]*)$")
_INTRODUCING_APPOSITION = re.compile(r",\s+(?:the\s+|an?\s+)?[a-z][\w-]*[^;:!?«»]*$")
_PARTICIPLE_OBJECT = re.compile(r"\b[a-z]{3,}ing\s+(?:to|with)\s+(?:the\s+)?$")
_OPENING_PARTICIPLE = re.compile(rf"\s*(?:(?:And|Then|Later)\s+)?(?i:{PARTICIPLES})\s*[,:]?\s*")
_POSSESSIVE = re.compile(r"[’']s?\s")
_RELATIVE_AFTER = re.compile(r"\b(?:who|whom|whose|which)\b")
_TITLE_WORDS = re.compile(r"(?:(?:[A-Z\d][\w.’'-]*|the|of|for|and)\s+)*")
_SAID_BEFORE_PRONOUN = re.compile(r"\b(?:said|says|added|argued|insisted|acknowledged)\s+(?:that\s+)?$")
_CLAUSE_OPENING = re.compile(r"(?:,|\s[—–―-])\s+(?:and\s+)?(?:as|while|when|after|because|since|though|although)\s+")
_OPENING_PRONOUN = re.compile(r"(?:He|She)\b")
_HE = re.compile(r"\b(?:[Hh]e|his|His|himself)\b")
_SHE = re.compile(r"\b(?:[Ss]he|her|Her|hers|herself)\b")


def _head_of(description: str) -> str:
    """The head word of an unnamed source's words: the last before a prepositional postmodifier
    ("adviser" in "longtime adviser to the mayor")."""
    words = re.split(r"\s+(?:to|of|at|for|with|in|from|on|who|close)\s", description.lower(), maxsplit=1)[0].split()
    return words[-1] if words else ""


_FEMININE = re.compile(r"(?i)\b(?:woman|mother|wife|daughter|sister|girl|grandmother|aunt|niece|widow|actress|"
                       r"congresswoman|spokeswoman|chairwoman|businesswoman|mom)$")
_MASCULINE = re.compile(r"(?i)\b(?:man|father|husband|son|brother|boy|grandfather|uncle|nephew|widower|actor|"
                        r"congressman|spokesman|chairman|businessman|dad)$")


def _noun_gender(description: str) -> str | None:
    """"f" or "m" when a description's head noun tells ("his wife", "a local man")."""
    return "f" if _FEMININE.search(description) else "m" if _MASCULINE.search(description) else None


def _opens_sentence(text: str, before: Mention | None, mention: Mention) -> bool:
    """True when no other person is named between the start of ``mention``'s sentence and it, so
    that a pronoun opening the next sentence may stand for it ("Clinton bashed Trump's plan. She …")."""
    return before is None or before.figure == mention.figure or "\n" in text[before.end : mention.start] \
        or bool(_SENTENCE_END.search(text, before.end, mention.start))


def _genders(text: str, cast: Cast) -> dict[str, str]:
    """"m" or "f" for people whose pronouns the article shows: those that follow their mentions
    (outside quotations, in ``text`` as :func:`masked` gives it) in the same sentence or open the
    next one, and Mr./Mrs./Ms. before their names. A mention after a preposition or a conjunction
    ("her ties to Obama. She …"), a possessive ("endorsed Park’s approach, saying she …") or one
    inside a quotation tells nothing."""
    counts: dict[str, list[int]] = {}
    mentions = [m for m in cast.mentions if m.figure and not cast.figures[m.figure].institution]
    for index, mention in enumerate(mentions):
        assert mention.figure is not None
        stop = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        line = text[mention.end : min(stop, mention.end + 240)].split("\n", 1)[0]
        end = _SENTENCE_END.search(line)
        told = not _NOT_A_SUBJECT.search(text, max(0, mention.start - 40), mention.start) and \
            not _POSSESSIVE.match(text, mention.end) and text[mention.start : mention.end].strip("x")
        window = "" if not told else line[: end.start() + 1] if end else line
        relative = _RELATIVE_AFTER.search(window)
        window = window[: relative.start()] if relative and window[: relative.start()].strip(" ,-–—") else window
        if window and end and _opens_sentence(text, mentions[index - 1] if index else None, mention) \
                and (opening := _OPENING_PRONOUN.match(line, end.end())):
            window += " " + opening.group()
        tally = counts.setdefault(mention.figure, [0, 0])
        honorific = text[max(0, mention.start - 6) : mention.start]
        tally[0] += len(_HE.findall(window)) + 3 * ("Mr." in honorific)
        tally[1] += len(_SHE.findall(window)) + 3 * bool(re.search(r"M(?:rs|s)\.", honorific))
    return {figure: "m" if he > she else "f" for figure, (he, she) in counts.items() if he != she}
