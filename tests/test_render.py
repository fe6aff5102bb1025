"""Block Kit rendering: escaping of hostile text, Slack's limits, fallback text."""

from __future__ import annotations

import json

import pytest
from slack_sdk.models.blocks import MarkdownTextObject, Option, OverflowMenuElement, PlainTextObject, SectionBlock
from slack_text import texts

from bot.render import (
    MAX_BLOCKS,
    MAX_FALLBACK_CHARS,
    MAX_SECTION_CHARS,
    _item_block,
    _item_mrkdwn,
    escape,
    fact_value,
    to_slack,
)
from bot.replies import Item, Reply, Section, SourceRef

HOSTILE = "<!channel> <@U123> <http://evil.example|click> & <!here> @channel @here <#C1>"


def hostile_reply() -> Reply:
    ref = SourceRef(article="001", outlet="Outlet & <Co>", published="29 Oct 2025")
    return Reply(
        tone="nothing", title=f"Nothing in the fact base is attributed to “{HOSTILE}”.", summary=HOSTILE,
        sections=(Section(heading=HOSTILE, subheading=HOSTILE,
                          items=(Item(text=HOSTILE, lead=HOSTILE, quoted=True, date=HOSTILE, details=(HOSTILE,),
                                      sources=(ref,)),)),),
        notes=(HOSTILE,),
    )


def test_escape_turns_control_characters_into_entities() -> None:
    assert escape("a & b <c> d") == "a &amp; b &lt;c&gt; d"
    assert escape("&amp;") == "&amp;amp;"


def test_escape_defuses_broadcast_words() -> None:
    assert "@channel" not in escape("hey @channel and @here and @Everyone")
    assert escape("@channels and @HERE!") == "@\u200bchannels and @\u200bHERE!"
    assert escape("mail me@example.com") == "mail me@example.com"


def test_hostile_text_never_reaches_slack_unescaped() -> None:
    message = to_slack(hostile_reply())
    for text in texts(message):
        assert "<" not in text and ">" not in text
        assert "@channel" not in text and "@here" not in text
        assert "& " not in text
    raw = json.dumps(message)
    assert "<!channel>" not in raw and "<@U123>" not in raw and "<http" not in raw
    assert "&lt;!channel&gt;" in message["text"]


def test_mrkdwn_is_verbatim_so_slack_parses_nothing() -> None:
    message = to_slack(hostile_reply())
    objects = [element for block in message["blocks"] for element in
               ([block["text"]] if "text" in block else block.get("elements", []))]
    assert objects and all(obj["type"] == "mrkdwn" and obj["verbatim"] is True for obj in objects)


def test_answers_go_to_the_channel_and_the_rest_is_ephemeral() -> None:
    assert to_slack(Reply(tone="answer", title="t"))["response_type"] == "in_channel"
    for tone in ("nothing", "help", "usage", "error"):
        assert to_slack(Reply(tone=tone, title="t"))["response_type"] == "ephemeral"  # type: ignore[arg-type]


def test_item_shows_date_details_and_every_source() -> None:
    item = Item(text="words as printed", quoted=True, date="16 Jan 2024", details=("Islamabad",),
                sources=(SourceRef("002", None, "17 Jan 2024"), SourceRef("003", "Dawn", "18 Jan 2024")))
    message = to_slack(Reply(tone="answer", title="T", sections=(Section(items=(item,)),)))
    body = message["blocks"][1]["text"]["text"]
    assert "“words as printed”" in body
    assert "16 Jan 2024 · Islamabad" in body
    assert "Sources (2 articles): [002] 17 Jan 2024; Dawn [003] 18 Jan 2024" in body
    assert "“words as printed”" in message["text"] and "Sources (2 articles)" in message["text"]


def test_single_source_is_singular() -> None:
    item = Item(text="x", sources=(SourceRef("000", None, "29 Oct 2025"),))
    message = to_slack(Reply(tone="answer", title="T", sections=(Section(items=(item,)),)))
    assert "Source: [000] 29 Oct 2025" in message["text"]


def many_items(count: int, size: int = 200) -> Reply:
    items = tuple(Item(text=f"fact {number} " + "x" * size, date="2024", sources=(SourceRef("000", None, "2024"),))
                  for number in range(count))
    sections = tuple(Section(heading=f"part {number}", items=items[number::10]) for number in range(10))
    return Reply(tone="answer", title="Long", sections=sections, notes=("a note",), narrow_hint="Try a period.")


@pytest.mark.parametrize("count,size", [(60, 50), (300, 200), (80, 2500), (3, 5000)])
def test_long_answers_stay_within_slack_limits(count: int, size: int) -> None:
    message = to_slack(many_items(count, size))
    assert len(message["blocks"]) <= MAX_BLOCKS
    for block in message["blocks"]:
        if "text" in block:
            assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
    assert len(message["text"]) <= MAX_FALLBACK_CHARS


def test_a_cut_answer_says_how_many_items_are_left_out_and_how_to_narrow() -> None:
    message = to_slack(many_items(300))
    for shown_in in (texts(message["blocks"]), [message["text"]]):
        notes = [text for text in shown_in if "more items not shown" in text]
        assert notes, "the cut must be announced"
        shown = sum(text.count("fact ") for text in shown_in)
        left_out = int(notes[0].split("… ")[1].split(" ")[0])
        assert shown > 0 and shown + left_out == 300
        assert "Try a period." in notes[0]


def test_a_short_answer_is_not_cut() -> None:
    message = to_slack(many_items(5, 20))
    assert not any("not shown" in text for text in texts(message))
    assert message["text"].count("fact ") == 5


def test_fallback_text_is_always_set() -> None:
    message = to_slack(Reply(tone="help", title="Commands"))
    assert message["text"] == "Commands"
    assert message["blocks"][0]["text"]["text"] == "*Commands*"


def test_escape_drops_terminal_control_characters_but_keeps_line_breaks() -> None:
    assert escape("a\x00b\x1b[31mc\x07\nd\te\x7f") == "ab[31mc\nd\te"


def test_an_item_block_is_the_json_slack_sdks_models_give() -> None:
    cited = (SourceRef("001", "Dawn", "1 Jan 2024"), SourceRef("002", None, "2 Jan 2024"))
    items = [Item(text="Talks <held> & @channel", date="1 Jan 2024", details=("Doha",), sources=cited, fact="event:e1"),
             Item(text="x" * 5000, quoted=True, lead="Reported", fact="quote:q1"),
             Item(text="no fact, no sources"), Item(text="a fact id too long for a menu", fact="threat:" + "t" * 80)]
    for item in items:
        for heading in (None, "*Heading*"):
            text = f"{heading}\n{_item_mrkdwn(item)}" if heading else _item_mrkdwn(item)
            values = [fact_value(verb, item.fact) for verb in ("evidence", "report")] if item.fact else []
            menu = OverflowMenuElement(action_id="factdesk_fact", options=[
                Option(value=value, text=PlainTextObject(text=label))
                for value, label in zip(values, ("Show evidence", "Report a problem"), strict=True)]) if (
                values and None not in values) else None
            expected = SectionBlock(text=MarkdownTextObject(text=text[:MAX_SECTION_CHARS - 1].rstrip() + "…"
                                                            if len(text) > MAX_SECTION_CHARS else text,
                                                            verbatim=True), accessory=menu).to_dict()
            assert json.dumps(_item_block(item, heading)) == json.dumps(expected)
