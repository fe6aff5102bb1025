"""Settings for the Slack adapter, read from the environment or a ``.env`` file.

The process environment wins over ``.env`` (found from the working directory). Secrets are
kept out of ``repr`` so they cannot leak into logs or tracebacks.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dotenv import dotenv_values, find_dotenv

from knowledge.feedback import DEFAULT_FEEDBACK
from knowledge.shared_store import secret_of

DEFAULT_PORT = 3000
DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_API_TIMEOUT = 10.0
DEFAULT_STATE = "factdesk-state.sqlite"
ANSWER_MODES = ("private", "channel")
EVENTS_PATH = "/slack/events"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

Mode = Literal["socket", "http"]
Answers = Literal["private", "channel"]


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
    api_timeout: float = DEFAULT_API_TIMEOUT
    web_concurrency: int = 1
    log_level: str = "INFO"
    state_store: str = field(default=DEFAULT_STATE, repr=False)  # a server URL may hold a password
    db_path: Path | None = None
    root: Path | None = None
    feedback_store: str = field(default=DEFAULT_FEEDBACK, repr=False)
    answers: Answers = "private"

    @property
    def mode(self) -> Mode:
        """Socket Mode when an app-level token is set, otherwise HTTP."""
        return "socket" if self.app_token else "http"

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values that must never reach a log line or a reply."""
        passwords = (secret_of(self.state_store), secret_of(self.feedback_store))
        return tuple(value for value in (self.bot_token, self.signing_secret, self.app_token, *passwords) if value)

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

    def export_environment(self) -> None:
        """Pass the settings other programs read from the environment (gunicorn, the knowledge package) on to it."""
        os.environ.setdefault("WEB_CONCURRENCY", str(self.web_concurrency))
        if self.db_path is not None:
            os.environ.setdefault("FACTDESK_DB", str(self.db_path))
        if self.root is not None:
            os.environ.setdefault("FACTDESK_ROOT", str(self.root))


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

    def number(name: str, default: float, low: float, high: float, kind: str) -> float:
        text = get(name)
        if text is None:
            return default
        try:
            value = float(text) if kind == "a number of seconds" else int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise SettingsError(f"{name} must be {kind} ({low:g}-{high:g}), not {text!r}")
        return value

    port = int(number("PORT", DEFAULT_PORT, 1, 65535, "a TCP port number"))
    api_url = get("SLACK_API_URL") or DEFAULT_API_URL
    if not api_url.startswith(("http://", "https://")):
        raise SettingsError(f"SLACK_API_URL must be an http(s) URL, not {api_url!r}")
    log_level = (get("LOG_LEVEL") or "INFO").upper()
    if log_level not in LOG_LEVELS:
        raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {log_level!r}")
    db, root = get("FACTDESK_DB"), get("FACTDESK_ROOT")
    answers = (get("FACTDESK_ANSWERS") or "private").lower()
    if answers not in ANSWER_MODES:
        raise SettingsError(f"FACTDESK_ANSWERS must be private (slash-command answers go to the asker first, "
                            f"with a Post to channel button) or channel, not {answers!r}")
    return Settings(
        bot_token=get("SLACK_BOT_TOKEN"),
        signing_secret=get("SLACK_SIGNING_SECRET"),
        app_token=get("SLACK_APP_TOKEN"),
        port=port,
        api_url=api_url if api_url.endswith("/") else api_url + "/",
        api_timeout=number("SLACK_API_TIMEOUT", DEFAULT_API_TIMEOUT, 0.1, 300, "a number of seconds"),
        web_concurrency=int(number("WEB_CONCURRENCY", 1, 1, 64, "a number of worker processes")),
        log_level=log_level,
        state_store=get("FACTDESK_STATE") or DEFAULT_STATE,
        db_path=Path(db) if db else None,
        root=Path(root) if root else None,
        feedback_store=get("FACTDESK_FEEDBACK") or DEFAULT_FEEDBACK,
        answers="channel" if answers == "channel" else "private",
    )


class Redact(logging.Filter):
    """A log filter that replaces every secret in a record's message by ``[redacted]``."""

    def __init__(self, secrets: tuple[str, ...]) -> None:
        super().__init__()
        self.secrets = tuple(secret for secret in secrets if len(secret) >= 8)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops it."""
        if self.secrets:
            message = record.getMessage()
            cleaned = message
            for secret in self.secrets:
                cleaned = cleaned.replace(secret, "[redacted]")
            if cleaned != message:
                record.msg, record.args = cleaned, None
        return True


def configure_logging(settings: Settings) -> None:
    """Log to stderr at ``LOG_LEVEL``, with every secret redacted from every record."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact(settings.secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level)
