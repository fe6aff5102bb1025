"""The knowledge command-line tools end quietly when their reader stops early (``… | head``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", [["knowledge", "export"], ["knowledge.evaluate"]])
def test_a_reader_that_stops_after_one_line_gets_no_traceback(command: list[str]) -> None:
    process = subprocess.Popen([sys.executable, "-m", *command], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) in {0, 1}
    assert "Traceback" not in errors
