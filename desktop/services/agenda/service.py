"""The agenda of the logged-in family: months from the cache at once, then from the server.

A month the parent opens is shown from memory or the offline cache straight away and then
revalidated with the server using its cursor (an unchanged month is one small response); the
months before and after are fetched in the background so paging feels instant. Absences are
reported through the outbox (:class:`desktop.services.shared.outbox.OutboxDelivery` with the
:class:`desktop.services.agenda.absence_outbox.AbsenceCourier`), which delivers them exactly
once, also after the app was offline or closed in between.

It is one piece (over 400 lines) because the months, the absences with their queue and the
calendar export all work on the same months in memory and in the cache; split, they would hand
that state to each other.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.api.absences.records import Absence, AbsenceDraft, QueuedAbsence
from desktop.api.agenda.records import Agenda, AgendaAbsence, DayPart
from desktop.api.core.errors import ConnectionProblem, SessionExpired
from desktop.api.portal.records import Policy
from desktop.cache.disk import DiskProblem
from desktop.services.agenda.absence_outbox import ABSENCE, AbsenceCourier, queued_absence
from desktop.services.agenda.calendar_export import CalendarExport, calendar_events
from desktop.services.agenda.ical import write_calendar
from desktop.services.profile import ProfileService
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.files import disk_message
from desktop.services.shared.outbox import OutboxDelivery
from desktop.services.shared.tasks import CrashHandler, ExpectedError, TaskRunner

__all__ = ["AgendaService", "month_key", "month_range"]

log = logging.getLogger(__name__)


def month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _neighbours(year: int, month: int) -> list[tuple[int, int]]:
    before = (year - 1, 12) if month == 1 else (year, month - 1)
    after = (year + 1, 1) if month == 12 else (year, month + 1)
    return [after, before]


class AgendaService(QObject):
    """Months of the agenda, the family's absences, reporting and cancelling absences.

    Signals: ``agendaChanged(Agenda)`` for the month last asked with :meth:`show_month` (queued
    absences merged in); ``absencesChanged(list[Absence], list[QueuedAbsence])`` for the
    request overview; ``absenceReported(outbox_id, list[Absence])``,
    ``absenceQueued(outbox_id)`` and ``absenceRefused(outbox_id, message)`` for a report, or
    ``absenceNotSaved(message)`` when the disk refused to queue it;
    ``queuedDelivered(list[Absence])`` when a report that had to wait has reached the portal;
    ``cancelPreviewed(CancelPreview)`` (what a cancel would do, for the confirmation),
    ``absencesCancelled(list[Absence])`` / ``cancelFailed(message)``;
    ``calendarExported(CalendarExport)`` / ``exportFailed(message)``; ``problem(message)`` for
    the message bar.
    """

    agendaChanged = Signal(object)
    absencesChanged = Signal(list, list)
    absenceReported = Signal(int, list)
    absenceQueued = Signal(int)
    absenceRefused = Signal(int, str)
    absenceNotSaved = Signal(str)
    queuedDelivered = Signal(list)
    cancelPreviewed = Signal(object)
    absencesCancelled = Signal(list)
    cancelFailed = Signal(str)
    calendarExported = Signal(object)
    exportFailed = Signal(str)
    problem = Signal(str)
    problemSolved = Signal()

    def __init__(self, session: SessionService, profile: ProfileService, *,
                 outbox: OutboxDelivery | None = None, on_crash: CrashHandler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._profile = profile
        self._tasks = TaskRunner(on_crash)
        self._months: dict[str, Agenda] = {}
        self._shown: tuple[int, int] | None = None
        self._absences: list[Absence] = []
        self._failing = False  # the last month fetch failed (its message is on screen)
        self._waited: set[int] = set()  # reports that could not be sent at once
        self.outbox = outbox or OutboxDelivery(session, on_crash=on_crash, parent=self)
        self.outbox.register(AbsenceCourier(session))
        self.outbox.delivered.connect(self._delivered)
        self.outbox.queued.connect(self._queued)
        self.outbox.refused.connect(self._refused)
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)
        session.connection.onlineChanged.connect(self._online_changed)

    # --- state --------------------------------------------------------------------------------

    @property
    def policy(self) -> Policy:
        return self._session.policy

    @property
    def online(self) -> bool:
        return self._session.connection.online

    @property
    def shown_month(self) -> tuple[int, int] | None:
        return self._shown

    def agenda_for(self, first: date, last: date) -> list[Agenda]:
        """The months overlapping `first`..`last` that are known here (memory or cache)."""
        months: list[Agenda] = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            agenda = self._month(month_key(year, month))
            if agenda is not None:
                months.append(self._with_queued(agenda))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    # --- months -------------------------------------------------------------------------------

    def show_month(self, year: int, month: int) -> None:
        """Emit the month at once when it is known, then revalidate it with the server."""
        self._shown = (year, month)
        cached = self._month(month_key(year, month))
        if cached is not None:
            self.agendaChanged.emit(self._with_queued(cached))
        if self._session.account is not None:
            self._tasks.run("month", self._sync_month(year, month), self._sync_failed)

    def refresh(self) -> None:
        if self._shown is not None:
            self.show_month(*self._shown)

    async def _sync_month(self, year: int, month: int) -> None:
        await self._fetch(year, month)
        self._solved()
        for neighbour in _neighbours(year, month):
            if self._month(month_key(*neighbour)) is None:
                await self._fetch(*neighbour)

    async def _fetch(self, year: int, month: int) -> None:
        key = month_key(year, month)
        cache = self._session.cache
        known = self._month(key)
        first, last = month_range(year, month)
        agenda = await self._session.request(
            lambda client: client.agenda.fetch(first, last, known.cursor if known else None))
        if cache is None or cache is not self._session.cache:
            return  # another account by now
        if agenda is None:
            return  # unchanged: the cached month is current
        self._months[key] = agenda
        if self._shown == (year, month):
            self.agendaChanged.emit(self._with_queued(agenda))
        # Shown first: a disk that refuses to keep the month offline must not hide it.
        cache.put_agenda_month(key, agenda)

    def _month(self, key: str) -> Agenda | None:
        if key not in self._months:
            cache = self._session.cache
            agenda = cache.agenda_month(key) if cache is not None else None
            if agenda is None:
                return None
            self._months[key] = agenda
        return self._months[key]

    def _with_queued(self, agenda: Agenda) -> Agenda:
        """The month with the absences still waiting in the outbox shown as queued."""
        queued = self.pending_absences()
        if not queued:
            return agenda
        extra: list[AgendaAbsence] = []
        for item in queued:
            draft = item.draft
            for planned in agenda.planned:
                if (planned.child_id in draft.child_ids
                        and draft.first_date <= planned.date <= draft.last_date
                        and draft.day_part in (None, planned.day_part)):
                    extra.append(AgendaAbsence(None, planned.date, planned.child_id,
                                               planned.day_part, draft.reason, queued=True))
        return agenda.with_absences(agenda.absences + tuple(extra))

    def _solved(self) -> None:
        if self._failing:
            self._failing = False
            self.problemSolved.emit()

    def _sync_failed(self, error: ExpectedError) -> None:
        if isinstance(error, SessionExpired) or self._session.account is None:
            return
        if isinstance(error, ConnectionProblem):
            return  # the status bar says offline; the cached month stays on screen
        self._failing = True
        self.problem.emit(user_message(error))

    # --- absences -----------------------------------------------------------------------------

    def report_absence(self, draft: AbsenceDraft) -> int | None:
        """Queue the report (on disk) and send it; returns its outbox id for the signals, or
        None after ``absenceNotSaved(message)`` when the disk refused to keep it (then nothing
        was queued and nothing sent). The month and the request overview show it as waiting
        at once, online or not."""
        try:
            outbox_id = self.outbox.enqueue(ABSENCE, draft.to_json())
        except DiskProblem as problem:
            self.absenceNotSaved.emit(user_message(problem))
            return None
        self._reemit_shown()
        self._emit_absences()
        return outbox_id

    def pending_absences(self) -> list[QueuedAbsence]:
        """Reports waiting in the outbox, oldest first."""
        return [queued_absence(w) for w in self.outbox.pending(ABSENCE)]

    def refused_absences(self) -> list[QueuedAbsence]:
        """Reports the portal refused, with its message, until the parent dismisses them."""
        return [queued_absence(w) for w in self.outbox.refused_writes(ABSENCE)]

    def dismiss_refused(self, outbox_id: int) -> None:
        self.outbox.dismiss(outbox_id)
        self._emit_absences()

    def withdraw_queued(self, outbox_id: int) -> str | None:
        """Withdraw a report that has not been sent yet: it never reaches the portal. Answers
        None, or why it could not: it is on its way right now (cancel it once it has
        arrived), or the disk refused."""
        try:
            withdrawn = self.outbox.withdraw(outbox_id)
        except DiskProblem as problem:
            return user_message(problem)
        if not withdrawn:
            return self.tr("This report is on its way to the portal or has just arrived: once "
                           "it shows as reported, you can cancel it here.")
        self._waited.discard(outbox_id)
        self._reemit_shown()
        self._emit_absences()
        return None

    def load_absences(self) -> None:
        """The request overview: cached list at once, then the server's."""
        cache = self._session.cache
        if cache is not None and not self._absences:
            self._absences = cache.absences() or []
        self._emit_absences()
        if self._session.account is not None:
            self._tasks.run("absences", self._load_absences(), self._sync_failed)

    async def _load_absences(self) -> None:
        cache = self._session.cache
        absences = await self._session.request(lambda client: client.absences.list())
        if cache is None or cache is not self._session.cache:
            return
        self._absences = absences
        self._emit_absences()
        self._solved()
        cache.put_absences(absences)

    def preview_cancel(self, absence_ids: Sequence[int]) -> None:
        """Ask the portal what cancelling these absences together would do (for the
        confirmation); answers on ``cancelPreviewed(CancelPreview)``, or the refusal on
        ``cancelFailed``."""
        ids = tuple(absence_ids)
        self._tasks.run("cancel-preview", self._preview_cancel(ids), self._cancel_failed)

    async def _preview_cancel(self, absence_ids: tuple[int, ...]) -> None:
        preview = await self._session.request(
            lambda client: client.absences.cancel_preview(absence_ids))
        self.cancelPreviewed.emit(preview)

    def cancel_absences(self, absence_ids: Sequence[int]) -> None:
        """Afmelding annuleren of one report's day — every child and day-part at once (the
        view has asked "are you sure?" already)."""
        ids = tuple(absence_ids)
        self._tasks.run("cancel", self._cancel(ids), self._cancel_failed)

    async def _cancel(self, absence_ids: tuple[int, ...]) -> None:
        absences = await self._session.request(
            lambda client: client.absences.cancel(absence_ids))
        self.absencesCancelled.emit(absences)
        self._after_change()

    def _cancel_failed(self, error: ExpectedError) -> None:
        if isinstance(error, SessionExpired):
            return
        self.cancelFailed.emit(user_message(error))

    def _emit_absences(self) -> None:
        queued: list[QueuedAbsence] = self.pending_absences() + self.refused_absences()
        self.absencesChanged.emit(list(self._absences), queued)

    # --- calendar export ----------------------------------------------------------------------

    def export_calendar(self, path: Path | str, children: Mapping[int, str], first: date,
                        last: date, labels: Mapping[DayPart, str] | None = None) -> None:
        """Write the planning of ``children`` (id -> first name) from ``first`` to ``last`` as
        an .ics file: absent day-parts left out, approved extra days in.

        The range is fetched from the portal as one agenda; offline, the months saved on this
        computer are used and the result says which part of the range they cover. Answers
        with ``calendarExported(CalendarExport)`` or ``exportFailed(message)``."""
        self._tasks.run("export", self._export(Path(path), dict(children), first, last,
                                               dict(labels or {})), self._export_failed)

    async def _export(self, path: Path, children: dict[int, str], first: date, last: date,
                      labels: dict[DayPart, str]) -> None:
        try:
            agenda = await self._session.request(
                lambda client: client.agenda.fetch(first, last))
            agendas = [agenda] if agenda is not None else []
            covered: tuple[date, date] | None = (first, last)
        except ConnectionProblem:
            agendas = sorted((a for a in self._known_months()
                              if a.last >= first and a.first <= last), key=lambda a: a.first)
            covered = (max(first, agendas[0].first), min(last, agendas[-1].last)) \
                if agendas else None
            if covered is None:
                raise
        # A report still waiting in the outbox is an absence too: that care is not coming.
        events = calendar_events([self._with_queued(a) for a in agendas], children, first,
                                 last, labels)
        organisation = self._session.account.organisation_name if self._session.account else ""
        try:
            count = await asyncio.to_thread(write_calendar, path, events, organisation)
        except OSError as error:
            self.exportFailed.emit(disk_message(error))
            return
        self.calendarExported.emit(CalendarExport(path, count, tuple(children.values()),
                                                  first, last, *covered))

    def _export_failed(self, error: ExpectedError) -> None:
        if isinstance(error, ConnectionProblem):
            self.exportFailed.emit(self.tr(
                "There is no connection with the portal and no month of this period is saved "
                "on this computer. Try again when you are online."))
        elif not isinstance(error, SessionExpired):
            self.exportFailed.emit(user_message(error))

    def _known_months(self) -> list[Agenda]:
        cache = self._session.cache
        if cache is not None:
            for key in cache.agenda_months():
                self._month(key)
        return list(self._months.values())

    # --- reactions ----------------------------------------------------------------------------

    def _queued(self, kind: str, outbox_id: int) -> None:
        if kind != ABSENCE:
            return
        self._waited.add(outbox_id)
        self.absenceQueued.emit(outbox_id)
        self._reemit_shown()
        self._emit_absences()

    def _delivered(self, kind: str, outbox_id: int, absences: list[Absence]) -> None:
        if kind != ABSENCE:
            return
        self.absenceReported.emit(outbox_id, absences)
        if outbox_id in self._waited:
            # It had to wait for a connection: the parent has moved on and is told it arrived.
            self._waited.discard(outbox_id)
            self.queuedDelivered.emit(absences)
        self._after_change()

    def _refused(self, kind: str, outbox_id: int, message: str) -> None:
        if kind != ABSENCE:
            return
        self.absenceRefused.emit(outbox_id, message)
        self._reemit_shown()
        self._emit_absences()

    def _after_change(self) -> None:
        self.refresh()
        self.load_absences()

    def _reemit_shown(self) -> None:
        if self._shown is not None:
            agenda = self._month(month_key(*self._shown))
            if agenda is not None:
                self.agendaChanged.emit(self._with_queued(agenda))

    def _logged_in(self, _account: object) -> None:
        self._months.clear()
        self._absences = []
        self._failing = False
        # Reports left waiting by an earlier session: the parent is told when they arrive.
        self._waited = {q.outbox_id for q in self.pending_absences()}
        if self._shown is not None:
            self.show_month(*self._shown)

    def _logged_out(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._months.clear()
        self._absences = []
        self._waited = set()

    def _online_changed(self, online: bool) -> None:
        if online:
            self.refresh()  # the outbox delivers by itself

    async def aclose(self) -> None:
        if self.outbox.parent() is self:
            await self.outbox.aclose()
        await self._tasks.drain()
