"""The byte budget of the photos kept offline: thumbnails and screen copies, least recently
viewed removed first.

"Viewed" is the file's modification time: showing a photo touches its file, so no table has
to follow the files (and a file removed by hand is simply gone). Originals are fetched when a
photo is saved and never kept, so they count for nothing here.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["DEFAULT_BUDGET_MB", "PREFIX", "enforce_budget", "forget_all_but", "touch"]

#: The default budget (a setting of the app): room for about 20,000 thumbnails.
DEFAULT_BUDGET_MB = 500
PREFIX = "photo-"


def touch(path: Path) -> None:
    """Mark ``path`` as just viewed (a file already gone is fine: it is fetched again)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _photo_files(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return [e for e in entries if e.name.startswith(PREFIX) and e.is_file()
                    and not e.name.endswith((".part", ".tmp"))]
    except (FileNotFoundError, NotADirectoryError):
        return []


def enforce_budget(folder: Path, budget_bytes: int) -> int:
    """Remove the least recently viewed photo files until the rest fits; the bytes freed."""
    files = []
    for entry in _photo_files(folder):
        with contextlib.suppress(OSError):  # gone meanwhile (a logout wiping the folder)
            stat = entry.stat()
            files.append((stat.st_mtime_ns, stat.st_size, entry.path))
    files.sort(reverse=True)
    kept, freed = 0, 0
    for _mtime, size, path in files:
        if kept + size <= budget_bytes:
            kept += size
            continue
        with contextlib.suppress(OSError):
            os.unlink(path)
            freed += size
    return freed


def forget_all_but(folder: Path, names: set[str]) -> int:
    """Remove the photo files not in ``names`` (photos no longer listed: consent withdrawn,
    a tag removed, the photo period over); how many were removed."""
    removed = 0
    for entry in _photo_files(folder):
        if entry.name not in names:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed
