"""The request overview (aanvragenoverzicht): every absence and extra-day request of the
family, newest day first, with the reports still waiting in the outbox or refused on top.

Absences are shown as the parent made them: one line per report and day, with every child and
day-part it covered (the portal stores one absence per child and day-part). Cancelling such a
line cancels all of them at once, so a day is never left half reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.models.shared import clock
from desktop.models.shared.formatting import (
    absence_reason_label,
    day_part_label,
    day_parts_label,
    format_date,
    format_date_range,
    format_hours,
    format_money,
    format_weekday_date,
)
from desktop.models.shared.records import (
    Absence,
    CancelPreview,
    DayPart,
    ExtraDayRequest,
    ExtraDayStatus,
    Policy,
    QueuedAbsence,
)

__all__ = ["OpenRequestsFilter", "RequestOverviewModel", "RequestRow", "absence_groups",
           "cancel_consequence"]


def cancel_consequence(preview: CancelPreview) -> str:
    """What the portal says cancelling will do, for the question before it: the credit
    withdrawn and, per extra day that credit pays, whether other credit takes over or how many
    hours move to the invoice at what cost (docs/api.md, "Absence credit"); empty when it
    touches no credit."""
    lines = []
    if preview.credit_minutes:
        lines.append(QCoreApplication.translate(
            "RequestOverviewModel", "The {hours} of absence credit it earned are withdrawn."
        ).format(hours=format_hours(preview.credit_minutes)))
    for day in preview.extra_days:
        when = f"{format_weekday_date(day.date)}, {day_part_label(day.day_part.value)}"
        if day.moved_minutes > 0:
            lines.append(QCoreApplication.translate(
                "RequestOverviewModel",
                "That credit pays for your extra day on {when}: {hours} of it move to the "
                "invoice, {cost} more.").format(
                when=when, hours=format_hours(day.moved_minutes),
                cost=format_money(day.invoice_cents - day.invoice_cents_before)))
        else:
            lines.append(QCoreApplication.translate(
                "RequestOverviewModel",
                "That credit pays for your extra day on {when}: your other absence credit "
                "pays for it instead.").format(when=when))
    if preview.invoice_cents > 0 and len(preview.extra_days) > 1:
        lines.append(QCoreApplication.translate(
            "RequestOverviewModel", "In all, {cost} more is invoiced.").format(
            cost=format_money(preview.invoice_cents)))
    return "\n\n".join(lines)


ModelIndex = QModelIndex | QPersistentModelIndex
_ORDER = list(DayPart)


def absence_groups(absences: Iterable[Absence]) -> list[tuple[Absence, ...]]:
    """The absences per report and day: one report stores its absences at one moment, so
    (date, reported at, reason, cancelled or not) tells them apart."""
    groups: dict[tuple, list[Absence]] = {}
    for absence in absences:
        key = (absence.date, absence.reported_at, absence.reason, absence.cancelled)
        groups.setdefault(key, []).append(absence)
    return [tuple(sorted(group, key=lambda a: (a.child_id, _ORDER.index(a.day_part))))
            for group in groups.values()]


@dataclass(frozen=True)
class RequestRow:
    """One line: the absences of one report and day (``absences``), a queued or refused report
    (``queued``), or an extra-day request (``extra``)."""

    absences: tuple[Absence, ...] = ()
    queued: QueuedAbsence | None = None
    extra: ExtraDayRequest | None = None

    @property
    def first_date(self) -> date:
        if self.extra is not None:
            return self.extra.first_date
        if self.absences:
            return self.absences[0].date
        assert self.queued is not None
        return self.queued.draft.first_date

    @property
    def key(self) -> tuple:
        """The same line after the list is loaded again (to keep it selected)."""
        if self.queued is not None:
            return ("queued", self.queued.outbox_id)
        if self.extra is not None:
            return ("extra", self.extra.id)
        return ("absences", *(a.id for a in self.absences))

    @property
    def child_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(a.child_id for a in self.absences))

    def parts_of(self, child_id: int) -> tuple[DayPart, ...]:
        return tuple(a.day_part for a in self.absences if a.child_id == child_id)

    @property
    def cancelled(self) -> bool:
        return bool(self.absences) and all(a.cancelled for a in self.absences)

    @property
    def credit_minutes(self) -> int:
        return sum(a.credit_minutes or 0 for a in self.absences)

    @property
    def is_open(self) -> bool:
        """Still relevant: waiting, refused (to be seen), or an active absence to come."""
        if self.queued is not None:
            return True
        if self.extra is not None:
            return self.extra.status is ExtraDayStatus.PENDING or (
                self.extra.status is ExtraDayStatus.APPROVED
                and self.extra.last_date >= clock.today())
        return not self.cancelled and self.first_date >= clock.today()

    @property
    def can_cancel(self) -> bool:
        """An absence line to come: whether it is still early enough is :meth:`too_late`."""
        return bool(self.absences) and self.is_open

    def too_late(self, policy: Policy, today: date) -> bool:
        """Less than ``cancel_absence_min_days`` before the day: only the location can help."""
        return (self.first_date - today).days < policy.cancel_absence_min_days

    @property
    def can_withdraw(self) -> bool:
        """A pending extra day, or a report still waiting on this computer (never sent)."""
        if self.queued is not None:
            return not self.queued.refused
        return self.extra is not None and self.extra.status is ExtraDayStatus.PENDING


class RequestOverviewModel(QAbstractTableModel):
    """Columns: request, child(ren), date(s), day-part, status, reported by, credit."""

    class Column(IntEnum):
        Kind = 0
        Child = 1
        Dates = 2
        DayPart = 3
        Status = 4
        ReportedBy = 5
        Credit = 6

    RowRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RequestRow] = []
        self._names: dict[int, str] = {}

    def set_children(self, names: dict[int, str]) -> None:
        self._names = dict(names)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.Column) - 1))

    def set_requests(self, absences: list[Absence], queued: list[QueuedAbsence],
                     extra_days: list[ExtraDayRequest] | None = None) -> None:
        self.beginResetModel()
        waiting = [RequestRow(queued=q) for q in queued]
        stored = [RequestRow(absences=group) for group in absence_groups(absences)]
        stored += [RequestRow(extra=e) for e in extra_days or ()]
        stored.sort(key=lambda r: r.first_date, reverse=True)
        self._rows = waiting + stored
        self.endResetModel()

    def row_at(self, row: int) -> RequestRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def names_of(self, row: RequestRow) -> str:
        return ", ".join(self._names.get(c, "?") for c in row.child_ids)

    def parts_text(self, row: RequestRow) -> str:
        """The day-parts of an absence line; with several children, per child."""
        if len(row.child_ids) == 1:
            return day_parts_label(row.parts_of(row.child_ids[0]))
        return "; ".join(f"{self._names.get(c, '?')}: {day_parts_label(row.parts_of(c))}"
                         for c in row.child_ids)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.Column.Kind: self.tr("Request"),
            self.Column.Child: self.tr("Child"),
            self.Column.Dates: self.tr("Date"),
            self.Column.DayPart: self.tr("Day-part"),
            self.Column.Status: self.tr("Status"),
            self.Column.ReportedBy: self.tr("Reported by"),
            self.Column.Credit: self.tr("Credit"),
        }
        return titles.get(section) if 0 <= section < len(self.Column) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.Column(index.column())
        if role == self.RowRole:
            return row
        if role == self.SortRole:
            return row.first_date.toordinal() if column is self.Column.Dates \
                else self.data(index, Qt.ItemDataRole.DisplayRole)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text of a cell that may be cut off, and a refusal's or decision's why.
            if row.queued is not None and row.queued.refusal:
                return row.queued.refusal
            if row.extra is not None and row.extra.decision_reason:
                return row.extra.decision_reason
            return self._text(row, column)
        return None

    def _text(self, row: RequestRow, column: Column) -> str:
        if row.extra is not None:
            return self._extra_text(row.extra, column)
        if row.absences:
            first = row.absences[0]
            values = {
                self.Column.Kind: self.tr("Absence ({reason})").format(
                    reason=absence_reason_label(first.reason.value)),
                self.Column.Child: self.names_of(row),
                self.Column.Dates: format_date(first.date),
                self.Column.DayPart: self.parts_text(row),
                self.Column.Status: self.tr("Cancelled") if row.cancelled
                else self.tr("Reported"),
                self.Column.ReportedBy: first.reported_by,
                self.Column.Credit: format_hours(row.credit_minutes) if row.credit_minutes
                else self.tr("none"),
            }
            return values[column]
        assert row.queued is not None
        d = row.queued.draft
        dates = format_date_range(d.first_date, d.last_date)
        status = self.tr("Refused") if row.queued.refused else self.tr(
            "Waiting for a connection")
        values = {
            self.Column.Kind: self.tr("Absence ({reason})").format(
                reason=absence_reason_label(d.reason.value)),
            self.Column.Child: ", ".join(self._names.get(c, "?") for c in d.child_ids),
            self.Column.Dates: dates,
            self.Column.DayPart: day_part_label(d.day_part.value) if d.day_part
            else self.tr("every planned day-part"),
            self.Column.Status: status,
            self.Column.ReportedBy: self.tr("you (this computer)"),
            self.Column.Credit: "",
        }
        return values[column]

    def _extra_text(self, request: ExtraDayRequest, column: Column) -> str:
        # Short statuses: why a request was rejected is in the tooltip and under the table.
        statuses = {ExtraDayStatus.PENDING: self.tr("Requested, not decided yet"),
                    ExtraDayStatus.APPROVED: self.tr("Approved"),
                    ExtraDayStatus.REJECTED: self.tr("Rejected"),
                    ExtraDayStatus.WITHDRAWN: self.tr("Withdrawn")}
        dates = format_date_range(request.first_date, request.last_date)
        values = {
            self.Column.Kind: self.tr("Extra day"),
            self.Column.Child: self._names.get(request.child_id, "?"),
            self.Column.Dates: dates,
            self.Column.DayPart: day_part_label(request.day_part.value) if request.day_part
            else self.tr("whole day"),
            self.Column.Status: statuses[request.status],
            self.Column.ReportedBy: request.submitted_by,
            self.Column.Credit: format_hours(request.credit_minutes) if request.credit_minutes
            else self.tr("none"),
        }
        return values[column]


class OpenRequestsFilter(QSortFilterProxyModel):
    """"Open" shows what still matters; "All" shows history too."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_only = True
        self.setSortRole(RequestOverviewModel.SortRole)

    def set_open_only(self, open_only: bool) -> None:
        # begin/endFilterChange (Qt 6.9+) replace the deprecated invalidateFilter().
        self.beginFilterChange()
        self._open_only = open_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._open_only:
            return True
        model = self.sourceModel()
        row = model.row_at(source_row) if isinstance(model, RequestOverviewModel) else None
        return row is not None and row.is_open
