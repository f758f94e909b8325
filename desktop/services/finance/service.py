"""Invoices, jaaropgaven, contracts and tariffs of the logged-in family — also offline.

After login the overview is shown from the cache at once and then synced: ``GET /finance`` with
the cursor of the cached overview (nothing new = one small request), then every document that is
not on disk yet is downloaded in the background (resumable, SHA-256 verified; see
:mod:`desktop.services.finance.downloads`) with progress for the status bar. Opening a document
the sync is fetching waits for that download (:mod:`desktop.services.shared.blob_downloads`):
one download per file. When the disk is full the sync stops, says so, and carries on by itself
once there is room again. A cached PDF opens without the server. On a shared PC the session
wipes the account folder at logout, PDFs included.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.api.core.errors import ConnectionProblem, SessionExpired
from desktop.api.finance.records import FinanceAccess, FinanceDocument, FinanceOverview
from desktop.cache.blobs import BlobCorrupt, BlobStore
from desktop.cache.disk import LOW_SPACE, DiskProblem, DiskTrouble
from desktop.services.finance.downloads import download_document
from desktop.services.finance.save_all import readable_name
from desktop.services.session.account import STAFF_ROLES
from desktop.services.session.service import SessionService
from desktop.services.shared.blob_downloads import BlobDownloads
from desktop.services.shared.errors import disk_message, user_message
from desktop.services.shared.files import copy_atomically
from desktop.services.shared.save_folder import SaveItem
from desktop.services.shared.tasks import CrashHandler, ExpectedError, TaskRunner

__all__ = ["DOWNLOAD_CONCURRENCY", "SPACE_CHECK_MS", "FinanceService"]

log = logging.getLogger(__name__)

#: Documents downloaded at the same time: enough to hide per-request latency, few enough not
#: to crowd out the user's own requests.
DOWNLOAD_CONCURRENCY = 4
# How long to wait before asking again while the portal is still making documents.
PREPARING_RETRY_SECONDS = 5.0
#: While the sync waits for disk space, look this often whether there is room again.
SPACE_CHECK_MS = 15 * 1000


class FinanceService(QObject):
    """The finance overview and its PDFs for the logged-in account.

    Signals: ``overviewChanged(FinanceOverview | None)``; ``documentsChanged()`` when documents
    became available offline; ``syncProgress(done, total)`` while downloading (``total`` 0 when
    the sync ended); ``documentReady(document_id, path)`` answering :meth:`fetch`;
    ``problem(message)`` — translated, for the message bar — and ``problemSolved()`` when a sync
    or a download succeeded after one.

    ``free_space(folder)`` (bytes) is injectable for tests of the wait for disk space.
    """

    overviewChanged = Signal(object)
    documentsChanged = Signal()
    syncProgress = Signal(int, int)
    documentReady = Signal(str, str)
    problem = Signal(str)
    problemSolved = Signal()

    preparing_retry_seconds = PREPARING_RETRY_SECONDS

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 free_space: Callable[[Path], int] | None = None,
                 space_check_ms: int = SPACE_CHECK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._downloads = BlobDownloads()
        self._free_space = free_space or (lambda folder: shutil.disk_usage(folder).free)
        self._failing = False  # the last sync or download failed (its message is on screen)
        self._space_needed = 0  # bytes the sync waits for (0: not waiting for disk space)
        self._space_timer = QTimer(self)
        self._space_timer.setInterval(space_check_ms)
        self._space_timer.timeout.connect(self._check_space)
        self._overview: FinanceOverview | None = None
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)
        session.connection.onlineChanged.connect(self.connection_changed)

    # --- state --------------------------------------------------------------------------------

    @property
    def overview(self) -> FinanceOverview | None:
        return self._overview

    @property
    def available(self) -> bool:
        """Whether this account has a Financieel section at all (staff have none)."""
        account = self._session.account
        return account is not None and account.role not in STAFF_ROLES

    @property
    def syncing(self) -> bool:
        return self._tasks.running("sync")

    def local_path(self, document: FinanceDocument) -> Path | None:
        """The downloaded PDF on this computer, or None when it is not downloaded yet (a quick
        check of name and size, for the list's offline marker)."""
        blobs = self._blobs()
        return None if blobs is None else blobs.path(document.blob_name, document.size)

    def verified_path(self, document: FinanceDocument) -> Path | None:
        """The downloaded PDF if its bytes still match the server's SHA-256 — what is shown or
        copied. A damaged file is removed, so the next sync downloads it again."""
        blobs = self._blobs()
        return None if blobs is None else blobs.verified(document.blob_name, document.sha256)

    # --- actions ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Sync the overview and download every document not on this computer yet."""
        if not self.available:
            return
        self._tasks.run("sync", self._sync(), self._failed)

    def connection_changed(self, online: bool) -> None:
        """Back online: finish what a dropped connection left undownloaded."""
        if online and not self.syncing:
            self.refresh()

    def fetch(self, document: FinanceDocument) -> None:
        """Make ``document`` available; answers with ``documentReady`` (or ``problem``)."""
        path = self.verified_path(document)
        if path is not None:
            self.documentReady.emit(document.id, str(path))
            return
        self._tasks.run(f"fetch-{document.id}", self._fetch(document), self._failed)

    def save_copy(self, document: FinanceDocument, target: Path) -> str | None:
        """Copy the cached PDF to ``target``; a translated message when that failed."""
        path = self.verified_path(document)
        if path is None:
            return self.tr("This document is not on this computer yet. Connect to the internet "
                           "and try again.")
        return copy_atomically(path, Path(target))

    def save_items(self) -> list[SaveItem]:
        """Every document this account may see, as items of a folder save (the Overzicht's
        "Alles opslaan", :mod:`desktop.services.shared.save_folder`), under the names of
        "Alle documenten opslaan"; one not on this computer yet is downloaded on its turn."""
        overview, blobs = self._overview, self._blobs()
        if overview is None or blobs is None or overview.access is not FinanceAccess.GRANTED:
            return []
        return [SaveItem(readable_name(d), "document", d.sha256,
                         lambda d=d: self._verified_or_download(blobs, d))
                for d in overview.documents]

    async def _verified_or_download(self, blobs: BlobStore, document: FinanceDocument
                                    ) -> Path:
        return self.verified_path(document) or await self._download(blobs, document)

    def readable_copy(self, document: FinanceDocument, name: str) -> Path | str:
        """A copy of the cached PDF under a name a parent can read (``Factuur F2026-00123.pdf``,
        not the cache's hash), for "Openen met…": its path, or a translated message. It lives
        in the account's folder, so a shared PC's logout removes it with everything else."""
        cache = self._session.cache
        if cache is None:
            return self.tr("You are not logged in.")
        target = Path(cache.directory) / "opened" / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return disk_message(error)
        problem = self.save_copy(document, target)
        if problem is not None and not target.is_file():
            return problem
        # A copy an open viewer still holds (Windows locks it) is the same document: open it.
        return target

    async def aclose(self) -> None:
        self._space_timer.stop()
        await self._tasks.drain()
        await self._downloads.aclose()

    # --- sync ---------------------------------------------------------------------------------

    async def _sync(self) -> None:
        # While the portal says it is still making documents, ask again after a while: they
        # appear without the parent having to do anything.
        while await self._sync_once():
            await asyncio.sleep(self.preparing_retry_seconds)

    async def _sync_once(self) -> bool:
        """One sync; True when the portal is still preparing documents."""
        cache = self._session.cache
        cursor = self._overview.cursor if self._overview is not None else None
        fresh = await self._session.request(lambda client: client.finance.overview(cursor))
        if cache is None or cache is not self._session.cache:
            return False  # logged out while the answer was on its way
        if fresh is not None:
            cache.put_finance(fresh)
            self._set_overview(fresh)
        overview = self._overview
        if overview is None or overview.access is not FinanceAccess.GRANTED:
            return False
        missing = [d for d in overview.documents
                   if cache.blobs.path(d.blob_name, d.size) is None]
        if missing and not await self._download_all(cache.blobs, missing):
            return False
        self._solved()
        return overview.preparing

    async def _download_all(self, blobs: BlobStore, documents: list[FinanceDocument]) -> bool:
        """Download ``documents``; False when some could not be (and the user was told)."""
        total = len(documents)
        done = 0
        corrupt: list[FinanceDocument] = []
        queue: asyncio.Queue[FinanceDocument] = asyncio.Queue()
        for document in documents:
            queue.put_nowait(document)
        self.syncProgress.emit(0, total)

        async def worker() -> None:
            nonlocal done
            while not queue.empty():
                document = queue.get_nowait()
                try:
                    await self._download(blobs, document)
                except BlobCorrupt:
                    corrupt.append(document)
                done += 1
                self.syncProgress.emit(done, total)
                self.documentsChanged.emit()

        workers = [asyncio.ensure_future(worker())
                   for _ in range(min(DOWNLOAD_CONCURRENCY, total))]
        try:
            await asyncio.gather(*workers)
        except DiskProblem as exc:
            self._failed(exc)
            if exc.trouble is DiskTrouble.FULL:
                self._wait_for_space(blobs, documents)
            return False
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            self.syncProgress.emit(0, 0)
        if corrupt:
            self._failing = True
            self.problem.emit(self._corrupt_message(corrupt))
            return False
        return True

    async def _download(self, blobs: BlobStore, document: FinanceDocument) -> Path:
        """The document's file, sharing a download of it that is running already."""
        return await self._downloads.fetch(document.blob_name, lambda: self._session.request(
            lambda client: download_document(client, blobs, document)))

    async def _fetch(self, document: FinanceDocument) -> None:
        blobs = self._blobs()
        if blobs is None:
            return
        try:
            path = await self._download(blobs, document)
        except BlobCorrupt:
            self._failing = True
            self.problem.emit(self._corrupt_message([document]))
            return
        self.documentsChanged.emit()
        self.documentReady.emit(document.id, str(path))
        self._solved()

    def _failed(self, error: ExpectedError) -> None:
        if self._session.account is None or isinstance(error, SessionExpired):
            return  # the session reports its own end
        self._failing = True
        message = user_message(error)
        if isinstance(error, ConnectionProblem):
            message += " " + self.tr("Documents already on this computer can still be opened.")
        self.problem.emit(message)

    def _solved(self) -> None:
        if self._failing:
            self._failing = False
            self.problemSolved.emit()

    # --- waiting for disk space ---------------------------------------------------------------

    def _wait_for_space(self, blobs: BlobStore, documents: list[FinanceDocument]) -> None:
        """Try again by itself once the smallest missing document fits (and a margin)."""
        left = [d.size - blobs.partial_size(d.blob_name) for d in documents
                if blobs.path(d.blob_name, d.size) is None]
        self._space_needed = max(1, min(left, default=1)) + LOW_SPACE
        self._space_timer.start()

    def _check_space(self) -> None:
        blobs = self._blobs()
        if blobs is None:
            self._space_timer.stop()
            return
        try:
            free = self._free_space(blobs.directory if blobs.directory.exists()
                                    else blobs.directory.parent)
        except OSError:
            return
        if free >= self._space_needed and not self.syncing:
            self._space_timer.stop()
            self._space_needed = 0
            self.refresh()

    def _corrupt_message(self, documents: Iterable[FinanceDocument]) -> str:
        numbers = ", ".join(d.number or d.period for d in documents)
        return self.tr("These documents arrived damaged twice and were not saved: {numbers}. "
                       "Try again later; if it keeps happening, contact your childcare "
                       "organisation.").format(numbers=numbers)

    # --- session ------------------------------------------------------------------------------

    def _logged_in(self, _account: object) -> None:
        cache = self._session.cache
        if not self.available or cache is None:
            return
        self._set_overview(cache.finance())
        self.refresh()

    def _logged_out(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._downloads.cancel_all()
        self._space_timer.stop()
        self._failing = False
        self._set_overview(None)
        self.syncProgress.emit(0, 0)

    def _blobs(self) -> BlobStore | None:
        cache = self._session.cache
        return None if cache is None else cache.blobs

    def _set_overview(self, overview: FinanceOverview | None) -> None:
        if overview != self._overview:
            self._overview = overview
            self.overviewChanged.emit(overview)
