"""Read an article: decode its bytes, split paragraphs and sentences, find quotation marks.

Everything here works on character offsets into the article text, so every piece of evidence
the extractor proposes is an exact substring of the file it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.dates import MONTHS


class ArticleError(ValueError):
    """An input the extractor cannot read; the message is one line for the curator."""


def decode_article(data: bytes, name: str = "article") -> str:
    """The text of an article file, or :class:`ArticleError` when it is not UTF-8 news text."""
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 2:
        encoding = "UTF-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "binary or UTF-16/32"
        raise ArticleError(f"{name}: the file looks {encoding}, not UTF-8 text; convert it to UTF-8 first")
    if b"\x00" in data:
        raise ArticleError(f"{name}: the file holds NUL bytes; it is binary, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{name}: byte {error.start} is not valid UTF-8 (the file may be Latin-1 or another "
            "encoding); convert it to UTF-8 first"
        ) from None
    text = text.removeprefix("\ufeff")
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    if controls > max(3, len(text) // 100):
        raise ArticleError(f"{name}: the file holds control characters; it is binary, not an article")
    if not re.search(r"[A-Za-z]{2,}", text):
        raise ArticleError(f"{name}: the file holds no words")
    return text


@dataclass(frozen=True)
class Span:
    """Characters ``start``..``end`` (exclusive) of the article text."""

    start: int
    end: int

    def text(self, article: str) -> str:
        """The characters this span covers."""
        return article[self.start : self.end]

    def contains(self, offset: int) -> bool:
        """True when ``offset`` lies inside the span."""
        return self.start <= offset < self.end


@dataclass(frozen=True)
class Quotation:
    """Words inside quotation marks: ``marks`` from opening to closing mark, ``words`` inside.

    A quotation that runs over several paragraphs has one ``words`` span from its first to its
    last word (the paragraph breaks and reopening marks lie inside it).
    """

    marks: Span
    words: Span
    paragraphs: int = 1


@dataclass(frozen=True)
class Sentence:
    """A sentence; quotations are never split, so a sentence may span quoted sentences."""

    span: Span
    paragraph: int
    is_heading: bool


_OPENERS = {"“": "”", '"': '"', "‘": "’", "'": "'", "''": "''"}
DOUBLE_MARKS = ("“", '"', "''")
_BEFORE_OPENING = set(" \t\n([{—–-/:;,") | {""}


def paragraph_spans(text: str) -> list[Span]:
    """Every non-blank line is a paragraph (news text puts one paragraph on a line)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped)
            spans.append(Span(start, start + len(stripped)))
    return spans


@dataclass
class _Open:
    mark: str
    mark_start: int
    words_start: int
    paragraphs: int
    last_end: int = 0
    nested: int = 0


def find_quotations(text: str, paragraphs: list[Span]) -> list[Quotation]:
    """Quotations in curly or straight, double or single marks.

    Apostrophes inside words (Pakistan’s, won't) are not marks. A double quotation left open
    at the end of a paragraph continues when the next paragraph opens with a mark of the same
    style (curly or straight); otherwise it ends with its paragraph. Two apostrophes (``''…''``,
    as some archives print) are a double mark. Single marks never span paragraphs. A straight
    quotation closed by a curly mark (``"…”``) ends there, unless the mark closes a curly quotation
    nested inside it; a curly quotation holds a curly one nested in it when both close.
    """
    found: list[Quotation] = []
    carried: _Open | None = None
    for paragraph in paragraphs:
        position = paragraph.start
        current: _Open | None = None
        if carried is not None:
            if _continues(carried.mark, text, paragraph.start):
                current = _Open(carried.mark, carried.mark_start, carried.words_start, carried.paragraphs + 1)
                position += 2 if text.startswith("''", paragraph.start) else 1
            else:
                found.append(_unclosed(text, carried))
            carried = None
        while position < paragraph.end:
            char = text[position]
            if text.startswith("''", position):
                char = "''"
            before = text[position - 1] if position > paragraph.start else ""
            after = text[position + len(char)] if position + len(char) < paragraph.end else ""
            if current is None:
                if _opens(char, before, after):
                    current = _Open(char, position, position + len(char), 1)
            elif char == "“" and (current.mark == '"' or current.mark == "“" and (not before or before.isspace())
                                  and _nests(text, position + 1, paragraph.end)):
                current.nested += 1
            elif current.mark in ('"', "“") and char == "”" and current.nested:
                current.nested -= 1
            elif _closes(current.mark, char, after, before):
                found.append(Quotation(Span(current.mark_start, position + len(char)),
                                       Span(current.words_start, position), current.paragraphs))
                current = None
            position += len(char)
        if current is not None and current.mark in DOUBLE_MARKS:
            current.last_end = paragraph.end
            carried = current
    if carried is not None:
        found.append(_unclosed(text, carried))
    return [_trimmed(text, quotation) for quotation in found if quotation.words.end > quotation.words.start]


def _nests(text: str, start: int, end: int) -> bool:
    """Whether a curly opening mark inside a curly quotation, its words at ``start``, opens a nested
    quotation (“… “has to do with it” makes clear …,” wrote X): two closing marks follow it in the
    paragraph before any other opening mark, so that the outer quotation closes too."""
    rest = text[start:end]
    next_open = rest.find("“")
    return rest.count("”", 0, next_open if next_open >= 0 else len(rest)) >= 2


def _continues(mark: str, text: str, start: int) -> bool:
    """Whether a paragraph at ``start`` continues a quotation left open with ``mark``: it opens
    with the same kind of mark (a curly quotation is continued by a curly mark, a straight one by
    a straight one), not a quotation of its own in the other style."""
    if text.startswith("''", start):
        return mark in ("''", '"')
    return text[start] == "“" and mark == "“" or text[start] == '"' and mark in ('"', "''")


def _opens(char: str, before: str, after: str) -> bool:
    if char == "“":
        return True
    if char not in ("\"", "‘", "'", "''") or before not in _BEFORE_OPENING or not after or after.isspace():
        return False
    return char in ('"', "''") or after.isalnum() or after in "“\"…"


def _closes(mark: str, char: str, after: str, before: str = "") -> bool:
    """Whether ``char`` closes a quotation opened with ``mark``; an opening curly mark typed after a
    word and before a space (``here,“ said``) closes one too, and a curly closing mark a straight one."""
    if mark == "“":
        return char in ("”", '"', "''") or char == "“" and bool(before) and not before.isspace() and \
            (not after or after.isspace() or after in ".,;:!?")
    if char != _OPENERS[mark] and not (mark == '"' and char == "”"):
        return False
    return mark in ('"', "''") or not after.isalnum()


def _unclosed(text: str, open_quote: _Open) -> Quotation:
    """A quotation no mark closes: it ends with its paragraph, or, within one paragraph, where an
    attribution the writer forgot to set off begins (“"… what papers to keep, said Kessel, …”)."""
    end = open_quote.last_end
    if open_quote.paragraphs == 1 and (said := _FORGOTTEN_CLOSE.search(text, open_quote.words_start, end)):
        end = said.start() + 1
    return Quotation(Span(open_quote.mark_start, end), Span(open_quote.words_start, end), open_quote.paragraphs)


def _trimmed(text: str, quotation: Quotation) -> Quotation:
    start, end = quotation.words.start, quotation.words.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return Quotation(quotation.marks, Span(start, end), quotation.paragraphs)


_ABBREVIATIONS = {
    "gen", "lt", "col", "maj", "capt", "sgt", "brig", "adm", "mr", "mrs", "ms", "dr", "prof", "sen",
    "rep", "gov", "st", "no", "vs", "inc", "co", "ltd", "jr", "sr", "u.s", "u.n", "u.k", "e.g", "i.e",
    "approx", "est", "dept", "govt", "maj.-gen", "lt.-gen", "rev", "hon", "fr", "sens", "reps", "supt", "cmdr",
    "cpl", "pvt", "messrs", "mt", "ft",
} | set(MONTHS)
_SAID = "said|says|asked|asks|told|tells|wrote|writes|added|adds"
_FORGOTTEN_CLOSE = re.compile(rf",\s+(?:(?:{_SAID})\s+(?:[A-Z]|the\b|an?\b)|(?:[A-Z][\w.’'-]*\s+){{1,3}}(?:{_SAID})\b"
                              rf"|(?:he|she|they)\s+(?:{_SAID})\b)")


def _named_then(verbs: str) -> re.Pattern[str]:
    """A speaker of up to five capitalised words (or a determiner), perhaps an apposition ("Miller,
    a retired worker,"), and then one of ``verbs``."""
    word = r"(?:[A-Z][\w.’'-]*|the|a|an)"
    return re.compile(rf"\s+(?:{word}\s+){{0,4}}{word}(?:,\s+[^,“”\"«»\n]{{1,100}}?,|\s*\([^()\n]{{1,40}}\))?"
                      rf"\s+(?:{verbs})\b")


# after “…?” or “…!”: any past tense ("Trump asked", "the man yelled", "Trump went on")
_SAID_AFTER = _named_then(_SAID + r"|[a-z]+ed|went\s+on|goes\s+on|shot\s+back|spoke|thought|began")
_SAID_AFTER_STATEMENT = _named_then(_SAID)
_BOUNDARY = re.compile(r"[.?!…]+(?:''|[”’\"')\]])*(?=\s+(?:''|[\"“‘'(\[])?[A-Z0-9])")


def sentence_spans(text: str, paragraphs: list[Span], quotations: list[Quotation]) -> list[Sentence]:
    """Sentences of every paragraph, never breaking inside a quotation or after an abbreviation."""
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(paragraphs):
        body = paragraph.text(text)
        start = 0
        for match in _BOUNDARY.finditer(body):
            end = match.end()
            absolute = paragraph.start + match.start()
            if any(q.marks.start < absolute and q.marks.end > paragraph.start + end for q in quotations):
                continue
            if re.search(r"[?!…][”’\"']+$", match.group()) and _SAID_AFTER.match(body, end):
                continue
            if re.search(r"\.(?:''|[”’\"'])+$", match.group()) and _SAID_AFTER_STATEMENT.match(body, end) and any(
                    q.marks.start <= paragraph.start + start and q.marks.end == paragraph.start + end
                    for q in quotations):
                continue
            word = re.search(r"([\w.\-]+)$", body[start : match.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1))):
                continue
            sentences.append(_sentence(paragraph.start + start, paragraph.start + end, index, text))
            start = end
            while start < len(body) and body[start].isspace():
                start += 1
        if start < len(body):
            sentences.append(_sentence(paragraph.start + start, paragraph.end, index, text))
    return sentences


def _sentence(start: int, end: int, paragraph: int, text: str) -> Sentence:
    words = text[start:end].rstrip()
    heading = not re.search(r"[.?!…:][”’\"')\]“‘]*$", words)
    return Sentence(Span(start, start + len(words)), paragraph, heading)


_DATELINE = re.compile(
    r"(?P<phrase>(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),\s+(?P<year>(?:19|20)\d{2}))\s*:"
    r"|(?P<phrase2>(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\s+(?P<year2>(?:19|20)\d{2}))\s*:"
)


def find_dateline(text: str) -> tuple[date, str] | None:
    """The publication date stated by a dateline ("October 29, 2025:") in the first lines."""
    head = "\n".join(text.splitlines()[:12])
    for match in _DATELINE.finditer(head):
        month_name = (match["month"] or match["month2"]).lower()
        if month_name not in MONTHS:
            continue
        day_text, year_text = match["day"] or match["day2"], match["year"] or match["year2"]
        try:
            found = date(int(year_text), MONTHS[month_name], int(day_text))
        except ValueError:
            continue
        line = head[head.rfind("\n", 0, match.start()) + 1 : match.end()]
        return found, line.strip()
    for wire in WIRE_DATELINE.finditer(head):
        month = MONTHS.get(wire["month"].lower())
        if wire["year"] and month is not None:
            try:
                return date(int(wire["year"]), month, int(wire["day"])), wire["line"]
            except ValueError:
                continue
    return None


WIRE_DATELINE = re.compile(
    r"^(?P<line>[A-Z][A-Z .'’-]+(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s+(?P<month>[A-Z][a-z]{2,8})\.?\s+"
    r"(?P<day>\d{1,2})(?:,\s+(?P<year>(?:19|20)\d{2}))?\s*(?:\([^)\n]{1,40}\))?)\s*[—–-]+\s*",
    re.MULTILINE)


def find_wire_dateline(text: str) -> tuple[int, int, str] | None:
    """A wire dateline that names the day but not the year ("BEIJING, Aug 19 (Reuters) —") in the
    first lines: (month, day, the dateline as written)."""
    head = "\n".join(text.splitlines()[:12])
    for match in WIRE_DATELINE.finditer(head):
        month = MONTHS.get(match["month"].lower())
        if month is not None and 1 <= int(match["day"]) <= 31 and not match["year"]:
            return month, int(match["day"]), match["line"]
    return None


_FULL_DATE = re.compile(r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),\s+(?P<year>(?:19|20)\d{2})\b")


def latest_full_date(text: str) -> tuple[date, str] | None:
    """The latest complete date written in the text ("November 11, 2020"), as a weak guess."""
    best: tuple[date, str] | None = None
    for match in _FULL_DATE.finditer(text):
        name = match["month"].lower()
        if name not in MONTHS:
            continue
        try:
            found = date(int(match["year"]), MONTHS[name], int(match["day"]))
        except ValueError:
            continue
        if best is None or found > best[0]:
            best = (found, match.group())
    return best
