"""Claims the bot's processes share: keys with an expiry, each claimed once, behind one interface.

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
    """Keys in namespaces, each with an expiry, shared by every process of the bot."""

    def claim(self, namespace: str, key: str, ttl: float) -> bool:
        """Record ``key`` unless it is already there (and unexpired); True only for the first claim."""


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

    def close(self) -> None:
        """Close this process's connection."""
        self._db.close()


class MemoryState:
    """:class:`State` in this process only: for the console and tests of one process."""

    def __init__(self) -> None:
        self._expiries: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def claim(self, namespace: str, key: str, ttl: float) -> bool:
        """Record ``key`` unless it is already there (and unexpired); True only for the first claim."""
        now = time.time()
        with self._lock:
            if self._expiries.get((namespace, key), 0.0) > now:
                return False
            self._expiries[(namespace, key)] = now + ttl
            return True
