"""The "Openstaande aanvragen" (pending requests) page of staff and managers: the extra-day
requests of their groups waiting for a decision, the group's free places on each requested
day-part, the decision — approve, approve what fits and reject the rest, or reject with a
reason (``decision_dialogs.py``) — and what was decided today."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.pending_requests import (
    DecidedRequestsModel,
    PendingRequestsModel,
    capacity_lines,
    payment_split,
)
from desktop.models.shared.formatting import format_date_range
from desktop.models.shared.records import (
    CapacityDay,
    DayPart,
    ExtraDayRequest,
    ExtraDayStatus,
    Role,
)
from desktop.views.pending_requests.decision_dialogs import PartialApprovalDialog, RejectDialog
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.row_table import row_table
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.pending_requests import PendingRequestsService

__all__ = ["PendingRequestsPage"]

#: How often the page looks for new requests while it is shown (until live updates exist).
REFRESH_SECONDS = 60


class PendingRequestsPage(QWidget):
    """Signal: ``notice(message, tone)`` — the outcome of a decision for the message bar: tone
    "info" when it was decided, "warning" when the portal refused or could not be reached.

    After a decision nothing is selected, so a second click (or a double click) cannot decide
    the next request by accident; the decision shows in "Decided today" below the list.
    """

    notice = Signal(str, str)

    def __init__(self, pending: PendingRequestsService, parent: QWidget | None = None, *,
                 show_groups: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("pendingRequestsPage")
        self._pending = pending
        self._capacity: dict[int, list[CapacityDay]] = {}
        self._messages: MessageBar | None = None
        self.model = PendingRequestsModel(self)
        self.decided_model = DecidedRequestsModel(self)

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

        self.table = self._table(self.model, "pendingRequests",
                                 self.tr("Requests waiting for a decision"))
        self.table.setColumnHidden(PendingRequestsModel.GROUP, not show_groups)
        decided_title = mark(QLabel(self.tr("Decided today"), self), "subheading")
        self.decided_table = self._table(self.decided_model, "decidedToday",
                                         self.tr("Requests decided today"))

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
        self.partial_button = QPushButton(self.tr("Approve what fits…"), self)
        self.partial_button.setObjectName("approvePart")
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.reject_button.setObjectName("reject")
        panel = QFrame(self)
        panel.setObjectName("requestPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(340)
        # A request can span a month: its day-parts scroll, the buttons stay in view.
        places = QScrollArea(panel)
        places.setWidget(self.places)
        places.setWidgetResizable(True)
        places.setFrameShape(QFrame.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(self.detail_title)
        panel_layout.addWidget(places, 1)
        panel_layout.addWidget(self.partial_button)
        panel_layout.addLayout(buttons)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        # The list gets the whole width (no column hidden behind a scroll bar at 1024 pixels);
        # below it today's decisions, and beside them the chosen request with its buttons.
        decided = QVBoxLayout()
        decided.addWidget(decided_title)
        decided.addWidget(self.decided_table, 1)
        below = QHBoxLayout()
        below.addLayout(decided, 1)
        below.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addLayout(below, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_SECONDS * 1000)
        self._refresh_timer.timeout.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.approve_button.clicked.connect(self.approve_selected)
        self.partial_button.clicked.connect(self.ask_partial_approval)
        self.reject_button.clicked.connect(self.ask_reject_reason)
        self.table.selectionModel().currentChanged.connect(self._selected)
        pending.pendingChanged.connect(self._pending_changed)
        pending.decidedTodayChanged.connect(self.decided_model.set_requests)
        pending.loadFailed.connect(self._load_failed)
        pending.capacityReady.connect(self._capacity_ready)
        pending.capacityFailed.connect(self._capacity_failed)
        pending.decided.connect(self._decided)
        pending.decisionFailed.connect(self._decision_failed)
        self._show_request(None)

    def _table(self, model: QAbstractItemModel, name: str, accessible_name: str) -> QTableView:
        table = row_table(model, self, name=name, accessible_name=accessible_name)
        header = table.horizontalHeader()
        # Every column as wide as its title or its longest text, whichever is wider, and the
        # last one (the free text) takes what is left: a narrow window scrolls sideways
        # rather than clip a header.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    @classmethod
    def from_context(cls, context: PageContext) -> PendingRequestsPage:
        """The page of the "pending_requests" section; decisions are told in the message bar.
        Managers (and staff of several groups) see which group each request is for."""
        profile = context.services.profile.profile
        account = context.services.session.account
        several = profile is not None and len(profile.groups) > 1
        page = cls(context.services.pending_requests, context.parent,
                   show_groups=several or (account is not None and account.role is Role.MANAGER))
        page._messages = context.messages
        page.notice.connect(page._tell)
        return page

    def _tell(self, text: str, tone: str) -> None:
        if self._messages is not None:
            self._messages.show_message(text, source="decisions", tone=tone)

    # -- state ---------------------------------------------------------------------------------
    def activate(self, intent: Intent | None = None) -> None:
        """The section became visible: fetch what is pending now, and again every minute
        while it stays visible."""
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self._refresh_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh_timer.stop()
        super().hideEvent(event)

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
        self.state.setText(self.tr("Choose a request to see the free places and decide.")
                           if requests else self.tr("No requests are waiting for a decision."))
        row = self.model.row_of(chosen.id) if chosen else -1
        if row >= 0:
            self.table.selectRow(row)  # a refresh keeps what was being looked at
        else:
            self._show_request(None)  # never jump to another request by itself

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
        self.partial_button.setEnabled(False)
        self.partial_button.hide()
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
        lines += ["", self.tr("Cost: {split}").format(split=payment_split(request))]
        full = [d for d in days if d.free <= 0]
        if full and len(full) < len(days):
            lines += ["", self.tr("Not every requested day-part has a place: approve what "
                                  "fits and reject the rest, or reject the whole request.")]
            self.partial_button.show()
            self.partial_button.setEnabled(True)
        elif full:
            lines += ["", self.tr("There is no place on any requested day-part: reject the "
                                  "request, or make room first.")]
        lines += ["", self.tr("Requested by {name}.").format(name=request.submitted_by)]
        if request.note:
            lines += [self.tr("Note from the parent: {note}").format(note=request.note)]
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

    def ask_partial_approval(self) -> PartialApprovalDialog | None:
        """Choose the day-parts to approve (window-modal, like the reject dialog)."""
        request = self.selected_request()
        days = self._capacity.get(request.id) if request is not None else None
        if request is None or days is None:
            return None
        dialog = PartialApprovalDialog(request, days, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._approve_part(request.id, dialog.chosen(),
                                                           dialog.text()))
        dialog.open()
        return dialog

    def _approve_part(self, request_id: int, chosen: list[tuple[date, DayPart]],
                      reason: str) -> None:
        self._busy()
        self._pending.approve(request_id, chosen, reason)

    def ask_reject_reason(self) -> RejectDialog | None:
        """Open the reject dialog for the selected request (window-modal, not exec(): the
        lock can put it aside with the reason typed so far)."""
        request = self.selected_request()
        if request is None:
            return None
        dialog = RejectDialog(request, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._reject(request.id, dialog.text()))
        dialog.open()
        return dialog

    def reject_selected(self, reason: str) -> None:
        request = self.selected_request()
        if request is not None:
            self._reject(request.id, reason)

    def _reject(self, request_id: int, reason: str) -> None:
        if reason.strip():
            self._busy()
            self._pending.reject(request_id, reason.strip())

    def _busy(self) -> None:
        # Nothing stays selected: the list changes under the pointer when the answer comes.
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.table.setFocus()
        self._show_request(None)

    def _decision_failed(self, message: str) -> None:
        self._capacity.clear()  # e.g. the last place was taken meanwhile: look again
        self.notice.emit(message, "warning")

    def _decided(self, request: ExtraDayRequest) -> None:
        self._capacity.clear()  # a decision changes the group's free places
        when = format_date_range(request.first_date, request.last_date)
        if request.status is ExtraDayStatus.APPROVED and request.decision_reason:
            text = self.tr("Approved in part: {child}, {dates}. The other day-parts were "
                           "rejected; the parents see your reason.")
        elif request.status is ExtraDayStatus.APPROVED:
            text = self.tr("Approved: {child}, {dates}.")
        else:
            text = self.tr("Rejected: {child}, {dates}. The parents see your reason.")
        self.notice.emit(text.format(child=request.child_name, dates=when), "info")
