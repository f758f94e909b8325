"""The attendance history of a child's day (staff and managers): every registration and
correction of its arrival and departure — what it set, who, when — newest first, as the
portal keeps it (`GET /attendance/history`, docs/api.md "Group day and diary")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.models.diary.entries import format_clock
from desktop.models.shared.formatting import format_weekday_date
from desktop.models.shared.records import AttendanceChange, GroupDayChild
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from datetime import date

    from desktop.services.diary.group_day import GroupDayService

__all__ = ["AttendanceHistoryDialog"]


class AttendanceHistoryDialog(SessionDialog):
    def __init__(self, service: GroupDayService, child: GroupDayChild, day: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._child_id = child.child_id
        self.setWindowTitle(self.tr("History of {name}, {day}").format(
            name=child.first_name, day=format_weekday_date(day)))
        self.resize(640, 360)
        self.list = QListWidget(self)
        self.list.setObjectName("attendanceHistory")
        self.list.setAccessibleName(self.tr("Changes to arrival and departure"))
        self.list.setWordWrap(True)
        self.state = mark(QLabel(self.tr("Loading…"), self), "muted")
        self.state.setObjectName("historyState")
        self.state.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        service.historyChanged.connect(self._changed)
        service.historyFailed.connect(self._failed)
        service.load_history(child.child_id)

    def line(self, change: AttendanceChange) -> str:
        def clock(moment: object) -> str:
            return format_clock(moment) if moment is not None else self.tr("not yet")

        when = QLocale().toString(change.changed_at.astimezone(),
                                  QLocale.FormatType.ShortFormat)
        text = self.tr("{when}, {who}: arrived {arrived}, went home {left}").format(
            when=when, who=change.changed_by, arrived=clock(change.arrived_at),
            left=clock(change.left_at))
        if change.note:
            text = self.tr("{line} — note: {note}").format(line=text, note=change.note)
        return text

    def _changed(self, child_id: int, changes: list[AttendanceChange]) -> None:
        if child_id != self._child_id:
            return
        self.list.clear()
        self.list.addItems([self.line(c) for c in changes])
        self.state.setText("" if changes else self.tr("Nothing was registered on this day."))
        self.state.setVisible(not changes)

    def _failed(self, message: str) -> None:
        self.state.setText(message)
        self.state.show()
