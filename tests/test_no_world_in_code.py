"""No Python module of bot/ or knowledge/ names a country, capital or demonym outside its docs.

Sides are curated data (sides.toml), so the code must work for any corpus. Each module is
tokenized; comments and docstrings (the string that opens a module, class or function) are
dropped, and every remaining identifier and string literal is searched for a world word: the
names, aliases, demonyms and metonyms of the sides of both corpora (knowledge/sides.toml and
tests/corpus2/knowledge/sides.toml) and the countries, capitals and demonyms listed in
tests/data/world_words.txt. Words match whole and case-insensitively; an acronym (all capitals,
at most four letters: "US", "UAE") matches only in capitals, so that "us" the word is not the
country. Identifiers are read as words split at underscores ("iran_words" names Iran).
"""

from __future__ import annotations

import ast
import io
import re
import token
import tokenize
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SIDES_FILES = (ROOT / "knowledge" / "sides.toml", ROOT / "tests" / "corpus2" / "knowledge" / "sides.toml")
WORLD_FILE = ROOT / "tests" / "data" / "world_words.txt"
PACKAGES = ("bot", "knowledge")
STRING_TOKENS = {token.STRING, *(getattr(token, name) for name in ("FSTRING_MIDDLE",) if hasattr(token, name))}


def world_words() -> list[str]:
    """Every world word: the sides of both corpora and the world list, without duplicates."""
    words: list[str] = []
    for path in SIDES_FILES:
        for side in tomllib.loads(path.read_text(encoding="utf-8")).get("side", []):
            words += [side["name"], *side.get("aliases", []), *side.get("demonyms", []), *side.get("metonyms", [])]
    words += [line.strip() for line in WORLD_FILE.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    return list(dict.fromkeys(word for word in words if word))


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


def word_pattern(words: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(words matched in any case, acronyms matched in capitals), each as whole words."""
    def alternation(chosen: list[str]) -> str:
        escaped = (re.escape(word).replace(r"\ ", r"[\s_-]+") for word in sorted(chosen, key=len, reverse=True))
        return r"(?<![^\W\d_])(?:" + "|".join(escaped) + r")(?![^\W\d_])"

    plain = [word for word in words if not is_acronym(word)]
    acronyms = [word for word in words if is_acronym(word)]
    return re.compile(alternation(plain), re.IGNORECASE), re.compile(alternation(acronyms))


PLAIN, ACRONYMS = word_pattern(world_words())


def modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def docstring_starts(tree: ast.Module) -> set[tuple[int, int]]:
    """Where each docstring's string token starts (line, column)."""
    starts = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                starts.add((first.value.lineno, first.value.col_offset))
    return starts


@dataclass(frozen=True)
class Finding:
    """A world word in code: where, and which word."""

    line: int
    word: str
    text: str

    def __str__(self) -> str:
        return f"{self.line}: {self.word!r} in {self.text.strip()[:80]!r}"


def world_in_code(source: str) -> list[Finding]:
    """Every world word in ``source`` outside comments and docstrings."""
    docstrings = docstring_starts(ast.parse(source))
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == token.COMMENT or (tok.type == token.STRING and tok.start in docstrings):
            continue
        if tok.type == token.NAME:
            text = tok.string.replace("_", " ")
        elif tok.type in STRING_TOKENS:
            text = tok.string
        else:
            continue
        for pattern in (PLAIN, ACRONYMS):
            found += [Finding(tok.start[0], match.group(0), tok.line) for match in pattern.finditer(text)]
    return found


@pytest.mark.parametrize("path", modules(), ids=[path.relative_to(ROOT).as_posix() for path in modules()])
def test_no_module_names_a_country_capital_or_demonym_in_code(path: Path) -> None:
    name = path.relative_to(ROOT).as_posix()
    findings = world_in_code(path.read_text(encoding="utf-8"))
    shown = "\n".join(f"{name}:{finding}" for finding in findings)
    assert not findings, f"world words in code (move them into sides.toml or a docstring):\n{shown}"


# ------------------------------------------------------------------ the scanner itself


def test_the_world_list_holds_both_corpora_s_sides_and_the_world() -> None:
    words = {word.casefold() for word in world_words()}
    assert {"iran", "tehran", "pakistani", "new delhi", "saudi arabia", "riyadh", "yemeni"} <= words
    assert {"france", "paris", "french", "brazil", "brasilia", "japanese"} <= words
    assert len(words) > 400


def test_the_scanner_finds_words_in_code_and_strings_but_not_in_docs() -> None:
    source = '''"""Module docstring: Iran, Pakistan."""
# a comment about Tehran
SIDES = ("iran", "Islamabad")
indian_words = 1
def f() -> str:
    """Docstring naming France."""
    return f"{SIDES} from Kabul"
class C:
    """Class docstring naming Japan."""
    name = "U.S. and UAE"
    other = "tell us"
'''
    found = [(finding.line, finding.word.casefold()) for finding in world_in_code(source)]
    assert (3, "iran") in found and (3, "islamabad") in found
    assert (4, "indian") in found
    assert any(line == 7 and word == "kabul" for line, word in found)
    assert (10, "u.s.") in found and (10, "uae") in found
    assert not any(word in {"tehran", "france", "japan", "pakistan"} for _, word in found)
    assert not any(line == 11 for line, _ in found)  # "us" the word is not the United States


def test_whole_words_only() -> None:
    assert world_in_code('WORDS = ("chadwick", "romance", "woman", "germane", "indiana jones")\n') == []
    assert [finding.word for finding in world_in_code('X = "Pakistan-based"\n')] == ["Pakistan"]
