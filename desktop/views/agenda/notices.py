"""What the agenda's services report to the family, put in the main window's message bar: a
month (or the extra days) that could not be loaded, with "Try again", until the next load
succeeds (shown in the Agenda section); the group's decisions on extra days; a report of absence
that had to wait for a connection and has now arrived; and where a calendar export was saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.models.shared.formatting import format_date, format_date_range
from desktop.models.shared.records import (
    Absence,
    CalendarExport,
    ExtraDayRequest,
    ExtraDayStatus,
    Profile,
)
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import PageContext

if TYPE_CHECKING:
    from desktop.services.agenda.extra_days import ExtraDayService
    from desktop.services.agenda.service import AgendaService

__all__ = ["AgendaNotices"]


class AgendaNotices(QObject):
    """Lives as long as its parent (the main window): the services outlive every window."""

    def __init__(self, agenda: AgendaService, extra_days: ExtraDayService,
                 messages: MessageBar, parent: QObject, *,
                 profile: Callable[[], Profile | None] = lambda: None) -> None:
        super().__init__(parent)
        self._agenda = agenda
        self._extra_days = extra_days
        self._messages = messages
        self._profile = profile
        agenda.problem.connect(self._agenda_problem)
        agenda.problemSolved.connect(self._agenda_problem_solved)
        agenda.queuedDelivered.connect(self._queued_delivered)
        agenda.calendarExported.connect(self._exported)
        agenda.exportFailed.connect(self._export_failed)
        extra_days.problem.connect(self._extra_days_problem)
        extra_days.problemSolved.connect(self._extra_days_problem_solved)
        extra_days.decisionsArrived.connect(self._decisions_arrived)

    @classmethod
    def attach(cls, context: PageContext) -> None:
        """From the window's start: the agenda may report before its page is opened."""
        services = context.services
        cls(services.agenda, services.extra_days, context.messages, context.parent,
            profile=lambda: services.profile.profile)

    def _agenda_problem(self, text: str) -> None:
        self._messages.show_message(text, source="agenda", action_text=self.tr("Try again"),
                                    action=self._agenda.refresh, section="agenda")

    def _queued_delivered(self, absences: list[Absence]) -> None:
        """A report saved on this computer while the portal could not be reached is there now:
        the group knows (the wizard that made it may have been closed long ago)."""
        if not absences:
            return
        profile = self._profile()
        names = {c.id: c.first_name for c in (profile.children if profile else ())}
        children = " & ".join(dict.fromkeys(names.get(a.child_id, "?") for a in absences))
        days = sorted({a.date for a in absences})
        self._messages.show_message(self.tr(
            "Your absence report for {children} on {dates} has reached the portal: the group "
            "knows.").format(children=children, dates=format_date_range(days[0], days[-1])),
            source="absence-delivered", tone="info")

    def _agenda_problem_solved(self) -> None:
        self._messages.clear("agenda")

    def _extra_days_problem(self, text: str) -> None:
        self._messages.show_message(text, source="extra-days", action_text=self.tr("Try again"),
                                    action=self._extra_days.load_requests, section="agenda")

    def _extra_days_problem_solved(self) -> None:
        self._messages.clear("extra-days")

    def _decisions_arrived(self, requests: list[ExtraDayRequest]) -> None:
        """A parent's pending extra days that the group decided meanwhile."""
        lines = []
        for request in requests:
            dates = format_date_range(request.first_date, request.last_date)
            if request.status is ExtraDayStatus.APPROVED and request.decision_reason:
                # A partial approval: what stays is approved, the rest was split off.
                lines.append(self.tr("The group approved the extra day for {child} on {dates}; "
                                     "the other requested day-parts were rejected: {reason}")
                             .format(child=request.child_name, dates=dates,
                                     reason=request.decision_reason))
            elif request.status is ExtraDayStatus.APPROVED:
                lines.append(self.tr("The group approved the extra day for {child} on "
                                     "{dates}.").format(child=request.child_name, dates=dates))
            else:
                lines.append(self.tr("The group rejected the extra day for {child} on {dates}: "
                                     "{reason}").format(child=request.child_name, dates=dates,
                                                        reason=request.decision_reason or ""))
        self._messages.show_message(" ".join(lines), source="decisions", tone="info")

    def _exported(self, export: CalendarExport) -> None:
        text = self.tr("{count} day-parts of {children} from {first} up to and including {last} "
                       "were saved in {path}. Open the file with your calendar program to add "
                       "them.").format(count=export.count, children=" & ".join(export.children),
                                       first=format_date(export.first),
                                       last=format_date(export.last), path=export.path)
        if not export.complete:
            text += " " + self.tr(
                "There was no connection with the portal: only {first} up to and including "
                "{last}, saved on this computer, could be exported.").format(
                first=format_date(export.covered_first), last=format_date(export.covered_last))
        self._messages.show_message(text, source="export",
                                    tone="info" if export.complete else "warning")

    def _export_failed(self, text: str) -> None:
        self._messages.show_message(
            self.tr("The calendar file could not be saved. {reason}").format(reason=text),
            source="export")
