"""The `photos` live event (docs/api.md, "Live updates"): a family hears when a photo becomes
visible to it (posted with a tag of its child, a tag added), is hidden from it (the tag
removed, consent withdrawn) or shows other children of it — both parents, and no other family:
not one whose child is tagged without consent any more, not the staff who posted it; a family
past its photo period hears nothing."""

from __future__ import annotations

from datetime import timedelta

import httpx
from photo_files import jpeg
from server_helpers import FATIMA, LOTTE, SANNE, THOMAS, TODAY, live_events
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from test_server_photo_consent import _end_care, other_zonnetjes_child
from test_server_photo_upload import emma, new_activity, staff, upload

from server.models import Child, User
from server.photos.live import consent_changed


async def _families(db: AsyncSession, *child_ids: int) -> set[str]:
    """The parents' addresses of these children's families."""
    families = select(Child.family_id).where(Child.id.in_(child_ids))
    return set((await db.scalars(select(User.email).where(
        User.family_id.in_(families)))).all())


async def test_a_posted_photo_tells_the_tagged_familys_parents_only(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    photo = (await upload(client, activity, jpeg(), headers, (await emma(db),))).json()
    untagged = (await upload(client, activity, jpeg(colour="green"), headers)).json()
    added = {"activity_id": activity, "photo_id": photo["id"], "change": "added"}
    assert await live_events(db, "photos") == {SANNE: [added], THOMAS: [added]}
    assert untagged["child_ids"] == []


async def test_tags_added_and_removed_and_consent_withdrawn_meanwhile(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    headers = await staff(client)
    activity = await new_activity(client, db, headers)
    other = await other_zonnetjes_child(db, consent=True)
    others = await _families(db, other)
    assert SANNE not in others and others
    photo = (await upload(client, activity, jpeg(), headers, (other,))).json()["id"]
    tagged = await client.put(f"/api/v1/photos/{photo}/tags", headers=headers,
                              json={"child_ids": [other, await emma(db)]})
    assert tagged.status_code == 200, tagged.text
    events = await live_events(db, "photos")
    assert [e["change"] for e in events[SANNE]] == ["added"]
    assert all([e["change"] for e in events[email]] == ["added"] for email in others)
    # The other child's consent is withdrawn: that family no longer sees the photo, so
    # taking Emma off tells only the De Vries family.
    await db.execute(update(Child).where(Child.id == other).values(consent_portal=False))
    await db.commit()
    removed = await client.put(f"/api/v1/photos/{photo}/tags", headers=headers,
                               json={"child_ids": []})
    assert removed.status_code == 200, removed.text
    events = await live_events(db, "photos")
    gone = {"activity_id": activity, "photo_id": photo, "change": "removed"}
    assert events[SANNE][-1] == gone and events[THOMAS][-1] == gone
    assert all(len(events[email]) == 1 for email in others)
    assert FATIMA not in events and LOTTE not in events


async def test_consent_changes_tell_the_family_within_its_photo_period_only(
        client: httpx.AsyncClient, db: AsyncSession, clock) -> None:  # noqa: ANN001
    child = await emma(db)
    family = await db.scalar(select(Child.family_id).where(Child.id == child))
    await _end_care(db, SANNE, TODAY - timedelta(weeks=8))  # today is the last day
    await consent_changed(db, family, child, False, clock())
    await _end_care(db, SANNE, TODAY - timedelta(weeks=8, days=1))  # ended yesterday
    await consent_changed(db, family, child, True, clock())
    await db.commit()
    withdrawn = {"child_id": child, "change": "removed"}
    assert await live_events(db, "photos") == {SANNE: [withdrawn], THOMAS: [withdrawn]}
