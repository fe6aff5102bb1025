"""Pure queries over the compiled fact base: what the bot (and anyone else) asks.

Every answer is computed from the :class:`~knowledge.store.FactBase`; nothing here knows about
Slack. Name matching (people, roles, groups, sides) uses rapidfuzz, ranked and deterministic;
a name with no confident match gives an empty answer with suggestions, never a near miss.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import takewhile
from os.path import commonprefix

from rapidfuzz import fuzz

from knowledge.dates import DateError, iso_span
from knowledge.models import DateSpan, Event, Group, Institution, Person, Quote, Role, Side, Source, Threat, ThreatHow
from knowledge.names import (
    CONFIDENT,
    STOPWORDS,
    SUGGEST,
    FuzzyIndex,
    Match,
    content_words,
    side_word_distance,
    tokens,
)
from knowledge.store import FactBase, quote_words


@dataclass(frozen=True)
class SpeakerQuotes:
    """One speaker's quotes (a person or an institution); ``matched_role`` is set when the question
    named a role, not a name."""

    person: Person | Institution
    quotes: tuple[Quote, ...]
    matched_role: str | None = None


@dataclass(frozen=True)
class QuotesAnswer:
    """``quotes(who)``: the matching speakers (several when a role matched several people)."""

    query: str
    speakers: tuple[SpeakerQuotes, ...]
    suggestions: tuple[str, ...] = ()
    words: str = ""
    total: int | None = None  # with a page: how many quotes there are in all, counted by the database
    speaker_total: int | None = None  # with a page: of how many speakers
    articles: int | None = None  # with a page: in how many articles
    apart: int = 0  # with a page of quotes lying within the period: how many more only overlap it


@dataclass(frozen=True)
class TimelineAnswer:
    """``timeline(period, words)``: events in date order."""

    period: DateSpan | None
    words: str
    events: tuple[Event, ...]
    suggestions: tuple[str, ...] = ()
    approximate: tuple[Event, ...] = ()
    ignored: tuple[str, ...] = ()
    total: int | None = None  # with a page: how many events are dated within, counted by the database
    articles: int | None = None  # with a page: in how many articles they are reported


@dataclass(frozen=True)
class ThreatsAnswer:
    """``threats(side, period, group)``: threat claims ordered by side then date."""

    side: str | None
    period: DateSpan | None
    group: Group | None
    threats: tuple[Threat, ...]
    suggestions: tuple[str, ...] = ()
    how: ThreatHow | None = None
    against: tuple[Threat, ...] = ()  # claims by other sides that named ``side`` itself as the threat
    total: int | None = None  # with a page: how many claims there are in all, counted by the database
    articles: int | None = None  # with a page: in how many articles


@dataclass(frozen=True)
class PersonProfile:
    """A person with how often the base quotes them and names them in events."""

    person: Person
    quote_count: int
    event_count: int
    articles: tuple[str, ...]


@dataclass(frozen=True)
class GroupProfile:
    """A group with the threat claims and events that name it."""

    group: Group
    threat_count: int
    event_count: int
    named_by_sides: tuple[str, ...]  # side ids that named it themselves (narration excluded)
    articles: tuple[str, ...]


@dataclass(frozen=True)
class InstitutionProfile:
    """An institution with how often the base quotes it and names it in events and threat claims."""

    institution: Institution
    quote_count: int
    event_count: int
    threat_count: int
    articles: tuple[str, ...]


@dataclass(frozen=True)
class SideProfile:
    """A side: who speaks for it, what it named as threats and who named it as one."""

    side: Side
    people: tuple[Person, ...]  # the first few, by id
    people_count: int
    institutions: tuple[Institution, ...]
    quote_count: int
    named_count: int  # threat claims the side made
    named_as_threat_by: tuple[str, ...]  # side ids that named this side as a threat
    event_count: int


@dataclass(frozen=True)
class WhoisAnswer:
    """``whois(name)``: matching people and groups (a role may match several people)."""

    query: str
    people: tuple[PersonProfile, ...] = ()
    groups: tuple[GroupProfile, ...] = ()
    suggestions: tuple[str, ...] = ()
    institutions: tuple[InstitutionProfile, ...] = ()
    sides: tuple[SideProfile, ...] = ()
    people_total: int = 0  # people matched, of whom ``people`` holds the first WHOIS_PAGE

    @property
    def found(self) -> bool:
        """True when anything matched."""
        return bool(self.people or self.groups or self.institutions or self.sides)


@dataclass(frozen=True)
class SentenceHit:
    """A sentence of an article that matches a free-text question (BM25 ranked)."""

    article: str
    sentence: str
    offset: int
    score: float


@dataclass(frozen=True)
class SourcesAnswer:
    """``sources()``: every article, oldest first."""

    sources: tuple[Source, ...] = field(default_factory=tuple)


AMBIGUITY_MARGIN = 3.0
ROLE_ABBREVIATIONS = {
    "fm": "foreign minister", "pm": "prime minister", "dpm": "deputy prime minister",
    "coas": "chief of army staff", "snsc": "supreme national security council", "diplomat": "foreign minister",
}


def match_side(base: FactBase, text: str) -> str | None:
    """The side id ``text`` names by name, alias, demonym or metonym ('iranian', 'Islamabad', 'united
    states'), forgiving one typo in a single word; None otherwise."""
    key = " ".join(tokens(text))
    if not key:
        return None
    if key in base.side_words:
        return base.side_words[key]
    if " " in key:
        return None
    typos: dict[str, str | None] = base.indexes.setdefault("side_typos", {})
    if key not in typos:
        if len(typos) >= TYPO_CACHE:
            typos.clear()
        near = _side_words_by_length(base)
        lengths = (len(key) - 1, len(key), len(key) + 1) if len(key) >= 7 else (len(key),)
        candidates = sorted(entry for length in lengths for entry in near.get(length, ()))
        typos[key] = next((side for _, known, side in candidates if side_word_distance(key, known)), None)
    return typos[key]


TYPO_CACHE = 4096  # words whose side (or none) a process remembers


def _side_words_by_length(base: FactBase) -> dict[int, list[tuple[int, str, str]]]:
    """The one-word side words by length, each with its place among the side words and its side: only a
    word of seven letters or more is forgiven a letter more or less (see side_word_distance). Built once
    per process."""
    if "side_words_by_length" not in base.indexes:
        by_length: dict[int, list[tuple[int, str, str]]] = {}
        for place, (known, side) in enumerate(base.side_words.items()):
            if " " not in known:
                by_length.setdefault(len(known), []).append((place, known, side))
        base.indexes["side_words_by_length"] = by_length
    found: dict[int, list[tuple[int, str, str]]] = base.indexes["side_words_by_length"]
    return found


def is_side_word(base: FactBase, word: str) -> bool:
    """True when ``word`` (one normalised word) names a side exactly."""
    return word in base.side_words


def split_sides(base: FactBase, words: list[str]) -> tuple[list[str], list[str]]:
    """The side ids a run of normalised words names ('united', 'states' -> one side) and the other words."""
    longest = base.longest_side_name
    sides: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(longest, len(words) - index), 0, -1):
            side = base.side_words.get(" ".join(words[index:index + size]))
            if side is not None:
                sides.append(side)
                index += size
                break
        else:
            rest.append(words[index])
            index += 1
    return list(dict.fromkeys(sides)), rest


def _split_side(base: FactBase, words: list[str]) -> tuple[str | None, list[str]]:
    """Pull a side adjective out of a role phrase: 'pakistani interior minister' -> pakistan, [...]."""
    sides, rest = split_sides(base, words)
    if len(sides) > 1:
        return sides[0], [*rest]
    return (sides[0] if sides else None), rest


CURRENT_WORDS = frozenset({"current", "currently", "now", "today", "incumbent"})
ROLE_FILLER = CURRENT_WORDS | {"new", "top", "then"}


def _role_words(text: str) -> list[str]:
    expanded = " ".join(ROLE_ABBREVIATIONS.get(word, word) for word in tokens(text))
    return [word for word in expanded.split() if word not in STOPWORDS and word not in ROLE_FILLER]


RANK_QUALIFIERS = frozenset({"deputy", "vice", "assistant", "acting", "former", "junior", "state"})


def _held_during(role: Role, period: DateSpan) -> bool | None:
    """Whether a role was held during ``period``: None when its dates are not known."""
    start, end = _bound(role.start), _bound(role.end)
    if start is None and end is None:
        return None
    return (start is None or start.start <= period.end) and (end is None or period.start <= end.end)


def _bound(text: str | None) -> DateSpan | None:
    try:
        return iso_span(text) if text else None
    except DateError:
        return None


ROLE_WORD_SIMILARITY = 90.0


def _role_word_matches(word: str, title_word: str) -> bool:
    """A typed role word against a title's word: the same word up to a plural or a British spelling,
    or one typo ('presdent', not 'present'); never a word of another meaning ('ministry' is not
    'minister', 'office' not 'officer')."""
    word, title_word = _singular(word.replace("our", "or")), _singular(title_word.replace("our", "or"))
    if word == title_word:
        return True
    if word.startswith(title_word) or title_word.startswith(word):  # another ending is another word
        return False
    return fuzz.ratio(word, title_word) >= ROLE_WORD_SIMILARITY


def _singular(word: str) -> str:
    for plural, single in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if len(word) > len(plural) + 2 and word.endswith(plural) and not word.endswith("ss"):
            return word[: -len(plural)] + single
    return word


def match_roles(base: FactBase, text: str, period: DateSpan | None = None) -> list[tuple[Person, str]]:
    """People holding a role named like ``text`` ('Pakistan's interior minister'), with the role title.

    Every word of the role phrase must appear (up to a typo) in the title, and the title may not add
    a rank that was not asked for ("deputy" for "prime minister"); a side adjective, when given,
    must be the person's side. A phrase naming an institution by any of its names ('the Indian
    foreign ministry spokesperson') also finds the titles that name it by another ('Ministry of
    External Affairs spokesperson'). With a period, those known to have held the role then are
    kept (or, when nobody is known to, those whose role dates are unknown).
    """
    side, words = _split_side(base, _role_words(text))
    if not words:
        return []
    index = _role_index(base)
    having: set[str] | None = None  # the titles holding every word up to a stem or typo: a prefilter
    for word in words:
        with_word = set().union(*(index.by_word[title_word] for title_word in
                                  index.words.matches(word, ROLE_WORD_SIMILARITY)))
        having = with_word if having is None else having & with_word
    wanted = {title: index.titles[title][1] for title in having or ()
              if not (set(index.titles[title][0]) & RANK_QUALIFIERS) - set(words)
              and _title_has(index.titles[title][0], words)}
    if not wanted:
        wanted = _titles_through_institutions(base, side, words)
    holders = {ref for people in wanted.values() for ref in people}
    known: list[tuple[Person, str]] = []
    undated: list[tuple[Person, str]] = []
    for ref in sorted(holders):
        person = base.people[ref]
        if side is not None and person.side != side:
            continue
        for role in person.roles:
            if ref not in wanted.get(role.title, ()):
                continue
            held = _held_during(role, period) if period else True
            if held is None:
                undated.append((person, role.title))
                break
            if held:
                known.append((person, role.title))
                break
    found = known or undated
    if CURRENT_WORDS & set(tokens(text)):
        found = _latest_holders(found)
    return found


def _title_has(title_words: list[str], words: Iterable[str]) -> bool:
    return all(any(_role_word_matches(word, title_word) for title_word in title_words) for word in words)


def _titles_through_institutions(base: FactBase, side: str | None, words: list[str]) -> dict[str, set[str]]:
    """Role titles (with their holders) asked for through an institution: one of its names stands in
    the phrase, the other words are in the title, and the title names the institution by one of its
    names. (A side asked for is the caller's to check on each holder.)"""
    spellings_by_rest: dict[tuple[str, ...], set[frozenset[str]]] = {}
    bodies, by_word = _institution_role_words(base), _institution_names_by_word(base)
    for place, at in sorted({entry for word in set(words) for entry in by_word.get(word, ())}):
        body, names = bodies[place]
        if side is not None and body.side != side:
            continue
        rest = tuple(word for word in words if word not in names[at])
        if set(names[at]) <= set(words) and rest:
            spellings_by_rest.setdefault(rest, set()).update(frozenset(other) for other in names if other)
    found: dict[str, set[str]] = {}
    for rest, spellings in spellings_by_rest.items():  # one pass over the titles per rest of the phrase
        for title, (title_words, people) in _role_index(base).titles.items():
            if (set(title_words) & RANK_QUALIFIERS) - set(words) or not _title_has(title_words, rest):
                continue
            if any(spelling <= set(title_words) for spelling in spellings):
                found.setdefault(title, set()).update(people)
    return found


VOICES_PER_INSTITUTION = 10  # the most quoted of those who speak for one institution
MAX_VOICED = 3  # a name shared by more institutions ("the foreign ministry") lists their own quotes only


def voices_of(base: FactBase, body: Institution) -> list[tuple[Person, str]]:
    """The people of ``body``'s side whose role title names it ('Foreign Office spokesperson' for the
    Foreign Office), with that title, most quoted first and at most ``VOICES_PER_INSTITUTION``:
    who speaks for an institution."""
    return [(base.people[ref], title) for ref, title in _voices_index(base).get(body.id, [])]


def _voices_index(base: FactBase) -> dict[str, list[tuple[str, str]]]:
    """Each institution's voices (person id, title), built once per process from the role titles."""
    if "voices" not in base.indexes:
        titles = _role_index(base).titles
        counts = base.quote_counts()
        index: dict[str, list[tuple[str, str]]] = {}
        for body, names in _institution_role_words(base):
            voices: dict[str, str] = {}
            for title, (title_words, people) in titles.items():
                if any(name and set(name) <= set(title_words) for name in names):
                    for ref in people:
                        if base.people[ref].side == body.side:
                            voices.setdefault(ref, title)
            ranked = sorted(voices, key=lambda ref: (-counts.get(ref, 0), base.people[ref].name, ref))
            if ranked:
                index[body.id] = [(ref, voices[ref]) for ref in ranked[:VOICES_PER_INSTITUTION]]
        base.indexes["voices"] = index
    found: dict[str, list[tuple[str, str]]] = base.indexes["voices"]
    return found


def _institution_names_by_word(base: FactBase) -> dict[str, list[tuple[int, int]]]:
    """Where each institution name stands in :func:`_institution_role_words` (institution, name), by the
    name's first role word: a phrase names one only when it holds that word. Built once per process."""
    if "institution_names_by_word" not in base.indexes:
        by_word: dict[str, list[tuple[int, int]]] = {}
        for place, (_, names) in enumerate(_institution_role_words(base)):
            for at, name in enumerate(names):
                if name:
                    by_word.setdefault(name[0], []).append((place, at))
        base.indexes["institution_names_by_word"] = by_word
    found: dict[str, list[tuple[int, int]]] = base.indexes["institution_names_by_word"]
    return found


def _institution_role_words(base: FactBase) -> list[tuple[Institution, list[list[str]]]]:
    """Each institution with the role words of each of its names; built once per process."""
    if "institution_role_words" not in base.indexes:
        base.indexes["institution_role_words"] = [
            (body, [_role_words(name) for name in (body.name, *body.aliases, *body.generic)])
            for body in base.institutions.values()]
    found: list[tuple[Institution, list[list[str]]]] = base.indexes["institution_role_words"]
    return found


@dataclass(frozen=True)
class _RoleIndex:
    """Each distinct role title with its words and the ids of the people who held it, and the titles
    holding each title word; built once per process from the database (no person record is read)."""

    titles: dict[str, tuple[list[str], set[str]]]
    by_word: dict[str, set[str]]
    words: _Vocabulary


def _role_index(base: FactBase) -> _RoleIndex:
    if "roles" not in base.indexes:
        titles: dict[str, tuple[list[str], set[str]]] = {}
        for ref, title in base.role_titles():
            titles.setdefault(title, (_role_words(title), set()))[1].add(ref)
        by_word: dict[str, set[str]] = {}
        for title, (title_words, _) in titles.items():
            for word in title_words:
                by_word.setdefault(word, set()).add(title)
        base.indexes["roles"] = _RoleIndex(titles, by_word, _Vocabulary(by_word))
    index: _RoleIndex = base.indexes["roles"]
    return index


def _latest_holders(found: list[tuple[Person, str]]) -> list[tuple[Person, str]]:
    """Of several holders of a role, those still holding it who took it up last."""
    def term(entry: tuple[Person, str]) -> Role:
        person, title = entry
        return max((role for role in person.roles if role.title == title), key=lambda role: role.start or "")

    if not found:
        return found
    ongoing = [entry for entry in found if term(entry).end is None] or found
    latest = max(term(entry).start or "" for entry in ongoing)
    return [entry for entry in ongoing if (term(entry).start or "") == latest]


def _best(matches: list[Match]) -> float:
    """The best score of a ranking (0 when nothing reached the index's floor)."""
    return matches[0].score if matches else 0.0


def _confident(matches: list[Match]) -> list[Match]:
    if not matches or matches[0].score < CONFIDENT:
        return []
    floor = max(matches[0].score - AMBIGUITY_MARGIN, CONFIDENT)
    return list(takewhile(lambda match: match.score >= floor, matches))  # best first: stop at the first below


def _suggestions(matches: list[Match], names: Mapping[str, Person | Group], limit: int = 3) -> tuple[str, ...]:
    return tuple(names[match.ref].name for match in matches[:limit] if match.score >= SUGGEST)


def names_a_side(base: FactBase, text: str) -> bool:
    """True when ``text`` is a side word ('Iran', 'Pakistani', 'Kabul'), not a name."""
    return match_side(base, text) is not None


def match_people(
    base: FactBase, text: str, period: DateSpan | None = None
) -> tuple[list[tuple[Person, str | None]], tuple[str, ...]]:
    """People ``text`` names (by name, alias, spelling or role), and suggestions when none does.

    A side word ('Iran') names no person, however close it is to a name ('Imran').
    """
    if names_a_side(base, text):
        return [], ()
    matches = base.person_names.rank(text)
    confident = _confident(matches)
    if confident:
        return [(base.people[match.ref], None) for match in confident], ()
    roles = match_roles(base, text, period)
    if roles:
        return [(person, title) for person, title in roles], ()
    return [], _suggestions(matches, base.people)


def match_groups(base: FactBase, text: str) -> tuple[list[Group], tuple[str, ...]]:
    """Groups ``text`` names (by name, alias or spelling), and suggestions when none does."""
    if names_a_side(base, text):
        return [], ()
    matches = base.group_names.rank(text)
    confident = _confident(matches)
    if confident:
        return [base.groups[match.ref] for match in confident], ()
    return [], _suggestions(matches, base.groups)


def _bare_words(text: str) -> str:
    return " ".join(word for word in tokens(text) if word not in STOPWORDS)


def _institution_index(base: FactBase) -> tuple[dict[str, list[str]], dict[str, list[Institution]]]:
    """Institution ids by each name and alias, and institutions by each generic name and kind (their
    words without stopwords); built once per process."""
    if "institutions" not in base.indexes:
        named: dict[str, list[str]] = {}
        generic: dict[str, list[Institution]] = {}
        for body in base.institutions.values():
            for name in (body.name, *body.aliases):
                named.setdefault(_bare_words(name), []).append(body.id)
            for key in dict.fromkeys(_bare_words(name) for name in (*body.generic, body.kind)):
                generic.setdefault(key, []).append(body)
        base.indexes["institutions"] = (named, generic)
    index: tuple[dict[str, list[str]], dict[str, list[Institution]]] = base.indexes["institutions"]
    return index


def match_institutions(base: FactBase, text: str) -> list[Institution]:
    """Institutions ``text`` names: by name or alias ('ISPR', 'Pakistani Foreign Ministry'), or by a
    generic name beside a side ('Iran's government', 'the Pakistani foreign office'). A generic name
    alone ('the foreign ministry') names every institution called so.

    Names are matched exactly (after normalisation): one letter turns a 'ministry' into a
    'minister', so no typo is forgiven here.
    """
    if not content_words(text) or names_a_side(base, text):
        return []
    named, generic = _institution_index(base)
    asked = _bare_words(text)
    if asked in named:
        return [base.institutions[ref] for ref in dict.fromkeys(named[asked])]
    sides, words = split_sides(base, asked.split())
    if not words or len(sides) > 1:
        return []
    return [body for body in generic.get(" ".join(words), []) if not sides or body.side == sides[0]]


def _quote_order(quote: Quote) -> tuple[int, bool, tuple[date, date], str]:
    """Direct quotes first, whole remarks before quoted fragments ("strategic"), then by date.

    A fragment is a quote that does not start as a sentence does, with a capital letter.
    """
    fragment = not quote.text[:1].isupper()
    return (0 if quote.kind == "direct" else 1, fragment, quote.date.chronological_key(), quote.id)


def _quote_words(quote: Quote, *, setting: bool) -> set[str]:
    return quote_words(quote, setting=setting)


def _side_of(base: FactBase, ref: str) -> str | None:
    speaker = base.speaker(ref)
    return speaker.side if speaker else None


def quotes(base: FactBase, who: str = "", period: DateSpan | None = None,
           side: str | None = None, words: str = "", *, in_setting: bool = True, page: int | None = None,
           within: bool = False) -> QuotesAnswer:
    """The quotes of the person (or role holders) ``who`` names, direct ones first.

    Optionally only those of a period, and only those about ``words`` (every content word must
    appear, up to a typo, in the quote, its setting or its sentence). With an empty ``who``:
    every quote (of the period, of the people of ``side``, on the words), grouped by speaker.
    ``in_setting`` False matches ``words`` against what was said (and how it was relayed) only.
    With a ``page`` size, no ``who`` and no ``words``, only the first page of quotes in date order is
    read (``within``: of those lying within the period) and ``total``, ``speaker_total``,
    ``articles`` and ``apart`` count them all.
    """
    start, end = (period.start, period.end) if period else (None, None)
    wanted = [word for word in content_words(words) if len(word) > 1]

    def about(found: list[Quote]) -> tuple[Quote, ...]:
        """The quotes on the topic: those whose own words match, then those whose setting (context,
        evidence sentence) does. Across the whole base (no speaker, no side) the setting is searched
        only when no quote's own words match, so "who said X" finds the words first."""
        if not wanted:
            return tuple(sorted(found, key=_quote_order))
        own = [quote for quote in found
               if all(_word_matches(word, _quote_words(quote, setting=False)) for word in wanted)]
        if own and not (who.strip() or side):
            return tuple(sorted(own, key=_quote_order))
        set_in = [quote for quote in found if in_setting and quote not in own
                  and all(_word_matches(word, _quote_words(quote, setting=True)) for word in wanted)]
        return (*sorted(own, key=_quote_order), *sorted(set_in, key=_quote_order))

    if not who.strip() and not wanted and page is not None:
        voiced = [body.id for body in base.institutions.values() if body.side == side] if side else []
        first, counts = base.quote_page(start, end, side, voiced, within=within, limit=page)
        return replace(_by_speaker(base, who, words, about(first)), total=counts["quotes"],
                       speaker_total=counts["speakers"], articles=counts["articles"], apart=counts["apart"])
    if not who.strip():
        found = base.quotes(start=start, end=end) if not wanted else _quotes_with_words(
            base, wanted, start, end, in_setting=in_setting)
        candidates = [quote for quote in found if side is None or _side_of(base, quote.speaker) == side]
        return _by_speaker(base, who, words, about(candidates))
    bodies = match_institutions(base, who)
    people, suggestions = match_people(base, who, period)
    if bodies and not (people and _best(base.person_names.rank(who)) >= CONFIDENT):
        bodies = [body for body in bodies if side is None or body.side == side]
        voices = [voice for body in bodies for voice in voices_of(base, body)] if len(bodies) <= MAX_VOICED else []
        return QuotesAnswer(query=who, words=words, speakers=(
            *(SpeakerQuotes(body, about(base.quotes(body.id, start, end))) for body in bodies),
            *(SpeakerQuotes(person, about(base.quotes(person.id, start, end)), role) for person, role in voices)))
    if not people:
        return QuotesAnswer(query=who, speakers=(), suggestions=suggestions, words=words)
    return QuotesAnswer(query=who, words=words, speakers=tuple(
        SpeakerQuotes(person, about(base.quotes(person.id, start, end)), role)
        for person, role in people if side is None or person.side == side))


def _by_speaker(base: FactBase, who: str, words: str, ordered: Iterable[Quote]) -> QuotesAnswer:
    """Quotes grouped by speaker, speakers in the order of their first quote."""
    by_speaker: dict[str, list[Quote]] = {}
    for quote in ordered:
        by_speaker.setdefault(quote.speaker, []).append(quote)
    return QuotesAnswer(query=who, words=words, speakers=tuple(
        SpeakerQuotes(_speaker(base, speaker), tuple(found)) for speaker, found in by_speaker.items()))


def _quotes_with_words(base: FactBase, wanted: list[str], start: date | None, end: date | None, *,
                       in_setting: bool) -> list[Quote]:
    """The quotes that may hold every word of ``wanted`` (in what was said, else in the setting), found
    by the quote_words index: a superset of what ``about`` keeps, in date order."""
    matches = {word: _vocabulary_matches(base, word, "quote") for word in wanted}
    ids: set[str] = set()
    for setting in (False, True) if in_setting else (False,):
        found: set[str] | None = None
        for word in wanted:
            with_word = base.quote_ids_with_words(matches[word], setting=setting) if matches[word] else set()
            found = with_word if found is None else found & with_word
            if not found:
                break
        ids |= found or set()
    return base.quotes_by_id(ids, start, end) if ids else []


MAX_SPEAKER_WORDS = 8  # "the Iranian Supreme National Security Council secretary" and no longer


def _speaker(base: FactBase, ref: str) -> Person | Institution:
    speaker = base.speaker(ref)
    if speaker is None:
        raise KeyError(ref)
    return speaker


def split_speaker(base: FactBase, text: str) -> tuple[str, str]:
    """Split "<person, role or side> <topic words>" where no "about" marks the topic.

    The longest run of leading words that names somebody (or a side) is the speaker; the rest
    is the topic. Text that names nobody, or that names a person or an institution as a whole
    ("India's foreign ministry"), is returned whole, with no topic.
    """
    words = text.split()
    if len(words) < 2 or match_people(base, text)[0] or match_institutions(base, text):
        return text, ""
    best: tuple[float, int] = (0.0, 0)
    for size in range(min(len(words) - 1, MAX_SPEAKER_WORDS), 0, -1):
        leading = " ".join(words[:size])
        people = match_people(base, leading)[0]
        if names_a_side(base, leading) or match_institutions(base, leading) or any(role for _, role in people):
            score = 100.0
        elif people:
            score = _best(base.person_names.rank(leading))
        else:
            continue
        best = max(best, (score, size))
    if not best[1]:
        return text, ""
    return " ".join(words[:best[1]]), " ".join(words[best[1]:])


def _same_stem(word: str, candidate: str) -> bool:
    """Words sharing all but a short ending: 'ambassadors'/'ambassador', 'Palestine'/'Palestinian'.

    British and American spellings compare alike ('neighbours'/'neighboring').
    """
    word, candidate = word.replace("our", "or"), candidate.replace("our", "or")
    shorter = min(len(word), len(candidate))
    if shorter < 4:
        return False
    shared = len(commonprefix((word, candidate)))
    return shared == shorter or (shared >= 6 and shared >= shorter - 2)


def _word_matches(word: str, known: set[str]) -> bool:
    """True when ``word`` is in ``known`` up to an ending or a typo."""
    if word in known:
        return True
    return any(_same_stem(word, candidate) or (len(word) >= 5 and fuzz.ratio(word, candidate) >= CONFIDENT)
               for candidate in known)


class _Vocabulary:
    """Words indexed for what a typed word matches: itself, a word of the same stem (which shares its
    first four letters) or a close spelling (rapidfuzz ratio with a score cutoff, over only the words
    a :class:`~knowledge.names.FuzzyIndex` finds able to reach it)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.ordered = tuple(sorted(set(words)))
        self.known = set(self.ordered)
        self.by_prefix: dict[str, list[str]] = {}
        for known in self.ordered:
            self.by_prefix.setdefault(known.replace("our", "or")[:4], []).append(known)
        self.spellings = FuzzyIndex(self.ordered)
        self._typos: dict[tuple[str, float], list[str]] = {}

    def closest(self, word: str, cutoff: float, limit: int | None = None) -> list[str]:
        """The words scoring at least ``cutoff`` against ``word`` (rapidfuzz ratio), best first, ties in
        vocabulary order."""
        return [known for known, _ in self.spellings.extract(word, cutoff, limit)]

    def matches(self, word: str, cutoff: float, shortest: int = 0) -> set[str]:
        """The words ``word`` matches: itself and those of its stem or, when there are none (a typo is
        forgiven only for a word the vocabulary lacks) and it has ``shortest`` letters, those scoring
        ``cutoff`` against it (remembered per word)."""
        matched = {word} & self.known
        matched.update(known for known in self.by_prefix.get(word.replace("our", "or")[:4], ())
                       if _same_stem(word, known))
        if len(word) >= shortest and not matched:
            key = (word, cutoff)
            if key not in self._typos:
                if len(self._typos) >= TYPO_CACHE:
                    self._typos.clear()
                self._typos[key] = self.closest(word, cutoff)
            matched.update(self._typos[key])
        return matched


def _vocabulary(base: FactBase, kind: str) -> _Vocabulary:
    """The words of the event (``kind`` "event") or quote index, indexed once per process."""
    key = f"{kind}_words"
    if key not in base.indexes:
        base.indexes[key] = _Vocabulary(base.event_vocabulary if kind == "event" else base.quote_vocabulary)
    vocabulary: _Vocabulary = base.indexes[key]
    return vocabulary


def _vocabulary_matches(base: FactBase, word: str, kind: str = "event") -> tuple[str, ...]:
    """The words of the event (or quote) index that ``word`` matches as :func:`_word_matches` would:
    itself, a word of the same stem or, from five letters, a close spelling."""
    return tuple(sorted(_vocabulary(base, kind).matches(word, CONFIDENT, shortest=5)))


def _suggested_words(base: FactBase, unknown: list[str]) -> tuple[str, ...]:
    """Up to three event words close to each of ``unknown`` (a did-you-mean)."""
    return tuple(dict.fromkeys(candidate for word in unknown
                               for candidate in _vocabulary(base, "event").closest(word, SUGGEST, limit=3)))


def timeline(base: FactBase, period: DateSpan | None = None, words: str = "", *,
             lenient: bool = False, page: int | None = None) -> TimelineAnswer:
    """Events in date order within ``period`` and matching every content word of ``words``.

    Events dated too coarsely to say whether they fall in the period (an "earlier this month"
    event asked about one day) come apart, in ``approximate``. ``lenient`` (for questions in
    plain English) ignores words no event knows, as long as two known words remain. With a
    ``page`` size, ``events`` holds only the first page and ``total``/``articles`` count them all.
    """
    wanted = [word for word in content_words(words) if len(word) > 1]
    found = {word: _vocabulary_matches(base, word) for word in wanted}
    ignored: tuple[str, ...] = ()
    if lenient:
        known = [word for word in wanted if found[word]]
        if len(known) >= 2 and len(known) < len(wanted):
            ignored = tuple(word for word in wanted if word not in known)
            wanted = known
    start, end = (period.start, period.end) if period else (None, None)
    ids = base.event_ids_with_words([found[word] for word in wanted]) if wanted else None
    if page is not None:
        return _timeline_page(base, period, words, ids, wanted, found, ignored, page)
    matching = base.events_by_id(ids or (), start, end) if wanted else base.events(start, end)
    suggestions: tuple[str, ...] = ()
    if wanted and not matching:
        unknown = [word for word in wanted if not found[word]]
        suggestions = _suggested_words(base, unknown)
    within = tuple(event for event in matching
                   if period is None or (period.start <= event.date.start and event.date.end <= period.end))
    inside = {event.id for event in within}
    approximate = tuple(event for event in matching if event.id not in inside)
    return TimelineAnswer(period=period, words=words, events=within, approximate=approximate,
                          suggestions=suggestions, ignored=ignored)


def threats(base: FactBase, side: str | None = None, period: DateSpan | None = None,
            group: str | None = None, how: ThreatHow | None = None,
            mentioning: Iterable[Institution] = (), page: int | None = None) -> ThreatsAnswer:
    """Threat claims of a side (or every side), in a period, about a group (named by any alias or
    spelling), optionally only those made in one way (``military action``, ``statement``, …).

    With a side and no group, ``against`` holds the claims of other sides that named that side
    itself as the threat, or an unnamed threat that names one of the institutions ``mentioning``.
    With a ``page`` size and neither side nor group, ``threats`` holds only the first page (by side,
    then date) and ``total``/``articles`` count them all.
    """
    start, end = (period.start, period.end) if period else (None, None)
    found_group = None
    if group:
        groups, suggestions = match_groups(base, group)
        if not groups:
            return ThreatsAnswer(side=side, period=period, group=None, threats=(), suggestions=suggestions)
        found_group = groups[0]
    if page is not None and side is None and found_group is None:
        first, total, articles = base.threat_page(start, end, how, limit=page)
        return ThreatsAnswer(side=None, period=period, group=None, threats=tuple(first), how=how,
                             total=total, articles=articles)
    claims = base.threats(side, found_group.id if found_group else None, start, end)
    if found_group is not None:
        names = [tokens(name) for name in (found_group.name, *found_group.aliases)]
        claims += [claim for claim in base.threats_mentioning(names, side=side, start=start, end=end)
                   if claim.group is None and claim.unnamed and mentions(tokens(claim.unnamed), names)]
        claims.sort(key=lambda claim: (claim.side, claim.date.chronological_key(), claim.id))
    kept = tuple(claim for claim in claims if how is None or claim.how == how)
    against: tuple[Threat, ...] = ()
    if side is not None and found_group is None:
        named = [tokens(name) for body in mentioning for name in (body.name, *body.aliases)]
        against = tuple(claim for claim in base.threats_mentioning(named, state=side, start=start, end=end)
                        if claim.side != side and (how is None or claim.how == how)
                        and (claim.state == side or (claim.unnamed and mentions(tokens(claim.unnamed), named))))
    return ThreatsAnswer(side=side, period=period, group=found_group, threats=kept, how=how, against=against)


def _timeline_page(base: FactBase, period: DateSpan | None, words: str, ids: set[str] | None, wanted: list[str],
                   found: dict[str, tuple[str, ...]], ignored: tuple[str, ...], page: int) -> TimelineAnswer:
    """:func:`timeline` with one page of events, counted and paged by the database."""
    start, end = (period.start, period.end) if period else (None, None)
    if wanted and not ids:
        ids = set()
    events, total, articles = base.event_page(ids, start, end, within=True, limit=page)
    approximate: tuple[Event, ...] = ()
    if period is not None:
        approximate = tuple(base.events_around(ids, period.start, period.end))
    suggestions: tuple[str, ...] = ()
    if wanted and not total and not approximate:
        unknown = [word for word in wanted if not found[word]]
        suggestions = _suggested_words(base, unknown)
    return TimelineAnswer(period=period, words=words, events=tuple(events), approximate=approximate,
                          suggestions=suggestions, ignored=ignored, total=total, articles=articles)


def mentions(words: list[str], names: list[list[str]]) -> bool:
    """True when one of ``names`` (each a list of words) stands in ``words`` as a run."""
    return any(name and any(words[i:i + len(name)] == name for i in range(len(words) - len(name) + 1))
               for name in names)


def _articles(facts: Iterable[Event | Quote | Threat]) -> tuple[str, ...]:
    return tuple(sorted({citation.article for fact in facts for citation in fact.sources}))


SIDE_PEOPLE_SHOWN = 8


def side_profile(base: FactBase, side: Side) -> SideProfile:
    """Who speaks for ``side`` in the base (its first people by id, and how many), what it named as
    threats and who named it as one; counted by the database."""
    bodies = tuple(body for body in base.institutions.values() if body.side == side.id)
    people, counts = base.side_counts(side.id, [body.id for body in bodies], SIDE_PEOPLE_SHOWN)
    against = base.threats(state=side.id)
    return SideProfile(
        side=side, people=tuple(people), people_count=counts["people"], institutions=bodies,
        quote_count=counts["quotes"], named_count=counts["threats"],
        named_as_threat_by=tuple(sorted({claim.side for claim in against})), event_count=counts["events"],
    )


WHOIS_PAGE = 20  # people cards per answer; a role many hold is narrowed by a side or a period


def whois(base: FactBase, name: str, period: DateSpan | None = None) -> WhoisAnswer:
    """People, institutions, groups and sides ``name`` names, with counts of their quotes, events
    and threat claims.

    With a period, a role phrase ('foreign minister') names whoever held the role then.
    """
    if not name.strip():
        return WhoisAnswer(query=name)
    side = match_side(base, name)
    if side is not None:
        return WhoisAnswer(query=name, sides=(side_profile(base, base.sides[side]),))
    bodies = match_institutions(base, name)
    people, person_suggestions = match_people(base, name, period)
    groups, group_suggestions = match_groups(base, name)
    person_best = _best(base.person_names.rank(name))
    group_best = _best(base.group_names.rank(name))
    if bodies and not (people and person_best >= CONFIDENT):
        people, groups = [], []
    if people and groups and people[0][1] is None:
        if person_best > group_best:
            groups = []
        elif group_best > person_best:
            people = []
    elif groups and people:
        group_words = {word for group in groups for alias in (group.name, *group.aliases) for word in tokens(alias)}
        asked = {word for word in content_words(name) if not is_side_word(base, word)}
        if asked - group_words:
            groups = []
        else:
            people = []
    profiles = []
    for person, _ in people[:WHOIS_PAGE]:
        said, events = base.quotes(person.id), base.events_with(person.id)
        profiles.append(PersonProfile(person, len(said), len(events), _articles([*said, *events])))
    institution_profiles = []
    for body in bodies if not people else []:
        said, events = base.quotes(body.id), base.events_with(body.id)
        claims = base.threats(named_by=body.id)
        institution_profiles.append(InstitutionProfile(body, len(said), len(events), len(claims),
                                                       _articles([*said, *events, *claims])))
    group_profiles = []
    for group in groups:
        claims, events = base.threats(group=group.id), base.events_with(group.id)
        group_profiles.append(GroupProfile(
            group, len(claims), len(events),
            tuple(sorted({claim.side for claim in claims if claim.how != "narration"})),
            _articles([*claims, *events])))
    suggestions = () if profiles or group_profiles or institution_profiles else tuple(
        dict.fromkeys((*person_suggestions, *group_suggestions)))
    return WhoisAnswer(query=name, people=tuple(profiles), groups=tuple(group_profiles), suggestions=suggestions,
                       institutions=tuple(institution_profiles), people_total=len(people))


def sources(base: FactBase) -> SourcesAnswer:
    """Every article, oldest first."""
    return SourcesAnswer(sources=base.sources)


def search(base: FactBase, text: str, limit: int = 5) -> tuple[SentenceHit, ...]:
    """The article sentences that best match ``text`` (BM25), for questions no command fits."""
    return tuple(SentenceHit(article, sentence, offset, score)
                 for article, sentence, offset, score in base.sentences(text, limit))
