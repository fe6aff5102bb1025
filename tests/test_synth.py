"""The synthetic corpus generator: deterministic for a seed, and accepted by the compiler's checks."""

from __future__ import annotations

from pathlib import Path

from knowledge.compile import Paths, compile_base, coverage_problems
from knowledge.synth import write_corpus


def _files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 2, seed=7)
    write_corpus(tmp_path / "b", 2, seed=7)
    write_corpus(tmp_path / "c", 2, seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_a_small_synthetic_corpus_passes_check(tmp_path: Path) -> None:
    assert write_corpus(tmp_path, 2) == 10
    paths = Paths(tmp_path)
    data = compile_base(paths)
    assert coverage_problems(data, paths) == []
    assert len(data.sources) == 10
    merged = [fact for fact in (*data.events, *data.quotes) if len({c.article for c in fact.sources}) > 1]
    assert any(fact.id.startswith("syn-") for fact in merged)  # companion reports merge
    successions = [person for person in data.people if person.id.startswith("syn-") and person.roles
                   and person.roles[0].title == "Foreign Minister"]
    assert len(successions) > 4  # a post held by one person after another
    assert all(len(person.aliases) >= 2 for person in data.people if person.id.startswith("syn-"))
