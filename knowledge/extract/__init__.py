"""The ingest assistant: read a news article and propose candidate facts for a curator.

``propose(text, directory, published)`` is the pure core (text in, :class:`Proposals` out);
``main(argv)`` is ``python -m knowledge extract``.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from knowledge.extract.cast import Directory
from knowledge.extract.core import Proposal, Proposals, propose
from knowledge.extract.reading import ArticleError, decode_article
from knowledge.extract.render import as_json, draft_toml

__all__ = ["ArticleError", "Directory", "Proposal", "Proposals", "main", "propose", "read_and_propose"]

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def read_and_propose(path: Path, root: Path, published: date | None) -> Proposals:
    """Read an article file (any failure as :class:`ArticleError`) and propose its facts."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{path}: cannot read the file ({error.strerror})") from None
    text = decode_article(data, str(path))
    return propose(text, Directory.load(root / "knowledge"), published)


ROOT_VARIABLE = "FACTDESK_ROOT"


def article_parser(prog: str, description: str) -> argparse.ArgumentParser:
    """The arguments every article command takes: the article, ``--published`` and ``--root``."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("article", type=Path, help="the article, a UTF-8 text file")
    parser.add_argument("--published", type=iso_date, help="publication date, YYYY-MM-DD (else: dateline)")
    parser.add_argument("--root", type=Path, default=Path(os.environ.get(ROOT_VARIABLE, REPO_ROOT)),
                        help=f"repository root (default: ${ROOT_VARIABLE} or this repository)")
    return parser


def main(argv: list[str]) -> int:
    """``python -m knowledge extract ARTICLE [--published YYYY-MM-DD] [--json] [--root DIR]``."""
    parser = article_parser("python -m knowledge extract",
                            "Propose quotes, events and threat claims of a news article, for review.")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the TOML draft")
    args = parser.parse_args(argv)
    try:
        proposals = read_and_propose(args.article, args.root, args.published)
    except ArticleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(as_json(proposals) if args.json else draft_toml(proposals, args.article.name), end="")
    for notice in proposals.notices:
        print(f"note: {notice}", file=sys.stderr)
    return 0
