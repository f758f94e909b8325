"""The benchmark scripts still run (at a small scale) and print their figures. What they
measure is not asserted here — speed is read from their output, not tested."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
NEEDS_WRK = pytest.mark.skipif(shutil.which("wrk") is None,
                               reason="wrk is not installed (apt-get install wrk)")


@pytest.mark.parametrize(("script", "arguments", "figures"), [
    ("agenda_month.py", ["--years", "1"],
     ["open a month from the cache", "switch month", "largest GUI-thread stall at login",
      "largest GUI-thread stall in the agenda"]),
    ("finance_sync.py", ["--documents", "12"],
     ["[stand-in] app sync (verified)", "12 documents on disk", "second sync, nothing new",
      "[stand-in] largest GUI-thread stall at login", "[real server] first listing",
      "[real server] app sync (verified)", "[real server] largest GUI-thread stall at login"]),
    ("photos.py", ["--photos", "30", "--uploads", "2"],
     ["server upload processing", "plain httpx thumbnail download",
      "app thumbnail sync (verified)", "first grid paint from the cache",
      "scrolling the whole grid", "app RSS after scrolling everything"]),
    ("dagboek.py", ["--years", "1", "--requests", "3"],
     ["first sync", "unchanged resync", "open the Dagboek from the cache",
      "scroll through the whole history", "group day of 16 children", "trivial (/portal)"]),
    ("messages.py", ["--replies", "3", "--messages", "250", "--streams", "10"],
     ["reply POST on the other process → the parent app's notification",
      "plain HTTP round trip (GET /portal)", "conversation from the cache",
      "scroll to the first message", "event streams open", "load average"]),
    ("window_start.py", ["--runs", "1", "--cases", "login,main,demo"],
     ["bare PySide6 window:", "login window:", "main window from the cache:",
      "--demo to the login window:"]),
    pytest.param("server_load.py", ["--scale", "1", "--parents", "2", "--duration", "1",
                                    "--login-seconds", "1", "--repeat", "1",
                                    "--connections", "2", "--rate", "50", "--calls", "1"],
                 ["trivial", "mixed, saturating", "mixed, paced", "logins",
                  "SQL statements per request", "agenda month", "one PDF download"],
                 marks=NEEDS_WRK),
])
def test_the_benchmark_runs_and_prints_its_figures(script: str, arguments: list[str],
                                                   figures: list[str], tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run([sys.executable, str(BENCHMARKS / script), *arguments],
                            capture_output=True, text=True, timeout=300, env=environment,
                            check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    for figure in figures:
        assert figure in result.stdout, result.stdout
