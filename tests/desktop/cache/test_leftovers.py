"""The list of account folders that must still leave this computer (desktop/cache/leftovers.py)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from desktop.cache import disk
from desktop.cache.leftovers import FILE_NAME, Leftovers

NOT_LISTED = r"could not be listed: .*No space left"


def account(root: Path, key: str) -> Path:
    folder = root / "accounts" / key
    (folder / "blobs").mkdir(parents=True)
    (folder / "cache.sqlite3").write_bytes(b"names, dates of birth")
    return folder


def test_a_listed_folder_goes_and_its_entry_with_it(tmp_path: Path) -> None:
    account(tmp_path, "a")
    leftovers = Leftovers(tmp_path)
    assert leftovers.remove("a")
    assert not (tmp_path / "accounts" / "a").exists()
    assert leftovers.keys() == [] and not (tmp_path / FILE_NAME).exists()


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", r"could not be removed yet")
def test_a_folder_that_cannot_go_stays_listed_for_the_next_try(tmp_path: Path) -> None:
    account(tmp_path, "a")

    def refuse(folder: Path) -> None:
        raise PermissionError(13, "in use", str(folder))

    assert not Leftovers(tmp_path, remove_tree=refuse).remove("a")
    assert Leftovers(tmp_path).keys() == ["a"]  # written down: survives a restart
    assert Leftovers(tmp_path).remove_listed() == []
    assert not (tmp_path / "accounts" / "a").exists() and Leftovers(tmp_path).keys() == []


def test_the_open_session_is_kept_and_an_unlisted_one_not_listed(tmp_path: Path) -> None:
    for key in ("held", "open", "other"):
        account(tmp_path, key)
    leftovers = Leftovers(tmp_path)
    leftovers.add("held")
    assert leftovers.remove_listed(keep=["held", "open"], every_folder=True) == []
    assert sorted(p.name for p in (tmp_path / "accounts").iterdir()) == ["held", "open"]
    assert leftovers.keys() == ["held"]  # still to go once that session ends
    leftovers.drop("held")
    assert leftovers.keys() == []


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", r"list of folders .* unreadable")
def test_a_damaged_list_starts_over(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    assert Leftovers(tmp_path).keys() == []
    assert Leftovers(tmp_path).remove_listed(every_folder=True) == []


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", NOT_LISTED)
def test_a_disk_too_full_for_the_list_still_removes_the_folder(tmp_path: Path,
                                                              monkeypatch) -> None:
    account(tmp_path, "a")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(disk.tempfile, "mkstemp", full)
    assert Leftovers(tmp_path).remove("a")  # removing frees space: it is never held up
    assert not (tmp_path / "accounts" / "a").exists()


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", r"could not be removed yet")
@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", NOT_LISTED)
def test_a_folder_that_cannot_go_on_a_full_disk_is_told_not_raised(tmp_path: Path,
                                                                   monkeypatch) -> None:
    account(tmp_path, "a")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    def in_use(path: Path) -> None:
        raise PermissionError(errno.EACCES, "in use")

    monkeypatch.setattr(disk.tempfile, "mkstemp", full)
    assert not Leftovers(tmp_path, remove_tree=in_use).remove("a")
    assert (tmp_path / "accounts" / "a").exists()
