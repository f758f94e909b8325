"""The `photos` live event: photos became visible to a family or were hidden from it
(docs/api.md, "Live updates"). Who sees a photo is `server.photos.rules`' question
(`families_seeing`: a tag of the family's own child whose consent covers the portal), asked
before and after a change; each family whose answer changed hears of it — its parents, both,
for as long as its photo period lasts (`photo_period_over`). Never another family, never
staff (they made the change). Ids only: the app syncs its listing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.events.bus import publish
from server.models import Family, User
from server.photos.rules import families_seeing, photo_period_over, photos_until_of

#: What happened to the photo for the family.
ADDED, REMOVED, CHANGED = "added", "removed", "changed"

Seeing = dict[int, frozenset[int]]


async def seeing(db: AsyncSession, photo_id: int) -> Seeing:
    """Family id → its children through whom it sees the photo."""
    found: dict[int, set[int]] = {}
    for family_id, child_id in (await db.execute(families_seeing(photo_id))).all():
        found.setdefault(family_id, set()).add(child_id)
    return {family: frozenset(children) for family, children in found.items()}


async def tell_families(db: AsyncSession, activity_id: int, photo_id: int, before: Seeing,
                        after: Seeing, now: datetime) -> None:
    """Every family whose view of the photo changed between `before` and `after` hears
    `added` (it sees it now), `removed` (no longer) or `changed` (through other children:
    the app's filter per child changes)."""
    for family_id in sorted(before.keys() | after.keys()):
        if before.get(family_id) == after.get(family_id):
            continue
        change = ADDED if family_id not in before else REMOVED if family_id not in after \
            else CHANGED
        await _tell(db, family_id, {"activity_id": activity_id, "photo_id": photo_id,
                                    "change": change}, now)


async def consent_changed(db: AsyncSession, family_id: int, child_id: int, portal: bool,
                          now: datetime) -> None:
    """The write that changes a child's portal photo consent calls this in its transaction:
    the child's photos appear (`added`) or disappear (`removed`) for its family at once."""
    await _tell(db, family_id, {"child_id": child_id, "change": ADDED if portal else REMOVED},
                now)


async def _tell(db: AsyncSession, family_id: int, data: dict[str, object],
                now: datetime) -> None:
    organisation_id = await db.scalar(select(Family.organisation_id).where(
        Family.id == family_id))
    if organisation_id is None or photo_period_over(
            await photos_until_of(db, organisation_id, family_id),
            now.astimezone(AMSTERDAM).date()):
        return
    parents = (await db.scalars(select(User.id).where(User.family_id == family_id))).all()
    await publish(db, "photos", parents, data, now)
