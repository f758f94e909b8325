"""A heart the portal answers while a sync is under way is newer than that sync's listing: the
listing shown and the one kept in the cache both carry it, whichever finishes first
(docs/api.md, "Hearts")."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from desktop.api.photos.records import Photo, PhotoFile, PhotoListing, Rendition, rendition_values
from desktop.api.profile.records import Role
from desktop.cache.store import AccountCache
from desktop.services.photos.service import BUDGET_SETTING, PhotosService


def a_photo(n: int, hearted: bool) -> Photo:
    # Larger than the offline budget below: the sync fetches no thumbnails in this test.
    files = {r: PhotoFile("image/jpeg", 2 * 1024 * 1024, f"{n:064x}") for r in Rendition}
    return Photo(n, 1, "Herfstwandeling", None, date(2026, 11, 3), 640, 480, (1,),
                 datetime(2026, 11, 3, tzinfo=UTC), rendition_values(files), hearted=hearted)


class Portal:
    """``client.photos`` whose listing and heart answers wait until the test releases them."""

    def __init__(self) -> None:
        self.listing_answer: asyncio.Future[PhotoListing] | None = None
        self.heart_answer: asyncio.Future[bool] | None = None

    async def listing(self) -> PhotoListing:
        self.listing_answer = asyncio.get_running_loop().create_future()
        return await self.listing_answer

    async def set_heart(self, _photo_id: int, _hearted: bool, _key: str) -> bool:
        self.heart_answer = asyncio.get_running_loop().create_future()
        return await self.heart_answer


class Connection(QObject):
    onlineChanged = Signal(bool)


class Session(QObject):
    loggedIn = Signal(object)
    loggedOut = Signal()
    sessionExpired = Signal()

    def __init__(self, cache: AccountCache, portal: Portal) -> None:
        super().__init__()
        self.cache, self.connection = cache, Connection()
        self.account = type("Account", (), {"role": Role.PRIMARY_PARENT})()
        self._client = type("Client", (), {"photos": portal})()

    async def request(self, call):  # noqa: ANN001, ANN201
        return await call(self._client)


def test_a_heart_answered_during_a_sync_wins_over_its_listing(qtbot, tmp_path: Path) -> None:
    portal = Portal()
    with AccountCache.open(tmp_path / "account") as cache:
        old = PhotoListing((a_photo(1, hearted=False),), None)
        cache.put_photos(old)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue(BUDGET_SETTING, 1)
        photos = PhotosService(Session(cache, portal), settings=settings)  # type: ignore[arg-type]
        photos._listing = photos._kept = old
        photos.refresh()  # the sync asks for its listing …
        qtbot.waitUntil(lambda: portal.listing_answer is not None)
        photos.set_heart(old.photos[0], True)  # … and the parent gives a heart meanwhile
        qtbot.waitUntil(lambda: portal.heart_answer is not None)
        portal.heart_answer.set_result(True)
        qtbot.waitUntil(lambda: photos.listing.photos[0].hearted is True)
        # The listing the portal made before the heart arrives last.
        portal.listing_answer.set_result(PhotoListing(
            (a_photo(1, hearted=False), a_photo(2, hearted=False)), None))
        qtbot.waitUntil(lambda: len(photos.listing.photos) == 2)
        assert photos.listing.photos[0].hearted is True
        qtbot.waitUntil(lambda: len(cache.photos().photos) == 2)
        assert cache.photos().photos[0].hearted is True
        assert replace(cache.photos().photos[1], hearted=False) == a_photo(2, hearted=False)
        asyncio.ensure_future(photos.aclose())
