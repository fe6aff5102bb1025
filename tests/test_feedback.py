"""Readers' reports: stored outside the base, shared by processes, listed for curators by the CLI."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.feedback import FeedbackStore

ROOT = Path(__file__).resolve().parent.parent


def _write_reports(location: str, worker: int, count: int) -> None:
    store = FeedbackStore(location)
    for number in range(count):
        store.add(fact=f"quote:w{worker}-{number}", articles=("000_x.txt",), problem="other",
                  details=f"worker {worker}", reporter=f"U{worker}", channel="C1")


def test_reports_from_several_processes_are_all_kept_once(shared_location: str) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_reports, args=(shared_location, worker, 25)) for worker in range(4)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    reports = FeedbackStore(shared_location).reports()
    assert len(reports) == 100 and len({report.id for report in reports}) == 100
    assert {report.fact for report in reports} == {f"quote:w{w}-{n}" for w in range(4) for n in range(25)}


def test_a_closed_report_leaves_the_open_list(shared_location: str) -> None:
    store = FeedbackStore(shared_location)
    first = store.add(fact="event:a", articles=("001.txt",), problem="wrong_date", details="it was a Tuesday")
    store.add(fact="quote:b", articles=(), problem="misquoted", details="")
    assert store.close(first, "re-dated") and not store.close(first)
    assert [report.fact for report in store.reports()] == ["quote:b"]
    closed = store.reports(include_closed=True)[0]
    assert closed.status == "closed" and closed.resolution == "re-dated"
    with pytest.raises(ValueError, match="unknown problem"):
        store.add(fact="x:y", articles=(), problem="bogus", details="")


def run_cli(*args: str, store: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"FACTDESK_FEEDBACK": str(store)}
    return subprocess.run([sys.executable, "-m", "knowledge", "feedback", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)


def test_the_cli_lists_open_reports_with_fact_id_and_article(shared_location: str) -> None:
    store_path = shared_location
    store = FeedbackStore(store_path)
    number = store.add(fact="quote:zarif-fruitful-talks", articles=("004_c0ddc8b3dfc0bf7e.txt",),
                       problem="misquoted", details="the tweet says “detailed”", reporter="U1", channel="C9")
    done = run_cli(store=store_path)
    assert done.returncode == 0, done.stderr
    assert f"#{number}  open" in done.stdout and "quote:zarif-fruitful-talks" in done.stdout
    assert "004_c0ddc8b3dfc0bf7e.txt" in done.stdout and "The words differ from the article" in done.stdout
    assert "1 open report(s)" in done.stdout
    as_json = json.loads(run_cli("--json", store=store_path).stdout)
    assert as_json[0]["fact"] == "quote:zarif-fruitful-talks" and as_json[0]["articles"] == ["004_c0ddc8b3dfc0bf7e.txt"]
    assert run_cli("--close", str(number), "--resolution", "fixed", store=store_path).returncode == 0
    assert "0 open report(s)" in run_cli(store=store_path).stdout
    assert run_cli("--close", str(number), store=store_path).returncode == 1
    assert "closed" in run_cli("--all", store=store_path).stdout
