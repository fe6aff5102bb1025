"""Structured replies: what the core answers, before anything knows about Slack.

A :class:`Reply` holds plain text only (no markup, no escaping); :mod:`bot.render` turns it
into Block Kit and a fallback text, escaping everything on the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tone = Literal["answer", "nothing", "help", "usage", "error"]


@dataclass(frozen=True)
class SourceRef:
    """A citation as shown to readers: the article id, its outlet (if named) and publication date."""

    article: str
    outlet: str | None
    published: str

    @property
    def label(self) -> str:
        """``Outlet [002]`` when the outlet is known, else ``[002]``."""
        return f"{self.outlet} [{self.article}]" if self.outlet else f"[{self.article}]"


@dataclass(frozen=True)
class Item:
    """One fact (or one line of help) with its date, details and sources.

    ``quoted`` marks ``text`` as words exactly as printed, shown inside quotation marks; ``lead``
    is a short bold label before the text (a speaker, a group, a side).
    """

    text: str
    lead: str | None = None
    quoted: bool = False
    date: str | None = None
    details: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class Section:
    """A titled group of items (one speaker, one side, one kind of quote)."""

    heading: str | None = None
    subheading: str | None = None
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Reply:
    """A whole answer: a title, sections of items and closing notes (hints, suggestions).

    ``narrow_hint`` is what the renderer says when it has to cut a long answer short; ``asked`` is
    the command and argument that produced the answer, so a follow-up can build on it.
    """

    tone: Tone
    title: str
    summary: str | None = None
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = ()
    narrow_hint: str = "Narrow the question with a period or a few words."
    asked: tuple[str, str] | None = None

    @property
    def is_answer(self) -> bool:
        """True for a reply that answers the question (shown to the channel)."""
        return self.tone == "answer"

    @property
    def item_count(self) -> int:
        """How many items the reply holds across its sections."""
        return sum(len(section.items) for section in self.sections)
