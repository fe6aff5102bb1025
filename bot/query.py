"""The typed query: what a slash argument or a plain-English question asks, read once.

:class:`QueryReader` turns the argument text of a command ("araghchi since the Doha talks about
the border") into a frozen :class:`Query` — subjects, sides, a :class:`Period` with its relation
(in, since, after, before, until, between) and the events that anchor it, topic words, manner
and target — and the core executes that object. Nothing downstream re-splits the text. The
reader needs the fact base only to recognise sides, anchor events and names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from rapidfuzz import fuzz, process

from knowledge import queries
from knowledge.dates import RELATIVE_TO_TODAY, DateError, format_span, parse_period, resolve
from knowledge.models import DateSpan, Event, ThreatHow
from knowledge.names import STOPWORDS, content_words, normalize, tokens
from knowledge.store import FactBase

Relation = Literal["in", "since", "after", "before", "until", "between"]

OPEN_START, OPEN_END = date(1, 1, 1), date(9999, 12, 31)
MAX_PERIOD_WORDS = 7
ALL_WORDS = frozenset({"all", "everything", "*", "both"})
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
RELATIONS: dict[str, Relation] = {
    "since": "since", "from": "since", "after": "after", "following": "after", "before": "before",
    "prior to": "before", "until": "until", "till": "until", "up to": "until", "through": "until",
    "between": "between",
}
COUNTING_WORDS = frozenset({"two", "three", "both", "first", "second", "last", "latest", "recent", "earlier"})
WINDOWS = {"day": 1, "week": 7, "fortnight": 14, "month": 31, "year": 366}
ANCHORED = re.compile(
    r"(?:^|\s)(?:(?:(?:in|within|during)\s+)?(?:the\s+)?(?P<window>day|week|fortnight|month|year)\s+)?"
    r"(?P<relation>since|after|following|before|prior to|until|till|between)\s+(?P<what>.+)$",
    re.IGNORECASE,
)
_ABOUT_TAIL = re.compile(r"\s+(?:about|regarding|concerning|on the subject of)\s+.*$", re.IGNORECASE)
ABOUT_SEPARATOR = re.compile(r"\s+(?:about|regarding|concerning|on the subject of|on)\s+|^(?:about|regarding)\s+",
                             re.I)
_SUBJECT_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", re.IGNORECASE)
SIDE_PEOPLE = frozenset({"official", "officials", "leaders", "leadership", "government", "authorities", "side",
                         "people", "state", "country"})
MANNER_WORDS: dict[str, ThreatHow] = {
    "military": "military action", "strike": "military action", "strikes": "military action",
    "struck": "military action", "attacked": "military action", "bombed": "military action",
    "statement": "statement", "statements": "statement", "said": "statement",
    "designation": "designation", "designations": "designation", "designated": "designation",
    "narration": "narration",
}


@dataclass(frozen=True)
class Anchor:
    """An event that anchors a period ("since the Doha talks"), and the others the words matched."""

    words: str
    event: Event
    others: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Period:
    """When a query asks about: ``span`` to filter by, how it was written (``relation`` to ``point``).

    ``point`` is the date or the anchor event's date the relation is taken from; ``window`` is a
    bounded stretch after or before it ("in the week after the strikes").
    """

    span: DateSpan
    relation: Relation = "in"
    point: DateSpan | None = None
    anchors: tuple[Anchor, ...] = ()
    window: str | None = None
    written: str = ""

    def describe(self) -> str:
        """The period as the answer's opening states it: "Oct 2025", "after 17 Jan 2024",
        "since the Doha talks (11–26 Oct 2025)", "in the week after …"."""
        if self.relation == "in" or self.point is None:
            return format_span(self.span)
        if self.relation == "between":
            if len(self.anchors) == 2:
                first, second = self.anchors
                return (f"between {_anchor_text(first)} and {_anchor_text(second)}")
            return f"between {format_span(self.span)}"
        what = _anchor_text(self.anchors[0]) if self.anchors else format_span(self.point)
        lead = f"in the {self.window} {self.relation} " if self.window else f"{self.relation} "
        return lead + what

    def phrase(self) -> str:
        """The period after a noun: "in Oct 2025", "since 11 Oct 2025"."""
        described = self.describe()
        if self.relation != "in" or self.window:
            return described
        one_day = self.span.start == self.span.end and self.span.precision == "day"
        return f"{'on' if one_day else 'in'} {described}"


def _anchor_text(anchor: Anchor) -> str:
    return f"“{anchor.words}” ({format_span(anchor.event.date)})"


@dataclass(frozen=True)
class Query:
    """One request, parsed: who, when, about what, how and against whom.

    ``subjects`` are the names, roles or institutions as written ("Zarif", "Pakistan's foreign
    office"), several when the question names several; ``sides`` the side ids it names as a
    whole ("Iran and Pakistan"); ``words`` the remaining filter words (a timeline's words, a
    whois name, a threat's group); ``target`` the side acted against.
    """

    command: str
    text: str
    period: Period | None = None
    subjects: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    topic: str = ""
    words: str = ""
    manner: ThreatHow | None = None
    target: str | None = None
    asked: bool = False
    notes: tuple[str, ...] = field(default=())
    naming: bool = False  # threats: the claims that name ``sides[0]`` as the threat, not those it made

    def argument(self, side_name: Callable[[str], str]) -> str:
        """The argument text that reads back as this query (``side_name`` names a side id)."""
        who = " and ".join(self.subjects) if self.subjects else " and ".join(map(side_name, self.sides))
        manner = next((word for word, how in MANNER_WORDS.items() if how == self.manner), "") if self.manner else ""
        words = self.words if self.command != "whois" or not self.subjects else ""
        parts = ["naming" if self.naming else "", who, words,
                 side_name(self.target) if self.target else "", manner,
                 self.period.written if self.period else "", f"about {self.topic}" if self.topic else ""]
        return " ".join(part for part in parts if part)


def fix_month_typo(word: str) -> str:
    """A month name typed with one slip ("januray") as the month; other words unchanged."""
    bare = word.lower().strip(".,")
    if len(bare) < 4 or not bare.isalpha() or bare in MONTH_NAMES:
        return word
    found = process.extractOne(bare, MONTH_NAMES, scorer=fuzz.ratio, score_cutoff=80)
    return found[0] if found else word


def meaningful(text: str) -> str:
    """``text`` without leading and trailing function words ("in", "the", "from"); a word written in
    capitals ("US", "IT") is a name, not a function word."""
    words = text.split()
    while words and _function_word(words[0]):
        words.pop(0)
    while words and _function_word(words[-1]):
        words.pop()
    return " ".join(words)


def _function_word(word: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", word)
    return normalize(word) in STOPWORDS | {""} and not (len(letters) >= 2 and letters.isupper())


def split_topic(text: str) -> tuple[str, str]:
    """Split "<who> about <topic>" into its two parts (the topic is "" when none is given)."""
    parts = ABOUT_SEPARATOR.split(text, maxsplit=1)
    who, topic = (parts + [""])[:2]
    return meaningful(who), meaningful(topic)


def split_manner(text: str) -> tuple[ThreatHow | None, str]:
    """Find how a threat was named among the words ("military", "strikes", "statements"): (how, the rest)."""
    words = text.split()
    for index, word in enumerate(words):
        how = MANNER_WORDS.get(normalize(word))
        if how:
            rest = [other for other in words[:index] + words[index + 1:] if normalize(other) != "action"]
            return how, " ".join(rest)
    return None, text


def _relation_before(words: list[str], first: int) -> tuple[Relation | None, int]:
    """The time relation written just before ``words[first]`` ("since", "prior to") and its length."""
    for size in (2, 1):
        if first >= size:
            relation = RELATIONS.get(" ".join(words[first - size:first]).lower().strip(",:"))
            if relation:
                return relation, size
    return None, 0


def related_span(point: DateSpan, relation: Relation, window: str | None = None) -> DateSpan:
    """The span a relation makes of ``point``: "since 2024" runs from 1 Jan 2024 on, "in the week
    after" the seven days that follow it."""
    if relation == "since":
        return DateSpan(start=point.start, end=OPEN_END, precision="day")
    if relation == "after":
        start = point.end + timedelta(days=1)
        end = start + timedelta(days=WINDOWS[window] - 1) if window else OPEN_END
        return DateSpan(start=start, end=end, precision="day")
    if relation == "before":
        end = point.start - timedelta(days=1)
        start = end - timedelta(days=WINDOWS[window] - 1) if window else OPEN_START
        return DateSpan(start=start, end=end, precision="day")
    if relation == "until":
        return DateSpan(start=OPEN_START, end=point.end, precision="day")
    return point


def split_period(text: str) -> tuple[DateSpan | None, str]:
    """Find a dated period among the words of ``text``: ``(span, the other words)``.

    The longest run of words that reads as a period wins ("jan 2024 talks" -> Jan 2024,
    "talks"); month names are forgiven one typo; a relation written before it opens it
    ("since 2024"). Raises :class:`DateError` for a period written like one but impossible.
    """
    period, rest = read_dated_period(text)
    return (period.span if period else None), rest


def relative_period(text: str, today: date | None = None) -> DateSpan | None:
    """A period written relative to today ("last year", "this month", "two weeks ago"), read as the
    news desk's date; None for anything else."""
    if not RELATIVE_TO_TODAY.fullmatch(text.strip()):
        return None
    try:
        return resolve(text.strip(), today or date.today())
    except DateError:
        return None


def read_dated_period(text: str, today: date | None = None) -> tuple[Period | None, str]:
    """Like :func:`split_period`, keeping how the period was written; "last year" and its like are
    read against ``today`` (default: the clock's)."""
    words = [fix_month_typo(word) for word in text.split()]
    for size in range(min(len(words), MAX_PERIOD_WORDS), 0, -1):
        for first in range(len(words) - size + 1):
            phrase = " ".join(words[first:first + size])
            point = parse_period(phrase) or relative_period(phrase, today)
            if point is None:
                continue
            relation, taken = _relation_before(words, first)
            rest = " ".join(words[:first - taken] + words[first + size:])
            written = " ".join(words[first - taken:first + size])
            if relation is None or relation == "between":
                return Period(span=point, written=written), rest
            return Period(span=related_span(point, relation), relation=relation, point=point, written=written), rest
    return None, text.strip()


def has_period(text: str) -> bool:
    """True when ``text`` holds a dated period (or one written like a period but impossible)."""
    try:
        return split_period(text)[0] is not None
    except DateError:
        return True


class QueryReader:
    """Reads argument text into :class:`Query` objects against one fact base."""

    def __init__(self, base: FactBase) -> None:
        self.base = base

    # ------------------------------------------------------------------ periods

    def read_period(self, text: str) -> tuple[Period | None, str, tuple[str, ...]]:
        """The period ``text`` asks about — a date, a relation to a date, or a relation to an event
        ("since the Doha talks", "between the two attacks", "in the week after the strikes") — the
        words left, and notes on how an anchor was chosen. Raises ``DateError`` for an impossible date."""
        period, rest = read_dated_period(text)
        if period is not None:
            return period, rest, ()
        found = ANCHORED.search(text)
        if not found:
            return None, text.strip(), ()
        relation = RELATIONS[found["relation"].lower()]
        what = found["what"]
        tail = _ABOUT_TAIL.search(what)
        topic_tail = tail.group(0) if tail else ""
        what = what[:tail.start()] if tail else what
        before = text[:found.start()].strip()
        window = found["window"].lower() if found["window"] else None
        if relation == "between":
            anchors = self._two_anchors(what)
            if anchors is None:
                return None, text.strip(), ()
            first, second = anchors
            if window:
                return None, text.strip(), ()
            span = DateSpan(start=first.event.date.end + timedelta(days=1),
                            end=second.event.date.start - timedelta(days=1), precision="day")
            if span.end < span.start:
                return None, text.strip(), (f"No day lies between {_anchor_text(first)} and "
                                            f"{_anchor_text(second)}.",)
            period = Period(span=span, relation="between", point=span, anchors=(first, second),
                            written=text[found.start():len(text) - len(topic_tail)].strip())
            return period, f"{before}{topic_tail}".strip(), self._anchor_notes(period)
        anchor = self._anchor(what, relation)
        if anchor is None:
            return None, text.strip(), ()
        period = Period(span=related_span(anchor.event.date, relation, window), relation=relation,
                        point=anchor.event.date, anchors=(anchor,), window=window,
                        written=text[found.start():len(text) - len(topic_tail)].strip())
        return period, f"{before}{topic_tail}".strip(), self._anchor_notes(period)

    def _events_matching(self, words: str) -> list[Event]:
        wanted = meaningful(" ".join(word for word in words.split() if word.lower() not in COUNTING_WORDS))
        if not content_words(wanted):
            return []
        answer = queries.timeline(self.base, None, wanted)
        events = list(answer.events) or list(queries.timeline(self.base, None, wanted, lenient=True).events)
        return sorted(events, key=lambda event: (event.date.start, event.date.end, event.id))

    def _anchor(self, words: str, relation: Relation, *, after: date | None = None) -> Anchor | None:
        """The event ``words`` name: of several, the first for since/before, the last for after/until;
        with ``after``, the first that begins after that day (the second event of "between A and B")."""
        events = self._events_matching(words)
        if not events:
            return None
        sides, rest = queries.split_sides(self.base, tokens(words))
        placed = [event for event in events if event.place and set(tokens(event.place)) & set(rest)]
        acted = [event for event in placed or events if sides and self._acted_by(event, sides)]
        pool = acted or placed or events
        later = [event for event in pool if after is not None and event.date.start > after]
        chosen = later[0] if later else pool[0] if relation in {"since", "before"} else pool[-1]
        return Anchor(meaningful(words), chosen, tuple(event for event in events if event is not chosen))

    def _acted_by(self, event: Event, sides: list[str]) -> bool:
        """True when one of ``sides`` acts in ``event``: among its actors, or the subject of its summary."""
        for actor in event.actors:
            speaker = self.base.speaker(actor)
            if actor in sides or (speaker is not None and speaker.side in sides):
                return True
        leading = tokens(event.summary)[:3]
        return any(queries.split_sides(self.base, leading[:size])[0][:1] == [side]
                   and not queries.split_sides(self.base, leading[:size])[1]
                   for side in sides for size in (1, 2, 3))

    def _two_anchors(self, words: str) -> tuple[Anchor, Anchor] | None:
        """The two events of "between A and B", or the first two events "the two attacks" names."""
        parts = re.split(r"\s+and\s+", words, maxsplit=1)
        if len(parts) == 2:
            first = self._anchor(parts[0], "since")
            second = self._anchor(parts[1], "until", after=first.event.date.end if first else None)
            if first and second:
                return first, second
        events = self._events_matching(words)
        if len(events) < 2:
            return None
        return (Anchor(meaningful(words), events[0]), Anchor(meaningful(words), events[1], tuple(events[2:])))

    def _anchor_notes(self, period: Period) -> tuple[str, ...]:
        notes = []
        for anchor in period.anchors:
            note = f"Anchored on: {anchor.event.summary} ({format_span(anchor.event.date)})."
            if anchor.others:
                shown = "; ".join(f"{event.summary} ({format_span(event.date)})" for event in anchor.others[:3])
                more = f" and {len(anchor.others) - 3} more" if len(anchor.others) > 3 else ""
                note += f" “{anchor.words}” also matches: {shown}{more}."
            notes.append(note)
        return tuple(dict.fromkeys(notes))

    # ------------------------------------------------------------------ names and sides

    def sides_named(self, text: str) -> tuple[str, ...]:
        """The side ids ``text`` consists of ("Iran", "Iran and Pakistan", "the United States");
        empty when it names anything else."""
        if self.side_alone(text):
            return tuple(side for side in (queries.match_side(self.base, text),) if side)
        exact = self.base.side_words.get(normalize(meaningful(text)))
        if exact:  # "U.S.", written as one of the side's names
            return (exact,)
        words = [word for word in content_words(text) if word not in SIDE_PEOPLE]
        sides, rest = queries.split_sides(self.base, words)
        if not rest:
            return tuple(sides)
        typos = [queries.match_side(self.base, word) for word in rest]
        if not all(typos):
            return ()
        return tuple(dict.fromkeys([*sides, *(side for side in typos if side)]))

    def side_alone(self, text: str) -> bool:
        """True when ``text`` is a side's name that reads like a function word ("US")."""
        return not content_words(text) and queries.match_side(self.base, text) is not None

    def argument(self, text: str, asked: bool) -> str:
        """A command's argument without edge function words, unless it is typed whole as a side's
        name that reads like one ("/threats us"); in a plain-English question only when it is written
        exactly as the side is ("US", not the pronoun "us")."""
        if self.side_alone(text) and (not asked or text.strip() in self._side_spellings()):
            return text.strip()
        return meaningful(text)

    def _side_spellings(self) -> set[str]:
        return {word for side in self.base.sides.values() for word in side.words}

    def side_at(self, words: list[str], index: int) -> int:
        """How many of ``words`` from ``index`` on name a side (0 when none does)."""
        for size in (3, 2, 1):
            if index + size <= len(words) and queries.match_side(self.base, " ".join(words[index:index + size])):
                return size
        return 0

    def subjects(self, who: str) -> tuple[str, ...]:
        """``who`` as one subject, or as several when each part of "A and B" / "A, B" names someone."""
        parts = [meaningful(part) for part in _SUBJECT_JOINER.split(who) if meaningful(part)]
        if len(parts) > 1 and all(self._names_someone(part) for part in parts):
            return tuple(parts)
        return (who,) if who else ()

    def _names_someone(self, text: str) -> bool:
        return bool(queries.match_people(self.base, text)[0] or queries.match_institutions(self.base, text))

    # ------------------------------------------------------------------ commands

    def read(self, command: str, text: str, *, asked: bool = False) -> Query:
        """The query ``/command text`` asks (``asked``: the text came from a plain-English question)."""
        reader = {"timeline": self._timeline, "quotes": self._quotes, "threats": self._threats,
                  "whois": self._whois}.get(command)
        if reader is None:
            return Query(command=command, text=text, asked=asked)
        return reader(Query(command=command, text=text, asked=asked))

    def _timeline(self, query: Query) -> Query:
        period, rest, notes = self.read_period(query.text)
        words = "" if rest.strip().lower() in ALL_WORDS else meaningful(rest)
        return Query(command=query.command, text=query.text, period=period, words=words, asked=query.asked,
                     notes=notes)

    def _quotes(self, query: Query) -> Query:
        period, rest, notes = self.read_period(query.text)
        who, topic = (rest.strip(), "") if self.side_alone(rest) else split_topic(rest)
        institution = bool(queries.match_institutions(self.base, who))
        if not topic and not institution and not self.sides_named(who) and len(self.subjects(who)) < 2:
            who, topic = queries.split_speaker(self.base, who)
        sides = () if institution else self.sides_named(who)
        subjects = () if sides else self.subjects(who)
        return Query(command=query.command, text=query.text, period=period, subjects=subjects, sides=sides,
                     topic=topic, asked=query.asked, notes=notes)

    def _threats(self, query: Query) -> Query:
        period, rest, notes = self.read_period(query.text)
        how, rest = split_manner(rest)
        naming = rest.lower() == "naming" or rest.lower().startswith("naming ")
        rest = self.argument(rest[len("naming "):] if naming else rest, query.asked)
        sides: list[str] = []
        group = ""
        if rest and rest.lower() not in ALL_WORDS:
            side = queries.match_side(self.base, rest)
            if side is not None:
                sides = [side]
            else:
                words = rest.split()
                as_group = queries.match_groups(self.base, rest)[0] if len(words) > 1 else []
                bodies = queries.match_institutions(self.base, rest)
                if as_group:
                    group = rest
                elif bodies:
                    return Query(command=query.command, text=query.text, period=period, subjects=(rest,),
                                 sides=(bodies[0].side,), manner=how, asked=query.asked, notes=notes)
                else:
                    others, index = [], 0
                    while index < len(words):
                        size = self.side_at(words, index)
                        if size:
                            found = queries.match_side(self.base, " ".join(words[index:index + size]))
                            if found and found not in sides:
                                sides.append(found)
                        else:
                            others.append(words[index])
                        index += size or 1
                    group = " ".join(others)
        target = sides[1] if len(sides) > 1 else None
        return Query(command=query.command, text=query.text, period=period, sides=tuple(sides[:1]), words=group,
                     manner=how, target=target, asked=query.asked, notes=notes, naming=naming and bool(sides))

    def _whois(self, query: Query) -> Query:
        period, rest, notes = self.read_period(query.text)
        name = self.argument(rest, query.asked)
        return Query(command=query.command, text=query.text, period=period, subjects=self.subjects(name),
                     words=name, asked=query.asked, notes=notes)
