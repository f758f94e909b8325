"""A QR code drawn by Qt from segno's module matrix: no image library needed on the desktop,
and it stays sharp at any size."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["QrCode"]

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


class QrCode(QWidget):
    """Shows ``text`` as a QR code (black on white, whatever the theme)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._rows: list[list[bool]] = []
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self._rows = ([list(row) for row in segno.make(text, error="m").matrix_iter(
            border=QUIET_ZONE)] if text else [])
        self.setAccessibleName(self.tr("QR code for your authenticator app"))
        self.update()

    @property
    def modules(self) -> int:
        """The side of the code in modules, quiet zone included (0 without text)."""
        return len(self._rows)

    def is_dark(self, row: int, column: int) -> bool:
        return self._rows[row][column]

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(220, 220)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._rows:
            return
        side = min(self.width(), self.height())
        cell = side / len(self._rows)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._rows):
            for x, dark in enumerate(row):
                if dark:
                    # A hair larger than the cell: no seams between modules when scaled.
                    painter.drawRect(QRectF(x * cell, y * cell, cell + 0.5, cell + 0.5))
        painter.end()
