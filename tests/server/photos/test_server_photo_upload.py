"""Uploading a photo (docs/api.md, "Photos"): the type comes from the content, caps and damaged
files are refused each with their own problem code, and what is stored is upright, re-encoded
and free of EXIF, GPS and comments, in three renditions served with their SHA-256."""

from __future__ import annotations

import asyncio
import hashlib

import httpx
import pytest
from photo_files import GPS_INFO, MAKE, PDF, heic, jpeg, opened, png
from server_helpers import FATIMA, SANNE, TODAY, bearer, tokens
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import CareGroup, Child, Photo, PhotoFile
from server.photos.images import SCREEN_SIDE, THUMBNAIL_SIDE


async def staff(client: httpx.AsyncClient, email: str = FATIMA) -> dict[str, str]:
    return bearer(await tokens(client, email))


async def zonnetjes(db: AsyncSession) -> int:
    return await db.scalar(select(CareGroup.id).where(CareGroup.name == "Zonnetjes"))


async def emma(db: AsyncSession) -> int:
    return await db.scalar(select(Child.id).where(Child.first_name == "Emma"))


async def new_activity(client: httpx.AsyncClient, db: AsyncSession, headers: dict[str, str],
                       title: str = "Herfstwandeling") -> int:
    response = await client.post("/api/v1/activities", headers=headers, json={
        "group_id": await zonnetjes(db), "date": TODAY.isoformat(), "title": title,
        "caption": "Naar het bos"})
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def upload(client: httpx.AsyncClient, activity: int, data: bytes,
                 headers: dict[str, str], child_ids: tuple[int, ...] = (),
                 content_type: str = "image/jpeg") -> httpx.Response:
    return await client.post(f"/api/v1/activities/{activity}/photos", content=data,
                             params=[("child_id", c) for c in child_ids],
                             headers={**headers, "Content-Type": content_type})


async def fetch(client: httpx.AsyncClient, photo: dict, rendition: str,
                headers: dict[str, str]) -> bytes:
    response = await client.get(f"/api/v1/photos/{photo['id']}/{rendition}", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["X-Content-SHA256"] == photo["files"][rendition]["sha256"]
    assert hashlib.sha256(response.content).hexdigest() == photo["files"][rendition]["sha256"]
    return response.content


async def test_exif_gps_and_comments_are_gone_and_the_orientation_applied(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    # Orientation 6: the camera was turned; the stored photo is turned upright (80 × 120).
    sent = jpeg(120, 80, orientation=6, gps=True)
    assert opened(sent).getexif().get_ifd(GPS_INFO)  # the source really carries GPS
    response = await upload(client, activity, sent, headers, (await emma(db),))
    assert response.status_code == 201, response.text
    photo = response.json()
    assert (photo["width"], photo["height"]) == (80, 120)
    for rendition in ("thumbnail", "screen", "original"):
        image = opened(await fetch(client, photo, rendition, headers))
        exif = image.getexif()
        assert not exif.get_ifd(GPS_INFO) and MAKE not in exif and len(exif) == 0
        assert "comment" not in image.info and "exif" not in image.info
        assert image.size == (80, 120)
        # Upright: the red half (left before turning) is now on top.
        assert image.getpixel((40, 10))[0] > 200 and image.getpixel((40, 110))[2] > 200


async def test_renditions_are_scaled_to_their_sides(client: httpx.AsyncClient,
                                                    db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    photo = (await upload(client, activity, jpeg(2400, 1200), headers)).json()
    sizes = {r: opened(await fetch(client, photo, r, headers)).size
             for r in ("thumbnail", "screen", "original")}
    assert sizes == {"thumbnail": (THUMBNAIL_SIDE, THUMBNAIL_SIDE // 2),
                     "screen": (SCREEN_SIDE, SCREEN_SIDE // 2), "original": (2400, 1200)}


async def test_heic_is_converted_to_jpeg(client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    response = await upload(client, activity, heic(), headers, content_type="image/heic")
    assert response.status_code == 201, response.text
    photo = response.json()
    assert {f["media_type"] for f in photo["files"].values()} == {"image/jpeg"}
    image = opened(await fetch(client, photo, "original", headers))
    assert (image.format, image.size) == ("JPEG", (96, 64))


async def test_a_png_original_stays_png_and_its_thumbnail_is_jpeg(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    photo = (await upload(client, activity, png(alpha=True), headers,
                          content_type="image/png")).json()
    assert photo["files"]["original"]["media_type"] == "image/png"
    assert photo["files"]["thumbnail"]["media_type"] == "image/jpeg"
    assert opened(await fetch(client, photo, "thumbnail", headers)).mode == "RGB"


async def test_the_type_comes_from_the_content_not_the_name(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    # A PDF sent as image/jpeg (a file named .jpg) is refused.
    refused = await upload(client, activity, PDF, headers, content_type="image/jpeg")
    assert (refused.status_code, refused.json()["code"]) == (415, "photo_type_not_supported")
    # A JPEG sent as application/octet-stream is a JPEG.
    accepted = await upload(client, activity, jpeg(), headers,
                            content_type="application/octet-stream")
    assert accepted.status_code == 201, accepted.text


async def test_a_truncated_jpeg_is_damaged(client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    whole = jpeg(800, 600)
    response = await upload(client, activity, whole[: len(whole) // 2], headers)
    assert (response.status_code, response.json()["code"]) == (422, "photo_damaged")
    assert await db.scalar(select(Photo.id)) is None


@pytest.fixture
def small_caps(app) -> None:  # noqa: ANN001
    """Caps small enough to test both sides of them with small files."""
    from server.photos.images import Limits

    app.state.image_workers.limits = Limits(max_bytes=app.state.settings.max_photo_bytes,
                                            max_pixels=10_000)


@pytest.mark.usefixtures("small_caps")
@pytest.mark.parametrize(("size", "accepted"), [((100, 100), True), ((101, 100), False)])
async def test_the_pixel_cap(client: httpx.AsyncClient, db: AsyncSession,
                             size: tuple[int, int], accepted: bool) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    response = await upload(client, activity, png(*size), headers, content_type="image/png")
    if accepted:
        assert response.status_code == 201, response.text
    else:
        assert (response.status_code, response.json()["code"]) == (422, "photo_too_many_pixels")


async def test_the_byte_cap_is_refused_before_the_body_is_read(
        client: httpx.AsyncClient, db: AsyncSession, app) -> None:  # noqa: ANN001
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    cap = app.state.settings.max_photo_bytes
    data = jpeg()
    at_cap = data + b"\0" * (cap - len(data))  # trailing bytes after the JPEG's end
    assert (await upload(client, activity, at_cap, headers)).status_code == 201
    over = await upload(client, activity, at_cap + b"\0", headers)
    assert (over.status_code, over.json()["code"]) == (413, "photo_too_large")
    assert "30 MB" in over.json()["detail"]


async def test_uploads_are_idempotent_per_file(client: httpx.AsyncClient,
                                               db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    keyed = {**headers, "Idempotency-Key": "upload-file-1"}
    answers = await asyncio.gather(*[upload(client, activity, jpeg(), keyed) for _ in range(3)])
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    assert len((await db.scalars(select(Photo.id))).all()) == 1


async def test_parents_cannot_post(client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    sanne = bearer(await tokens(client, SANNE))
    response = await upload(client, activity, jpeg(), sanne)
    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    refused = await client.post("/api/v1/activities", headers=sanne, json={
        "group_id": await zonnetjes(db), "date": TODAY.isoformat(), "title": "x"})
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")


async def test_the_same_bytes_are_one_blob(client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    first = (await upload(client, activity, jpeg(), headers)).json()
    second = (await upload(client, activity, jpeg(), headers)).json()
    assert first["id"] != second["id"] and first["files"] == second["files"]
    keys = (await db.scalars(select(PhotoFile.blob_key))).all()
    assert len(keys) == 6 and len(set(keys)) == 3
