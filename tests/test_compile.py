"""The compiler on small repositories written per test: what it accepts, merges and refuses."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.cache import CACHE_NAME
from knowledge.compile import CompileFailed, Paths, compile_base, coverage_problems, quoted_passages, seal
from knowledge.store import FactBase, build, export_data

ARTICLE_A = """Ministers meet in Quetta

QUETTA: Interior Minister Ali Khan on Wednesday met his counterpart Reza Karimi in Quetta.
“Our border must be safe,” Khan said, adding that the Sun Front was a threat.
The Sun Front was formed in 2012.
Karimi said the talks were ‘useful’ and called Khan’s visit “historic”.
"""

ARTICLE_B = """Quetta talks

Interior Minister Ali Khan met Reza Karimi on Wednesday in Quetta, according to officials.
“Our border must be safe,” Khan said.
"""

PEOPLE = """
[[person]]
id = "khan"
name = "Ali Khan"
side = "Pakistan"
aliases = ["Khan", "Ali Khaan"]
[[person.roles]]
title = "Interior Minister"

[[person]]
id = "karimi"
name = "Reza Karimi"
side = "Iran"
aliases = ["Karimi"]
"""

SIDES = """
[[side]]
id = "pakistan"
name = "Pakistan"
kind = "state"
demonyms = ["Pakistani"]
metonyms = ["Islamabad"]

[[side]]
id = "iran"
name = "Iran"
kind = "state"
demonyms = ["Iranian"]
"""

INSTITUTIONS = """
[[institution]]
id = "pakistan-government"
name = "Government of Pakistan"
side = "Pakistan"
kind = "government"
generic = ["government"]

[[institution]]
id = "pakistan-interior-ministry"
name = "Interior Ministry of Pakistan"
side = "pakistan"
kind = "interior ministry"
aliases = ["Pakistani Interior Ministry"]
generic = ["interior ministry"]
"""

GROUPS = """
[[group]]
id = "sun-front"
name = "Sun Front"
kind = "militant group"
aliases = ["SF"]
"""

SOURCE_A = """
[source]
headline = "Ministers meet in Quetta"
published = 2025-10-29
precision = "day"
basis = "fixture"
"""

SOURCE_B = SOURCE_A.replace("Ministers meet in Quetta", "Quetta talks")

MEETING_A = """
[[event]]
id = "khan-meets-karimi"
summary = "Khan meets Karimi in Quetta."
actors = ["Khan", "Karimi"]
place = "Quetta"
date_phrase = "on Wednesday"
evidence = "QUETTA: Interior Minister Ali Khan on Wednesday met his counterpart Reza Karimi in Quetta."
"""

MEETING_B = """
[[event]]
id = "khan-meets-karimi"
summary = "Khan meets Karimi in Quetta."
actors = ["Ali Khan", "Reza Karimi"]
date_phrase = "on Wednesday"
evidence = "Interior Minister Ali Khan met Reza Karimi on Wednesday in Quetta, according to officials."
"""

QUOTE = """
[[quote]]
id = "khan-border-safe"
speaker = "Khan"
kind = "direct"
text = "Our border must be safe"
evidence = "“Our border must be safe,” Khan said{tail}"
"""

REST_A = """
[[quote]]
id = "karimi-useful"
speaker = "Karimi"
kind = "direct"
text = "useful"
evidence = "Karimi said the talks were ‘useful’ and called Khan’s visit “historic”."

[[exclude]]
text = "historic"
reason = "fixture: kept out on purpose"

[[event]]
id = "sun-front-formed"
summary = "The Sun Front is formed."
actors = ["Sun Front"]
date_phrase = "in 2012"
evidence = "The Sun Front was formed in 2012."

[[threat]]
id = "khan-sun-front"
side = "Pakistan"
named_by = "Khan"
how = "statement"
group = "SF"
date_phrase = "on Wednesday"
evidence = "“Our border must be safe,” Khan said, adding that the Sun Front was a threat."
"""


def make_repo(root: Path, *, a: str | None = None, b: str | None = None, people: str = PEOPLE,
              groups: str = GROUPS, sides: str = SIDES, institutions: str = INSTITUTIONS) -> Paths:
    """Write a two-article repository under ``root``; ``a``/``b`` replace the article files."""
    (root / "seeds").mkdir(parents=True)
    (root / "knowledge" / "articles").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "seeds" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (root / "knowledge" / "people.toml").write_text(people, encoding="utf-8")
    (root / "knowledge" / "groups.toml").write_text(groups, encoding="utf-8")
    (root / "knowledge" / "sides.toml").write_text(sides, encoding="utf-8")
    (root / "knowledge" / "institutions.toml").write_text(institutions, encoding="utf-8")
    article_a = SOURCE_A + MEETING_A + QUOTE.replace("{tail}", ", adding that the Sun Front was a threat.") + REST_A
    article_b = SOURCE_B + MEETING_B + QUOTE.replace("{tail}", ".")
    (root / "knowledge" / "articles" / "a.toml").write_text(a if a is not None else article_a, encoding="utf-8")
    (root / "knowledge" / "articles" / "b.toml").write_text(b if b is not None else article_b, encoding="utf-8")
    return Paths(root)


def article_a(replace: str, by: str) -> str:
    text = SOURCE_A + MEETING_A + QUOTE.replace("{tail}", ", adding that the Sun Front was a threat.") + REST_A
    assert replace in text
    return text.replace(replace, by, 1)


def problems_of(paths: Paths) -> str:
    with pytest.raises(CompileFailed) as failure:
        compile_base(paths)
    return failure.value.report()


def test_a_valid_repository_compiles_and_merges_reports_of_the_same_facts(tmp_path: Path) -> None:
    data = compile_base(make_repo(tmp_path))
    meeting = next(event for event in data.events if event.id == "khan-meets-karimi")
    assert [citation.article for citation in meeting.sources] == ["a.txt", "b.txt"]
    assert meeting.actors == ("khan", "karimi")
    assert meeting.place == "Quetta"
    assert str(meeting.date.start) == "2025-10-29" and meeting.date.precision == "day"
    quote = next(quote for quote in data.quotes if quote.id == "khan-border-safe")
    assert quote.speaker == "khan" and len(quote.sources) == 2
    evidence = quote.sources[1]
    assert ARTICLE_B[evidence.offset:evidence.offset + evidence.length] == evidence.evidence
    threat = data.threats[0]
    assert (threat.side, threat.named_by, threat.group) == ("pakistan", "khan", "sun-front")
    formed = next(event for event in data.events if event.id == "sun-front-formed")
    assert (str(formed.date.start), str(formed.date.end), formed.date.precision) == ("2012-01-01", "2012-12-31", "year")
    assert [event.id for event in data.events] == ["sun-front-formed", "khan-meets-karimi"]
    assert coverage_problems(data, make_repo(tmp_path / "again")) == []


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ('summary = "The Sun Front is formed."', 'summary = "The Sun Front is formed."\nsummery = "x"',
         ["a.toml [sun-front-formed]: unknown key 'summery'", "fix: remove it"]),
        ("The Sun Front was formed in 2012.\"", "The Sun Front was founded in 2012.\"",
         ["a.toml [sun-front-formed]: evidence is not a verbatim part of a.txt",
          "closest: 'The Sun Front was formed in 2012.'"]),
        ('text = "useful"', 'text = "helpful"', ["a.toml [karimi-useful]: quote text is not inside its evidence"]),
        ('speaker = "Karimi"', 'speaker = "Karimy"',
         ["a.toml [karimi-useful]: speaker 'Karimy' is not a known name or alias", "did you mean 'karimi'"]),
        ('group = "SF"', 'group = "Moon Front"', ["[khan-sun-front]: group 'Moon Front' is not a known name"]),
        ('date_phrase = "in 2012"', 'date_phrase = "in the lean years"',
         ["[sun-front-formed]: date_phrase 'in the lean years' is not in the article",
          "cannot resolve the date phrase 'in the lean years'"]),
        ('how = "statement"', 'how = "narration"', ["[khan-sun-front]: narration must be named_by = \"outlet\""]),
        ('group = "SF"', 'unnamed = "terror"\ngroup = "SF"',
         ["a threat names exactly one group, state or unnamed threat"]),
        ('id = "karimi-useful"', 'id = "sun-front-formed"', []),
        ('precision = "day"', 'precision = "hour"', ["a.toml: source.precision: Input should be"]),
    ],
)
def test_broken_facts_are_refused_with_file_fact_reason_and_fix(
    tmp_path: Path, replace: str, by: str, expected: list[str]
) -> None:
    paths = make_repo(tmp_path, a=article_a(replace, by))
    if not expected:
        compile_base(paths)  # a quote and an event may share an id: ids are unique per kind
        return
    report = problems_of(paths)
    for fragment in expected:
        assert fragment in report


def test_the_same_id_with_different_words_is_refused(tmp_path: Path) -> None:
    changed = SOURCE_B + MEETING_B + QUOTE.replace("{tail}", ".").replace('speaker = "Khan"', 'speaker = "Karimi"')
    report = problems_of(make_repo(tmp_path, b=changed))
    assert "b.toml [khan-border-safe]: 'speaker' differs from knowledge/articles/a.toml under the same id" in report


def test_articles_that_disagree_on_a_date_are_refused(tmp_path: Path) -> None:
    changed = (SOURCE_B + MEETING_B + QUOTE.replace("{tail}", ".")).replace("2025-10-29", "2025-11-12")
    report = problems_of(make_repo(tmp_path, b=changed))
    assert "[khan-meets-karimi]: the articles disagree on the date" in report


def test_the_same_quote_under_two_ids_must_be_merged(tmp_path: Path) -> None:
    changed = (SOURCE_B + MEETING_B + QUOTE.replace("{tail}", ".")).replace("khan-border-safe", "border-safe-2")
    assert "give both entries the same id" in problems_of(make_repo(tmp_path, b=changed))


def test_an_alias_given_to_two_people_is_refused(tmp_path: Path) -> None:
    people = PEOPLE.replace('aliases = ["Karimi"]', 'aliases = ["Karimi", "Khan"]')
    assert "the name 'Khan' is also given to 'khan'" in problems_of(make_repo(tmp_path, people=people))


def test_invalid_toml_is_reported_not_raised(tmp_path: Path) -> None:
    report = problems_of(make_repo(tmp_path, a="[source\nheadline = 1"))
    assert "knowledge/articles/a.toml: not valid TOML" in report


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    broken = article_a('text = "useful"', 'text = "helpful"').replace('group = "SF"', 'group = "Moon"')
    with pytest.raises(CompileFailed) as failure:
        compile_base(make_repo(tmp_path, a=broken))
    assert len(failure.value.problems) == 2


def test_a_failed_build_writes_nothing_and_keeps_the_previous_artefact(tmp_path: Path) -> None:
    paths = make_repo(tmp_path)
    target = tmp_path / "out" / "base.sqlite"
    build(paths, target)
    before = target.read_bytes()
    (tmp_path / "knowledge" / "articles" / "a.toml").write_text(article_a('text = "useful"', 'text = "x"'))
    with pytest.raises(CompileFailed):
        build(paths, target)
    assert target.read_bytes() == before
    assert sorted(path.name for path in target.parent.iterdir()) == [CACHE_NAME, "base.sqlite"]  # no temporary


def test_builds_are_deterministic_and_the_base_rebuilds_when_stale(tmp_path: Path) -> None:
    paths = make_repo(tmp_path)
    first, second = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    build(paths, first)
    build(paths, second)
    one, two = FactBase.open(first, paths=paths), FactBase.open(second, paths=paths)
    assert json.dumps(one.export()) == json.dumps(two.export())
    assert one.export() == export_data(compile_base(paths))
    (tmp_path / "knowledge" / "articles" / "b.toml").unlink()
    rebuilt = FactBase.open(first, paths=paths)
    assert [source.article for source in rebuilt.sources] == ["a.txt"]


def test_coverage_lists_unaccounted_passages_and_stale_exclusions(tmp_path: Path) -> None:
    paths = make_repo(tmp_path, a=article_a('text = "historic"', 'text = "monumental"'))
    report = "\n".join(str(problem) for problem in coverage_problems(compile_base(paths), paths))
    assert "the quoted passage “historic”" in report
    assert "excluded passage 'monumental' is not a quoted passage" in report


def test_a_seed_without_curated_facts_fails_check_but_not_build(tmp_path: Path) -> None:
    paths = make_repo(tmp_path)
    (tmp_path / "seeds" / "c.txt").write_text("New article.\n", encoding="utf-8")
    data = compile_base(paths)
    assert "seeds/c.txt has no curated facts yet" in "\n".join(map(str, coverage_problems(data, paths)))


def test_quoted_passages_skip_apostrophes() -> None:
    text = "Khan’s visit was ‘useful’, he said: “Iran’s role” and \"plain\"."
    assert [passage for _, passage in quoted_passages(text)] == ["useful", "Iran’s role", "plain"]


def test_the_cli_reports_errors_and_exits_1(tmp_path: Path) -> None:
    make_repo(tmp_path, a=article_a('speaker = "Karimi"', 'speaker = "Nobody"'))
    result = subprocess.run([sys.executable, "-m", "knowledge", "--root", str(tmp_path), "build"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "speaker 'Nobody' is not a known name or alias" in result.stderr
    assert "nothing was written" in result.stderr
    assert not (tmp_path / "knowledge" / "build").exists()


def test_the_cli_exports_the_design_json_shape(tmp_path: Path) -> None:
    make_repo(tmp_path)
    result = subprocess.run([sys.executable, "-m", "knowledge", "--root", str(tmp_path), "export"],
                            capture_output=True, text=True, check=True)
    exported = json.loads(result.stdout)
    assert list(exported) == ["sources", "people", "groups", "events", "quotes", "threats", "sides", "institutions"]
    quote = next(quote for quote in exported["quotes"] if quote["id"] == "khan-border-safe")
    assert quote["speaker"] == "Ali Khan" and quote["date"] == "2025-10-29"
    assert [source["article"] for source in quote["sources"]] == ["a.txt", "b.txt"]
    event = next(event for event in exported["events"] if event["id"] == "sun-front-formed")
    assert (event["start"], event["end"], event["precision"]) == ("2012-01-01", "2012-12-31", "year")
    assert exported["threats"][0]["group"] == "Sun Front"


def test_sentences_do_not_break_after_a_title_or_inside_a_quotation() -> None:
    from knowledge.compile import split_sentences

    text = "He met Gen. Asim Munir. “We agree. We act,” he said.\nHeadline line"
    assert [sentence for _, sentence in split_sentences(text)] == [
        "He met Gen. Asim Munir.", "“We agree. We act,” he said.", "Headline line"]
    assert all(text[offset:].startswith(sentence) for offset, sentence in split_sentences(text))


def test_an_event_id_reused_with_another_summary_is_refused(tmp_path: Path) -> None:
    meeting = MEETING_B.replace("Khan meets Karimi in Quetta.", "Khan and Karimi sign a pact.")
    paths = make_repo(tmp_path, b=SOURCE_B + meeting + QUOTE.replace("{tail}", "."))
    problems = problems_of(paths)
    assert "[khan-meets-karimi]" in problems and "'summary' differs" in problems


def test_a_binary_seed_is_one_problem_naming_the_file(tmp_path: Path) -> None:
    paths = make_repo(tmp_path)
    (tmp_path / "seeds" / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe binary")
    result = subprocess.run([sys.executable, "-m", "knowledge", "--root", str(tmp_path), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "seeds/b.txt: the seed is not UTF-8 text (byte 0 is 0x89)" in result.stderr
    assert problems_of(paths).count("seeds/b.txt") == 1


def test_a_seed_edited_outside_any_evidence_is_reported_once_sealed(tmp_path: Path) -> None:
    paths = make_repo(tmp_path)
    assert seal(paths) == ["knowledge/articles/a.toml", "knowledge/articles/b.toml"]
    assert seal(paths) == []
    compile_base(paths)
    seed = tmp_path / "seeds" / "a.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "A line no fact cites.\n", encoding="utf-8")
    problems = problems_of(paths)
    assert "a.toml: seeds/a.txt has changed since it was curated" in problems and "knowledge seal" in problems


def test_the_artefact_is_as_readable_as_the_umask_says(tmp_path: Path) -> None:
    paths = make_repo(tmp_path)
    previous = os.umask(0o022)
    try:
        target = build(paths, tmp_path / "out" / "base.sqlite")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
