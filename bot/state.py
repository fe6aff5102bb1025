"""Small shared state for the bot's processes: keys with values and an expiry, behind one interface.

:class:`SharedState` keeps them where every process of the bot reaches them: one SQLite file in
WAL mode for the gunicorn workers, their threads and a Socket Mode worker of one host, or a table
on a PostgreSQL server for several hosts (``FACTDESK_STATE=postgresql://…``). ``INSERT … ON
CONFLICT DO NOTHING`` inside a transaction makes a claim atomic on both.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Protocol

from knowledge.shared_store import SharedDatabase, open_shared

SCHEMA = """
CREATE TABLE IF NOT EXISTS state (
    namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires DOUBLE PRECISION NOT NULL,
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


class SharedState:
    """:class:`State` in a shared store (an SQLite file, or a PostgreSQL server for several hosts)."""

    def __init__(self, location: str | Path) -> None:
        self.location = location
        self._db: SharedDatabase = open_shared(location, SCHEMA)
        self._writes = 0

    def claim(self, namespace: str, key: str, ttl: float) -> bool:
        """Record ``key`` unless it is already there (and unexpired); True only for the first claim."""
        now = time.time()
        with self._db.transaction() as execute:
            execute("DELETE FROM state WHERE namespace = ? AND key = ? AND expires <= ?", (namespace, key, now))
            claimed = execute("INSERT INTO state VALUES (?, ?, '', ?) ON CONFLICT DO NOTHING",
                              (namespace, key, now + ttl)).rowcount == 1
            self._writes += 1
            if self._writes % PURGE_EVERY == 0:
                execute("DELETE FROM state WHERE expires <= ?", (now,))
        return claimed

    def put(self, namespace: str, key: str, value: str, ttl: float) -> None:
        """Set ``key`` to ``value`` for ``ttl`` seconds, replacing any earlier value."""
        self._db.run("INSERT INTO state VALUES (?, ?, ?, ?) ON CONFLICT (namespace, key) "
                     "DO UPDATE SET value = excluded.value, expires = excluded.expires",
                     (namespace, key, value, time.time() + ttl))

    def get(self, namespace: str, key: str) -> str | None:
        """The unexpired value of ``key``, or None."""
        rows = self._db.run("SELECT value FROM state WHERE namespace = ? AND key = ? AND expires > ?",
                            (namespace, key, time.time())).rows
        return str(rows[0][0]) if rows else None

    def close(self) -> None:
        """Close this process's connection."""
        self._db.close()


SQLiteState = SharedState


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
