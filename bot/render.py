"""Render a :class:`~bot.replies.Reply` as a Slack message: Block Kit plus a fallback text.

This is the only module that knows Block Kit. Every string that reaches Slack is escaped
(``&``, ``<``, ``>``) and broadcast words are defused, so no text (user input included) can
ping a channel or a person or forge a link. Blocks are built with ``slack_sdk.models.blocks``,
whose validators enforce Slack's limits; long answers are cut with a count of what was left out.
"""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.models.blocks import Block, ContextBlock, DividerBlock, MarkdownTextObject, SectionBlock

from bot.replies import Item, Reply, Section

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_FALLBACK_CHARS = 3000
MAX_MESSAGE_CHARS = 12000
_ROOM = 100

_BROADCAST = re.compile(r"@(?=channel|here|everyone)", re.IGNORECASE)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape(text: str) -> str:
    """Escape Slack's control characters and defuse ``@channel``/``@here``/``@everyone``."""
    printable = _CONTROL.sub("", text)
    escaped = printable.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub("@\u200b", escaped)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _bold(text: str) -> str:
    return f"*{escape(text)}*"


def _sources_line(item: Item) -> str:
    if not item.sources:
        return ""
    cited = "; ".join(f"{ref.label} {ref.published}" for ref in item.sources)
    if len(item.sources) == 1:
        return f"Source: {cited}"
    return f"Sources ({len(item.sources)} articles): {cited}"


def item_lines(item: Item) -> list[str]:
    """An item as plain (unescaped) lines: the fact, its date and details, its sources."""
    body = f"“{item.text}”" if item.quoted else item.text
    first = f"{item.lead}: {body}" if item.lead else body
    lines = [first]
    meta = " · ".join(part for part in (item.date, *item.details) if part)
    if meta:
        lines.append(meta)
    if item.sources:
        lines.append(_sources_line(item))
    return lines


def _item_mrkdwn(item: Item) -> str:
    body = f"“{escape(item.text)}”" if item.quoted else escape(item.text)
    first = f"{_bold(item.lead)}  {body}" if item.lead else body
    lines = [first]
    meta = " · ".join(escape(part) for part in (item.date, *item.details) if part)
    if meta:
        lines.append(meta)
    if item.sources:
        lines.append(f"_{escape(_sources_line(item))}_")
    return _clip("\n".join(lines), MAX_SECTION_CHARS - _ROOM)


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=_clip(text, MAX_SECTION_CHARS), verbatim=True))


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=_clip(text, MAX_SECTION_CHARS), verbatim=True)])


def _heading_mrkdwn(section: Section) -> str:
    parts = []
    if section.heading:
        parts.append(_bold(section.heading))
    if section.subheading:
        parts.append(f"_{escape(section.subheading)}_")
    return "\n".join(parts)


def _cut_note(left_out: int, hint: str) -> str:
    noun = "item" if left_out == 1 else "items"
    return f"… {left_out} more {noun} not shown. {hint}"


def _blocks(reply: Reply) -> tuple[list[Block], int]:
    """The reply's blocks within Slack's limits, and how many items had to be left out."""
    head: list[Block] = [_section(_bold(reply.title))]
    if reply.summary:
        head.append(_context(escape(reply.summary)))
    tail: list[Block] = [_section("\n".join(escape(note) for note in reply.notes))] if reply.notes else []
    room = MAX_BLOCKS - len(head) - len(tail) - 1
    body: list[Block] = []
    pending: list[str] = []
    pending_items = shown = chars = 0
    stopped = False

    def flush() -> None:
        nonlocal pending, pending_items, shown
        body.append(_section("\n\n".join(pending)))
        shown += pending_items
        pending, pending_items = [], 0

    for index, section in enumerate(reply.sections):
        if pending:
            if len(body) + 2 > room:
                break
            flush()
        if index and len(body) + 2 < room:
            body.append(DividerBlock())
        heading = _heading_mrkdwn(section)
        pending = [heading] if heading else []
        for item in section.items:
            chunk = _item_mrkdwn(item)
            chars += len(chunk)
            if chars > MAX_MESSAGE_CHARS:
                stopped = True
                break
            if pending and len("\n\n".join([*pending, chunk])) > MAX_SECTION_CHARS - _ROOM:
                if len(body) + 2 > room:
                    stopped = True
                    break
                flush()
            pending.append(chunk)
            pending_items += 1
        if stopped:
            break
    if pending_items and len(body) < room:
        flush()
    left_out = reply.item_count - shown
    cut: list[Block] = [_context(escape(_cut_note(left_out, reply.narrow_hint)))] if left_out else []
    return [*head, *body, *cut, *tail], left_out


def fallback_text(reply: Reply) -> str:
    """The plain-text version of the reply (escaped, at most 3,000 characters)."""
    head = [reply.title] + ([reply.summary] if reply.summary else [])
    tail = list(reply.notes)
    budget = MAX_FALLBACK_CHARS - _ROOM - len("\n".join(head + tail))
    lines: list[str] = []
    shown = 0
    for section in reply.sections:
        chunk = [part for part in (section.heading, section.subheading) if part]
        used = len("\n".join(lines + chunk))
        if used > budget:
            break
        lines += chunk
        for item in section.items:
            candidate = "\n".join(lines + item_lines(item))
            if len(candidate) > budget:
                break
            lines += item_lines(item)
            shown += 1
    left_out = reply.item_count - shown
    if left_out:
        lines.append(_cut_note(left_out, reply.narrow_hint))
    text = escape("\n".join(head + lines + tail))
    return _clip(text, MAX_FALLBACK_CHARS)


def to_slack(reply: Reply) -> dict[str, Any]:
    """The Slack message for ``reply``: ``text`` (fallback), ``blocks`` and ``response_type``.

    Answers go ``in_channel``; help, usage, errors and "nothing found" are ``ephemeral``.
    """
    blocks, _ = _blocks(reply)
    return {
        "response_type": "in_channel" if reply.is_answer else "ephemeral",
        "text": fallback_text(reply),
        "blocks": [block.to_dict() for block in blocks],
    }
