"""`/api/v1/photos/{id}/heart`: a parent marks a photo with a heart or takes it off; staff see
how many parents did (docs/api.md, "Hearts").

Who sees what: a parent only whether they marked it themselves (never how many others did:
that would tell them about other families on the photo); staff and managers of the group the
count, counting only parents whose family still sees the photo (a tag of one of their
children with portal consent), so withdrawn consent or a removed tag takes the heart out of
the count at once, like the photo out of the family's list. Organisations turn hearts off
with the policy value `photo_hearts`: no heart in any answer, and these endpoints refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy import ColumnElement, ScalarSelect, delete, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db import dialect_insert
from server.deps import Auth, CurrentSettings, Db
from server.models import Activity, Child, Photo, PhotoHeart, PhotoTag, User
from server.photos.rules import consenting_tag, readable_photo
from server.photos.schemas import HeartOut
from server.policy import organisation_policy
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(tags=["photos"])
PhotoId = Annotated[int, Path(ge=1, le=2**31 - 1)]
REFUSALS = problem_responses("not_authenticated", "token_expired", "account_expired",
                             "forbidden", "not_found", "photo_hearts_off")


@dataclass(frozen=True)
class HeartView:
    """What a reader sees of the hearts: their own (`user_id`, a parent) or the count
    (`user_id` None: staff)."""

    user_id: int | None


async def heart_view(db: AsyncSession, user: User) -> HeartView | None:
    """None when the organisation has hearts off."""
    if not (await organisation_policy(db, user.organisation_id)).photo_hearts:
        return None
    return HeartView(user.id if user.role.is_parent else None)


def _still_seen() -> ColumnElement[bool]:
    """The condition that the heart's parent's family still sees the heart's photo."""
    return exists().where(PhotoTag.photo_id == PhotoHeart.photo_id, consenting_tag(),
                          Child.family_id == User.family_id)


def activity_heart_count() -> ScalarSelect[int]:
    """Per activity (correlated): the hearts on its photos that count (staff's list)."""
    return (select(func.count()).select_from(PhotoHeart)
            .join(Photo, Photo.id == PhotoHeart.photo_id)
            .join(User, User.id == PhotoHeart.user_id)
            .where(Photo.activity_id == Activity.id, _still_seen())
            .correlate(Activity).scalar_subquery())


async def heart_values(db: AsyncSession, view: HeartView, photo_ids: list[int]
                       ) -> dict[int, int]:
    """Per photo: 1 when the parent marked it (parents), else the number of parents whose
    family still sees it (staff); photos without are left out."""
    if view.user_id is not None:
        return dict.fromkeys((await db.scalars(select(PhotoHeart.photo_id).where(
            PhotoHeart.user_id == view.user_id, PhotoHeart.photo_id.in_(photo_ids)))).all(), 1)
    rows = await db.execute(
        select(PhotoHeart.photo_id, func.count()).join(User, User.id == PhotoHeart.user_id)
        .where(PhotoHeart.photo_id.in_(photo_ids), _still_seen())
        .group_by(PhotoHeart.photo_id))
    return {photo_id: count for photo_id, count in rows.all()}


async def _hearted_photo(db: AsyncSession, user: User, photo_id: int, today: date) -> int:
    if not user.role.is_parent:
        raise Problem("forbidden")
    if not (await organisation_policy(db, user.organisation_id)).photo_hearts:
        raise Problem("photo_hearts_off")
    return (await readable_photo(db, user, photo_id, today)).id


@router.put("/photos/{photo_id}/heart", response_model=HeartOut, responses=REFUSALS)
async def put_heart(photo_id: PhotoId, db: Db, auth: Auth, settings: CurrentSettings
                    ) -> HeartOut:
    """Mark the photo with the parent's heart; marking it again changes nothing."""
    found = await _hearted_photo(db, auth.user, photo_id, settings.today())
    await db.execute(dialect_insert(db)(PhotoHeart).values(
        photo_id=found, user_id=auth.user.id, created_at=settings.now())
        .on_conflict_do_nothing(index_elements=["photo_id", "user_id"]))
    await db.commit()
    return HeartOut(hearted=True)


@router.delete("/photos/{photo_id}/heart", response_model=HeartOut, responses=REFUSALS)
async def delete_heart(photo_id: PhotoId, db: Db, auth: Auth, settings: CurrentSettings
                       ) -> HeartOut:
    """Take the parent's heart off; without one this changes nothing."""
    found = await _hearted_photo(db, auth.user, photo_id, settings.today())
    await db.execute(delete(PhotoHeart).where(PhotoHeart.photo_id == found,
                                              PhotoHeart.user_id == auth.user.id))
    await db.commit()
    return HeartOut(hearted=False)
