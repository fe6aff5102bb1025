"""Small shared state for the bot's processes: keys with values and an expiry, behind one interface.

:class:`SQLiteState` is what one host really shares between its gunicorn workers, their threads
and a Socket Mode worker: one SQLite file in WAL mode, where ``INSERT OR IGNORE`` makes a claim
atomic across processes. Several hosts need a store on a server they all reach (Redis ``SET NX
EX``, or a table in a shared database); such a store implements :class:`State` and nothing
else changes.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Protocol

from knowledge.shared_sqlite import SharedFile

SCHEMA = """
CREATE TABLE IF NOT EXISTS state (
    namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires REAL NOT NULL,
    PRIMARY KEY (namespace, key));
CREATE INDEX IF NOT EXISTS state_by_expiry ON state (expires);
"""
PURGE_EVERY = 200


class State(Protocol):
    """Keys in namespaces, each with a value and an expiry, shared by every process of the bot."""

    def claim(self, namespace: str, key: str, ttl: float) -> bool:
        """Record ``key`` unless it is already there (and unexpired); True only for the first claim."""

    def put(self, namespace: str, key: str, value: str, ttl: float) -> None:
        """Set ``key`` to ``value`` for ``ttl`` seconds, replacing any earlier value."""

    def get(self, namespace: str, key: str) -> str | None:
        """The unexpired value of ``key``, or None."""


class SQLiteState:
    """:class:`State` in one SQLite file, safe across threads, processes and forks."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._file = SharedFile(self.path, SCHEMA)
        self._writes = 0
        self._db()

    def _db(self) -> sqlite3.Connection:
        return self._file.connection()

    def claim(self, namespace: str, key: str, ttl: float) -> bool:
        """Record ``key`` unless it is already there (and unexpired); True only for the first claim."""
        now = time.time()
        with self._lock:
            db = self._db()
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("DELETE FROM state WHERE namespace = ? AND key = ? AND expires <= ?", (namespace, key, now))
                claimed = db.execute("INSERT OR IGNORE INTO state VALUES (?, ?, '', ?)",
                                     (namespace, key, now + ttl)).rowcount == 1
                self._purge(db, now)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return claimed

    def put(self, namespace: str, key: str, value: str, ttl: float) -> None:
        """Set ``key`` to ``value`` for ``ttl`` seconds, replacing any earlier value."""
        with self._lock:
            self._db().execute("INSERT OR REPLACE INTO state VALUES (?, ?, ?, ?)",
                               (namespace, key, value, time.time() + ttl))

    def get(self, namespace: str, key: str) -> str | None:
        """The unexpired value of ``key``, or None."""
        with self._lock:
            row = self._db().execute("SELECT value FROM state WHERE namespace = ? AND key = ? AND expires > ?",
                                     (namespace, key, time.time())).fetchone()
        return None if row is None else str(row[0])

    def _purge(self, db: sqlite3.Connection, now: float) -> None:
        self._writes += 1
        if self._writes % PURGE_EVERY == 0:
            db.execute("DELETE FROM state WHERE expires <= ?", (now,))

    def close(self) -> None:
        """Close this process's connection."""
        with self._lock:
            self._file.close()


class MemoryState:
    """:class:`State` in this process only: for the console and tests of one process."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, str], tuple[str, float]] = {}
        self._lock = threading.Lock()

    def claim(self, namespace: str, key: str, ttl: float) -> bool:
        """Record ``key`` unless it is already there (and unexpired); True only for the first claim."""
        with self._lock:
            if self._live((namespace, key)) is not None:
                return False
            self._values[(namespace, key)] = ("", time.time() + ttl)
            return True

    def put(self, namespace: str, key: str, value: str, ttl: float) -> None:
        """Set ``key`` to ``value`` for ``ttl`` seconds, replacing any earlier value."""
        with self._lock:
            self._values[(namespace, key)] = (value, time.time() + ttl)

    def get(self, namespace: str, key: str) -> str | None:
        """The unexpired value of ``key``, or None."""
        with self._lock:
            return self._live((namespace, key))

    def _live(self, key: tuple[str, str]) -> str | None:
        found = self._values.get(key)
        if found is None or found[1] <= time.time():
            self._values.pop(key, None)
            return None
        return found[0]
