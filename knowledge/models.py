"""Typed, frozen records of the fact base: the curated input and the compiled output.

Curated files (TOML) are validated against the ``*Entry`` models, which reject unknown keys.
The compiler turns them into the compiled models (``Source``, ``Person``, ``Group``, ``Event``,
``Quote``, ``Threat``), in which every reference is resolved to a canonical id, every date
phrase to a :class:`DateSpan` and every evidence sentence to a :class:`Citation` with offsets.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "vague"]
QuoteKind = Literal["direct", "reported"]
ThreatHow = Literal["statement", "military action", "designation", "narration"]

PRECISIONS: tuple[Precision, ...] = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century",
                                      "vague")


class Frozen(BaseModel):
    """Base for every record: immutable, and unknown keys are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- curated input


class RoleEntry(Frozen):
    """A post a person held; ``start``/``end`` are ISO dates of any precision, when known.

    ``in_articles`` is false for a post no article gives the person (known from public record).
    """

    title: str
    start: str | None = None
    end: str | None = None
    in_articles: bool = True
    note: str | None = None


class SideEntry(Frozen):
    """One actor that can be a side in ``knowledge/sides.toml``: a state, government, de facto
    authority or other collective actor that speaks, names threats or is named.

    ``demonyms`` ("Iranian") and ``metonyms`` (capitals and other stand-ins, "Tehran") name the
    side in running text as its ``aliases`` do; all of them resolve to ``id``.
    """

    id: str
    name: str
    kind: str
    demonyms: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    note: str | None = None


class InstitutionEntry(Frozen):
    """A body quoted as such ("the Foreign Office said") in ``knowledge/institutions.toml``.

    ``aliases`` name it alone ("ISPR"); ``generic`` names ("foreign ministry", "the ministry")
    name it only beside its side ("Pakistan's foreign ministry"), as a title does a person.
    A government of kind ``government`` also stands for its side's metonyms in quotes
    ("Islamabad has long demanded …").
    """

    id: str
    name: str
    side: str
    kind: str
    aliases: list[str] = Field(default_factory=list)
    generic: list[str] = Field(default_factory=list)
    note: str | None = None


class PersonEntry(Frozen):
    """One person in ``knowledge/people.toml``; ``side`` names a side of ``sides.toml``."""

    id: str
    name: str
    side: str | None = None
    roles: list[RoleEntry] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    note: str | None = None


class DesignationEntry(Frozen):
    """A designation of a group stated in an article ("proscribed", "terror outfit")."""

    label: str
    by: str | None = None
    article: str
    evidence: str


class GroupEntry(Frozen):
    """One group in ``knowledge/groups.toml``."""

    id: str
    name: str
    kind: str
    aliases: list[str] = Field(default_factory=list)
    designations: list[DesignationEntry] = Field(default_factory=list)
    note: str | None = None


class SourceEntry(Frozen):
    """The ``[source]`` table of an article file: what the article is and when it appeared.

    ``seed_sha256`` is the hash of the seed's bytes when it was curated (``python -m knowledge
    seal`` records it), so an edit of the seed anywhere, inside evidence or not, is noticed.
    """

    headline: str
    outlet: str | None = None
    published: date
    precision: Precision
    basis: str
    note: str | None = None
    seed_sha256: str | None = None


class DatedEntry(Frozen):
    """Fields shared by every per-article fact.

    ``date_phrase`` is the date as the article words it ("on Wednesday"); ``resolve_as`` is an
    optional stand-in the resolver understands ("2020-11-11", "on Wednesday") for a phrase that
    is relative to something other than the publication date ("earlier in the day").
    """

    id: str
    evidence: str
    date_phrase: str | None = None
    resolve_as: str | None = None
    note: str | None = None


class EventEntry(DatedEntry):
    """A dated or datable happening."""

    summary: str
    actors: list[str] = Field(default_factory=list)
    place: str | None = None
    topics: list[str] = Field(default_factory=list)


class QuoteEntry(DatedEntry):
    """Words attributed to a speaker (a person or an institution): ``direct`` ones printed
    inside quotation marks, ``reported`` ones as the article reports them ("said that …")."""

    speaker: str
    kind: QuoteKind
    text: str
    context: str | None = None
    via: str | None = None


class ThreatEntry(DatedEntry):
    """What one side named as a threat, and how: a group, a state (a side) or an unnamed threat.

    ``named_by`` is a person or an institution, ``government`` (the side's government, by
    action) or ``outlet`` (the article's own narration).
    """

    side: str
    named_by: str
    how: ThreatHow
    group: str | None = None
    state: str | None = None
    unnamed: str | None = None


class ExclusionEntry(Frozen):
    """A quotation-marked passage of the article deliberately left out of the base."""

    text: str
    reason: str


class ArticleFile(Frozen):
    """One ``knowledge/articles/<seed stem>.toml`` file."""

    source: SourceEntry
    event: list[EventEntry] = Field(default_factory=list)
    quote: list[QuoteEntry] = Field(default_factory=list)
    threat: list[ThreatEntry] = Field(default_factory=list)
    exclude: list[ExclusionEntry] = Field(default_factory=list)


class SidesFile(Frozen):
    """``knowledge/sides.toml``."""

    side: list[SideEntry] = Field(default_factory=list)


class InstitutionsFile(Frozen):
    """``knowledge/institutions.toml``."""

    institution: list[InstitutionEntry] = Field(default_factory=list)


class PeopleFile(Frozen):
    """``knowledge/people.toml``."""

    person: list[PersonEntry] = Field(default_factory=list)


class NewGroupWords(Frozen):
    """Words that open the name of a group the base does not hold yet ("Lashkar-e-…"), so the
    ingest assistant can propose it: ``militant`` ones make it a militant group, ``other`` ones
    an organisation wherever the article names its side."""

    militant: list[str] = Field(default_factory=list)
    other: list[str] = Field(default_factory=list)


class GroupsFile(Frozen):
    """``knowledge/groups.toml``."""

    new_group_words: NewGroupWords = Field(default_factory=NewGroupWords)
    group: list[GroupEntry] = Field(default_factory=list)


# --------------------------------------------------------------------------- compiled output


class DateSpan(Frozen):
    """A date known to lie within ``start``..``end`` (inclusive), at ``precision``."""

    start: date
    end: date
    precision: Precision

    def chronological_key(self) -> tuple[date, date]:
        """Sort key for date order: by the latest day the span allows, then the earliest.

        A fact known only to lie "earlier this month" sorts after a dated fact of that month
        that it may follow, never before the events it is told as following.
        """
        return (self.end, self.start)

    def overlaps(self, start: date, end: date) -> bool:
        """True when this span shares at least one day with ``start``..``end``."""
        return self.start <= end and start <= self.end


class Citation(Frozen):
    """Where a fact is written: the seed file, the verbatim sentence and its offsets."""

    article: str
    evidence: str
    offset: int
    length: int
    date_phrase: str | None = None
    note: str | None = None


class Source(Frozen):
    """A compiled article."""

    article: str
    headline: str
    outlet: str | None
    published: DateSpan
    basis: str
    note: str | None = None


class Role(Frozen):
    """A compiled role."""

    title: str
    start: str | None = None
    end: str | None = None
    in_articles: bool = True
    note: str | None = None


class Side(Frozen):
    """A compiled side."""

    id: str
    name: str
    kind: str
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    note: str | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """Every word or phrase that names the side: name, aliases, demonyms and metonyms."""
        return (self.name, *self.aliases, *self.demonyms, *self.metonyms)


class Institution(Frozen):
    """A compiled institution: a body that speaks for a side."""

    id: str
    name: str
    side: str
    kind: str
    aliases: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    note: str | None = None


class Person(Frozen):
    """A compiled person; ``side`` is a side id, or None when the person speaks for no side."""

    id: str
    name: str
    side: str | None = None
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    note: str | None = None


class Designation(Frozen):
    """A compiled designation of a group."""

    label: str
    by: str | None
    source: Citation


class Group(Frozen):
    """A compiled group."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    designations: tuple[Designation, ...] = ()
    note: str | None = None


class Event(Frozen):
    """A compiled event, merged across every article that reports it."""

    id: str
    summary: str
    date_phrase: str | None
    date: DateSpan
    actors: tuple[str, ...] = ()
    place: str | None = None
    topics: tuple[str, ...] = ()
    sources: tuple[Citation, ...]
    notes: tuple[str, ...] = ()


class Quote(Frozen):
    """A compiled quote, merged across every article that prints it."""

    id: str
    speaker: str
    kind: QuoteKind
    text: str
    date: DateSpan
    context: str | None = None
    via: str | None = None
    sources: tuple[Citation, ...]
    notes: tuple[str, ...] = ()


class Threat(Frozen):
    """A compiled threat claim: ``side`` (a side id) named ``group`` (a group id), ``state`` (a side
    id) or an ``unnamed`` threat. ``named_by`` is a person or institution id, or ``outlet``."""

    id: str
    side: str
    named_by: str
    how: ThreatHow
    group: str | None
    state: str | None = None
    unnamed: str | None
    date: DateSpan
    sources: tuple[Citation, ...]
    notes: tuple[str, ...] = ()


class FactBaseData(Frozen):
    """Everything the compiler produces, in a deterministic order."""

    sources: tuple[Source, ...]
    people: tuple[Person, ...]
    groups: tuple[Group, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    threats: tuple[Threat, ...]
    sides: tuple[Side, ...] = ()
    institutions: tuple[Institution, ...] = ()
