"""What the agenda's services report to the family, put in the main window's message bar: a
month (or the extra days) that could not be loaded, with "Try again", until the next load
succeeds; and the group's decisions on extra days."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.models.shared.formatting import format_date_range
from desktop.models.shared.records import ExtraDayRequest, ExtraDayStatus
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import PageContext

if TYPE_CHECKING:
    from desktop.services.agenda.extra_days import ExtraDayService
    from desktop.services.agenda.service import AgendaService

__all__ = ["AgendaNotices"]


class AgendaNotices(QObject):
    """Lives as long as its parent (the main window): the services outlive every window."""

    def __init__(self, agenda: AgendaService, extra_days: ExtraDayService,
                 messages: MessageBar, parent: QObject) -> None:
        super().__init__(parent)
        self._agenda = agenda
        self._extra_days = extra_days
        self._messages = messages
        agenda.problem.connect(self._agenda_problem)
        agenda.problemSolved.connect(self._agenda_problem_solved)
        extra_days.problem.connect(self._extra_days_problem)
        extra_days.problemSolved.connect(self._extra_days_problem_solved)
        extra_days.decisionsArrived.connect(self._decisions_arrived)

    @classmethod
    def attach(cls, context: PageContext) -> None:
        """From the window's start: the agenda may report before its page is opened."""
        services = context.services
        cls(services.agenda, services.extra_days, context.messages, context.parent)

    def _agenda_problem(self, text: str) -> None:
        self._messages.show_message(text, source="agenda", action_text=self.tr("Try again"),
                                    action=self._agenda.refresh)

    def _agenda_problem_solved(self) -> None:
        self._messages.clear("agenda")

    def _extra_days_problem(self, text: str) -> None:
        self._messages.show_message(text, source="extra-days", action_text=self.tr("Try again"),
                                    action=self._extra_days.load_requests)

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
