"""Whose diary the caller may read and write, and on which days (docs/api.md, "Group day and
diary"): parents their family's children, every day; staff and managers a child through its
contracts in their groups that have not ended (`server/agenda/access.py`), and only the days
those contracts cover — so staff never see the days a child spent in another group, nor the
child at all once it left theirs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.agenda.access import covers, staff_contracts
from server.config import AMSTERDAM
from server.db import hold_rows
from server.diary.retention import diary_ended, family_diary_until
from server.models import Attendance, Child, Contract, DiaryEntry, Role, User
from server.policy import organisation_policy
from server.problems import Problem


@dataclass(frozen=True)
class DiaryScope:
    """One child as the caller may see it: `contracts` None for its parents (every day)."""

    child: Child
    contracts: list[Contract] | None

    def covers(self, day: date) -> bool:
        return self.contracts is None or covers(self.contracts, self.child.id, day)

    @property
    def first_day(self) -> date | None:
        """The earliest day staff may see (None: no bound)."""
        return None if self.contracts is None else min(c.start_date for c in self.contracts)

    @property
    def last_day(self) -> date | None:
        if self.contracts is None or any(c.end_date is None for c in self.contracts):
            return None
        return max(c.end_date for c in self.contracts if c.end_date is not None)


async def diary_scope(db: AsyncSession, user: User, child_id: int, today: date) -> DiaryScope:
    """The child's diary as the caller sees it, or `not_found` (no existence leak)."""
    child = await db.get(Child, child_id)
    if child is None:
        raise Problem("not_found")
    if user.role.is_parent:
        if child.family_id != user.family_id:
            raise Problem("not_found")
        policy = await organisation_policy(db, user.organisation_id)
        until = await family_diary_until(db, child.family_id, policy.diary_retention_weeks)
        if diary_ended(until, today):
            raise Problem("diary_retention_ended", available_until=until.isoformat())
        return DiaryScope(child, None)
    contracts = list((await db.scalars(select(Contract).where(
        Contract.child_id == child_id, Contract.id.in_(staff_contracts(user, today))))).all())
    if not contracts:
        raise Problem("not_found")
    return DiaryScope(child, contracts)


def writable_day(user: User, day: date, now: datetime) -> None:
    """Staff register and write today and yesterday; a manager may correct older days too.
    Nobody writes for a day to come (a parent's note may announce one: `parent_day`)."""
    today = now.astimezone(AMSTERDAM).date()
    if day > today:
        raise Problem("diary_in_future")
    if user.role is Role.STAFF and day < today - timedelta(days=1):
        raise Problem("diary_day_closed")


def not_in_future(day: date, at: time | None, now: datetime) -> None:
    """A time of today that has not come yet (an arrival at 15:00 registered at 10:00)."""
    local = now.astimezone(AMSTERDAM)
    if at is not None and day == local.date() and at > local.time().replace(tzinfo=None):
        raise Problem("diary_in_future")


# A parent's note may be about the coming week ("oma haalt op vrijdag") or the days just
# gone; one written offline keeps its day however late it is delivered within a week.
PARENT_DAYS_BACK = 7
PARENT_DAYS_AHEAD = 7


def parent_day(day: date, today: date) -> None:
    if day > today + timedelta(days=PARENT_DAYS_AHEAD):
        raise Problem("diary_in_future")
    if day < today - timedelta(days=PARENT_DAYS_BACK):
        raise Problem("diary_day_closed")


async def take_revisions(db: AsyncSession, child_ids: list[int]) -> dict[int, int]:
    """The next diary revision of each child, with the children's rows held until commit
    (`hold_rows`): writers of one child take revisions one after another and commit in that
    order, so a sync that saw revision n has seen every change up to n."""
    ids = sorted(set(child_ids))
    await hold_rows(db, Child, ids)
    current = {child_id: 0 for child_id in ids}
    for model in (DiaryEntry, Attendance):
        for child_id, revision in await db.execute(
                select(model.child_id, func.max(model.revision))
                .where(model.child_id.in_(ids)).group_by(model.child_id)):
            current[child_id] = max(current[child_id], revision or 0)
    return {child_id: revision + 1 for child_id, revision in current.items()}


async def current_revision(db: AsyncSession, child_id: int) -> int:
    revisions = [await db.scalar(select(func.max(model.revision))
                                 .where(model.child_id == child_id))
                 for model in (DiaryEntry, Attendance)]
    return max(r or 0 for r in revisions)
