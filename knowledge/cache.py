"""A per-file cache of a build's slow per-file steps, keyed by each file's content and the code.

A build's slow steps are functions of a few files' bytes: parsing one TOML file, splitting one
seed into indexed sentences, compiling the registry (the sides, people, institutions and groups
files), checking one article's entries against its seed and the registry (evidence, dates,
references). :class:`BuildCache` keeps each result, with the problems it found, in one pickle
beside the artefact, keyed by the sha256 of the bytes it depends on, and is discarded whole when
the compiler's code changes. Any change to a registry file therefore re-checks every article;
merging facts by id across articles and writing the artefact are redone on every build, so an
incremental build reports exactly the problems of a full one and writes the same artefact.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Value = TypeVar("Value")

CACHE_NAME = ".factbase-cache.pickle"
CODE_FILES = ("cache.py", "compile.py", "builder.py", "extract/reading.py", "names.py")


def code_version() -> str:
    """A hash of the code whose output the cache holds; another version invalidates every entry."""
    code_dir = Path(__file__).resolve().parent
    digest = hashlib.sha256(sys.version.encode())
    for name in CODE_FILES:
        digest.update(name.encode() + b"\0" + (code_dir / name).read_bytes() + b"\0")
    return digest.hexdigest()


class BuildCache:
    """Parsed TOML and per-seed sentence rows by content hash, stored at ``location``.

    ``BuildCache(None)`` caches in memory only; ``reuse=False`` ignores what is stored (a full
    build) but still stores this build's entries.
    """

    def __init__(self, location: Path | None, reuse: bool = True) -> None:
        self.location = location
        self.version = code_version()
        self._entries: dict[tuple[str, str], Any] = {}
        self._used: dict[tuple[str, str], Any] = {}
        if reuse and location is not None and location.exists():
            try:
                with location.open("rb") as handle:
                    version, entries = pickle.load(handle)
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
                version, entries = None, {}
            if version == self.version:
                self._entries = entries

    def _get(self, kind: str, content: bytes, compute: Callable[[], Value]) -> Value:
        key = (kind, hashlib.sha256(content).hexdigest())
        if key in self._entries:
            value: Value = self._entries[key]
        else:
            value = compute()
        self._used[key] = value
        return value

    def toml(self, path: Path) -> dict[str, Any]:
        """``tomllib.loads`` of the file's UTF-8 text; raises as reading and parsing it would."""
        return self._get("toml", path.read_bytes(), lambda: tomllib.loads(path.read_text(encoding="utf-8")))

    def memo(self, kind: str, content: bytes, compute: Callable[[], Value]) -> Value:
        """``compute()``, a function of ``content`` (and the code) alone, cached under ``kind``."""
        return self._get(kind, content, compute)

    def save(self) -> None:
        """Write the entries this build used (and only those) atomically, unless they are the stored ones."""
        if self.location is None or self._used.keys() == self._entries.keys():
            return
        self.location.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".factbase-cache-", dir=self.location.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((self.version, self._used), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.location)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)


def cache_path(target: Path) -> Path:
    """Where the cache of the artefact ``target`` lives: beside it."""
    return target.parent / CACHE_NAME
