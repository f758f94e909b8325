"""The devices where the account is logged in (the server's sessions), and ending them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.api.errors import NotFound, PortalError, SessionExpired
from desktop.api.records import SessionInfo
from desktop.services.errors import user_message
from desktop.services.session import SessionService
from desktop.services.tasks import CrashHandler, TaskRunner

__all__ = ["DevicesService"]


class DevicesService(QObject):
    """The account's logged-in devices (server sessions).

    Signals: ``devicesChanged(list[SessionInfo])`` and ``problem(str)`` (translated).
    """

    devicesChanged = Signal(list)
    problem = Signal(str)

    def __init__(
        self,
        session: SessionService,
        *,
        on_crash: CrashHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._devices: list[SessionInfo] = []
        session.loggedOut.connect(self._forget)
        session.sessionExpired.connect(self._forget)

    @property
    def devices(self) -> list[SessionInfo]:
        return list(self._devices)

    def load(self) -> None:
        self._tasks.run("load", self._load(), self._failed)

    def end(self, session_id: str) -> None:
        """Log out another device. Ending this device's own session is a normal logout."""
        current = next((d for d in self._devices if d.id == session_id and d.current), None)
        if current is not None:
            self._session.logout()
            return
        self._tasks.run(f"end:{session_id}", self._end(session_id), self._failed)

    async def _load(self) -> None:
        self._set_devices(await self._session.request(lambda client: client.sessions()))

    async def _end(self, session_id: str) -> None:
        try:
            await self._session.request(lambda client: client.end_session(session_id))
        except NotFound:
            pass  # already ended (elsewhere, or it expired): the reload below shows that
        self._tasks.run("load", self._load(), self._failed)

    def _failed(self, error: PortalError) -> None:
        if isinstance(error, SessionExpired) and self._session.account is None:
            return  # the session service reports the end of the session
        self.problem.emit(user_message(error))

    def _forget(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._set_devices([])

    async def aclose(self) -> None:
        await self._tasks.drain()

    def _set_devices(self, devices: list[SessionInfo]) -> None:
        self._devices = list(devices)
        self.devicesChanged.emit(list(devices))
