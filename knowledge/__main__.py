"""The knowledge CLI: ``python -m knowledge build|check|export|extract|add``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from knowledge.compile import CompileFailed, Paths, compile_base, coverage_problems
from knowledge.store import build, default_db_path, export_data


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


COMMANDS = {"build": run_build, "check": run_check, "export": run_export}
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
    sys.exit(main())
