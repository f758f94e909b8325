""""Nieuw nieuwsbericht": staff and managers write a news item — title, a text with bold and
links, a picture and an attachment, for whom (what the portal offers this user:
docs/api.md, "News") and when — and publish it.

One idempotency key per dialog: trying again after a lost answer publishes the item once. The
dialog stays open until the portal has the item: a refusal is shown at its field, no
connection as a message, and what was typed stays."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.news_body import link_target, news_html
from desktop.models.shared.records import NewsDraft, Place, PublishAudiences
from desktop.services.shared.attachments import read_attachment, read_file
from desktop.views.news.file_choice import FileChoice
from desktop.views.shared.date_field import DateField, TimeField
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import announce, mark
from desktop.views.shared.windows import fit_to_screen

__all__ = ["MAX_BODY", "MAX_TITLE", "PublishNewsDialog"]

MAX_TITLE = 150  # what the portal accepts
MAX_BODY = 20_000  # characters of HTML, what the portal accepts
# A later publication defaults to tomorrow at this hour.
LATER_AT = time(8, 0)
_LINK_COLOUR = QColor("#2F7D6B")

# The audience list's rows: (kind, id).
ORGANISATION, LOCATION, GROUP = "organisation", "location", "group"


class PublishNewsDialog(SessionDialog):
    """Signal ``publishRequested(NewsDraft, idempotency_key)`` when the author publishes a
    valid item; the page hands it to the service and tells the outcome back
    (:meth:`published`, :meth:`refused`)."""

    publishRequested = Signal(object, str)

    def __init__(self, idempotency_key: str, *, now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishNews")
        self.setWindowTitle(self.tr("New news item"))
        self.key = idempotency_key
        self._now = now or (lambda: datetime.now().astimezone())
        self._errors: dict[str, QLabel] = {}
        today = self._now().date()

        self.title = QLineEdit(self)
        self.title.setObjectName("newsTitle")
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setMaxLength(MAX_TITLE)

        self.bold = QToolButton(self)
        self.bold.setObjectName("bold")
        self.bold.setText(self.tr("Bold"))
        self.bold.setAccessibleName(self.tr("Bold"))
        self.bold.setToolTip(self.tr("Bold (Ctrl+B)"))
        self.bold.setCheckable(True)
        self.bold.setShortcut(QKeySequence.StandardKey.Bold)
        bold_font = QFont(self.bold.font())
        bold_font.setBold(True)
        self.bold.setFont(bold_font)
        self.link_address = QLineEdit(self)
        self.link_address.setObjectName("linkAddress")
        self.link_address.setAccessibleName(self.tr("Web or e-mail address of the link"))
        self.link_address.setPlaceholderText(self.tr("www.example.nl or name@example.nl"))
        self.make_link = QPushButton(self.tr("Make link"), self)
        self.make_link.setObjectName("makeLink")
        self.make_link.setToolTip(self.tr(
            "Makes the selected text a link to this address (without a selection, the address "
            "itself is inserted)"))
        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.bold)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.link_address, 1)
        toolbar.addWidget(self.make_link)

        self.body = QTextEdit(self)
        self.body.setObjectName("newsBody")
        self.body.setAccessibleName(self.tr("Text"))
        self.body.setPlaceholderText(self.tr(
            "What would you like to tell? Enter starts a new paragraph."))
        self.body.setAcceptRichText(False)  # pasted text comes as text; bold and links from here
        self.body.setTabChangesFocus(True)

        self.image = FileChoice(read_file, self.tr("Choose a picture"), self.tr(
            "Pictures (*.jpg *.jpeg *.png *.heic *.heif)"), self)
        self.image.setObjectName("newsImage")
        self.image.choose_button.setAccessibleName(self.tr("Choose a picture"))
        self.attachment = FileChoice(read_attachment, self.tr("Choose an attachment"), self.tr(
            "PDF files and pictures (*.pdf *.jpg *.jpeg *.png)"), self)
        self.attachment.setObjectName("newsAttachment")
        self.attachment.choose_button.setAccessibleName(self.tr("Choose an attachment"))

        self.audience = QListWidget(self)
        self.audience.setObjectName("audience")
        self.audience.setAccessibleName(self.tr("For whom"))
        # A manager's few dozen choices scroll; the text keeps the room.
        self.audience.setMaximumHeight(7 * self.audience.fontMetrics().height() + 16)
        self.audience_state = mark(QLabel(self.tr("Loading whom you can write for…"), self),
                                  "muted")
        self.audience_state.setObjectName("audienceState")
        self.audience_state.setWordWrap(True)

        self.now_choice = QRadioButton(self.tr("Now"), self)
        self.now_choice.setObjectName("publishNow")
        self.later_choice = QRadioButton(self.tr("Later, on"), self)
        self.later_choice.setObjectName("publishLater")
        self.now_choice.setChecked(True)
        choices = QButtonGroup(self)
        choices.addButton(self.now_choice)
        choices.addButton(self.later_choice)
        self.later_day = DateField(today + timedelta(days=1), earliest=today, parent=self)
        self.later_day.setObjectName("publishDay")
        self.later_day.setAccessibleName(self.tr("Publication day"))
        self.later_time = TimeField(LATER_AT, self)
        self.later_time.setObjectName("publishTime")
        self.later_time.setAccessibleName(self.tr("Publication time"))
        when = QHBoxLayout()
        when.setContentsMargins(0, 0, 0, 0)
        when.addWidget(self.now_choice)
        when.addSpacing(16)
        when.addWidget(self.later_choice)
        when.addWidget(self.later_day)
        when.addWidget(self.later_time)
        when.addStretch(1)

        self.message = mark(QLabel("", self), "error")
        self.message.setObjectName("publishMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.publish_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.publish_button.setText(self.tr("Publish"))
        self.publish_button.setObjectName("publish")

        form = QFormLayout()
        form.addRow(self.tr("&Title"), self._with_error("title", self.title))
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(toolbar)
        body_layout.addWidget(self.body, 1)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        form.addRow(self.tr("Te&xt"), self._with_error("body", body))
        form.addRow(self.tr("Picture"), self._with_error("image", self.image))
        form.addRow(self.tr("Attachment"), self._with_error("attachment", self.attachment))
        audience = QWidget(self)
        audience_layout = QVBoxLayout(audience)
        audience_layout.setContentsMargins(0, 0, 0, 0)
        audience_layout.addWidget(self.audience_state)
        audience_layout.addWidget(self.audience)
        audience.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        form.addRow(self.tr("&For whom"), self._with_error("audience", audience))
        when_widget = QWidget(self)
        when_widget.setLayout(when)
        form.addRow(self.tr("When"), self._with_error("published_at", when_widget))
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 700)

        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.bold.toggled.connect(self._bold)
        self.make_link.clicked.connect(self._make_link)
        self.body.currentCharFormatChanged.connect(
            lambda form: self.bold.setChecked(form.fontWeight() >= QFont.Weight.DemiBold))
        self.title.textChanged.connect(self._changed)
        self.body.textChanged.connect(self._changed)
        self.audience.itemChanged.connect(self._changed)
        self.later_choice.toggled.connect(self._changed)
        for field, choice in (("image", self.image), ("attachment", self.attachment)):
            choice.refused.connect(lambda text, f=field: self._show_error(f, text))
            choice.changed.connect(lambda f=field: self._errors[f].hide())
        self._changed()

    # --- what the page tells --------------------------------------------------------------

    def set_audiences(self, audiences: PublishAudiences) -> None:
        """The organisation, locations and groups this user may publish for, by name."""
        self.audience.clear()
        rows: list[tuple[str, Place, str]] = []
        if audiences.organisation is not None:
            rows.append((ORGANISATION, audiences.organisation, self.tr(
                "The whole organisation: {name}").format(name=audiences.organisation.name)))
        rows += [(LOCATION, p, self.tr("Location {name}").format(name=p.name))
                 for p in audiences.locations]
        rows += [(GROUP, p, self.tr("Group {name}").format(name=p.name))
                 for p in audiences.groups]
        for kind, place, label in rows:
            item = QListWidgetItem(label, self.audience)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            # Staff with one group: that is whom they write for.
            item.setCheckState(Qt.CheckState.Checked if len(rows) == 1
                               else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, (kind, place.id))
        self.audience_state.setVisible(not rows)
        self.audience_state.setText("" if rows else self.tr(
            "You cannot publish news for any group or location."))
        self._changed()

    def audiences_failed(self, text: str) -> None:
        self.audience_state.setText(text)
        self.audience_state.show()

    def published(self) -> None:
        """The portal has the item."""
        self.accept()

    def refused(self, text: str, fields: dict[str, str]) -> None:
        """Not published: the portal's reasons at their fields, the rest (no connection, a
        refusal of the whole item) as a message. Everything typed stays."""
        self._busy(False)
        unplaced = []
        for field, reason in fields.items():
            if field in self._errors:
                self._show_error(field, self._field_message(field, reason))
            else:
                unplaced.append(reason)
        if not fields or unplaced:
            self._say(text if not unplaced else f"{text} {' '.join(unplaced)}")

    # --- the author's actions --------------------------------------------------------------

    def draft(self) -> NewsDraft:
        chosen = [self.audience.item(n).data(Qt.ItemDataRole.UserRole)
                  for n in range(self.audience.count())
                  if self.audience.item(n).checkState() == Qt.CheckState.Checked]
        return NewsDraft(self.title.text().strip(), news_html(self.body.document()),
                         organisation=any(kind == ORGANISATION for kind, _id in chosen),
                         location_ids=tuple(i for kind, i in chosen if kind == LOCATION),
                         group_ids=tuple(i for kind, i in chosen if kind == GROUP),
                         published_at=self._publication(), image=self.image.file,
                         attachment=self.attachment.file)

    def submit(self) -> None:
        """Check what the dialog can check itself, then ask to publish."""
        if self.lock_engaged:
            return
        self._clear_errors()
        draft = self.draft()
        problems = {}
        if not draft.title:
            problems["title"] = self.tr("Give the news item a title.")
        if not draft.body:
            problems["body"] = self.tr("Write the text of the news item.")
        elif len(draft.body) > MAX_BODY:
            problems["body"] = self.tr("The text is too long.")
        if not (draft.organisation or draft.location_ids or draft.group_ids):
            problems["audience"] = self.tr("Choose for whom this news is.")
        if draft.published_at is not None and draft.published_at <= self._now():
            problems["published_at"] = self.tr(
                "Choose a moment in the future, or publish now.")
        for field, text in problems.items():
            self._show_error(field, text)
        if problems:
            return
        self._busy(True)
        self.publishRequested.emit(draft, self.key)

    # --- internals --------------------------------------------------------------------------

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        box.setSizePolicy(widget.sizePolicy())  # the text grows, the rest keeps its height
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = mark(QLabel("", box), "error")
        error.setObjectName(f"{field}Error")
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        self._errors[field] = error
        return box

    def error_text(self, field: str) -> str:
        """What is said at ``field`` ("" when nothing)."""
        label = self._errors[field]
        return label.text() if not label.isHidden() else ""

    def _show_error(self, field: str, text: str) -> None:
        label = self._errors[field]
        label.setText(text)
        label.show()
        announce(label)

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()
            label.setText("")
        self.message.hide()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        announce(self.message)

    def _field_message(self, field: str, reason: str) -> str:
        known = {
            "title": self.tr("Give a title of at most {n} characters.").format(n=MAX_TITLE),
            "body": self.tr("The portal kept nothing of this text, or it is too long."),
            "audience": self.tr("Choose for whom this news is."),
            "published_at": self.tr("Choose a valid moment of publication."),
        }
        return known.get(field, reason)

    def _publication(self) -> datetime | None:
        if not self.later_choice.isChecked():
            return None
        return datetime.combine(self.later_day.day, self.later_time.moment).astimezone()

    def _busy(self, busy: bool) -> None:
        self.publish_button.setEnabled(not busy)
        self.publish_button.setText(self.tr("Publishing…") if busy else self.tr("Publish"))

    def _changed(self, *_args: object) -> None:
        self.later_day.setEnabled(self.later_choice.isChecked())
        self.later_time.setEnabled(self.later_choice.isChecked())

    def _bold(self, on: bool) -> None:
        form = QTextCharFormat()
        form.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self.body.mergeCurrentCharFormat(form)

    def _make_link(self) -> None:
        target = link_target(self.link_address.text())
        if target is None:
            self._show_error("body", self.tr(
                "A link needs a web address (www.example.nl) or an e-mail address."))
            return
        self._errors["body"].hide()
        form = QTextCharFormat()
        form.setAnchor(True)
        form.setAnchorHref(target)
        form.setForeground(_LINK_COLOUR)
        form.setFontUnderline(True)
        cursor = self.body.textCursor()
        if cursor.hasSelection():
            cursor.mergeCharFormat(form)
        else:
            cursor.insertText(self.link_address.text().strip(), form)
            cursor.setCharFormat(QTextCharFormat())  # typing on after it is no link
            self.body.setTextCursor(cursor)
        self.link_address.clear()
        self.body.setFocus()
