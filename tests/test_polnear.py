"""PolNeAR reading and scoring, on a two-article corpus written here (no corpus text is shipped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.evaluate import main
from knowledge.extract import Directory, propose
from knowledge.polnear import Article, CorpusError, Gold, evaluate_split, parse_ann, read_split, score_article

TEXT = ("Port reopens.\n\n"
        "“The port is open again,” Governor Dana Reyes said on Monday.\n\n"
        "“Fees will not rise,” she said.\n\n"
        "The Water Ministry said that ships could dock at night.\n")


def _span(text: str, words: str) -> str:
    start = text.index(words)
    return f"{start} {start + len(words)}"


def _corpus(root: Path) -> Path:
    data = root / "data"
    (data / "dev" / "text").mkdir(parents=True)
    (data / "dev" / "attributions").mkdir(parents=True)
    (data / "dev" / "text" / "port.txt").write_text(TEXT, encoding="utf-8")
    rows = [("Source", "Governor Dana Reyes"), ("Content", "“The port is open again,”"), ("Source", "she"),
            ("Content", "“Fees will not rise,”"), ("Source", "The Water Ministry"),
            ("Content", "ships could dock at night")]
    lines = [f"T{n}\t{label} {_span(TEXT, words)}\t{words}" for n, (label, words) in enumerate(rows, 1)]
    lines += ["E1\tAttribution:T9 Source:T1 Content:T2", "E2\tSource:T3 Content:T4",
              "E3\tSource:T5 Content:T6", f"T7\tCue {_span(TEXT, 'said')}\tsaid", "E4\tCue:T7 Content:T6"]
    (data / "dev" / "attributions" / "port_ab12.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "metadata.tsv").write_text("compartment\tfilename\tpublication_date\ndev\tport\t2024-03-06\n",
                                       encoding="utf-8")
    return root


def test_attributions_need_a_source_and_a_content_and_are_direct_inside_marks() -> None:
    lines = [f"T1\tSource {_span(TEXT, 'she')}\tshe", f"T2\tContent {_span(TEXT, '“Fees will not rise,”')}\tx",
             "E1\tSource:T1 Content:T2", f"T3\tContent {_span(TEXT, 'ships could dock')}\tx", "E2\tContent:T3"]
    gold = parse_ann("\n".join(lines), TEXT)
    assert [(g.source, g.direct) for g in gold] == [("she", True)]


def test_a_split_is_read_with_dates_and_scored(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    article = read_split(root, "dev")[0]
    assert (article.stem, str(article.published), len(article.gold)) == ("port", "2024-03-06", 3)
    result = evaluate_split(root, "dev", Directory())
    assert (result.direct.gold, result.direct.found, result.direct.speaker_right) == (2, 2, 2)
    assert (result.reported.gold, result.reported.found, result.reported.speaker_right) == (1, 1, 1)
    assert result.direct.proposed_right == result.direct.proposed
    assert (result.direct.found_named, result.direct.speaker_right_named) == (1, 1)
    assert "speaker 1.00 where the gold Source is a name (1 found), 1.00 where it refers (1 found)" in \
        result.direct.by_source("direct")


def test_the_cli_prints_the_figures_and_refuses_a_folder_that_is_not_polnear(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--polnear", str(_corpus(tmp_path / "corpus")), "--split", "dev"]) == 0
    assert "PolNeAR dev: 1 articles" in capsys.readouterr().out
    assert main(["--polnear", str(tmp_path / "nothing")]) == 1
    assert capsys.readouterr().err.startswith("error: ")
    with pytest.raises(CorpusError):
        read_split(tmp_path / "corpus", "test")


def test_a_two_letter_name_can_be_the_right_speaker(tmp_path: Path) -> None:
    text = "“The show goes on,” Dr. Oz said.\n"
    data = tmp_path / "data"
    (data / "dev" / "text").mkdir(parents=True)
    (data / "dev" / "attributions").mkdir(parents=True)
    (data / "dev" / "text" / "oz.txt").write_text(text, encoding="utf-8")
    rows = [("Source", "Dr. Oz"), ("Content", "“The show goes on,”")]
    lines = [f"T{n}\t{label} {_span(text, words)}\t{words}" for n, (label, words) in enumerate(rows, 1)]
    lines.append("E1\tSource:T1 Content:T2")
    (data / "dev" / "attributions" / "oz_ab12.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = evaluate_split(tmp_path, "dev", Directory())
    assert (result.direct.found, result.direct.speaker_right) == (1, 1)


def test_a_quotation_the_article_repeats_is_found_at_each_place() -> None:
    paragraph = "“The port is open again,” Governor Dana Reyes said.\n\n"
    text = paragraph + "Ships docked.\n\n" + paragraph
    content = "The port is open again"
    gold = tuple(Gold(((start, start + len(content)),), "Governor Dana Reyes", start + 27, True)
                 for start in (1, len(paragraph) + len("Ships docked.\n\n") + 1))
    article = Article("port", text, None, gold)
    proposals = propose(text, Directory())
    assert len(proposals.quotes) == 1
    direct, _ = score_article(article, proposals, Directory())
    assert (direct.proposed, direct.gold, direct.found, direct.speaker_right) == (1, 2, 2, 2)


def test_a_two_letter_source_word_can_be_the_right_speaker() -> None:
    text = "The campaign aired a spot on Monday.\n\nThe ad claims “only one candidate can fix the roads.”\n"
    content = "only one candidate can fix the roads."
    start = text.index(content)
    proposals = propose(text, Directory())
    right, _ = score_article(Article("ad", text, None, (Gold(((start, start + len(content)),), "The ad",
                                                             text.index("The ad"), True),)), proposals, Directory())
    assert [p.entry.speaker for p in proposals.quotes] == ["unnamed-ad"]
    assert (right.found, right.speaker_right) == (1, 1)


def test_a_new_institution_is_the_right_speaker_by_the_acronym_the_gold_source_uses() -> None:
    text = ("The Harbor Ministry of Roads met on Monday.\n\n"
            "“The port is open again,” the Harbor Ministry of Roads said on Tuesday, and HMR officials agreed.\n")
    content = "The port is open again"
    start = text.index(content)
    proposals = propose(text, Directory())
    assert [p.entry.aliases for p in proposals.institutions] == [["Harbor Ministry of Roads", "HMR"]]
    gold = Gold(((start, start + len(content)),), "HMR", text.index("HMR"), True)
    right, _ = score_article(Article("port", text, None, (gold,)), proposals, Directory())
    assert (right.found, right.speaker_right) == (1, 1)
