"""Where the bot's processes keep what they share: one SQLite file per host, or a PostgreSQL server.

A *location* is either a path, for an SQLite file every process of one host opens (WAL mode lets
many readers and one writer work at once, a busy timeout makes writers wait their turn), or a
``postgresql://`` URL, for a server every host reaches. The once-only store of the bot and the
readers' feedback store are written once, in SQL both understand (``?`` placeholders, ``ON
CONFLICT``, ``RETURNING``), and run on either through :func:`open_shared`.

Each process opens a connection of its own, again after a fork (a gunicorn worker never uses
its master's), and each store serialises its threads on that connection. PostgreSQL needs the
optional ``postgres`` extra (psycopg); nothing starts the server for the bot, and the first
process to connect creates the tables.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

BUSY_SECONDS = 15.0
SERVER_SCHEMES = ("postgresql", "postgres")
POSTGRES_EXTRA = "pip install -e '.[postgres]'"


class StoreUnavailable(Exception):
    """The shared store cannot be opened or reached; the message is one line and holds no password."""


@dataclass(frozen=True)
class Result:
    """What one statement gave: its rows (for a query or ``RETURNING``) and how many rows it changed."""

    rows: list[tuple[Any, ...]]
    rowcount: int


Execute = Callable[..., Result]


def is_server(location: str | Path) -> bool:
    """True when ``location`` is a database server's URL (``postgresql://…``), not a file path."""
    return isinstance(location, str) and urlsplit(location).scheme.lower() in SERVER_SCHEMES


def shown(location: str | Path) -> str:
    """``location`` as logs and messages may show it: a URL's password replaced by ``***``."""
    if not is_server(location):
        return str(location)
    parts = urlsplit(str(location))
    if parts.password is None:
        return str(location)
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + parts.netloc.rpartition("@")[2]))


def secret_of(location: str | Path) -> str | None:
    """The password inside a server URL, for the log filter to redact; None for a path."""
    return urlsplit(str(location)).password if is_server(location) else None


class SharedDatabase:
    """One store's tables, reached by this process through a connection of its own."""

    def __init__(self, location: str | Path) -> None:
        self.location = location
        self._lock = threading.Lock()
        self._connection: Any = None
        self._pid = 0

    @property
    def shown(self) -> str:
        """The location as messages show it (no password)."""
        return shown(self.location)

    def run(self, sql: str, parameters: Sequence[Any] = ()) -> Result:
        """Run one statement on its own (it commits at once)."""
        with self._lock:
            return self._guarded(lambda connection: self._execute(connection, sql, parameters))

    @contextmanager
    def transaction(self) -> Iterator[Execute]:
        """Run statements as one transaction: committed when the block ends, rolled back if it raises."""
        with self._lock:
            connection = self._guarded(lambda connection: connection)
            with self._guard(), self._begin(connection):
                yield lambda sql, parameters=(): self._execute(connection, sql, parameters)

    def close(self) -> None:
        """Close this process's connection (one inherited through a fork is left to its owner)."""
        with self._lock:
            if self._connection is not None and self._pid == os.getpid():
                self._connection.close()
            self._connection = None

    def _guarded(self, work: Callable[[Any], Any]) -> Any:
        with self._guard():
            if self._connection is None or self._pid != os.getpid() or self._broken(self._connection):
                self._connection, self._pid = self._connect(), os.getpid()
            return work(self._connection)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except self._errors() as error:
            raise StoreUnavailable(f"the store at {self.shown} failed: {_one_line(error)}") from None

    def _connect(self) -> Any:
        raise NotImplementedError

    def _broken(self, connection: Any) -> bool:
        return False

    def _errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError

    def _begin(self, connection: Any) -> Any:
        raise NotImplementedError

    def _execute(self, connection: Any, sql: str, parameters: Sequence[Any]) -> Result:
        raise NotImplementedError


class SQLiteDatabase(SharedDatabase):
    """Tables in one SQLite file in WAL mode, shared by every process of one host."""

    def __init__(self, path: Path, schema: str) -> None:
        super().__init__(path)
        self.path = path
        self._schema = schema

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
        connection.executescript(self._schema)
        return connection

    def _errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.Error, OSError)

    @contextmanager
    def _begin(self, connection: sqlite3.Connection) -> Iterator[None]:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def _execute(self, connection: sqlite3.Connection, sql: str, parameters: Sequence[Any]) -> Result:
        cursor = connection.execute(sql, tuple(parameters))
        rows = cursor.fetchall()
        return Result(rows, cursor.rowcount)


class PostgresDatabase(SharedDatabase):
    """Tables on a PostgreSQL server that every host reaches (psycopg, from the ``postgres`` extra)."""

    def __init__(self, url: str, schema: str) -> None:
        super().__init__(url)
        self.url = url
        self._schema = schema
        try:
            import psycopg
        except ImportError:
            raise StoreUnavailable(f"{self.shown} is a PostgreSQL server, but psycopg is not installed: "
                                   f"{POSTGRES_EXTRA}") from None
        self._psycopg = psycopg

    def _connect(self) -> Any:
        connection = self._psycopg.connect(self.url, autocommit=True, connect_timeout=int(BUSY_SECONDS))
        with connection.transaction():  # one process at a time creates the tables
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (zlib.crc32(self._schema.encode()),))
            for statement in filter(str.strip, self._schema.split(";")):
                connection.execute(statement)
        return connection

    def _broken(self, connection: Any) -> bool:
        return bool(connection.closed or connection.broken)

    def _errors(self) -> tuple[type[BaseException], ...]:
        return (self._psycopg.Error,)

    def _begin(self, connection: Any) -> Any:
        return connection.transaction()

    def _execute(self, connection: Any, sql: str, parameters: Sequence[Any]) -> Result:
        cursor = connection.execute(sql.replace("?", "%s"), tuple(parameters))
        rows = cursor.fetchall() if cursor.description is not None else []
        return Result(rows, cursor.rowcount)


def open_shared(location: str | Path, schema: str, server_schema: str | None = None) -> SharedDatabase:
    """The store at ``location``: a PostgreSQL server for a ``postgresql://`` URL, else an SQLite file.

    ``schema`` creates the tables (``IF NOT EXISTS``); ``server_schema`` replaces it on a server
    where the dialects differ. The connection opens here, so a wrong location fails at once with
    :class:`StoreUnavailable`.
    """
    database: SharedDatabase
    if is_server(location):
        database = PostgresDatabase(str(location), server_schema or schema)
    else:
        database = SQLiteDatabase(Path(location), schema)
    database.run("SELECT 1")
    return database


def _one_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
