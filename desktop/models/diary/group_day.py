"""A group's day as a table for Groep vandaag: per child its name, status (in words), day-parts,
arrival, departure and the care notes staff must know (allergies, diet, medical notes)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.models.diary.entries import format_clock
from desktop.models.shared.formatting import absence_reason_label, day_part_label
from desktop.models.shared.records import ChildStatus, GroupDay, GroupDayChild

__all__ = ["GroupDayModel", "counts_text", "status_label"]

ModelIndex = QModelIndex | QPersistentModelIndex
CHILD_ROLE = Qt.ItemDataRole.UserRole + 1

_STATUS = {
    ChildStatus.EXPECTED: QT_TRANSLATE_NOOP("GroupDay", "Expected"),
    ChildStatus.ARRIVED: QT_TRANSLATE_NOOP("GroupDay", "Here"),
    ChildStatus.LEFT: QT_TRANSLATE_NOOP("GroupDay", "Gone home"),
    ChildStatus.ABSENT: QT_TRANSLATE_NOOP("GroupDay", "Absent"),
    ChildStatus.NOT_EXPECTED: QT_TRANSLATE_NOOP("GroupDay", "Not expected"),
}



def status_label(child: GroupDayChild) -> str:
    label = QCoreApplication.translate("GroupDay", _STATUS[child.status])
    if child.status is ChildStatus.ABSENT and child.absence_reason:
        return QCoreApplication.translate("GroupDay", "{status} ({reason})").format(
            status=label, reason=absence_reason_label(child.absence_reason))
    if child.absent_parts and child.status is ChildStatus.EXPECTED:
        parts = ", ".join(day_part_label(p.value) for p in child.absent_parts)
        return QCoreApplication.translate(
            "GroupDay", "{status}, absent: {parts}").format(status=label, parts=parts)
    return label


def counts_text(day: GroupDay) -> str:
    """"Present 4 · morning: 9 expected of 12 places · afternoon: 7 of 12"."""
    parts = [QCoreApplication.translate("GroupDay", "Present: {n}").format(n=day.present)]
    for count in day.counts:
        parts.append(QCoreApplication.translate(
            "GroupDay", "{part}: {expected} expected, {capacity} places").format(
            part=day_part_label(count.day_part.value), expected=count.expected,
            capacity=count.capacity))
    return " · ".join(parts)


def care_markers(child: GroupDayChild) -> str:
    notes = []
    if child.allergies:
        notes.append(QCoreApplication.translate(
            "GroupDay", "Allergy: {text}").format(text=child.allergies))
    if child.diet:
        notes.append(QCoreApplication.translate("GroupDay", "Diet: {text}").format(text=child.diet))
    if child.medical_notes:
        notes.append(QCoreApplication.translate(
            "GroupDay", "Medical: {text}").format(text=child.medical_notes))
    return "; ".join(notes)


class GroupDayModel(QAbstractTableModel):
    class Column(IntEnum):
        CHILD = 0
        STATUS = 1
        DAY_PARTS = 2
        ARRIVED = 3
        LEFT = 4
        NOTES = 5

    CHILD_ROLE = CHILD_ROLE
    _HEADERS = (QT_TRANSLATE_NOOP("GroupDay", "Child"), QT_TRANSLATE_NOOP("GroupDay", "Status"),
                QT_TRANSLATE_NOOP("GroupDay", "Day-parts"),
                QT_TRANSLATE_NOOP("GroupDay", "Arrived"),
                QT_TRANSLATE_NOOP("GroupDay", "Went home"),
                QT_TRANSLATE_NOOP("GroupDay", "Care notes"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._children: list[GroupDayChild] = []
        self._problems: dict[int, str] = {}

    def set_day(self, day: GroupDay | None) -> None:
        self.beginResetModel()
        self._children = list(day.children) if day is not None else []
        self._problems = {}
        self.endResetModel()

    def set_problem(self, child_id: int, message: str) -> None:
        """A refused registration, shown on the child's row until the next load."""
        self._problems[child_id] = message
        row = self.row_of(child_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.Column) - 1))

    def child_at(self, row: int) -> GroupDayChild | None:
        return self._children[row] if 0 <= row < len(self._children) else None

    def row_of(self, child_id: int) -> int:
        return next((n for n, c in enumerate(self._children) if c.child_id == child_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._HEADERS):
            return QCoreApplication.translate("GroupDay", self._HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        child = self.child_at(index.row()) if index.isValid() else None
        if child is None:
            return None
        if role == CHILD_ROLE:
            return child
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(child, self.Column(index.column()))
        return None

    def _text(self, child: GroupDayChild, column: Column) -> str:
        if column is self.Column.CHILD:
            return child.name
        if column is self.Column.STATUS:
            problem = self._problems.get(child.child_id)
            return f"{status_label(child)} — {problem}" if problem else status_label(child)
        if column is self.Column.DAY_PARTS:
            return ", ".join(day_part_label(p.value) for p in child.day_parts)
        if column is self.Column.ARRIVED:
            return format_clock(child.arrived_at) if child.arrived_at else ""
        if column is self.Column.LEFT:
            return format_clock(child.left_at) if child.left_at else ""
        return care_markers(child)
