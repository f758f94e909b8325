"""The agenda's month as a list: a row per child and state on each day, the closed days, and
the school holiday each day falls in (a holiday weekday without care gets a row of its own).

It follows a :class:`MonthModel` (same month, agenda and child filter), so the month view and
the list always show the same thing and share the day panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.models.agenda.month import EntryState, MonthModel, state_text
from desktop.models.shared.formatting import format_weekday_date

__all__ = ["MonthListModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Row:
    day: date
    texts: tuple[str, str, str, str, str]
    state: EntryState | None  # None: a closed day or a holiday without care


class MonthListModel(QAbstractTableModel):
    """Columns: date, child, day-parts, state, school holiday. ``Role.Date`` and ``Role.State``
    per row."""

    DATE, CHILD, PARTS, STATE, HOLIDAY = range(5)

    class Role(IntEnum):
        Date = Qt.ItemDataRole.UserRole + 1
        State = Qt.ItemDataRole.UserRole + 2

    def __init__(self, month: MonthModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._month = month
        self._rows: list[_Row] = []
        month.modelReset.connect(self._rebuild)
        month.dataChanged.connect(self._rebuild)
        self._rebuild()

    def row_of(self, day: date) -> int:
        """The first row of ``day``; -1 when that day has none."""
        return next((row for row, r in enumerate(self._rows) if r.day == day), -1)

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (QCoreApplication.translate("MonthListModel", "Date"),
                  QCoreApplication.translate("MonthListModel", "Child"),
                  QCoreApplication.translate("MonthListModel", "Day-part"),
                  QCoreApplication.translate("MonthListModel", "Status"),
                  QCoreApplication.translate("MonthListModel", "School holiday"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.texts[index.column()]
        if role == self.Role.Date:
            return row.day
        if role == self.Role.State:
            return row.state
        return None

    # --- internals ----------------------------------------------------------------------------

    def _rebuild(self, *_args: object) -> None:
        self.beginResetModel()
        self._rows = []
        year, month = self._month.month
        day = date(year, month, 1)
        while day.month == month:
            when = format_weekday_date(day)
            holiday = self._month.school_holiday(day) or ""
            entries = self._month.entries(day)
            for entry in entries:
                self._rows.append(_Row(day, (when, entry.child_name, entry.parts_text,
                                             state_text(entry), holiday), entry.state))
            closed = self._month.closed(day)
            if closed and not entries:
                self._rows.append(_Row(day, (when, "", "", QCoreApplication.translate(
                    "MonthListModel", "closed: {reason}").format(reason=closed), holiday),
                    None))
            elif holiday and not entries and day.weekday() < 5:
                self._rows.append(_Row(day, (when, "", "", QCoreApplication.translate(
                    "MonthListModel", "no care planned"), holiday), None))
            day += timedelta(days=1)
        self.endResetModel()
