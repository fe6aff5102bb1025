"""The shipped fact base, checked record by record against the seed articles (real files)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.compile import Paths, compile_base, coverage_problems, quoted_passages
from knowledge.models import Citation, Event, Group, Institution, Person, Quote, Role, Source, Threat

PATHS = Paths()
DATA = compile_base(PATHS)
SEEDS = {path.name: path.read_text(encoding="utf-8") for path in PATHS.seeds.glob("*.txt")}
PUBLISHED = {source.article: source.published for source in DATA.sources}
FACTS: list[Event | Quote | Threat] = [*DATA.events, *DATA.quotes, *DATA.threats]


def fact_id(fact: Event | Quote | Threat) -> str:
    return f"{type(fact).__name__.lower()}:{fact.id}"


def test_every_seed_is_curated_and_every_quotation_accounted_for() -> None:
    assert sorted(source.article for source in DATA.sources) == sorted(SEEDS)
    assert coverage_problems(DATA, PATHS) == []


def test_seeds_are_the_articles_as_received() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("the shared seeds are not beside this checkout")
    for name, text in SEEDS.items():
        assert (shared / name).read_bytes() == text.encode("utf-8"), name


@pytest.mark.parametrize("source", DATA.sources, ids=lambda source: source.article)
def test_every_source_says_how_it_was_dated(source: Source) -> None:
    assert source.basis.strip()
    assert source.headline in SEEDS[source.article] or source.note


@pytest.mark.parametrize("fact", FACTS, ids=fact_id)
def test_every_citation_is_verbatim_at_its_offset(fact: Event | Quote | Threat) -> None:
    for citation in fact.sources:
        assert SEEDS[citation.article][citation.offset:citation.offset + citation.length] == citation.evidence


@pytest.mark.parametrize("fact", FACTS, ids=fact_id)
def test_no_fact_is_dated_after_the_article_that_reports_it(fact: Event | Quote | Threat) -> None:
    for citation in fact.sources:
        assert fact.date.start <= PUBLISHED[citation.article].end, citation.article


@pytest.mark.parametrize("quote", DATA.quotes, ids=lambda quote: quote.id)
def test_every_direct_quote_is_printed_inside_quotation_marks(quote: Quote) -> None:
    """Or is a whole line of its own, as an embedded post is printed."""
    for citation in quote.sources:
        assert quote.text in citation.evidence
        if quote.kind == "direct":
            passages = [passage for _, passage in quoted_passages(citation.evidence)]
            embedded_post = quote.text == citation.evidence.rstrip(".")
            assert embedded_post or any(quote.text.strip(" ,.") in passage for passage in passages)


def speaker_names(speaker: str) -> set[str]:
    """Every word that names a speaker: a person's names and roles, or an institution's names and its side's words."""
    person = next((person for person in DATA.people if person.id == speaker), None)
    if person is not None:
        return {person.name, *person.aliases, *(role.title for role in person.roles)}
    institution = next(institution for institution in DATA.institutions if institution.id == speaker)
    side = next(side for side in DATA.sides if side.id == institution.side)
    return {institution.name, *institution.aliases, *side.words}


@pytest.mark.parametrize("quote", DATA.quotes, ids=lambda quote: quote.id)
def test_every_speaker_is_named_near_the_quote(quote: Quote) -> None:
    """The speaker's name, alias, pronoun or role stands in the evidence or within two sentences before it."""
    names = speaker_names(quote.speaker)
    surnames = {name.split()[-1] for name in names}
    for citation in quote.sources:
        window = SEEDS[citation.article][max(0, citation.offset - 400):citation.offset + citation.length]
        mentioned = any(re.search(rf"\b{re.escape(name)}\b", window, re.IGNORECASE) for name in names | surnames)
        assert mentioned or re.search(r"\b(he|she)\b", citation.evidence, re.IGNORECASE), citation.evidence


@pytest.mark.parametrize("person", DATA.people, ids=lambda person: person.id)
def test_every_person_has_a_role_and_an_alias_and_is_named_in_the_seeds(person: Person) -> None:
    names = [person.name, *person.aliases]
    assert person.roles
    assert any(name in text for name in names for text in SEEDS.values())


@pytest.mark.parametrize("group", DATA.groups, ids=lambda group: group.id)
def test_every_group_is_named_in_the_seeds(group: Group) -> None:
    names = [group.name, *group.aliases]
    assert any(name in text for name in names for text in SEEDS.values())


def citation_texts(citations: tuple[Citation, ...]) -> str:
    return " ".join(citation.evidence for citation in citations)


def test_key_dates_are_resolved_as_the_articles_state_them() -> None:
    expected = {
        ("Jaish", "2024-01-16"), ("Baloch Liberation Front", "2024-01-17"), ("On January 10", "2024-01-10"),
        ("formed in 2012", "2012-01-01"), ("night of October 11", "2025-10-11"),
    }
    found = {(needle, str(event.date.start)) for event in DATA.events
             for needle, _ in expected if needle in citation_texts(event.sources)}
    assert expected <= found


def test_both_outlets_reporting_the_tehran_meeting_are_merged() -> None:
    merged = [quote for quote in DATA.quotes
              if quote.text == "Iran and Pakistan are partners in regional peace and stability"]
    assert len(merged) == 1
    assert [citation.article[:3] for citation in merged[0].sources] == ["000", "001"]


@pytest.mark.parametrize(
    ("person", "role"),
    [(person, role) for person in DATA.people for role in person.roles if role.in_articles],
    ids=lambda value: getattr(value, "id", getattr(value, "title", "")),
)
def test_a_role_said_to_be_in_the_articles_is_named_there(person: Person, role: Role) -> None:
    """Every word of the title stands in an article that names the person (else mark in_articles = false)."""
    title_words = set(re.findall(r"\w+", role.title.lower())) - {"of", "the"}
    names = [person.name, *person.aliases]
    naming = [text.lower() for text in SEEDS.values() if any(name in text for name in names)]
    assert any(title_words <= set(re.findall(r"\w+", text)) for text in naming)


SIDES = {side.id for side in DATA.sides}
INSTITUTIONS = {institution.id: institution for institution in DATA.institutions}


@pytest.mark.parametrize("institution", DATA.institutions, ids=lambda institution: institution.id)
def test_every_institution_speaks_for_a_known_side(institution: Institution) -> None:
    assert institution.side in SIDES


def test_every_side_with_an_institution_has_exactly_one_government() -> None:
    for side in {institution.side for institution in DATA.institutions}:
        governments = [i.id for i in DATA.institutions if i.side == side and i.kind == "government"]
        assert len(governments) == 1, side


@pytest.mark.parametrize("threat", DATA.threats, ids=lambda threat: threat.id)
def test_every_threat_names_one_thing_and_a_state_is_another_side(threat: Threat) -> None:
    assert sum(target is not None for target in (threat.group, threat.state, threat.unnamed)) == 1
    assert threat.side in SIDES
    if threat.state is not None:
        assert threat.state in SIDES and threat.state != threat.side


@pytest.mark.parametrize("threat", DATA.threats, ids=lambda threat: threat.id)
def test_a_threat_named_by_an_institution_is_named_by_one_of_its_side(threat: Threat) -> None:
    if threat.named_by in INSTITUTIONS:
        assert INSTITUTIONS[threat.named_by].side == threat.side


@pytest.mark.parametrize("quote", [q for q in DATA.quotes if q.speaker in INSTITUTIONS], ids=lambda quote: quote.id)
def test_an_institutions_quote_says_how_it_is_known(quote: Quote) -> None:
    """A body's words are always relayed: every institution quote carries a note saying by whom or how."""
    assert quote.notes and quote.context


def test_state_named_threats_the_articles_make() -> None:
    named = {(threat.side, threat.named_by, threat.state) for threat in DATA.threats if threat.state}
    assert ("afghanistan", "taliban", "pakistan") in named
    assert ("iran", "abbas-araghchi", "israel") in named
    assert "united-states" not in {state for _, _, state in named}
