"""Posting photos (staff and managers): the activities of a group, an activity's photos with
the parents' hearts on each, the children that can be tagged, a new activity, and uploading a
batch of files one by one.

Every file gets its own idempotency key when it is added to the batch and keeps it through
every retry, so a file whose answer was lost is stored once (docs/api.md, "Photos"). Nothing
is sent before the staff member confirms (:meth:`PhotoPostingService.upload`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.api.core.errors import ConnectionProblem, PortalError, RuleViolation
from desktop.api.core.transport import new_idempotency_key
from desktop.api.photos.records import Activity
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, ExpectedError, TaskRunner

__all__ = ["PhotoPostingService", "Upload", "UploadState"]


class UploadState(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    DONE = "done"
    #: the portal refused this file (its type, size, pixels, a damaged file, a tag)
    REFUSED = "refused"
    #: it did not arrive (offline, the portal failing): retry with the same key
    FAILED = "failed"


@dataclass
class Upload:
    """One file of a batch, with the key it keeps through every retry; while sending, how
    many of its bytes went out (``sent`` of ``total``)."""

    path: Path
    key: str = field(default_factory=new_idempotency_key)
    state: UploadState = UploadState.WAITING
    message: str = ""
    sent: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return 100 * self.sent // self.total if self.total else 0


class PhotoPostingService(QObject):
    """Signals: ``activitiesLoaded(list[Activity])``, ``activityPhotosLoaded(activity_id,
    list[Photo])`` (each with its ``heart_count``), ``childrenLoaded(activity_id, list)``,
    ``activityCreated(Activity)``, ``uploadChanged(index)`` when a file of the batch changed
    state or sent another percent of its bytes, ``batchEnded()``, and ``problem(message)``
    (translated)."""

    activitiesLoaded = Signal(list)
    activityPhotosLoaded = Signal(int, list)
    childrenLoaded = Signal(int, list)
    activityCreated = Signal(object)
    uploadChanged = Signal(int)
    batchEnded = Signal()
    problem = Signal(str)

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self.uploads: list[Upload] = []
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)

    @property
    def sending(self) -> bool:
        return self._tasks.running("upload")

    # --- activities and children --------------------------------------------------------------

    def load_activities(self) -> None:
        self._tasks.run("activities", self._load_activities(), self._failed)

    def load_photos(self, activity_id: int) -> None:
        """An activity's photos (a later call for another activity replaces this one)."""
        self._tasks.run("photos", self._load_photos(activity_id), self._failed)

    def load_children(self, activity_id: int) -> None:
        self._tasks.run("children", self._load_children(activity_id), self._failed)

    def create_activity(self, group_id: int, day: date, title: str, caption: str | None) -> None:
        key = new_idempotency_key()
        self._tasks.run("create", self._create(group_id, day, title, caption, key),
                        self._failed)

    async def _load_activities(self) -> None:
        activities = await self._session.request(lambda c: c.photos.activities())
        self.activitiesLoaded.emit(activities)

    async def _load_photos(self, activity_id: int) -> None:
        photos = await self._session.request(lambda c: c.photos.activity_photos(activity_id))
        self.activityPhotosLoaded.emit(activity_id, photos)

    async def _load_children(self, activity_id: int) -> None:
        children = await self._session.request(lambda c: c.photos.children(activity_id))
        self.childrenLoaded.emit(activity_id, children)

    async def _create(self, group_id: int, day: date, title: str, caption: str | None,
                      key: str) -> None:
        activity = await self._session.request(
            lambda c: c.photos.create_activity(group_id, day, title, caption, key))
        self.activityCreated.emit(activity)

    # --- the batch ----------------------------------------------------------------------------

    def set_files(self, paths: list[Path]) -> None:
        """The batch to post: each file once, in the order chosen (nothing is sent yet)."""
        known = {u.path for u in self.uploads}
        self.uploads.extend(Upload(Path(p)) for p in paths if Path(p) not in known)

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.uploads) and self.uploads[index].state is not \
                UploadState.SENDING:
            del self.uploads[index]

    def clear(self) -> None:
        if not self.sending:
            self.uploads.clear()

    def upload(self, activity: Activity, child_ids: list[int]) -> None:
        """Send every file not sent yet (waiting or failed) into ``activity``, tagged with
        ``child_ids``; a failed file is sent again with its own key."""
        self._tasks.run("upload", self._upload(activity, list(child_ids)), self._failed)

    async def _upload(self, activity: Activity, child_ids: list[int]) -> None:
        try:
            for index, item in enumerate(self.uploads):
                if item.state not in (UploadState.WAITING, UploadState.FAILED):
                    continue
                self._set(index, UploadState.SENDING)
                try:
                    data = await asyncio.to_thread(item.path.read_bytes)
                except OSError as exc:
                    self._set(index, UploadState.REFUSED, self.tr(
                        "This file cannot be read: {reason}").format(
                            reason=exc.strerror or exc))
                    continue
                try:
                    await self._session.request(lambda c, d=data, k=item.key, i=index:
                                                c.photos.upload(activity.id, d, child_ids, k,
                                                                self._progress(i)))
                except RuleViolation as refused:
                    self._set(index, UploadState.REFUSED, refused.detail or refused.code)
                except (ConnectionProblem, PortalError) as error:
                    self._set(index, UploadState.FAILED, user_message(error))
                    if isinstance(error, ConnectionProblem):
                        self._fail_the_rest(error)
                        return
                else:
                    self._set(index, UploadState.DONE)
        finally:
            self.batchEnded.emit()

    def _progress(self, index: int) -> Callable[[int, int], None]:
        """Follows one file's bytes; the view hears of each new percent, not of each chunk."""
        def sent(done: int, total: int) -> None:
            item = self.uploads[index] if index < len(self.uploads) else None
            if item is None or item.state is not UploadState.SENDING:
                return
            before = item.percent if item.total == total else -1
            item.sent, item.total = done, total
            if item.percent != before:
                self.uploadChanged.emit(index)
        return sent

    def _fail_the_rest(self, error: PortalError) -> None:
        for index, item in enumerate(self.uploads):
            if item.state is UploadState.WAITING:
                self._set(index, UploadState.FAILED, user_message(error))

    def _set(self, index: int, state: UploadState, message: str = "") -> None:
        self.uploads[index].state = state
        self.uploads[index].message = message
        self.uploads[index].sent = 0
        self.uploadChanged.emit(index)

    # --- outcome ------------------------------------------------------------------------------

    def _failed(self, error: ExpectedError) -> None:
        if self._session.account is not None:
            self.problem.emit(user_message(error))

    def _logged_out(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self.uploads.clear()

    async def aclose(self) -> None:
        await self._tasks.drain()
