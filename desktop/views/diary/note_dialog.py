""""Schrijf in het dagboek": a parent's note for the group ("oma haalt op", "slecht geslapen
vannacht") on a day, through the outbox — offline too; nothing typed is lost when the disk
refuses it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.views.shared.date_field import DateField, TimeField
from desktop.views.shared.limited_text import LimitedText
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import mark

__all__ = ["NOTE_LIMIT", "DiaryNoteDialog"]

NOTE_LIMIT = 1000  # what the portal accepts for a note
DAYS_AHEAD = 7  # a note may announce the coming week (docs/api.md, "Group day and diary")


class DiaryNoteDialog(SessionDialog):
    """``note()`` gives (day, time, text) once accepted; ``show_problem`` keeps it open with
    what was typed when the note could not be kept."""

    def __init__(self, child_name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write in the diary"))
        self.resize(480, 360)
        intro = QLabel(self.tr("A note for {name}'s group. The staff read it today.").format(
            name=child_name), self)
        intro.setWordWrap(True)
        self.day = DateField(today, today, today + timedelta(days=DAYS_AHEAD), self)
        self.day.setObjectName("noteDay")
        self.day.setAccessibleName(self.tr("Day"))
        now = datetime.now()
        self.at = TimeField(time(now.hour, now.minute), self)
        self.at.setObjectName("noteTime")
        self.at.setAccessibleName(self.tr("Time"))
        self.text = LimitedText(NOTE_LIMIT, self.tr("For example: grandma collects today"),
                                self.tr("Note"), self)
        self.text.setObjectName("noteText")
        self.problem = mark(QLabel("", self), "warning")
        self.problem.setObjectName("noteProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.changed.connect(self._changed)
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Time"), self.at)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._changed()

    def note(self) -> tuple[date, time, str]:
        return self.day.day, self.at.moment, self.text.text().strip()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.open()

    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.text.acceptable and bool(self.text.text().strip()))
