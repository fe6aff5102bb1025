"""Name normalisation and fuzzy matching shared by the compiler and the queries."""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

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
    ``rank(query, candidates)`` gives, cut at ``floor``: an exact (normalised) name is looked up
    first; fuzzy scores are computed by rapidfuzz over each distinct name, name without spaces and
    name word once, and only over those a :class:`FuzzyIndex` finds able to reach the cutoff.
    Results are cached per query text (bounded).
    """

    CACHE_SIZE = 4096

    def __init__(self, candidates: Iterable[tuple[str, str]], *, normalized: bool = False) -> None:
        self.exact: dict[str, list[str]] = {}
        bare: dict[str, list[str]] = {}
        words: dict[str, list[str]] = {}
        with _collector_paused():
            for ref, name in candidates:
                known = name if normalized else normalize(name)
                if known:
                    self.exact.setdefault(known, []).append(ref)
            for known, refs in self.exact.items():
                bare.setdefault(known.replace(" ", ""), []).extend(refs)
                for word in known.split():
                    if len(word) >= 3 and word not in TITLE_WORDS:
                        words.setdefault(word, []).extend(refs)
            self._forms = {"full": self.exact, "bare": bare, "words": words}
            self._spellings = {form: FuzzyIndex(texts) for form, texts in self._forms.items()}
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
        searches = [("full", typed), ("bare", typed.replace(" ", ""))]
        if len(typed.split()) == 1 and len(typed) >= 3:
            searches.append(("words", typed))
        for form, text in searches:
            for known, score in self._spellings[form].extract(text, floor):
                for ref in self._forms[form][known]:
                    if score > best.get(ref, -1.0):
                        best[ref] = score
        return sorted((Match(ref=ref, score=score) for ref, score in best.items()),
                      key=lambda match: (-match.score, match.ref))


class FuzzyIndex:
    """Distinct texts indexed for :func:`rapidfuzz.fuzz.ratio` search with a score cutoff, scoring
    only texts that can reach it.

    A ratio of ``cutoff`` between texts of lengths ``a`` and ``b`` needs a common subsequence of at
    least ``cutoff * (a + b) / 200`` characters: lengths within a factor of ``200 / cutoff - 1`` and
    that many characters in common, counted with repeats (a text's second 'a' is the key ``aa``).
    Texts are bucketed by length, and within a bucket the texts holding each key are listed when a
    query first asks for that key. A text holding none of the query's rarest keys, taken until the
    others are too few to be the characters needed, cannot reach the cutoff and is not scored.
    """

    SCORED_WHOLE = 1000  # rapidfuzz scores a bucket this small faster than Python lists which texts to score
    WARM_UP = 3  # queries a bucket is scored whole for before its keys are listed (a cold start lists none)

    def __init__(self, texts: Iterable[str], *, scored_whole: int = SCORED_WHOLE, warm_up: int = WARM_UP) -> None:
        self._by_length = {length: list(group) for length, group in groupby(sorted(set(texts), key=len), key=len)}
        self._scored_whole, self._warm_up = scored_whole, warm_up
        self._uses: dict[int, int] = {}
        self._holding: dict[tuple[int, str], frozenset[int]] = {}
        self._chars: dict[int, Counter[str]] = {}

    def extract(self, query: str, cutoff: float, limit: int | None = None) -> list[tuple[str, float]]:
        """``(text, score)`` of the texts scoring at least ``cutoff`` against ``query``, best first, ties by
        text, at most ``limit``: what ``process.extract(query, sorted(texts), scorer=fuzz.ratio,
        score_cutoff=cutoff, limit=limit)`` finds."""
        if not query:
            return []
        found: list[tuple[str, float]] = []
        keys = _keys(query)
        for length, texts in self._by_length.items():
            needed = cutoff * (len(query) + length) / 200 - 1e-9  # characters in common a match needs
            if needed > min(len(query), length):
                continue
            candidates = self._candidates(length, texts, keys, needed)
            found += [(text, float(score)) for text, score, _ in
                      process.extract(query, candidates, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)]
        found.sort(key=lambda hit: (-hit[1], hit[0]))
        return found if limit is None else found[:limit]

    def _candidates(self, length: int, texts: list[str], keys: list[str], needed: float) -> list[str]:
        """The texts of one length holding one of the query's rarest ``keys``, enough of them that the
        other keys are fewer than ``needed`` (all the texts when that would leave none out; those holding
        every key when every key is needed). Which keys are rarest is judged by how often their
        character occurs in the bucket (repeats count as rarer), so only the keys taken are listed. A
        bucket of fewer than ``scored_whole`` texts, or in its first ``warm_up`` queries, is scored whole."""
        if needed <= 0 or len(texts) < self._scored_whole:
            return texts
        self._uses[length] = uses = self._uses.get(length, 0) + 1
        if uses <= self._warm_up:
            return texts
        chars = self._chars.get(length)
        if chars is None:
            chars = self._chars[length] = Counter("".join(texts))
        rarest = sorted(keys, key=lambda key: chars[key[0]] / len(key))
        if math.ceil(needed) >= len(keys):  # every key is needed: the texts holding them all
            holding = self._holding_key(length, texts, rarest[0]).intersection(
                *(self._holding_key(length, texts, key) for key in rarest[1:]))
            return [texts[position] for position in sorted(holding)]
        sets = [self._holding_key(length, texts, key) for key in rarest[:len(keys) - math.ceil(needed) + 1]]
        if sum(map(len, sets)) >= len(texts):
            return texts
        return [texts[position] for position in sorted(frozenset().union(*sets))]

    def _holding_key(self, length: int, texts: list[str], key: str) -> frozenset[int]:
        found = self._holding.get((length, key))
        if found is None:
            char, count = key[0], len(key)
            found = self._holding[(length, key)] = frozenset(
                [position for position, text in enumerate(texts) if char in text] if count == 1 else
                [position for position, text in enumerate(texts) if text.count(char) >= count])
        return found


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Build a large index without the cyclic garbage collector walking it every few hundred objects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _keys(text: str) -> list[str]:
    """The characters of ``text`` as keys counted with repeats: 'abba' -> a, b, bb, aa."""
    seen: dict[str, int] = {}
    keys = []
    for char in text:
        seen[char] = count = seen.get(char, 0) + 1
        keys.append(char * count)
    return keys
