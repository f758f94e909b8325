"""Exporteren naar agenda: which children and which period go into the .ics file.

What the parent chooses is what is exported — all children or one, from a first to a last day
(the coming twelve months unless changed) — not whatever months happened to be browsed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.models.shared import clock
from desktop.models.shared.formatting import day_part_label
from desktop.models.shared.records import Child, DayPart
from desktop.views.shared.date_field import DateField, Period
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import mark
from desktop.views.shared.windows import fit_to_screen

if TYPE_CHECKING:
    from desktop.services.agenda.service import AgendaService

__all__ = ["MAX_EXPORT_DAYS", "ExportDialog", "open_export", "save_calendar"]

#: One export covers at most a year (the portal hands out at most 400 days of agenda at once).
MAX_EXPORT_DAYS = 366


def _a_year_on(day: date) -> date:
    try:
        return day.replace(year=day.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class ExportDialog(SessionDialog):
    """Asks children and period; :meth:`choice` holds them once accepted."""

    def __init__(self, children: Sequence[Child], wanted: int | None, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export to calendar"))
        self._children = list(children)
        self.who = QComboBox(self)
        self.who.setObjectName("exportChildren")
        self.who.setAccessibleName(self.tr("Children"))
        self.who.addItem(self.tr("All children"), None)
        for child in self._children:
            self.who.addItem(child.first_name, child.id)
        self.who.setCurrentIndex(max(0, self.who.findData(wanted)))
        self.first = DateField(today, None, None, self)
        self.first.setObjectName("exportFirst")
        self.last = DateField(_a_year_on(today), None, None, self)
        self.last.setObjectName("exportLast")
        self.hint = mark(QLabel("", self), "muted")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        intro = QLabel(self.tr(
            "The planned care of the chosen children in this period is saved as an .ics file "
            "that calendar programs (Outlook, Google Calendar, Apple Calendar) can import. "
            "Reported absences are left out, approved extra days are in."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Children"), self.who)
        form.addRow(self.tr("&From"), self.first)
        form.addRow(self.tr("&Up to and including"), self.last)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.dates = Period(self.first, self.last, MAX_EXPORT_DAYS, self)
        self.dates.changed.connect(self._check)
        fit_to_screen(self, 520, 300)
        self._check()

    def children(self) -> dict[int, str]:
        """The chosen children, id -> first name."""
        wanted = self.who.currentData()
        return {c.id: c.first_name for c in self._children if wanted in (None, c.id)}

    def period(self) -> tuple[date, date]:
        return self.first.day, self.last.day

    def _check(self) -> None:
        problem = self.dates.problem(*self.period())
        self.hint.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


def open_export(agenda: AgendaService, children: Sequence[Child], wanted: int | None,
                parent: QWidget) -> ExportDialog:
    """Ask children and period, then the file; the agenda service writes it and reports to
    the message bar (``calendarExported`` / ``exportFailed``)."""
    dialog = ExportDialog(children, wanted, clock.today(), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen() -> None:
        chosen_children, (first, last) = dialog.children(), dialog.period()
        names = " ".join(chosen_children.values())
        path, _filter = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("ExportDialog", "Export to calendar"),
            QCoreApplication.translate("ExportDialog", "Planning {names}.ics").format(
                names=names),
            QCoreApplication.translate("ExportDialog", "Calendar files (*.ics)"))
        if path:
            save_calendar(agenda, path, chosen_children, first, last)

    dialog.accepted.connect(chosen)
    dialog.open()
    return dialog


def save_calendar(agenda: AgendaService, path: str, children: dict[int, str], first: date,
                  last: date) -> None:
    """Hand the chosen export to the agenda service, with the day-parts named in the user's
    language."""
    labels = {part: day_part_label(part.value) for part in DayPart}
    agenda.export_calendar(path, children, first, last, labels)
