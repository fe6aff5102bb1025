"""The world an article is read against: the sides of ``sides.toml`` (names, demonyms, capitals),
the institutions that speak for them, and place names, all curated data, never code.

:class:`World` turns them into what the extractor matches: a side for a word ("Tehran's",
"Pakistani"), a pattern for side words in running text, and words that are never names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.models import InstitutionEntry, SideEntry


def _alternation(words: Iterable[str]) -> str:
    escaped = [re.escape(word).replace(r"\ ", r"\s+") for word in sorted(set(words), key=len, reverse=True)]
    return "|".join(escaped) or r"(?!x)x"


def _word_pattern(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)\b{re.escape(words)}s?\b")


@dataclass(frozen=True)
class World:
    """Side words and place names as the extractor uses them."""

    words: dict[str, str]
    side_pattern: str
    actor: re.Pattern[str]
    not_names: frozenset[str]
    institution_words: tuple[tuple[re.Pattern[str], str, int], ...]

    @classmethod
    def of(cls, sides: Iterable[SideEntry], institutions: Iterable[InstitutionEntry], places: Iterable[str]) -> World:
        """Build the world from curated sides, institutions and place names."""
        words: dict[str, str] = {}
        names: dict[str, str] = {}
        sides = tuple(sides)
        for side in sides:
            for word in (side.name, *side.aliases, *side.demonyms, *side.metonyms):
                words.setdefault(word.lower(), side.name)
            names[side.id] = side.name
        ranked: list[tuple[re.Pattern[str], str, int]] = []
        for institution in institutions:
            side_name = names.get(institution.side, institution.side)
            for alias in (institution.name, *institution.aliases):
                if " " not in alias:
                    words.setdefault(alias.lower(), side_name)
                ranked.append((_word_pattern(alias), side_name, -1))
            ranked.extend((_word_pattern(generic), side_name, rank) for rank, generic in enumerate(institution.generic))
        forms = [form for side in sides for word in (side.name, *side.aliases, *side.demonyms, *side.metonyms)
                 for form in (word, f"{word}’s", f"{word}'s")]
        single = {part for word in words for part in re.findall(r"[a-z]+", word) if len(part) > 1}
        place_words = {part.lower() for place in places for part in re.findall(r"[A-Za-z]+", place)
                       if part.lower() not in {"and", "of", "the"}}
        actor_words = [word for side in sides for word in (side.name, *side.demonyms, *side.metonyms)]
        return cls(words, _alternation(forms), re.compile(rf"\b(?:{_alternation(actor_words)})\b(?![’'-])"),
                   frozenset(single | place_words), tuple(ranked))

    def side_of(self, words: str) -> str | None:
        """The side that words name ("Iranian Foreign Minister" -> Iran), the first if several."""
        bare = re.sub(r"\bto\s+[A-Z]\w+", "", words)
        for match in re.finditer(r"[A-Za-z.]+(?:\s+[A-Z][a-z]+)?", bare):
            for candidate in (match.group().lower(), match.group().split()[0].lower().rstrip(".")):
                side = self.words.get(candidate)
                if side:
                    return side
        return None

    def side_named(self, word: str) -> str:
        """The side a word found by :attr:`actor` names."""
        return self.words[" ".join(word.split()).lower()]

    def sides_named(self, text: str) -> list[str]:
        """The sides the text names ("Tehran", "Pakistani"), in order, each once."""
        return list(dict.fromkeys(self.side_named(match.group()) for match in self.actor.finditer(text)))

    def institution_side(self, titles: str, text: str) -> str | None:
        """The side of an institution a title names ("Foreign Office spokesperson"), when the text
        names that side; the institution's own alias before a generic name shared by several."""
        found = sorted((rank, side) for pattern, side, rank in self.institution_words
                       if pattern.search(titles) and self.names(side, text))
        return found[0][1] if found else None

    def names(self, side: str, text: str) -> bool:
        """True when the text names the side by its own name."""
        return re.search(rf"\b{re.escape(side)}\b", text) is not None


EMPTY_WORLD = World({}, r"(?!x)x", re.compile(r"(?!x)x"), frozenset(), ())
