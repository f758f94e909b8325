"""Whether a newer desktop release exists: the portal names the newest one (``GET /portal``).

The hint is a courtesy, never a gate: nothing waits for it, and a failed check says nothing
(the services that need the portal already report an unreachable one).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from desktop.api.core.errors import PortalError
from desktop.api.core.version import app_version, is_newer
from desktop.api.portal.records import ClientRelease
from desktop.services.session.service import SessionService
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["UpdateHintService"]

log = logging.getLogger(__name__)


class UpdateHintService(QObject):
    """After each login, checks the portal's newest client release against this app.

    Signals: ``updateAvailable(version: str, download_url: str)`` when the portal offers a
    newer release than ``installed`` (default: this app's version).
    """

    updateAvailable = Signal(str, str)

    def __init__(
        self,
        session: SessionService,
        *,
        installed: str | None = None,
        on_crash: CrashHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._installed = installed if installed is not None else app_version()
        self._tasks = TaskRunner(on_crash)
        self._available: ClientRelease | None = None
        session.loggedIn.connect(self._check)
        session.loggedOut.connect(self._forget)

    @property
    def available(self) -> ClientRelease | None:
        """The newer release found at this login (a window made later still shows it)."""
        return self._available

    def _check(self, *_args: object) -> None:
        self._tasks.run("check", self._fetch(), self._failed)

    async def _fetch(self) -> None:
        info = await self._session.request(lambda client: client.portal.info())
        release = info.client_release
        if release is not None and is_newer(release.version, self._installed):
            self._available = release
            self.updateAvailable.emit(release.version, release.download_url)

    def _forget(self) -> None:
        self._tasks.cancel_all()
        self._available = None

    def _failed(self, error: PortalError) -> None:
        log.info("update check failed: %s", type(error).__name__)

    async def aclose(self) -> None:
        await self._tasks.drain()
