"""A synthetic corpus in the shipped format, for benchmarks: ``python -m knowledge.synth --scale N --out DIR``.

The corpus holds the shipped articles and curated files unchanged, plus ``5 × (N − 1)`` synthetic
articles (so ``--scale 1`` is the shipped base, ``--scale 1000`` about 5,000 articles) with their
curated files: about four new people per article (each with aliases and a transliteration),
fictional sides with demonyms, capitals and institutions, role successions (a post held by one
person after another), groups with spelling variants and initials, events, direct and reported
quotes, threat claims of every kind (statement, military action, narration, unnamed), and every
fifth article a companion report sharing two facts (the same ids) with the one before it, which
the compiler merges. ``python -m knowledge --root DIR check`` accepts the result.

The same ``--seed`` writes the same bytes. Synthetic people speak for fictional sides only, so the
shipped questions keep their meaning at every scale.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from knowledge.cli import exit_with
from knowledge.dates import resolve
from knowledge.names import normalize

SHIPPED = Path(__file__).resolve().parent.parent
ARTICLES_PER_SCALE = 5
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SYLLABLES = ("ka", "ra", "mo", "ze", "ta", "li", "na", "sha", "do", "ri", "ba", "qa", "ha", "fa", "vo", "ne",
             "sa", "ku", "mi", "da", "lo", "pe", "gu", "ya", "zo", "te", "wa", "ji", "ro", "ma", "hu", "ki",
             "nu", "se", "bi", "fo", "di", "lu", "go", "re")
GIVEN = ("Ali", "Reza", "Omar", "Farid", "Nadia", "Samir", "Layla", "Karim", "Yusuf", "Amina", "Tariq", "Hamid",
         "Sara", "Bilal", "Mina", "Javad", "Rania", "Idris", "Zainab", "Kamal", "Nasir", "Hana", "Rustam", "Leila")
OFFICES = ("Prime Minister", "Foreign Minister", "Interior Minister", "Defence Minister")
TOPICS = ("border security", "trade", "energy", "counterterrorism", "water sharing", "refugees", "transit",
          "fisheries", "customs", "railways", "migration", "drug trafficking", "electricity", "investment")
PLEDGES = ("will not allow any group to use its soil against a neighbour", "wants the crossings reopened soon",
           "sees the talks as a new beginning", "is ready to share intelligence", "will expand the joint patrols",
           "expects the agreement to be signed within weeks", "rejects any interference in its affairs",
           "will double the trade volume", "hopes the commission meets every quarter")
FILLER = (
    "The two countries share a long and porous border that has seen smuggling for decades.",
    "Trade between the neighbours has grown steadily over the past five years, officials say.",
    "Analysts in the region described the visit as a cautious step towards closer ties.",
    "The meeting was also attended by senior officials of both foreign ministries and security agencies.",
    "Both sides agreed to hold the next round of talks before the end of the year.",
    "Local traders have long called for more crossing points and lower tariffs at the frontier.",
    "The border districts remain among the least developed areas of both countries.",
    "Diplomats said a joint working group would draft the details of the plan.",
)
FURNITURE = ("Share this article", "3 min read", "Back to top", "LEAVE A REPLY")


def _toml(value: object) -> str:
    """A TOML value: JSON strings, arrays and numbers are TOML too."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Person:
    """A synthetic person, as it will be written to people.toml."""

    id: str
    name: str
    surname: str
    side: str
    aliases: list[str]
    roles: list[tuple[str, str | None, str | None]] = field(default_factory=list)


@dataclass
class SideRecord:
    """A fictional side with its institutions and office holders."""

    id: str
    name: str
    demonym: str
    capital: str
    cities: list[str]
    holders: dict[str, list[tuple[Person, date, date | None]]] = field(default_factory=dict)


class Names:
    """Unique names: no two records share a normalised name, alias or id (as the compiler requires)."""

    def __init__(self, taken: set[str], rng: random.Random) -> None:
        self.taken = taken
        self.rng = rng

    def free(self, *names: str) -> bool:
        """True when no name is taken yet (nor repeated among ``names``)."""
        keys = [normalize(name) for name in names]
        return len(set(keys)) == len(keys) and not any(key in self.taken for key in keys)

    def take(self, *names: str) -> None:
        """Mark names as taken."""
        self.taken.update(normalize(name) for name in names)

    def word(self, syllables: int) -> str:
        """A made-up word, capitalised."""
        return "".join(self.rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()

    def fresh(self, syllables: int, *suffixes: str) -> str:
        """A made-up word that is free with each of ``suffixes`` appended (and takes them)."""
        while True:
            word = self.word(syllables)
            forms = [word + suffix for suffix in suffixes] or [word]
            if self.free(*forms):
                self.take(*forms)
                return word


def _transliteration(surname: str) -> str:
    """A second spelling of a surname, the way transliterations differ ('q' for 'k', 'ee' for 'i')."""
    for old, new in (("k", "q"), ("i", "ee"), ("ou", "u"), ("sh", "ch"), ("a", "aa"), ("o", "u")):
        if old in surname[1:]:
            return surname[0] + surname[1:].replace(old, new, 1)
    return surname + "h"


def _shipped_names(root: Path) -> set[str]:
    """Every normalised name and alias of the shipped curated files."""
    import tomllib

    taken: set[str] = set()
    for name, table in (("sides", "side"), ("people", "person"), ("institutions", "institution"),
                        ("groups", "group")):
        path = root / "knowledge" / f"{name}.toml"
        if not path.exists():
            continue
        for record in tomllib.loads(path.read_text(encoding="utf-8")).get(table, []):
            for word in (record["id"], record["name"], *record.get("aliases", []), *record.get("demonyms", []),
                         *record.get("metonyms", [])):
                taken.add(normalize(word))
                taken.update(normalize(part) for part in word.split())
    return taken


class Corpus:
    """The synthetic part of a corpus, generated article by article."""

    def __init__(self, scale: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.names = Names(_shipped_names(SHIPPED), self.rng)
        self.count = ARTICLES_PER_SCALE * (scale - 1)
        self.sides: list[SideRecord] = []
        self.people: list[Person] = []
        self.groups: list[tuple[str, str, str, list[str]]] = []  # id, name, kind, aliases
        self.quote_texts: set[tuple[str, str]] = set()
        for _ in range(max(4, 4 + scale // 25) if self.count else 0):
            self._side()
        for _ in range(max(1, self.count // 2) if self.count else 0):
            self._group()

    # ------------------------------------------------------------------ the registry

    def _person(self, side: str, roles: list[tuple[str, str | None, str | None]]) -> Person:
        while True:
            surname = self.names.word(self.rng.choice((2, 3)))
            given = self.rng.choice(GIVEN)
            variant = _transliteration(surname)
            forms = [f"{given} {surname}", surname, f"{given} {variant}", variant]
            if self.names.free(*forms, f"syn-{surname.lower()}"):
                self.names.take(*forms, f"syn-{surname.lower()}")
                break
        person = Person(id=f"syn-{surname.lower()}", name=f"{given} {surname}", surname=surname, side=side,
                        aliases=[surname, f"{given} {variant}", variant], roles=roles)
        self.people.append(person)
        return person

    def _side(self) -> None:
        name = self.names.fresh(2, "", "i", "is", " government", "ia")
        capital = self.names.fresh(3)
        side = SideRecord(id=f"syn-{name.lower()}", name=name, demonym=f"{name}i", capital=capital,
                          cities=[self.names.fresh(3) for _ in range(4)])
        self.names.take(side.id, f"Government of {name}", f"{name} Foreign Ministry", f"{name} Armed Forces",
                        f"{name}i Foreign Ministry", f"{name}i Armed Forces", f"{name}i government")
        for office in OFFICES:
            day, holders = date(2008, 1, 1), []
            while day < date(2026, 1, 1):
                end = day + timedelta(days=self.rng.randint(500, 1800))
                until = end if end < date(2026, 1, 1) else None
                term = (office, day.isoformat()[:7], until.isoformat()[:7] if until else None)
                person = self._person(side.id, [term])
                holders.append((person, day, until))
                day = end
            side.holders[office] = holders
        self.sides.append(side)

    def _group(self) -> None:
        word = self.names.fresh(3, "", " Liberation Front", " Brigade")
        kind, name, aliases = self.rng.choice((
            ("militant group", f"{word} Liberation Front", [f"{word} Liberation Movement"]),
            ("militant group", f"Jaish al-{word}", [f"Jaish ul-{word}", f"Jaysh al-{word}"]),
            ("armed group", f"{word} Brigade", [f"{word} Brigades"]),
        ))
        initials = "".join(part[0] for part in name.replace("-", " ").split()).upper()
        if len(initials) >= 3 and self.names.free(initials):
            aliases.append(initials)
        aliases = [alias for alias in aliases if self.names.free(alias)]
        self.names.take(name, *aliases, f"syn-{normalize(name).replace(' ', '-')}")
        self.groups.append((f"syn-{normalize(name).replace(' ', '-')}", name, kind, aliases))

    def holder(self, side: SideRecord, office: str, day: date) -> Person:
        """Who held ``office`` of ``side`` on ``day``."""
        return next(person for person, start, end in side.holders[office]
                    if start <= day and (end is None or day < end))

    # ------------------------------------------------------------------ one article

    def article(self, index: int, partner: dict[str, Any] | None) -> dict[str, Any]:
        """The text and curated facts of synthetic article ``index`` (a companion of ``partner`` when given)."""
        rng = self.rng
        if partner is not None:
            published = partner["published"]
            side_a, side_b = partner["sides"]
        else:
            published = date(2012, 1, 1) + timedelta(days=rng.randint(0, 5050))
            side_a, side_b = rng.sample(self.sides, 2)
        assert isinstance(published, date) and isinstance(side_a, SideRecord) and isinstance(side_b, SideRecord)
        stem = f"{index:05d}_{hashlib.sha256(f'{index}-{published}'.encode()).hexdigest()[:16]}"
        topic = rng.choice(TOPICS)
        visitor = self._person(side_a.id, [(f"Minister of {topic.title()}", None, None)])
        host = self._person(side_b.id, [(f"Minister of {topic.title()}", None, None)])
        spokesman = self._person(side_a.id, [("Foreign Office Spokesperson", None, None)])
        commander = self._person(side_b.id, [(f"Commander of the {rng.choice(side_b.cities)} Corps", None, None)])
        leader = self.holder(side_a, "Prime Minister", published)
        minister = self.holder(side_b, "Foreign Minister", published)
        back = rng.randint(0, 4)
        weekday = WEEKDAYS[(published - timedelta(days=back)).weekday()]
        on_day = f"on {weekday}"
        city = rng.choice(side_b.cities[:2] + [side_b.capital])
        group, other_group = rng.sample(self.groups, 2) if len(self.groups) > 1 else (self.groups[0], self.groups[0])
        events: list[dict[str, Any]] = []
        quotes: list[dict[str, Any]] = []
        threats: list[dict[str, Any]] = []
        sentences = [f"{side_a.capital.upper()} — {MONTHS[published.month - 1]} {published.day}, {published.year}: "
                     f"{side_a.demonym} {topic} minister {visitor.name} {on_day} met his {side_b.demonym} counterpart "
                     f"{host.name} in {city}, according to an official statement."]
        meeting = {"id": f"syn-{index}-meeting", "summary": f"{visitor.name} met {host.name} in {city} for talks on "
                   f"{topic}.", "actors": [visitor.id, host.id], "place": city, "topics": ["meeting", topic],
                   "date_phrase": on_day, "evidence": sentences[0]}
        events.append(meeting)
        pledge = self._unique_pledge(visitor.id, side_a.name, topic)
        said = f"“{pledge},” {visitor.surname} said after the talks."
        sentences.append(said)
        quotes.append({"id": f"syn-{index}-pledge", "speaker": visitor.id, "kind": "direct", "text": pledge,
                       "context": f"after the talks in {city}", "date_phrase": on_day, "evidence": said})
        clause = self._unique_clause(host.id, side_b.name, topic)
        reported = f"{host.surname} said that {clause}."
        sentences.append(reported)
        quotes.append({"id": f"syn-{index}-reported", "speaker": host.id, "kind": "reported", "text": clause,
                       "evidence": reported})
        sentences.append(rng.choice(FILLER))
        warning = (f"{visitor.surname} said the {group[1]} posed a grave threat to the security of both countries "
                   f"and of the {topic} projects along the border.")
        sentences.append(warning)
        threats.append({"id": f"syn-{index}-warning", "side": side_a.id, "named_by": visitor.id, "how": "statement",
                        "group": group[0], "evidence": warning})
        if published.month > 1:
            month = rng.randint(1, published.month - 1)
            strike_day = rng.randint(1, 28)
            phrase = f"On {MONTHS[month - 1]} {strike_day}"
            strike = (f"{phrase}, {side_b.name} launched drone strikes on hideouts of the {other_group[1]} near "
                      f"{rng.choice(side_b.cities)}, its military said.")
            sentences.append(strike)
            threats.append({"id": f"syn-{index}-strike", "side": side_b.id, "named_by": "government",
                            "how": "military action", "group": other_group[0], "date_phrase": phrase,
                            "evidence": strike})
            events.append({"id": f"syn-{index}-strike-event", "summary": f"{side_b.name} struck hideouts of the "
                           f"{other_group[1]}.", "actors": [side_b.id, other_group[0]], "topics": ["strike", "drone"],
                           "date_phrase": phrase, "evidence": strike})
        narration = (f"The border region has long faced attacks by groups such as the {group[1]}, which has "
                     f"claimed several bombings in recent years.")
        sentences.append(narration)
        threats.append({"id": f"syn-{index}-background", "side": side_a.id, "named_by": "outlet", "how": "narration",
                        "group": group[0], "evidence": narration})
        hostile = f"hostile elements trying to derail the {topic} talks"
        spoken = (f"Foreign Office spokesperson {spokesman.name} said {hostile} would not succeed, and that "
                  f"{side_a.demonym} forces were on alert.")
        sentences.append(spoken)
        threats.append({"id": f"syn-{index}-unnamed", "side": side_a.id, "named_by": spokesman.id,
                        "how": "statement", "unnamed": hostile, "evidence": spoken})
        earlier = rng.choice(("last week", "earlier this month", "yesterday"))
        attack = (f"The talks came after an attack {earlier} on a police post in {rng.choice(side_a.cities)} that "
                  f"killed {rng.randint(2, 19)} officers, which {commander.name} blamed on militants from across the "
                  f"border.")
        sentences.append(attack)
        events.append({"id": f"syn-{index}-attack", "summary": f"An attack on a police post in {side_a.name}; "
                       f"{commander.name} blamed militants from across the border.", "actors": [commander.id],
                       "place": side_a.name, "topics": ["attack", "police"], "date_phrase": earlier,
                       "evidence": attack})
        year = rng.randint(2008, max(2008, published.year - 1))
        past = date(year, rng.randint(1, 12), 15)
        then = self.holder(side_b, "Interior Minister", past)
        history = (f"In {MONTHS[past.month - 1]} {year}, {side_b.demonym} Interior Minister {then.name} signed a "
                   f"first {topic} accord with {side_a.name}.")
        sentences.append(history)
        events.append({"id": f"syn-{index}-accord", "summary": f"{then.name} signed a first {topic} accord with "
                       f"{side_a.name}.", "actors": [then.id, side_a.id], "topics": ["agreement", topic],
                       "date_phrase": f"In {MONTHS[past.month - 1]} {year}", "evidence": history})
        welcome = (f"Prime Minister {leader.name} welcomed the outcome, and Foreign Minister {minister.name} is "
                   f"expected to visit {side_a.capital} next month.")
        sentences.append(welcome)
        events.append({"id": f"syn-{index}-welcome", "summary": f"{leader.name} welcomed the outcome of the talks.",
                       "actors": [leader.id, minister.id], "topics": ["talks", topic], "evidence": welcome})
        sentences += rng.sample(FILLER, 3)
        if partner is not None:
            shared_event, shared_quote = partner["shared"]
            assert isinstance(shared_event, dict) and isinstance(shared_quote, dict)
            retold = (f"Officials confirmed that the meeting in {shared_event['place']} took place "
                      f"{shared_event['date_phrase']}, the second such visit this year.")
            sentences.append(retold)
            events.append({**shared_event, "evidence": retold})
            repeated = f"Speaking to reporters, he added: “{shared_quote['text']}.”"
            sentences.append(repeated)
            quotes.append({**shared_quote, "evidence": repeated})
        headline = f"{side_a.name} and {side_b.name} pledge closer {topic} cooperation after talks in {city}"
        text = "\n".join([headline, rng.choice(FURNITURE), *sentences, rng.choice(FURNITURE)]) + "\n"
        for fact in (*events, *quotes, *threats):
            written = fact.get("date_phrase")
            if isinstance(written, str):
                resolve(written, published)  # every phrase written is one the resolver reads
        return {"stem": stem, "text": text, "published": published, "sides": (side_a, side_b),
                "shared": (meeting, quotes[0]), "headline": headline, "events": events, "quotes": quotes,
                "threats": threats}

    def _unique_pledge(self, speaker: str, side: str, topic: str) -> str:
        while True:
            text = f"{side} {self.rng.choice(PLEDGES)} and our {topic} talks"
            text += f" in round {self.rng.randint(1, 999)}" if (speaker, text) in self.quote_texts else ""
            if (speaker, normalize(text)) not in self.quote_texts:
                self.quote_texts.add((speaker, normalize(text)))
                return text

    def _unique_clause(self, speaker: str, side: str, topic: str) -> str:
        while True:
            text = f"{side} {self.rng.choice(PLEDGES)} on {topic} ({self.rng.randint(1, 99)})"
            if (speaker, normalize(text)) not in self.quote_texts:
                self.quote_texts.add((speaker, normalize(text)))
                return text


def _article_toml(article: dict[str, Any]) -> str:
    published = article["published"]
    assert isinstance(published, date)
    lines = [f"# {article['stem']} — a synthetic article (knowledge.synth).", "", "[source]",
             f"headline = {_toml(article['headline'])}", f"published = {published.isoformat()}",
             'precision = "day"', _toml_line("basis", "The dateline gives the day."), ""]
    for table in ("events", "quotes", "threats"):
        entries = article[table]
        assert isinstance(entries, list)
        for entry in entries:
            lines.append(f"[[{table[:-1]}]]")
            lines += [f"{key} = {_toml(value)}" for key, value in entry.items() if value is not None]
            lines.append("")
    return "\n".join(lines)


def _toml_line(key: str, value: str) -> str:
    return f"{key} = {_toml(value)}"


def _append_registry(corpus: Corpus, knowledge: Path) -> None:
    sides, institutions, people, groups = [], [], [], []
    for side in corpus.sides:
        sides += ["[[side]]", _toml_line("id", side.id), _toml_line("name", side.name), 'kind = "state"',
                  f"demonyms = {_toml([side.demonym, side.demonym + 's'])}", f"metonyms = {_toml([side.capital])}",
                  f"aliases = {_toml([f'Republic of {side.name}'])}", ""]
        for suffix, kind, aliases, generic in (
                ("government", "government", [f"{side.demonym} government", f"{side.name} government"],
                 ["government"]),
                ("foreign-ministry", "foreign ministry", [f"{side.demonym} Foreign Ministry"],
                 ["foreign ministry", "foreign office"]),
                ("armed-forces", "armed forces", [f"{side.demonym} Armed Forces"], ["armed forces", "military"])):
            name = {"government": f"Government of {side.name}", "foreign-ministry": f"{side.name} Foreign Ministry",
                    "armed-forces": f"{side.name} Armed Forces"}[suffix]
            institutions += ["[[institution]]", _toml_line("id", f"{side.id}-{suffix}"), _toml_line("name", name),
                             _toml_line("side", side.id), _toml_line("kind", kind), f"aliases = {_toml(aliases)}",
                             f"generic = {_toml(generic)}", ""]
    for person in corpus.people:
        people += ["[[person]]", _toml_line("id", person.id), _toml_line("name", person.name),
                   _toml_line("side", person.side), f"aliases = {_toml(person.aliases)}", ""]
        for title, start, end in person.roles:
            people += ["[[person.roles]]", _toml_line("title", title)]
            people += [_toml_line("start", start)] if start else []
            people += [_toml_line("end", end)] if end else []
            people.append("")
    for group_id, name, kind, aliases in corpus.groups:
        groups += ["[[group]]", _toml_line("id", group_id), _toml_line("name", name), _toml_line("kind", kind),
                   f"aliases = {_toml(aliases)}", ""]
    banner = "\n# ---------------------------------------------------------------- synthetic (knowledge.synth)\n\n"
    for name, lines in (("sides", sides), ("institutions", institutions), ("people", people), ("groups", groups)):
        path = knowledge / f"{name}.toml"
        path.write_text(path.read_text(encoding="utf-8") + banner + "\n".join(lines), encoding="utf-8")


def write_corpus(out: Path, scale: int, seed: int = 0) -> int:
    """Write the shipped corpus plus the synthetic articles of ``scale`` to ``out``; the article count."""
    if scale < 1:
        raise ValueError("scale is at least 1")
    if out.exists():
        shutil.rmtree(out)
    (out / "knowledge" / "articles").mkdir(parents=True)
    shutil.copytree(SHIPPED / "seeds", out / "seeds", ignore=shutil.ignore_patterns(".*"))
    for name in ("sides", "institutions", "people", "groups"):
        shutil.copy(SHIPPED / "knowledge" / f"{name}.toml", out / "knowledge" / f"{name}.toml")
    for path in sorted((SHIPPED / "knowledge" / "articles").glob("*.toml")):
        shutil.copy(path, out / "knowledge" / "articles" / path.name)
    corpus = Corpus(scale, seed)
    previous: dict[str, Any] | None = None
    for number in range(corpus.count):
        article = corpus.article(100 + number, previous if number % 5 == 1 else None)
        (out / "seeds" / f"{article['stem']}.txt").write_text(str(article["text"]), encoding="utf-8")
        (out / "knowledge" / "articles" / f"{article['stem']}.toml").write_text(_article_toml(article),
                                                                                 encoding="utf-8")
        previous = article
    if corpus.count:
        _append_registry(corpus, out / "knowledge")
    return len(list((out / "seeds").glob("*.txt")))


def main(argv: list[str] | None = None) -> int:
    """Write a synthetic corpus."""
    parser = argparse.ArgumentParser(prog="python -m knowledge.synth", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, required=True, help="1 = the shipped five articles; N = 5·N articles")
    parser.add_argument("--out", required=True, help="the directory to write (replaced when it exists)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0); the same seed, the same bytes")
    args = parser.parse_args(argv)
    count = write_corpus(Path(args.out), args.scale, args.seed)
    print(f"wrote {count} articles to {args.out}")
    return 0


if __name__ == "__main__":
    exit_with(main)
