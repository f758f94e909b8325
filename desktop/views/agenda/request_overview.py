"""Aanvragenoverzicht: the family's absences and extra-day requests with their status; cancel an
absence ("Aanvraag annuleren", after "Weet je zeker…?" with the day, every child and day-part,
and what the portal says the cancel does to the absence credit and the extra days it pays) — a
report's whole day, every child and day-part at once — withdraw a pending extra day, or
dismiss a report the portal refused. An approved extra day has no action, only the reason.

Less than the policy's days before the day, "Aanvraag annuleren" is disabled up front and the
location's phone and e-mail are shown as links: the portal would refuse it anyway.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.agenda.care import location_of
from desktop.models.agenda.request_overview import (
    OpenRequestsFilter,
    RequestOverviewModel,
    RequestRow,
    cancel_consequence,
)
from desktop.models.shared import clock
from desktop.models.shared.formatting import day_parts_label, format_weekday_date
from desktop.models.shared.records import (
    Absence,
    CancelPreview,
    ExtraDayRequest,
    ExtraDayStatus,
    Location,
    Profile,
    QueuedAbsence,
)
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.row_table import row_table
from desktop.views.shared.theme import announce, link, mark
from desktop.views.shared.windows import fit_to_screen

if TYPE_CHECKING:
    from desktop.services.agenda.extra_days import ExtraDayService
    from desktop.services.agenda.service import AgendaService

__all__ = ["RequestOverviewDialog"]


class RequestOverviewDialog(SessionDialog):
    """The request overview of the logged-in parent's family."""

    def __init__(self, agenda: AgendaService, extra_days: ExtraDayService,
                 profile: Profile | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestOverviewDialog")
        self.setWindowTitle(self.tr("Request overview"))
        fit_to_screen(self, 1100, 560)
        self._agenda = agenda
        self._extra_days = extra_days
        self._profile = profile
        self._absences: tuple[list, list] = ([], [])
        self._extra: list = []
        self._previewing: RequestRow | None = None  # the line whose preview is awaited
        self.model = RequestOverviewModel(self)
        self.model.set_children({c.id: c.first_name for c in (profile.children if profile
                                                             else ())})
        self.proxy = OpenRequestsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.open_only = QRadioButton(self.tr("Open"), self)
        self.open_only.setObjectName("showOpen")
        self.open_only.setChecked(True)
        self.show_all = QRadioButton(self.tr("All"), self)
        self.show_all.setObjectName("showAll")
        group = QButtonGroup(self)
        group.addButton(self.open_only)
        group.addButton(self.show_all)
        self.table = row_table(self.proxy, self, name="requests",
                               accessible_name=self.tr("Requests"), alternating=False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RequestOverviewModel.Column.Dates, Qt.SortOrder.DescendingOrder)
        # Every column as wide as its contents; the day-parts (a line per child, long in
        # Dutch) and the status share what is left and wrap onto more lines in a narrow window
        # rather than being cut off (rows grow to fit).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (RequestOverviewModel.Column.DayPart, RequestOverviewModel.Column.Status):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.empty = mark(QLabel(self.tr("There are no open requests."), self), "muted")
        self.empty.setObjectName("noRequests")
        self.explanation = mark(QLabel("", self), "muted")
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setOpenExternalLinks(True)
        self.explanation.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = mark(QLabel("", self), "error")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.notice = mark(QLabel("", self), "notice")
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.cancel_button = QPushButton(self.tr("Cancel request"), self)
        self.cancel_button.setObjectName("cancelRequest")
        self.withdraw_button = QPushButton(self.tr("Withdraw"), self)
        self.withdraw_button.setObjectName("withdrawRequest")
        self.dismiss_button = QPushButton(self.tr("Remove from the list"), self)
        self.dismiss_button.setObjectName("dismissRequest")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:"), self))
        filters.addWidget(self.open_only)
        filters.addWidget(self.show_all)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.withdraw_button)
        actions.addWidget(self.dismiss_button)
        actions.addStretch(1)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.explanation)
        layout.addLayout(actions)

        self.open_only.toggled.connect(self.proxy.set_open_only)
        self.open_only.toggled.connect(self._update)
        self.table.selectionModel().currentRowChanged.connect(self._update)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        agenda.absencesChanged.connect(self._requests_changed)
        agenda.cancelPreviewed.connect(self._confirm_cancel)
        agenda.absencesCancelled.connect(self._cancelled)
        agenda.cancelFailed.connect(self._cancel_failed)
        extra_days.requestsChanged.connect(self._extra_changed)
        extra_days.withdrawFailed.connect(self._show_message)
        self._extra = extra_days.requests
        self._update()
        agenda.load_absences()
        extra_days.load_requests()

    def selected(self) -> RequestRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, RequestOverviewModel.RowRole)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def cancel_question(self, row: RequestRow, preview: CancelPreview) -> str:
        """"Weet je zeker…?" with what it is about — the day, every child and day-part — and
        what the portal says cancelling does: the absence credit withdrawn and the extra days
        that credit pays (docs/api.md, "Absence credit")."""
        names = {c.id: c.first_name for c in (self._profile.children if self._profile else ())}
        lines = [self.tr("Are you sure you want to cancel this request?"), "",
                 format_weekday_date(row.first_date)]
        lines += [f"• {names.get(child, '?')}: {day_parts_label(row.parts_of(child))}"
                  for child in row.child_ids]
        lines.append("")
        lines.append(self.tr("The day is planned again: your child is expected as usual.")
                     if len(row.child_ids) == 1 else
                     self.tr("The day is planned again: your children are expected as usual."))
        consequence = cancel_consequence(preview)
        return "\n".join(lines) + ("\n\n" + consequence if consequence else "")

    def cancel_selected(self) -> None:
        """First ask the portal what cancelling the line's absences would do, then ask the
        parent (in `_confirm_cancel`) with that consequence in the question."""
        row = self.selected()
        if row is None or not row.can_cancel or row.too_late(self._agenda.policy, clock.today()):
            return
        self._hide_messages()
        self.cancel_button.setEnabled(False)
        self._previewing = row
        self._agenda.preview_cancel([a.id for a in row.absences])

    def _confirm_cancel(self, preview: CancelPreview) -> None:
        row = self._previewing
        if row is None or preview.absence_ids != tuple(a.id for a in row.absences):
            return  # an answer for an earlier click
        # The signal arrives inside the service's task: a modal question there would run a
        # nested event loop inside that task, so ask from the event loop instead.
        QTimer.singleShot(0, self, lambda: self._ask_cancel(row, preview))

    def _ask_cancel(self, row: RequestRow, preview: CancelPreview) -> None:
        self._previewing = None
        answer = QMessageBox.question(
            self, self.tr("Cancel request"), self.cancel_question(row, preview),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.cancel_button.setEnabled(False)
            self._agenda.cancel_absences(preview.absence_ids)
        else:
            self._update()

    def withdraw_selected(self) -> None:
        row = self.selected()
        if row is None or not row.can_withdraw:
            return
        if row.queued is not None:
            self._withdraw_queued(row.queued)
            return
        assert row.extra is not None
        answer = QMessageBox.question(
            self, self.tr("Withdraw request"),
            self.tr("Are you sure you want to withdraw this request for an extra day?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._hide_messages()
            self.withdraw_button.setEnabled(False)
            self._extra_days.withdraw(row.extra.id)

    def _withdraw_queued(self, queued: QueuedAbsence) -> None:
        answer = QMessageBox.question(
            self, self.tr("Withdraw report"),
            self.tr("Are you sure you want to withdraw this report of absence? It has not "
                    "reached the portal yet: it will not be sent."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._hide_messages()
        problem = self._agenda.withdraw_queued(queued.outbox_id)
        if problem is None:
            self.notice.setText(self.tr("The report has been withdrawn; nothing was sent."))
            self.notice.show()
            announce(self.notice)
        else:
            self._show_message(problem)

    def dismiss_selected(self) -> None:
        row = self.selected()
        if row is not None and row.queued is not None and row.queued.refused:
            self._agenda.dismiss_refused(row.queued.outbox_id)

    def _requests_changed(self, absences: list[Absence], queued: list[QueuedAbsence]) -> None:
        self._absences = (absences, queued)
        self._refill()

    def _extra_changed(self, requests: list[ExtraDayRequest]) -> None:
        self._extra = requests
        self._refill()

    def _refill(self) -> None:
        # A list loaded again (the absences and the extra days arrive apart, and again after
        # every change) keeps the line the parent selected.
        chosen = self.selected()
        self.model.set_requests(*self._absences, self._extra)
        if chosen is not None:
            for row in range(self.proxy.rowCount()):
                line = self.proxy.index(row, 0).data(RequestOverviewModel.RowRole)
                if line.key == chosen.key:
                    self.select_row(row)
                    break
        self._update()

    def _cancelled(self, absences: list[Absence]) -> None:
        self.message.hide()
        self.notice.setText(self.tr("The day is planned again.") if absences else "")
        self.notice.setVisible(bool(absences))
        announce(self.notice)
        # The extra days their credit paid may now be paid otherwise.
        self._extra_days.load_requests()

    def _cancel_failed(self, text: str) -> None:
        self._previewing = None
        self._show_message(text)

    def _show_message(self, text: str) -> None:
        self.notice.hide()
        self.message.setText(text)
        self.message.show()
        announce(self.message)
        self._update()

    def _hide_messages(self) -> None:
        self.message.hide()
        self.notice.hide()

    def _update(self, *_args: QModelIndex) -> None:
        has_rows = self.proxy.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(self.tr("There are no open requests.") if self.open_only.isChecked()
                           else self.tr("There are no requests yet."))
        row = self.selected()
        too_late = row is not None and row.can_cancel and row.too_late(self._agenda.policy,
                                                                       clock.today())
        self.cancel_button.setEnabled(row is not None and row.can_cancel and not too_late
                                      and self._previewing is None)
        waiting = row is not None and row.queued is not None and not row.queued.refused
        self.cancel_button.setVisible(row is None or (row.extra is None and not waiting))
        self.withdraw_button.setVisible(row is not None and (row.extra is not None or waiting))
        self.withdraw_button.setEnabled(row is not None and row.can_withdraw)
        self.dismiss_button.setVisible(row is not None and row.queued is not None
                                       and row.queued.refused)
        self.explanation.setText(self._explanation(row, too_late))

    def _explanation(self, row: RequestRow | None, too_late: bool) -> str:
        """What the selected line means (rich text: the location's links)."""
        if too_late and row is not None:
            return self._too_late_text(row)
        return escape(self._plain_explanation(row))

    def _plain_explanation(self, row: RequestRow | None) -> str:
        if row is None:
            return self.tr("Select a request to cancel it.")
        if row.extra is not None:
            return self._extra_explanation(row.extra)
        if row.queued is not None and row.queued.refused:
            return self.tr("The portal did not accept this report: {reason}").format(
                reason=row.queued.refusal)
        if row.queued is not None:
            return self.tr("This report is saved on this computer and is sent as soon as the "
                           "portal can be reached. Until then you can withdraw it.")
        if row.can_cancel:
            return self.tr("Cancelling makes the day planned again for every child and "
                           "day-part of this report; absence credit it earned is withdrawn, "
                           "and an extra day it paid for is paid from other credit or the "
                           "invoice. You see what changes before you confirm.")
        return self.tr("This request is in the past or already cancelled.")

    def _too_late_text(self, row: RequestRow) -> str:
        days = self._agenda.policy.cancel_absence_min_days
        locations: list[Location] = []
        for child in row.child_ids:
            location = location_of(self._profile, child, row.first_date)
            if location is not None and location not in locations:
                locations.append(location)
        contacts = [self.tr("{location}: {phone} or {email}").format(
                        location=escape(location.name),
                        phone=link("tel:" + "".join(ch for ch in location.phone
                                                    if ch.isdigit() or ch == "+"),
                                   location.phone),
                        email=link(f"mailto:{location.email}", location.email))
                    for location in locations]
        text = escape(self.tr(
            "Less than {days} days before the day, an absence can no longer be cancelled in "
            "the app. To be expected that day after all, contact the location.").format(
            days=days))
        return text + ("<br>" + "<br>".join(contacts) if contacts else "")

    def _extra_explanation(self, request: ExtraDayRequest) -> str:
        if request.status is ExtraDayStatus.PENDING:
            return self.tr("The group has not decided yet. You can still withdraw the request.")
        if request.status is ExtraDayStatus.APPROVED and request.decision_reason:
            return self.tr("The group approved these day-parts; the others you asked for were "
                           "rejected: {reason} Approved extra care cannot be cancelled. It is "
                           "invoiced afterwards.").format(reason=request.decision_reason)
        if request.status is ExtraDayStatus.APPROVED:
            return self.tr("Approved extra care cannot be cancelled. It is invoiced afterwards.")
        if request.status is ExtraDayStatus.REJECTED:
            return self.tr("The group rejected this request: {reason}").format(
                reason=request.decision_reason or "")
        return self.tr("You withdrew this request.")
