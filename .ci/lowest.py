"""Print the project's runtime dependencies pinned to their declared floors (``>=X`` becomes ``==X``).

``.ci/run`` installs these into a second environment and runs the tests there, so a floor that
does not really work fails CI.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path


def floors(pyproject: Path) -> list[str]:
    """Each runtime dependency as ``name==floor``; a dependency without a ``>=`` floor is an error."""
    pins = []
    for requirement in tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]:
        found = re.fullmatch(r"\s*([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([0-9][^,;\s]*)\s*", requirement)
        if not found:
            raise SystemExit(f"lowest: {requirement!r} declares no '>=' floor")
        pins.append(f"{found[1]}=={found[2]}")
    return pins


if __name__ == "__main__":
    print("\n".join(floors(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml"))))
