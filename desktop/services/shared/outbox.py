"""Delivering the outbox: every queued write, whatever its kind, exactly once, online or not.

The store is :mod:`desktop.cache.outbox`; this is the one delivery loop over it
(docs/architecture.md, "Queued writes"). A feature that queues writes registers a
:class:`Courier` for its kind — how to send a payload, how to name a lost one to the parent —
and listens to the signals for its kind. Writes go out oldest first when the session starts,
when the portal can be reached again, and every 30 seconds while some wait, always with the
idempotency key they were queued with, so a write whose answer was lost is answered with the
first result instead of being stored twice.

What is not the parent's doing — offline, the portal failing or asking to wait, the session
ending, the disk refusing to record a delivery — keeps the write queued. A refusal (a rule) is
kept with the portal's message until the parent dismisses it; a write a damaged disk took is
told once, by day and child where that is still known. Nothing disappears silently. A write
still waiting can be withdrawn by the parent — then it is never sent — except while it is on
its way (the portal may already have it).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.api.client import PortalClient
from desktop.api.core.errors import (
    ConnectionProblem,
    PortalError,
    ServerError,
    SessionExpired,
    TooManyAttempts,
)
from desktop.cache.disk import DiskProblem
from desktop.cache.outbox import LostWrite, QueuedWrite
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["RETRY_MS", "Courier", "OutboxDelivery"]

log = logging.getLogger(__name__)

#: While writes wait, try again this often.
RETRY_MS = 30 * 1000

#: Failures after which a write waits for the next attempt: the portal may not have it, and
#: the same key makes a second delivery safe.
_WAIT = (ConnectionProblem, ServerError, TooManyAttempts, SessionExpired)


class Courier(Protocol):
    """How the writes of one ``kind`` travel to the portal."""

    kind: str

    async def send(self, client: PortalClient, payload: dict[str, Any], key: str) -> object:
        """Deliver one write with its idempotency key; returns what the feature wants back."""

    def describe_lost(self, lost: Sequence[LostWrite]) -> str:
        """One translated sentence naming these lost writes for the parent."""


class OutboxDelivery(QObject):
    """Delivers the logged-in account's outbox.

    Signals: ``queued(kind, write_id)`` — could not be sent now, waits for a connection;
    ``delivered(kind, write_id, result)``; ``refused(kind, write_id, message)``;
    ``lost(message)`` when a damaged disk took writes (also kept in :attr:`lost_notice`
    until logout, for a window that opens later); ``problem(message)`` when the disk refused
    to record a delivery (the write is sent again later, and answered from its key) and
    ``problemSolved()`` once it could again.
    """

    queued = Signal(str, int)
    delivered = Signal(str, int, object)
    refused = Signal(str, int, str)
    lost = Signal(str)
    problem = Signal(str)
    problemSolved = Signal()

    def __init__(self, session: SessionService, *, retry_ms: int = RETRY_MS,
                 on_crash: CrashHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._couriers: dict[str, Courier] = {}
        self._tasks = TaskRunner(on_crash)
        self._again = False  # a write came in while a delivery was running
        self._failing = False  # the disk refused the last time (its message is on screen)
        self._sending: int | None = None  # the write on its way right now
        self.lost_notice = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self.deliver)
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._stop)
        session.sessionExpired.connect(self._stop)
        session.connection.onlineChanged.connect(self._online_changed)

    def register(self, courier: Courier) -> None:
        self._couriers[courier.kind] = courier

    # --- the queue ----------------------------------------------------------------------------

    def enqueue(self, kind: str, payload: dict[str, Any]) -> int:
        """Put a write on disk, then try to send it; returns its id. Raises
        :class:`DiskProblem` when the disk refuses (then nothing was queued)."""
        cache = self._session.cache
        if cache is None:
            raise RuntimeError("no account is logged in")
        write = cache.outbox.enqueue(kind, payload)
        self.deliver()
        return write.id

    def pending(self, kind: str) -> list[QueuedWrite]:
        cache = self._session.cache
        return [] if cache is None else cache.outbox.pending((kind,))

    def refused_writes(self, kind: str) -> list[QueuedWrite]:
        cache = self._session.cache
        return [] if cache is None else cache.outbox.refused((kind,))

    def dismiss(self, write_id: int) -> None:
        """The parent has seen a refused write."""
        cache = self._session.cache
        if cache is not None:
            cache.outbox.discard(write_id)

    def withdraw(self, write_id: int) -> bool:
        """Forget a write that is still waiting, so it is never sent. False when it is on its
        way right now, or no longer waiting: then the portal may have it (and the feature
        undoes it there). Raises :class:`DiskProblem` when the disk refuses."""
        cache = self._session.cache
        if cache is None or write_id == self._sending:
            return False
        if write_id not in {w.id for w in cache.outbox.pending()}:
            return False
        cache.outbox.discard(write_id)
        return True

    # --- delivery -----------------------------------------------------------------------------

    def deliver(self) -> None:
        """Send whatever is pending, oldest first (a running delivery picks up new writes)."""
        if self._tasks.running("deliver"):
            self._again = True
            return
        if self._session.account is None:
            return
        self._again = False
        self._timer.stop()
        self._tasks.run("deliver", self._deliver(), self._disk_refused)

    async def _deliver(self) -> None:
        while True:
            self._again = False
            if not await self._deliver_pending():
                return
            if not self._again:
                return

    async def _deliver_pending(self) -> bool:
        """Send each pending write; False when the rest has to wait."""
        cache = self._session.cache
        if cache is None:
            return False
        for write in cache.outbox.pending(self._couriers.keys()):
            if write.id not in {w.id for w in cache.outbox.pending(self._couriers.keys())}:
                continue  # withdrawn while the writes before it were sent
            courier = self._couriers[write.kind]
            self._sending = write.id
            try:
                result = await self._session.request(
                    lambda client, w=write, c=courier: c.send(client, w.payload,
                                                              w.idempotency_key))
            except _WAIT as error:
                log.info("%s %d not delivered yet: %s", write.kind, write.id,
                         type(error).__name__)
                if cache is self._session.cache:
                    for waiting in cache.outbox.pending(self._couriers.keys()):
                        self.queued.emit(waiting.kind, waiting.id)
                    self._timer.start()
                return False
            except PortalError as error:
                if cache is not self._session.cache:
                    return False
                message = user_message(error)
                cache.outbox.mark_refused(write.id, message)
                self.refused.emit(write.kind, write.id, message)
                continue
            finally:
                self._sending = None
            if cache is not self._session.cache:
                return False
            try:
                cache.outbox.mark_delivered(write.id)
            finally:
                # The portal has it whether or not the disk could record that; if it could not,
                # the next attempt is answered from the idempotency key.
                self.delivered.emit(write.kind, write.id, result)
            if self._failing:
                self._failing = False
                self.problemSolved.emit()
        return True

    def _disk_refused(self, error: PortalError | DiskProblem) -> None:
        if isinstance(error, DiskProblem) and self._session.account is not None:
            self._failing = True
            self.problem.emit(user_message(error))
            self._timer.start()

    # --- lost writes --------------------------------------------------------------------------

    def _tell_lost(self) -> None:
        cache = self._session.cache
        if cache is None:
            return
        lost = cache.outbox.lost()
        if not lost:
            return
        sentences = []
        for kind, courier in self._couriers.items():
            of_kind = [w for w in lost if w.kind == kind]
            if of_kind:
                sentences.append(courier.describe_lost(of_kind))
        if any(w.kind not in self._couriers for w in lost):
            sentences.append(QCoreApplication.translate(
                "OutboxDelivery",
                "Part of what was waiting on this computer to be sent could not be read back "
                "from its disk. Check on the portal that your recent reports arrived."))
        self.lost_notice = " ".join(sentences)
        try:
            cache.outbox.forget_lost(w.id for w in lost)
        except DiskProblem:
            pass  # told again next time: better twice than never
        self.lost.emit(self.lost_notice)

    # --- session ------------------------------------------------------------------------------

    def _logged_in(self, _account: object) -> None:
        self._tell_lost()
        self.deliver()

    def _online_changed(self, online: bool) -> None:
        if online:
            self.deliver()

    def _stop(self, *_args: object) -> None:
        self._timer.stop()
        self._tasks.cancel_all()
        self._failing = False
        self.lost_notice = ""

    async def aclose(self) -> None:
        self._timer.stop()
        await self._tasks.drain()
