"""The app's demo photos (server/demo/photos.py): drawn pictures put through the upload's own
preparation, tagged only with children whose families allow photos in the portal, and added
once (a kept demo folder is not filled twice)."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image
from server_helpers import SANNE, TODAY, bearer, tokens
from sqlalchemy import select

from server.demo.photos import ACTIVITIES, PHOTOS_PER_ACTIVITY, add_demo_photos
from server.models import Child, PhotoTag


async def test_the_demo_photos_are_tagged_with_consent_only_and_added_once(
        app, client, db, settings) -> None:
    assert await add_demo_photos(settings, TODAY) == len(ACTIVITIES) * PHOTOS_PER_ACTIVITY
    assert await add_demo_photos(settings, TODAY) == 0
    tagged = set(await db.scalars(select(PhotoTag.child_id)))
    assert tagged
    without_consent = set(await db.scalars(select(Child.id).where(
        Child.consent_portal.is_(False))))
    assert not tagged & without_consent

    page = (await client.get("/api/v1/photos", headers=bearer(await tokens(client, SANNE)))).json()
    titles = {p["activity_title"] for p in page["photos"]}
    assert titles == {"Herfstwandeling", "Zandbak", "Hutten bouwen"}  # Emma's and Daan's
    days = {date.fromisoformat(p["date"]) for p in page["photos"]}
    assert all(day < TODAY and day.weekday() < 5 for day in days)  # days the groups are open


async def test_a_demo_photo_is_a_real_jpeg_without_metadata(app, client, settings) -> None:
    await add_demo_photos(settings, TODAY)
    headers = bearer(await tokens(client, SANNE))
    photo = (await client.get("/api/v1/photos", headers=headers)).json()["photos"][0]
    answer = await client.get(f"/api/v1/photos/{photo['id']}/original", headers=headers)
    assert answer.status_code == 200 and answer.headers["content-type"] == "image/jpeg"
    image = Image.open(io.BytesIO(answer.content))
    assert image.size == (photo["width"], photo["height"]) == (1200, 900)
    assert not image.getexif()
