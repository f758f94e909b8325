"""The status bar's progress of the background document download."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

if TYPE_CHECKING:
    from desktop.services.finance.service import FinanceService

__all__ = ["FinanceSyncStatus"]


class FinanceSyncStatus(QWidget):
    """Status-bar progress of the background document download ("Documenten 3 van 40")."""

    def __init__(self, finance: FinanceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financeSyncStatus")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        finance.syncProgress.connect(self.set_progress)
        self.hide()

    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.hide()
            return
        text = self.tr("Downloading documents: {done} of {total}").format(done=done, total=total)
        self.label.setText(text)
        self.bar.setAccessibleName(text)
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.show()
