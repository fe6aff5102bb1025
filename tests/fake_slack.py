"""A fake Slack Web API on loopback: records the calls the app makes and answers like Slack.

It is the only fake in the adapter tests, at the Web API boundary: the app under test is real
and reaches it over real HTTP through ``SLACK_API_URL``. It also takes slash commands'
``response_url`` posts (``/commands/<trigger>``), and can misbehave as Slack sometimes does: be
slow, answer 429 with ``Retry-After``, a 5xx, ``ok: false ratelimited``, or hang.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from bot.console import parse_api_body, web_api_answer

RESPONSE_URL = "response_url"
UPLOAD = "file upload"
FAULTS = ("429", "500", "503", "ratelimited", "hang")


class FakeSlack:
    """``with FakeSlack() as slack``: serve on 127.0.0.1, ``slack.api_url`` for ``SLACK_API_URL``."""

    def __init__(self, token: str = "xoxb-test-token", *, hang_seconds: float = 3.0) -> None:
        self.token = token
        self.hang_seconds = hang_seconds
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.attempts: dict[str, int] = defaultdict(int)
        self.responses: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.uploads: dict[str, bytes] = {}
        self.history: list[dict[str, Any]] = []
        self.delay: dict[str, float] = {}
        self._faults: dict[str, deque[str]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.request_queue_size = 256
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        """The base URL of this fake Web API, ending in ``/api/``."""
        return f"{self.base_url}/api/"

    def response_url(self, trigger: str) -> str:
        """The ``response_url`` of a slash command whose answers are kept under ``trigger``."""
        return f"{self.base_url}/commands/{trigger}"

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, method: str, *faults: str) -> None:
        """Answer the next calls of ``method`` (or ``response_url``) with ``faults``, in order, then normally."""
        assert all(fault in FAULTS for fault in faults), faults
        with self._lock:
            self._faults[method].extend(faults)

    def reset(self) -> None:
        """Forget planned faults and delays (the record of calls stays)."""
        with self._lock:
            self._faults.clear()
            self.delay.clear()

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        """The arguments of every call to ``method`` so far."""
        with self._lock:
            return [args for name, args in self.calls if name == method]

    def answers(self, trigger: str) -> list[dict[str, Any]]:
        """What the app posted to the ``response_url`` of ``trigger``."""
        with self._lock:
            return list(self.responses.get(trigger, []))

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until ``method`` has been called ``count`` times; return those calls."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.calls_to(method)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"{method} called {len(self.calls_to(method))} times, expected {count}: {self.calls}")

    def wait_for_answer(self, trigger: str, timeout: float = 10.0) -> dict[str, Any]:
        """Wait for the (first) answer posted to ``trigger``'s response_url."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.answers(trigger)
            if found:
                return found[0]
            time.sleep(0.02)
        raise AssertionError(f"no answer to {trigger} within {timeout}s")

    def _fault(self, method: str) -> str | None:
        with self._lock:
            self.attempts[method] += 1
            queue = self._faults.get(method)
            return queue.popleft() if queue else None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_POST(self) -> None:
                path = self.path.split("?", 1)[0]
                is_response = path.startswith("/commands/")
                method = RESPONSE_URL if is_response else path.rsplit("/", 1)[-1]
                length = int(self.headers.get("Content-Length") or 0)
                self._raw = self.rfile.read(length)
                content_type = self.headers.get("Content-Type") or ""
                args = {} if path.startswith("/upload/") else parse_api_body(self._raw, content_type)
                if "?" in self.path:
                    args = dict(parse_qsl(self.path.split("?", 1)[1], keep_blank_values=True)) | args
                time.sleep(fake.delay.get(method, 0))
                fault = fake._fault(method)
                if fault == "hang":
                    time.sleep(fake.hang_seconds)
                    return self._send(200, b"", "text/plain")
                if fault in ("429", "500", "503"):
                    headers = {"Retry-After": "1"} if fault == "429" else {}
                    return self._send(int(fault), b'{"ok": false}', "application/json", headers)
                if fault == "ratelimited":
                    return self._send(200, b'{"ok": false, "error": "ratelimited"}', "application/json")
                if path.startswith("/upload/"):
                    file_id = path.rsplit("/", 1)[-1]
                    with fake._lock:
                        fake.uploads[file_id] = self._raw
                        fake.calls.append((UPLOAD, {"file_id": file_id, "bytes": len(self._raw)}))
                    return self._send(200, b"OK", "text/plain")
                if is_response:
                    with fake._lock:
                        fake.calls.append((method, args))
                        fake.responses[path.removeprefix("/commands/")].append(args)
                    return self._send(200, b"ok", "text/html")
                if self.headers.get("Authorization") != f"Bearer {fake.token}":
                    answer: dict[str, Any] = {"ok": False, "error": "invalid_auth"}
                else:
                    with fake._lock:
                        answer = web_api_answer(method, args, upload_base=f"{fake.base_url}/upload/",
                                                history=fake.history)
                with fake._lock:
                    fake.calls.append((method, args))
                self._send(200, json.dumps(answer).encode(), "application/json; charset=utf-8")

            def do_GET(self) -> None:  # conversations.replies is a GET
                self.do_POST()

            def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up (a timeout): nothing to answer
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
