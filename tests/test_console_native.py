"""Transcripts of Slack-native answers through the console: press a button, read what Slack shows.

Each ``!N`` line is a signed ``block_actions`` payload dispatched through the same Bolt app; the
app's answers (``chat.update``, ``response_url`` posts, ``views.open``, ``views.publish``,
``files.uploadV2``) are captured at the Web API boundary.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.console import Console, ConsoleError, answer_text
from bot.core import Desk
from knowledge.feedback import FeedbackStore
from knowledge.store import FactBase

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    return tmp_path / "feedback.sqlite"


@pytest.fixture()
def console(desk: Desk, store: Path) -> Iterator[Console]:
    yield Console(desk, feedback=store)


def button(said: str, label: str) -> str:
    """The console line that presses the first button called ``label`` in ``said``."""
    found = re.search(rf"\[(\d+) {re.escape(label)}", said)
    assert found, f"no [N {label}] in:\n{said}"
    return f"!{found.group(1)}"


def test_a_slash_answer_is_private_first_with_post_to_channel(console: Console) -> None:
    messages = console.send("/whois jilani")
    assert len(messages) == 1 and messages[0]["response_type"] == "ephemeral"
    said = answer_text(console, "/whois jilani")
    assert "(only visible to you)" in said and "Jalil Abbas Jilani" in said
    posted = console.send(button(said, "Post to channel"))
    assert [call for call, _ in console.slack.calls] == ["response_url", "response_url"]
    public, removed = posted
    assert public["response_type"] == "in_channel" and public["replace_original"] is False
    assert "Jalil Abbas Jilani" in json.dumps(public) and not any(
        element["action_id"] == "factdesk_post" for block in public["blocks"] if block["type"] == "actions"
        for element in block["elements"])
    assert removed == {"delete_original": True} or removed.get("delete_original") is True


def test_the_setting_can_send_slash_answers_straight_to_the_channel(desk: Desk, store: Path) -> None:
    public = Console(desk, feedback=store, private_answers=False).send("/whois jilani")
    assert public[0]["response_type"] == "in_channel" and "Post to channel" not in json.dumps(public)


def test_show_more_on_a_private_answer_replaces_it_with_the_next_page(console: Console) -> None:
    said = answer_text(console, "/timeline all")
    assert "Page 1 of 2" in said and "Previous" not in said
    page_two = answer_text(console, button(said, "Show more ▸"))
    message = console.slack.calls[-1][1]
    assert console.slack.calls[-1][0] == "response_url" and message["replace_original"] is True
    assert "Page 2 of 2" in page_two and "Information Minister Attaullah Tarar" in page_two
    assert "Jaish ul-Adl, which has conducted" not in page_two
    back = answer_text(console, button(page_two, "◂ Previous"))
    assert "Page 1 of 2" in back and "Jaish ul-Adl, which has conducted" in back


def test_show_more_on_a_posted_answer_updates_that_message(console: Console) -> None:
    first = console.dm("timeline of everything")
    said = answer_text(console, "timeline of everything")
    posted_ts = console.shown[0].ts
    page_two = answer_text(console, button(said, "Show more ▸"))
    method, args = console.slack.calls[-1]
    assert method == "chat.update" and args["ts"] == posted_ts and args["channel"] == "D0CONSOLE"
    assert "Page 2 of 2" in page_two and first[0]["blocks"] != args["blocks"]


def test_show_evidence_shows_the_sentence_article_and_offset_to_the_asker(console: Console,
                                                                           fact_base: FactBase) -> None:
    said = answer_text(console, "/quotes amirabdollahian")
    evidence = answer_text(console, button(said, "Show evidence"))
    assert "(only visible to you)" in evidence and evidence.startswith("(only visible to you)\nEvidence:")
    quote = next(quote for quote in fact_base.quotes() if quote.id in json.dumps(console.payload))
    citation = quote.sources[0]
    assert citation.evidence in evidence and fact_base.source(citation.article).headline in evidence
    assert f"characters {citation.offset:,}–" in evidence and citation.article in evidence
    assert console.payload is not None and console.payload["type"] == "block_actions"
    assert console.slack.calls[-1][1]["replace_original"] is False


def test_report_a_problem_opens_a_form_and_stores_the_report_for_curators(console: Console, store: Path) -> None:
    said = answer_text(console, "/threats iran 2024")
    form = answer_text(console, button(said, "Report a problem"))
    assert "(form: Report a problem)" in form and "What is wrong?" in form and "!submit" in form
    assert [call for call, _ in console.slack.calls] == ["views.open"]
    sent_back = answer_text(console, "!submit")
    assert "sent back" in sent_back and not FeedbackStore(store).reports()
    thanks = answer_text(console, "!submit wrong_date it was the 17th")
    assert "report #1" in thanks
    [report] = FeedbackStore(store).reports()
    assert report.fact.startswith("threat:") and report.problem == "wrong_date" and report.details == "it was the 17th"
    assert report.articles and all(article.endswith(".txt") for article in report.articles)
    assert report.reporter == "U0CONSOLE"


def test_the_home_tab_shows_what_the_base_holds(console: Console, fact_base: FactBase) -> None:
    home = answer_text(console, "!home")
    assert [call for call, _ in console.slack.calls] == ["views.publish"]
    assert console.slack.calls[0][1]["user_id"] == "U0CONSOLE"
    assert "(Home tab)" in home and f"{len(fact_base.quotes())} quotes" in home and "Latest articles" in home


def test_a_mention_is_answered_in_a_thread_and_the_thread_goes_on(console: Console) -> None:
    said = answer_text(console, "!mention who is Jilani?")
    answer = console.slack.calls[-1][1]
    assert answer["channel"] == "C0CONSOLE" and answer["thread_ts"] and "(in the thread of" in said
    assert answer["metadata"]["event_type"] == "factdesk_answer"
    assert answer["metadata"]["event_payload"]["command"] == "whois"
    again = answer_text(console, "!thread who is Naqvi?")
    assert console.slack.calls[-1][1]["thread_ts"] == answer["thread_ts"] and "Mohsin Naqvi" in again


def test_a_dm_is_answered_in_the_conversation_with_its_query_in_metadata(console: Console) -> None:
    [answer] = console.dm("what did Naqvi say?")
    assert "thread_ts" not in answer
    assert answer["metadata"]["event_payload"] == {"command": "quotes", "argument": "Naqvi"}


def test_timeline_chart_uploads_a_png_picture(console: Console) -> None:
    pytest.importorskip("matplotlib")
    said = answer_text(console, "/timeline 2024 chart")
    methods = [call for call, _ in console.slack.calls]
    assert methods[:3] == ["files.getUploadURLExternal", "file upload", "files.completeUploadExternal"]
    [picture] = console.files
    assert picture["png"] and picture["bytes"] > 10_000 and picture["channel"] == "D0CONSOLE"
    assert Path(picture["path"]).read_bytes().startswith(b"\x89PNG")
    assert "picture posted" in said and "Events in 2024" in said
    shown = answer_text(console, "show me a timeline of the Doha talks")
    assert "picture posted" in shown and console.files


def test_pressing_what_is_not_there_is_a_console_error(console: Console) -> None:
    with pytest.raises(ConsoleError, match="no .99. to press"):
        console.send("!99")
    assert "no form is open" in answer_text(console, "!submit other")
    assert "!mention" in answer_text(console, "!help")


def test_json_mode_prints_the_interactive_payloads(store: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")} | {"FACTDESK_FEEDBACK": str(store)}
    lines = ["/quotes naqvi", "!1", "!2", "!submit misquoted words", "!home"]
    done = subprocess.run([sys.executable, "-m", "bot", "console", "--json"], input="\n".join(lines), text=True,
                          capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["input"] for record in records] == lines
    pressed = records[1]
    assert pressed["payload"]["type"] == "block_actions"
    assert pressed["payload"]["actions"][0]["selected_option"]["value"].startswith("e:quote:")
    assert "Evidence" in pressed["messages"][0]["blocks"][0]["text"]["text"]
    assert records[2]["views"][0]["callback_id"] == "factdesk_report"
    assert records[3]["payload"]["type"] == "view_submission" and "report #1" in json.dumps(records[3]["views"])
    assert records[4]["views"][0]["type"] == "home"
    assert FeedbackStore(store).reports()[0].problem == "misquoted"


def test_a_question_in_the_thread_follows_up_on_the_answer_above(console: Console) -> None:
    answer_text(console, "!mention what did Naqvi say?")
    follow = answer_text(console, "!thread and what did he say about the border?")
    assert [call for call, _ in console.slack.calls] == ["conversations.replies", "chat.postMessage"]
    assert console.slack.calls[0][1]["include_all_metadata"] in ("1", "true", True)
    assert "Mohsin Naqvi" in follow and "border" in follow
    other = answer_text(console, "!thread what about Dar?")
    assert "Ishaq Dar" in other
    followed = console.slack.calls[-1][1]["metadata"]["event_payload"]
    assert followed["command"] == "quotes" and "Dar" in followed["argument"]
    alone = console.dm("and what did he say about the border?")  # no thread: nothing to follow, nothing read
    assert [call for call, _ in console.slack.calls] == ["chat.postMessage"]
    assert "Naqvi" not in alone[0]["metadata"]["event_payload"]["argument"]
