"""An incremental build writes an artefact holding what a full build's holds, and fails as it fails.

Changes to articles only are patched into a copy of the previous artefact; anything else (a
registry file, an article a designation cites, a problem) compiles the whole base from the cache.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge import builder
from knowledge.builder import build
from knowledge.cache import BuildCache, cache_path
from knowledge.compile import CompileFailed, Paths, Problem, compile_base
from knowledge.models import FactBaseData
from knowledge.store import FactBase, export_data
from knowledge.synth import write_corpus


def _content(target: Path) -> dict[str, list[str]]:
    """Every table's rows, in order of their values (FTS5's own shadow tables left out: their
    segments depend on the order sentences were written in, the sentences themselves do not)."""
    connection = sqlite3.connect(target)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_%'")]
        content = {table: sorted(map(repr, connection.execute(f"SELECT * FROM {table}"))) for table in tables}
        content["schema"] = sorted(map(repr, connection.execute("SELECT type, name, sql FROM sqlite_master")))
        return content
    finally:
        connection.close()


def _served(target: Path) -> str:
    base = FactBase.open(target, rebuild=False)
    try:
        return json.dumps(base.export(), ensure_ascii=False, indent=2)
    finally:
        base.close()


def _export(paths: Paths, cache: BuildCache | None = None) -> str:
    return json.dumps(export_data(compile_base(paths, cache)), ensure_ascii=False, indent=2)


def _problems(paths: Paths, target: Path, full: bool) -> tuple[Problem, ...]:
    with pytest.raises(CompileFailed) as failure:
        build(paths, target, full=full)
    return failure.value.problems


def _sentence_counts(target: Path) -> tuple[list[tuple[str, int]], list[tuple[str, str]], int]:
    """What a free-text search ranks by: each term's sentence count and the sentence totals in ``meta``;
    and how many segments FTS5's index has."""
    connection = sqlite3.connect(target)
    try:
        return (connection.execute("SELECT term, docs FROM sentence_terms ORDER BY term").fetchall(),
                connection.execute("SELECT key, value FROM meta WHERE key LIKE 'sentence%' ORDER BY key").fetchall(),
                connection.execute("SELECT count(DISTINCT segid) FROM sentences_idx").fetchone()[0])
    finally:
        connection.close()


def _assert_as_full(paths: Paths, target: Path) -> None:
    full = build(paths, paths.root / "full" / "base.sqlite", full=True)
    terms, totals, segments = _sentence_counts(full)
    assert terms and [key for key, _ in totals] == ["sentence_count", "sentence_tokens"] and segments == 1
    assert _sentence_counts(target) == (terms, totals, segments)
    assert _content(target) == _content(full)
    assert _served(target) == _served(full) == _export(paths)


@pytest.fixture()
def corpus(tmp_path: Path) -> Paths:
    """A 2x synthetic corpus, built once so that its cache is filled."""
    write_corpus(tmp_path, 2)
    paths = Paths(tmp_path)
    build(paths, tmp_path / "build" / "base.sqlite")
    return paths


@pytest.fixture()
def whole_compiles(monkeypatch: pytest.MonkeyPatch) -> list[Paths]:
    """The builds that compiled the whole base (an article-only change is patched instead)."""
    compiled: list[Paths] = []

    def counted(paths: Paths, cache: BuildCache | None = None) -> FactBaseData:
        compiled.append(paths)
        return compile_base(paths, cache)

    monkeypatch.setattr(builder, "compile_base", counted)
    return compiled


def _synthetic(paths: Paths) -> list[Path]:
    designated = paths.groups.read_text(encoding="utf-8")
    return [path for path in sorted(paths.articles.glob("*.toml"))
            if len(path.stem.split("_")[0]) == 5 and path.stem not in designated]


def _corroborated(paths: Paths, target: Path) -> Path:
    """A synthetic article one of whose facts another article reports too."""
    connection = sqlite3.connect(target)
    try:
        shared = {article for (article,) in connection.execute(
            "SELECT article FROM citations WHERE (kind, fact_id) IN "
            "(SELECT kind, fact_id FROM citations GROUP BY kind, fact_id HAVING count(*) > 1)")}
    finally:
        connection.close()
    return next(path for path in _synthetic(paths) if f"{path.stem}.txt" in shared)


def test_editing_adding_and_deleting_articles_patches_what_a_full_build_builds(
        corpus: Paths, whole_compiles: list[Paths]) -> None:
    target = corpus.root / "build" / "base.sqlite"
    edited = _corroborated(corpus, target)
    removed, copied, *_ = (path for path in _synthetic(corpus) if path != edited)
    edited.write_text(edited.read_text(encoding="utf-8").replace('topics = ["', 'topics = ["edited-topic", "'),
                      encoding="utf-8")
    build(corpus, target)
    assert not whole_compiles
    assert "edited-topic" in _served(target)
    _assert_as_full(corpus, target)

    shutil.copy(corpus.seeds / f"{copied.stem}.txt", corpus.seeds / "zz-copy.txt")
    shutil.copy(copied, corpus.articles / "zz-copy.toml")
    whole_compiles.clear()
    build(corpus, target)
    assert not whole_compiles
    assert '"article": "zz-copy.txt"' in _served(target)
    _assert_as_full(corpus, target)

    removed.unlink()
    (corpus.seeds / f"{removed.stem}.txt").unlink()
    (corpus.articles / "zz-copy.toml").unlink()
    whole_compiles.clear()
    build(corpus, target)
    assert not whole_compiles
    assert f"{removed.stem}.txt" not in _served(target)
    _assert_as_full(corpus, target)


def test_a_registry_edit_rebuilds_the_whole_base(corpus: Paths, whole_compiles: list[Paths]) -> None:
    target = corpus.root / "build" / "base.sqlite"
    people = corpus.people.read_text(encoding="utf-8")
    corpus.people.write_text(people.replace('aliases = [', 'aliases = ["A New Alias", ', 1), encoding="utf-8")
    build(corpus, target)
    assert whole_compiles == [corpus]
    assert "A New Alias" in _served(target)
    _assert_as_full(corpus, target)


def test_a_broken_edit_is_refused_as_a_full_build_refuses_it(corpus: Paths) -> None:
    target = corpus.root / "build" / "base.sqlite"
    before = target.read_bytes()
    edited = _synthetic(corpus)[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(r'evidence = "', 'evidence = "Not in the seed. ', text, count=1), encoding="utf-8")
    incremental = _problems(corpus, target, full=False)
    assert incremental and incremental == _problems(corpus, corpus.root / "full" / "base.sqlite", full=True)
    assert target.read_bytes() == before


def test_a_quote_twin_in_a_new_article_is_refused_as_a_full_build_refuses_it(corpus: Paths) -> None:
    target = corpus.root / "build" / "base.sqlite"
    before = target.read_bytes()
    copied = _synthetic(corpus)[0]
    text = copied.read_text(encoding="utf-8")
    assert "[[quote]]" in text
    shutil.copy(corpus.seeds / f"{copied.stem}.txt", corpus.seeds / "zz-twin.txt")
    (corpus.articles / "zz-twin.toml").write_text(re.sub(r'(?m)^id = "', 'id = "twin-', text), encoding="utf-8")
    incremental = _problems(corpus, target, full=False)
    assert any("also quote" in problem.reason for problem in incremental)
    assert incremental == _problems(corpus, corpus.root / "full" / "base.sqlite", full=True)
    assert target.read_bytes() == before


def test_a_patch_that_fails_midway_leaves_the_old_artefact(corpus: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    target = corpus.root / "build" / "base.sqlite"
    before = target.read_bytes()
    edited = _synthetic(corpus)[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace('topics = ["', 'topics = ["edited-topic", "'),
                      encoding="utf-8")

    def interrupted(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(builder, "_finish", interrupted)
    with pytest.raises(OSError, match="disk full"):
        build(corpus, target)
    assert target.read_bytes() == before
    assert sorted(path.name for path in target.parent.iterdir()) == sorted([target.name, cache_path(target).name])


def test_a_registry_edit_re_resolves_every_article(corpus: Paths) -> None:
    target = corpus.root / "build" / "base.sqlite"
    before = target.read_bytes()
    people = corpus.people.read_text(encoding="utf-8")
    person = re.search(r'id = "syn-[^"]+"\nname = "[^"]+"\n(side = "[^"]+"\n)?aliases = \[[^\]]*\]', people)
    assert person
    corpus.people.write_text(people.replace(person[0], 'id = "syn-renamed"\nname = "Renamed Person"'),
                             encoding="utf-8")
    incremental = _problems(corpus, target, full=False)
    assert any("is not a known name or alias" in problem.reason for problem in incremental)
    assert incremental == _problems(corpus, corpus.root / "full" / "base.sqlite", full=True)
    assert target.read_bytes() == before
