"""Name normalisation and fuzzy matching shared by the compiler and the queries."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

CONFIDENT = 85.0
SUGGEST = 70.0

_STOPWORD_TEXT = (
    "a an the of in on at to for from by with and or about what which who whom whose when where why how "
    "is are was were be been did do does has have had said say says tell me us show give list any all some "
    "this that these those it its his her their there than then s "
    "go goes went gone going come came back get got take took happen happens happened anything something "
    "they them he she we you i know idea please base according factdesk corpus"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split(" "))


_TITLE_TEXT = (
    "president minister prime deputy foreign interior secretary general gen ambassador army chief "
    "commander seyed seyyed syed sayyid mian hafiz dr mr mrs ms"
)
TITLE_WORDS = frozenset(_TITLE_TEXT.split(" "))


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Lower-case, strip accents, and fold punctuation to spaces: 'Amir-Abdollahian' -> 'amir abdollahian'."""
    if text.isascii():
        bare = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    bare = re.sub(r"[’'`‘]s\b", "", bare)
    return re.sub(r"[^\w]+", " ", bare).strip()


def tokens(text: str) -> list[str]:
    """The words of ``text`` after normalisation."""
    return normalize(text).split()


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry meaning (stopwords dropped)."""
    return [word for word in tokens(text) if word not in STOPWORDS]


def name_score(query: str, name: str) -> float:
    """How well a typed name matches a known name or alias (0-100).

    A whole-name match, or a single typed word matching one word of the name (a surname),
    scores by edit similarity; transliterations that merge or split words ('amirabdollahian')
    compare with spaces removed.
    """
    typed, known = normalize(query), normalize(name)
    if not typed or not known:
        return 0.0
    best = max(fuzz.ratio(typed, known), fuzz.ratio(typed.replace(" ", ""), known.replace(" ", "")))
    typed_words = typed.split()
    if len(typed_words) == 1 and len(typed) >= 3:
        for word in known.split():
            if len(word) >= 3 and word not in TITLE_WORDS:
                best = max(best, fuzz.ratio(typed, word))
    return float(best)


def side_word_distance(word: str, target: str) -> bool:
    """True when ``word`` is ``target`` up to one typo.

    Short words forgive only a swap of two letters ('iarn'), so that a name one letter away
    ('Imran', 'Iraq') is not taken for a country; from seven letters any one edit is forgiven.
    """
    if word == target:
        return True
    if len(word) >= 7 and len(target) >= 7:
        return OSA.distance(word, target) <= 1
    if len(word) != len(target) or OSA.distance(word, target) > 1:
        return False
    return len(word) >= 5 or sorted(word) == sorted(target)


@dataclass(frozen=True)
class Match:
    """A candidate found for a typed name."""

    ref: str
    score: float


def rank(query: str, candidates: Iterable[tuple[str, str]]) -> list[Match]:
    """Score ``(ref, name)`` pairs against ``query``: best score per ref, highest first, ties by ref."""
    best: dict[str, Match] = {}
    for ref, name in candidates:
        score = name_score(query, name)
        if ref not in best or score > best[ref].score:
            best[ref] = Match(ref=ref, score=score)
    return sorted(best.values(), key=lambda match: (-match.score, match.ref))


class NameIndex:
    """The names of one kind of record, indexed once per process for :func:`rank`-equal ranking.

    ``candidates`` are ``(ref, name)`` pairs (``normalized``: names already passed through
    :func:`normalize`, as the artefact stores them). ``rank(query)`` gives what
    ``rank(query, candidates)`` gives, cut at ``floor``: an exact
    (normalised) name is looked up first; fuzzy scores are computed by rapidfuzz's ``process``
    functions with a score cutoff, and only over names whose length can reach the cutoff (an
    edit ratio of ``floor`` needs lengths within a factor of ``200 / floor - 1`` of each other).
    Results are cached per query text (bounded).
    """

    CACHE_SIZE = 4096

    def __init__(self, candidates: Iterable[tuple[str, str]], *, normalized: bool = False) -> None:
        self.exact: dict[str, list[str]] = defaultdict(list)
        texts: tuple[dict[int, list[str]], ...] = (defaultdict(list), defaultdict(list), defaultdict(list))
        refs: tuple[dict[int, list[str]], ...] = (defaultdict(list), defaultdict(list), defaultdict(list))
        (full_texts, bare_texts, word_texts), (full_refs, bare_refs, word_refs) = texts, refs
        for ref, name in candidates:
            known = name if normalized else normalize(name)
            if not known:
                continue
            self.exact[known].append(ref)
            full_texts[len(known)].append(known)
            full_refs[len(known)].append(ref)
            bare = known.replace(" ", "")
            bare_texts[len(bare)].append(bare)
            bare_refs[len(bare)].append(ref)
            for word in known.split():
                if len(word) >= 3 and word not in TITLE_WORDS:
                    word_texts[len(word)].append(word)
                    word_refs[len(word)].append(ref)
        self._full, self._bare, self._words = (
            {size: (found[size], named[size]) for size in found} for found, named in zip(texts, refs, strict=True))
        self._cache: dict[tuple[str, float], list[Match]] = {}

    def rank(self, query: str, floor: float = SUGGEST) -> list[Match]:
        """Refs scoring at least ``floor`` against ``query``, best first, ties by ref (as :func:`rank`)."""
        key = (query, floor)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.clear()
            found = self._cache[key] = self._rank(query, floor)
        return found

    def _rank(self, query: str, floor: float) -> list[Match]:
        typed = normalize(query)
        if not typed:
            return []
        best: dict[str, float] = dict.fromkeys(self.exact.get(typed, ()), 100.0)
        searches = [(self._full, typed), (self._bare, typed.replace(" ", ""))]
        if len(typed.split()) == 1 and len(typed) >= 3:
            searches.append((self._words, typed))
        for buckets, text in searches:
            for choices, refs in _reachable(buckets, len(text), floor):
                for _, score, index in process.extract(text, choices, scorer=fuzz.ratio, score_cutoff=floor,
                                                       limit=None):
                    ref = refs[index]
                    if score > best.get(ref, -1.0):
                        best[ref] = float(score)
        return sorted((Match(ref=ref, score=score) for ref, score in best.items()),
                      key=lambda match: (-match.score, match.ref))


def _reachable(buckets: dict[int, tuple[list[str], list[str]]], length: int,
               floor: float) -> list[tuple[list[str], list[str]]]:
    """The buckets of names long enough and short enough to score ``floor`` against a text of ``length``."""
    if floor <= 0:
        return list(buckets.values())
    factor = 200.0 / floor - 1.0
    return [bucket for size, bucket in buckets.items() if length / factor - 1 <= size <= length * factor + 1]
