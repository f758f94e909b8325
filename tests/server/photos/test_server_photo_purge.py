"""`ouderportaal-server purge`, the photos' step: 8 weeks after a family's last contract its
tags go, a photo nobody else needs goes with its files, a photo another family's child is on
stays (without the first family's tag); the day before that nothing goes; twice is harmless;
only counts reach the log."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
import pytest
from photo_files import jpeg
from server_helpers import SANNE, TODAY
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from test_server_photo_consent import _end_care, other_zonnetjes_child
from test_server_photo_upload import emma, new_activity, staff, upload

from server.models import Photo, PhotoFile, PhotoTag
from server.photos.purge import purge_photos
from server.purge import PURGE_STEPS, purge


async def two_photos(client: httpx.AsyncClient, db: AsyncSession) -> tuple[dict, dict, int]:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    other = await other_zonnetjes_child(db, consent=True)
    only_emma = (await upload(client, activity, jpeg(colour="red"), headers,
                              (await emma(db),))).json()
    shared = (await upload(client, activity, jpeg(colour="green"), headers,
                           (await emma(db), other))).json()
    return only_emma, shared, other


async def test_after_the_photo_period_the_familys_photos_go(
        client: httpx.AsyncClient, db: AsyncSession, app, caplog) -> None:  # noqa: ANN001
    only_emma, shared, other = await two_photos(client, db)
    blobs = app.state.blobs
    keys = set((await db.scalars(select(PhotoFile.blob_key).where(
        PhotoFile.photo_id == only_emma["id"]))).all())
    assert all([await blobs.exists(k) for k in keys])
    await _end_care(db, SANNE, TODAY - timedelta(weeks=8, days=1))
    with caplog.at_level(logging.INFO, logger="server.purge"):
        counts = await purge_photos(db, blobs, TODAY)
    assert counts == {"tags": 2, "hearts": 0, "photos": 1, "files": 3}
    assert {p for p in (await db.scalars(select(Photo.id))).all()} == {shared["id"]}
    assert (await db.scalars(select(PhotoTag.child_id).where(
        PhotoTag.photo_id == shared["id"]))).all() == [other]
    assert not any([await blobs.exists(k) for k in keys])
    # The shared photo's files stay: another family still sees it.
    for key in (await db.scalars(select(PhotoFile.blob_key))).all():
        assert await blobs.exists(key)
    assert "1 photos, 2 tags, 0 hearts, 3 files removed" in caplog.text
    assert "Emma" not in caplog.text
    # Again: nothing more.
    assert await purge_photos(db, blobs, TODAY) == {"tags": 0, "hearts": 0, "photos": 0,
                                                    "files": 0}


async def test_on_the_last_day_of_the_period_nothing_goes(
        client: httpx.AsyncClient, db: AsyncSession, app) -> None:  # noqa: ANN001
    await two_photos(client, db)
    await _end_care(db, SANNE, TODAY - timedelta(weeks=8))
    assert await purge_photos(db, app.state.blobs, TODAY) == {"tags": 0, "hearts": 0,
                                                               "photos": 0, "files": 0}
    assert len((await db.scalars(select(Photo.id))).all()) == 2


async def test_a_family_still_in_care_keeps_everything(
        client: httpx.AsyncClient, db: AsyncSession, app) -> None:  # noqa: ANN001
    await two_photos(client, db)
    assert (await purge_photos(db, app.state.blobs, TODAY))["photos"] == 0


@pytest.mark.usefixtures("app")
async def test_the_command_runs_every_step(settings, client: httpx.AsyncClient,
                                           db: AsyncSession) -> None:  # noqa: ANN001
    only_emma, _shared, _other = await two_photos(client, db)
    await _end_care(db, SANNE, TODAY - timedelta(weeks=9))
    assert set(PURGE_STEPS) == {"diary", "photos", "unsent_uploads"}
    done = await purge(settings)
    assert done["photos"]["photos"] == 1
    assert (await purge(settings))["photos"] == {"tags": 0, "hearts": 0, "photos": 0, "files": 0}
