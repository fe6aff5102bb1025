"""Render a :class:`~bot.replies.Reply` as a Slack message: Block Kit plus a fallback text.

This is the only module that knows Block Kit. Every string that reaches Slack is escaped
(``&``, ``<``, ``>``) and broadcast words are defused, so no text (user input included) can
ping a channel or a person or forge a link. Blocks are built with ``slack_sdk.models.blocks``,
whose validators enforce Slack's limits, except an item's section block, repeated on every page,
which is written as the JSON those models give (a test compares them). A long answer is shown a
page at a time (the same cut on every process, see :func:`paginate`), with buttons whose values
carry the query and the page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)

from bot.replies import Item, Reply, Section
from knowledge.feedback import PROBLEMS as REPORT_PROBLEMS

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_FALLBACK_CHARS = 3000
_ROOM = 100
ITEMS_PER_PAGE = 20
PAGE_ITEM_CHARS = 9000
MAX_VALUE_CHARS = 2000
MAX_OPTION_VALUE_CHARS = 75  # slack_sdk before 3.27 holds option values to 75 characters
NEXT_ACTION = "factdesk_page_next"
PREVIOUS_ACTION = "factdesk_page_previous"
POST_ACTION = "factdesk_post"
FACT_ACTION = "factdesk_fact"
FACT_VERBS = {"evidence": "Show evidence", "report": "Report a problem"}
_VERB_CODES = {"evidence": "e", "report": "r"}
FACT_KINDS = ("event", "quote", "threat")
METADATA_EVENT = "factdesk_answer"

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


@dataclass(frozen=True)
class Page:
    """One page of a reply, 1-based: the sections it shows, each with the items that fall on it."""

    number: int
    count: int
    parts: tuple[tuple[int, tuple[Item, ...]], ...]
    first: int  # the 0-based position of the page's first item in the whole reply
    continued: bool = False  # the page's first section began on an earlier page

    @property
    def size(self) -> int:
        """How many items the page shows."""
        return sum(len(items) for _, items in self.parts)

    @property
    def last(self) -> int:
        """The 0-based position after the page's last item."""
        return self.first + self.size


def paginate(reply: Reply) -> list[Page]:
    """The reply cut into pages: at most :data:`ITEMS_PER_PAGE` items and :data:`PAGE_ITEM_CHARS`
    characters of items each, always the same cut for the same reply.

    The cut depends on the reply alone, so any process that recomputes the answer finds the same
    pages: a page button needs to carry only the query and the page number. A section without
    items (a heading alone) stays on the page where it falls.
    """
    chunks: list[list[tuple[int, list[Item]]]] = [[]]
    continued = [False]
    count = chars = 0
    for index, section in enumerate(reply.sections):
        chunks[-1].append((index, []))
        for item in section.items:
            size = len(_item_mrkdwn(item))
            if count and (count >= ITEMS_PER_PAGE or chars + size > PAGE_ITEM_CHARS):
                started = bool(chunks[-1][-1][1])
                if not started:
                    chunks[-1].pop()
                chunks.append([(index, [])])
                continued.append(started)
                count = chars = 0
            chunks[-1][-1][1].append(item)
            count += 1
            chars += size
    pages, first = [], 0
    for number, (chunk, was_continued) in enumerate(zip(chunks, continued, strict=True), 1):
        page = Page(number, len(chunks), tuple((index, tuple(items)) for index, items in chunk), first,
                    was_continued)
        pages.append(page)
        first = page.last
    return pages


def page_value(reply: Reply, page: int) -> str | None:
    """The value of a button that shows ``page`` of ``reply``: ``{"c": command, "a": argument, "p": page}``.

    None when the reply cannot be recomputed (no :attr:`Reply.asked`) or the value would pass
    Block Kit's 2,000 characters.
    """
    if reply.asked is None:
        return None
    command, argument = reply.asked
    value = json.dumps({"c": command, "a": argument, "p": page}, ensure_ascii=False, separators=(",", ":"))
    return value if len(value) <= MAX_VALUE_CHARS else None


def read_page_value(value: str) -> tuple[str, str, int] | None:
    """``(command, argument, page)`` from a page button's value, or None when it is not one."""
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(parsed, dict):
        return None
    command, argument, page = parsed.get("c"), parsed.get("a"), parsed.get("p")
    if not (isinstance(command, str) and isinstance(argument, str) and isinstance(page, int)) or page < 1:
        return None
    return command, argument, page


def fact_value(verb: str, fact: str) -> str | None:
    """The value of a fact's menu option (``e:quote:…`` for evidence, ``r:…`` for a report), None when
    too long for an option value."""
    value = f"{_VERB_CODES[verb]}:{fact}"
    return value if len(value) <= MAX_OPTION_VALUE_CHARS else None


def read_fact_value(value: str) -> tuple[str, str, str] | None:
    """``(verb, kind, fact id)`` from a fact menu option's value, or None."""
    code, _, fact = value.partition(":")
    verb = next((name for name, short in _VERB_CODES.items() if short == code), "")
    kind, _, fact_id = fact.partition(":")
    if verb not in FACT_VERBS or kind not in FACT_KINDS or not fact_id:
        return None
    return verb, kind, fact_id


def _fact_menu(fact: str) -> dict[str, Any] | None:
    options = []
    for verb, label in FACT_VERBS.items():
        value = fact_value(verb, fact)
        if value is None:
            return None
        options.append({"text": {"text": label, "type": "plain_text"}, "value": value})
    return {"action_id": FACT_ACTION, "options": options, "type": "overflow"}


def _item_block(item: Item, heading: str | None) -> dict[str, Any]:
    """An item's section block, with its fact menu, as the JSON ``SectionBlock(...).to_dict()`` gives.

    Written out rather than built through slack_sdk's models, whose reflection and validation took
    half of a page's rendering: a page repeats this block twenty times, and what those validators
    check is held here already (text clipped to Slack's 3,000 characters, option values to 75).
    """
    text = _item_mrkdwn(item)
    if heading:
        text = f"{heading}\n{text}"
    menu = _fact_menu(item.fact) if item.fact else None
    block: dict[str, Any] = {"accessory": menu} if menu else {}
    block["text"] = {"text": _clip(text, MAX_SECTION_CHARS), "type": "mrkdwn", "verbatim": True}
    block["type"] = "section"
    return block


def _buttons(reply: Reply, page: Page, private: bool) -> ActionsBlock | None:
    elements = []
    if page.number > 1 and (value := page_value(reply, page.number - 1)):
        elements.append(ButtonElement(text=PlainTextObject(text="◂ Previous"), action_id=PREVIOUS_ACTION,
                                      value=value))
    if page.number < page.count and (value := page_value(reply, page.number + 1)):
        elements.append(ButtonElement(text=PlainTextObject(text="Show more ▸"), action_id=NEXT_ACTION,
                                      value=value, style="primary"))
    if private and reply.is_answer and (value := page_value(reply, page.number)):
        elements.append(ButtonElement(text=PlainTextObject(text="Post to channel"), action_id=POST_ACTION,
                                      value=value))
    return ActionsBlock(elements=elements) if elements else None


def _blocks(reply: Reply, page_number: int = 1,
            private: bool = False) -> tuple[list[Block | dict[str, Any]], Page, int]:
    """The blocks of one page of the reply, the page, and how many items no button can reach."""
    pages = paginate(reply)
    page = pages[min(max(page_number, 1), len(pages)) - 1]
    pageable = page_value(reply, 1) is not None
    head: list[Block] = [_section(_bold(reply.title))]
    if reply.summary:
        head.append(_context(escape(reply.summary)))
    body: list[Block | dict[str, Any]] = []
    for position, (index, items) in enumerate(page.parts):
        if position:
            body.append(DividerBlock())
        heading = _heading_mrkdwn(reply.sections[index])
        if heading and position == 0 and page.continued:
            heading = f"{heading} _(continued)_"
        if not items:
            if heading:
                body.append(_section(heading))
            continue
        for number, item in enumerate(items):
            body.append(_item_block(item, heading if number == 0 and heading else None))
    left_out = 0
    footer: list[Block] = []
    if page.count > 1 and pageable:
        footer.append(_context(f"Page {page.number} of {page.count} · items {page.first + 1}–{page.last} "
                               f"of {reply.item_count}"))
    elif page.count > 1:
        left_out = reply.item_count - page.last
        footer.append(_context(escape(_cut_note(left_out, reply.narrow_hint))))
    tail: list[Block] = [_section("\n".join(escape(note) for note in reply.notes))] if reply.notes else []
    buttons = _buttons(reply, page, private)
    actions: list[Block] = [buttons] if buttons else []
    return [*head, *body, *footer, *tail, *actions], page, left_out


def fallback_text(reply: Reply, page: Page | None = None) -> str:
    """The plain-text version of one page of the reply (escaped, at most 3,000 characters)."""
    page = page or paginate(reply)[0]
    head = [reply.title] + ([reply.summary] if reply.summary else [])
    tail = list(reply.notes)
    budget = MAX_FALLBACK_CHARS - _ROOM - len("\n".join(head + tail))
    lines: list[str] = []
    shown = 0
    full = False
    for index, items in page.parts:
        section = reply.sections[index]
        chunk = [part for part in (section.heading, section.subheading) if part]
        if full or len("\n".join(lines + chunk)) > budget:
            break
        lines += chunk
        for item in items:
            if len("\n".join(lines + item_lines(item))) > budget:
                full = True
                break
            lines += item_lines(item)
            shown += 1
    left_out = reply.item_count - page.first - shown
    if page.count > 1 and shown == page.size and page_value(reply, 1) is not None:
        lines.append(f"Page {page.number} of {page.count}.")
    elif left_out:
        lines.append(_cut_note(left_out, reply.narrow_hint))
    text = escape("\n".join(head + lines + tail))
    return _clip(text, MAX_FALLBACK_CHARS)


def to_slack(reply: Reply, page: int = 1, *, private: bool = False) -> dict[str, Any]:
    """The Slack message for ``page`` of ``reply``: ``text`` (fallback), ``blocks`` and ``response_type``.

    Answers go ``in_channel`` unless ``private``, which shows them to the asker alone with a
    "Post to channel" button; help, usage, errors and "nothing found" are always ``ephemeral``. A
    long answer shows one page with "Show more" / "Previous" buttons; each fact has a menu
    ("Show evidence", "Report a problem").
    """
    blocks, shown, _ = _blocks(reply, page, private)
    return {
        "response_type": "in_channel" if reply.is_answer and not private else "ephemeral",
        "text": fallback_text(reply, shown),
        "blocks": [block if isinstance(block, dict) else block.to_dict() for block in blocks],
    }


def answer_metadata(reply: Reply) -> dict[str, Any] | None:
    """Message metadata naming the query behind a posted answer, so a threaded follow-up can read it.

    Escaped like all text that reaches Slack (``&lt;`` for ``<``): a reader unescapes it.
    """
    if reply.asked is None:
        return None
    command, argument = reply.asked
    return {"event_type": METADATA_EVENT, "event_payload": {"command": escape(command), "argument": escape(argument)}}


MAX_VIEW_BLOCKS = 100
REPORT_CALLBACK = "factdesk_report"
REPORT_PROBLEM_BLOCK, REPORT_PROBLEM_ACTION = "problem", "problem_kind"
REPORT_DETAILS_BLOCK, REPORT_DETAILS_ACTION = "details", "details_text"
MAX_DETAILS_CHARS = 2000


def _packed(items: tuple[Item, ...], heading: str) -> list[Block]:
    """Items as few section blocks as Slack's 3,000 characters allow, the heading first."""
    blocks: list[Block] = []
    pending = [heading] if heading else []
    for item in items:
        chunk = _item_mrkdwn(item)
        if pending and len("\n\n".join([*pending, chunk])) > MAX_SECTION_CHARS - _ROOM:
            blocks.append(_section("\n\n".join(pending)))
            pending = []
        pending.append(chunk)
    if pending:
        blocks.append(_section("\n\n".join(pending)))
    return blocks


def home_view(reply: Reply) -> dict[str, Any]:
    """The home tab (a ``views.publish`` view) showing ``reply``: every section, items packed."""
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=_clip(reply.title, 150)))]
    if reply.summary:
        blocks.append(_context(escape(reply.summary)))
    for section in reply.sections:
        blocks.append(DividerBlock())
        blocks += _packed(section.items, _heading_mrkdwn(section))
    if reply.notes:
        blocks.append(_context("\n".join(escape(note) for note in reply.notes)))
    return {"type": "home", "blocks": [block.to_dict() for block in blocks[:MAX_VIEW_BLOCKS]]}


def report_modal(fact: str, shown: str, metadata: dict[str, str]) -> dict[str, Any]:
    """The "Report a problem" modal for ``fact`` (``kind:id``); ``shown`` is the fact as the reader saw it.

    ``metadata`` (the fact, where it was reported) travels in ``private_metadata`` to the submission.
    """
    options = [Option(value=value, text=PlainTextObject(text=label)) for value, label in REPORT_PROBLEMS.items()]
    blocks: list[Block] = [
        _section(f"*The fact*\n{escape(_clip(shown, 2500))}"),
        _context(escape(f"{fact} · reports go to the curators of the fact base, not to the channel")),
        InputBlock(block_id=REPORT_PROBLEM_BLOCK, label=PlainTextObject(text="What is wrong?"),
                   element=StaticSelectElement(action_id=REPORT_PROBLEM_ACTION, options=options,
                                               placeholder=PlainTextObject(text="Choose one"))),
        InputBlock(block_id=REPORT_DETAILS_BLOCK, label=PlainTextObject(text="Details for the curators"),
                   element=PlainTextInputElement(action_id=REPORT_DETAILS_ACTION, multiline=True,
                                                 max_length=MAX_DETAILS_CHARS,
                                                 placeholder=PlainTextObject(text="What the article says instead, "
                                                                                  "or what is missing")),
                   optional=True),
    ]
    return {"type": "modal", "callback_id": REPORT_CALLBACK,
            "title": {"type": "plain_text", "text": "Report a problem"},
            "submit": {"type": "plain_text", "text": "Send to curators"},
            "close": {"type": "plain_text", "text": "Cancel"},
            "private_metadata": json.dumps(metadata, ensure_ascii=False, separators=(",", ":"))[:3000],
            "blocks": [block.to_dict() for block in blocks]}


def report_thanks(report_id: int, fact: str) -> dict[str, Any]:
    """The modal that replaces the form once a report is stored."""
    return {"type": "modal", "title": {"type": "plain_text", "text": "Report a problem"},
            "close": {"type": "plain_text", "text": "Done"},
            "blocks": [_section(f"Thank you: report #{report_id} on {escape(fact)} is with the curators.").to_dict()]}
