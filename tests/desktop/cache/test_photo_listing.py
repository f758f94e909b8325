"""The photo listing in the cache: a line per photo, the same listing back (hearts, captions,
no end), one object for what photos share, an older cache's single document still read, an
unreadable one dropped with a warning, and the read safe in a worker thread."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.api.photos.records import Photo, PhotoFile, PhotoListing, Rendition, rendition_values
from desktop.cache.photo_listing import (
    OLD_DOCUMENT,
    listing_from_lines,
    listing_lines,
    read_photo_listing,
)
from desktop.cache.store import AccountCache


def photo(n: int, activity: int, **details: object) -> Photo:
    files = {r: PhotoFile("image/png" if r is Rendition.ORIGINAL else "image/jpeg", 100 + n,
                          f"{n:063x}{len(r.value) % 10}") for r in Rendition}
    return Photo(n, activity, f"Activiteit {activity}", details.pop("caption", None),
                 date(2026, 11, activity), 640, 480, (1, 2),
                 datetime(2026, 11, 3, 12, 0, n, tzinfo=UTC), rendition_values(files), **details)


LISTING = PhotoListing((photo(1, 3, caption="Naar het bos", hearted=True),
                        photo(2, 3, hearted=False), photo(3, 2, heart_count=4),
                        photo(4, 2)), date(2027, 1, 26))


def test_the_listing_comes_back_the_same_one_line_per_photo() -> None:
    text = listing_lines(LISTING)
    assert len(text.split("\n")) == 1 + 4
    again = listing_from_lines(text)
    assert again == LISTING
    assert listing_from_lines(listing_lines(PhotoListing((), None))) == PhotoListing((), None)


def test_what_photos_share_is_one_object() -> None:
    photos = listing_from_lines(listing_lines(LISTING)).photos
    assert photos[0].activity_title is photos[1].activity_title
    assert photos[0].date is photos[1].date
    assert photos[0].file(Rendition.THUMBNAIL).media_type is \
        photos[3].file(Rendition.SCREEN).media_type


@pytest.fixture
def cache(tmp_path: Path):
    with AccountCache.open(tmp_path / "account") as opened:
        yield opened


def test_the_cache_keeps_it_and_a_worker_thread_reads_it(cache: AccountCache) -> None:
    assert cache.photos() is None
    cache.put_photos(LISTING)
    assert cache.photos() == LISTING
    assert asyncio.run(asyncio.to_thread(read_photo_listing, cache.db_path)) == LISTING


def test_an_older_cache_with_one_document_is_still_read_then_replaced(
        cache: AccountCache) -> None:
    cache._write("INSERT INTO documents (name, body, stored_at) VALUES (?, ?, ?)",
                 (OLD_DOCUMENT, json.dumps(LISTING.to_json()), "2026-11-03T12:00:00+00:00"))
    assert cache.photos() == LISTING
    cache.put_photos(PhotoListing(LISTING.photos[:1], None))
    assert cache.photos() == PhotoListing(LISTING.photos[:1], None)
    assert cache._conn.execute("SELECT count(*) FROM documents WHERE name = ?",
                               (OLD_DOCUMENT,)).fetchone()[0] == 0


@pytest.mark.expect_log("desktop.cache.photo_listing", "WARNING",
                        r"discarding unreadable cached photo listing")
def test_an_unreadable_listing_is_none_until_the_next_sync(cache: AccountCache) -> None:
    text = listing_lines(LISTING).split("\n")
    text[2] = '[2, "no"]'
    cache.put_photo_lines("\n".join(text))
    assert cache.photos() is None
