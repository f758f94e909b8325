"""Writing files the user asked for: never half a file under the chosen name, and a refusal of
the disk (full, not allowed, read-only) becomes the one translated message of
:func:`desktop.services.shared.errors.disk_message`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from desktop.services.shared.errors import disk_message

__all__ = ["copy_atomically", "disk_message"]


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
