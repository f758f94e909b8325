"""One file chosen for a news item — its picture or its attachment: the name, "Choose…" and
"Remove". The file is read and checked when it is chosen (a refusal is said at once, and
the original may move before the item is published)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.models.shared.records import NewsFileDraft
from desktop.services.shared.attachments import FileRefused
from desktop.views.shared.theme import mark

__all__ = ["FileChoice"]


class FileChoice(QWidget):
    """``read(path)`` gives the bytes or raises :class:`FileRefused`. Signals ``refused(message)``
    and ``changed()``."""

    refused = Signal(str)
    changed = Signal()

    def __init__(self, read: Callable[[Path], bytes], picker_title: str, file_filter: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self._picker_title = picker_title
        self._filter = file_filter
        self.file: NewsFileDraft | None = None
        self.name = mark(QLabel(self.tr("None"), self), "muted")
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        self.choose_button.clicked.connect(self._pick)
        self.remove_button.clicked.connect(self.clear)

    def choose(self, path: Path) -> bool:
        """Take this file (False, and ``refused``, when it cannot go along)."""
        try:
            data = self._read(path)
        except FileRefused as refusal:
            self.refused.emit(refusal.message)
            return False
        self.file = NewsFileDraft(path.name, data)
        size = QLocale().formattedDataSize(len(data), 1, QLocale.DataSizeFormat.DataSizeSIFormat)
        self.name.setText(self.tr("{name} ({size})").format(name=path.name, size=size))
        self.remove_button.show()
        self.changed.emit()
        return True

    def clear(self) -> None:
        self.file = None
        self.name.setText(self.tr("None"))
        self.remove_button.hide()
        self.changed.emit()

    def _pick(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self._picker_title, str(Path.home()),
                                                    self._filter)
        if name:
            self.choose(Path(name))
