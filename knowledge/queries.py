"""Pure queries over the compiled fact base: what the bot (and anyone else) asks.

Every answer is computed from the :class:`~knowledge.store.FactBase`; nothing here knows about
Slack. Name matching (people, roles, groups, sides) uses rapidfuzz, ranked and deterministic;
a name with no confident match gives an empty answer with suggestions, never a near miss.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.models import DateSpan, Event, Group, Person, Quote, Source, Threat, ThreatSide


@dataclass(frozen=True)
class SpeakerQuotes:
    """One person's quotes; ``matched_role`` is set when the question named a role, not a name."""

    person: Person
    quotes: tuple[Quote, ...]
    matched_role: str | None = None


@dataclass(frozen=True)
class QuotesAnswer:
    """``quotes(who)``: the matching speakers (several when a role matched several people)."""

    query: str
    speakers: tuple[SpeakerQuotes, ...]
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineAnswer:
    """``timeline(period, words)``: events in date order."""

    period: DateSpan | None
    words: str
    events: tuple[Event, ...]
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThreatsAnswer:
    """``threats(side, period, group)``: threat claims ordered by side then date."""

    side: ThreatSide | None
    period: DateSpan | None
    group: Group | None
    threats: tuple[Threat, ...]
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonProfile:
    """A person with how often the base quotes them and names them in events."""

    person: Person
    quote_count: int
    event_count: int
    articles: tuple[str, ...]


@dataclass(frozen=True)
class GroupProfile:
    """A group with the threat claims and events that name it."""

    group: Group
    threat_count: int
    event_count: int
    named_by_sides: tuple[ThreatSide, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class WhoisAnswer:
    """``whois(name)``: matching people and groups (a role may match several people)."""

    query: str
    people: tuple[PersonProfile, ...] = ()
    groups: tuple[GroupProfile, ...] = ()
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class SentenceHit:
    """A sentence of an article that matches a free-text question (BM25 ranked)."""

    article: str
    sentence: str
    offset: int
    score: float


@dataclass(frozen=True)
class SourcesAnswer:
    """``sources()``: every article, oldest first."""

    sources: tuple[Source, ...] = field(default_factory=tuple)
