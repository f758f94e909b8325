"""Account folders that must leave this computer, listed until they have.

A shared-PC session's folder is listed when the session begins; a logout or "forget account"
lists the folder it removes. The entry goes once the folder is gone. A crash, a power cut or a
file another program holds open (Windows then refuses to delete it) leaves the entry behind,
so the next try — at the next login, or at the next start at the latest — removes the folder.
The list is ``leftovers.json`` in the data folder, replaced atomically.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.cache.disk import DiskProblem, write_json_atomically, writing

__all__ = ["FILE_NAME", "Leftovers"]

log = logging.getLogger(__name__)

FILE_NAME = "leftovers.json"
FORMAT_VERSION = 1


class Leftovers:
    """The folders under ``<data root>/accounts`` waiting to be removed.

    ``remove_tree`` deletes a folder (``shutil.rmtree``; tests pass one that fails the way
    Windows does for a file that is open elsewhere).
    """

    def __init__(self, data_root: Path, *,
                 remove_tree: Callable[[Path], None] = shutil.rmtree) -> None:
        self.accounts_dir = Path(data_root) / "accounts"
        self.path = Path(data_root) / FILE_NAME
        self._remove_tree = remove_tree

    def keys(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [str(key) for key in data["keys"]]
        except FileNotFoundError:
            return []
        except (ValueError, KeyError, TypeError) as exc:
            # Unreadable: every folder is a candidate again, so nothing is lost by starting over.
            log.warning("the list of folders to remove is unreadable (%s); starting anew", exc)
            return []

    def add(self, key: str) -> None:
        """List the folder of ``key`` (before anything sensitive is written to it)."""
        keys = self.keys()
        if key not in keys:
            self._write([*keys, key])

    def drop(self, key: str) -> None:
        """The account lives on here after all (its owner logged in without wiping): unlist."""
        keys = self.keys()
        if key in keys:
            self._write_if_possible([k for k in keys if k != key])

    def remove(self, key: str) -> bool:
        """List and remove the folder of ``key``; True when it is gone (and unlisted). A disk
        too full to list it does not stop the removal (which frees space)."""
        self._add_if_possible(key)
        if not self._remove(self.accounts_dir / key):
            self._add_if_possible(key)  # still there: listed, if it was not, to be tried again
            return False
        self.drop(key)
        return True

    def remove_listed(self, *, keep: Iterable[str] = (), every_folder: bool = False) -> list[str]:
        """Remove every listed folder except those in ``keep`` (the open session's); with
        ``every_folder`` every account folder there is (a shared PC keeps none). Returns the
        keys whose folders are still there."""
        keep, listed = set(keep), self.keys()
        candidates = [*listed]
        if every_folder:
            candidates += [p.name for p in sorted(self._folders()) if p.name not in listed]
        left = [key for key in candidates
                if key not in keep and not self._remove(self.accounts_dir / key)]
        still_listed = [key for key in listed if key in keep] + left
        if still_listed != listed:
            self._write_if_possible(still_listed)
        return left

    def _folders(self) -> list[Path]:
        try:
            return [p for p in self.accounts_dir.iterdir() if p.is_dir()]
        except FileNotFoundError:
            return []

    def _remove(self, folder: Path) -> bool:
        try:
            self._remove_tree(folder)
        except FileNotFoundError:
            return True
        except OSError as error:
            log.warning("an account folder could not be removed yet: %s", error.strerror or error)
            return not folder.exists()
        return True

    def _add_if_possible(self, key: str) -> None:
        try:
            self.add(key)
        except DiskProblem as problem:
            log.warning("an account folder to remove could not be listed: %s", problem)

    def _write_if_possible(self, keys: list[str]) -> None:
        """Unlisting can wait for a disk with room: a listed folder that is gone is dropped
        at the next try."""
        try:
            self._write(keys)
        except DiskProblem as problem:
            log.warning("the list of folders to remove is not updated yet: %s", problem)

    def _write(self, keys: list[str]) -> None:
        if keys:
            write_json_atomically(self.path, {"version": FORMAT_VERSION, "keys": keys})
        else:
            with writing(self.path):
                self.path.unlink(missing_ok=True)
