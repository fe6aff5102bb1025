"""Slack-native answers: buttons, menus, the report modal, the home tab and timeline pictures.

Listeners only translate, like those of :mod:`bot.app`: a ``block_actions`` payload names a page
(``{"c": command, "a": argument, "p": page}``, recomputed by the core, so any process answers it
with no server-side state), a fact (``e:quote:…`` for its evidence, looked up in this process's read-only
base) or the "Post to channel" of a private answer. Each is acked at once and answered through
the Web API or the action's ``response_url``:

- a page of a message the bot posted is ``chat.update``d in place; a page of an ephemeral answer
  (a slash command's) replaces it through its ``response_url``;
- "Show evidence" is an ephemeral message to the reader who pressed it;
- "Report a problem" opens a modal (``views.open``) whose submission is stored in the
  :class:`~knowledge.feedback.FeedbackStore`, outside the base, for ``python -m knowledge feedback``;
- ``app_home_opened`` publishes the home tab (``views.publish``);
- a timeline picture is uploaded with ``files.uploadV2``.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from typing import Any, Protocol

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.chart import ChartUnavailable, events_of, timeline_png
from bot.evidence import evidence_reply, fact_title, home_reply
from bot.render import (
    FACT_ACTION,
    METADATA_EVENT,
    NEXT_ACTION,
    POST_ACTION,
    PREVIOUS_ACTION,
    REPORT_CALLBACK,
    REPORT_DETAILS_ACTION,
    REPORT_DETAILS_BLOCK,
    REPORT_PROBLEM_ACTION,
    REPORT_PROBLEM_BLOCK,
    escape,
    home_view,
    read_fact_value,
    read_page_value,
    report_modal,
    report_thanks,
    to_slack,
)
from bot.replies import Reply
from knowledge.feedback import PROBLEMS, FeedbackStore
from knowledge.shared_store import StoreUnavailable
from knowledge.store import FactBase

log = logging.getLogger("factdesk")

PAGE_ACTIONS = re.compile(rf"^(?:{NEXT_ACTION}|{PREVIOUS_ACTION})$")
CHART_FILENAME = "factdesk-timeline.png"
Submit = Callable[[Callable[[], None]], bool]


class NativeDesk(Protocol):
    """What the interactive listeners need from the core: answers, and the base they come from."""

    base: FactBase

    def command(self, name: str, text: str) -> Reply:
        """Answer ``/name text``."""

    def message(self, text: str, *, previous: tuple[str, str] | None = None) -> Reply:
        """Answer a plain-English message; ``previous`` is the query of the answer a threaded question follows."""


def _inline(work: Callable[[], None]) -> bool:
    work()
    return True


class Natives:
    """The interactive features over one desk, one feedback store and one way of running work."""

    def __init__(self, desk: NativeDesk, feedback: Callable[[], FeedbackStore], *,
                 submit: Submit = _inline, private_answers: bool = True) -> None:
        self.desk = desk
        self._feedback_factory = feedback
        self._feedback: FeedbackStore | None = None
        self._lock = threading.Lock()
        self.submit = submit
        self.private_answers = private_answers
        self._home: dict[str, Any] | None = None

    @property
    def feedback(self) -> FeedbackStore:
        """The feedback store, opened on the first report (no file appears until someone reports)."""
        with self._lock:
            if self._feedback is None:
                self._feedback = self._feedback_factory()
            return self._feedback

    def home(self) -> dict[str, Any]:
        """The home tab's view (built once: the base is read-only)."""
        if self._home is None:
            self._home = home_view(home_reply(self.desk.base))
        return self._home

    # ------------------------------------------------------------------ pages and posting

    def turn_page(self, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond) -> None:
        """Show the page a "Show more" / "Previous" button names, in place of the message it is on."""
        asked = read_page_value(str(action.get("value") or ""))
        if asked is None:
            return
        command, argument, page = asked
        container = body.get("container") or {}
        private = bool(container.get("is_ephemeral"))
        payload = to_slack(self.desk.command(command, argument), page, private=private)
        message = {"text": payload["text"], "blocks": payload["blocks"]}
        channel, ts = container.get("channel_id"), container.get("message_ts")
        if not private and channel and ts:
            try:
                client.chat_update(channel=channel, ts=ts, **message)
                return
            except SlackApiError as error:  # e.g. a message posted through a response_url: replace it there
                log.info("factdesk: chat.update of %s failed (%s); replacing through the response_url", channel,
                         error.response.get("error"))
        respond(replace_original=True, **message)

    def post_to_channel(self, action: dict[str, Any], respond: Respond) -> None:
        """Post the page of a private answer to the channel, and remove the private copy."""
        asked = read_page_value(str(action.get("value") or ""))
        if asked is None:
            return
        command, argument, page = asked
        payload = to_slack(self.desk.command(command, argument), page)
        respond(text=payload["text"], blocks=payload["blocks"], response_type="in_channel", replace_original=False)
        respond(delete_original=True)

    # ------------------------------------------------------------------ a fact's menu

    def fact_menu(self, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond) -> None:
        """"Show evidence" answers the reader privately; "Report a problem" opens the report modal."""
        selected = (action.get("selected_option") or {}).get("value") or action.get("value") or ""
        chosen = read_fact_value(str(selected))
        if chosen is None:
            return
        verb, kind, fact_id = chosen
        if verb == "evidence":
            payload = to_slack(evidence_reply(self.desk.base, kind, fact_id), private=True)
            respond(text=payload["text"], blocks=payload["blocks"], response_type="ephemeral", replace_original=False)
            return
        fact = self.desk.base.fact(kind, fact_id)
        if fact is None:
            respond(text=escape(f"The {kind} “{fact_id}” is no longer in the fact base."), response_type="ephemeral",
                    replace_original=False)
            return
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
        metadata = {"fact": f"{kind}:{fact_id}", "channel": channel or ""}
        client.views_open(trigger_id=body["trigger_id"],
                          view=report_modal(f"{kind}:{fact_id}", fact_title(self.desk.base, fact), metadata))

    def store_report(self, ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        """Store a submitted report and thank the reader; a form without a problem chosen is sent back."""
        values = (view.get("state") or {}).get("values") or {}
        problem = ((values.get(REPORT_PROBLEM_BLOCK) or {}).get(REPORT_PROBLEM_ACTION) or {}).get(
            "selected_option") or {}
        kind = problem.get("value")
        details = str(((values.get(REPORT_DETAILS_BLOCK) or {}).get(REPORT_DETAILS_ACTION) or {}).get("value") or "")
        if kind not in PROBLEMS:
            ack(response_action="errors", errors={REPORT_PROBLEM_BLOCK: "Choose what is wrong."})
            return
        try:
            metadata = json.loads(view.get("private_metadata") or "{}")
        except ValueError:
            metadata = {}
        fact = str(metadata.get("fact") or "")
        fact_kind, _, fact_id = fact.partition(":")
        found = self.desk.base.fact(fact_kind, fact_id) if fact_id else None
        if found is None:
            ack(response_action="errors", errors={REPORT_PROBLEM_BLOCK: "That fact is no longer in the fact base."})
            return
        articles = tuple(dict.fromkeys(citation.article for citation in found.sources))
        try:
            number = self.feedback.add(fact=fact, articles=articles, problem=str(kind), details=details[:2000],
                                       reporter=(body.get("user") or {}).get("id"),
                                       channel=str(metadata.get("channel") or "") or None)
        except StoreUnavailable as error:
            log.error("factdesk: report on %s not stored: %s", fact, error)
            ack(response_action="errors", errors={
                REPORT_DETAILS_BLOCK: "The report could not be saved just now; please press Submit again."})
            return
        log.info("factdesk: report #%s on %s stored", number, fact)
        ack(response_action="update", view=report_thanks(number, fact))

    # ------------------------------------------------------------------ home tab and pictures

    def publish_home(self, event: dict[str, Any], client: WebClient) -> None:
        """Publish the home tab for the user who opened it."""
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        client.views_publish(user_id=event["user"], view=self.home())

    def upload_chart(self, reply: Reply, client: WebClient, channel: str, thread_ts: str | None = None) -> str | None:
        """Upload the timeline picture of ``reply`` to ``channel``; None when done, else what to tell the asker."""
        if not reply.is_answer:
            return None
        events = events_of(reply, self.desk.base)
        if not events:
            return "That answer lists no events, so there is no timeline to draw."
        try:
            png = timeline_png(reply.title, events)
        except ChartUnavailable as error:
            return str(error)
        comment = f"{reply.title}: {len(events)} event{'s' if len(events) != 1 else ''}"
        try:
            client.files_upload_v2(channel=channel, file=png, filename=CHART_FILENAME, title=reply.title,
                                   alt_txt=f"Timeline picture: {comment}", initial_comment=escape(comment),
                                   thread_ts=thread_ts)
        except SlackApiError as error:
            code = error.response.get("error")
            log.error("factdesk: files.uploadV2 to %s failed: %s", channel, code)
            return (f"The picture could not be posted here ({code}): invite the bot to this channel, "
                    "or ask in a direct message.")
        return None


def unescape(text: str) -> str:
    """Undo :func:`bot.render.escape`'s entities (metadata is escaped like every text sent to Slack)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def previous_answer(client: WebClient, event: dict[str, Any]) -> tuple[str, str] | None:
    """The (command, argument) of the bot's last answer in the thread ``event`` was written in, if any.

    Reads the thread with ``conversations.replies`` (the ``*:history`` scopes) and the answer's
    message metadata (``factdesk_answer``); None outside a thread, or when the thread cannot be read.
    """
    thread_ts, channel = event.get("thread_ts"), event.get("channel")
    if not thread_ts or not channel or thread_ts == event.get("ts"):
        return None
    try:
        thread = client.conversations_replies(channel=channel, ts=thread_ts, include_all_metadata=True, limit=200)
    except SlackApiError as error:
        log.info("factdesk: cannot read the thread %s in %s (%s); answering without it", thread_ts, channel,
                 error.response.get("error"))
        return None
    for message in reversed(thread.get("messages") or []):
        metadata = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if (message.get("bot_id") and metadata.get("event_type") == METADATA_EVENT
                and isinstance(payload.get("command"), str) and isinstance(payload.get("argument"), str)):
            return unescape(payload["command"]), unescape(payload["argument"])
    return None


def register_natives(app: App, natives: Natives) -> None:
    """Register the buttons, the fact menu, the report modal and the home tab on ``app``."""

    def turn_page(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                  respond: Respond) -> None:
        ack()
        natives.submit(lambda: natives.turn_page(body, action, client, respond))

    def post_to_channel(ack: Ack, action: dict[str, Any], respond: Respond) -> None:
        ack()
        natives.submit(lambda: natives.post_to_channel(action, respond))

    def fact_menu(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                  respond: Respond) -> None:
        ack()
        natives.fact_menu(body, action, client, respond)  # views.open needs the trigger within 3 s: now

    def store_report(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        natives.store_report(ack, body, view)

    def publish_home(event: dict[str, Any], client: WebClient) -> None:
        natives.submit(lambda: natives.publish_home(event, client))

    app.action(PAGE_ACTIONS)(turn_page)
    app.action(POST_ACTION)(post_to_channel)
    app.action(FACT_ACTION)(fact_menu)
    app.view(REPORT_CALLBACK)(store_report)
    app.event("app_home_opened")(publish_home)
