"""Measure quote extraction on PolNeAR, a public corpus of attributions in US political news.

PolNeAR (github ``networkdynamics/PolNeAR``) annotates about 1,000 news articles in brat files:
each attribution has a *Source* (who), a *Cue* ("said") and a *Content* span (what), by
character offsets into ``data/<split>/text/<stem>.txt``; ``data/metadata.tsv`` gives each
article's publication date. ``DIR`` is the corpus checkout or its ``data`` folder; the texts
are read from there, never copied into this project. Where an article was annotated by several
annotators, the first annotation file (by name) is used.

Matching, per article:

- **gold attributions** are those with both a Source and a Content. A gold attribution is
  *direct* when at least half of its Content characters lie inside quotation marks (as
  :func:`knowledge.extract.reading.find_quotations` reads them), else *reported*.
- a proposed quote is placed in the text (its evidence sentence, then its text within it) and
  **matches** a gold attribution when their character spans overlap by at least half of the
  shorter of the two (the Content may be discontinuous: its pieces are summed). The extractor
  proposes the same words by the same speaker once, so a proposal of three words or more is also
  placed wherever the article repeats those words verbatim (live blogs repeat whole paragraphs).
- **precision** of a kind (direct, reported) = proposals of that kind that match any gold
  attribution, of either kind, over proposals of that kind; **recall** = gold attributions of
  that kind matched by a proposal of the same kind, over gold attributions of that kind.
- the **speaker is right** for a matched gold attribution when a word of the proposed speaker's
  name (two letters or more, titles and function words left out) is a word of the gold Source, or of the
  mentions it stands for (PolNeAR has no coreference links): a Source that is a pronoun or
  opens with a determiner ("he", "the Wisconsin Republican") is read through the earlier gold
  Sources that hold a capitalised word, back to and including the nearest one that opens with a
  name. *Speaker* accuracy is over matched gold attributions, counting the best-agreeing
  matching proposal.
"""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from knowledge.extract import Directory, Proposals, propose
from knowledge.extract.reading import find_quotations, paragraph_spans
from knowledge.names import TITLE_WORDS, normalize

SPLITS = ("train", "dev", "test")
_SPEAKER_NOISE = TITLE_WORDS | {"the", "and", "of", "for", "department", "office", "new", "news"}
_REPEATED_WORDS = 3
_SHORT_WORDS = frozenset(
    "he it we us an in on at to by of or is as my me no so if be do up ve ll re al el de la le da di du".split())  # noqa: SIM905


class CorpusError(ValueError):
    """The folder given is not a PolNeAR checkout; the message is one line."""


@dataclass(frozen=True)
class Gold:
    """One annotated attribution: its Content pieces, Source text and where the Source is."""

    content: tuple[tuple[int, int], ...]
    source: str
    source_start: int
    direct: bool


@dataclass(frozen=True)
class Article:
    """A PolNeAR article: its text, publication date and gold attributions."""

    stem: str
    text: str
    published: date | None
    gold: tuple[Gold, ...]


@dataclass
class Counts:
    """Counts for one kind of quotation."""

    proposed: int = 0
    proposed_right: int = 0
    gold: int = 0
    found: int = 0
    speaker_right: int = 0
    found_named: int = 0
    speaker_right_named: int = 0

    def add(self, other: Counts) -> None:
        """Add another article's counts."""
        for counted in fields(self):
            setattr(self, counted.name, getattr(self, counted.name) + getattr(other, counted.name))

    def by_source(self, label: str) -> str:
        """Speaker accuracy among gold found, split by whether the gold Source is a name or refers
        (a pronoun or description, whose person the corpus does not give and :func:`_named` infers)."""
        referring, right = self.found - self.found_named, self.speaker_right - self.speaker_right_named
        named = self.speaker_right_named / self.found_named if self.found_named else 1.0
        other = right / referring if referring else 1.0
        return (f"  {label:9} speaker {named:.2f} where the gold Source is a name ({self.found_named} found), "
                f"{other:.2f} where it refers ({referring} found)")

    def line(self, label: str) -> str:
        """One row of the report."""
        precision = self.proposed_right / self.proposed if self.proposed else 1.0
        recall = self.found / self.gold if self.gold else 1.0
        speaker = self.speaker_right / self.found if self.found else 1.0
        right = self.speaker_right / self.gold if self.gold else 1.0
        return (f"  {label:9} {self.proposed:>8} {self.gold:>5} {precision:>9.2f} {recall:>7.2f} "
                f"{speaker:>8.2f} {right:>13.2f}")


@dataclass
class Result:
    """Direct and reported counts, and the extraction time."""

    direct: Counts = field(default_factory=Counts)
    reported: Counts = field(default_factory=Counts)
    articles: int = 0
    words: int = 0
    seconds: float = 0.0


def _data_folder(folder: Path) -> Path:
    for candidate in (folder / "data", folder):
        if (candidate / "metadata.tsv").is_file() or any((candidate / split / "text").is_dir() for split in SPLITS):
            return candidate
    raise CorpusError(f"{folder}: not a PolNeAR checkout (no data/<split>/text folders or metadata.tsv)")


def _dates(data: Path) -> dict[str, date]:
    path = data / "metadata.tsv"
    if not path.is_file():
        return {}
    found: dict[str, date] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                found[row["filename"]] = date.fromisoformat(row["publication_date"])
            except (KeyError, ValueError):
                continue
    return found


def parse_ann(ann: str, text: str) -> tuple[Gold, ...]:
    """The attributions of one brat file that have a Source and a Content."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            if label in {"Source", "Content"}:
                pieces = []
                for piece in offsets.split(";"):
                    start, end = piece.split()
                    pieces.append((int(start), int(end)))
                spans[parts[0]] = tuple(pieces)
    marks = find_quotations(text, paragraph_spans(text))
    quoted = [(q.marks.start, q.marks.end) for q in marks]
    gold: list[Gold] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("E"):
            continue
        roles = dict(role.split(":", 1) for role in parts[1].split() if ":" in role)
        source, content = spans.get(roles.get("Source", "")), spans.get(roles.get("Content", ""))
        if not source or not content:
            continue
        length = sum(end - start for start, end in content)
        inside = sum(_overlap(piece, mark) for piece in content for mark in quoted)
        gold.append(Gold(content, " ".join(text[s:e] for s, e in source), source[0][0],
                         length > 0 and inside >= 0.5 * length))
    return tuple(sorted(gold, key=lambda g: g.source_start))


def read_split(folder: Path, split: str) -> list[Article]:
    """Every annotated article of one split (``train``, ``dev`` or ``test``)."""
    data = _data_folder(folder)
    texts, notes = data / split / "text", data / split / "attributions"
    if not texts.is_dir() or not notes.is_dir():
        raise CorpusError(f"{data}: split {split!r} has no text/ and attributions/ folders")
    dates = _dates(data)
    articles = []
    for path in sorted(texts.glob("*.txt")):
        ann = next(iter(sorted(notes.glob(f"{path.stem}_*.ann"))), None)
        if ann is None:
            continue
        text = path.read_text("utf-8")
        articles.append(Article(path.stem, text, dates.get(path.stem), parse_ann(ann.read_text("utf-8"), text)))
    if not articles:
        raise CorpusError(f"{texts}: no article with an annotation file")
    return articles


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matches(span: tuple[int, int], gold: Gold) -> bool:
    shared = sum(_overlap(span, piece) for piece in gold.content)
    shorter = min(span[1] - span[0], sum(end - start for start, end in gold.content))
    return shorter > 0 and shared >= 0.5 * shorter


def _words(text: str) -> set[str]:
    """The words of a name that identify it: not titles or function words, and of two letters or
    more ("Oz", "Xi", "the ad")."""
    return {word for word in normalize(text).split()
            if len(word) >= 2 and word not in _SHORT_WORDS and word not in _SPEAKER_NOISE}


_REFERRING = re.compile(r"(?i)(?:he|she|it|they|we|i|his|her|its|their|who|which|the|a|an|this|that|these|those)\b")


def _named(gold: Gold, golds: tuple[Gold, ...]) -> str:
    """The Source's words and those of the mentions it stands for: a Source that is a pronoun or
    a description ("he", "the Wisconsin Republican") is read through the earlier gold Sources, up
    to the nearest one that begins with a name."""
    words = [gold.source]
    if not _REFERRING.match(gold.source):
        return gold.source
    for earlier in reversed([g for g in golds if g.source_start < gold.source_start]):
        if not re.search(r"\b[A-Z]", earlier.source[1:] if _REFERRING.match(earlier.source) else earlier.source):
            continue
        words.append(earlier.source)
        if not _REFERRING.match(earlier.source):
            break
    return " ".join(words)


def _speaker_names(proposals: Proposals, directory: Directory) -> dict[str, str]:
    names = {person.id: person.name for person in directory.people}
    names.update({p.entry.id: p.entry.name for p in proposals.people})
    names.update({i.id: " ".join((i.name, *i.aliases)) for i in directory.institutions})
    names.update({p.entry.id: " ".join((p.entry.name, *p.entry.aliases)) for p in proposals.institutions})
    return names


def score_article(article: Article, proposals: Proposals, directory: Directory) -> tuple[Counts, Counts]:
    """Direct and reported counts for one article."""
    names = _speaker_names(proposals, directory)
    placed: list[tuple[str, list[tuple[int, int]], set[str]]] = []
    for proposal in proposals.quotes:
        entry = proposal.entry
        around = article.text.find(entry.evidence)
        start = article.text.find(entry.text, max(around, 0))
        if start < 0:
            start = article.text.find(entry.text)
        if start >= 0:
            speaker = names.get(entry.speaker, entry.speaker.replace("-", " "))
            repeats = re.finditer(re.escape(entry.text), article.text) \
                if len(entry.text.split()) >= _REPEATED_WORDS else iter(())
            spans = [(start, start + len(entry.text))] + [
                (match.start(), match.end()) for match in repeats if match.start() != start]
            placed.append((entry.kind, spans, _words(speaker)))
    counts = {"direct": Counts(), "reported": Counts()}
    for kind, spans, _ in placed:
        counts[kind].proposed += 1
        counts[kind].proposed_right += any(_matches(span, gold) for span in spans for gold in article.gold)
    for gold in article.gold:
        kind = "direct" if gold.direct else "reported"
        counts[kind].gold += 1
        found = [words for ours, spans, words in placed if ours == kind and any(_matches(span, gold) for span in spans)]
        if found:
            counts[kind].found += 1
            source = _words(gold.source) | _words(_named(gold, article.gold))
            right = any(words & source for words in found)
            counts[kind].speaker_right += right
            if not _REFERRING.match(gold.source):
                counts[kind].found_named += 1
                counts[kind].speaker_right_named += right
    return counts["direct"], counts["reported"]


def evaluate_split(folder: Path, split: str, directory: Directory) -> Result:
    """Run the extractor over one split and total its counts."""
    result = Result()
    for article in read_split(folder, split):
        began = time.process_time()
        proposals = propose(article.text, directory, article.published)
        result.seconds += time.process_time() - began
        direct, reported = score_article(article, proposals, directory)
        result.direct.add(direct)
        result.reported.add(reported)
        result.articles += 1
        result.words += len(article.text.split())
    return result


def report(split: str, result: Result) -> str:
    """The figures of one split as a small table, with the extraction CPU time per 1,000 words."""
    per_thousand = 1000 * result.seconds / result.words * 1000 if result.words else 0.0
    return "\n".join([
        f"PolNeAR {split}: {result.articles} articles, {result.words} words, "
        f"{per_thousand:.1f} ms per 1,000 words",
        f"  {'':9} {'proposed':>8} {'gold':>5} {'precision':>9} {'recall':>7} {'speaker':>8} "
        f"{'right speaker':>13}",
        result.direct.line("direct"),
        result.reported.line("reported"),
        "  speaker = right speaker among gold found; right speaker = found with the right speaker over all gold",
        result.direct.by_source("direct"),
        result.reported.by_source("reported"),
    ])
