"""The diary after care ended (docs/api.md, "Group day and diary"): parents see it for
`diary_retention_weeks` (8) after the last contract's end date, then not; the purge removes it
then and not before, and a second run removes nothing."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta

import httpx
import pytest
from diary_helpers import auth, code
from server_helpers import LOTTE, TODAY, FakeClock, both_databases
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import Settings
from server.diary.retention import purge_diaries
from server.models import Attendance, Child, Contract, DiaryEntry, EntryKind, User

pytestmark = both_databases


async def _finns_diary(db: AsyncSession) -> tuple[int, object]:
    """Finn (Lotte's son, care ended 5 weeks ago) with a day in his diary; his end date."""
    lotte = await db.scalar(select(User).where(User.email == LOTTE))
    finn = await db.scalar(select(Child).where(Child.family_id == lotte.family_id))
    contract = await db.scalar(select(Contract).where(Contract.child_id == finn.id))
    last = contract.end_date
    db.add(DiaryEntry(child_id=finn.id, day=last, kind=EntryKind.VERSLAG, text="Laatste dag",
                      details={}, author_id=lotte.id, by_parent=False,
                      created_at=datetime.now(UTC), revision=1))
    db.add(Attendance(child_id=finn.id, group_id=contract.group_id, day=last,
                      arrived_at=time(8), left_at=time(17), changed_by_id=lotte.id,
                      changed_at=datetime.now(UTC), revision=2))
    await db.commit()
    return finn.id, last


def _move_to(clock: FakeClock, day) -> None:  # noqa: ANN001
    clock.current = clock.current.replace(year=day.year, month=day.month, day=day.day)


async def _rows(db: AsyncSession, child_id: int) -> int:
    entries = await db.scalar(select(func.count()).select_from(DiaryEntry)
                              .where(DiaryEntry.child_id == child_id))
    days = await db.scalar(select(func.count()).select_from(Attendance)
                           .where(Attendance.child_id == child_id))
    return entries + days


async def test_parents_see_the_diary_eight_weeks_after_care_ended_and_not_a_day_longer(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    finn, last = await _finns_diary(db)
    assert last == TODAY - timedelta(weeks=5)
    _move_to(clock, last + timedelta(weeks=8))
    shown = await client.get("/api/v1/diary", headers=await auth(client, LOTTE),
                             params={"child_id": finn})
    assert shown.status_code == 200 and shown.json()["days"][0]["entries"][0]["text"] == \
        "Laatste dag"
    _move_to(clock, last + timedelta(weeks=8, days=1))
    hidden = await client.get("/api/v1/diary", headers=await auth(client, LOTTE),
                              params={"child_id": finn})
    assert code(hidden) == (403, "diary_retention_ended")
    assert hidden.json()["available_until"] == (last + timedelta(weeks=8)).isoformat()


async def test_the_purge_removes_it_after_retention_only_once_and_logs_counts(
        db: AsyncSession, settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    finn, last = await _finns_diary(db)
    with caplog.at_level(logging.INFO, "server.diary.retention"):
        kept = await purge_diaries(db, last + timedelta(weeks=8))
        assert await _rows(db, finn) == 2 and kept.entries == kept.attendances == 0
        purged = await purge_diaries(db, last + timedelta(weeks=8, days=1))
    assert (purged.entries, purged.attendances) >= (1, 1)
    assert await _rows(db, finn) == 0
    again = await purge_diaries(db, last + timedelta(weeks=8, days=1))
    assert (again.families, again.entries, again.attendances) == (0, 0, 0)
    assert "purge diary: 1 families past retention, 1 entries and 1 attendances removed" \
        in caplog.text
    assert "Laatste dag" not in caplog.text  # counts, never content
