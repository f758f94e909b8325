"""Writing a message: the text (Ctrl+Enter sends), files added with a button or dropped on
it, and what was typed kept as a draft while it is not sent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.shared.theme import icon, mark

__all__ = ["MAX_BODY", "Composer"]

#: The portal's longest message (docs/api.md, "Messages").
MAX_BODY = 5000


class _TextEdit(QPlainTextEdit):
    submitted = Signal()
    filesDropped = Signal(list)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001 (QDragMoveEvent)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
            return
        super().dropEvent(event)


class Composer(QWidget):
    """Signals: ``sendRequested(text, list[Path])``; ``draftChanged(text)`` as it is typed."""

    sendRequested = Signal(str, list)
    draftChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.files: list[Path] = []
        self.text = _TextEdit(self)
        self.text.setObjectName("messageText")
        self.text.setAccessibleName(self.tr("Your message"))
        self.text.setPlaceholderText(self.tr("Write a message… (Ctrl+Enter sends)"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(140)
        self.text.setAcceptDrops(True)
        self.attach_button = QToolButton(self)
        self.attach_button.setObjectName("attachFile")
        self.attach_button.setIcon(icon("attachment"))
        self.attach_button.setText(self.tr("Attach file…"))
        self.attach_button.setToolTip(self.tr("Attach a PDF or a picture (at most 10 MB)"))
        self.attach_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.files_row = QHBoxLayout()
        self.files_row.setSpacing(4)
        self.count = mark(QLabel("", self), "muted")
        self.count.setObjectName("messageLength")
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("sendMessage")
        mark(self.send_button, "primary")
        bottom = QHBoxLayout()
        bottom.addWidget(self.attach_button)
        bottom.addLayout(self.files_row)
        bottom.addStretch(1)
        bottom.addWidget(self.count)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(bottom)
        self.text.textChanged.connect(self._changed)
        self.text.submitted.connect(self.submit)
        self.text.filesDropped.connect(self.add_files)
        self.send_button.clicked.connect(self.submit)
        self.attach_button.clicked.connect(self._choose_files)
        self._changed()

    def set_draft(self, text: str) -> None:
        self.text.blockSignals(True)
        self.text.setPlainText(text)
        self.text.blockSignals(False)
        self.clear_files()
        self._update()

    def add_files(self, files: list[Path]) -> None:
        for path in files:
            if path not in self.files:
                self.files.append(path)
                button = QToolButton(self)
                button.setText(f"{path.name} ✕")
                button.setObjectName("attachedFile")
                button.setToolTip(self.tr("Remove {name}").format(name=path.name))
                button.clicked.connect(lambda _=False, p=path, b=button: self._remove(p, b))
                self.files_row.addWidget(button)

    def clear_files(self) -> None:
        self.files = []
        while (item := self.files_row.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()

    def submit(self) -> None:
        text = self.text.toPlainText().strip()
        if text and len(text) <= MAX_BODY and self.send_button.isEnabled():
            self.sendRequested.emit(text, list(self.files))

    def _remove(self, path: Path, button: QToolButton) -> None:
        self.files.remove(path)
        button.deleteLater()

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), str(Path.home()),
            self.tr("PDF files and pictures (*.pdf *.jpg *.jpeg *.png)"))
        self.add_files([Path(n) for n in names])

    def _changed(self) -> None:
        self._update()
        self.draftChanged.emit(self.text.toPlainText())

    def _update(self) -> None:
        length = len(self.text.toPlainText().strip())
        self.count.setText(self.tr("{left} characters left").format(left=MAX_BODY - length)
                           if length > MAX_BODY - 500 else "")
        self.send_button.setEnabled(0 < length <= MAX_BODY)
