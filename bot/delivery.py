"""Getting replies to Slack: Web API clients that retry, and bounded pools that keep answers apart.

Every Web API call and every ``response_url`` post goes through slack_sdk's retry handlers
(rate limits, server errors, connection errors and timeouts, plus ``ok: false ratelimited``),
a bounded number of times, each attempt with a timeout. A reply that still fails is one log
line naming the method, the channel and the error code.

Slash-command answers and event answers (DMs, mentions) run on separate bounded pools, so slow
``chat.postMessage`` calls cannot starve slash commands; a full pool says so instead of queueing
without end.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler, RetryHandler
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient

log = logging.getLogger("factdesk")

MAX_RETRIES = 3
ANSWER_THREADS = 8
POST_THREADS = 8
QUEUE_PER_THREAD = 128  # a burst of a thousand questions waits its turn; beyond that a worker says busy


class RateLimitedBodyRetryHandler(RetryHandler):
    """Retry a 200 answer whose body says ``{"ok": false, "error": "ratelimited"}``."""

    def _can_retry(self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
                   error: Exception | None = None) -> bool:
        body = response.body if response is not None else None
        return bool(body) and body.get("ok") is False and body.get("error") == "ratelimited"  # type: ignore[union-attr]


class TimeoutRetryHandler(ConnectionErrorRetryHandler):
    """Retry a connection error, a reset, or an answer that never came within the timeout."""

    def __init__(self, max_retry_count: int) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.error_types_to_do_retries = [*self.error_types_to_do_retries, TimeoutError]


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """Retry every 5xx answer, not only 500 and 503."""

    def _can_retry(self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
                   error: Exception | None = None) -> bool:
        return response is not None and 500 <= response.status_code < 600


def retry_handlers() -> list[RetryHandler]:
    """The retry policy of every call factdesk makes to Slack: bounded, backing off, honouring Retry-After."""
    return [RateLimitErrorRetryHandler(max_retry_count=MAX_RETRIES), RateLimitedBodyRetryHandler(MAX_RETRIES),
            AnyServerErrorRetryHandler(max_retry_count=MAX_RETRIES), TimeoutRetryHandler(MAX_RETRIES)]


def web_client(token: str | None, base_url: str, timeout: float) -> WebClient:
    """A Web API client with factdesk's retry policy and a timeout on every attempt."""
    return WebClient(token=token, base_url=base_url, timeout=max(1, round(timeout)),
                     retry_handlers=retry_handlers())


def _error_code(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or f"HTTP {error.response.status_code}")
    return type(error).__name__


def post_message(client: WebClient, payload: dict[str, Any]) -> bool:
    """``chat.postMessage`` with ``payload``; a failure after the retries is one log line, and False."""
    try:
        client.chat_postMessage(**payload)
        return True
    except Exception as error:  # every failure is reported the same way: one line, no traceback
        log.error("factdesk: chat.postMessage to %s failed: %s", payload.get("channel"), _error_code(error))
        return False


def post_response(response_url: str, payload: dict[str, Any], *, channel: str | None, timeout: float) -> bool:
    """Post a slash-command answer to its ``response_url``; a failure is one log line, and False."""
    client = WebhookClient(response_url, timeout=max(1, round(timeout)), retry_handlers=retry_handlers())
    try:
        answer = client.send_dict(payload)
    except Exception as error:  # connection failures after the retries
        log.error("factdesk: response_url to %s failed: %s", channel, _error_code(error))
        return False
    if answer.status_code != 200:
        log.error("factdesk: response_url to %s failed: HTTP %s %s", channel, answer.status_code, answer.body[:80])
        return False
    return True


class Pool:
    """A bounded thread pool: ``submit`` refuses work (returns False) when every slot is taken."""

    def __init__(self, name: str, threads: int, queue: int) -> None:
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=f"factdesk-{name}")
        self._slots = threading.BoundedSemaphore(threads + queue)

    def submit(self, work: Callable[[], None]) -> bool:
        """Run ``work`` on the pool; False (and nothing run) when the pool is full."""
        if not self._slots.acquire(blocking=False):
            return False

        def run() -> None:
            try:
                work()
            finally:
                self._slots.release()

        self._executor.submit(run)
        return True


class Inline:
    """A pool that runs work at once in the caller's thread: the console's, so replies are in order."""

    def submit(self, work: Callable[[], None]) -> bool:
        """Run ``work`` now."""
        work()
        return True


Runner = Pool | Inline


class Pools:
    """The two pools: slash-command answers, and event answers (DMs and mentions)."""

    def __init__(self, commands: Runner, events: Runner) -> None:
        self.commands = commands
        self.events = events

    @classmethod
    def threaded(cls) -> Pools:
        """Bounded thread pools, for a served process."""
        return cls(Pool("commands", ANSWER_THREADS, ANSWER_THREADS * QUEUE_PER_THREAD),
                   Pool("events", POST_THREADS, POST_THREADS * QUEUE_PER_THREAD))

    @classmethod
    def inline(cls) -> Pools:
        """Run everything in the request's thread (the console)."""
        return cls(Inline(), Inline())
