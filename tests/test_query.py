"""The typed query: each phrasing, slash or plain English, reads as the query object expected.

Each row: what the user types, then the command and the query's subjects, sides (ids), period
(as the answer states it), topic, words, manner and target.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.core import Desk
from bot.query import Query, QueryReader, relative_period
from bot.routing import route_all
from knowledge.dates import parse_period
from knowledge.store import FactBase

TABLE: list[tuple[str, str, tuple[str, ...], tuple[str, ...], str | None, str, str, str | None, str | None]] = [
    ('/timeline since 2025-10-11', 'timeline', (), (), 'since 11 Oct 2025', '', '', None, None),
    ('/timeline after 2024-01-17', 'timeline', (), (), 'after 17 Jan 2024', '', '', None, None),
    ('/timeline before 2021', 'timeline', (), (), 'before 2021', '', '', None, None),
    ('/timeline until March 2024', 'timeline', (), (), 'until Mar 2024', '', '', None, None),
    ('/timeline between 2024-01-10 and 2024-01-20', 'timeline', (), (), '10–20 Jan 2024', '', '', None, None),
    ('/timeline 2024-01-10..2024-01-20', 'timeline', (), (), '10–20 Jan 2024', '', '', None, None),
    ('/timeline jan 2024 talks', 'timeline', (), (), 'Jan 2024', '', 'talks', None, None),
    ('/timeline since the Doha talks', 'timeline', (), (), 'since “Doha talks” (11–26 Oct 2025)', '', '', None, None),
    ('/timeline after the Doha talks', 'timeline', (), (), 'after “Doha talks” (11–26 Oct 2025)', '', '', None, None),
    ('/timeline before the Istanbul talks', 'timeline', (), (), 'before “Istanbul talks” (week of 20 Oct 2025)', '', '', None, None),
    ('/timeline in the week after the Iranian strikes', 'timeline', (), (), 'in the week after “Iranian strikes” (16 Jan 2024)', '', '', None, None),
    ('/timeline between the Iranian strikes and the Pakistani strikes', 'timeline', (), (), None, '', 'between the Iranian strikes and the Pakistani strikes', None, None),
    ('/timeline all', 'timeline', (), (), None, '', '', None, None),
    ('/timeline border 2024', 'timeline', (), (), '2024', '', 'border', None, None),
    ('/quotes araghchi', 'quotes', ('araghchi',), (), None, '', '', None, None),
    ('/quotes araghchi 2024', 'quotes', ('araghchi',), (), '2024', '', '', None, None),
    ('/quotes araghchi since 2024', 'quotes', ('araghchi',), (), 'since 2024', '', '', None, None),
    ('/quotes araghchi after the Iranian strikes', 'quotes', ('araghchi',), (), 'after “Iranian strikes” (16 Jan 2024)', '', '', None, None),
    ('/quotes zarif and qureshi', 'quotes', ('zarif', 'qureshi'), (), None, '', '', None, None),
    ('/quotes zarif, qureshi and jilani', 'quotes', ('zarif', 'qureshi', 'jilani'), (), None, '', '', None, None),
    ('/quotes araghchi about pipeline', 'quotes', ('araghchi',), (), None, 'pipeline', '', None, None),
    ("/quotes pakistan's interior minister", 'quotes', ("pakistan's interior minister",), (), None, '', '', None, None),
    ("/quotes pakistan's foreign office", 'quotes', ("pakistan's foreign office",), (), None, '', '', None, None),
    ("/quotes iran's government", 'quotes', ("iran's government",), (), None, '', '', None, None),
    ('/quotes iran', 'quotes', (), ('iran',), None, '', '', None, None),
    ('/quotes iran and pakistan about border', 'quotes', (), ('iran', 'pakistan'), None, 'border', '', None, None),
    ('/quotes nov 2024', 'quotes', (), (), 'Nov 2024', '', '', None, None),
    ('/quotes naqvi before 2025 about afghanistan', 'quotes', ('naqvi',), (), 'before 2025', 'afghanistan', '', None, None),
    ('/threats iran', 'threats', (), ('iran',), None, '', '', None, None),
    ('/threats pakistan military', 'threats', (), ('pakistan',), None, '', '', 'military action', None),
    ('/threats pakistan afghanistan military', 'threats', (), ('pakistan',), None, '', '', 'military action', 'afghanistan'),
    ('/threats iran 2024', 'threats', (), ('iran',), '2024', '', '', None, None),
    ('/threats iran since 2024-01-17', 'threats', (), ('iran',), 'since 17 Jan 2024', '', '', None, None),
    ('/threats jaish al-adl', 'threats', (), (), None, '', 'jaish al-adl', None, None),
    ('/threats taliban', 'threats', ('taliban',), ('afghanistan',), None, '', '', None, None),
    ('/threats all', 'threats', (), (), None, '', '', None, None),
    ('/threats israel', 'threats', (), ('israel',), None, '', '', None, None),
    ('/threats pakistan statement before 2025', 'threats', (), ('pakistan',), 'before 2025', '', '', 'statement', None),
    ('/whois araghchi', 'whois', ('araghchi',), (), None, '', 'araghchi', None, None),
    ('/whois zarif and naqvi', 'whois', ('zarif', 'naqvi'), (), None, '', 'zarif and naqvi', None, None),
    ('/whois iran', 'whois', ('iran',), (), None, '', 'iran', None, None),
    ('/whois foreign minister 2021', 'whois', ('foreign minister',), (), '2021', '', 'foreign minister', None, None),
    ('/whois BLA', 'whois', ('BLA',), (), None, '', 'BLA', None, None),
    ("/whois pakistan's foreign office", 'whois', ("pakistan's foreign office",), (), None, '', "pakistan's foreign office", None, None),
    ('what happened since January 2024?', 'timeline', (), (), 'since Jan 2024', '', '', None, None),
    ('what happened after the Doha talks?', 'timeline', (), (), 'after “Doha talks” (11–26 Oct 2025)', '', '', None, None),
    ('what happened before 2021?', 'timeline', (), (), 'before 2021', '', '', None, None),
    ('what happened between 2024-01-25 and 2024-01-30?', 'timeline', (), (), '25–30 Jan 2024', '', '', None, None),
    ('what happened in the week after the Iranian strikes?', 'timeline', (), (), 'in the week after “Iranian strikes” (16 Jan 2024)', '', '', None, None),
    ('what happened until March 2024?', 'timeline', (), (), 'until Mar 2024', '', '', None, None),
    ('what happened in November 2020?', 'timeline', (), (), 'Nov 2020', '', '', None, None),
    ('timeline of the Istanbul talks', 'timeline', (), (), None, '', 'Istanbul talks', None, None),
    ('what did araghchi say after the strikes?', 'quotes', ('araghchi',), (), 'after “strikes” (11–29 Oct 2025)', '', '', None, None),
    ('what did Iran say before 2024?', 'quotes', (), ('iran',), 'before 2024', '', '', None, None),
    ('what did the Pakistani prime minister say?', 'quotes', ('Pakistani prime minister',), (), None, '', '', None, None),
    ("what did Pakistan's foreign office say?", 'quotes', ("Pakistan's foreign office",), (), None, '', '', None, None),
    ("what did Iran's government say?", 'quotes', ("Iran's government",), (), None, '', '', None, None),
    ('what did Zarif and Qureshi say?', 'quotes', ('Zarif', 'Qureshi'), (), None, '', '', None, None),
    ('what did Naqvi say about Afghanistan?', 'quotes', ('Naqvi',), (), None, 'Afghanistan', '', None, None),
    ('what did Naqvi say about Afghanistan in 2025?', 'quotes', ('Naqvi',), (), '2025', 'Afghanistan', '', None, None),
    ('what did Jilani say since the strikes about terrorism?', 'quotes', ('Jilani',), (), 'since “strikes” (16 Jan 2024)', 'terrorism', '', None, None),
    ('which groups did Iran target?', 'threats', (), ('iran',), None, '', '', None, None),
    ('which groups did Pakistan strike in Afghanistan?', 'threats', (), ('pakistan',), None, '', '', 'military action', 'afghanistan'),
    ('which groups did Pakistan name as a threat in 2024?', 'threats', (), ('pakistan',), '2024', '', '', None, None),
    ('who named Israel as a threat?', 'threats', (), ('israel',), None, '', '', None, None),
    ('who is Jilani?', 'whois', ('Jilani',), (), None, '', 'Jilani', None, None),
    ('who is the Iranian foreign minister?', 'whois', ('Iranian foreign minister',), (), None, '', 'Iranian foreign minister', None, None),
    ("who is Pakistan's interior minister?", 'whois', ("Pakistan's interior minister",), (), None, '', "Pakistan's interior minister", None, None),
    ('who were Zarif and Qureshi?', 'whois', ('Zarif', 'Qureshi'), (), None, '', 'Zarif and Qureshi', None, None),
    ('what did Pakistan do after the Iranian strikes?', 'timeline', (), (), 'after “Iranian strikes” (16 Jan 2024)', '', 'Pakistan', None, None),
    ('what did Tarar announce?', 'quotes', ('Tarar',), (), None, '', '', None, None),
    ('what happened since the talks?', 'timeline', (), (), 'since “talks” (11 Nov 2020)', '', '', None, None),
    ('did Iran strike Pakistan?', 'threats', (), ('iran',), None, '', '', 'military action', 'pakistan'),
    ('what happened before the Doha talks?', 'timeline', (), (), 'before “Doha talks” (11–26 Oct 2025)', '', '', None, None),
    ('what did Dar say in November 2024?', 'quotes', ('Dar',), (), 'Nov 2024', '', '', None, None),
    ('which groups threaten the Iran-Pakistan border?', 'threats', (), (), None, '', 'Iran-Pakistan border', None, None),
    ('what did araghchi say about Israel?', 'quotes', ('araghchi',), (), None, 'Israel', '', None, None),
    ('who did Naqvi meet?', 'timeline', (), (), None, '', 'Naqvi', None, None),
    ('what happened in the month after the Rask attack?', 'timeline', (), (), 'in the month after “Rask attack” (10 Jan 2024)', '', '', None, None),
    ('/timeline between the Rask attack and the Iranian strikes', 'timeline', (), (), 'between “Rask attack” (Dec 2023) and “Iranian strikes” (16 Jan 2024)', '', '', None, None),
    ('/timeline since 2024 border', 'timeline', (), (), 'since 2024', '', 'border', None, None),
    ('/timeline after 2024-01-17 border', 'timeline', (), (), 'after 17 Jan 2024', '', 'border', None, None),
    ('/quotes jilani until 2024-01-30', 'quotes', ('jilani',), (), 'until 30 Jan 2024', '', '', None, None),
    ('/quotes qureshi prior to 2021', 'quotes', ('qureshi',), (), 'before 2021', '', '', None, None),
    ('/threats iran before the Pakistani strikes', 'threats', (), ('iran',), 'before “Pakistani strikes” (17 Jan 2024)', '', '', None, None),
    ('/threats pakistan after the Iranian strikes', 'threats', (), ('pakistan',), 'after “Iranian strikes” (16 Jan 2024)', '', '', None, None),
    ('/threats iran military 2024', 'threats', (), ('iran',), '2024', '', '', 'military action', None),
    ('/threats baloch liberation front', 'threats', (), (), None, '', 'baloch liberation front', None, None),
    ('/whois the taliban', 'whois', ('taliban',), (), None, '', 'taliban', None, None),
    ('what did Araghchi say from 2024-11-01?', 'quotes', ('Araghchi',), (), 'since 1 Nov 2024', '', '', None, None),
    ('what happened following the Iranian strikes?', 'timeline', (), (), 'after “Iranian strikes” (16 Jan 2024)', '', '', None, None),
    ("what did Pakistan's interior minister say about Afghanistan?", 'quotes', ("Pakistan's interior minister",), (), None, 'Afghanistan', '', None, None),
    ('who is Zarif?', 'whois', ('Zarif',), (), None, '', 'Zarif', None, None),
    ('which groups did Iran strike?', 'threats', (), ('iran',), None, '', '', 'military action', None),
]


def read(desk: Desk, typed: str) -> Query:
    requests = route_all(typed, desk.side_words)
    assert len(requests) == 1, requests
    return desk.read(requests[0].command, requests[0].text, asked=not typed.startswith("/"))


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 80
    assert len({row[0] for row in TABLE}) == len(TABLE)


@pytest.mark.parametrize(
    ("typed", "command", "subjects", "sides", "period", "topic", "words", "manner", "target"), TABLE,
    ids=[row[0] for row in TABLE])
def test_phrasing_reads_as_the_expected_query(desk: Desk, typed: str, command: str, subjects: tuple[str, ...],
                                              sides: tuple[str, ...], period: str | None, topic: str, words: str,
                                              manner: str | None, target: str | None) -> None:
    query = read(desk, typed)
    assert query.command == command
    assert (query.subjects, query.sides) == (subjects, sides)
    assert (query.period.describe() if query.period else None) == period
    assert (query.topic, query.words, query.manner, query.target) == (topic, words, manner, target)


def test_a_query_reads_back_from_its_argument(desk: Desk) -> None:
    for typed, command, *_ in TABLE:
        query = read(desk, typed)
        again = desk.read(command, query.argument(desk.side_name), asked=query.asked)
        assert (again.subjects, again.sides, again.topic, again.manner, again.target) == (
            query.subjects, query.sides, query.topic, query.manner, query.target), typed
        assert (again.period.span if again.period else None) == (query.period.span if query.period else None), typed


def test_an_anchor_names_the_event_it_used_and_the_others(fact_base: FactBase) -> None:
    period, rest, notes = QueryReader(fact_base).read_period("since the talks")
    assert period is not None and period.anchors and rest == ""
    anchor = period.anchors[0]
    assert anchor.others and all(other.date.start >= anchor.event.date.start for other in anchor.others)
    assert notes and anchor.event.summary in notes[0] and "also matches" in notes[0]


def test_words_that_anchor_nothing_are_not_a_period(fact_base: FactBase) -> None:
    period, rest, notes = QueryReader(fact_base).read_period("since the coronation of zorblax")
    assert period is None and rest == "since the coronation of zorblax" and notes == ()


@pytest.mark.parametrize(("typed", "start", "end"), [
    ("january and march 2024", date(2024, 1, 1), date(2024, 3, 31)),
    ("January to March 2024", date(2024, 1, 1), date(2024, 3, 31)),
    ("November to February 2024", date(2023, 11, 1), date(2024, 2, 29)),
    ("5 to 9 January 2024", date(2024, 1, 5), date(2024, 1, 9)),
    ("30 to 2 January 2024", date(2023, 12, 30), date(2024, 1, 2)),
])
def test_a_range_that_writes_its_year_once_borrows_it_for_its_start(typed: str, start: date, end: date) -> None:
    span = parse_period(typed)
    assert span is not None and (span.start, span.end) == (start, end)


def test_a_later_question_about_he_asks_about_the_subject_before_it(desk: Desk) -> None:
    reply = desk.message("who is Araghchi and what did he say about terrorism?")
    headings = [section.heading for section in reply.sections]
    assert headings and all(heading.startswith("Abbas Araghchi") for heading in headings if heading)
    assert not any("Jilani" in (heading or "") for heading in headings)


@pytest.mark.parametrize(("typed", "start", "end"), [
    ("last year", date(2025, 1, 1), date(2025, 12, 31)),
    ("this month", date(2026, 12, 1), date(2026, 12, 2)),
    ("two years ago", date(2024, 1, 1), date(2024, 12, 31)),
    ("yesterday", date(2026, 12, 1), date(2026, 12, 1)),
])
def test_a_period_written_relative_to_today_reads_against_the_day_asked(typed: str, start: date, end: date) -> None:
    span = relative_period(typed, date(2026, 12, 2))
    assert span is not None and (span.start, span.end) == (start, end)
    assert relative_period("last year's talks", date(2026, 12, 2)) is None  # not a period on its own


def test_a_question_about_last_year_asks_about_the_year_before_this_one(desk: Desk) -> None:
    year = date.today().year - 1
    reply = desk.message("what happened last year?")
    assert reply.asked == ("timeline", "last year") and str(year) in reply.title
    [asked] = route_all("what did Iran say about terrorism last year?", desk.side_words)
    query = desk.read(asked.command, asked.text, asked=True)
    assert query.sides == ("iran",) and query.topic == "terrorism"
    assert query.period is not None and (query.period.span.start, query.period.span.end) == (
        date(year, 1, 1), date(year, 12, 31))
