"""The lock screen's logic: when to lock, and checking the password to unlock.

Kept apart from the session so the rules are visible in one place: a session can always be
locked by hand; on a shared PC it also locks itself after the organisation's inactivity time;
unlocking checks the password against the in-memory hash made at login, in a worker thread (scrypt
is deliberately slow), and too many wrong passwords end the session.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.services.session.inactivity import InactivityWatcher
from desktop.services.session.password_check import PasswordCheck
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["MAX_UNLOCK_ATTEMPTS", "SessionLock"]

#: Wrong passwords on the lock screen before the session ends (guessing at a shared PC).
MAX_UNLOCK_ATTEMPTS = 5


class SessionLock(QObject):
    """Lock state of the current session.

    Signals: ``locked()``, ``unlocked()``, ``unlockFailed(str)`` (translated) and
    ``attemptsExhausted(str)`` (translated; the owner ends the session).
    """

    locked = Signal()
    unlocked = Signal()
    unlockFailed = Signal(str)
    attemptsExhausted = Signal(str)

    def __init__(
        self,
        app: QCoreApplication | None = None,
        on_crash: CrashHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._tasks = TaskRunner(on_crash)
        self._check: PasswordCheck | None = None
        self._watcher: InactivityWatcher | None = None
        self._armed = False
        self._locked = False
        self._failures = 0

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def watching(self) -> bool:
        """True while the inactivity countdown runs."""
        return self._watcher is not None and self._watcher.active

    def arm(self, check: PasswordCheck | None, inactivity_minutes: float | None) -> None:
        """A session began. ``check`` is None when no password was typed (resumed session);
        ``inactivity_minutes`` is None when the session must not lock by itself."""
        self.disarm()
        self._armed = True
        self._check = check
        if inactivity_minutes is not None:
            app = self._app or QCoreApplication.instance()
            self._watcher = InactivityWatcher(app, inactivity_minutes, self)
            self._watcher.timedOut.connect(self.lock)
            self._watcher.start()

    def replace_check(self, check: PasswordCheck) -> None:
        """The password changed during the session: unlocking takes the new one."""
        if self._armed:
            self._check = check

    def disarm(self) -> None:
        """The session ended: forget the password hash, stop watching, no longer locked."""
        self._tasks.cancel("unlock")
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher.deleteLater()
            self._watcher = None
        self._armed = False
        self._check = None
        self._locked = False
        self._failures = 0

    def lock(self) -> None:
        if not self._armed or self._locked:
            return
        self._locked = True
        if self._watcher is not None:
            self._watcher.stop()
        self.locked.emit()

    def unlock(self, password: str) -> None:
        if not self._locked:
            return
        if self._check is None:
            self.unlockFailed.emit(
                self.tr("This session cannot be unlocked with a password. Please log out.")
            )
            return
        self._tasks.run("unlock", self._unlock(self._check, password))

    async def _unlock(self, check: PasswordCheck, password: str) -> None:
        matches = await asyncio.to_thread(check.matches, password)
        if check is not self._check or not self._locked:
            return  # the session ended or was unlocked meanwhile
        if matches:
            self._locked = False
            self._failures = 0
            if self._watcher is not None:
                self._watcher.start()
            self.unlocked.emit()
            return
        self._failures += 1
        if self._failures >= MAX_UNLOCK_ATTEMPTS:
            self.attemptsExhausted.emit(
                self.tr("The password was wrong too many times, so you have been logged out.")
            )
            return
        self.unlockFailed.emit(self.tr("The password is incorrect."))

    async def aclose(self) -> None:
        self.disarm()
        await self._tasks.join()
