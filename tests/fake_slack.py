"""A fake Slack Web API on loopback: records the calls the app makes and answers like Slack.

It is the only fake in the adapter tests, at the Web API boundary: the app under test is real
and reaches it over real HTTP through ``SLACK_API_URL``.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.console import parse_api_body, web_api_answer


class FakeSlack:
    """``with FakeSlack() as slack``: serve on 127.0.0.1, ``slack.api_url`` for ``SLACK_API_URL``."""

    def __init__(self, token: str = "xoxb-test-token") -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        """The base URL of this fake Web API, ending in ``/api/``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        """The arguments of every call to ``method`` so far."""
        with self._lock:
            return [args for name, args in self.calls if name == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until ``method`` has been called ``count`` times; return those calls."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.calls_to(method)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"{method} called {len(self.calls_to(method))} times, expected {count}: {self.calls}")

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                method = self.path.split("?", 1)[0].rsplit("/", 1)[-1]
                length = int(self.headers.get("Content-Length") or 0)
                args = parse_api_body(self.rfile.read(length), self.headers.get("Content-Type") or "")
                if self.headers.get("Authorization") != f"Bearer {fake.token}":
                    answer: dict[str, Any] = {"ok": False, "error": "invalid_auth"}
                else:
                    answer = web_api_answer(method, args)
                with fake._lock:
                    fake.calls.append((method, args))
                body = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
