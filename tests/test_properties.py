"""Property: no text makes any command or message raise, break Slack's limits or leak markup."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_text import texts

from bot.commands import COMMANDS
from bot.core import Desk
from bot.render import MAX_BLOCKS, MAX_FALLBACK_CHARS, MAX_SECTION_CHARS, to_slack

FRAGMENTS = [
    "<!channel>", "<!here>", "<@U123>", "<#C123|general>", "<http://evil.example|click>", "@channel", "@here",
    "&", "&amp;", "&lt;", ">", "<", "*", "_", "`", "~", "help", "all", "iran", "pakistna", "Pakistan's",
    "2024", "2024-01", "2024-13", "2024-02-30", "jan 2024", "januray 2024", "2024-01-20..2024-01-10",
    "2020..2025", "to", "naqvi", "araghchi", "jaish ul-adl", "BLA", "interior minister", "prime minister",
    "putin", "who is", "what did", "say", "which groups did", "target", "what happened in", "tell me about",
    "quotes from", "/whois", "/timeline", "?", "\n", "\u200b", "é", "’s",
]

argument_text = st.one_of(
    st.text(max_size=120),
    st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=6).map("".join),
)


def assert_safe(message: dict[str, Any]) -> None:
    assert message["text"].strip()
    assert len(message["text"]) <= MAX_FALLBACK_CHARS
    assert 0 < len(message["blocks"]) <= MAX_BLOCKS
    for block in message["blocks"]:
        if "text" in block:
            assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
    for text in texts(message):
        assert "<" not in text and ">" not in text, text
        assert "@channel" not in text.lower() and "@here" not in text.lower(), text


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(name=st.sampled_from([spec.name for spec in COMMANDS] + ["nope", ""]), text=argument_text)
def test_no_command_argument_breaks_a_reply(desk: Desk, name: str, text: str) -> None:
    assert_safe(to_slack(desk.command(name, text)))


@SETTINGS
@given(text=argument_text)
def test_no_message_breaks_a_reply(desk: Desk, text: str) -> None:
    assert_safe(to_slack(desk.message(text)))
