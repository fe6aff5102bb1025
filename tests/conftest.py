"""Shared fixtures. Append new fixtures; never remove others'."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_server import PostgresServer, binaries

from bot.console import Console
from bot.core import Desk
from knowledge.store import FactBase


@pytest.fixture(scope="session")
def fact_base() -> Iterator[FactBase]:
    """The shipped fact base (built when missing or stale), opened once per test session."""
    base = FactBase.open()
    yield base
    base.close()


@pytest.fixture(scope="session")
def desk(fact_base: FactBase) -> Desk:
    """The bot core over the shipped fact base."""
    return Desk(fact_base)


@pytest.fixture(scope="session")
def console(desk: Desk) -> Console:
    """The offline console: the real Bolt app over the shipped fact base, Slack's Web API at the transport."""
    return Console(desk)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server on loopback for this session (skipped where the machine has none; CI installs one)."""
    if binaries() is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl); .ci/run installs Debian's postgresql")
    pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")
    with PostgresServer() as server:
        yield server


@pytest.fixture(params=["file", "server"])
def shared_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a shared store lives: an SQLite file, then a fresh database on the PostgreSQL server."""
    if request.param == "file":
        return str(tmp_path / "shared" / "store.sqlite")
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.url(f"t_{secrets.token_hex(6)}")
