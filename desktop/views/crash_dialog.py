"""The dialog for bugs: a friendly explanation and the report, ready to copy and send."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import apply_theme, icon, mark

__all__ = ["CrashDialog"]


class CrashDialog(SessionDialog):
    """Shows a crash report read-only with "Copy report" and "Close"."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.resize(640, 480)

        symbol = QLabel(self)
        symbol.setPixmap(icon("error").pixmap(QSize(32, 32)))
        title = mark(QLabel(self.tr("Something went wrong"), self), "heading")
        explanation = QLabel(self.tr(
            "Ouderportaal ran into a problem it did not expect. Your data on the portal is safe. "
            "If this keeps happening, copy the report below and send it to your organisation's "
            "helpdesk, together with what you were doing."
        ), self)
        explanation.setWordWrap(True)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("report")
        self.report.setReadOnly(True)
        self.report.setPlainText(report)
        self.report.setAccessibleName(self.tr("Crash report"))

        self.copy_button = QPushButton(self.tr("Copy report"), self)
        self.copy_button.setObjectName("copyReport")
        self.copied = QLabel("", self)
        self.copied.setObjectName("copied")
        close = mark(QPushButton(self.tr("Close"), self), "primary")
        close.setObjectName("close")
        close.setDefault(True)

        heading = QHBoxLayout()
        heading.addWidget(symbol)
        heading.addWidget(title, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.copied, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)

        self.copy_button.clicked.connect(self.copy_report)
        close.clicked.connect(self.accept)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copied.setText(self.tr("The report is on the clipboard."))
