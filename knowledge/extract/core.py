"""The pure core: article text in, reviewable proposals out.

``propose(text, directory, published=None)`` returns :class:`Proposals`: curated-file entries
(``QuoteEntry``, ``EventEntry``, ``ThreatEntry``, ``PersonEntry``, ``GroupEntry``,
``ExclusionEntry``) each with a confidence and the reason for it, ready for a curator to check.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from pydantic import BaseModel

from knowledge.dates import WEEKDAYS, DateError, resolve
from knowledge.extract.attribution import NO_SPEECH_VERB, Attribution, Attributor, FoundQuote
from knowledge.extract.cast import Cast, Directory, find_cast
from knowledge.extract.happenings import (
    DatePhrase,
    GroupAt,
    continuation,
    date_phrases,
    is_caption,
    most_precise,
    reports_past,
    split_clauses,
    threats_in,
)
from knowledge.extract.reading import (
    WIRE_DATELINE,
    Quotation,
    Sentence,
    Span,
    find_dateline,
    find_quotations,
    find_wire_dateline,
    latest_full_date,
    paragraph_spans,
    sentence_spans,
)
from knowledge.extract.reported import FoundStatement, statements_in
from knowledge.models import (
    DateSpan,
    EventEntry,
    ExclusionEntry,
    GroupEntry,
    InstitutionEntry,
    PersonEntry,
    QuoteEntry,
    RoleEntry,
    SourceEntry,
    ThreatEntry,
)
from knowledge.names import normalize

Entry = TypeVar("Entry", bound=BaseModel)


@dataclass(frozen=True)
class Proposal(Generic[Entry]):
    """One proposed curated entry, how sure the extractor is (0-1), and why."""

    entry: Entry
    confidence: float
    why: str


@dataclass(frozen=True)
class Published:
    """The publication date used to resolve date phrases, and where it came from."""

    day: date | None
    basis: str
    certain: bool


@dataclass
class Proposals:
    """Everything proposed for one article."""

    source: SourceEntry | None
    published: Published
    quotes: list[Proposal[QuoteEntry]] = field(default_factory=list)
    events: list[Proposal[EventEntry]] = field(default_factory=list)
    threats: list[Proposal[ThreatEntry]] = field(default_factory=list)
    people: list[Proposal[PersonEntry]] = field(default_factory=list)
    institutions: list[Proposal[InstitutionEntry]] = field(default_factory=list)
    groups: list[Proposal[GroupEntry]] = field(default_factory=list)
    exclusions: list[ExclusionEntry] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def publication(text: str, given: date | None) -> Published:
    """The publication date: as given, from a dateline, or a weak guess from the text."""
    if given is not None:
        return Published(given, "given by the curator (--published)", True)
    dateline = find_dateline(text)
    if dateline:
        return Published(dateline[0], f"dateline “{dateline[1]}”", True)
    guess = latest_full_date(text)
    if guess:
        return Published(guess[0], f"ASSUMED from the latest full date in the text, “{guess[1]}”; "
                                   "pass --published YYYY-MM-DD to be sure", False)
    wire = find_wire_dateline(text)
    if wire:
        return Published(None, f"NEEDED: the dateline “{wire[2]}” gives no year{_years_fitting(text, wire)}; "
                               "pass --published YYYY-MM-DD", False)
    return Published(None, "NEEDED: no dateline and no full date in the text; pass --published YYYY-MM-DD", False)


def _years_fitting(text: str, wire: tuple[int, int, str]) -> str:
    """The recent years in which a year-less dateline's day falls on the weekday its lead names ("on
    Monday"), as a hint for the curator: ", and 19 Aug is a Monday in 2024, 2019 and 2013"."""
    month, day, line = wire
    lead = text[text.find(line) + len(line):][:600].split("\n")[0]
    named = re.search(r"\b(?:on|this|last)\s+(" + "|".join(WEEKDAYS) + r")\b", lead, re.IGNORECASE)
    if not named:
        return ""
    weekday = WEEKDAYS[named[1].lower()]
    years = []
    for year in range(date.today().year, date.today().year - 15, -1):
        try:
            if date(year, month, day).weekday() == weekday:
                years.append(str(year))
        except ValueError:
            continue
    if not years:
        return ""
    shown = ", ".join(years[:-1]) + f" and {years[-1]}" if len(years) > 1 else years[0]
    return f", and {day} {calendar.month_abbr[month]} is a {named[1].title()} in {shown}"


def _headline(text: str, sentences: list[Sentence]) -> str:
    for sentence in sentences[:6]:
        words = sentence.span.text(text)
        if len(words.split()) >= 5:
            return words
    return sentences[0].span.text(text) if sentences else ""


class _Ids:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, *parts: str) -> str:
        words = normalize(" ".join(parts)).split()
        base = "-".join(words[:7]) or "fact"
        candidate, number = base, 2
        while candidate in self.used:
            candidate, number = f"{base}-{number}", number + 1
        self.used.add(candidate)
        return candidate


def _short(text: str, words: int = 8) -> str:
    return " ".join(re.sub(r"[“”\"‘’]", "", text).split()[:words])


def propose(text: str, directory: Directory, published: date | None = None) -> Proposals:
    """Propose the quotes, events, threats, people and groups of an article for review."""
    when = publication(text, published)
    paragraphs = paragraph_spans(text)
    quotations = find_quotations(text, paragraphs)
    sentences = sentence_spans(text, paragraphs, quotations)
    cast = find_cast(text, directory)
    attributor = Attributor(text, quotations, cast)
    ids = _Ids()
    source = None
    if when.day is not None:
        source = SourceEntry(headline=_headline(text, sentences), published=when.day, precision="day",
                             basis=when.basis)
    result = Proposals(source, when)
    dateline = find_dateline(text)
    written = dateline[1] if dateline else (wire[2] if (wire := find_wire_dateline(text)) else None)
    dateline_at = text.find(written) if written else -1
    in_dateline = Span(dateline_at, dateline_at + len(written)) if written else Span(0, 0)
    if not when.certain:
        result.notices.append(f"publication date {when.basis}")

    by_sentence: dict[int, list[Quotation]] = {}
    for quotation in quotations:
        index = next(i for i, s in enumerate(sentences) if s.span.end > quotation.marks.start)
        by_sentence.setdefault(index, []).append(quotation)

    seen_quotes: set[tuple[str, str | None]] = set()
    timeline = _Timeline(when)
    last_day: date | None = None
    for index, sentence in enumerate(sentences):
        words = sentence.span.text(text)
        outside = attributor.masked[sentence.span.start : sentence.span.end]
        phrases = [] if sentence.is_heading else [
            found for found in date_phrases(outside, sentence.span.start, when.day, last_day)
            if not in_dateline.contains(found.start)]
        best = most_precise(phrases)
        speakers: list[str | None] = []
        pending: list[tuple[FoundQuote, list[tuple[str, str]], int]] = []
        for quotation in by_sentence.get(index, []):
            found = attributor.quote(quotation, sentences)
            attribution = found.attribution
            speakers.append(attribution.figure)
            quote_text = found.quotation.words.text(text)
            key = (normalize(quote_text), attribution.figure)
            if key in seen_quotes:
                continue
            pieces = _pieces(text, paragraphs, found.quotation, found.evidence)
            transcript = _transcript(attributor, pieces)
            if transcript:
                seen_quotes.add(key)
                for evidence, piece, said in transcript:
                    speakers.append(said.figure)
                    _add_quote(result, ids, cast, evidence, piece, "direct", said, None, 1)
                continue
            opening = found.quotation.marks.start
            by_person = attribution.figure is not None and not cast.figures[attribution.figure].institution
            unspoken = _not_speech(quote_text, attribution, text[max(0, opening - 60) : opening],
                                   found.heading or _title_cased(found.evidence.text(text), quote_text), by_person)
            if attribution.figure is None or (found.heading and found.standalone) or unspoken:
                reason = unspoken or ("no speaker found" if attribution.figure is None
                                      else "a heading with no attribution")
                exclusion = ExclusionEntry(text=quote_text, reason=f"{reason}: check by hand")
                if exclusion not in result.exclusions:
                    result.exclusions.append(exclusion)
                continue
            seen_quotes.add(key)
            pending.append((found, pieces, len(speakers) - 1))
        quoted = next((s for s in reversed(speakers) if s), None)
        quoted_count = len(speakers)
        statements = statements_in(attributor, sentence, quoted, sentences[index - 1] if index else None)
        for found, pieces, spoken in pending:
            attribution = _echoed(found.quotation.words.text(text), _within_statement(found, statements),
                                  result.quotes)
            speakers[spoken] = attribution.figure
            for evidence, piece in pieces:
                _add_quote(result, ids, cast, evidence, piece, "direct", attribution,
                           best.phrase if best and not found.heading else None, found.quotation.paragraphs)
        for statement in statements:
            if not statement.aside:
                speakers.append(statement.attribution.figure)
            if statement.attribution.figure:
                _add_quote(result, ids, cast, words, statement.text.text(text), "reported", statement.attribution,
                           best.phrase if best else None, 1)
        attributor.note_sentence(sentence, speakers, quoted_count)
        if not sentence.is_heading and not is_caption(paragraphs[sentence.paragraph].text(text)):
            timeline.date(result, ids, cast, sentence, words, outside, phrases)
            last_day = timeline.last_day or last_day
        if not sentence.is_heading:
            speaker = next((s for s in reversed(speakers) if s), None)
            paragraph = paragraphs[sentence.paragraph]
            _add_threats(result, ids, cast, sentence, words, outside, speaker, best.phrase if best else None,
                         attributor.masked[paragraph.start : paragraph.end])

    lead = next((s.span.text(text) for s in sentences
                 if not s.is_heading and len(re.findall(r"[a-z]+", s.span.text(text))) >= 6), None)
    _lead_speaks_for(result, cast, lead)
    _add_people_and_groups(result, cast)
    if not result.quotes:
        result.notices.append("no quotations found")
    return result


_TITLE_CASE = re.compile(r"(?:(?:[A-Z0-9][\w’'.:-]*|of|the|a|an|and|in|on|for|to|at|by|is|are)[ ,]*){1,8}[.?!]?")


_SPOKEN_RIGHT_BEFORE = re.compile(r"\b(?:said|says|saying|added|adding|wrote|writing|tweeted|tweeting|read|reads|"
                                  r"reading|chanted|chanting|shouted|shouting|yelled|yelling|screamed|screaming|"
                                  r"sang|singing|exclaimed|declared|declaring)[,:]?\s*$")
_SPEAKER_NAMED_BESIDE = ("speaker named after the quotation", "speaker named before a colon")
_CALLED = r"(?:it|him|her|them|himself|herself|themselves|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
_CALLED_IT = re.compile(
    rf"(?:\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|label(?:s|ed|led|ling)?|brand(?:s|ed|ing)?)\s+"
    rf"(?:{_CALLED}|(?:the|his|her|their|its)\s+[\w’'-]+)|\bdescrib(?:e|es|ed|ing)\s+{_CALLED}\s+as)"
    r"(?:\s+(?:an?|the|his|her|their|its|as))?\s+$")
_NAMES_A_TITLE = re.compile(r"(?:\b(?:[Oo]n|[Ii]n|[Tt]o|[Ff]rom|[Oo]f)\s+[A-Z][\w&.-]*(?:\s+[\w&.-]+){0,3}?[’']s?|"
                            r"\b(?:show|programme|program|book|film|movie|song|album|column|headline|series|"
                            r"titled|entitled|called))\s+$")


def _title_cased(sentence: str, quoted: str) -> bool:
    """True for a headline written in title case ("Issa: Hillary Clinton’s ‘Honesty Is In Question.’"):
    every word of four letters or more outside the quotation capitalised, and at least three of them."""
    long = [word for word in re.findall(r"[A-Za-z][\w’'-]{3,}", sentence.replace(quoted, " "))]
    return len(long) >= 3 and all(word[0].isupper() for word in long)


def _not_speech(words: str, attribution: Attribution, before: str = "", heading: bool = False,
                by_person: bool = False) -> str | None:
    """Why quoted words are not speech: a title ("Face the Nation") not followed by its speaker
    ("“Nusra is Al Qaeda,” Kerry said" is speech) or named as a show, book or film by the words
    before it ("on NBC's “Meet the Press”"), though in a headline every word is capitalised; or a
    term in scare quotes with no speech verb near it, unless a person calls someone or something
    by it ("Sanders calls it the “big enchilada”"; a side's or an institution's own term for a
    group stays a term)."""
    count = len(words.split())
    capitals = sum(1 for word in words.split() if word[:1].isupper())
    named_title = _NAMES_A_TITLE.search(before) is not None
    spoken = _SPOKEN_RIGHT_BEFORE.search(before) is not None or attribution.why.startswith(_SPEAKER_NAMED_BESIDE)
    if 2 <= count <= 8 and capitals >= max(2, count - 2) and _TITLE_CASE.fullmatch(words.strip()) \
            and (named_title or not heading and not spoken):
        return "a title in quotation marks (a show, a book, a name): not speech"
    if count <= 2 and attribution.why.startswith(NO_SPEECH_VERB) and not (by_person and _CALLED_IT.search(before)):
        return "a term in quotation marks with no speech verb (scare quotes)"
    return None


def _pieces(text: str, paragraphs: list[Span], quotation: Quotation, evidence: Span) -> list[tuple[str, str]]:
    """A quotation as (evidence, text) pairs: one per paragraph when it runs over several."""
    if quotation.paragraphs == 1:
        return [(evidence.text(text), quotation.words.text(text))]
    pieces = []
    for paragraph in paragraphs:
        start, end = max(quotation.words.start, paragraph.start), min(quotation.words.end, paragraph.end)
        if start < end:
            words = text[start:end].strip().lstrip("“\"'").rstrip("”\"'").rstrip(",; ")
            if words:
                pieces.append((paragraph.text(text), words))
    return pieces


def _transcript(attributor: Attributor, pieces: list[tuple[str, str]]) -> list[tuple[str, str, Attribution]]:
    """The pieces of a quoted interview transcript ("NAME: …" paragraphs), each with the speaker
    its label names (a piece with no label continues the one before, a label naming no one ends it);
    [] when the first has none."""
    found: list[tuple[str, str, Attribution]] = []
    for evidence, piece in pieces:
        labelled = attributor.labelled(piece)
        if labelled is None and not found:
            return []
        said, start = labelled or (found[-1][2], 0)
        if said.figure is None:
            break
        if piece[start:].strip():
            found.append((evidence, piece[start:], said))
    return found


def _echoed(words: str, attribution: Attribution, earlier: list[Proposal]) -> Attribution:
    """Quoted words with no speech verb that repeat, of three words or more, a phrase the article
    first quoted someone as saying ("Trump told CNN his policy would be “to go after them”. What
    “go after them” means …") are that speaker's; else ``attribution``. Words found inside a
    longer quotation are left alone: a common phrase ("law and order") is no echo."""
    said = normalize(words)
    if not attribution.why.startswith(NO_SPEECH_VERB) or len(said.split()) < 3:
        return attribution
    source = next((proposal.entry for proposal in earlier if proposal.entry.kind == "direct"
                   and f" {said} " in f" {normalize(proposal.entry.text)} "
                   and len(proposal.entry.text.split()) <= len(said.split()) + 2), None)
    if source is None or source.speaker == attribution.figure:
        return attribution
    return Attribution(source.speaker, min(attribution.confidence, 0.6), "repeats words quoted before of its speaker")


def _within_statement(found: FoundQuote, statements: list[FoundStatement]) -> Attribution:
    """A quotation with no speech verb of its own that lies inside a reported statement of its
    sentence ("While Ryan laid out a vision for “a reformed tax code,” Carson …") is the
    statement's source's words; else its own attribution."""
    attribution = found.attribution
    marks = found.quotation.marks
    if not attribution.why.startswith(NO_SPEECH_VERB):
        return attribution
    holder = next((statement for statement in statements if statement.attribution.figure and not statement.aside
                   and statement.text.start <= marks.start and marks.end <= statement.text.end + 1), None)
    if holder is None or holder.attribution.figure == attribution.figure:
        return attribution
    return Attribution(holder.attribution.figure, min(attribution.confidence, holder.attribution.confidence),
                       f"inside words reported of its speaker ({holder.attribution.why})")


def _add_quote(result: Proposals, ids: _Ids, cast: Cast, evidence: str, quote_text: str, kind: str,
               attribution: Attribution, date_phrase: str | None, paragraphs: int) -> None:
    speaker = attribution.figure
    assert speaker is not None
    note = "the quotation runs over several paragraphs" if paragraphs > 1 else None
    entry = QuoteEntry(
        id=ids.make(speaker.split("-")[-1], _short(quote_text, 6)), speaker=speaker,
        kind="direct" if kind == "direct" else "reported", text=quote_text, evidence=evidence,
        date_phrase=date_phrase, note=note,
    )
    confidence = attribution.confidence if kind == "direct" else min(attribution.confidence, 0.8)
    if not cast.figures[speaker].known:
        confidence -= 0.05
    result.quotes.append(Proposal(entry, round(confidence, 2), attribution.why))


def _add_event(result: Proposals, ids: _Ids, cast: Cast, sentence: Sentence, words: str, phrase: str | None,
               resolve_as: str | None, when: Published, confidence: float, why: str) -> None:
    actors = [m.figure or m.group for m in cast.mentions
              if sentence.span.start <= m.start < sentence.span.end and (m.figure or m.group)]
    summary = WIRE_DATELINE.sub("", re.sub(r"^[A-Z][A-Z /]+(?:—[^:]*)?:\s*", "", words), count=1)
    if not summary or any(p.entry.evidence == words and p.entry.date_phrase == phrase
                          for p in result.events):
        return
    entry = EventEntry(
        id=ids.make(_short(summary, 7)), summary=summary, evidence=words, date_phrase=phrase,
        resolve_as=resolve_as, actors=list(dict.fromkeys(a for a in actors if a)),
    )
    if not when.certain:
        confidence -= 0.25
        why += "; publication date not certain"
    result.events.append(Proposal(entry, round(confidence, 2), why))


def _dated(phrase: DatePhrase) -> tuple[str, str | None, float, str]:
    why = f"dated by “{phrase.phrase}”" + (f", read as {phrase.resolve_as}" if phrase.resolve_as else "")
    return phrase.phrase, phrase.resolve_as, 0.85 if phrase.resolve_as is None else 0.6, why


class _Timeline:
    """Dates the happenings of each sentence, in reading order: by the sentence's own phrases (one
    event for the main clause, one for a subordinate clause with a date of its own), by the period
    the narrative is in ("Meanwhile, …", "The attack had followed …"), or, in the lead, by the
    publication date."""

    def __init__(self, when: Published) -> None:
        self.when = when
        self.period: tuple[str, int] | None = None
        self.days: set[DateSpan] = set()
        self.last_day: date | None = None
        self.body: list[int] = []

    def date(self, result: Proposals, ids: _Ids, cast: Cast, sentence: Sentence, words: str, outside: str,
             phrases: list[DatePhrase]) -> None:
        """Propose the events of one sentence and remember the narrative's period."""
        if len(re.findall(r"[a-z]+", outside)) >= 6 and sentence.paragraph not in self.body:
            self.body.append(sentence.paragraph)
        main, aside = split_clauses(outside, sentence.span.start, phrases)
        first, second = most_precise(main), most_precise(aside)
        carried = continuation(outside)
        dated: list[tuple[str | None, str | None, float, str]] = []
        if first is not None:
            dated.append(_dated(first))
        elif carried is not None and self.period and sentence.paragraph - self.period[1] <= 3:
            period = self._since(carried, aside) or self.period[0]
            dated.append((carried or None, period, 0.5, f"carries on the narrative of “{period}”"))
            self.period = (period, sentence.paragraph)
        elif second is None and sentence.paragraph in self.body[:2] and reports_past(outside) \
                and not re.search(r"«|\b(?:will|would|could|should|may|might|(?:is|are)\s+(?:due|set|expected|"
                                  r"scheduled|slated)\s+to)\b", outside):
            dated.append((None, None, 0.4, "undated in the lead: taken as the publication day"))
        if second is not None and (not dated or second.span != (first.span if first else None)) and not (
                dated and second.span.precision == "day" and second.span in self.days):
            dated.append(_dated(second))
        for phrase, resolve_as, confidence, why in dated:
            _add_event(result, ids, cast, sentence, words, phrase, resolve_as, self.when, confidence, why)
        for found in (first, second):
            if found is not None and found.span.precision == "day":
                self.days.add(found.span)
                self.last_day = found.span.start
        opening = min(main or ([] if carried is not None else aside), key=lambda found: found.start, default=None)
        if opening is not None:
            self.period = (opening.resolve_as or opening.phrase, sentence.paragraph)

    def _since(self, carried: str, aside: list[DatePhrase]) -> str | None:
        """"After the skirmish on Oct 11, …": from that day to publication, when the resolver reads ranges."""
        if self.when.day is None or not re.match(r"(?:After|Following)\b", carried):
            return None
        day = next((found.span for found in aside if found.span.precision == "day"), None)
        if day is None:
            return None
        since = f"{day.start.isoformat()}..{self.when.day.isoformat()}"
        try:
            resolve(since, self.when.day)
        except DateError:
            return None
        return since


def _add_threats(result: Proposals, ids: _Ids, cast: Cast, sentence: Sentence, words: str, outside: str,
                 speaker: str | None, date_phrase: str | None, paragraph: str) -> None:
    side = cast.figures[speaker].side if speaker else None
    said_by = (speaker, side) if speaker and side else None
    start = sentence.span.start
    groups = [GroupAt(m.group, m.start - start, m.end - start) for m in cast.mentions
              if m.group and start <= m.start < sentence.span.end and (said_by or outside[m.start - start] != "x")
              and re.search(r"militant|terror|separatist|insurgent|armed", cast.group_kinds.get(m.group, "militant"))]
    for found in threats_in(outside, words, groups, said_by, cast.world.sides_named(paragraph), cast.world):
        label = found.group or found.unnamed or "threat"
        entry = ThreatEntry(
            id=ids.make(found.side, label, found.how), side=found.side, named_by=found.named_by, how=found.how,
            group=found.group, unnamed=found.unnamed, evidence=words, date_phrase=date_phrase,
        )
        result.threats.append(Proposal(entry, found.confidence, found.why))


def _lead_speaks_for(result: Proposals, cast: Cast, lead: str | None) -> None:
    """A lead's "Iran on Tuesday called for …" stands for the official of that side the article
    quotes most: the threat it names is theirs."""
    for index, proposal in enumerate(result.threats):
        threat = proposal.entry
        if threat.evidence != lead or threat.named_by != "government" or threat.how != "statement":
            continue
        said = Counter(p.entry.speaker for p in result.quotes if cast.figures[p.entry.speaker].side == threat.side)
        if said:
            speaker = said.most_common(1)[0][0]
            result.threats[index] = Proposal(threat.model_copy(update={"named_by": speaker}), 0.45,
                                             f"{proposal.why}; the lead's {threat.side} taken as {speaker}, "
                                             "its most quoted official")


def _add_people_and_groups(result: Proposals, cast: Cast) -> None:
    named = {p.entry.speaker for p in result.quotes} | {
        actor for p in result.events for actor in p.entry.actors} | {p.entry.named_by for p in result.threats}
    for figure in cast.figures.values():
        if figure.known or figure.id not in named:
            continue
        if figure.institution:
            body = InstitutionEntry(id=figure.id, name=figure.name, side=figure.side or "unknown",
                                    kind=figure.institution,
                                    aliases=list(dict.fromkeys([figure.name, *figure.called,
                                                                *cast.abbreviations.get(figure.id, ())])),
                                    note=None if figure.side else "side not stated: check")
            result.institutions.append(Proposal(body, 0.6 if figure.side else 0.5,
                                                "new name, not in institutions.toml"))
            continue
        titles = [re.sub(rf"^(?:(?:{cast.world.side_pattern}|\w+[’']s)\s+)", "", title) for title in figure.titles]
        entry = PersonEntry(
            id=figure.id, name=figure.name, side=figure.side or "other",
            roles=[RoleEntry(title=title) for title in dict.fromkeys(titles)],
            aliases=list(dict.fromkeys([figure.name, *(figure.called or figure.name.split()[-1:])])),
            note="side inferred from the article, not stated by a title: check" if figure.side_implied
            else None if figure.side else "side not stated by a title: check",
        )
        why = "new name, not in people.toml" + ("" if figure.side and not figure.side_implied else
                                                "; side implied" if figure.side else "; side unknown")
        result.people.append(Proposal(entry, 0.7 if figure.side else 0.5, why))
    used_groups = {p.entry.group for p in result.threats} | {a for p in result.events for a in p.entry.actors}
    for ref, name in cast.new_groups.items():
        if ref in used_groups:
            group = GroupEntry(id=ref, name=name, kind=cast.new_group_kinds[ref],
                               aliases=[name, *cast.abbreviations.get(ref, ())])
            result.groups.append(Proposal(group, 0.6, "new name, not in groups.toml"))
