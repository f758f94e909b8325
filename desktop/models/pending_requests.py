"""Extra-day requests waiting for a decision, as staff and managers see them, and the group's
free places on each requested day-part."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.models.shared.formatting import day_part_label, format_date_range, format_weekday_date
from desktop.models.shared.records import CapacityDay, DayPart, ExtraDayPayment, ExtraDayRequest

__all__ = ["PendingRequestsModel", "capacity_lines"]

ModelIndex = QModelIndex | QPersistentModelIndex


def _payment_label(payment: ExtraDayPayment) -> str:
    labels = {
        ExtraDayPayment.CREDIT: QCoreApplication.translate("PendingRequests", "absence credit"),
        ExtraDayPayment.INVOICE: QCoreApplication.translate("PendingRequests", "invoice"),
        ExtraDayPayment.MIXED: QCoreApplication.translate("PendingRequests",
                                                          "absence credit and invoice"),
    }
    return labels[payment]


def capacity_lines(days: list[CapacityDay]) -> list[str]:
    """"Wednesday 6 January 2027, morning: 3 of 12 places free" — or full — per day-part,
    with "; 2 more asked for" when other pending requests want the same day-part: two
    requests for the last place must not both look fine."""
    lines = []
    for day in days:
        when = f"{format_weekday_date(day.date)}, {day_part_label(day.day_part.value)}"
        if day.free > 0:
            text = QCoreApplication.translate(
                "PendingRequests", "{when}: {free} of {capacity} places free").format(
                when=when, free=day.free, capacity=day.capacity)
        else:
            text = QCoreApplication.translate(
                "PendingRequests", "{when}: full ({occupied} of {capacity} places taken)").format(
                when=when, occupied=day.occupied, capacity=day.capacity)
        if day.asked_for > 0:
            text += QCoreApplication.translate(
                "PendingRequests", "; {asked} more asked for").format(asked=day.asked_for)
        lines.append(text)
    return lines


class PendingRequestsModel(QAbstractTableModel):
    """Columns: child, dates, day-part, requested by, payment, note. ``Role.Request``."""

    CHILD, DATES, DAY_PART, REQUESTED_BY, PAYMENT, NOTE = range(6)

    class Role(IntEnum):
        Request = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._requests: list[ExtraDayRequest] = []

    def set_requests(self, requests: list[ExtraDayRequest]) -> None:
        self.beginResetModel()
        self._requests = list(requests)
        self.endResetModel()

    def request_at(self, row: int) -> ExtraDayRequest | None:
        return self._requests[row] if 0 <= row < len(self._requests) else None

    def row_of(self, request_id: int) -> int:
        return next((row for row, r in enumerate(self._requests) if r.id == request_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._requests)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (QCoreApplication.translate("PendingRequests", "Child"),
                  QCoreApplication.translate("PendingRequests", "Date"),
                  QCoreApplication.translate("PendingRequests", "Day-part"),
                  QCoreApplication.translate("PendingRequests", "Requested by"),
                  QCoreApplication.translate("PendingRequests", "Payment"),
                  QCoreApplication.translate("PendingRequests", "Note"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        request = self.request_at(index.row()) if index.isValid() else None
        if request is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(request, index.column())
        if role == self.Role.Request:
            return request
        return None

    def _text(self, request: ExtraDayRequest, column: int) -> str:
        parts = {item.day_part for item in request.items}
        day_part = (day_part_label(request.day_part.value) if request.day_part else
                    ", ".join(day_part_label(p.value)
                              for p in sorted(parts, key=list(DayPart).index)))
        texts = (request.child_name or "?",
                 format_date_range(request.first_date, request.last_date),
                 day_part, request.submitted_by, _payment_label(request.payment),
                 request.note or "")
        return texts[column] if 0 <= column < len(texts) else ""
