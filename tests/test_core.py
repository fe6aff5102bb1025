"""Transcripts: what a user types and what the desk answers, over the shipped fact base."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from slack_text import texts

from bot.commands import COMMANDS
from bot.core import Desk, article_label, split_period
from bot.render import to_slack
from bot.replies import Reply
from knowledge import queries
from knowledge.dates import DateError
from knowledge.store import FactBase


def shown(reply: Reply) -> str:
    """What the user reads: the blocks' text, unescaped, without mrkdwn emphasis."""
    message: dict[str, Any] = to_slack(reply)
    joined = "\n".join(texts(message["blocks"]))
    joined = joined.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"[*_]", "", joined)


def ask(desk: Desk, line: str) -> Reply:
    """Answer a line the way Slack would deliver it: a slash command, or a message."""
    if line.startswith("/"):
        name, _, argument = line[1:].partition(" ")
        return desk.command(name, argument)
    return desk.message(line)


def has_all(text: str, *wanted: str) -> bool:
    lowered = text.lower()
    return all(word.lower() in lowered for word in wanted)


def has_none(text: str, *unwanted: str) -> bool:
    lowered = text.lower()
    return not any(word.lower() in lowered for word in unwanted)


# ------------------------------------------------------------------ help, usage, errors


@pytest.mark.parametrize("line", ["help", "hi", "Hello", "/nonsense"])
def test_help_lists_every_command(desk: Desk, line: str) -> None:
    reply = ask(desk, line)
    assert reply.tone in {"help", "error"}
    assert all(spec.usage in shown(reply) for spec in COMMANDS)
    assert to_slack(reply)["response_type"] == "ephemeral"


def test_unknown_command_says_so(desk: Desk) -> None:
    reply = desk.command("nonsense", "x")
    assert reply.tone == "error" and "There is no command /nonsense" in reply.title


@pytest.mark.parametrize("spec", COMMANDS, ids=[spec.name for spec in COMMANDS])
def test_help_argument_gives_usage(desk: Desk, spec: Any) -> None:
    reply = desk.command(spec.name, "help")
    assert reply.tone == "usage"
    assert reply.title == f"Usage: {spec.usage}"
    assert spec.examples[0] in shown(reply)


@pytest.mark.parametrize("name", ["timeline", "quotes", "threats", "whois"])
def test_empty_argument_gives_usage(desk: Desk, name: str) -> None:
    reply = desk.command(name, "   ")
    assert reply.tone == "usage" and name in reply.title


@pytest.mark.parametrize("line,reason", [
    ("/timeline 2024-13", "no month 13"),
    ("/timeline 2024-02-30", "is not a date"),
    ("/timeline 2024-01-20..2024-01-10", "ends before it starts"),
    ("/quotes naqvi 2025-00", "no month 0"),
    ("/threats iran 2025..2020", "ends before it starts"),
    ("/whois zarif 2020-13-01", "no month 13"),
])
def test_impossible_periods_are_errors_not_answers(desk: Desk, line: str, reason: str) -> None:
    reply = ask(desk, line)
    assert reply.tone == "error"
    assert reason in reply.title
    assert "A period is" in shown(reply)


def test_split_period_finds_the_longest_period_and_forgives_month_typos() -> None:
    period, rest = split_period("januray 2024 ambassadors")
    assert period is not None and (period.start.isoformat(), period.end.isoformat()) == ("2024-01-01", "2024-01-31")
    assert rest == "ambassadors"
    period, rest = split_period("talks 2024-01-10 .. 2024-01-20")
    assert period is not None and period.precision == "day" and period.end.isoformat() == "2024-01-20"
    assert rest == "talks"
    assert split_period("naqvi") == (None, "naqvi")
    with pytest.raises(DateError):
        split_period("2024-13")


# ------------------------------------------------------------------ /timeline


def test_timeline_of_a_month(desk: Desk) -> None:
    reply = desk.command("timeline", "2024-01")
    text = shown(reply)
    assert reply.tone == "answer"
    assert has_all(text, "Jaish", "Baloch Liberation Front", "16 Jan 2024", "17 Jan 2024")
    assert has_none(text, "Zarif", "Naqvi")


def test_timeline_items_are_the_events_in_date_order_each_cited(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("timeline", "2024")
    events = queries.timeline(fact_base, split_period("2024")[0]).events
    items = [item for section in reply.sections for item in section.items]
    assert [item.text for item in items] == [event.summary for event in events]
    starts = [event.date.start for event in events]
    assert starts == sorted(starts)
    assert all(item.sources and item.date for item in items)


def test_timeline_words_filter(desk: Desk) -> None:
    text = shown(desk.command("timeline", "jan 2024 ambassadors"))
    assert "Tipu" in text and "Gul Bahadur" not in text


def test_timeline_of_a_day_and_of_a_year(desk: Desk) -> None:
    assert has_all(shown(desk.command("timeline", "2025-10-29")), "Naqvi", "Pezeshkian")
    text = shown(desk.command("timeline", "nov 2020"))
    assert has_all(text, "Zarif", "Qureshi") and has_none(text, "Naqvi", "Araghchi")


def test_timeline_nothing_is_honest(desk: Desk) -> None:
    reply = desk.command("timeline", "1999")
    assert reply.tone == "nothing" and reply.title.startswith("Nothing in the fact base")
    assert "Events run from" in shown(reply)


def test_an_empty_day_shows_the_nearest_events_on_either_side(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.message("what happened on 18 January 2024?")
    assert reply.tone == "nothing" and reply.title == "Nothing in the fact base dated on 18 Jan 2024."
    [nearest] = reply.sections
    days = [item.date for item in nearest.items]
    before = max((e for e in fact_base.events() if e.date.end < date(2024, 1, 18)), key=lambda e: e.date.start)
    after = min((e for e in fact_base.events() if e.date.start > date(2024, 1, 18)), key=lambda e: e.date.start)
    assert [item.text for item in nearest.items] == [before.summary, after.summary] and days[0] == "17 Jan 2024"
    assert [item.text for item in desk.command("timeline", "2030").sections[0].items] == [
        max(fact_base.events(), key=lambda e: (e.date.start, e.id)).summary]


def test_words_with_no_event_in_the_period_say_how_many_match_at_other_dates(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("timeline", "2023 strikes")
    elsewhere = queries.timeline(fact_base, None, "strikes").events
    assert reply.tone == "nothing" and not reply.sections and elsewhere
    assert all(event.date.start.year != 2023 for event in elsewhere)
    assert f"“strikes” matches {len(elsewhere)} events at other dates: /timeline strikes" in shown(reply)


def test_timeline_all_is_cut_within_limits_or_complete(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("timeline", "all")
    assert reply.item_count == len(fact_base.events())
    message = to_slack(reply)
    assert len(message["blocks"]) <= 50


# ------------------------------------------------------------------ /quotes


def test_quotes_by_surname_with_typo_and_transliteration(desk: Desk) -> None:
    assert "encouraging and constructive" in shown(desk.command("quotes", "laarijani"))
    text = shown(desk.command("quotes", "amirabdollahian"))
    assert "one nation in two different geographical areas" in text and "threat against us" not in text
    text = shown(desk.command("quotes", "ishaq dar"))
    assert "intensify collaboration on border management" in text and "fraternal role" not in text


def test_quotes_by_role_say_which_role_matched(desk: Desk) -> None:
    reply = desk.command("quotes", "the pakistani interior minister")
    text = shown(reply)
    assert has_all(text, "Naqvi", "partners in regional peace and stability", "matched as")
    assert "Momeni said" not in text


def test_quotes_of_someone_unknown_is_nothing_and_shows_no_quote(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("quotes", "putin")
    text = shown(reply)
    assert reply.tone == "nothing"
    assert reply.title == "Nothing in the fact base is attributed to “putin”."
    assert "People with quotes:" in text
    assert not any(quote.text in text for quote in fact_base.quotes())


def test_quotes_direct_first_and_every_quote_cited(desk: Desk, fact_base: FactBase) -> None:
    for speaker in {quote.speaker for quote in fact_base.quotes()}:
        name = fact_base.name_of(speaker)
        reply = desk.command("quotes", name)
        for section in reply.sections:
            kinds = [item.quoted for item in section.items]
            assert kinds == sorted(kinds, reverse=True), name
            assert all(item.sources and item.date for item in section.items)


def test_a_quote_from_several_articles_says_so(desk: Desk, fact_base: FactBase) -> None:
    merged = next(quote for quote in fact_base.quotes() if len({c.article for c in quote.sources}) > 1)
    text = shown(desk.command("quotes", fact_base.name_of(merged.speaker)))
    count = len({c.article for c in merged.sources})
    assert f"Sources ({count} articles)" in text
    for citation in merged.sources:
        assert f"[{article_label(citation.article)}]" in text


def test_a_role_never_matches_a_deputy_nobody_asked_for(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("quotes", "pakistan's prime minister")
    deputies = [person.name for person in fact_base.people.values()
                if any(role.title.lower().startswith("deputy") for role in person.roles)]
    matched = reply.title + " ".join(section.heading or "" for section in reply.sections)
    assert deputies and not any(name in matched for name in deputies)


def test_a_side_is_not_a_person(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("quotes", "iran")
    speakers = {section.heading or "" for section in reply.sections}
    assert reply.tone == "answer" and speakers
    sides = {person.name: person.side for person in fact_base.people.values()}
    bodies = {body.name: body.side for body in fact_base.institutions.values()}
    assert all(any(heading.startswith(name) and side == "iran" for name, side in {**sides, **bodies}.items())
               for heading in speakers)


@pytest.mark.parametrize("side", ["iran", "Pakistan", "afghanistan", "Islamabad", "Iranian"])
def test_whois_a_country_shows_the_side_not_a_near_name(desk: Desk, fact_base: FactBase, side: str) -> None:
    reply = desk.command("whois", side)
    found = fact_base.sides[queries.match_side(fact_base, side) or ""]
    assert reply.tone == "answer" and reply.title == f"{found.name} ({found.kind})"
    assert not any(group.name in shown(reply) for group in fact_base.groups.values())
    assert not any(person.name in reply.title for person in fact_base.people.values())


def test_whois_a_role_skips_an_unasked_deputy(desk: Desk) -> None:
    text = shown(desk.command("whois", "pakistan's prime minister"))
    assert "Deputy" not in text and "Prime Minister" in text


def test_quotes_of_a_period_are_grouped_by_speaker(desk: Desk) -> None:
    reply = desk.message("quotes from november 2024")
    text = shown(reply)
    assert "Araghchi" in text and has_none(text, "Naqvi", "Zarif")
    assert reply.tone == "answer" and all(section.heading for section in reply.sections)


# ------------------------------------------------------------------ /threats


def test_threats_of_one_side_in_a_year(desk: Desk) -> None:
    text = shown(desk.command("threats", "iran 2024"))
    assert "Jaish" in text and "Gul Bahadur" not in text
    text = shown(desk.command("threats", "pakistan 2025"))
    assert "Gul Bahadur" in text and "Baloch Liberation Front" not in text


def test_threats_forgive_a_typo_in_the_side(desk: Desk) -> None:
    assert shown(desk.command("threats", "pakistna 2025")) == shown(desk.command("threats", "pakistan 2025"))


def test_threats_without_a_side_show_both_sides(desk: Desk) -> None:
    reply = desk.command("threats", "all")
    headings = [section.heading or "" for section in reply.sections]
    assert headings[:3] == ["Named by Afghanistan", "Named by Iran", "Named by Pakistan"]
    assert all("narration" in heading for heading in headings[3:])
    assert all(item.sources and item.date for section in reply.sections for item in section.items)


def test_threats_about_a_group_by_alias(desk: Desk) -> None:
    reply = desk.command("threats", "jaish ul-adl")
    text = shown(reply)
    assert "Named by Iran" in text and "16 Jan 2024" in text
    assert "about Jaish al-Adl" in reply.title


def test_threats_about_an_unknown_group(desk: Desk) -> None:
    reply = desk.command("threats", "tamil tigers")
    assert reply.tone == "nothing" and "Nothing in the fact base" in reply.title


def test_threats_say_who_named_them_and_how(desk: Desk) -> None:
    text = shown(desk.command("threats", "iran 2024-01"))
    assert "(military action)" in text and "named by" in text


# ------------------------------------------------------------------ /whois and /sources


def test_whois_person_and_group(desk: Desk) -> None:
    assert has_all(shown(desk.command("whois", "araghchi")), "Foreign Minister", "Iran", "quote")
    assert "Baloch Liberation Front" in shown(desk.command("whois", "BLF"))
    assert "Araghchi" in desk.command("whois", "araghci").title


def test_whois_unknown_is_nothing_with_suggestions(desk: Desk) -> None:
    reply = desk.command("whois", "naqvee")
    assert reply.tone == "nothing" and "Did you mean: Mohsin Naqvi?" in shown(reply)
    reply = desk.command("whois", "putin")
    assert reply.tone == "nothing" and reply.title == "Nothing in the fact base is called “putin”."


def test_sources_list_every_article_with_its_date(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("sources", "")
    text = shown(reply)
    assert reply.tone == "answer" and reply.item_count == len(fact_base.sources)
    for source in fact_base.sources:
        assert f"[{article_label(source.article)}]" in text
        assert source.headline in text
        assert str(source.published.start.year) in text


# ------------------------------------------------------------------ plain English


@pytest.mark.parametrize("question,wanted,unwanted", [
    ("what did Pakistan's prime minister ask Naqvi to convey?", ["goodwill"], []),
    ("tell me about the Doha talks", ["ceasefire"], ["Ankara"]),
    ("who is Tarar?", ["Information"], []),
    ("what groups did Pakistan target in January 2024?", ["Baloch Liberation Front", "Baloch Liberation Army"],
     ["Gul Bahadur"]),
    ("what is the ECO?", ["Economic Cooperation Organisation"], []),
    ("which groups did Iran target?", ["Jaish"], []),
    ("what happened in November 2020?", ["Zarif"], ["Naqvi"]),
    ("what has Pakistan's interior minister said?", ["partners in regional peace"], []),
])
def test_plain_english_questions(desk: Desk, question: str, wanted: list[str], unwanted: list[str]) -> None:
    text = shown(desk.message(question))
    assert has_all(text, *wanted), text
    assert has_none(text, *unwanted), text


def test_a_question_no_command_fits_is_answered_from_the_articles_with_citations(desk: Desk) -> None:
    reply = desk.message("where is Rask?")
    assert reply.tone == "answer" and reply.title.startswith("From the articles")
    assert all("Rask" in item.text and item.sources for section in reply.sections for item in section.items)


def test_a_question_nothing_matches_gets_the_short_help(desk: Desk) -> None:
    reply = desk.message("xyzzy plugh?")
    assert reply.tone == "help" and reply.title.startswith("Nothing in the fact base")


def test_hostile_input_is_shown_escaped(desk: Desk) -> None:
    message = to_slack(desk.command("quotes", "<!channel> <@U123> <http://x|y> & co"))
    assert message["response_type"] == "ephemeral"
    assert "&lt;!channel&gt; &lt;@U123&gt; &lt;http://x|y&gt; &amp; co" in message["text"]


@pytest.mark.parametrize("example", [example for spec in COMMANDS for example in spec.examples if "<" not in example])
def test_every_concrete_help_example_answers(desk: Desk, example: str) -> None:
    assert ask(desk, example).tone == "answer", example


def test_quotes_about_a_topic_through_the_desk(desk: Desk) -> None:
    text = to_slack(desk.message("what did Araghchi say about Israel?"))["text"]
    assert "Araghchi" in text and "Israel" in text
    assert "gas pipeline" not in text
    nothing = to_slack(desk.command("quotes", "naqvi about putin"))["text"]
    assert "no quotes of Mohsin Naqvi about" in nothing


def test_a_person_with_no_quotes_gets_the_events_that_name_them(desk: Desk, fact_base: FactBase) -> None:
    silent = next(person for person in fact_base.people.values()
                  if not fact_base.quotes(person.id) and fact_base.events_with(person.id))
    reply = to_slack(desk.command("quotes", silent.name))
    assert f"no quotes of {silent.name}" in reply["text"]
    for event in fact_base.events_with(silent.id):
        assert event.summary.replace("&", "&amp;")[:60] in reply["text"]


def test_threats_by_military_action_through_the_desk(desk: Desk) -> None:
    text = to_slack(desk.message("which groups did Pakistan strike in January 2024?"))["text"]
    assert "military action" in text and "(statement)" not in text


def test_a_title_held_twice_is_named_once_in_the_heading(desk: Desk, fact_base: FactBase) -> None:
    twice = next(person for person in fact_base.people.values()
                 if len({role.title for role in person.roles}) < len(person.roles))
    heading = desk.command("whois", twice.name).title
    for title in {role.title for role in twice.roles}:
        assert heading.count(title) == 1


def test_narration_is_never_put_in_a_sides_mouth(desk: Desk, fact_base: FactBase) -> None:
    narrated = [claim for claim in fact_base.threats() if claim.how == "narration" and claim.group]
    assert narrated
    for claim in narrated:
        side = fact_base.sides[claim.side].name
        reply = desk.command("threats", side.lower())
        named_by_side = next(section for section in reply.sections if section.heading == f"Named by {side}")
        stated = {item.lead for item in named_by_side.items}
        group = fact_base.groups[claim.group]
        others = [c for c in fact_base.threats(claim.side, claim.group) if c.how != "narration"]
        assert (group.name in stated) == bool(others)
        assert any("background line" in note for note in reply.notes)
        shown_apart = desk.command("threats", "all")
        assert any("narration" in (section.heading or "") for section in shown_apart.sections)


def test_groups_come_before_unnamed_threats(desk: Desk) -> None:
    reply = desk.command("threats", "iran")
    leads = [item.lead or "" for item in reply.sections[0].items]
    unnamed = [lead.startswith("Unnamed") for lead in leads]
    assert unnamed == sorted(unnamed)


def test_an_unknown_speaker_gets_no_sentences_that_could_read_as_theirs(desk: Desk) -> None:
    reply = desk.message("what did Putin say about Pakistan?")
    assert reply.tone == "nothing" and not reply.sections
    assert "Did you mean" not in shown(reply) + " ".join(reply.notes)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("/quotes naqvi eco", "significant milestone with far-reaching implications"),
        ("what did Zarif tweet?", "Detailed and fruitful talks"),
        ("what did the press release say?", "Iran and Pakistan are partners in regional peace and stability"),
    ],
)
def test_quotes_found_by_topic_or_channel(desk: Desk, asked: str, expected: str) -> None:
    assert expected in shown(ask(desk, asked))


@pytest.mark.parametrize(
    ("asked", "expected", "absent"),
    [
        ("when did Pakistan strike back at Iran?", ["Baloch Liberation Front", "17 Jan 2024"], ["back at"]),
        ("which groups threaten the Iran-Pakistan border?", ["Named by Iran", "Named by Pakistan"], ["Usage"]),
        ("what happened between 2024-01-25 and 2024-01-30?", ["26 Jan 2024", "29 Jan 2024"], ["16 Jan 2024"]),
        ("/threats taliban", ["Taliban allow"], ["Nothing in the fact base"]),
    ],
)
def test_threat_and_period_questions_keep_only_words_that_mean_something(
    desk: Desk, asked: str, expected: list[str], absent: list[str]
) -> None:
    text = shown(ask(desk, asked))
    assert all(part in text for part in expected), text[:500]
    assert not any(part in text for part in absent)


def test_tell_me_about_a_group_says_what_happened(desk: Desk, fact_base: FactBase) -> None:
    group = next(group for group in fact_base.groups.values() if fact_base.events_with(group.id))
    text = shown(desk.message(f"tell me about {group.name}"))
    assert "What happened" in text
    assert all(event.summary[:40] in text for event in fact_base.events_with(group.id))


def test_a_day_lists_only_events_dated_within_it_and_points_to_wider_ones(desk: Desk) -> None:
    reply = desk.command("timeline", "2025-10-11")
    assert all(item.date == "11 Oct 2025" for section in reply.sections for item in section.items)
    assert any("dated only to a wider span" in note for note in reply.notes)


@pytest.mark.parametrize(
    ("asked", "expected", "absent"),
    [
        ("who is the current chief justice", ["Nothing in the fact base"], ["went wrong"]),
        ("who was present", ["Nothing in the fact base"], ["Pezeshkian —"]),
        ("what did Iran and Pakistan say about territorial integrity?",
         ["Both sides strongly respect each other's territorial integrity", "unavoidable principles"], ["Moqaddam"]),
        ("which side named Gul Bahadur as a threat, Iran or Pakistan?", ["Named by Pakistan", "military action"],
         ["Nothing in the fact base"]),
        ("who called Jaish al-Adl a threat and when", ["Named by Iran", "16 Jan 2024"], ["Araghchi"]),
        ("/whois Imran", ["Imran Khan"], ["Nothing"]),
        ("who is the secretary of Iran's supreme national security council?", ["Larijani"], []),
        ("raisi invite", ["invited", "29 Jan 2024"], ["Nothing"]),
        ("did the Istanbul talks succeed?", ["failed to bring about any workable solution"], []),
        ("Mohsen Naghvi", ["Did you mean: Mohsin Naqvi?"], []),
        ("where is Rask?", ["southeastern city of Rask"], []),
    ],
)
def test_plain_english_questions_reach_the_fact_that_answers_them(
    desk: Desk, asked: str, expected: list[str], absent: list[str]
) -> None:
    reply = ask(desk, asked)
    text = shown(reply) + " ".join(reply.notes) + reply.title
    assert all(part in text for part in expected), text[:600]
    assert not any(part in text for part in absent), text[:600]


@pytest.mark.parametrize(
    ("asked", "expected", "absent"),
    [
        ("what did Naqvi congratulate Momeni on?", ["Economic Cooperation Organisation"], []),
        ("who attended Naqvi's meetings in Tehran?", ["Khurram Agha"], []),
        ("what did Iran and Pakistan say about territorial integrity in 2024?",
         ["unavoidable principles", "strongly respect"], ["Zarif"]),
        ("araqchi pipeline", ["There is goodwill on both sides"], []),
        ("Iran's foreign ministers", ["Araghchi", "Amir-Abdollahian", "Zarif"], ["Jilani —"]),
        ("who was Iran's FM in late 2024", ["Araghchi"], ["Zarif"]),
    ],
)
def test_questions_with_lead_ins_topics_and_roles(
    desk: Desk, asked: str, expected: list[str], absent: list[str]
) -> None:
    reply = ask(desk, asked)
    text = shown(reply) + reply.title
    assert all(part in text for part in expected), text[:600]
    assert not any(part in text for part in absent), text[:600]


@pytest.mark.parametrize(
    ("asked", "expected", "absent"),
    [
        ("What happened on January 17th?", ["17 Jan 2024", "Baloch Liberation Front"], []),
        ("what happened on March 3?", ["No event in the base is dated 3 March"], []),
        ("what happened mid-January 2024", ["16 Jan 2024", "17 Jan 2024"], ["26 Jan 2024"]),
        ("what happened in the first week of November 2024", ["Araghchi"], ["Naqvi"]),
        ("anything happen in summer 2025?", ["Aug 2025"], ["Tarar"]),
        ("How many Iranian police were killed in the January 10 Rask attack?", ["martyred one officer"], []),
        ("Which minister said the Istanbul round failed to bring about any workable solution?", ["Tarar"], []),
        ("who described bilateral progress as encouraging and constructive?", ["Larijani"], []),
        ("what else is Jaish al-Adl called?", ["Jaish ul-Adl", "Jaysh al-Adl"], []),
        ("Who was Pakistan's army chief when Araghchi visited?", ["Asim Munir"], []),
        ("Did Naqvi meet Khamenei?", ["Nothing in the fact base mentions Khamenei"], ["Tehran"]),
    ],
)
def test_third_round_questions(desk: Desk, asked: str, expected: list[str], absent: list[str]) -> None:
    reply = ask(desk, asked)
    text = shown(reply) + reply.title + " ".join(reply.notes)
    assert all(part in text for part in expected), text[:600]
    assert not any(part in text for part in absent), text[:600]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("since 2025-10-11", "2025-10-11", "9999-12-31"),
        ("after 2024-01-17", "2024-01-18", "9999-12-31"),
        ("after January 2024 talks", "2024-02-01", "9999-12-31"),
        ("before 2021", "0001-01-01", "2020-12-31"),
        ("prior to nov 2024", "0001-01-01", "2024-10-31"),
        ("until March 2024", "0001-01-01", "2024-03-31"),
        ("from 2024-01-16", "2024-01-16", "9999-12-31"),
    ],
)
def test_time_relations_make_open_periods(text: str, start: str, end: str) -> None:
    period, _ = split_period(text)
    assert period is not None and (str(period.start), str(period.end)) == (start, end)


def test_an_open_period_keeps_coarse_facts_apart_and_says_how_it_read_the_question(desk: Desk) -> None:
    reply = desk.command("timeline", "since 2025-10-11")
    assert reply.title == "Events since 11 Oct 2025"
    text = shown(reply)
    assert "Istanbul" in text and "Gul Bahadur" in text
    assert any("dated only to a wider span" in note for note in reply.notes)


def test_quotes_before_a_year_leave_out_later_quotes(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.message("what did Iran say before 2024?")
    assert reply.title.endswith("before 2024")
    dates = [quote.date.end.year for quote in fact_base.quotes() if quote.text in shown(reply)]
    assert dates and max(dates) < 2024


def test_who_attacked_a_place_is_answered_from_the_events_there(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.message("who attacked Rask?")
    in_rask = [event.summary for event in fact_base.events() if "Rask" in (event.place or "") + event.summary]
    assert reply.asked == ("timeline", "Rask") and in_rask
    assert [item.text for section in reply.sections for item in section.items] == in_rask


def test_who_attacked_a_name_the_base_lacks_is_nothing_not_every_threat(desk: Desk) -> None:
    reply = desk.message("who attacked Zzyzxville?")
    assert reply.tone == "nothing" and "Zzyzxville" in reply.title and not reply.sections


def test_a_naming_question_with_only_a_period_reads_the_period(desk: Desk) -> None:
    reply = desk.message("which side attacked in January 2024?")
    assert reply.tone == "answer" and reply.title == "Threats in Jan 2024"


def test_whois_all_lists_who_the_base_holds_most_quoted_first_and_counted_in_full(
        desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("whois", "all")
    assert reply.tone == "answer" and [section.heading for section in reply.sections] == [
        "The most quoted", "Institutions", "Groups", "Sides"]
    assert reply.summary == (f"{len(fact_base.people)} people · {len(fact_base.institutions)} institutions · "
                             f"{len(fact_base.groups)} groups · {len(fact_base.sides)} sides")
    quoted = [item.details[0] for item in reply.sections[0].items]
    counts = [int(detail.split()[0]) for detail in quoted]
    assert counts == sorted(counts, reverse=True) and counts[0] == max(fact_base.quote_counts().values())
    assert {item.text.split(" — ")[0] for item in reply.sections[2].items} == {
        group.name for group in fact_base.groups.values()}
    only = desk.message("which groups are in the base?")
    assert [section.heading for section in only.sections] == ["Groups"]
    assert desk.command("whois", "naqvi").title.startswith("Mohsin Naqvi")  # a name is still a name


def test_a_target_no_claim_acts_against_shows_the_side_s_claims_and_says_so(desk: Desk) -> None:
    reply = desk.message("why did Iran strike Pakistan?")
    assert reply.tone == "answer" and reply.title == "Threats named by Iran by military action"
    assert any("No claim's sentence places the action against Pakistan" in note for note in reply.notes)
    assert "Jaish al-Adl" in shown(reply)
    kept = desk.message("which groups did Pakistan strike in Afghanistan?")
    assert "against Afghanistan" in kept.title and not any("No claim's sentence" in note for note in kept.notes)


def test_what_was_said_at_an_occasion_reads_the_occasion_as_the_topic(desk: Desk) -> None:
    reply = desk.message("what was said at the joint press conference?")
    assert reply.tone == "answer" and "Jalil Abbas Jilani" in shown(reply)


def test_a_side_s_quotes_say_whose_they_are_in_the_title(desk: Desk) -> None:
    reply = desk.message("did Pakistan say anything about Afghanistan?")
    assert reply.title == "Quotes of Pakistan about “Afghanistan”"
    assert all(section.heading and "(Pakistan)" in section.heading for section in reply.sections)


def test_nothing_said_names_the_side_asked_about_and_anyone_is_no_speaker(desk: Desk) -> None:
    assert desk.message("what did Pakistan say after the strikes?").title.startswith(
        "Nothing in the fact base is attributed to Pakistan after")
    assert desk.message("what did anyone say about the pipeline?").title == "Quotes about “pipeline”"
