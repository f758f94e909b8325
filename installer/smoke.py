"""Run ``--smoke-test`` of a built or installed program and return its one-line report.

On Linux without a display the program runs under ``xvfb-run`` when it is there (so the real
X11 platform plug-in and its libraries are tested, as on a parent's desktop), else on Qt's
offscreen platform. A temporary data folder keeps the check out of the user's own data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence

__all__ = ["SmokeTestError", "smoke_test"]


class SmokeTestError(RuntimeError):
    """The program's smoke test failed; the message carries its output."""


def display_wrapper(environment: dict[str, str]) -> list[str]:
    """What to put before the command so it has a display (nothing when it has one)."""
    if not sys.platform.startswith("linux"):
        return []
    if environment.get("DISPLAY") or environment.get("QT_QPA_PLATFORM"):
        return []
    xvfb = shutil.which("xvfb-run")
    if xvfb is not None:
        return [xvfb, "--auto-servernum", "--server-args=-screen 0 1280x800x24"]
    environment["QT_QPA_PLATFORM"] = "offscreen"
    return []


def smoke_test(command: Sequence[str], *, environment: dict[str, str] | None = None,
               timeout: float = 180) -> str:
    """Run ``command --smoke-test``; returns its report line or raises :class:`SmokeTestError`."""
    env = dict(os.environ if environment is None else environment)
    with tempfile.TemporaryDirectory(prefix="ouderportaal-smoke-") as data:
        result = subprocess.run(
            [*display_wrapper(env), *command, "--smoke-test", "--data-dir", data],
            env=env, capture_output=True, text=True, timeout=timeout, check=False)
    report = result.stdout.strip()
    if result.returncode != 0 or not report.startswith("smoke test ok:"):
        raise SmokeTestError(
            f"the smoke test of {command[0]} failed (exit code {result.returncode}):\n"
            f"{report}\n{result.stderr.strip()}")
    return report
