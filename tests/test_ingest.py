"""``add``: copy the article byte for byte, draft its facts for review, never overwrite."""

from __future__ import annotations

import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest

from knowledge.ingest import main
from knowledge.models import ArticleFile

REPO = Path(__file__).parent.parent
ARTICLE = Path(__file__).parent / "articles" / "chabahar_port.txt"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A temporary copy of the repository layout: seeds and curated files."""
    (tmp_path / "seeds").mkdir()
    shutil.copytree(REPO / "knowledge" / "articles", tmp_path / "knowledge" / "articles")
    for name in ("people.toml", "groups.toml"):
        shutil.copy(REPO / "knowledge" / name, tmp_path / "knowledge" / name)
    return tmp_path


def test_add_copies_the_article_and_writes_a_draft_outside_articles(root: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    curated_before = sorted(path.read_bytes() for path in (root / "knowledge" / "articles").iterdir())
    assert main([str(ARTICLE), "--root", str(root)]) == 0
    assert (root / "seeds" / ARTICLE.name).read_bytes() == ARTICLE.read_bytes()
    draft = root / "knowledge" / "review" / "chabahar_port.toml"
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# DRAFT")
    assert ArticleFile.model_validate(tomllib.loads(text)).quote
    assert (root / "knowledge" / "review" / "chabahar_port.people.toml").exists()
    assert sorted(path.read_bytes() for path in (root / "knowledge" / "articles").iterdir()) == curated_before
    out = capsys.readouterr().out
    assert "promote:" in out and "knowledge/articles/" in out


def test_same_bytes_is_a_no_op_for_the_seed(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ARTICLE, root / "seeds" / ARTICLE.name)
    assert main([str(ARTICLE), "--root", str(root)]) == 0
    assert "already present (same bytes)" in capsys.readouterr().out


def test_add_refuses_to_overwrite_a_different_seed(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "seeds" / ARTICLE.name).write_text("another article\n", encoding="utf-8")
    assert main([str(ARTICLE), "--root", str(root)]) == 1
    assert "already exists with different bytes" in capsys.readouterr().err
    assert (root / "seeds" / ARTICLE.name).read_text(encoding="utf-8") == "another article\n"
    assert not (root / "knowledge" / "review").exists()


def test_add_refuses_a_curated_article_and_an_existing_draft(root: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    seed = next((REPO / "seeds").glob("000_*.txt"))
    assert main([str(seed), "--root", str(root)]) == 1
    assert "already curated" in capsys.readouterr().err
    assert main([str(ARTICLE), "--root", str(root)]) == 0
    assert main([str(ARTICLE), "--root", str(root)]) == 1
    assert "draft already exists" in capsys.readouterr().err
    assert main([str(ARTICLE), "--root", str(root), "--replace-draft"]) == 0


def test_root_can_come_from_the_environment(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTDESK_ROOT", str(root))
    assert main([str(ARTICLE)]) == 0
    assert (root / "seeds" / ARTICLE.name).exists()


def test_bad_article_is_refused_without_copying(root: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Caf\u00e9".encode("latin-1"))
    assert main([str(bad), "--root", str(root)]) == 1
    assert "UTF-8" in capsys.readouterr().err
    assert not (root / "seeds" / "bad.txt").exists()


def test_a_new_institution_is_drafted_beside_the_new_people(root: Path, tmp_path: Path) -> None:
    article = tmp_path / "ministry_statement.txt"
    article.write_text("Ministry warns of border closures\n\nThe Ruritanian Interior Ministry said on Monday that "
                       "crossings would close. “The border will be shut for a week,” the Interior Ministry said "
                       "in a statement.\n", encoding="utf-8")
    assert main([str(article), "--root", str(root), "--published", "2025-03-04"]) == 0
    draft = root / "knowledge" / "review" / "ministry_statement.institutions.toml"
    assert draft.exists() and "Interior Ministry" in draft.read_text(encoding="utf-8")


WIRE_ARTICLE = ("Ruritania and Borduria agree to reopen border crossing\n\n"
                "STRELSAU, Aug 19 (Wire) — Ruritania and Borduria agreed on Monday to reopen their main border "
                "crossing, officials said after talks in the capital.\n\n"
                "The crossing was closed in March after a clash between border guards.\n")


def test_a_wire_dateline_without_a_year_asks_for_the_date_and_names_the_years_its_weekday_fits(
        root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "wire_crossing.txt"
    article.write_text(WIRE_ARTICLE, encoding="utf-8")
    assert main([str(article), "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "the dateline “STRELSAU, Aug 19 (Wire)” gives no year" in out
    fitting = [year for year in range(date.today().year, date.today().year - 15, -1)
               if date(year, 8, 19).weekday() == 0]
    assert f"19 Aug is a Monday in {', '.join(map(str, fitting[:-1]))} and {fitting[-1]}" in out


def test_an_event_summary_leaves_the_wire_dateline_out(root: Path, tmp_path: Path) -> None:
    article = tmp_path / "wire_crossing.txt"
    article.write_text(WIRE_ARTICLE, encoding="utf-8")
    assert main([str(article), "--root", str(root), "--published", "2024-08-19"]) == 0
    draft = ArticleFile.model_validate(tomllib.loads(
        (root / "knowledge" / "review" / "wire_crossing.toml").read_text(encoding="utf-8")))
    lead = next(event for event in draft.event if "reopen" in event.summary)
    assert lead.summary.startswith("Ruritania and Borduria agreed on Monday") and "STRELSAU" in lead.evidence
