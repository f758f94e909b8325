"""Asking the reason of a rejection, which the parents read: a question, a limited text and
"Reject" only with a reason that fits (an extra-day request, a change of personal data)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.views.shared.limited_text import LimitedText
from desktop.views.shared.lock_guard import SessionDialog

__all__ = ["REASON_LIMIT", "ReasonDialog"]

REASON_LIMIT = 500  # what the portal accepts


class ReasonDialog(SessionDialog):
    def __init__(self, title: str, question: str, placeholder: str, label: str, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(480, 300)
        text = QLabel(question, self)
        text.setWordWrap(True)
        self.reason = LimitedText(REASON_LIMIT, placeholder, label, self)
        self.reason.setObjectName("reason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.changed.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)
        self._changed()

    def text(self) -> str:
        return self.reason.text()

    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.reason.acceptable and bool(self.reason.text().strip()))
