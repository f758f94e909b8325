"""The "Openstaande aanvragen" (pending requests) section of staff and managers: the extra-day
requests of their groups waiting for a decision, the group's free places on each requested
day-part, and the decision — approve, or reject with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.pending_requests import PendingRequestsModel, capacity_lines
from desktop.models.shared.formatting import format_date_range
from desktop.models.shared.records import CapacityDay, ExtraDayRequest, ExtraDayStatus
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.row_table import row_table
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.pending_requests import PendingRequestsService

__all__ = ["PendingRequestsPage", "RejectDialog"]

REASON_LIMIT = 500  # what the portal accepts


class RejectDialog(QDialog):
    """Asks the reason the parent will read; "Afwijzen" only with a reason."""

    def __init__(self, request: ExtraDayRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.setWindowTitle(self.tr("Reject request"))
        question = QLabel(self.tr(
            "Why can {child} not come on {dates}? The parents read this reason.").format(
            child=request.child_name, dates=format_date_range(request.first_date,
                                                              request.last_date)), self)
        question.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)  # Tab goes on to the buttons
        self.reason.setPlaceholderText(self.tr("For example: the group is full that day."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reject"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._changed()

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _changed(self) -> None:
        text = self.reason.toPlainText()
        if len(text) > REASON_LIMIT:
            self.reason.setPlainText(text[:REASON_LIMIT])
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text()))


class PendingRequestsPage(QWidget):
    """Signal: ``notice(message, tone)`` — the outcome of a decision for the message bar: tone
    "info" when it was decided, "warning" when the portal refused or could not be reached."""

    notice = Signal(str, str)

    def __init__(self, pending: PendingRequestsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingRequestsPage")
        self._pending = pending
        self._capacity: dict[int, list[CapacityDay]] = {}
        self._messages: MessageBar | None = None
        self.model = PendingRequestsModel(self)

        title = mark(QLabel(self.tr("Extra-day requests"), self), "heading")
        intro = mark(QLabel(self.tr(
            "Requests for extra care in your groups. Approve when there is a place; reject with "
            "a reason the parents read."), self), "muted")
        intro.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refreshRequests")
        self.state = mark(QLabel("", self), "muted")
        self.state.setObjectName("pendingRequestsState")
        self.state.setWordWrap(True)

        self.table = row_table(self.model, self, name="pendingRequests",
                               accessible_name=self.tr("Requests waiting for a decision"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (PendingRequestsModel.DAY_PART, PendingRequestsModel.NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        self.detail_title = mark(QLabel("", self), "subheading")
        self.detail_title.setObjectName("requestTitle")
        self.detail_title.setWordWrap(True)
        self.places = QLabel("", self)
        self.places.setObjectName("places")
        self.places.setWordWrap(True)
        self.places.setTextFormat(Qt.TextFormat.PlainText)
        self.places.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setObjectName("approve")
        mark(self.approve_button, "primary")
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.reject_button.setObjectName("reject")
        panel = QFrame(self)
        panel.setObjectName("requestPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(280)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(self.detail_title)
        panel_layout.addWidget(self.places, 1)
        panel_layout.addLayout(buttons)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addLayout(body, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.ask_reject_reason)
        self.table.selectionModel().currentChanged.connect(self._selected)
        pending.pendingChanged.connect(self._pending_changed)
        pending.loadFailed.connect(self._load_failed)
        pending.capacityReady.connect(self._capacity_ready)
        pending.capacityFailed.connect(self._capacity_failed)
        pending.decided.connect(self._decided)
        pending.decisionFailed.connect(self._decision_failed)
        self._show_request(None)

    @classmethod
    def from_context(cls, context: PageContext) -> PendingRequestsPage:
        """The page of the "pending_requests" section; decisions are told in the message bar."""
        page = cls(context.services.pending_requests, context.parent)
        page._messages = context.messages
        page.notice.connect(page._tell)
        return page

    def _tell(self, text: str, tone: str) -> None:
        if self._messages is not None:
            self._messages.show_message(text, source="decisions", tone=tone)

    # -- state ---------------------------------------------------------------------------------
    def activate(self, intent: Intent | None = None) -> None:
        """The section became visible: fetch what is pending now."""
        self.refresh()

    def refresh(self) -> None:
        if self._pending.pending is None:
            self.state.setText(self.tr("Loading the requests…"))
        self._pending.load()

    def selected_request(self) -> ExtraDayRequest | None:
        index = self.table.currentIndex()
        return self.model.request_at(index.row()) if index.isValid() else None

    def _pending_changed(self, requests: list[ExtraDayRequest]) -> None:
        chosen = self.selected_request()
        self.model.set_requests(requests)
        self.state.setText("" if requests else self.tr(
            "No requests are waiting for a decision."))
        row = self.model.row_of(chosen.id) if chosen else -1
        if requests:
            self.table.selectRow(max(row, 0))
        else:
            self._show_request(None)

    def _capacity_failed(self, request_id: int, message: str) -> None:
        chosen = self.selected_request()
        if chosen is not None and chosen.id == request_id:
            self.places.setText(self.tr("The free places could not be looked up. {reason}")
                                .format(reason=message))

    def _load_failed(self, message: str) -> None:
        self.state.setText(self.tr("The requests could not be loaded. {reason}").format(
            reason=message))

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_request(self.model.request_at(current.row()) if current.isValid() else None)

    def _show_request(self, request: ExtraDayRequest | None) -> None:
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(request is not None)
        if request is None:
            self.detail_title.setText("")
            self.places.setText("")
            return
        self.detail_title.setText(f"{request.child_name} — "
                                  f"{format_date_range(request.first_date, request.last_date)}")
        days = self._capacity.get(request.id)
        if days is None:
            self.places.setText(self.tr("Looking up the free places…"))
            self._pending.load_capacity(request.id)
            return
        lines = capacity_lines(days)
        if request.group_name:
            lines.insert(0, self.tr("Group {name}").format(name=request.group_name))
        full = [d for d in days if d.free <= 0]
        if full:
            lines += ["", self.tr("There is no place on every requested day-part: reject the "
                                  "request, or make room first.")]
        if request.note:
            lines += ["", self.tr("Note from the parent: {note}").format(note=request.note)]
        self.places.setText("\n".join(lines))
        self.approve_button.setEnabled(not full)

    def _capacity_ready(self, request_id: int, days: list[CapacityDay]) -> None:
        self._capacity[request_id] = days
        chosen = self.selected_request()
        if chosen is not None and chosen.id == request_id:
            self._show_request(chosen)

    # -- deciding ------------------------------------------------------------------------------
    def approve_selected(self) -> None:
        request = self.selected_request()
        if request is not None:
            self._busy()
            self._pending.approve(request.id)

    def ask_reject_reason(self) -> None:
        request = self.selected_request()
        if request is None:
            return
        dialog = RejectDialog(request, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reject_selected(dialog.text())

    def reject_selected(self, reason: str) -> None:
        request = self.selected_request()
        if request is not None and reason.strip():
            self._busy()
            self._pending.reject(request.id, reason.strip())

    def _busy(self) -> None:
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)

    def _decision_failed(self, message: str) -> None:
        self._capacity.clear()  # e.g. the last place was taken meanwhile: look again
        self.notice.emit(message, "warning")

    def _decided(self, request: ExtraDayRequest) -> None:
        self._capacity.clear()  # a decision changes the group's free places
        when = format_date_range(request.first_date, request.last_date)
        if request.status is ExtraDayStatus.APPROVED:
            text = self.tr("Approved: {child}, {dates}.")
        else:
            text = self.tr("Rejected: {child}, {dates}. The parents see your reason.")
        self.notice.emit(text.format(child=request.child_name, dates=when), "info")
