"""How long a family's diary stays after its care ended, and removing it after that
(docs/api.md, "Group day and diary"): the policy's `diary_retention_weeks` (8) after the last
contract's end date the parents no longer see it, and `ouderportaal-server purge` removes it.
One value for the diary and the photos: "Het dagboek en de foto's zijn nog 8 weken lang
beschikbaar"."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.auth.expiry import care_ended_on
from server.models import Attendance, AttendanceChange, Child, DiaryEntry, Family, Organisation
from server.policy import effective_policy

log = logging.getLogger(__name__)


def diary_until(ended_on: date | None, weeks: int) -> date | None:
    """The last day parents see the diary (None: care has not ended)."""
    return None if ended_on is None else ended_on + timedelta(weeks=weeks)


def diary_ended(until: date | None, today: date) -> bool:
    """Whether the family's diary ended before `today` (`until` its last day)."""
    return until is not None and today > until


async def family_diary_until(db: AsyncSession, family_id: int, weeks: int) -> date | None:
    return diary_until(await db.scalar(select(care_ended_on(family_id))), weeks)


@dataclass(frozen=True)
class Purged:
    families: int
    entries: int
    attendances: int

    def __str__(self) -> str:
        return (f"diary: {self.families} families past retention, {self.entries} entries and "
                f"{self.attendances} attendances removed")


async def purge_diaries(db: AsyncSession, today: date) -> Purged:
    """Remove the diaries of the families whose retention ended before `today`; running it
    again removes nothing more. Logs counts, never content."""
    families = entries = attendances = 0
    for organisation in (await db.scalars(select(Organisation))).all():
        weeks = effective_policy(organisation.policy).diary_retention_weeks
        ended = (await db.execute(select(Family.id, care_ended_on(Family.id)).where(
            Family.organisation_id == organisation.id))).all()
        for family_id, ended_on in ended:
            until = diary_until(ended_on, weeks)
            if until is None or until >= today:
                continue
            children = select(Child.id).where(Child.family_id == family_id)
            rows = select(Attendance.id).where(Attendance.child_id.in_(children))
            await db.execute(delete(AttendanceChange).where(
                AttendanceChange.attendance_id.in_(rows)))
            gone_attendance = (await db.execute(delete(Attendance).where(
                Attendance.child_id.in_(children)))).rowcount
            gone_entries = (await db.execute(delete(DiaryEntry).where(
                DiaryEntry.child_id.in_(children)))).rowcount
            if gone_entries or gone_attendance:
                families += 1
                entries += gone_entries
                attendances += gone_attendance
    await db.commit()
    purged = Purged(families, entries, attendances)
    log.info("purge %s", purged)
    return purged
