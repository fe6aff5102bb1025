"""Compile the curated files into one verified :class:`FactBaseData`.

``compile_base(paths)`` reads ``knowledge/people.toml``, ``knowledge/groups.toml`` and
``knowledge/articles/*.toml``, checks every evidence against the bytes of its seed article,
resolves names through the alias tables and date phrases against publication dates, and merges
facts that several articles report under one id. Every problem found is collected; if there is
any, :class:`CompileFailed` is raised with all of them (file, fact id, reason, fix) and nothing
is produced. ``coverage_problems`` lists quotation-marked passages that nothing accounts for.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError
from rapidfuzz import fuzz, process

from knowledge.cache import BuildCache
from knowledge.dates import DateError, iso_span, month_span, resolve, week_start
from knowledge.extract.reading import find_quotations, paragraph_spans, sentence_spans
from knowledge.models import (
    ArticleFile,
    Citation,
    DatedEntry,
    DateSpan,
    Designation,
    Event,
    EventEntry,
    FactBaseData,
    Group,
    GroupsFile,
    Institution,
    InstitutionsFile,
    PeopleFile,
    Person,
    Quote,
    QuoteEntry,
    Role,
    Side,
    SidesFile,
    Source,
    SourceEntry,
    Threat,
    ThreatEntry,
)
from knowledge.names import normalize
from knowledge.paths import REPO_ROOT as REPO_ROOT  # re-exported: callers import them from here
from knowledge.paths import Paths as Paths

OUTLET = "outlet"  # named_by of the article's own narration


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the curated files, said so a curator can fix it."""

    file: str
    fact: str | None
    reason: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f" [{self.fact}]" if self.fact else "")
        return f"{where}: {self.reason}\n    fix: {self.fix}"


class CompileFailed(Exception):
    """The curated files do not compile; ``problems`` says every reason."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the fact base")

    def report(self) -> str:
        """All problems, one paragraph each."""
        return "\n".join(str(problem) for problem in self.problems)


Model = TypeVar("Model", bound=BaseModel)


@dataclass
class _Collector:
    problems: list[Problem] = field(default_factory=list)

    def add(self, file: Path | str, fact: str | None, reason: str, fix: str) -> None:
        name = file.name if isinstance(file, Path) else file
        self.problems.append(Problem(name, fact, reason, fix))


def seal(paths: Paths) -> list[str]:
    """Record each seed's current hash in its article file's ``[source]`` table (``seed_sha256``),
    editing only that line; returns the files changed."""
    changed = []
    for path in sorted(paths.articles.glob("*.toml")):
        seed = paths.seeds / f"{path.stem}.txt"
        if not seed.exists():
            continue
        text = path.read_text(encoding="utf-8")
        line = f'seed_sha256 = "{seed_hash(seed)}"'
        if re.search(r"(?m)^seed_sha256\s*=.*$", text):
            sealed = re.sub(r"(?m)^seed_sha256\s*=.*$", line, text, count=1)
        else:
            sealed = re.sub(r"(?m)^\[source\]\s*$", f"[source]\n{line}", text, count=1)
        if sealed != text:
            path.write_text(sealed, encoding="utf-8")
            changed.append(_display(path, paths))
    return changed


def _display(path: Path, paths: Paths) -> str:
    try:
        return str(path.relative_to(paths.root))
    except ValueError:
        return str(path)


def _load(path: Path, model: type[Model], paths: Paths, problems: _Collector, cache: BuildCache) -> Model | None:
    shown = _display(path, paths)
    try:
        raw = cache.toml(path)
    except FileNotFoundError:
        problems.add(shown, None, "file is missing", f"create {shown}")
        return None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.add(shown, None, f"not valid TOML: {error}", "correct the syntax at the place named")
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        for detail in error.errors():
            fact = _fact_id_at(raw, detail["loc"])
            location = ".".join(str(part) for part in detail["loc"])
            if detail["type"] == "extra_forbidden":
                reason = f"unknown key '{detail['loc'][-1]}' at {location}"
                fix = "remove it or correct its spelling (see knowledge/models.py for the allowed keys)"
            elif detail["type"] == "missing":
                reason = f"required key '{detail['loc'][-1]}' is missing at {location}"
                fix = "add it"
            else:
                reason = f"{location}: {detail['msg']} (got {detail.get('input')!r})"
                fix = "give a value of the expected form (see knowledge/models.py)"
            problems.add(shown, fact, reason, fix)
        return None


def _fact_id_at(raw: Any, loc: tuple[Any, ...]) -> str | None:
    node = raw
    for part in loc[:2]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node.get("id") if isinstance(node, dict) and isinstance(node.get("id"), str) else None


class AliasTable:
    """Every name, alias and id of the sides, people, institutions and groups, normalised, to the id
    it names. One name names one thing: a clash between any two tables is a problem."""

    def __init__(self) -> None:
        self.sides: dict[str, str] = {}
        self.people: dict[str, str] = {}
        self.institutions: dict[str, str] = {}
        self.groups: dict[str, str] = {}

    def add(self, table: dict[str, str], name: str, ref: str) -> str | None:
        """Record ``name`` for ``ref``; returns the other id when the name is already taken."""
        key = normalize(name)
        if not key:
            return None
        other = table.get(key)
        if other is not None and other != ref:
            return other
        table[key] = ref
        return None

    def side(self, name: str) -> str | None:
        """The side id ``name`` refers to, if any."""
        return self.sides.get(normalize(name))

    def person(self, name: str) -> str | None:
        """The person id ``name`` refers to, if any."""
        return self.people.get(normalize(name))

    def institution(self, name: str) -> str | None:
        """The institution id ``name`` refers to, if any."""
        return self.institutions.get(normalize(name))

    def speaker(self, name: str) -> str | None:
        """The person or institution id ``name`` refers to, if any."""
        return self.person(name) or self.institution(name)

    def group(self, name: str) -> str | None:
        """The group id ``name`` refers to, if any."""
        return self.groups.get(normalize(name))

    def actor(self, name: str) -> str | None:
        """The person, institution, group or side id ``name`` refers to, if any."""
        return self.speaker(name) or self.group(name) or self.side(name)

    def closest(self, name: str, table: dict[str, str]) -> str:
        """A did-you-mean for a reference that resolves to nothing."""
        found = process.extractOne(normalize(name), list(table), scorer=fuzz.WRatio)
        return f"did you mean '{found[0]}' ({table[found[0]]})?" if found and found[1] >= 60 else ""


@dataclass
class _Registry:
    """The compiled sides, people, institutions and groups, and the aliases that name them."""

    sides: list[Side]
    people: list[Person]
    institutions: list[Institution]
    groups: list[Group]
    aliases: AliasTable
    designations: list[tuple[str, Any]]


def _register(aliases: AliasTable, table: dict[str, str], names: Iterable[str], ref: str, shown: str,
              what: str, problems: _Collector) -> None:
    for name in names:
        other = aliases.add(table, name, ref)
        if other:
            problems.add(shown, ref, f"the name '{name}' is also given to '{other}'",
                         f"keep each alias on one {what} only")


def _side_ref(aliases: AliasTable, name: str | None, shown: str, ref: str, problems: _Collector) -> str | None:
    if name is None:
        return None
    side = aliases.side(name)
    if side is None:
        problems.add(shown, ref, f"side '{name}' is not a side of sides.toml",
                     f"add it to knowledge/sides.toml or correct it {aliases.closest(name, aliases.sides)}".strip())
    return side


def _registry(paths: Paths, problems: _Collector, cache: BuildCache) -> _Registry:
    aliases = AliasTable()
    sides_file = _load(paths.sides, SidesFile, paths, problems, cache) if paths.sides.exists() else None
    people_file = _load(paths.people, PeopleFile, paths, problems, cache)
    institutions_file = (_load(paths.institutions, InstitutionsFile, paths, problems, cache)
                         if paths.institutions.exists() else None)
    groups_file = _load(paths.groups, GroupsFile, paths, problems, cache)
    shown_sides, shown_people = _display(paths.sides, paths), _display(paths.people, paths)
    shown_institutions, shown_groups = _display(paths.institutions, paths), _display(paths.groups, paths)

    sides = []
    for side_entry in sides_file.side if sides_file else []:
        _register(aliases, aliases.sides, (side_entry.id, side_entry.name, *side_entry.aliases,
                                           *side_entry.demonyms, *side_entry.metonyms),
                  side_entry.id, shown_sides, "side", problems)
        sides.append(Side(
            id=side_entry.id, name=side_entry.name, kind=side_entry.kind, note=side_entry.note,
            demonyms=tuple(side_entry.demonyms), metonyms=tuple(side_entry.metonyms),
            aliases=tuple(dict.fromkeys(alias for alias in side_entry.aliases if alias != side_entry.name)),
        ))

    people = []
    for entry in people_file.person if people_file else []:
        _register(aliases, aliases.people, (entry.id, entry.name, *entry.aliases), entry.id, shown_people,
                  "person", problems)
        for role in entry.roles:
            for bound in (role.start, role.end):
                if bound is not None and _safe_iso(bound) is None:
                    problems.add(shown_people, entry.id, f"role '{role.title}': '{bound}' is not a date",
                                 "write YYYY, YYYY-MM or YYYY-MM-DD")
        people.append(Person(
            id=entry.id, name=entry.name, side=_side_ref(aliases, entry.side, shown_people, entry.id, problems),
            note=entry.note, roles=tuple(Role(**role.model_dump()) for role in entry.roles),
            aliases=tuple(dict.fromkeys(alias for alias in entry.aliases if alias != entry.name)),
        ))

    institutions = []
    for body in institutions_file.institution if institutions_file else []:
        _register(aliases, aliases.institutions, (body.id, body.name, *body.aliases), body.id,
                  shown_institutions, "institution", problems)
        side = _side_ref(aliases, body.side, shown_institutions, body.id, problems)
        institutions.append(Institution(
            id=body.id, name=body.name, side=side or body.side, kind=body.kind, note=body.note,
            aliases=tuple(dict.fromkeys(alias for alias in body.aliases if alias != body.name)),
            generic=tuple(dict.fromkeys(body.generic)),
        ))

    designations: list[tuple[str, Any]] = []
    groups = []
    for group_entry in groups_file.group if groups_file else []:
        _register(aliases, aliases.groups, (group_entry.id, group_entry.name, *group_entry.aliases),
                  group_entry.id, shown_groups, "group", problems)
        designations.append((group_entry.id, group_entry.designations))
        groups.append(Group(
            id=group_entry.id, name=group_entry.name, kind=group_entry.kind, note=group_entry.note,
            aliases=tuple(dict.fromkeys(alias for alias in group_entry.aliases if alias != group_entry.name)),
        ))

    tables = (("side", aliases.sides, shown_sides), ("person", aliases.people, shown_people),
              ("institution", aliases.institutions, shown_institutions), ("group", aliases.groups, shown_groups))
    for index, (what, table, shown) in enumerate(tables):
        for other_what, other_table, _ in tables[index + 1:]:
            for name in sorted(set(table) & set(other_table)):
                problems.add(shown, table[name], f"'{name}' names both a {what} and a {other_what}",
                             "rename or drop one of them so every reference is unambiguous")
    return _Registry(sides, people, institutions, groups, aliases, designations)


def _safe_iso(text: str) -> DateSpan | None:
    try:
        return iso_span(text)
    except DateError:
        return None


def published_span(entry: SourceEntry) -> DateSpan:
    """The publication date of a source as a span at its stated precision."""
    day = entry.published
    if entry.precision == "day":
        return DateSpan(start=day, end=day, precision="day")
    if entry.precision == "week":
        start = week_start(day)
        return DateSpan(start=start, end=start + timedelta(days=6), precision="week")
    if entry.precision == "month":
        return DateSpan(start=month_span(day.year, day.month)[0], end=month_span(day.year, day.month)[1],
                        precision="month")
    return DateSpan(start=date(day.year, 1, 1), end=date(day.year, 12, 31), precision="year")


@dataclass
class _Draft:
    """One article's entry for a fact, checked, waiting to be merged with its twins."""

    file: str
    entry: DatedEntry
    date: DateSpan
    citation: Citation


@dataclass
class _Article:
    name: str
    file: str
    text: str
    data: ArticleFile
    published: DateSpan
    content: bytes  # what the article's checks depend on besides the registry: its name and both files


def _citation(article: _Article, entry: DatedEntry, evidence: str, problems: _Collector) -> Citation | None:
    offset = article.text.find(evidence)
    if offset < 0:
        nearest = _nearest_sentence(article.text, evidence)
        problems.add(article.file, entry.id, f"evidence is not a verbatim part of {article.name}: {evidence[:90]!r}",
                     "copy the sentence exactly from the article" + (f"; closest: {nearest!r}" if nearest else ""))
        return None
    return Citation(article=article.name, evidence=evidence, offset=offset, length=len(evidence),
                    date_phrase=entry.date_phrase, note=entry.note)


def split_sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences (and headline lines) of an article with their character offsets.

    The extractor's reading of the text is the one reading: a quotation is never split, nor a
    sentence after a title or an initial ("Gen. Asim Munir").
    """
    paragraphs = paragraph_spans(text)
    for sentence in sentence_spans(text, paragraphs, find_quotations(text, paragraphs)):
        yield sentence.span.start, sentence.span.text(text)


def _nearest_sentence(text: str, evidence: str) -> str | None:
    sentences = [sentence for _, sentence in split_sentences(text)]
    found = process.extractOne(evidence, sentences, scorer=fuzz.ratio)
    return found[0] if found and found[1] >= 50 else None


def _date(article: _Article, entry: DatedEntry, problems: _Collector) -> DateSpan | None:
    phrase = entry.resolve_as or entry.date_phrase
    if entry.date_phrase and entry.date_phrase.casefold() not in article.text.casefold():
        problems.add(article.file, entry.id, f"date_phrase {entry.date_phrase!r} is not in the article",
                     "write the date as the article words it; put a stand-in in resolve_as")
    if phrase is None:
        return article.published
    try:
        return resolve(phrase, article.published.start, context=entry.evidence)
    except DateError as error:
        problems.add(article.file, entry.id, str(error), "use a known phrase form or add resolve_as")
        return None


def _government_of(registry: _Registry, side: str | None) -> str | None:
    return next((body.id for body in registry.institutions if body.side == side and body.kind == "government"), None)


def _check_refs(article: _Article, entry: DatedEntry, registry: _Registry, problems: _Collector) -> dict[str, Any]:
    """Resolve every reference of an entry; returns the resolved fields."""
    aliases = registry.aliases
    resolved: dict[str, Any] = {}

    def unresolved(field_name: str, name: str, table: dict[str, str], files: str) -> None:
        hint = aliases.closest(name, table)
        problems.add(article.file, entry.id, f"{field_name} '{name}' is not a known name or alias",
                     f"add it to the aliases in {files} or correct it {hint}".strip())

    if isinstance(entry, EventEntry):
        actors = []
        for name in entry.actors:
            ref = aliases.actor(name)
            if ref is None:
                unresolved("actor", name, {**aliases.sides, **aliases.people, **aliases.institutions,
                                           **aliases.groups}, "the sides, people, institutions or groups")
            else:
                actors.append(ref)
        resolved["actors"] = tuple(dict.fromkeys(actors))
    if isinstance(entry, QuoteEntry):
        speaker = aliases.speaker(entry.speaker)
        if speaker is None:
            unresolved("speaker", entry.speaker, {**aliases.people, **aliases.institutions},
                       "people.toml/institutions.toml")
        resolved["speaker"] = speaker
    if isinstance(entry, ThreatEntry):
        side = aliases.side(entry.side)
        if side is None:
            unresolved("side", entry.side, aliases.sides, "sides.toml")
        resolved["side"] = side
        named_by: str | None = entry.named_by
        if entry.named_by == "government":
            named_by = _government_of(registry, side)
            if named_by is None and side is not None:
                problems.add(article.file, entry.id, f"named_by = \"government\" but side '{side}' has no government",
                             "add an institution of kind \"government\" for that side to institutions.toml")
        elif entry.named_by != OUTLET:
            named_by = aliases.speaker(entry.named_by)
            if named_by is None:
                unresolved("named_by", entry.named_by, {**aliases.people, **aliases.institutions},
                           "people.toml/institutions.toml")
        if (named_by == OUTLET) != (entry.how == "narration"):
            problems.add(article.file, entry.id, f"narration must be named_by = \"{OUTLET}\" and vice versa",
                         f"set how = \"narration\" with named_by = \"{OUTLET}\", or name who said it")
        resolved["named_by"] = named_by
        targets = [name for name in (entry.group, entry.state, entry.unnamed) if name is not None]
        if len(targets) != 1:
            problems.add(article.file, entry.id, "a threat names exactly one group, state or unnamed threat",
                         "give exactly one of group = \"…\", state = \"…\" or unnamed = \"…\"")
        if entry.group is not None:
            resolved["group"] = aliases.group(entry.group)
            if resolved["group"] is None:
                unresolved("group", entry.group, aliases.groups, "groups.toml")
        if entry.state is not None:
            resolved["state"] = aliases.side(entry.state)
            if resolved["state"] is None:
                unresolved("state", entry.state, aliases.sides, "sides.toml")
    return resolved


def _drafts(article: _Article, registry: _Registry, problems: _Collector) -> dict[tuple[str, str], _Draft]:
    drafts: dict[tuple[str, str], _Draft] = {}
    entries: list[tuple[str, DatedEntry]] = [
        *(("event", entry) for entry in article.data.event),
        *(("quote", entry) for entry in article.data.quote),
        *(("threat", entry) for entry in article.data.threat),
    ]
    for kind, entry in entries:
        if (kind, entry.id) in drafts:
            problems.add(article.file, entry.id, f"two {kind}s share the id '{entry.id}' in one article",
                         "give each fact of an article its own id")
            continue
        before = len(problems.problems)
        citation = _citation(article, entry, entry.evidence, problems)
        if isinstance(entry, QuoteEntry) and entry.text not in entry.evidence:
            problems.add(article.file, entry.id, f"quote text is not inside its evidence: {entry.text[:80]!r}",
                         "copy the quoted words exactly as printed in the evidence sentence")
        span = _date(article, entry, problems)
        resolved = _check_refs(article, entry, registry, problems)
        if citation is None or span is None or len(problems.problems) > before:
            continue
        merged_entry = entry.model_copy(update=resolved)
        drafts[(kind, entry.id)] = _Draft(article.file, merged_entry, span, citation)
    return drafts


def _merge_dates(drafts: list[_Draft], problems: _Collector) -> DateSpan:
    spans = [draft.date for draft in drafts]
    start, end = max(span.start for span in spans), min(span.end for span in spans)
    if start > end:
        described = "; ".join(f"{draft.citation.article}: {draft.date.start}..{draft.date.end}" for draft in drafts)
        problems.add(drafts[0].file, drafts[0].entry.id, f"the articles disagree on the date ({described})",
                     "check the date phrases, or give the facts different ids if they are not the same")
    return min(spans, key=lambda span: (span.end - span.start, span.start))


def _same(drafts: list[_Draft], fields: tuple[str, ...], problems: _Collector) -> None:
    first = drafts[0].entry
    for other in drafts[1:]:
        for name in fields:
            if getattr(other.entry, name) != getattr(first, name):
                problems.add(other.file, first.id,
                             f"'{name}' differs from {drafts[0].file} under the same id "
                             f"({getattr(other.entry, name)!r} vs {getattr(first, name)!r})",
                             "make them identical, or give the facts different ids and a note on how they differ")


def _notes(drafts: list[_Draft]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(draft.entry.note for draft in drafts if draft.entry.note))


def _merge(kind: str, drafts: list[_Draft], problems: _Collector) -> Event | Quote | Threat:
    drafts = sorted(drafts, key=lambda draft: draft.citation.article)
    span = _merge_dates(drafts, problems)
    sources = tuple(draft.citation for draft in drafts)
    first = drafts[0].entry
    if isinstance(first, EventEntry):
        _same(drafts, ("summary",), problems)
        events = [draft.entry for draft in drafts if isinstance(draft.entry, EventEntry)]
        return Event(
            id=first.id, summary=first.summary, date_phrase=first.date_phrase, date=span,
            actors=tuple(dict.fromkeys(actor for event in events for actor in event.actors)),
            place=next((event.place for event in events if event.place), None),
            topics=tuple(dict.fromkeys(topic for event in events for topic in event.topics)),
            sources=sources, notes=_notes(drafts),
        )
    if isinstance(first, QuoteEntry):
        _same(drafts, ("speaker", "kind", "text"), problems)
        return Quote(
            id=first.id, speaker=first.speaker, kind=first.kind, text=first.text, date=span,
            context=first.context, via=first.via, sources=sources, notes=_notes(drafts),
        )
    assert isinstance(first, ThreatEntry)
    _same(drafts, ("side", "named_by", "how", "group", "state", "unnamed"), problems)
    return Threat(
        id=first.id, side=first.side, named_by=first.named_by, how=first.how, group=first.group,
        state=first.state, unnamed=first.unnamed, date=span, sources=sources, notes=_notes(drafts),
    )


def _article_content(shown: str, curated: bytes, seed: bytes) -> bytes:
    return b"\0".join((shown.encode(), curated, seed))


def article_digests(paths: Paths) -> dict[str, str]:
    """The sha256 of each article's inputs (its file's name and bytes and its seed's bytes) by seed file
    name: what an article's checked facts depend on besides the registry."""
    digests = {}
    for path in sorted(paths.articles.glob("*.toml")):
        seed = paths.seeds / f"{path.stem}.txt"
        seed_bytes = seed.read_bytes() if seed.exists() else b""
        digests[seed.name] = hashlib.sha256(
            _article_content(_display(path, paths), path.read_bytes(), seed_bytes)).hexdigest()
    return digests


def _read_articles(paths: Paths, problems: _Collector, cache: BuildCache,
                   only: set[str] | None = None) -> list[_Article]:
    articles = []
    for path in sorted(paths.articles.glob("*.toml")):
        shown = _display(path, paths)
        seed = paths.seeds / f"{path.stem}.txt"
        if only is not None and seed.name not in only:
            continue
        if not seed.exists():
            problems.add(shown, None, f"there is no seed article seeds/{seed.name}",
                         "name the file after its seed (seeds/<stem>.txt -> knowledge/articles/<stem>.toml)")
            continue
        data = _load(path, ArticleFile, paths, problems, cache)
        seed_bytes = seed.read_bytes()
        text = seed_text(seed, problems, seed_bytes)
        if data is None or text is None:
            continue
        recorded, current = data.source.seed_sha256, hashlib.sha256(seed_bytes).hexdigest()
        if recorded is not None and recorded != current:
            problems.add(shown, None, f"seeds/{seed.name} has changed since it was curated "
                                      f"(sha256 {current[:12]}…, recorded {recorded[:12]}…)",
                         "re-verify every fact of the article against the new text, then record the new "
                         "hash with `python -m knowledge seal`")
        articles.append(_Article(seed.name, shown, text, data, published_span(data.source),
                                 _article_content(shown, path.read_bytes(), seed_bytes)))
    return articles


def seed_hash(seed: Path) -> str:
    """The sha256 of a seed's bytes, as ``[source].seed_sha256`` records it."""
    return hashlib.sha256(seed.read_bytes()).hexdigest()


def seed_text(seed: Path, problems: _Collector, data: bytes | None = None) -> str | None:
    """A seed's text (from ``data``, its bytes, when already read), or None with a problem naming the
    file when it is not UTF-8 text."""
    data = seed.read_bytes() if data is None else data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.add(f"seeds/{seed.name}", None, f"the seed is not UTF-8 text (byte {error.start} is "
                                                 f"0x{data[error.start]:02x})",
                     "restore the article's original bytes (seeds are never edited)")
        return None
    if "\x00" in text:
        problems.add(f"seeds/{seed.name}", None, "the seed holds NUL bytes: it is binary, not an article",
                     "restore the article's original bytes (seeds are never edited)")
        return None
    return text


def _check_duplicate_quotes(quotes: list[Quote], problems: _Collector) -> None:
    seen: dict[tuple[str, str], Quote] = {}
    for quote in quotes:
        key = (quote.speaker, normalize(quote.text))
        if key in seen:
            problems.add(quote.sources[0].article, quote.id,
                         f"the same words of the same speaker are also quote '{seen[key].id}'",
                         "give both entries the same id so they merge into one quote with two sources")
        seen[key] = quote


Result = TypeVar("Result")


def _collected(step: Callable[[_Collector], Result]) -> tuple[Result, list[Problem]]:
    found = _Collector()
    return step(found), found.problems


def _replayed(problems: _Collector, outcome: tuple[Result, list[Problem]]) -> Result:
    result, found = outcome
    problems.problems.extend(found)
    return result


def _registry_inputs(paths: Paths) -> bytes:
    return b"\0".join(path.read_bytes() if path.exists() else b"-"
                      for path in (paths.sides, paths.people, paths.institutions, paths.groups))


def registry_digest(paths: Paths) -> str:
    """The sha256 of the registry files (sides, people, institutions, groups) together."""
    return hashlib.sha256(_registry_inputs(paths)).hexdigest()


def _compiled_registry(paths: Paths, registry_files: bytes, problems: _Collector, cache: BuildCache) -> _Registry:
    return _replayed(problems, cache.memo("registry", registry_files,
                                          partial(_collected, partial(_registry, paths, cache=cache))))


def _checked(article: _Article, registry: _Registry, registry_digest: str, problems: _Collector,
             cache: BuildCache) -> dict[tuple[str, str], _Draft]:
    return _replayed(problems, cache.memo("drafts", registry_digest.encode() + article.content,
                                          partial(_collected, partial(_drafts, article, registry))))


def _merged(grouped: dict[tuple[str, str], list[_Draft]], problems: _Collector) -> list[Fact]:
    return [_merge(key[0], drafts, problems) for key, drafts in sorted(grouped.items())]


def _quote_order(quote: Quote) -> tuple[Any, ...]:
    return (quote.date.chronological_key(), quote.speaker, quote.id)


def _source(article: _Article) -> Source:
    return Source(article=article.name, headline=article.data.source.headline, outlet=article.data.source.outlet,
                  published=article.published, basis=article.data.source.basis, note=article.data.source.note)


def compile_base(paths: Paths | None = None, cache: BuildCache | None = None) -> FactBaseData:
    """Validate, verify, resolve and merge the curated files; raises :class:`CompileFailed`.

    ``cache`` spares re-parsing files whose bytes it has seen; the result is the same without it.
    """
    paths = paths or Paths()
    cache = cache or BuildCache(None)
    problems = _Collector()
    registry_files = _registry_inputs(paths)
    registry = _compiled_registry(paths, registry_files, problems, cache)
    registry_digest = hashlib.sha256(registry_files).hexdigest()
    articles = _read_articles(paths, problems, cache)
    by_name = {article.name: article for article in articles}

    compiled_groups = []
    for group, (group_id, entries) in zip(registry.groups, registry.designations, strict=True):
        compiled = []
        for entry in entries:
            article = by_name.get(entry.article)
            offset = article.text.find(entry.evidence) if article else -1
            if offset < 0:
                problems.add(_display(paths.groups, paths), group_id,
                             f"designation evidence is not a verbatim part of {entry.article}",
                             "name a curated seed file and copy its sentence exactly")
                continue
            compiled.append(Designation(label=entry.label, by=entry.by, source=Citation(
                article=entry.article, evidence=entry.evidence, offset=offset, length=len(entry.evidence))))
        compiled_groups.append(group.model_copy(update={"designations": tuple(compiled)}))

    grouped: dict[tuple[str, str], list[_Draft]] = defaultdict(list)
    for article in articles:
        for key, draft in _checked(article, registry, registry_digest, problems, cache).items():
            grouped[key].append(draft)
    merged = _merged(grouped, problems)
    events = sorted((fact for fact in merged if isinstance(fact, Event)),
                    key=lambda event: (event.date.chronological_key(), event.id))
    quotes = sorted((fact for fact in merged if isinstance(fact, Quote)), key=_quote_order)
    threats = sorted((fact for fact in merged if isinstance(fact, Threat)),
                     key=lambda threat: (threat.side, threat.date.chronological_key(), threat.id))
    _check_duplicate_quotes(quotes, problems)
    if problems.problems:
        raise CompileFailed(problems.problems)
    return FactBaseData(
        sources=tuple(_source(article) for article in articles),
        people=tuple(sorted(registry.people, key=lambda person: person.id)),
        groups=tuple(sorted(compiled_groups, key=lambda group: group.id)),
        events=tuple(events), quotes=tuple(quotes), threats=tuple(threats),
        sides=tuple(sorted(registry.sides, key=lambda side: side.id)),
        institutions=tuple(sorted(registry.institutions, key=lambda body: body.id)),
    )


Fact = Event | Quote | Threat
KINDS: dict[type[BaseModel], str] = {Event: "event", Quote: "quote", Threat: "threat"}


def fact_key(fact: Fact) -> tuple[str, str]:
    """A fact's kind (``event``, ``quote`` or ``threat``) and id: ids are unique per kind."""
    return KINDS[type(fact)], fact.id


class PreviousBuild(Protocol):
    """What an incremental compile reads of the artefact it will patch."""

    registry: str  # the sha256 of the registry files it was built from
    digests: Mapping[str, str]  # ``article_digests`` of its inputs

    def facts_citing(self, articles: Iterable[str]) -> list[Fact]:
        """The facts that cite any of ``articles``."""

    def facts(self, keys: Iterable[tuple[str, str]]) -> list[Fact]:
        """The facts of these keys that it holds."""

    def quotes_of(self, speakers: Iterable[str]) -> list[Quote]:
        """Every quote of these speakers."""


@dataclass(frozen=True)
class Changes:
    """How a previous artefact becomes what a full compile would build: drop the rows of ``articles``
    (changed, added or deleted) and of the facts ``dropped`` (every fact an edited article touched),
    then add ``sources`` and ``facts`` (the touched facts as merged now; some are gone)."""

    articles: tuple[str, ...]
    sources: tuple[Source, ...]
    digests: dict[str, str]
    dropped: tuple[tuple[str, str], ...]
    facts: tuple[Fact, ...]
    records: tuple[Side | Group | Institution | Person, ...]


MAX_CHANGED_ARTICLES = 100


def compile_changes(paths: Paths, cache: BuildCache, previous: PreviousBuild) -> Changes | None:
    """The :class:`Changes` turning ``previous`` into what :func:`compile_base` would build now, or None
    when only a full compile can tell: a registry file changed, an article a designation cites changed,
    more than ``MAX_CHANGED_ARTICLES`` changed, or any problem was found (the full compile reports it).

    Only the changed articles and those reporting a fact with them are read and checked (the latter
    from the cache); the merged facts they touch are merged again and their quotes checked for twins
    among the same speakers' quotes.
    """
    registry_files = _registry_inputs(paths)
    registry_digest = hashlib.sha256(registry_files).hexdigest()
    if registry_digest != previous.registry:
        return None
    digests = article_digests(paths)
    changed = {name for name, digest in digests.items() if previous.digests.get(name) != digest}
    touched = changed | (set(previous.digests) - set(digests))
    if len(touched) > MAX_CHANGED_ARTICLES:
        return None
    problems = _Collector()
    registry = _compiled_registry(paths, registry_files, problems, cache)
    if any(entry.article in touched for _, entries in registry.designations for entry in entries):
        return None
    edited = _read_articles(paths, problems, cache, changed)
    drafts = {article.name: _checked(article, registry, registry_digest, problems, cache) for article in edited}
    keys = {fact_key(fact) for fact in previous.facts_citing(touched)} | {
        key for found in drafts.values() for key in found}
    reporting = {citation.article for fact in previous.facts(keys) for citation in fact.sources} - touched
    drafts.update((article.name, _checked(article, registry, registry_digest, problems, cache))
                  for article in _read_articles(paths, problems, cache, reporting))
    grouped: dict[tuple[str, str], list[_Draft]] = defaultdict(list)
    for found in drafts.values():
        for key, draft in found.items():
            if key in keys:
                grouped[key].append(draft)
    merged = _merged(grouped, problems)
    quotes = [fact for fact in merged if isinstance(fact, Quote)]
    others = [quote for quote in previous.quotes_of({quote.speaker for quote in quotes})
              if fact_key(quote) not in keys]
    _check_duplicate_quotes(sorted([*others, *quotes], key=_quote_order), problems)
    if problems.problems:
        return None
    return Changes(articles=tuple(sorted(touched)), sources=tuple(_source(article) for article in edited),
                   digests={name: digests[name] for name in sorted(changed)}, dropped=tuple(sorted(keys)),
                   facts=tuple(merged),
                   records=(*registry.sides, *registry.groups, *registry.institutions, *registry.people))


def quoted_passages(text: str) -> list[tuple[int, str]]:
    """Every passage of ``text`` inside quotation marks (curly, straight, or single), with offsets.

    The extractor's reading of quotation marks is the one reading: apostrophes inside words are
    not marks, and a quotation that runs over paragraphs is one passage.
    """
    return [(quotation.marks.start, quotation.words.text(text))
            for quotation in find_quotations(text, paragraph_spans(text))]


def _bare(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip(".,;:!?").strip()


def coverage_problems(base: FactBaseData, paths: Paths | None = None,
                      cache: BuildCache | None = None) -> list[Problem]:
    """Quotation-marked passages of the seeds that are neither a quote in the base nor excluded."""
    paths = paths or Paths()
    cache = cache or BuildCache(None)
    problems = _Collector()
    quote_texts: dict[str, list[str]] = defaultdict(list)
    for quote in base.quotes:
        for citation in quote.sources:
            quote_texts[citation.article].append(_bare(quote.text))
    for seed in sorted(paths.seeds.glob("*.txt")):
        curated = paths.articles / f"{seed.stem}.toml"
        shown = _display(curated, paths)
        if not curated.exists():
            problems.add(shown, None, f"seeds/{seed.name} has no curated facts yet",
                         f"review its draft (python -m knowledge add) and save it as {shown}")
            continue
        data = ArticleFile.model_validate(cache.toml(curated))
        excluded = {_bare(entry.text): entry for entry in data.exclude}
        text = seed_text(seed, problems)
        if text is None:
            continue
        passages = {_bare(passage) for _, passage in quoted_passages(text)}
        for stale in sorted(set(excluded) - passages):
            problems.add(shown, None, f"excluded passage {stale!r} is not a quoted passage of the article",
                         "copy the passage exactly as it stands between the quotation marks, or remove it")
        for offset, passage in quoted_passages(text):
            bare = _bare(passage)
            if bare in excluded:
                continue
            if any(bare in quoted or (quoted and quoted in bare) for quoted in quote_texts[seed.name]):
                continue
            problems.add(shown, None, f"the quoted passage “{passage}” (offset {offset}) is not in the base",
                         "add it as a [[quote]] with its speaker, or as an [[exclude]] with the reason")
    return problems.problems
