"""The Overzicht's "Alles opslaan" once care has ended (docs/api.md, "Photos", "Photo
period"): the documents, the dagboek (a PDF per child) and every photo into one folder the
parent chose, with progress, cancel and resume, and a summary of what was saved.

One mechanism with "Alle foto's opslaan" and "Alle documenten opslaan": the documents come as
the finance service's items (downloaded verified, under their readable names), the photos as
the photo service's, and the one folder loop (:mod:`desktop.services.shared.save_folder`)
skips what is already there, so running it again after a cancel, a lost connection or a
closed app adds only the rest. The dagboek and the photos are left out after their period
(:mod:`desktop.services.access_ending`); a secondary parent has no documents to save (they
are the primary parent's, docs/api.md "Finance").
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.api.profile.records import Child
from desktop.services.access_ending import ending_notice, last_day_of_care
from desktop.services.finance.service import FinanceService
from desktop.services.photos.service import PhotosService
from desktop.services.profile import ProfileService
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.files import file_name_part
from desktop.services.shared.save_folder import SaveItem, SaveOutcome, save_into_folder
from desktop.services.shared.tasks import CrashHandler, ExpectedError, TaskRunner

__all__ = ["DIARY_PDF_DAYS", "SaveEverythingService", "diary_periods"]

#: The longest period one dagboek PDF may cover (the portal's limit, docs/api.md).
DIARY_PDF_DAYS = 400


def diary_periods(first: date, last: date) -> list[tuple[date, date]]:
    """``first`` to ``last`` in pieces the portal makes one PDF of, oldest first."""
    periods = []
    start = first
    while start <= last:
        end = min(start + timedelta(days=DIARY_PDF_DAYS - 1), last)
        periods.append((start, end))
        start = end + timedelta(days=1)
    return periods


class SaveEverythingService(QObject):
    """Signals: ``progress(done, total)``; ``ended(SaveOutcome | None)`` (None: cancelled)."""

    progress = Signal(int, int)
    ended = Signal(object)

    def __init__(self, session: SessionService, profile: ProfileService, photos: PhotosService,
                 finance: FinanceService, *, on_crash: CrashHandler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._profile = profile
        self._photos = photos
        self._finance = finance
        self._tasks = TaskRunner(on_crash)
        session.loggedOut.connect(self._stop)
        session.sessionExpired.connect(self._stop)

    @property
    def running(self) -> bool:
        return self._tasks.running("save")

    def save(self, folder: Path, today: date) -> None:
        """Save everything there still is on ``today`` into ``folder``."""
        if not self.running:
            self._tasks.run("save", self._save(Path(folder), today), self._failed)

    def cancel(self) -> None:
        """Stop between two files; what was saved stays, a next run adds the rest."""
        if self.running:
            self._tasks.cancel("save")
            self.ended.emit(None)

    def items(self, today: date) -> list[SaveItem]:
        """What a run on ``today`` saves, in order: documents, dagboeken, photos."""
        items = self._finance.save_items()
        profile = self._profile.profile
        notice = ending_notice(profile, self._session.policy.diary_retention_weeks, today)
        if profile is None or notice is None or notice.diary_and_photos_until is None:
            return items
        last = min(last_day_of_care(profile) or today, today)
        for child in profile.children:
            items += self._diary_items(child, last)
        listing = self._photos.listing
        if listing is not None:
            items += self._photos.save_items(list(listing.photos))
        return items

    def _diary_items(self, child: Child, last: date) -> list[SaveItem]:
        if not child.contracts:
            return []
        first = min(c.start_date for c in child.contracts)
        name = file_name_part(child.first_name) or str(child.id)
        return [SaveItem(self.tr("Diary {name} {start} to {end}.pdf").format(
            name=name, start=start.isoformat(), end=end.isoformat()), "diary", None,
            lambda c=child.id, s=start, e=end: self._session.request(
                lambda client: _diary_pdf(client, c, s, e)))
            for start, end in diary_periods(first, last)]

    async def _save(self, folder: Path, today: date) -> None:
        outcome = await save_into_folder(self.items(today), folder, self.progress.emit)
        self.ended.emit(outcome)

    def _failed(self, error: ExpectedError) -> None:
        self.ended.emit(SaveOutcome(error=user_message(error)))

    def _stop(self, *_args: object) -> None:
        self._tasks.cancel_all()

    async def aclose(self) -> None:
        await self._tasks.drain()


async def _diary_pdf(client: Any, child_id: int, first: date, last: date) -> bytes:
    """One dagboek PDF's bytes (a few hundred kB: the save loop writes whole files)."""
    async with client.diary.pdf(child_id, first, last) as download:
        return b"".join([chunk async for chunk in download.chunks])
