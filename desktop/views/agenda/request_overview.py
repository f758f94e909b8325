"""Aanvragenoverzicht: the family's absences and extra-day requests with their status; cancel an
absence ("Aanvraag annuleren", after "Weet je zeker…?" with what the portal says the cancel
does to the absence credit and the extra days it pays), withdraw a pending extra day, or
dismiss a report the portal refused. An approved extra day has no action, only the reason."""

from __future__ import annotations

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

from desktop.models.agenda.request_overview import (
    OpenRequestsFilter,
    RequestOverviewModel,
    RequestRow,
    cancel_consequence,
)
from desktop.models.shared.records import (
    Absence,
    CancelPreview,
    ExtraDayRequest,
    ExtraDayStatus,
    Profile,
    QueuedAbsence,
)
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.row_table import row_table
from desktop.views.shared.theme import mark

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
        self.resize(1000, 460)
        self._agenda = agenda
        self._extra_days = extra_days
        self._absences: tuple[list, list] = ([], [])
        self._extra: list = []
        self._previewing: int | None = None  # the absence whose cancel preview is awaited
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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = mark(QLabel(self.tr("There are no open requests."), self), "muted")
        self.empty.setObjectName("noRequests")
        self.explanation = mark(QLabel("", self), "muted")
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.message = mark(QLabel("", self), "error")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.cancel_button = QPushButton(self.tr("Cancel request"), self)
        self.cancel_button.setObjectName("cancelRequest")
        self.withdraw_button = QPushButton(self.tr("Withdraw"), self)
        self.withdraw_button.setObjectName("withdrawRequest")
        self.dismiss_button = QPushButton(self.tr("Remove from the list"), self)
        self.dismiss_button.setObjectName("dismissRequest")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
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
        agenda.absenceCancelled.connect(self._cancelled)
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

    def cancel_selected(self) -> None:
        """First ask the portal what the cancel would do, then ask the parent (in
        `_confirm_cancel`) with that consequence in the question."""
        row = self.selected()
        if row is None or not row.can_cancel or row.absence is None:
            return
        self.message.hide()
        self.cancel_button.setEnabled(False)
        self._previewing = row.absence.id
        self._agenda.preview_cancel(row.absence.id)

    def _confirm_cancel(self, preview: CancelPreview) -> None:
        if preview.absence_id != self._previewing:
            return  # an answer for an earlier click
        # The signal arrives inside the service's task: a modal question there would run a
        # nested event loop inside that task, so ask from the event loop instead.
        QTimer.singleShot(0, self, lambda: self._ask_cancel(preview))

    def _ask_cancel(self, preview: CancelPreview) -> None:
        self._previewing = None
        answer = QMessageBox.question(
            self, self.tr("Cancel request"), cancel_consequence(preview),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._agenda.cancel_absence(preview.absence_id)
        else:
            self._update()

    def withdraw_selected(self) -> None:
        row = self.selected()
        if row is None or not row.can_withdraw or row.extra is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Withdraw request"),
            self.tr("Are you sure you want to withdraw this request for an extra day?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.message.hide()
            self.withdraw_button.setEnabled(False)
            self._extra_days.withdraw(row.extra.id)

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
        self.model.set_requests(*self._absences, self._extra)
        self._update()

    def _cancelled(self, _absence: Absence) -> None:
        self.message.hide()
        # The extra days its credit paid may now be paid otherwise.
        self._extra_days.load_requests()

    def _cancel_failed(self, text: str) -> None:
        self._previewing = None
        self._show_message(text)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self._update()

    def _update(self, *_args: QModelIndex) -> None:
        has_rows = self.proxy.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(self.tr("There are no open requests.") if self.open_only.isChecked()
                           else self.tr("There are no requests yet."))
        row = self.selected()
        self.cancel_button.setEnabled(row is not None and row.can_cancel
                                      and self._previewing is None)
        self.cancel_button.setVisible(row is None or row.extra is None)
        self.withdraw_button.setVisible(row is not None and row.extra is not None)
        self.withdraw_button.setEnabled(row is not None and row.can_withdraw)
        self.dismiss_button.setVisible(row is not None and row.queued is not None
                                       and row.queued.refused)
        if row is None:
            self.explanation.setText(self.tr("Select a request to cancel it."))
        elif row.extra is not None:
            self.explanation.setText(self._extra_explanation(row.extra))
        elif row.queued is not None and row.queued.refused:
            self.explanation.setText(self.tr("The portal did not accept this report: {reason}")
                                     .format(reason=row.queued.refusal))
        elif row.queued is not None:
            self.explanation.setText(self.tr(
                "This report is saved on this computer and is sent as soon as the portal can "
                "be reached."))
        elif row.can_cancel:
            self.explanation.setText(self.tr(
                "Cancelling makes the day planned again; absence credit it earned is "
                "withdrawn, and an extra day it paid for is paid from other credit or the "
                "invoice. You see what changes before you confirm."))
        else:
            self.explanation.setText(self.tr("This request is in the past or already "
                                             "cancelled."))

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
