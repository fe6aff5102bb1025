"""Settings for the Slack adapter, read from the environment or a ``.env`` file.

The process environment wins over ``.env`` (found from the working directory). Secrets are
kept out of ``repr`` so they cannot leak into logs or tracebacks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from dotenv import dotenv_values, find_dotenv

DEFAULT_PORT = 3000
DEFAULT_API_URL = "https://slack.com/api/"
EVENTS_PATH = "/slack/events"

Mode = Literal["socket", "http"]


class SettingsError(Exception):
    """A setting is missing or malformed; the message names it and says how to fix it."""


@dataclass(frozen=True)
class Settings:
    """What the adapter needs to reach Slack. Token fields never appear in ``repr``."""

    bot_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    port: int = DEFAULT_PORT
    api_url: str = DEFAULT_API_URL

    @property
    def mode(self) -> Mode:
        """Socket Mode when an app-level token is set, otherwise HTTP."""
        return "socket" if self.app_token else "http"

    def require(self, mode: Mode | None = None) -> Settings:
        """Return self when every setting ``mode`` (default: :attr:`mode`) needs is set, else raise."""
        mode = mode or self.mode
        needed = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"] if mode == "socket" else [
            "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]
        values = {"SLACK_BOT_TOKEN": self.bot_token, "SLACK_SIGNING_SECRET": self.signing_secret,
                  "SLACK_APP_TOKEN": self.app_token}
        missing = [name for name in needed if not values[name]]
        if missing:
            where = "Socket Mode" if mode == "socket" else "HTTP mode"
            raise SettingsError(
                f"missing setting {', '.join(missing)} ({where}); set it in the environment or .env "
                "(see .env.example)")
        return self


def load_settings(environ: Mapping[str, str] | None = None, *, dotenv: bool = True) -> Settings:
    """Read settings from ``environ`` (default ``os.environ``) over ``.env`` in the working directory."""
    values: dict[str, str | None] = {}
    if dotenv:
        path = find_dotenv(usecwd=True)
        if path:
            values.update(dotenv_values(path))
    values.update(os.environ if environ is None else environ)

    def get(name: str) -> str | None:
        value = values.get(name)
        return value.strip() if value and value.strip() else None

    port_text = get("PORT") or str(DEFAULT_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise SettingsError(f"PORT must be a TCP port number (1-65535), not {port_text!r}")
    api_url = get("SLACK_API_URL") or DEFAULT_API_URL
    if not api_url.startswith(("http://", "https://")):
        raise SettingsError(f"SLACK_API_URL must be an http(s) URL, not {api_url!r}")
    return Settings(
        bot_token=get("SLACK_BOT_TOKEN"),
        signing_secret=get("SLACK_SIGNING_SECRET"),
        app_token=get("SLACK_APP_TOKEN"),
        port=int(port_text),
        api_url=api_url if api_url.endswith("/") else api_url + "/",
    )
