"""Readers' reports of problems with facts, kept for the curators outside the read-only base.

The bot's "Report a problem" modal stores a :class:`Report` here; ``python -m knowledge feedback``
lists the open ones with the fact id and its articles, and closes them once fixed.

The store is one SQLite file (``FACTDESK_FEEDBACK``, default ``factdesk-feedback.sqlite`` in the
working directory) in WAL mode: every process on the host — each gunicorn worker and its
threads, a Socket Mode worker, the curator's CLI — opens the same file and writes through
SQLite's own locking (``BEGIN IMMEDIATE``, a busy timeout), so no report is lost or
duplicated. Nothing starts it: the first process to open the path creates it. Processes on
several hosts need the path on storage they share safely, or another implementation of this
class's three methods over a database server.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from knowledge.shared_sqlite import SharedFile

FEEDBACK_ENV = "FACTDESK_FEEDBACK"
DEFAULT_FEEDBACK = "factdesk-feedback.sqlite"
PROBLEMS = {
    "wrong_date": "The date is wrong",
    "wrong_attribution": "The speaker or actor is wrong",
    "misquoted": "The words differ from the article",
    "wrong_source": "The article or citation is wrong",
    "missing_context": "Context is missing or misleading",
    "other": "Something else",
}
SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    fact TEXT NOT NULL,
    articles TEXT NOT NULL,
    problem TEXT NOT NULL,
    details TEXT NOT NULL,
    reporter TEXT,
    channel TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    closed TEXT,
    resolution TEXT);
CREATE INDEX IF NOT EXISTS reports_by_status ON reports (status, id);
"""


def default_feedback_path() -> Path:
    """``$FACTDESK_FEEDBACK``, else ``factdesk-feedback.sqlite`` in the working directory."""
    return Path(os.environ.get(FEEDBACK_ENV) or DEFAULT_FEEDBACK)


@dataclass(frozen=True)
class Report:
    """One reader's report on one fact (``fact`` is ``kind:id``)."""

    id: int
    created: str
    fact: str
    articles: tuple[str, ...]
    problem: str
    details: str
    reporter: str | None
    channel: str | None
    status: str
    closed: str | None = None
    resolution: str | None = None

    @property
    def problem_label(self) -> str:
        """The problem as the reader chose it ("The date is wrong")."""
        return PROBLEMS.get(self.problem, self.problem)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FeedbackStore:
    """Reports in one SQLite file, safe across threads and processes (and across forks)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_feedback_path()
        self._lock = threading.Lock()
        self._file = SharedFile(self.path, SCHEMA)
        self._db()

    def _db(self) -> sqlite3.Connection:
        return self._file.connection()

    def add(self, *, fact: str, articles: tuple[str, ...], problem: str, details: str,
            reporter: str | None = None, channel: str | None = None) -> int:
        """Store a new open report; returns its number."""
        if problem not in PROBLEMS:
            raise ValueError(f"unknown problem {problem!r}; one of {', '.join(PROBLEMS)}")
        with self._lock:
            db = self._db()
            db.execute("BEGIN IMMEDIATE")
            try:
                cursor = db.execute(
                    "INSERT INTO reports (created, fact, articles, problem, details, reporter, channel) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (_now(), fact, json.dumps(list(articles)), problem, details, reporter, channel))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return int(cursor.lastrowid or 0)

    def reports(self, *, include_closed: bool = False) -> list[Report]:
        """Open reports (every report with ``include_closed``), oldest first."""
        sql = "SELECT * FROM reports" + ("" if include_closed else " WHERE status = 'open'") + " ORDER BY id"
        with self._lock:
            rows = self._db().execute(sql).fetchall()
        return [Report(id=row[0], created=row[1], fact=row[2], articles=tuple(json.loads(row[3])), problem=row[4],
                       details=row[5], reporter=row[6], channel=row[7], status=row[8], closed=row[9],
                       resolution=row[10]) for row in rows]

    def close(self, report_id: int, resolution: str = "") -> bool:
        """Mark an open report closed; False when there is no such open report."""
        with self._lock:
            changed = self._db().execute(
                "UPDATE reports SET status = 'closed', closed = ?, resolution = ? WHERE id = ? AND status = 'open'",
                (_now(), resolution, report_id)).rowcount
        return changed == 1

    def close_connection(self) -> None:
        """Close this process's connection."""
        with self._lock:
            self._file.close()


def report_lines(report: Report) -> list[str]:
    """A report as the CLI lists it: number, state, when, fact, articles; then the reader's words."""
    articles = ", ".join(report.articles) or "no article"
    lines = [f"#{report.id}  {report.status}  {report.created}  {report.fact}  ({articles})",
             f"    {report.problem_label}" + (f": {report.details}" if report.details else ""),
             f"    reported by {report.reporter or 'unknown'} in {report.channel or 'unknown channel'}"]
    if report.status == "closed":
        lines.append(f"    closed {report.closed}" + (f": {report.resolution}" if report.resolution else ""))
    return lines
