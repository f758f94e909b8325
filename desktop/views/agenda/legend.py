"""The month grid's legend: each state's shape with its name (the list view says it in words)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.models.agenda.month import EntryState
from desktop.views.agenda.day_delegate import paint_marker
from desktop.views.shared.theme import mark

__all__ = ["Legend"]


def _legend_icon(state: EntryState | None) -> QPixmap:
    pixmap = QPixmap(QSize(14, 14))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if state is None:
        painter.fillRect(pixmap.rect(), QBrush(QColor("#8C94A0"), Qt.BrushStyle.BDiagPattern))
        painter.setPen(QColor("#8C94A0"))
        painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
    else:
        paint_marker(painter, QPointF(7, 7), 5, state)
    painter.end()
    return pixmap


class Legend(QWidget):
    """A row of swatches and names; ``labels`` are the names, in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)  # tight: all seven must fit beside each other on a 1024 px screen
        self.labels: list[QLabel] = []
        items = [(EntryState.PLANNED, self.tr("planned")),
                 (EntryState.ABSENT, self.tr("absent")),
                 (EntryState.QUEUED, self.tr("waiting for a connection")),
                 (EntryState.EXTRA_APPROVED, self.tr("extra day")),
                 (EntryState.EXTRA_PENDING, self.tr("requested")),
                 (EntryState.EXTRA_REJECTED, self.tr("rejected")),
                 (None, self.tr("closed"))]
        for state, text in items:
            swatch = QLabel(self)
            swatch.setPixmap(_legend_icon(state))
            label = mark(QLabel(text, self), "muted")
            self.labels.append(label)
            layout.addWidget(swatch)
            layout.addWidget(label)
            layout.addSpacing(3)
        layout.addStretch(1)
