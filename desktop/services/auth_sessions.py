"""The account's auth sessions — the devices where it is logged in — and ending one."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.api.account.records import AuthSession
from desktop.api.core.errors import NotFound, PortalError, SessionExpired
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["AuthSessionsService"]


class AuthSessionsService(QObject):
    """The account's auth sessions (the UI calls them "logged-in devices").

    Signals: ``sessionsChanged(list[AuthSession])`` and ``problem(str)`` (translated).
    """

    sessionsChanged = Signal(list)
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
        self._sessions: list[AuthSession] = []
        session.loggedOut.connect(self._forget)
        session.sessionExpired.connect(self._forget)

    @property
    def sessions(self) -> list[AuthSession]:
        return list(self._sessions)

    def load(self) -> None:
        self._tasks.run("load", self._load(), self._failed)

    def end(self, session_id: str) -> None:
        """Log out another device. Ending this device's own session is a normal logout."""
        current = next((s for s in self._sessions if s.id == session_id and s.current), None)
        if current is not None:
            self._session.logout()
            return
        self._tasks.run(f"end:{session_id}", self._end(session_id), self._failed)

    async def _load(self) -> None:
        self._set_sessions(await self._session.request(lambda client: client.account.sessions()))

    async def _end(self, session_id: str) -> None:
        try:
            await self._session.request(lambda client: client.account.end_session(session_id))
        except NotFound:
            pass  # already ended (elsewhere, or it expired): the reload below shows that
        self._tasks.run("load", self._load(), self._failed)

    def _failed(self, error: PortalError) -> None:
        if isinstance(error, SessionExpired) and self._session.account is None:
            return  # the session service reports the end of the session
        self.problem.emit(user_message(error))

    def _forget(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._set_sessions([])

    async def aclose(self) -> None:
        await self._tasks.drain()

    def _set_sessions(self, sessions: list[AuthSession]) -> None:
        self._sessions = list(sessions)
        self.sessionsChanged.emit(list(sessions))
