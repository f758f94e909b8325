""""Foto's plaatsen" (staff): choose the files (or drop them here), pick or create the
activity, tag the children, confirm. Children without portal photo consent are shown but
cannot be chosen, with the reason. Each file shows its own state, and while it is sent how
many of its bytes went out; a file that did not arrive
is sent again with its own key by "Try again", a refused one says why. Nothing is sent before
"Post" is pressed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.photos.posting import ActivitiesModel, UploadsModel
from desktop.models.shared.records import Activity, Group, TaggableChild
from desktop.views.shared.date_field import DateField, pydate
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.photos.posting import PhotoPostingService

__all__ = ["PHOTO_FILES", "UploadDialog"]

PHOTO_FILES = "*.jpg *.jpeg *.png *.heic *.heif"
_CHIPS_PER_ROW = 4
_BAR_WIDTH = 140


class UploadDelegate(QStyledItemDelegate):
    """A file's row: its name and state, and while it is sent a bar of how far it got."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> None:
        percent = index.data(UploadsModel.ProgressRole)
        if percent is None:
            super().paint(painter, option, index)
            return
        text_option = QStyleOptionViewItem(option)
        text_option.rect = option.rect.adjusted(0, 0, -_BAR_WIDTH - 8, 0)
        super().paint(painter, text_option, index)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.right() - _BAR_WIDTH, option.rect.y() + 2, _BAR_WIDTH,
                         option.rect.height() - 4)
        bar.minimum, bar.maximum, bar.progress = 0, 100, percent
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class UploadDialog(SessionDialog):
    """Posts a batch of photos through :class:`PhotoPostingService`."""

    def __init__(self, posting: PhotoPostingService, groups: list[Group],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadDialog")
        self.setWindowTitle(self.tr("Post photos"))
        self.setAcceptDrops(True)
        self.resize(720, 640)
        self._posting = posting
        self._groups = groups
        self.chips: dict[int, QToolButton] = {}
        self._wanted_activity: int | None = None

        self.activities = ActivitiesModel(self)
        self.activity_box = QComboBox(self)
        self.activity_box.setObjectName("activityChoice")
        self.activity_box.setAccessibleName(self.tr("Activity"))
        self.activity_box.setModel(self.activities)
        self.activity_box.currentIndexChanged.connect(self._activity_chosen)
        self.new_activity_button = QPushButton(self.tr("New activity…"), self)
        self.new_activity_button.setCheckable(True)
        self.new_activity_button.toggled.connect(self._toggle_new_activity)

        self.new_activity = QGroupBox(self.tr("New activity"), self)
        self.group_box = QComboBox(self.new_activity)
        for group in groups:
            self.group_box.addItem(group.name, group.id)
        self.title_edit = QLineEdit(self.new_activity)
        self.title_edit.setMaxLength(100)
        self.title_edit.setPlaceholderText(self.tr("For example: Autumn walk"))
        self.date_edit = DateField(date.today(), parent=self.new_activity)
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.caption_edit = QLineEdit(self.new_activity)
        self.caption_edit.setMaxLength(2000)
        for field, name in ((self.group_box, self.tr("Group")), (self.title_edit, self.tr("Title")),
                            (self.caption_edit, self.tr("Caption"))):
            field.setAccessibleName(name)
        self.create_button = QPushButton(self.tr("Create activity"), self.new_activity)
        self.create_button.clicked.connect(self.create_activity)
        form = QFormLayout(self.new_activity)
        form.addRow(self.tr("Group"), self.group_box)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Caption"), self.caption_edit)
        form.addRow("", self.create_button)
        self.new_activity.hide()

        self.children_box = QGroupBox(self.tr("Children on these photos"), self)
        self.chip_grid = QGridLayout(self.children_box)
        self.children_note = mark(QLabel(self.children_box), "muted")
        self.children_note.setWordWrap(True)

        self.files = UploadsModel(posting.uploads, self)
        self.file_list = QListView(self)
        self.file_list.setObjectName("uploadFiles")
        self.file_list.setAccessibleName(self.tr("Files to post"))
        self.file_list.setModel(self.files)
        self.file_list.setItemDelegate(UploadDelegate(self.file_list))
        self.choose_button = QPushButton(self.tr("Choose photos…"), self)
        self.choose_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        self.status = mark(QLabel(self), "muted")
        self.status.setObjectName("uploadStatus")
        self.status.setWordWrap(True)
        self.post_button = QPushButton(self.tr("Post"), self)
        self.post_button.setObjectName("postPhotos")
        self.post_button.setDefault(True)
        self.post_button.clicked.connect(self.post)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)

        activity_row = QHBoxLayout()
        activity_row.addWidget(QLabel(self.tr("Activity:"), self))
        activity_row.addWidget(self.activity_box, 1)
        activity_row.addWidget(self.new_activity_button)
        files_row = QHBoxLayout()
        files_row.addWidget(self.choose_button)
        files_row.addWidget(self.remove_button)
        files_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.post_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(activity_row)
        layout.addWidget(self.new_activity)
        layout.addWidget(self.children_box)
        layout.addWidget(QLabel(self.tr("Photos (choose them, or drop them here):"), self))
        layout.addWidget(self.file_list, 1)
        layout.addLayout(files_row)
        layout.addLayout(buttons)

        posting.activitiesLoaded.connect(self._activities_loaded)
        posting.childrenLoaded.connect(self._children_loaded)
        posting.activityCreated.connect(self._activity_created)
        posting.uploadChanged.connect(self.files.changed)
        posting.uploadChanged.connect(self._update)
        posting.batchEnded.connect(self._batch_ended)
        posting.problem.connect(self.status.setText)
        posting.load_activities()
        self._update()

    # --- activity -----------------------------------------------------------------------------

    @property
    def activity(self) -> Activity | None:
        return self.activities.activity_at(self.activity_box.currentIndex())

    def _activities_loaded(self, activities: list[Activity]) -> None:
        self.activities.set_activities(activities)
        row = self.activities.row_of(self._wanted_activity) if self._wanted_activity else 0
        self.activity_box.setCurrentIndex(max(row, 0) if activities else -1)
        if not activities:
            self.new_activity_button.setChecked(True)
        self._activity_chosen()

    def _toggle_new_activity(self, shown: bool) -> None:
        self.new_activity.setVisible(shown)

    def create_activity(self) -> None:
        title = self.title_edit.text().strip()
        if not title:
            self.status.setText(self.tr("Give the activity a title."))
            self.title_edit.setFocus()
            return
        self._posting.create_activity(self.group_box.currentData(),
                                      pydate(self.date_edit.date()), title,
                                      self.caption_edit.text().strip() or None)

    def _activity_created(self, activity: Activity) -> None:
        self._wanted_activity = activity.id
        self.new_activity_button.setChecked(False)
        self.title_edit.clear()
        self.caption_edit.clear()
        self._posting.load_activities()

    def _activity_chosen(self, *_args: object) -> None:
        activity = self.activity
        self._set_chips([])
        if activity is not None:
            self._posting.load_children(activity.id)
        self._update()

    # --- children -----------------------------------------------------------------------------

    def _children_loaded(self, activity_id: int, children: list[TaggableChild]) -> None:
        if self.activity is not None and self.activity.id == activity_id:
            self._set_chips(children)

    def _set_chips(self, children: list[TaggableChild]) -> None:
        for chip in self.chips.values():
            self.chip_grid.removeWidget(chip)
            chip.deleteLater()
        self.chips = {}
        without = []
        for n, child in enumerate(children):
            chip = QToolButton(self.children_box)
            chip.setText(f"{child.first_name} {child.last_name}")
            chip.setCheckable(True)
            chip.setAccessibleName(chip.text())
            if not child.portal_consent:
                chip.setEnabled(False)
                chip.setToolTip(self.tr("No consent for photos in the parent portal"))
                without.append(child.first_name)
            self.chip_grid.addWidget(chip, n // _CHIPS_PER_ROW, n % _CHIPS_PER_ROW)
            self.chips[child.id] = chip
        self.chip_grid.addWidget(self.children_note, len(children) // _CHIPS_PER_ROW + 1, 0, 1,
                                 _CHIPS_PER_ROW)
        self.children_note.setText(self.tr(
            "Without consent for photos in the parent portal, so not on these photos: "
            "{names}.").format(names=", ".join(without)) if without else "")
        self.children_note.setVisible(bool(without))

    @property
    def chosen_children(self) -> list[int]:
        return [child_id for child_id, chip in self.chips.items()
                if chip.isEnabled() and chip.isChecked()]

    # --- files --------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Choose photos"), str(Path.home()),
            self.tr("Photos ({patterns})").format(patterns=PHOTO_FILES))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        self._posting.set_files([p for p in paths if p.is_file()])
        self.files.reset()
        self._update()

    def _remove_selected(self) -> None:
        index = self.file_list.currentIndex()
        if index.isValid():
            self._posting.remove(index.row())
            self.files.reset()
            self._update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(url.toLocalFile()) for url in event.mimeData().urls()
                        if url.isLocalFile()])
        event.acceptProposedAction()

    # --- posting ------------------------------------------------------------------------------

    def post(self) -> None:
        activity = self.activity
        if activity is None or not self._to_send():
            return
        self.status.setText(self.tr("Posting…"))
        self._posting.upload(activity, self.chosen_children)
        self._update()

    def _to_send(self) -> int:
        return sum(1 for u in self._posting.uploads if u.state.value in ("waiting", "failed"))

    def _batch_ended(self) -> None:
        states = [u.state.value for u in self._posting.uploads]
        done, refused, failed = (states.count(s) for s in ("done", "refused", "failed"))
        text = self.tr("Posted: {done}.").format(done=done)
        if refused:
            text += " " + self.tr("Not posted: {n} (see the reason per photo).").format(
                n=refused)
        if failed:
            text += " " + self.tr("Did not arrive: {n}. Use “Try again”.").format(n=failed)
        self.status.setText(text)
        self._posting.load_activities()  # the photo counts
        self._update()

    def _update(self, *_args: object) -> None:
        sending = self._posting.sending
        failed = any(u.state.value == "failed" for u in self._posting.uploads)
        self.post_button.setText(self.tr("Try again") if failed else self.tr("Post"))
        self.post_button.setEnabled(not sending and self.activity is not None
                                    and self._to_send() > 0)
        self.choose_button.setEnabled(not sending)
        self.remove_button.setEnabled(not sending)

    def done(self, result: int) -> None:
        if not self._posting.sending:
            self._posting.clear()
        super().done(result)
