"""Date phrases as newswire writes them, each resolved in a sentence written for the test."""

import re
from datetime import date

import pytest

from knowledge.dates import DateError, direction, resolve
from knowledge.models import DateSpan

THURSDAY = date(1989, 10, 26)


def span(start: str, end: str | None, precision: str) -> DateSpan:
    return DateSpan(start=date.fromisoformat(start), end=date.fromisoformat(end or start), precision=precision)


@pytest.mark.parametrize(
    ("phrase", "sentence", "expected"),
    [
        ("a year earlier", "Net rose to $8 million, or 20 cents a share, from $6 million a year earlier.",
         span("1988-07-01", "1988-09-30", "quarter")),
        ("a year ago", "Revenue slipped 4% from a year ago.", span("1988-07-01", "1988-09-30", "quarter")),
        ("a year ago", "In the 1989 period, tax rates were lower than a year ago.",
         span("1988-07-01", "1988-09-30", "quarter")),
        ("year-ago", "The year-ago results have been restated.", span("1988-07-01", "1988-09-30", "quarter")),
        ("the same period last year", "Sales rose 9% from the same period last year.",
         span("1988-07-01", "1988-09-30", "quarter")),
        ("a year earlier", "For the nine months, net rose 12% from a year earlier.",
         span("1988-01-01", "1988-12-31", "year")),
        ("a year earlier", "Wages were 3% higher than a year earlier.", span("1988-01-01", "1988-12-31", "year")),
    ],
)
def test_earnings_copy_compares_the_same_quarter(phrase: str, sentence: str, expected: DateSpan) -> None:
    assert resolve(phrase, THURSDAY, context=sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "sentence", "expected"),
    [
        ("Nov. 20", "The group extended to Nov. 20 its offer for the company.", span("1989-11-20", None, "day")),
        ("Oct. 31", "The parent asked it to respond by Oct. 31.", span("1989-10-31", None, "day")),
        ("Oct. 3", "The group extended to Oct. 3 its offer.", span("1989-10-03", None, "day")),  # already past
        ("Dec. 20", "The group sold the unit on Dec. 20.", span("1988-12-20", None, "day")),
        ("Nov. 3", "The court adjourned and set Nov. 3 for the next hearing.", span("1989-11-03", None, "day")),
        ("Nov. 20", "The group sold the unit on Nov. 20.", span("1989-11-20", None, "day")),  # within a month
        ("Oct. 3", "Sites may be visited as laid down by the Oct. 3 accord.", span("1989-10-03", None, "day")),

        ("January", "Banks extended the loans through January.", span("1990-01-01", "1990-01-31", "month")),
    ],
)
def test_a_deadline_lies_near(phrase: str, sentence: str, expected: DateSpan) -> None:
    assert resolve(phrase, THURSDAY, context=sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Dozens were hurt in the blast next to the embassy on Friday.", "Friday", "back"),
        ("Trading in Paris is to resume Tuesday.", "Tuesday", "ahead"),
        ("The group could leave as soon as Tuesday.", "Tuesday", "ahead"),
        ("He announced that the father would be traveling to the United States Thursday.", "Thursday", "ahead"),
        ("A hundred were hurt Friday.", "Friday", "back"),
        ("The split would be paid on a still unspecified date in January.", "January", "ahead"),
        ("The airline will add flights by August in markets untouched by the crisis.", "August", "ahead"),
        ("The California-based company will report on Monday.", "Monday", "ahead"),
        ("It is his first visit since August, when he took office.", "August", "back"),
        ("He will make his first visit since August.", "August", "back"),
        ("Analysts had expected the deficit to reach $63 billion in October.", "October", "back"),
        ("Orders posted a smaller-than-expected rise in October.", "October", "back"),
        ("Inflation would have risen 0.1 percent in October.", "October", "near"),
        ("Talks started in October, which is expected to last a decade.", "October", "back"),
        ("The mine was shut due to an outdated licence in August.", "August", "back"),
        ("The minister, who was due to arrive on Wednesday, will stay a week.", "Wednesday", "ahead"),
    ],
)
def test_direction_cues(sentence: str, phrase: str, expected: str) -> None:
    assert direction(sentence, phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "sentence", "expected"),
    [
        ("later that year", "He fled in June 1998 and returned later that year.",
         span("1998-01-01", "1998-12-31", "year")),
        ("the following year", "On May 22, 1995, he was promoted, and the following year he moved abroad.",
         span("1996-01-01", "1996-12-31", "year")),
        ("the previous year", "Revenue for 1996 rose from the previous year.",
         span("1995-01-01", "1995-12-31", "year")),
        ("the previous month", "Retail sales rose in September from the previous month.",
         span("1989-08-01", "1989-08-31", "month")),
        ("the previous month", "September's gain was below the previous month.",
         span("1989-08-01", "1989-08-31", "month")),
        ("the next day", "The strike began on Oct. 3 and ended the next day.", span("1989-10-04", None, "day")),
        ("the day before", "Shares fell on Aug. 6, 1987, after a slump the day before.",
         span("1987-08-05", None, "day")),
        ("that day", "Shares rose in 1987; that day they fell.", span("1989-10-26", None, "day")),  # a year is no day
        ("the next day", "The strike began on Monday and ended the next day.", span("1989-10-24", None, "day")),
        ("the following year", "The plant closed, and the following year it reopened.",
         span("1990-01-01", "1990-12-31", "year")),  # no date named: as without context
    ],
)
def test_story_anchors_count_from_the_date_named_before(phrase: str, sentence: str, expected: DateSpan) -> None:
    assert resolve(phrase, THURSDAY, context=sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "published", "sentence", "expected"),
    [
        ("Thanksgiving Day", date(2000, 1, 7), "The boy was found at sea on Thanksgiving Day.",
         span("1999-11-25", None, "day")),
        ("last Thanksgiving", date(2000, 2, 10), None, span("1999-11-25", None, "day")),
        ("Election Day", date(1998, 10, 26), "Voters go to the polls on Election Day.",
         span("1998-11-03", None, "day")),
        ("Christmas", date(2006, 12, 11), "We want a vote before Christmas, a diplomat said.",
         span("2006-12-25", None, "day")),
        ("Christmas", date(2006, 12, 30), "He died on Christmas.", span("2006-12-25", None, "day")),
        ("Easter", date(2025, 1, 10), "The pilgrims will return at Easter.", span("2025-04-20", None, "day")),
        ("Good Friday", date(2024, 6, 1), None, span("2024-03-29", None, "day")),
        ("Easter week", date(2000, 4, 17), "Protesters prayed as Easter week began.",
         span("2000-04-17", "2000-04-23", "week")),
        ("New Year's Day 1997", date(1997, 4, 29), None, span("1997-01-01", None, "day")),
        ("New Year's Eve", date(2006, 12, 31), "Banks switch on New Year's Eve.", span("2006-12-31", None, "day")),
        ("next Labor Day", date(2025, 10, 29), None, span("2026-09-07", None, "day")),
        ("Memorial Day", date(2025, 10, 29), None, span("2025-05-26", None, "day")),
    ],
)
def test_holidays_by_their_rule(phrase: str, published: date, sentence: str | None, expected: DateSpan) -> None:
    assert resolve(phrase, published, context=sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "sentence", "expected"),
    [
        ("Tuesday morning", "She is scheduled to spend five hours there, her first stop Tuesday morning.",
         span("1989-10-31", None, "day")),
        ("Wednesday", "He is due to hold talks on Tuesday, before leaving on Wednesday.",
         span("1989-11-01", None, "day")),
        ("Friday", "Police could not stop the bullet that hit him Friday night.", span("1989-10-20", None, "day")),
    ],
)
def test_an_earlier_clause_that_looks_ahead_decides(phrase: str, sentence: str, expected: DateSpan) -> None:
    assert resolve(phrase, THURSDAY, context=sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("nearly four years ago", span("1985-01-01", "1985-12-31", "year")),
        ("almost two weeks ago", span("1989-10-09", "1989-10-15", "week")),
        ("1994 or later", span("1994-01-01", "1994-12-31", "year")),
        ("1990 and beyond", span("1990-01-01", "1990-12-31", "year")),
        ("a good part of 1990", span("1990-01-01", "1990-12-31", "year")),
        ("Friday's", span("1989-10-20", None, "day")),
        ("a week or so ago", span("1989-10-16", "1989-10-22", "week")),
        ("this coming Sunday, October twenty-ninth", span("1989-10-29", None, "day")),
        ("this coming Sunday", span("1989-10-29", None, "day")),
        ("October eighth", span("1989-10-08", None, "day")),
        ("wee hours Wednesday", span("1989-10-25", None, "day")),
        ("the early morning of last Wednesday", span("1989-10-25", None, "day")),
        ("the year two thousand", span("2000-01-01", "2000-12-31", "year")),
        ("two thousand and five", span("2005-01-01", "2005-12-31", "year")),
        ("year's end", span("1989-01-01", "1989-12-31", "year")),
        ("the full year", span("1989-01-01", "1989-12-31", "year")),
    ],
)
def test_hedged_and_spelled_out_phrases(phrase: str, expected: DateSpan) -> None:
    assert resolve(phrase, THURSDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "sentence", "expected"),
    [
        ("the July-September period", "The economy grew 2% in the July-September period.",
         span("1989-07-01", "1989-09-30", "quarter")),
        ("the July-to-September quarter", "Exports rose in the July-to-September quarter.",
         span("1989-07-01", "1989-09-30", "quarter")),
        ("January-October period", "Trade rose 9% in the January-October period.",
         span("1989-01-01", "1989-10-31", "month")),
        ("the December-February period", "Sales fell in the December-February period.",
         span("1988-12-01", "1989-02-28", "month")),
        ("The latest period", "The latest period includes gains of $9 million.",
         span("1989-07-01", "1989-09-30", "quarter")),
        ("the 1988 period", "In the 1988 period, the company earned $20 million.",
         span("1988-07-01", "1988-09-30", "quarter")),
    ],
)
def test_month_ranges_and_reported_periods(phrase: str, sentence: str, expected: DateSpan) -> None:
    assert resolve(phrase, THURSDAY, context=sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("recent weeks and months", "past"),
        ("several days ago", "past"),
        ("in recent decades", "past"),
        ("a later date", "future"),
        ("coming quarters", "future"),
        ("the next few months", "future"),
        ("this crucial moment", "present"),
    ],
)
def test_vague_forms(phrase: str, kind: str) -> None:
    found = resolve(phrase, THURSDAY)
    assert found.precision == "vague"
    assert (found.start, found.end) == {"past": (date.min, THURSDAY), "future": (THURSDAY, date.max),
                                        "present": (THURSDAY, THURSDAY)}[kind]


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("this winter", date(2005, 11, 23), span("2005-12-01", "2006-02-28", "season")),  # a week away
        ("this summer", date(1989, 11, 1), span("1989-06-01", "1989-08-31", "season")),
        ("this fall", date(1989, 10, 30), span("1989-09-01", "1989-11-30", "season")),  # under way
    ],
)
def test_this_season_is_the_nearest(phrase: str, published: date, expected: DateSpan) -> None:
    assert resolve(phrase, published) == expected


@pytest.mark.parametrize("phrase", ["October 56", "Feb. 30", "the eighth minute"])
def test_an_impossible_or_unknown_phrase_raises_naming_it(phrase: str) -> None:
    with pytest.raises(DateError, match=re.escape(repr(phrase))):
        resolve(phrase, THURSDAY, context=f"Shares fell on {phrase}, traders said.")


def test_an_impossible_anchor_leaves_the_phrase_as_without_one() -> None:
    assert resolve("that year", THURSDAY, context="It began on Feb. 30, 1987, and ended that year.") == span(
        "1989-01-01", "1989-12-31", "year")


@pytest.mark.parametrize(
    ("phrase", "sentence", "expected"),
    [
        ("on Monday", "The defence secretary flies into the capital on Monday.", span("1989-10-30", None, "day")),
        ("Sunday", "The conference ends Sunday.", span("1989-10-29", None, "day")),
        ("on Sunday", "The leaders can reclaim top spot with a win on Sunday.", span("1989-10-29", None, "day")),
        ("on Monday", "The index closes higher on Monday.", span("1989-10-30", None, "day")),
        ("Monday", "Shares rose Monday.", span("1989-10-23", None, "day")),
    ],
)
def test_a_present_tense_event_on_a_weekday_is_ahead(phrase: str, sentence: str, expected: DateSpan) -> None:
    assert resolve(phrase, THURSDAY, context=sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the 3rd of October", span("1989-10-03", None, "day")),
        ("the third of October", span("1989-10-03", None, "day")),
        ("the first week of October", span("1989-10-01", "1989-10-07", "week")),
        ("the third week of this month", span("1989-10-15", "1989-10-21", "week")),
        ("the last week of next month", span("1989-11-24", "1989-11-30", "week")),
        ("the first week of October 1987", span("1987-10-01", "1987-10-07", "week")),
        ("Tuesday next week", span("1989-10-31", None, "day")),
        ("Tuesday of next week", span("1989-10-31", None, "day")),
        ("next week's Tuesday", span("1989-10-31", None, "day")),
        ("Friday last week", span("1989-10-20", None, "day")),
        ("last October 14", span("1989-10-14", None, "day")),
        ("last November 3", span("1988-11-03", None, "day")),
        ("December 23 last year", span("1988-12-23", None, "day")),
        ("October 13 this year", span("1989-10-13", None, "day")),
        ("next March 31", span("1990-03-31", None, "day")),
        ("January 1841", span("1841-01-01", "1841-01-31", "month")),
        ("the summer of 1812", span("1812-06-01", "1812-08-31", "season")),
        ("two weeks' time", span("1989-11-06", "1989-11-12", "week")),
        ("a month's time", span("1989-11-01", "1989-11-30", "month")),
    ],
)
def test_days_and_weeks_named_by_their_month_or_week(phrase: str, expected: DateSpan) -> None:
    assert resolve(phrase, THURSDAY) == expected


def test_a_day_within_a_month_crosses_the_new_year() -> None:
    sentence = "The new signing was set to make his debut on January 2."
    assert resolve("January 2", date(2006, 12, 31), context=sentence) == span("2007-01-02", None, "day")
    sentence = "The vote will take place as planned on Dec. 28."
    assert resolve("Dec. 28", date(1999, 1, 5), context=sentence) == span("1998-12-28", None, "day")
