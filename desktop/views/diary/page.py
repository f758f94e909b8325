"""The Dagboek (parents): per child a day-by-day timeline, newest first, older days loaded as
the parent scrolls; each day shows arrival and departure, the staff's text with the writer's
name and the rhythm in words; jump to a date; "Schrijf in het dagboek" for a note that waits
in the outbox while the portal cannot be reached; "Dagboek opslaan als PDF"."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.diary.timeline import TimelineModel, diary_available_until
from desktop.models.shared.formatting import format_weekday_date
from desktop.views.diary.day_delegate import DayDelegate
from desktop.views.diary.day_photos import DayPhotos, ViewerFactory
from desktop.views.diary.entries_dialog import OwnEntriesDialog
from desktop.views.diary.note_dialog import DiaryNoteDialog
from desktop.views.diary.pdf_dialog import DiaryPdfDialog
from desktop.views.shared.date_field import DateField
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import OPEN_ITEM, Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.diary.service import DiaryService
    from desktop.services.photos.service import PhotosService

__all__ = ["DiaryPage"]


class DiaryPage(QWidget):
    def __init__(self, diary: DiaryService, children: list[tuple[int, str]],
                 today: date, parent: QWidget | None = None, *,
                 available_until: date | None = None,
                 first_days: dict[int, date] | None = None,
                 photos: PhotosService | None = None,
                 photo_viewer: ViewerFactory | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diaryPage")
        self._diary = diary
        self._today = today
        self._messages: MessageBar | None = None
        self._jump_to: date | None = None
        self.note_dialog: DiaryNoteDialog | None = None
        self.pdf_dialog: DiaryPdfDialog | None = None
        self.entries_dialog: OwnEntriesDialog | None = None
        self._children = children
        self._first_days = first_days or {}
        self.model = TimelineModel(diary, self)

        title = mark(QLabel(self.tr("Diary"), self), "heading")
        self.child = QComboBox(self)
        self.child.setObjectName("diaryChild")
        self.child.setAccessibleName(self.tr("Child"))
        for child_id, name in children:
            self.child.addItem(name, child_id)
        self.jump_date = DateField(today, latest=today, parent=self)
        self.jump_date.setObjectName("jumpDate")
        self.jump_date.setAccessibleName(self.tr("Go to date"))
        self.jump_button = QPushButton(self.tr("Go to date"), self)
        self.jump_button.setObjectName("jump")
        self.write_button = QPushButton(self.tr("Write in the diary…"), self)
        self.write_button.setObjectName("writeNote")
        mark(self.write_button, "primary")
        self.edit_button = QPushButton(self.tr("Change my notes…"), self)
        self.edit_button.setObjectName("editEntries")
        self.edit_button.setToolTip(self.tr("Change or delete what you wrote on the chosen "
                                             "day"))
        self.edit_button.setEnabled(False)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pdf_button.setObjectName("savePdf")
        self.pdf_button.setAccessibleName(self.tr("Save the diary as PDF"))
        self.retention = mark(QLabel("", self), "notice")
        self.retention.setObjectName("diaryRetention")
        self.retention.setWordWrap(True)
        self.retention.setVisible(available_until is not None)
        if available_until is not None:
            self.retention.setText(self.tr(
                "The care has ended. The diary stays available until {day} ({days} days "
                "from today); save it before then.").format(
                    day=format_weekday_date(available_until),
                    days=max(0, (available_until - today).days)))
        self.state = mark(QLabel("", self), "muted")
        self.state.setObjectName("diaryState")
        self.state.setWordWrap(True)
        self.list = QListView(self)
        self.list.setObjectName("timeline")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        # Every day at its full height, laid out again when the width changes.
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.day_photos = DayPhotos(photos, photo_viewer, self) \
            if photos is not None and photo_viewer is not None else None
        self.delegate = DayDelegate(self.list, self.day_photos)
        self.list.setItemDelegate(self.delegate)
        self.list.setSpacing(4)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Days of the diary"))
        self.list.activated.connect(self._open_photos)  # Enter or a double click
        if self.day_photos is not None:
            self.day_photos.changed.connect(self._photos_changed)
            self.day_photos.repaint.connect(self.list.viewport().update)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.child)
        top.addWidget(self.jump_date)
        top.addWidget(self.jump_button)
        # The actions on a row of their own: beside the choices they would not fit in Dutch.
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.retention)
        layout.addWidget(self.state)
        layout.addWidget(self.list, 1)

        self.child.currentIndexChanged.connect(lambda _n: self.activate())
        self.jump_button.clicked.connect(self.jump)
        self.write_button.clicked.connect(self.write_note)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.edit_button.clicked.connect(self.edit_entries)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._enable_edit())
        self.model.modelReset.connect(self._enable_edit)
        diary.daysChanged.connect(self._days_changed)
        diary.olderLoaded.connect(lambda child_id, _n: self._days_changed(child_id))
        diary.loadFailed.connect(self._load_failed)
        diary.noteQueued.connect(lambda _id: self._show_queued())
        diary.noteDelivered.connect(lambda _id: self._show_queued())
        diary.noteRefused.connect(self._note_refused)
        diary.noteNotSaved.connect(self._note_not_saved)

    @classmethod
    def from_context(cls, context: PageContext,
                     photo_viewer: ViewerFactory | None = None) -> DiaryPage:
        profile = context.services.profile.profile
        children = [(c.id, c.first_name) for c in profile.children] if profile else []
        weeks = context.services.agenda.policy.diary_retention_weeks
        first_days = {c.id: min((k.start_date for k in c.contracts), default=date.today())
                      for c in (profile.children if profile else ())}
        photos = context.services.photos
        page = cls(context.services.diary, children, date.today(), context.parent,
                   available_until=diary_available_until(profile, weeks),
                   first_days=first_days, photos=photos if photos.available else None,
                   photo_viewer=photo_viewer)
        page._messages = context.messages
        return page

    def child_id(self) -> int | None:
        return self.child.currentData()

    def activate(self, intent: Intent | None = None) -> None:
        """Show the chosen child's diary; an ``OPEN_ITEM`` intent of ``(child_id, day)`` (a
        notification's click) chooses that child and scrolls to that day."""
        if intent is not None and intent.action == OPEN_ITEM and isinstance(intent.item, tuple):
            child_id, day = intent.item
            found = self.child.findData(child_id)
            if found >= 0:
                self._jump_to = day
                if found != self.child.currentIndex():
                    self.child.setCurrentIndex(found)  # which activates for that child
                    return
        child_id = self.child_id()
        if child_id is None:
            self.state.setText(self.tr("There are no children in this account."))
            return
        self.model.show_child(child_id)
        if self.day_photos is not None:
            self.day_photos.show_child(child_id)
        self._diary.diary_changed(child_id)
        self._show_state()
        self._try_jump()

    def jump(self) -> None:
        self._jump_to = self.jump_date.day
        self._try_jump()

    def write_note(self) -> None:
        if self.child_id() is None:
            return
        self.note_dialog = DiaryNoteDialog(self.child.currentText(), self._today, self)
        self.note_dialog.accepted.connect(self._send_note)
        self.note_dialog.open()

    def _open_photos(self, index: QModelIndex) -> None:
        day = index.data(TimelineModel.DAY_ROLE)
        photos = self.day_photos.of_day(day.day) if day and self.day_photos else []
        if photos and self.day_photos is not None:
            self.day_photos.open(photos[0])

    def _photos_changed(self) -> None:
        self.delegate.forget_heights()
        self.list.doItemsLayout()
        self.list.viewport().update()

    def own_entries(self) -> list:
        """The reader's own entries of the chosen day (what they may change)."""
        index = self.list.currentIndex()
        day = index.data(TimelineModel.DAY_ROLE) if index.isValid() else None
        return [e for e in day.entries if e.mine] if day is not None else []

    def edit_entries(self) -> None:
        entries = self.own_entries()
        if not entries:
            return
        self.entries_dialog = OwnEntriesDialog(self._diary, format_weekday_date(entries[0].day),
                                               entries, self)
        self.entries_dialog.open()

    def _enable_edit(self) -> None:
        self.edit_button.setEnabled(bool(self.own_entries()))

    def save_pdf(self) -> None:
        """"Dagboek opslaan als PDF", for the child shown (another can be chosen there)."""
        children = [(child_id, name, self._first_days.get(child_id, self._today))
                    for child_id, name in self._children]
        self.pdf_dialog = DiaryPdfDialog(self._diary, children, self._today, self,
                                         child_id=self.child_id())
        self.pdf_dialog.open()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        self.model.mark_read()  # what changes after this shows as new next time
        super().hideEvent(event)

    def _send_note(self) -> None:
        dialog, child_id = self.note_dialog, self.child_id()
        if dialog is None or child_id is None:
            return
        day, at, text = dialog.note()
        if self._diary.write_note(child_id, day, at, text) is not None:
            self._show_queued()

    def _note_not_saved(self, message: str) -> None:
        if self.note_dialog is not None:
            self.note_dialog.show_problem(message)  # what was typed is still there

    def _note_refused(self, _outbox_id: int, message: str) -> None:
        if self._messages is not None:
            self._messages.show_message(message, source="diary", tone="warning")
        self._show_queued()

    def _try_jump(self) -> None:
        if self._jump_to is None:
            return
        rows = [r for r in range(self.model.rowCount())
                if self.model.index(r).data(TimelineModel.DAY_ROLE).day <= self._jump_to]
        if rows:
            self.list.scrollTo(self.model.index(rows[0]),
                               QAbstractItemView.ScrollHint.PositionAtTop)
            self.list.setCurrentIndex(self.model.index(rows[0]))
            self._jump_to = None
        elif self.model.canFetchMore(self.model.index(-1)):
            self.model.fetchMore(self.model.index(-1))
        else:
            self._jump_to = None

    def _days_changed(self, child_id: int) -> None:
        if child_id == self.child_id():
            if self._messages is not None:
                self._messages.clear("diary")
            self._show_state()
            self._try_jump()

    def _load_failed(self, child_id: int, message: str) -> None:
        if child_id == self.child_id() and self._messages is not None:
            self._messages.show_message(message, source="diary", tone="warning")

    def _show_queued(self) -> None:
        self._show_state()

    def _show_state(self) -> None:
        child_id = self.child_id()
        if child_id is None:
            return
        waiting = len(self._diary.queued_notes(child_id))
        parts = []
        if self.model.rowCount() == 0 and not self._diary.loading(child_id):
            parts.append(self.tr("Nothing has been written in the diary yet."))
        if waiting:
            parts.append(self.tr("Notes waiting for a connection: {count}. They are sent by "
                                 "themselves.").format(count=waiting))
        self.state.setText(" ".join(parts))
        self.state.setVisible(bool(parts))
