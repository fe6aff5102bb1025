"""A per-file cache of a build's slow per-file steps, keyed by each file's content and the code.

A build's slow steps are functions of a few files' bytes: parsing one TOML file, splitting one
seed into indexed sentences, compiling the registry (the sides, people, institutions and groups
files), checking one article's entries against its seed and the registry (evidence, dates,
references). :class:`BuildCache` keeps each result, with the problems it found, pickled in a SQLite
file beside the artefact, keyed by the sha256 of the bytes it depends on, and is discarded whole when
the compiler's code changes. Any change to a registry file therefore re-checks every article. A
build that changed articles only patches the previous artefact (``knowledge.compile.compile_changes``)
and reads the cache for the few articles it touches; any other build merges every article's cached
facts and writes the artefact anew, so either way it reports the problems of a full build and
writes an artefact holding the same.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Value = TypeVar("Value")

CACHE_NAME = ".factbase-cache.sqlite"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (kind TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (kind, key));
"""


def code_version() -> str:
    """A hash of Python's version and every module of ``knowledge`` (the cache holds their output and
    their pickled models); another version invalidates every entry."""
    code_dir = Path(__file__).resolve().parent
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(code_dir.rglob("*.py")):
        digest.update(str(path.relative_to(code_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class BuildCache:
    """Results by content hash, in a sidecar SQLite database at ``location``.

    ``BuildCache(None)`` caches in memory only; ``reuse=False`` ignores what is stored (a full
    build) but still stores this build's entries. Entries are read one by one as the build asks
    for them, and :meth:`save` writes only the new ones and drops those this build did not use.
    """

    def __init__(self, location: Path | None, reuse: bool = True) -> None:
        self.location = location
        self.version = code_version()
        self.reuse = reuse
        self._stored: sqlite3.Connection | None = None
        self._new: dict[tuple[str, str], bytes] = {}
        self._used: set[tuple[str, str]] = set()
        self._memory: dict[tuple[str, str], Any] = {}
        if reuse and location is not None and location.exists():
            try:
                connection = sqlite3.connect(f"file:{location}?mode=ro", uri=True)
                row = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            except sqlite3.DatabaseError:
                return
            if row is not None and row[0] == self.version:
                self._stored = connection
            else:
                connection.close()

    def _lookup(self, key: tuple[str, str]) -> tuple[bool, Any]:
        if key in self._memory:
            return True, self._memory[key]
        if self._stored is not None:
            row = self._stored.execute("SELECT value FROM entries WHERE kind = ? AND key = ?", key).fetchone()
            if row is not None:
                try:
                    return True, pickle.loads(row[0])
                except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                    pass
        return False, None

    def _get(self, kind: str, content: bytes, compute: Callable[[], Value]) -> Value:
        key = (kind, hashlib.sha256(content).hexdigest())
        found, value = self._lookup(key)
        if not found:
            value = compute()
            self._new[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._memory[key] = value
        self._used.add(key)
        result: Value = value
        return result

    def toml(self, path: Path) -> dict[str, Any]:
        """``tomllib.loads`` of the file's UTF-8 text; raises as reading and parsing it would."""
        return self._get("toml", path.read_bytes(), lambda: tomllib.loads(path.read_text(encoding="utf-8")))

    def memo(self, kind: str, content: bytes, compute: Callable[[], Value]) -> Value:
        """``compute()``, a function of ``content`` (and the code) alone, cached under ``kind``."""
        return self._get(kind, content, compute)

    def save(self, prune: bool = True) -> None:
        """Store this build's new entries and (``prune``) drop the ones it did not use; a no-op in memory.

        A build that read only a few files (a patched artefact) keeps the others' entries."""
        if self._stored is not None:
            self._stored.close()
            self._stored = None
        if self.location is None:
            return
        self.location.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.reuse or not self.location.exists()
        try:
            connection = sqlite3.connect(self.location)
            with connection:
                version = None if fresh else connection.execute(
                    "SELECT value FROM meta WHERE key = 'version'").fetchone()
                if version is None or version[0] != self.version:
                    connection.executescript("DROP TABLE IF EXISTS entries; DROP TABLE IF EXISTS meta;"
                                             + SCHEMA)
                    connection.execute("INSERT INTO meta VALUES ('version', ?)", (self.version,))
                stale = set(connection.execute("SELECT kind, key FROM entries")) - self._used if prune else set()
                connection.executemany("DELETE FROM entries WHERE kind = ? AND key = ?", sorted(stale))
                connection.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                                       [(*key, value) for key, value in self._new.items()])
            connection.close()
        except sqlite3.DatabaseError:
            self.location.unlink(missing_ok=True)


def cache_path(target: Path) -> Path:
    """Where the cache of the artefact ``target`` lives: beside it."""
    return target.parent / CACHE_NAME
