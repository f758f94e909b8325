"""The panel beside the month: everything about the selected day, in words, and what a parent
can do on that day (report an absence, request the day)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.models.agenda.care import DayActions
from desktop.models.agenda.month import EntryState, MonthModel, state_text
from desktop.models.shared.formatting import day_part_label, format_weekday_date
from desktop.views.shared.theme import mark

__all__ = ["DayPanel"]

#: The panel's width beside a wide month, and beside a narrow one (a 1024 px screen), where
#: every pixel the grid gets keeps a day's lines readable.
WIDE, NARROW = 250, 200

class DayPanel(QFrame):
    """``title`` (the date), ``details`` (closing, holiday, each child's day-parts, a rejection's
    reason) and the day's actions. Signals: ``reportAbsence(date)``, ``requestDay(date)``."""

    reportAbsence = Signal(object)
    requestDay = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(WIDE)
        self._day: date | None = None
        self.title = mark(QLabel("", self), "subheading")
        self.title.setObjectName("dayTitle")
        self.title.setWordWrap(True)
        self.details = QLabel("", self)
        self.details.setObjectName("dayDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Short texts: the panel is narrow, and its title already names the day.
        self.absence_button = QPushButton(self.tr("Report absence"), self)
        self.absence_button.setObjectName("dayReportAbsence")
        self.absence_button.setAccessibleName(self.tr("Report absence for this day"))
        self.extra_day_button = QPushButton(self.tr("Request this day"), self)
        self.extra_day_button.setObjectName("dayRequestDay")
        self.note = mark(QLabel("", self), "muted")
        self.note.setObjectName("dayActionsNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.absence_button)
        layout.addWidget(self.extra_day_button)
        self.absence_button.clicked.connect(lambda: self.reportAbsence.emit(self._day))
        self.extra_day_button.clicked.connect(lambda: self.requestDay.emit(self._day))
        self.set_actions(DayActions())

    def fit(self, page_width: int) -> None:
        self.setFixedWidth(WIDE if page_width >= 950 else NARROW)

    def first_action(self) -> QPushButton | None:
        """The first action shown (Enter in the month grid goes there)."""
        return next((b for b in (self.absence_button, self.extra_day_button)
                     if b.isVisibleTo(self)), None)

    def set_actions(self, actions: DayActions) -> None:
        self.absence_button.setVisible(actions.report_absence)
        self.extra_day_button.setVisible(actions.request_day)
        self.note.setText(actions.note)
        self.note.setVisible(bool(actions.note))

    def show_day(self, day: date | None, model: MonthModel, names: Mapping[int, str],
                 wanted: int | None) -> None:
        """Describe ``day`` of ``model`` for child ``wanted`` (None: every child)."""
        self._day = day
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
                lines.append(self.tr("School holiday: {name}").format(
                    name=info.school_holiday))
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
                status = extra_states[extra.status]
                if extra.status == "rejected" and extra.decision_reason:
                    status = self.tr("extra day rejected: {reason}").format(
                        reason=extra.decision_reason)
                lines.append(f"{names.get(extra.child_id, '?')} — "
                             f"{day_part_label(extra.day_part.value)} "
                             f"{_hours(extra.start, extra.end)}: {status}")
        if info is None:
            lines.append(self.tr("This month has not been loaded yet. It appears as soon as "
                                 "the portal can be reached."))
        elif not info.planned and not info.extra_days:
            lines.append(self.tr("No care planned on this day."))
        self.details.setText("\n".join(lines))


def _hours(start: time, end: time) -> str:
    return f"{start.strftime('%H:%M')}–{end.strftime('%H:%M')}"
