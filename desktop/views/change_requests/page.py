"""The managers' Wijzigingen page: the pending change requests of their locations' families,
old beside new, approved or rejected with a reason (docs/api.md, "Personal data")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.personal_data import change_rows, change_title
from desktop.models.shared.formatting import format_date
from desktop.models.shared.records import ChangeRequest
from desktop.views.change_requests.reject_dialog import RejectChangeDialog
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.personal_data import PersonalDataService

__all__ = ["ChangeRequestsPage"]

SOURCE = "change-requests"


class ChangeRequestsPage(QWidget):
    def __init__(self, service: PersonalDataService, messages: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeRequestsPage")
        self._service = service
        self._messages = messages
        self._requests: list[ChangeRequest] = []
        self.reject_dialog: RejectChangeDialog | None = None
        title = mark(QLabel(self.tr("Changes"), self), "heading")
        intro = mark(QLabel(self.tr(
            "Changes parents asked for: a new address, bank account, medical details or who "
            "may collect a child. They take effect once you approve them."), self), "muted")
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("changeRequestList")
        self.list.setMinimumWidth(300)
        self.empty = mark(QLabel(self.tr("Loading the changes…"), self), "muted")
        self.empty.setObjectName("changeRequestsEmpty")
        self.subject = mark(QLabel("", self), "subheading")
        self.subject.setObjectName("changeSubject")
        self.asked = mark(QLabel("", self), "muted")
        self.asked.setObjectName("changeAsked")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("changeValues")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Now"),
                                              self.tr("Becomes")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.approve = mark(QPushButton(self.tr("Approve"), self), "primary")
        self.approve.setObjectName("approveChange")
        self.reject = QPushButton(self.tr("Reject…"), self)
        self.reject.setObjectName("rejectChange")
        detail = QVBoxLayout()
        detail.addWidget(self.subject)
        detail.addWidget(self.asked)
        detail.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reject)
        buttons.addWidget(self.approve)
        detail.addLayout(buttons)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.empty)
        left.addWidget(self.list, 1)
        columns.addLayout(left)
        columns.addLayout(detail, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        self.list.currentRowChanged.connect(self._show_current)
        self.approve.clicked.connect(self._approve)
        self.reject.clicked.connect(self.open_reject_dialog)
        service.changeRequestsChanged.connect(self.set_requests)
        service.decided.connect(self._decided)
        service.refused.connect(self._refused)
        service.problem.connect(self._problem)
        self._show_current(-1)

    @classmethod
    def from_context(cls, context: PageContext) -> ChangeRequestsPage:
        return cls(context.services.personal_data, context.messages, context.parent)

    def activate(self, intent: Intent | None = None) -> None:
        self._service.load_change_requests()

    def set_requests(self, requests: list[ChangeRequest]) -> None:
        current = self.current
        self._requests = list(requests)
        self.list.clear()
        for request in self._requests:
            item = QListWidgetItem(f"{request.family_name}\n{change_title(request)}")
            self.list.addItem(item)
        self.empty.setText(self.tr("No changes are waiting for a decision."))
        self.empty.setVisible(not self._requests)
        ids = [r.id for r in self._requests]
        self.list.setCurrentRow(ids.index(current.id) if current and current.id in ids
                                else (0 if ids else -1))

    @property
    def current(self) -> ChangeRequest | None:
        row = self.list.currentRow()
        return self._requests[row] if 0 <= row < len(self._requests) else None

    def _show_current(self, _row: int) -> None:
        request = self.current
        for widget in (self.approve, self.reject):
            widget.setEnabled(request is not None)
        self.table.setRowCount(0)
        if request is None:
            self.subject.setText("")
            self.asked.setText("")
            return
        self.subject.setText(change_title(request))
        self.asked.setText(self.tr("{family} · asked by {name} on {date}").format(
            family=request.family_name, name=request.requested_by,
            date=format_date(request.created_at.date())))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for label, old, new, changed in change_rows(request):
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((label, old, new)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if changed and column == 2:
                    item.setFont(bold)  # what changes, not only by colour
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def _approve(self) -> None:
        if (request := self.current) is not None:
            self.approve.setEnabled(False)
            self._service.approve(request.id)

    def open_reject_dialog(self) -> RejectChangeDialog | None:
        request = self.current
        if request is None:
            return None
        dialog = self.reject_dialog = RejectChangeDialog(change_title(request), self)
        dialog.accepted.connect(lambda: self._service.reject(request.id, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _decided(self, request: ChangeRequest) -> None:
        verdict = (self.tr("Approved: {title}.") if request.status.value == "approved"
                   else self.tr("Rejected: {title}."))
        self._messages.show_message(verdict.format(title=change_title(request)),
                                    source=SOURCE, tone="info")

    def _refused(self, key: str, message: str, errors: dict) -> None:
        if key == "decision":
            self._show_current(self.list.currentRow())
            self._messages.show_message(message or "\n".join(errors.values()), source=SOURCE)
            self._service.load_change_requests()

    def _problem(self, what: str, text: str) -> None:
        if what != "change_requests":
            return
        self.empty.setText(self.tr("The changes could not be loaded."))
        self.empty.show()
        self._messages.show_message(text, source=SOURCE, action_text=self.tr("Try again"),
                                    action=self._service.load_change_requests)
