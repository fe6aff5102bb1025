"""Resolve the date phrases of news English against an article's publication date.

``resolve("on Wednesday", published)`` gives the :class:`DateSpan` the phrase denotes. Weeks
run Monday to Sunday. A bare weekday names the latest such day on or before publication (a
Wednesday article's "on Wednesday" is that very day); a bare month or month-day that would lie
after publication is last year's — unless the sentence given as ``context`` looks ahead ("will",
"is due to", "next"), when it is the next such day or month. Quarters, halves, seasons, decades
and centuries have precisions of their own; vague references ("recently", "now", "soon") are
spans of precision ``vague`` anchored on the publication date: the past ends at it (and starts
at ``date.min``), the present is that day, the future starts at it (and ends at ``date.max``).

With a sentence, a day named without its year up to a month ahead stays this year's; earnings
copy's "a year ago" is the same quarter a year earlier; "that year", "the following month" count
from the last date the sentence names before them; holidays follow their calendar rule; a phrase
not understood as written is tried without its hedges ("nearly four years ago", "1994 or later").
``parse_period`` reads the periods users type in commands.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

from knowledge.models import PRECISIONS, DateSpan, Precision

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
# A period a reader writes relative to the day they ask ("what happened last year?")
RELATIVE_TO_TODAY = re.compile(
    r"(?:(?:the\s+)?(?:last|this|past|previous)\s+(?:year|month|week|quarter|spring|summer|autumn|fall|winter)"
    r"|(?:a|one|two|three|four|five|six|\d{1,2})\s+(?:day|week|month|year)s?\s+ago|yesterday|today)", re.IGNORECASE)

_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_WORDS})\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d{2})"
_LEAD = (r"^(?:(?:on|in|during|since|by|from|at|over|within|for|throughout|of)\s+)?"
         r"(?:(?:the|its|their|his|her|our)\s+)?"
         r"(?:(?:night|morning|evening|afternoon)\s+of\s+)?")
_LEAD_WORDS = r"^(?:(?:early|late|earlier|later)\s+(?:on\s+)?|(?:early|mid|late)-)"


class DateError(ValueError):
    """A phrase the resolver does not understand, or a date that does not exist."""


def month_span(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def week_start(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


def _span(start: date, end: date, precision: Precision) -> DateSpan:
    return DateSpan(start=start, end=end, precision=precision)


def _day(year: int, month: int, day: int) -> DateSpan:
    try:
        found = date(year, month, day)
    except ValueError as error:
        raise DateError(f"{year}-{month:02d}-{day:02d} is not a date ({error})") from None
    return _span(found, found, "day")


def _month(year: int, month: int) -> DateSpan:
    return _span(*month_span(year, month), "month")


def _year_of(month: int, day: int, published: date, way: str = "back", *, dated: bool = False) -> int:
    """The year of a month (and day) named without one: last year's when it is still ahead; looking
    ahead, next year's when it is already past; with no tense to go by, the nearer of the two. A
    day read in a sentence (``dated``) at most a month off is this year's whatever the tense: a
    story does not name last year's date of the coming weeks, nor next year's of the past weeks,
    without its year."""
    later = (month, day) > (published.month, published.day)
    if dated and (close := _year_within_a_month(month, day, published)):
        return close
    if way == "ahead":
        return published.year + 1 if (month, day) < (published.month, published.day) else published.year
    if way == "near":
        return published.year + (month < published.month) if (month - published.month) % 12 <= 4 else \
            published.year - (month > published.month)
    return published.year - 1 if later else published.year


def _year_within_a_month(month: int, day: int, published: date) -> int | None:
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            if abs((date(year, month, day) - published).days) <= 31:
                return year
        except ValueError:
            return None
    return None


def _year_by_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year next to ``year`` in which the month-day falls on the weekday named with it."""
    for candidate in (year, year + 1, year - 1):
        try:
            if date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def iso_span(text: str) -> DateSpan | None:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None when ``text`` is none of them."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if not 1 <= year <= 9998:
        raise DateError(f"{text!r}: the year {year} is out of range")
    if month is None:
        return _span(date(year, 1, 1), date(year, 12, 31), "year")
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: there is no month {month}")
    return _day(year, month, day) if day else _month(year, month)


def _iso_range(text: str) -> DateSpan | None:
    """Read ``A..B`` of ISO dates ('2025-10-11..2025-10-29'): a span known only to lie between them."""
    first, separator, last = text.partition("..")
    if not separator:
        return None
    start, end = iso_span(first), iso_span(last)
    if start is None or end is None:
        return None
    if end.end < start.start:
        raise DateError(f"the range {text!r} ends before it starts")
    coarser = max(start.precision, end.precision, key=PRECISIONS.index)
    return _span(start.start, end.end, coarser)


_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_CARDINALS = {**{word: number for number, word in enumerate(_UNITS)}, **_TENS}
_CARDINAL = r"(?:" + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + r")"
_NUMBER_WORDS = re.compile(rf"\b(?P<tens>{'|'.join(_TENS)})[- ](?P<unit>{'|'.join(_UNITS[1:10])})\b|\b{_CARDINAL}\b")
_YEAR_WORDS = re.compile(r"\b(?P<century>nineteen|twenty)[- ](?P<rest>\d{2})\b")
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth")
_ORDINAL = r"(?P<ordinal>twenty[- ]first|" + "|".join(_ORDINAL_WORDS) + r"|\d{1,2}(?:st|nd|rd|th))"
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:would|may|might|could|can)\s+(?!have\b|not\b)|going\s+to|(?:set|poised|likely)\s+"
    r"(?:to|for|in|on|by)|due\s+(?:for|in|on|by)|(?:is|are|was|were|be|being|'s)\s+due\s+to|"
    r"(?<!than[- ])(?<!had\s)expected|slated|planned|(?:plans?|planning|intends?|aims?|hopes?|expects?|"
    r"promised|vowed)\s+to|(?:is|are)\s+to\s+\w+|as\s+soon\s+as|(?<!the\s)next(?!\s+to\b)|upcoming|coming|scheduled|forthcoming|ahead|payable|expires?|deadline)\b",
    re.IGNORECASE)
_NOT_A_PAST_VERB = (r"(?<!-)(?!un\w+ed\b)(?!(?:alleg|arm|limit|detail|advanc|interest|concern|unit|hundr|nak|wick|"
                    r"sacr|belov|kindr)ed\b)(?!\w*eed\b)")
_PAST_CUE = re.compile(
    rf"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)\b(?:was|were|had|did|said|told|{_NOT_A_PAST_VERB}\w{{3,}}ed|brought|began|came|took|made|went|got|gave|held|left|met|rose|fell|saw|"
    r"sold|bought|won|lost|paid|led|kept|spent|sent|struck|thought|found|became|ran|wrote|spoke|broke|grew|drew|"
    r"chose|flew|fought|knew|meant|felt|stood|understood|ago)\b", re.IGNORECASE)
_PRESENT_EVENT = re.compile(r"\b(?:opens|begins|starts|ends|closes|meets|visits|arrives|leaves|flies|travels|heads|"
                            r"hosts|resumes|entertains|faces|plays|climaxes|goes|go\s+on|sit\s+down)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|until|till|through|before|to)$")
_CLAUSE = re.compile(r"[,;:()—–]|\b(?:that|which|who|said|says|but|while|after|before|when|because|although|whereas)\b",
                     re.IGNORECASE)
_SEASON_NAMES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_BACK = r"(?:last|past|previous|preceding|prior|latest|most\s+recent|this\s+past)"
_AHEAD = r"(?:next|coming|upcoming|following)"
_VAGUE = {
    "present": {"already", "at present", "at the moment", "at this time", "by now", "current", "currently",
                "for the time being", "just now", "now", "now-current", "nowadays", "present", "presently",
                "right now", "so far", "still", "the current", "the moment", "the present", "the present time",
                "these days", "this moment", "this time", "time being", "to date", "today's", "until now", "up to now",
                "yet"},
    "past": {"a few months ago", "a few years ago", "a while ago", "ago", "at that time", "at the time", "before",
             "earlier", "earlier times", "former", "formerly", "historically", "in past years", "in recent days",
             "in recent months", "in recent weeks", "in recent years", "in the past", "in years past", "lately",
             "long ago", "more recently", "not long ago", "once", "once again", "past", "past few years", "past years",
             "previously", "recent", "recent days", "recent months", "recent past", "recent quarters", "recent times",
             "recent weeks", "recent years", "recently", "several months ago", "several years ago", "some time ago",
             "the former", "the last few years", "the old days", "the other day", "the past", "the past few years",
             "the recent past", "then", "years ago", "yesterday's"},
    "future": {"as soon as possible", "coming months", "coming weeks", "coming years", "down the road", "eventually",
               "from now on", "future", "future months", "future quarters", "future years", "henceforth",
               "in due course", "in future years", "in the coming days", "in the coming months", "in the coming weeks",
               "in the coming years", "in the days ahead", "in the future", "in the long run", "in the long term",
               "in the months ahead", "in the near future", "in the near term", "in the weeks ahead",
               "in the years ahead", "in years to come", "later", "near future", "one day", "shortly", "some day",
               "someday", "soon", "sooner or later", "the coming days", "the coming months", "the coming weeks",
               "the coming years", "the days ahead", "the future", "the long run", "the long term", "the months ahead",
               "the near future", "the near term", "the short term", "the weeks ahead", "the years ahead",
               "tomorrow's", "years to come"},
}
_VAGUE_KIND = {phrase: kind for kind, phrases in _VAGUE.items() for phrase in phrases}
_UNITS_PLURAL = r"(?:days|weeks|months|quarters|years|decades)"
_VAGUE_FORMS = (
    (re.compile(rf"(?:in\s+)?(?:recent|the\s+(?:past|last)\s+(?:few|several))\s+{_UNITS_PLURAL}"
                rf"(?:\s+(?:and|or)\s+{_UNITS_PLURAL})?|(?:several|a\s+few|some|many)\s+{_UNITS_PLURAL}\s+ago"),
     "past"),
    (re.compile(rf"(?:in\s+)?(?:the\s+)?(?:coming|future|upcoming|next\s+(?:few|several))\s+{_UNITS_PLURAL}"
                r"|(?:at\s+)?(?:a|some)\s+later\s+(?:date|time|stage)"), "future"),
    (re.compile(r"(?:at\s+)?this\s+(?:\w+\s+)?(?:moment|juncture)"), "present"),
)
_RELATIVE = re.compile(r"(?:(?P<count>\d+|a|an|one|a\s+couple\s+of)\s+)?(?P<unit>day|week|month|quarter|year|decade)s?"
                       r"\s+(?P<way>ago|earlier|before|back|previously|later|after|from\s+now|hence|on)")
_ROLLING = re.compile(rf"(?P<way>{_BACK}|{_AHEAD}|last|first)\s+(?P<count>\d+|few|several|couple\s+of)\s+"
                      r"(?P<unit>day|week|month|quarter|year|decade)s"
                      r"|(?P<way1>coming|past(?=\s+decade))\s+(?P<unit1>day|week|month|quarter|year|decade)")
_CALENDAR_STEP = re.compile(rf"(?P<way>{_BACK}|{_AHEAD}|this|current|same|that)\s+(?P<unit>day|week|month|quarter|"
                            r"year|decade|century|half)"
                            r"|(?P<unit1>year|quarter|month|week)[- ](?:ago|earlier)(?:\s+(?:period|quarter|year|"
                            r"month|week))?")
_QUARTER = re.compile(
    rf"(?:(?:(?P<year0>{_YEAR[9:-1]})|(?P<relyear0>last|this|next)\s+year)(?:'s)?\s+)?(?:fiscal\s+)?"
    r"(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|"
    r"final|last)[- ](?:fiscal[- ])?(?P<unit>quarter|half)|q(?P<q>[1-4])|(?P<q1>[1-4])q|h(?P<h>[12])|"
    r"(?P<latter>latter|later|last|second|first|1st|2nd)\s+half)"
    rf"(?:\s+(?:of\s+)?(?:fiscal\s+|the\s+)?(?:(?P<year>{_YEAR[9:-1]})|"
    r"(?P<relyear>last|this|next|the)\s+(?:fiscal\s+)?year|"
    rf"'(?P<short>\d\d)))?")
_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                     "final": 4, "last": 4}
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
_DECADE = re.compile(r"(?P<part>early|mid|late|middle)?[- ]?(?:(?P<century>1[0-9]|20)?(?P<decade>\d)0'?s"
                     rf"|'(?P<short>\d)0'?s)|(?P<word>{'|'.join(_DECADE_WORDS)})")
_CENTURY = re.compile(rf"(?:{_ORDINAL}|(?P<way>this|last|past|previous|next|coming|current))[- ]century"
                      r"|(?P<hundreds>1[0-9]|20)00s")
_FISCAL_YEAR = re.compile(rf"(?:(?:fiscal|fy)[- ]?(?:year\s+)?|year\s+)?{_YEAR}|'(?P<short>\d\d)")
_STEP_MONTH = re.compile(rf"(?P<way>{_AHEAD}|this|{_BACK})\s+{_MONTH}")
_MONTH_OF_YEAR = re.compile(rf"{_MONTH}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year")
_WEEKEND = re.compile(rf"(?:(?P<way>{_BACK}|{_AHEAD}|this|that)\s+)?week[- ]?end")
_YEAR_AGO = re.compile(r"(?:a|1)\s+year\s+(?:ago|earlier|before)|year[- ](?:ago|earlier)(?:\s+(?:period|quarter|"
                       r"results?))?|quarter\s+a\s+year\s+(?:ago|earlier)|(?:corresponding|same)\s+(?:period|quarter)\s+"
                       r"(?:of\s+|a\s+)?(?:last\s+year|year\s+(?:ago|earlier|before))")
_YEAR_AGO_QUARTER = re.compile(rf"(?:year[- ](?:ago|earlier)|{_YEAR}|last\s+year's)\s+"
                               r"(?:(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[- ])?quarter|period)")
_MONTH_RANGE = re.compile(rf"{_MONTH}(?:\s*[-–]\s*|[-\s](?:to|through|until)[-\s])(?P<last>{_MONTH_WORDS})\.?"
                          rf"(?:\s+(?:period|quarter|months))?(?:,?\s+(?:of\s+)?{_YEAR})?")
_QUARTER_TALK = re.compile(r"\bquarter|\bQ[1-4]\b|\b(?:a|per)\s+share\b|\bnet\b|\bearn(?:ed|ings)?\b|\bprofit|"
                           r"\brevenues?\b|\bsales\b|\bperiod\b|\bresults\b", re.IGNORECASE)
_LONGER_PERIOD = re.compile(r"\b(?:nine|six|twelve|\d+)\s+months\b|\b(?:full|fiscal|whole)\s+year\b|\bannual|"
                            r"\byear[- ]to[- ]date\b", re.IGNORECASE)
_WEEK_NAMED = rf"(?:{_AHEAD}|{_BACK}|this)\s+week"
_DAY_OF_WEEK = re.compile(rf"(?:(?P<before>{_WEEK_NAMED})'?s?\s+)?{_WEEKDAY}(?:\s+(?:of\s+)?(?P<after>{_WEEK_NAMED}))?")
_DAY_RANGE = re.compile(rf"{_MONTH}\s+{_DAY}\s*[-–]\s*(?P<last>\d{{1,2}})(?:,?\s+{_YEAR})?")
_CLOCK = re.compile(r"\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+[a-z]{2,4}t)?\s+(?P<rest>.+)")
_DAY_WORDS = {"day": 0, "that day": 0, "this day": 0, "same day": 0, "that same day": 0, "this afternoon": 0,
              "tonight": 0, "late today": 0, "day before yesterday": -2, "day after tomorrow": 2}


_ANAPHOR = re.compile(r"(?:(?:on|in|during|by|for|of)\s+)?(?:(?P<which>that|the\s+same|that\s+same|the\s+following|"
                      r"the\s+next|the\s+previous|the\s+preceding|the\s+prior)\s+(?P<unit>day|week|month|year)|"
                      r"the\s+(?P<unit1>day|week|month|year)\s+(?P<rel>before|after))")
_ANAPHOR_STEPS = {"following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1}
_MONTH_NAMES = "|".join(sorted((name for name in (*calendar.month_name, *calendar.month_abbr, "Sept") if name),
                               key=len, reverse=True))
_ANCHOR = re.compile(rf"\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d\d\b)?"
                     rf"|\b(?:{_MONTH_NAMES})\.?,?\s+(?:19|20)\d\d\b|(?<=\bin\s)(?:{_MONTH_NAMES})\b|\b(?:{_MONTH_NAMES})(?='s\b)"
                     rf"|\b(?:19|20)\d\d\b(?![\d,.]\d|\s*%)|\b(?:{'|'.join(calendar.day_name)})\b(?!'s)")
_FINER = {"day": {"day"}, "week": {"day"}, "month": {"day", "month"}}


def _anchored(text: str, phrase: str, published: date, context: str) -> DateSpan | None:
    """'that year', 'the following month', 'the day before': counted from the last date the sentence
    names before the phrase ('in June 1998 … later that year'); None when it names none."""
    match = _ANAPHOR.fullmatch(text)
    where = context.find(phrase.strip())
    if not match or where < 0:
        return None
    anchors = [found.group() for found in _ANCHOR.finditer(context, 0, where)]
    if not anchors:
        return None
    try:
        anchor = resolve(anchors[-1], published, context=context)
    except DateError:
        return None
    unit = match["unit"] or match["unit1"]
    if anchor.precision not in _FINER.get(unit, {anchor.precision}) or anchor.start.year != anchor.end.year:
        return None
    steps = _ANAPHOR_STEPS.get((match["which"] or match["rel"]).split()[-1], 0)
    return _unit_span(unit, _step(unit, anchor.start, steps))


Direction = Literal["back", "ahead", "near"]


def direction(context: str, phrase: str) -> Direction:
    """Which way the clause a phrase stands in points: ``ahead`` ("will be held in June"),
    ``back`` (a verb in the past: "met in June"), or ``near`` when it shows no tense.

    A past verb right beside the phrase ("said Monday") decides first; a phrase standing alone
    at a clause's edge ("In June, the board will vote") takes the next clause's tense.
    """
    text = context.casefold().replace("’", "'")
    needle = phrase.strip().casefold().replace("’", "'")
    where = text.find(needle)
    if where < 0:
        return "ahead" if _FUTURE_CUE.search(text) else "back" if _PAST_CUE.search(text) else "near"
    before = " ".join(text[:where].split()[-2:])
    after = " ".join(text[where + len(needle):].split()[:1]).strip(",.;:")
    beside = [match for match in _PAST_CUE.finditer(before) if match.end() == len(before)] + \
        [match for match in _PAST_CUE.finditer(after) if match.start() == 0]
    if any(not _FUTURE_CUE.fullmatch(match.group()) for match in beside) or re.search(r"\bsince$", before) \
            or needle.startswith("since "):
        return "back"
    bounds = [0, *(match.start() for match in _CLAUSE.finditer(text)), len(text)]
    first = max(bound for bound in bounds if bound <= where)
    last = min(bound for bound in bounds if bound >= where + len(needle))
    clause = text[first:where] + " " + text[where + len(needle):last]
    if not _FUTURE_CUE.search(clause) and not _PAST_CUE.search(clause):
        clause = text[last:min((bound for bound in bounds if bound > last), default=len(text))]
    if not _FUTURE_CUE.search(clause) and not _PAST_CUE.search(clause):
        cues = [*((match.start(), "ahead") for match in _FUTURE_CUE.finditer(text, 0, first)),
                *((match.start(), "back") for match in _PAST_CUE.finditer(text, 0, first)
                  if not _FUTURE_CUE.fullmatch(match.group()))]
        if cues and max(cues)[1] == "ahead":
            return "ahead"
    ahead, back = _FUTURE_CUE.search(clause), _PAST_CUE.search(clause)
    if ahead and back and not _FUTURE_CUE.fullmatch(back.group()):
        offset = where - first
        return "ahead" if abs(ahead.start() - offset) <= abs(back.start() - offset) else "back"
    if ahead:
        return "ahead"
    return "near" if not back or _DEADLINE.search(before) else "back"


def _words_to_numbers(text: str) -> str:
    """Spelled-out numbers as digits: 'four years ago' → '4 years ago', 'nineteen ninety-four' → '1994'."""
    if not _NUMBER_WORDS.search(text):
        return text
    text = re.sub(rf"\btwo thousand(?: and)?(?: ({_CARDINAL}))?\b",
                  lambda m: str(2000 + (_CARDINALS[m[1]] if m[1] else 0)), text)
    text = _NUMBER_WORDS.sub(_cardinal, text)
    return _YEAR_WORDS.sub(lambda m: f"{19 if m['century'] == 'nineteen' else 20}{int(m['rest']):02d}", text)


def _cardinal(match: re.Match[str]) -> str:
    if match["tens"]:
        return str(_TENS[match["tens"]] + _CARDINALS[match["unit"]])
    word = match.group()
    return word if word in {"nineteen", "twenty"} else str(_CARDINALS[word])


def _count(text: str | None) -> int:
    if not text or text in {"a", "an", "one"}:
        return 1
    if "couple" in text:
        return 2
    return int(text) if text.isdigit() else 3


def _year(year: int) -> DateSpan:
    return _span(date(year, 1, 1), date(year, 12, 31), "year")


def _shift_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _unit_span(unit: str, day: date) -> DateSpan:
    """The calendar unit (day, week, month, quarter, half, year, decade, century) holding ``day``."""
    if unit == "day":
        return _span(day, day, "day")
    if unit == "week":
        start = week_start(day)
        return _span(start, start + timedelta(days=6), "week")
    if unit == "month":
        return _month(day.year, day.month)
    if unit == "quarter":
        return _quarter(day.year, (day.month - 1) // 3 + 1)
    if unit == "half":
        return _half(day.year, 1 if day.month <= 6 else 2)
    if unit == "year":
        return _year(day.year)
    if unit == "decade":
        return _decade(day.year - day.year % 10)
    return _century(day.year // 100)


def _step(unit: str, day: date, steps: int) -> date:
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    if unit in months:
        return _shift_months(day, months[unit] * steps)
    return day + timedelta(days=steps * (7 if unit == "week" else 1))


def _quarter(year: int, quarter: int) -> DateSpan:
    return _span(date(year, 3 * quarter - 2, 1), month_span(year, 3 * quarter)[1], "quarter")


def _half(year: int, half: int) -> DateSpan:
    return _span(date(year, 6 * half - 5, 1), month_span(year, 6 * half)[1], "half")


def _decade(first: int) -> DateSpan:
    return _span(date(max(first, 1), 1, 1), date(first + 9, 12, 31), "decade")


def _century(hundreds: int) -> DateSpan:
    """The century of the years ``hundreds``00–99 (ISO 8601 and TimeML: '19' is 1900–1999)."""
    return _span(date(max(hundreds * 100, 1), 1, 1), date(hundreds * 100 + 99, 12, 31), "century")


def season_span(year: int, season: str) -> DateSpan:
    """A northern season by month: spring is March–May; winter runs from December into the next year."""
    first, last = _SEASONS[season]
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return _span(month_span(year, first)[0], month_span(end_year, end_month)[1], "season")


def easter(year: int) -> date:
    """Western Easter Sunday of a year (the Gregorian computus)."""
    golden, century, rest = year % 19, year // 100, year % 100
    moon = (19 * golden + century - century // 4 - (century - (century + 8) // 25 + 1) // 3 + 15) % 30
    weekday = (32 + 2 * (century % 4) + 2 * (rest // 4) - moon - rest % 4) % 7
    shift = (golden + 11 * moon + 22 * weekday) // 451
    month, day = divmod(moon + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` given weekday of a month (``nth`` -1: the last)."""
    if nth < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": lambda year: date(year, 12, 24),
    "christmas": lambda year: date(year, 12, 25),
    "boxing day": lambda year: date(year, 12, 26),
    "new year's eve": lambda year: date(year, 12, 31),
    "new year's": lambda year: date(year, 1, 1),
    "new year": lambda year: date(year, 1, 1),
    "valentine's day": lambda year: date(year, 2, 14),
    "may day": lambda year: date(year, 5, 1),
    "halloween": lambda year: date(year, 10, 31),
    "easter": easter,
    "good friday": lambda year: easter(year) - timedelta(days=2),
    "palm sunday": lambda year: easter(year) - timedelta(days=7),
    "easter monday": lambda year: easter(year) + timedelta(days=1),
    "ash wednesday": lambda year: easter(year) - timedelta(days=46),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    "election day": lambda year: _nth_weekday(year, 11, 0, 1) + timedelta(days=1),
    "labor day": lambda year: _nth_weekday(year, 9, 0, 1),
    "memorial day": lambda year: _nth_weekday(year, 5, 0, -1),
    "mother's day": lambda year: _nth_weekday(year, 5, 6, 2),
    "father's day": lambda year: _nth_weekday(year, 6, 6, 3),
}
_HOLIDAY_NAMES = "|".join(sorted(_HOLIDAYS, key=len, reverse=True))
_HOLIDAY = re.compile(rf"(?:(?P<way>{_BACK}|{_AHEAD}|this)\s+)?(?P<name>{_HOLIDAY_NAMES})"
                      r"(?:\s+(?:day|sunday))?(?P<week>\s+week)?(?:'s)?(?:\s+(?:of\s+)?(?P<year>(?:1[0-9]|20)\d\d))?")


def _holiday(match: re.Match[str], published: date, heading: Direction) -> DateSpan:
    """A holiday by its rule: in the year written, else the last one by publication, the next one
    looking ahead or after 'next', and with no tense the next one when it is at most a month away."""
    rule = _HOLIDAYS[match["name"]]
    if match["year"]:
        day = rule(int(match["year"]))
    else:
        way = match["way"] or ""
        begun = week_start if match["week"] else lambda day: day
        days = [rule(year) for year in range(published.year - 1, published.year + 2)]
        upcoming = next(day for day in days if day >= published)
        past = [day for day in days if begun(day) <= published][-1]
        ahead = bool(re.fullmatch(_AHEAD, way)) or not re.fullmatch(_BACK, way) and (
            heading == "ahead" or heading == "near" and (upcoming - published).days <= 31 or way == "this"
            and (upcoming - published).days < (published - past).days)
        day = upcoming if ahead else past
    return _unit_span("week", day) if match["week"] else _span(day, day, "day")


def _nearest(candidates: list[DateSpan], published: date, forward: bool, *, started: bool = True) -> DateSpan:
    """The latest span begun by publication (ended, with ``started`` false) or, looking ahead, the
    first not yet over."""
    if forward:
        return next(span for span in candidates if span.end >= published)
    return [span for span in candidates if (span.start if started else span.end) <= published][-1]


def _vague(kind: str, published: date) -> DateSpan:
    if kind == "present":
        return _span(published, published, "vague")
    if kind == "past":
        return _span(date.min, published, "vague")
    return _span(published, date.max, "vague")


def _weekend(way: str | None, published: date, forward: bool) -> DateSpan:
    """Saturday and Sunday: this week's, the coming one when looking ahead, else the last begun."""
    saturday = week_start(published) + timedelta(days=5)
    if way and re.fullmatch(_AHEAD, way) or way in {None, "that"} and forward:
        saturday += timedelta(days=7 if published >= saturday else 0)
    elif way and re.fullmatch(_BACK, way) or way != "this" and published < saturday:
        saturday -= timedelta(days=7)
    return _span(saturday, saturday + timedelta(days=1), "day")


def _extended(text: str, body: str, published: date, heading: Direction, context: str | None) -> DateSpan | None:
    """The forms beyond the articles' own: vague references, counted and rolling spans, parts of
    years, seasons, decades, centuries, weekends and months or weekdays with 'last'/'next'."""
    forward = heading == "ahead"
    if kind := _VAGUE_KIND.get(text) or _VAGUE_KIND.get(body) or next(
            (kind for form, kind in _VAGUE_FORMS if form.fullmatch(text)), None):
        return _vague(kind, published)
    if match := _HOLIDAY.fullmatch(body):
        return _holiday(match, published, heading)
    if match := _DAY_RANGE.fullmatch(body):
        month = MONTHS[match["month"]]
        year = int(match["year"]) if match["year"] else \
            _year_of(month, int(match["day"]), published, heading, dated=context is not None)
        opening, closing = _day(year, month, int(match["day"])), _day(year, month, int(match["last"]))
        return _span(opening.start, closing.end, "day") if opening.start < closing.end else None
    if match := re.fullmatch(rf"{_WEEK_OF}\s+(?P<rest>.+)", body):
        named = resolve(match["rest"], published, context=context)
        if named.precision == "month" and named.start.month == named.end.month:
            return _week_of_month(match["which"], named.start.year, named.start.month)
    if (match := _DAY_OF_WEEK.fullmatch(body)) and bool(match["before"]) != bool(match["after"]):
        week = resolve(match["before"] or match["after"], published)
        day = week.start + timedelta(days=WEEKDAYS[match["weekday"]])
        return _span(day, day, "day")
    if match := re.fullmatch(r"(?P<count>\d+|a|one|a\s+couple\s+of)\s+(?P<unit>day|week|month|year)s?'?s?\s+time",
                             body):
        return _unit_span(match["unit"], _step(match["unit"], published, _count(match["count"])))
    if match := re.fullmatch(rf"{_MONTH}\s+{_DAY},?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year", body):
        return _day(published.year + {"last": -1, "this": 0, "next": 1}[match["rel"]], MONTHS[match["month"]],
                    int(match["day"]))
    if match := re.fullmatch(rf"(?:next|coming)\s+{_MONTH}\s+{_DAY}", body):
        month, number = MONTHS[match["month"]], int(match["day"])
        return _day(_year_of(month, number, published, "ahead"), month, number)
    if match := _MONTH_RANGE.fullmatch(body):
        first, last = MONTHS[match["month"]], MONTHS[match["last"]]
        year = int(match["year"]) if match["year"] else _year_of(last, 1, published, heading)
        start, end = _month(year - (first > last), first).start, _month(year, last).end
        quarter = _unit_span("quarter", start)
        return quarter if (quarter.start, quarter.end) == (start, end) else _span(start, end, "month")
    if match := _CLOCK.fullmatch(body):
        return resolve(match["rest"], published, context=context)
    if body in _DAY_WORDS:
        day = published + timedelta(days=_DAY_WORDS[body])
        return _span(day, day, "day")
    if match := _FISCAL_YEAR.fullmatch(body):
        if match["year"]:
            return _year(int(match["year"]))
        short = int(match["short"])
        return _year(published.year - published.year % 100 + short - (100 if short > published.year % 100 else 0))
    if match := _RELATIVE.fullmatch(body):
        steps = _count(match["count"]) * (-1 if match["way"] in {"ago", "earlier", "before", "back", "previously"}
                                          else 1)
        return _unit_span(match["unit"], _step(match["unit"], published, steps))
    if match := _ROLLING.fullmatch(body):
        way, unit = match["way"] or match["way1"], match["unit"] or match["unit1"]
        if match["count"] in {"few", "several", "couple of"}:
            return _vague("future" if re.fullmatch(_AHEAD, way) or way == "coming" else "past", published)
        steps = _count(match["count"]) * (1 if re.fullmatch(_AHEAD, way) or way in {"coming", "first"} else -1)
        other = _step(unit, published, steps)
        return _span(min(published, other), max(published, other), "day")
    if re.fullmatch(r"(?:(?:latest|most\s+recent|recent|last\s+reported)\s+)?quarter|(?:latest|most\s+recent)\s+period",
                    body):
        return _unit_span("quarter", _step("quarter", published, -1))
    if match := _YEAR_AGO_QUARTER.fullmatch(body):
        reported = _step("quarter", published, -1)
        number = _QUARTER_ORDINALS[match["ordinal"]] if match["ordinal"] else (reported.month - 1) // 3 + 1
        return _quarter(int(match["year"]) if match["year"] else reported.year - 1, number)
    if match := re.fullmatch(r"(?:(?:end|beginning|start|middle|rest|remainder|course)\s+of|around)\s+(?:the\s+)?"
                             r"(?P<rest>.+)|(?P<year_end>year[- ]end|year's\s+end|(?:full|whole|entire)\s+year)", body):
        return resolve(match["rest"], published, context=context) if match["rest"] else _year(published.year)
    if body in {"year", "month", "week"}:
        return _unit_span(body, published)
    if match := _CALENDAR_STEP.fullmatch(body):
        way, unit = match["way"] or "last", match["unit"] or match["unit1"]
        steps = -1 if re.fullmatch(_BACK, way) else 1 if re.fullmatch(_AHEAD, way) else 0
        return _unit_span(unit, _step(unit, published, steps))
    if match := _WEEKEND.fullmatch(body):
        return _weekend(match["way"], published, forward)
    if match := re.fullmatch(rf"(?P<way>{_AHEAD}|this|{_BACK})\s+{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?",
                             body):
        monday = week_start(published)
        day = monday + timedelta(days=WEEKDAYS[match["weekday"]])
        if re.fullmatch(_AHEAD, match["way"]) and day <= published:
            day += timedelta(days=7)
        elif re.fullmatch(_BACK, match["way"]) and day >= published:
            day -= timedelta(days=7)
        return _span(day, day, "day")
    if match := _STEP_MONTH.fullmatch(body) or _MONTH_OF_YEAR.fullmatch(body):
        month, way = MONTHS[match["month"]], match.groupdict().get("way") or match["rel"]
        if match.groupdict().get("rel"):
            return _month(published.year + {"last": -1, "this": 0, "next": 1}[way], month)
        months = [_month(year, month) for year in range(published.year - 1, published.year + 2)]
        if way == "this":
            return months[1]
        if re.fullmatch(_AHEAD, way):
            return next(span for span in months if span.start.month != published.month and span.start > published)
        return [span for span in months if span.end < published.replace(day=1)][-1]
    if match := re.fullmatch(rf"(?:(?P<way>{_AHEAD}|this|{_BACK}|early|late|mid|middle)\s+)?{_SEASON}"
                             rf"(?:\s+(?:of\s+)?(?:{_YEAR}|(?P<rel>last|this|next)\s+year))?", body):
        season, way = match["season"], match["way"]
        if match["year"]:
            return season_span(int(match["year"]), season)
        seasons = [season_span(year, season) for year in range(published.year - 2, published.year + 2)]
        if match["rel"]:
            year = published.year + {"last": -1, "this": 0, "next": 1}[match["rel"]]
            return season_span(year, season)
        if way and re.fullmatch(_AHEAD, way):
            return next(span for span in seasons if span.start > published)
        if way and re.fullmatch(_BACK, way):
            return _nearest(seasons, published, False, started=False)
        if way == "this":
            return min(seasons, key=lambda span: max((span.start - published).days, (published - span.end).days, 0))
        return _nearest(seasons, published, forward)
    if match := _QUARTER.fullmatch(body):
        year_text = match["year"] or match["year0"]
        if match["q"] or match["q1"] or match["unit"] == "quarter":
            number = int(match["q"] or match["q1"] or _QUARTER_ORDINALS[match["ordinal"]])
            build: Callable[[int, int], DateSpan] = _quarter
        else:
            number = 1 if (match["h"] == "1" or match["latter"] in {"first", "1st"}
                           or match["ordinal"] in {"first", "1st"}) else 2
            build = _half
        if year_text or match["short"]:
            year = int(year_text) if year_text else 1900 + int(match["short"])
            return build(year, number)
        if (relyear := match["relyear"] or match["relyear0"]) and relyear != "the":
            return build(published.year + {"last": -1, "this": 0, "next": 1}[relyear], number)
        if forward:
            return build(published.year, number)
        return _nearest([build(year, number) for year in range(published.year - 1, published.year + 2)],
                        published, False)
    if match := _DECADE.fullmatch(body):
        if match["word"]:
            first = 1920 + 10 * _DECADE_WORDS.index(match["word"])
        elif match["century"]:
            first = int(match["century"]) * 100 + int(match["decade"]) * 10
        else:
            digit = int(match["decade"] or match["short"])
            first = published.year // 100 * 100 + digit * 10
            first -= 100 if first > published.year else 0
        return _decade(first)
    if match := _CENTURY.fullmatch(body):
        if match["hundreds"]:
            return _century(int(match["hundreds"]))
        if match["way"]:
            steps = -1 if re.fullmatch(_BACK, match["way"]) else 1 if re.fullmatch(_AHEAD, match["way"]) else 0
            return _century(published.year // 100 + steps)
        ordinal = match["ordinal"].replace("-", " ")
        number = 21 if ordinal == "twenty first" else (
            _ORDINAL_WORDS.index(ordinal) + 1 if ordinal in _ORDINAL_WORDS else int(ordinal[:-2]))
        return _century(number - 1)
    return None


def resolve(phrase: str, published: date, *, context: str | None = None) -> DateSpan:
    """The span a date phrase denotes in an article published on ``published``.

    ``context`` is the sentence the phrase stands in: when it looks ahead ("will be held in
    June"), a bare month, day, weekday, season or quarter is the next one, not the last.
    Raises :class:`DateError` naming the phrase when it is not understood, or when it would lie
    outside the calendar (a phrase resolved against the last representable day).
    """
    try:
        return _resolve(phrase, published, context)
    except DateError as error:
        if repr(phrase) in str(error):
            raise
        raise DateError(f"{phrase!r}: {error}") from None
    except (OverflowError, ValueError):
        raise DateError(f"{phrase!r} lies outside the calendar when read against {published}") from None


_HEDGE = re.compile(r"^(?:almost|nearly|about|some|roughly|around|approximately|more\s+than|less\s+than|just|only|"
                    r"exactly|at\s+least|(?:a\s+good\s+|the\s+better\s+)?part\s+of|much\s+of|most\s+of|all\s+of|"
                    r"the\s+whole\s+of|sometime\s+(?:in\s+)?|(?:in\s+)?(?:the\s+)?(?:wee|early|small)\s+hours\s+(?:of\s+)?|"
                    r"(?:the\s+)?(?:early|late)\s+(?:morning|evening|afternoon|night)\s+(?:of\s+)?)\s*"
                    r"|(?:'s|\s+(?:or\s+(?:later|earlier|more|after|before)|and\s+(?:beyond|later|after)|respectively|alone))$"
                    r"|(?<=\S)\s+or\s+so\b")
_ORDINAL_DIGITS = re.compile(rf"\b(?:(?P<tens>twenty|thirty)[- ])?(?P<unit>{'|'.join(_ORDINAL_WORDS[:9])})\b"
                             rf"|\b(?P<word>{'|'.join(_ORDINAL_WORDS[9:])}|thirtieth)\b")


def _ordinal_figure(match: re.Match[str]) -> str:
    if match["word"]:
        return _ordinal(30 if match["word"] == "thirtieth" else _ORDINAL_WORDS.index(match["word"]) + 1)
    return _ordinal(_TENS.get(match["tens"] or "", 0) + _ORDINAL_WORDS.index(match["unit"]) + 1)


def _loosened(text: str) -> list[str]:
    """Readings of a phrase without its hedges ('nearly four years ago', '1994 or later', 'Friday's'),
    with 'this coming' as 'coming' and ordinals in figures ('March eighth'); each one differs from it."""
    variants = [_HEDGE.sub("", text), text.replace("this coming ", "coming "),
                _ORDINAL_DIGITS.sub(_ordinal_figure, text)]
    return [variant.strip() for variant in dict.fromkeys(variants) if variant.strip() not in {"", text}]


def _resolve(phrase: str, published: date, context: str | None, heading: Direction | None = None) -> DateSpan:
    try:
        return _resolve_as_written(phrase, published, context, heading)
    except DateError:
        text = re.sub(r"\s+", " ", phrase.strip().lower().replace("’", "'").rstrip(".,;:"))
        way = heading or ("back" if context is None else direction(context, phrase))
        for variant in _loosened(text):
            try:
                return _resolve(variant, published, context, way)
            except DateError:
                continue
        parts = [part for part in re.split(r",\s*", text) if part]
        if len(parts) > 1:
            try:
                spans = [_resolve(part, published, context, way) for part in parts]
            except DateError:
                pass
            else:
                return min(spans, key=lambda span: span.end - span.start)
        raise


def _resolve_as_written(phrase: str, published: date, context: str | None, heading: Direction | None) -> DateSpan:
    text = re.sub(r"\s+", " ", phrase.strip().lower().replace("’", "'").rstrip(".,;:"))
    text = re.sub(_LEAD_WORDS, "", text)
    way: Direction = heading or ("back" if context is None else direction(context, phrase))
    forward = way == "ahead"
    iso = iso_span(text) or _iso_range(text)
    if iso:
        return iso
    if text in {"today", "earlier today", "this morning", "this evening", "tonight", "on the day",
                "the same day", "later today"}:
        return _span(published, published, "day")
    if text in {"yesterday", "on yesterday"}:
        day = published - timedelta(days=1)
        return _span(day, day, "day")
    if text in {"this week", "earlier this week"}:
        return _span(week_start(published), published, "week")
    if text == "last week":
        start = week_start(published) - timedelta(days=7)
        return _span(start, start + timedelta(days=6), "week")
    if text == "tomorrow":
        day = published + timedelta(days=1)
        return _span(day, day, "day")
    if text == "next week":
        start = week_start(published) + timedelta(days=7)
        return _span(start, start + timedelta(days=6), "week")
    if text == "next month":
        following = published.replace(day=28) + timedelta(days=4)
        return _month(following.year, following.month)
    if text == "next year":
        return _span(date(published.year + 1, 1, 1), date(published.year + 1, 12, 31), "year")
    if text in {"this month", "earlier this month"}:
        return _span(published.replace(day=1), published, "month")
    if text == "last month":
        previous = published.replace(day=1) - timedelta(days=1)
        return _month(previous.year, previous.month)
    if text in {"this year", "earlier this year"}:
        return _span(date(published.year, 1, 1), published, "year")
    if text == "last year":
        return _span(date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), "year")

    if context and (anchored := _anchored(text, phrase, published, context)):
        return anchored
    body = _words_to_numbers(re.sub(_LEAD, "", text))
    if match := re.fullmatch(rf"(?:last\s+)?{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?", body):
        soon = way == "near" and context is not None and bool(_PRESENT_EVENT.search(context))
        if (forward or soon) and not body.startswith("last "):
            day = published + timedelta(days=(WEEKDAYS[match["weekday"]] - published.weekday()) % 7)
            return _span(day, day, "day")
        back = (published.weekday() - WEEKDAYS[match["weekday"]]) % 7
        if body.startswith("last ") and back == 0:
            back = 7
        day = published - timedelta(days=back)
        return _span(day, day, "day")
    if match := re.fullmatch(rf"{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", body) or re.fullmatch(
        rf"(?P<past>(?:last|this\s+past)\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", body
    ) or re.fullmatch(rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?", body):
        month, day_number = MONTHS[match["month"]], int(match["day"])
        year = int(match["year"]) if match["year"] else _year_of(
            month, day_number, published, "back" if match.groupdict().get("past") else way,
            dated=context is not None and not match.groupdict().get("past"))
        if not match["year"] and match.groupdict().get("weekday"):
            year = _year_by_weekday(year, month, day_number, WEEKDAYS[match["weekday"]])
        return _day(year, month, day_number)
    if match := re.fullmatch(rf"{_MONTH}(?:,?\s+{_YEAR})?", body):
        month = MONTHS[match["month"]]
        year = int(match["year"]) if match["year"] else _year_of(month, 31 if forward else 1, published, way)
        return _month(year, month)
    if match := re.fullmatch(rf"(?:the\s+year\s+)?{_YEAR}", body):
        year = int(match["year"])
        return _span(date(year, 1, 1), date(year, 12, 31), "year")
    if context and _YEAR_AGO.fullmatch(body) and _QUARTER_TALK.search(context) and not _LONGER_PERIOD.search(context):
        return _unit_span("quarter", _step("quarter", published, -5))
    try:
        found = _extended(text, re.sub(r"\bfiscal[- ]", "", body), published, way, context)
    except (ValueError, OverflowError, IndexError, StopIteration):
        found = None
    if found is not None:
        return found
    raise DateError(
        f"cannot resolve the date phrase {phrase!r}; write it as the article does using a known form "
        "('on Wednesday', 'last week', 'earlier this month', 'in August', 'on January 16', "
        "'in December 2023', 'in 2012', 'earlier today', 'the third quarter', 'recently') "
        "or add resolve_as = \"YYYY-MM-DD\""
    )


_PERIOD_SEPARATOR = re.compile(r"\s*(?:\.\.|–|—|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*")


def _period_point(text: str) -> DateSpan | None:
    cleaned = re.sub(r"\s+", " ", text.strip().lower().strip(",."))
    if not cleaned:
        return None
    iso = iso_span(cleaned)
    if iso:
        return iso
    if match := re.fullmatch(rf"(?P<part>early|mid|late)[ -]?{_YEAR}", cleaned):
        first = {"early": 1, "mid": 5, "late": 9}[match["part"]]
        year = int(match["year"])
        return _span(month_span(year, first)[0], month_span(year, first + 3)[1], "month")
    if match := re.fullmatch(rf"{_MONTH}[ ,/-]*{_YEAR}", cleaned) or re.fullmatch(
        rf"{_YEAR}[ ,/-]*{_MONTH}", cleaned
    ):
        return _month(int(match["year"]), MONTHS[match["month"]])
    if match := re.fullmatch(rf"(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", cleaned) or re.fullmatch(
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", cleaned
    ):
        return _day(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
    return _part_of_month(cleaned) or _season(cleaned)


_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}


def _part_of_month(text: str) -> DateSpan | None:
    """'early/mid/late January 2024' (days 1–10, 11–20, 21–end) and 'the first … last week of …'."""
    if match := re.fullmatch(rf"(?P<part>early|mid|late)[ -]?{_MONTH},?\s+{_YEAR}", text):
        first, last = month_span(int(match["year"]), MONTHS[match["month"]])
        start_day, end_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[match["part"]]
        return _span(first.replace(day=start_day), first.replace(day=end_day), "day")
    if match := re.fullmatch(rf"{_WEEK_OF}\s+{_MONTH},?\s+{_YEAR}", text):
        return _week_of_month(match["which"], int(match["year"]), MONTHS[match["month"]])
    return None


_WEEK_OF = r"(?:the\s+)?(?P<which>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+week\s+of"


def _week_of_month(which: str, year: int, month: int) -> DateSpan:
    """The first … fourth seven days of a month, or its last seven."""
    month_start, month_end = month_span(year, month)
    if which == "last":
        return _span(month_end - timedelta(days=6), month_end, "week")
    week = month_start + timedelta(days=7 * _ORDINALS[which])
    return _span(week, min(week + timedelta(days=6), month_end), "week")


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


def _season(text: str) -> DateSpan | None:
    """'summer 2025' (a user's period: at month precision)."""
    if match := re.fullmatch(rf"(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+{_YEAR}", text):
        found = season_span(int(match["year"]), match["season"])
        return _span(found.start, found.end, "month")
    return None


def parse_period(text: str) -> DateSpan | None:
    """Read a period typed by a user: a year, month, day, or a range ``A..B``.

    Returns None when ``text`` is not a period; raises :class:`DateError` for a period that is
    written like one but impossible (``2024-13``, or a range that ends before it starts).
    """
    parts = _PERIOD_SEPARATOR.split(text.strip(), maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        first, last = _period_point(parts[0]), _period_point(parts[1])
        if first is None and last is not None:  # "January to March 2024", "5 to 9 January": written once, at the end
            day_only = parts[0].strip().isdigit()
            first = _period_point(f"{parts[0]} {last.start:%B %Y}" if day_only else f"{parts[0]} {last.start.year}")
            if first is not None and first.start > last.end:  # "30 to 2 January", "November to February 2024"
                earlier = last.start.replace(day=1) - timedelta(days=1) if day_only else last.start.replace(
                    year=last.start.year - 1, day=1)
                first = _period_point(f"{parts[0]} {earlier:%B %Y}" if day_only else f"{parts[0]} {earlier.year}")
        if first is None or last is None:
            return None
        if last.end < first.start:
            raise DateError(f"the range {text!r} ends before it starts")
        precision = first.precision if first.precision == last.precision else "day"
        return _span(first.start, last.end, precision)
    return _period_point(text)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _season_of(span: DateSpan) -> str | None:
    names = (name for name, (first, _) in _SEASONS.items() if first == span.start.month and name != "autumn")
    return next((name for name in names if season_span(span.start.year, name) == span), None)


def _vague_text(span: DateSpan, phrase: str | None) -> str:
    if span.start == date.min:
        anchor, word = span.end, "in the past"
    elif span.end == date.max:
        anchor, word = span.start, "in the future"
    else:
        anchor, word = span.end, "now"
    return f"{phrase or word}, as of {anchor.day} {anchor:%b %Y}"


def format_span(span: DateSpan, phrase: str | None = None) -> str:
    """A span as readers expect it: '29 Oct 2025', 'week of 20 Oct 2025', 'Oct 2025', 'Q3 1989', 'H1 1989',
    'summer 2013', 'winter 2013–14', '1990s', '20th century', '2012', and vague spans with their anchor:
    'now, as of 29 Oct 2025', 'in the past, as of …' (``phrase``, the words as written, replaces the
    default word: 'recently, as of 29 Oct 2025')."""
    if span.precision == "vague":
        return _vague_text(span, phrase)
    if span.precision == "quarter" and span == _quarter(span.start.year, (span.start.month + 2) // 3):
        return f"Q{(span.start.month + 2) // 3} {span.start.year}"
    if span.precision == "half" and span == _half(span.start.year, (span.start.month + 5) // 6):
        return f"H{(span.start.month + 5) // 6} {span.start.year}"
    if span.precision == "season" and (season := _season_of(span)):
        years = f"{span.start.year}–{span.end:%y}" if span.end.year != span.start.year else str(span.start.year)
        return f"{season} {years}"
    if span.precision == "decade" and span == _decade(span.start.year):
        return f"{span.start.year}s"
    if span.precision == "century" and span == _century(span.start.year // 100):
        return f"{_ordinal(span.start.year // 100 + 1)} century"
    if span.precision == "day":
        if span.start == span.end:
            return f"{span.start.day} {span.start:%b %Y}"
        if (span.start.year, span.start.month) == (span.end.year, span.end.month):
            return f"{span.start.day}–{span.end.day} {span.end:%b %Y}"
        return f"{span.start.day} {span.start:%b %Y} – {span.end.day} {span.end:%b %Y}"
    if span.precision == "week":
        return f"week of {span.start.day} {span.start:%b %Y}"
    if span.precision == "month":
        if (span.start.year, span.start.month) == (span.end.year, span.end.month):
            return f"{span.start:%b %Y}"
        return f"{span.start:%b %Y} – {span.end:%b %Y}"
    if span.start.year == span.end.year:
        return str(span.start.year)
    return f"{span.start.year}–{span.end.year}"


def iso_text(span: DateSpan) -> str:
    """A span in ISO 8601 at its precision: '2025-10-29', '2025-W43', '2025-10', '1989-Q3', '1989-H1',
    '2013-SU', '2012', '199' (a decade), '19' (a century); else, vague spans too, 'start/end'."""
    if span.precision == "quarter" and span == _quarter(span.start.year, (span.start.month + 2) // 3):
        return f"{span.start.year}-Q{(span.start.month + 2) // 3}"
    if span.precision == "half" and span == _half(span.start.year, (span.start.month + 5) // 6):
        return f"{span.start.year}-H{(span.start.month + 5) // 6}"
    if span.precision == "season" and (season := _season_of(span)):
        return f"{span.start.year}-{_SEASON_NAMES[season]}"
    if span.precision == "decade" and span == _decade(span.start.year):
        return f"{span.start.year // 10:03d}"
    if span.precision == "century" and span == _century(span.start.year // 100):
        return f"{span.start.year // 100:02d}"
    if span.precision == "day" and span.start == span.end:
        return span.start.isoformat()
    if span.precision == "week":
        year, week, _ = span.start.isocalendar()
        return f"{year}-W{week:02d}"
    if span.precision == "month" and (span.start.year, span.start.month) == (span.end.year, span.end.month):
        return f"{span.start:%Y-%m}"
    if span.precision == "year" and span.start.year == span.end.year:
        return str(span.start.year)
    return f"{span.start.isoformat()}/{span.end.isoformat()}"
