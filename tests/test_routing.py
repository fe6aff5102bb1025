"""Plain-English routing: each phrasing goes to exactly one request."""

from __future__ import annotations

import pytest

from bot.commands import COMMANDS
from bot.core import Desk
from bot.routing import ABOUT, HELP, SEARCH, Request, SideWords, clean, route

TABLE: list[tuple[str, Request]] = [
    # help and greetings
    ("help", Request(HELP)),
    ("hi", Request(HELP)),
    ("Hello there", Request(HELP)),
    ("what can you do?", Request(HELP)),
    ("thanks", Request(HELP)),
    ("   ", Request(HELP)),
    # commands typed in a message
    ("/whois jilani", Request("whois", "jilani")),
    ("/timeline 2024", Request("timeline", "2024")),
    ("/QUOTES  Naqvi  2025", Request("quotes", "Naqvi 2025")),
    ("/nonsense words", Request("nonsense", "words")),
    ("whois araghchi", Request("whois", "araghchi")),
    ("sources", Request("sources")),
    ("timeline 2024 talks", Request("timeline", "2024 talks")),
    ("threats named by pakistan in 2024", Request("threats", "pakistan 2024")),
    ("who did Araghchi meet in Islamabad?", Request("timeline", "Araghchi in Islamabad")),
    ("who met Zarif in Islamabad?", Request("timeline", "Zarif in Islamabad")),
    ("meetings of Naqvi in Tehran", Request("timeline", "Naqvi in Tehran")),
    # quotes
    ("Amirabdollahian quotes", Request("quotes", "Amirabdollahian")),
    ("Naqvi statements in 2025", Request("quotes", "Naqvi 2025")),
    ("Araghchi remarks about Israel", Request("quotes", "Araghchi about Israel")),
    ("what has Pakistan's interior minister said?", Request("quotes", "Pakistan's interior minister")),
    ("what did Pakistan's prime minister ask Naqvi to convey?", Request("quotes", "Pakistan's prime minister")),
    ("what did the Pakistani prime minister say?", Request("quotes", "Pakistani prime minister")),
    ("What did Araghchi say about terrorism?", Request("quotes", "Araghchi about terrorism")),
    ("did Zarif say anything about the border?", Request("quotes", "Zarif about border")),
    ("what did Pezeshkian offer to do about Afghanistan?", Request("quotes", "Pezeshkian about Afghanistan")),
    ("show me quotes by Ishaq Dar", Request("quotes", "Ishaq Dar")),
    ("Naqvi's quotes", Request("quotes", "Naqvi")),
    ("quotes from november 2024", Request("quotes", "november 2024")),
    ("quotes of the Iranian foreign minister in 2024", Request("quotes", "Iranian foreign minister in 2024")),
    ("what was said in january 2024?", Request("quotes", "january 2024")),
    ("what has the army chief stressed", Request("quotes", "army chief")),
    ("what did Araghchi say in November 2024?", Request("quotes", "Araghchi November 2024")),
    ("what did Iran say about Israel?", Request("quotes", "Iran about Israel")),
    ("what has Jilani said on terrorism", Request("quotes", "Jilani about terrorism")),
    ("what did Dar say in November 2024?", Request("quotes", "Dar November 2024")),
    # threats
    ("which groups did Iran target?", Request("threats", "Iran")),
    ("what groups did Pakistan target in January 2024?", Request("threats", "Pakistan January 2024")),
    ("which militants did Pakistan strike in 2025", Request("threats", "Pakistan 2025 military")),
    ("which groups did Iran attack?", Request("threats", "Iran")),
    ("which groups did Iran bomb?", Request("threats", "Iran military")),
    ("who named Jaish al-Adl as a threat?", Request("threats", "naming Jaish al-Adl")),
    ("who named Iran as a threat?", Request("threats", "naming Iran")),
    ("who does Iran consider a threat?", Request("threats", "Iran")),
    ("show threats", Request("threats", "all")),
    ("did Araghchi say Pakistan is a threat?", Request("quotes", "Araghchi about Pakistan is a threat")),
    ("did Naqvi say anything about security?", Request("quotes", "Naqvi about security")),
    ("did Araghchi say something?", Request("quotes", "Araghchi")),
    ("quotes mentioning the Taliban", Request("quotes", "about Taliban")),
    ("any quotes mentioning Israel?", Request("quotes", "about Israel")),
    ("has anyone called Jaish al-Adl terrorists?", Request("threats", "naming Jaish al-Adl")),
    ("did anyone designate the BLA a terrorist group?", Request("threats", "naming BLA")),
    ("has anyone named Pakistan as a threat?", Request("threats", "naming Pakistan")),
    ("what was said at the joint press conference?", Request("quotes", "about joint press conference")),
    ("what did the foreign ministers discuss?", Request("quotes", "foreign ministers")),
    ("where did Araghchi go?", Request("timeline", "Araghchi")),
    ("why did Iran strike Pakistan?", Request("threats", "Iran Pakistan military")),
    ("who is in the base?", Request("whois", "all")),
    ("list all the people", Request("whois", "people")),
    ("which groups are in the base?", Request("whois", "groups")),
    ("what groups are there?", Request("whois", "groups")),
    ("what countries does the base cover?", Request("whois", "countries")),
    ("which groups did Iran name?", Request("threats", "Iran")),
    ("how did Kabul respond?", Request("quotes", "Kabul")),
    ("how did Iran react to the sanctions?", Request("quotes", "Iran about sanctions")),
    ("how has Pakistan responded to the charge in 2024?", Request("quotes", "Pakistan 2024 about charge")),
    ("what did the Taliban deny?", Request("quotes", "Taliban")),
    ("what did Pakistan reject in 2024?", Request("quotes", "Pakistan 2024")),
    ("who was named as a threat in 2024?", Request("threats", "2024")),
    ("who is considered a threat by Pakistan?", Request("threats", "Pakistan")),
    ("who was called a terrorist?", Request("threats", "all")),
    ("did pakistan attack iran?", Request("threats", "pakistan iran")),
    ("which terrorist groups has Islamabad blamed?", Request("threats", "Islamabad")),
    # timeline
    ("what happened in November 2020?", Request("timeline", "November 2020")),
    ("what happened on 16 January 2024", Request("timeline", "16 January 2024")),
    ("timeline of the Istanbul talks", Request("timeline", "Istanbul talks")),
    ("timeline for 2024-01", Request("timeline", "2024-01")),
    ("events in jan 2024", Request("timeline", "jan 2024")),
    ("when did the Istanbul talks happen?", Request("timeline", "Istanbul talks")),
    ("when was the Doha ceasefire?", Request("timeline", "Doha ceasefire")),
    ("what did iran do in january 2024", Request("timeline", "iran in january 2024")),
    # whois
    ("who is Jilani?", Request("whois", "Jilani")),
    ("who is Tarar?", Request("whois", "Tarar")),
    ("who's Gul Bahadur", Request("whois", "Gul Bahadur")),
    ("who was the Iranian foreign minister in 2020?", Request("whois", "Iranian foreign minister in 2020")),
    ("what is Naqvi's role?", Request("whois", "Naqvi")),
    # about: a person, a group or a topic, decided by the fact base
    ("tell me about the Doha talks", Request(ABOUT, "Doha talks")),
    ("what is the ECO?", Request(ABOUT, "ECO")),
    ("what is Jaish al-Adl?", Request(ABOUT, "Jaish al-Adl")),
    ("tell me about the BLA", Request(ABOUT, "BLA")),
    ("what do you know about Balochistan?", Request(ABOUT, "Balochistan")),
    # sources
    ("what are your sources?", Request("sources")),
    ("which articles do you use?", Request("sources")),
    # anything else: sentence search over the articles
    ("where is Rask?", Request(SEARCH, "where is Rask")),
    ("raisi invite", Request(ABOUT, "raisi invite")),
    ("who called Jaish al-Adl a threat and when", Request("threats", "naming Jaish al-Adl")),
    ("quick one - what did Larijani tell Naqvi?", Request("quotes", "Larijani")),
    ("any idea what Pezeshkian said about Pakistan's support?",
     Request("quotes", "Pezeshkian about Pakistan's support")),
    ("who met Pezeshkian and what did they discuss?", Request("timeline", "Pezeshkian")),
    ("what did Iran and Pakistan say about territorial integrity in 2024?",
     Request("quotes", "Iran and Pakistan 2024 about territorial integrity")),
    ("remind me what Amir-Abdollahian said about shia and sunni",
     Request("quotes", "Amir-Abdollahian about shia and sunni")),
    ("hey, quick question: who is Tarar?", Request("whois", "Tarar")),
    ("which side named Gul Bahadur as a threat, Iran or Pakistan?", Request("threats", "naming Gul Bahadur")),
    ("how long is the border?", Request(SEARCH, "how long is the border")),
    ("why did relations sour?", Request(SEARCH, "why did relations sour")),
    ('who said "one nation in two different geographical areas"?',
     Request("quotes", "about one nation in two different geographical areas")),
    ("who said fraternal role", Request("quotes", "about fraternal role")),
]


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 40
    assert len({phrase for phrase, _ in TABLE}) == len(TABLE)


@pytest.mark.parametrize("phrase,expected", TABLE, ids=[phrase for phrase, _ in TABLE])
def test_route(desk: Desk, phrase: str, expected: Request) -> None:
    assert route(phrase, desk.side_words) == expected


def test_side_words_come_from_the_data_not_the_code() -> None:
    question = "when did Ruritania strike militants?"
    assert route(question).command != "threats"
    assert route(question, SideWords(("Ruritania",))) == Request("threats", "Ruritania military")


def test_every_routed_command_is_registered_or_internal(desk: Desk) -> None:
    names = {spec.name for spec in COMMANDS} | {HELP, ABOUT, SEARCH}
    for phrase, _ in TABLE:
        request = route(phrase, desk.side_words)
        assert request.command in names or phrase.startswith("/")


@pytest.mark.parametrize("text,cleaned", [
    ("  the Doha talks?  ", "Doha talks"),
    ("in November 2020", "November 2020"),
    ("“Araghchi”", "Araghchi"),
    ("", ""),
])
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned
