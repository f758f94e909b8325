"""News: what the portal publishes for this account's organisation, locations and groups,
fetched when the session starts and every few minutes while logged in, and marked read when
it is opened; an item's picture and attachment downloaded (once, verified, into the
account's cache) when it is shown or opened; staff and managers publish (for the audiences
the portal offers them), with a picture and an attachment uploaded first."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from desktop.api.core.errors import PortalError, ProblemResponse, SessionExpired
from desktop.api.core.transport import new_idempotency_key
from desktop.api.messages.records import Attachment
from desktop.api.news.records import NewsDraft, NewsList
from desktop.cache.disk import DiskProblem
from desktop.services.session.service import SessionService
from desktop.services.shared.blob_downloads import BlobDownloads, download_blob
from desktop.services.shared.errors import user_message
from desktop.services.shared.files import copy_atomically
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["POLL_MS", "NewsService"]

#: How often the news is fetched again while logged in.
POLL_MS = 5 * 60 * 1000


class NewsService(QObject):
    """Signals: ``newsChanged(NewsList)``; ``unreadChanged(int)``; ``newsArrived(NewsItem)``
    for an unread item that was not there at the previous fetch; ``problem(message)`` /
    ``problemSolved()``. Publishing: ``audiencesChanged(PublishAudiences)`` /
    ``audiencesFailed(message)``; ``published(NewsItem)``, then the item is in the list;
    ``publishRefused(message, {field: message})`` — the portal's field errors (``image`` and
    ``attachment`` for a refused file), or none when it could not be reached. Files:
    ``fileReady(file id, local path)``, ``pictureReady(file id, QImage)`` (decoded off the
    GUI thread) / ``fileFailed(file id, message)``."""

    newsChanged = Signal(object)
    unreadChanged = Signal(int)
    newsArrived = Signal(object)
    problem = Signal(str)
    problemSolved = Signal()
    audiencesChanged = Signal(object)
    audiencesFailed = Signal(str)
    published = Signal(object)
    publishRefused = Signal(str, dict)
    fileReady = Signal(int, str)
    pictureReady = Signal(int, object)
    fileFailed = Signal(int, str)

    def __init__(self, session: SessionService, *, poll_ms: int = POLL_MS,
                 on_crash: CrashHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._downloads = BlobDownloads()
        self._news: NewsList | None = None
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)

    @property
    def news(self) -> NewsList | None:
        return self._news

    @property
    def unread(self) -> int:
        return 0 if self._news is None else self._news.unread

    def set_poll_interval(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def refresh(self) -> None:
        if self._session.account is not None:
            self._tasks.run("news", self._refresh(), self._failed)

    def live_event(self, kind: str, _data: dict) -> None:
        """An event of the portal's stream (:class:`desktop.services.live.LiveUpdates`)."""
        if kind in ("news", "resync"):
            self.refresh()

    def mark_read(self, news_id: int) -> None:
        item = next((n for n in self._news.items if n.id == news_id), None) if self._news \
            else None
        if item is not None and not item.read:
            self._tasks.run(f"read-{news_id}", self._mark_read(news_id), self._failed)

    @staticmethod
    def publication_key() -> str:
        """A new idempotency key: one per item being written (the dialog keeps it)."""
        return new_idempotency_key()

    def load_audiences(self) -> None:
        """Fetch what this user may publish for (``audiencesChanged``)."""
        self._tasks.run("audiences", self._audiences(), self._audiences_failed)

    def publish(self, draft: NewsDraft, idempotency_key: str) -> None:
        """Publish ``draft`` under ``idempotency_key`` (the same for every try of one item:
        after a lost answer the portal keeps it once)."""
        self._tasks.run("publish", self._publish(draft, idempotency_key), self._refused)

    def fetch_file(self, file: Attachment) -> None:
        """Download (once) and verify an item's attachment (``fileReady``)."""
        self._tasks.run(f"file-{file.id}", self._fetch(file),
                        lambda error: self._file_failed(file.id, error))

    def fetch_picture(self, picture: Attachment) -> None:
        """Download (once), verify and decode an item's picture (``pictureReady``)."""
        self._tasks.run(f"picture-{picture.id}", self._fetch_picture(picture),
                        lambda error: self._file_failed(picture.id, error))

    def save_file(self, source: Path, target: Path) -> str | None:
        """Copy a downloaded file to where the user chose; a message when the disk refused."""
        return copy_atomically(source, target)

    async def aclose(self) -> None:
        self._timer.stop()
        await self._tasks.drain()
        await self._downloads.aclose()

    async def _refresh(self) -> None:
        news = await self._session.request(lambda client: client.news.list())
        known = None if self._news is None else {n.id for n in self._news.items}
        self._set(news)
        if known is not None:
            for item in news.items:
                if item.id not in known and not item.read:
                    self.newsArrived.emit(item)

    async def _mark_read(self, news_id: int) -> None:
        updated = await self._session.request(lambda client: client.news.mark_read(news_id))
        if self._news is not None:
            was = next((n for n in self._news.items if n.id == news_id), None)
            items = tuple(updated if n.id == news_id else n for n in self._news.items)
            unread = self._news.unread - (1 if was is not None and not was.read else 0)
            self._set(NewsList(items, max(0, unread)))

    async def _audiences(self) -> None:
        audiences = await self._session.request(lambda client: client.news.audiences())
        self.audiencesChanged.emit(audiences)

    async def _fetch(self, file: Attachment) -> None:
        path = await self._download(file)
        if path is not None:
            self.fileReady.emit(file.id, str(path))

    async def _fetch_picture(self, picture: Attachment) -> None:
        path = await self._download(picture)
        if path is not None:
            # A 1,600-pixel JPEG takes tens of milliseconds to decode: not on the GUI thread.
            self.pictureReady.emit(picture.id, await asyncio.to_thread(QImage, str(path)))

    async def _download(self, file: Attachment) -> Path | None:
        cache = self._session.cache
        if cache is None:
            return None
        blobs, name = cache.blobs, f"news-{file.sha256}"
        return await self._downloads.fetch(name, lambda: self._session.request(
            lambda client: download_blob(blobs, name, file.size, file.sha256,
                                         lambda offset: client.news.download(file, offset))))

    async def _publish(self, draft: NewsDraft, idempotency_key: str) -> None:
        # Each upload's key follows from the item's and the file's bytes: a retry after a
        # lost answer finds the same upload, another file chosen meanwhile is a new one.
        image = attachment = None
        if draft.image is not None:
            key = f"{idempotency_key}-image-{draft.image.sha256[:16]}"
            image = await self._session.request(
                lambda client: client.news.upload_image(draft.image, key))
        if draft.attachment is not None:
            key = f"{idempotency_key}-attachment-{draft.attachment.sha256[:16]}"
            attachment = await self._session.request(
                lambda client: client.news.upload_attachment(draft.attachment, key))
        item = await self._session.request(lambda client: client.news.publish(
            draft, idempotency_key, image and image.id, attachment and attachment.id))
        if self._news is not None:  # one's own item is read and never notified
            items = sorted((*(n for n in self._news.items if n.id != item.id), item),
                           key=lambda n: (n.published_at, n.id), reverse=True)
            self._set(NewsList(tuple(items), self._news.unread))
        self.published.emit(item)

    def _audiences_failed(self, error: PortalError) -> None:
        if self._session.account is not None and not isinstance(error, SessionExpired):
            self.audiencesFailed.emit(user_message(error))

    def _refused(self, error: PortalError) -> None:
        if self._session.account is None or isinstance(error, SessionExpired):
            return
        fields: dict[str, str] = {}
        if isinstance(error, ProblemResponse) and error.code == "validation_error":
            for entry in error.extra.get("errors") or ():
                if isinstance(entry, dict) and isinstance(entry.get("field"), str):
                    fields.setdefault(entry["field"].split(".")[0], str(entry.get("message")))
        elif isinstance(error, ProblemResponse) and (field := _file_field(error)):
            fields[field] = user_message(error)
        self.publishRefused.emit(user_message(error), fields)

    def _file_failed(self, file_id: int, error: PortalError | DiskProblem) -> None:
        if self._session.account is not None and not isinstance(error, SessionExpired):
            self.fileFailed.emit(file_id, user_message(error))

    def _set(self, news: NewsList) -> None:
        self._news = news
        self.newsChanged.emit(news)
        self.unreadChanged.emit(news.unread)
        if self._failing:
            self._failing = False
            self.problemSolved.emit()

    def _failed(self, error: PortalError) -> None:
        if self._session.account is None or isinstance(error, SessionExpired):
            return
        self._failing = True
        self.problem.emit(user_message(error))

    def _logged_in(self, _account: object) -> None:
        self.refresh()
        self._timer.start()

    def _logged_out(self, *_args: object) -> None:
        self._timer.stop()
        self._tasks.cancel_all()
        self._downloads.cancel_all()
        self._news = None
        self._failing = False
        self.unreadChanged.emit(0)


def _file_field(error: ProblemResponse) -> str | None:
    """The dialog's field a refusal of an upload belongs to (docs/api.md, "News")."""
    if error.code.startswith("photo_"):
        return "image"
    if error.code.startswith("attachment_"):
        return "attachment"
    if error.code == "news_file_invalid":
        return "image" if error.extra.get("field") == "image_id" else "attachment"
    return None
