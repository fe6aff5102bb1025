"""The TimeML reader and scorer, on a document written for the test."""

from datetime import date
from pathlib import Path

import pytest

from knowledge.dates import resolve
from knowledge.models import DateSpan
from knowledge.timeml import Timex, gold_span, kind_of, main, read_document, value_right

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-04" functionInDocument="CREATION_TIME">March 4</TIMEX3></DCT>
<TEXT>
The board met <TIMEX3 tid="t1" type="DATE" value="1998-03-02">Monday</TIMEX3> to review results.
It will vote in <TIMEX3 tid="t2" type="DATE" value="1998-06">June</TIMEX3> &amp; report <TIMEX3 tid="t3"
type="DURATION" value="P1W">a week</TIMEX3> later. Profit rose <TIMEX3 tid="t4" type="DATE"
value="PAST_REF">recently</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reads_dates_with_their_sentences(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(DOCUMENT)
    found = list(read_document(path))
    assert [(timex.text, timex.value) for timex in found] == [
        ("Monday", "1998-03-02"), ("June", "1998-06"), ("recently", "PAST_REF")]
    assert found[1].sentence == "It will vote in June & report a week later."
    assert all(timex.created == date(1998, 3, 4) for timex in found)


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("1989-Q3", "1989-07-01", "1989-09-30", "quarter"),
        ("1989-H2", "1989-07-01", "1989-12-31", "half"),
        ("2013-SU", "2013-06-01", "2013-08-31", "season"),
        ("1998-W02-WE", "1998-01-10", "1998-01-11", "day"),
        ("199", "1990-01-01", "1999-12-31", "decade"),
        ("19", "1900-01-01", "1999-12-31", "century"),
        ("1998-01-08TNI", "1998-01-08", "1998-01-08", "day"),
    ],
)
def test_gold_values(value: str, start: str, end: str, precision: str) -> None:
    assert gold_span(value) == DateSpan(start=date.fromisoformat(start), end=date.fromisoformat(end),
                                        precision=precision)


@pytest.mark.parametrize("value", ["XXXX-XX", "P1D", "1998-W02-XX", "FUTURE_REF"])
def test_values_naming_no_interval_are_not_scored(value: str) -> None:
    assert gold_span(value) is None


def test_scoring_by_value_and_by_anchor() -> None:
    created = date(1998, 3, 4)
    june = Timex("d", "June", "1998-06", "It will vote in June.", created)
    assert kind_of(june) == "month"
    assert value_right(june, resolve("June", created, context=june.sentence))
    assert not value_right(june, resolve("June", created))
    recent = Timex("d", "recently", "PAST_REF", "Profit rose recently.", created)
    assert kind_of(recent) == "vague" and value_right(recent, resolve("recently", created))
    assert not value_right(recent, resolve("soon", created))


def test_command_prints_both_splits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for number in range(6):
        (tmp_path / f"doc{number}.tml").write_text(DOCUMENT)
    assert main(["--timeml", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "DATE 18" in printed and "DURATION 6" in printed
    assert "dev:" in printed and "held-out:" in printed and "overall" in printed
