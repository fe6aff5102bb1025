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
import json
import math
import os
import shutil
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


CELL_SECONDS = 6.0  # stop timing one input on one app after this long in all rounds (at least MIN_RUNS runs)
MIN_RUNS = 100
WARM_UP = 20
ROUNDS = 5  # every input on every app is timed in this many rounds, spread over the run


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


def _timings(console: Console, line: str, n: int, least: int = MIN_RUNS, seconds: float = CELL_SECONDS) -> list[float]:
    """Dispatch times in ms of ``line``: ``n`` runs after ``WARM_UP`` untimed ones, or fewer (at least
    ``least``) when the runs take more than ``seconds`` in all."""
    for _ in range(WARM_UP):
        console.app.dispatch(console.request(line))
    times: list[float] = []
    began = time.perf_counter()
    while len(times) < n and (len(times) < least or time.perf_counter() - began < seconds):
        request = console.request(line)
        start = time.perf_counter()
        console.app.dispatch(request)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _p(times: list[float], q: float) -> float:
    """The ``q`` quantile of ``times`` (nearest rank: the p99 of 1,000 runs is the 990th fastest)."""
    ordered = sorted(times)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1))]


def _environment(root: Path | None, db: Path | None) -> dict[str, str]:
    environment = dict(os.environ)
    if root is not None:
        environment["FACTDESK_ROOT"] = str(root)
    if db is not None:
        environment["FACTDESK_DB"] = str(db)
    return environment


PEAK_PREFIX = "peak-rss-kb "
REPORTING_PEAK = f"""
import atexit, resource, runpy, sys

def report():
    try:
        with open("/proc/self/status") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write("\\n{PEAK_PREFIX}%d\\n" % peak)

atexit.register(report)
sys.argv = sys.argv[1:]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def reporting_peak(module: str, *arguments: str) -> list[str]:
    """The argv of ``python -m module arguments…`` in a process that writes its own peak RSS to stderr
    as it exits (``/proc/self/status`` VmHWM: the peak of that process's own memory).

    Not ``ru_maxrss`` of the child as ``wait4`` reports it: on Linux a child spawned by (v)fork and
    exec inherits, as its ``ru_maxrss``, the peak RSS of the parent it was forked from — the bench
    process, which holds three apps and the base — so that figure said 100–500 MB for a 50 MB process.
    """
    return [sys.executable, "-c", REPORTING_PEAK, module, *arguments]


def _peak_kb(stderr: str) -> int:
    return max((int(line.removeprefix(PEAK_PREFIX)) for line in stderr.splitlines()
                if line.startswith(PEAK_PREFIX)), default=0)


def cold_start(root: Path | None = None, db: Path | None = None, runs: int = 3,
               lines: tuple[str, ...] = ()) -> tuple[list[float], int]:
    """Seconds from spawning ``python -m bot console --json`` to its first answer line, and the peak RSS
    (KB) of a serving process that then answers every one of ``lines``."""
    results, peak = [], 0
    here = Path(__file__).resolve().parent.parent
    for run in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(reporting_peak("bot", "console", "--json"), cwd=here, text=True,
                                   env=_environment(root, db), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
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
        _, stderr = process.communicate()
        peak = max(peak, _peak_kb(stderr))
    return results, peak


def timed_build(root: Path | None, db: Path, *extra: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of ``python -m knowledge build`` in a fresh process."""
    argv = reporting_peak("knowledge", *(("--root", str(root)) if root else ()), "build", "--output", str(db),
                          *extra)
    start = time.perf_counter()
    process = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if process.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(argv)}\n{process.stderr}")
    return time.perf_counter() - start, _peak_kb(process.stderr)


def incremental_builds(root: Path | None, db: Path) -> dict[str, float]:
    """Seconds of an incremental build after each of: editing one article (a topic added to its
    events), undoing the edit, adding an article (a copy of the last one under a new name) and deleting it.

    The corpus and the artefact end as they began.
    """
    base = root or REPO_ROOT
    article = sorted(base.joinpath("knowledge", "articles").glob("*.toml"))[-1]
    seed = base / "seeds" / f"{article.stem}.txt"
    added = article.with_name("zz-bench-added.toml"), seed.with_name("zz-bench-added.txt")
    original = article.read_bytes()
    seconds = {}
    try:
        article.write_bytes(original.replace(b'topics = ["', b'topics = ["bench-edit", "'))
        seconds["edit"] = timed_build(root, db)[0]
    finally:
        article.write_bytes(original)
    seconds["undo the edit"] = timed_build(root, db)[0]
    try:
        shutil.copy(seed, added[1])
        shutil.copy(article, added[0])
        seconds["add"] = timed_build(root, db)[0]
    finally:
        for path in added:
            path.unlink(missing_ok=True)
    seconds["delete"] = timed_build(root, db)[0]
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Print the build figures, the latency table, the cold start and the serving RSS."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="dispatches per input and app (default 1000)")
    parser.add_argument("--root", help="the corpus (a repository with seeds/ and knowledge/, e.g. one written by "
                                       "python -m knowledge.synth); default this checkout")
    parser.add_argument("--no-build", action="store_true", help="time no build: use the artefact as it is")
    parser.add_argument("--save", help="write each input shape's full-app p50 / p99 / n to this JSON file")
    parser.add_argument("--against", help="a --save file of another corpus (e.g. 1x): print each p99 over its p99")
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
        timed = incremental_builds(root, db)
        print("Incremental build after one article's " + ", ".join(f"{step}: {s:.2f} s" for step, s in timed.items()))
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
    against = json.loads(Path(args.against).read_text(encoding="utf-8")) if args.against else {}
    print(f"Dispatch through the Bolt app, ms: p50 / p99 of n runs (up to {args.n}, at least {MIN_RUNS}) in {ROUNDS} "
          f"rounds over the whole run, each after {WARM_UP} untimed runs; same payloads. 'rounds' is the median of "
          "the rounds' p99s (a burst of load from other processes spoils one round, not the figure)"
          + ("; ratios: p99 / p99 of --against, all runs and rounds" if against else ""))
    print(f"{'input':38} {'no-op':>15} {'render':>15} {'full':>17} {'rounds':>7} {'n':>5}"
          + (f" {'p99 ratio':>12}" if against else ""))
    rounds: dict[str, dict[str, list[list[float]]]] = {line: {name: [] for name in apps} for line in lines}
    for _ in range(ROUNDS):
        for line in lines:
            for name, console in apps.items():
                rounds[line][name].append(_timings(console, line, args.n // ROUNDS, MIN_RUNS // ROUNDS,
                                                   CELL_SECONDS / ROUNDS))
    measured: dict[str, dict[str, Any]] = {}
    for shape, line in zip(SHAPES, lines, strict=True):
        cells = {name: [time for part in parts for time in part] for name, parts in rounds[line].items()}
        row = "  ".join(f"{_p(t, 0.5):6.2f} / {_p(t, 0.99):6.2f}" for t in cells.values())
        full_times = cells["full"]
        measured[shape] = {"input": line, "p50": _p(full_times, 0.5), "p99": _p(full_times, 0.99),
                           "p99_rounds": statistics.median(_p(part, 0.99) for part in rounds[line]["full"]),
                           "n": len(full_times)}
        ratio = ""
        if shape in against:
            ratio = (f" {measured[shape]['p99'] / against[shape]['p99']:5.1f}x"
                     f" {measured[shape]['p99_rounds'] / against[shape]['p99_rounds']:5.1f}x")
        print(f"{line[:38]:38} {row} {measured[shape]['p99_rounds']:7.2f} {len(full_times):5}{ratio}")
    if args.save:
        Path(args.save).write_text(json.dumps(measured, indent=1), encoding="utf-8")
    starts, rss = cold_start(root, db, lines=tuple(lines))
    print(f"\nCold start, process start to the first answer ({lines[-3]!r} via the console): "
          f"median {statistics.median(starts):.2f} s (runs: {', '.join(f'{s:.2f}' for s in starts)})")
    print(f"Peak RSS of a serving process (the console, after answering every input above): {rss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
