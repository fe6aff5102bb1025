"""The pure queries over the shipped fact base (real compiled SQLite, no Slack)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import queries
from knowledge.dates import parse_period
from knowledge.store import FactBase


@pytest.fixture(scope="module")
def base() -> FactBase:
    return FactBase.open()


def speakers(base: FactBase, who: str) -> list[str]:
    return [entry.person.name for entry in queries.quotes(base, who).speakers]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Hossein Amir-Abdollahian", "Hossein Amir-Abdollahian"),
        ("amirabdollahian", "Hossein Amir-Abdollahian"),
        ("amir abdolahian", "Hossein Amir-Abdollahian"),
        ("laridjani", "Ali Larijani"),
        ("laarijani", "Ali Larijani"),
        ("qoreshi", "Shah Mahmood Qureshi"),
        ("araqchi", "Abbas Araghchi"),
        ("ARAGHCHI", "Abbas Araghchi"),
        ("ishaq dar", "Ishaq Dar"),
        ("mohsen naqvi", "Mohsin Naqvi"),
        ("jilani", "Jalil Abbas Jilani"),
    ],
)
def test_names_spellings_and_transliterations_find_the_speaker(base: FactBase, typed: str, name: str) -> None:
    assert speakers(base, typed) == [name]


@pytest.mark.parametrize(
    ("role", "names"),
    [
        ("Pakistan's interior minister", ["Mohsin Naqvi"]),
        ("the pakistani interior minister", ["Mohsin Naqvi"]),
        ("Iran's interior minister", ["Eskandar Momeni"]),
        ("Iran's security council secretary", ["Ali Larijani"]),
    ],
)
def test_roles_find_their_holders(base: FactBase, role: str, names: list[str]) -> None:
    assert speakers(base, role) == names


def test_a_role_held_by_several_people_over_time_finds_them_all(base: FactBase) -> None:
    answer = queries.quotes(base, "Iranian foreign minister")
    found = {entry.person.name for entry in answer.speakers}
    assert {"Hossein Amir-Abdollahian", "Abbas Araghchi", "Mohammad Javad Zarif"} <= found
    assert all(entry.matched_role == "Foreign Minister" for entry in answer.speakers)
    assert all(entry.person.side == "iran" for entry in answer.speakers)


@pytest.mark.parametrize("unknown", ["putin", "smith", "Nawaz Sharif Khan Zardari", "the president of France"])
def test_a_name_not_in_the_base_is_never_answered_with_a_near_miss(base: FactBase, unknown: str) -> None:
    answer = queries.quotes(base, unknown)
    assert answer.speakers == ()
    assert "Imran Khan" not in answer.suggestions


def test_a_misspelling_too_far_to_answer_is_offered_as_a_suggestion(base: FactBase) -> None:
    answer = queries.quotes(base, "naqwi")
    assert answer.speakers == () and answer.suggestions == ("Mohsin Naqvi",)
    assert queries.quotes(base, "khamenei").suggestions == ()


def test_direct_quotes_come_before_reported_ones_and_carry_sources(base: FactBase) -> None:
    (entry,) = queries.quotes(base, "amirabdollahian").speakers
    kinds = [quote.kind for quote in entry.quotes]
    assert kinds == sorted(kinds)  # "direct" < "reported"
    assert any("one nation in two different geographical areas" in quote.text for quote in entry.quotes)
    assert all(quote.sources for quote in entry.quotes)


def test_quotes_of_a_period_are_grouped_by_speaker(base: FactBase) -> None:
    answer = queries.quotes(base, "", parse_period("nov 2024"))
    names = {entry.person.name for entry in answer.speakers}
    assert "Abbas Araghchi" in names and "Mohsin Naqvi" not in names
    for entry in answer.speakers:
        assert all(quote.date.start <= date(2024, 11, 30) and quote.date.end >= date(2024, 11, 1)
                   for quote in entry.quotes)


def test_timeline_is_in_date_order_within_the_period(base: FactBase) -> None:
    period = parse_period("2024-01")
    assert period is not None
    events = queries.timeline(base, period).events
    assert events
    keys = [event.date.chronological_key() for event in events]
    assert keys == sorted(keys)
    assert all(event.date.overlaps(period.start, period.end) for event in events)
    assert {"2024-01-16", "2024-01-17"} <= {str(event.date.start) for event in events}


def test_timeline_words_filter_by_actor_place_and_topic(base: FactBase) -> None:
    ambassadors = queries.timeline(base, parse_period("jan 2024"), "ambassadors").events
    assert ambassadors and all("Tipu" in " ".join(c.evidence for c in e.sources) for e in ambassadors)
    doha = queries.timeline(base, None, "Doha").events
    assert doha and all("Doha" in " ".join(c.evidence for c in e.sources) for e in doha)
    assert queries.timeline(base, None, "jilani").events


def test_timeline_words_with_no_match_give_suggestions(base: FactBase) -> None:
    answer = queries.timeline(base, None, "ambasadors")
    assert answer.events or answer.suggestions
    nothing = queries.timeline(base, None, "zzqx")
    assert nothing.events == ()


def test_threats_by_side_and_period(base: FactBase) -> None:
    iran = queries.threats(base, "iran", parse_period("2024"))
    assert iran.threats and all(threat.side == "iran" for threat in iran.threats)
    assert "jaish-al-adl" in {threat.group for threat in iran.threats}
    pakistan = queries.threats(base, "pakistan", parse_period("2025"))
    groups = {threat.group for threat in pakistan.threats}
    assert "gul-bahadur-group" in groups or any("Gul Bahadur" in base.groups[g].name for g in groups if g)
    assert all(threat.date.start.year == 2025 for threat in pakistan.threats)


@pytest.mark.parametrize("alias", ["Jaish ul-Adl", "jaish al adl", "Jaysh al-Adl", "Jundallah"])
def test_a_group_by_any_alias_shows_who_named_it(base: FactBase, alias: str) -> None:
    answer = queries.threats(base, group=alias)
    assert answer.group is not None and answer.group.name == "Jaish al-Adl"
    assert any(threat.side == "iran" and str(threat.date.start) == "2024-01-16" for threat in answer.threats)


def test_an_unknown_group_gives_no_threats(base: FactBase) -> None:
    answer = queries.threats(base, group="Islamic State of Mars")
    assert answer.group is None and answer.threats == ()


def test_whois_people_and_groups_with_counts(base: FactBase) -> None:
    naqvi = queries.whois(base, "naqvi")
    (profile,) = naqvi.people
    assert profile.person.side == "pakistan" and profile.quote_count == len(base.quotes("mohsin-naqvi"))
    assert profile.event_count > 0 and profile.articles
    blf = queries.whois(base, "BLF")
    assert [group.group.name for group in blf.groups] == ["Baloch Liberation Front"] and not blf.people
    assert queries.whois(base, "putin").people == ()


def test_search_finds_the_sentence_that_answers(base: FactBase) -> None:
    hits = queries.search(base, "where is Rask?")
    assert hits and "Rask" in hits[0].sentence
    assert queries.search(base, "the of and") == ()


@pytest.mark.parametrize(
    ("typed", "side"),
    [("iran", "iran"), ("Iranian", "iran"), ("iarn", "iran"), ("pakistan", "pakistan"), ("pakistna", "pakistan"),
     ("Islamabad", "pakistan"), ("pakistani", "pakistan"), ("iraq", None), ("india", None), ("iran pakistan", None)],
)
def test_sides_forgive_one_typo_but_not_another_country(base: FactBase, typed: str, side: str | None) -> None:
    assert queries.match_side(base, typed) == side


def test_sources_are_oldest_first(base: FactBase) -> None:
    published = [source.published.start for source in queries.sources(base).sources]
    assert published == sorted(published) and len(published) == 5


def test_quotes_about_a_topic_keep_only_quotes_on_it(base: FactBase) -> None:
    (entry,) = queries.quotes(base, "araghchi", words="Israel").speakers
    assert entry.quotes and len(entry.quotes) < len(base.quotes("abbas-araghchi"))
    for quote in entry.quotes:
        said = " ".join((quote.text, quote.context or "", *(c.evidence for c in quote.sources)))
        assert "Israel" in said
    (none,) = queries.quotes(base, "naqvi", words="putin").speakers
    assert none.quotes == ()


def test_a_side_word_names_no_person_or_group(base: FactBase) -> None:
    assert queries.match_people(base, "Iran") == ([], ())
    assert queries.whois(base, "iran").groups == ()
    iranians = queries.quotes(base, "", side="iran").speakers
    assert iranians and all(entry.person.side == "iran" for entry in iranians)


def test_a_role_never_matches_an_unasked_rank(base: FactBase) -> None:
    holders = {person.name for person, _ in queries.match_people(base, "Pakistan's prime minister")[0]}
    assert "Ishaq Dar" not in holders and "Shehbaz Sharif" in holders
    deputies = {person.name for person, _ in queries.match_people(base, "deputy prime minister")[0]}
    assert deputies == {"Ishaq Dar"}


@pytest.mark.parametrize(("typed", "holders"), [
    ("the ministry", set()),  # a ministry is a body, not its minister
    ("foreign ministry", set()),
    ("interior ministers", {"Mohsin Naqvi", "Eskandar Momeni"}),  # a plural is the same role
    ("interior minster", {"Mohsin Naqvi", "Eskandar Momeni"}),  # so is one typo inside the word
    ("the presidency", set()),
])
def test_a_role_word_matches_its_plural_and_typos_but_not_a_word_of_another_meaning(
        base: FactBase, typed: str, holders: set[str]) -> None:
    assert {person.name for person, _ in queries.match_roles(base, typed)} == holders


def test_a_role_in_a_period_or_now_names_who_held_it_then(base: FactBase) -> None:
    in_2020 = queries.whois(base, "Iranian foreign minister", parse_period("2020"))
    assert [profile.person.name for profile in in_2020.people] == ["Mohammad Javad Zarif"]
    now = queries.whois(base, "current foreign minister of Iran")
    assert [profile.person.name for profile in now.people] == ["Abbas Araghchi"]


def test_an_imprecise_event_sorts_after_the_dated_events_it_may_follow(base: FactBase) -> None:
    events = queries.timeline(base, parse_period("2025-10")).events
    ends = [event.date.end for event in events]
    assert ends == sorted(ends)
    day_precise = [event for event in events if event.date.start == event.date.end]
    ranged = [event for event in events if event.date.start != event.date.end]
    assert day_precise and ranged
    first_day = events.index(day_precise[0])
    assert all(events.index(event) > first_day for event in ranged if event.date.end > day_precise[0].date.end)


def test_threats_made_one_way(base: FactBase) -> None:
    strikes = queries.threats(base, "iran", how="military action").threats
    assert strikes and all(claim.how == "military action" for claim in strikes)
    assert len(strikes) < len(queries.threats(base, "iran").threats)


def test_who_said_finds_quotes_by_their_own_words_first(base: FactBase) -> None:
    answer = queries.quotes(base, "", words="partners in peace")
    quoted = [quote for entry in answer.speakers for quote in entry.quotes]
    assert quoted and all("partner" in quote.text for quote in quoted)


@pytest.mark.parametrize(
    ("typed", "speaker", "topic"),
    [
        ("naqvi eco", "naqvi", "eco"),
        ("abbas araghchi gas pipeline", "abbas araghchi", "gas pipeline"),
        ("Jalil Abbas Gilani territorial", "Jalil Abbas Gilani", "territorial"),
        ("iran terrorism", "iran", "terrorism"),
        ("interior minister border", "interior minister", "border"),
        ("Pakistan's interior minister", "Pakistan's interior minister", ""),
        ("putin ukraine", "putin ukraine", ""),
    ],
)
def test_a_speaker_and_a_topic_split_without_about(base: FactBase, typed: str, speaker: str, topic: str) -> None:
    assert queries.split_speaker(base, typed) == (speaker, topic)


def test_words_that_name_nobody_can_find_quotes_by_how_they_were_relayed(base: FactBase) -> None:
    answer = queries.quotes(base, "", words="press release", in_setting=False)
    quoted = [quote for entry in answer.speakers for quote in entry.quotes]
    assert quoted and all(quote.via and "press release" in quote.via for quote in quoted)
    assert queries.quotes(base, "", words="Nawaz Sharif", in_setting=False).speakers == ()


def test_a_day_keeps_coarsely_dated_events_apart(base: FactBase) -> None:
    day = parse_period("2025-10-11")
    assert day is not None
    answer = queries.timeline(base, day)
    assert answer.events and all(event.date.start == event.date.end == day.start for event in answer.events)
    assert answer.approximate
    assert all(event.date.start <= day.start <= event.date.end and event.date.start != event.date.end
               for event in answer.approximate)


def test_page_furniture_is_not_searched(base: FactBase) -> None:
    assert all("top button" not in hit.sentence for hit in queries.search(base, "back to top button"))


def test_whole_remarks_come_before_quoted_fragments(base: FactBase) -> None:
    (entry,) = queries.quotes(base, "araghchi").speakers
    direct = [quote.text for quote in entry.quotes if quote.kind == "direct"]
    whole = [text[:1].isupper() for text in direct]
    assert whole == sorted(whole, reverse=True) and any(whole) and not all(whole)


def test_top_diplomat_is_a_foreign_minister_and_spellings_compare_alike(base: FactBase) -> None:
    people = {person.name for person, _ in queries.match_people(base, "Iran's top diplomat", parse_period("2020"))[0]}
    assert people == {"Mohammad Javad Zarif"}
    answer = queries.quotes(base, "", words="neighbours never had a dispute", in_setting=False)
    assert [entry.person.name for entry in answer.speakers] == ["Hossein Amir-Abdollahian"]


def test_a_speakers_topic_reaches_remarks_whose_setting_names_it(base: FactBase) -> None:
    own = queries.quotes(base, "araghchi", words="terrorism", in_setting=False).speakers[0].quotes
    both = queries.quotes(base, "araghchi", words="terrorism").speakers[0].quotes
    assert own and set(own) < set(both)
    assert both[:len(own)] == own
    assert all("terrorism" not in quote.text.lower() for quote in both[len(own):])


def test_database_counts_equal_counting_the_records(base: FactBase) -> None:
    quotes = base.quotes()
    assert base.holdings() == {"events": len(base.events()), "quotes": len(quotes),
                               "direct quotes": sum(quote.kind == "direct" for quote in quotes),
                               "threats": len(base.threats())}
    for event in base.events():
        day = event.date.start
        scanned = sorted({other.date.start.year for other in base.events() if other.date.start == other.date.end
                          and (other.date.start.month, other.date.start.day) == (day.month, day.day)})
        assert base.years_with_day(day.month, day.day) == scanned
