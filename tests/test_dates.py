"""Date phrases resolved against publication dates, one kind per test, edge cases included."""

from datetime import date

import pytest

from knowledge.dates import DateError, format_span, iso_text, parse_period, resolve
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


@pytest.mark.parametrize("phrase", ["in recent years", "soon", "on February 30", "2024-13", "2025-10-29..2025-10-11"])
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
