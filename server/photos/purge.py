"""The photos' purge step (`ouderportaal-server purge`, server.purge): after a family's photo
period (`diary_retention_weeks` after its last contract, docs/api.md "Photos") its children's
tags and its parents' hearts go; a photo that no other family's tag still needs goes with its
files, and a blob no photo names any more is removed from the store. Running it again finds
nothing to do."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.auth.expiry import care_ended_on
from server.blobs import BlobStore
from server.models import (
    Child,
    Family,
    Organisation,
    Photo,
    PhotoFile,
    PhotoHeart,
    PhotoTag,
    User,
)
from server.policy import effective_policy

__all__ = ["purge_photos"]

log = logging.getLogger("server.purge")


async def _families_past_their_period(db: AsyncSession, today: date) -> set[int]:
    """Families whose photo period ended before today."""
    ended = care_ended_on(Family.id).label("ended_on")
    rows = (await db.execute(
        select(Family.id, ended, Organisation.policy)
        .join(Organisation, Organisation.id == Family.organisation_id))).all()
    past = {family_id for family_id, ended_on, policy in rows if ended_on is not None
            and ended_on + timedelta(weeks=effective_policy(policy).diary_retention_weeks)
            < today}
    return past


async def purge_photos(db: AsyncSession, blobs: BlobStore, today: date) -> dict[str, int]:
    """One purge of the photos; the counts of what went (for the log, never per family)."""
    families = await _families_past_their_period(db, today)
    counts = {"tags": 0, "hearts": 0, "photos": 0, "files": 0}
    if not families:
        log.info("purge photos: nothing to remove")
        return counts
    children = set((await db.scalars(select(Child.id).where(
        Child.family_id.in_(families)))).all())
    counts["hearts"] = (await db.execute(delete(PhotoHeart).where(
        PhotoHeart.user_id.in_(select(User.id).where(User.family_id.in_(families))))
    )).rowcount or 0
    tagged = select(PhotoTag.photo_id).where(PhotoTag.child_id.in_(children))
    still_needed = select(PhotoTag.photo_id).where(PhotoTag.child_id.not_in(children))
    gone = list((await db.scalars(select(Photo.id).where(
        Photo.id.in_(tagged), Photo.id.not_in(still_needed)))).all())
    keys = set((await db.scalars(select(PhotoFile.blob_key).where(
        PhotoFile.photo_id.in_(gone)))).all()) if gone else set()
    counts["tags"] = (await db.execute(
        delete(PhotoTag).where(PhotoTag.child_id.in_(children)))).rowcount or 0
    if gone:
        await db.execute(delete(PhotoFile).where(PhotoFile.photo_id.in_(gone)))
        counts["photos"] = (await db.execute(
            delete(Photo).where(Photo.id.in_(gone)))).rowcount or 0
    await db.commit()
    # Content-addressed: the same bytes may be another photo's file too.
    shared = set((await db.scalars(select(PhotoFile.blob_key).where(
        PhotoFile.blob_key.in_(keys)))).all()) if keys else set()
    for key in sorted(keys - shared):
        await blobs.delete(key)
        counts["files"] += 1
    log.info("purge photos: %(photos)d photos, %(tags)d tags, %(hearts)d hearts, %(files)d files "
             "removed", counts)
    return counts
