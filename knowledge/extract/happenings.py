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
from knowledge.extract.world import World
from knowledge.models import PRECISIONS, DateSpan, ThreatHow

_MONTH = r"(?:" + "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(name.capitalize() for name in WEEKDAYS) + r")"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_PART = r"(?:night|morning|evening|afternoon)"
_DATE_PHRASE = re.compile(
    rf"\b(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+(?:on\s+)?)?(?:"
    rf"(?:[Oo]n\s+)?(?:the\s+{_PART}\s+of\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"
    rf"|(?:[Oo]n\s+)?(?:the\s+{_PART}\s+of\s+)?{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\b"
    rf"|(?:[Oo]n\s+)?(?:(?:last|next|this)\s+)?{_WEEKDAY}(?:\s+{_PART})?\b"
    rf"|(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y)\s+{_MONTH}(?:,?\s+{_YEAR})?\b"
    rf"|{_MONTH}\s+{_YEAR}\b"
    rf"|(?:[Ii]n|[Ss]ince|[Dd]uring)\s+(?:the\s+year\s+)?{_YEAR}\b"
    rf"|[Tt]oday|[Yy]esterday|[Tt]onight|[Tt]his\s+morning|(?:[Tt]his|[Ll]ast|[Nn]ext)\s+(?:week|month|year)"
    rf"|(?:[Ee]arlier|[Ll]ater)\s+(?:today|this\s+(?:week|month|year))"
    rf"|(?P<same_day>(?:[Ee]arlier|[Ll]ater)\s+(?:in\s+)?(?:the|that)\s+day|the\s+same\s+day)"
    rf"|(?P<now>[Cc]urrently|[Aa]t\s+present)"
    rf"|(?:(?<=their\s)|(?<=its\s)|(?<=his\s)|(?<=her\s)|(?<=the\s)){_MONTH}(?:\s+{_YEAR})?(?=\s+[a-z])"
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
        if match["now"] and published is not None:
            found.append(DatePhrase(phrase, offset + match.start(), resolve("today", published), "today"))
            continue
        if match["same_day"]:
            if last_day is not None:
                found.append(DatePhrase(phrase, offset + match.start(),
                                        DateSpan(start=last_day, end=last_day, precision="day"),
                                        last_day.isoformat()))
            continue
        anchor = published or date(9999, 12, 31)
        try:
            span = resolve(phrase, anchor, context=sentence if published else None)
        except DateError:
            continue
        if published is None and span.end.year == 9999:
            continue
        if published is None and not re.search(_YEAR, phrase):
            continue
        ahead = published is not None and span.precision == "day" and span.start > published and \
            span != resolve(phrase, anchor)
        found.append(DatePhrase(phrase, offset + match.start(), span, span.start.isoformat() if ahead else None))
    return found


_OPENER = re.compile(r"\b(?:that|which|who|after|following|since|before)\b", re.IGNORECASE)
_SEQUENCE = re.compile(r"(?:Meanwhile|Eventually|Subsequently|Afterwards|Later|Then|(?:After|Following)\b[^,]{3,80}),")
_EVENT_SUBJECT = re.compile(
    r"(?:The|This|That|These)\s+(?:[a-z-]+\s+)?(?:attacks?|assault|violence|clash(?:es)?|fighting|(?:air)?strikes?|"
    r"hostilities|incident|skirmish(?:es)?|bombing|blast|raids?|ambush)\b"
)
_PAST = re.compile(
    r"(?<![-\w’'])(?:[a-z]{2,}ed|took|came|began|met|held|went|fell|rose|saw|made|gave|left|led|struck|fought|"
    r"won|lost|sent|told|said|broke|hit|spoke|flew|drew)\b"
)
_NOT_PAST = re.compile(
    r"\b(?:(?:has|have)\s+(?:\w+\s+)?|to\s+|(?:the|an?|from|of|with|for|by|its|their|his|her|and)\s+)$", re.IGNORECASE
)
_CAPTION = re.compile(r"\((?:Photo|File\s+photo|Image|Picture)\b|\((?:L|R|C|left|right)\)")


def split_clauses(sentence: str, offset: int, phrases: list[DatePhrase]) -> tuple[list[DatePhrase], list[DatePhrase]]:
    """The phrases of the main clause, and those of a subordinate one ("a group that was formed in
    2012", "after an October 11 assault"), which date a happening of their own."""
    main: list[DatePhrase] = []
    aside: list[DatePhrase] = []
    for found in phrases:
        (aside if _OPENER.search(sentence, 0, found.start - offset) else main).append(found)
    return main, aside


def reports_past(sentence: str) -> bool:
    """True when the sentence has a verb in the past ("met", "erupted"), not "has suffered"."""
    return any(not _NOT_PAST.search(sentence, max(0, match.start() - 30), match.start())
               for match in _PAST.finditer(sentence))


def continuation(sentence: str) -> str | None:
    """How a sentence carries a narrative on: its leading words ("Meanwhile", "After the skirmish
    on Oct 11"), "" when its subject is a happening already told ("The attack had followed …"), or
    None when it does neither or reports nothing past."""
    if not reports_past(sentence):
        return None
    if lead := _SEQUENCE.match(sentence):
        return lead.group().rstrip(",")
    return "" if _EVENT_SUBJECT.match(sentence) else None


def is_caption(paragraph: str) -> bool:
    """A photo caption ("… meet in Islamabad. (Photo by IRNA)") reports no happening of its own."""
    return bool(_CAPTION.search(paragraph))


def most_precise(phrases: list[DatePhrase]) -> DatePhrase | None:
    """The phrase that dates an event best: the finest precision, then the first written."""
    return min(phrases, key=lambda found: (_RANK[found.span.precision], found.start), default=None)


_MILITARY = re.compile(
    r"\b(?:strikes?|struck|airstrikes?|air\s+strikes?|attacks?\s+on|launched|targeted|raids?|raided|bombed|"
    r"shelled|drone|missiles?|operations?\s+against|killed)\b"
)
_STATEMENT = re.compile(
    r"\b(?:said|says|stated|demanded|urged|called\s+on|called\s+for|agreed|reaffirmed|vowed|accused|warned|pledged|asked|"
    r"denounced|condemned|blamed)\b"
)
_DESIGNATING = re.compile(
    r"\b(?:designated|banned|proscribed|outlawed|blacklisted)\b(?!\s+(?:groups?|outfits?|organi[sz]ations?|militants?)\b)"
)
_LABELLED = re.compile(
    r",?\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:terror(?:ist)?|militant|proscribed|banned|outlawed)\s+"
    r"(?:outfit|group|organi[sz]ation|network)\b"
)
_FACING = re.compile(
    r"\b(?:grappl\w+|fac(?:e|es|ed|ing)|suffer(?:s|ed|ing)?|battl(?:e|es|ed|ing)|struggl\w+|plagued|hit\s+by|"
    r"confront\w*)\b"
)
_THREAT_WORDS = re.compile(
    r"\b(?:terror\w*|militan\w*|insurgen\w*|extremis\w*|separatis\w*|threats?|cross-border\s+attacks?"
    r"|hostile\s+(?:actions?|activit(?:y|ies)|acts?|elements)"
    r"|attacks?\s+(?:planned|launched|staged|mounted|plotted)\s+(?:from|across|inside)\b)", re.IGNORECASE
)
_MODIFIERS = re.compile(r"(?:\b(?:[a-z]+-[a-z]+|foreign|armed|banned|proscribed|terrorist|terror|militant)\s+){0,2}$")
_TAIL = re.compile(
    r"(?:\s+(?!(?:and|but|or|that|which|who|to|is|are|was|were|has|have|had|will|would|as|in|on|is)\b)"
    r"[\w’'-]+){0,5}"
)
_BOTH = re.compile(r"\b(?:both|the\s+two)\s+(?:countries|sides|nations|neighbou?rs|governments)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundThreat:
    """A threat claim read from a sentence; ``named_by`` is a person id, "government" or "outlet"."""

    side: str
    named_by: str
    how: ThreatHow
    group: str | None
    unnamed: str | None
    confidence: float
    why: str


@dataclass(frozen=True)
class GroupAt:
    """A group the sentence mentions, at characters ``start``..``end`` of the sentence."""

    group: str
    start: int
    end: int


def describe_threat(sentence: str) -> str | None:
    """A short description of the unnamed threat a sentence speaks of ("cross-border terrorist
    attacks", "attacks planned across the border"), or None when it names none."""
    found = _THREAT_WORDS.search(sentence)
    if found is None:
        return None
    left = _MODIFIERS.search(sentence, 0, found.start())
    start = left.start() if left else found.start()
    tail = _TAIL.match(sentence, found.end())
    end = tail.end() if tail else found.end()
    return " ".join(sentence[start:end].split())


def _acting(sentence: str, before: int, pair: list[str], world: World) -> list[str]:
    """The sides named before ``before`` (the verb): countries, or "both sides" meaning ``pair``."""
    sides = world.sides_named(sentence[:before])
    return sides + [side for side in pair if side not in sides] if _BOTH.search(sentence[:before]) else sides


def threats_in(sentence: str, full: str, groups: list[GroupAt], speaker: tuple[str, str] | None,
               pair: list[str], world: World) -> list[FoundThreat]:
    """Threat claims of one sentence: who names which group (or an unnamed threat), and how.

    ``sentence`` has its quotations masked, ``full`` is as written; ``speaker`` is the person
    (and their side) the sentence attributes words to, if any; ``pair`` the sides the paragraph
    names, for "both sides". Military action is the acting side's; words inside quotations count
    only for a speaker; a group labelled "a terror outfit" by the outlet is also its narration.
    """
    unnamed = describe_threat(full if speaker else sentence)
    if not groups and unnamed is None:
        return []
    ids = list(dict.fromkeys(found.group for found in groups))
    targets: list[tuple[str | None, str | None]] = [(group, None) for group in ids] or [(None, unnamed)]
    military = _MILITARY.search(sentence)
    targeted = list(dict.fromkeys(found.group for found in groups if military and found.start > military.start()))
    if military and targeted:
        by_phrase = re.search(rf"\bby\s+({world.actor.pattern})", sentence)
        acting = [world.side_named(by_phrase.group(1))] if by_phrase else _acting(sentence, military.start(), pair,
                                                                                   world)
        if acting:
            side = acting[0]
            labelled = [found.group for found in groups if _LABELLED.match(full, found.end)]
            return [FoundThreat(side, "government", "military action", group, None, 0.7,
                                f"“{military.group()}” by {side}") for group in targeted] + [
                FoundThreat(side, "outlet", "narration", group, None, 0.5, "labelled a terrorist group by the outlet")
                for group in dict.fromkeys(labelled)]
    designating = _DESIGNATING.search(sentence)
    if designating and ids and (acting := _acting(sentence, designating.start(), pair, world)):
        return [FoundThreat(side, "government", "designation", group, None, 0.6, f"“{designating.group()}” by {side}")
                for side in acting for group in ids]
    if speaker is not None:
        return [FoundThreat(speaker[1], speaker[0], "statement", group, what, 0.6, "said by a speaker of that side")
                for group, what in targets]
    statement = _STATEMENT.search(sentence)
    if statement and (acting := _acting(sentence, statement.start(), pair, world)):
        return [FoundThreat(side, "government", "statement", group, what, 0.5, f"“{statement.group()}” by {side}")
                for side in acting for group, what in targets]
    facing = next((match for match in _FACING.finditer(sentence)
                   if _THREAT_WORDS.search(sentence, match.end(), match.end() + 40)), None)
    sides = _acting(sentence, facing.start(), pair, world) if facing else []
    if ids and unnamed:
        sides = sides or world.sides_named(sentence) or pair[:2]
    if not ids and facing is None:
        return []
    return [FoundThreat(side, "outlet", "narration", group, what, 0.4, "the outlet's narration")
            for side in sides for group, what in targets]
