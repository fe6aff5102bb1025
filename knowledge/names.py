"""Name normalisation and fuzzy matching shared by the compiler and the queries."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
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


def normalize(text: str) -> str:
    """Lower-case, strip accents, and fold punctuation to spaces: 'Amir-Abdollahian' -> 'amir abdollahian'."""
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
