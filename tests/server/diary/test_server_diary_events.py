"""The `diary` live event (docs/api.md, "Live updates"): every write of a child's diary tells
its parents — both, the secondary parent too — and nobody else: not another family, not the
staff who wrote it; a family whose diary ended (8 weeks after care) hears nothing more."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
from diary_helpers import MONDAY, attend, auth, emma, group_id, write
from server_helpers import FATIMA, LOTTE, SANNE, THOMAS, FakeClock, live_events
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.diary.live import tell_families
from server.models import Child, Contract, User


async def test_a_staff_entry_and_its_edit_reach_both_parents_and_no_one_else(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    child = await emma(client)
    written = await write(client, FATIMA, [child], "verslag", text="Lekker buiten gespeeld")
    assert written.status_code == 201, written.text
    entry = written.json()["entries"][0]["id"]
    edited = await client.patch(f"/api/v1/diary/entries/{entry}",
                                headers=await auth(client, FATIMA),
                                json={"kind": "verslag", "time": None, "text": "Gespeeld"})
    assert edited.status_code == 200, edited.text
    said = {"child_id": child, "date": MONDAY}
    assert await live_events(db, "diary") == {SANNE: [said, said], THOMAS: [said, said]}


async def test_an_arrival_and_a_parents_note_tell_the_family(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    child = await emma(client)
    arrived = await attend(client, FATIMA, child, await group_id(db), arrived_at="08:15")
    assert arrived.status_code == 200, arrived.text
    note = await write(client, THOMAS, [child], "notitie", time="07:30", text="Oma haalt op")
    assert note.status_code == 201, note.text
    events = await live_events(db, "diary")
    assert sorted(events) == [SANNE, THOMAS] and len(events[SANNE]) == 2
    assert LOTTE not in events and FATIMA not in events


async def test_a_family_past_its_diary_period_hears_nothing(db: AsyncSession) -> None:
    """Finn's care ended: his parents hear of a change up to 8 weeks later, that day included,
    and not a day after (a manager's correction of his last day, say)."""
    lotte = await db.scalar(select(User).where(User.email == LOTTE))
    finn = await db.scalar(select(Child.id).where(Child.family_id == lotte.family_id))
    last = await db.scalar(select(Contract.end_date).where(Contract.child_id == finn))
    clock = FakeClock(datetime(last.year, last.month, last.day, 12, tzinfo=AMSTERDAM))
    clock.advance(days=7 * 8)
    await tell_families(db, [finn], last, clock.current)
    assert len((await live_events(db, "diary"))[LOTTE]) == 1
    clock.advance(days=1)
    await tell_families(db, [finn], last, clock.current)
    assert len((await live_events(db, "diary"))[LOTTE]) == 1
    assert clock.current.date() == last + timedelta(weeks=8, days=1)
