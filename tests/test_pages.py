"""Pages, fact menus, evidence and the home tab, rendered from the shipped base: Block Kit limits on every page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from slack_text import texts

from bot.core import Desk
from bot.evidence import evidence_reply, home_reply
from bot.render import (
    FACT_ACTION,
    ITEMS_PER_PAGE,
    MAX_BLOCKS,
    MAX_FALLBACK_CHARS,
    MAX_SECTION_CHARS,
    MAX_VALUE_CHARS,
    NEXT_ACTION,
    POST_ACTION,
    PREVIOUS_ACTION,
    home_view,
    paginate,
    read_fact_value,
    read_page_value,
    report_modal,
    to_slack,
)
from bot.replies import Item, Reply, Section
from knowledge.store import FactBase

LARGEST = [("timeline", "all"), ("threats", "all"), ("quotes", "all"), ("quotes", "araghchi"), ("quotes", "2024"),
           ("quotes", "iran"), ("sources", "")]


def elements(message: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    found = [block.get("accessory") for block in message["blocks"] if block.get("accessory")]
    found += [element for block in message["blocks"] if block["type"] == "actions" for element in block["elements"]]
    return [element for element in found if element and element["type"] == kind]


def assert_within_limits(message: dict[str, Any]) -> None:
    assert 0 < len(message["blocks"]) <= MAX_BLOCKS
    assert len(message["text"]) <= MAX_FALLBACK_CHARS
    for block in message["blocks"]:
        if "text" in block:
            assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
    for button in elements(message, "button"):
        assert len(button["value"]) <= MAX_VALUE_CHARS
    for menu in elements(message, "overflow"):
        assert all(len(option["value"]) <= 75 for option in menu["options"])
    assert sum(len(text) for text in texts(message["blocks"])) <= 13000


def item_facts(message: dict[str, Any]) -> list[str]:
    return [menu["options"][0]["value"] for menu in elements(message, "overflow")]


@pytest.mark.parametrize(("command", "argument"), LARGEST)
def test_every_page_of_the_largest_answers_keeps_slacks_limits_and_shows_each_fact_once(
        desk: Desk, command: str, argument: str) -> None:
    reply = desk.command(command, argument)
    assert reply.is_answer and reply.asked
    pages = paginate(reply)
    seen: list[str] = []
    for page in pages:
        for private in (False, True):
            message = to_slack(reply, page.number, private=private)
            assert_within_limits(message)
        seen += item_facts(to_slack(reply, page.number))
        assert page.size <= ITEMS_PER_PAGE
    facts = [item.fact for section in reply.sections for item in section.items if item.fact]
    assert seen == [f"e:{fact}" for fact in facts]
    assert sum(page.size for page in pages) == reply.item_count


def test_a_long_answer_shows_its_first_page_with_show_more_that_carries_the_query(desk: Desk) -> None:
    reply = desk.command("timeline", "all")
    assert len(paginate(reply)) >= 2
    first = to_slack(reply)
    buttons = {button["action_id"]: button for button in elements(first, "button")}
    assert set(buttons) == {NEXT_ACTION}
    assert read_page_value(buttons[NEXT_ACTION]["value"]) == ("timeline", "all", 2)
    assert "Page 1 of" in " ".join(texts(first["blocks"]))
    again = desk.command(*reply.asked)  # type: ignore[misc]
    second = to_slack(again, 2)
    assert read_page_value({b["action_id"]: b for b in elements(second, "button")}[PREVIOUS_ACTION]["value"]) == (
        "timeline", "all", 1)
    shown_first, shown_second = set(item_facts(first)), set(item_facts(second))
    assert shown_first and shown_second and not shown_first & shown_second


def test_a_private_answer_has_a_post_to_channel_button_for_its_page(desk: Desk) -> None:
    reply = desk.command("whois", "araghchi")
    private = to_slack(reply, private=True)
    assert private["response_type"] == "ephemeral"
    post = [button for button in elements(private, "button") if button["action_id"] == POST_ACTION]
    assert post and read_page_value(post[0]["value"]) == ("whois", reply.asked[1], 1)  # type: ignore[index]
    public = to_slack(reply)
    assert public["response_type"] == "in_channel" and not elements(public, "button")
    nothing = to_slack(desk.command("quotes", "putin"), private=True)
    assert not elements(nothing, "button")


def test_without_a_query_to_recompute_a_long_answer_is_cut_with_a_hint() -> None:
    items = tuple(Item(text=f"fact {number}") for number in range(45))
    message = to_slack(Reply(tone="answer", title="T", sections=(Section(items=items),), narrow_hint="Narrow."))
    assert not elements(message, "button")
    assert any("25 more items not shown. Narrow." in text for text in texts(message["blocks"]))


def test_an_argument_too_long_for_a_button_value_gets_no_button_but_the_hint() -> None:
    items = tuple(Item(text=f"fact {number}") for number in range(45))
    reply = Reply(tone="answer", title="T", sections=(Section(items=items),), asked=("timeline", "x" * 2100))
    message = to_slack(reply)
    assert not elements(message, "button")
    assert any("more items not shown" in text for text in texts(message["blocks"]))


def test_a_section_running_onto_the_next_page_is_marked_continued() -> None:
    items = tuple(Item(text=f"fact {number}") for number in range(30))
    reply = Reply(tone="answer", title="T", sections=(Section(heading="Named by X", items=items),),
                  asked=("threats", "x"))
    second = " ".join(texts(to_slack(reply, 2)["blocks"]))
    assert "Named by X* _(continued)_" in second and "fact 29" in second and "fact 19" not in second


def test_every_fact_has_a_menu_for_evidence_and_reports(desk: Desk) -> None:
    message = to_slack(desk.command("quotes", "naqvi"))
    menus = elements(message, "overflow")
    assert menus and all(menu["action_id"] == FACT_ACTION for menu in menus)
    verbs = [[read_fact_value(option["value"]) for option in menu["options"]] for menu in menus]
    for evidence, report in verbs:
        assert evidence is not None and report is not None
        assert evidence[0] == "evidence" and report[0] == "report" and evidence[1:] == report[1:]
        assert evidence[1] == "quote"
    assert read_fact_value("e:nosuch:x") is None and read_fact_value("d:quote:x") is None


def test_evidence_shows_the_verbatim_sentence_article_headline_date_and_offset(
        fact_base: FactBase, desk: Desk) -> None:
    quote = max(fact_base.quotes(), key=lambda quote: len(quote.sources))
    reply = evidence_reply(fact_base, "quote", quote.id)
    text = "\n".join(texts(to_slack(reply, private=True)))
    for citation in quote.sources:
        source = fact_base.source(citation.article)
        assert citation.evidence.replace("&", "&amp;") in text
        assert source.headline.replace("&", "&amp;") in text
        assert f"characters {citation.offset:,}–{citation.offset + citation.length:,} of {citation.article}" in text
    assert to_slack(reply, private=True)["response_type"] == "ephemeral"
    missing = evidence_reply(fact_base, "event", "no-such-event")
    assert missing.tone == "nothing" and "no-such-event" in missing.title


def test_the_home_tab_counts_what_the_base_holds_and_lists_the_latest_articles(fact_base: FactBase) -> None:
    view = home_view(home_reply(fact_base))
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    text = "\n".join(texts(view))
    assert f"{len(fact_base.sources)} articles" in text
    for count, noun in ((len(fact_base.events()), "events"), (len(fact_base.quotes()), "quotes"),
                        (len(fact_base.threats()), "threat claims"), (len(fact_base.people), "people"),
                        (len(fact_base.institutions), "institutions")):
        assert f"{count} {noun}" in text, noun
    newest = max(fact_base.sources, key=lambda source: source.published.start)
    assert newest.headline.replace("&", "&amp;")[:40] in text
    assert "/timeline" in text and "Show evidence" in text


def test_the_report_modal_asks_what_is_wrong_and_carries_the_fact() -> None:
    view = report_modal("quote:x-y", "<!channel> said", {"fact": "quote:x-y", "channel": "C1"})
    assert view["type"] == "modal" and view["callback_id"] == "factdesk_report"
    assert json.loads(view["private_metadata"]) == {"fact": "quote:x-y", "channel": "C1"}
    assert "<!channel>" not in json.dumps(view) and "&lt;!channel&gt;" in json.dumps(view)
    assert [block["type"] for block in view["blocks"]].count("input") == 2
