"""The reason for rejecting a change request: the parents read it on their Gegevens page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.views.shared.reason_dialog import ReasonDialog

__all__ = ["RejectChangeDialog"]


class RejectChangeDialog(ReasonDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Reject: {title}").format(title=title),
            self.tr("Why is this change not approved? The parents read this reason."),
            self.tr("For example: please bring the signed mandate to the location."),
            self.tr("Reason"), self.tr("Reject"), parent)
        self.setObjectName("rejectChangeDialog")
