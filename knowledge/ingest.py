"""``python -m knowledge add ARTICLE``: take in a new article and draft its facts for review.

The article is copied into ``seeds/`` byte for byte (a different file of the same name is never
overwritten; the same bytes are a no-op). The proposed facts go to ``knowledge/review/<stem>.toml``
(plus ``<stem>.people.toml`` / ``<stem>.groups.toml`` for new names), outside
``knowledge/articles/`` so ``build`` keeps working until a curator has checked and promoted them.
Nothing already curated is overwritten.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from knowledge.extract import article_parser
from knowledge.extract.cast import Directory
from knowledge.extract.core import Proposals, propose
from knowledge.extract.reading import ArticleError, decode_article
from knowledge.extract.render import article_toml, groups_toml, institutions_toml, people_toml


class AddRefused(Exception):
    """``add`` would overwrite something; the message says what and what to do."""


@dataclass(frozen=True)
class Added:
    """What ``add`` did: the seed path, whether it was new, the draft files written, the proposals."""

    seed: Path
    copied: bool
    drafts: tuple[Path, ...]
    proposals: Proposals


def add_article(article: Path, root: Path, published: date | None = None, *, replace_draft: bool = False) -> Added:
    """Copy ``article`` into ``root/seeds`` and write its draft facts under ``root/knowledge/review``.

    Raises :class:`ArticleError` for an unreadable article and :class:`AddRefused` when a file
    would be overwritten.
    """
    try:
        data = article.read_bytes()
    except OSError as error:
        raise ArticleError(f"{article}: cannot read the file ({error.strerror})") from None
    text = decode_article(data, str(article))
    seed = root / "seeds" / article.name
    curated = root / "knowledge" / "articles" / f"{article.stem}.toml"
    review = root / "knowledge" / "review"
    drafts = {
        review / f"{article.stem}.toml": "",
        review / f"{article.stem}.people.toml": "",
        review / f"{article.stem}.institutions.toml": "",
        review / f"{article.stem}.groups.toml": "",
    }
    if seed.exists() and seed.read_bytes() != data:
        raise AddRefused(f"seeds/{seed.name} already exists with different bytes; rename the new article "
                         "(articles are never overwritten)")
    if curated.exists():
        raise AddRefused(f"knowledge/articles/{curated.name} is already curated; nothing to draft "
                         "(edit the curated file instead)")
    existing = [path for path in drafts if path.exists()]
    if existing and not replace_draft:
        raise AddRefused(f"a draft already exists ({existing[0].relative_to(root)}); review it, or pass "
                         "--replace-draft to write a fresh one over it")
    proposals = propose(text, Directory.load(root / "knowledge"), published)
    copied = not seed.exists()
    if copied:
        seed.parent.mkdir(parents=True, exist_ok=True)
        seed.write_bytes(data)
    contents = dict(zip(drafts, (article_toml(proposals, seed.name), people_toml(proposals),
                                 institutions_toml(proposals), groups_toml(proposals)), strict=True))
    review.mkdir(parents=True, exist_ok=True)
    written = []
    for path, content in contents.items():
        if content:
            path.write_text(content, encoding="utf-8")
            written.append(path)
        elif path.exists():
            path.unlink()
    return Added(seed, copied, tuple(written), proposals)


def checklist(added: Added, root: Path) -> str:
    """What the curator should check, and how to promote the draft."""
    p = added.proposals
    low = sum(1 for group in (p.quotes, p.events, p.threats) for item in group if item.confidence < 0.7)
    shown = [str(path.relative_to(root)) for path in added.drafts]
    stem = added.seed.stem
    lines = [
        f"{'copied' if added.copied else 'already present (same bytes)'}: seeds/{added.seed.name}",
        f"draft: {', '.join(shown)}",
        f"proposed: {len(p.quotes)} quotes, {len(p.events)} events, {len(p.threats)} threats, "
        f"{len(p.people)} new people, {len(p.groups)} new groups, {len(p.exclusions)} quotations to exclude; "
        f"{low} below confidence 0.70",
        *(f"note: {notice}" for notice in p.notices),
        "check: each speaker and quote extent, each date phrase and resolved date, threat sides and groups;",
        f"       the [source] publication date ({p.published.basis})",
        f"promote: merge {stem}.people.toml / {stem}.groups.toml into knowledge/people.toml / groups.toml,",
        f"         remove the DRAFT lines, move knowledge/review/{stem}.toml to knowledge/articles/,",
        "         then run `python -m knowledge build` and `python -m knowledge check`",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """``python -m knowledge add ARTICLE [--published YYYY-MM-DD] [--root DIR] [--replace-draft]``."""
    parser = article_parser("python -m knowledge add",
                            "Copy a new article into seeds/ and draft its facts in knowledge/review/ for a curator.")
    parser.add_argument("--replace-draft", action="store_true", help="write over an existing draft")
    args = parser.parse_args(argv)
    try:
        added = add_article(args.article, args.root, args.published, replace_draft=args.replace_draft)
    except (ArticleError, AddRefused) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(checklist(added, args.root))
    return 0
