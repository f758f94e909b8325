""""Dagboek opslaan als PDF" (parents): a child and a period — by default all of the child's
diary the portal gives in one PDF (from its first contract, at most `MAX_PDF_DAYS` back) —
saved to a file of the parent's choice. The dialog stays open with the reason when the portal
cannot be reached or the disk refuses; nothing half-written is left under the chosen name
(docs/api.md, "Group day and diary")."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.shared.files import file_name_part
from desktop.views.shared.date_field import DateField, Period
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import announce, mark

if TYPE_CHECKING:
    from desktop.services.diary.service import DiaryService

__all__ = ["MAX_PDF_DAYS", "DiaryPdfDialog", "PdfChild"]

MAX_PDF_DAYS = 400  # what the portal renders in one PDF (GET /diary.pdf)
PdfChild = tuple[int, str, date]  # id, first name, the first day of its diary


class DiaryPdfDialog(SessionDialog):
    def __init__(self, diary: DiaryService, children: list[PdfChild], today: date,
                 parent: QWidget | None = None, *, child_id: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save the diary as PDF"))
        self.setMinimumWidth(520)
        self._diary = diary
        self._today = today
        self._children = {c[0]: c for c in children}
        intro = QLabel(self.tr("The days of the period with what the group wrote, your own "
                               "notes and the photos of your child, as one PDF file."), self)
        intro.setWordWrap(True)
        self.child = QComboBox(self)
        self.child.setObjectName("pdfChild")
        self.child.setAccessibleName(self.tr("Child"))
        for child in children:
            self.child.addItem(child[1], child[0])
        if child_id in self._children:
            self.child.setCurrentIndex(self.child.findData(child_id))
        self.first = DateField(today, latest=today, parent=self)
        self.first.setObjectName("pdfFrom")
        self.first.setAccessibleName(self.tr("From"))
        self.last = DateField(today, latest=today, parent=self)
        self.last.setObjectName("pdfTo")
        self.last.setAccessibleName(self.tr("To"))
        self.status = mark(QLabel("", self), "muted")
        self.status.setObjectName("pdfStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save as PDF…"))
        self.save_button.setObjectName("pdfSave")
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Child"), self.child)
        form.addRow(self.tr("From"), self.first)
        form.addRow(self.tr("To"), self.last)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.child.currentIndexChanged.connect(lambda _n: self._default_period())
        self.fields = Period(self.first, self.last, MAX_PDF_DAYS, self)
        self.fields.changed.connect(self._check)
        diary.pdfSaved.connect(self._saved)
        diary.pdfFailed.connect(self._failed)
        self._default_period()

    def period(self) -> tuple[date, date]:
        return self.first.day, self.last.day

    def choose_file(self) -> None:
        child_id = self.child.currentData()
        first, last = self.period()
        name = self.tr("diary-{child}-{first}-{last}.pdf").format(
            child=file_name_part(self.child.currentText().lower()) or child_id,
            first=first.isoformat(), last=last.isoformat())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the diary as PDF"), str(Path.home() / name),
            self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, target: Path) -> None:
        first, last = self.period()
        self.save_button.setEnabled(False)
        self._show(self.tr("Making the PDF…"))
        self._diary.save_pdf(self.child.currentData(), first, last, target)

    def _default_period(self) -> None:
        child = self._children.get(self.child.currentData())
        if child is None:
            return
        start = max(child[2], self._today - timedelta(days=MAX_PDF_DAYS - 1))
        self.first.set_day(min(start, self._today))
        self.last.set_day(self._today)
        self._check()

    def _period_problem(self) -> str:
        return self.fields.problem(*self.period())

    def _check(self) -> None:
        problem = self._period_problem()
        self.save_button.setEnabled(not problem and not self._diary.saving_pdf())
        self._show(problem)

    def _show(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if text:
            announce(self.status)

    def _saved(self, path: str) -> None:
        self.save_button.setEnabled(not self._period_problem())
        self._show(self.tr("Saved as {file}.").format(file=path))

    def _failed(self, message: str) -> None:
        self.save_button.setEnabled(not self._period_problem())
        self._show(message)
