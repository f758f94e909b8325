"""Pending requests (staff and location managers): the extra-day requests of the caller's
groups that wait for a decision, the group's free places on each requested day-part, the
decision itself — approve (all, or only the day-parts that fit), or reject — and the requests
decided today, so a decision stays in sight after it is made.

Online only, like the decision itself: what is free depends on the group's agenda at that
moment, and the server checks it again when the request is approved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from desktop.api.agenda.records import DayPart
from desktop.api.core.errors import PortalError, SessionExpired
from desktop.api.extra_days.records import ExtraDayRequest
from desktop.services.session.account import STAFF_ROLES
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["PendingRequestsService"]


class PendingRequestsService(QObject):
    """Signals: ``pendingChanged(list[ExtraDayRequest])``; ``decidedTodayChanged(list)`` (the
    requests decided today, newest decision first); ``loadFailed(message)`` when the list
    could not be fetched; ``capacityReady(request_id, list[CapacityDay])`` /
    ``capacityFailed(request_id, message)``;
    ``decided(ExtraDayRequest)`` / ``decisionFailed(message)``.

    ``today`` is injectable for tests."""

    pendingChanged = Signal(list)
    decidedTodayChanged = Signal(list)
    loadFailed = Signal(str)
    capacityReady = Signal(int, list)
    capacityFailed = Signal(int, str)
    decided = Signal(object)
    decisionFailed = Signal(str)

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 today: Callable[[], date] = date.today, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._today = today
        self._pending: list[ExtraDayRequest] | None = None
        self._decided_today: list[ExtraDayRequest] = []
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)

    @property
    def available(self) -> bool:
        """Whether this account decides requests at all (staff and managers)."""
        account = self._session.account
        return account is not None and account.role in STAFF_ROLES

    @property
    def pending(self) -> list[ExtraDayRequest] | None:
        """The last list fetched (None: not fetched yet)."""
        return None if self._pending is None else list(self._pending)

    @property
    def decided_today(self) -> list[ExtraDayRequest]:
        return list(self._decided_today)

    @property
    def loading(self) -> bool:
        return self._tasks.running("pending")

    def load(self) -> None:
        if self.available:
            self._tasks.run("pending", self._load(), self._load_failed)

    def load_capacity(self, request_id: int) -> None:
        self._tasks.run("capacity", self._capacity(request_id),
                        lambda error: self._capacity_failed(request_id, error))

    def approve(self, request_id: int, only: list[tuple[date, DayPart]] | None = None,
                reason: str | None = None) -> None:
        """Approve; with ``only``, just those day-parts and the rest rejected with ``reason``."""
        self._tasks.run(f"decide-{request_id}", self._decide(
            lambda client: client.extra_days.approve(request_id, only, reason)),
            self._decision_failed)

    def reject(self, request_id: int, reason: str) -> None:
        self._tasks.run(f"decide-{request_id}", self._decide(
            lambda client: client.extra_days.reject(request_id, reason)),
            self._decision_failed)

    async def aclose(self) -> None:
        await self._tasks.drain()

    # --- internals ----------------------------------------------------------------------------

    async def _load(self) -> None:
        pending = await self._session.request(
            lambda client: client.extra_days.list(status="pending"))
        # The longest-waiting first: that is the order staff work through them.
        self._pending = sorted(pending, key=lambda r: (r.first_date, r.id))
        self.pendingChanged.emit(list(self._pending))
        today = self._today()
        decided = await self._session.request(
            lambda client: client.extra_days.list(decided_on=today))
        self._decided_today = sorted((r for r in decided if r.decided_at is not None),
                                     key=lambda r: r.decided_at, reverse=True)
        self.decidedTodayChanged.emit(list(self._decided_today))

    async def _capacity(self, request_id: int) -> None:
        days = await self._session.request(
            lambda client: client.extra_days.capacity(request_id))
        self.capacityReady.emit(request_id, days)

    async def _decide(self, call) -> None:  # noqa: ANN001 (a client call)
        request = await self._session.request(call)
        self.decided.emit(request)
        self.load()

    def _load_failed(self, error: PortalError) -> None:
        if not isinstance(error, SessionExpired):
            self.loadFailed.emit(user_message(error))

    def _capacity_failed(self, request_id: int, error: PortalError) -> None:
        if not isinstance(error, SessionExpired):
            self.capacityFailed.emit(request_id, user_message(error))

    def _decision_failed(self, error: PortalError) -> None:
        if isinstance(error, SessionExpired):
            return
        self.decisionFailed.emit(user_message(error))
        self.load()  # what is pending may have changed (decided elsewhere, capacity full)

    def _logged_out(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._pending = None
        self._decided_today = []
