"""Scaling guarantees that are not timings: the serving path's imports, index-backed answers equal to scans."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from bot import core
from bot.core import TIMELINE_PAGE, Desk
from knowledge import queries, store
from knowledge.compile import Paths
from knowledge.dates import parse_period
from knowledge.models import Person
from knowledge.names import SUGGEST, FuzzyIndex, rank
from knowledge.store import FactBase, build, event_words, is_stale
from knowledge.synth import write_corpus


def test_the_serving_path_imports_neither_compiler_nor_extractor() -> None:
    code = ("import sys, bot.app, bot.core, bot.console, knowledge.queries, knowledge.store\n"
            "loaded = sorted(m for m in sys.modules if m.startswith(('knowledge.compile', 'knowledge.extract',"
            " 'knowledge.builder')))\nprint(loaded)\n")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "[]"


def test_the_name_index_ranks_as_a_scan_of_every_alias(fact_base: FactBase) -> None:
    candidates = [(person.id, name) for person in fact_base.people.values() for name in (person.name,
                                                                                        *person.aliases)]
    for typed in ("araghchi", "laarijani", "amirabdollahian", "smith", "naqvi", "dar", "Abbas Araghchi",
                  "the pakistani interior minister", "raeesi", "imran", "x", "shehbaz sharif"):
        scanned = [match for match in rank(typed, candidates) if match.score >= SUGGEST]
        assert fact_base.person_names.rank(typed) == scanned, typed


def test_the_fuzzy_index_finds_what_scoring_every_text_finds(fact_base: FactBase) -> None:
    words = sorted(set(fact_base.event_vocabulary))
    indexes = (FuzzyIndex(words), FuzzyIndex(words, scored_whole=0, warm_up=0))
    typed = ["zzqx", "stanbuk", "istanbol", "talkss", "x", "ab", "qqqqqqqqqqqq", "pakistn", "", "araghchi",
             *(word[:2] + "e" + word[3:] for word in words[::7])]
    for text in typed:
        for cutoff, limit in ((70.0, 3), (70.0, None), (85.0, None), (90.0, None), (0.0, 5)):
            scanned = [(known, score) for known, score, _ in
                       process.extract(text, words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)]
            for index in indexes:
                assert index.extract(text, cutoff, limit) == (scanned if text else []), (text, cutoff)


def test_a_typed_word_is_corrected_and_junk_gets_no_suggestion(fact_base: FactBase) -> None:
    desk = Desk(fact_base)
    corrected = desk.command("timeline", "istanbol talks")
    assert corrected.is_answer and any("Istanbul" in item.text for section in corrected.sections
                                       for item in section.items)
    near = desk.command("timeline", "stanbuk")
    assert not near.is_answer and "Did you mean: istanbul?" in near.notes
    junk = desk.command("timeline", "zzqx border")
    assert not junk.is_answer and not any(note.startswith("Did you mean") for note in junk.notes)
    assert queries.whois(fact_base, "zzqx").suggestions == ()
    assert [profile.person.name for profile in queries.whois(fact_base, "araghchy").people] == ["Abbas Araghchi"]


def test_the_event_word_index_holds_each_events_words(fact_base: FactBase) -> None:
    records = {**fact_base.sides, **fact_base.groups, **fact_base.institutions, **fact_base.people}
    for event in fact_base.events():
        words = event_words(event, records)  # type: ignore[arg-type]
        assert words and event.id in fact_base.event_ids_with_words([words])
        assert set(fact_base.event_vocabulary) >= words


def test_a_timeline_by_words_finds_what_a_scan_finds(fact_base: FactBase) -> None:
    answer = queries.timeline(fact_base, None, "istanbul talks")
    assert answer.events
    assert all("istanbul" in (event.summary + " ".join(event.topics) + (event.place or "")).lower()
               for event in answer.events)


@pytest.fixture(scope="module")
def synthetic_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FactBase]:
    """A 2x synthetic corpus, built once for this module."""
    root = tmp_path_factory.mktemp("synth")
    write_corpus(root, 2)
    paths = Paths(root)
    base = FactBase.open(build(paths, root / "base.sqlite"), paths=paths)
    yield base
    base.close()


def test_a_timeline_reply_holds_one_page_and_says_the_total(synthetic_base: FactBase) -> None:
    base = synthetic_base
    everything = queries.timeline(base)
    paged = queries.timeline(base, page=10)
    assert len(everything.events) > 10
    assert paged.events == everything.events[:10]
    assert paged.total == len(everything.events)
    assert paged.articles == len({c.article for event in everything.events for c in event.sources})
    reply = Desk(base).command("timeline", "all")
    shown = sum(len(section.items) for section in reply.sections)
    assert shown <= TIMELINE_PAGE < len(everything.events)
    assert reply.summary and reply.summary.startswith(f"{len(everything.events)} events")
    assert any(f"of {len(everything.events)} events" in note for note in reply.notes)


def test_threats_and_sources_replies_hold_one_page(synthetic_base: FactBase,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    base = synthetic_base
    claims = base.threats()
    paged = queries.threats(base, page=5)
    assert paged.threats == tuple(claims[:5]) and paged.total == len(claims)
    assert paged.articles == len({c.article for claim in claims for c in claim.sources})
    monkeypatch.setattr(core, "THREATS_PAGE", 5)
    monkeypatch.setattr(core, "SOURCES_PAGE", 3)
    desk = Desk(base)
    reply = desk.command("threats", "all")
    assert sum(len(section.items) for section in reply.sections) == 5
    assert reply.summary and reply.summary.startswith(f"{len(claims)} claims")
    listed = desk.command("sources", "")
    assert len(listed.sections[0].items) == 3
    assert any(f"of {len(base.sources)} articles" in note for note in listed.notes)


def test_a_quotes_listing_reads_one_page_and_the_database_counts_the_rest(synthetic_base: FactBase,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    base = synthetic_base
    year = max({quote.date.start.year for quote in base.quotes()},
               key=lambda year: len(base.quotes(start=date(year, 1, 1), end=date(year, 12, 31))))
    period = parse_period(str(year))
    everything = queries.quotes(base, "", period)
    said = [quote for found in everything.speakers for quote in found.quotes]
    assert len(said) > 4
    paged = queries.quotes(base, "", period, page=4)
    assert sorted(quote.id for found in paged.speakers for quote in found.quotes) == sorted(
        quote.id for quote in base.quotes(start=period.start, end=period.end)[:4])
    assert (paged.total, paged.speaker_total) == (len(said), len(everything.speakers))
    assert paged.articles == len({c.article for quote in said for c in quote.sources})
    assert queries.quotes(base, "", period, page=len(said)) == replace(
        everything, total=len(said), speaker_total=len(everything.speakers), articles=paged.articles)
    monkeypatch.setattr(core, "QUOTES_PAGE", 4)
    reply = Desk(base).command("quotes", str(year))
    assert reply.item_count == 4
    assert reply.summary and reply.summary.startswith(f"{len(said)} quotes · {len(everything.speakers)} speaker")
    assert any(f"Showing the earliest 4 of {len(said)} quotes" in note for note in reply.notes)
    side = next(person.side for found in everything.speakers if isinstance(person := found.person, Person)
                and person.side)
    by_side = queries.quotes(base, "", None, side=side)
    assert queries.quotes(base, "", None, side=side, page=10_000).speakers == by_side.speakers


def test_staleness_is_told_by_stamps_first_and_contents_second(tmp_path: Path) -> None:
    write_corpus(tmp_path, 1)
    paths = Paths(tmp_path)
    target = build(paths, tmp_path / "base.sqlite")
    assert not is_stale(paths, target)
    article = sorted(paths.articles.glob("*.toml"))[0]
    article.write_bytes(article.read_bytes())  # touched, same contents: the content hash says fresh
    assert not is_stale(paths, target)
    article.write_bytes(article.read_bytes() + b"\n# edited\n")
    assert is_stale(paths, target)


def test_records_read_on_demand_are_the_records_of_the_table(fact_base: FactBase) -> None:
    fresh = FactBase(fact_base._db)
    some = sorted(fact_base.people)[:3]
    assert [fresh.people[ref] for ref in some] == [fact_base.people[ref] for ref in some]
    assert len(fresh.people) == len(fact_base.people) and "no-such-person" not in fresh.people
    assert list(fresh.people.items()) == sorted(fact_base.people.items())
    with pytest.raises(KeyError):
        fresh.groups["no-such-group"]


def test_many_institutions_of_one_name_are_named_a_few_at_a_time_without_their_voices(
        synthetic_base: FactBase) -> None:
    bodies = queries.match_institutions(synthetic_base, "the foreign ministry")
    assert len(bodies) > max(core.NAMED_IN_TITLE, queries.MAX_VOICED)
    answer = queries.quotes(synthetic_base, "the foreign ministry")
    assert {found.person.id for found in answer.speakers} == {body.id for body in bodies}  # no voices
    reply = Desk(synthetic_base).message("what did the foreign ministry say?")
    assert reply.title.count(",") < core.NAMED_IN_TITLE
    assert f"and {len(bodies) - core.NAMED_IN_TITLE} more" in reply.title
    assert all(len(queries.voices_of(synthetic_base, body)) <= queries.VOICES_PER_INSTITUTION
               for body in synthetic_base.institutions.values())


def test_a_role_many_hold_shows_one_page_of_cards_and_counts_the_rest(
        synthetic_base: FactBase, monkeypatch: pytest.MonkeyPatch) -> None:
    holders = queries.match_roles(synthetic_base, "foreign office spokesperson")
    assert len(holders) > 3
    monkeypatch.setattr(queries, "WHOIS_PAGE", 3)
    reply = Desk(synthetic_base).command("whois", "foreign office spokesperson")
    assert len(reply.sections) == 3 and reply.title == f"“foreign office spokesperson” matches {len(holders)} entries"
    assert any(note.startswith(f"{len(holders) - 3} more people match") for note in reply.notes)


def test_a_free_text_search_ranks_a_bounded_number_of_the_matches(fact_base: FactBase,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    everything = fact_base.sentences("border security", limit=5)
    matching = [row[0] for row in fact_base._db.execute(
        "SELECT rowid FROM sentences WHERE sentences MATCH '\"border\" AND \"security\"' ORDER BY rowid")]
    assert len(matching) > 3 and everything
    monkeypatch.setattr(store, "RANKED_SENTENCES", 3)
    bounded = fact_base.sentences("border security", limit=5)
    last = {(row[0], int(row[1])) for rowid in matching[-3:] for row in fact_base._db.execute(
        "SELECT article, offset FROM sentences WHERE rowid = ?", (rowid,))}
    assert {(article, offset) for article, _, offset, _ in bounded[:3]} == last


def test_a_whois_card_names_its_first_articles_and_counts_the_rest(fact_base: FactBase,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core, "ARTICLES_NAMED", 1)
    reply = Desk(fact_base).command("whois", "Jaish al-Adl")
    line = next(item.text for section in reply.sections for item in section.items if item.lead == "In the base")
    profile = queries.whois(fact_base, "Jaish al-Adl").groups[0]
    assert len(profile.articles) > 1
    assert line.endswith(f"in [{core.article_label(profile.articles[0])}] and {len(profile.articles) - 1} more")
