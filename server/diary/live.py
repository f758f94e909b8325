"""The `diary` live event: a child's diary day changed for its family (docs/api.md, "Live
updates"). Published by every write of the diary (staff's entries and registrations, a
parent's note: the other parent's app syncs it too), in the write's transaction, to the
parents of the child — both, the secondary parent too — as long as the family may read the
diary (`diary_ended`: the 8 weeks after care ended). Never to staff: they made the change."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.diary.retention import diary_ended, family_diary_until
from server.events.bus import publish
from server.models import Child, Family, User
from server.policy import organisation_policy


async def tell_families(db: AsyncSession, child_ids: list[int], day: date,
                        now: datetime) -> None:
    """Each child's parents hear that its diary of `day` changed (`child_id`, `date`)."""
    today = now.astimezone(AMSTERDAM).date()
    children = (await db.execute(
        select(Child.id, Child.family_id, Family.organisation_id)
        .join(Family, Family.id == Child.family_id)
        .where(Child.id.in_(sorted(set(child_ids)))).order_by(Child.id))).all()
    for child_id, family_id, organisation_id in children:
        policy = await organisation_policy(db, organisation_id)
        if diary_ended(await family_diary_until(db, family_id, policy.diary_retention_weeks),
                       today):
            continue
        parents = (await db.scalars(select(User.id).where(User.family_id == family_id))).all()
        await publish(db, "diary", parents, {"child_id": child_id, "date": day.isoformat()},
                      now)
