"""The crash dialog shows the report read-only and copies it to the clipboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from desktop.views.crash_dialog import CrashDialog

# A dialog asks the window to fit its contents; the offscreen test platform cannot and says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REPORT = "Ouderportaal 0.1.0\nTraceback (most recent call last):\nZeroDivisionError"


def test_the_report_is_shown_read_only_and_can_be_copied(qtbot) -> None:
    dialog = CrashDialog(REPORT)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Something went wrong"
    report = dialog.findChild(QPlainTextEdit, "report")
    assert report.toPlainText() == REPORT and report.isReadOnly()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.findChild(QPushButton, "copyReport"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == REPORT
    assert "clipboard" in dialog.copied.text()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.findChild(QPushButton, "close"), Qt.MouseButton.LeftButton)
