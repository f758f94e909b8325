"""Hearts (docs/api.md, "Hearts"): a parent marks a photo with a heart and takes it off, both
idempotent; the parent sees only their own heart, staff the count of parents whose family
still sees the photo; withdrawn consent takes the heart out of the count; an organisation
with hearts off shows none and refuses; the purge removes a family's hearts with its tags."""

from __future__ import annotations

from datetime import timedelta

import httpx
from photo_files import jpeg
from server_helpers import SANNE, THOMAS, TODAY, bearer, tokens
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from test_server_photo_consent import _end_care, listed, other_zonnetjes_child, parent
from test_server_photo_upload import emma, new_activity, staff, upload

from server.models import Child, Family, Organisation, PhotoHeart, User
from server.photos.purge import purge_photos


async def _photo(client: httpx.AsyncClient, db: AsyncSession, *children: int) -> tuple[dict,
                                                                                     int]:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    photo = (await upload(client, activity, jpeg(), headers,
                          children or (await emma(db),))).json()
    return photo, activity


async def _heart(client: httpx.AsyncClient, headers: dict[str, str], photo: dict, *,
                 on: bool = True) -> httpx.Response:
    return await client.request("PUT" if on else "DELETE",
                                f"/api/v1/photos/{photo['id']}/heart", headers=headers)


async def _count(client: httpx.AsyncClient, activity: int) -> int:
    body = (await client.get(f"/api/v1/activities/{activity}/photos",
                             headers=await staff(client))).json()
    return body["photos"][0]["heart_count"]


async def test_a_heart_goes_on_and_off_and_twice_is_once(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    photo, activity = await _photo(client, db)
    sanne = await parent(client)
    assert [(p["hearted"], p["heart_count"]) for p in await listed(client, sanne)] == [
        (False, None)]
    assert await _count(client, activity) == 0
    for _ in range(2):
        answer = await _heart(client, sanne, photo)
        assert (answer.status_code, answer.json()) == (200, {"hearted": True})
    assert [p["hearted"] for p in await listed(client, sanne)] == [True]
    assert await _count(client, activity) == 1
    for _ in range(2):
        answer = await _heart(client, sanne, photo, on=False)
        assert (answer.status_code, answer.json()) == (200, {"hearted": False})
    assert [p["hearted"] for p in await listed(client, sanne)] == [False]
    assert await _count(client, activity) == 0


async def test_a_parent_sees_only_their_own_heart_staff_the_count(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    other = await other_zonnetjes_child(db, consent=True)
    photo, activity = await _photo(client, db, await emma(db), other)
    other_parent = await db.scalar(select(User.email).join(Child, Child.family_id == User.family_id)
                                   .where(Child.id == other).limit(1))
    await _heart(client, bearer(await tokens(client, other_parent)), photo)
    await _heart(client, bearer(await tokens(client, THOMAS)), photo)
    assert await _count(client, activity) == 2
    # Sanne sees neither her husband's heart nor the other family's, nor any count.
    seen = (await listed(client, await parent(client)))[0]
    assert (seen["hearted"], seen["heart_count"]) == (False, None)
    assert [p["hearted"] for p in await listed(client, await parent(client, THOMAS))] == [True]


async def test_withdrawn_consent_takes_the_heart_out_of_the_count(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    photo, activity = await _photo(client, db)
    sanne = await parent(client)
    await _heart(client, sanne, photo)
    await db.execute(update(Child).where(Child.id == await emma(db)).values(consent_portal=False))
    await db.commit()
    assert await _count(client, activity) == 0
    # The photo is hidden from her, so she cannot heart it either.
    assert (await _heart(client, sanne, photo)).status_code == 404
    await db.execute(update(Child).where(Child.id == await emma(db)).values(consent_portal=True))
    await db.commit()
    assert await _count(client, activity) == 1


async def test_staff_cannot_heart(client: httpx.AsyncClient, db: AsyncSession) -> None:
    photo, _activity = await _photo(client, db)
    refused = await _heart(client, await staff(client), photo)
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")


async def test_hearts_off_shows_none_and_refuses(client: httpx.AsyncClient,
                                                 db: AsyncSession) -> None:
    photo, activity = await _photo(client, db)
    sanne = await parent(client)
    await _heart(client, sanne, photo)
    organisation = await db.get(Organisation, await db.scalar(
        select(Family.organisation_id).limit(1)))
    organisation.policy = {**(organisation.policy or {}), "photo_hearts": False}
    await db.commit()
    seen = (await listed(client, sanne))[0]
    assert (seen["hearted"], seen["heart_count"]) == (None, None)
    assert await _count(client, activity) is None
    for on in (True, False):
        refused = await _heart(client, sanne, photo, on=on)
        assert (refused.status_code, refused.json()["code"]) == (403, "photo_hearts_off")
    policy = (await client.get("/api/v1/policy", headers=sanne)).json()
    assert policy["photo_hearts"] is False


async def test_the_purge_removes_a_familys_hearts_after_its_photo_period(
        client: httpx.AsyncClient, db: AsyncSession, app) -> None:  # noqa: ANN001
    other = await other_zonnetjes_child(db, consent=True)
    photo, activity = await _photo(client, db, await emma(db), other)
    await _heart(client, await parent(client), photo)
    await _end_care(db, SANNE, TODAY - timedelta(weeks=8))
    assert (await purge_photos(db, app.state.blobs, TODAY))["hearts"] == 0  # the last day
    await _end_care(db, SANNE, TODAY - timedelta(weeks=8, days=1))
    counts = await purge_photos(db, app.state.blobs, TODAY)
    assert (counts["hearts"], counts["photos"]) == (1, 0)
    assert (await db.scalars(select(PhotoHeart.user_id))).all() == []


async def test_the_activity_list_counts_the_hearts_of_its_photos(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    first, activity = await _photo(client, db)
    second = (await upload(client, activity, jpeg(colour="green"), await staff(client),
                           (await emma(db),))).json()
    for photo in (first, second):
        await _heart(client, await parent(client), photo)
    await _heart(client, await parent(client, THOMAS), second)

    async def listed_count() -> int | None:
        body = (await client.get("/api/v1/activities", headers=await staff(client))).json()
        return next(a["heart_count"] for a in body["activities"] if a["id"] == activity)
    assert await listed_count() == 3
    await db.execute(update(Child).where(Child.id == await emma(db)).values(consent_portal=False))
    await db.commit()
    assert await listed_count() == 0
