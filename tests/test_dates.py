"""Date phrases resolved against publication dates, one kind per test, edge cases included."""

import re
from datetime import date

import pytest

from knowledge.dates import DateError, direction, format_span, iso_text, parse_period, resolve
from knowledge.models import DateSpan

WEDNESDAY = date(2025, 10, 29)
MONDAY = date(2024, 1, 29)


def span(start: str, end: str | None, precision: str) -> DateSpan:
    return DateSpan(start=date.fromisoformat(start), end=date.fromisoformat(end or start), precision=precision)


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on Wednesday", WEDNESDAY, span("2025-10-29", None, "day")),  # the publication day itself
        ("on Monday", WEDNESDAY, span("2025-10-27", None, "day")),
        ("On Friday", MONDAY, span("2024-01-26", None, "day")),
        ("on Thursday", WEDNESDAY, span("2025-10-23", None, "day")),  # a week back, never ahead
        ("last Wednesday", WEDNESDAY, span("2025-10-22", None, "day")),
        ("earlier today", WEDNESDAY, span("2025-10-29", None, "day")),
        ("today", WEDNESDAY, span("2025-10-29", None, "day")),
        ("yesterday", WEDNESDAY, span("2025-10-28", None, "day")),
        ("last week", WEDNESDAY, span("2025-10-20", "2025-10-26", "week")),
        ("Last week", date(2025, 10, 27), span("2025-10-20", "2025-10-26", "week")),  # from a Monday
        ("earlier this month", WEDNESDAY, span("2025-10-01", "2025-10-29", "month")),
        ("last month", date(2024, 1, 5), span("2023-12-01", "2023-12-31", "month")),
        ("in August", WEDNESDAY, span("2025-08-01", "2025-08-31", "month")),
        ("in December", MONDAY, span("2023-12-01", "2023-12-31", "month")),  # later month: last year's
        ("in October", WEDNESDAY, span("2025-10-01", "2025-10-31", "month")),  # the publication month
        ("On January 16", MONDAY, span("2024-01-16", None, "day")),
        ("on January 30", MONDAY, span("2023-01-30", None, "day")),  # after publication: last year's
        ("on Oct 11", WEDNESDAY, span("2025-10-11", None, "day")),
        ("on 11 October", WEDNESDAY, span("2025-10-11", None, "day")),
        ("on the night of October 11", WEDNESDAY, span("2025-10-11", None, "day")),
        ("in December 2023", MONDAY, span("2023-12-01", "2023-12-31", "month")),
        ("on November 11, 2020", WEDNESDAY, span("2020-11-11", None, "day")),
        ("in 2012", MONDAY, span("2012-01-01", "2012-12-31", "year")),
        ("last year", MONDAY, span("2023-01-01", "2023-12-31", "year")),
        ("earlier on Monday", MONDAY, span("2024-01-29", None, "day")),
        ("tomorrow", WEDNESDAY, span("2025-10-30", None, "day")),
        ("next week", WEDNESDAY, span("2025-11-03", "2025-11-09", "week")),
        ("next month", date(2024, 12, 31), span("2025-01-01", "2025-01-31", "month")),
        ("next year", MONDAY, span("2025-01-01", "2025-12-31", "year")),
        ("2020-11-10", MONDAY, span("2020-11-10", None, "day")),
        ("2025-10", MONDAY, span("2025-10-01", "2025-10-31", "month")),
        ("2025-10-11..2025-10-29", WEDNESDAY, span("2025-10-11", "2025-10-29", "day")),
        ("2025-10-11..2025-11", WEDNESDAY, span("2025-10-11", "2025-11-30", "month")),
    ],
)
def test_resolve(phrase: str, published: date, expected: DateSpan) -> None:
    assert resolve(phrase, published) == expected


@pytest.mark.parametrize("phrase", ["in the lean years", "around the holidays", "the third of never", "on February 30",
                                    "2024-13", "2025-10-29..2025-10-11"])
def test_unresolvable_phrases_say_so(phrase: str) -> None:
    with pytest.raises(DateError):
        resolve(phrase, MONDAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", span("2024-01-01", "2024-12-31", "year")),
        ("2024-01", span("2024-01-01", "2024-01-31", "month")),
        ("jan 2024", span("2024-01-01", "2024-01-31", "month")),
        ("January 2024", span("2024-01-01", "2024-01-31", "month")),
        ("2025-10-29", span("2025-10-29", None, "day")),
        ("29 Oct 2025", span("2025-10-29", None, "day")),
        ("2024-01-10..2024-01-20", span("2024-01-10", "2024-01-20", "day")),
        ("2020..2024", span("2020-01-01", "2024-12-31", "year")),
        ("nov 2020 to jan 2024", span("2020-11-01", "2024-01-31", "month")),
    ],
)
def test_parse_period(text: str, expected: DateSpan) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["", "ambassadors", "iran", "jan", "12"])
def test_non_periods_are_none(text: str) -> None:
    assert parse_period(text) is None


@pytest.mark.parametrize("text", ["2024-13", "2024-02-30", "2024-01-20..2024-01-10", "0000", "0000-01"])
def test_impossible_periods_raise(text: str) -> None:
    with pytest.raises(DateError):
        parse_period(text)


@pytest.mark.parametrize(
    ("value", "shown", "iso"),
    [
        (span("2025-10-29", None, "day"), "29 Oct 2025", "2025-10-29"),
        (span("2025-10-11", "2025-10-29", "day"), "11–29 Oct 2025", "2025-10-11/2025-10-29"),
        (span("2025-10-20", "2025-10-26", "week"), "week of 20 Oct 2025", "2025-W43"),
        (span("2025-10-01", "2025-10-29", "month"), "Oct 2025", "2025-10"),
        (span("2012-01-01", "2012-12-31", "year"), "2012", "2012"),
    ],
)
def test_format_at_precision(value: DateSpan, shown: str, iso: str) -> None:
    assert format_span(value) == shown
    assert iso_text(value) == iso


def test_between_a_and_b_is_a_range() -> None:
    assert parse_period("2024-01-25 and 2024-01-30") == span("2024-01-25", "2024-01-30", "day")


def test_parts_of_a_year() -> None:
    assert parse_period("late 2024") == span("2024-09-01", "2024-12-31", "month")
    assert parse_period("early 2020") == span("2020-01-01", "2020-04-30", "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mid-January 2024", span("2024-01-11", "2024-01-20", "day")),
        ("late October 2025", span("2025-10-21", "2025-10-31", "day")),
        ("the first week of November 2024", span("2024-11-01", "2024-11-07", "week")),
        ("last week of October 2025", span("2025-10-25", "2025-10-31", "week")),
        ("summer 2025", span("2025-06-01", "2025-08-31", "month")),
        ("winter 2024", span("2024-12-01", "2025-02-28", "month")),
        ("the 29th of October 2025", span("2025-10-29", None, "day")),
    ],
)
def test_loose_periods(text: str, expected: DateSpan) -> None:
    assert parse_period(text) == expected


PAST, FUTURE = date(1, 1, 1), date(9999, 12, 31)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("last May", span("2025-05-01", "2025-05-31", "month")),
        ("last October", span("2024-10-01", "2024-10-31", "month")),  # the publication month: last year's
        ("late last July", span("2025-07-01", "2025-07-31", "month")),
        ("next March", span("2026-03-01", "2026-03-31", "month")),
        ("July last year", span("2024-07-01", "2024-07-31", "month")),
        ("last summer", span("2025-06-01", "2025-08-31", "season")),
        ("this fall", span("2025-09-01", "2025-11-30", "season")),
        ("next spring", span("2026-03-01", "2026-05-31", "season")),
        ("the winter of 2013", span("2013-12-01", "2014-02-28", "season")),
        ("a year ago", span("2024-01-01", "2024-12-31", "year")),
        ("four years ago", span("2021-01-01", "2021-12-31", "year")),
        ("a year earlier", span("2024-01-01", "2024-12-31", "year")),
        ("three months ago", span("2025-07-01", "2025-07-31", "month")),
        ("two weeks ago", span("2025-10-13", "2025-10-19", "week")),
        ("ten days ago", span("2025-10-19", None, "day")),
        ("the past year", span("2024-01-01", "2024-12-31", "year")),  # as TimeML reads it: last year
        ("the past decade", span("2015-10-29", "2025-10-29", "day")),
        ("the next two weeks", span("2025-10-29", "2025-11-12", "day")),
        ("the weekend", span("2025-10-25", "2025-10-26", "day")),
        ("next weekend", span("2025-11-01", "2025-11-02", "day")),
        ("next Friday", span("2025-10-31", None, "day")),
        ("the third quarter", span("2025-07-01", "2025-09-30", "quarter")),
        ("the fourth quarter", span("2025-10-01", "2025-12-31", "quarter")),  # begun: this year's
        ("third-quarter", span("2025-07-01", "2025-09-30", "quarter")),
        ("Q3", span("2025-07-01", "2025-09-30", "quarter")),
        ("the second quarter of 1989", span("1989-04-01", "1989-06-30", "quarter")),
        ("the fiscal third quarter", span("2025-07-01", "2025-09-30", "quarter")),
        ("the first half", span("2025-01-01", "2025-06-30", "half")),
        ("the second half of 1990", span("1990-07-01", "1990-12-31", "half")),
        ("fiscal 1989", span("1989-01-01", "1989-12-31", "year")),
        ("the 1990s", span("1990-01-01", "1999-12-31", "decade")),
        ("the late '80s", span("1980-01-01", "1989-12-31", "decade")),
        ("the nineties", span("1990-01-01", "1999-12-31", "decade")),
        ("the 20th century", span("1900-01-01", "1999-12-31", "century")),
        ("the nineteenth century", span("1800-01-01", "1899-12-31", "century")),
        ("this century", span("2000-01-01", "2099-12-31", "century")),
        ("the day", span("2025-10-29", None, "day")),
        ("that day", span("2025-10-29", None, "day")),
        ("nineteen ninety-four", span("1994-01-01", "1994-12-31", "year")),
        ("the end of the year", span("2025-01-01", "2025-12-31", "year")),
    ],
)
def test_news_phrases(phrase: str, expected: DateSpan) -> None:
    assert resolve(phrase, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("now", span("2025-10-29", None, "vague")),
        ("currently", span("2025-10-29", None, "vague")),
        ("the current", span("2025-10-29", None, "vague")),
        ("recently", DateSpan(start=PAST, end=WEDNESDAY, precision="vague")),
        ("in the past", DateSpan(start=PAST, end=WEDNESDAY, precision="vague")),
        ("in recent years", DateSpan(start=PAST, end=WEDNESDAY, precision="vague")),
        ("the past few years", DateSpan(start=PAST, end=WEDNESDAY, precision="vague")),
        ("soon", DateSpan(start=WEDNESDAY, end=FUTURE, precision="vague")),
        ("in the future", DateSpan(start=WEDNESDAY, end=FUTURE, precision="vague")),
    ],
)
def test_vague_references_are_anchored_on_publication(phrase: str, expected: DateSpan) -> None:
    assert resolve(phrase, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "sentence", "expected"),
    [
        ("in June", "The vote will be held in June.", span("2026-06-01", "2026-06-30", "month")),
        ("in June", "The vote was held in June.", span("2025-06-01", "2025-06-30", "month")),
        ("in December", "The talks are due to resume in December.", span("2025-12-01", "2025-12-31", "month")),
        ("January 16", "Ministers plan to meet on January 16 in the capital.", span("2026-01-16", None, "day")),
        ("on Friday", "The envoy is scheduled to arrive on Friday.", span("2025-10-31", None, "day")),
        ("Monday", "The minister said Monday that talks will go on.", span("2025-10-27", None, "day")),
        ("In June", "In June, the board will vote on the plan.", span("2026-06-01", "2026-06-30", "month")),
        ("Nov. 21", "The rights expire Nov. 21.", span("2025-11-21", None, "day")),
        ("9 a.m. Tuesday", "The deadline is 9 a.m. Tuesday, officials will say.", span("2025-11-04", None, "day")),
        ("January", "Record date January.", span("2026-01-01", "2026-01-31", "month")),  # no tense: near, ahead
        ("April", "Record date April.", span("2025-04-01", "2025-04-30", "month")),  # no tense: too far ahead
        ("the weekend", "Protests are expected over the weekend.", span("2025-11-01", "2025-11-02", "day")),
        ("the fourth quarter", "Sales will rise in the fourth quarter.", span("2025-10-01", "2025-12-31", "quarter")),
        ("a year earlier", "Third-quarter profit rose from a year earlier.",
         span("2024-07-01", "2024-09-30", "quarter")),
    ],
)
def test_context_sets_the_direction(phrase: str, sentence: str, expected: DateSpan) -> None:
    assert resolve(phrase, WEDNESDAY, context=sentence) == expected


def test_without_context_a_later_month_is_last_year() -> None:
    assert resolve("in June", date(2025, 3, 10)) == span("2024-06-01", "2024-06-30", "month")
    assert resolve("in June", date(2025, 3, 10), context="The vote will be held in June.") == span(
        "2025-06-01", "2025-06-30", "month")


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The vote will be held in June.", "in June", "ahead"),
        ("The vote was held in June.", "in June", "back"),
        ("Record date Dec. 15.", "Dec. 15", "near"),
        ("He said Friday the talks would resume.", "Friday", "back"),
        ("In January, the company brought in a new chief.", "In January", "back"),
        ("In September, it announced plans to expand.", "In September", "back"),
    ],
)
def test_direction(sentence: str, phrase: str, expected: str) -> None:
    assert direction(sentence, phrase) == expected


@pytest.mark.parametrize(
    ("value", "shown", "iso"),
    [
        (span("1989-07-01", "1989-09-30", "quarter"), "Q3 1989", "1989-Q3"),
        (span("1989-01-01", "1989-06-30", "half"), "H1 1989", "1989-H1"),
        (span("2013-06-01", "2013-08-31", "season"), "summer 2013", "2013-SU"),
        (span("2013-12-01", "2014-02-28", "season"), "winter 2013–14", "2013-WI"),
        (span("1990-01-01", "1999-12-31", "decade"), "1990s", "199"),
        (span("1900-01-01", "1999-12-31", "century"), "20th century", "19"),
        (span("2025-10-29", None, "vague"), "now, as of 29 Oct 2025", "2025-10-29/2025-10-29"),
        (DateSpan(start=PAST, end=WEDNESDAY, precision="vague"), "in the past, as of 29 Oct 2025",
         "0001-01-01/2025-10-29"),
        (DateSpan(start=WEDNESDAY, end=FUTURE, precision="vague"), "in the future, as of 29 Oct 2025",
         "2025-10-29/9999-12-31"),
    ],
)
def test_format_new_precisions(value: DateSpan, shown: str, iso: str) -> None:
    assert format_span(value) == shown
    assert iso_text(value) == iso


def test_vague_shown_with_its_words() -> None:
    assert format_span(resolve("recently", WEDNESDAY), "recently") == "recently, as of 29 Oct 2025"


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("Oct. 18-19", WEDNESDAY, span("2025-10-18", "2025-10-19", "day")),
        ("9 a.m. Tuesday", WEDNESDAY, span("2025-10-28", None, "day")),
        ("Monday, Oct. 26", date(1998, 10, 25), span("1998-10-26", None, "day")),  # the weekday decides the year
        ("next year's first quarter", WEDNESDAY, span("2026-01-01", "2026-03-31", "quarter")),
        ("the quarter", WEDNESDAY, span("2025-07-01", "2025-09-30", "quarter")),  # the last one reported
        ("the year-ago third quarter", WEDNESDAY, span("2024-07-01", "2024-09-30", "quarter")),
        ("the 1988 quarter", WEDNESDAY, span("1988-07-01", "1988-09-30", "quarter")),
    ],
)
def test_day_ranges_clock_times_and_reported_quarters(phrase: str, published: date, expected: DateSpan) -> None:
    assert resolve(phrase, published) == expected


def test_the_next_day_is_narrative_not_future() -> None:
    sentence = "The strike began on November 20 and ended the next day."
    assert resolve("November 20", date(2025, 11, 26), context=sentence) == span("2025-11-20", None, "day")


@pytest.mark.parametrize("phrase", ["next year", "next month", "the next two years", "in 10000"])
def test_phrases_past_the_last_day_of_the_calendar_raise_date_error(phrase: str) -> None:
    with pytest.raises(DateError, match=re.escape(repr(phrase))):
        resolve(phrase, FUTURE)
