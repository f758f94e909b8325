"""The reason for rejecting a change request: the parents read it on their Gegevens page."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.views.shared.limited_text import LimitedText
from desktop.views.shared.lock_guard import SessionDialog

__all__ = ["REASON_LIMIT", "RejectChangeDialog"]

REASON_LIMIT = 500  # what the portal accepts


class RejectChangeDialog(SessionDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectChangeDialog")
        self.setWindowTitle(self.tr("Reject: {title}").format(title=title))
        self.resize(480, 300)
        question = QLabel(self.tr("Why is this change not approved? The parents read this "
                                  "reason."), self)
        question.setWordWrap(True)
        self.reason = LimitedText(REASON_LIMIT, self.tr(
            "For example: please bring the signed mandate to the location."),
            self.tr("Reason"), self)
        self.reason.setObjectName("reason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reject"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.changed.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)
        self._changed()

    def text(self) -> str:
        return self.reason.text()

    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.reason.acceptable and bool(self.reason.text().strip()))
