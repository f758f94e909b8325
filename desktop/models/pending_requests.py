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

from desktop.models.shared.formatting import (
    day_part_label,
    format_date_range,
    format_hours,
    format_money,
    format_time,
    format_weekday_date,
)
from desktop.models.shared.records import CapacityDay, DayPart, ExtraDayRequest, ExtraDayStatus

__all__ = ["DecidedRequestsModel", "PendingRequestsModel", "capacity_lines", "payment_split"]

ModelIndex = QModelIndex | QPersistentModelIndex


def payment_split(request: ExtraDayRequest) -> str:
    """What the request really costs: "5.5 hours credit", "€63.20 invoice", or both — the
    amounts the parent was quoted, not only the way they chose to pay."""
    parts = []
    if request.credit_minutes:
        parts.append(QCoreApplication.translate("PendingRequests", "{hours} credit")
                     .format(hours=format_hours(request.credit_minutes)))
    if request.invoice_cents or not parts:
        parts.append(QCoreApplication.translate("PendingRequests", "{amount} invoice")
                     .format(amount=format_money(request.invoice_cents)))
    return QCoreApplication.translate("PendingRequests", " + ").join(parts)


def day_parts_text(request: ExtraDayRequest) -> str:
    parts = {item.day_part for item in request.items}
    if request.day_part:
        return day_part_label(request.day_part.value)
    return ", ".join(day_part_label(p.value) for p in sorted(parts, key=list(DayPart).index))


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


class _RequestsModel(QAbstractTableModel):
    """A table of extra-day requests; subclasses name the columns and their texts."""

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
        return 0 if parent.isValid() else len(self.titles())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        request = self.request_at(index.row()) if index.isValid() else None
        if request is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = self.texts(request)
            return texts[index.column()] if 0 <= index.column() < len(texts) else ""
        if role == self.Role.Request:
            return request
        return None

    def titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def texts(self, request: ExtraDayRequest) -> tuple[str, ...]:
        raise NotImplementedError


class PendingRequestsModel(_RequestsModel):
    """Columns: child, group, dates, day-part, cost (the payment split). ``Role.Request``.
    Who asked and the parent's note are in the page's detail panel: the list fits 1024 pixels."""

    CHILD, GROUP, DATES, DAY_PART, PAYMENT = range(5)

    def titles(self) -> tuple[str, ...]:
        return (QCoreApplication.translate("PendingRequests", "Child"),
                QCoreApplication.translate("PendingRequests", "Group"),
                QCoreApplication.translate("PendingRequests", "Date"),
                QCoreApplication.translate("PendingRequests", "Day-part"),
                QCoreApplication.translate("PendingRequests", "Cost"))

    def texts(self, request: ExtraDayRequest) -> tuple[str, ...]:
        return (request.child_name or "?", request.group_name,
                format_date_range(request.first_date, request.last_date),
                day_parts_text(request), payment_split(request))


class DecidedRequestsModel(_RequestsModel):
    """Today's decisions: child, dates, the decision (what, who, when), the reason."""

    CHILD, DATES, DECISION, REASON = range(4)

    def titles(self) -> tuple[str, ...]:
        return (QCoreApplication.translate("PendingRequests", "Child"),
                QCoreApplication.translate("PendingRequests", "Date"),
                QCoreApplication.translate("PendingRequests", "Decision"),
                QCoreApplication.translate("PendingRequests", "Reason"))

    def texts(self, request: ExtraDayRequest) -> tuple[str, ...]:
        if request.status is ExtraDayStatus.APPROVED:
            decision = QCoreApplication.translate("PendingRequests", "Approved ({name}, {time})")
        else:
            decision = QCoreApplication.translate("PendingRequests", "Rejected ({name}, {time})")
        when = format_time(request.decided_at) if request.decided_at else ""
        reason = request.decision_reason or ""
        if request.status is ExtraDayStatus.APPROVED and reason:
            # A partial approval: the reason belongs to the day-parts split off and rejected.
            reason = QCoreApplication.translate(
                "PendingRequests", "The rest was rejected: {reason}").format(reason=reason)
        return (request.child_name or "?",
                format_date_range(request.first_date, request.last_date),
                decision.format(name=request.decided_by or "?", time=when), reason)
