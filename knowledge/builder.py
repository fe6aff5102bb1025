"""Write the compiled artefact: the curator's side of :mod:`knowledge.store` (imports the compiler).

``build(paths, target)`` compiles and writes the database atomically (a failed compile leaves
any previous file untouched). The serving process never imports this module.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import Counter
from functools import partial
from pathlib import Path

from pydantic import BaseModel

from knowledge.cache import BuildCache, cache_path
from knowledge.compile import compile_base, split_sentences
from knowledge.models import FactBaseData
from knowledge.names import normalize, tokens
from knowledge.paths import Paths
from knowledge.store import (
    SCHEMA,
    SCHEMA_VERSION,
    Named,
    default_db_path,
    event_words,
    input_hash,
    input_stamp,
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


def write_database(data: FactBaseData, paths: Paths, target: Path, inputs: str, stamp: str = "",
                   cache: BuildCache | None = None) -> None:
    """Write ``data`` (and the seeds' sentences) to ``target`` atomically."""
    cache = cache or BuildCache(None)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".factbase-", suffix=".sqlite", dir=target.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        with connection:
            connection.executescript(SCHEMA)
            connection.executemany("INSERT INTO meta VALUES (?, ?)",
                                   [("input_hash", inputs), ("input_stamp", stamp), ("schema", SCHEMA_VERSION),
                                    ("event_articles", str(len({c.article for e in data.events for c in e.sources}))),
                                    ("threat_articles",
                                     str(len({c.article for t in data.threats for c in t.sources})))])
            speakers = {record.id: record.name for table in (data.institutions, data.people) for record in table}
            counts = Counter(quote.speaker for quote in data.quotes)
            connection.executemany("INSERT INTO speaker_quotes VALUES (?, ?, ?)", [
                (ref, speakers.get(ref, ref), count) for ref, count in sorted(counts.items())])
            connection.executemany("INSERT INTO sources VALUES (?, ?, ?)", [
                (source.article, source.published.start.isoformat(), _dump(source)) for source in data.sources])
            connection.executemany("INSERT INTO sides VALUES (?, ?)", [(side.id, _dump(side)) for side in data.sides])
            connection.executemany("INSERT INTO institutions VALUES (?, ?)",
                                   [(body.id, _dump(body)) for body in data.institutions])
            connection.executemany("INSERT INTO people VALUES (?, ?)",
                                   [(person.id, _dump(person)) for person in data.people])
            connection.executemany("INSERT INTO groups VALUES (?, ?)",
                                   [(group.id, _dump(group)) for group in data.groups])
            connection.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)", [
                (event.id, position, event.date.start.isoformat(), event.date.end.isoformat(), _dump(event))
                for position, event in enumerate(data.events)])
            connection.executemany("INSERT INTO event_actors VALUES (?, ?)", [
                (event.id, actor) for event in data.events for actor in event.actors])
            connection.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?)", [
                (quote.id, position, quote.speaker, quote.date.start.isoformat(), quote.date.end.isoformat(),
                 _dump(quote)) for position, quote in enumerate(data.quotes)])
            connection.executemany("INSERT INTO threats VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                (threat.id, position, threat.side, threat.group, threat.state, threat.date.start.isoformat(),
                 threat.date.end.isoformat(), _dump(threat), threat.named_by,
                 " ".join(tokens(threat.unnamed)) if threat.unnamed else None)
                for position, threat in enumerate(data.threats)])
            connection.executemany("INSERT INTO event_sources VALUES (?, ?)", sorted(
                {(event.id, citation.article) for event in data.events for citation in event.sources}))
            connection.executemany("INSERT INTO quote_words VALUES (?, ?, ?)", [
                (word, quote.id, int(word in said)) for quote in data.quotes
                for said in [quote_words(quote, setting=False)]
                for word in sorted(quote_words(quote, setting=True) | said)])
            connection.executemany("INSERT INTO name_keys VALUES (?, ?, ?)", [
                (kind, record.id, key) for kind, table in (("person", data.people), ("group", data.groups))
                for record in table for name in (record.name, *record.aliases) if (key := normalize(name))])
            records: dict[str, Named] = {}
            for table in (data.sides, data.groups, data.institutions, data.people):  # as FactBase.name_of looks up
                records.update((record.id, record) for record in table)
            connection.executemany("INSERT INTO event_words VALUES (?, ?)", [
                (word, event.id) for event in data.events for word in sorted(event_words(event, records))])
            for source in data.sources:
                seed = paths.seeds / source.article
                rows = cache.memo("sentences", seed.read_bytes(), partial(indexed_sentences, seed))
                connection.executemany("INSERT INTO sentences VALUES (?, ?, ?)", [
                    (sentence, source.article, offset) for sentence, offset in rows])
        connection.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it 0600; the artefact is as readable as the umask says
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def build(paths: Paths | None = None, target: Path | None = None, full: bool = False) -> Path:
    """Compile the curated files and write the artefact; raises ``CompileFailed`` and writes nothing.

    Files whose bytes the cache beside ``target`` has seen are not parsed again; ``full`` ignores
    the cache (and refills it). Either way the artefact is the same.
    """
    paths = paths or Paths()
    target = target or default_db_path(paths)
    stamp, inputs = input_stamp(paths), input_hash(paths)
    cache = BuildCache(cache_path(target), reuse=not full)
    write_database(compile_base(paths, cache), paths, target, inputs, stamp, cache)
    cache.save()
    return target
