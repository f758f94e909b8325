"""What staff must know of the children of their groups, where they meet them (the overview
now; the group day view once it exists): allergies, diet, medical notes, emergency contacts and
who may collect the child. Shown as text, marked, never only on hover (docs/api.md, "Personal
data", ``GET /care-notes``)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.models.shared.records import CareNotes, Contact
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.personal_data import PersonalDataService

__all__ = ["CareNotesPanel", "care_note_html"]

SOURCE = "care-notes"


def _text(text: str) -> str:
    return escape(text, quote=False)


def _people(contacts: tuple[Contact, ...]) -> str:
    return ", ".join(f"{c.name} ({c.relation}, {c.phone})" for c in contacts)


def care_note_html(child: CareNotes, labels: dict[str, str]) -> str:
    """One child's notes as rich text: the medical ones first, marked."""
    name = _text(f"{child.first_name} {child.last_name}")
    lines = [f"<b>{'⚠ ' if child.marked else ''}{name}</b>"]
    for key, text in (("allergies", child.allergies), ("diet", child.diet),
                      ("medical_notes", child.medical_notes)):
        if text:
            lines.append(f"<b>{_text(labels[key])}:</b> {_text(text)}")
    if child.collectors:
        lines.append(f"{_text(labels['collectors'])}: {_text(_people(child.collectors))}")
    if child.emergency_contacts:
        lines.append(f"{_text(labels['emergency'])}: "
                     f"{_text(_people(child.emergency_contacts))}")
    return "<br>".join(lines)


class CareNotesPanel(QWidget):
    def __init__(self, service: PersonalDataService, messages: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careNotes")
        self._service = service
        self._messages = messages
        title = mark(QLabel(self.tr("What to know about the children"), self), "subheading")
        self.status = mark(QLabel(self.tr("Loading…"), self), "muted")
        self.status.setObjectName("careNotesStatus")
        self._content = QWidget()
        self._rows = QVBoxLayout(self._content)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._content)
        scroll.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.notes: list[QLabel] = []
        service.careNotesChanged.connect(self.set_notes)
        service.problem.connect(self._problem)
        if service.care_notes:
            self.set_notes(service.care_notes)

    @classmethod
    def from_context(cls, context: PageContext) -> CareNotesPanel:
        return cls(context.services.personal_data, context.messages, context.parent)

    def activate(self, intent: Intent | None = None) -> None:
        self._service.load_care_notes()

    def _problem(self, what: str, text: str) -> None:
        if what == "care_notes":
            self.status.setText(self.tr("The notes about the children could not be loaded."))
            self.status.show()
            self._messages.show_message(text, source=SOURCE, action_text=self.tr("Try again"),
                                        action=self._service.load_care_notes)

    def set_notes(self, children: list[CareNotes]) -> None:
        for label in self.notes:
            label.deleteLater()
        self.notes = []
        labels = {"allergies": self.tr("Allergies"), "diet": self.tr("Diet"),
                  "medical_notes": self.tr("Medical"), "collectors": self.tr("May collect"),
                  "emergency": self.tr("In an emergency")}
        # Children with something medical first: those are the ones that must not be missed.
        for child in sorted(children, key=lambda c: (not c.marked, c.first_name)):
            label = mark(QLabel(care_note_html(child, labels), self._content),
                         "warning" if child.marked else "muted")
            label.setObjectName(f"careNote{child.child_id}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            self._rows.insertWidget(self._rows.count() - 1, label)
            label.show()  # the panel may be on screen already
            self.notes.append(label)
        self.status.setVisible(not children)
        self.status.setText(self.tr("No notes about the children of your groups."))
