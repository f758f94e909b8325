"""What a failed write to this computer's disk means: full, not allowed, read-only, or broken.

Every disk write of the app — the account cache, the outbox, blob files, the known accounts, a
copy the user saves — turns the operating system's or SQLite's error into one
:class:`DiskProblem` here, so that the services show one translated message for it
(``desktop.services.shared.errors.user_message``) instead of a crash dialog, and so that a full
disk is never mistaken for a damaged file (a damaged file is set aside and rebuilt; a full disk
only needs space).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cache.paths import private_folder

if TYPE_CHECKING:  # the login window writes small files without loading SQLite
    import sqlite3

__all__ = ["DiskProblem", "DiskTrouble", "disk_problem", "fsync_directory", "is_damage",
           "write_atomically", "write_json_atomically", "writing"]

#: Below this much free space an I/O error of SQLite is the disk being full (SQLite reports a
#: full disk while it grows its shared-memory file as "disk I/O error", SQLITE_IOERR_SHMSIZE).
LOW_SPACE = 1024 * 1024

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR = 3, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26
# What SQLite says when a hand-made (or very old) error carries no code.
_SQLITE_MESSAGES = {
    "database or disk is full": _SQLITE_FULL,
    "attempt to write a readonly database": _SQLITE_READONLY,
    "disk i/o error": _SQLITE_IOERR,
    "unable to open database file": _SQLITE_CANTOPEN,
    "database disk image is malformed": _SQLITE_CORRUPT,
    "file is not a database": _SQLITE_NOTADB,
}


class DiskTrouble(StrEnum):
    FULL = "full"
    NO_PERMISSION = "no_permission"
    READ_ONLY = "read_only"
    FAILED = "failed"  # any other refusal of the operating system (its words in ``detail``)


_ERRNO = {DiskTrouble.FULL: errno.ENOSPC, DiskTrouble.NO_PERMISSION: errno.EACCES,
          DiskTrouble.READ_ONLY: errno.EROFS, DiskTrouble.FAILED: errno.EIO}


class DiskProblem(OSError):
    """A write to ``path`` failed for ``trouble``; nothing half-written was kept under a final
    name. An ``OSError`` (with the matching ``errno``) so that ``except OSError`` still holds."""

    def __init__(self, trouble: DiskTrouble, path: Path | str, detail: str = "") -> None:
        super().__init__(_ERRNO[trouble], detail or trouble.value, str(path))
        self.trouble = trouble
        self.path = Path(path)
        self.detail = detail


def disk_problem(error: BaseException, path: Path | str) -> DiskProblem | None:
    """The :class:`DiskProblem` behind ``error`` (an ``OSError`` or a SQLite error) while
    writing at ``path``; None when it is not the disk's doing (e.g. a damaged database file)."""
    if isinstance(error, DiskProblem):
        return error
    if isinstance(error, OSError):
        return DiskProblem(_trouble_of_errno(error.errno), path, error.strerror or str(error))
    if _is_sqlite_error(error):
        code = _sqlite_code(error)
        if code == _SQLITE_FULL:
            return DiskProblem(DiskTrouble.FULL, path, str(error))
        if code == _SQLITE_READONLY:
            return DiskProblem(DiskTrouble.READ_ONLY if _read_only_mount(path)
                               else DiskTrouble.NO_PERMISSION, path, str(error))
        if code in (_SQLITE_PERM, _SQLITE_CANTOPEN):
            return DiskProblem(DiskTrouble.NO_PERMISSION, path, str(error))
        if code == _SQLITE_IOERR:
            trouble = DiskTrouble.FULL if _low_space(path) else DiskTrouble.FAILED
            return DiskProblem(trouble, path, str(error))
    return None


def is_damage(error: sqlite3.Error) -> bool:
    """True when SQLite says the file itself is damaged (not the disk refusing a write)."""
    return _sqlite_code(error) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


@contextlib.contextmanager
def writing(path: Path | str) -> Iterator[None]:
    """Turn the disk's refusals inside the block into :class:`DiskProblem`."""
    try:
        yield
    except Exception as error:  # an OSError or a SQLite error; disk_problem tells
        problem = disk_problem(error, path)
        if problem is None or problem is error:
            raise
        raise problem from error


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: a temporary file in the same folder, flushed
    to disk, renamed over the old one. A crash or a full disk leaves the old file (or none),
    never half a new one; the disk's refusal is a :class:`DiskProblem`. The file is readable
    by this user only (``mkstemp``'s mode), and so is a folder this creates."""
    with writing(path):
        private_folder(path.parent)
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, path)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        fsync_directory(path.parent)


def write_json_atomically(path: Path, data: Any) -> None:
    """:func:`write_atomically` of ``data`` as JSON."""
    write_atomically(Path(path), json.dumps(data, ensure_ascii=False, indent=2).encode())


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; Windows cannot open folders, nor needs to)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _trouble_of_errno(number: int | None) -> DiskTrouble:
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskTrouble.FULL
    if number in (errno.EACCES, errno.EPERM):
        return DiskTrouble.NO_PERMISSION
    if number == errno.EROFS:
        return DiskTrouble.READ_ONLY
    return DiskTrouble.FAILED


def _is_sqlite_error(error: BaseException) -> bool:
    # Not loaded: then nothing here can have raised one.
    sqlite = sys.modules.get("sqlite3")
    return sqlite is not None and isinstance(error, sqlite.Error)


def _sqlite_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    return _SQLITE_MESSAGES.get(str(error).strip().lower())


def _existing(path: Path | str) -> Path:
    current = Path(path)
    while not current.exists() and current.parent != current:
        current = current.parent
    return current


def _low_space(path: Path | str) -> bool:
    try:
        return shutil.disk_usage(_existing(path)).free < LOW_SPACE
    except OSError:
        return False


def _read_only_mount(path: Path | str) -> bool:
    try:
        return bool(os.statvfs(_existing(path)).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
