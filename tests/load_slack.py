"""Load the production web process and count lost and duplicated replies (a benchmark, not a test).

``python tests/load_slack.py [--commands 1000] [--events 500] [--concurrency 50] [--retries 0.2]``
builds the shipped base, starts the Procfile's ``web`` process (gunicorn, two workers) on loopback
against the fake Slack Web API of the tests, then sends signed slash commands and DM events from
``--concurrency`` threads. A share of the events (``--retries``) is sent again with
``X-Slack-Retry-Num`` 1, as Slack does when it thinks a delivery was lost. It prints the ack
latency (p50/p99 of the HTTP answer), and how many replies were lost (no answer within the
wait) or duplicated (answered more than once). Every request goes to 127.0.0.1 only, and the
run is bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fake_slack import FakeSlack  # noqa: E402
from test_http import (  # noqa: E402
    TOKEN,
    command_body,
    event_body,
    free_port,
    post,
    procfile_web,
    server_env,
    signed_headers,
    start,
    stop,
)

WAIT_SECONDS = 120  # how long to wait for the last answers after the last request


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main(argv: list[str] | None = None) -> int:
    """Run the load and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=1000)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--retries", type=float, default=0.2, help="share of events sent twice (default 0.2)")
    args = parser.parse_args(argv)
    from knowledge.store import build

    with tempfile.TemporaryDirectory() as tmp, FakeSlack(TOKEN) as slack:
        db = Path(tmp) / "factbase.sqlite"
        build(target=db)
        port = free_port()
        env = server_env(slack, port) | {"WEB_CONCURRENCY": "2", "FACTDESK_DB": str(db),
                                         "FACTDESK_STATE": str(Path(tmp) / "state.sqlite")}
        server = start(procfile_web(port), env, port, Path(tmp) / "server.log", Path(tmp), slack)
        try:
            acks: list[float] = []
            statuses: dict[int, int] = {}

            busy: list[str] = []

            def send(body: str, content_type: str, extra: dict[str, str] | None = None) -> None:
                started = time.perf_counter()
                status, answer = post(server.url, body, signed_headers(body, content_type) | (extra or {}))
                acks.append(time.perf_counter() - started)
                statuses[status] = statuses.get(status, 0) + 1
                if "answering many questions at once" in answer:
                    busy.append(body)

            triggers = [f"{int(time.time())}.{index}" for index in range(args.commands)]
            channels = [f"D0LOAD{index:05d}" for index in range(args.events)]
            jobs = [(command_body("/whois", "jilani", trigger, slack.base_url), "application/x-www-form-urlencoded",
                     None) for trigger in triggers]
            for index, channel in enumerate(channels):
                event = {"type": "message", "channel_type": "im", "channel": channel, "user": "U0ASKER",
                         "text": "who is Jilani?", "ts": f"{time.time():.6f}"}
                body = event_body(event, event_id=f"EvLOAD{index:05d}")
                jobs.append((body, "application/json", None))
                if index < int(args.retries * args.events):
                    jobs.append((body, "application/json", {"X-Slack-Retry-Num": "1",
                                                             "X-Slack-Retry-Reason": "http_timeout"}))
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                list(pool.map(lambda job: send(*job), jobs))
            sent_seconds = time.perf_counter() - started
            deadline = time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline:
                answered = sum(1 for trigger in triggers if slack.answers(trigger))
                posted = {call.get("channel") for call in slack.calls_to("chat.postMessage")}
                if answered == len(triggers) and posted >= set(channels):
                    break
                time.sleep(0.5)
            per_channel: dict[str, int] = {}
            for call in slack.calls_to("chat.postMessage"):
                per_channel[str(call.get("channel"))] = per_channel.get(str(call.get("channel")), 0) + 1
            command_answers = [len(slack.answers(trigger)) for trigger in triggers]
        finally:
            stop(server)
    print(json.dumps({"requests": len(jobs), "statuses": statuses}))
    print(f"sent {len(jobs)} requests in {sent_seconds:.1f} s at concurrency {args.concurrency}")
    print(f"ack latency: p50 {statistics.median(acks) * 1000:.1f} ms, p99 {_percentile(acks, 0.99) * 1000:.1f} ms")
    print(f"slash commands: {args.commands} sent, {len(busy)} told to ask again (pool full), "
          f"{sum(1 for n in command_answers if n == 0) - len(busy)} lost, "
          f"{sum(1 for n in command_answers if n > 1)} answered more than once")
    print(f"DM events: {args.events} sent (+{int(args.retries * args.events)} retried), "
          f"{sum(1 for channel in channels if per_channel.get(channel, 0) == 0)} lost, "
          f"{sum(1 for channel in channels if per_channel.get(channel, 0) > 1)} answered more than once")
    return 0


if __name__ == "__main__":
    sys.exit(main())
