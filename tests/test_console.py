"""Transcripts through the console: the line a user types, the reply they would read in Slack.

The console drives the real Bolt app (signed Slack payloads, the app's own listeners, its Web
API calls captured at the transport), so these are end-to-end tests of every command and of
plain-English DMs over the shipped fact base.
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.app import APOLOGY
from bot.commands import COMMANDS, CommandSpec
from bot.console import Console, answer_text, readable
from bot.replies import Reply
from knowledge.store import FactBase

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def export(fact_base: FactBase) -> dict[str, Any]:
    return fact_base.export()


def shown(console: Console, line: str) -> str:
    """What the user reads after typing ``line``."""
    return answer_text(console, line)


def date_shown(start: str, precision: str) -> str:
    day = date.fromisoformat(start)
    if precision == "day":
        return f"{day.day} {day:%b %Y}"
    if precision == "month":
        return f"{day:%b %Y}"
    return str(day.year)


# --- slash commands -----------------------------------------------------------------------------

@pytest.mark.parametrize("spec", COMMANDS, ids=[spec.name for spec in COMMANDS])
@pytest.mark.parametrize("text", ["", "help", "  HELP "])
def test_every_command_answers_help_and_an_empty_argument_with_its_usage(
        console: Console, spec: CommandSpec, text: str) -> None:
    if spec.usage == spec.slash and not text.strip():
        return  # a command without arguments (/sources) answers an empty one: tested below
    messages = console.send(f"{spec.slash} {text}")
    assert len(messages) == 1 and messages[0]["response_type"] == "ephemeral"
    said = readable(messages[0])
    assert spec.usage in said, f"{spec.slash} {text!r} should show “{spec.usage}”, showed:\n{said}"
    assert spec.description in said


def test_timeline_of_a_month_lists_its_events_in_date_order_with_dates_and_sources(console: Console) -> None:
    said = shown(console, "/timeline 2024-01")
    assert "Jaish ul-Adl" in said and "Baloch Liberation Front" in said
    assert said.index("16 Jan 2024") < said.index("17 Jan 2024")
    assert "Source" in said and "[002]" in said
    assert "Naqvi" not in said and "Zarif" not in said


def test_timeline_filters_by_words(console: Console) -> None:
    said = shown(console, "/timeline jan 2024 ambassadors")
    assert "Tipu" in said and "Jaish" not in said


def test_timeline_of_one_day_keeps_to_that_day(console: Console) -> None:
    said = shown(console, "/timeline 2025-10-29")
    assert "Naqvi" in said and "Pezeshkian" in said and "Jilani" not in said


def test_every_direct_quote_appears_with_its_speaker_and_date(console: Console, export: dict[str, Any]) -> None:
    direct = [quote for quote in export["quotes"] if quote["kind"] == "direct"]
    assert len(direct) >= 10
    missing = []
    for quote in direct:
        said = shown(console, f"/quotes {quote['speaker']}")
        if not (quote["text"] in said and quote["speaker"] in said and date_shown(quote["start"], quote["precision"])
                in said):
            missing.append(f"/quotes {quote['speaker']}: {quote['text']!r} ({quote['start']}, {quote['precision']})")
    assert not missing, "quotes not shown with speaker and date:\n" + "\n".join(missing)


def test_quotes_of_a_role_name_the_person_who_held_it(console: Console) -> None:
    said = shown(console, "/quotes the pakistani interior minister")
    assert "Mohsin Naqvi" in said and "partners in regional peace and stability" in said


def test_quotes_by_transliteration(console: Console) -> None:
    said = shown(console, "/quotes amirabdollahian")
    assert "Hossein Amir-Abdollahian" in said
    assert "“we are one nation in two different geographical areas”" in said
    assert "29 Jan 2024" in said


def test_quotes_of_someone_absent_is_an_honest_nothing(console: Console, export: dict[str, Any]) -> None:
    said = shown(console, "/quotes putin")
    assert "Nothing" in said and "putin" in said.lower()
    assert not [quote["text"] for quote in export["quotes"] if quote["text"] in said], "a near miss passed off"


def test_threats_by_side_and_year(console: Console) -> None:
    said = shown(console, "/threats iran 2024")
    assert "Jaish al-Adl" in said and "16 Jan 2024" in said and "Gul Bahadur" not in said


def test_threats_against_a_group_by_alias(console: Console) -> None:
    said = shown(console, "/threats jaish ul-adl")
    assert "Jaish al-Adl" in said and "Iran" in said and "16 Jan 2024" in said


def test_whois_a_person(console: Console) -> None:
    said = shown(console, "/whois araghchi")
    assert "Abbas Araghchi" in said and "Foreign Minister" in said and "Iran" in said


def test_whois_a_group_by_abbreviation(console: Console) -> None:
    assert "Baloch Liberation Front" in shown(console, "/whois BLF")


def test_sources_lists_every_article_with_its_date(console: Console, export: dict[str, Any]) -> None:
    messages = console.send("/sources")
    assert messages[0]["response_type"] == "ephemeral"  # answers go to the asker first (FACTDESK_ANSWERS)
    said = readable(messages[0])
    for source in export["sources"]:
        assert source["headline"][:40] in said, source["article"]
        assert date_shown(source["published"], source["precision"]) in said, source["article"]


def test_a_command_reply_is_one_response_url_message_and_nothing_is_posted(console: Console) -> None:
    messages = console.send("/whois jilani")
    assert len(messages) == 1 and set(messages[0]) >= {"text", "blocks", "response_type"}
    assert not [method for method, _ in console.slack.calls if method.startswith("chat.")]


# --- direct messages ----------------------------------------------------------------------------

DMS = [
    ("who is Araghchi?", ["Abbas Araghchi", "Foreign Minister"]),
    ("who is araqchi", ["Abbas Araghchi"]),
    ("tell me about Jilani", ["Jalil Abbas Jilani"]),
    ("who is Tarar?", ["Information"]),
    ("what is the BLA?", ["Baloch Liberation Army"]),
    ("what is Jaish ul-Adl?", ["Jaish al-Adl"]),
    ("what did Naqvi say?", ["Mohsin Naqvi", "partner in peace"]),
    ("what did the Pakistani interior minister say?", ["Mohsin Naqvi"]),
    ("what did Ishaq Dar say?", ["intensify collaboration on border management"]),
    ("quotes by Amirabdollahian", ["one nation in two different geographical areas"]),
    ("what did Larijani say", ["encouraging and constructive"]),
    ("what did Pakistan's prime minister ask Naqvi to convey?", ["goodwill"]),
    ("quotes from november 2024", ["Araghchi"]),
    ("what happened on January 16, 2024?", ["Jaish ul-Adl", "16 Jan 2024"]),
    ("timeline of January 2024", ["Baloch Liberation Front", "17 Jan 2024"]),
    ("what happened in 2020?", ["Zarif"]),
    ("tell me about the Doha talks", ["ceasefire"]),
    ("timeline of the Istanbul talks", ["Istanbul"]),
    ("which groups did Iran target?", ["Jaish al-Adl"]),
    ("what groups did Pakistan target in January 2024?", ["Baloch Liberation Front", "Baloch Liberation Army"]),
    ("what is the ECO?", ["Economic Cooperation Organisation"]),
    ("which articles do you use?", ["[000]", "[004]"]),
    ("help", ["/timeline", "/quotes", "/threats", "/whois", "/sources"]),
    ("hi", ["/timeline"]),
    ("WHO IS ARAGHCHI", ["Abbas Araghchi"]),
]


@pytest.mark.parametrize(("question", "expected"), DMS, ids=[q for q, _ in DMS])
def test_a_dm_question_is_answered_by_a_posted_message(console: Console, question: str, expected: list[str]) -> None:
    messages = console.dm(question)
    assert len(messages) == 1, messages
    message = messages[0]
    assert message["channel"].startswith("D") and message["text"] and message["blocks"]
    assert "response_type" not in message
    said = readable(message)
    assert APOLOGY not in said
    for words in expected:
        assert words in said, f"{question!r}: {words!r} not in\n{said}"


def test_a_question_about_someone_absent_is_an_honest_nothing(console: Console) -> None:
    said = readable(console.dm("what did Putin say?")[0])
    assert "Nothing" in said and "encouraging and constructive" not in said and "partners in regional" not in said


def test_a_mention_is_answered_like_a_dm_without_the_bots_name(console: Console) -> None:
    mentioned = console.mention("who is Araghchi?")
    direct = console.dm("who is Araghchi?")
    assert mentioned[0]["channel"].startswith("C")
    assert mentioned[0]["blocks"] == direct[0]["blocks"]


def test_replies_stay_in_the_thread_they_were_asked_in(console: Console) -> None:
    assert console.mention("who is Jilani?", thread_ts="1700000000.000100")[0]["thread_ts"] == "1700000000.000100"
    assert console.dm("who is Jilani?", thread_ts="1700000000.000200")[0]["thread_ts"] == "1700000000.000200"
    assert "thread_ts" not in console.dm("who is Jilani?")[0]


# --- the console as a program -------------------------------------------------------------------

def run_console(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    return subprocess.run([sys.executable, "-m", "bot", "console", *args], input=stdin, capture_output=True,
                          text=True, timeout=120, cwd=ROOT, env=env)


def test_json_mode_prints_one_line_per_input_with_the_exact_payloads(console: Console) -> None:
    lines = ["/whois araghchi", "/quotes", "who is Tarar?", "/timeline 2024-01", "/nosuch thing", "help"]
    done = run_console("--json", stdin="\n".join(lines[:3]) + "\n\n   \n" + "\n".join(lines[3:]))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["input"] for record in records] == lines
    for record in records:
        if record["input"].startswith("/nosuch"):
            assert record["messages"] == [] and "not a command" in record["error"]
            continue
        assert record["messages"] == console.send(record["input"]), record["input"]
    assert records[0]["messages"][0]["response_type"] == "ephemeral"  # to the asker first, with Post to channel
    assert "response_type" not in records[2]["messages"][0]


def test_piped_mode_prints_readable_text(export: dict[str, Any]) -> None:
    done = run_console(stdin="/quotes ishaq dar\n/timeline jan 2024 ambassadors\nwho is Araghchi?\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "> /quotes ishaq dar\n" in out and "> who is Araghchi?\n" in out
    assert "“We agreed to intensify collaboration on border management and to address shared challenges”" in out
    assert "Muhammad Mudassir Tipu" in out
    for noise in ("&amp;", "&lt;", "&gt;", "*Ishaq Dar", '"blocks"', "\x1b["):
        assert noise not in out


def test_empty_input_exits_cleanly() -> None:
    for args in ((), ("--json",)):
        done = run_console(*args, stdin="")
        assert done.returncode == 0 and done.stdout == "" and "Traceback" not in done.stderr


def test_interactive_mode_has_a_prompt_history_and_leaves_on_ctrl_d(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")} | {"HOME": str(tmp_path),
                                                                                 "TERM": "dumb"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the console on a terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "bot", "console"], env)
    output = b""

    def read_until(marker: bytes, after: int = 0, timeout: float = 60) -> int:
        nonlocal output
        deadline = time.monotonic() + timeout
        while marker not in output[after:] and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.2)[0]:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
        assert marker in output[after:], output.decode(errors="replace")[-2000:]
        return output.index(marker, after) + len(marker)

    try:
        at = read_until(b"factdesk> ")
        os.write(fd, b"/whois araghchi\n")
        at = read_until(b"Foreign Minister", at)
        read_until(b"factdesk> ", at)
        os.write(fd, b"\x04")
        with contextlib.suppress(AssertionError):
            read_until(b"never printed", timeout=30)  # drain until the console closes the terminal
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"Traceback" not in output
    assert "/whois araghchi" in (tmp_path / ".factdesk_history").read_text()


# --- failures become an apology, never a traceback ----------------------------------------------

class BrokenDesk:
    """A core that fails: fault injection for the app's global error handler."""

    def command(self, name: str, text: str) -> Reply:
        raise RuntimeError("the core broke")

    def message(self, text: str) -> Reply:
        raise RuntimeError("the core broke")


def test_a_failing_listener_becomes_a_short_apology_and_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    broken = Console(BrokenDesk())
    for messages in (broken.send("/whois araghchi"), broken.send("who is Araghchi?")):
        assert [message["text"] for message in messages] == [APOLOGY]
        assert "Traceback" not in json.dumps(messages) and "broke" not in json.dumps(messages)
    assert broken.send("/whois x")[0]["response_type"] == "ephemeral"
    failures = [record for record in caplog.records if "listener failed" in record.getMessage()]
    assert len(failures) >= 2
