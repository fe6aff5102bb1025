"""Scaling guarantees that are not timings: the serving path's imports, index-backed answers equal to scans."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.core import TIMELINE_PAGE, Desk
from knowledge import queries
from knowledge.compile import Paths
from knowledge.names import SUGGEST, rank
from knowledge.store import FactBase, build, event_words
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


def test_the_event_word_index_holds_each_events_words(fact_base: FactBase) -> None:
    records = {**fact_base.sides, **fact_base.groups, **fact_base.institutions, **fact_base.people}
    for event in fact_base.events():
        words = event_words(event, records)  # type: ignore[arg-type]
        assert words and event.id in fact_base.event_ids_with_words(words)
        assert set(fact_base.event_vocabulary) >= words


def test_a_timeline_by_words_finds_what_a_scan_finds(fact_base: FactBase) -> None:
    answer = queries.timeline(fact_base, None, "istanbul talks")
    assert answer.events
    assert all("istanbul" in (event.summary + " ".join(event.topics) + (event.place or "")).lower()
               for event in answer.events)


def test_a_timeline_reply_holds_one_page_and_says_the_total(tmp_path: Path) -> None:
    write_corpus(tmp_path, 2)
    paths = Paths(tmp_path)
    base = FactBase.open(build(paths, tmp_path / "base.sqlite"), paths=paths)
    try:
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
    finally:
        base.close()
