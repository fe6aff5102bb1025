"""The WSGI entry point for production HTTP: ``gunicorn bot.wsgi:application``.

Each gunicorn worker imports this module and builds its own app over its own read-only fact
base; what must be shared (which deliveries were answered) lives in the :mod:`bot.state` store.
In front of Bolt, :class:`Verified` refuses every request that is not signed by Slack within
the last five minutes (401, nothing else happens) and every signed body that is not what its
content type says (400), so nothing unverified or malformed reaches a listener or the error handler.
A fact base that cannot be opened stops the worker with one line: gunicorn then halts.
"""

from __future__ import annotations

import hmac
import io
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable
from hashlib import sha256
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import FactBaseUnavailable, create_app, open_desk
from bot.settings import EVENTS_PATH, SettingsError, configure_logging, load_settings
from bot.slack_payloads import bolt_safe_form

MAX_BODY = 1 << 20  # Slack's payloads are a few kilobytes; a slash command's text is at most a few thousand
MAX_AGE = 5 * 60

log = logging.getLogger("factdesk")

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def verify_request(secret: str, body: bytes, timestamp: str | None, signature: str | None,
                   now: float | None = None) -> str | None:
    """None when Slack signed ``body`` at ``timestamp`` less than five minutes ago, else why not."""
    if not timestamp or not signature:
        return "unsigned"
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:
        return "malformed timestamp"
    if abs((time.time() if now is None else now) - int(timestamp)) > MAX_AGE:
        return "stale timestamp"
    expected = signature_of(secret, timestamp, body)
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        return "bad signature"
    return None


def signature_of(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's ``v0`` signature of ``body`` sent at ``timestamp``, over the raw bytes (slack_sdk's
    ``SignatureVerifier`` decodes the body first and fails on one that is not UTF-8)."""
    return "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, sha256).hexdigest()


def malformed(body: bytes, content_type: str) -> str | None:
    """None when ``body`` is the UTF-8 JSON object or form its content type says, else why not."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "body is not UTF-8"
    if "application/json" in content_type:
        try:
            return None if isinstance(json.loads(text), dict) else "JSON body is not an object"
        except ValueError:
            return "body is not valid JSON"
    if "application/x-www-form-urlencoded" in content_type:
        form = dict(parse_qsl(text, keep_blank_values=True))
        if "payload" in form:
            try:
                return None if isinstance(json.loads(form["payload"]), dict) else "payload is not an object"
            except ValueError:
                return "payload is not valid JSON"
        return None if form else "empty form"
    return "unsupported content type"


class Verified:
    """WSGI middleware: only a Slack-signed, well-formed ``POST /slack/events`` reaches the app."""

    def __init__(self, app: WSGIApp, signing_secret: str) -> None:
        self.app = app
        self.signing_secret = signing_secret

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Answer 401/400/413 here, or pass the request, its body re-readable, to the app."""
        if environ.get("PATH_INFO") != EVENTS_PATH or environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _refuse(start_response, 400, "bad Content-Length")
        if length > MAX_BODY:
            return _refuse(start_response, 413, "body too large")
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        problem = verify_request(self.signing_secret, body, environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
                                 environ.get("HTTP_X_SLACK_SIGNATURE"))
        if problem:
            log.warning("factdesk: refused a request that failed verification (%s)", problem)
            return _refuse(start_response, 401, "invalid request")
        problem = malformed(body, environ.get("CONTENT_TYPE") or "")
        if problem:
            log.warning("factdesk: refused a signed but malformed request (%s)", problem)
            return _refuse(start_response, 400, problem)
        if "application/x-www-form-urlencoded" in (environ.get("CONTENT_TYPE") or ""):
            safe = bolt_safe_form(body.decode("utf-8")).encode("utf-8")
            if safe != body:  # verified above; signed again so that Bolt's own check passes on the same form
                body, timestamp = safe, environ["HTTP_X_SLACK_REQUEST_TIMESTAMP"]
                environ["HTTP_X_SLACK_SIGNATURE"] = signature_of(self.signing_secret, timestamp, body)
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)


def _refuse(start_response: StartResponse, status: int, reason: str) -> list[bytes]:
    phrases = {400: "Bad Request", 401: "Unauthorized", 413: "Payload Too Large"}
    body = reason.encode()
    start_response(f"{status} {phrases[status]}", [("Content-Type", "text/plain; charset=utf-8"),
                                                   ("Content-Length", str(len(body)))])
    return [body]


def create_wsgi_app() -> Verified:
    """The Bolt app behind Bolt's WSGI adapter, serving ``POST /slack/events`` (HTTP mode)."""
    settings = load_settings()
    settings.require(mode="http")
    configure_logging(settings)
    assert settings.signing_secret is not None
    desk = open_desk(settings, rebuild=False)  # the release step builds; a worker never compiles
    handler = SlackRequestHandler(create_app(settings, desk, mode="http"), path=EVENTS_PATH)
    return Verified(handler, settings.signing_secret)


def _load() -> Verified:
    try:
        return create_wsgi_app()
    except (SettingsError, FactBaseUnavailable) as error:
        print(f"factdesk: error: {error}", file=sys.stderr, flush=True)
        raise SystemExit(4) from None  # gunicorn: "App failed to load", the server halts


application = _load()
