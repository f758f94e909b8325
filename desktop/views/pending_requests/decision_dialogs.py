"""The dialogs of a decision on an extra-day request: the reason for a rejection, and which
day-parts to approve when only some fit (docs/api.md, "Partial approval")."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.models.pending_requests import capacity_lines
from desktop.models.shared.formatting import format_date_range
from desktop.models.shared.records import CapacityDay, DayPart, ExtraDayRequest
from desktop.views.shared.limited_text import LimitedText
from desktop.views.shared.lock_guard import SessionDialog

__all__ = ["REASON_LIMIT", "PartialApprovalDialog", "RejectDialog"]

REASON_LIMIT = 500  # what the portal accepts
class RejectDialog(SessionDialog):
    """Asks the reason the parent will read; "Reject" only with a reason that fits."""

    def __init__(self, request: ExtraDayRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.setWindowTitle(self.tr("Reject the request for {child}").format(
            child=request.child_name))
        self.resize(480, 300)
        question = QLabel(self.tr(
            "Why can {child} not come on {dates}? The parents read this reason.").format(
            child=request.child_name, dates=format_date_range(request.first_date,
                                                              request.last_date)), self)
        question.setWordWrap(True)
        self.reason = LimitedText(REASON_LIMIT, self.tr("For example: the group is full that "
                                                        "day."), self.tr("Reason"), self)
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
            self.reason.acceptable)


class PartialApprovalDialog(SessionDialog):
    """Approve the day-parts that fit and reject the others with one reason (docs/api.md,
    "Partial approval"). The day-parts without a free place cannot be ticked."""

    def __init__(self, request: ExtraDayRequest, days: list[CapacityDay],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partialApprovalDialog")
        self.setWindowTitle(self.tr("Approve part of the request for {child}").format(
            child=request.child_name))
        self.resize(520, 460)
        intro = QLabel(self.tr("Tick the day-parts to approve. The others are rejected with "
                               "the reason below, which the parents read."), self)
        intro.setWordWrap(True)
        self.boxes: list[tuple[CapacityDay, QCheckBox]] = []
        for day, line in zip(days, capacity_lines(days), strict=True):
            box = QCheckBox(line, self)
            box.setChecked(day.free > 0)
            box.setEnabled(day.free > 0)
            box.toggled.connect(self._changed)
            self.boxes.append((day, box))
        self.reason = LimitedText(REASON_LIMIT, self.tr("For example: the group is full on the "
                                                        "other days."), self.tr("Reason"), self)
        self.reason.setObjectName("reason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.changed.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for _day, box in self.boxes:
            layout.addWidget(box)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)
        self._changed()

    def chosen(self) -> list[tuple[date, DayPart]]:
        return [(day.date, day.day_part) for day, box in self.boxes if box.isChecked()]

    def text(self) -> str:
        return self.reason.text()

    def _changed(self) -> None:
        count = len(self.chosen())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Approve {count} and reject the rest").format(count=count))
        ok.setEnabled(0 < count < len(self.boxes) and self.reason.acceptable)
