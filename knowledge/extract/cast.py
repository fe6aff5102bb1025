"""Who an article talks about: known people and groups by any alias, and new names.

``find_cast(text, directory)`` walks the article once and returns every mention of a person
(a name, a surname after the full name, a title plus name) and of a group, in order, with the
person or group it denotes. New people are given a proposed id and whatever the article says
of their role and side. Role references ("the top Iranian diplomat") and pronouns are resolved
later, by the attribution step, against the people mentioned so far.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from knowledge.dates import MONTHS, WEEKDAYS
from knowledge.extract.sources import (
    BASES,
    PAST_CUES,
    SOURCE_HEADS,
    SPEECH,
    SPEECH_VERBS,
    SUBORDINATORS,
    TIME_ADVERBIAL,
    inflected,
)
from knowledge.extract.world import EMPTY_WORLD, World
from knowledge.models import (
    GroupEntry,
    GroupsFile,
    InstitutionEntry,
    InstitutionsFile,
    NewGroupWords,
    PeopleFile,
    PersonEntry,
    SideEntry,
    SidesFile,
)
from knowledge.names import normalize


@dataclass(frozen=True)
class Directory:
    """What the curated base already holds: people, groups, sides and institutions."""

    people: tuple[PersonEntry, ...] = ()
    groups: tuple[GroupEntry, ...] = ()
    sides: tuple[SideEntry, ...] = ()
    institutions: tuple[InstitutionEntry, ...] = ()
    places: tuple[str, ...] = ()
    group_words: NewGroupWords = field(default_factory=NewGroupWords)

    @cached_property
    def world(self) -> World:
        """Side words, institutions and places as the extractor matches them."""
        return World.of(self.sides, self.institutions, self.places)

    @cached_property
    def institution_names(self) -> tuple[dict[str, str], re.Pattern[str] | None]:
        """Every name of a known institution (normalised) to its id, and a pattern finding them:
        its name and aliases, and its generic names beside a word of its side."""
        names: dict[str, str] = {}
        for entry in self.institutions:
            for name in (entry.name, *entry.aliases):
                names.setdefault(name, entry.id)
            side = next((s for s in self.sides if s.id == entry.side), None)
            for word in (side.name, *side.demonyms, *side.metonyms) if side else ():
                for generic in entry.generic:
                    for form in (f"{word} {generic}", f"{word}’s {generic}", f"{word}'s {generic}"):
                        names.setdefault(form, entry.id)
                        names.setdefault(" ".join(part.capitalize() if part.islower() and len(part) > 3 else part
                                                  for part in form.split()), entry.id)
        return {normalize(name): ref for name, ref in reversed(names.items())}, _alias_pattern(names)

    @classmethod
    def load(cls, knowledge: Path) -> Directory:
        """Read people, groups, sides, institutions and places from the curated folder (missing files: empty)."""

        def read(name: str) -> dict[str, Any]:
            path = knowledge / name
            return tomllib.loads(path.read_text("utf-8")) if path.exists() else {}

        groups = GroupsFile.model_validate(read("groups.toml"))
        return cls(tuple(PeopleFile.model_validate(read("people.toml")).person),
                   tuple(groups.group),
                   tuple(SidesFile.model_validate(read("sides.toml")).side),
                   tuple(InstitutionsFile.model_validate(read("institutions.toml")).institution),
                   tuple(PlacesFile.model_validate(read("places.toml")).names),
                   groups.new_group_words)

    @cached_property
    def new_group(self) -> re.Pattern[str]:
        """A pattern for the name of a group the base may not hold: one opened by a curated group
        word and its transliterated parts ("Lashkar-e-Jhangvi"), or a news-English group name
        ("the Free Syrian Army", "the Mahdi group")."""
        words = "|".join(re.escape(word) for word in sorted(
            {*self.group_words.militant, *self.group_words.other}, key=len, reverse=True))
        opened = rf"(?:{words})(?:[-\s](?:al|ul|e|el|i|[A-Z][a-zA-Z]+)){{1,3}}|" if words else ""
        return re.compile(rf"\b(?:{opened}(?:[A-Z][a-z]+\s+){{1,4}}(?:Army|Front|Movement|Brigade|Brigades)"
                          rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+group)\b")

    def new_group_kind(self, name: str, world: World) -> str:
        """The kind proposed for a new group: a militant group when a curated militant word opens
        its name or it names no side, else an organisation."""
        militant = any(re.match(rf"{re.escape(word)}\b", name) for word in self.group_words.militant)
        return "militant group" if militant or world.side_of(name) is None else "organisation"


class PlacesFile(BaseModel):
    """``knowledge/places.toml``: place, region and community names that are not sides."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    names: list[str] = Field(default_factory=list)


@dataclass
class Figure:
    """A person of the article: ``known`` when the base holds them, else proposed as new."""

    id: str
    name: str
    side: str | None
    titles: list[str] = field(default_factory=list)
    known: bool = False
    side_implied: bool = False
    institution: str | None = None
    called: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """Characters ``start``..``end`` name ``figure`` (a person id) or ``group`` (a group id)."""

    start: int
    end: int
    figure: str | None = None
    group: str | None = None


@dataclass
class Cast:
    """Everyone and every group an article mentions, and where."""

    figures: dict[str, Figure]
    mentions: list[Mention]
    new_groups: dict[str, str]
    new_group_kinds: dict[str, str]
    group_kinds: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, list[str]] = field(default_factory=dict)
    world: World = field(default_factory=lambda: EMPTY_WORLD)

    def people_before(self, offset: int, institutions: bool = False) -> list[Figure]:
        """People (and with ``institutions`` institutions too) mentioned before ``offset``, most
        recent first, each once."""
        seen: dict[str, Figure] = {}
        for mention in reversed(self.mentions):
            if mention.end <= offset and mention.figure and mention.figure not in seen \
                    and (institutions or not self.figures[mention.figure].institution):
                seen[mention.figure] = self.figures[mention.figure]
        return list(seen.values())

    def people_after(self, offset: int) -> list[Figure]:
        """People first mentioned after ``offset`` (a headline's role names someone named below)."""
        seen: dict[str, Figure] = {}
        for mention in self.mentions:
            if mention.start >= offset and mention.figure and mention.figure not in seen \
                    and not self.figures[mention.figure].institution:
                seen[mention.figure] = self.figures[mention.figure]
        return list(seen.values())


_HELD_TITLES = (r"chief|spokesperson|spokesman|spokeswoman|envoy|ambassador|minister|president|secretary|adviser|"
                 r"advisor|commander|governor|senator|leader|chairman|director|mayor")
_RANKS = (r"(?:\d+(?:st|nd|rd|th)\s+)?(?:(?:Lt|Maj)\.?\s+Gen\.|Gen\.|Lt\.|Maj\.|Col\.|Capt\.|Sgt\.|Cpl\.|Pvt\.|"
          r"Adm\.|Brig\.|Cmdr\.)|General|Colonel|Lieutenant|Captain|Sergeant|Corporal|Admiral|Brigadier|Commander")
"""Military ranks written before a name ("Lt. Gen. X", "1st Lt. X", "Colonel X")."""
_JOBS = """counterpart nominee candidate diplomat official analyst lawmaker activist lawyer aide pollster strategist
    historian economist professor consultant attorney columnist anchor host member chief_executive executive manager
    editor publisher producer founder co-founder organiser organizer coordinator treasurer commissioner
    superintendent researcher scientist reporter correspondent journalist officer veteran rapper singer actor actress
    comedian author writer novelist filmmaker businessman businesswoman"""
_JOB_TITLES = "|".join(f"[{job[0]}{job[0].upper()}]{job[1:]}".replace("_", r"\s+") for job in _JOBS.split())
"""Job titles written in lower case before a name ("journalist X"), or capitalised opening a sentence."""
_TITLE_HEADS = (
    r"(?:Prime\s+Minister|President|Vice\s+President|Minister(?:\s+(?:of|for)\s+[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)?"
    r"|Secretary(?:[-\s]General|\s+of\s+State)?|Ambassador(?:\s+to\s+[A-Z][a-z]+)?|Envoy|Spokesperson|Spokesman|Spokeswoman"
    r"|" + _RANKS + r"|Governor|Senator|Chief"
    r"|Speaker|Chairman|Leader|Rep\.|Sen\.|Gov\.|PM|Adviser|Advisor|Director|Ayatollah|Sheikh|Mr\.|Mrs\.|Ms\.|Dr\.|Minister"
    r"|Representative|Attorney\s+General|Judge|Justice|Professor|Prof\.|Rev\.|Mayor|Sheriff|Rabbi|Imam|Bishop|Cardinal"
    r"|Pastor|Sir|Dame|Lord|Lady|Chancellor|CEO|COO|CFO|Chief\s+Executive|Founder|Co-founder|Chairwoman"
    r"|" + _HELD_TITLES + r"|" + _JOB_TITLES + r")"
)
_TITLE = re.compile(
    rf"(?:[A-Z][a-z]+[’']s\s+)?(?:(?:new|former|top|visiting|acting|then|special)\s+)?(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){{0,5}}?{_TITLE_HEADS}"
    r"(?:\s+(?:for|of|to|on|in)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,3}\s*,|(?:\s*,)?)\s+$"
)
_NAME_WORD = (r"(?![^\W\d_]+[’'](?:t|ll|re|ve|d|m)\b)"
              r"(?:[A-ZÀ-ÖØ-Þ][’'][A-Z][^\W\d_]+|[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:-[^\W\d_]+)*|al-[A-Z][a-z]+|ul-[A-Z][a-z]+)")
"""A word of a name; not one a contraction ends ("Don’t", "Won’t")."""
_CAPITALISED_RUN = re.compile(rf"{_NAME_WORD}(?:[’']s)?(?:[ \t]+(?:[A-Z]\.[ \t]+)*{_NAME_WORD}(?:[’']s)?)*")
_NOT_NAMES = frozenset(
    """the a an in on at to of for from by with and or but as if he she it they we i you his her its their our
    like unlike despite amid among against since until through throughout into onto upon via than nor
    outside inside within without beyond behind beneath toward towards across along around above below
    this that these those there here both many some several all each every any no not most more meanwhile earlier
    later after before during following eventually according also however while when where what who which home
    why how former other neither either
    diplomacy background meetings border news agency press photo read leave reply please enter comment name
    nations council security national supreme ministry minister foreign
    interior prime deputy president secretary army league organisation organization cooperation economic
    conference liberation front movement group party east west middle north south
    government parliament senate assembly office embassy police forces military navy air force guard guards
    revolutionary corps ministerial summit talks statement gen lt col maj brig
    adm mr mrs ms dr sen gov capt sgt information defence defense finance commerce trade health education
    energy planning communications justice law culture affairs consul general
    provincial home roads leader majority minority rep democrat democratic republican senator governor
    chairman congressman congresswoman speaker house representative judge justice professor prof rev mayor sheriff
    rabbi imam bishop cardinal pastor sir dame lord lady envoy ambassador spokesman spokeswoman spokesperson
    commander adviser advisor director chief admiral colonel captain sergeant state ceo coo cfo chancellor
    then now still yet thus perhaps even only just instead indeed chair staff
    one two three four five six seven eight nine ten given says continued""".split()  # noqa: SIM905
) | set(MONTHS) | set(WEEKDAYS) | SUBORDINATORS
SAYING = "|".join(dict.fromkeys(
    [form for form in inflected(SPEECH + " describe stress emphasize emphasise")
     if not form.split("\\")[0].endswith("ing") and form.split("\\")[0] not in BASES]
    + [form for form in SPEECH_VERBS.split("|") if form not in BASES]))
SPEECH_VERB_AFTER_NAME = re.compile(rf",?\s+(?:also\s+|later\s+|further\s+|once\s+|has\s+|had\s+|would\s+|himself\s+|"
                                    rf"herself\s+)?"
                                    rf"(?:{SAYING})\b")


_HEADLINE_WORDS = 20
_RANK_AFTER = re.compile(rf"\s+(?:{_RANKS}|Major|Private|Specialist|Chief|veteran)\s+[A-Z]")
"""A rank after words that look like a group's name ("Army Col. X", "Army veteran X"): a title, not a group."""
_HONORIFIC = re.compile(r"\b(Mr\.|Mrs\.|Ms\.|Miss)\s+$")
_SURNAME_ALONE = 2
_SUBORDINATE = re.compile(r"(?i)\b(?:deputy|vice|spokes\w+|official|aide|advis[eo]r|secretary|director)\b")


def implied_side(titles: list[str], text: str, named_before: list[Figure], world: World) -> str | None:
    """The side of a person whose title names none: an institution of one side ("Foreign Office"
    spokesperson, when the article speaks of Pakistan), or, for a deputy, spokesperson or official,
    the one side of every person and institution with a side named before them."""
    words = " ".join(titles)
    side = world.institution_side(words, text)
    if side:
        return side
    if _SUBORDINATE.search(words):
        sides = {figure.side for figure in named_before if figure.side}
        if len(sides) == 1:
            return sides.pop()
    return None


def slug(name: str) -> str:
    """A proposed id for a new name: 'Mohsin Naqvi' -> 'mohsin-naqvi'."""
    return normalize(name).replace(" ", "-")


def _alias_pattern(names: dict[str, str]) -> re.Pattern[str] | None:
    if not names:
        return None
    escaped = (re.escape(name).replace("\\-", "[-\\s]?") for name in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + "|".join(escaped) + r")(?:[’']s)?(?![\w-])")


def _known_names(entries: tuple[PersonEntry, ...] | tuple[GroupEntry, ...],
                 not_names: frozenset[str]) -> dict[str, str]:
    """Every name and alias to its id; for people also the surname, when no one else shares it."""
    names: dict[str, str] = {}
    for entry in entries:
        for name in (entry.name, *entry.aliases):
            if len(name) >= 2 and name.lower() not in {"he", "she", "it", "fm"}:
                names.setdefault(name, entry.id)
    surnames: dict[str, set[str]] = {}
    for entry in entries:
        if isinstance(entry, PersonEntry):
            for name in (entry.name, *entry.aliases):
                surnames.setdefault(name.split()[-1], set()).add(entry.id)
    for surname, refs in surnames.items():
        if len(refs) == 1 and len(surname) > 2 and surname.lower() not in not_names:
            names.setdefault(surname, next(iter(refs)))
    return names


def _another_first_name(text: str, start: int, people: tuple[PersonEntry, ...], ref: str,
                        not_names: frozenset[str]) -> bool:
    """True when a known surname follows a first name that is not that person's ("Tahir Qureshi"
    is not Shah Mahmood Qureshi)."""
    before = re.search(r"(?<![\w.’'-])([A-Z][a-z]+)[ \t]+$", text[max(0, start - 30) : start])
    if before is None or before.group(1).lower() in not_names:
        return False
    person = next(entry for entry in people if entry.id == ref)
    own = {word for name in (person.name, *person.aliases) for word in name.split()}
    return before.group(1) not in own and not _TITLE.search(text[max(0, start - 80) : start])


def _lookup(names: dict[str, str], found: str) -> str:
    bare = re.sub(r"[’']s$", "", found)
    for name, ref in names.items():
        if normalize(name) == normalize(bare):
            return ref
    return names[bare]


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def title_before(text: str, start: int) -> str | None:
    """The title written just before a name at ``start`` on its line ("Interior Minister",
    "presidential candidate"), if any."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 80) : start]
    match = _TITLE.search(window)
    return match.group().strip().rstrip(",").strip() if match else None


def _name_runs(text: str, lowercase_words: set[str], not_names: frozenset[str]) -> list[tuple[int, str]]:
    """Runs of capitalised words that may be names, split at words that are not names; a
    generational "Jr." or "Sr." ends a name with its full stop."""
    runs: list[tuple[int, str]] = []
    for match in _CAPITALISED_RUN.finditer(text):
        current: list[tuple[int, str]] = []
        for word in re.finditer(r"\S+", match.group()):
            bare = re.sub(r"[’']s$", "", word.group())
            if bare.lower() in not_names or bare.lower() in lowercase_words:
                if current:
                    runs.append(_joined(match.start(), current))
                current = []
                continue
            current.append((word.start(), bare))
            if bare != word.group():
                runs.append(_joined(match.start(), current))
                current = []
        if current:
            runs.append(_joined(match.start(), current))
    return [(start, name + ".") if name.endswith((" Jr", " Sr")) and text.startswith(".", start + len(name))
            else (start, name) for start, name in runs]


def _acronym_institution(text: str, acronym: str, figures: dict[str, Figure], abbreviations: dict[str, list[str]],
                         mentions: list[Mention], taken: list[tuple[int, int]]) -> str:
    """The institution an acronym that speaks stands for ("the ISPR said"): named by the words the
    article spells it out with ("Inter-Services Public Relations (ISPR)"), which then name it too,
    else by the acronym."""
    spelled = re.search(rf"((?:[A-Z][\w’'-]*[ \t]+(?:(?:of|for|and|the)[ \t]+)?){{1,6}})\({re.escape(acronym)}\)", text)
    name = spelled[1].strip() if spelled else acronym
    ref = slug(name)
    if ref not in figures:
        figures[ref] = Figure(ref, name, None, [], institution=institution_kind(name))
        if spelled:
            abbreviations.setdefault(ref, []).append(acronym)
            if _free(taken, spelled.start(), spelled.start() + len(name)):
                mentions.append(Mention(spelled.start(), spelled.start() + len(name), figure=ref))
                taken.append((spelled.start(), spelled.start() + len(name)))
    return ref


def _with_surname_from(places: frozenset[str], world: World, text: str, start: int, name: str) -> tuple[int, str]:
    """A name that a place or community word ends ("Mumtaz Zahra Baloch"), when the whole is
    titled or reads as a person's name; the run as found otherwise."""
    after = re.match(r"[ \t]+([A-Z][^\W\d_]+)(?![\w’'-]|[ \t]+[A-Z])", text[start + len(name) :])
    if after is None or after[1].lower() not in places:
        return start, name
    whole, end = f"{name} {after[1]}", start + len(name) + after.end()
    title = title_before(text, start)
    return (start, whole) if title or _looks_like_person(text, start, end, False, title, world) else (start, name)


def _joined(offset: int, words: list[tuple[int, str]]) -> tuple[int, str]:
    first, last = words[0], words[-1]
    return offset + first[0], " ".join(word for _, word in words) if len(words) == 1 else \
        words[0][1] + " " + " ".join(word for _, word in words[1:]) if last[0] - first[0] == sum(
            len(word) + 1 for _, word in words[:-1]) else words[0][1]


INSTITUTION_HEADS = (
    "Department|Ministry|Office|Agency|Committee|Commission|Council|Campaign|Foundation|Institute|Center|Centre|"
    "Bureau|Service|Guards|Corps|Police|Court|Party|Administration|Embassy|Secretariat|Authority|Board|"
    "Association|Union|Organi[sz]ation|Times|Post|Journal|Tribune|Herald|Network|Institution|University|Museum|"
    "Coalition|Federation|Society|Fund"
)
_NAMED_HEADS = "News|Magazine|Research"
"""Heads that make an institution only after a name of their own ("Breitbart News", "Pew Research")."""
_NEW_INSTITUTION = re.compile(
    rf"(?<![\w’'-])(?:The\s+)?(?P<name>(?:(?:[A-Z][\w&’'.-]*(?<![a-z]{{3}}\.)[ \t]+){{0,4}}(?:{INSTITUTION_HEADS})"
    rf"|(?:[A-Z][\w&’'.-]*(?<![a-z]{{3}}\.)[ \t]+){{1,4}}(?:{_NAMED_HEADS}))"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,3})?|White\s+House|Pentagon|Kremlin)"
    r"(?![\w-])"
)
_OUTLET_WORD = r"[A-Z][\w&.-]*(?<![a-z]{3}\.)"
_OUTLET = re.compile(rf"(?P<name>{_OUTLET_WORD}(?:\s+{_OUTLET_WORD}){{0,2}})\s+reported\b"
                     rf"|\breported\s+(?P<after>{_OUTLET_WORD}(?:\s+{_OUTLET_WORD}){{0,2}})")
_TITLE_OF = re.compile(r"(?:spokes\w+|official|officials|minister|secretary|head|chief|director|member|members|"
                       r"aide|adviser|advisor|chairman|chair|president)\s+(?:of|for|at|to)\s+(?:the\s+)?$", re.I)
_AS_TITLE = re.compile(r"[’']s\b|\s+(?:spokes\w+|official|officials|minister|secretary|chief|head|director|"
                       r"member|aide|adviser|advisor|chairman|chair|[A-Z][a-z])")


def institution_kind(name: str) -> str:
    """A new institution's kind, read from its head word ("State Department" -> "department")."""
    head = re.search(rf"\b(?:{INSTITUTION_HEADS}|{_NAMED_HEADS}|White House|Pentagon|Kremlin)\b", name)
    word = head.group().lower() if head else "organisation"
    return "news outlet" if word in {"times", "post", "journal", "tribune", "herald", "network", "news", "magazine"} \
        else word


_OPENER = re.compile(r"(?:As|And|But|So|Both|Given|When|While|If|Because|Though|Although|Since|After|Before|"
                     r"Like|Unlike|Until|Once)\s+")
"""A word that opens a sentence before a new institution's name ("As Breitbart News reported")."""
_OPENING_WORD = re.compile(rf"{_OPENER.pattern}(?:The\s+)?(?=[A-Z])")


def _institution_mentions(text: str, directory: Directory, taken: list[tuple[int, int]],
                          figures: dict[str, Figure], mentions: list[Mention], not_names: frozenset[str]) -> None:
    """Known institutions by alias (or generic name beside their side), then new ones by form."""
    for entry in directory.institutions:
        figures[entry.id] = Figure(entry.id, entry.name, directory.world.side_of(entry.side) or entry.side, [], True,
                                   institution=entry.kind)
    names, pattern = directory.institution_names
    found: list[tuple[int, int, str]] = []
    for match in pattern.finditer(text) if pattern else ():
        bare = re.sub(r"[’']s$", "", match.group())
        found.append((match.start(), match.start() + len(bare), names[normalize(bare)]))
    for match in _NEW_INSTITUTION.finditer(text):
        name = match["name"]
        if _TITLE_OF.search(text, max(0, match.start() - 40), match.start()) or _AS_TITLE.match(text, match.end()):
            continue
        found.append((match.start("name"), match.end("name"), ""))
    for match in _OUTLET.finditer(text):
        key = "name" if match["name"] else "after"
        name = match[key]
        opener = _OPENER.match(name)
        if opener and " " in name:
            name = name[opener.end() :]
        if name.split()[0] in {"He", "She", "It", "They", "The", "Which", "Who"} or name.lower() in not_names:
            continue
        found.append((match.end(key) - len(name), match.end(key), ""))
    new: list[str] = []
    for start, end, ref in sorted(found, key=lambda place: (not place[2], place[0])):
        opening = _OPENING_WORD.match(text, start, end) if not ref else None
        start += opening.end() - start if opening else 0
        if not _free(taken, start, end):
            continue
        if not ref:
            written = text[start:end]
            name = re.sub(rf"^(?:{directory.world.side_pattern})[’']s\s+", "", written)
            ref = next((earlier for earlier in new if figures[earlier].name.endswith(" " + name)), slug(name))
            if ref in figures and not figures[ref].institution:
                continue
            figure = figures.setdefault(ref, Figure(ref, name, directory.world.side_of(written), [],
                                                    institution=institution_kind(name)))
            if name != figure.name and name not in figure.called:
                figure.called.append(name)
            new.append(ref)
        mentions.append(Mention(start, end, figure=ref))
        taken.append((start, end))


_AFTER_VERB = re.compile(rf"(?:\b(?:{SAYING}|[Aa]ccording\s+to)(?:[^\S\n]+(?!(?:after|before|with|during|while|"
                         rf"when|meeting)\b)(?:(?:[A-Z][a-z]{{0,3}}\.)+|[\w/’'-]+)){{0,3}}|―|\n[^\S\n]*[-—–]+)[^\S\n]*$")
_AFFILIATION = re.compile(
    rf"\s*(?:\([A-Z]-[A-Z][\w.]*\)|,\s+[A-Z]-[A-Z][\w.]*,|,\s+[^,«»“”\n]{{1,120}},\s+(?:{SAYING})\b"
    rf"|\s+(?:--|—|–)\s+[^«»“”—–\n]{{1,160}}?\s+(?:--|—|–)\s+(?:{SAYING})\b"
    rf"|\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][^,«»“”\n]{{1,60}}?,?\s+(?:also\s+)?(?:{SAYING})\b)")


_PERSONAL_APPOSITION = re.compile(
    r",\s+(?:\d{1,3}(?:,|\s+years?\b)|(?:[\w’'-]+\s+){0,3}?(?:co-)?(?:director|president|chairman|chairwoman|chair|founder|"
    r"head|chief|professor|fellow|member|spokes(?:man|woman|person)|analyst|economist|lawyer|attorney|strategist|"
    r"advis[eo]r|aide|official|executive|editor|author|researcher|scientist|manager|organi[sz]er|activist|leader|"
    r"secretary|minister|candidate|senator|governor|mayor|owner|resident|student|teacher|veteran|retiree|worker|"
    r"officer|commander|ambassador|envoy|partner|consultant|pollster|historian|lecturer|associate|critic|"
    r"correspondent|journalist|writer|coordinator|deputy|vice)\b)")


_APPOSED_TITLE = re.compile(
    rf",\s+(?:the\s+|an?\s+)?(?P<title>(?:[\w’'-]+\s+){{0,4}}?(?:{_HELD_TITLES})"
    r"(?:\s+(?:of|for|to|at)\s+(?:the\s+)?[^,.;«»“”\n]{1,50}?)?)\s*[,.]")
_OPEN_APPOSITION = re.compile(r",\s+(?:the|an?|[a-z][\w-]*)\s+[^,.;:!?«»“”\n]*$")
_CROWDS = frozenset("""troops soldiers militants gunmen fighters rebels insurgents forces attackers assailants
    protesters demonstrators villagers tribesmen civilians refugees migrants pilgrims crowds hundreds thousands
    dozens scores families children women men survivors rescuers firefighters guards""".split())  # noqa: SIM905
_ACTED = re.compile(rf"\s+(?:also\s+|later\s+|once\s+)?(?:{PAST_CUES})\b")
_SENTENCE_SUBJECT = re.compile(r"(?:\n|[.!?][”’\"']?\s|\s[—–―-])[ \t]*$")


def _opens_a_sentence(text: str, start: int) -> bool:
    """True when ``start`` opens a line, a sentence, or what follows a dash ("EARLY - X and Y: …")."""
    return start == 0 or _SENTENCE_SUBJECT.search(text, max(0, start - 4), start) is not None


_INTRODUCED_SUBJECT = re.compile(r"(?:^|\n|[.!?][”’\"']?\s)[ \t]*[A-Z][^,.;:!?\n«»“”\"]{2,60},\s+$")
_FINITE_AFTER = re.compile(r",?\s+(?:(?:" + TIME_ADVERBIAL + r"|earlier|later|again|also|then|now|too),?\s+)?"
                           r"(?:[a-z]+ly\s+)?"
                           r"(?:[a-z]+ed|has|had|is|was|will|would|did|does|can|could|may|might|must|took|threw|"
                           r"made|gave|went|came|won|lost|ran|met|got|put|set|began|became|left|sent|spent|kept|spoke|told|wrote|"
                           r"thought|saw|found|felt|knew|held|led|brought|stood|sat|fell|rose|drew|grew|heard|"
                           r"paid|sought|taught|wore|broke|chose|struck|fought|hid|shook|built|meant|read)\b")


_OWNER_OF_NAME = re.compile(r"[’']s\s+[A-Z]")
_ADVERB_AFTER = re.compile(r"\s+[a-z]+ly(?=\s)")
_COLON_QUOTE_AFTER = re.compile(r"\s*:\s*[“\"‘']")
_NO_LONE_PERSON = SOURCE_HEADS | _CROWDS


def _looks_like_person(text: str, start: int, end: int, single: bool, title: str | None, world: World) -> bool:
    """A new name is a person when titled, followed by a speech verb, the subject of a sentence
    it opens ("X threw her support behind …"), or (two words or more) introduced in apposition
    ("X, who …"; "X, 75,"; "X, executive director of"; "X who tweeted") or after "with", "met", "and",
    "by", "named"."""
    if _OWNER_OF_NAME.match(text, end):
        return False
    if title:
        return True
    if _THE_BEFORE.search(text, max(0, start - 4), start):
        return False
    adverb = _ADVERB_AFTER.match(text, end)
    said = SPEECH_VERB_AFTER_NAME.match(text, end) or adverb and SPEECH_VERB_AFTER_NAME.match(text, adverb.end())
    if said and not (single and said.group().startswith(",") and (_OPEN_APPOSITION.search(
            text, max(0, start - 120), start) or _AFTER_PREPOSITION.search(text, max(0, start - 8), start))):
        return True
    if _AFFILIATION.match(text, end) or _AFTER_VERB.search(text[max(0, start - 40) : start]):
        return True
    if _opens_a_sentence(text, start) and _FINITE_AFTER.match(text, end) \
            and not (single and (text[start:end].lower() in _NO_LONE_PERSON or text[start:end].isupper()
                                 or len(re.findall(rf"\b{re.escape(text[start:end])}\b", text)) < 2)):
        return True
    if _ACTED.match(text, end) and not (single and text[start:end].isupper()):
        return True
    if single:
        capital = _CAPITAL_BEFORE.search(text, max(0, start - 40), start)
        return bool(_WHO_AFTER.match(text, end)) and not text[start:end].isupper() and \
            not _WORD_BEFORE_PLACE.search(text, max(0, start - 12), start) and \
            not (capital and not _opens_a_sentence(text, capital.start()))
    if _INTRODUCED_SUBJECT.search(text[max(0, start - 80) : start]) and _FINITE_AFTER.match(text, end):
        return True
    if _WHO_DID.match(text, end):
        return True
    if _AFTER_PREPOSITION.search(text, max(0, start - 8), start):
        return False
    return bool(re.compile(r"\s*,\s+(?:who|the|an?|one|" + world.side_pattern + r")\b").match(text, end)
                or _PERSONAL_APPOSITION.match(text, end) or _COLON_QUOTE_AFTER.match(text, end)
                or re.search(r"\b(?:with|met|and|by|named)\s+$", text[max(0, start - 7) : start]))


_SAID_BEFORE = re.compile(r"\b(?:said|says)\s+$")
_WHO_AFTER = re.compile(r",\s+who\b")
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")
_PLACE_PREPOSITIONS = "of|in|at|from|to|near|on|into|across|outside|inside|around|through"
_AFTER_PREPOSITION = re.compile(rf"\b(?:{_PLACE_PREPOSITIONS})\s+$")
_WORD_BEFORE_PLACE = re.compile(rf"(?:\b(?:{_PLACE_PREPOSITIONS}|for|the|and)|[’']s)\s+$")
_WHO_DID = re.compile(r"\s+who\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")
_THE_BEFORE = re.compile(r"\bthe\s+$")
_IN_A_PLACE = re.compile(r"\b(?:in|across|throughout|outside|inside)\s+(?:the\s+)?$")
_ATTRIBUTIVE = re.compile(r"[’']s\b|[^\S\n]+(?!(?:on|at|and|or|to|for|with|from|by|in|of|last|this|next|since|during|"
                          r"before|after|where|when|is|was|has|had|are|were|that|which|who|as|but)\b)[a-z]")


def _placed(name: str, placed: set[str], text: str, start: int) -> bool:
    """True when ``name``, untitled here and saying nothing, is elsewhere in the article a place
    something happens in ("in Florida"), so that "Florida is a swing state" makes no person."""
    return name in placed and not title_before(text, start) and not SPEECH_VERB_AFTER_NAME.match(
        text, start + len(name))


def _titled_first_names(text: str, people: tuple[PersonEntry, ...], not_names: frozenset[str],
                        taken: list[tuple[int, int]], figures: dict[str, Figure], mentions: list[Mention]) -> None:
    """A title before a known person's first name ("PM Imran") names that person, when no other
    known person shares the first name."""
    firsts: dict[str, set[str]] = {}
    for entry in people:
        words = entry.name.split()
        if len(words) > 1:
            firsts.setdefault(words[0], set()).add(entry.id)
    unique = {name: next(iter(refs)) for name, refs in firsts.items()
              if len(refs) == 1 and len(name) > 2 and name.lower() not in not_names}
    pattern = _alias_pattern(unique)
    for match in pattern.finditer(text) if pattern else ():
        end = match.start() + len(re.sub(r"[’']s$", "", match.group()))
        if _free(taken, match.start(), end) and title_before(text, match.start()) and \
                not re.match(r"[ \t]+[A-Z]", text[end:]):
            ref = unique[re.sub(r"[’']s$", "", match.group())]
            mentions.append(Mention(match.start(), end, figure=ref))
            taken.append((match.start(), end))


_ABBREVIATION = re.compile(r"[ \t]*\((?P<short>[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\)")


def _abbreviations(text: str, mentions: list[Mention], taken: list[tuple[int, int]],
                   figures: dict[str, Figure]) -> dict[str, list[str]]:
    """An abbreviation in brackets after a group or institution ("Tehreek-e-Taliban Pakistan (TTP)")
    names it wherever the article uses it; each one's abbreviations, by group or institution id."""
    found: dict[str, list[str]] = {}
    tried: set[tuple[str, str]] = set()
    for mention in list(mentions):
        match = _ABBREVIATION.match(text, mention.end)
        ref = mention.group or (mention.figure if mention.figure and figures[mention.figure].institution else None)
        short = match["short"] if match else _initials(text[mention.start : mention.end])
        if short is None or ref is None or short in found.get(ref, []) or match is None and (ref, short) in tried:
            continue
        tried.add((ref, short))
        uses = [use for use in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text)
                if _free(taken, use.start(), use.end())]
        if match is None and not uses:
            continue
        found.setdefault(ref, []).append(short)
        for use in uses:
            mentions.append(Mention(use.start(), use.end(), figure=mention.figure, group=mention.group))
            taken.append((use.start(), use.end()))
    return found


def _initials(name: str) -> str | None:
    """The acronym a name of three words or more is known by ("Democratic National Committee":
    "DNC"; "Federal Bureau of Investigation": "FBI"), if its words are capitalised."""
    words = [word for word in re.split(r"[\s-]+", name) if word not in {"of", "for", "and", "the", "on", "e", "i"}]
    if len(words) < 3 or not all(word[:1].isupper() for word in words):
        return None
    return "".join(word[0] for word in words)


_AND_TITLED = re.compile(r"\s+and\s+(?P<title>(?:[A-Z][\w.’'-]*\s+){0,3})")


def _coordinated_subjects(text: str, runs: list[tuple[int, str]], persons: set[str],
                          taken: list[tuple[int, int]]) -> set[str]:
    """Full names opening a sentence joined by "and" to a person ("Jeb Bush and Hillary Clinton
    reject …"): two people are its subject."""
    found = set()
    for (start, name), (after, other) in zip(runs, runs[1:], strict=False):
        joined = _AND_TITLED.fullmatch(text, start + len(name), after)
        if joined and (not joined["title"] or title_before(text, after)) and other in persons \
                and _opens_a_sentence(text, start) \
                and " " in name and _free(taken, start, start + len(name)):
            found.add(name)
    return found


def _headline_end(text: str) -> int | None:
    """Where the headline ends: the article's first line, when it is one of a few words."""
    end = text.find("\n")
    return end if end >= 0 and len(text[:end].split()) <= _HEADLINE_WORDS else None


def _headline_runs_by_body(text: str, runs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A capitalised run of a title-cased headline (the article's first line, of a few words, none
    of four letters or more in lower case) that the body never prints but that begins and ends
    with names the body prints ("ESPN Fires Schilling" above "ESPN" and "Schilling"), begins or
    ends with a full name it prints ("Lawmakers Rip Donald Trump" above "Donald Trump"), or ends
    with the surname of another full name it prints ("Mom Corners Obama" above "Barack Obama"), is
    only those names: title case capitalised the verb by them. A full name the body only shortens
    ("Sara Malik" above "Malik") stays whole. In a headline in sentence case, a run of three words
    or more that ends with the surname of a full name of the body, and shares no other word with
    it, is that person ("Liberal Oscar-winner Sarandon" above "Susan Sarandon")."""
    end = _headline_end(text)
    if end is None:
        return runs
    title_cased = not re.search(r"(?<![\w’'-])[a-z][a-z]{3}", text[:end])
    below = {name for start, name in runs if start > end}
    surnames = {name.split()[-1] for name in below if " " in name}
    trimmed = []
    for start, name in runs:
        words = name.split()
        if start > end or name in below or len(words) < 2:
            trimmed.append((start, name))
            continue
        if not title_cased:
            bearers = [body.split() for body in below if " " in body and body.split()[-1] == words[-1]]
            alien = len(words) >= 3 and bearers and not any(set(words[:-1]) & set(bearer) for bearer in bearers)
            trimmed.append((start + len(name) - len(words[-1]), words[-1]) if alien else (start, name))
            continue
        head = next((cut for cut in range(len(words) - 1, 0, -1) if " ".join(words[:cut]) in below), 0)
        tail = next((cut for cut in range(head + 1, len(words)) if " ".join(words[cut:]) in below), len(words))
        both_ends = head and tail < len(words)
        one_word_only = head == 1 or tail == len(words) - 1 and words[-1] not in surnames
        if one_word_only and not both_ends:
            head, tail = 0, len(words)
        if head:
            trimmed.append((start, " ".join(words[:head])))
        if tail < len(words):
            piece = " ".join(words[tail:])
            trimmed.append((start + len(name) - len(piece), piece))
        if not head and tail == len(words):
            trimmed.append((start, name))
    return trimmed


def _headline_names(text: str, figures: dict[str, Figure], mentions: list[Mention],
                    taken: list[tuple[int, int]]) -> None:
    """Name the people of a headline (the article's first line, of a few words) by the body: a
    surname the body gives a full name ("Trump: ‘…’" above "Donald Trump said …") is that person,
    and a capitalised run of a title-cased headline that no one bears below ("Trump Addresses
    Munich Attack") is only the body person it opens with. A surname two people share names no one."""
    end = _headline_end(text)
    if end is None:
        return
    people: dict[str, set[str]] = {}
    for mention in mentions:
        figure = figures[mention.figure] if mention.figure else None
        if figure and mention.start > end and not figure.institution:
            for name in {figure.name, figure.name.split()[-1]}:
                people.setdefault(name, set()).add(figure.id)
    below = {mention.figure for mention in mentions if mention.start > end}
    longest_first = sorted(people, key=len, reverse=True)
    for mention in [m for m in mentions if m.start < end and m.figure and m.figure not in below]:
        opening = next((name for name in longest_first if len(people[name]) == 1
                        and text.startswith(name, mention.start)
                        and not text[mention.start + len(name) : mention.start + len(name) + 1].isalpha()), None)
        if opening:
            mentions.remove(mention)
            taken[:] = [span for span in taken if span[0] != mention.start]
            mentions.append(Mention(mention.start, mention.start + len(opening), figure=next(iter(people[opening]))))
            taken.append((mention.start, mention.start + len(opening)))
    for word in re.finditer(r"\b[A-Z][\w-]+", text[:end]):
        refs = people.get(word.group(), set())
        if len(refs) == 1 and _free(taken, word.start(), word.end()):
            mentions.append(Mention(word.start(), word.end(), figure=next(iter(refs))))
            taken.append((word.start(), word.end()))


def _honorifics_by_gender(text: str, figures: dict[str, Figure], mentions: list[Mention]) -> None:
    """Give a surname after "Mr." or "Mrs."/"Ms." to the right one of two people who share it
    ("Mrs. Clinton" beside Bill Clinton): in reading order, the one who already had that honorific,
    else the one named in full most recently who has not had the other."""
    by_surname: dict[str, list[str]] = {}
    for figure in figures.values():
        if not figure.institution and " " in figure.name:
            by_surname.setdefault(figure.name.split()[-1], []).append(figure.id)
    honoured: dict[str, str] = {}
    last_full: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        words = text[mention.start : mention.end]
        if mention.figure and " " in words:
            last_full[mention.figure] = mention.start
        honorific = _HONORIFIC.search(text, max(0, mention.start - 6), mention.start)
        sharing = by_surname.get(words, [])
        candidates = [ref for ref in sharing if ref in last_full]
        if honorific is None or len(sharing) < 2 or not candidates:
            continue
        wanted = "m" if honorific[1] == "Mr." else "f"
        fitting = sorted((ref for ref in candidates if honoured.get(ref, wanted) == wanted),
                         key=lambda ref: (honoured.get(ref) == wanted, last_full[ref]), reverse=True)
        if fitting:
            honoured[fitting[0]] = wanted
            mentions[index] = replace(mention, figure=fitting[0])


def _named_before_as(name: str, first_at: dict[str, int]) -> str:
    """The shorter full name a longer one ends with, when that one came first ("Hillary Clinton",
    then "Crooked Hillary Clinton"): the same person with a word put before the name."""
    words = name.split()
    for cut in range(1, len(words) - 1):
        tail = " ".join(words[cut:])
        if tail in first_at and first_at[tail] < first_at[name]:
            return tail
    return name


_COMPASS = frozenset({"east", "west", "north", "south"})


def _surnames_of_words(text: str, figures: dict[str, Figure], mentions: list[Mention], taken: list[tuple[int, int]],
                       words: frozenset[str]) -> None:
    """The surname alone of a person named in full whose surname is also a word of places or
    directions ("Steve Israel", then "“…,” Israel said"; "Marty West", then "West said"): that
    person wherever it stands beside a speech verb after the full name."""
    for figure in [f for f in figures.values() if " " in f.name and not f.institution]:
        surname = figure.name.split()[-1]
        first = next((m.start for m in mentions if m.figure == figure.id), None) if surname.lower() in words else None
        if first is None:
            continue
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text[first:]):
            start, end = first + match.start(), first + match.end()
            beside = SPEECH_VERB_AFTER_NAME.match(text, end) or _SAID_BEFORE.search(text, max(0, start - 12), start)
            if beside and _free(taken, start, end):
                mentions.append(Mention(start, end, figure=figure.id))
                taken.append((start, end))


_SHOWN_SURNAME = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\.[ \t]+([A-Z][a-z]+)\b|said[ \t]+([A-Z][a-z]+)(?=, who\b))")


def _surnames_shown(text: str) -> set[str]:
    """Words the article writes as surnames, lower-cased: after "Mr.", "Mrs.", "Ms." or "Dr." ("Mr.
    Singer") or as the one who "said X, who …" ("said Small, who attended"), even where the same
    word is also an ordinary one ("a singer", "small businesses")."""
    return {(match.group(1) or match.group(2)).lower() for match in _SHOWN_SURNAME.finditer(text)}


def find_cast(text: str, directory: Directory) -> Cast:
    """Every person and group mention in ``text``, resolved to known or newly proposed ids."""
    figures: dict[str, Figure] = {}
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    surnames_shown = _surnames_shown(text) - _NOT_NAMES
    lowercase_words = set(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", text)) - surnames_shown
    for entry in directory.people:
        figures[entry.id] = Figure(entry.id, entry.name, entry.side, [role.title for role in entry.roles], True)

    world = directory.world
    not_names = _NOT_NAMES | (world.not_names | SOURCE_HEADS) - surnames_shown
    _institution_mentions(text, directory, taken, figures, mentions, not_names)
    people_names = _known_names(directory.people, not_names)
    group_names = _known_names(directory.groups, not_names)
    displaced: set[str] = set()
    for names, is_group in ((group_names, True), (people_names, False)):
        pattern = _alias_pattern(names)
        for match in pattern.finditer(text) if pattern else ():
            if not _free(taken, match.start(), match.end()):
                continue
            ref = _lookup(names, match.group())
            bare = re.sub(r"[’']s$", "", match.group())
            if not is_group and (bare in displaced or _another_first_name(text, match.start(), directory.people, ref,
                                                                                        not_names)):
                displaced.add(bare)
                continue
            end = match.start() + len(re.sub(r"[’']s$", "", match.group()))
            mentions.append(Mention(match.start(), end, group=ref) if is_group else
                            Mention(match.start(), end, figure=ref))
            taken.append((match.start(), match.end()))
            title = None if is_group else title_before(text, match.start())
            if title and title not in figures[ref].titles:
                figures[ref].titles.append(title)

    _titled_first_names(text, directory.people, not_names, taken, figures, mentions)
    new_groups: dict[str, str] = {}
    for match in directory.new_group.finditer(text):
        name = re.sub(r"^(?:The|A|An)\s+", "", match.group())
        start = match.end() - len(name)
        qualifiers = name.split()[:-1]
        side_words_only = qualifiers and all(word.lower() in world.words for word in qualifiers)
        if not _free(taken, start, match.end()) or side_words_only or _RANK_AFTER.match(text, match.end()):
            continue
        ref = slug(name)
        new_groups.setdefault(ref, name)
        mentions.append(Mention(start, match.end(), group=ref))
        taken.append((start, match.end()))

    abbreviations = _abbreviations(text, mentions, taken, figures)
    surnames: dict[str, str] = {}
    first_names: dict[str, set[str]] = {}
    surname_words = world.not_names - _NOT_NAMES | _COMPASS
    runs = _headline_runs_by_body(text, [_with_surname_from(surname_words, world, text, start, name)
                                         for start, name in _name_runs(text, lowercase_words, not_names)])
    placed = {name for start, name in runs if (_IN_A_PLACE.search(text, max(0, start - 12), start)
                                               or _THE_BEFORE.search(text, max(0, start - 5), start))
              and not _ATTRIBUTIVE.match(text, start + len(name))}
    persons = {name for start, name in runs if " " in name and _free(taken, start, start + len(name))
               and _looks_like_person(text, start, start + len(name), False, title_before(text, start), world)
               and not _placed(name, placed, text, start)}
    persons |= _coordinated_subjects(text, runs, persons, taken)
    alone = Counter(name for _, name in runs if " " not in name)
    persons |= {name for start, name in runs if " " in name and alone[name.split()[-1]] >= _SURNAME_ALONE
                and _free(taken, start, start + len(name)) and not _placed(name, placed, text, start)}
    tails: dict[str, dict[str, int]] = {}
    first_at: dict[str, int] = {}
    for start, name in runs:
        first_at.setdefault(name, start)
    for start, name in sorted(runs, key=lambda run: (" " not in run[1], -run[1].count(" "))):
        end = start + len(name)
        if not _free(taken, start, end):
            continue
        title = title_before(text, start)
        single = " " not in name
        if single and (name in surnames or len(first_names.get(name, ())) == 1):
            ref = surnames.get(name) or next(iter(first_names[name]))
        elif not single and len(tails.get(name, ())) == 1 and min(tails[name].values()) < first_at[name]:
            ref = next(iter(tails[name]))
        elif single and name.isupper() and len(name) > 1:
            if not SPEECH_VERB_AFTER_NAME.match(text, end):
                continue
            ref = _acronym_institution(text, name, figures, abbreviations, mentions, taken)
        elif name not in persons and (not _looks_like_person(text, start, end, single, title, world) or
                                      _placed(name, placed, text, start)):
            continue
        else:
            known_as = _named_before_as(name, first_at)
            ref = slug(known_as)
            if ref not in figures:
                figures[ref] = Figure(ref, known_as, None, [])
            surnames.setdefault(name.split()[-1], ref)
            if not single:
                first_names.setdefault(known_as.split()[0], set()).add(ref)
            for cut in range(1, name.count(" ")):
                tails.setdefault(name.split(" ", cut)[-1], {})[ref] = first_at[name]
        figure = figures[ref]
        if single and name not in figure.called:
            figure.called.append(name)
        apposed = _APPOSED_TITLE.match(text, end)
        for held in (title, apposed["title"] if apposed else None):
            if held and held not in figure.titles:
                figure.titles.append(held)
            if figure.side is None and not figure.known:
                figure.side = world.side_of(held or "")
        mentions.append(Mention(start, end, figure=ref))
        taken.append((start, end))
    _surnames_of_words(text, figures, mentions, taken, surname_words)
    _headline_names(text, figures, mentions, taken)
    mentions.sort(key=lambda mention: mention.start)
    _honorifics_by_gender(text, figures, mentions)
    used = {mention.figure for mention in mentions}
    figures = {key: figure for key, figure in figures.items() if figure.known or key in used}
    new_kinds = {ref: directory.new_group_kind(name, world) for ref, name in new_groups.items()}
    cast = Cast(figures, mentions, new_groups, new_kinds, {group.id: group.kind for group in directory.groups},
                world=world, abbreviations=abbreviations)
    for mention in mentions:
        unsided = figures[mention.figure] if mention.figure else None
        if unsided and unsided.side is None and not unsided.known:
            unsided.side = implied_side(unsided.titles, text, cast.people_before(mention.start, institutions=True),
                                        world)
            unsided.side_implied = unsided.side is not None
    return cast
