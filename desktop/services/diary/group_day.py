"""Groep vandaag (staff and location managers): a group's children on a day with their
status, one-click arrival and departure, and the day report of a child — its entries and the
staff's quick additions, also for several children at once (docs/api.md, "Group day and
diary").

Online only, like the group's PC it runs on: what staff register must be on the portal at
once, where the parents read it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QObject, Signal

from desktop.api.core.errors import PortalError, SessionExpired
from desktop.api.diary.records import AttendanceDraft, DiaryDay, EntryDraft, GroupDay
from desktop.services.session.account import STAFF_ROLES
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["GroupDayService"]


def _now() -> datetime:
    return datetime.now().astimezone()


class GroupDayService(QObject):
    """Signals: ``dayChanged(GroupDay)``; ``loadFailed(message)``;
    ``registerFailed(child_id, message)`` (the row shows it); ``reportChanged(child_id,
    DiaryDay | None)`` (a child's day report; None: nothing written yet);
    ``reportFailed(message)``; ``written(list[DiaryEntry])`` / ``writeFailed(message)``.

    ``now`` is injectable for tests: arrival and departure take its time of day."""

    dayChanged = Signal(object)
    loadFailed = Signal(str)
    registerFailed = Signal(int, str)
    reportChanged = Signal(int, object)
    reportFailed = Signal(str)
    written = Signal(list)
    historyChanged = Signal(int, list)
    historyFailed = Signal(str)
    writeFailed = Signal(str)

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 now: Callable[[], datetime] = _now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._now = now
        self._day: GroupDay | None = None
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)

    @property
    def available(self) -> bool:
        account = self._session.account
        return account is not None and account.role in STAFF_ROLES

    @property
    def day(self) -> GroupDay | None:
        return self._day

    def today(self) -> date:
        return self._now().date()

    def load(self, group_id: int, day: date) -> None:
        if self.available:
            self._tasks.run("group-day", self._load(group_id, day), self._failed(self.loadFailed))

    def arrive(self, child_id: int, note: str | None = None) -> None:
        """The child is here now (a child not expected needs ``note``)."""
        child = self._child(child_id)
        if child is not None:
            self._register(AttendanceDraft(child_id, self._day.group_id, self._day.day,
                                           self._clock(), None, note or child.note))

    def depart(self, child_id: int) -> None:
        """The child went home now (after its arrival)."""
        child = self._child(child_id)
        if child is not None:
            self._register(AttendanceDraft(child_id, self._day.group_id, self._day.day,
                                           child.arrived_at, self._clock(), child.note))

    def undo(self, child_id: int) -> None:
        """Take back the last click: a departure, else the arrival."""
        child = self._child(child_id)
        if child is not None:
            left = None
            arrived = child.arrived_at if child.left_at is not None else None
            self._register(AttendanceDraft(child_id, self._day.group_id, self._day.day,
                                           arrived, left, child.note))

    def load_report(self, child_id: int) -> None:
        if self._day is not None:
            self._tasks.run(f"report-{child_id}", self._report(child_id, self._day.day),
                            self._failed(self.reportFailed))

    def load_history(self, child_id: int) -> None:
        """Who registered and corrected the child's arrival and departure on the day shown
        (``historyChanged(child_id, [AttendanceChange])``, newest first)."""
        if self._day is not None:
            self._tasks.run(f"history-{child_id}", self._history(child_id, self._day.day),
                            self._failed(self.historyFailed))

    async def _history(self, child_id: int, day: date) -> None:
        changes = await self._session.request(
            lambda client: client.diary.attendance_history(child_id, day))
        self.historyChanged.emit(child_id, changes)

    def write(self, draft: EntryDraft) -> None:
        self._tasks.run("write", self._write(draft), self._failed(self.writeFailed))

    async def aclose(self) -> None:
        await self._tasks.drain()

    # --- internals ----------------------------------------------------------------------------

    def _clock(self) -> time:
        moment = self._now()
        return time(moment.hour, moment.minute)

    def _child(self, child_id: int):  # noqa: ANN202 (a GroupDayChild or None)
        if self._day is None:
            return None
        return next((c for c in self._day.children if c.child_id == child_id), None)

    def _register(self, draft: AttendanceDraft) -> None:
        self._tasks.run(f"attendance-{draft.child_id}", self._send_attendance(draft),
                        lambda error: self._register_failed(draft.child_id, error))

    async def _load(self, group_id: int, day: date) -> None:
        self._day = await self._session.request(
            lambda client: client.diary.group_day(group_id, day))
        self.dayChanged.emit(self._day)

    async def _send_attendance(self, draft: AttendanceDraft) -> None:
        await self._session.request(lambda client: client.diary.register(draft))
        await self._load(draft.group_id, draft.day)

    async def _report(self, child_id: int, day: date) -> None:
        page = await self._session.request(
            lambda client: client.diary.page(child_id, day=day, limit=1))
        found: DiaryDay | None = page.days[0] if page.days else None
        self.reportChanged.emit(child_id, found)

    async def _write(self, draft: EntryDraft) -> None:
        entries = await self._session.request(lambda client: client.diary.write(draft))
        self.written.emit(entries)
        for child_id in draft.child_ids:
            await self._report(child_id, draft.day)

    def _failed(self, signal: Signal) -> Callable[[PortalError], None]:
        def emit(error: PortalError) -> None:
            if not isinstance(error, SessionExpired):
                signal.emit(user_message(error))
        return emit

    def _register_failed(self, child_id: int, error: PortalError) -> None:
        if not isinstance(error, SessionExpired):
            self.registerFailed.emit(child_id, user_message(error))

    def _logged_out(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._day = None
