"""Measure the date resolver on TimeML news: each DATE expression against the document's creation date.

``python -m knowledge.evaluate dates --timeml DIR`` reads every ``*.tml`` file under ``DIR``
(TimeBank, AQUAINT, TempEval-3 silver), resolves each TIMEX3 of type DATE with
:func:`knowledge.dates.resolve` (its sentence as context) and prints, by kind of expression,
the share *understood* (resolved at all) and *value right* (the same value as the annotation, or
the same calendar interval; a vague reference by its anchor on the creation date). Annotated
values that name no interval (``XXXX-XX``, ``P1D``, ``1998-W02-XX``) are counted, not scored.
Files are split deterministically by a hash of their name into ``dev`` and ``held-out`` (one in five).
"""

from __future__ import annotations

import argparse
import html
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from knowledge.dates import DateError, iso_text, month_span, resolve, season_span
from knowledge.models import DateSpan

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
KINDS = ("absolute", "relative-day", "week", "month", "year", "quarter", "half", "season", "decade",
         "century", "vague")


@dataclass(frozen=True)
class Timex:
    """One annotated DATE expression: its words, TimeML value, sentence and document date."""

    document: str
    text: str
    value: str
    sentence: str
    created: date


def _creation_date(markup: str) -> date | None:
    match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', markup)
    if not match:
        return None
    value = dict(_ATTRIBUTE.findall(match.group())).get("value", "")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_document(path: Path) -> Iterator[Timex]:
    """The DATE expressions of one TimeML file's text, each with its sentence."""
    markup = path.read_text(encoding="utf-8", errors="replace")
    created = _creation_date(markup)
    body = re.search(r"<TEXT>(.*)</TEXT>", markup, re.DOTALL)
    if created is None or body is None:
        return
    plain: list[str] = []
    length = 0
    found: list[tuple[int, int, dict[str, str]]] = []
    opened: tuple[int, dict[str, str]] | None = None
    position = 0
    content = body.group(1)
    for tag in _TAG.finditer(content):
        piece = html.unescape(content[position:tag.start()])
        plain.append(piece)
        length += len(piece)
        position = tag.end()
        if tag[2] != "TIMEX3":
            continue
        if tag[1]:
            if opened is not None:
                found.append((opened[0], length, opened[1]))
            opened = None
        else:
            opened = (length, dict(_ATTRIBUTE.findall(tag[3])))
    plain.append(html.unescape(content[position:]))
    text = "".join(plain)
    for start, end, attributes in found:
        if attributes.get("type") != "DATE" or attributes.get("functionInDocument") == "CREATION_TIME":
            continue
        yield Timex(path.name, " ".join(text[start:end].split()), attributes.get("value", ""),
                    _sentence(text, start, end), created)


def _sentence(text: str, start: int, end: int) -> str:
    left = max((match.end() for match in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = next((match.start() + 1 for match in _SENTENCE_END.finditer(text, end)), len(text))
    return " ".join(text[left:right].split())


def gold_span(value: str) -> DateSpan | None:
    """The calendar interval a TimeML value names, or None (vague references, unknown parts, durations)."""
    value = re.sub(r"T(?:MO|AF|EV|NI|DT|\d.*)$", "", value)
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        try:
            day = date(*map(int, match.groups()))
        except ValueError:
            return None
        return DateSpan(start=day, end=day, precision="day")
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = map(int, match.groups())
        return DateSpan(start=month_span(year, month)[0], end=month_span(year, month)[1], precision="month") \
            if 1 <= month <= 12 else None
    if match := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
        if match[3]:
            return DateSpan(start=monday + timedelta(days=5), end=monday + timedelta(days=6), precision="day")
        return DateSpan(start=monday, end=monday + timedelta(days=6), precision="week")
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, quarter = int(match[1]), int(match[2])
        return DateSpan(start=date(year, 3 * quarter - 2, 1), end=month_span(year, 3 * quarter)[1], precision="quarter")
    if match := re.fullmatch(r"(\d{4})-H([12])", value):
        year, half = int(match[1]), int(match[2])
        return DateSpan(start=date(year, 6 * half - 5, 1), end=month_span(year, 6 * half)[1], precision="half")
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return season_span(int(match[1]), _SEASONS[match[2]])
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return DateSpan(start=date(year, 1, 1), end=date(year, 12, 31), precision="year")
    if re.fullmatch(r"\d{3}", value):
        first = int(value) * 10
        return DateSpan(start=date(first, 1, 1), end=date(first + 9, 12, 31), precision="decade")
    if re.fullmatch(r"\d{2}", value):
        first = int(value) * 100
        return DateSpan(start=date(first, 1, 1), end=date(first + 99, 12, 31), precision="century")
    return None


def kind_of(timex: Timex) -> str | None:
    """The kind of expression a timex is, by its annotated value and words; None when unscored."""
    if timex.value in _REFS:
        return "vague"
    gold = gold_span(timex.value)
    if gold is None:
        return None
    if gold.precision in {"quarter", "half", "season", "decade", "century", "week"}:
        return gold.precision
    if gold.precision == "day" and gold.start != gold.end:
        return "week"
    if re.search(r"\d", timex.text):
        return "absolute"
    return "relative-day" if gold.precision == "day" else gold.precision


def value_right(timex: Timex, span: DateSpan) -> bool:
    """Whether a resolved span agrees with the annotation: same interval, or a vague one's anchor."""
    created = timex.created
    if timex.value == "PRESENT_REF":
        return span.start <= created <= span.end
    if timex.value == "PAST_REF":
        return span.precision == "vague" and span.end == created and span.start < created
    if timex.value == "FUTURE_REF":
        return span.precision == "vague" and span.start == created and span.end > created
    gold = gold_span(timex.value)
    if gold is None:
        return False
    return (span.start, span.end) == (gold.start, gold.end) or iso_text(span) == re.sub(r"T\w+$", "", timex.value)


def _corpus(root: Path, path: Path) -> str:
    """The top folder under the TimeML directory a file lies in (its corpus: gold or silver)."""
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else root.name


def split_of(path: Path) -> str:
    """``held-out`` for one file in five, by a hash of its name; ``dev`` for the rest."""
    return "held-out" if zlib.crc32(path.name.encode()) % 5 == 0 else "dev"


@dataclass
class Tally:
    """Counts for one kind of expression."""

    total: int = 0
    understood: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, understood: bool, right: bool, miss: str | None) -> None:
        """Count one expression."""
        self.total += 1
        self.understood += understood
        self.right += right
        if miss:
            self.misses.append(miss)


def score(timexes: list[Timex]) -> tuple[dict[str, Tally], Counter[str]]:
    """Tallies by kind, and the count of unscored values by their shape."""
    tallies = {kind: Tally() for kind in KINDS}
    unscored: Counter[str] = Counter()
    for timex in timexes:
        kind = kind_of(timex)
        if kind is None:
            unscored[re.sub(r"\d", "9", timex.value)] += 1
            continue
        try:
            span = resolve(timex.text, timex.created, context=timex.sentence)
        except DateError:
            tallies[kind].add(False, False, f"not understood: {timex.text!r} = {timex.value}")
            continue
        right = value_right(timex, span)
        miss = None if right else (f"wrong: {timex.text!r} = {timex.value}, read {span.start}/{span.end} "
                                   f"{span.precision} (created {timex.created}) in {timex.sentence[:160]!r}")
        tallies[kind].add(True, right, miss)
    return tallies, unscored


def report(title: str, tallies: dict[str, Tally], unscored: Counter[str]) -> str:
    """The table the command prints for one split."""
    rows = [title, f"  {'kind':14} {'count':>6} {'understood':>10} {'value right':>11}"]
    total = Tally()
    for kind, tally in tallies.items():
        if tally.total:
            rows.append(f"  {kind:14} {tally.total:>6} {tally.understood / tally.total:>10.2f} "
                        f"{tally.right / tally.total:>11.2f}")
        total.total += tally.total
        total.understood += tally.understood
        total.right += tally.right
    if total.total:
        rows.append(f"  {'overall':14} {total.total:>6} {total.understood / total.total:>10.2f} "
                    f"{total.right / total.total:>11.2f}")
    shapes = ", ".join(f"{shape} {count}" for shape, count in unscored.most_common())
    rows.append(f"  not scored (value names no interval): {sum(unscored.values())}"
                + (f" ({shapes})" if shapes else ""))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print understood / value right by kind, for the dev and held-out splits of a TimeML directory."""
    parser = argparse.ArgumentParser(prog="python -m knowledge.evaluate dates", description=__doc__.splitlines()[0])
    parser.add_argument("--timeml", type=Path, required=True, help="a directory of TimeML (*.tml) files")
    parser.add_argument("--split", choices=("dev", "held-out", "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="list every dev miss")
    args = parser.parse_args(argv)
    files = sorted(args.timeml.rglob("*.tml"))
    if not files:
        parser.error(f"no *.tml files under {args.timeml}")
    splits = ("dev", "held-out") if args.split == "all" else (args.split,)
    types: Counter[str] = Counter()
    for path in files:
        types.update(dict(_ATTRIBUTE.findall(tag.group())).get("type", "?")
                     for tag in re.finditer(r"<TIMEX3\b[^>]*>", path.read_text(encoding="utf-8", errors="replace"))
                     if "CREATION_TIME" not in tag.group())
    print(f"{len(files)} files; TIMEX3 by type (creation dates left out): "
          + ", ".join(f"{kind} {count}" for kind, count in types.most_common()) + "; DATE scored")
    for split in splits:
        chosen = [path for path in files if split_of(path) == split]
        corpora = sorted({_corpus(args.timeml, path) for path in chosen})
        for corpus in ([None] if len(corpora) == 1 else [None, *corpora]):
            timexes = [timex for path in chosen if corpus in {None, _corpus(args.timeml, path)}
                       for timex in read_document(path)]
            tallies, unscored = score(timexes)
            files_in = sum(1 for path in chosen if corpus in {None, _corpus(args.timeml, path)})
            title = f"{split}{f' / {corpus}' if corpus else ''}: {files_in} files, {len(timexes)} DATE expressions"
            print(report(title, tallies, unscored))
            if args.verbose and split == "dev" and corpus is None:
                for kind, tally in tallies.items():
                    for miss in tally.misses:
                        print(f"    {kind}: {miss}")
    return 0

