"""End to end over HTTP: the production server (gunicorn + Bolt's WSGI adapter) on loopback.

Slack's side is played for real: signed form bodies for slash commands, signed JSON
``event_callback`` bodies for DMs and mentions. The app's Web API calls and its posts to a
command's ``response_url`` go over loopback to :class:`FakeSlack`, the only fake, pointed at by
``SLACK_API_URL`` (and by the ``response_url`` each command carries).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fake_slack import FakeSlack
from slack_sdk.signature import SignatureVerifier

from bot.commands import COMMANDS
from knowledge.store import FactBase

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "xoxb-test-" + secrets.token_hex(8)
SECRET = "signing-" + secrets.token_hex(16)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def signed_headers(body: str, content_type: str, *, secret: str = SECRET, age: int = 0) -> dict[str, str]:
    timestamp = str(int(time.time()) - age)
    signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body) or ""
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature}


def post(url: str, body: str, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


RESPONSE_BASE = "https://hooks.slack.invalid"


def new_trigger() -> str:
    return f"{int(time.time())}.{secrets.token_hex(6)}"


def command_body(command: str, text: str, trigger: str = "1.2.3", response_base: str = RESPONSE_BASE) -> str:
    return urlencode({"token": "legacy", "team_id": "T0TEST", "team_domain": "test", "channel_id": "C0TEST",
                      "channel_name": "general", "user_id": "U0ASKER", "user_name": "asker", "command": command,
                      "text": text, "api_app_id": "A0TEST", "is_enterprise_install": "false",
                      "response_url": f"{response_base}/commands/{trigger}", "trigger_id": trigger})


def event_body(event: dict[str, Any], event_id: str | None = None) -> str:
    return json.dumps({"token": "legacy", "team_id": "T0TEST", "api_app_id": "A0TEST", "event": event,
                       "type": "event_callback", "event_id": event_id or "Ev" + secrets.token_hex(5),
                       "event_time": int(time.time()),
                       "authorizations": [{"team_id": "T0TEST", "user_id": "U0FACTDESK", "is_bot": True}]})


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    slack: FakeSlack | None = None

    def command(self, command: str, text: str, **sign: Any) -> tuple[int, str]:
        """Send a slash command; the answer (posted to its response_url) is waited for and returned as JSON."""
        assert self.slack is not None
        trigger = new_trigger()
        body = command_body(command, text, trigger, self.slack.base_url)
        status, ack = post(self.url, body, signed_headers(body, "application/x-www-form-urlencoded", **sign))
        if status != 200 or ack:
            return status, ack
        return status, json.dumps(self.slack.wait_for_answer(trigger), ensure_ascii=False)

    def event(self, event: dict[str, Any], **sign: Any) -> tuple[int, str]:
        body = event_body(event)
        return post(self.url, body, signed_headers(body, "application/json", **sign))


def server_env(slack: FakeSlack, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTDESK_", "LOG_LEVEL"))}
    env.update(SLACK_BOT_TOKEN=TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=slack.api_url, PORT=str(port),
               PYTHONPATH=str(ROOT), PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}")
    return env


def wait_until_serving(server: Server, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    body = json.dumps({"token": "legacy", "challenge": "ready?", "type": "url_verification"})
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server exited ({server.process.returncode}):\n{server.log.read_text()}")
        try:
            if post(server.url, body, signed_headers(body, "application/json"))[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"the server did not answer within {timeout}s:\n{server.log.read_text()}")


def start(argv: list[str], env: dict[str, str], port: int, log: Path, cwd: Path,
          slack: FakeSlack | None = None) -> Server:
    process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}/slack/events", process, log, slack)
    wait_until_serving(server)
    return server


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


API_TIMEOUT = 5
HANG = API_TIMEOUT + 1


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(TOKEN, hang_seconds=HANG) as fake:
        yield fake


def procfile_web(port: int) -> list[str]:
    """The Procfile's ``web`` command line, bound to loopback, run by this interpreter."""
    line = next(ln for ln in (ROOT / "Procfile").read_text().splitlines() if ln.startswith("web:"))
    argv = shlex.split(line.removeprefix("web:").replace("$PORT", str(port)).replace("0.0.0.0", "127.0.0.1"))
    assert argv[0] == "gunicorn"
    return [sys.executable, "-m", "gunicorn", *argv[1:]]


@pytest.fixture(scope="module")
def web(slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The Procfile's ``web`` process, verbatim but bound to loopback, with two worker processes, logging at DEBUG."""
    port = free_port()
    env = server_env(slack, port) | {"WEB_CONCURRENCY": "2", "LOG_LEVEL": "DEBUG",
                                     "SLACK_API_TIMEOUT": str(API_TIMEOUT)}
    tmp = tmp_path_factory.mktemp("web")
    server = start(procfile_web(port), env, port, tmp / "server.log", tmp, slack)
    yield server
    stop(server)


@pytest.fixture(autouse=True)
def _slack_behaves(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "slack" in request.fixturenames:
        request.getfixturevalue("slack").reset()


def reply_text(body: str) -> str:
    payload = json.loads(body)
    assert payload.get("text"), f"no fallback text in {body[:300]}"
    assert isinstance(payload.get("blocks"), list) and payload["blocks"], f"no blocks in {body[:300]}"
    return json.dumps(payload, ensure_ascii=False)


def test_url_verification_answers_the_challenge(web: Server) -> None:
    body = json.dumps({"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"})
    status, answer = post(web.url, body, signed_headers(body, "application/json"))
    assert status == 200
    assert json.loads(answer) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


def test_a_slash_command_is_acked_at_once_and_answered_through_its_response_url(
        web: Server, slack: FakeSlack) -> None:
    trigger = new_trigger()
    body = command_body("/whois", "araghchi", trigger, slack.base_url)
    status, ack = post(web.url, body, signed_headers(body, "application/x-www-form-urlencoded"))
    assert (status, ack) == (200, "")
    answer = slack.wait_for_answer(trigger)
    assert "Araghchi" in reply_text(json.dumps(answer)) and answer["response_type"] in ("in_channel", "ephemeral")


def test_sources_lists_the_articles(web: Server, fact_base: FactBase) -> None:
    status, body = web.command("/sources", "")
    assert status == 200
    text = reply_text(body)
    for source in fact_base.export()["sources"]:
        assert f"[{source['article'][:3]}]" in text and source["published"][:4] in text


@pytest.mark.parametrize("text", ["", "help"])
def test_every_command_answers_help_and_empty_with_usage_over_http(web: Server, text: str) -> None:
    for spec in COMMANDS:
        if spec.slash == spec.usage and not text:
            continue  # a command without arguments (/sources) answers an empty one
        status, body = web.command(spec.slash, text)
        assert status == 200, spec.slash
        assert spec.slash in reply_text(body), f"{spec.slash} {text!r} does not show its usage"


def test_a_dm_is_answered_with_chat_post_message(web: Server, slack: FakeSlack) -> None:
    before = len(slack.calls_to("chat.postMessage"))
    status, _ = web.event({"type": "message", "channel_type": "im", "channel": "D0DM1", "user": "U0ASKER",
                           "text": "who is Araghchi?", "ts": "1700000000.000100"})
    assert status == 200
    posted = slack.wait_for("chat.postMessage", before + 1)[before:]
    assert [call["channel"] for call in posted] == ["D0DM1"]
    assert "Araghchi" in json.dumps(posted[0], ensure_ascii=False)
    assert posted[0]["blocks"] and posted[0]["text"]
    assert "thread_ts" not in posted[0]


def test_a_mention_in_a_thread_is_answered_in_that_thread(web: Server, slack: FakeSlack) -> None:
    before = len(slack.calls_to("chat.postMessage"))
    status, _ = web.event({"type": "app_mention", "channel": "C0CHAN", "user": "U0ASKER",
                           "text": "<@U0FACTDESK> who is Jilani?", "ts": "1700000000.000300",
                           "thread_ts": "1700000000.000200"})
    assert status == 200
    posted = slack.wait_for("chat.postMessage", before + 1)[before:]
    assert posted[0]["channel"] == "C0CHAN" and posted[0]["thread_ts"] == "1700000000.000200"
    assert "Jilani" in json.dumps(posted[0], ensure_ascii=False)


def test_bot_messages_edits_and_channel_messages_get_no_reply(web: Server, slack: FakeSlack) -> None:
    before = len(slack.calls_to("chat.postMessage"))
    ignored = [
        {"type": "message", "channel_type": "im", "channel": "D0DM2", "bot_id": "B0OTHER", "text": "who is Araghchi?"},
        {"type": "message", "subtype": "message_changed", "channel_type": "im", "channel": "D0DM2",
         "message": {"text": "who is Araghchi?"}},
        {"type": "message", "subtype": "bot_message", "channel_type": "im", "channel": "D0DM2", "text": "hi"},
        {"type": "message", "channel_type": "channel", "channel": "C0CHAN", "user": "U0ASKER",
         "text": "who is Jilani?"},
    ]
    for event in ignored:
        assert web.event(event | {"ts": "1700000001.000100"})[0] == 200
    web.event({"type": "message", "channel_type": "im", "channel": "D0DM3", "user": "U0ASKER",
               "text": "/sources", "ts": "1700000001.000200"})
    slack.wait_for("chat.postMessage", before + 1)
    time.sleep(0.3)
    posted = slack.calls_to("chat.postMessage")[before:]
    assert [call["channel"] for call in posted] == ["D0DM3"], "only the user's DM deserves a reply"


@pytest.mark.parametrize("case", ["forged", "missing", "stale", "wrong secret"])
def test_unsigned_or_badly_signed_requests_get_401(web: Server, slack: FakeSlack, case: str) -> None:
    body = command_body("/whois", "araghchi")
    headers = signed_headers(body, "application/x-www-form-urlencoded")
    if case == "forged":
        headers["X-Slack-Signature"] = "v0=" + "0" * 64
    elif case == "missing":
        del headers["X-Slack-Signature"], headers["X-Slack-Request-Timestamp"]
    elif case == "stale":
        headers = signed_headers(body, "application/x-www-form-urlencoded", age=6 * 60)
    else:
        headers = signed_headers(body, "application/x-www-form-urlencoded", secret="not-the-secret")
    before = len(slack.calls)
    status, answer = post(web.url, body, headers)
    assert status == 401
    assert "Araghchi" not in answer
    assert len(slack.calls) == before


def test_a_signed_body_replayed_with_other_content_is_refused(web: Server) -> None:
    body = command_body("/whois", "araghchi")
    headers = signed_headers(body, "application/x-www-form-urlencoded")
    assert post(web.url, command_body("/whois", "jilani"), headers)[0] == 401


def test_other_paths_are_not_found(web: Server) -> None:
    body = command_body("/whois", "araghchi")
    status, _ = post(web.url.replace("/slack/events", "/other"), body,
                     signed_headers(body, "application/x-www-form-urlencoded"))
    assert status == 404


def test_secrets_never_reach_the_server_log(web: Server) -> None:
    web.command("/whois", "araghchi")
    log = web.log.read_text(errors="replace")
    assert TOKEN not in log and SECRET not in log


def wait_for_log(server: Server, words: str, count: int = 1, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = server.log.read_text(errors="replace")
        if log.count(words) >= count:
            return log
        time.sleep(0.05)
    raise AssertionError(f"{words!r} not {count} times in the log:\n{server.log.read_text(errors='replace')}")


def run_bot(env: dict[str, str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot"], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.parametrize("missing", ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"])
def test_a_missing_setting_is_one_line_naming_it(slack: FakeSlack, tmp_path: Path, missing: str) -> None:
    env = server_env(slack, free_port())
    del env[missing]
    done = run_bot(env, tmp_path)
    assert done.returncode != 0
    assert missing in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert TOKEN not in done.stderr + done.stdout and SECRET not in done.stderr + done.stdout


def test_socket_mode_needs_the_bot_token_too(slack: FakeSlack, tmp_path: Path) -> None:
    env = server_env(slack, free_port()) | {"SLACK_APP_TOKEN": "xapp-1-test"}
    del env["SLACK_BOT_TOKEN"]
    done = run_bot(env, tmp_path)
    assert done.returncode != 0 and "SLACK_BOT_TOKEN" in done.stderr and "Socket Mode" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_rejected_token_is_one_line_without_the_token(slack: FakeSlack, tmp_path: Path) -> None:
    env = server_env(slack, free_port()) | {"SLACK_BOT_TOKEN": "xoxb-wrong-" + secrets.token_hex(6)}
    done = run_bot(env, tmp_path)
    assert done.returncode != 0
    assert "SLACK_BOT_TOKEN" in done.stderr and "invalid_auth" in done.stderr and "Traceback" not in done.stderr
    assert env["SLACK_BOT_TOKEN"] not in done.stderr


def test_the_procfile_web_process_refuses_to_start_without_settings(slack: FakeSlack, tmp_path: Path) -> None:
    env = server_env(slack, free_port())
    del env["SLACK_SIGNING_SECRET"]
    done = subprocess.run([sys.executable, "-m", "gunicorn", "bot.wsgi:application", "--bind",
                           f"127.0.0.1:{env['PORT']}"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    assert "factdesk: error: missing setting SLACK_SIGNING_SECRET" in done.stderr
    assert "Traceback" not in done.stderr


def test_settings_come_from_dotenv_in_the_working_directory(
        slack: FakeSlack, fact_base: FactBase, tmp_path: Path) -> None:
    port = free_port()
    env = server_env(slack, port)
    db = tmp_path / "base" / "facts.sqlite"
    (tmp_path / ".env").write_text(f"SLACK_SIGNING_SECRET={SECRET}\nSLACK_BOT_TOKEN={TOKEN}\nWEB_CONCURRENCY=3\n"
                                   f"FACTDESK_DB={db}\nFACTDESK_ROOT={ROOT}\nFACTDESK_STATE=state/once.sqlite\n"
                                   "LOG_LEVEL=DEBUG\nSLACK_API_TIMEOUT=3\n")
    del env["SLACK_SIGNING_SECRET"], env["SLACK_BOT_TOKEN"]
    server = start([sys.executable, "-m", "bot"], env, port, tmp_path / "bot.log", tmp_path, slack)
    try:
        status, body = server.command("/whois", "araghchi")
        assert status == 200 and "Araghchi" in reply_text(body)
        log = server.log.read_text(errors="replace")
        assert "gunicorn" in log and f"{port}/slack/events" in log and "3 worker process(es)" in log
        assert wait_for_log(server, "Booting worker", 3)
        assert db.exists() and (tmp_path / "state" / "once.sqlite").exists()
        assert TOKEN not in log and SECRET not in log
    finally:
        stop(server)


def test_socket_mode_opens_its_connection_through_the_api_url_with_the_app_token(
        slack: FakeSlack, tmp_path: Path) -> None:
    app_token = "xapp-1-" + secrets.token_hex(8)
    env = server_env(slack, free_port()) | {"SLACK_APP_TOKEN": app_token}
    del env["SLACK_SIGNING_SECRET"]
    before = len(slack.calls_to("apps.connections.open"))
    done = run_bot(env, tmp_path)
    assert len(slack.calls_to("apps.connections.open")) == before + 1, "Socket Mode did not ask for a connection"
    assert done.returncode != 0  # the fake knows only the bot token, so it refuses the app token
    assert "SLACK_APP_TOKEN" in done.stderr and "invalid_auth" in done.stderr
    assert "Traceback" not in done.stderr and app_token not in done.stderr


def test_a_hostile_dm_over_http_pings_no_one(web: Server, slack: FakeSlack) -> None:
    before = len(slack.calls_to("chat.postMessage"))
    web.event({"type": "message", "channel_type": "im", "channel": "D0DM4", "user": "U0ASKER",
               "text": "<!channel> <@U0OTHER> <http://evil.example|Araghchi> who is Araghchi?",
               "ts": "1700000002.000100"})
    posted = json.dumps(slack.wait_for("chat.postMessage", before + 1)[before:], ensure_ascii=False)
    for unsafe in ("<!", "<@", "<http"):
        assert unsafe not in posted
    assert "Araghchi" in posted


# --- issue 12.1: nothing forged gets in -----------------------------------------------------------

FORGED_EVENT = {"type": "app_mention", "channel": "C0VICTIM", "user": "U0EVIL", "text": "<@U0FACTDESK> hi",
                "ts": "1700000003.000100", "thread_ts": "1700000003.000001"}


@pytest.mark.parametrize("timestamp", ["x", "", "1e9", " 1700000000", "-1", "9" * 40, "1700000000.5"])
@pytest.mark.parametrize("kind", ["command", "event"])
def test_a_malformed_timestamp_is_401_and_calls_nothing(web: Server, slack: FakeSlack, timestamp: str,
                                                        kind: str) -> None:
    if kind == "command":
        body, content_type = command_body("/whois", "araghchi", new_trigger(), slack.base_url), \
            "application/x-www-form-urlencoded"
    else:
        body, content_type = event_body(FORGED_EVENT), "application/json"
    headers = signed_headers(body, content_type) | {"X-Slack-Request-Timestamp": timestamp}
    before = len(slack.calls)
    status, answer = post(web.url, body, headers)
    assert status == 401
    assert "Araghchi" not in answer and "Sorry" not in answer
    time.sleep(0.2)
    assert len(slack.calls) == before
    assert "Traceback" not in web.log.read_text(errors="replace")


JUNK = {
    "invalid JSON": (b'{"type": "event_callback", "event": ', "application/json"),
    "not UTF-8": (b'{"type": "event_callback", "text": "\xff\xfe\xfa"}', "application/json"),
    "a form labelled JSON": (b"command=%2Fwhois&text=araghchi", "application/json"),
    "a JSON list": (b"[1, 2, 3]", "application/json"),
    "a broken payload form": (b"payload=%7Bnot+json", "application/x-www-form-urlencoded"),
    "no content type": (b"hello", "text/plain"),
}


@pytest.mark.parametrize("name", list(JUNK))
def test_a_signed_junk_body_is_4xx_without_a_traceback(web: Server, slack: FakeSlack, name: str) -> None:
    body, content_type = JUNK[name]
    timestamp = str(int(time.time()))
    signature = "v0=" + hmac.new(SECRET.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(web.url, data=body, method="POST", headers={
        "Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature})
    before = len(slack.calls)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert 400 <= refused.value.code < 500
    assert len(slack.calls) == before
    assert "Traceback" not in web.log.read_text(errors="replace")


def test_an_unsigned_junk_body_is_401(web: Server) -> None:
    assert post(web.url, "\x00garbage", {"Content-Type": "application/json"})[0] == 401


# --- issue 12.2: nothing asked is lost --------------------------------------------------------------

def test_a_very_long_argument_is_acked_and_answered_from_its_first_2000_characters(
        web: Server, slack: FakeSlack) -> None:
    status, body = web.command("/quotes", "araghchi " + "x" * 20_000)
    assert status == 200
    answer = json.loads(body)
    assert "first 2,000 of 20,009 characters" in answer["text"]
    assert "xxxxxxxxxx" * 300 not in body


def test_a_command_whose_text_holds_the_word_payload_is_answered(web: Server) -> None:
    status, body = web.command("/whois", "payload")  # Bolt alone drops any form that holds "payload"
    assert status == 200 and "Nothing in the fact base is called “payload”" in json.loads(body)["text"]


def test_slash_commands_are_answered_while_dms_wait_on_a_slow_web_api(web: Server, slack: FakeSlack) -> None:
    slack.delay["chat.postMessage"] = 4.0
    before = len(slack.calls_to("chat.postMessage"))
    dms = [{"type": "message", "channel_type": "im", "channel": f"D0SLOW{n}", "user": "U0ASKER",
            "text": "who is Araghchi?", "ts": f"1700000010.00010{n}"} for n in range(5)]
    triggers = [new_trigger() for _ in range(8)]
    with ThreadPoolExecutor(max_workers=13) as pool:
        dm_acks = list(pool.map(web.event, dms))
        bodies = [command_body("/whois", "jilani", trigger, slack.base_url) for trigger in triggers]
        acks = list(pool.map(lambda b: post(web.url, b, signed_headers(b, "application/x-www-form-urlencoded")),
                             bodies))
    assert [status for status, _ in dm_acks] == [200] * 5
    assert acks == [(200, "")] * 8
    for trigger in triggers:
        assert "Jilani" in json.dumps(slack.wait_for_answer(trigger), ensure_ascii=False)
    posted = slack.wait_for("chat.postMessage", before + 5, timeout=30)[before:]
    assert sorted(call["channel"] for call in posted) == sorted(dm["channel"] for dm in dms)


# --- issue 12.3: nothing is answered twice ----------------------------------------------------------

def test_a_retried_and_replayed_event_is_answered_once(web: Server, slack: FakeSlack) -> None:
    event = {"type": "message", "channel_type": "im", "channel": "D0RETRY", "user": "U0ASKER",
             "text": "who is Araghchi?", "ts": "1700000020.000100"}
    body = event_body(event, "Ev" + secrets.token_hex(6))
    first = signed_headers(body, "application/json")
    statuses = [post(web.url, body, first)[0]]
    for retry in (1, 2, 3):
        headers = signed_headers(body, "application/json") | {"X-Slack-Retry-Num": str(retry),
                                                              "X-Slack-Retry-Reason": "http_timeout"}
        statuses.append(post(web.url, body, headers)[0])
    statuses += [post(web.url, body, first)[0] for _ in range(3)]  # a captured request, replayed
    assert statuses == [200] * 7
    slack.wait_for("chat.postMessage", 1)
    time.sleep(1.0)
    assert [call["channel"] for call in slack.calls_to("chat.postMessage")].count("D0RETRY") == 1


def test_a_replayed_slash_command_is_answered_once(web: Server, slack: FakeSlack) -> None:
    trigger = new_trigger()
    body = command_body("/whois", "araghchi", trigger, slack.base_url)
    headers = signed_headers(body, "application/x-www-form-urlencoded")
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = [status for status, _ in pool.map(lambda _: post(web.url, body, headers), range(4))]
    assert statuses == [200] * 4
    slack.wait_for_answer(trigger)
    time.sleep(1.0)
    assert len(slack.answers(trigger)) == 1


# --- issue 12.4: a failed Web API call does not lose the reply --------------------------------------

@pytest.mark.parametrize("fault", ["429", "500", "503", "ratelimited", "hang"])
def test_a_dm_survives_a_failing_web_api_call(web: Server, slack: FakeSlack, fault: str) -> None:
    channel = f"D0FAULT{fault.upper()}"
    slack.fail_next("chat.postMessage", fault)
    before = slack.attempts["chat.postMessage"]
    assert web.event({"type": "message", "channel_type": "im", "channel": channel, "user": "U0ASKER",
                      "text": "who is Jilani?", "ts": "1700000030.000100"})[0] == 200
    wait_until(lambda: channel in [call["channel"] for call in slack.calls_to("chat.postMessage")], HANG + 10)
    assert [call["channel"] for call in slack.calls_to("chat.postMessage")].count(channel) == 1
    assert slack.attempts["chat.postMessage"] >= before + 2


@pytest.mark.parametrize("fault", ["429", "500", "hang"])
def test_a_slash_answer_survives_a_failing_response_url(web: Server, slack: FakeSlack, fault: str) -> None:
    slack.fail_next("response_url", fault)
    status, body = web.command("/whois", "jilani")
    assert status == 200 and "Jilani" in body


def test_a_reply_that_cannot_be_delivered_is_one_log_line(web: Server, slack: FakeSlack) -> None:
    slack.fail_next("chat.postMessage", *["500"] * 8)
    web.event({"type": "message", "channel_type": "im", "channel": "D0LOST", "user": "U0ASKER",
               "text": "who is Jilani?", "ts": "1700000040.000100"})
    log = wait_for_log(web, "chat.postMessage to D0LOST failed", timeout=30)
    line = next(ln for ln in log.splitlines() if "chat.postMessage to D0LOST failed" in ln)
    assert "500" in line
    assert "Traceback" not in log


def wait_until(condition: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("the condition did not come true")


def test_no_secret_reaches_the_log_at_debug(web: Server, slack: FakeSlack) -> None:
    web.command("/whois", "araghchi")
    web.event({"type": "message", "channel_type": "im", "channel": "D0SECRET", "user": "U0ASKER",
               "text": "who is Araghchi?", "ts": "1700000050.000100"})
    slack.wait_for("chat.postMessage", 1)
    log = wait_for_log(web, "DEBUG")
    assert TOKEN not in log and SECRET not in log


def test_a_broken_base_stops_the_procfile_web_process_with_one_line(slack: FakeSlack, tmp_path: Path) -> None:
    env = server_env(slack, free_port())
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    env["FACTDESK_DB"] = str(broken)
    done = subprocess.run([sys.executable, "-m", "gunicorn", "-c", "python:bot.gunicorn_config", "bot.wsgi:application",
                           "--bind", f"127.0.0.1:{env['PORT']}", "--workers", "2"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "factdesk: error: cannot open the fact base" in done.stderr
    assert "Traceback" not in done.stderr
    assert broken.read_bytes() == b"this is not a database" * 100  # a worker never rebuilds it
