"""A throwaway PostgreSQL server on loopback, for the tests of the stores several hosts share.

It runs the machine's own server binaries (``initdb``, ``pg_ctl``: Debian's ``postgresql``
package; ``.ci/run`` installs it when missing) in a temporary folder with trust authentication,
as the ``postgres`` user when the tests run as root (the server refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "factdesk"


def binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None when the machine has no PostgreSQL server."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """``with PostgresServer() as server:`` a running server; ``server.url(database)`` reaches it."""

    def __init__(self) -> None:
        folder = binaries()
        if folder is None:
            raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
        self.bin = folder
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="factdesk-pg-"))
        self.data = self.folder / "data"
        self._run_as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            self._run_as = ["runuser", "-u", "postgres", "--"]

    def _tool(self, name: str, *args: str) -> None:
        subprocess.run([*self._run_as, str(self.bin / name), *args], check=True, capture_output=True, timeout=120)

    def __enter__(self) -> PostgresServer:
        self._tool("initdb", "-D", str(self.data), "-A", "trust", "-U", USER, "-E", "UTF8", "--no-sync")
        self._tool("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "start", "-o",
                   f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c max_connections=60")
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._tool("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        """A ``postgresql://`` URL for ``database`` (created on first use)."""
        if database != "postgres":
            subprocess.run([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", USER,
                            database], capture_output=True, timeout=60)
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"
