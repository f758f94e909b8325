"""A child's consents on the Gegevens page (docs/api.md, "Personal data" and "Profile"): the
three photo consents — in the portal, on the website, on social media — the parents set
themselves, at once, since withdrawing must be as easy as giving; the medication consent stays
with the location and is shown read-only. Withdrawing the portal consent asks first: the
child's photos then disappear from the app for both parents."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.shared.records import Child, PhotoConsent
from desktop.views.shared.theme import mark

__all__ = ["ConsentsCard"]

CHANNELS = ("portal", "website", "social_media")


class ConsentsCard(QFrame):
    """``saveRequested(PhotoConsent)`` when the parent saves (after confirming a withdrawal of
    the portal consent); the page sends it and answers with :meth:`saved` or :meth:`refused`."""

    saveRequested = Signal(object)

    def __init__(self, child: Child, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "card")
        self.setObjectName(f"consents:{child.id}")
        self._name = child.first_name
        self._consent = child.photo_consent
        title = mark(QLabel(self.tr("Consents for {name}").format(name=child.first_name),
                            self), "subheading")
        photos = QLabel(self.tr("Photos of {name} may be shown:").format(
            name=child.first_name), self)
        self.boxes: dict[str, QCheckBox] = {}
        for key, label in (("portal", self.tr("In the parent portal (this app)")),
                           ("website", self.tr("On the location's website")),
                           ("social_media", self.tr("On the location's social media"))):
            box = QCheckBox(label, self)
            box.setObjectName(f"consent-{key}")
            box.toggled.connect(self._update)
            self.boxes[key] = box
        self.save_button = QPushButton(self.tr("Save photo consents"), self)
        self.save_button.setObjectName("consentSave")
        self.save_button.clicked.connect(self.save)
        self.status = mark(QLabel(self), "muted")
        self.status.setObjectName("consentStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        rows = QFormLayout()
        self.answers: dict[str, QLabel] = {}
        medication_label = self.tr("Staff may give medicines")
        medication = QLabel(self.tr("Yes") if child.medication_consent else self.tr("No"),
                            self)
        medication.setObjectName("consent-medication")
        medication.setAccessibleName(medication_label)
        self.answers["medication"] = medication
        rows.addRow(medication_label, medication)
        note = mark(QLabel(self.tr("To change the consent for medicines, contact the "
                                   "location."), self), "muted")
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)  # as the forms' cards
        layout.addWidget(title)
        layout.addWidget(photos)
        for box in self.boxes.values():
            layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(rows)
        layout.addWidget(note)
        self._show(self._consent)

    @property
    def chosen(self) -> PhotoConsent:
        return PhotoConsent(**{key: self.boxes[key].isChecked() for key in CHANNELS})

    def _show(self, consent: PhotoConsent) -> None:
        for key in CHANNELS:
            self.boxes[key].setChecked(getattr(consent, key))
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(self.chosen != self._consent)

    def save(self) -> None:
        chosen = self.chosen
        if chosen == self._consent:
            return
        if self._consent.portal and not chosen.portal:
            # Asked from the event loop, never inside a task (as the request overview does);
            # the lock cancels the question like any message box: nothing is withdrawn.
            QTimer.singleShot(0, self, self._confirm_withdrawal)
            return
        self._send(chosen)

    def withdrawal_question(self) -> str:
        return self.tr(
            "Withdraw the consent for photos of {name} in the parent portal? The photos "
            "on which {name} is tagged then disappear from the app at once, for both "
            "parents. You can give the consent again later.").format(name=self._name)

    def _confirm_withdrawal(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Withdraw photo consent"), self.withdrawal_question(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._send(self.chosen)

    def _send(self, chosen: PhotoConsent) -> None:
        self.save_button.setEnabled(False)
        for box in self.boxes.values():
            box.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.status.show()
        self.saveRequested.emit(chosen)

    def saved(self, consent: PhotoConsent) -> None:
        self._consent = consent
        for box in self.boxes.values():
            box.setEnabled(True)
        self._show(consent)
        self.status.setText(self.tr("The photo consents are saved."))

    def refused(self, message: str) -> None:
        """Not saved (offline, or the portal said no): the choice stays ticked to try again."""
        for box in self.boxes.values():
            box.setEnabled(True)
        self._update()
        self.status.setText(message or self.tr("The photo consents could not be saved."))
        self.status.show()
