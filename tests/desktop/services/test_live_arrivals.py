"""What the diary's and the photos' syncs say arrived, the input of their notifications
(docs/architecture.md, "Notifications"): a day edited twice before the sync is one arrival;
the reader's own note is none; before a child's first sync in a session only the days a
``diary`` event named count (what the cache missed is for the unread markers); photos no
longer listed (consent withdrawn) leave without an arrival, new ones arrive per activity, and
a burst of ``photos`` events is one sync."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Signal

from desktop.api.diary.records import DiaryDay, DiaryEntry, DiaryPage, EntryKind
from desktop.api.photos.records import (
    Photo,
    PhotoFile,
    PhotoListing,
    Rendition,
    rendition_values,
)
from desktop.api.profile.records import Role
from desktop.cache.store import AccountCache
from desktop.services.diary.service import DiaryService
from desktop.services.photos.service import BUDGET_SETTING, PhotosService

CHILD = 7
MONDAY, TUESDAY = date(2026, 11, 30), date(2026, 12, 1)


def entry(n: int, day: date, text: str, *, mine: bool = False) -> DiaryEntry:
    return DiaryEntry(n, CHILD, day, EntryKind.VERSLAG if not mine else EntryKind.NOTITIE,
                      None, text, {}, "Sanne" if mine else "Fatima", mine, mine,
                      datetime(2026, 12, 1, 9, tzinfo=UTC), False)


class DiaryPortal:
    """``client.diary``: the child's days with the revision each last changed at."""

    def __init__(self) -> None:
        self.days: dict[date, tuple[DiaryDay, int]] = {}
        self.revision = 0
        self.pages = 0

    def change(self, day: date, *entries: DiaryEntry) -> None:
        self.revision += 1
        self.days[day] = (DiaryDay(day, None, None, entries), self.revision)

    async def page(self, _child_id: int, *, since: int | None = None, cursor=None,  # noqa: ANN001
                   limit: int = 30) -> DiaryPage:
        self.pages += 1
        days = sorted((d for d, r in self.days.values() if since is None or r > since),
                      key=lambda d: d.day, reverse=True)
        return DiaryPage(tuple(days), self.revision, None)


class PhotoPortal:
    def __init__(self) -> None:
        self.photos: tuple[Photo, ...] = ()
        self.listings = 0

    async def listing(self) -> PhotoListing:
        self.listings += 1
        return PhotoListing(self.photos, None)


class Outbox(QObject):
    queued = Signal(str, int)
    delivered = Signal(str, int, object)
    refused = Signal(str, int, str)

    def register(self, _courier: object) -> None:
        pass


class Connection(QObject):
    onlineChanged = Signal(bool)


class Session(QObject):
    loggedIn = Signal(object)
    loggedOut = Signal()
    sessionExpired = Signal()

    def __init__(self, cache: AccountCache | None, **portal: object) -> None:
        super().__init__()
        self.cache, self.connection = cache, Connection()
        self.account = type("Account", (), {"role": Role.PRIMARY_PARENT})()
        self._client = type("Client", (), portal)()

    async def request(self, call):  # noqa: ANN001, ANN201
        return await call(self._client)


@pytest.fixture
def diary(qtbot):  # noqa: ANN201
    portal = DiaryPortal()
    portal.change(MONDAY, entry(1, MONDAY, "Buiten gespeeld"))
    service = DiaryService(Session(None, diary=portal), Outbox())  # type: ignore[arg-type]
    arrived: list[list[date]] = []
    service.daysArrived.connect(lambda _child, days: arrived.append([d.day for d in days]))
    return service, portal, arrived


def synced(qtbot, service: DiaryService, portal: DiaryPortal) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not service.loading(CHILD) and service.days(CHILD) and
                    portal.pages > 0)


def test_a_day_edited_twice_before_the_sync_arrives_once(qtbot, diary) -> None:  # noqa: ANN001
    service, portal, arrived = diary
    service.diary_changed(CHILD)  # the Dagboek shown: this session's first sync
    synced(qtbot, service, portal)
    assert arrived == []
    portal.change(TUESDAY, entry(2, TUESDAY, "Fruit"))
    portal.change(TUESDAY, entry(2, TUESDAY, "Fruit en koek"))
    for _ in range(2):  # one event per edit, both here before the sync answers
        service.live_event("diary", {"child_id": CHILD, "date": TUESDAY.isoformat()})
    qtbot.waitUntil(lambda: arrived != [])
    qtbot.waitUntil(lambda: not service.loading(CHILD))
    assert arrived == [[TUESDAY]]
    assert service.days(CHILD)[0].entries[0].text == "Fruit en koek"


def test_the_readers_own_note_is_not_an_arrival(qtbot, diary) -> None:  # noqa: ANN001
    service, portal, arrived = diary
    service.diary_changed(CHILD)
    synced(qtbot, service, portal)
    portal.change(MONDAY, entry(1, MONDAY, "Buiten gespeeld"),
                  entry(3, MONDAY, "Oma haalt op", mine=True))
    service.live_event("diary", {"child_id": CHILD, "date": MONDAY.isoformat()})
    qtbot.waitUntil(lambda: len(service.days(CHILD)[0].entries) == 2)
    qtbot.waitUntil(lambda: not service.loading(CHILD))
    assert arrived == []


def test_before_the_first_sync_only_the_day_the_event_named_arrives(
        qtbot, diary) -> None:  # noqa: ANN001
    """The Dagboek never opened this session: Monday changed while the app was closed (the
    unread marker shows that), Tuesday is what the event is about."""
    service, portal, arrived = diary
    portal.change(MONDAY, entry(1, MONDAY, "Buiten gespeeld, later binnen"))
    portal.change(TUESDAY, entry(2, TUESDAY, "Fruit"))
    service.live_event("diary", {"child_id": CHILD, "date": TUESDAY.isoformat()})
    qtbot.waitUntil(lambda: arrived != [])
    assert arrived == [[TUESDAY]]
    # A reconnection syncs the children synced so far, and tells what changed since.
    portal.change(MONDAY, entry(1, MONDAY, "Binnen"))
    service.live_event("resync", {})
    qtbot.waitUntil(lambda: len(arrived) == 2)
    assert arrived[1] == [MONDAY]


def a_photo(n: int, activity: int) -> Photo:
    files = {r: PhotoFile("image/jpeg", 2 * 1024 * 1024, f"{n:064x}") for r in Rendition}
    return Photo(n, activity, f"Activiteit {activity}", None, date(2026, 12, 1), 640, 480,
                 (CHILD,), datetime(2026, 12, 1, tzinfo=UTC), rendition_values(files),
                 hearted=False)


def test_photos_hidden_leave_quietly_and_new_ones_arrive_per_activity(
        qtbot, tmp_path: Path) -> None:
    portal = PhotoPortal()
    portal.photos = (a_photo(1, 1), a_photo(2, 1))
    with AccountCache.open(tmp_path / "account") as cache:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue(BUDGET_SETTING, 1)  # no thumbnails fetched in this test
        photos = PhotosService(Session(cache, photos=portal), settings=settings,  # type: ignore[arg-type]
                               live_delay_ms=20)
        arrived: list[list[int]] = []
        photos.photosArrived.connect(lambda found: arrived.append([p.id for p in found]))
        photos.refresh()  # the sync at login: nothing to compare with, nothing arrives
        qtbot.waitUntil(lambda: photos.listing is not None)

        portal.photos = (a_photo(2, 1),)  # photo 1's child: consent withdrawn
        photos.live_event("photos", {"child_id": CHILD, "change": "removed"})
        qtbot.waitUntil(lambda: [p.id for p in photos.listing.photos] == [2])
        assert arrived == []

        portal.photos = (a_photo(5, 3), a_photo(3, 2), a_photo(4, 2), a_photo(2, 1))
        listings = portal.listings
        for photo_id in (3, 4, 5):  # one event per upload: one sync after the last
            photos.live_event("photos", {"photo_id": photo_id, "change": "added"})
        qtbot.waitUntil(lambda: len(photos.listing.photos) == 4)
        assert portal.listings == listings + 1
        assert arrived == [[5], [3, 4]]
