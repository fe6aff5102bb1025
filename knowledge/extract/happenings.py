"""Dated events and threat claims found in an article's sentences.

Date phrases are found by their forms ("on Wednesday", "earlier this month", "on the night of
October 11", "in December 2023") and resolved by :func:`knowledge.dates.resolve`, the compiler's
own resolver; a phrase it does not understand is not proposed. A sentence gives one event,
dated by its most precise phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.dates import MONTHS, WEEKDAYS, DateError, resolve
from knowledge.models import PRECISIONS, DateSpan, ThreatHow, ThreatSide

_MONTH = r"(?:" + "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(name.capitalize() for name in WEEKDAYS) + r")"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_PART = r"(?:night|morning|evening|afternoon)"
_DATE_PHRASE = re.compile(
    rf"\b(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+(?:on\s+)?)?(?:"
    rf"(?:[Oo]n\s+)?(?:the\s+{_PART}\s+of\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"
    rf"|(?:[Oo]n\s+)?(?:the\s+{_PART}\s+of\s+)?{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\b"
    rf"|(?:[Oo]n\s+)?(?:last\s+)?{_WEEKDAY}(?:\s+{_PART})?\b"
    rf"|(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y)\s+{_MONTH}(?:,?\s+{_YEAR})?\b"
    rf"|{_MONTH}\s+{_YEAR}\b"
    rf"|(?:[Ii]n|[Ss]ince|[Dd]uring)\s+(?:the\s+year\s+)?{_YEAR}\b"
    rf"|[Tt]oday|[Yy]esterday|[Tt]onight|[Tt]his\s+morning|(?:[Tt]his|[Ll]ast)\s+(?:week|month|year)"
    rf"|(?:[Ee]arlier|[Ll]ater)\s+(?:today|this\s+(?:week|month|year))"
    rf"|(?P<same_day>(?:[Ee]arlier|[Ll]ater)\s+(?:in\s+)?(?:the|that)\s+day|the\s+same\s+day)"
    rf")\b"
)
_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase as written, where it is, and the span it resolves to."""

    phrase: str
    start: int
    span: DateSpan
    resolve_as: str | None = None


def date_phrases(sentence: str, offset: int, published: date | None, last_day: date | None) -> list[DatePhrase]:
    """Every resolvable date phrase of a sentence; without a publication date, only absolute ones.

    "Earlier in the day" and its kin are resolved to ``last_day``, the day the article last named.
    """
    found: list[DatePhrase] = []
    for match in _DATE_PHRASE.finditer(sentence):
        phrase = match.group()
        if match["same_day"]:
            if last_day is not None:
                found.append(DatePhrase(phrase, offset + match.start(),
                                        DateSpan(start=last_day, end=last_day, precision="day"),
                                        last_day.isoformat()))
            continue
        anchor = published or date(9999, 12, 31)
        try:
            span = resolve(phrase, anchor)
        except DateError:
            continue
        if published is None and span.end.year == 9999:
            continue
        if published is None and not re.search(_YEAR, phrase):
            continue
        found.append(DatePhrase(phrase, offset + match.start(), span))
    return found


def most_precise(phrases: list[DatePhrase]) -> DatePhrase | None:
    """The phrase that dates an event best: the finest precision, then the first written."""
    return min(phrases, key=lambda found: (_RANK[found.span.precision], found.start), default=None)


_MILITARY = re.compile(
    r"\b(?:strikes?|struck|airstrikes?|air\s+strikes?|attacks?\s+on|launched|targeted|raids?|raided|bombed|"
    r"shelled|drone|missiles?|operations?\s+against|killed)\b"
)
_STATEMENT = re.compile(
    r"\b(?:demanded|urged|called\s+on|called\s+for|agreed|vowed|accused|warned|pledged|asked|denounced|"
    r"condemned|blamed|designated|banned|declared)\b"
)
_THREAT_WORDS = re.compile(
    r"\b(?:terror\w*|militan\w*|insurgen\w*|extremis\w*|separatis\w*|threats?)\b", re.IGNORECASE
)
_ACTORS: dict[str, ThreatSide] = {
    "Iran": "Iran", "Tehran": "Iran", "Iranian": "Iran", "Pakistan": "Pakistan", "Islamabad": "Pakistan",
    "Pakistani": "Pakistan",
}
_ACTOR = re.compile(r"\b(?:Iran|Tehran|Iranian|Pakistan|Islamabad|Pakistani)\b(?![’'-])")


@dataclass(frozen=True)
class FoundThreat:
    """A threat claim read from a sentence; ``named_by`` is a person id, "government" or "outlet"."""

    side: ThreatSide
    named_by: str
    how: ThreatHow
    group: str | None
    unnamed: str | None
    confidence: float
    why: str


def threat_words(sentence: str) -> str | None:
    """The words that make a sentence about a threat ("terrorism", "militants"), if any."""
    found = _THREAT_WORDS.search(sentence)
    return found.group() if found else None


def threats_in(sentence: str, groups: list[str], speaker: tuple[str, ThreatSide | None] | None) -> list[FoundThreat]:
    """Threat claims of one sentence: who names which group (or an unnamed threat), and how.

    ``speaker`` is the person (and their side) the sentence attributes words to, if any.
    """
    keyword = threat_words(sentence)
    if not groups and keyword is None:
        return []
    targets: list[tuple[str | None, str | None]] = [(group, None) for group in groups] or [(None, keyword)]
    military = _MILITARY.search(sentence)
    actors = [(match.start(), _ACTORS[match.group()]) for match in _ACTOR.finditer(sentence)]
    found: list[FoundThreat] = []
    if military and groups:
        acting = [side for start, side in actors if start < military.start()]
        by_phrase = re.search(r"\bby\s+(Iran|Tehran|Pakistan|Islamabad)\b", sentence)
        side = _ACTORS[by_phrase.group(1)] if by_phrase else (acting[0] if acting else None)
        if side:
            return [FoundThreat(side, "government", "military action", group, None, 0.7,
                                f"“{military.group()}” by {side}") for group, _ in targets]
    if speaker is not None and speaker[1] in ("Iran", "Pakistan"):
        side = speaker[1]
        assert side == "Iran" or side == "Pakistan"
        return [FoundThreat(side, speaker[0], "statement", group, unnamed, 0.6, "said by a speaker of that side")
                for group, unnamed in targets]
    statement = _STATEMENT.search(sentence)
    if statement:
        acting = [side for start, side in actors if start < statement.start()]
        if acting:
            sides = list(dict.fromkeys(acting))
            return [FoundThreat(side, "government", "statement", group, unnamed, 0.5,
                                f"“{statement.group()}” by {side}") for side in sides for group, unnamed in targets]
    if groups and keyword:
        sides = list(dict.fromkeys(side for _, side in actors)) or ["Iran", "Pakistan"]
        if re.search(r"\b(?:two|both)\s+(?:countries|sides|nations|neighbou?rs)\b", sentence):
            sides = ["Pakistan", "Iran"]
        for side in sides:
            found.extend(FoundThreat(side, "outlet", "narration", group, None, 0.4, "the outlet's narration")
                         for group, _ in targets)
    return found
