"""Writing files the user asked for: never half a file under the chosen name, and a full disk
(or any other write error) becomes one translated message (context ``Files``)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.cache.blobs import DiskFull

__all__ = ["copy_atomically", "disk_message", "write_atomically"]


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
    """Write ``data`` to ``target`` via a temporary file (never half a file under the chosen
    name); a translated message when it failed."""
    temp = target.with_name(f".{target.name}.tmp")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        return disk_message(exc)
    return None


def disk_message(exc: OSError) -> str:
    """A translated message for a failed write: a full disk, or any other file error."""
    if isinstance(exc, DiskFull) or exc.errno == errno.ENOSPC:
        return QCoreApplication.translate(
            "Files", "The disk is full. Free some space and try again; nothing that "
            "was already saved is lost.")
    return QCoreApplication.translate(
        "Files", "The file could not be written: {reason}").format(
            reason=exc.strerror or str(exc))
