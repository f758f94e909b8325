"""The family's photos — also offline.

After login the listing kept in the cache is read in a worker thread and shown in one step
(:mod:`desktop.cache.photo_listing`), and synced (``GET /photos``, every page); the synced
listing is made into the cache's lines in a worker too. What is no longer listed — consent
withdrawn, a tag removed, the photo period over — leaves the cache at that sync, files
included. Thumbnails are fetched as the grid asks for them (newest request first: what is on
screen) and in the background after a sync, within the byte budget of
:mod:`desktop.services.photos.budget`; screen copies when the viewer shows one; originals only
to save them. One download per file (:mod:`desktop.services.shared.blob_downloads`). On a
shared PC the session wipes the account folder at logout, photos included.

The portal's ``photos`` event (:meth:`PhotosService.live_event`) syncs the listing; a burst
of them (staff uploading twenty photos, each its own request and event) is one sync, a
moment after the last (``live_delay_ms``). What a sync lists that the previous sync of this
session did not is told as ``photosArrived``, one activity at a time; the first sync after
login tells nothing (what came while the app was closed is not news to notify).

One piece: the listing, the cache that mirrors it and the downloads it drives change
together at every sync (what leaves the listing leaves the cache and the download queue).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from desktop.api.core.errors import ConnectionProblem, NotFound, SessionExpired
from desktop.api.core.transport import new_idempotency_key
from desktop.api.photos.records import RENDITIONS, Photo, PhotoListing, Rendition
from desktop.cache.blobs import BlobCorrupt, BlobStore
from desktop.cache.photo_listing import listing_lines, read_photo_listing
from desktop.cache.store import AccountCache
from desktop.services.live import SYNC_ALL
from desktop.services.photos.budget import (
    DEFAULT_BUDGET_MB,
    enforce_budget,
    forget_all_but,
    touch,
)
from desktop.services.photos.names import numbered, readable_name
from desktop.services.photos.save_all import photo_items
from desktop.services.session.account import STAFF_ROLES
from desktop.services.session.service import SessionService
from desktop.services.shared.blob_downloads import BlobDownloads, download_blob
from desktop.services.shared.errors import user_message
from desktop.services.shared.files import copy_atomically
from desktop.services.shared.long_lived import collections_paused
from desktop.services.shared.save_folder import SaveItem, SaveOutcome, save_into_folder
from desktop.services.shared.tasks import CrashHandler, ExpectedError, TaskRunner

__all__ = ["BUDGET_SETTING", "LIVE_DELAY_MS", "THUMBNAIL_CONCURRENCY", "PhotosService",
           "read_cached_listing"]

#: Thumbnails fetched at the same time.
THUMBNAIL_CONCURRENCY = 6
#: QSettings key of the offline budget in megabytes (thumbnails and screen copies).
BUDGET_SETTING = "photos/offline_budget_mb"
#: How long after the last ``photos`` event the listing is synced (a batch upload is one sync).
LIVE_DELAY_MS = 3000


class PhotosService(QObject):
    """The photo listing and its files for the logged-in parent.

    Signals: ``listingChanged(PhotoListing | None)``; ``fileReady(photo_id, rendition, path)``
    when a thumbnail or screen copy is on disk; ``fileMissing(photo_id, rendition)`` when it
    could not be fetched (offline); ``originalSaved(path)`` answering :meth:`save_original`;
    ``saveAllProgress(done, total)`` and ``saveAllEnded(SaveOutcome | None)`` (None:
    cancelled) for :meth:`save_all`; ``photoChanged(Photo)`` when the parent's heart on it
    changed (:meth:`set_heart`); ``photosArrived(photos)`` — the photos of one activity that
    a sync listed for the first time in this session (see the module); ``problem(message)``
    (translated) and ``problemSolved()``.
    """

    listingChanged = Signal(object)
    fileReady = Signal(int, str, str)
    fileMissing = Signal(int, str)
    originalSaved = Signal(str)
    saveAllProgress = Signal(int, int)
    saveAllEnded = Signal(object)
    photoChanged = Signal(object)
    photosArrived = Signal(list)
    problem = Signal(str)
    problemSolved = Signal()

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 settings: QSettings | None = None, live_delay_ms: int = LIVE_DELAY_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings
        self._tasks = TaskRunner(on_crash)
        self._downloads = BlobDownloads()
        self._listing: PhotoListing | None = None
        self._wanted: list[tuple[Photo, Rendition]] = []  # newest request last
        self._queued: set[tuple[int, Rendition]] = set()
        self._failing = False
        # One key per wish, so a retried heart is one heart (docs/api.md, "Idempotency").
        self._heart_keys: dict[tuple[int, bool], str] = {}
        # Hearts the portal answered since the running sync asked for its listing: newer
        # than that listing, so they win over it.
        self._fresh_hearts: dict[int, bool] = {}
        self._kept: PhotoListing | None = None  # the listing the cache holds
        self._keeping = asyncio.Lock()
        self._synced_ids: set[int] | None = None  # listed by this session's previous sync
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(live_delay_ms)
        self._live.timeout.connect(self._live_sync)
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)
        session.connection.onlineChanged.connect(self._online_changed)

    # --- state --------------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether this account has the parents' Foto's section (staff post instead)."""
        account = self._session.account
        return account is not None and account.role not in STAFF_ROLES

    @property
    def listing(self) -> PhotoListing | None:
        return self._listing

    @property
    def budget_bytes(self) -> int:
        settings = self._settings or QSettings()
        try:
            megabytes = int(settings.value(BUDGET_SETTING, DEFAULT_BUDGET_MB))
        except (TypeError, ValueError):
            megabytes = DEFAULT_BUDGET_MB
        return max(megabytes, 1) * 1024 * 1024

    def readable_name(self, photo: Photo) -> str:
        """The name to save ``photo`` under (:mod:`desktop.services.photos.names`)."""
        listing = self._listing.photos if self._listing is not None else (photo,)
        return readable_name(photo, numbered(listing).get(photo.id, 1))

    def cached_path(self, photo: Photo, rendition: Rendition) -> Path | None:
        """The file of a thumbnail or screen copy on this computer (marked as viewed), or
        None."""
        blobs = self._blobs()
        file = photo.file(rendition)
        path = None if blobs is None else blobs.path(file.blob_name, file.size)
        if path is not None:
            touch(path)
        return path

    # --- actions ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.available:
            self._tasks.run("sync", self._sync(), self._failed)

    def set_live_delay(self, ms: int) -> None:
        self._live.setInterval(ms)

    def live_event(self, kind: str, _data: dict) -> None:
        """An event of the portal's stream (:class:`desktop.services.live.LiveUpdates`):
        ``photos`` syncs the listing a moment after the last one; a reconnection at once
        (after the sync under way, if one is: the sync at login)."""
        if not self.available:
            return
        if kind == "photos":
            self._live.start()
        elif kind == SYNC_ALL:
            self._live_sync()

    def _live_sync(self) -> None:
        # A sync under way is not cancelled (it may be keeping its listing in the cache):
        # the next one starts a moment after it, and sees the change.
        if self._tasks.running("sync"):
            self._live.start()
        else:
            self.refresh()

    def want(self, photo: Photo, rendition: Rendition = Rendition.THUMBNAIL) -> None:
        """Fetch a thumbnail or screen copy; ``fileReady`` (or ``fileMissing``) answers. The
        newest wish is fetched first: the photos on screen now."""
        if (photo.id, rendition) in self._queued:
            return
        self._queued.add((photo.id, rendition))
        self._wanted.append((photo, rendition))
        if not self._tasks.running("files"):
            self._tasks.run("files", self._fetch_wanted(), self._failed)

    def save_original(self, photo: Photo, target: Path) -> None:
        """Fetch the original (verified against the server's SHA-256) and save it as
        ``target``; ``originalSaved`` or ``problem`` answers."""
        self._tasks.run(f"save-{photo.id}", self._save_original(photo, Path(target)),
                        self._failed)

    def set_heart(self, photo: Photo, hearted: bool) -> None:
        """Put the parent's heart on ``photo`` or take it off (docs/api.md, "Hearts");
        ``photoChanged`` answers with the photo as it is now, ``problem`` when the portal
        could not be reached. A photo of an organisation without hearts has none to set."""
        if photo.hearted is None:
            return
        key = self._heart_keys.setdefault((photo.id, hearted), new_idempotency_key())
        self._tasks.run(f"heart-{photo.id}", self._set_heart(photo, hearted, key), self._failed)

    def save_all(self, photos: list[Photo], folder: Path) -> None:
        """Save every photo of ``photos`` into ``folder`` (:mod:`.save_all`)."""
        self._tasks.run("save-all", self._save_all(photos, Path(folder)), self._save_all_failed)

    def save_items(self, photos: list[Photo]) -> list[SaveItem]:
        """``photos`` as items of a folder save (:mod:`desktop.services.shared.save_folder`):
        each original fetched verified when its turn comes, and let go once copied."""
        blobs = self._blobs()
        if blobs is None:
            return []
        return photo_items(photos, lambda photo: self._file(blobs, photo, Rendition.ORIGINAL),
                           lambda photo: blobs.delete(photo.file(Rendition.ORIGINAL).blob_name))

    @property
    def saving_all(self) -> bool:
        return self._tasks.running("save-all")

    def cancel_save_all(self) -> None:
        """Stop between two photos; what was saved stays, a next run adds the rest."""
        if self._tasks.running("save-all"):
            self._tasks.cancel("save-all")
            self.saveAllEnded.emit(None)

    async def aclose(self) -> None:
        self._live.stop()
        await self._tasks.drain()
        await self._downloads.aclose()

    # --- sync ---------------------------------------------------------------------------------

    async def _sync(self) -> None:
        cache = self._session.cache
        self._fresh_hearts = {}
        listing = await self._session.request(lambda client: client.photos.listing())
        if cache is None or cache is not self._session.cache:
            return  # logged out while the answer was on its way
        # What a sync of 20,000 photos does with them besides keeping them costs tens of
        # milliseconds each (comparing, a folder listing, a stat per thumbnail): in a worker.
        changed, missing = await asyncio.to_thread(_tidy, cache.blobs, listing, self._listing,
                                                   self.budget_bytes)
        if cache is not self._session.cache:
            return
        if self._fresh_hearts:
            fresh = self._fresh_hearts
            listing = replace(listing, photos=tuple(
                replace(p, hearted=fresh[p.id]) if p.id in fresh else p
                for p in listing.photos))
            changed = listing != self._listing
        if changed:  # (compared in the worker already)
            self._listing = listing
            self.listingChanged.emit(listing)
        self._tell_arrived(listing)
        await self._keep(cache)
        self._solved()
        for photo in reversed(missing):
            self.want(photo)

    def _tell_arrived(self, listing: PhotoListing) -> None:
        known, self._synced_ids = self._synced_ids, {p.id for p in listing.photos}
        if known is None:
            return
        by_activity: dict[int, list[Photo]] = {}
        for photo in listing.photos:  # newest activity first, as listed
            if photo.id not in known:
                by_activity.setdefault(photo.activity_id, []).append(photo)
        for photos in by_activity.values():
            self.photosArrived.emit(photos)

    async def _fetch_wanted(self) -> None:
        async def worker() -> None:
            while self._wanted:
                photo, rendition = self._wanted.pop()
                blobs = self._blobs()
                if blobs is None:  # logged out meanwhile
                    self._wanted.clear()
                    return
                try:
                    path = await self._file(blobs, photo, rendition)
                except (ConnectionProblem, BlobCorrupt):
                    self.fileMissing.emit(photo.id, rendition.value)
                    continue
                except NotFound:
                    # Hidden meanwhile (consent withdrawn, tag removed): the sync drops it.
                    self.fileMissing.emit(photo.id, rendition.value)
                    self.refresh()
                    continue
                finally:
                    self._queued.discard((photo.id, rendition))
                self.fileReady.emit(photo.id, rendition.value, str(path))

        # A wish made while the last workers finish is picked up by the next round.
        while self._wanted:
            workers = [asyncio.ensure_future(worker()) for _ in range(THUMBNAIL_CONCURRENCY)]
            try:
                await asyncio.gather(*workers)
            finally:
                for task in workers:
                    task.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
        blobs = self._blobs()
        if blobs is not None:
            enforce_budget(blobs.directory, self.budget_bytes)

    async def _file(self, blobs: BlobStore, photo: Photo, rendition: Rendition) -> Path:
        file = photo.file(rendition)
        return await self._downloads.fetch(file.blob_name, lambda: self._session.request(
            lambda client: download_blob(blobs, file.blob_name, file.size, file.sha256,
                                         lambda offset: client.photos.file(
                                             photo, rendition, offset))))

    async def _set_heart(self, photo: Photo, hearted: bool, key: str) -> None:
        answer = await self._session.request(
            lambda client: client.photos.set_heart(photo.id, hearted, key))
        self._heart_keys.pop((photo.id, hearted), None)
        listing, cache = self._listing, self._session.cache
        if listing is None or cache is None:
            return  # logged out meanwhile
        self._fresh_hearts[photo.id] = answer
        changed = replace(photo, hearted=answer)
        self._listing = replace(listing, photos=tuple(
            changed if p.id == photo.id else p for p in listing.photos))
        await self._keep(cache)
        self._solved()
        self.photoChanged.emit(changed)

    async def _save_all(self, photos: list[Photo], folder: Path) -> None:
        outcome = await save_into_folder(self.save_items(photos), folder,
                                         self.saveAllProgress.emit)
        self.saveAllEnded.emit(outcome)

    def _save_all_failed(self, error: ExpectedError) -> None:
        self.saveAllEnded.emit(SaveOutcome(error=user_message(error)))

    async def _save_original(self, photo: Photo, target: Path) -> None:
        blobs = self._blobs()
        if blobs is None:
            return
        try:
            path = await self._file(blobs, photo, Rendition.ORIGINAL)
        except BlobCorrupt:
            self._failing = True
            self.problem.emit(self._damaged_message())
            return
        try:
            error = copy_atomically(path, target)
        finally:
            blobs.delete(photo.file(Rendition.ORIGINAL).blob_name)  # never kept offline
        if error is not None:
            self.problem.emit(error)
            return
        self.originalSaved.emit(str(target))

    # --- outcome ------------------------------------------------------------------------------

    def _failed(self, error: ExpectedError) -> None:
        if self._session.account is None or isinstance(error, SessionExpired):
            return
        self._failing = True
        message = user_message(error)
        if isinstance(error, ConnectionProblem):
            message += " " + self.tr("Photos already on this computer can still be viewed.")
        self.problem.emit(message)

    def _damaged_message(self) -> str:
        return self.tr("The photo arrived damaged twice and was not saved. Try again later.")

    def _solved(self) -> None:
        if self._failing:
            self._failing = False
            self.problemSolved.emit()

    # --- session ------------------------------------------------------------------------------

    def _logged_in(self, _account: object) -> None:
        cache = self._session.cache
        if not self.available or cache is None:
            return
        self._tasks.run("cached", self._read_cached(cache), self._failed)
        self.refresh()

    async def _read_cached(self, cache: AccountCache) -> None:
        """The listing kept at the last sync, read and parsed in a worker (20,000 photos
        would hold the GUI thread for most of a second) and shown in one step, unless the
        sync was first."""
        listing = await asyncio.to_thread(read_cached_listing, cache.db_path)
        if cache is self._session.cache and self._listing is None and listing is not None:
            self._kept = listing
            self._set_listing(listing)

    async def _keep(self, cache: AccountCache) -> None:
        """Keep the listing shown in the cache, made into lines in a worker; one write at a
        time, and the last one is of the newest listing (a heart during a sync's write)."""
        async with self._keeping:
            while cache is self._session.cache and self._listing is not None \
                    and self._listing is not self._kept:
                listing = self._listing
                body = await asyncio.to_thread(listing_lines, listing)
                if cache is not self._session.cache:
                    return
                cache.put_photo_lines(body)
                self._kept = listing

    def _online_changed(self, online: bool) -> None:
        if online and self.available and not self._tasks.running("sync"):
            self.refresh()

    def _logged_out(self, *_args: object) -> None:
        self._live.stop()
        self._synced_ids = None
        self._tasks.cancel_all()
        self._downloads.cancel_all()
        self._wanted.clear()
        self._queued.clear()
        self._heart_keys.clear()
        self._fresh_hearts.clear()
        self._kept = None
        self._failing = False
        self._set_listing(None)

    def _blobs(self) -> BlobStore | None:
        cache = self._session.cache
        return None if cache is None else cache.blobs

    def _set_listing(self, listing: PhotoListing | None) -> None:
        if listing != self._listing:
            self._listing = listing
            self.listingChanged.emit(listing)


def read_cached_listing(db_path: Path) -> PhotoListing | None:
    """The kept listing, read in a worker with the garbage collector still (its 100,000
    records would set off full collections that hold the GUI thread: :mod:`long_lived`)."""
    with collections_paused():
        return read_photo_listing(db_path)


def _tidy(blobs: BlobStore, listing: PhotoListing, shown: PhotoListing | None,
          budget: int) -> tuple[bool, list[Photo]]:
    """In a worker, after a sync: the files of photos no longer listed removed; whether
    the listing differs from the one shown; the thumbnails the grid did not ask for yet,
    newest first, while they fit in the budget."""
    # Originals too: one being saved right now must not go before it is copied.
    kept = {p.file(r).blob_name for p in listing.photos for r in RENDITIONS}
    forget_all_but(blobs.directory, kept)
    room, missing = budget, []
    for photo in listing.photos:
        file = photo.file(Rendition.THUMBNAIL)
        room -= file.size
        if room < 0:
            break
        if blobs.path(file.blob_name, file.size) is None:
            missing.append(photo)
    return listing != shown, missing
