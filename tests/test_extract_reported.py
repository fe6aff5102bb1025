"""Reported statements: a source and a cue outside quotation marks, in every order news writes them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.extract import Directory, propose
from knowledge.extract.reading import find_quotations, paragraph_spans

PUBLISHED = date(2024, 3, 6)
EMPTY = Directory()
WORLD = Path(__file__).parent.parent / "knowledge"


def reported(text: str) -> list[tuple[str, str]]:
    """(speaker, text) of every proposed reported statement."""
    return [(p.entry.speaker, p.entry.text) for p in propose(text, EMPTY, PUBLISHED).quotes
            if p.entry.kind == "reported"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes said the bridge would reopen in May.",
     [("dana-reyes", "the bridge would reopen in May")]),
    ("The bridge will reopen in May, Governor Dana Reyes said on Monday.",
     [("dana-reyes", "The bridge will reopen in May")]),
    ("The bridge will reopen in May, said Governor Dana Reyes.",
     [("dana-reyes", "The bridge will reopen in May")]),
    ("Governor Dana Reyes told reporters on Monday that the bridge would reopen in May.",
     [("dana-reyes", "the bridge would reopen in May")]),
    ("According to Governor Dana Reyes, the bridge will reopen in May.",
     [("dana-reyes", "the bridge will reopen in May")]),
    ("Governor Dana Reyes believes the bridge will reopen in May.",
     [("dana-reyes", "the bridge will reopen in May")]),
    ("Governor Dana Reyes, who chairs the board, insisted the bridge was safe.",
     [("dana-reyes", "the bridge was safe")]),
    ("Governor Dana Reyes denied claims that the bridge was unsafe.",
     [("dana-reyes", "claims that the bridge was unsafe")]),
    ("Governor Dana Reyes called for an inquiry into the collapse of the bridge.",
     [("dana-reyes", "an inquiry into the collapse of the bridge")]),
])
def test_a_named_source_and_a_cue_in_any_order(text: str, expected: list[tuple[str, str]]) -> None:
    assert reported(text) == expected


def test_a_known_name_is_a_source_where_nothing_else_marks_it_as_a_person() -> None:
    text = ("Governor Dana Reyes said the bridge was safe.\n"
            "Dana Reyes is demanding an inquiry into the contracts for the bridge.")
    assert reported(text)[-1] == ("dana-reyes", "an inquiry into the contracts for the bridge")


def test_a_nested_statement_gives_one_statement_per_cue() -> None:
    text = "Governor Dana Reyes said that Senator Omar Vint told her the bridge was unsafe."
    assert reported(text) == [("dana-reyes", "Senator Omar Vint told her the bridge was unsafe"),
                              ("omar-vint", "the bridge was unsafe")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The bridge was closed after engineers found cracks, a source said.", "unnamed-source"),
    ("Top state officials said the bridge would stay closed for a month.", "unnamed-top-state-officials"),
    ("The Reyes campaign says the bridge will reopen next month.", "unnamed-reyes-campaign"),
    ("A new poll shows most residents want the bridge rebuilt.", "unnamed-new-poll"),
])
def test_a_described_source_is_an_unnamed_source_for_the_curator(text: str, speaker: str) -> None:
    proposals = propose(text, EMPTY, PUBLISHED)
    assert proposals.quotes[0].entry.speaker == speaker
    assert "unnamed source" in proposals.quotes[0].why
    assert (speaker, "unnamed source") in [(i.entry.id, i.entry.kind) for i in proposals.institutions]


def test_they_goes_to_the_last_described_source() -> None:
    text = ("Local residents said the bridge had been shaking for weeks.\n"
            "They said the city ignored their complaints.")
    assert reported(text)[-1] == ("unnamed-local-residents", "the city ignored their complaints")


def test_a_participle_goes_to_the_speaker_of_the_quotation() -> None:
    text = "“We are ready,” Governor Dana Reyes said, adding that the bridge would reopen in May."
    assert ("dana-reyes", "the bridge would reopen in May") in reported(text)


@pytest.mark.parametrize("text", [
    "The bridge, said to be the oldest in the state, was closed on Monday.",
    "It was said that the bridge was old.",
    "Governor Dana Reyes said on Monday.",
    "The bridge was described in a report on Monday.",
    "Governor Dana Reyes spoke after the board said nothing.",
    "The stress on the cables showed in the photographs.",
])
def test_narration_without_a_source_or_a_clause_is_no_statement(text: str) -> None:
    assert reported(text) == []


def test_a_clause_that_is_mostly_a_quotation_is_left_to_the_direct_quote() -> None:
    text = "Governor Dana Reyes said “the bridge will reopen in May, and not a day later.”"
    assert [(p.entry.kind, p.entry.speaker) for p in propose(text, EMPTY, PUBLISHED).quotes] == [
        ("direct", "dana-reyes")]


def test_two_apostrophes_are_a_double_quotation_mark() -> None:
    text = "''The bridge is safe,'' said Governor Dana Reyes. She called it ''a fine piece of work.''"
    marks = find_quotations(text, paragraph_spans(text))
    assert [text[q.words.start : q.words.end] for q in marks] == ["The bridge is safe", "a fine piece of work."]
    assert [(p.entry.kind, p.entry.speaker) for p in propose(text, EMPTY, PUBLISHED).quotes][0] == (
        "direct", "dana-reyes")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Dana Reyes, who met Senator Omar Vint on Monday, said “The bridge is safe.”", "dana-reyes"),
    ("The vote was close, noted WRX’s Dante Chinni.\n“Nobody expected it,” he wrote.", "dante-chinni"),
    ("Jo-Renee Farr, a professor at the state university, described the plan as risky.\n"
     "“It could fail,” she said.", "jo-renee-farr"),
    ("House Speaker Paul Lane said the vote was close.\n“We have the votes,” he said.", "paul-lane"),
])
def test_appositions_possessives_and_titles_leave_the_speaker_named(text: str, speaker: str) -> None:
    assert {p.entry.speaker for p in propose(text, EMPTY, PUBLISHED).quotes} == {speaker}


def test_the_chairman_named_in_apposition_is_the_source() -> None:
    assert reported("The state’s campaign chairman, Phil Lovas, said he cannot comment on the letter.")[0] == (
        "phil-lovas", "he cannot comment on the letter")


@pytest.mark.parametrize("text", [
    "Residents were charged fees they never agreed to pay for the bridge.",
    "Others could buy a government plan similar to the old one.",
])
def test_passives_and_nouns_are_not_statements(text: str) -> None:
    assert reported(text) == []


def test_a_leading_phrase_is_not_what_the_source_said() -> None:
    assert reported("In his speech, Governor Dana Reyes urged voters to back the bridge plan.") == [
        ("dana-reyes", "voters to back the bridge plan")]


def test_a_quoted_interview_transcript_gives_each_label_its_words() -> None:
    text = ('Senator Mike Vance joined the show on Sunday.\n\n"WALLACE: Will you vote for the bill?\n\n'
            '"VANCE: Well, look, we will see what the committee does first.\n\n"It is a long bill.\n\n'
            '"UPDATE: The vote was moved to Tuesday."')
    quotes = [(p.entry.speaker, p.entry.text) for p in propose(text, EMPTY, PUBLISHED).quotes]
    assert quotes == [("wallace", "Will you vote for the bill?"),
                      ("mike-vance", "Well, look, we will see what the committee does first."),
                      ("mike-vance", "It is a long bill.")]


def test_a_described_speaker_of_a_direct_quote_is_an_unnamed_source() -> None:
    text = ("“We will appeal,” the company said in a statement.\n"
            "Two senators sent a letter to the board.\n"
            "“The program has failed,” they wrote.")
    assert [(p.entry.kind, p.entry.speaker) for p in propose(text, EMPTY, PUBLISHED).quotes] == [
        ("direct", "unnamed-company"), ("direct", "unnamed-two-senators")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The road stays shut,” the Water Ministry said.", "water-ministry"),
    ("“The road stays shut,” the Water Ministry spokesman said.", "unnamed-water-ministry-spokesman"),
])
def test_a_named_institution_stays_named_and_its_unnamed_spokesman_is_described(text: str, speaker: str) -> None:
    assert [p.entry.speaker for p in propose(text, EMPTY, PUBLISHED).quotes] == [speaker]


@pytest.mark.parametrize(("text", "expected"), [
    ("Aaron Kall -- co-editor of a book on the debates -- said the candidate liked surprises.",
     ("aaron-kall", "the candidate liked surprises")),
    ("Governor Dana Reyes said that in 1998, the bridge was closed for a year.",
     ("dana-reyes", "in 1998, the bridge was closed for a year")),
    ("The first ad could air this week, said Brian Baker, a longtime adviser who runs the campaign.",
     ("brian-baker", "The first ad could air this week")),
    ("Governor Dana Reyes said little but pledged to reopen the bridge by May.",
     ("dana-reyes", "to reopen the bridge by May")),
    ("Governor Dana Reyes sent a letter on Friday saying that the bridge would stay closed.",
     ("dana-reyes", "the bridge would stay closed")),
])
def test_dashes_that_clauses_appositions_and_conjoined_cues(text: str, expected: tuple[str, str]) -> None:
    assert expected in reported(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes likened the old bridge to a relic of another century.",
     ("dana-reyes", "the old bridge to a relic of another century")),
    ("Local voters know the bridge has been unsafe for years.",
     ("unnamed-local-voters", "the bridge has been unsafe for years")),
])
def test_stance_and_belief_verbs_are_cues(text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


def test_an_s_form_right_after_a_plural_description_is_a_noun_not_a_cue() -> None:
    assert reported("The city officials remarks about the bridge were brief and unclear.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The bridge, Governor Dana Reyes often says, is the pride of the valley.",
     ("dana-reyes", "is the pride of the valley")),
    ("A lawyer for the city, Tom Berg, said no decision had been made about the bridge.",
     ("tom-berg", "no decision had been made about the bridge")),
    ("The State Police say the driver lost control on the bridge.",
     ("state-police", "the driver lost control on the bridge")),
])
def test_parentheticals_negative_clauses_and_bodies_with_a_plural_verb(text: str, expected: tuple[str, str]) -> None:
    assert expected in reported(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The bridge carried ten thousand cars a day, according to one state survey.",
     ("unnamed-state-survey", "The bridge carried ten thousand cars a day")),
    ("No one may fish from the bridge, according to state law.",
     ("unnamed-state-law", "No one may fish from the bridge")),
    ("Governor Dana Reyes closed the bridge, citing the cracks found in its piers.",
     ("dana-reyes", "the cracks found in its piers")),
])
def test_any_source_after_according_to_and_any_participle_cue(text: str, expected: tuple[str, str]) -> None:
    assert expected in reported(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The latest state poll released Friday shows that the governor leads by six points.",
     ("unnamed-latest-state-poll", "the governor leads by six points")),
    ("Research conducted by the state university found drivers avoided the bridge.",
     ("unnamed-research", "drivers avoided the bridge")),
])
def test_evidence_shows_and_finds(text: str, expected: tuple[str, str]) -> None:
    assert expected in reported(text)


def test_finding_without_a_that_clause_needs_evidence_as_its_source() -> None:
    assert reported("Governor Dana Reyes found the old bridge closed on Monday morning.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Senator Omar Vint spoke first.\n“Why is this bridge still open?” Reyes demanded.", "reyes"),
    ("The bridge “is the safest in the state,” retired city engineer Lloyd Newton said.", "lloyd-newton"),
])
def test_any_speech_verb_and_a_lowercase_title_name_the_speaker_after_a_quote(text: str, speaker: str) -> None:
    assert [p.entry.speaker for p in propose(text, EMPTY, PUBLISHED).quotes if p.entry.kind == "direct"] == [speaker]


@pytest.mark.parametrize(("text", "expected"), [
    ("The recordings show nothing new, according to attorneys for the family.",
     ("unnamed-attorneys-for-the-family", "The recordings show nothing new")),
    ("Aides to the governor said the bridge would reopen in May.",
     ("unnamed-aides-to-the-governor", "the bridge would reopen in May")),
])
def test_a_description_keeps_whom_it_belongs_to(text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


def test_a_paragraph_introduced_by_x_added_colon_is_what_x_said() -> None:
    text = "Governor Dana Reyes spoke on Monday. She added:\n\nThe bridge will reopen once the piers are fixed."
    assert reported(text)[-1] == ("dana-reyes", "The bridge will reopen once the piers are fixed")


def test_a_colon_with_no_cue_introduces_no_statement() -> None:
    assert reported("The schedule was as follows:\n\nThe bridge will reopen once the piers are fixed.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Most believe that the bridge has improved since it was rebuilt.",
     ("unnamed-most", "the bridge has improved since it was rebuilt")),
    ("“It is old,” Governor Dana Reyes said, referring to the bridge over the river.",
     ("dana-reyes", "the bridge over the river")),
])
def test_quantifiers_as_sources_and_referring_to(text: str, expected: tuple[str, str]) -> None:
    assert expected in reported(text)


def test_a_quotation_after_one_with_no_speaker_does_not_continue_an_earlier_speaker() -> None:
    text = ("“The bridge is safe,” Governor Dana Reyes said.\n\n"
            "“It shakes every morning,” a passer-by muttered.\n\n"
            "“Nobody listens.”")
    assert [p.entry.speaker for p in propose(text, EMPTY, PUBLISHED).quotes] == ["dana-reyes"]


def test_one_user_is_a_described_source() -> None:
    assert reported("The bridge should be torn down, one user wrote on the forum.") == [
        ("unnamed-user", "The bridge should be torn down")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sixty percent of the drivers polled said the bridge should be rebuilt.",
     ("unnamed-sixty-percent-of-the-drivers-polled", "the bridge should be rebuilt")),
    ("Twelve percent say the toll is too high for daily drivers.",
     ("unnamed-twelve-percent", "the toll is too high for daily drivers")),
    ("The lawsuit claims that the contract for the bridge was rigged.",
     ("unnamed-lawsuit", "the contract for the bridge was rigged")),
    ("The 60-year-old ferryman says he has never seen the river so high.",
     ("unnamed-60-year-old-ferryman", "he has never seen the river so high")),
    ("The two trucking firms expect to lose money while the bridge is closed.",
     ("unnamed-two-trucking-firms", "to lose money while the bridge is closed")),
])
def test_the_words_opening_the_clause_are_an_unnamed_source_when_no_referent_is(
        text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize("text", [
    "Repair worries have dogged the bridge since it opened in the spring.",
    "The toll in several border states could rise once the bridge reopens.",
    "Their plan faced some steep challenges from the start of the work.",
])
def test_a_cue_word_used_as_a_noun_makes_no_unnamed_source(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes spoke about the cost of rebuilding the bridge.",
     ("dana-reyes", "the cost of rebuilding the bridge")),
    ("Governor Dana Reyes knew the bridge had been failing for years.",
     ("dana-reyes", "the bridge had been failing for years")),
    ("Governor Dana Reyes sees the new bridge as a symbol of the valley.",
     ("dana-reyes", "the new bridge as a symbol of the valley")),
    ("Governor Dana Reyes voted against the plan to sell the bridge.",
     ("dana-reyes", "the plan to sell the bridge")),
])
def test_irregular_forms_and_stance_verbs_are_cues(text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dana Reyes Says The Bridge Will Reopen In May\n\nGovernor Dana Reyes spoke in the capital on Monday.",
     ("dana-reyes", "The Bridge Will Reopen In May")),
    ("Reyes: The Bridge Is Safe For Trucks\n\nGovernor Dana Reyes spoke on Monday.",
     ("dana-reyes", "The Bridge Is Safe For Trucks")),
    ("Truck Drivers Say The Bridge Is Too Narrow\n\nThe drivers met on Monday.",
     ("unnamed-truck-drivers", "The Bridge Is Too Narrow")),
    ("Poll: Half of the valley would pay a toll for a new bridge.\n\nThe survey was taken last week.",
     ("unnamed-poll", "Half of the valley would pay a toll for a new bridge")),
])
def test_a_headline_says_x_says_y_and_x_colon_y(text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize("text", [
    "WATCH: The old bridge comes down in seconds\n\nThe blast was loud.",
    "The Latest: Bridge closes after the storm\n\nThe storm was long.",
    "Governor Accused Of Hiding The Bridge Report\n\nThe report was long.",
    "Governor Seeking Bridge Funds\n\nThe governor spoke in the capital on Monday.",
])
def test_labels_passives_and_participles_in_a_headline_are_no_statement(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes doesn’t think the bridge can be saved this year.",
     ("dana-reyes", "the bridge can be saved this year")),
    ("Governor Dana Reyes won’t reveal the cost of the new bridge deck.",
     ("dana-reyes", "the cost of the new bridge deck")),
    ("A person familiar with the talks says the bridge will be sold.",
     ("unnamed-person-familiar-with-the-talks", "the bridge will be sold")),
])
def test_negated_cues_and_a_person_familiar_with_something(text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes repeated her call for an inquiry into the bridge contracts.",
     ("dana-reyes", "an inquiry into the bridge contracts")),
    ("Drivers were angered by Dana Reyes’s claim that the bridge was safe.",
     ("dana-reyes", "the bridge was safe")),
    ("Governor Dana Reyes spoke on Monday. In her view, the bridge should be rebuilt from scratch.",
     ("dana-reyes", "the bridge should be rebuilt from scratch")),
    ("Governor Dana Reyes spoke on Monday. Drivers praised her decision to close the old bridge.",
     ("dana-reyes", "to close the old bridge")),
])
def test_a_stance_noun_with_its_owner_is_a_statement(text: str, expected: tuple[str, str]) -> None:
    assert expected in reported(text)


def test_the_claim_by_x_that_y() -> None:
    assert ("dana-reyes", "the bridge was safe") in reported(
        "Drivers rejected the claim by Governor Dana Reyes that the bridge was safe.")


def test_a_stance_noun_opening_the_sentence_is_its_subject_not_a_statement() -> None:
    assert reported("Governor Dana Reyes spoke on Monday. Her decision to close the bridge angered drivers.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("As Governor Dana Reyes noted on Monday, the bridge is older than the state itself.",
     ("dana-reyes", "the bridge is older than the state itself")),
    ("As the state auditor reported last week, the bridge contract was never signed.",
     ("unnamed-state-auditor", "the bridge contract was never signed")),
])
def test_as_x_said_comma_y(text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Executives for the firm, which made a profit last year, say the company will close the bridge depot.",
     [("unnamed-executives-for-the-firm", "the company will close the bridge depot")]),
    ("I think the bridge should have been closed years ago.",
     [("unnamed-writer", "the bridge should have been closed years ago")]),
    ("In April, Northway reported a sharp fall in bridge traffic, and said the toll was to blame.",
     [("northway", "a sharp fall in bridge traffic"), ("northway", "the toll was to blame")]),
    ("The piers need new steel, Governor Dana Reyes told a state highway panel.",
     [("dana-reyes", "The piers need new steel")]),
])
def test_relative_clauses_the_writer_conjoined_cues_and_long_objects(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert reported(text) == expected


@pytest.mark.parametrize("text", [
    "Voters in both states hold primaries on the first of March.",
    "“We will rebuild it,” Governor Dana Reyes told a crowd in the valley on Monday.",
])
def test_states_as_a_noun_and_the_audience_of_a_quotation_are_no_statement(text: str) -> None:
    assert [p for p in propose(text, EMPTY, PUBLISHED).quotes if p.entry.kind == "reported"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("That person said the hostility on the board hampered the repair of the bridge.",
     ("unnamed-that-person", "the hostility on the board hampered the repair of the bridge")),
    ("Again, those surveyed said the bridge was the worst road in the valley.",
     ("unnamed-those-surveyed", "the bridge was the worst road in the valley")),
    ("Governor Dana Reyes said the heat and unsettled weather could delay the repairs.",
     ("dana-reyes", "the heat and unsettled weather could delay the repairs")),
])
def test_demonstratives_open_a_source_and_an_adjective_in_ed_does_not_end_a_clause(
        text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("In the survey, the governor leads her rival by six points among drivers.",
     ("unnamed-survey", "the governor leads her rival by six points among drivers")),
    ("Governor Dana Reyes wrote to the board. In her letter, the bridge is described as a danger to drivers.",
     ("dana-reyes", "the bridge is described as a danger to drivers")),
    ("Governor Dana Reyes spoke on Monday. The repair was “a disgrace,” she said.",
     ("dana-reyes", "The repair was “a disgrace,”")),
])
def test_in_the_survey_and_a_comma_inside_the_closing_mark(text: str, expected: tuple[str, str]) -> None:
    assert expected in reported(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes continued to express doubts about the safety of the bridge.",
     ("dana-reyes", "the safety of the bridge")),
    ("Governor Dana Reyes was quick to add that the bridge would not be sold.",
     ("dana-reyes", "the bridge would not be sold")),
    ("Governor Dana Reyes weighed in on the dispute over the bridge tolls.",
     ("dana-reyes", "the dispute over the bridge tolls")),
    ("Governor Dana Reyes made clear that the bridge would stay closed.",
     ("dana-reyes", "the bridge would stay closed")),
])
def test_catenative_verbs_and_phrasal_cues(text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hours later, Northway said the sale was canceled.", [("northway", "the sale was canceled")]),
    ("Governor Dana Reyes tells radio host Omar Vint that the bridge will reopen.",
     [("dana-reyes", "the bridge will reopen")]),
    ("Governor Dana Reyes has said for weeks the bridge is the safest in the state.",
     [("dana-reyes", "the bridge is the safest in the state")]),
])
def test_a_hearer_before_that_and_a_duration_before_the_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert reported(text) == expected


def test_several_appositions_may_part_a_source_from_its_cue() -> None:
    assert reported("Jo Farr, 27, a student at the state college, said the bridge shakes in the wind.") == [
        ("jo-farr", "the bridge shakes in the wind")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes joined the show on Sunday.\n\nREYES: Well, the bridge will reopen in May.",
     ("dana-reyes", "Well, the bridge will reopen in May")),
    ("Governor Dana Reyes spoke on Sunday.\n\nDana Reyes: The bridge will reopen in May.",
     ("dana-reyes", "The bridge will reopen in May")),
])
def test_a_paragraph_opening_with_a_label_is_what_the_label_names_said(text: str, expected: tuple[str, str]) -> None:
    assert reported(text)[-1] == expected


def test_a_label_naming_no_one_in_a_paragraph_is_no_statement() -> None:
    assert reported("The board met on Sunday.\n\nThe schedule: The bridge will reopen in May.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes called for a ceasefire.", [("dana-reyes", "a ceasefire")]),
    ("Governor Dana Reyes endorsed Omar Vint.", [("dana-reyes", "Omar Vint")]),
    ("Governor Dana Reyes said on Monday.", []),
    ("Governor Dana Reyes spoke last week.", []),
])
def test_two_words_are_enough_unless_they_are_only_an_adjunct(text: str, expected: list[tuple[str, str]]) -> None:
    assert reported(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Now, according to the recent state poll, some counties are swinging toward the governor.",
     ("unnamed-recent-state-poll", "some counties are swinging toward the governor")),
    ("The plan, according to the campaign, would cost about a billion dollars a year.",
     ("unnamed-campaign", "would cost about a billion dollars a year")),
    ("According to interviews conducted over the summer, she wants to run again next year.",
     ("unnamed-interviews-conducted-over-the-summer", "she wants to run again next year")),
])
def test_according_to_in_the_middle_and_any_words_up_to_the_comma(text: str, expected: tuple[str, str]) -> None:
    assert expected in reported(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes talked glowingly about the new bridge over the river.",
     ("dana-reyes", "the new bridge over the river")),
    ("Governor Dana Reyes called repeatedly for an inquiry into the contracts.",
     ("dana-reyes", "an inquiry into the contracts")),
])
def test_an_adverb_may_stand_inside_a_phrasal_cue(text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Dana Reyes is confident that the bridge will reopen in May.",
     [("dana-reyes", "the bridge will reopen in May")]),
    ("Local drivers were hopeful Tuesday that the bridge would reopen soon.",
     [("unnamed-local-drivers", "the bridge would reopen soon")]),
    ("It is clear that the bridge will not reopen in May.", []),
])
def test_a_stance_adjective_governing_a_that_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert reported(text) == expected


def test_a_result_in_the_latest_poll_is_what_the_poll_says() -> None:
    assert reported("The governor leads her rival by six points in the latest state poll.") == [
        ("unnamed-latest-state-poll", "The governor leads her rival by six points")]


@pytest.mark.parametrize(("text", "expected"), [
    ("But the bridge is not safe enough, said Omar Vint, a senior engineer at the firm.",
     ("omar-vint", "But the bridge is not safe enough")),
    ("The closure won't necessarily hurt the valley, as some have speculated.",
     ("unnamed-some", "The closure won't necessarily hurt the valley")),
])
def test_a_connective_may_open_the_words_before_x_said_and_as_x_said_may_close_them(
        text: str, expected: tuple[str, str]) -> None:
    assert reported(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("The old bridge plan was endorsed by Governor Dana Reyes on Monday.",
     [("dana-reyes", "The old bridge plan")]),
    ("The bridge bill, opposed by local truck drivers, never became law.",
     [("unnamed-local-truck-drivers", "The bridge bill")]),
    ("News of the sale was first reported by the Valley Herald.",
     [("valley-herald", "News of the sale")]),
])
def test_a_passive_with_by_x_is_what_x_says_or_holds(text: str, expected: list[tuple[str, str]]) -> None:
    assert reported(text) == expected


def test_a_restrictive_who_clause_names_its_source() -> None:
    assert reported("The plan drew fire from lawmakers in both parties who agree that tolls are unfair.") == [
        ("unnamed-lawmakers", "tolls are unfair")]


def test_narration_ending_in_the_polls_without_a_result_is_no_statement() -> None:
    assert reported("The governor has struggled to gain traction with voters in the polls.") == []


def test_a_participle_does_not_open_an_unnamed_source() -> None:
    assert "unnamed-adding-both-sides" not in {speaker for speaker, _ in reported(
        "The talks ended on Monday, adding both sides agreed to continue them in the spring.")}


def test_what_stands_before_x_said_is_all_x_said_and_a_nested_cue_stops_at_it() -> None:
    found = reported("Envoy Dana Reyes met Governor Sam Ortiz and discussed trade and security, "
                     "the ministry said in a statement.")
    assert ("unnamed-ministry", "Envoy Dana Reyes met Governor Sam Ortiz and discussed trade and security") in found
    assert ("dana-reyes", "trade and security") in found


def test_an_indefinite_official_is_an_unnamed_source_not_the_official_named_before() -> None:
    text = ("Pakistani Interior Minister Omar Farooq visited the crossing on Monday.\n"
            "The pipeline also came up, according to a Pakistani official who spoke on condition of anonymity.")
    speakers = [p.entry.speaker for p in propose(text, Directory.load(WORLD), PUBLISHED).quotes]
    assert speakers == ["unnamed-pakistani-official"]


def test_not_saying_whether_is_no_statement() -> None:
    found = reported("Governor Dana Reyes spoke on Monday. She did not say whether the bridge would reopen.")
    assert found == []


def test_a_cue_word_after_a_possessive_is_a_noun() -> None:
    assert reported("Governor Dana Reyes touched on the candidate and his views — particularly on trade.") == []


def test_a_cue_word_after_a_name_s_possessive_is_a_noun_and_leaves_the_subject_the_next_speaker() -> None:
    text = ("Mayor Ines Gault criticized Governor Dana Reyes on Monday.\n"
            "Reyes has not yet answered Gault’s remarks, although she did keep up her campaign on the radio.\n"
            "“The bridge will open in May,” she said on Tuesday.")
    quotes = [(p.entry.kind, p.entry.speaker) for p in propose(text, EMPTY, PUBLISHED).quotes]
    assert ("reported", "ines-gault") not in quotes[1:]
    assert quotes[-1] == ("direct", "dana-reyes")


def test_a_pronoun_after_a_listener_is_the_subject_not_a_word_of_the_listener() -> None:
    text = ("Governor Dana Reyes told The Harbor Gazette of Eastport last week she would rather vote for "
            "the bond than the levy.\n\n“I am ashamed of this council,” she said.")
    speakers = [(p.entry.kind, p.entry.speaker) for p in propose(text, EMPTY, PUBLISHED).quotes]
    assert speakers == [("reported", "dana-reyes"), ("direct", "dana-reyes")]


@pytest.mark.parametrize(("text", "expected"), [
    ("A port spokesman, Omar Haddad, said on Saturday that there were a million visitors in ten hours.",
     [("omar-haddad", "there were a million visitors in ten hours")]),
    ("Her campaign chairman Omar Haddad said — on Twitter, as it happens — that she raised $4 million that day.",
     [("omar-haddad", "she raised $4 million that day")]),
    ("Governor Omar R. Haddad Jr. said the mayor had already made himself a danger to the port.",
     [("omar-r-haddad-jr", "the mayor had already made himself a danger to the port")]),
])
def test_what_stands_between_the_cue_and_its_that_clause_is_no_statement(text: str,
                                                                          expected: list[tuple[str, str]]) -> None:
    assert reported(text) == expected


@pytest.mark.parametrize("title", ["ministry spokesman", "Algerian foreign affairs ministry spokesman"])
def test_a_lowercase_title_may_stand_between_the_comma_and_the_speaker_after_the_statement(title: str) -> None:
    text = f"Two children were also among the passengers, {title} Omar Haddad said."
    assert reported(text) == [("omar-haddad", "Two children were also among the passengers")]


def test_a_conjunction_before_a_title_still_parts_the_speaker_from_the_words_before_the_comma() -> None:
    text = "The talks had stalled for weeks, and President Omar Haddad decided to leave."
    assert reported(text) == []


@pytest.mark.parametrize("amount", ["about half", "about 20 percent", "about a third"])
def test_about_and_a_number_opens_a_statement_not_its_topic(amount: str) -> None:
    text = f"The Harbor Budget Office said {amount} of the shortfall came from lost tolls."
    assert reported(text) == [("harbor-budget-office", f"{amount} of the shortfall came from lost tolls")]


def test_about_and_a_topic_before_that_leaves_the_that_clause_the_statement() -> None:
    assert reported("Governor Dana Reyes said about the shortfall that it was small.") == [
        ("dana-reyes", "it was small")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The port will reopen in May, the prime minister’s spokesman said.", "unnamed-prime-minister-spokesman"),
    ("The port will reopen in May, a spokesman for the prime minister said.",
     "unnamed-spokesman-for-the-prime-minister"),
    ("A spokesman for the prime minister said the port will reopen in May.",
     "unnamed-spokesman-for-the-prime-minister"),
])
def test_a_two_word_role_inside_an_unnamed_source_stays_in_it(text: str, speaker: str) -> None:
    assert [who for who, _ in reported(text)] == [speaker]


def test_a_statement_opening_with_a_short_quotation_and_going_on_is_reported_too() -> None:
    text = "Governor Dana Reyes said “it gets me mad” every time she thinks about the children who were killed."
    assert reported(text) == [
        ("dana-reyes", "“it gets me mad” every time she thinks about the children who were killed")]
    assert reported("Governor Dana Reyes said “it gets me mad.”") == []


def test_an_unnamed_source_keeps_who_made_it() -> None:
    text = "An analysis by Politifact showed the party with the highest turnout won only four times."
    assert reported(text) == [
        ("unnamed-analysis-by-politifact", "the party with the highest turnout won only four times")]


@pytest.mark.parametrize("when", ["last month", "on Monday", "yesterday", "this week"])
def test_a_time_between_the_source_and_the_cue_keeps_the_source(when: str) -> None:
    assert reported(f"Governor Dana Reyes {when} said the port would close.") == [
        ("dana-reyes", "the port would close")]


def test_words_before_said_x_are_x_s_even_when_a_comma_inside_them_looks_like_an_apposition() -> None:
    found = reported("The plan would widen the deduction, but for some, the losses would outstrip the gains, "
                     "said Omar Haddad, an economist.")
    assert found == [("omar-haddad",
                      "The plan would widen the deduction, but for some, the losses would outstrip the gains")]


def test_a_participle_after_a_comma_is_not_an_inverted_verb_whose_object_says_the_sentence() -> None:
    found = reported("“We will rebuild,” said Omar Haddad.\n\n"
                     "Dana Reyes unleashed a harsh attack on the mayor last night, comparing Omar Haddad to a thief.")
    assert all(source != "omar-haddad" for source, _ in found)


def test_the_person_a_speaker_said_something_of_is_not_an_inverted_subject() -> None:
    text = ("Dana Reyes toured the port.\n\n"
            "“She had a lot of supporters,” Omar Haddad, after a long pause, said of Reyes. “I would be glad.”")
    assert [(p.entry.kind, p.entry.speaker) for p in propose(text, EMPTY, PUBLISHED).quotes] == [
        ("direct", "omar-haddad"), ("direct", "omar-haddad")]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Reyes’s team says she will continue her march toward the vote this week.", "unnamed-reyes-team"),
    ("The Reyes camp said the vote was rigged.", "unnamed-reyes-camp"),
    ("The super PAC said the ad would run in three states.", "unnamed-super-pac"),
    ("The panel said the report was deeply flawed.", "unnamed-panel"),
    ("A party staffer said the count would resume on Monday.", "unnamed-party-staffer"),
])
def test_a_team_a_camp_a_pac_a_panel_or_a_staffer_is_an_unnamed_source(sentence: str, source: str) -> None:
    assert [who for who, _ in reported("Dana Reyes spoke.\n\n" + sentence)] == [source]


def test_the_second_of_two_titled_people_joined_by_and_is_a_source_of_what_they_say() -> None:
    found = reported("Omar Haddad and Dana Reyes met on Monday.\n\n"
                     "Mr. Haddad and Ms. Reyes say other changes are needed.")
    assert found == [("dana-reyes", "other changes are needed")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Sources close to her campaign say she stands fully behind the plan.",
     ("unnamed-sources-close-to-her-campaign", "she stands fully behind the plan")),
    ("The real test is whether voters trust her, people close to Reyes say.",
     ("unnamed-people-close-to-reyes", "The real test is whether voters trust her")),
    ("Officials familiar with the matter said the talks would resume.",
     ("unnamed-officials-familiar-with-the-matter", "the talks would resume")),
])
def test_sources_close_to_or_familiar_with_someone_are_the_source_not_the_one_they_are_close_to(
        sentence: str, expected: tuple[str, str]) -> None:
    assert reported("Dana Reyes spoke.\n\n" + sentence) == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Executives who have worked with Omar Haddad say the port will be sold.",
     ("unnamed-executives", "the port will be sold")),
    ("The state officials whose laws were struck down say the real change has come in the courts.",
     ("unnamed-state-officials", "the real change has come in the courts")),
])
def test_a_plural_source_with_a_restrictive_relative_clause_is_the_subject_of_its_verb(
        sentence: str, expected: tuple[str, str]) -> None:
    assert reported("Dana Reyes spoke.\n\n" + sentence) == [expected]


def test_a_title_cased_headline_ending_in_x_says_is_x_s_statement() -> None:
    found = reported("Port Will Reopen Next Week, Dana Reyes Says\n\nGovernor Dana Reyes spoke on Monday.")
    assert found == [("dana-reyes", "Port Will Reopen Next Week")]


def test_what_x_told_someone_is_reported_even_when_it_quotes_a_few_words() -> None:
    text = "Dana Reyes spoke.\n\nOmar Haddad told reporters he was “not quite there yet” on supporting the mayor."
    assert reported(text) == [("omar-haddad", "he was “not quite there yet” on supporting the mayor")]


def test_a_connective_opening_the_sentence_is_not_part_of_an_unnamed_source() -> None:
    found = reported("Dana Reyes spoke.\n\nBut environmentalists worry that the cost could fall to taxpayers.")
    assert found == [("unnamed-environmentalists", "the cost could fall to taxpayers")]


@pytest.mark.parametrize("verb", ["opined", "retorted", "whispered", "pleaded", "interjected"])
def test_less_common_speech_verbs_report_a_that_clause(verb: str) -> None:
    assert reported(f"Dana Reyes spoke.\n\nOmar Haddad {verb} that the port would stay closed.") == [
        ("omar-haddad", "the port would stay closed")]


@pytest.mark.parametrize("joined", ["but suggesting", "and warning"])
def test_a_participle_joined_by_and_or_but_to_another_reports_its_clause_too(joined: str) -> None:
    found = reported(f"Omar Haddad spoke.\n\nDana Reyes doubled down, saying the plan is flawed {joined} "
                     "that it might still pass.")
    assert found == [("dana-reyes", "the plan is flawed"), ("dana-reyes", "it might still pass")]


def test_a_titled_name_opening_the_sentence_with_its_affiliation_and_a_comma_is_the_subject() -> None:
    found = reported("Dana Reyes spoke.\n\nSen. Omar Haddad (D-R.I.), said after a lunch on Tuesday "
                     "that he had not read the plan.")
    assert found == [("omar-haddad", "he had not read the plan")]


def test_the_place_a_role_is_from_is_not_the_subject_the_role_is() -> None:
    found = reported("Senator Dana Reyes spoke on Monday.\n\nThe senator from Harborland said the system was corrupt.")
    assert found == [("dana-reyes", "the system was corrupt")]


@pytest.mark.parametrize(("opening", "source"), [("About 9 percent", "unnamed-9-percent"),
                                                 ("Nearly half", "unnamed-half")])
def test_an_approximate_share_of_people_is_an_unnamed_source_without_its_approximator(opening: str,
                                                                                     source: str) -> None:
    assert reported(f"Dana Reyes spoke.\n\n{opening} said they had no preference.") == [
        (source, "they had no preference")]


def test_a_reflexive_between_a_person_and_the_verb_leaves_the_person_the_source() -> None:
    assert reported("Dana Reyes spoke.\n\nOmar Haddad himself said the deal was on.") == [
        ("omar-haddad", "the deal was on")]
