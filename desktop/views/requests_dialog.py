"""Aanvragenoverzicht: the family's absences with their status; undo one ("Aanvraag
annuleren", after "Weet je zeker…?"), or dismiss a report the portal refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.records import Absence, Profile, QueuedAbsence
from desktop.models.requests import OpenRequestsFilter, RequestRow, RequestsModel
from desktop.views.theme import mark

if TYPE_CHECKING:
    from desktop.services.agenda import AgendaService

__all__ = ["RequestsDialog"]


class RequestsDialog(QDialog):
    """The request overview of the logged-in parent's family."""

    def __init__(self, agenda: AgendaService, profile: Profile | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestsDialog")
        self.setWindowTitle(self.tr("Request overview"))
        self.resize(860, 440)
        self._agenda = agenda
        self.model = RequestsModel(self)
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
        self.table = QTableView(self)
        self.table.setObjectName("requests")
        self.table.setAccessibleName(self.tr("Requests"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RequestsModel.Column.Dates, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
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
        agenda.absencesChanged.connect(self._requests_changed)
        agenda.absenceUndone.connect(self._undone)
        agenda.undoFailed.connect(self._show_message)
        self._update()
        agenda.load_absences()

    def selected(self) -> RequestRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, RequestsModel.RowRole)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def cancel_selected(self) -> None:
        row = self.selected()
        if row is None or not row.can_cancel or row.absence is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Cancel request"),
            self.tr("Are you sure you want to cancel this request?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.message.hide()
            self.cancel_button.setEnabled(False)
            self._agenda.undo_absence(row.absence.id)

    def dismiss_selected(self) -> None:
        row = self.selected()
        if row is not None and row.queued is not None and row.queued.refused:
            self._agenda.dismiss_refused(row.queued.outbox_id)

    def _requests_changed(self, absences: list[Absence], queued: list[QueuedAbsence]) -> None:
        self.model.set_requests(absences, queued)
        self._update()

    def _undone(self, _absence: Absence) -> None:
        self.message.hide()

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
        self.cancel_button.setEnabled(row is not None and row.can_cancel)
        self.dismiss_button.setVisible(row is not None and row.queued is not None
                                       and row.queued.refused)
        if row is None:
            self.explanation.setText(self.tr("Select a request to cancel it."))
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
                "withdrawn."))
        else:
            self.explanation.setText(self.tr("This request is in the past or already "
                                             "cancelled."))
