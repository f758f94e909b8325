"""Delivering reported absences exactly once, online or not.

Every report goes into the account's outbox first (on disk, ``synchronous=FULL``) with an
idempotency key fixed at that moment, and is then sent. When the connection fails the item
stays pending and is sent again later — when the session starts, when the app is back online,
and every 30 seconds meanwhile — always with the same key, so a report whose answer was lost
(connection dropped, app closed) is recognised by the server and not stored twice. A refusal
(a rule, e.g. the day became a closing day) is kept with the server's message until the parent
dismisses it: nothing disappears silently. A report still waiting can be withdrawn — it is then
never sent — except while it is on its way (the portal may already have it).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.api.absences.records import AbsenceDraft, QueuedAbsence
from desktop.api.core.errors import ConnectionProblem, PortalError, ServerError, SessionExpired
from desktop.cache.outbox import OutboxItem
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["ABSENCE", "RETRY_MS", "AbsenceOutbox"]

log = logging.getLogger(__name__)

#: The outbox kind of an absence report.
ABSENCE = "absence"
#: While reports wait, try again this often.
RETRY_MS = 30 * 1000


class AbsenceOutbox(QObject):
    """Queues absence reports and delivers them.

    Signals: ``queued(outbox_id)`` — could not be sent now, waits for a connection;
    ``delivered(outbox_id, list[Absence])``; ``refused(outbox_id, message)``.
    """

    queued = Signal(int)
    delivered = Signal(int, list)
    refused = Signal(int, str)

    def __init__(self, session: SessionService, *, retry_ms: int = RETRY_MS,
                 on_crash: CrashHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._again = False  # a report came in while a delivery was running
        self._sending: int | None = None  # the report on its way right now
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self.deliver)
        session.loggedOut.connect(self._stop)
        session.sessionExpired.connect(self._stop)

    def report(self, draft: AbsenceDraft) -> int:
        """Put the report on disk, then try to send it; returns its outbox id."""
        cache = self._session.cache
        if cache is None:
            raise RuntimeError("no account is logged in")
        item = cache.outbox.enqueue(ABSENCE, draft.to_json())
        self.deliver()
        return item.id

    def pending_absences(self) -> list[QueuedAbsence]:
        cache = self._session.cache
        return [] if cache is None else [_queued(i) for i in cache.outbox.pending()
                                         if i.kind == ABSENCE]

    def refused_absences(self) -> list[QueuedAbsence]:
        cache = self._session.cache
        return [] if cache is None else [_queued(i) for i in cache.outbox.refused()
                                         if i.kind == ABSENCE]

    def dismiss(self, outbox_id: int) -> None:
        cache = self._session.cache
        if cache is not None:
            cache.outbox.discard(outbox_id)

    def withdraw(self, outbox_id: int) -> bool:
        """Forget a report that is still waiting, so it is never sent. False when it is on its
        way right now (or no longer waiting): then it may reach the portal, and is cancelled
        there once it has."""
        cache = self._session.cache
        if cache is None or outbox_id == self._sending:
            return False
        if outbox_id not in {i.id for i in cache.outbox.pending()}:
            return False
        cache.outbox.discard(outbox_id)
        return True

    def deliver(self) -> None:
        """Send whatever is pending, oldest first (a running delivery picks up new items)."""
        if self._tasks.running("deliver"):
            self._again = True
            return
        if self._session.account is None:
            return
        self._again = False
        self._timer.stop()
        self._tasks.run("deliver", self._deliver())

    async def _deliver(self) -> None:
        while True:
            self._again = False
            if not await self._deliver_pending():
                return
            if not self._again:
                return

    async def _deliver_pending(self) -> bool:
        """Send each pending report; False when the rest has to wait for a connection."""
        cache = self._session.cache
        if cache is None:
            return False
        for item in [i for i in cache.outbox.pending() if i.kind == ABSENCE]:
            if item.id not in {i.id for i in cache.outbox.pending()}:
                continue  # withdrawn while the reports before it were sent
            draft = AbsenceDraft.from_json(item.payload)
            self._sending = item.id
            try:
                absences = await self._session.request(
                    lambda client, d=draft, k=item.idempotency_key: client.absences.report(d, k))
            except (ConnectionProblem, ServerError, SessionExpired) as error:
                # Not the parent's mistake and maybe not even received: keep it, same key.
                log.info("absence %d not delivered yet: %s", item.id, type(error).__name__)
                if cache is self._session.cache:
                    for waiting in self.pending_absences():
                        self.queued.emit(waiting.outbox_id)
                    self._timer.start()
                return False
            except PortalError as error:
                if cache is not self._session.cache:
                    return False
                message = user_message(error)
                cache.outbox.mark_refused(item.id, message)
                self.refused.emit(item.id, message)
                continue
            finally:
                self._sending = None
            if cache is not self._session.cache:
                return False
            cache.outbox.mark_delivered(item.id)
            self.delivered.emit(item.id, absences)
        return True

    def _stop(self, *_args: object) -> None:
        self._timer.stop()
        self._tasks.cancel_all()

    async def aclose(self) -> None:
        self._timer.stop()
        await self._tasks.drain()


def _queued(item: OutboxItem) -> QueuedAbsence:
    return QueuedAbsence(item.id, AbsenceDraft.from_json(item.payload), item.created_at,
                         item.refusal)
