"""The compiled artefact: one SQLite file, built from the curated files, opened read-only.

``build(paths, target)`` compiles and writes the database atomically (a failed compile leaves
any previous file untouched). It records a hash of its inputs, so ``FactBase.open()`` rebuilds
it when it is missing or stale. Facts are stored as JSON beside indexed columns; an FTS5 table
over the articles' sentences answers free-text questions, ranked by BM25 over the document
frequencies the build counts (``sentence_terms``).
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from knowledge.dates import iso_text
from knowledge.models import Event, FactBaseData, Group, Institution, Person, Quote, Side, Source, Threat
from knowledge.names import STOPWORDS, NameIndex, content_words, normalize, tokens
from knowledge.paths import Paths

SCHEMA_VERSION = "9"
CODE_FILES = ("models.py", "compile.py", "dates.py", "names.py", "store.py", "builder.py", "paths.py")
DB_ENV = "FACTDESK_DB"
RANKED_SENTENCES = 500  # the matches of a free-text search ranked by BM25 (the last ones built)
ROOT_ENV = "FACTDESK_ROOT"
SENTENCE_TOKENIZER = "porter unicode61 remove_diacritics 2"
BM25_K1, BM25_B = 1.2, 0.75  # FTS5's bm25() constants

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (article TEXT PRIMARY KEY, published TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE sides (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE institutions (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE people (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE groups (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE events (id TEXT PRIMARY KEY, position INTEGER NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
                     body TEXT NOT NULL);
CREATE TABLE event_actors (event_id TEXT NOT NULL, ref TEXT NOT NULL);
CREATE TABLE event_sources (event_id TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (event_id, article))
    WITHOUT ROWID;
CREATE TABLE quotes (id TEXT PRIMARY KEY, position INTEGER NOT NULL, speaker TEXT NOT NULL, start TEXT NOT NULL,
                     "end" TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE threats (id TEXT PRIMARY KEY, position INTEGER NOT NULL, side TEXT NOT NULL, grp TEXT, state TEXT,
                      start TEXT NOT NULL, "end" TEXT NOT NULL, body TEXT NOT NULL, named_by TEXT NOT NULL);
CREATE TABLE threat_words (word TEXT NOT NULL, threat_id TEXT NOT NULL, PRIMARY KEY (word, threat_id)) WITHOUT ROWID;
CREATE TABLE speaker_quotes (speaker TEXT PRIMARY KEY, name TEXT NOT NULL, quotes INTEGER NOT NULL);
CREATE INDEX speaker_quotes_by_count ON speaker_quotes (quotes DESC, name);
CREATE TABLE name_keys (kind TEXT NOT NULL, ref TEXT NOT NULL, key TEXT NOT NULL);
CREATE TABLE quote_words (word TEXT NOT NULL, quote_id TEXT NOT NULL, own INTEGER NOT NULL,
                          PRIMARY KEY (word, quote_id)) WITHOUT ROWID;
CREATE TABLE event_words (word TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (word, event_id)) WITHOUT ROWID;
CREATE TABLE citations (article TEXT NOT NULL, kind TEXT NOT NULL, fact_id TEXT NOT NULL,
                        PRIMARY KEY (article, kind, fact_id)) WITHOUT ROWID;
CREATE TABLE article_inputs (article TEXT PRIMARY KEY, digest TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX events_by_date ON events (start, "end");
CREATE INDEX event_actors_by_ref ON event_actors (ref);
CREATE INDEX quotes_by_speaker ON quotes (speaker, position);
CREATE INDEX quotes_by_date ON quotes (start, "end");
CREATE INDEX quotes_by_position ON quotes (position);
CREATE INDEX threats_by_side ON threats (side, position);
CREATE INDEX threats_by_group ON threats (grp);
CREATE INDEX threats_by_state ON threats (state);
CREATE INDEX threats_by_named_by ON threats (named_by);
CREATE INDEX events_by_position ON events (position);
CREATE INDEX events_by_start ON events (start, position);
CREATE INDEX events_by_end ON events ("end" DESC, position);
CREATE INDEX threats_by_position ON threats (position);
CREATE TABLE side_people (side TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (side, id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE sentences USING fts5 (sentence, article UNINDEXED, offset UNINDEXED,
                                           tokenize = '{SENTENCE_TOKENIZER}');
CREATE TABLE sentence_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
"""

Record = TypeVar("Record", bound=BaseModel)
Named = Person | Institution | Group | Side


def quote_words(quote: Quote, *, setting: bool) -> set[str]:
    """The words a quote is found by: what was said and how it was relayed, and with ``setting``
    also its context and the sentences that cite it. Written to the ``quote_words`` index."""
    parts = [quote.text, quote.via or ""]
    if setting:
        parts += [quote.context or "", *(citation.evidence for citation in quote.sources)]
    return {word for word in tokens(" ".join(parts)) if word not in STOPWORDS}


def named_records(records: Iterable[Named]) -> dict[str, Named]:
    """Records by id, a later one winning a shared id; given sides, groups, institutions and people in
    that order, ids resolve as :meth:`FactBase.name_of` resolves them."""
    return {record.id: record for record in records}


def event_words(event: Event, records: dict[str, Named]) -> set[str]:
    """The words an event is found by: its summary, place and topics, and the names of its actors
    (every alias; a side's words). Written to the ``event_words`` index at build time."""
    words = set(tokens(event.summary)) | set(tokens(event.place or "")) | set(tokens(" ".join(event.topics)))
    for ref in event.actors:
        record = records.get(ref)
        if isinstance(record, Side):
            words |= set(tokens(" ".join(record.words)))
        elif record is not None:
            words |= set(tokens(" ".join((record.name, *record.aliases))))
    return {word for word in words if word not in STOPWORDS}


def fts5_integers(record: bytes) -> list[int]:
    """The integers of an FTS5 record such as a ``sentences_docsize`` size (one per column, 0 for an
    UNINDEXED one) or the totals row of ``sentences_data``: SQLite varints, 7 bits a byte with the high
    bit set on all but the last, a ninth byte giving 8."""
    values: list[int] = []
    position = 0
    while position < len(record):
        value = 0
        for index in range(9):
            byte = record[position]
            position += 1
            if index == 8:
                value = value << 8 | byte
                break
            value = value << 7 | byte & 0x7F
            if byte < 0x80:
                break
        values.append(value)
    return values


def _token_count(size: bytes) -> int:
    """The tokens of a sentence, from its ``sentences_docsize`` record (a varint below 128 is its byte)."""
    return sum(size) if size.isascii() else sum(fts5_integers(size))


def term_idf(sentences: int, docs: int) -> float:
    """FTS5's inverse document frequency of a term ``docs`` of ``sentences`` sentences hold:
    log((N - n + 0.5) / (n + 0.5)), and 1e-6 where that is not positive (a term most sentences hold)."""
    idf = math.log((sentences - docs + 0.5) / (docs + 0.5))
    return idf if idf > 0.0 else 1e-6


def bm25(idfs: Iterable[float], length: int, average_length: float) -> float:
    """The BM25 score (k1 1.2, b 0.75) of a sentence of ``length`` tokens holding, once each, the query
    terms of ``idfs``: FTS5's ``bm25()`` with every term frequency 1 (a sentence rarely repeats a word),
    summed in the same order, so that equal counts give FTS5's score to the bit."""
    saturation = 1.0 * (BM25_K1 + 1.0) / (1.0 + BM25_K1 * (1 - BM25_B + BM25_B * length / average_length))
    score = 0.0
    for idf in idfs:
        score += idf * saturation
    return score


class PhraseTerms:
    """The FTS5 terms a word tokenizes to under the sentences' tokenizer (its porter stems, diacritics
    removed; 'foo_bar' is two): inserted into an in-memory FTS5 table of this process, read back through
    an ``fts5vocab`` table and rolled back. Cached per word (bounded); safe across threads."""

    CACHE_SIZE = 1 << 14

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._db.executescript(f"CREATE VIRTUAL TABLE phrase USING fts5 (text, tokenize = '{SENTENCE_TOKENIZER}');"
                               "CREATE VIRTUAL TABLE phrase_terms USING fts5vocab (phrase, 'instance');")
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[str, ...]] = {}

    def terms(self, word: str) -> tuple[str, ...]:
        """The distinct terms of ``word``, in the order they stand."""
        found = self._cache.get(word)
        if found is None:
            with self._lock:
                self._db.execute("BEGIN")
                try:
                    self._db.execute("INSERT INTO phrase VALUES (?)", (word,))
                    found = tuple(dict.fromkeys(term for (term,) in self._db.execute(
                        "SELECT term FROM phrase_terms ORDER BY offset")))
                finally:
                    self._db.execute("ROLLBACK")
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.clear()
            self._cache[word] = found
        return found


def default_db_path(paths: Paths) -> Path:
    """Where the artefact lives: ``$FACTDESK_DB``, else ``knowledge/build/factbase.sqlite``."""
    configured = os.environ.get(DB_ENV)
    return Path(configured) if configured else paths.knowledge / "build" / "factbase.sqlite"


def serving_paths() -> Paths:
    """The repository served: ``$FACTDESK_ROOT`` when set, else this checkout."""
    configured = os.environ.get(ROOT_ENV)
    return Paths(Path(configured).resolve()) if configured else Paths()


def _input_files(paths: Paths) -> list[Path]:
    code_dir = Path(__file__).resolve().parent
    return [*(code_dir / name for name in CODE_FILES), *paths.inputs()]


def input_hash(paths: Paths) -> str:
    """A hash of every input and of the compiler's own code."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in _input_files(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def input_stamp(paths: Paths) -> str:
    """A hash of every input's path, size and modification time: when it matches the artefact's, the
    inputs were not touched since the build and :func:`is_stale` need not read them (10,000 files at
    1000x); when it does not, the content hash decides."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in _input_files(paths):
        status = path.stat()
        digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def build(paths: Paths | None = None, target: Path | None = None, full: bool = False) -> Path:
    """Compile the curated files and write the artefact; raises ``CompileFailed`` and writes nothing.

    The compiler is imported here, on demand: the serving path never loads it. A build reuses the
    per-file cache beside ``target`` unless ``full`` (see :mod:`knowledge.cache`).
    """
    from knowledge.builder import build as build_artefact

    return build_artefact(paths, target, full)


def is_stale(paths: Paths, target: Path) -> bool:
    """True when ``target`` is missing or was built from other inputs."""
    if not target.exists():
        return True
    try:
        connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            recorded = dict(connection.execute(
                "SELECT key, value FROM meta WHERE key IN ('input_hash', 'input_stamp')").fetchall())
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return True
    if "input_hash" not in recorded:
        return True
    if recorded.get("input_stamp") == input_stamp(paths):
        return False
    return bool(recorded["input_hash"] != input_hash(paths))


class Records(Mapping[str, Record]):
    """The records of one table by id, read on demand: a lookup reads one row (then keeps it); the
    first iteration reads every row once, in id order."""

    def __init__(self, connection: sqlite3.Connection, model: type[Record], table: str) -> None:
        self._db, self._model, self._table = connection, model, table
        self._loaded: dict[str, Record] = {}
        self._complete = False
        self._count: int | None = None

    def __getitem__(self, ref: str) -> Record:
        record = self._loaded.get(ref)
        if record is None:
            if self._complete:
                raise KeyError(ref)
            row = self._db.execute(f"SELECT body FROM {self._table} WHERE id = ?", (ref,)).fetchone()
            if row is None:
                raise KeyError(ref)
            record = self._loaded[ref] = self._model.model_validate_json(row[0])
        return record

    def _all(self) -> dict[str, Record]:
        if not self._complete:
            loaded = self._loaded
            self._loaded = {ref: loaded.get(ref) or self._model.model_validate_json(body)
                            for ref, body in self._db.execute(f"SELECT id, body FROM {self._table} ORDER BY id")}
            self._complete = True
        return self._loaded

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        if self._count is None:
            self._count = len(self._loaded) if self._complete else int(
                self._db.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0])
        return self._count


class Artefact:
    """An open artefact file: its connection and its ``meta`` table."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def _meta(self, key: str) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return str(row[0])


class FactBase(Artefact):
    """The compiled fact base, read-only. Open it with :meth:`FactBase.open`."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        super().__init__(connection)
        self.sources = tuple(self._records(Source, "SELECT body FROM sources ORDER BY published, article"))
        self.people: Mapping[str, Person] = Records(connection, Person, "people")
        self.groups: Mapping[str, Group] = Records(connection, Group, "groups")
        self.sides: dict[str, Side] = {s.id: s for s in self._records(Side, "SELECT body FROM sides ORDER BY id")}
        self.institutions: dict[str, Institution] = {
            i.id: i for i in self._records(Institution, "SELECT body FROM institutions ORDER BY id")}
        self.side_words: dict[str, str] = {normalize(word): side.id for side in self.sides.values()
                                           for word in (side.id, *side.words) if normalize(word)}
        self._sources_by_article = {source.article: source for source in self.sources}
        self.indexes: dict[str, Any] = {}  # per-process indexes the queries build once, on first use

    @classmethod
    def open(cls, db_path: Path | None = None, *, paths: Paths | None = None, rebuild: bool = True) -> FactBase:
        """Open the artefact, building it first when it is missing or stale (unless ``rebuild`` is False)."""
        paths = paths or serving_paths()
        target = db_path or default_db_path(paths)
        if rebuild and is_stale(paths, target):
            build(paths, target)
        connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
        return cls(connection)

    def _records(self, model: type[Record], sql: str, parameters: Iterable[Any] = ()) -> list[Record]:
        return [model.model_validate_json(row[0]) for row in self._db.execute(sql, tuple(parameters))]

    def speaker(self, ref: str) -> Person | Institution | None:
        """The person or institution an id names, if any."""
        return self.people.get(ref) or self.institutions.get(ref)

    def name_of(self, ref: str) -> str:
        """The display name of any id (person, institution, group or side); the id itself when unknown."""
        record = self.speaker(ref) or self.groups.get(ref) or self.sides.get(ref)
        return record.name if record else ref

    def source(self, article: str) -> Source:
        """The source of a seed file name; raises KeyError for an unknown one."""
        return self._sources_by_article[article]

    def events(self, start: date | None = None, end: date | None = None) -> list[Event]:
        """Events whose date overlaps ``start``..``end`` (all when unbounded), in date order."""
        return self._records(Event, 'SELECT body FROM events WHERE "end" >= ? AND start <= ? ORDER BY position',
                             (_low(start), _high(end)))

    def events_with(self, ref: str) -> list[Event]:
        """Events naming a person or group id among their actors, in date order."""
        return self._records(Event, "SELECT e.body FROM events e JOIN event_actors a ON a.event_id = e.id "
                                    "WHERE a.ref = ? ORDER BY e.position", (ref,))

    def quotes(self, speaker: str | None = None, start: date | None = None, end: date | None = None) -> list[Quote]:
        """Quotes, optionally of one speaker and overlapping a period, in date order."""
        sql = 'SELECT body FROM quotes WHERE "end" >= ? AND start <= ?'
        parameters: list[Any] = [_low(start), _high(end)]
        if speaker is not None:
            sql += " AND speaker = ?"
            parameters.append(speaker)
        return self._records(Quote, sql + " ORDER BY position", parameters)

    def threats(self, side: str | None = None, group: str | None = None,
                start: date | None = None, end: date | None = None, *, state: str | None = None,
                named_by: str | None = None) -> list[Threat]:
        """Threat claims, optionally of one side, about one group or one state, named by one speaker,
        overlapping a period."""
        sql = 'SELECT body FROM threats WHERE "end" >= ? AND start <= ?'
        parameters: list[Any] = [_low(start), _high(end)]
        for column, value in (("side", side), ("grp", group), ("state", state), ("named_by", named_by)):
            if value is not None:
                sql += f" AND {column} = ?"
                parameters.append(value)
        return self._records(Threat, sql + " ORDER BY position", parameters)

    def fact(self, kind: str, fact_id: str) -> Event | Quote | Threat | None:
        """The event, quote or threat claim ``fact_id`` (``kind`` is ``event``, ``quote`` or ``threat``), or None."""
        tables: dict[str, tuple[str, type[Event] | type[Quote] | type[Threat]]] = {
            "event": ("events", Event), "quote": ("quotes", Quote), "threat": ("threats", Threat)}
        if kind not in tables:
            return None
        table, model = tables[kind]
        row = self._db.execute(f"SELECT body FROM {table} WHERE id = ?", (fact_id,)).fetchone()
        return model.model_validate_json(row[0]) if row else None

    def events_by_id(self, ids: Iterable[str], start: date | None = None, end: date | None = None) -> list[Event]:
        """The events of ``ids`` overlapping ``start``..``end``, in date order (by primary key, not a scan)."""
        wanted = sorted(set(ids))
        found: list[tuple[int, str]] = []
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            found += self._db.execute(
                f'SELECT position, body FROM events WHERE id IN ({",".join("?" * len(part))}) '
                'AND "end" >= ? AND start <= ?', (*part, _low(start), _high(end))).fetchall()
        return [Event.model_validate_json(body) for _, body in sorted(found)]

    def event_page(self, ids: Iterable[str] | None, start: date | None, end: date | None, *,
                   within: bool, limit: int) -> tuple[list[Event], int, int]:
        """One page of events (the first ``limit`` in date order) with how many there are in all and in
        how many articles, counted by the database.

        ``ids`` None means every event; ``within`` keeps only events dated wholly inside
        ``start``..``end``, else those overlapping it.
        """
        if ids is None and start is None and end is None:
            page = self._records(Event, "SELECT body FROM events ORDER BY position LIMIT ?", (limit,))
            total = int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])
            return page, total, int(self._meta("event_articles"))
        condition, parameters = _event_condition(ids, start, end, "" if within else None)
        page = self._records(Event, f"SELECT body FROM events WHERE {condition} ORDER BY position LIMIT ?",
                             (*parameters, limit))
        total = int(self._db.execute(f"SELECT count(*) FROM events WHERE {condition}", parameters).fetchone()[0])
        articles = int(self._db.execute(
            f"SELECT count(DISTINCT article) FROM event_sources WHERE event_id IN "
            f"(SELECT id FROM events WHERE {condition})", parameters).fetchone()[0])
        return page, total, articles

    def events_around(self, ids: Iterable[str] | None, start: date, end: date) -> list[Event]:
        """The events (of ``ids``, None for all) overlapping ``start``..``end`` without lying within it, in
        date order: few, found through the (start, end) index, which holds every column they are tested by,
        from no earlier than the longest event span before ``start``."""
        condition, parameters = _event_condition(ids, start, end, "NOT ")
        earliest = start - timedelta(days=min(int(self._meta("longest_event_days")), (start - date.min).days))
        hint = "INDEXED BY events_by_date " if ids is None else ""
        return self._records(Event, f"SELECT body FROM events {hint}WHERE {condition} AND start >= ? ORDER BY position",
                             (*parameters, earliest.isoformat()))

    @cached_property
    def longest_side_name(self) -> int:
        """How many words the longest of ``side_words`` has."""
        return max((len(known.split()) for known in self.side_words), default=1)

    @cached_property
    def event_vocabulary(self) -> tuple[str, ...]:
        """Every word some event is found by, sorted (read once per process from the index)."""
        return tuple(row[0] for row in self._db.execute("SELECT DISTINCT word FROM event_words ORDER BY word"))

    def event_ids_with_words(self, groups: Iterable[Iterable[str]]) -> set[str]:
        """The ids of events found by a word of every one of ``groups`` (exact index words)."""
        return self._ids_with_all("event_words", "event_id", groups)

    def _ids_with_all(self, table: str, column: str, groups: Iterable[Iterable[str]]) -> set[str]:
        """The ``column`` ids of a (word, id) index ``table`` holding a word of every one of ``groups``. The
        group with the fewest rows drives the search; the others are checked by the (word, id) key."""
        wanted = [sorted(set(group)) for group in groups]
        if not wanted or not all(wanted):
            return set()
        sizes = [int(self._db.execute(f"SELECT count(*) FROM {table} WHERE word IN ({_marks(group)})",
                                      group).fetchone()[0]) for group in wanted]
        first, *rest = [group for _, group in sorted(zip(sizes, wanted, strict=True))]
        sql = f"SELECT DISTINCT {column} FROM {table} found WHERE word IN ({_marks(first)})" + "".join(
            f" AND EXISTS (SELECT 1 FROM {table} other WHERE other.word IN ({_marks(group)}) "
            f"AND other.{column} = found.{column})" for group in rest)
        return {row[0] for row in self._db.execute(sql, [word for group in (first, *rest) for word in group])}

    @cached_property
    def quote_vocabulary(self) -> tuple[str, ...]:
        """Every word some quote is found by (in its words or its setting), sorted; read once per process."""
        return tuple(row[0] for row in self._db.execute("SELECT DISTINCT word FROM quote_words ORDER BY word"))

    def quote_ids_with_words(self, words: Iterable[str], *, setting: bool) -> set[str]:
        """The ids of quotes found by any of ``words``: in what was said, or (``setting``) anywhere."""
        wanted = sorted(set(words))
        found: set[str] = set()
        own = "" if setting else " AND own = 1"
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            found.update(row[0] for row in self._db.execute(
                f'SELECT quote_id FROM quote_words WHERE word IN ({",".join("?" * len(part))}){own}', part))
        return found

    def quotes_by_id(self, ids: Iterable[str], start: date | None = None, end: date | None = None) -> list[Quote]:
        """The quotes of ``ids`` overlapping ``start``..``end``, in date order."""
        found = self._db.execute('SELECT position, body FROM quotes WHERE id IN (SELECT value FROM json_each(?)) '
                                 'AND "end" >= ? AND start <= ?',
                                 (json.dumps(sorted(set(ids))), _low(start), _high(end))).fetchall()
        return [Quote.model_validate_json(body) for _, body in sorted(found)]

    def quote_page(self, start: date | None, end: date | None, side: str | None = None, bodies: Iterable[str] = (),
                   *, within: bool = False, limit: int) -> tuple[list[Quote], dict[str, int]]:
        """The first ``limit`` quotes overlapping ``start``..``end`` (``within``: lying within it) in date order,
        of everyone or (``side``) of that side's people and the institutions ``bodies``; with, counted by the
        database, how many there are ("quotes"), of how many "speakers", in how many "articles", and how many
        more only overlap the period ("apart", with ``within``)."""
        where, parameters = ['"end" >= ? AND start <= ?'], [_low(start), _high(end)]
        if side is not None:
            where.append("speaker IN (SELECT id FROM side_people WHERE side = ? UNION SELECT value FROM json_each(?))")
            parameters += [side, json.dumps(sorted(set(bodies)))]
        overlapping = " AND ".join(where)
        if within:
            where.append('start >= ? AND "end" <= ?')
            parameters += [_low(start), _high(end)]
        condition = " AND ".join(where)
        page = self._records(Quote, f"SELECT body FROM quotes WHERE {condition} ORDER BY position LIMIT ?",
                             (*parameters, limit))
        total, speakers = self._db.execute(f"SELECT count(*), count(DISTINCT speaker) FROM quotes WHERE {condition}",
                                           parameters).fetchone()
        if start is None and end is None and side is None:
            articles = int(self._meta("quote_articles"))
        else:
            articles = self._db.execute(
                "SELECT count(DISTINCT json_extract(cited.value, '$.article')) FROM quotes, "
                f"json_each(quotes.body, '$.sources') AS cited WHERE {condition}", parameters).fetchone()[0]
        apart = 0
        if within:
            apart = int(self._db.execute(f"SELECT count(*) FROM quotes WHERE {overlapping}",
                                         parameters[:-2]).fetchone()[0]) - int(total)
        return page, {"quotes": int(total), "speakers": int(speakers), "articles": int(articles), "apart": apart}

    def quote_counts(self) -> dict[str, int]:
        """How many quotes each speaker has (counted by the database)."""
        return dict(self._db.execute("SELECT speaker, count(*) FROM quotes GROUP BY speaker").fetchall())

    def side_counts(self, side: str, bodies: Iterable[str], limit: int) -> tuple[list[Person], dict[str, int]]:
        """The first ``limit`` people of ``side`` by id, and counted by the database (``side_people``
        index): its people, the quotes of its people and ``bodies``, the events naming the side, one of
        its people or ``bodies``, and the threat claims it made."""
        ids = [row[0] for row in self._db.execute("SELECT id FROM side_people WHERE side = ? ORDER BY id LIMIT ?",
                                                  (side, limit))]
        speakers = "(SELECT id FROM side_people WHERE side = ?1 UNION SELECT value FROM json_each(?2))"
        row = self._db.execute(
            f"SELECT (SELECT count(*) FROM side_people WHERE side = ?1), "
            f"(SELECT count(*) FROM quotes WHERE speaker IN {speakers}), "
            f"(SELECT count(DISTINCT event_id) FROM event_actors WHERE ref = ?1 OR ref IN {speakers}), "
            f"(SELECT count(*) FROM threats WHERE side = ?1)", (side, json.dumps(sorted(set(bodies))))).fetchone()
        return [self.people[ref] for ref in ids], dict(zip(("people", "quotes", "events", "threats"), map(int, row),
                                                           strict=True))

    def holdings(self) -> dict[str, int]:
        """How many events, quotes (and direct ones) and threat claims the base holds, counted by the database."""
        row = self._db.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM quotes), "
            "(SELECT count(*) FROM quotes WHERE json_extract(body, '$.kind') = 'direct'), "
            "(SELECT count(*) FROM threats)").fetchone()
        return dict(zip(("events", "quotes", "direct quotes", "threats"), map(int, row), strict=True))

    def years_with_day(self, month: int, day: int) -> list[int]:
        """The years in which an event is dated to exactly that day of the year, oldest first."""
        rows = self._db.execute("SELECT DISTINCT CAST(substr(start, 1, 4) AS INTEGER) FROM events "
                                "WHERE start = \"end\" AND substr(start, 6, 5) = ? ORDER BY 1",
                                (f"{month:02d}-{day:02d}",))
        return [int(row[0]) for row in rows]

    def event_span(self) -> tuple[Event, Event] | None:
        """The event that starts first and the one that ends last (by the date index), or None."""
        first = self._db.execute("SELECT body FROM events ORDER BY start, position LIMIT 1").fetchone()
        last = self._db.execute('SELECT body FROM events ORDER BY "end" DESC, position LIMIT 1').fetchone()
        if first is None or last is None:
            return None
        return Event.model_validate_json(first[0]), Event.model_validate_json(last[0])

    def events_beside(self, start: date, end: date) -> tuple[Event | None, Event | None]:
        """The latest event over before ``start`` and the first to begin after ``end`` (by the date index)."""
        before = self._db.execute('SELECT body FROM events WHERE start < ? AND "end" < ? '
                                  "ORDER BY start DESC, position DESC LIMIT 1", (_low(start), _low(start))).fetchone()
        after = self._db.execute("SELECT body FROM events WHERE start > ? ORDER BY start, position LIMIT 1",
                                 (_high(end),)).fetchone()
        return (Event.model_validate_json(before[0]) if before else None,
                Event.model_validate_json(after[0]) if after else None)

    def role_titles(self) -> list[tuple[str, str]]:
        """Every (person id, role title) of the base, read from the records' JSON by the database."""
        return [(ref, title) for ref, title in self._db.execute(
            "SELECT people.id, json_extract(role.value, '$.title') FROM people, json_each(people.body, '$.roles') "
            "AS role ORDER BY people.id")]

    @cached_property
    def person_names(self) -> NameIndex:
        """The names and aliases of every person, indexed once per process (normalised at build time)."""
        return NameIndex(self._db.execute("SELECT ref, key FROM name_keys WHERE kind = 'person'"), normalized=True)

    @cached_property
    def group_names(self) -> NameIndex:
        """The names and aliases of every group, indexed once per process (normalised at build time)."""
        return NameIndex(self._db.execute("SELECT ref, key FROM name_keys WHERE kind = 'group'"), normalized=True)

    def most_quoted(self, limit: int) -> tuple[list[str], int]:
        """The display names of the ``limit`` most quoted speakers (ties by name), and how many speakers
        the base quotes in all; counted and ordered by the database."""
        speakers, total = self.quoted_speakers(limit)
        return [name for _, name, _ in speakers], total

    def quoted_speakers(self, limit: int) -> tuple[list[tuple[str, str, int]], int]:
        """The ``limit`` most quoted speakers as (id, name, quotes), ties by name, and how many speakers
        the base quotes in all; counted and ordered by the database."""
        rows = self._db.execute("SELECT speaker, name, quotes FROM speaker_quotes ORDER BY quotes DESC, name LIMIT ?",
                                (limit,)).fetchall()
        total = int(self._db.execute("SELECT count(*) FROM speaker_quotes").fetchone()[0])
        return [(str(ref), str(name), int(count)) for ref, name, count in rows], total

    def most_threatening_side(self) -> str | None:
        """The id of the side that named the most threats (ties by id), counted by the database at build time."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'most_threatening_side'").fetchone()
        return str(row[0]) if row else None

    def threat_page(self, start: date | None, end: date | None, how: str | None, *,
                    limit: int) -> tuple[list[Threat], int, int]:
        """The first ``limit`` claims of every side (by side, then date) overlapping a period, optionally made
        in one way, with how many there are in all and in how many articles (counted by the database)."""
        if start is None and end is None and how is None:
            page = self._records(Threat, "SELECT body FROM threats ORDER BY position LIMIT ?", (limit,))
            total = int(self._db.execute("SELECT count(*) FROM threats").fetchone()[0])
            return page, total, int(self._meta("threat_articles"))
        condition = '"end" >= ? AND start <= ?' + (" AND json_extract(body, '$.how') = ?" if how else "")
        parameters: list[Any] = [_low(start), _high(end), *([how] if how else [])]
        page = self._records(Threat, f"SELECT body FROM threats WHERE {condition} ORDER BY position LIMIT ?",
                             (*parameters, limit))
        total = int(self._db.execute(f"SELECT count(*) FROM threats WHERE {condition}", parameters).fetchone()[0])
        articles = int(self._db.execute(
            "SELECT count(DISTINCT json_extract(cited.value, '$.article')) FROM threats, "
            f"json_each(threats.body, '$.sources') AS cited WHERE {condition}", parameters).fetchone()[0])
        return page, total, articles

    def threats_mentioning(self, names: Iterable[list[str]], *, side: str | None = None, state: str | None = None,
                           start: date | None = None, end: date | None = None) -> list[Threat]:
        """Claims about no group whose unnamed threat holds every word of one of ``names`` (each a list of
        normalised words), or (``state``) that name that state; optionally of one side. A prefilter by the
        ``threat_words`` index: callers check that the words stand as a run."""
        ids = set().union(*(self._ids_with_all("threat_words", "threat_id", [[word] for word in name])
                            for name in names if name))
        alternatives = ["id IN (SELECT value FROM json_each(?))"] if ids else []
        parameters: list[Any] = [json.dumps(sorted(ids))] if ids else []
        if state is not None:
            alternatives.append("state = ?")
            parameters.append(state)
        if not alternatives:
            return []
        sql = f'SELECT body FROM threats WHERE ({" OR ".join(alternatives)}) AND "end" >= ? AND start <= ?'
        parameters += [_low(start), _high(end)]
        if side is not None:
            sql += " AND side = ?"
            parameters.append(side)
        return self._records(Threat, sql + " ORDER BY position", parameters)

    def sentences(self, text: str, limit: int = 5) -> list[tuple[str, str, int, float]]:
        """Article sentences matching the words of ``text``, best first: (article, sentence, offset, score).

        Sentences holding every word come first, then those holding all but one, then any (each level
        ranked by BM25 over the words it asks for, see :meth:`_ranked_sentences`); a level is searched only
        while fewer than ``limit`` were found, so a common word's sentences are ranked only when the rarer
        words found too few. Of a level's matches, the last ``RANKED_SENTENCES`` in the artefact's order are
        ranked: words thousands of sentences hold rank nothing apart, and ranking them all grows with the base.
        """
        words = list(dict.fromkeys(normalize(word) for word in content_words(text) if len(word) > 1))
        levels = [([words], True)] if len(words) > 1 else []
        if len(words) > 2:
            levels.append(([words[:skipped] + words[skipped + 1:] for skipped in range(len(words))], True))
        levels.append(([words] if words else [], False))
        found: dict[tuple[str, int], tuple[str, str, int, float]] = {}
        for queries, every in levels:
            if len(found) >= limit:
                break
            hits: dict[tuple[str, int], tuple[str, str, int, float]] = {}
            for query in queries:
                for hit in self._ranked_sentences(query, every=every, limit=limit):
                    key = (hit[0], hit[2])
                    if key not in found and (key not in hits or hit[3] > hits[key][3]):
                        hits[key] = hit
            found.update(sorted(hits.items(), key=lambda hit: (-hit[1][3], hit[0])))
        return list(found.values())[:limit]

    def _ranked_sentences(self, words: list[str], *, every: bool, limit: int) -> list[tuple[str, str, int, float]]:
        """The best ``limit`` of the last ``RANKED_SENTENCES`` sentences holding every one of ``words``
        (``every``), else any, as (article, sentence, offset, score), ties by article and offset.

        The score is :func:`bm25` (FTS5's, each term counted once) from the document frequencies the build
        counted (``sentence_terms``; of a word of several terms, its rarest) and each sentence's token
        count in FTS5's ``sentences_docsize``, so no request counts a term's sentences; which words a
        sentence holds is asked of FTS5 per word, from the lowest ranked rowid on, when not ``every``. Only
        the sentences that make the first ``limit`` are read, from ``sentences_content``, best score first
        and each score's by article and offset (the shadow tables' formats are those of the FTS5
        documentation's appendix B).
        """
        phrases = [f'"{word}"' for word in words]
        sizes = self._db.execute(
            "SELECT sentences.rowid, sz FROM sentences JOIN sentences_docsize ON id = sentences.rowid "
            "WHERE sentences MATCH ? ORDER BY sentences.rowid DESC LIMIT ?",
            ((" AND " if every else " OR ").join(phrases), RANKED_SENTENCES)).fetchall()
        if not sizes:
            return []
        held = {rowid: tuple(range(len(words))) if every or len(words) == 1 else () for rowid, _ in sizes}
        if not every and len(words) > 1:
            for index, phrase in enumerate(phrases):
                for (rowid,) in self._db.execute("SELECT rowid FROM sentences WHERE sentences MATCH ? AND rowid >= ?",
                                                 (phrase, sizes[-1][0])):
                    held[rowid] += (index,)
        sentence_count, average_length = self._sentence_totals
        idfs = [term_idf(sentence_count, self._sentence_docs(word)) for word in words]
        scored: dict[tuple[tuple[int, ...], int], float] = {}
        by_score: dict[float, list[int]] = {}
        for rowid, size in sizes:
            shape = (held[rowid], _token_count(size))
            if shape not in scored:
                scored[shape] = bm25([idfs[index] for index in shape[0]], shape[1], average_length)
            by_score.setdefault(scored[shape], []).append(rowid)
        ranked: list[tuple[str, str, int, float]] = []
        for score in heapq.nlargest(limit, by_score):
            ranked += [(article, sentence, int(offset), score) for sentence, article, offset in self._db.execute(
                "SELECT c0, c1, c2 FROM sentences_content WHERE id IN (SELECT value FROM json_each(?)) "
                "ORDER BY c1, c2 LIMIT ?", (json.dumps(by_score[score]), limit - len(ranked)))]
            if len(ranked) >= limit:
                break
        return ranked

    def _sentence_docs(self, word: str) -> int:
        """How many sentences hold ``word`` (of a word of several terms, its rarest term), as the build counted."""
        terms = list(self._phrase_terms.terms(word))
        counted = dict(self._db.execute(f"SELECT term, docs FROM sentence_terms WHERE term IN ({_marks(terms)})",
                                        terms))
        return min((int(counted.get(term, 0)) for term in terms), default=0)

    @cached_property
    def _phrase_terms(self) -> PhraseTerms:
        return PhraseTerms()

    @cached_property
    def _sentence_totals(self) -> tuple[int, float]:
        """How many sentences the base indexes and their average token count, as FTS5 computes it."""
        count, tokens = int(self._meta("sentence_count")), int(self._meta("sentence_tokens"))
        return count, tokens / count if count else 0.0

    def export(self) -> dict[str, Any]:
        """The whole base as the JSON shape of design.md section 3."""
        return export_data(self.as_data())

    def as_data(self) -> FactBaseData:
        """Every record, in the compiler's order."""
        return FactBaseData(
            sources=tuple(sorted(self.sources, key=lambda source: source.article)),
            people=tuple(self.people.values()), groups=tuple(self.groups.values()),
            events=tuple(self.events()), quotes=tuple(self.quotes()), threats=tuple(self.threats()),
            sides=tuple(self.sides.values()), institutions=tuple(self.institutions.values()),
        )


def _event_condition(ids: Iterable[str] | None, start: date | None, end: date | None,
                     within: str | None) -> tuple[str, list[Any]]:
    """The SQL condition (and its parameters) on events of ``ids`` (None: all) overlapping ``start``..``end``;
    ``within`` "" keeps those lying within it, "NOT " those that do not, None both."""
    where = ['"end" >= ? AND start <= ?']
    parameters: list[Any] = [_low(start), _high(end)]
    if within is not None:
        where.append(f'{within}(start >= ? AND "end" <= ?)')
        parameters += [_low(start), _high(end)]
    if ids is not None:
        where.append("id IN (SELECT value FROM json_each(?))")
        parameters.append(json.dumps(sorted(set(ids))))
    return " AND ".join(where), parameters


def _marks(values: list[str]) -> str:
    return ",".join("?" * len(values))


def _low(day: date | None) -> str:
    return day.isoformat() if day else "0000-01-01"


def _high(day: date | None) -> str:
    return day.isoformat() if day else "9999-12-31"


def export_data(data: FactBaseData) -> dict[str, Any]:
    """The JSON export: names resolved for readers, dates ISO 8601, sources as article + evidence.

    A side is shown by its name (``side``) beside its id (``side_id``).
    """
    sides = {side.id: side.name for side in data.sides}
    names = {**sides, **{g.id: g.name for g in data.groups}, **{i.id: i.name for i in data.institutions},
             **{p.id: p.name for p in data.people}}

    def cited(citations: Iterable[Any]) -> list[dict[str, Any]]:
        return [{"article": c.article, "evidence": c.evidence, "offset": c.offset, "date_phrase": c.date_phrase}
                for c in citations]

    def span(fact: Event | Quote | Threat) -> dict[str, Any]:
        return {"start": fact.date.start.isoformat(), "end": fact.date.end.isoformat(),
                "precision": fact.date.precision}

    def named_by(threat: Threat) -> str:
        return "the outlet (narration)" if threat.named_by == "outlet" else names[threat.named_by]

    def side(ref: str | None) -> dict[str, Any]:
        return {"side": sides.get(ref, ref) if ref else None, "side_id": ref}

    return {
        "sources": [{"article": s.article, "headline": s.headline, "outlet": s.outlet,
                     "published": s.published.start.isoformat(), "precision": s.published.precision,
                     "basis": s.basis, "note": s.note} for s in data.sources],
        "people": [{"id": p.id, "name": p.name, **side(p.side), "aliases": list(p.aliases),
                    "roles": [r.model_dump() for r in p.roles], "note": p.note} for p in data.people],
        "groups": [{"id": g.id, "name": g.name, "kind": g.kind, "aliases": list(g.aliases),
                    "designations": [{"label": d.label, "by": d.by, "sources": cited([d.source])}
                                     for d in g.designations], "note": g.note} for g in data.groups],
        "events": [{"id": e.id, "summary": e.summary, "date_phrase": e.date_phrase, **span(e),
                    "actors": [names[a] for a in e.actors], "place": e.place,
                    "topics": list(e.topics), "notes": list(e.notes), "sources": cited(e.sources)}
                   for e in data.events],
        "quotes": [{"id": q.id, "speaker": names[q.speaker], "speaker_id": q.speaker, "kind": q.kind,
                    "text": q.text, "date": iso_text(q.date), **span(q),
                    "context": q.context, "via": q.via, "notes": list(q.notes), "sources": cited(q.sources)}
                   for q in data.quotes],
        "threats": [{"id": t.id, **side(t.side), "named_by": named_by(t), "how": t.how,
                     "group": names[t.group] if t.group else None,
                     "state": sides[t.state] if t.state else None, "unnamed": t.unnamed,
                     "date": iso_text(t.date), **span(t),
                     "notes": list(t.notes), "sources": cited(t.sources)} for t in data.threats],
        "sides": [{"id": s.id, "name": s.name, "kind": s.kind, "aliases": list(s.aliases),
                   "demonyms": list(s.demonyms), "metonyms": list(s.metonyms), "note": s.note} for s in data.sides],
        "institutions": [{"id": i.id, "name": i.name, **side(i.side), "kind": i.kind, "aliases": list(i.aliases),
                          "generic": list(i.generic), "note": i.note} for i in data.institutions],
    }
