"""The parents set their child's photo consents (docs/api.md, "Personal data" and "Photos"):
either parent may, nobody else; withdrawing the portal consent hides the tagged photos from
that family at once (another family's child on the same photo keeps it), the tags stay so
giving it again shows them again, staff cannot tag meanwhile, both parents hear it."""

from __future__ import annotations

from datetime import timedelta

import httpx
from photo_files import jpeg
from server_helpers import LOTTE, MANAGER, SANNE, THOMAS, TODAY, live_events
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from test_server_photo_consent import _end_care, listed, other_zonnetjes_child, parent
from test_server_photo_hearts import _count, _heart
from test_server_photo_upload import emma, new_activity, staff, upload

from server.models import AuditEntry, Child, User

ALL = {"portal": True, "website": True, "social_media": False}
NO_PORTAL = {**ALL, "portal": False}


def _path(child: int) -> str:
    return f"/api/v1/personal-data/children/{child}/photo-consent"


async def _set(client: httpx.AsyncClient, headers: dict[str, str], child: int,
               consent: dict[str, bool], key: str | None = None) -> httpx.Response:
    extra = {"Idempotency-Key": key} if key else {}
    return await client.put(_path(child), json=consent, headers={**headers, **extra})


async def _me_consent(client: httpx.AsyncClient, headers: dict[str, str], child: int) -> dict:
    me = (await client.get("/api/v1/me", headers=headers)).json()
    return next(c["photo_consent"] for c in me["children"] if c["id"] == child)


async def test_either_parent_changes_the_consents_as_me_shows_them(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    child = await emma(db)
    for email, consent in ((SANNE, ALL), (THOMAS, {**ALL, "website": False})):
        headers = await parent(client, email)
        answer = await _set(client, headers, child, consent)
        assert answer.status_code == 200, answer.text
        assert answer.json() == consent == await _me_consent(client, headers, child)


async def test_staff_managers_and_another_family_are_refused(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    child = await emma(db)
    for headers, code in ((await staff(client), "forbidden"),
                          (await parent(client, MANAGER), "forbidden"),
                          (await parent(client, LOTTE), "not_found")):
        refused = await _set(client, headers, child, NO_PORTAL)
        assert refused.json()["code"] == code
    assert (await _me_consent(client, await parent(client), child))["portal"] is True


async def test_a_parent_whose_access_ended_is_refused(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    lotte = await parent(client, LOTTE)
    family = await db.scalar(select(User.family_id).where(User.email == LOTTE))
    child = await db.scalar(select(Child.id).where(Child.family_id == family).limit(1))
    # Her care ended longer ago than the account's retention (15 months in the demo).
    await _end_care(db, LOTTE, TODAY - timedelta(days=500))
    refused = await _set(client, lotte, child, NO_PORTAL)
    assert (refused.status_code, refused.json()["code"]) == (403, "account_expired")


async def test_withdrawing_hides_the_photo_from_this_family_only_and_giving_shows_it(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    other = await other_zonnetjes_child(db, consent=True)
    other_parent = await db.scalar(select(User.email).where(
        User.family_id == select(Child.family_id).where(Child.id == other).scalar_subquery())
        .order_by(User.id).limit(1))
    child = await emma(db)
    photo = (await upload(client, activity, jpeg(), headers, (child, other))).json()["id"]
    sanne, theirs = await parent(client), await parent(client, other_parent)
    assert (await _heart(client, sanne, {"id": photo})).status_code == 200
    assert await _count(client, activity) == 1

    assert (await _set(client, await parent(client, THOMAS), child, NO_PORTAL)
            ).status_code == 200
    assert await listed(client, sanne) == []
    for rendition in ("thumbnail", "screen", "original"):
        assert (await client.get(f"/api/v1/photos/{photo}/{rendition}",
                                 headers=sanne)).status_code == 404
    assert [p["id"] for p in await listed(client, theirs)] == [photo]
    assert (await client.get(f"/api/v1/photos/{photo}/original",
                             headers=theirs)).status_code == 200
    # Her heart no longer counts, and she cannot give one.
    assert await _count(client, activity) == 0
    assert (await _heart(client, sanne, {"id": photo})).status_code == 404
    # Staff can no longer tag her, and the group's list says why; the tag itself stays.
    children = (await client.get(f"/api/v1/activities/{activity}/children",
                                 headers=headers)).json()["children"]
    assert {c["id"]: c["portal_consent"] for c in children}[child] is False
    second = await upload(client, activity, jpeg(colour="green"), headers, (child,))
    assert second.json()["children"] == [
        {"child_id": child, "first_name": "Emma", "reason": "no_portal_consent"}]

    assert (await _set(client, sanne, child, ALL)).status_code == 200
    shown = await listed(client, sanne)
    assert [p["id"] for p in shown] == [photo] and shown[0]["child_ids"] == [child]
    assert await _count(client, activity) == 1  # her heart was kept
    assert (await upload(client, activity, jpeg(colour="green"), headers, (child,))
            ).status_code == 201


async def test_both_parents_hear_it_and_a_replay_writes_once(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    child = await emma(db)
    sanne = await parent(client)
    first = await _set(client, sanne, child, NO_PORTAL, key="withdraw-1")
    again = await _set(client, sanne, child, NO_PORTAL, key="withdraw-1")
    assert again.status_code == first.status_code == 200
    assert again.json() == first.json() == NO_PORTAL
    withdrawn = {"child_id": child, "change": "removed"}
    assert await live_events(db, "photos") == {SANNE: [withdrawn], THOMAS: [withdrawn]}
    # Website was already given; only the portal changed, audited once for all the replays.
    audited = await db.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.action == "photo_consent_changed"))
    assert audited == 1
    # A change of website alone touches nobody's photos: no event.
    assert (await _set(client, sanne, child, {**NO_PORTAL, "website": False})
            ).status_code == 200
    assert await live_events(db, "photos") == {SANNE: [withdrawn], THOMAS: [withdrawn]}
