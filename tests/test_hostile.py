"""Hostile input through the real app: no crash, no ping, no forged link, and a helpful reply.

Every payload the app sends is checked in every ``text`` it holds: Slack must never see an
unescaped ``<!…>`` (broadcast), ``<@…>`` (user ping), ``<#…>`` or ``<http…>`` (forged link).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_text import texts

from bot.app import APOLOGY
from bot.commands import COMMANDS
from bot.console import Console
from bot.slack_payloads import bolt_safe_form

HOSTILE = {
    "bolt's payload word": "payload=%7B%7D araghchi payload",  # Bolt drops any form holding "payload"
    "channel": "<!channel> who is Araghchi",
    "here": "<!here|here> araghchi",
    "everyone": "@everyone @here @channel araghchi",
    "subteam": "<!subteam^S0123|@admins> jilani",
    "user": "<@U123> what did <@U123|bob> say",
    "channel link": "<#C123|general> araghchi",
    "link": "<http://x|y> araghchi",
    "mailto": "<mailto:a@b.c|mail me>",
    "escaped": "&lt;!channel&gt; &amp; &lt;@U1&gt;",
    "raw brackets": "<script>alert(1)</script> <b>jilani</b>",
    "long": "araghchi " * 1111 + "x",
    "one long word": "a" * 10_000,
    "control": "who is\x00 Araghchi\x07\x1b[31m\x08\r\x7f?",
    "emoji": "who is 🧕🏽 Araghchi 🇮🇷🇵🇰 👍🏿?",
    "urdu": "عراقچی کون ہے؟",
    "persian": "عباس عراقچی چه گفت؟",
    "rtl override": "\u202eihcgara si ohw",
    "zero width": "ara\u200bghchi\u200d\ufeff",
    "markdown": "*bold* _it_ ~s~ `code` ```block``` > quote",
    "only spaces": "     \t   ",
    "date nonsense": "2024-13-45..0000-00-00 jan 99999",
    "sql": "'; DROP TABLE quotes; --",
    "percent": "%s %d {0} {name} %(x)s",
}
UNSAFE = re.compile(r"<[!@#]|<(https?|mailto):", re.IGNORECASE)
BROADCAST = re.compile(r"(?<![\w\u200b])@(channel|here|everyone)\b", re.IGNORECASE)


def assert_safe_and_helpful(messages: list[dict[str, Any]], what: str, *, judge_help: bool = True) -> None:
    assert len(messages) == 1, f"{what}: expected one reply, got {len(messages)}"
    message = messages[0]
    json.dumps(message)
    assert message.get("text") and APOLOGY not in message["text"], f"{what}: no answer, or the app failed"
    assert len(message.get("blocks") or []) <= 50, f"{what}: more than 50 blocks"
    for text in texts(message):
        assert not UNSAFE.search(text), f"{what}: unescaped Slack control sequence in {text[:200]!r}"
        assert not BROADCAST.search(text), f"{what}: a broadcast word that would notify in {text[:200]!r}"
    for block in message.get("blocks") or []:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000, f"{what}: a section longer than Slack allows"
    assert len(message["text"]) <= 40_000
    if not judge_help:
        return
    shown = " ".join(texts(message))
    helpful = any(sign in shown for sign in ("/", "Nothing", "No fact", "Source", "Araghchi", "Jilani"))
    assert helpful, f"{what}: the reply neither answers nor says what to try: {shown[:300]!r}"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_dm(console: Console, name: str) -> None:
    assert_safe_and_helpful(console.dm(HOSTILE[name]), f"DM {name}")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_mention(console: Console, name: str) -> None:
    assert_safe_and_helpful(console.mention(HOSTILE[name]), f"mention {name}")


@pytest.mark.parametrize("spec", COMMANDS, ids=[spec.name for spec in COMMANDS])
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_command_argument(console: Console, spec: Any, name: str) -> None:
    assert_safe_and_helpful(console.command(spec.name, HOSTILE[name]), f"{spec.slash} {name}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_is_safe_as_a_dm_and_as_a_command(console: Console, text: str) -> None:
    if not text.strip():
        text = text + "?"
    assert_safe_and_helpful(console.dm(text), f"DM {text!r}", judge_help=False)
    assert_safe_and_helpful(console.command("whois", text), f"/whois {text!r}", judge_help=False)


@pytest.mark.parametrize("body", ["text=payload&user_name=you", "team_domain=payload-team&text=araghchi",
                                  "text=payload%3D%7B%7D"])
def test_a_form_holding_the_word_payload_reads_back_as_the_same_form(body: str) -> None:
    safe = bolt_safe_form(body)
    assert "payload" not in safe and parse_qsl(safe) == parse_qsl(body)
    interactive = "payload=%7B%22type%22%3A%22block_actions%22%7D"
    assert bolt_safe_form(interactive) == interactive
