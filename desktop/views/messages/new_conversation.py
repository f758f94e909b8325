""""Nieuw bericht": which child and group, the subject and the first message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.shared.records import MessageDraft, Profile
from desktop.views.messages.composer import MAX_BODY
from desktop.views.shared.limited_text import LimitedText
from desktop.views.shared.lock_guard import SessionDialog

__all__ = ["MAX_SUBJECT", "NewConversationDialog", "Recipient", "recipients"]

MAX_SUBJECT = 150  # what the portal accepts


@dataclass(frozen=True)
class Recipient:
    """A child and one of its current groups: whom a new conversation goes to."""

    child_id: int
    group_id: int
    label: str  # "Emma – Zonnetjes"


def recipients(profile: Profile | None, today: date) -> list[Recipient]:
    """Each child with each of its current groups."""
    if profile is None:
        return []
    found = []
    for child in profile.children:
        for contract in child.contracts:
            group = profile.group(contract.group_id)
            if group is not None and contract.is_active_on(today):
                found.append(Recipient(child.id, group.id, f"{child.first_name} – {group.name}"))
    return found


class NewConversationDialog(SessionDialog):
    """On accept, :meth:`draft` is the message to send."""

    def __init__(self, recipients: list[Recipient], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newConversation")
        self.setWindowTitle(self.tr("New message"))
        self.resize(520, 380)
        self.recipient = QComboBox(self)
        self.recipient.setObjectName("recipient")
        self.recipient.setAccessibleName(self.tr("Child and group"))
        for recipient in recipients:
            self.recipient.addItem(recipient.label, recipient)
        self.subject = QLineEdit(self)
        self.subject.setObjectName("subject")
        self.subject.setAccessibleName(self.tr("Subject"))
        self.subject.setMaxLength(MAX_SUBJECT)
        self.body = LimitedText(MAX_BODY, self.tr("What would you like to tell the group?"),
                                self.tr("Message"), self)
        self.body.setObjectName("body")
        form = QFormLayout()
        form.addRow(self.tr("&Child and group"), self.recipient)
        form.addRow(self.tr("&Subject"), self.subject)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.subject.textChanged.connect(self._changed)
        self.body.changed.connect(self._changed)
        self._changed()

    def draft(self) -> MessageDraft:
        recipient: Recipient = self.recipient.currentData()
        return MessageDraft(self.body.text().strip(), child_id=recipient.child_id,
                            group_id=recipient.group_id, subject=self.subject.text().strip())

    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.recipient.count() > 0 and bool(self.subject.text().strip())
            and bool(self.body.text().strip()) and self.body.acceptable)
