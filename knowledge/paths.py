"""Where a repository's inputs live: shared by the compiler and the serving path (no compiler import)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Paths:
    """Where the inputs live, relative to a repository root."""

    root: Path = REPO_ROOT

    @property
    def seeds(self) -> Path:
        """The folder of articles, as received."""
        return self.root / "seeds"

    @property
    def knowledge(self) -> Path:
        """The folder of curated files."""
        return self.root / "knowledge"

    @property
    def sides(self) -> Path:
        """The sides file: states, governments, de facto authorities and other collective actors."""
        return self.knowledge / "sides.toml"

    @property
    def institutions(self) -> Path:
        """The institutions file: bodies quoted as such (ministries, armed forces, agencies)."""
        return self.knowledge / "institutions.toml"

    @property
    def people(self) -> Path:
        """The people file."""
        return self.knowledge / "people.toml"

    @property
    def groups(self) -> Path:
        """The groups file."""
        return self.knowledge / "groups.toml"

    @property
    def articles(self) -> Path:
        """The folder of per-article fact files."""
        return self.knowledge / "articles"

    def inputs(self) -> list[Path]:
        """Every file the compiled base depends on, in a stable order."""
        registry = [path for path in (self.sides, self.people, self.institutions, self.groups) if path.exists()]
        return [*registry, *sorted(self.articles.glob("*.toml"), key=_parts),
                *sorted(self.seeds.glob("*.txt"), key=_parts)]


def _parts(path: Path) -> tuple[str, ...]:
    """The sort key of a path: its parts, the order ``sorted`` gives paths, without comparing Path objects."""
    return path.parts
