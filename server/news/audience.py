"""Who reads which news, and who may publish for whom (docs/api.md, "News").

A parent reads the news of the organisation, of the locations of their children's current
groups and of those groups. Staff read the organisation's, their groups' locations' and their
groups'; a location manager the organisation's and everything of their locations. Staff
publish for their own groups; a manager for the organisation, their locations and those
locations' groups. Authors also see their own items before they are published."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.agenda.access import own_group_ids
from server.config import AMSTERDAM
from server.models import (
    AudienceKind,
    CareGroup,
    Child,
    Contract,
    NewsAudience,
    NewsItem,
    Role,
    User,
    manager_location,
)
from server.problems import Problem


async def reader_targets(db: AsyncSession, user: User,
                         today: date) -> tuple[set[int], set[int]]:
    """(location ids, group ids) whose news the caller reads."""
    if user.role.is_parent:
        groups = set((await db.scalars(select(Contract.group_id).join(
            Child, Child.id == Contract.child_id).where(
            Child.family_id == user.family_id,
            or_(Contract.end_date.is_(None), Contract.end_date >= today)))).all())
    else:
        groups = await own_group_ids(db, user)
    locations = set((await db.scalars(select(CareGroup.location_id).where(
        CareGroup.id.in_(groups)))).all()) if groups else set()
    if user.role is Role.MANAGER:
        locations |= await _managed(db, user)
    return locations, groups


async def _managed(db: AsyncSession, user: User) -> set[int]:
    return set((await db.scalars(select(manager_location.c.location_id).where(
        manager_location.c.user_id == user.id))).all())


def readable(user: User, locations: set[int], groups: set[int],
             now: datetime) -> ColumnElement[bool]:
    """The condition on `NewsItem` for what the caller reads (published, or their own)."""
    audience = NewsAudience
    meant = exists().where(audience.news_id == NewsItem.id, or_(
        audience.kind == AudienceKind.ORGANISATION,
        and_(audience.kind == AudienceKind.LOCATION, audience.target_id.in_(locations)),
        and_(audience.kind == AudienceKind.GROUP, audience.target_id.in_(groups))))
    return and_(NewsItem.organisation_id == user.organisation_id,
                or_(and_(NewsItem.published_at <= now, meant), NewsItem.author_id == user.id))


async def publishable(db: AsyncSession, user: User) -> tuple[bool, set[int], set[int]]:
    """(the organisation, location ids, group ids) the caller may publish for."""
    if user.role.is_parent:
        return False, set(), set()
    if user.role is Role.STAFF:
        return False, set(), await own_group_ids(db, user)
    managed = await _managed(db, user)
    groups = set((await db.scalars(select(CareGroup.id).where(
        CareGroup.location_id.in_(managed)))).all()) if managed else set()
    return True, managed, groups


async def check_publish(db: AsyncSession, user: User, organisation: bool,
                        location_ids: list[int], group_ids: list[int]) -> None:
    """`forbidden` unless the caller may publish for every part of this audience."""
    if user.role.is_parent:
        raise Problem("forbidden")
    for_organisation, locations, groups = await publishable(db, user)
    if (organisation and not for_organisation) or not set(location_ids) <= locations \
            or not set(group_ids) <= groups:
        raise Problem("forbidden")


async def readable_item(db: AsyncSession, user: User, news_id: int, now: datetime) -> NewsItem:
    """The item if the caller reads it, else `not_found` (no existence leak)."""
    locations, groups = await reader_targets(db, user, now.astimezone(AMSTERDAM).date())
    item = await db.scalar(select(NewsItem).where(
        NewsItem.id == news_id, readable(user, locations, groups, now)))
    if item is None:
        raise Problem("not_found")
    return item
