"""The offline console: a real backend that drives the very same Bolt app as Slack does.

Each input line becomes the payload Slack would send (a signed slash-command form body, or a
signed ``event_callback`` for a DM) and is dispatched through the app built by
:func:`bot.app.build_app`. What the app sends back is captured at the Web API boundary only:
the ack body of a command (when it holds a message), the answer it posts to the command's
``response_url``, and the ``chat.postMessage`` calls a listener makes. The app's own clients send
them as real HTTP requests to a reserved ``.invalid`` host whose transport (a urllib handler)
records them and answers like Slack. Answers run in the request's thread, so each line's replies
are complete when it returns. No token, no network.
"""

from __future__ import annotations

import atexit
import contextlib
import email
import http.client
import io
import itertools
import json
import re
import secrets
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qsl, urlencode
from urllib.request import Request
from urllib.response import addinfourl

from slack_bolt import App, BoltRequest, BoltResponse
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.app import Answerer, FactBaseUnavailable, build_app, open_desk
from bot.commands import COMMANDS, find_command
from bot.delivery import Pools
from bot.state import MemoryState

TEAM_ID = "T0CONSOLE"
USER_ID = "U0CONSOLE"
BOT_USER_ID = "U0FACTDESK"
BOT_ID = "B0FACTDESK"
DM_CHANNEL = "D0CONSOLE"
PUBLIC_CHANNEL = "C0CONSOLE"
API_APP_ID = "A0FACTDESK"
CONSOLE_TOKEN = "xoxb-console-offline"
MESSAGE_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update")
RESPONSE_URL = "response_url"

_ts_counter = itertools.count(1)


def _next_ts() -> str:
    return f"{int(time.time())}.{next(_ts_counter):06d}"


def web_api_answer(method: str, args: dict[str, Any]) -> dict[str, Any]:
    """What Slack's Web API answers to ``method`` called with ``args`` (the calls factdesk makes)."""
    if method == "auth.test":
        return {"ok": True, "url": "https://factdesk-console.slack.com/", "team": "factdesk console",
                "user": "factdesk", "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID,
                "is_enterprise_install": False}
    if method in MESSAGE_METHODS:
        if not args.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        if not (args.get("text") or args.get("blocks") or args.get("attachments")):
            return {"ok": False, "error": "no_text"}
        ts = _next_ts()
        message = {k: v for k, v in args.items() if k in ("text", "blocks", "attachments", "thread_ts")}
        message.update({"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts})
        return {"ok": True, "channel": args["channel"], "ts": ts, "message": message}
    return {"ok": False, "error": "unknown_method"}


def parse_api_body(body: bytes | None, content_type: str) -> dict[str, Any]:
    """The arguments of a Web API call from its request body (JSON or form-encoded)."""
    if not body:
        return {}
    text = body.decode("utf-8")
    if "json" in content_type:
        parsed = json.loads(text)
        return parsed if isinstance(parsed, dict) else {}
    return dict(parse_qsl(text, keep_blank_values=True))


class SlackStandIn:
    """Slack's Web API, in process: a urllib handler for one reserved ``.invalid`` host.

    The app's :class:`WebClient` builds and sends its real HTTP requests; only the transport is
    replaced. Requests to this host are recorded and answered like Slack; every other request
    passes through untouched.
    """

    def __init__(self) -> None:
        self.host = f"console-{secrets.token_hex(6)}.slack.invalid"
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._lock = threading.Lock()
        _OPENER.standins[self.host] = self

    @property
    def api_url(self) -> str:
        """The base URL to give a :class:`WebClient` so that its calls come here."""
        return f"https://{self.host}/api/"

    def response_url(self, trigger: str) -> str:
        """A slash command's ``response_url`` whose posts come here."""
        return f"https://{self.host}/commands/{TEAM_ID}/{trigger}/console"

    def respond(self, req: Request) -> addinfourl:
        """Record one Web API call and answer it as Slack would."""
        path = req.full_url.split("?", 1)[0].split(self.host, 1)[-1]
        method = RESPONSE_URL if path.startswith("/commands/") else path.rsplit("/", 1)[-1]
        data = req.data if isinstance(req.data, bytes) else None
        args = parse_api_body(data, req.get_header("Content-type") or "")
        with self._lock:
            self.calls.append((method, args))
        if method == RESPONSE_URL:
            body, kind = b"ok", "text/html"
        else:
            body, kind = json.dumps(web_api_answer(method, args)).encode(), "application/json; charset=utf-8"
        headers = email.message_from_string(f"Content-Type: {kind}\n", _class=http.client.HTTPMessage)
        return _Answer(io.BytesIO(body), headers, req.full_url, 200)


class _Answer(addinfourl):
    msg = "OK"


class _StandInOpener(urllib.request.BaseHandler):
    handler_order = 50  # before urllib's proxy handler, so a proxy setting cannot divert the host

    def __init__(self) -> None:
        self.standins: dict[str, SlackStandIn] = {}
        self.installed = False

    def https_open(self, req: Request) -> addinfourl | None:
        standin = self.standins.get(req.host)
        return standin.respond(req) if standin else None

    def install(self) -> None:
        if not self.installed:
            urllib.request.install_opener(urllib.request.build_opener(self))
            self.installed = True


_OPENER = _StandInOpener()


class Console:
    """A Slack workspace of one user and one DM, in process, in front of the real app."""

    def __init__(self, desk: Answerer | None = None) -> None:
        if desk is None:
            with contextlib.redirect_stdout(sys.stderr):
                desk = open_desk()
        self.signing_secret = secrets.token_hex(32)
        self.slack = SlackStandIn()
        _OPENER.install()
        client = WebClient(token=CONSOLE_TOKEN, base_url=self.slack.api_url)
        self.app: App = build_app(desk, signing_secret=self.signing_secret, client=client,
                                  state=MemoryState(), pools=Pools.inline())
        self.last_status = 200

    def send(self, line: str) -> list[dict[str, Any]]:
        """The messages the app sends in reply to ``line``: a slash command if it starts with ``/``, else a DM."""
        return self.deliver(self.request(line))

    def command(self, name: str, text: str) -> list[dict[str, Any]]:
        """Run ``/name text`` as Slack would send it; the reply is what the app posts to its response_url."""
        return self.deliver(self.command_request(name, text))

    def dm(self, text: str, *, thread_ts: str | None = None) -> list[dict[str, Any]]:
        """Send ``text`` as a direct message (a ``message.im`` event)."""
        event: dict[str, Any] = {"type": "message", "channel_type": "im", "channel": DM_CHANNEL,
                                 "user": USER_ID, "text": text}
        return self.deliver(self.event_request(event, thread_ts))

    def mention(self, text: str, *, thread_ts: str | None = None) -> list[dict[str, Any]]:
        """Mention the bot in a channel (an ``app_mention`` event): ``<@BOT> text``."""
        event: dict[str, Any] = {"type": "app_mention", "channel": PUBLIC_CHANNEL, "user": USER_ID,
                                 "text": f"<@{BOT_USER_ID}> {text}"}
        return self.deliver(self.event_request(event, thread_ts))

    def request(self, line: str) -> BoltRequest:
        """The signed request Slack would send for ``line`` (a slash command, else a DM)."""
        line = line.strip()
        if line.startswith("/"):
            name, _, text = line[1:].partition(" ")
            return self.command_request(name, text)
        return self.event_request({"type": "message", "channel_type": "im", "channel": DM_CHANNEL,
                                   "user": USER_ID, "text": line}, None)

    def command_request(self, name: str, text: str) -> BoltRequest:
        """A slash command's signed form body, as Slack posts it."""
        trigger = f"{next(_ts_counter)}.console"
        form = {"token": "console", "team_id": TEAM_ID, "team_domain": "factdesk-console",
                "channel_id": DM_CHANNEL, "channel_name": "directmessage", "user_id": USER_ID,
                "user_name": "you", "command": f"/{name.lower()}", "text": text.strip(),
                "api_app_id": API_APP_ID, "is_enterprise_install": "false",
                "response_url": self.slack.response_url(trigger), "trigger_id": trigger}
        return self._signed(urlencode(form), "application/x-www-form-urlencoded")

    def event_request(self, event: dict[str, Any], thread_ts: str | None) -> BoltRequest:
        """An Events API ``event_callback`` carrying ``event``, signed, as Slack posts it."""
        ts = _next_ts()
        event = event | {"ts": ts, "event_ts": ts, "team": TEAM_ID}
        if thread_ts:
            event["thread_ts"] = thread_ts
        body = {"token": "console", "team_id": TEAM_ID, "api_app_id": API_APP_ID, "event": event,
                "type": "event_callback", "event_id": f"Ev{next(_ts_counter):08d}", "event_time": int(time.time()),
                "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True,
                                    "is_enterprise_install": False}],
                "is_ext_shared_channel": False, "event_context": "console"}
        return self._signed(json.dumps(body), "application/json")

    def _signed(self, body: str, content_type: str) -> BoltRequest:
        timestamp = str(int(time.time()))
        signature = SignatureVerifier(self.signing_secret).generate_signature(timestamp=timestamp, body=body)
        headers: dict[str, str | Sequence[str]] = {"content-type": content_type, "x-slack-request-timestamp": timestamp,
                                                   "x-slack-signature": signature or ""}
        return BoltRequest(body=body, headers=headers)

    def deliver(self, request: BoltRequest) -> list[dict[str, Any]]:
        """Dispatch ``request`` through the app; the ack body (if it is a message) and the messages it posted."""
        self.slack.calls.clear()
        response: BoltResponse = self.app.dispatch(request)
        self.last_status = response.status
        messages = []
        if response.status == 200 and response.body and response.body.lstrip().startswith("{"):
            messages.append(json.loads(response.body))
        messages += [args for method, args in self.slack.calls if method in (*MESSAGE_METHODS, RESPONSE_URL)]
        return messages


_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
_STYLES = [(re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), "bold"),
           (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), "italic"),
           (re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])"), "strike"),
           (re.compile(r"`([^`\n]+)`"), "code")]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANSI = {"bold": ("\x1b[1m", "\x1b[0m"), "italic": ("\x1b[3m", "\x1b[0m"), "strike": ("", ""), "code": ("", "")}


def _link(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if target.startswith(("@", "#")):
        return (target[0] + label) if label else target
    if target.startswith("!"):
        return label or "@" + target[1:].split("^")[0]
    return f"{label} ({target})" if label and label != target else target


def _styled(start: str, end: str) -> Callable[[re.Match[str]], str]:
    return lambda match: f"{start}{match.group(1)}{end}"


def plain(mrkdwn: str, *, color: bool = False) -> str:
    """Slack mrkdwn as terminal text: links spelled out, styling dropped (or ANSI), entities unescaped."""
    text = _LINK.sub(_link, _CONTROL.sub("", mrkdwn.replace("\u200b", "")))
    for pattern, style in _STYLES:
        start, end = _ANSI[style] if color else ("", "")
        text = pattern.sub(_styled(start, end), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _block_lines(block: dict[str, Any], color: bool) -> list[str]:
    kind = block.get("type")
    if kind == "divider":
        return ["─" * 40]
    if kind in ("header", "section"):
        lines = [plain(block["text"]["text"], color=color)] if block.get("text") else []
        lines += [plain(field["text"], color=color) for field in block.get("fields", [])]
        return lines
    if kind == "context":
        return [" · ".join(plain(el.get("text", el.get("alt_text", "")), color=color)
                           for el in block.get("elements", []))]
    return [plain(str(block.get("text", "")), color=color)] if block.get("text") else []


def readable(message: dict[str, Any], *, color: bool = False) -> str:
    """One Slack message payload as terminal text (its blocks, else its fallback ``text``)."""
    lines = ["(only visible to you)"] if message.get("response_type") == "ephemeral" else []
    blocks = message.get("blocks") or []
    if blocks:
        for block in blocks:
            lines += _block_lines(block, color)
    else:
        lines.append(plain(message.get("text", ""), color=color))
    return "\n".join(lines)


def _lines(stream: TextIO) -> Iterator[str]:
    for raw in stream:
        line = raw.strip()
        if line:
            yield line


def _unknown_command(line: str) -> str | None:
    if not line.startswith("/"):
        return None
    name = line[1:].split(" ", 1)[0]
    if find_command(name):
        return None
    known = ", ".join(spec.slash for spec in COMMANDS)
    return f"/{name} is not a command of this app (Slack would refuse it). Try {known}, or just ask."


def run_json(console: Console, lines: Iterable[str], out: TextIO) -> None:
    """For each line, print one JSON line: the input and the Slack message payloads sent in reply."""
    for line in lines:
        record: dict[str, Any] = {"input": line}
        problem = _unknown_command(line)
        record["messages"] = [] if problem else console.send(line)
        if problem:
            record["error"] = problem
        elif console.last_status != 200:
            record["error"] = f"the app answered HTTP {console.last_status}"
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def answer_text(console: Console, line: str, *, color: bool = False) -> str:
    """What the user would read in Slack after sending ``line``, as terminal text."""
    problem = _unknown_command(line)
    if problem:
        return problem
    messages = console.send(line)
    if not messages:
        return f"(no reply: the app answered HTTP {console.last_status})"
    return "\n\n".join(readable(message, color=color) for message in messages)


def run_piped(console: Console, lines: Iterable[str], out: TextIO) -> None:
    """For each line, print it after ``>`` and the reply as readable text."""
    for line in lines:
        out.write(f"> {line}\n{answer_text(console, line)}\n\n")
        out.flush()


def _setup_readline() -> None:
    try:
        import readline
    except ImportError:  # no line editing on this platform; input() still works
        return
    history = Path.home() / ".factdesk_history"
    with contextlib.suppress(OSError):
        readline.read_history_file(history)
    readline.set_history_length(1000)

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(history)

    atexit.register(save)
    words = [spec.slash for spec in COMMANDS]

    def complete(text: str, state: int) -> str | None:
        matches = [w + " " for w in words if w.startswith(text)]
        return matches[state] if state < len(matches) else None

    readline.set_completer(complete)
    readline.set_completer_delims(" \t\n")
    readline.parse_and_bind("tab: complete")


def run_interactive(console: Console) -> None:
    """A prompt with line editing and history; Ctrl-D (or ``quit``) leaves."""
    _setup_readline()
    print("factdesk console: the same Bolt app as in Slack, offline.")
    for spec in COMMANDS:
        print(f"  {spec.usage:40} {spec.description}")
    print("Anything else is a direct message to the bot. Ctrl-D leaves.\n")
    while True:
        try:
            line = input("factdesk> ").strip()
        except EOFError:
            print()
            return
        except KeyboardInterrupt:
            print()
            continue
        if line in ("quit", "exit"):
            return
        if line:
            print(answer_text(console, line, color=True) + "\n")


def main(argv: list[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """``python -m bot console [--json]``: interactive on a terminal, one line per message when piped."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bot console", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true",
                        help="print one JSON line per input: {input, messages} (the Slack payloads sent)")
    args = parser.parse_args(argv)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    try:
        console = Console()
    except FactBaseUnavailable as error:
        print(f"factdesk: error: {error}", file=sys.stderr)
        return 1
    if args.json:
        run_json(console, _lines(stdin), stdout)
    elif stdin.isatty() and stdout.isatty():
        run_interactive(console)
    else:
        run_piped(console, _lines(stdin), stdout)
    return 0
