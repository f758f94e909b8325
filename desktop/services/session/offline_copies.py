"""Removing an account's offline copy from this computer — also when a file is in the way.

The session decides *whether* a copy goes (shared PC: always; otherwise by the account's
"keep the offline copy" choice); this class makes sure it *does* go. A folder that cannot be
removed now (a PDF still open in another program: Windows refuses to delete it) stays listed in
``desktop/cache/leftovers.py`` and is tried again every :data:`RETRY_SECONDS`, at every login
and at every start, while ``leftoversChanged`` tells the user. A shared-PC session's folder is
listed when the session begins, so a crash or a power cut cannot keep it either.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.cache.leftovers import Leftovers
from desktop.services.session.account import SessionState

__all__ = ["RETRY_SECONDS", "OfflineCopies", "copy_stays"]

# How often a folder that could not be removed is tried again while the app runs.
RETRY_SECONDS = 30


def copy_stays(session: SessionState, *, still_remembered: bool = False) -> bool:
    """Whether ``session``'s offline copy stays on this computer when the session ends."""
    if session.account.shared_pc:
        return False  # nothing of the account may stay on a shared PC
    if still_remembered:
        return True  # the remembered login opens with this copy next time
    if session.cache.outbox.pending():
        return True  # reports waiting for a connection are sent at the next login
    chosen = session.cache.keep_offline_copy()
    return session.remember if chosen is None else chosen


class OfflineCopies(QObject):
    """Signal: ``leftoversChanged(str)`` — a translated message while some account data could
    not be removed yet, an empty string once everything is gone."""

    leftoversChanged = Signal(str)

    def __init__(self, leftovers: Leftovers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._leftovers = leftovers
        self._keep: set[str] = set()
        self._left = False
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_SECONDS * 1000)
        self._retry.timeout.connect(lambda: self.remove_leftovers())

    @property
    def message(self) -> str:
        """What the user is told now ("" when nothing is left behind)."""
        if not self._left:
            return ""
        return self.tr(
            "Not all data of the previous session could be removed from this computer yet: a "
            "file is still open in another program. Close that program; the data is removed "
            "as soon as possible, at the next start at the latest.")

    def hold(self, key: str) -> None:
        """A shared-PC session of ``key`` begins: its folder goes whatever happens next."""
        self._leftovers.add(key)

    def keep(self, key: str | None) -> None:
        """The open session's folder (None: no session) is never removed behind its back."""
        self._keep = {key} if key else set()

    def release(self, key: str) -> None:
        """``key`` logs in on a personal computer: its folder is the account's copy again."""
        self._leftovers.drop(key)

    def leaving(self, key: str) -> bool:
        """Whether the copy of ``key`` is on its way out (listed, not removed yet): what is
        still in it counts as gone."""
        return key in self._leftovers.keys()

    def remove(self, key: str) -> bool:
        """Remove the copy of ``key`` now; False (and tried again later) when it could not."""
        gone = self._leftovers.remove(key)
        if not gone:
            self._set_left(True)
        return gone

    def remove_leftovers(self, *, every_folder: bool = False,
                         keep: Iterable[str] = ()) -> None:
        """Try again every listed folder (with ``every_folder``: every account folder, for a
        shared PC) except the open session's."""
        left = self._leftovers.remove_listed(keep={*self._keep, *keep},
                                             every_folder=every_folder)
        self._set_left(bool(left))

    def stop(self) -> None:
        self._retry.stop()

    def _set_left(self, left: bool) -> None:
        if left:
            self._retry.start()
        else:
            self._retry.stop()
        if left != self._left:
            self._left = left
            self.leftoversChanged.emit(self.message)
