"""The staff's Foto's section: the activities of their groups (newest first, with the number of
photos and hearts), the chosen activity's photos in the photo grid with the parents' hearts on
each, the viewer, and "Foto's plaatsen…".

The grid is the parents' machinery (:class:`PhotoGridModel` over the thumbnail cache,
:class:`PhotoGridView`, the files through :class:`PhotosService`); each photo carries its
``heart_count``, shown on its cell and in the viewer — nothing when the organisation has
hearts off (docs/api.md, "Hearts").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models.photos.grid import PhotoGridModel
from desktop.models.photos.posting import ActivitiesModel
from desktop.models.photos.thumbnails import ThumbnailCache
from desktop.models.shared.records import Activity, Photo, PhotoListing, Rendition
from desktop.views.photos.grid_view import THUMBNAIL, open_in_viewer, photo_grid
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.photos.posting import PhotoPostingService
    from desktop.services.photos.service import PhotosService
    from desktop.services.profile import ProfileService
    from desktop.views.photos.upload_dialog import UploadDialog
    from desktop.views.photos.viewer import PhotoViewer

__all__ = ["StaffPhotosPage"]


class StaffPhotosPage(QWidget):
    def __init__(self, posting: PhotoPostingService, photos: PhotosService,
                 profile: ProfileService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffPhotosPage")
        self._posting = posting
        self._photos = photos
        self._profile = profile
        self.dialog: UploadDialog | None = None
        self.viewer: PhotoViewer | None = None
        self.activity: Activity | None = None
        self.activities = ActivitiesModel(self)
        title = mark(QLabel(self.tr("Photos"), self), "heading")
        self.post_button = QPushButton(self.tr("Post photos…"), self)
        self.post_button.setObjectName("openUpload")
        self.post_button.clicked.connect(self.open_upload)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.post_button)
        self.note = mark(QLabel(self.tr(
            "Photos of what your groups did. Parents see a photo only of their own children "
            "who are tagged on it and whose parents gave consent for photos in the parent "
            "portal."), self), "muted")
        self.note.setWordWrap(True)
        self.list = QListView(self)
        self.list.setObjectName("activityList")
        self.list.setAccessibleName(self.tr("Activities"))
        self.list.setModel(self.activities)
        self.list.setWordWrap(True)  # a long title wraps instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self._activity_chosen)

        self.thumbnails = ThumbnailCache(THUMBNAIL, parent=self)
        self.model = PhotoGridModel(
            self.thumbnails, lambda photo: photos.cached_path(photo, Rendition.THUMBNAIL),
            lambda photo: photos.want(photo, Rendition.THUMBNAIL), self)
        self.grid = photo_grid(self)
        self.grid.setAccessibleName(self.tr("Photos of the activity"))
        self.grid.setModel(self.model)
        self.grid.activated.connect(self._open)
        self.grid.doubleClicked.connect(self._open)
        self.grid_note = mark(QLabel(self.tr("Choose an activity to see its photos."), self),
                              "muted")
        self.grid_note.setObjectName("activityPhotosNote")
        self.grid_note.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.grid_note)
        right_layout.addWidget(self.grid, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        posting.activitiesLoaded.connect(self._loaded)
        posting.activityPhotosLoaded.connect(self._photos_loaded)
        posting.batchEnded.connect(self._batch_ended)
        photos.fileReady.connect(self.model.file_ready)
        photos.fileMissing.connect(self.model.file_missing)

    @classmethod
    def from_context(cls, context: PageContext) -> StaffPhotosPage:
        return cls(context.services.photo_posting, context.services.photos,
                   context.services.profile, context.parent)

    def activate(self, intent: Intent | None = None) -> None:
        self._posting.load_activities()

    def _loaded(self, activities: list[Activity]) -> None:
        """The activities, the chosen one staying chosen with its new numbers; on opening
        (or when the chosen one is gone) the newest is chosen, so the page never opens on an
        empty grid."""
        chosen = self.activity.id if self.activity is not None else None
        self.activities.set_activities(activities)
        row = self.activities.row_of(chosen) if chosen is not None else -1
        if row < 0 and activities:
            newest = max(activities, key=lambda a: (a.date, a.id))
            row = self.activities.row_of(newest.id)
        if row >= 0:
            self.list.setCurrentIndex(self.activities.index(row))

    # --- the chosen activity's photos ---------------------------------------------------------

    def show_activity(self, activity: Activity) -> None:
        """Load ``activity``'s photos into the grid."""
        if self.activity is None or self.activity.id != activity.id:
            self.model.set_listing(None)
            self.grid_note.setText(self.tr("Loading the photos…"))
            self.grid_note.show()
        self.activity = activity
        self._posting.load_photos(activity.id)

    def _activity_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        activity = self.activities.activity_at(current.row())
        if activity is not None:
            self.show_activity(activity)

    def _photos_loaded(self, activity_id: int, photos: list[Photo]) -> None:
        if self.activity is None or activity_id != self.activity.id:
            return  # another activity was chosen meanwhile
        self.model.set_listing(PhotoListing(tuple(photos), None))
        self.grid_note.setText("" if photos else self.tr("This activity has no photos yet."))
        self.grid_note.setVisible(not photos)

    def _batch_ended(self) -> None:
        """New photos were posted: the numbers and the grid follow."""
        self._posting.load_activities()
        if self.activity is not None:
            self._posting.load_photos(self.activity.id)

    def _open(self, index: QModelIndex) -> None:
        self.open_row(index.row())

    def open_row(self, row: int) -> None:
        self.viewer = open_in_viewer(self.viewer, self._photos, self.model, row, self)

    def open_upload(self) -> None:
        if self.dialog is None:
            from desktop.views.photos.upload_dialog import UploadDialog

            profile = self._profile.profile
            groups = list(profile.groups) if profile is not None else []
            self.dialog = UploadDialog(self._posting, groups, self)
        self.dialog.show()
        self.dialog.raise_()
