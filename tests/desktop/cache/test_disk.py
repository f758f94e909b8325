"""What a refused disk write means (desktop/cache/disk.py): full, not allowed, read-only or
broken — never a damaged file — and the small files every part of the app writes atomically
(docs/architecture.md, "Failures the user meets")."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from desktop.cache import disk
from desktop.cache.disk import DiskProblem, DiskTrouble


def sqlite_full() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # SQLITE_FULL, as SQLite sets it
    return error


@pytest.mark.parametrize(("error", "trouble"), [
    (OSError(errno.ENOSPC, "No space left on device"), DiskTrouble.FULL),
    (OSError(errno.EACCES, "Permission denied"), DiskTrouble.NO_PERMISSION),
    (OSError(errno.EROFS, "Read-only file system"), DiskTrouble.READ_ONLY),
    (sqlite_full(), DiskTrouble.FULL),
    (sqlite3.OperationalError("attempt to write a readonly database"), DiskTrouble.NO_PERMISSION),
    (sqlite3.OperationalError("unable to open database file"), DiskTrouble.NO_PERMISSION),
])
def test_the_disks_refusals_are_named(tmp_path: Path, error, trouble) -> None:
    problem = disk.disk_problem(error, tmp_path / "x")
    assert problem is not None and problem.trouble is trouble


def test_a_damaged_file_is_not_a_disk_problem(tmp_path: Path) -> None:
    for message in ("database disk image is malformed", "file is not a database"):
        error = sqlite3.DatabaseError(message)
        assert disk.disk_problem(error, tmp_path) is None
        assert disk.is_damage(error)


def test_an_io_error_on_a_nearly_full_disk_is_the_disk_being_full(tmp_path: Path,
                                                                   monkeypatch) -> None:
    # What SQLite reports when the disk is full as it grows its WAL index (SQLITE_IOERR_SHMSIZE).
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 4874
    monkeypatch.setattr(disk, "_low_space", lambda path: True)
    assert disk.disk_problem(error, tmp_path).trouble is DiskTrouble.FULL
    monkeypatch.setattr(disk, "_low_space", lambda path: False)
    assert disk.disk_problem(error, tmp_path).trouble is DiskTrouble.FAILED


def test_a_small_file_is_written_whole_and_for_this_user_only(tmp_path: Path) -> None:
    target = tmp_path / "new" / "list.json"
    disk.write_json_atomically(target, {"keys": ["a"]})
    assert target.read_text(encoding="utf-8") == '{\n  "keys": [\n    "a"\n  ]\n}'
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize(("number", "trouble"), [
    (errno.ENOSPC, DiskTrouble.FULL), (errno.EROFS, DiskTrouble.READ_ONLY),
    (errno.EACCES, DiskTrouble.NO_PERMISSION), (errno.EIO, DiskTrouble.FAILED)])
def test_a_refused_small_file_keeps_the_old_one_and_names_the_trouble(
        tmp_path: Path, monkeypatch, number, trouble) -> None:
    target = tmp_path / "list.json"
    target.write_bytes(b"old")
    real_replace = os.replace

    def refused(source, destination):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(disk.os, "replace", refused)
    with pytest.raises(DiskProblem) as caught:
        disk.write_atomically(target, b"new")
    monkeypatch.setattr(disk.os, "replace", real_replace)
    assert caught.value.trouble is trouble and caught.value.path == target
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["list.json"]  # no temporary file left
