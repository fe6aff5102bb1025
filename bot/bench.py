"""Benchmark the desk on a corpus: ``python -m bot.bench [--root DIR] [-n N]`` (a script, not a test).

First the full build of the corpus (time, peak RSS, artefact size), and an incremental build
after editing one article (and after undoing the edit). Then, for inputs of every
command type and for DMs, it times ``App.dispatch`` of a
signed Slack payload through three apps built in the same run:

- *no-op*: the same Bolt app setup whose listener acks (or posts) the finished payload;
- *render*: the real listeners over a core that hands back a ready :class:`Reply` (rendering only);
- *full*: the real app over the real fact base (lookup + rendering).

so full − render is what the lookup costs and render − no-op what Block Kit rendering costs,
beyond Bolt itself. Then the cold start: from process start to the first answer of
``python -m bot console --json``, and the peak RSS of that serving process after it has answered
every input. ``--root`` takes a corpus written by ``python -m knowledge.synth``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, Respond

from bot.app import Answerer, open_desk
from bot.console import Console
from bot.replies import Reply
from knowledge.paths import REPO_ROOT

if TYPE_CHECKING:
    from knowledge.store import FactBase

SHAPES = (  # every command type, with the shapes that used to scan the base; {…} are filled from the base
    "/timeline all", "/timeline {month}", "/timeline {place} talks", "/timeline zzqx border",
    "/quotes {surname}", "/quotes smith", "/quotes {month}", "/quotes {side}'s {role}",
    "/threats all", "/threats {side} {year}", "/threats {group_alias}",
    "/whois {speaker}", "/whois {group_short}", "/whois smith", "/whois {side}",
    "/sources",
    "who is {surname}?", "what did {surname} say about terrorism?", "why is the border so porous?",
)


def bench_inputs(base: FactBase) -> list[str]:
    """The inputs timed, filled from the base: its most quoted speaker, a group, a side, a busy month."""
    quotes = base.quotes()
    counts: dict[str, int] = {}
    for quote in quotes:
        counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
    people = [base.people[ref] for ref in sorted(counts, key=lambda ref: (-counts[ref], ref)) if ref in base.people]
    person = people[0] if people else next(iter(base.people.values()))
    role_holder = next((someone for someone in people if someone.roles and someone.side), person)
    side = base.sides[role_holder.side] if role_holder.side in base.sides else next(iter(base.sides.values()))
    named = [claim.group for claim in base.threats() if claim.group]
    group = base.groups[max(sorted(set(named)), key=named.count)] if named else next(iter(base.groups.values()))
    months = [event.date.start.strftime("%Y-%m") for event in base.events() if event.date.precision == "day"]
    month = max(sorted(set(months)), key=months.count) if months else "2024-01"
    places = [event.place for event in base.events() if event.place]
    values = {
        "month": month, "year": month[:4], "place": max(sorted(set(places)), key=places.count) if places else "border",
        "surname": person.name.split()[-1], "speaker": person.name, "side": side.name,
        "role": role_holder.roles[0].title.lower() if role_holder.roles else "minister",
        "group_alias": (group.aliases or (group.name,))[0],
        "group_short": min((group.name, *group.aliases), key=len),
    }
    return [shape.format(**values) for shape in SHAPES]


CELL_SECONDS = 3.0  # stop timing one input on one app after this long (at least MIN_RUNS runs)
MIN_RUNS = 5


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


def _noop_console(ready: ReadyDesk, sent: dict[str, list[dict[str, Any]]]) -> Console:
    """A console whose app has the same Bolt setup but listeners that only send again what the real
    app sent for each line (``sent``): slash answers through ``respond``, DM answers through ``say``."""
    console = Console(ready)
    app = App(name="noop", signing_secret=console.signing_secret, client=console.app.client,
              process_before_response=True)

    def answer(ack: Ack, respond: Respond, command: dict[str, Any]) -> None:
        ack()
        for message in sent[f"{command['command']} {command.get('text') or ''}".strip()]:
            respond(**message)

    for slash in {line.split()[0] for line in sent if line.startswith("/")}:
        app.command(slash)(answer)

    client = console.app.client  # the app's own client, as the real listeners post through (no team_id)

    def post(event: dict[str, Any]) -> None:
        for message in sent[event["text"]]:
            client.chat_postMessage(**{key: value for key, value in message.items() if key != "response_type"})

    app.event("message")(post)
    console.app = app  # the no-op app posts the very message the real one posted
    return console


def _timings(console: Console, line: str, n: int) -> list[float]:
    """Dispatch times in ms of ``line``: ``n`` runs after a warm-up, or fewer when a run is slow."""
    times: list[float] = []
    began = time.perf_counter()
    warm = min(20, max(1, n // 10))
    while len(times) < n + warm:
        request = console.request(line)
        start = time.perf_counter()
        console.app.dispatch(request)
        times.append((time.perf_counter() - start) * 1000)
        if len(times) >= warm + MIN_RUNS and time.perf_counter() - began > CELL_SECONDS:
            break
    return times[warm:]


def _p(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _environment(root: Path | None, db: Path | None) -> dict[str, str]:
    environment = dict(os.environ)
    if root is not None:
        environment["FACTDESK_ROOT"] = str(root)
    if db is not None:
        environment["FACTDESK_DB"] = str(db)
    return environment


def cold_start(root: Path | None = None, db: Path | None = None, runs: int = 3,
               lines: tuple[str, ...] = ()) -> tuple[list[float], int]:
    """Seconds from spawning ``python -m bot console --json`` to its first answer line, and the peak RSS
    (KB) of a serving process that then answers every one of ``lines``."""
    results, peak = [], 0
    here = Path(__file__).resolve().parent.parent
    for run in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "bot", "console", "--json"], cwd=here, text=True,
                                   env=_environment(root, db), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
        assert process.stdin and process.stdout
        process.stdin.write(f"{lines[-3] if lines else '/sources'}\n")
        process.stdin.flush()
        process.stdout.readline()
        results.append(time.perf_counter() - start)
        if run == 0:
            for line in lines:
                process.stdin.write(f"{line}\n")
                process.stdin.flush()
                process.stdout.readline()
        process.stdin.close()
        _, _, usage = os.wait4(process.pid, 0)
        process.returncode = 0
        peak = max(peak, usage.ru_maxrss)
    return results, peak


def timed_build(root: Path | None, db: Path, *extra: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of ``python -m knowledge build`` in a fresh process."""
    argv = [sys.executable, "-m", "knowledge", *(("--root", str(root)) if root else ()), "build", "--output",
            str(db), *extra]
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    if status != 0:
        raise SystemExit(f"build failed: {' '.join(argv)}")
    return time.perf_counter() - start, usage.ru_maxrss


def incremental_builds(root: Path | None, db: Path) -> tuple[float, float]:
    """Seconds of an incremental build after editing one article's first summary, and after undoing it.

    The last article file of the corpus is edited in place and restored, so corpus and artefact end
    as they began.
    """
    article = sorted((root or REPO_ROOT).joinpath("knowledge", "articles").glob("*.toml"))[-1]
    original = article.read_bytes()
    try:
        article.write_bytes(original.replace(b'summary = "', b'summary = "Edited: ', 1))
        edited, _ = timed_build(root, db)
    finally:
        article.write_bytes(original)
    undone, _ = timed_build(root, db)
    return edited, undone


def main(argv: list[str] | None = None) -> int:
    """Print the build figures, the latency table, the cold start and the serving RSS."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="dispatches per input and app (default 300)")
    parser.add_argument("--root", help="the corpus (a repository with seeds/ and knowledge/, e.g. one written by "
                                       "python -m knowledge.synth); default this checkout")
    parser.add_argument("--no-build", action="store_true", help="time no build: use the artefact as it is")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve() if args.root else None
    from knowledge.store import FactBase, default_db_path, serving_paths

    if root is not None:
        os.environ["FACTDESK_ROOT"] = str(root)
    db = default_db_path(serving_paths())
    if not args.no_build:
        if db.exists():
            db.unlink()
        seconds, peak = timed_build(root, db, "--full")
        print(f"Full build: {seconds:.1f} s, peak RSS {peak / 1024:.0f} MB; "
              f"artefact {db.stat().st_size / 1e6:.1f} MB ({db})")
        edited, undone = incremental_builds(root, db)
        print(f"Incremental build after editing one article: {edited:.1f} s; after undoing the edit: {undone:.1f} s")
    with contextlib.closing(FactBase.open(db)) as base:
        print(f"Corpus: {len(base.sources)} articles, {len(base.people)} people, {len(base.groups)} groups")
        lines = bench_inputs(base)
    desk = open_desk()
    ready = ReadyDesk(desk, lines)
    full = Console(desk)
    sent = {line: full.send(line) for line in lines}
    apps = {"no-op": _noop_console(ready, sent), "render": Console(ready), "full": full}
    for line in lines:  # the three apps must send the very same payloads
        sent = {name: console.send(line) for name, console in apps.items()}
        assert sent["no-op"] == sent["render"] == sent["full"], f"payloads differ for {line!r}"
    print(f"Dispatch through the Bolt app, ms (p50 / p99 of up to {args.n}; same run, same payloads)")
    print(f"{'input':38} {'no-op':>15} {'render':>15} {'full':>17} {'full/no-op':>11}")
    for line in lines:
        cells = {name: _timings(console, line, args.n) for name, console in apps.items()}
        row = "  ".join(f"{_p(t, 0.5):6.2f} / {_p(t, 0.99):6.2f}" for t in cells.values())
        ratio = _p(cells["full"], 0.5) / _p(cells["no-op"], 0.5)
        print(f"{line[:38]:38} {row} {ratio:10.1f}x  (n={len(cells['full'])})")
    starts, rss = cold_start(root, db, lines=tuple(lines))
    print(f"\nCold start, process start to the first answer ({lines[-3]!r} via the console): "
          f"median {statistics.median(starts):.2f} s (runs: {', '.join(f'{s:.2f}' for s in starts)})")
    print(f"Peak RSS of a serving process (the console, after answering every input above): {rss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
