"""Who may see, post and tag which photos (docs/api.md, "Photos"): the rules in one place.

- Staff post and tag in the activities of their own groups, a manager in those of the groups
  of their locations (`server.agenda.access.own_group_ids`); parents post nothing.
- A child may be tagged only while in the activity's group on its day (a contract there that
  covers the day) and only with portal photo consent.
- A family sees a photo through a tag of one of its children whose consent covers the portal,
  for as long as the family's photo access lasts: until `diary_retention_weeks` after its last
  contract ended (the same period as the diary). Withdrawing consent or removing the tag
  hides the photo at once: both are read on every request, nothing is copied.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.agenda.access import own_group_ids
from server.auth.expiry import care_ended_on
from server.models import Activity, Child, Contract, Photo, PhotoTag, User
from server.policy import organisation_policy
from server.problems import Problem


def photos_until(ended_on: date | None, retention_weeks: int) -> date | None:
    """The family's last day of photos (None: care has not ended)."""
    return None if ended_on is None else ended_on + timedelta(weeks=retention_weeks)


async def family_photos_until(db: AsyncSession, user: User) -> date | None:
    return await photos_until_of(db, user.organisation_id, user.family_id)


async def photos_until_of(db: AsyncSession, organisation_id: int, family_id: int
                          ) -> date | None:
    policy = await organisation_policy(db, organisation_id)
    ended_on = await db.scalar(select(care_ended_on(family_id)))
    return photos_until(ended_on, policy.diary_retention_weeks)


def photo_period_over(until: date | None, today: date) -> bool:
    """Whether the family's photos ended before `today` (`until` its last day)."""
    return until is not None and today > until


def photos_select() -> Any:
    """(Photo, Activity) rows, for the listings to narrow down."""
    return select(Photo, Activity).join(Activity, Activity.id == Photo.activity_id)


def consenting_tag() -> ColumnElement[bool]:
    """The condition on `PhotoTag` and `Child` that the tag shows the photo to the child's
    family: the child's consent covers the portal. Every question of who sees a photo asks
    it (the listing, the files, the hearts, the live events)."""
    return and_(Child.id == PhotoTag.child_id, Child.consent_portal.is_(True))


def seen_by_family(family_id: int) -> ColumnElement[bool]:
    """The condition on `Photo` that one of the family's children is tagged with consent."""
    return exists().where(PhotoTag.photo_id == Photo.id, consenting_tag(),
                          Child.family_id == family_id)


def families_seeing(photo_id: int) -> Any:
    """(family id, child id) of every family that sees the photo, through which of its
    children: the families `seen_by_family` answers yes for."""
    return select(Child.family_id, Child.id).select_from(PhotoTag).join(
        Child, consenting_tag()).where(PhotoTag.photo_id == photo_id)


def family_photos(family_id: int, child_id: int | None = None) -> Any:
    """(Photo, Activity) the family sees (of one child with `child_id`): `GET /photos` and the
    diary's PDF ask the same question, so they give the same answer."""
    query = photos_select().where(seen_by_family(family_id))
    if child_id is not None:
        query = query.where(select(PhotoTag.child_id).where(
            PhotoTag.photo_id == Photo.id, PhotoTag.child_id == child_id).exists())
    return query


async def posting_activity(db: AsyncSession, user: User, activity_id: int) -> Activity:
    """The activity when the caller may post and tag in it; `not_found` for a parent or an
    activity of another group (its existence is nobody else's business)."""
    activity = await db.get(Activity, activity_id)
    if user.role.is_parent or activity is None or \
            activity.group_id not in await own_group_ids(db, user):
        raise Problem("not_found")
    return activity


async def check_posting_group(db: AsyncSession, user: User, group_id: int) -> None:
    if user.role.is_parent:
        raise Problem("forbidden")
    if group_id not in await own_group_ids(db, user):
        raise Problem("forbidden")


def in_group_on(group_id: int, day: date) -> ColumnElement[bool]:
    """The condition on `Child` that a contract places it in the group on the day."""
    return exists().where(Contract.child_id == Child.id, Contract.group_id == group_id,
                          Contract.start_date <= day,
                          or_(Contract.end_date.is_(None), Contract.end_date >= day))


async def taggable_children(db: AsyncSession, activity: Activity) -> list[Child]:
    """The children of the activity's group on its day, with and without consent."""
    return list((await db.scalars(
        select(Child).where(in_group_on(activity.group_id, activity.day))
        .order_by(Child.first_name, Child.last_name, Child.id))).all())


async def check_tags(db: AsyncSession, activity: Activity, child_ids: list[int]) -> list[int]:
    """The distinct child ids when every one may be tagged on this activity's photos;
    `photo_tag_refused` otherwise, naming each refused child and why."""
    wanted = sorted(set(child_ids))
    if not wanted:
        return []
    found: dict[int, Any] = {row.id: row for row in (await db.execute(
        select(Child.id, Child.first_name, Child.consent_portal,
               in_group_on(activity.group_id, activity.day).label("in_group"))
        .where(Child.id.in_(wanted)))).all()}
    refused = []
    for child_id in wanted:
        row = found.get(child_id)
        if row is None or not row.in_group:
            refused.append({"child_id": child_id, "reason": "not_in_group"})
        elif not row.consent_portal:
            refused.append({"child_id": child_id, "first_name": row.first_name,
                            "reason": "no_portal_consent"})
    if refused:
        raise Problem("photo_tag_refused", children=refused)
    return wanted


async def readable_photo(db: AsyncSession, user: User, photo_id: int, today: date
                         ) -> Photo:
    """The photo when the caller may see it: a parent through a tag of their family (within
    the photo period), staff and managers in their groups; `not_found` otherwise."""
    if user.role.is_parent:
        if user.family_id is None:
            raise Problem("not_found")
        if photo_period_over(await family_photos_until(db, user), today):
            raise Problem("not_found")
        photo = await db.scalar(select(Photo).where(Photo.id == photo_id,
                                                    seen_by_family(user.family_id)))
    else:
        photo = await db.scalar(
            select(Photo).join(Activity, Activity.id == Photo.activity_id)
            .where(Photo.id == photo_id,
                   Activity.group_id.in_(await own_group_ids(db, user) or {-1})))
    if photo is None:
        raise Problem("not_found")
    return photo


def family_tags(family_id: int, photo_ids: list[int]) -> Any:
    """(photo id, child id) of the family's own consenting children on these photos: a
    parent never learns which other children are on a photo."""
    return select(PhotoTag.photo_id, PhotoTag.child_id).join(Child, consenting_tag()).where(
        PhotoTag.photo_id.in_(photo_ids), Child.family_id == family_id)
