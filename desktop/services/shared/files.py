"""Writing files the user asked for: never half a file under the chosen name, and a refusal of
the disk (full, not allowed, read-only) becomes the one translated message of
:func:`desktop.services.shared.errors.disk_message`."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from desktop.cache import disk
from desktop.services.shared.errors import disk_message

__all__ = ["copy_atomically", "disk_message", "file_name_part", "unused_path",
           "write_atomically"]

_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def file_name_part(text: str) -> str:
    """``text`` as part of a file name on every system: no characters Windows refuses, no
    leading or trailing dots and spaces ("" when nothing is left)."""
    return _NOT_IN_FILE_NAMES.sub("-", text).strip(" .")


def unused_path(folder: Path, name: str, taken: set[str] | None = None) -> Path:
    """``folder / name``, or ``name (2)``, ``name (3)``… when that is already there."""
    taken = taken or set()
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate = folder / name
    number = 2
    while candidate.exists() or candidate.name.lower() in taken:
        candidate = folder / f"{stem} ({number}){suffix}"
        number += 1
    return candidate


def copy_atomically(source: Path, target: Path) -> str | None:
    """Copy ``source`` to ``target`` via a temporary file, so a full disk never leaves half a
    PDF under the chosen name; a translated message when it failed."""
    temp = target.with_name(f".{target.name}.tmp")
    try:
        shutil.copyfile(source, temp)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        return disk_message(exc)
    return None


def write_atomically(target: Path, data: bytes) -> str | None:
    """Write ``data`` to ``target`` in one step (``desktop.cache.disk.write_atomically``); the
    translated message when the disk refused."""
    try:
        disk.write_atomically(target, data)
    except OSError as exc:
        return disk_message(exc)
    return None
