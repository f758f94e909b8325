"""The logged-in account's profile (family, children, groups, locations), online or not.

Whether the portal can be reached is not this service's to say: every request reports that to
the session's :class:`desktop.services.session.connection.Connection`. This service fetches
the profile again every 5 minutes — every 30 seconds while the last try failed, and at once
when another request finds the portal again — so that its message clears soon after the
problem did.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.api.core.errors import ConnectionProblem, ServerError, SessionExpired
from desktop.api.profile.records import Profile
from desktop.services.session.account import now
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, ExpectedError, TaskRunner

__all__ = ["OFFLINE_RETRY_MS", "REFRESH_INTERVAL_MS", "ProfileService"]

log = logging.getLogger(__name__)

#: While online the profile is fetched again every 5 minutes ...
REFRESH_INTERVAL_MS = 5 * 60 * 1000
#: ... and after a failure (offline, the portal failing) every 30 seconds, so the app notices
#: quickly when it is back.
OFFLINE_RETRY_MS = 30 * 1000


class ProfileService(QObject):
    """Keeps the logged-in account's profile: cache first, then the server.

    Signals: ``profileChanged(Profile | None)`` (None after logout),
    ``lastSyncedChanged(datetime | None)``, ``problem(str)`` — a translated message for the
    message bar (offline, server error, ...; an expired session is the session's to report) —
    and ``problemSolved()`` when the profile arrived again after a problem.
    """

    profileChanged = Signal(object)
    lastSyncedChanged = Signal(object)
    problem = Signal(str)
    problemSolved = Signal()

    def __init__(
        self,
        session: SessionService,
        *,
        refresh_interval_ms: int = REFRESH_INTERVAL_MS,
        offline_retry_ms: int = OFFLINE_RETRY_MS,
        clock: Callable[[], datetime] = now,
        on_crash: CrashHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._refresh_interval_ms = refresh_interval_ms
        self._offline_retry_ms = offline_retry_ms
        self._clock = clock
        self._tasks = TaskRunner(on_crash)
        self._profile: Profile | None = None
        self._failing = False
        self._last_synced: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)
        session.connection.onlineChanged.connect(self._online_changed)

    @property
    def profile(self) -> Profile | None:
        return self._profile

    @property
    def last_synced(self) -> datetime | None:
        return self._last_synced

    def refresh(self) -> None:
        """Fetch the profile now (the periodic timer calls this too)."""
        if self._session.account is None:
            return
        self._timer.stop()
        self._tasks.run("refresh", self._refresh(), self._refresh_failed)

    async def _refresh(self) -> None:
        cache = self._session.cache
        profile = await self._session.request(lambda client: client.profile.me())
        if cache is None or cache is not self._session.cache:
            return  # the session changed while the answer was on its way
        synced = self._clock()
        self._set_profile(profile)
        self._set_last_synced(synced)
        self._timer.start(self._refresh_interval_ms)
        if self._failing:
            self._failing = False
            self.problemSolved.emit()
        cache.put_profile(profile)
        cache.mark_synced(synced)

    def _refresh_failed(self, error: ExpectedError) -> None:
        if self._session.account is None or isinstance(error, SessionExpired):
            return  # the session has ended and says so itself (sessionExpired)
        self._failing = True
        if isinstance(error, ConnectionProblem | ServerError):
            self._timer.start(self._offline_retry_ms)
        else:
            self._timer.start(self._refresh_interval_ms)
        self.problem.emit(self._explain(error))

    def _online_changed(self, online: bool) -> None:
        if online and self._failing and not self._tasks.running("refresh"):
            self.refresh()  # another request found the portal: this one's message can go

    def _explain(self, error: ExpectedError) -> str:
        message = user_message(error)
        if not isinstance(error, ConnectionProblem):
            return message
        if self._profile is None:
            return message + " " + self.tr("There is no saved data for this account yet.")
        return message + " " + self.tr("You are seeing the data saved on this computer.")

    def _logged_in(self, _account: object) -> None:
        cache = self._session.cache
        if cache is not None:
            cached = cache.profile()
            if cached is not None:
                self._set_profile(cached)
            self._set_last_synced(cache.last_synced())
        self.refresh()

    def _logged_out(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._timer.stop()
        self._failing = False
        self._set_profile(None)
        self._set_last_synced(None)

    async def aclose(self) -> None:
        self._timer.stop()
        await self._tasks.drain()

    def _set_profile(self, profile: Profile | None) -> None:
        if profile != self._profile:
            self._profile = profile
            self.profileChanged.emit(profile)

    def _set_last_synced(self, when: datetime | None) -> None:
        if when != self._last_synced:
            self._last_synced = when
            self.lastSyncedChanged.emit(when)
