"""Slack's side of interactivity: what a user can press in a message, and the payloads Slack sends.

The console and the HTTP tests play Slack with these: :func:`pressables` lists the buttons and
menu options of a message in the order a reader sees them, and :func:`block_actions`,
:func:`view_submission` and :func:`app_home_opened` build the payloads Slack posts when the
reader presses one, submits a modal or opens the home tab. Interactive payloads travel as a
form body with one field, ``payload`` (:func:`interactive_body`).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode

Kind = Literal["button", "overflow"]


def bolt_safe_form(body: str) -> str:
    """A form body as Bolt will read it: Bolt takes any form that holds the letters "payload" for an
    interactive payload and, finding no such field, drops the request ("/whois payload", a channel
    called "payload-team"). Unless the form has that field, each such run gets one letter escaped
    (``p%61yload``), which decodes to the same form."""
    if "payload" not in body or "payload" in dict(parse_qsl(body, keep_blank_values=True)):
        return body
    return body.replace("payload", "p%61yload")


@dataclass(frozen=True)
class Pressable:
    """One thing a reader can press: a button, or one option of an overflow menu."""

    label: str
    action_id: str
    block_id: str
    kind: Kind
    value: str

    def action(self) -> dict[str, Any]:
        """The ``actions[0]`` entry of the ``block_actions`` payload for pressing it."""
        entry: dict[str, Any] = {"action_id": self.action_id, "block_id": self.block_id, "type": self.kind,
                                 "action_ts": f"{time.time():.6f}"}
        if self.kind == "overflow":
            entry["selected_option"] = {"text": {"type": "plain_text", "text": self.label}, "value": self.value}
        else:
            entry["value"] = self.value
            entry["text"] = {"type": "plain_text", "text": self.label}
        return entry


def _block_id(block: dict[str, Any], index: int) -> str:
    return str(block.get("block_id") or f"b{index}")


def pressables(message: dict[str, Any]) -> list[Pressable]:
    """The buttons and menu options of ``message`` (or a view), in reading order."""
    found: list[Pressable] = []
    for index, block in enumerate(message.get("blocks") or []):
        elements = [block["accessory"]] if isinstance(block.get("accessory"), dict) else []
        if block.get("type") == "actions":
            elements += block.get("elements") or []
        for element in elements:
            if element.get("type") == "button":
                found.append(Pressable(element["text"]["text"], element["action_id"], _block_id(block, index),
                                       "button", str(element.get("value", ""))))
            elif element.get("type") == "overflow":
                found += [Pressable(option["text"]["text"], element["action_id"], _block_id(block, index), "overflow",
                                    option["value"]) for option in element.get("options") or []]
    return found


def block_actions(pressed: Pressable, message: dict[str, Any], *, team: str, user: str, app: str, channel: str,
                  message_ts: str, is_ephemeral: bool, response_url: str, trigger_id: str) -> dict[str, Any]:
    """The ``block_actions`` payload Slack sends when ``pressed`` is pressed on ``message``."""
    return {
        "type": "block_actions", "api_app_id": app, "token": "console",
        "team": {"id": team, "domain": "factdesk"}, "user": {"id": user, "team_id": team, "name": "you"},
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel,
                      "is_ephemeral": is_ephemeral},
        "channel": {"id": channel, "name": "factdesk"}, "trigger_id": trigger_id, "response_url": response_url,
        "message": ({"type": "message", "ts": message_ts, "text": message.get("text", ""),
                     "blocks": message.get("blocks", [])} if not is_ephemeral else None),
        "state": {"values": {}}, "actions": [pressed.action()], "is_enterprise_install": False,
    }


def view_submission(view: dict[str, Any], values: dict[str, dict[str, dict[str, Any]]], *, team: str, user: str,
                    app: str, trigger_id: str, view_id: str = "V0CONSOLE") -> dict[str, Any]:
    """The ``view_submission`` payload for submitting the modal ``view`` with ``values`` (block -> action -> state)."""
    return {
        "type": "view_submission", "api_app_id": app, "token": "console", "trigger_id": trigger_id,
        "team": {"id": team, "domain": "factdesk"}, "user": {"id": user, "team_id": team, "name": "you"},
        "view": {**view, "id": view_id, "team_id": team, "app_id": app, "state": {"values": values},
                 "hash": "console"},
        "is_enterprise_install": False,
    }


def report_values(problem: str, details: str) -> dict[str, dict[str, dict[str, Any]]]:
    """The state of a filled-in "Report a problem" modal."""
    from bot.render import REPORT_DETAILS_ACTION, REPORT_DETAILS_BLOCK, REPORT_PROBLEM_ACTION, REPORT_PROBLEM_BLOCK

    return {REPORT_PROBLEM_BLOCK: {REPORT_PROBLEM_ACTION: {"type": "static_select",
                                                          "selected_option": {"value": problem}}},
            REPORT_DETAILS_BLOCK: {REPORT_DETAILS_ACTION: {"type": "plain_text_input", "value": details}}}


def app_home_opened(user: str, channel: str) -> dict[str, Any]:
    """The ``app_home_opened`` event Slack sends when ``user`` opens the bot's Home tab."""
    return {"type": "app_home_opened", "user": user, "channel": channel, "tab": "home",
            "event_ts": f"{time.time():.6f}"}


def interactive_body(payload: dict[str, Any]) -> str:
    """The form body Slack posts an interactive payload as: ``payload=<JSON>``."""
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)})
