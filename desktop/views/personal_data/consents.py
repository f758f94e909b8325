"""A child's consents on the Gegevens page, read-only: photos in the portal, on the website and
on social media, and medicines given by the staff (docs/api.md, "Profile" — `/me`). The
location records them; the parent reads here what it has, and that a change goes through it."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from desktop.models.shared.records import Child
from desktop.views.shared.theme import mark

__all__ = ["ConsentsCard"]


class ConsentsCard(QFrame):
    def __init__(self, child: Child, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "card")
        self.setObjectName(f"consents:{child.id}")
        title = mark(QLabel(self.tr("Consents for {name}").format(name=child.first_name),
                            self), "subheading")
        rows = QFormLayout()
        self.answers: dict[str, QLabel] = {}
        for key, label, given in (
                ("medication", self.tr("Staff may give medicines"), child.medication_consent),
                ("portal", self.tr("Photos in the parent portal"), child.photo_consent.portal),
                ("website", self.tr("Photos on the website"), child.photo_consent.website),
                ("social_media", self.tr("Photos on social media"),
                 child.photo_consent.social_media)):
            answer = QLabel(self.tr("Yes") if given else self.tr("No"), self)
            answer.setObjectName(f"consent-{key}")
            answer.setAccessibleName(label)
            self.answers[key] = answer
            rows.addRow(label, answer)
        note = mark(QLabel(self.tr("To change a consent, contact the location."), self),
                    "muted")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)  # as the forms' cards
        layout.addWidget(title)
        layout.addLayout(rows)
        layout.addWidget(note)
