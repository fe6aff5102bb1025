"""The knowledge CLI: ``python -m knowledge build|check|export|seal|extract|add|feedback``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.cli import exit_with
from knowledge.compile import CompileFailed, Paths, compile_base, coverage_problems, seal
from knowledge.store import build, default_db_path, export_data

if TYPE_CHECKING:
    from knowledge.feedback import FeedbackStore


def _paths(root: str | None) -> Paths:
    return Paths(Path(root).resolve()) if root else Paths()


def run_build(arguments: argparse.Namespace) -> int:
    """Compile the curated files into the SQLite artefact."""
    paths = _paths(arguments.root)
    target = build(paths, Path(arguments.output) if arguments.output else default_db_path(paths), arguments.full)
    print(f"built {target}")
    return 0


def run_check(arguments: argparse.Namespace) -> int:
    """Verify the curated files and the coverage of quotations; writes nothing."""
    paths = _paths(arguments.root)
    data = compile_base(paths)
    problems = coverage_problems(data, paths)
    for problem in problems:
        print(problem)
    counts = ", ".join(f"{len(getattr(data, kind))} {kind}" for kind in
                       ("sources", "people", "groups", "events", "quotes", "threats"))
    if problems:
        print(f"check failed: {len(problems)} quoted passage problem(s) ({counts})")
        return 1
    print(f"check passed: {counts}; every quoted passage is accounted for")
    return 0


def run_export(arguments: argparse.Namespace) -> int:
    """Print the compiled base as JSON."""
    data = compile_base(_paths(arguments.root))
    json.dump(export_data(data), sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    print()
    return 0


def run_seal(arguments: argparse.Namespace) -> int:
    """Record each seed's hash in its article file, after its facts were checked against it."""
    changed = seal(_paths(arguments.root))
    print("\n".join(f"sealed {name}" for name in changed) or "every article file already records its seed's hash")
    return 0


def run_feedback(arguments: argparse.Namespace) -> int:
    """List readers' open reports on facts (``--all`` with closed ones), or close one."""
    from knowledge.feedback import FeedbackStore
    from knowledge.shared_store import StoreUnavailable

    try:
        return _feedback(FeedbackStore(arguments.store or None), arguments)
    except StoreUnavailable as error:
        print(f"feedback: error: {error}", file=sys.stderr)
        return 2


def _feedback(store: FeedbackStore, arguments: argparse.Namespace) -> int:
    from knowledge.feedback import report_lines

    if arguments.close is not None:
        if not store.close(arguments.close, arguments.resolution or ""):
            print(f"no open report #{arguments.close} in {store.shown}", file=sys.stderr)
            return 1
        print(f"closed report #{arguments.close}")
        return 0
    reports = store.reports(include_closed=arguments.all)
    if arguments.json:
        json.dump([report.__dict__ | {"articles": list(report.articles)} for report in reports], sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
        return 0
    for report in reports:
        print("\n".join(report_lines(report)))
    kind = "report(s)" if arguments.all else "open report(s)"
    print(f"{len(reports)} {kind} in {store.shown}")
    return 0


COMMANDS = {"build": run_build, "check": run_check, "export": run_export, "seal": run_seal,
            "feedback": run_feedback}
DELEGATED = {"extract": "knowledge.extract", "add": "knowledge.ingest"}


def main(argv: list[str] | None = None) -> int:
    """Run one CLI command; compile errors are reported (file, fact, reason, fix) with exit 1."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in DELEGATED:
        module = __import__(DELEGATED[argv[0]], fromlist=["main"])
        return int(module.main(argv[1:]))
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__)
    parser.add_argument("--root", help="repository root holding seeds/ and knowledge/ (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build_parser = commands.add_parser("build", help="compile the curated files into the SQLite fact base")
    build_parser.add_argument("--output", help="where to write the database (default: $FACTDESK_DB or "
                                               "knowledge/build/factbase.sqlite)")
    build_parser.add_argument("--full", action="store_true",
                              help="re-parse every file instead of reusing the per-file cache beside the database")
    commands.add_parser("check", help="verify the base and the coverage of quotations; exit 1 on any problem")
    commands.add_parser("export", help="print the compiled base as JSON")
    commands.add_parser("seal", help="record each seed's sha256 in its article file (after re-verifying its facts)")
    feedback_parser = commands.add_parser("feedback", help="list readers' open reports on facts (fact id, articles)")
    feedback_parser.add_argument("--store", help="the feedback store, a path or a postgresql:// URL (default: "
                                                 "$FACTDESK_FEEDBACK or factdesk-feedback.sqlite)")
    feedback_parser.add_argument("--all", action="store_true", help="closed reports too")
    feedback_parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    feedback_parser.add_argument("--close", type=int, metavar="N", help="close report N once the fact is fixed")
    feedback_parser.add_argument("--resolution", help="with --close: what was done")
    commands.add_parser("extract", help="propose facts from an article (see: extract --help)")
    commands.add_parser("add", help="add an article to seeds/ with draft facts for review (see: add --help)")
    arguments = parser.parse_args(argv)
    try:
        return COMMANDS[arguments.command](arguments)
    except CompileFailed as failure:
        print(failure.report(), file=sys.stderr)
        print(f"{len(failure.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    exit_with(main)
