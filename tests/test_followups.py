"""Compound questions and follow-ups in a thread, through the real core on the shipped base."""

from __future__ import annotations

from slack_text import texts

from bot.core import Desk
from bot.render import to_slack
from bot.replies import Reply


def shown(reply: Reply) -> str:
    return "\n".join(texts(to_slack(reply)))


def test_a_compound_question_answers_each_part_in_turn(desk: Desk) -> None:
    reply = desk.message("what did Zarif say, and when did the Iranian strikes happen?")
    assert reply.title == "2 questions, answered in turn"
    text = shown(reply)
    assert "Mohammad Javad Zarif" in text and "16 Jan 2024" in text
    assert text.index("Mohammad Javad Zarif") < text.index("16 Jan 2024")


def test_a_trailing_when_is_not_a_second_question(desk: Desk) -> None:
    assert desk.message("what did araghchi say and when?").title == "Abbas Araghchi"


def test_several_subjects_each_get_their_answer(desk: Desk) -> None:
    reply = desk.message("what did Zarif and Qureshi say?")
    headings = [section.heading or "" for section in reply.sections]
    assert any(heading.startswith("Mohammad Javad Zarif") for heading in headings)
    assert any(heading.startswith("Shah Mahmood Qureshi") for heading in headings)


def test_every_answer_records_what_was_asked(desk: Desk) -> None:
    assert desk.message("what did araghchi say in 2024?").asked == ("quotes", "araghchi 2024")
    assert desk.command("timeline", "since the Doha talks").asked == ("timeline", "since the Doha talks")


def test_a_pronoun_takes_the_subject_and_period_of_the_answer_it_follows(desk: Desk) -> None:
    first = desk.message("what did araghchi say in 2024?")
    follow = desk.message("and what did he say about the pipeline?", previous=first.asked)
    assert follow.title == "Abbas Araghchi in 2024 about “pipeline”"
    assert "gas pipeline" in shown(follow)


def test_before_that_is_before_the_period_of_the_answer_it_follows(desk: Desk) -> None:
    first = desk.command("timeline", "2024-01")
    follow = desk.message("and before that?", previous=first.asked)
    assert follow.title.startswith("Events before 1 Jan 2024")
    assert "16 Jan 2024" not in shown(follow) and "11 Nov 2020" in shown(follow)
    after = desk.message("and after that?", previous=first.asked)
    assert after.title.startswith("Events after 31 Jan 2024") and "29 Jan 2024" not in shown(after)


def test_what_about_another_name_keeps_the_period(desk: Desk) -> None:
    first = desk.message("what did araghchi say in 2024?")
    assert desk.message("what about Dar?", previous=first.asked).title == "Ishaq Dar in 2024"


def test_a_side_follow_up_swaps_the_side(desk: Desk) -> None:
    first = desk.message("which groups did Iran target?")
    assert desk.message("and Pakistan?", previous=first.asked).title == "Threats named by Pakistan"


def test_a_question_that_stands_alone_ignores_the_thread(desk: Desk) -> None:
    first = desk.command("timeline", "2024-01")
    assert desk.message("what did Jilani say?", previous=first.asked).title == "Jalil Abbas Jilani"
