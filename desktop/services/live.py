"""Live updates: the one service that keeps the portal's event stream open (docs/api.md,
"Live updates"). The others subscribe to :attr:`LiveUpdates.event` and sync what it names;
they also poll on their own every few minutes, which is all there is while the stream cannot
be held (``connectedChanged(False)``: the status bar says so).

The stream is opened when the session starts, resumed with the last event's id
(``Last-Event-ID``) after a drop, and reopened with jittered backoff (1 s doubling to a
minute) while it fails. A ``resync`` event (the portal forgot what was missed) and every
reconnection make the subscribers sync once anyway."""

from __future__ import annotations

import asyncio
import logging
import random

from PySide6.QtCore import QObject, Signal

from desktop.api.core.errors import PortalError, SessionExpired
from desktop.services.session.service import SessionService
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["LiveUpdates", "SYNC_ALL"]

log = logging.getLogger(__name__)

#: The kind the subscribers get when they should sync everything once.
SYNC_ALL = "resync"
_FIRST_DELAY, _LONGEST_DELAY = 1.0, 60.0


class LiveUpdates(QObject):
    """Signals: ``event(kind, data)`` for each event (``SYNC_ALL`` after a reconnection);
    ``connectedChanged(bool)``."""

    event = Signal(str, dict)
    connectedChanged = Signal(bool)

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 rng: random.Random | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._rng = rng or random.Random()
        self._connected = False
        self._last_id: str | None = None
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._stop)
        session.sessionExpired.connect(self._stop)

    @property
    def connected(self) -> bool:
        return self._connected

    async def aclose(self) -> None:
        self._tasks.cancel_all()
        await self._tasks.drain()

    async def _run(self) -> None:
        delay = _FIRST_DELAY
        while self._session.account is not None:
            try:
                await self._session.request(self._follow)
                delay = _FIRST_DELAY  # it ended normally (a deploy): come back soon
            except SessionExpired:
                return
            except PortalError as error:
                log.info("event stream unavailable: %s", type(error).__name__)
            self._set_connected(False)
            await asyncio.sleep(delay * self._rng.uniform(0.5, 1.5))
            delay = min(delay * 2, _LONGEST_DELAY)

    async def _follow(self, client) -> None:  # noqa: ANN001 (PortalClient)
        async with client.events.stream(self._last_id) as events:
            async for item in events:
                if item.kind == "ready":
                    self._set_connected(True)
                    self.event.emit(SYNC_ALL, {})  # whatever happened while away
                elif item.kind == "session_ended":
                    continue  # the session finds out on its next request
                else:
                    self.event.emit(item.kind, item.data)
                if item.id:
                    self._last_id = item.id

    def _set_connected(self, connected: bool) -> None:
        if connected != self._connected:
            self._connected = connected
            self.connectedChanged.emit(connected)

    def _logged_in(self, _account: object) -> None:
        self._last_id = None
        self._tasks.run("stream", self._run(), self._failed)

    def _failed(self, _error: PortalError) -> None:
        self._set_connected(False)

    def _stop(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._last_id = None
        self._set_connected(False)
