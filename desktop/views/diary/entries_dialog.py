"""Changing or deleting one's own entries of a day: parents their notes (from the Dagboek),
staff their entries (from the day report). Only the reader's own entries are offered — the
portal refuses anyone else's (`forbidden`) and that refusal, like a day that can no longer be
changed, shows here in the portal's words; nothing typed is lost when a change is refused
(docs/api.md, "Group day and diary")."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.diary.entries import entry_line, kind_label
from desktop.models.shared.records import DiaryEntry, EntryKind
from desktop.views.shared.date_field import TimeField
from desktop.views.shared.limited_text import LimitedText
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import announce, mark

if TYPE_CHECKING:
    from desktop.services.diary.service import DiaryService

__all__ = ["OwnEntriesDialog"]

TEXT_LIMIT = 4000  # the portal's bound on an entry's text
_TEXT_KINDS = {EntryKind.VERSLAG, EntryKind.NOTITIE, EntryKind.ACTIVITEIT}


class OwnEntriesDialog(SessionDialog):
    def __init__(self, diary: DiaryService, title: str, entries: list[DiaryEntry],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change my entries: {day}").format(day=title))
        self.resize(560, 480)
        self._diary = diary
        self._entries = list(entries)
        self.list = QListWidget(self)
        self.list.setObjectName("ownEntries")
        self.list.setAccessibleName(self.tr("Your entries of this day"))
        self.at = TimeField(time(12, 0), self)
        self.at.setObjectName("entryTime")
        self.at.setAccessibleName(self.tr("Time"))
        self.text = LimitedText(TEXT_LIMIT, "", self.tr("Text"), self)
        self.text.setObjectName("entryText")
        self.status = mark(QLabel("", self), "muted")
        self.status.setObjectName("entryStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save change"), self)
        self.save_button.setObjectName("saveEntry")
        mark(self.save_button, "primary")
        self.delete_button = QPushButton(self.tr("Delete entry"), self)
        self.delete_button.setObjectName("deleteEntry")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Time"), self.at)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        layout.addWidget(buttons)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(lambda _row: self._chosen())
        self.text.changed.connect(self._enable)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        diary.entrySaved.connect(self._saved)
        diary.entryRefused.connect(self._refused)
        self._fill()
        if self._entries:
            self.list.setCurrentRow(0)
        self._chosen()

    def entry(self) -> DiaryEntry | None:
        row = self.list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def save(self) -> None:
        entry = self.entry()
        if entry is None:
            return
        at = self.at.moment if entry.at is not None else None
        text = self.text.text().strip() if entry.kind in _TEXT_KINDS else entry.text
        self._busy(self.tr("Saving…"))
        self._diary.edit_entry(entry, at, text)

    def delete(self) -> None:
        entry = self.entry()
        if entry is not None:
            self._busy(self.tr("Deleting…"))
            self._diary.delete_entry(entry)

    def _fill(self) -> None:
        self.list.clear()
        for entry in self._entries:
            QListWidgetItem(entry_line(entry) if entry.kind is not EntryKind.VERSLAG
                            else f"{kind_label(entry.kind)}: {entry.text or ''}", self.list)

    def _chosen(self) -> None:
        entry = self.entry()
        has_time = entry is not None and entry.at is not None
        self.at.setVisible(has_time)
        self.form.labelForField(self.at).setVisible(has_time)
        if has_time:
            self.at.setTime(self.at.time().fromString(entry.at.strftime("%H:%M"), "HH:mm"))
        text_kind = entry is not None and entry.kind in _TEXT_KINDS
        self.text.setVisible(text_kind)
        self.text.set_text(entry.text or "" if text_kind and entry is not None else "")
        if entry is None:
            self._show(self.tr("You have written nothing on this day."))
        self._enable()

    def _enable(self) -> None:
        entry = self.entry()
        self.delete_button.setEnabled(entry is not None)
        self.save_button.setEnabled(entry is not None and (
            entry.kind not in _TEXT_KINDS or (self.text.acceptable
                                              and bool(self.text.text().strip()))))

    def _busy(self, text: str) -> None:
        self.save_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self._show(text)

    def _show(self, text: str) -> None:
        self.status.setText(text)
        if text:
            announce(self.status)

    def _saved(self, changed: DiaryEntry) -> None:
        row = next((n for n, e in enumerate(self._entries) if e.id == changed.id), -1)
        if row < 0:
            return
        if changed.deleted:
            del self._entries[row]
            self._show(self.tr("The entry was deleted."))
        else:
            self._entries[row] = changed
            self._show(self.tr("The change was saved; it shows as edited."))
        message = self.status.text()
        self.list.blockSignals(True)
        self._fill()
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(row, len(self._entries) - 1))
        self._chosen()
        self._show(message)

    def _refused(self, entry_id: int, message: str) -> None:
        if any(e.id == entry_id for e in self._entries):
            self._show(message)  # what was typed stays in the field
            self._enable()
