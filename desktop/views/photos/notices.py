"""What the photo service reports in the main window before (and besides) the Foto's page: a
listing that could not be loaded, or a photo that could not be saved, in the message bar with
"Try again" until the next sync succeeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import PageContext

if TYPE_CHECKING:
    from desktop.services.photos.service import PhotosService

__all__ = ["PhotosNotices"]


class PhotosNotices(QObject):
    """Lives as long as its parent (the main window): the services outlive every window."""

    def __init__(self, photos: PhotosService, messages: MessageBar, parent: QObject) -> None:
        super().__init__(parent)
        self._photos = photos
        self._messages = messages
        photos.problem.connect(self._problem)
        photos.problemSolved.connect(self._solved)

    @classmethod
    def attach(cls, context: PageContext) -> None:
        cls(context.services.photos, context.messages, context.parent)

    def _problem(self, text: str) -> None:
        self._messages.show_message(text, source="photos", action_text=self.tr("Try again"),
                                    action=self._photos.refresh)

    def _solved(self) -> None:
        self._messages.clear("photos")
