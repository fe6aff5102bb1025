"""Benchmark the adapter: ``python -m bot.bench [-n N]`` (a script, not a test; about 20 s).

For one example of every registered command, and for a DM, it times ``App.dispatch`` of a
signed Slack payload through three apps built in the same run:

- *no-op*: the same Bolt app setup whose listener acks (or posts) the finished payload;
- *render*: the real listeners over a core that hands back a ready :class:`Reply` (rendering only);
- *full*: the real app over the real fact base (lookup + rendering).

so full − render is what the lookup costs and render − no-op what Block Kit rendering costs,
beyond Bolt itself. Then the cold start: from process start to the first answer of
``python -m bot console --json``.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from slack_bolt import Ack, App, Say

from bot.app import Answerer, open_desk
from bot.commands import COMMANDS
from bot.console import Console
from bot.render import to_slack
from bot.replies import Reply

DM = "who is Araghchi?"


class ReadyDesk:
    """A core that answers from replies computed beforehand (rendering is still done per request)."""

    def __init__(self, desk: Answerer, lines: list[str]) -> None:
        self.replies = {line: _answer(desk, line) for line in lines}

    def command(self, name: str, text: str) -> Reply:
        """The ready reply to ``/name text``."""
        return self.replies[f"/{name} {text}".strip()]

    def message(self, text: str) -> Reply:
        """The ready reply to a DM."""
        return self.replies[text]


def _answer(desk: Answerer, line: str) -> Reply:
    if line.startswith("/"):
        name, _, text = line[1:].partition(" ")
        return desk.command(name, text)
    return desk.message(line)


def _noop_console(ready: ReadyDesk, payloads: dict[str, dict[str, Any]]) -> Console:
    """A console whose app has the same Bolt setup but listeners that only send ``payloads``."""
    console = Console(ready)
    app = App(name="noop", signing_secret=console.signing_secret, client=console.app.client,
              process_before_response=True)

    def acker(payload: dict[str, Any]) -> Callable[[Ack], None]:
        def ack_payload(ack: Ack) -> None:
            ack(payload)

        return ack_payload

    for line, payload in payloads.items():
        if line.startswith("/"):
            app.command(line.split()[0])(acker(payload))
    dm = {k: v for k, v in payloads[DM].items() if k != "response_type"}

    def post(say: Say) -> None:
        say(**dm)

    app.event("message")(post)
    console.app = app
    return console


def _timings(console: Console, line: str, n: int) -> list[float]:
    times = []
    for request in [console.request(line) for _ in range(n + 20)]:
        start = time.perf_counter()
        console.app.dispatch(request)
        times.append((time.perf_counter() - start) * 1000)
    return times[20:]


def _p(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cold_start(runs: int = 3) -> list[float]:
    """Seconds from spawning ``python -m bot console --json`` to its first answer line."""
    results = []
    root = Path(__file__).resolve().parent.parent
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "bot", "console", "--json"], cwd=root, text=True,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert process.stdin and process.stdout
        process.stdin.write(f"{DM}\n")
        process.stdin.flush()
        process.stdout.readline()
        results.append(time.perf_counter() - start)
        process.stdin.close()
        process.wait()
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the latency table and the cold start."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="dispatches per input and app (default 300)")
    args = parser.parse_args(argv)
    desk = open_desk()
    from knowledge.store import FactBase

    with contextlib.closing(FactBase.open()) as base:
        someone = base.export()["people"][0]["name"]
    lines = [next((ex for ex in spec.examples if "<" not in ex), f"{spec.slash} {someone}") for spec in COMMANDS]
    lines.append(DM)
    ready = ReadyDesk(desk, lines)
    payloads = {line: to_slack(ready.replies[line]) for line in lines}
    apps = {"no-op": _noop_console(ready, payloads), "render": Console(ready), "full": Console(desk)}
    for line in lines:  # the three apps must send the very same payloads
        sent = {name: console.send(line) for name, console in apps.items()}
        assert sent["no-op"] == sent["render"] == sent["full"], f"payloads differ for {line!r}"
    print(f"Dispatch through the Bolt app, ms (p50 / p99 of {args.n}; same run, same payloads)")
    print(f"{'input':34} {'no-op':>15} {'render':>15} {'full':>15} {'full/no-op':>11}")
    for line in lines:
        cells = {name: _timings(console, line, args.n) for name, console in apps.items()}
        row = "  ".join(f"{_p(t, 0.5):6.2f} / {_p(t, 0.99):5.2f}" for t in cells.values())
        ratio = _p(cells["full"], 0.5) / _p(cells["no-op"], 0.5)
        print(f"{line[:34]:34} {row} {ratio:10.1f}x")
    starts = cold_start()
    print(f"\nCold start, process start to the first answer ({DM!r} via the console): "
          f"median {statistics.median(starts):.2f} s (runs: {', '.join(f'{s:.2f}' for s in starts)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
