"""The stores the bot's processes share: an SQLite file for one host, a PostgreSQL server for several.

The once-only claims and the readers' reports run the same SQL on both; these tests run it on a
real server on loopback, from several processes, and through two web processes standing in for
two hosts that share nothing but the server.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_slack import FakeSlack
from postgres_server import PostgresServer
from test_http import TOKEN, event_body, free_port, post, procfile_web, server_env, signed_headers, start, stop
from test_http_native import FORM, press

from bot.console import Console, answer_text
from bot.core import Desk
from bot.render import to_slack
from bot.settings import load_settings
from bot.slack_payloads import interactive_body, report_values, view_submission
from bot.state import MemoryState, SharedState
from knowledge.feedback import FeedbackStore
from knowledge.shared_store import StoreUnavailable, is_server, open_shared, shown

ROOT = Path(__file__).resolve().parent.parent
KEYS = 40


def _claim_all(location: str, results: str) -> None:
    state = SharedState(location)
    won = [key for key in range(KEYS) if state.claim("delivery", f"event:{key}", 60)]
    Path(results).write_text(json.dumps(won))


def test_each_key_is_claimed_once_by_racing_processes(shared_location: str, tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    outputs = [tmp_path / f"won-{worker}.json" for worker in range(4)]
    workers = [context.Process(target=_claim_all, args=(shared_location, str(output))) for output in outputs]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    won = [key for output in outputs for key in json.loads(output.read_text())]
    assert sorted(won) == list(range(KEYS))


@pytest.mark.parametrize("kind", ["shared", "memory"])
def test_an_expired_claim_can_be_made_again(shared_location: str, kind: str) -> None:
    state = SharedState(shared_location) if kind == "shared" else MemoryState()
    assert state.claim("delivery", "event:x", 0.2) and not state.claim("delivery", "event:x", 0.2)
    assert state.claim("other", "event:x", 60)  # namespaces are apart
    time.sleep(0.3)
    assert state.claim("delivery", "event:x", 60) and not state.claim("delivery", "event:x", 60)


def test_a_server_location_is_told_from_a_path_and_shown_without_its_password() -> None:
    assert is_server("postgresql://u:pw@db.internal:5432/factdesk") and is_server("postgres://db/x")
    assert not is_server("factdesk-state.sqlite") and not is_server("/var/lib/factdesk/state.sqlite")
    assert shown("postgresql://u:s3cret-pass@db:5432/f") == "postgresql://u:***@db:5432/f"
    assert shown("postgresql://u@db/f") == "postgresql://u@db/f" and shown("a/b.sqlite") == "a/b.sqlite"
    settings = load_settings({"FACTDESK_STATE": "postgresql://u:s3cret-pass@db/f"})
    assert "s3cret-pass" in settings.secrets and "s3cret-pass" not in repr(settings)


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    url = f"postgresql://factdesk:hunter2-{secrets.token_hex(4)}@127.0.0.1:{free_port()}/none"
    with pytest.raises(StoreUnavailable) as raised:
        open_shared(url, "CREATE TABLE IF NOT EXISTS t (a TEXT)")
    message = str(raised.value)
    assert "\n" not in message and "hunter2" not in message and "factdesk:***@127.0.0.1" in message


def test_an_unreachable_server_stops_the_web_process_with_one_line(tmp_path: Path) -> None:
    password = "hunter2-" + secrets.token_hex(4)
    with FakeSlack(TOKEN) as slack:
        port = free_port()
        env = server_env(slack, port) | {"FACTDESK_STATE": f"postgresql://factdesk:{password}@127.0.0.1:"
                                                           f"{free_port()}/none"}
        done = subprocess.run(procfile_web(port), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if "factdesk: error:" in line]
    assert len(errors) == 1 and "FACTDESK_STATE" in errors[0] and "Traceback" not in done.stderr
    assert password not in done.stderr + done.stdout and not slack.calls_to("chat.postMessage")


def test_a_report_that_cannot_be_stored_is_sent_back_to_the_reader(desk: Desk) -> None:
    console = Console(desk, feedback=f"postgresql://factdesk@127.0.0.1:{free_port()}/none")
    said = answer_text(console, "/threats iran 2024")
    answer_text(console, "!" + said.split("Report a problem")[0].rsplit("[", 1)[1].strip())
    sent_back = answer_text(console, "!submit wrong_date it was the 17th")
    assert "could not be saved just now" in sent_back and "report #" not in sent_back


def test_two_hosts_sharing_a_server_answer_each_delivery_once_and_keep_every_report(
        postgres: PostgresServer, desk: Desk, tmp_path: Path) -> None:
    state, reports = postgres.url("two_hosts_state"), postgres.url("two_hosts_reports")
    with FakeSlack(TOKEN) as slack:
        hosts = []
        for name in ("a", "b"):
            port, folder = free_port(), tmp_path / name
            folder.mkdir()
            env = server_env(slack, port) | {"WEB_CONCURRENCY": "2", "FACTDESK_STATE": state,
                                             "FACTDESK_FEEDBACK": reports}
            hosts.append(start(procfile_web(port), env, port, folder / "server.log", folder, slack))
        try:
            event = {"type": "message", "channel_type": "im", "channel": "D0TWOHOSTS", "user": "U0ASKER",
                     "text": "who is Araghchi?", "ts": "1700000030.000100"}
            body = event_body(event, "Ev" + secrets.token_hex(6))
            statuses = [post(host.url, body, signed_headers(body, "application/json"))[0]
                        for _ in range(3) for host in hosts]
            assert statuses == [200] * 6
            slack.wait_for("chat.postMessage", 1)
            time.sleep(1.0)
            assert [call["channel"] for call in slack.calls_to("chat.postMessage")].count("D0TWOHOSTS") == 1

            message = to_slack(desk.command("threats", "iran 2024"))
            for number, host in enumerate(hosts):
                before = len(slack.calls_to("views.open"))
                _, _, trigger = press(host, slack, message, "Report a problem", ephemeral=False)
                opened = slack.wait_for("views.open", before + 1)[before]
                submission = view_submission(opened["view"], report_values("other", f"from host {number}"),
                                             team="T0TEST", user="U0ASKER", app="A0TEST",
                                             trigger_id=f"{trigger}-submit")
                submitted = interactive_body(submission)
                status, acked = post(host.url, submitted, signed_headers(submitted, FORM))
                assert status == 200 and f"report #{number + 1}" in acked.replace("*", "")
        finally:
            for host in hosts:
                stop(host)
    assert [report.details for report in FeedbackStore(reports).reports()] == ["from host 0", "from host 1"]
    listed = subprocess.run([sys.executable, "-m", "knowledge", "feedback", "--store", reports], capture_output=True,
                            text=True, cwd=ROOT, env=os.environ, timeout=60)
    assert listed.returncode == 0 and "2 open report(s)" in listed.stdout and "from host 1" in listed.stdout
