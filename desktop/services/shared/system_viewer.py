"""Whether the operating system has a program to open a kind of file ("Openen met…").

Qt hands a file to the system's default program, but on Linux it only starts ``xdg-open``,
which reports nothing back when no program is set up for the type: the parent would click and
see nothing happen. There the default application is asked first (``xdg-mime``); on Windows and
macOS Qt's own answer already says whether a program was found.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

__all__ = ["has_program_for"]


def has_program_for(mime_type: str) -> bool:
    """False when this system certainly has no program for ``mime_type``."""
    if not sys.platform.startswith("linux"):
        return True
    if shutil.which("xdg-open") is None:
        return False
    query = shutil.which("xdg-mime")
    if query is None:
        return True  # xdg-open may still find one; Qt reports when it cannot start it
    try:
        answer = subprocess.run([query, "query", "default", mime_type], capture_output=True,
                                text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return True
    return bool(answer.stdout.strip())
