"""One SQLite file that every process on a host shares, each through its own connection.

The once-only store of the bot and the readers' feedback store are such files: WAL mode lets
many readers and one writer work at once, a busy timeout makes writers wait their turn, and a
process that forked (a gunicorn worker) opens a connection of its own instead of inheriting one.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

BUSY_SECONDS = 15.0


class SharedFile:
    """``SharedFile(path, schema).connection()``: this process's connection to ``path`` (autocommit)."""

    def __init__(self, path: Path, schema: str) -> None:
        self.path = path
        self._schema = schema
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    def connection(self) -> sqlite3.Connection:
        """The connection of this process, opened (and the schema created) on first use after a fork."""
        if self._connection is None or self._pid != os.getpid():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None,
                                         check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
            connection.executescript(self._schema)
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def close(self) -> None:
        """Close this process's connection (one inherited through a fork is left to its owner)."""
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None
