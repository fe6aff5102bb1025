"""Slack-native answers over HTTP: signed interactive payloads to the production server.

The Procfile's ``web`` process (gunicorn, Bolt's WSGI adapter, two workers) gets what Slack
posts when a reader presses a button (``block_actions``), submits a modal (``view_submission``)
or opens the home tab (``app_home_opened``); its answers reach :class:`FakeSlack` over loopback
(``chat.update``, ``views.open``, ``views.publish``, ``files.uploadV2``, ``response_url`` posts).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_slack import FakeSlack
from test_http import (
    TOKEN,
    Server,
    event_body,
    free_port,
    post,
    procfile_web,
    server_env,
    signed_headers,
    start,
    stop,
)

from bot.core import Desk
from bot.render import report_modal, to_slack
from bot.slack_payloads import block_actions, interactive_body, pressables, report_values, view_submission
from knowledge.feedback import FeedbackStore

ROOT = Path(__file__).resolve().parent.parent
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def feedback(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("feedback") / "reports.sqlite"


@pytest.fixture(scope="module")
def web(slack: FakeSlack, feedback: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    tmp = tmp_path_factory.mktemp("native-web")
    env = server_env(slack, port) | {"WEB_CONCURRENCY": "2", "FACTDESK_FEEDBACK": str(feedback),
                                     "FACTDESK_STATE": str(tmp / "state.sqlite")}
    server = start(procfile_web(port), env, port, tmp / "server.log", tmp, slack)
    yield server
    stop(server)


def press(web: Server, slack: FakeSlack, message: dict[str, Any], label: str, *, ephemeral: bool,
          trigger: str | None = None, secret: str | None = None) -> tuple[int, str, str]:
    """Press the first ``label`` of ``message`` as Slack would; (status, body, trigger)."""
    pressed = next(found for found in pressables(message) if found.label == label)
    trigger = trigger or f"{secrets.randbelow(10**9)}.{secrets.token_hex(4)}"
    payload = block_actions(pressed, message, team="T0TEST", user="U0ASKER", app="A0TEST", channel="D0DM9",
                            message_ts="1700000100.000200", is_ephemeral=ephemeral,
                            response_url=slack.response_url(trigger), trigger_id=trigger)
    body = interactive_body(payload)
    headers = signed_headers(body, FORM, **({"secret": secret} if secret else {}))
    status, answer = post(web.url, body, headers)
    return status, answer, trigger


def test_show_more_on_a_posted_answer_is_a_chat_update_of_that_message(web: Server, slack: FakeSlack,
                                                                        desk: Desk) -> None:
    message = to_slack(desk.command("timeline", "all"))
    before = len(slack.calls_to("chat.update"))
    status, _, _ = press(web, slack, message, "Show more ▸", ephemeral=False)
    assert status == 200
    update = slack.wait_for("chat.update", before + 1)[before]
    assert update["channel"] == "D0DM9" and update["ts"] == "1700000100.000200"
    blocks = update["blocks"] if isinstance(update["blocks"], list) else json.loads(update["blocks"])
    assert blocks == to_slack(desk.command("timeline", "all"), 2)["blocks"]


def test_show_more_on_a_private_answer_replaces_it_through_the_response_url(web: Server, slack: FakeSlack,
                                                                             desk: Desk) -> None:
    message = to_slack(desk.command("timeline", "all"), private=True)
    _, _, trigger = press(web, slack, message, "Show more ▸", ephemeral=True)
    answer = slack.wait_for_answer(trigger)
    assert answer["replace_original"] is True
    assert answer["blocks"] == to_slack(desk.command("timeline", "all"), 2, private=True)["blocks"]


def test_show_evidence_answers_the_reader_privately(web: Server, slack: FakeSlack, desk: Desk) -> None:
    message = to_slack(desk.command("quotes", "naqvi"))
    _, _, trigger = press(web, slack, message, "Show evidence", ephemeral=False)
    answer = slack.wait_for_answer(trigger)
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is False
    assert answer["blocks"][0]["text"]["text"].startswith("*Evidence:")
    assert "characters " in json.dumps(answer, ensure_ascii=False)


def test_report_a_problem_opens_a_modal_and_its_submission_is_stored(web: Server, slack: FakeSlack, desk: Desk,
                                                                      feedback: Path) -> None:
    message = to_slack(desk.command("threats", "iran 2024"))
    before = len(slack.calls_to("views.open"))
    _, _, trigger = press(web, slack, message, "Report a problem", ephemeral=False)
    opened = slack.wait_for("views.open", before + 1)[before]
    assert opened["trigger_id"] == trigger and opened["view"]["callback_id"] == "factdesk_report"
    fact = json.loads(opened["view"]["private_metadata"])["fact"]
    submission = view_submission(opened["view"], report_values("wrong_attribution", "it was the IRGC"), team="T0TEST",
                                 user="U0ASKER", app="A0TEST", trigger_id=f"{trigger}-submit")
    body = interactive_body(submission)
    status, answer = post(web.url, body, signed_headers(body, FORM))
    assert status == 200
    acked = json.loads(answer)
    assert acked["response_action"] == "update" and "is with the curators" in json.dumps(acked)
    [report] = [report for report in FeedbackStore(feedback).reports() if report.details == "it was the IRGC"]
    assert report.fact == fact and report.problem == "wrong_attribution" and report.reporter == "U0ASKER"
    listed = subprocess.run([sys.executable, "-m", "knowledge", "feedback"], capture_output=True, text=True, cwd=ROOT,
                            env=os.environ | {"FACTDESK_FEEDBACK": str(feedback)}, timeout=60)
    assert fact in listed.stdout and report.articles[0] in listed.stdout


def test_a_submission_without_a_problem_chosen_is_sent_back(web: Server) -> None:
    view = report_modal("quote:x", "x", {"fact": "quote:x", "channel": "C1"})
    body = interactive_body(view_submission(view, {}, team="T0TEST", user="U0ASKER", app="A0TEST", trigger_id="9.9"))
    status, answer = post(web.url, body, signed_headers(body, FORM))
    assert status == 200 and json.loads(answer)["response_action"] == "errors"


def test_opening_the_home_tab_publishes_it(web: Server, slack: FakeSlack) -> None:
    before = len(slack.calls_to("views.publish"))
    body = event_body({"type": "app_home_opened", "user": "U0READER", "channel": "D0HOME", "tab": "home",
                       "event_ts": "1700000200.000100"})
    assert post(web.url, body, signed_headers(body, "application/json"))[0] == 200
    published = slack.wait_for("views.publish", before + 1)[before]
    assert published["user_id"] == "U0READER" and published["view"]["type"] == "home"
    assert "Latest articles" in json.dumps(published["view"])


def test_timeline_chart_uploads_the_picture_with_files_upload_v2(web: Server, slack: FakeSlack) -> None:
    pytest.importorskip("matplotlib")
    before = len(slack.calls_to("files.completeUploadExternal"))
    status, answer = web.command("/timeline", "2024 chart")
    assert status == 200 and "Timeline picture posted" in answer
    completed = slack.wait_for("files.completeUploadExternal", before + 1)[before]
    assert completed["channel_id"] == "C0TEST"
    [file] = json.loads(completed["files"])
    assert slack.uploads[file["id"]].startswith(b"\x89PNG") and file["title"] == "Events in 2024"


def test_unsigned_interactive_payloads_get_401_and_do_nothing(web: Server, slack: FakeSlack, desk: Desk) -> None:
    message = to_slack(desk.command("timeline", "all"))
    before = len(slack.calls)
    status, _, _ = press(web, slack, message, "Show more ▸", ephemeral=False, secret="not-the-secret")
    assert status == 401 and len(slack.calls) == before


def test_a_replayed_press_is_answered_once(web: Server, slack: FakeSlack, desk: Desk) -> None:
    message = to_slack(desk.command("timeline", "all"), private=True)
    trigger = f"replay.{secrets.token_hex(4)}"
    for _ in range(3):
        assert press(web, slack, message, "Show more ▸", ephemeral=True, trigger=trigger)[0] == 200
    slack.wait_for_answer(trigger)
    time.sleep(1)
    assert len(slack.answers(trigger)) == 1


def test_a_mention_in_the_thread_of_an_answer_follows_up_on_it(web: Server, slack: FakeSlack) -> None:
    before = len(slack.calls_to("chat.postMessage"))
    web.event({"type": "app_mention", "channel": "C0THREAD", "user": "U0ASKER",
               "text": "<@U0FACTDESK> what did Naqvi say?", "ts": "1700000300.000100"})
    first = slack.wait_for("chat.postMessage", before + 1)[before]
    assert first["thread_ts"] == "1700000300.000100"
    assert first["metadata"]["event_payload"]["command"] == "quotes"
    web.event({"type": "app_mention", "channel": "C0THREAD", "user": "U0ASKER", "thread_ts": "1700000300.000100",
               "text": "<@U0FACTDESK> and what did he say about the border?", "ts": "1700000300.000200"})
    follow = slack.wait_for("chat.postMessage", before + 2)[before + 1]
    assert follow["thread_ts"] == "1700000300.000100" and "Mohsin Naqvi" in json.dumps(follow, ensure_ascii=False)
    replies = slack.calls_to("conversations.replies")[-1]
    assert replies["channel"] == "C0THREAD" and replies["ts"] == "1700000300.000100"
