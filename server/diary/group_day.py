"""The group day (Groep vandaag): for a group and a date, the children expected per day-part,
computed from what already exists — the contracts' weekly pattern, closing days, school
holidays, approved extra days, reported absences — and the day's attendance, with the group's
places. Staff of the group and the location manager only (docs/api.md, "Group day and diary").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from server.agenda.absences import active_absences, school_holidays
from server.agenda.access import own_group_ids
from server.agenda.planning import expand_planning
from server.models import (
    Absence,
    Attendance,
    Child,
    ChildDetails,
    ClosingDay,
    Contract,
    DayPart,
    ExtraDayItem,
    ExtraDayRequest,
    ExtraDayStatus,
    GroupCapacity,
    Role,
    User,
)
from server.problems import Problem


@dataclass
class ChildDay:
    """One child's day in the group: its day-parts (planned or approved extra), which of them
    it is reported absent for, and its attendance."""

    child: Child
    parts: list[DayPart] = field(default_factory=list)
    extra: set[DayPart] = field(default_factory=set)
    absences: dict[DayPart, Absence] = field(default_factory=dict)
    attendance: Attendance | None = None
    details: ChildDetails | None = None

    @property
    def expected(self) -> bool:
        return any(part not in self.absences for part in self.parts)

    @property
    def status(self) -> str:
        """`left`, `arrived`, `absent`, `expected` or `not_expected` (registered although
        no day-part was planned: it came anyway)."""
        if self.attendance is not None and self.attendance.left_at is not None:
            return "left"
        if self.attendance is not None and self.attendance.arrived_at is not None:
            return "arrived"
        if not self.parts:
            return "not_expected"
        return "expected" if self.expected else "absent"


@dataclass
class GroupDay:
    group_id: int
    day: date
    children: list[ChildDay]
    places: dict[DayPart, int]


def readable_day(user: User, day: date, today: date) -> None:
    """Staff look at today and yesterday (to correct); a manager at any day."""
    if user.role is Role.STAFF and not today - timedelta(days=1) <= day <= today:
        raise Problem("diary_day_closed")


async def group_day(db: AsyncSession, user: User, group_id: int, day: date) -> GroupDay:
    if user.role.is_parent or group_id not in await own_group_ids(db, user):
        raise Problem("forbidden")
    contracts = list((await db.scalars(select(Contract).where(
        Contract.group_id == group_id, Contract.start_date <= day,
        or_(Contract.end_date.is_(None), Contract.end_date >= day))
        .options(joinedload(Contract.days), joinedload(Contract.group, innerjoin=True),
                 joinedload(Contract.child, innerjoin=True)))).unique().all())
    closing = (await db.scalars(select(ClosingDay).where(
        ClosingDay.organisation_id == user.organisation_id, ClosingDay.day == day))).all()
    holidays = await school_holidays(db, user.organisation_id, day, day)
    days: dict[int, ChildDay] = {c.child_id: ChildDay(c.child) for c in contracts}
    for planned in expand_planning(contracts, closing, day, day, holidays):
        days[planned.child_id].parts.append(planned.day_part)
    extra = await db.execute(
        select(ExtraDayItem.contract_id, ExtraDayItem.day_part, ExtraDayRequest.child_id)
        .join(ExtraDayRequest, ExtraDayRequest.id == ExtraDayItem.request_id)
        .where(ExtraDayItem.contract_id.in_([c.id for c in contracts]),
               ExtraDayItem.date == day, ExtraDayRequest.status == ExtraDayStatus.APPROVED))
    for _, part, child_id in extra:
        days[child_id].parts.append(part)
        days[child_id].extra.add(part)
    attendance = (await db.scalars(select(Attendance).where(
        Attendance.day == day, or_(Attendance.group_id == group_id,
                                   Attendance.child_id.in_(list(days)))))).all()
    for row in attendance:
        if row.child_id not in days:
            days[row.child_id] = ChildDay(await db.get(Child, row.child_id))
        days[row.child_id].attendance = row
    for absence in await active_absences(db, list(days), day, day):
        if absence.child_id in days:
            days[absence.child_id].absences[absence.day_part] = absence
    for details in (await db.scalars(select(ChildDetails).where(
            ChildDetails.child_id.in_(list(days))))).all():
        days[details.child_id].details = details
    order = list(DayPart)
    for child_day in days.values():
        child_day.parts.sort(key=order.index)
    places = {c.day_part: c.places for c in (await db.scalars(
        select(GroupCapacity).where(GroupCapacity.group_id == group_id))).all()}
    ordered = sorted(days.values(), key=lambda d: (d.child.first_name, d.child.last_name,
                                                   d.child.id))
    return GroupDay(group_id, day, ordered, places)
