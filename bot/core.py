"""The desk: text in, structured :class:`~bot.replies.Reply` out. Pure; no Slack here.

``Desk.command`` answers a slash command's argument text; ``Desk.message`` routes a
plain-English message (see :mod:`bot.routing`) to the same answers. Every answer is computed
from the :class:`~knowledge.store.FactBase`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePath

from bot.commands import COMMANDS, CommandSpec, find_command
from bot.query import (
    ANCHORED,
    MANNER_WORDS,
    MONTH_NAMES,
    Period,
    Query,
    QueryReader,
    has_period,
    meaningful,
    split_period,
    split_topic,
)
from bot.replies import Item, Reply, Section, SourceRef
from bot.routing import ABOUT, HELP, NAMING, SEARCH, Request, SideWords, route_all
from knowledge import queries
from knowledge.dates import MONTHS, DateError, format_span, parse_period
from knowledge.models import Citation, DateSpan, Event, Institution, Person, Quote, Role, Threat
from knowledge.names import content_words, normalize
from knowledge.store import FactBase

PERIOD_EXAMPLES = "2024, 2024-01, jan 2024, 2024-01-16 or 2024-01-10..2024-01-20"
HELP_WORDS = frozenset({"help", "-h", "--help", "?", "usage"})
MAX_QUESTION_CHARS = 600
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
YEARLESS_DAY = re.compile(
    rf"\b(?:(?P<month>{_MONTH_WORD})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month2>{_MONTH_WORD}))\b(?!,?\s*\d{{4}})",
    re.IGNORECASE,
)
SEARCH_LIMIT = 5
FOLLOW_LEAD = re.compile(r"^(?:and|also|so|then|ok|okay|what about|how about|and what about)\b[\s,]*", re.IGNORECASE)
RELATIVE_TO_THAT = re.compile(r"(?P<relation>before|after|since|until)\s+(?:that|then|this)", re.IGNORECASE)
PRONOUNS = re.compile(r"\b(?:he|she|they|him|her|them|his|their|it)\b", re.IGNORECASE)
TIMELINE_PAGE = 50  # events per reply; the database counts the rest
THREATS_PAGE = 50  # claims per reply of /threats all; the database counts the rest
DIRECTORY_PAGE = 50  # entries per list of "/whois all"; the database counts the rest
DIRECTORY_WORDS = {**{word: "all" for word in ("all", "everyone", "everybody", "everything", "anyone")},
                   **{word: "people" for word in ("people", "persons", "speakers", "officials", "names")},
                   **{word: "institutions" for word in ("institutions", "bodies", "ministries", "agencies")},
                   **{word: "groups" for word in ("groups", "organisations", "organizations", "militant groups")},
                   **{word: "sides" for word in ("sides", "countries", "states", "parties")}}
SOURCES_PAGE = 50  # articles per reply of /sources
QUOTES_PAGE = 50  # quotes per reply of /quotes <period> or <side>; the database counts the rest
ANYONE = frozenset({"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "people"})
NAMED_IN_TITLE = 5  # names a title lists before "and N more"
ARTICLES_NAMED = 20  # articles a whois card lists before "and N more"


def article_label(article: str) -> str:
    """The short id of a seed file name: ``002_f7d8….txt`` -> ``002``."""
    stem = PurePath(article).stem
    prefix = stem.split("_", 1)[0]
    return prefix if prefix.isdigit() else stem


def _named_in(text: str, words: Iterable[str]) -> list[str]:
    """Those of ``words`` that ``text`` writes as a name (capitalised, not first word), as written.

    'did Naqvi meet Khamenei' -> ['Khamenei'].
    """
    wanted = set(words)
    return list(dict.fromkeys(token.strip("?!.,;:") for token in text.split()[1:]
                              if token[:1].isupper() and normalize(token) in wanted))


class Desk:
    """Answers requests from one fact base."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.side_words = SideWords(tuple(word for side in base.sides.values() for word in side.words))
        self.reader = QueryReader(base)
        self._handlers: dict[str, Callable[[Query], Reply]] = {
            "timeline": self.timeline,
            "quotes": self.quotes,
            "threats": self.threats,
            "whois": self.whois,
            "sources": self.sources,
        }

    # ------------------------------------------------------------------ entry points

    def command(self, name: str, text: str, *, asked: bool = False) -> Reply:
        """Answer the slash command ``name`` (no slash) with its argument ``text``.

        ``asked`` marks an argument taken from a plain-English question: words that name nothing
        are then passed over rather than reported.
        """
        spec = find_command(name)
        if spec is None:
            return self.help_reply(f"There is no command /{name.strip().lstrip('/')}.", tone="error")
        argument = re.sub(r"\s+", " ", text).strip()
        if argument.lower() in HELP_WORDS:
            return self.usage(spec)
        if not argument and spec.name != "sources":
            return self.usage(spec)
        if asked and spec.name == "threats":
            kept = self._without_stray_words(argument)
            names = [token.strip("?!.,;:") for token in argument.split()
                     if token[:1].isupper() and not self.side_words.pattern.search(token)]
            if kept.split()[-1:] == ["all"] and names:  # "who attacked Rask?": a place or name, no side or group
                return self.command("timeline", " ".join(names), asked=True)
            argument = kept
        try:
            query = self.reader.read(spec.name, argument, asked=asked)
            reply = self._handlers[spec.name](query)
        except DateError as error:
            return self._bad_period(spec, error)
        return replace(reply, asked=(spec.name, query.argument(self.side_name) or argument))

    def read(self, name: str, text: str, *, asked: bool = False) -> Query:
        """The typed query ``/name text`` asks (the parse alone, for tests and follow-ups)."""
        return self.reader.read(name, re.sub(r"\s+", " ", text).strip(), asked=asked)

    def message(self, text: str, *, previous: tuple[str, str] | None = None) -> Reply:
        """Answer a direct message or a mention written in plain English.

        ``previous`` is the command and argument of the answer a threaded question follows
        (:attr:`Reply.asked`): "and what did he say about the border?" or "and before that?" takes
        its subject and period from there. Only the first ``MAX_QUESTION_CHARS`` characters are read:
        a question is never longer, and a pasted page must not hold the desk up.
        """
        text = text[:MAX_QUESTION_CHARS]
        if previous is not None:
            follow = self._follow_up(text, previous)
            if follow is not None:
                return self.answer(follow)
        requests = route_all(text, self.side_words)
        if len(requests) == 1:
            return self.answer(requests[0])
        for index in range(1, len(requests)):
            requests[index] = self._antecedent(requests[index], requests[index - 1])
        return _merged([self.answer(request) for request in requests], f"{len(requests)} questions, answered in turn")

    def _antecedent(self, request: Request, before: Request) -> Request:
        """A later question of a message whose subject is a pronoun ("who is X, and what did he say?")
        asks about the subject of the question before it."""
        first, _, rest = request.text.partition(" ")
        if not PRONOUNS.fullmatch(first) or find_command(before.command) is None:
            return request
        try:
            earlier = self.reader.read(before.command, before.text, asked=True)
        except DateError:
            return request
        subject = " and ".join(earlier.subjects) or " and ".join(map(self.side_name, earlier.sides))
        return Request(request.command, f"{subject} {rest}".strip()) if subject else request

    def answer(self, request: Request) -> Reply:
        """Answer a routed request; a question that finds no fact falls back to the articles' sentences."""
        if request.command == HELP:
            return self.help_reply()
        if request.command == SEARCH:
            return self.search(request.text)
        if request.command == ABOUT:
            return self.about(request.text)
        if find_command(request.command) is None:
            return self.command(request.command, request.text)
        reply = self.command(request.command, request.text, asked=True)
        if reply.tone == "nothing" and request.text and not has_period(request.text):
            return self._with_sentences(reply, request.text, self._named_words(request))
        return reply

    def _follow_up(self, text: str, previous: tuple[str, str]) -> Request | None:
        """The request a threaded question makes of the answer it follows, or None when it stands alone."""
        command, argument = previous
        if find_command(command) is None:
            return None
        try:
            before = self.reader.read(command, argument)
        except DateError:
            return None
        body = FOLLOW_LEAD.sub("", text.strip()).strip(" ?!.")
        if not body:
            return None
        relative = RELATIVE_TO_THAT.fullmatch(body)
        if relative:
            if before.period is None:
                return None
            relation = relative["relation"].lower()
            point = before.period.span.end if relation in {"after", "since"} else before.period.span.start
            point = before.period.point.end if before.period.point and relation == "after" else point
            return Request(command, replace(before, period=None).argument(self.side_name) +
                           f" {relation} {point.isoformat()}")
        try:
            period, rest, _ = self.reader.read_period(body)
        except DateError:
            return None
        if period is not None and not content_words(rest):
            return Request(command, f"{replace(before, period=None).argument(self.side_name)} {period.written}")
        request = route_all(body, self.side_words)[0]
        named = PRONOUNS.search(body)
        if request.command not in {spec.name for spec in COMMANDS} and not (named or FOLLOW_LEAD.match(text)):
            return None
        if request.command not in {spec.name for spec in COMMANDS}:
            request = Request(command, body)
        try:
            asked = self.reader.read(request.command, request.text, asked=True)
        except DateError:
            return None
        subjects = tuple(subject for subject in asked.subjects if not PRONOUNS.fullmatch(subject))
        merged = replace(asked, subjects=subjects or (() if asked.sides else before.subjects),
                         sides=asked.sides or (() if subjects else before.sides),
                         period=asked.period or before.period)
        if not (named or FOLLOW_LEAD.match(text)) and asked.subjects and not asked.period:
            return None
        return Request(request.command, merged.argument(self.side_name))

    def side_name(self, ref: str | None) -> str:
        """A side's display name from its id ("no side" for None)."""
        if ref is None:
            return "no side"
        side = self.base.sides.get(ref)
        return side.name if side else ref

    def _without_stray_words(self, text: str) -> str:
        """A question's threat argument without words that name no side, group, manner or period.

        "when did Pakistan strike back at Iran" keeps "Pakistan Iran military": the first side named
        is the one that acted, a second the one acted against. A period anchored on an event ("since
        the Doha talks") is kept whole. Nothing left means every side.
        """
        if text.lower().startswith(f"{NAMING} "):
            return f"{NAMING} {self._without_stray_words(text[len(NAMING) + 1:])}"
        anchored = ANCHORED.search(text)
        if anchored and self.reader.read_period(text[anchored.start():])[0] is not None:
            head = self._without_stray_words(text[:anchored.start()]) if anchored.start() else ""
            return f"{'' if head == 'all' else head} {text[anchored.start():].strip()}".strip()
        words = text.split()
        longest = max((len(name.split()) for group in self.base.groups.values()
                       for name in (group.name, *group.aliases)), default=1) + 1
        in_group = [False] * len(words)
        for start in range(len(words)):
            for end in range(min(len(words), start + longest), start, -1):
                if not any(in_group[start:end]) and queries.match_groups(self.base, " ".join(words[start:end]))[0]:
                    in_group[start:end] = [True] * (end - start)
                    break
        in_period = [False] * len(words)
        for index in range(len(words)):
            for end in (index + 1, index + 2, index + 3):
                if end <= len(words) and has_period(" ".join(words[index:end])):
                    in_period[index:end] = [True] * (end - index)
        kept, sides_seen = [], 0
        index = 0
        while index < len(words):
            size = 0 if in_group[index] else self.reader.side_at(words, index)
            if size:
                if sides_seen < 2:
                    kept.extend(words[index:index + size])
                sides_seen += 1
                index += size
                continue
            if in_group[index] or in_period[index] or normalize(words[index]) in MANNER_WORDS:
                kept.append(words[index])
            index += 1
        return " ".join(kept) or "all"

    def _named_words(self, request: Request) -> frozenset[str]:
        """The words naming who a quotes/whois question is about: fallback sentences must contain one."""
        if request.command not in {"quotes", "whois"}:
            return frozenset()
        who, _ = split_topic(split_period(request.text)[1])
        return frozenset(word for word in content_words(who) if not queries.is_side_word(self.base, word))

    # ------------------------------------------------------------------ help and errors

    def help_reply(self, opening: str | None = None, tone: str = "help") -> Reply:
        """The commands, what they do and examples; also answers "hi" and "help"."""
        items = tuple(Item(text=spec.description, lead=spec.usage, details=(f"e.g. {', '.join(spec.examples)}",))
                      for spec in COMMANDS)
        return Reply(
            tone="error" if tone == "error" else "help",
            title=opening or "factdesk answers from a curated, source-checked fact base.",
            summary=f"{len(self.base.sources)} articles · every fact cited",
            sections=(Section(heading="Commands", items=items),),
            notes=(f"Or ask in plain English: “what did the interior minister say?”, "
                   f"“which groups did {self._example_side()} target?”, “what happened since 2024?”, "
                   "“what did A and B say about the border?”, “who is …?” — and follow up in the thread "
                   "(“and before that?”).",),
        )

    def _example_side(self) -> str:
        """The side that named the most threats, for examples in help texts ("<side>" when none did)."""
        side = self.base.most_threatening_side()
        return self.side_name(side) if side else "<side>"

    def usage(self, spec: CommandSpec) -> Reply:
        """How to use one command."""
        notes = [f"Examples: {' · '.join(spec.examples)}"]
        if spec.name in {"timeline", "threats", "quotes"}:
            notes.append(f"A period is {PERIOD_EXAMPLES}.")
        return Reply(tone="usage", title=f"Usage: {spec.usage}", summary=spec.description, notes=tuple(notes))

    def _bad_period(self, spec: CommandSpec, error: DateError) -> Reply:
        return Reply(tone="error", title=f"That period cannot be read: {error}.",
                     notes=(f"A period is {PERIOD_EXAMPLES}.", f"Usage: {spec.usage}"))

    def _nothing(self, title: str, suggestions: Iterable[str] = (), more: Iterable[str] = ()) -> Reply:
        notes = []
        offered = tuple(dict.fromkeys(suggestions))
        if offered:
            notes.append(f"Did you mean: {', '.join(offered)}?")
        notes.extend(more)
        return Reply(tone="nothing", title=title, notes=tuple(notes))

    # ------------------------------------------------------------------ citations and names

    def cite(self, citations: Iterable[Citation]) -> tuple[SourceRef, ...]:
        """The sources of a fact, one per article, as readers see them."""
        refs = []
        for article in dict.fromkeys(citation.article for citation in citations):
            source = self.base.source(article)
            refs.append(SourceRef(article_label(article), source.outlet, format_span(source.published)))
        return tuple(refs)

    def person_name(self, ref: str) -> str:
        """The display name of a person, institution, group or side from its id (the id when unknown)."""
        return self.base.name_of(ref)

    def _period_words(self, period: Period | None, words: str = "") -> str:
        parts = []
        if period:
            parts.append(period.phrase())
        if words:
            parts.append(f"matching “{words}”")
        return " ".join(parts)

    def _coverage(self) -> str:
        span = self.base.event_span()
        if span is None:
            return "The fact base holds no events."
        first, last = span
        return f"Events run from {format_span(first.date)} to {format_span(last.date)}."

    # ------------------------------------------------------------------ /timeline

    def _yearless_day(self, text: str) -> tuple[DateSpan | None, str, str]:
        """A day named without a year ("January 17th"), dated to the year whose events it names.

        Returns (period, the other words, a note when several years or none hold that day).
        """
        found = YEARLESS_DAY.search(text)
        if not found:
            return None, text, ""
        month = MONTHS[(found["month"] or found["month2"]).lower()[:3]]
        day = int(found["day"] or found["day2"])
        rest = meaningful(f"{text[:found.start()]} {text[found.end():]}")
        years = self.base.years_with_day(month, day)
        if not years:
            return None, text, f"No event in the base is dated {day} {MONTH_NAMES[month - 1].title()} of any year."
        try:
            span = parse_period(f"{years[-1]}-{month:02d}-{day:02d}")
        except DateError:
            return None, text, ""
        note = f"Also on that day in {', '.join(map(str, years[:-1]))}." if len(years) > 1 else ""
        return span, rest, note

    def timeline(self, query: Query) -> Reply:
        """``/timeline [period] [words]``: events in date order with their dates and sources."""
        text, words, asked = query.text, query.words, query.asked
        reading = query.period
        yearless_note = ""
        if reading is None:
            span, rest, yearless_note = self._yearless_day(words)
            if yearless_note and span is None:
                return self._nothing(yearless_note, more=(self._coverage(),))
            if span is not None:
                reading, words = Period(span=span), rest
        period = reading.span if reading else None
        answer = queries.timeline(self.base, period, words, lenient=asked, page=TIMELINE_PAGE)
        scope = self._period_words(reading, words)
        unknown_names = _named_in(text, answer.ignored)
        if unknown_names:
            return self._nothing(f"Nothing in the fact base mentions {', '.join(unknown_names)}.",
                                 more=("Try /whois or /sources to see who and what the base covers.",))
        wider = (*query.notes, *self._wider_note(answer.approximate), *((yearless_note,) if yearless_note else ()))
        if answer.ignored:
            wider = (*wider, f"Passed over (in no event): {', '.join(answer.ignored)}.")
        if not answer.events:
            if period is not None:
                return self._nothing_dated(period, scope, words, answer.suggestions, wider)
            return self._nothing(f"No event in the fact base {scope}.", answer.suggestions,
                                 (*wider, self._coverage(), "Try /timeline all or fewer words."))
        total = len(answer.events) if answer.total is None else answer.total
        count = f"{total} event{'s' if total != 1 else ''}"
        if total > len(answer.events):
            wider += (f"Showing the first {len(answer.events)} of {total} events: narrow it with a period "
                      "(e.g. /timeline 2024-01) or words.",)
        sections = [Section(items=tuple(self._event_item(event) for event in answer.events))]
        if answer.ignored:
            said = self._sentences_with(f"{words} {' '.join(answer.ignored)}", answer.ignored)
            if said:
                sections.insert(0, Section(heading=f"The articles on “{' '.join(answer.ignored)}”",
                                           items=self._sentence_items(said)))
        return Reply(tone="answer", title=f"Events {scope}".strip() if scope else "Timeline",
                     summary=f"{count} · {self._timeline_articles(answer)}",
                     sections=tuple(sections),
                     notes=tuple(wider), narrow_hint="Narrow it with a period (e.g. /timeline 2024-01) or words.")

    def _timeline_articles(self, answer: queries.TimelineAnswer) -> str:
        if answer.articles is None:
            return self._article_count(event.sources for event in answer.events)
        return f"{answer.articles} article{'s' if answer.articles != 1 else ''}"

    def _sentences_with(self, question: str, words: Iterable[str]) -> tuple[queries.SentenceHit, ...]:
        """The best sentences for ``question`` that hold one of ``words`` (or a word of the same stem)."""
        stems = {word[:5] for word in words if len(word) > 2}
        return tuple(hit for hit in queries.search(self.base, question, limit=SEARCH_LIMIT)
                     if any(token[:5] in stems for token in content_words(hit.sentence)))[:2]

    def _wider_note(self, approximate: tuple[Event, ...]) -> tuple[str, ...]:
        """A pointer to events dated only to a wider span that overlaps the period asked about."""
        if not approximate:
            return ()
        spans = sorted({format_span(event.date) for event in approximate})
        first = min(approximate, key=lambda event: event.date.start).date.start
        last = max(approximate, key=lambda event: event.date.end).date.end
        return (f"{len(approximate)} more event{'s are' if len(approximate) != 1 else ' is'} dated only to a wider "
                f"span that includes this period ({', '.join(spans[:3])}): try /timeline "
                f"{first.isoformat()}..{last.isoformat()}",)

    def _nothing_dated(self, period: DateSpan, scope: str, words: str, suggestions: tuple[str, ...],
                       wider: tuple[str, ...]) -> Reply:
        """No event in the period: the nearest events on either side, or how many match the words at other dates."""
        title = f"Nothing in the fact base dated {scope}."
        if words.strip():
            elsewhere = queries.timeline(self.base, None, words, page=1)
            total = len(elsewhere.events) if elsewhere.total is None else elsewhere.total
            if total:
                wider = (*wider, f"“{words.strip()}” matches {total} event{'s' if total != 1 else ''} at other "
                                 f"dates: /timeline {words.strip()}")
            return self._nothing(title, suggestions, (*wider, self._coverage()))
        nearest = [event for event in self.base.events_beside(period.start, period.end) if event is not None]
        if not nearest:
            return self._nothing(title, suggestions, (*wider, self._coverage()))
        return Reply(tone="nothing", title=title, sections=(Section(
            heading="The nearest events", items=tuple(self._event_item(event) for event in nearest)),),
            notes=(*wider, self._coverage()))

    def _event_item(self, event: Event) -> Item:
        details = []
        if event.place:
            details.append(event.place)
        if event.date_phrase:
            details.append(f"as written: “{event.date_phrase}”")
        return Item(text=event.summary, date=format_span(event.date, event.date_phrase), details=tuple(details),
                    sources=self.cite(event.sources), fact=f"event:{event.id}")

    def _article_count(self, citation_groups: Iterable[Iterable[Citation]]) -> str:
        articles = {citation.article for group in citation_groups for citation in group}
        return f"{len(articles)} article{'s' if len(articles) != 1 else ''}"

    # ------------------------------------------------------------------ /quotes

    def quotes(self, query: Query) -> Reply:
        """``/quotes <person, role or institution> [period] [about words]``: direct quotes first.

        Several subjects ("Zarif and Qureshi") are answered one after the other in one reply.
        """
        if len(query.subjects) > 1:
            parts = [self.quotes(replace(query, subjects=(subject,))) for subject in query.subjects]
            return _merged(parts, f"Quotes of {' and '.join(query.subjects)}"
                                  f"{self._scope(query.period, query.topic)}")
        reading, topic, sides = query.period, query.topic, query.sides
        period = reading.span if reading else None
        who = query.subjects[0] if query.subjects else ""
        if normalize(who) in ANYONE:  # "what did anyone say about …": no speaker asked for
            who = ""
        side = sides[0] if len(sides) == 1 else None
        within = reading is not None and reading.relation != "in"
        answer = queries.quotes(self.base, "" if sides else who, period, side=side, words=topic,
                                page=QUOTES_PAGE if len(sides) <= 1 else None, within=within)
        if len(sides) > 1:
            answer = replace(answer, speakers=tuple(found for found in answer.speakers if found.person.side in sides))
        mentioned = False  # no one of that name is quoted: the quotes that mention it
        if who and not answer.speakers and not topic and not sides:
            said = queries.quotes(self.base, "", period, words=who, in_setting=False)
            if said.speakers:
                mentioned = True
                answer, who, topic = said, "", who
        apart = answer.apart
        if reading is not None and within and answer.total is None:
            kept = []
            for found in answer.speakers:
                inside = tuple(quote for quote in found.quotes if _lies_within(quote.date, reading.span))
                apart += len(found.quotes) - len(inside)
                kept.append(replace(found, quotes=inside))
            answer = replace(answer, speakers=tuple(kept))
        speakers = [found for found in answer.speakers if found.quotes]
        silent = [found for found in answer.speakers if not found.quotes and found.matched_role]
        scope = self._scope(reading, topic)
        notes = (*query.notes, *self._apart_note(apart, "quote"))
        if not speakers:
            if who and answer.speakers and not apart:
                return self._no_quotes_but_events(answer.speakers, scope, period, topic)
            target = f"“{who}”" if who else " and ".join(map(self.side_name, sides)) or "anyone"
            return self._nothing(f"Nothing in the fact base is attributed to {target}{scope}.",
                                 answer.suggestions,
                                 (*notes, f"People with quotes: {self._quoted_people_text()}",
                                  "Try /whois or /sources."))
        sections = tuple(self._speaker_section(found) for found in speakers)
        shown = sum(len(found.quotes) for found in speakers)
        total = shown if answer.total is None else answer.total
        if total > shown:
            notes = (*notes, f"Showing the earliest {shown} of {total} quotes: narrow it with a name, "
                             "a side, a shorter period or words (e.g. /quotes 2024-01 about talks).")
        by_sides = " and ".join(map(self.side_name, sides))
        title = (f"No quotes by “{topic}” in the base; quotes that mention it{self._scope(reading)}" if mentioned
                 else (f"Quotes of {by_sides}{scope}" if by_sides else f"Quotes{scope}") if not who else
                 f"Quotes of {who}{scope}" if len(speakers) > 1 or speakers[0].matched_role else
                 f"{speakers[0].person.name}{scope}")
        voices = len(speakers) if answer.speaker_total is None else answer.speaker_total
        articles = (self._article_count(q.sources for found in speakers for q in found.quotes)
                    if answer.articles is None else f"{answer.articles} article{'s' if answer.articles != 1 else ''}")
        notes = (*notes, *(f"Also {found.matched_role}{self._held(found)}, with no quotes in the base{scope}: "
                           f"{found.person.name}." for found in silent))
        return Reply(tone="answer", title=title, notes=tuple(notes),
                     summary=f"{total} quote{'s' if total != 1 else ''} · "
                             f"{voices} speaker{'s' if voices != 1 else ''} · {articles}",
                     sections=sections, narrow_hint="Narrow it with a period (e.g. /quotes <name> 2024-01).")

    def _scope(self, period: Period | None, topic: str = "") -> str:
        """" in Oct 2025 about “border”", " since 11 Oct 2025", or ""."""
        return (f" {period.phrase()}" if period else "") + (f" about “{topic}”" if topic else "")

    def _apart_note(self, count: int, noun: str) -> tuple[str, ...]:
        """A note on facts dated too coarsely to place on the asked side of a date."""
        if not count:
            return ()
        return (f"{count} more {noun}{'s are' if count != 1 else ' is'} dated too coarsely to say whether "
                "they fall in this period; drop the period to see them.",)

    def _no_quotes_but_events(self, speakers: Iterable[queries.SpeakerQuotes], scope: str,
                              period: DateSpan | None, topic: str) -> Reply:
        """No quotes of these people: say so, and show the events (of the period, on the topic) naming them."""
        people = [found.person for found in speakers]
        names = ", ".join(person.name for person in people[:NAMED_IN_TITLE])
        more = f" and {len(people) - NAMED_IN_TITLE} more" if len(people) > NAMED_IN_TITLE else ""
        title = f"The fact base holds no quotes of {names}{more}{scope}."
        relevant = {event.id for event in queries.timeline(self.base, period, topic).events} if topic else None
        events = {event.id: event for person in people[:TIMELINE_PAGE] for event in self.base.events_with(person.id)
                  if (relevant is None or event.id in relevant)
                  and (period is None or (period.start <= event.date.start and event.date.end <= period.end))}
        if not events:
            hint = "Try /whois for who they are." + (" Or drop the period." if period else "")
            return self._nothing(title, more=(hint,))
        ordered = sorted(events.values(), key=lambda event: (event.date.chronological_key(), event.id))
        return Reply(tone="answer", title=title,
                     summary=f"Events that name them: {len(ordered)} · "
                             f"{self._article_count(event.sources for event in ordered)}",
                     sections=(Section(items=tuple(self._event_item(event) for event in ordered)),),
                     narrow_hint="Narrow it with a period.")

    def _quoted_people_text(self, limit: int = 20) -> str:
        """The most quoted people, at most ``limit`` of them, with how many more there are."""
        people, total = self.base.most_quoted(limit)
        more = f" and {total - limit} more" if total > limit else ""
        return ", ".join(people) + more

    def _person_title(self, person: Person | Institution) -> str:
        side = self.side_name(person.side)
        if isinstance(person, Institution):
            return f"{person.name} — {person.kind} ({side})"
        roles = "; ".join(dict.fromkeys(role.title for role in person.roles))
        return f"{person.name} — {roles} ({side})" if roles else f"{person.name} ({side})"

    def _speaker_section(self, found: queries.SpeakerQuotes) -> Section:
        person = found.person
        sub = [f"{len(found.quotes)} quote{'s' if len(found.quotes) != 1 else ''} · "
               f"{self._article_count(quote.sources for quote in found.quotes)}"]
        if found.matched_role:
            sub.append(f"matched as {found.matched_role}{self._held(found)}")
        return Section(heading=self._person_title(person), subheading=" · ".join(sub),
                       items=tuple(self._quote_item(quote) for quote in found.quotes))

    def _held(self, found: queries.SpeakerQuotes) -> str:
        """When the person held the matched role: " (2018-08 – 2022-04; from 2024-03)", or ""."""
        roles = found.person.roles if isinstance(found.person, Person) else ()
        periods = [_role_period(role) for role in roles
                   if role.title == found.matched_role and (role.start or role.end or not role.in_articles)]
        return f" ({'; '.join(periods)})" if periods else ""

    def _quote_item(self, quote: Quote) -> Item:
        details = [part for part in (quote.context, f"via {quote.via}" if quote.via else None) if part]
        when = format_span(quote.date, _phrase(quote.sources))
        if quote.kind == "direct":
            return Item(text=quote.text, quoted=True, date=when, details=tuple(details),
                        sources=self.cite(quote.sources), fact=f"quote:{quote.id}")
        return Item(text=quote.text, lead="Reported", date=when, details=tuple(details),
                    sources=self.cite(quote.sources), fact=f"quote:{quote.id}")

    # ------------------------------------------------------------------ /threats

    def threats(self, query: Query) -> Reply:
        """``/threats [side|group] [period] [manner]``: who each side named as a threat, how and when.

        A second side ("which groups did Pakistan strike in Afghanistan?") is the target: only the
        claims that name it, or whose sentence places the action there, are kept.
        """
        reading, how, group_text = query.period, query.manner, query.words
        period = reading.span if reading else None
        side = query.sides[0] if query.sides else None
        institutions = queries.match_institutions(self.base, query.subjects[0]) if query.subjects else []
        filtered = query.naming or query.target is not None or (reading is not None and reading.relation != "in")
        answer = queries.threats(self.base, side, period, group_text or None, how, institutions,
                                 page=None if filtered else THREATS_PAGE)
        apart = 0
        if reading is not None and reading.relation != "in":
            inside = tuple(claim for claim in answer.threats if _lies_within(claim.date, reading.span))
            apart = len(answer.threats) - len(inside)
            answer = replace(answer, threats=inside,
                             against=tuple(claim for claim in answer.against if _lies_within(claim.date, reading.span)))
        if query.naming:
            answer = replace(answer, threats=())
        if query.target:
            acting = tuple(claim for claim in answer.threats if self._acts_against(claim, query.target))
            if acting or not answer.threats:
                answer = replace(answer, threats=acting, against=())
            else:  # "why did Iran strike Pakistan?": say so, and show what the side did name
                note = (f"No claim's sentence places the action against {self.side_name(query.target)}: "
                        "these are all the claims of the side asked about.")
                answer = replace(answer, against=())
                query = replace(query, target=None, notes=(*query.notes, note))
        side_name = self.side_name(side) if side else ""
        scope = " ".join(part for part in (
            f"naming {side_name}" if query.naming else f"named by {side_name}" if side else "",
            f"about {answer.group.name}" if answer.group else "",
            f"against {self.side_name(query.target)}" if query.target else "",
            f"by {how}" if how else "", reading.phrase() if reading else "") if part)
        if group_text and answer.group is None:
            return self._nothing(f"Nothing in the fact base names a group called “{group_text}”.",
                                 answer.suggestions, (f"Groups: {self._group_names_text()}",))
        if not answer.threats and not answer.against:
            return self._nothing(f"Nothing in the fact base: no threat claims {scope}.".replace("claims .", "claims."),
                                 more=(*query.notes, *self._apart_note(apart, "claim"),
                                       "Try another period, or /threats all."))
        shown_sides = [side] if side else sorted({claim.side for claim in answer.threats}, key=self.side_name)
        sections = []
        for named_side in shown_sides:
            claims = [claim for claim in answer.threats if claim.side == named_side and claim.how != "narration"]
            if claims:
                sections.append(self._side_section(f"Named by {self.side_name(named_side)}", claims))
        narrated = [claim for claim in answer.threats if claim.how == "narration"]
        notes: tuple[str, ...] = (*query.notes, *self._apart_note(apart, "claim"))
        if narrated and side and not answer.group and how != "narration":
            notes += (f"Not counted: {len(narrated)} background line{'s' if len(narrated) != 1 else ''} in which "
                     f"the articles themselves, not {side_name}, name threats; /threats {side_name.lower()} "
                     "narration shows them.",)
        elif narrated:
            sections.append(self._side_section(
                "Background: the articles' own narration, not a claim by any side", narrated))
        against = [claim for claim in answer.against if claim.how != "narration"]
        if against:
            sections.append(self._side_section(f"{side_name} named as a threat by others", against))
        if not sections:
            return self._nothing(f"Nothing in the fact base: {side_name} named no threat {scope}.", more=notes)
        title = f"Threats {scope}" if scope else "Threats named by each side"
        if side and not answer.threats and against:
            title = f"Threats naming {side_name}" + (f" {reading.phrase()}" if reading else "")
        narration_apart = bool(narrated and side and not answer.group and how != "narration")
        shown = [claim for claim in (*answer.threats, *against) if not narration_apart or claim.how != "narration"]
        count = len(shown) if answer.total is None or filtered else answer.total
        articles = (self._article_count(claim.sources for claim in shown) if answer.articles is None or filtered
                    else f"{answer.articles} article{'s' if answer.articles != 1 else ''}")
        if count > len(shown):
            notes += (f"Showing the first {len(shown)} of {count} claims: narrow it with a side or a period "
                      f"(e.g. /threats {self._example_side().lower()} 2024-01).",)
        return Reply(tone="answer", title=title,
                     summary=f"{count} claim{'s' if count != 1 else ''} · {articles}",
                     sections=tuple(sections), notes=notes,
                     narrow_hint=f"Narrow it with a side or a period (e.g. /threats {self._example_side().lower()} "
                                 "2024-01).")

    def _acts_against(self, claim: Threat, target: str) -> bool:
        """True when a claim names ``target`` as the threat, or its sentence names the target side."""
        if claim.state == target:
            return True
        names = [normalize(word).split() for word in self.base.sides[target].words]
        return any(queries.mentions(normalize(citation.evidence).split(), names) for citation in claim.sources)

    def _group_names_text(self, limit: int = 20) -> str:
        names = self._group_names()
        return ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")

    def _group_names(self) -> list[str]:
        return sorted(group.name for group in self.base.groups.values())

    def _side_section(self, heading: str, claims: list[Threat]) -> Section:
        groups = {claim.group for claim in claims if claim.group}
        items = []
        shown_aliases: set[str] = set()
        for claim in sorted(claims, key=lambda claim: claim.group is None and claim.state is None):
            items.append(self._threat_item(claim, claim.group not in shown_aliases))
            if claim.group:
                shown_aliases.add(claim.group)
        return Section(heading=heading,
                       subheading=f"{len(claims)} claim{'s' if len(claims) != 1 else ''} · "
                                  f"{len(groups)} group{'s' if len(groups) != 1 else ''}",
                       items=tuple(items))

    def _named_by(self, claim: Threat) -> str:
        if claim.named_by == "outlet":
            return "the article's own account"
        return self.person_name(claim.named_by)

    def _threat_item(self, claim: Threat, with_aliases: bool) -> Item:
        group = self.base.groups.get(claim.group) if claim.group else None
        lead = (group.name if group else f"{self.side_name(claim.state)} (state)" if claim.state
                else f"Unnamed: {claim.unnamed or 'a threat not named'}")
        details = []
        if group and with_aliases and group.aliases:
            details.append(f"also called {', '.join(group.aliases)}")
        said = (f"in the article's background, as a threat to {self.side_name(claim.side)}" if claim.how == "narration"
                else f"named by {self._named_by(claim)} ({claim.how})")
        return Item(text=said, lead=lead,
                    date=format_span(claim.date, _phrase(claim.sources)), details=tuple(details),
                    sources=self.cite(claim.sources), fact=f"threat:{claim.id}")

    # ------------------------------------------------------------------ /whois

    def whois(self, query: Query) -> Reply:
        """``/whois <person, institution, group or side>``: roles, side, aliases and how often the base
        cites them; several names ("Zarif and Qureshi") get a card each."""
        if len(query.subjects) > 1:
            return _merged([self.whois(replace(query, subjects=(subject,), words=subject))
                            for subject in query.subjects], f"Who are {' and '.join(query.subjects)}")
        period = query.period.span if query.period else None
        name = query.words
        listing = DIRECTORY_WORDS.get(normalize(name)) or DIRECTORY_WORDS.get(normalize(query.text))
        if listing is not None and not period:
            return self.directory(listing)
        answer = queries.whois(self.base, name, period)
        if not answer.found:
            return self._nothing(f"Nothing in the fact base is called “{name or query.text}”.", answer.suggestions,
                                 ("Try /sources to see what the base covers.",))
        return self._profiles(answer, name)

    def directory(self, listing: str) -> Reply:
        """Who the base holds (``listing`` "all", or only its "people", "institutions", "groups" or
        "sides"): the most quoted people first, each list bounded to a page and counted in full."""
        base = self.base
        counts = {"people": len(base.people), "institutions": len(base.institutions), "groups": len(base.groups),
                  "sides": len(base.sides)}
        sections = []
        if listing in ("all", "people"):
            speakers, quoted = base.quoted_speakers(DIRECTORY_PAGE)
            items = [Item(text=self._person_title(speaker), details=(f"{count} quote{'s' if count != 1 else ''}",))
                     for ref, _, count in speakers if (speaker := base.speaker(ref)) is not None]
            sections.append(Section(heading="The most quoted", items=tuple(items), subheading=(
                f"{len(items)} of the {quoted} people and institutions quoted; {counts['people']} people in all. "
                "/whois <name> for any of them.")))
        listed: dict[str, list[str]] = {
            "institutions": [f"{body.name} — {body.kind} ({self.side_name(body.side)})"
                             for body in base.institutions.values()],
            "groups": [f"{group.name} — {group.kind}" for group in base.groups.values()],
            "sides": [f"{side.name} — {side.kind}" for side in base.sides.values()]}
        for kind, lines in listed.items():
            if listing not in ("all", kind) or not lines:
                continue
            shown = sorted(lines)[:DIRECTORY_PAGE]
            more = f"; the first {len(shown)} by name" if len(lines) > len(shown) else ""
            sections.append(Section(heading=kind.capitalize(), items=tuple(Item(text=line) for line in shown),
                                    subheading=f"{len(lines)} {kind}{more}"))
        summary = " · ".join(f"{count} {kind}" for kind, count in counts.items())
        if not any(section.items for section in sections):
            return self._nothing(f"The fact base holds no {listing if listing != 'all' else 'entries'} yet.",
                                 more=("Try /sources to see what the base covers.",))
        title = "Who the fact base holds" if listing == "all" else f"The {listing} the fact base holds"
        return Reply(tone="answer", title=title, summary=summary, sections=tuple(sections))

    def _profiles(self, answer: queries.WhoisAnswer, name: str) -> Reply:
        """The cards of the people and groups a whois answer found."""
        sections = [self._side_section_card(profile) for profile in answer.sides]
        sections += [self._person_section(profile) for profile in answer.people]
        sections += [self._institution_section(profile) for profile in answer.institutions]
        sections += [self._group_section(profile) for profile in answer.groups]
        notes: tuple[str, ...] = ()
        unshown = answer.people_total - len(answer.people)
        if unshown > 0:
            notes = (f"{unshown} more people match “{name}”; narrow it with a side (“the <demonym> {name}”), "
                     "a period or a name.",)
        if len(sections) == 1 and not notes:
            only = sections[0]
            return Reply(tone="answer", title=only.heading or name, sections=(Section(items=only.items),))
        entries = len(sections) + max(unshown, 0)
        return Reply(tone="answer", title=f"“{name}” matches {entries} entries", sections=tuple(sections), notes=notes)

    def _side_section_card(self, profile: queries.SideProfile) -> Section:
        side = profile.side
        items = [Item(text=side.kind, lead="Kind")]
        also = [*side.aliases, *side.demonyms, *side.metonyms]
        if also:
            items.append(Item(text=", ".join(also), lead="Also written"))
        if profile.institutions:
            items.append(Item(text=", ".join(body.name for body in profile.institutions), lead="Institutions"))
        if profile.people:
            items.append(Item(text=f"{profile.people_count} in the base: "
                                   f"{', '.join(person.name for person in profile.people)}"
                                   f"{' …' if profile.people_count > len(profile.people) else ''}", lead="People"))
        named_by = ", ".join(self.side_name(ref) for ref in profile.named_as_threat_by)
        items.append(Item(text=f"{profile.quote_count} quote{'s' if profile.quote_count != 1 else ''} · "
                               f"{profile.named_count} threat claim{'s' if profile.named_count != 1 else ''} made · "
                               f"named as a threat by {named_by or 'no side'} · "
                               f"{profile.event_count} event{'s' if profile.event_count != 1 else ''}",
                          lead="In the base"))
        return Section(heading=f"{side.name} ({side.kind})", items=tuple(items),
                       subheading=f"Try /quotes {side.name}, /threats {side.name}, /timeline {side.name}")

    def _institution_section(self, profile: queries.InstitutionProfile) -> Section:
        body = profile.institution
        items = [Item(text=body.kind, lead="Kind"), Item(text=self.side_name(body.side), lead="Side")]
        if body.aliases:
            items.append(Item(text=", ".join(body.aliases), lead="Also called"))
        items.append(Item(text=f"{profile.quote_count} quote{'s' if profile.quote_count != 1 else ''} · "
                               f"{profile.threat_count} threat claim{'s' if profile.threat_count != 1 else ''} · "
                               f"{profile.event_count} event{'s' if profile.event_count != 1 else ''} · "
                               f"{self._articles_text(profile.articles)}", lead="In the base"))
        return Section(heading=self._person_title(body), items=tuple(items))

    def _articles_text(self, articles: Iterable[str]) -> str:
        """"in [001], [004]": the first ``ARTICLES_NAMED`` articles, then how many more."""
        listed = list(articles)
        labels = [f"[{article_label(article)}]" for article in listed[:ARTICLES_NAMED]]
        more = f" and {len(listed) - ARTICLES_NAMED} more" if len(listed) > ARTICLES_NAMED else ""
        return f"in {', '.join(labels)}{more}" if labels else "in no article"

    def _person_section(self, profile: queries.PersonProfile) -> Section:
        person = profile.person
        items = [Item(text=role.title, lead="Role",
                      details=(_role_period(role),) if role.start or role.end or not role.in_articles else ())
                 for role in person.roles]
        items.append(Item(text=self.side_name(person.side), lead="Side"))
        if person.aliases:
            items.append(Item(text=", ".join(person.aliases), lead="Also written"))
        items.append(Item(text=f"{profile.quote_count} quote{'s' if profile.quote_count != 1 else ''} · "
                               f"{profile.event_count} event{'s' if profile.event_count != 1 else ''} · "
                               f"{self._articles_text(profile.articles)}", lead="In the base"))
        return Section(heading=self._person_title(person), items=tuple(items))

    def _group_section(self, profile: queries.GroupProfile) -> Section:
        group = profile.group
        items = [Item(text=group.kind, lead="Kind")]
        if group.aliases:
            items.append(Item(text=", ".join(group.aliases), lead="Also called"))
        for designation in group.designations:
            by = f" by {designation.by}" if designation.by else ""
            items.append(Item(text=f"{designation.label}{by}", lead="Designated", quoted=False,
                              sources=self.cite((designation.source,))))
        named = ", ".join(self.side_name(ref) for ref in profile.named_by_sides) or "no side"
        items.append(Item(text=f"named as a threat by {named} · {profile.threat_count} claim"
                               f"{'s' if profile.threat_count != 1 else ''} · {profile.event_count} event"
                               f"{'s' if profile.event_count != 1 else ''} · {self._articles_text(profile.articles)}",
                          lead="In the base"))
        return Section(heading=f"{group.name} ({group.kind})", items=tuple(items))

    # ------------------------------------------------------------------ /sources

    def sources(self, query: Query | None = None) -> Reply:
        """``/sources``: every article with its headline, outlet and publication date."""
        answer = queries.sources(self.base)
        items = tuple(
            Item(text=source.headline, lead=f"[{article_label(source.article)}]",
                 date=f"published {format_span(source.published)}",
                 details=(source.outlet or "outlet not named in the text", f"dated by: {source.basis}"))
            for source in answer.sources[:SOURCES_PAGE])
        total = len(answer.sources)
        notes = (f"Showing the oldest {len(items)} of {total} articles: /timeline <period> finds what a period "
                 "covers.",) if total > len(items) else ()
        return Reply(tone="answer", title="Sources of the fact base",
                     summary=f"{total} article{'s' if total != 1 else ''}, oldest first",
                     sections=(Section(items=items),), notes=notes)

    # ------------------------------------------------------------------ plain-English extras

    def about(self, text: str) -> Reply:
        """"Tell me about X": a person or group when X names one, else what a person said on a topic
        ("araqchi pipeline"), else the events, else the articles' words."""
        name = meaningful(text)
        if not name:
            return self.help_reply()
        try:
            period, rest = split_period(name)
        except DateError:
            return self.search(text)
        found = queries.whois(self.base, meaningful(rest), period)
        if found.found:
            reply = self._profiles(found, name)
            refs = ([profile.person.id for profile in found.people] + [profile.group.id for profile in found.groups]
                    + [profile.institution.id for profile in found.institutions]
                    + [profile.side.id for profile in found.sides])
            events = {event.id: event for ref in refs for event in self.base.events_with(ref)} if len(refs) == 1 else {}
            extra: list[Section] = []
            if events:
                ordered = sorted(events.values(), key=lambda event: (event.date.chronological_key(), event.id))
                extra.append(Section(heading="What happened", items=tuple(self._event_item(e) for e in ordered)))
            cited = sum(profile.quote_count for profile in found.people) + sum(
                profile.quote_count for profile in found.institutions) + sum(
                profile.threat_count for profile in found.groups) + len(events) + len(found.sides)
            hits = () if cited else self._relevant_hits(name)
            if hits:
                extra.append(Section(heading="In the articles", items=self._sentence_items(hits)))
            return replace(reply, sections=(*reply.sections, *extra)) if extra else reply
        who, topic = queries.split_speaker(self.base, meaningful(rest))
        if topic and any(entry.quotes for entry in queries.quotes(self.base, who, period, words=topic).speakers):
            return self.command("quotes", name, asked=True)
        if (period or content_words(rest)) and queries.timeline(
                self.base, period, meaningful(rest), lenient=True).events:
            return self.command("timeline", name, asked=True)
        reply = self.search(text)
        if reply.tone == "help" and found.suggestions:
            return self._nothing(f"Nothing in the fact base or the articles matches “{name}”.", found.suggestions,
                                 ("Try /whois with the name, or /sources.",))
        return reply

    def search(self, text: str) -> Reply:
        """The articles' sentences that best match a question no command fits, cited."""
        hits = self._relevant_hits(text)
        if not hits:
            return self.help_reply(f"Nothing in the fact base or the articles matches “{text}”.")
        return Reply(tone="answer", title=f"From the articles, for “{text}”",
                     summary="The article sentences that match best (sentences, not curated facts):",
                     sections=(Section(items=self._sentence_items(hits)),))

    def _sentence_items(self, hits: Iterable[queries.SentenceHit]) -> tuple[Item, ...]:
        return tuple(Item(text=hit.sentence, sources=self.cite_article(hit.article)) for hit in hits)

    def cite_article(self, article: str) -> tuple[SourceRef, ...]:
        """The citation of a whole article."""
        source = self.base.source(article)
        return (SourceRef(article_label(article), source.outlet, format_span(source.published)),)

    def _relevant_hits(self, text: str) -> tuple[queries.SentenceHit, ...]:
        """Sentence hits that share at least one meaningful word with the question."""
        wanted = {word for word in content_words(text) if len(word) > 2}
        if not wanted:
            return ()
        hits = queries.search(self.base, text, limit=SEARCH_LIMIT)
        return tuple(hit for hit in hits if wanted & set(content_words(hit.sentence)))

    def _with_sentences(self, nothing: Reply, question: str, required: frozenset[str] = frozenset()) -> Reply:
        hits = tuple(hit for hit in self._relevant_hits(question)
                     if not required or required & set(content_words(hit.sentence)))
        if not hits:
            return nothing
        return Reply(tone="nothing", title=nothing.title,
                     summary="The closest sentences in the articles (not facts of the base):",
                     sections=(Section(items=self._sentence_items(hits)),), notes=nothing.notes)


def _phrase(citations: Iterable[Citation]) -> str | None:
    """The date phrase a fact was written with, for showing a vague date in the article's words."""
    return next((citation.date_phrase for citation in citations if citation.date_phrase), None)


def _lies_within(span: DateSpan, period: DateSpan) -> bool:
    return period.start <= span.start and span.end <= period.end


def _merged(replies: list[Reply], title: str) -> Reply:
    """Several answers as one reply, in the order asked: each under its own heading, notes kept."""
    answered = [reply for reply in replies if reply.is_answer]
    notes = tuple(dict.fromkeys(note for reply in replies for note in reply.notes))
    if not answered:
        return Reply(tone="nothing", title=" ".join(reply.title for reply in replies), notes=notes)
    sections: list[Section] = []
    for reply in replies:
        body = reply.sections if reply.is_answer else ()
        if body and all(section.heading for section in body):
            sections.extend(body)
        elif body:
            sections.append(replace(body[0], heading=reply.title, subheading=reply.summary))
            sections.extend(body[1:])
        else:
            sections.append(Section(heading=reply.title))
    return Reply(tone="answer", title=title, summary=f"{len(replies)} parts, answered in turn",
                 sections=tuple(sections), notes=notes, narrow_hint=replies[0].narrow_hint)


def _role_period(role: Role) -> str:
    """When a role was held ("2018-08 – 2022-04", "from 2024-03"), and whether the articles say so."""
    period = (f"{role.start} – {role.end}" if role.start and role.end else
              f"from {role.start}" if role.start else f"until {role.end}" if role.end else "")
    provenance = "" if role.in_articles else "public record; no article gives this post"
    return "; ".join(part for part in (period, provenance) if part)
