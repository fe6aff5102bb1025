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
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
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
from bot.slack_payloads import (
    Pressable,
    app_home_opened,
    block_actions,
    bolt_safe_form,
    interactive_body,
    pressables,
    report_values,
    view_submission,
)
from bot.state import MemoryState
from knowledge.feedback import PROBLEMS, FeedbackStore, default_feedback_location

TEAM_ID = "T0CONSOLE"
USER_ID = "U0CONSOLE"
BOT_USER_ID = "U0FACTDESK"
BOT_ID = "B0FACTDESK"
DM_CHANNEL = "D0CONSOLE"
PUBLIC_CHANNEL = "C0CONSOLE"
API_APP_ID = "A0FACTDESK"
CONSOLE_TOKEN = "xoxb-console-offline"
MESSAGE_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update")
VIEW_METHODS = ("views.open", "views.publish", "views.update")
UPLOAD = "file upload"
RESPONSE_URL = "response_url"

_ts_counter = itertools.count(1)


def _next_ts() -> str:
    return f"{int(time.time())}.{next(_ts_counter):06d}"


def web_api_answer(method: str, args: dict[str, Any], *, upload_base: str = "https://files.slack.invalid/upload/",
                   history: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """What Slack's Web API answers to ``method`` called with ``args`` (the calls factdesk makes).

    ``upload_base`` is where ``files.getUploadURLExternal`` sends the file's bytes; ``history``
    (when given) keeps the messages posted, so ``conversations.replies`` can read a thread back.
    """
    if method == "auth.test":
        return {"ok": True, "url": "https://factdesk-console.slack.com/", "team": "factdesk console",
                "user": "factdesk", "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID,
                "is_enterprise_install": False}
    if method in MESSAGE_METHODS:
        if not args.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        if not (args.get("text") or args.get("blocks") or args.get("attachments")):
            return {"ok": False, "error": "no_text"}
        ts = str(args["ts"]) if method == "chat.update" and args.get("ts") else _next_ts()
        message = {k: v for k, v in args.items() if k in ("text", "blocks", "attachments", "thread_ts", "metadata")}
        if isinstance(message.get("metadata"), str):
            message["metadata"] = json.loads(message["metadata"])
        message.update({"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts})
        if history is not None and method != "chat.postEphemeral":
            kept = [old for old in history if not (old["ts"] == ts and old["channel"] == args["channel"])]
            kept.append(message | {"channel": args["channel"]})
            history[:] = kept
        return {"ok": True, "channel": args["channel"], "ts": ts, "message": message}
    if method == "conversations.replies":
        if not args.get("channel") or not args.get("ts"):
            return {"ok": False, "error": "invalid_arguments"}
        thread = [{k: v for k, v in message.items() if k != "channel"} for message in history or []
                  if message["channel"] == args["channel"] and args["ts"] in (message["ts"], message.get("thread_ts"))]
        return {"ok": True, "messages": thread, "has_more": False}
    if method in VIEW_METHODS:
        view = args.get("view")
        view = json.loads(view) if isinstance(view, str) else view
        if not isinstance(view, dict) or not view.get("blocks"):
            return {"ok": False, "error": "invalid_arguments"}
        if method == "views.open" and not args.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        if method == "views.publish" and not args.get("user_id"):
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "view": view | {"id": f"V{next(_ts_counter):08d}"}}
    if method == "files.getUploadURLExternal":
        if not args.get("filename") or not str(args.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(_ts_counter):08d}"
        return {"ok": True, "file_id": file_id, "upload_url": f"{upload_base}{file_id}"}
    if method == "files.completeUploadExternal":
        files = json.loads(args.get("files") or "[]")
        if not files:
            return {"ok": False, "error": "invalid_arguments"}
        return {"ok": True, "files": [{"id": entry["id"], "title": entry.get("title")} for entry in files]}
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
        self.answers: list[dict[str, Any]] = []  # what each call of ``calls`` was answered, in step
        self.uploads: dict[str, bytes] = {}
        self.history: list[dict[str, Any]] = []
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
        method = (RESPONSE_URL if path.startswith("/commands/") else UPLOAD if path.startswith("/upload/")
                  else path.rsplit("/", 1)[-1])
        data = req.data if isinstance(req.data, bytes) else None
        if method == UPLOAD:
            args: dict[str, Any] = {"file_id": path.rsplit("/", 1)[-1], "bytes": len(data or b"")}
            self.uploads[args["file_id"]] = data or b""
        else:
            args = parse_api_body(data, req.get_header("Content-type") or "")
            if "?" in req.full_url:
                args = dict(parse_qsl(req.full_url.split("?", 1)[1], keep_blank_values=True)) | args
        answer: dict[str, Any] = {"ok": True}
        if method in (RESPONSE_URL, UPLOAD):
            body, kind = b"ok", "text/html"
        else:
            with self._lock:
                answer = web_api_answer(method, args, upload_base=f"https://{self.host}/upload/", history=self.history)
            body, kind = json.dumps(answer).encode(), "application/json; charset=utf-8"
        with self._lock:
            self.calls.append((method, args))
            self.answers.append(answer)
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


@dataclass
class Shown:
    """A message as the console's user sees it: where it is, and whether only they see it."""

    message: dict[str, Any]
    channel: str
    ts: str
    ephemeral: bool
    response_url: str


CONSOLE_SYNTAX = """\
Console commands (Slack actions, typed):
  /timeline 2024 …      a slash command (answered to you first, with a "Post to channel" button)
  any other text        a direct message to the bot
  !N                    press button or menu option [N] of a reply shown above ("!3")
  !home                 open the bot's Home tab (app_home_opened)
  !mention TEXT         mention the bot in a channel; it answers in a thread under the mention
  !thread TEXT          say TEXT, mentioning the bot, in the thread of the last mention
  !submit KIND [TEXT]   submit the open "Report a problem" form; KIND is one of: {kinds}
  !help                 this list"""


class Console:
    """A Slack workspace of one user, a DM and a channel, in process, in front of the real app."""

    def __init__(self, desk: Answerer | None = None, *, feedback: str | Path | None = None,
                 private_answers: bool = True) -> None:
        if desk is None:
            with contextlib.redirect_stdout(sys.stderr):
                desk = open_desk()
        self.signing_secret = secrets.token_hex(32)
        self.slack = SlackStandIn()
        _OPENER.install()
        client = WebClient(token=CONSOLE_TOKEN, base_url=self.slack.api_url)
        feedback_location = feedback or default_feedback_location()
        self.app: App = build_app(desk, signing_secret=self.signing_secret, client=client,
                                  state=MemoryState(), pools=Pools.inline(),
                                  feedback=lambda: FeedbackStore(feedback_location), private_answers=private_answers)
        self.last_status = 200
        self.pressables: list[tuple[Pressable, Shown]] = []  # every button and menu option shown, [1] first
        self.shown: list[Shown] = []  # the messages of the last reply
        self.views: list[dict[str, Any]] = []  # views opened or published by the last reply
        self.files: list[dict[str, Any]] = []  # pictures uploaded by the last reply
        self.payload: dict[str, Any] | None = None  # the interactive payload the last line sent
        self.modal: dict[str, Any] | None = None
        self.thread: tuple[str, str] | None = None
        self._messages: dict[tuple[str, str], Shown] = {}
        self._pictures = Path(tempfile.mkdtemp(prefix="factdesk-console-"))

    def send(self, line: str) -> list[dict[str, Any]]:
        """The messages the app sends in reply to ``line``: a slash command if it starts with ``/``, a
        console command if it starts with ``!`` (see :data:`CONSOLE_SYNTAX`), else a DM."""
        line = line.strip()
        if line.startswith("!"):
            return self.console_command(line)
        return self.deliver(self.request(line))

    def console_command(self, line: str) -> list[dict[str, Any]]:
        """Run one ``!`` line: press a button, open the home tab, mention, answer in a thread, submit a form."""
        word, _, rest = line[1:].partition(" ")
        word, rest = word.lower(), rest.strip()
        if word.isdigit():
            return self.press(int(word))
        if word == "home":
            return self.open_home()
        if word == "mention":
            return self.mention(rest)
        if word == "thread":
            if self.thread is None:
                raise ConsoleError("no thread yet: !mention the bot first")
            return self.mention(rest, thread_ts=self.thread[1])
        if word == "submit":
            kind, _, details = rest.partition(" ")
            return self.submit(kind, details)
        raise ConsoleError(f"unknown console command !{word}; type !help")

    def press(self, number: int) -> list[dict[str, Any]]:
        """Press button or menu option ``[number]``, as Slack would send it (a signed ``block_actions``)."""
        if not 1 <= number <= len(self.pressables):
            raise ConsoleError(f"there is no [{number}] to press" + (
                f" (1–{len(self.pressables)})" if self.pressables else " yet"))
        pressed, shown = self.pressables[number - 1]
        trigger = f"{next(_ts_counter)}.console"
        payload = block_actions(pressed, shown.message, team=TEAM_ID, user=USER_ID, app=API_APP_ID,
                                channel=shown.channel, message_ts=shown.ts, is_ephemeral=shown.ephemeral,
                                response_url=shown.response_url or self.slack.response_url(trigger),
                                trigger_id=trigger)
        return self.deliver(self._signed(interactive_body(payload), "application/x-www-form-urlencoded"),
                            payload=payload, source=shown)

    def open_home(self) -> list[dict[str, Any]]:
        """Open the bot's Home tab: the ``app_home_opened`` event; the app publishes the view."""
        return self.deliver(self.event_request(app_home_opened(USER_ID, DM_CHANNEL), None))

    def submit(self, kind: str, details: str = "") -> list[dict[str, Any]]:
        """Submit the open modal ("Report a problem") with the problem ``kind`` and ``details``."""
        if self.modal is None:
            raise ConsoleError("no form is open: press a fact's “Report a problem” first")
        payload = view_submission(self.modal, report_values(kind, details), team=TEAM_ID, user=USER_ID,
                                  app=API_APP_ID, trigger_id=f"{next(_ts_counter)}.console")
        return self.deliver(self._signed(interactive_body(payload), "application/x-www-form-urlencoded"),
                            payload=payload)

    def command(self, name: str, text: str) -> list[dict[str, Any]]:
        """Run ``/name text`` as Slack would send it; the reply is what the app posts to its response_url."""
        return self.deliver(self.command_request(name, text))

    def dm(self, text: str, *, thread_ts: str | None = None) -> list[dict[str, Any]]:
        """Send ``text`` as a direct message (a ``message.im`` event)."""
        event: dict[str, Any] = {"type": "message", "channel_type": "im", "channel": DM_CHANNEL,
                                 "user": USER_ID, "text": text}
        return self.deliver(self.event_request(event, thread_ts))

    def mention(self, text: str, *, thread_ts: str | None = None) -> list[dict[str, Any]]:
        """Mention the bot in a channel (an ``app_mention`` event): ``<@BOT> text``; the answer's thread
        becomes the one ``!thread`` speaks in."""
        event: dict[str, Any] = {"type": "app_mention", "channel": PUBLIC_CHANNEL, "user": USER_ID,
                                 "text": f"<@{BOT_USER_ID}> {text}"}
        messages = self.deliver(self.event_request(event, thread_ts))
        threaded = [message["thread_ts"] for message in messages if message.get("thread_ts")]
        if threaded:
            self.thread = (PUBLIC_CHANNEL, threaded[-1])
        return messages

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
        return self._signed(bolt_safe_form(urlencode(form)), "application/x-www-form-urlencoded")

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

    def deliver(self, request: BoltRequest, *, payload: dict[str, Any] | None = None,
                source: Shown | None = None) -> list[dict[str, Any]]:
        """Dispatch ``request`` through the app; the ack body (if it is a message) and the messages it posted.

        Views it opened or published and pictures it uploaded are kept in :attr:`views` and
        :attr:`files`; every button of the messages gets its number in :attr:`pressables`.
        """
        with self.slack._lock:
            self.slack.calls.clear()
            self.slack.answers.clear()
        self.payload, self.views, self.files, self.shown = payload, [], [], []
        response: BoltResponse = self.app.dispatch(request)
        self.last_status = response.status
        messages: list[dict[str, Any]] = []
        acked = json.loads(response.body) if response.status == 200 and response.body.lstrip().startswith("{") \
            else None
        if acked and acked.get("response_action") in ("update", "push") and isinstance(acked.get("view"), dict):
            self.modal = acked["view"] if acked["view"].get("callback_id") else None
            self.views.append(acked["view"])
        elif acked and acked.get("response_action") == "errors":
            self.views.append({"type": "modal", "blocks": [], "errors": acked.get("errors")})
        elif acked:
            messages.append(acked)
        for (method, args), answer in zip(self.slack.calls, self.slack.answers, strict=True):
            if method in (*MESSAGE_METHODS, RESPONSE_URL):
                messages.append(args)
                self._show(method, args, answer, source)
            elif method in VIEW_METHODS and answer.get("ok"):
                self.views.append(answer["view"])
                if method == "views.open":
                    self.modal = answer["view"]
            elif method == "files.completeUploadExternal" and answer.get("ok"):
                self.files += self._pictures_of(args)
        return messages

    def _show(self, method: str, message: dict[str, Any], answer: dict[str, Any], source: Shown | None) -> None:
        """Keep a message the app sent where the user sees it, and number its buttons."""
        if method == RESPONSE_URL and (message.get("delete_original") or message.get("replace_original")) \
                and source is not None:
            self._messages.pop((source.channel, source.ts), None)
            if message.get("delete_original"):
                return
        if method == "chat.update":
            key = (str(message.get("channel")), str(message.get("ts")))
        elif method == RESPONSE_URL:
            replaced = message.get("replace_original") and source is not None
            key = (source.channel, source.ts) if replaced and source else (DM_CHANNEL, _next_ts())
        else:
            key = (str(answer.get("channel") or message.get("channel")), str(answer.get("ts") or _next_ts()))
        ephemeral = (method == RESPONSE_URL and message.get("response_type") != "in_channel"
                     and not (source is not None and not source.ephemeral and message.get("replace_original")))
        shown = Shown(message, key[0], key[1], ephemeral,
                      source.response_url if source is not None and method == RESPONSE_URL else "")
        self._messages[key] = shown
        self.shown.append(shown)
        self.pressables += [(pressed, shown) for pressed in pressables(message)]

    def _pictures_of(self, args: dict[str, Any]) -> list[dict[str, Any]]:
        pictures = []
        for entry in json.loads(args.get("files") or "[]"):
            data = self.slack.uploads.get(entry["id"], b"")
            path = self._pictures / f"{entry['id']}.png"
            path.write_bytes(data)
            pictures.append({"id": entry["id"], "title": entry.get("title"), "channel": args.get("channel_id"),
                             "thread_ts": args.get("thread_ts"), "initial_comment": args.get("initial_comment"),
                             "bytes": len(data), "png": data.startswith(b"\x89PNG"), "path": str(path)})
        return pictures

    def numbers(self, message: dict[str, Any]) -> list[int]:
        """The console numbers of ``message``'s buttons and menu options, in reading order."""
        return [number for number, (_, shown) in enumerate(self.pressables, 1) if shown.message is message]


class ConsoleError(Exception):
    """A console line that cannot be carried out (no such button, no open form); the message says why."""


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


def _buttons(labels: list[str], numbers: Iterator[int] | None) -> str:
    return " ".join(f"[{next(numbers)} {label}]" if numbers is not None else f"[{label}]" for label in labels)


def _block_lines(block: dict[str, Any], color: bool, numbers: Iterator[int] | None = None) -> list[str]:
    kind = block.get("type")
    if kind == "divider":
        return ["─" * 40]
    if kind in ("header", "section"):
        lines = [plain(block["text"]["text"], color=color)] if block.get("text") else []
        lines += [plain(field["text"], color=color) for field in block.get("fields", [])]
        accessory = block.get("accessory") or {}
        if accessory.get("type") == "overflow":
            lines.append("   ⋯ " + _buttons([option["text"]["text"] for option in accessory["options"]], numbers))
        elif accessory.get("type") == "button":
            lines.append("   " + _buttons([accessory["text"]["text"]], numbers))
        return lines
    if kind == "context":
        return [" · ".join(plain(el.get("text", el.get("alt_text", "")), color=color)
                           for el in block.get("elements", []))]
    if kind == "actions":
        return [_buttons([element["text"]["text"] for element in block.get("elements", [])
                          if element.get("type") == "button"], numbers)]
    if kind == "input":
        return [f"{block['label']['text']}: ({block['element']['type'].replace('_', ' ')})"]
    return [plain(str(block.get("text", "")), color=color)] if block.get("text") else []


def readable(message: dict[str, Any], *, color: bool = False, numbers: Iterable[int] | None = None) -> str:
    """One Slack message payload (or view) as terminal text: its blocks, else its fallback ``text``.

    Buttons and menu options show as ``[label]``, or ``[N label]`` with the console's ``numbers``.
    """
    counter = iter(numbers) if numbers is not None else None
    if message.get("delete_original"):
        return "(the private answer is removed)"
    lines = ["(only visible to you)"] if message.get("response_type") == "ephemeral" else []
    if message.get("thread_ts"):
        lines.append(f"(in the thread of {message['thread_ts']})")
    if message.get("type") == "home":
        lines.append("(Home tab)")
    elif message.get("type") == "modal":
        lines.append(f"(form: {message.get('title', {}).get('text', '')})")
    blocks = message.get("blocks") or []
    if blocks:
        for block in blocks:
            lines += _block_lines(block, color, counter)
    else:
        lines.append(plain(message.get("text", ""), color=color))
    return "\n".join(lines)


def _view_text(console: Console, view: dict[str, Any], color: bool) -> str:
    if view.get("errors"):
        return "The form was sent back: " + "; ".join(str(error) for error in view["errors"].values())
    text = readable(view, color=color, numbers=console.numbers(view))
    if view.get("type") == "modal" and view.get("callback_id"):
        text += f"\n(fill it in with: !submit KIND details — KIND one of {', '.join(PROBLEMS)})"
    return text


def _picture_text(picture: dict[str, Any]) -> str:
    where = f" in the thread {picture['thread_ts']}" if picture.get("thread_ts") else ""
    return (f"(picture posted to {picture['channel']}{where}: {picture['title']}, {picture['bytes']:,} bytes of PNG, "
            f"saved as {picture['path']})\n{plain(picture.get('initial_comment') or '')}")


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


def _console_problem(console: Console, line: str) -> str | None:
    """Why ``line`` cannot be sent (an unknown slash command), or None."""
    return _unknown_command(line)


def _send(console: Console, line: str) -> tuple[list[dict[str, Any]], str | None]:
    """The messages sent in reply to ``line``, and the problem when nothing could be sent."""
    problem = _console_problem(console, line)
    if problem or line.strip().lower() in ("!help", "!"):
        return [], problem
    try:
        return console.send(line), None
    except ConsoleError as error:
        return [], str(error)


def run_json(console: Console, lines: Iterable[str], out: TextIO) -> None:
    """For each line, print one JSON line: the input and the Slack message payloads sent in reply.

    A line that presses a button or submits a form also prints ``payload`` (the interactive
    payload sent); views opened or published are in ``views``, uploaded pictures in ``files``.
    """
    for line in lines:
        record: dict[str, Any] = {"input": line}
        messages, problem = _send(console, line)
        record["messages"] = messages
        if problem:
            record["error"] = problem
        elif line.strip().lower() in ("!help", "!"):
            record["help"] = CONSOLE_SYNTAX.format(kinds=", ".join(PROBLEMS))
        elif console.last_status != 200:
            record["error"] = f"the app answered HTTP {console.last_status}"
        if not problem:
            for key, value in (("payload", console.payload), ("views", console.views), ("files", console.files)):
                if value:
                    record[key] = value
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def answer_text(console: Console, line: str, *, color: bool = False) -> str:
    """What the user would read in Slack after sending ``line``, as terminal text (buttons numbered)."""
    if line.strip().lower() in ("!help", "!"):
        return CONSOLE_SYNTAX.format(kinds=", ".join(PROBLEMS))
    messages, problem = _send(console, line)
    if problem:
        return problem
    parts = [readable(message, color=color, numbers=console.numbers(message) or None) for message in messages]
    parts += [_view_text(console, view, color) for view in console.views]
    parts += [_picture_text(picture) for picture in console.files]
    if not parts:
        return f"(no reply: the app answered HTTP {console.last_status})"
    return "\n\n".join(parts)


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
    print("Anything else is a direct message to the bot. !N presses button [N]; !help lists the console's "
          "commands. Ctrl-D leaves.\n")
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
