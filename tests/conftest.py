"""Shared fixtures. Append new fixtures; never remove others'."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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
