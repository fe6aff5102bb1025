"""Write the compiled artefact: the curator's side of :mod:`knowledge.store` (imports the compiler).

``build(paths, target)`` compiles and writes the database atomically (a failed compile leaves
any previous file untouched). The serving process never imports this module.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from pydantic import BaseModel

from knowledge.cache import BuildCache, cache_path
from knowledge.compile import (
    Fact,
    article_digests,
    compile_base,
    compile_changes,
    fact_key,
    registry_digest,
    split_sentences,
)
from knowledge.models import Event, FactBaseData, Quote, Source, Threat
from knowledge.names import normalize, tokens
from knowledge.paths import Paths
from knowledge.store import (
    SCHEMA,
    SCHEMA_VERSION,
    Artefact,
    Named,
    default_db_path,
    event_words,
    fts5_integers,
    input_hash,
    input_stamp,
    named_records,
    quote_words,
)

MIN_INDEXED_LINE_WORDS = 6  # shorter lines are page furniture ("Back to top button", "8 min read")


def line_of(text: str, offset: int) -> str:
    """The whole line of ``text`` holding ``offset``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


def _dump(record: BaseModel) -> str:
    return json.dumps(record.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


def indexed_sentences(seed: Path) -> list[tuple[str, int]]:
    """The sentences of a seed worth a full-text search, with their offsets (page furniture left out)."""
    text = seed.read_text(encoding="utf-8")
    return [(sentence, offset) for offset, sentence in split_sentences(text)
            if len(line_of(text, offset).split()) >= MIN_INDEXED_LINE_WORDS]


@contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """A temporary file beside ``target`` that replaces it atomically when the block succeeds (readers
    see the old artefact or the new one, never a half-written file) and is removed when it fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".factbase-", suffix=".sqlite", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it 0600; the artefact is as readable as the umask says
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _insert_sources(connection: sqlite3.Connection, sources: Iterable[Source], digests: dict[str, str],
                    paths: Paths, cache: BuildCache) -> None:
    for source in sources:
        connection.execute("INSERT INTO sources VALUES (?, ?, ?)",
                           (source.article, source.published.start.isoformat(), _dump(source)))
        seed = paths.seeds / source.article
        rows = cache.memo("sentences", seed.read_bytes(), partial(indexed_sentences, seed))
        connection.executemany("INSERT INTO sentences VALUES (?, ?, ?)", [
            (sentence, source.article, offset) for sentence, offset in rows])
    connection.executemany("INSERT INTO article_inputs VALUES (?, ?)", sorted(digests.items()))


def _insert_facts(connection: sqlite3.Connection, facts: Iterable[Fact], records: dict[str, Named]) -> None:
    """The rows of ``facts`` in every table and index; positions are set by :func:`_finish`."""
    facts = list(facts)
    events = [fact for fact in facts if isinstance(fact, Event)]
    quotes = [fact for fact in facts if isinstance(fact, Quote)]
    threats = [fact for fact in facts if isinstance(fact, Threat)]
    connection.executemany("INSERT INTO events VALUES (?, -1, ?, ?, ?)", [
        (event.id, event.date.start.isoformat(), event.date.end.isoformat(), _dump(event)) for event in events])
    connection.executemany("INSERT INTO event_actors VALUES (?, ?)", [
        (event.id, actor) for event in events for actor in event.actors])
    connection.executemany("INSERT INTO event_sources VALUES (?, ?)", sorted(
        {(event.id, citation.article) for event in events for citation in event.sources}))
    connection.executemany("INSERT INTO quotes VALUES (?, -1, ?, ?, ?, ?)", [
        (quote.id, quote.speaker, quote.date.start.isoformat(), quote.date.end.isoformat(), _dump(quote))
        for quote in quotes])
    connection.executemany("INSERT INTO threats VALUES (?, -1, ?, ?, ?, ?, ?, ?, ?)", [
        (threat.id, threat.side, threat.group, threat.state, threat.date.start.isoformat(),
         threat.date.end.isoformat(), _dump(threat), threat.named_by) for threat in threats])
    connection.executemany("INSERT INTO threat_words VALUES (?, ?)", [
        (word, threat.id) for threat in threats if threat.group is None and threat.unnamed
        for word in sorted(set(tokens(threat.unnamed)))])
    connection.executemany("INSERT INTO citations VALUES (?, ?, ?)", sorted(
        {(citation.article, kind, fact_id) for fact in facts
         for kind, fact_id in [fact_key(fact)] for citation in fact.sources}))
    connection.executemany("INSERT INTO quote_words VALUES (?, ?, ?)", [
        (word, quote.id, int(word in said)) for quote in quotes
        for said in [quote_words(quote, setting=False)]
        for word in sorted(quote_words(quote, setting=True) | said)])
    connection.executemany("INSERT INTO event_words VALUES (?, ?)", [
        (word, event.id) for event in events for word in sorted(event_words(event, records))])


ORDERS = {"events": '"end", start, id', "quotes": '"end", start, speaker, id', "threats": 'side, "end", start, id'}


def _finish(connection: sqlite3.Connection, speakers: Iterable[str] | None) -> None:
    """Number the facts in the compiler's order, count the quotes of ``speakers`` (None: of everyone),
    the articles events, quotes and threat claims cite, the side naming most threats, the longest event span,
    and merge and count the sentence index."""
    for table, order in ORDERS.items():
        connection.execute(
            f"UPDATE {table} SET position = ranked.number FROM (SELECT id, row_number() OVER (ORDER BY {order}) - 1 "
            f"AS number FROM {table}) AS ranked WHERE {table}.id = ranked.id AND {table}.position != ranked.number")
    chosen = None if speakers is None else json.dumps(sorted(set(speakers)))
    connection.execute("DELETE FROM speaker_quotes WHERE ?1 IS NULL OR speaker IN (SELECT value FROM json_each(?1))",
                       (chosen,))
    connection.execute(
        "INSERT INTO speaker_quotes SELECT q.speaker, coalesce(json_extract(p.body, '$.name'), "
        "json_extract(i.body, '$.name'), q.speaker), count(*) FROM quotes q LEFT JOIN people p ON p.id = q.speaker "
        "LEFT JOIN institutions i ON i.id = q.speaker "
        "WHERE ?1 IS NULL OR q.speaker IN (SELECT value FROM json_each(?1)) GROUP BY q.speaker ORDER BY q.speaker",
        (chosen,))
    connection.execute("INSERT OR REPLACE INTO meta VALUES ('longest_event_days', (SELECT CAST(coalesce(max("
                       "CAST(julianday(\"end\") - julianday(start) AS INTEGER)), 0) AS TEXT) FROM events))")
    connection.execute("DELETE FROM meta WHERE key = 'most_threatening_side'")
    connection.execute("INSERT INTO meta SELECT 'most_threatening_side', side FROM threats GROUP BY side "
                       "ORDER BY count(*) DESC, side LIMIT 1")
    for key, kind in (("event_articles", "event"), ("threat_articles", "threat"), ("quote_articles", "quote")):
        connection.execute("INSERT OR REPLACE INTO meta VALUES (?, (SELECT CAST(count(DISTINCT article) AS TEXT) "
                           "FROM citations WHERE kind = ?))", (key, kind))
    _finish_sentences(connection)


def _finish_sentences(connection: sqlite3.Connection) -> None:
    """Merge the sentence index into one segment (FTS5's 'optimize': a search walks one doclist per term,
    not one per segment) and write how many sentences hold each FTS5 term (``sentence_terms``, from an
    ``fts5vocab`` table) and, in ``meta``, FTS5's own sentence count and token total: what BM25 needs, so
    that no search counts them."""
    connection.execute("INSERT INTO sentences (sentences) VALUES ('optimize')")
    connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentence_vocabulary "
                       "USING fts5vocab (main, sentences, 'row')")
    connection.execute("DELETE FROM sentence_terms")
    connection.execute("INSERT INTO sentence_terms SELECT term, doc FROM temp.sentence_vocabulary")
    totals = connection.execute("SELECT block FROM sentences_data WHERE id = 1").fetchone()
    count, *tokens = fts5_integers(totals[0]) if totals else [0]
    connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
        ("sentence_count", str(count)), ("sentence_tokens", str(sum(tokens)))])


def _stamp(connection: sqlite3.Connection, inputs: str, stamp: str, registry: str, code: str) -> None:
    connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
        ("input_hash", inputs), ("input_stamp", stamp), ("schema", SCHEMA_VERSION), ("registry", registry),
        ("code", code)])


def write_database(data: FactBaseData, paths: Paths, target: Path, inputs: str, stamp: str = "",
                   cache: BuildCache | None = None) -> None:
    """Write ``data`` (and the seeds' sentences) to ``target`` atomically."""
    cache = cache or BuildCache(None)
    with _replacing(target) as temporary:
        connection = sqlite3.connect(temporary)
        with connection:
            connection.executescript(SCHEMA)
            _stamp(connection, inputs, stamp, registry_digest(paths), cache.version)
            connection.executemany("INSERT INTO sides VALUES (?, ?)", [(side.id, _dump(side)) for side in data.sides])
            connection.executemany("INSERT INTO institutions VALUES (?, ?)",
                                   [(body.id, _dump(body)) for body in data.institutions])
            connection.executemany("INSERT INTO people VALUES (?, ?)",
                                   [(person.id, _dump(person)) for person in data.people])
            connection.executemany("INSERT INTO groups VALUES (?, ?)",
                                   [(group.id, _dump(group)) for group in data.groups])
            connection.executemany("INSERT INTO side_people VALUES (?, ?)", [
                (person.side, person.id) for person in data.people if person.side])
            connection.executemany("INSERT INTO name_keys VALUES (?, ?, ?)", [
                (kind, record.id, key) for kind, table in (("person", data.people), ("group", data.groups))
                for record in table for name in (record.name, *record.aliases) if (key := normalize(name))])
            _insert_sources(connection, data.sources, article_digests(paths), paths, cache)
            _insert_facts(connection, (*data.events, *data.quotes, *data.threats),
                          named_records((*data.sides, *data.groups, *data.institutions, *data.people)))
            _finish(connection, None)
        connection.close()


class _Artefact(Artefact):
    """A previous artefact, as :func:`knowledge.compile.compile_changes` reads it."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        super().__init__(connection)
        self.registry = self._meta("registry")
        self.digests: Mapping[str, str] = dict(connection.execute("SELECT article, digest FROM article_inputs"))

    @classmethod
    def open(cls, target: Path, code: str) -> _Artefact | None:
        """The artefact at ``target`` when this code wrote it, else None."""
        if not target.exists():
            return None
        try:
            artefact = cls(sqlite3.connect(f"file:{target}?mode=ro", uri=True))
            if artefact._meta("schema") == SCHEMA_VERSION and artefact._meta("code") == code:
                return artefact
            artefact.close()
        except (sqlite3.DatabaseError, KeyError):
            pass
        return None

    def facts(self, keys: Iterable[tuple[str, str]]) -> list[Fact]:
        """The facts of ``keys`` (kind, id) the artefact holds."""
        found: list[Fact] = []
        for kind, ids in sorted(_ids_by_kind(keys).items()):
            table, model = TABLES[kind]
            found += [model.model_validate_json(body) for (body,) in self._db.execute(
                f"SELECT body FROM {table} WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))]
        return found

    def facts_citing(self, articles: Iterable[str]) -> list[Fact]:
        """The facts that cite any of ``articles``."""
        return self.facts(self._db.execute(
            "SELECT kind, fact_id FROM citations WHERE article IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(articles)),)).fetchall())

    def quotes_of(self, speakers: Iterable[str]) -> list[Quote]:
        """Every quote of ``speakers``."""
        return [Quote.model_validate_json(body) for (body,) in self._db.execute(
            "SELECT body FROM quotes WHERE speaker IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(speakers)),))]


TABLES: dict[str, tuple[str, type[Event] | type[Quote] | type[Threat]]] = {
    "event": ("events", Event), "quote": ("quotes", Quote), "threat": ("threats", Threat)}


def _patch(paths: Paths, target: Path, inputs: str, stamp: str, cache: BuildCache) -> bool:
    """Patch a copy of the previous artefact with the changed articles' rows and replace it, when
    :func:`compile_changes` can say what changed; returns False (writing nothing) when it cannot."""
    previous = _Artefact.open(target, cache.version)
    if previous is None:
        return False
    try:
        changes = compile_changes(paths, cache, previous)
    finally:
        previous.close()
    if changes is None:
        return False
    dropped = _ids_by_kind(changes.dropped)
    with _replacing(target) as temporary:
        shutil.copyfile(target, temporary)
        connection = sqlite3.connect(temporary)
        with connection:
            speakers = {row[0] for row in connection.execute(
                "SELECT speaker FROM quotes WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(dropped.get("quote", [])),))}
            for table in ("sources", "sentences", "article_inputs"):
                connection.execute(f"DELETE FROM {table} WHERE article IN (SELECT value FROM json_each(?))",
                                   (json.dumps(changes.articles),))
            for kind, ids in dropped.items():
                for table, column in DROPPED[kind]:
                    connection.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))",
                                       (json.dumps(ids),))
                connection.execute("DELETE FROM citations WHERE kind = ? AND fact_id IN "
                                   "(SELECT value FROM json_each(?))", (kind, json.dumps(ids)))
            _insert_sources(connection, changes.sources, changes.digests, paths, cache)
            _insert_facts(connection, changes.facts, named_records(changes.records))
            _finish(connection, speakers | {fact.speaker for fact in changes.facts if isinstance(fact, Quote)})
            _stamp(connection, inputs, stamp, previous.registry, cache.version)
        connection.close()
    return True


DROPPED = {"event": (("events", "id"), ("event_actors", "event_id"), ("event_sources", "event_id"),
                     ("event_words", "event_id")),
           "quote": (("quotes", "id"), ("quote_words", "quote_id")),
           "threat": (("threats", "id"), ("threat_words", "threat_id"))}


def _ids_by_kind(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for kind, fact_id in keys:
        grouped.setdefault(kind, []).append(fact_id)
    return grouped


def build(paths: Paths | None = None, target: Path | None = None, full: bool = False) -> Path:
    """Compile the curated files and write the artefact; raises ``CompileFailed`` and writes nothing.

    Unless ``full``, a build patches a copy of the previous artefact when only articles changed (see
    :func:`knowledge.compile.compile_changes`), else compiles everything, parsing again only files whose
    bytes the cache beside ``target`` has not seen; ``full`` ignores the cache (and refills it). Either
    way the artefact holds the same.
    """
    paths = paths or Paths()
    target = target or default_db_path(paths)
    stamp, inputs = input_stamp(paths), input_hash(paths)
    cache = BuildCache(cache_path(target), reuse=not full)
    if not full and _patch(paths, target, inputs, stamp, cache):
        cache.save(prune=False)
        return target
    write_database(compile_base(paths, cache), paths, target, inputs, stamp, cache)
    cache.save()
    return target
