"""Tags and consent (docs/api.md, "Photos"): only children with portal photo consent in the
activity's group can be tagged; a family sees a photo only through its own consenting child,
never another child's id; withdrawing consent or removing the tag hides it at once; the
family's photos end `diary_retention_weeks` after its last contract."""

from __future__ import annotations

from datetime import timedelta

import httpx
from photo_files import jpeg
from server_helpers import LOTTE, SANNE, THOMAS, TODAY, bearer, tokens
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from test_server_photo_upload import emma, new_activity, staff, upload, zonnetjes

from server.models import Child, Contract, Family, User
from server.photos.rules import in_group_on


async def parent(client: httpx.AsyncClient, email: str = SANNE) -> dict[str, str]:
    return bearer(await tokens(client, email))


async def other_zonnetjes_child(db: AsyncSession, *, consent: bool) -> int:
    """A child of another family in Zonnetjes today, with or without portal consent."""
    group = await zonnetjes(db)
    devries = await db.scalar(select(Child.family_id).where(Child.first_name == "Emma"))
    return await db.scalar(select(Child.id).where(
        in_group_on(group, TODAY), Child.family_id != devries,
        Child.consent_portal.is_(consent)).order_by(Child.id).limit(1))


async def listed(client: httpx.AsyncClient, headers: dict[str, str], **params: object
                 ) -> list[dict]:
    response = await client.get("/api/v1/photos", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()["photos"]


async def test_a_child_without_portal_consent_cannot_be_tagged(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    without = await other_zonnetjes_child(db, consent=False)
    refused = await upload(client, activity, jpeg(), headers, (await emma(db), without))
    assert (refused.status_code, refused.json()["code"]) == (422, "photo_tag_refused")
    first_name = await db.scalar(select(Child.first_name).where(Child.id == without))
    assert refused.json()["children"] == [
        {"child_id": without, "first_name": first_name, "reason": "no_portal_consent"}]
    # The list of the group's children says so before anyone tries.
    children = (await client.get(f"/api/v1/activities/{activity}/children",
                                 headers=headers)).json()["children"]
    consent = {c["id"]: c["portal_consent"] for c in children}
    assert consent[without] is False and consent[await emma(db)] is True


async def test_a_child_outside_the_group_cannot_be_tagged(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    daan = await db.scalar(select(Child.id).where(Child.first_name == "Daan"))
    refused = await upload(client, activity, jpeg(), headers, (daan,))
    assert refused.json()["children"] == [{"child_id": daan, "reason": "not_in_group"}]


async def test_a_family_sees_its_tagged_child_and_no_other_childs_id(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    other = await other_zonnetjes_child(db, consent=True)
    both = (await upload(client, activity, jpeg(), headers, (await emma(db), other))).json()
    only_other = (await upload(client, activity, jpeg(colour="green"), headers,
                               (other,))).json()
    for email in (SANNE, THOMAS):
        photos = await listed(client, await parent(client, email))
        assert [p["id"] for p in photos] == [both["id"]]
        assert photos[0]["child_ids"] == [await emma(db)]
        assert photos[0]["activity_title"] == "Herfstwandeling"
    lotte = await parent(client, LOTTE)
    assert await listed(client, lotte) == []
    for photo in (both, only_other):
        assert (await client.get(f"/api/v1/photos/{photo['id']}/thumbnail",
                                 headers=lotte)).status_code == 404
    assert (await client.get(f"/api/v1/photos/{only_other['id']}/original",
                             headers=await parent(client))).status_code == 404


async def test_withdrawing_consent_hides_the_photo_at_once(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    photo = (await upload(client, activity, jpeg(), headers, (await emma(db),))).json()
    sanne = await parent(client)
    assert [p["id"] for p in await listed(client, sanne)] == [photo["id"]]
    await db.execute(update(Child).where(Child.id == await emma(db))
                     .values(consent_portal=False))
    await db.commit()
    assert await listed(client, sanne) == []
    assert (await client.get(f"/api/v1/photos/{photo['id']}/screen",
                             headers=sanne)).status_code == 404
    # Staff still see it (it is their group's photo), and cannot tag her again.
    retag = await client.put(f"/api/v1/photos/{photo['id']}/tags", headers=headers,
                             json={"child_ids": [await emma(db)]})
    assert retag.json()["code"] == "photo_tag_refused"


async def test_removing_the_tag_hides_the_photo_and_marks_it_changed(
        client: httpx.AsyncClient, db: AsyncSession, clock) -> None:  # noqa: ANN001
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    photo = (await upload(client, activity, jpeg(), headers, (await emma(db),))).json()
    clock.advance(minutes=5)
    changed = await client.put(f"/api/v1/photos/{photo['id']}/tags", headers=headers,
                               json={"child_ids": []})
    assert changed.status_code == 200, changed.text
    assert changed.json()["child_ids"] == [] and changed.json()["changed_at"] > \
        photo["changed_at"]
    assert await listed(client, await parent(client)) == []


async def test_one_childs_photos(client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    photo = (await upload(client, activity, jpeg(), headers, (await emma(db),))).json()
    sanne = await parent(client)
    assert [p["id"] for p in await listed(client, sanne, child_id=await emma(db))] == \
        [photo["id"]]
    daan = await db.scalar(select(Child.id).where(Child.first_name == "Daan"))
    assert await listed(client, sanne, child_id=daan) == []


async def _end_care(db: AsyncSession, email: str, ended: object) -> None:
    family = await db.scalar(select(User.family_id).where(User.email == email))
    await db.execute(update(Contract).where(Contract.child_id.in_(
        select(Child.id).where(Child.family_id == family))).values(end_date=ended))
    await db.commit()


async def test_photos_end_eight_weeks_after_the_last_contract(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    photo = (await upload(client, activity, jpeg(), headers, (await emma(db),))).json()
    sanne = await parent(client)
    # Her care ends today... the last day of photos is 8 weeks later (inclusive).
    await _end_care(db, SANNE, TODAY)
    body = (await client.get("/api/v1/photos", headers=sanne)).json()
    assert body["available_until"] == (TODAY + timedelta(weeks=8)).isoformat()
    assert [p["id"] for p in body["photos"]] == [photo["id"]]
    # ...and one day past those 8 weeks they are gone, list and files alike.
    await _end_care(db, SANNE, TODAY - timedelta(weeks=8, days=1))
    body = (await client.get("/api/v1/photos", headers=sanne)).json()
    assert body["photos"] == [] and body["available_until"] == (TODAY - timedelta(
        days=1)).isoformat()
    assert (await client.get(f"/api/v1/photos/{photo['id']}/original",
                             headers=sanne)).status_code == 404


async def test_the_period_follows_the_organisations_policy(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    await upload(client, activity, jpeg(), headers, (await emma(db),))
    sanne = await parent(client)
    await _end_care(db, SANNE, TODAY - timedelta(weeks=2))
    organisation = await db.scalar(select(Family.organisation_id).limit(1))
    from server.models import Organisation

    org = await db.get(Organisation, organisation)
    org.policy = {**(org.policy or {}), "diary_retention_weeks": 1}
    await db.commit()
    assert await listed(client, sanne) == []
