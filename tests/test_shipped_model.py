"""Transcripts over the shipped base: what the curated sides, institutions, their quotes and the
state-named threats give a user through the real core (issue 7, "One desk for any corpus")."""

from __future__ import annotations

import re

import pytest
from test_core import shown

from bot.core import Desk
from knowledge.store import FactBase


def count(pattern: str, text: str) -> int:
    """The number printed before ``pattern`` ("4 quotes"), 0 when absent."""
    found = re.search(rf"(\d+) {pattern}", text)
    return int(found.group(1)) if found else 0


def test_pakistans_government_is_quoted_demanding_the_taliban_stop_terror_groups(desk: Desk) -> None:
    text = shown(desk.command("quotes", "pakistan's government"))
    assert "Government of Pakistan" in text
    assert "the Taliban stop terror groups from using its soil against Pakistan" in text
    assert "the Taliban to prevent militant groups from operating on Afghan soil" in text


def test_the_taliban_government_alleges_and_denies(desk: Desk) -> None:
    for asked in ("taliban", "kabul"):
        text = shown(desk.command("quotes", asked))
        assert "Taliban government" in text, asked
        assert "airstrikes by Pakistan into Afghanistan" in text, asked
        assert "deny the allegation of allowing terrorists to operate from Afghan soil" in text, asked
        assert "denies the allegations" in text, asked


def test_afghanistan_names_pakistan_as_a_threat_in_both_articles(desk: Desk) -> None:
    reply = desk.command("threats", "afghanistan")
    text = shown(reply)
    assert "Named by Afghanistan" in text
    assert "Pakistan (state)" in text and "named by Taliban government (statement)" in text
    assert "Sources (2 articles): [000]" in text and "[001]" in text


def test_iran_named_israel_as_a_threat(desk: Desk) -> None:
    text = shown(desk.command("threats", "israel"))
    assert "Israel named as a threat by others" in text
    assert "Israel (state)" in text and "named by Abbas Araghchi (statement)" in text
    assert count("claims", text) == 2
    assert "Unnamed: Israel" not in shown(desk.command("threats", "iran"))


def test_iran_links_israel_to_terrorism(desk: Desk) -> None:
    assert "Israel" in shown(desk.message("who did Iran link to terrorism?"))


def test_pakistan_and_iran_name_each_other_for_harbouring_militants(desk: Desk) -> None:
    iran = shown(desk.command("threats", "iran"))
    assert "Pakistan (state)  named by Government of Iran (statement)" in iran
    assert "Iran (state)  named by Government of Pakistan (statement)" in iran


def test_whois_the_taliban_counts_their_quotes_and_claim(desk: Desk) -> None:
    text = shown(desk.command("whois", "taliban"))
    assert "Taliban government" in text and "Afghanistan" in text
    assert count("quotes", text) >= 4
    assert "1 threat claim" in text


def test_irans_government_speaks(desk: Desk) -> None:
    text = shown(desk.message("what did Iran's government say?"))
    assert "Government of Iran" in text
    assert "Shia and Sunni Muslims are a single community" in text


@pytest.mark.parametrize(("asked", "wanted", "other_speaker"), [
    ("what did Iran's government say?", "the summit would take “concrete” steps", "Mohammad Javad Zarif"),
    ("/quotes Government of Pakistan", "the Taliban stop terror groups", "Shah Mahmood Qureshi"),
])
def test_a_government_answers_with_its_own_quotes(desk: Desk, asked: str, wanted: str, other_speaker: str) -> None:
    name, _, argument = asked[1:].partition(" ")
    reply = desk.command(name, argument) if asked.startswith("/") else desk.message(asked)
    text = shown(reply)
    assert wanted in text
    headings = [section.heading or "" for section in reply.sections]
    assert headings and not any(heading.startswith(other_speaker) for heading in headings)
    assert all(heading.startswith("Government of") for heading in headings)


def test_the_concrete_steps_are_irans_governments_words(fact_base: FactBase) -> None:
    concrete = [(quote.speaker, quote.kind, quote.via) for quote in fact_base.quotes() if quote.text == "concrete"]
    assert concrete == [("government-of-iran", "direct", "statement")]


def test_no_foreign_office_is_quoted_so_the_desk_says_nothing(desk: Desk) -> None:
    for asked in ("what did Pakistan's foreign office say?", "what did Iran's foreign ministry say?"):
        reply = desk.message(asked)
        assert reply.tone == "nothing", asked
        assert "holds no quotes" in reply.title, asked


def test_pakistans_foreign_office_is_the_institution(desk: Desk) -> None:
    reply = desk.message("what did Pakistan's foreign office say?")
    assert "Foreign Office of Pakistan" in reply.title


def test_threats_naming_israel_are_not_titled_as_named_by_israel(desk: Desk) -> None:
    assert "named by Israel" not in desk.command("threats", "israel").title


def test_the_prime_ministers_message_of_goodwill(desk: Desk) -> None:
    text = shown(desk.command("quotes", "shehbaz sharif"))
    assert "message of goodwill" in text and "via Interior Minister Mohsin Naqvi" in text
    assert "goodwill" in shown(desk.message("what did Pakistan's prime minister ask Naqvi to convey?"))


def test_reported_statements_the_base_lacked(desk: Desk) -> None:
    for asked, wanted in [
        ("momeni", "thanked Naqvi for Pakistan’s participation in the ECO conference"),
        ("amirabdollahian", "firm support of the Pakistani government and nation for the oppressed Palestinian people"),
        ("araghchi", "the delay in completing the “strategic” project due to “well-known” forces"),
        ("ishaq dar", "joint efforts to eradicate terrorism and extremism"),
        ("zarif", "a decision by the Pakistani government to open new border markets"),
        ("qureshi", "the need for the promotion of intra-Afghan dialogue"),
        ("imran khan", "joint efforts to counter Islamophobia"),
        ("pezeshkian", "Pakistan’s longstanding support"),
        ("naqvi", "Pakistan’s commitment to regional peace and stability"),
    ]:
        assert wanted in shown(desk.command("quotes", asked)), asked


def test_a_merged_threat_claim_keeps_both_sources(fact_base: FactBase) -> None:
    claim = next(threat for threat in fact_base.threats() if threat.id == "taliban-alleges-pakistani-airstrikes-2025")
    assert (claim.side, claim.named_by, claim.how, claim.state) == ("afghanistan", "taliban", "statement", "pakistan")
    assert sorted(citation.article[:3] for citation in claim.sources) == ["000", "001"]
