"""The panel beside the month: everything about the selected day, in words."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.models.agenda.month import EntryState, MonthModel, state_text
from desktop.models.shared.formatting import day_part_label, format_weekday_date
from desktop.views.shared.theme import mark

__all__ = ["DayPanel"]


class DayPanel(QFrame):
    """``title`` (the date) and ``details`` (closing, holiday, each child's day-parts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(230)
        self.title = mark(QLabel("", self), "subheading")
        self.title.setObjectName("dayTitle")
        self.title.setWordWrap(True)
        self.details = QLabel("", self)
        self.details.setObjectName("dayDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details, 1)

    def show_day(self, day: date | None, model: MonthModel, names: Mapping[int, str],
                 wanted: int | None) -> None:
        """Describe ``day`` of ``model`` for child ``wanted`` (None: every child)."""
        if day is None:
            self.title.setText("")
            self.details.setText("")
            return
        self.title.setText(format_weekday_date(day))
        lines: list[str] = []
        info = model.day(day)
        if info is not None:
            for closing in info.closing_days:
                lines.append(self.tr("Closed: {reason}").format(reason=closing.reason))
            if info.school_holiday:
                lines.append(info.school_holiday)
        for planned in (info.planned if info else ()):
            if wanted not in (None, planned.child_id):
                continue
            absence = info.absence_of(planned.child_id, planned.day_part)
            hours = _hours(planned.start, planned.end)
            status = self.tr("planned")
            if absence is not None:
                entry = next((e for e in model.entries(day)
                              if e.child_id == planned.child_id
                              and planned.day_part in e.parts
                              and e.state is not EntryState.PLANNED), None)
                status = state_text(entry) if entry else self.tr("absent")
            lines.append(f"{names.get(planned.child_id, '?')} — "
                         f"{day_part_label(planned.day_part.value)} {hours}: {status}")
        extra_states = {"pending": self.tr("extra day requested, not decided yet"),
                        "approved": self.tr("extra day approved"),
                        "rejected": self.tr("extra day rejected")}
        for extra in (info.extra_days if info else ()):
            if wanted in (None, extra.child_id) and extra.status in extra_states:
                lines.append(f"{names.get(extra.child_id, '?')} — "
                             f"{day_part_label(extra.day_part.value)} "
                             f"{_hours(extra.start, extra.end)}: "
                             f"{extra_states[extra.status]}")
        if info is None:
            lines.append(self.tr("This month has not been loaded yet. It appears as soon as "
                                 "the portal can be reached."))
        elif not info.planned and not info.extra_days:
            lines.append(self.tr("No care planned on this day."))
        self.details.setText("\n".join(lines))


def _hours(start: time, end: time) -> str:
    return f"{start.strftime('%H:%M')}–{end.strftime('%H:%M')}"
