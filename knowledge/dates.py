"""Resolve the date phrases of news English against an article's publication date.

``resolve("on Wednesday", published)`` gives the :class:`DateSpan` the phrase denotes. Weeks
run Monday to Sunday. A bare weekday names the latest such day on or before publication (a
Wednesday article's "on Wednesday" is that very day); a bare month or month-day that would lie
after publication is last year's. ``parse_period`` reads the periods users type in commands.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from knowledge.models import PRECISIONS, DateSpan, Precision

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_LEAD = r"^(?:(?:on|in|during|since|by|from|at)\s+)?(?:the\s+)?(?:(?:night|morning|evening|afternoon)\s+of\s+)?"
_LEAD_WORDS = r"^(?:early|late|earlier|later)\s+(?:on\s+)?"


class DateError(ValueError):
    """A phrase the resolver does not understand, or a date that does not exist."""


def month_span(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def week_start(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


def _span(start: date, end: date, precision: Precision) -> DateSpan:
    return DateSpan(start=start, end=end, precision=precision)


def _day(year: int, month: int, day: int) -> DateSpan:
    try:
        found = date(year, month, day)
    except ValueError as error:
        raise DateError(f"{year}-{month:02d}-{day:02d} is not a date ({error})") from None
    return _span(found, found, "day")


def _month(year: int, month: int) -> DateSpan:
    return _span(*month_span(year, month), "month")


def _year_of(month: int, day: int, published: date) -> int:
    """The year of a month (and day) named without one: last year's when it is still ahead."""
    return published.year - 1 if (month, day) > (published.month, published.day) else published.year


def iso_span(text: str) -> DateSpan | None:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None when ``text`` is none of them."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if not 1 <= year <= 9998:
        raise DateError(f"{text!r}: the year {year} is out of range")
    if month is None:
        return _span(date(year, 1, 1), date(year, 12, 31), "year")
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: there is no month {month}")
    return _day(year, month, day) if day else _month(year, month)


def _iso_range(text: str) -> DateSpan | None:
    """Read ``A..B`` of ISO dates ('2025-10-11..2025-10-29'): a span known only to lie between them."""
    first, separator, last = text.partition("..")
    if not separator:
        return None
    start, end = iso_span(first), iso_span(last)
    if start is None or end is None:
        return None
    if end.end < start.start:
        raise DateError(f"the range {text!r} ends before it starts")
    coarser = max(start.precision, end.precision, key=PRECISIONS.index)
    return _span(start.start, end.end, coarser)


def resolve(phrase: str, published: date) -> DateSpan:
    """The span a date phrase denotes in an article published on ``published``.

    Raises :class:`DateError` naming the phrase when it is not understood.
    """
    text = re.sub(r"\s+", " ", phrase.strip().lower().rstrip(".,;:"))
    text = re.sub(_LEAD_WORDS, "", text)
    iso = iso_span(text) or _iso_range(text)
    if iso:
        return iso
    if text in {"today", "earlier today", "this morning", "this evening", "tonight", "on the day",
                "the same day", "later today"}:
        return _span(published, published, "day")
    if text in {"yesterday", "on yesterday"}:
        day = published - timedelta(days=1)
        return _span(day, day, "day")
    if text in {"this week", "earlier this week"}:
        return _span(week_start(published), published, "week")
    if text == "last week":
        start = week_start(published) - timedelta(days=7)
        return _span(start, start + timedelta(days=6), "week")
    if text == "tomorrow":
        day = published + timedelta(days=1)
        return _span(day, day, "day")
    if text == "next week":
        start = week_start(published) + timedelta(days=7)
        return _span(start, start + timedelta(days=6), "week")
    if text == "next month":
        following = published.replace(day=28) + timedelta(days=4)
        return _month(following.year, following.month)
    if text == "next year":
        return _span(date(published.year + 1, 1, 1), date(published.year + 1, 12, 31), "year")
    if text in {"this month", "earlier this month"}:
        return _span(published.replace(day=1), published, "month")
    if text == "last month":
        previous = published.replace(day=1) - timedelta(days=1)
        return _month(previous.year, previous.month)
    if text in {"this year", "earlier this year"}:
        return _span(date(published.year, 1, 1), published, "year")
    if text == "last year":
        return _span(date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), "year")

    body = re.sub(_LEAD, "", text)
    if match := re.fullmatch(rf"(?:last\s+)?{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?", body):
        back = (published.weekday() - WEEKDAYS[match["weekday"]]) % 7
        if body.startswith("last ") and back == 0:
            back = 7
        day = published - timedelta(days=back)
        return _span(day, day, "day")
    if match := re.fullmatch(rf"{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", body) or re.fullmatch(
        rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", body
    ) or re.fullmatch(rf"{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?", body):
        month, day_number = MONTHS[match["month"]], int(match["day"])
        year = int(match["year"]) if match["year"] else _year_of(month, day_number, published)
        return _day(year, month, day_number)
    if match := re.fullmatch(rf"{_MONTH}(?:,?\s+{_YEAR})?", body):
        month = MONTHS[match["month"]]
        year = int(match["year"]) if match["year"] else _year_of(month, 1, published)
        return _month(year, month)
    if match := re.fullmatch(rf"(?:the\s+year\s+)?{_YEAR}", body):
        year = int(match["year"])
        return _span(date(year, 1, 1), date(year, 12, 31), "year")
    raise DateError(
        f"cannot resolve the date phrase {phrase!r}; write it as the article does using a known form "
        "('on Wednesday', 'last week', 'earlier this month', 'in August', 'on January 16', "
        "'in December 2023', 'in 2012', 'earlier today') or add resolve_as = \"YYYY-MM-DD\""
    )


_PERIOD_SEPARATOR = re.compile(r"\s*(?:\.\.|–|—|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*")


def _period_point(text: str) -> DateSpan | None:
    cleaned = re.sub(r"\s+", " ", text.strip().lower().strip(",."))
    if not cleaned:
        return None
    iso = iso_span(cleaned)
    if iso:
        return iso
    if match := re.fullmatch(rf"(?P<part>early|mid|late)[ -]?{_YEAR}", cleaned):
        first = {"early": 1, "mid": 5, "late": 9}[match["part"]]
        year = int(match["year"])
        return _span(month_span(year, first)[0], month_span(year, first + 3)[1], "month")
    if match := re.fullmatch(rf"{_MONTH}[ ,/-]*{_YEAR}", cleaned) or re.fullmatch(
        rf"{_YEAR}[ ,/-]*{_MONTH}", cleaned
    ):
        return _month(int(match["year"]), MONTHS[match["month"]])
    if match := re.fullmatch(rf"(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", cleaned) or re.fullmatch(
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", cleaned
    ):
        return _day(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
    return _part_of_month(cleaned) or _season(cleaned)


_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}


def _part_of_month(text: str) -> DateSpan | None:
    """'early/mid/late January 2024' (days 1–10, 11–20, 21–end) and 'the first … last week of …'."""
    if match := re.fullmatch(rf"(?P<part>early|mid|late)[ -]?{_MONTH},?\s+{_YEAR}", text):
        first, last = month_span(int(match["year"]), MONTHS[match["month"]])
        start_day, end_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[match["part"]]
        return _span(first.replace(day=start_day), first.replace(day=end_day), "day")
    if match := re.fullmatch(rf"(?:the\s+)?(?P<which>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+week\s+of"
                             rf"\s+{_MONTH},?\s+{_YEAR}", text):
        month_start, month_end = month_span(int(match["year"]), MONTHS[match["month"]])
        if match["which"] == "last":
            return _span(month_end - timedelta(days=6), month_end, "week")
        week = month_start + timedelta(days=7 * _ORDINALS[match["which"]])
        return _span(week, min(week + timedelta(days=6), month_end), "week")
    return None


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


def _season(text: str) -> DateSpan | None:
    """'summer 2025' (northern seasons by month; winter runs from December into the next year)."""
    if match := re.fullmatch(rf"(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+{_YEAR}", text):
        year = int(match["year"])
        first, last = _SEASONS[match["season"]]
        end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
        return _span(month_span(year, first)[0], month_span(end_year, end_month)[1], "month")
    return None


def parse_period(text: str) -> DateSpan | None:
    """Read a period typed by a user: a year, month, day, or a range ``A..B``.

    Returns None when ``text`` is not a period; raises :class:`DateError` for a period that is
    written like one but impossible (``2024-13``, or a range that ends before it starts).
    """
    parts = _PERIOD_SEPARATOR.split(text.strip(), maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        first, last = _period_point(parts[0]), _period_point(parts[1])
        if first is None or last is None:
            return None
        if last.end < first.start:
            raise DateError(f"the range {text!r} ends before it starts")
        precision = first.precision if first.precision == last.precision else "day"
        return _span(first.start, last.end, precision)
    return _period_point(text)


def format_span(span: DateSpan) -> str:
    """A span as readers expect it: '29 Oct 2025', 'week of 20 Oct 2025', 'Oct 2025', '2012'."""
    if span.precision == "day":
        if span.start == span.end:
            return f"{span.start.day} {span.start:%b %Y}"
        if (span.start.year, span.start.month) == (span.end.year, span.end.month):
            return f"{span.start.day}–{span.end.day} {span.end:%b %Y}"
        return f"{span.start.day} {span.start:%b %Y} – {span.end.day} {span.end:%b %Y}"
    if span.precision == "week":
        return f"week of {span.start.day} {span.start:%b %Y}"
    if span.precision == "month":
        if (span.start.year, span.start.month) == (span.end.year, span.end.month):
            return f"{span.start:%b %Y}"
        return f"{span.start:%b %Y} – {span.end:%b %Y}"
    if span.start.year == span.end.year:
        return str(span.start.year)
    return f"{span.start.year}–{span.end.year}"


def iso_text(span: DateSpan) -> str:
    """A span in ISO 8601 at its precision: '2025-10-29', '2025-W43', '2025-10', '2012'."""
    if span.precision == "day" and span.start == span.end:
        return span.start.isoformat()
    if span.precision == "week":
        year, week, _ = span.start.isocalendar()
        return f"{year}-W{week:02d}"
    if span.precision == "month" and (span.start.year, span.start.month) == (span.end.year, span.end.month):
        return f"{span.start:%Y-%m}"
    if span.precision == "year" and span.start.year == span.end.year:
        return str(span.start.year)
    return f"{span.start.isoformat()}/{span.end.isoformat()}"
