"""gunicorn settings for the ``web`` process: ``gunicorn -c python:bot.gunicorn_config bot.wsgi:application``.

Before any worker forks, the master checks that the settings are complete, that the shared stores
open (``FACTDESK_STATE``; ``FACTDESK_FEEDBACK`` when it is a server) and that the fact base the
release step built opens; if not, it stops with one line naming what is wrong (a worker that
failed to load would make gunicorn halt with tracebacks instead). The master keeps no connection
open: every worker opens its own read-only copy after the fork.
"""

from __future__ import annotations

import sys
from typing import Any


def on_starting(server: Any) -> None:
    """gunicorn hook, in the master before forking: refuse to start with one line on a broken setup."""
    from bot.app import FactBaseUnavailable, check_stores, open_desk
    from bot.settings import SettingsError, load_settings

    try:
        settings = load_settings()
        settings.require(mode="http")
        check_stores(settings)
        desk = open_desk(settings, rebuild=False)
    except (SettingsError, FactBaseUnavailable) as error:
        print(f"factdesk: error: {error}", file=sys.stderr, flush=True)
        sys.exit(4)
    close = getattr(getattr(desk, "base", None), "close", None)
    if callable(close):
        close()
