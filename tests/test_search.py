"""Free-text search ranks by BM25 from counts the build wrote: FTS5's bm25() where no word repeats."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_compile import make_repo

from knowledge.store import FactBase, PhraseTerms, build, fts5_integers

ARTICLE_A = """River valley report

Farmers near the river bridge sold wheat at dawn.
The bridge over a river needs urgent repair work.
Merchants crossed one narrow bridge carrying spices and silk.
Heavy rain flooded every market along the eastern river.
Villagers rebuilt homes after spring floods receded quickly.
A long convoy of trucks reached the market before noon.
Traders say prices at this market doubled since winter.
"""

ARTICLE_B = f"""Bridge news

Our river bridge collapsed under heavy snow last winter.
Engineers promised a new bridge within two years.
Spices from distant ports arrive by boat each week.
Officials said the river rose faster than anyone expected this spring.
Surveyors counted {" ".join(f"site{number}" for number in range(140))} along one river.
Bridge tolls rose sharply after repairs finished.
Boats bring fresh fish to market along one southern river.
"""


def _source(headline: str) -> str:
    return f'[source]\nheadline = "{headline}"\npublished = 2025-10-29\nprecision = "day"\nbasis = "fixture"\n'


@pytest.fixture()
def base(tmp_path: Path) -> Iterator[FactBase]:
    """Two articles whose sentences hold no word twice, built and opened as the bot opens them."""
    paths = make_repo(tmp_path, a=_source("River valley report"), b=_source("Bridge news"))
    (paths.seeds / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (paths.seeds / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    target = build(paths, tmp_path / "build" / "base.sqlite")
    opened = FactBase.open(target, rebuild=False)
    yield opened
    opened.close()


def _fts5_ranking(base: FactBase, query: str) -> list[tuple[str, str, int, float]]:
    """Every sentence matching ``query``, ranked by FTS5's own bm25()."""
    return [(article, sentence, int(offset), -rank) for article, sentence, offset, rank in base._db.execute(
        "SELECT article, sentence, offset, bm25(sentences) AS rank FROM sentences WHERE sentences MATCH ? "
        "ORDER BY rank, article, offset", (query,))]


def test_no_sentence_of_the_corpus_holds_a_word_twice(base: FactBase) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("ATTACH ? AS built", (f"file:{_path(base)}?mode=ro",))
    connection.execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab (built, sentences, 'row')")
    repeated = connection.execute("SELECT term FROM vocabulary WHERE cnt != doc").fetchall()
    connection.close()
    assert repeated == []


@pytest.mark.parametrize("text, query", [
    ("river bridge", '"river" AND "bridge"'),
    ("market river", '"market" AND "river"'),
    ("bridge repair", '"bridge" AND "repair"'),
    ("spices flooded", '"spices" OR "flooded"'),
    ("winter spices", '"winter" OR "spices"'),
    ("noon site7 dawn", '"noon" OR "site7" OR "dawn"'),
])
def test_sentences_rank_as_fts5s_bm25_ranks_them(base: FactBase, text: str, query: str) -> None:
    expected = _fts5_ranking(base, query)
    holding_every_word = _fts5_ranking(base, " AND ".join(f'"{word}"' for word in text.split()))
    assert len(expected) > 1 and holding_every_word in (expected, [])  # one level answers: the query's
    assert base.sentences(text, limit=len(expected)) == expected
    assert base.sentences(text, limit=2) == expected[:2]


def test_equal_scores_are_ordered_by_article_and_offset(base: FactBase) -> None:
    found = base.sentences("river bridge", limit=3)
    assert len({score for *_, score in found}) == 1
    assert [(article, offset) for article, _, offset, _ in found] == sorted(
        (article, offset) for article, _, offset, _ in found)
    assert [article for article, *_ in found] == ["a.txt", "a.txt", "b.txt"]


def test_a_word_is_counted_by_its_stem(base: FactBase) -> None:
    terms = PhraseTerms()
    assert terms.terms("borders") == terms.terms("border") == ("border",)
    assert terms.terms("flooded") == terms.terms("floods") == ("flood",)
    assert base._sentence_docs("flooded") == base._sentence_docs("floods") == 2
    assert base._sentence_docs("zzqx") == base._sentence_docs("__") == 0
    assert base.sentences("__ spices") == base.sentences("spices") != []  # '__' has no term: it matches nothing


def test_a_word_of_several_terms_counts_as_its_rarest(base: FactBase) -> None:
    assert PhraseTerms().terms("winter_bridge") == ("winter", "bridg")
    assert base._sentence_docs("winter_bridge") == base._sentence_docs("winter") == 2
    assert base._sentence_docs("bridge") == 6
    found = base.sentences("river_bridge", limit=5)
    assert [(article, offset) for article, _, offset, _ in found] == [
        (article, offset) for article, _, offset, _ in _fts5_ranking(base, '"river bridge"')]
    assert len(found) == 2


def test_a_search_writes_nothing_to_the_artefact(base: FactBase) -> None:
    before = hashlib.sha256(_path(base).read_bytes()).hexdigest()
    for text in ("river bridge", "spices flooded", "borders", "winter_bridge"):
        base.sentences(text)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        base._db.execute("INSERT INTO sentence_terms VALUES ('x', 1)")
    assert hashlib.sha256(_path(base).read_bytes()).hexdigest() == before


def test_fts5_records_decode_as_sqlite_varints() -> None:
    assert fts5_integers(bytes([0x09, 0x00, 0x00])) == [9, 0, 0]
    assert fts5_integers(bytes([0x82, 0x2C, 0x00])) == [300, 0]
    assert fts5_integers(bytes([0x81, 0x80, 0x00])) == [16384]
    assert fts5_integers(bytes([0xFF] * 8 + [0x01])) == [(1 << 64) - 255]


def _path(base: FactBase) -> Path:
    return Path(base._db.execute("PRAGMA database_list").fetchone()[2])
