"""The WSGI entry point for production HTTP: ``gunicorn bot.wsgi:application``.

Each gunicorn worker imports this module and so builds its own app over its own read-only
fact base: no state is shared between workers or requests, so the web process scales by
adding workers (``WEB_CONCURRENCY``) or dynos.
"""

from __future__ import annotations

import sys

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import create_app
from bot.settings import EVENTS_PATH, SettingsError, load_settings


def create_wsgi_app() -> SlackRequestHandler:
    """The Bolt app behind Bolt's WSGI adapter, serving ``POST /slack/events`` (HTTP mode)."""
    settings = load_settings()
    settings.require(mode="http")
    return SlackRequestHandler(create_app(settings, mode="http"), path=EVENTS_PATH)


def _load() -> SlackRequestHandler:
    try:
        return create_wsgi_app()
    except SettingsError as error:
        print(f"factdesk: error: {error}", file=sys.stderr)
        raise SystemExit(4) from None  # gunicorn: "App failed to load", the server halts


application = _load()
