"""The Bolt app: one listener per registered command, DMs and mentions, a global error handler.

Listeners only translate: a Slack payload becomes a call on the :class:`~bot.core.Desk`, its
:class:`~bot.replies.Reply` is rendered by :func:`bot.render.to_slack` and sent back. A slash
command is acked at once (Slack allows 3 s) and answered on the command pool through its
``response_url``; a DM or a mention is answered on the event pool with ``chat.postMessage``.
Each delivery is answered at most once: a global middleware claims its ``event_id`` (events) or
``trigger_id`` (commands) in the shared :mod:`bot.state` store, so Slack's retries and replayed
requests cause nothing (a button press or a form submission by its ``trigger_id`` too). Every
Slack-facing process builds its app here, the console included.

Slash-command answers go to the asker first, with a "Post to channel" button (``FACTDESK_ANSWERS``);
a mention is answered in a thread under it, and a question in the thread of an answer follows up on
it. Posted answers carry their query as message metadata. ``/timeline … chart`` and "show me a
timeline of …" upload a picture. Buttons, the fact menu, the report form and the home tab are the
listeners of :mod:`bot.interactive`, registered here.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from slack_bolt import Ack, App, BoltContext, BoltResponse
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from bot.chart import chart_argument, chart_question
from bot.commands import COMMANDS
from bot.delivery import Pools, post_message, post_response, web_client
from bot.interactive import NativeDesk, Natives, previous_answer, register_natives
from bot.render import answer_metadata, escape, to_slack
from bot.settings import Mode, Settings, SettingsError
from bot.state import SharedState, State
from knowledge.feedback import FeedbackStore
from knowledge.shared_store import StoreUnavailable, is_server

if TYPE_CHECKING:
    from bot.replies import Reply

APOLOGY = "Sorry, something went wrong while answering that. It has been logged; please try again."
BUSY = "factdesk is answering many questions at once; please ask again in a moment."
MAX_QUESTION = 2000
TRUNCATED = "(Only the first {limit:,} of {length:,} characters of the question were read.)"
ONCE_TTL = 2 * 60 * 60  # Slack retries an event for about an hour; a replay is refused after 5 minutes anyway

log = logging.getLogger("factdesk")


class Answerer(Protocol):
    """What the adapter needs from the core (:class:`bot.core.Desk`)."""

    def command(self, name: str, text: str) -> Reply:
        """Answer ``/name text``."""

    def message(self, text: str) -> Reply:
        """Answer a plain-English message."""


class FactBaseUnavailable(Exception):
    """The fact base could not be built or opened; the message says how to see why."""


def open_desk(settings: Settings | None = None, *, rebuild: bool = True) -> Answerer:
    """Open this process's own read-only fact base, compiled from the repository ``FACTDESK_ROOT``
    names (default: this checkout) into ``FACTDESK_DB``; built first when missing or stale unless
    ``rebuild`` is False (a gunicorn worker serves what the release step built, or refuses to start)."""
    from bot.core import Desk
    from knowledge.paths import Paths
    from knowledge.store import FactBase, serving_paths

    paths = Paths(settings.root.resolve()) if settings and settings.root else serving_paths()
    try:
        base = FactBase.open(settings.db_path if settings else None, paths=paths, rebuild=rebuild)
    except Exception as error:
        raise FactBaseUnavailable(f"cannot open the fact base ({type(error).__name__}: {_first_line(error)}); "
                                  "run `python -m knowledge build` for the full report") from error
    return Desk(base)


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [""])[0]


def build_app(
    desk: Answerer,
    *,
    client: WebClient,
    signing_secret: str | None,
    state: State,
    pools: Pools,
    api_timeout: float = 10.0,
    feedback: Callable[[], FeedbackStore] | None = None,
    private_answers: bool = True,
) -> App:
    """A Bolt app answering from ``desk``; ``client`` is its Web API client (bot token, base URL).

    ``signing_secret`` None turns request verification off (Socket Mode only). ``state`` is the
    store that makes each delivery answered once; ``pools`` run the answers. ``feedback`` opens
    the store of readers' reports (``FACTDESK_FEEDBACK``); ``private_answers`` shows slash-command
    answers to the asker first, with a "Post to channel" button (``FACTDESK_ANSWERS``).
    """
    app = App(
        name="factdesk",
        signing_secret=signing_secret,
        client=client,
        process_before_response=True,
        request_verification_enabled=signing_secret is not None,
    )
    app.use(_once_only(state))
    natives = None
    base = getattr(desk, "base", None)
    if base is not None:  # a desk over a fact base (not a stand-in core) gets buttons, the home tab, pictures
        natives = Natives(cast("NativeDesk", desk), feedback or FeedbackStore, submit=pools.events.submit,
                          private_answers=private_answers)
        register_natives(app, natives)
    register_listeners(app, _Answering(desk, client, pools, api_timeout, natives, private_answers))
    return app


def create_app(settings: Settings, desk: Answerer | None = None, *, mode: Mode | None = None,
               state: State | None = None) -> App:
    """The app for a served process (``mode`` HTTP or Socket Mode), talking to ``settings.api_url``.

    Bolt checks the bot token with ``auth.test`` here; a rejected token or an unreachable API is
    a :class:`SettingsError` that names the setting (never its value).
    """
    mode = mode or settings.mode
    settings.require(mode)
    client = web_client(settings.bot_token, settings.api_url, settings.api_timeout)
    desk = desk if desk is not None else open_desk(settings)
    state = state if state is not None else open_state(settings.state_store)
    try:
        return build_app(desk, signing_secret=settings.signing_secret if mode == "http" else None, client=client,
                         state=state, pools=Pools.threaded(), api_timeout=settings.api_timeout,
                         feedback=lambda: FeedbackStore(settings.feedback_store),
                         private_answers=settings.answers == "private")
    except BoltError as error:
        raise SettingsError(f"Slack rejected SLACK_BOT_TOKEN (auth.test at {settings.api_url}): "
                            f"{_api_error(error)}") from None
    except OSError as error:
        raise SettingsError(f"cannot reach the Slack Web API at {settings.api_url} (SLACK_API_URL): "
                            f"{getattr(error, 'reason', error)}") from None


def open_state(location: str | Path) -> State:
    """The shared state store at ``location`` (``FACTDESK_STATE``: a path or a ``postgresql://`` URL).

    An unusable location is a :class:`SettingsError` naming it (never a password).
    """
    try:
        return SharedState(location)
    except StoreUnavailable as error:
        raise SettingsError(f"FACTDESK_STATE: cannot open the state store: {error}") from None


def check_stores(settings: Settings) -> None:
    """Open the shared stores a served process will use, so a wrong location stops it with one line.

    A file store for reports is left to appear with the first report; a server is reached now.
    """
    close = getattr(open_state(settings.state_store), "close", None)
    if callable(close):
        close()
    if is_server(settings.feedback_store):
        try:
            FeedbackStore(settings.feedback_store).close_connection()
        except StoreUnavailable as error:
            raise SettingsError(f"FACTDESK_FEEDBACK: cannot open the feedback store: {error}") from None


def _api_error(error: BoltError) -> str:
    found = re.search(r"'error': '([a-z_]+)'", str(error))
    return found.group(1) if found else "the token is not valid"


def delivery_key(body: dict[str, Any]) -> str | None:
    """What identifies one delivery across Slack's retries and replays: the event id, or the command's trigger."""
    if body.get("type") == "event_callback" and body.get("event_id"):
        return f"event:{body['event_id']}"
    if body.get("command") and body.get("trigger_id"):
        return f"command:{body['trigger_id']}"
    if body.get("type") in ("block_actions", "view_submission") and body.get("trigger_id"):
        return f"{body['type']}:{body['trigger_id']}"
    return None


def _once_only(state: State) -> Callable[..., BoltResponse | None]:
    def answer_once(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        key = delivery_key(body)
        if key is not None:
            try:
                first = state.claim("delivery", key, ONCE_TTL)
            except Exception as error:  # an unusable store must not lose the question: answer it
                log.error("factdesk: state store unavailable (%s); answering %s without the once-only check",
                          type(error).__name__, key)
                first = True
            if not first:
                log.info("factdesk: %s was already answered; ignoring the retry or replay", key)
                return BoltResponse(status=200, body="")
        next()
        return None

    return answer_once


class _Answering:
    """Answers computed off the request thread and sent through the Web API (or a response_url)."""

    def __init__(self, desk: Answerer, client: WebClient, pools: Pools, api_timeout: float,
                 natives: Natives | None = None, private_answers: bool = False) -> None:
        self.desk = desk
        self.client = client
        self.pools = pools
        self.api_timeout = api_timeout
        self.natives = natives
        self.private_answers = private_answers

    def command(self, name: str, command: dict[str, Any]) -> bool:
        """Answer ``/name`` via its response_url on the command pool; False when the pool is full."""
        text, note = bounded(command.get("text") or "")
        response_url = command.get("response_url") or ""
        channel = command.get("channel_id")

        def answer() -> None:
            try:
                chart = chart_argument(text) if name == "timeline" and self.natives else None
                reply = self.desk.command(name, (chart or "all") if chart is not None else text)
                payload = to_slack(reply, private=self.private_answers)
                if chart is not None and self.natives is not None and reply.is_answer:
                    problem = self.natives.upload_chart(reply, self.client, channel or "")
                    said = problem or f"Timeline picture posted: {reply.title}"
                    payload = {"response_type": "ephemeral", "text": escape(said)}
            except Exception as error:
                log.error("factdesk: listener failed on command /%s: %s", name, type(error).__name__, exc_info=error)
                payload = {"response_type": "ephemeral", "text": APOLOGY}
            post_response(response_url, with_note(payload, note), channel=channel, timeout=self.api_timeout)

        return self.pools.commands.submit(answer)

    def event(self, kind: str, text: str, event: dict[str, Any]) -> None:
        """Answer ``text`` in the event's channel (and thread) on the event pool."""
        question, note = bounded(text)

        thread_ts = event.get("thread_ts") or (event.get("ts") if kind == "app_mention" else None)

        def answer() -> None:
            try:
                picture = chart_question(question) if self.natives else None
                previous = previous_answer(self.client, event) if self.natives else None
                reply = (self.natives.desk.message(picture or question, previous=previous)
                         if self.natives is not None and previous else self.desk.message(picture or question))
                payload = {k: v for k, v in to_slack(reply).items() if k != "response_type"}
                metadata = answer_metadata(reply)
                if metadata:
                    payload["metadata"] = metadata
                if picture and self.natives is not None and reply.is_answer:
                    problem = self.natives.upload_chart(reply, self.client, event["channel"], thread_ts)
                    if problem is None:
                        return
                    payload = {"text": escape(problem)}
            except Exception as error:
                log.error("factdesk: listener failed on event %s: %s", kind, type(error).__name__, exc_info=error)
                payload = {"text": APOLOGY}
            payload = with_note(payload, note) | {"channel": event["channel"]}
            if thread_ts:
                payload["thread_ts"] = thread_ts
            post_message(self.client, payload)

        if not self.pools.events.submit(answer):
            log.error("factdesk: event pool full; %s in %s not answered", kind, event.get("channel"))
            post_message(self.client, {"channel": event["channel"], "text": BUSY,
                                       **({"thread_ts": thread_ts} if thread_ts else {})})


def bounded(text: str) -> tuple[str, str | None]:
    """``text`` cut to :data:`MAX_QUESTION` characters, with the note saying so when it was cut."""
    if len(text) <= MAX_QUESTION:
        return text, None
    return text[:MAX_QUESTION], TRUNCATED.format(limit=MAX_QUESTION, length=len(text))


def with_note(payload: dict[str, Any], note: str | None) -> dict[str, Any]:
    """``payload`` with ``note`` added as a last context block (and to the fallback text)."""
    if note is None:
        return payload
    blocks = list(payload.get("blocks") or [])
    if len(blocks) >= 50:
        blocks = blocks[:49]
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    return payload | {"blocks": blocks, "text": f"{payload.get('text', '')}\n{note}".strip()}


def register_listeners(app: App, answering: _Answering) -> None:
    """Register one listener per registry command, DMs, mentions and the error handler."""
    for spec in COMMANDS:
        app.command(spec.slash)(_command_listener(answering, spec.name))
    app.event("message")(_dm_listener(answering))
    app.event("app_mention")(_mention_listener(answering))
    app.error(_on_error)


def _command_listener(answering: _Answering, name: str) -> Callable[..., None]:
    def answer_command(ack: Ack, command: dict[str, Any]) -> None:
        if answering.command(name, command):
            ack()
        else:
            log.error("factdesk: command pool full; /%s in %s answered busy", name, command.get("channel_id"))
            ack(response_type="ephemeral", text=BUSY)

    answer_command.__name__ = f"answer_{name}"
    return answer_command


def _is_user_dm(event: dict[str, Any]) -> bool:
    return (event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")
            and isinstance(event.get("text"), str) and bool(event.get("channel")))


def _dm_listener(answering: _Answering) -> Callable[..., None]:
    def answer_dm(event: dict[str, Any]) -> None:
        if _is_user_dm(event):
            answering.event("message", event["text"], event)

    return answer_dm


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """``text`` without the bot's own ``<@BOTID>`` mention(s), whitespace collapsed."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>[,:]?", " ", text)
    return " ".join(text.split())


def _mention_listener(answering: _Answering) -> Callable[..., None]:
    def answer_mention(event: dict[str, Any], context: BoltContext) -> None:
        if event.get("bot_id") or not event.get("channel"):
            return
        answering.event("app_mention", strip_mention(event.get("text") or "", context.bot_user_id), event)

    return answer_mention


def _on_error(error: Exception, body: dict[str, Any], logger: logging.Logger) -> BoltResponse:
    """Log the failure in one line; a command gets a short apology, and nothing is ever posted.

    Listeners only hand work to the pools, so what reaches here failed inside Bolt itself, maybe
    before the request was verified: the body may be forged and is never acted on.
    """
    event = body.get("event")
    kind = f"command {body['command']}" if body.get("command") else (
        f"event {event.get('type') if isinstance(event, dict) else None}")
    logger.error("factdesk: request failed on %s: %s", kind, type(error).__name__)
    if body.get("command"):
        return BoltResponse(status=200, body=json.dumps({"response_type": "ephemeral", "text": APOLOGY}),
                            headers={"content-type": "application/json;charset=utf-8"})
    return BoltResponse(status=500, body="")
