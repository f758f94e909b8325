"""The staff's Foto's section: the activities of their groups (newest first, with the number of
photos) and "Foto's plaatsen…"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from desktop.models.photos.posting import ActivitiesModel
from desktop.models.shared.records import Activity
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.photos.posting import PhotoPostingService
    from desktop.services.profile import ProfileService
    from desktop.views.photos.upload_dialog import UploadDialog

__all__ = ["StaffPhotosPage"]


class StaffPhotosPage(QWidget):
    def __init__(self, posting: PhotoPostingService, profile: ProfileService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffPhotosPage")
        self._posting = posting
        self._profile = profile
        self.dialog: UploadDialog | None = None
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
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        posting.activitiesLoaded.connect(self._loaded)

    @classmethod
    def from_context(cls, context: PageContext) -> StaffPhotosPage:
        return cls(context.services.photo_posting, context.services.profile, context.parent)

    def activate(self, intent: Intent | None = None) -> None:
        self._posting.load_activities()

    def _loaded(self, activities: list[Activity]) -> None:
        self.activities.set_activities(activities)

    def open_upload(self) -> None:
        if self.dialog is None:
            from desktop.views.photos.upload_dialog import UploadDialog

            profile = self._profile.profile
            groups = list(profile.groups) if profile is not None else []
            self.dialog = UploadDialog(self._posting, groups, self)
        self.dialog.show()
        self.dialog.raise_()
