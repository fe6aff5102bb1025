"""Measure the extractor against curated facts: ``python -m knowledge.evaluate [--articles DIR]``.

For every seed with a curated file (``knowledge/articles/<stem>.toml``), and for every test
article of ours (``tests/articles/<name>.txt`` with ``<name>.expected.toml``), the extractor is
run with the curated publication date and its proposals are compared with the curated facts.

Matching, per article:

- **direct quotes** — an extracted direct quote matches a curated one when their normalised
  texts (lower case, accents and punctuation folded) are equal, one contains the other, or
  their edit similarity is at least 85. *Speaker accuracy* is the share of matched curated
  quotes whose extracted speaker is the same person (ids compared through the alias table).
- **reported statements** — as direct quotes, but texts also match when they share at least
  half of their content words (paraphrase boundaries differ between curators).
- **event dates** — an extracted event matches a curated event when their evidence sentences
  are equal or one contains the other (whitespace folded). *Date accuracy* is the share of
  matched events whose :class:`DateSpan` (start, end and precision, resolved by
  ``knowledge.dates.resolve``) equals the curated one; *dates right* is the share of all
  curated events matched with the right span.
- **threat claims** — a match needs equal evidence, the same side and the same group (or both
  unnamed); *named_by accuracy* compares who named the threat.

Precision = matched extracted / extracted; recall = matched curated / curated. Each curated
fact matches at most one extracted fact: among the unused extracted facts that match it, the
first that also agrees (a sentence may hold several events with different dates), else the first.
Figures are printed per corpus (seeds, test articles) and per article with ``--verbose``.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from knowledge import timeml
from knowledge.cli import exit_with
from knowledge.dates import DateError, resolve
from knowledge.extract import REPO_ROOT, Directory, Proposals, propose
from knowledge.extract.cast import slug
from knowledge.models import ArticleFile, DatedEntry, DateSpan, EventEntry, QuoteEntry, ThreatEntry
from knowledge.names import STOPWORDS, normalize

TARGETS = {"direct recall": 0.95, "direct speaker": 0.95, "event date accuracy": 0.9}


@dataclass
class Tally:
    """Counts for one kind of fact."""

    extracted: int = 0
    curated: int = 0
    matched_extracted: int = 0
    matched_curated: int = 0
    agreed: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Add another article's counts."""
        self.extracted += other.extracted
        self.curated += other.curated
        self.matched_extracted += other.matched_extracted
        self.matched_curated += other.matched_curated
        self.agreed += other.agreed
        self.misses.extend(other.misses)

    @property
    def precision(self) -> float:
        """Matched extracted facts over extracted facts."""
        return self.matched_extracted / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        """Matched curated facts over curated facts."""
        return self.matched_curated / self.curated if self.curated else 1.0

    @property
    def accuracy(self) -> float:
        """Agreement (speaker, date, named_by) over matched curated facts."""
        return self.agreed / self.matched_curated if self.matched_curated else 1.0


@dataclass
class Scores:
    """Tallies for the four kinds of fact."""

    direct: Tally = field(default_factory=Tally)
    reported: Tally = field(default_factory=Tally)
    events: Tally = field(default_factory=Tally)
    threats: Tally = field(default_factory=Tally)

    def add(self, other: Scores) -> None:
        """Add another article's scores."""
        for name in ("direct", "reported", "events", "threats"):
            getattr(self, name).add(getattr(other, name))

    def figures(self) -> dict[str, float]:
        """The headline figures, named as in :data:`TARGETS`."""
        return {
            "direct recall": self.direct.recall, "direct speaker": self.direct.accuracy,
            "event date accuracy": self.events.accuracy,
        }


def _content(text: str) -> set[str]:
    return {word for word in normalize(text).split() if word not in STOPWORDS}


def texts_match(extracted: str, curated: str, *, loose: bool = False) -> bool:
    """The quote-text matching rule documented above."""
    a, b = normalize(extracted), normalize(curated)
    if not a or not b:
        return False
    if a in b or b in a or fuzz.ratio(a, b) >= 85:
        return True
    if loose:
        ours, theirs = _content(extracted), _content(curated)
        return bool(ours and theirs) and len(ours & theirs) >= 0.5 * min(len(ours), len(theirs))
    return False


def evidence_match(extracted: str, curated: str) -> bool:
    """Evidence sentences match when equal or one contains the other, whitespace folded."""
    a, b = " ".join(extracted.split()), " ".join(curated.split())
    return a == b or a in b or b in a


def _span(entry: DatedEntry, published: date) -> DateSpan | None:
    phrase = entry.resolve_as or entry.date_phrase
    if phrase is None:
        return DateSpan(start=published, end=published, precision="day")
    try:
        return resolve(phrase, published)
    except DateError:
        return None


def _pair(extracted: list[Any], curated: list[Any], matches: Callable[[Any, Any], bool],
          agrees: Callable[[Any, Any], bool], describe: Callable[[Any], str]) -> Tally:
    tally = Tally(extracted=len(extracted), curated=len(curated))
    used: set[int] = set()
    for theirs in curated:
        candidates = [i for i, ours in enumerate(extracted) if i not in used and matches(ours, theirs)]
        found = next((i for i in candidates if agrees(extracted[i], theirs)), next(iter(candidates), None))
        if found is None:
            tally.misses.append(f"missed {describe(theirs)}")
            continue
        used.add(found)
        tally.matched_curated += 1
        if agrees(extracted[found], theirs):
            tally.agreed += 1
        else:
            tally.misses.append(f"disagrees on {describe(theirs)} (got {describe(extracted[found])})")
    tally.matched_extracted = len(used)
    tally.misses.extend(f"extra {describe(ours)}" for i, ours in enumerate(extracted) if i not in used)
    return tally


class Speakers:
    """Person references to canonical ids through the people file's names and aliases."""

    def __init__(self, directory: Directory) -> None:
        self.ids: dict[str, str] = {}
        for person in directory.people:
            for name in (person.id, person.name, *person.aliases):
                self.ids.setdefault(normalize(name), person.id)

    def canonical(self, reference: str) -> str:
        """The id a reference names (a new name's proposed id when the base does not hold it)."""
        return self.ids.get(normalize(reference), slug(reference))


def score(proposals: Proposals, curated: ArticleFile, speakers: Speakers) -> Scores:
    """Compare one article's proposals with its curated facts."""
    published = curated.source.published
    quotes = [p.entry for p in proposals.quotes]
    scores = Scores()

    def same_speaker(ours: QuoteEntry, theirs: QuoteEntry) -> bool:
        return speakers.canonical(ours.speaker) == speakers.canonical(theirs.speaker)

    def show_quote(entry: QuoteEntry) -> str:
        return f"{entry.speaker}: {entry.text[:60]!r}"

    def quote_tally(kind: str) -> Tally:
        def matches(ours: QuoteEntry, theirs: QuoteEntry) -> bool:
            return texts_match(ours.text, theirs.text, loose=kind == "reported")

        return _pair([q for q in quotes if q.kind == kind], [q for q in curated.quote if q.kind == kind],
                     matches, same_speaker, show_quote)

    scores.direct, scores.reported = quote_tally("direct"), quote_tally("reported")

    def show_event(entry: EventEntry) -> str:
        return f"{entry.date_phrase or entry.resolve_as}: {entry.evidence[:60]!r}"

    scores.events = _pair(
        [p.entry for p in proposals.events], list(curated.event),
        lambda ours, theirs: evidence_match(ours.evidence, theirs.evidence),
        lambda ours, theirs: _span(ours, published) == _span(theirs, published), show_event)

    def show_threat(entry: ThreatEntry) -> str:
        return f"{entry.side}/{entry.group or entry.unnamed}/{entry.how}: {entry.evidence[:50]!r}"

    def same_threat(ours: ThreatEntry, theirs: ThreatEntry) -> bool:
        return evidence_match(ours.evidence, theirs.evidence) and ours.side == theirs.side and (
            ours.group == theirs.group if theirs.group else ours.group is None)

    scores.threats = _pair([p.entry for p in proposals.threats], list(curated.threat), same_threat,
                           lambda ours, theirs: ours.named_by == theirs.named_by, show_threat)
    return scores


@dataclass(frozen=True)
class Case:
    """An article and its curated (or expected) facts."""

    name: str
    text: str
    curated: ArticleFile


def seed_cases(root: Path) -> list[Case]:
    """Every seed that has a curated article file."""
    cases = []
    for curated in sorted((root / "knowledge" / "articles").glob("*.toml")):
        seed = root / "seeds" / f"{curated.stem}.txt"
        if seed.exists():
            data = ArticleFile.model_validate(tomllib.loads(curated.read_text("utf-8")))
            cases.append(Case(seed.name, seed.read_text("utf-8"), data))
    return cases


def own_cases(folder: Path) -> list[Case]:
    """Our own test articles: ``<name>.txt`` with ``<name>.expected.toml``."""
    cases = []
    for expected in sorted(folder.glob("*.expected.toml")):
        article = expected.with_name(expected.name.removesuffix(".expected.toml") + ".txt")
        data = ArticleFile.model_validate(tomllib.loads(expected.read_text("utf-8")))
        cases.append(Case(article.name, article.read_text("utf-8"), data))
    return cases


def evaluate(cases: Iterable[Case], directory: Directory) -> tuple[Scores, dict[str, Scores]]:
    """Run the extractor on each case; total and per-article scores."""
    speakers = Speakers(directory)
    total, each = Scores(), {}
    for case in cases:
        proposals = propose(case.text, directory, case.curated.source.published)
        each[case.name] = score(proposals, case.curated, speakers)
        total.add(each[case.name])
    return total, each


def report(title: str, total: Scores) -> str:
    """The figures of one corpus as a small table."""
    rows = [f"{title}", f"  {'':18} {'extracted':>9} {'curated':>8} {'precision':>9} {'recall':>7} {'agree':>7}"]
    for label, tally, agree in (("direct quotes", total.direct, "speaker"),
                                ("reported", total.reported, "speaker"),
                                ("event dates", total.events, "date"),
                                ("threat claims", total.threats, "by")):
        rows.append(f"  {label:18} {tally.extracted:>9} {tally.curated:>8} {tally.precision:>9.2f} "
                    f"{tally.recall:>7.2f} {tally.accuracy:>5.2f} {agree}")
    dates_right = total.events.agreed / total.events.curated if total.events.curated else 1.0
    rows.append(f"  event dates right over all curated events: {dates_right:.2f}")
    for name, target in TARGETS.items():
        value = total.figures()[name]
        rows.append(f"  target {name} >= {target}: {value:.2f} {'ok' if value >= target else 'SHORT'}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the figures for the seeds and for our test articles (``dates --timeml DIR``: the dates)."""
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["dates"]:
        return timeml.main(arguments[1:])
    parser = argparse.ArgumentParser(prog="python -m knowledge.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO_ROOT)
    parser.add_argument("--articles", type=Path, default=None, help="test articles (default tests/articles)")
    parser.add_argument("--verbose", action="store_true", help="list every miss, per article")
    parser.add_argument("--polnear", type=Path, metavar="DIR", help="measure on a PolNeAR checkout instead")
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev", help="PolNeAR split (default dev)")
    args = parser.parse_args(argv)
    if args.polnear is not None:
        return polnear_main(args.polnear, args.split, Directory.load(args.root / "knowledge"))
    directory = Directory.load(args.root / "knowledge")
    for title, cases in (("seeds (curated files)", seed_cases(args.root)),
                         ("test articles (expected files)", own_cases(args.articles or args.root / "tests" /
                                                                        "articles"))):
        total, each = evaluate(cases, directory)
        print(report(f"{title}: {len(each)} articles", total))
        if args.verbose:
            for name, scores in each.items():
                for kind in ("direct", "reported", "events", "threats"):
                    for miss in getattr(scores, kind).misses:
                        print(f"    {name} {kind}: {' '.join(miss.split())}")
    return 0


def polnear_main(folder: Path, split: str, directory: Directory) -> int:
    """``--polnear DIR [--split S]``: the figures of one PolNeAR split (see :mod:`knowledge.polnear`)."""
    from knowledge.polnear import CorpusError, evaluate_split
    from knowledge.polnear import report as polnear_report

    try:
        print(polnear_report(split, evaluate_split(folder, split, directory)))
    except (CorpusError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    exit_with(main)
