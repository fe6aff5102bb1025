"""An incremental build (per-file cache) writes the artefact a full build writes, and fails as it fails."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge.builder import build
from knowledge.cache import BuildCache, cache_path
from knowledge.compile import CompileFailed, Paths, Problem, compile_base
from knowledge.store import export_data
from knowledge.synth import write_corpus


def _dump(target: Path) -> list[str]:
    connection = sqlite3.connect(target)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _export(paths: Paths, cache: BuildCache | None = None) -> str:
    return json.dumps(export_data(compile_base(paths, cache)), ensure_ascii=False, indent=2)


def _problems(paths: Paths, target: Path, full: bool) -> tuple[Problem, ...]:
    with pytest.raises(CompileFailed) as failure:
        build(paths, target, full=full)
    return failure.value.problems


@pytest.fixture()
def corpus(tmp_path: Path) -> Paths:
    """A 2x synthetic corpus, built once so that its cache is filled."""
    write_corpus(tmp_path, 2)
    paths = Paths(tmp_path)
    build(paths, tmp_path / "build" / "base.sqlite")
    return paths


def _synthetic(paths: Paths) -> list[Path]:
    designated = paths.groups.read_text(encoding="utf-8")
    return [path for path in sorted(paths.articles.glob("*.toml"))
            if len(path.stem.split("_")[0]) == 5 and path.stem not in designated]


def test_editing_adding_and_deleting_articles_builds_what_a_full_build_builds(corpus: Paths) -> None:
    target = corpus.root / "build" / "base.sqlite"
    edited, *rest = _synthetic(corpus)
    removed, copied = rest[0], rest[1]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(r'summary = "', 'summary = "Edited: ', text, count=1), encoding="utf-8")
    shutil.copy(corpus.seeds / f"{copied.stem}.txt", corpus.seeds / "zz-copy.txt")
    shutil.copy(copied, corpus.articles / "zz-copy.toml")
    removed.unlink()
    (corpus.seeds / f"{removed.stem}.txt").unlink()

    build(corpus, target)
    full = build(corpus, corpus.root / "full" / "base.sqlite", full=True)
    assert _dump(target) == _dump(full)
    assert _export(corpus, BuildCache(cache_path(target))) == _export(corpus)
    assert "Edited: " in _export(corpus, BuildCache(cache_path(target)))


def test_a_broken_edit_is_refused_as_a_full_build_refuses_it(corpus: Paths) -> None:
    target = corpus.root / "build" / "base.sqlite"
    before = target.read_bytes()
    edited = _synthetic(corpus)[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(r'evidence = "', 'evidence = "Not in the seed. ', text, count=1), encoding="utf-8")
    incremental = _problems(corpus, target, full=False)
    assert incremental and incremental == _problems(corpus, corpus.root / "full" / "base.sqlite", full=True)
    assert target.read_bytes() == before


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
