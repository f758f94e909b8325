"""A text field with a length limit that shows a counter instead of cutting the text off."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.views.shared.theme import mark

__all__ = ["LimitedText"]


class LimitedText(QWidget):
    """A multi-line field and "123 / 500" under it; past the limit the counter says by how
    much, and :attr:`acceptable` is False. Nothing typed is ever thrown away.

    Signal: ``changed()`` after every edit.
    """

    changed = Signal()

    def __init__(self, limit: int, placeholder: str, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.field = QPlainTextEdit(self)
        self.field.setObjectName("text")
        self.field.setPlaceholderText(placeholder)
        self.field.setAccessibleName(accessible_name)
        self.field.setTabChangesFocus(True)
        self.counter = mark(QLabel("", self), "muted")
        self.counter.setObjectName("counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.counter)
        self.field.textChanged.connect(self._changed)
        self._changed()

    def text(self) -> str:
        """What was typed, without surrounding white space."""
        return self.field.toPlainText().strip()

    def set_text(self, text: str) -> None:
        self.field.setPlainText(text)

    @property
    def acceptable(self) -> bool:
        """Something typed, and not more than the limit."""
        return 0 < len(self.text()) <= self.limit

    def _changed(self) -> None:
        length = len(self.text())
        if length > self.limit:
            text = self.tr("{length} / {limit} characters: {over} too many").format(
                length=length, limit=self.limit, over=length - self.limit)
        else:
            text = self.tr("{length} / {limit} characters").format(length=length,
                                                                   limit=self.limit)
        self.counter.setText(text)
        mark(self.counter, "error" if length > self.limit else "muted")
        self.counter.setAccessibleDescription(text)
        self.changed.emit()
