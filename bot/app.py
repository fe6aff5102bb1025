"""The Bolt app: one listener per registered command, DMs and mentions, a global error handler.

Listeners only translate: a Slack payload becomes a call on the :class:`~bot.core.Desk`, its
:class:`~bot.replies.Reply` is rendered by :func:`bot.render.to_slack` and sent back (the ack
body for a slash command, ``chat.postMessage`` for a DM or a mention). Every Slack-facing
process builds its app here, the console included.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from slack_bolt import Ack, App, BoltContext, BoltResponse, Say
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from bot.commands import COMMANDS
from bot.render import to_slack
from bot.settings import Mode, Settings, SettingsError

if TYPE_CHECKING:
    from bot.replies import Reply

APOLOGY = "Sorry, something went wrong while answering that. It has been logged; please try again."

log = logging.getLogger("factdesk")
ROOT_ENV = "FACTDESK_ROOT"  # the repository whose seeds/ and knowledge/ are served


class Answerer(Protocol):
    """What the adapter needs from the core (:class:`bot.core.Desk`)."""

    def command(self, name: str, text: str) -> Reply:
        """Answer ``/name text``."""

    def message(self, text: str) -> Reply:
        """Answer a plain-English message."""


class FactBaseUnavailable(Exception):
    """The fact base could not be built or opened; the message says how to see why."""


def open_desk() -> Answerer:
    """Open this process's own read-only fact base (built first when missing or stale), compiled
    from the repository ``$FACTDESK_ROOT`` names (default: this checkout) into ``$FACTDESK_DB``."""
    from pathlib import Path

    from bot.core import Desk
    from knowledge.compile import Paths
    from knowledge.store import FactBase

    root = os.environ.get(ROOT_ENV, "").strip()
    try:
        base = FactBase.open(paths=Paths(Path(root).resolve()) if root else None)
    except Exception as error:
        raise FactBaseUnavailable(f"cannot open the fact base ({type(error).__name__}: {error}); "
                                  "run `python -m knowledge build` for the full report") from error
    return Desk(base)


def build_app(
    desk: Answerer,
    *,
    client: WebClient,
    signing_secret: str | None,
    process_before_response: bool = False,
) -> App:
    """A Bolt app answering from ``desk``; ``client`` is its Web API client (bot token, base URL).

    ``signing_secret`` None turns request verification off (Socket Mode only).
    """
    app = App(
        name="factdesk",
        signing_secret=signing_secret,
        client=client,
        process_before_response=process_before_response,
        request_verification_enabled=signing_secret is not None,
    )
    register_listeners(app, desk)
    return app


def create_app(settings: Settings, desk: Answerer | None = None, *, mode: Mode | None = None) -> App:
    """The app for a served process (``mode`` HTTP or Socket Mode), talking to ``settings.api_url``.

    Bolt checks the bot token with ``auth.test`` here; a rejected token or an unreachable API is
    a :class:`SettingsError` that names the setting (never its value).
    """
    mode = mode or settings.mode
    settings.require(mode)
    client = WebClient(token=settings.bot_token, base_url=settings.api_url)
    desk = desk if desk is not None else open_desk()
    try:
        return build_app(desk, signing_secret=settings.signing_secret if mode == "http" else None, client=client)
    except BoltError as error:
        raise SettingsError(f"Slack rejected SLACK_BOT_TOKEN (auth.test at {settings.api_url}): "
                            f"{_api_error(error)}") from None
    except OSError as error:
        raise SettingsError(f"cannot reach the Slack Web API at {settings.api_url} (SLACK_API_URL): "
                            f"{getattr(error, 'reason', error)}") from None


def _api_error(error: BoltError) -> str:
    found = re.search(r"'error': '([a-z_]+)'", str(error))
    return found.group(1) if found else "the token is not valid"


def register_listeners(app: App, desk: Answerer) -> None:
    """Register one listener per registry command, DMs, mentions and the error handler."""
    for spec in COMMANDS:
        app.command(spec.slash)(_command_listener(desk, spec.name))
    app.event("message")(_dm_listener(desk))
    app.event("app_mention")(_mention_listener(desk))
    app.error(_on_error)


def _command_listener(desk: Answerer, name: str) -> Callable[..., None]:
    def answer_command(ack: Ack, command: dict[str, Any]) -> None:
        ack(to_slack(desk.command(name, command.get("text") or "")))

    answer_command.__name__ = f"answer_{name}"
    return answer_command


def _is_user_dm(event: dict[str, Any]) -> bool:
    return (event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")
            and isinstance(event.get("text"), str))


def _post(say: Say, reply: Reply, event: dict[str, Any]) -> None:
    payload = {k: v for k, v in to_slack(reply).items() if k != "response_type"}
    thread_ts = event.get("thread_ts")
    if thread_ts:
        payload["thread_ts"] = thread_ts
    say(**payload)


def _dm_listener(desk: Answerer) -> Callable[..., None]:
    def answer_dm(event: dict[str, Any], say: Say) -> None:
        if _is_user_dm(event):
            _post(say, desk.message(event["text"]), event)

    return answer_dm


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """``text`` without the bot's own ``<@BOTID>`` mention(s), whitespace collapsed."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>[,:]?", " ", text)
    return " ".join(text.split())


def _mention_listener(desk: Answerer) -> Callable[..., None]:
    def answer_mention(event: dict[str, Any], say: Say, context: BoltContext) -> None:
        if event.get("bot_id"):
            return
        _post(say, desk.message(strip_mention(event.get("text") or "", context.bot_user_id)), event)

    return answer_mention


def _on_error(error: Exception, body: dict[str, Any], client: WebClient, logger: logging.Logger) -> BoltResponse:
    """Log the failure and answer with a short apology, never a traceback."""
    kind = f"command {body['command']}" if body.get("command") else f"event {body.get('event', {}).get('type')}"
    logger.error("factdesk: listener failed on %s: %s", kind, type(error).__name__, exc_info=error)
    if body.get("command"):
        return BoltResponse(status=200, body=json.dumps({"response_type": "ephemeral", "text": APOLOGY}),
                            headers={"content-type": "application/json;charset=utf-8"})
    event = body.get("event") or {}
    if event.get("channel"):
        try:
            client.chat_postMessage(channel=event["channel"], text=APOLOGY, thread_ts=event.get("thread_ts"))
        except Exception as failure:  # the apology is best effort; the log line above already tells
            logger.error("factdesk: could not post the apology: %s", type(failure).__name__)
    return BoltResponse(status=200, body="")
