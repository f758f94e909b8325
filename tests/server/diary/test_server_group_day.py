"""The group day and attendance (docs/api.md, "Group day and diary"): statuses from the
planning, absences, extra days and attendance; the attendance's rules and history."""

from __future__ import annotations

import httpx
import pytest
from diary_helpers import FRIDAY, MONDAY, SATURDAY, SUNDAY, attend, auth, code, emma, group_id
from server_helpers import FATIMA, MANAGER, SANNE, both_databases
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import Attendance, AttendanceChange, Contract, ContractDay

pytestmark = both_databases


@pytest.fixture(autouse=True)
async def _nobody_registered_yet(db: AsyncSession) -> None:
    """The demo registered half the group this morning; these tests start the day afresh."""
    await db.execute(delete(AttendanceChange))
    await db.execute(delete(Attendance))
    await db.commit()


async def _day(client: httpx.AsyncClient, group: int, email: str = FATIMA,
               day: str = MONDAY) -> dict:
    response = await client.get("/api/v1/group-day", headers=await auth(client, email),
                                params={"group_id": group, "date": day})
    assert response.status_code == 200, response.text
    return response.json()


def _child(day: dict, child_id: int) -> dict:
    return next(c for c in day["children"] if c["child_id"] == child_id)


async def test_a_planned_child_is_expected_then_arrived_then_left(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    group, child = await group_id(db), await emma(client)
    before = await _day(client, group)
    assert _child(before, child)["status"] == "expected"
    assert [p["day_part"] for p in _child(before, child)["day_parts"]] == ["ochtend", "middag"]
    assert _child(before, child)["allergies"] == "Pinda's en noten"
    counts = {c["day_part"]: c for c in before["counts"]}
    assert counts["ochtend"]["capacity"] > 0 and counts["ochtend"]["expected"] >= 1
    assert (await attend(client, FATIMA, child, group, arrived_at="08:05")).status_code == 200
    arrived = await _day(client, group)
    assert (_child(arrived, child)["status"], _child(arrived, child)["arrived_at"]) == \
        ("arrived", "08:05")
    assert arrived["present"] == before["present"] + 1
    await attend(client, FATIMA, child, group, arrived_at="08:05", left_at="09:00")
    left = await _day(client, group)
    assert (_child(left, child)["status"], _child(left, child)["left_at"]) == ("left", "09:00")
    assert left["present"] == before["present"]


async def test_a_reported_absence_makes_the_child_absent_with_the_parents_reason(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    group, child = await group_id(db), await emma(client)
    reported = await client.post("/api/v1/absences", headers=await auth(client, SANNE), json={
        "child_ids": [child], "first_date": MONDAY, "day_part": "middag", "reason": "ziek",
        "note": "Koorts"})
    assert reported.status_code == 201, reported.text
    half = _child(await _day(client, group), child)
    assert half["status"] == "expected"  # still expected in the morning
    assert [(p["day_part"], p["status"], p["absence_reason"], p["absence_note"])
            for p in half["day_parts"]] == [("ochtend", "expected", None, None),
                                            ("middag", "absent", "ziek", "Koorts")]
    await client.post("/api/v1/absences", headers=await auth(client, SANNE), json={
        "child_ids": [child], "first_date": MONDAY, "day_part": "ochtend", "reason": "ziek"})
    assert _child(await _day(client, group), child)["status"] == "absent"


async def _unplan_monday(db: AsyncSession, child: int) -> None:
    contract = await db.scalar(select(Contract.id).where(Contract.child_id == child))
    await db.execute(delete(ContractDay).where(ContractDay.contract_id == contract,
                                               ContractDay.weekday == 0))
    await db.commit()


async def test_a_child_not_expected_is_registered_only_with_a_note(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    group, child = await group_id(db), await emma(client)
    await _unplan_monday(db, child)
    assert _child(await _day(client, group), child)["status"] == "not_expected"
    assert code(await attend(client, FATIMA, child, group, arrived_at="08:00")) == \
        (422, "attendance_not_expected")
    assert code(await attend(client, FATIMA, child, group, arrived_at="08:00",
                             note="  ")) == (422, "attendance_not_expected")
    done = await attend(client, FATIMA, child, group, arrived_at="08:00", note="Ruildag")
    assert done.status_code == 200, done.text
    assert _child(await _day(client, group), child)["status"] == "arrived"


async def test_an_approved_extra_day_makes_the_child_expected(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    group, child = await group_id(db), await emma(client)
    asked = await client.post("/api/v1/extra-days", headers=await auth(client, SANNE), json={
        "child_ids": [child], "first_date": FRIDAY, "day_part": "ochtend",
        "payment": "invoice"})
    assert asked.status_code == 201, asked.text
    request = asked.json()["requests"][0]
    assert _child(await _day(client, group, MANAGER, FRIDAY), child)["status"] == \
        "not_expected"
    approved = await client.post(f"/api/v1/extra-days/{request['id']}/approve",
                                 headers=await auth(client, MANAGER))
    assert approved.status_code == 200, approved.text
    friday = _child(await _day(client, group, MANAGER, FRIDAY), child)
    assert friday["status"] == "expected"
    assert [(p["day_part"], p["extra_day"]) for p in friday["day_parts"]] == [("ochtend", True)]


async def test_departure_before_arrival_is_refused_and_equal_times_are_not(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    group, child = await group_id(db), await emma(client)
    assert code(await attend(client, FATIMA, child, group, arrived_at="08:30",
                             left_at="08:29")) == (422, "attendance_departure_before_arrival")
    assert code(await attend(client, FATIMA, child, group, left_at="08:29")) == \
        (422, "attendance_departure_before_arrival")
    assert (await attend(client, FATIMA, child, group, arrived_at="08:30",
                         left_at="08:30")).status_code == 200


async def test_a_time_still_to_come_is_refused(client: httpx.AsyncClient,
                                              db: AsyncSession) -> None:
    """The clock says 09:00 (tests/server/conftest.py)."""
    group, child = await group_id(db), await emma(client)
    assert code(await attend(client, FATIMA, child, group, arrived_at="09:01")) == \
        (422, "diary_in_future")
    assert (await attend(client, FATIMA, child, group, arrived_at="09:00")).status_code == 200
    assert code(await attend(client, MANAGER, child, group, day="2026-03-03",
                             arrived_at="08:00")) == (422, "diary_in_future")


async def test_staff_correct_today_and_yesterday_and_a_manager_older_days(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    group, child = await group_id(db), await emma(client)
    await _unplan_monday(db, child)  # so Sunday and Saturday need a note, like Monday
    fields = {"arrived_at": "08:00", "note": "Extra dag"}
    assert (await attend(client, FATIMA, child, group, day=SUNDAY, **fields)).status_code == 200
    assert code(await attend(client, FATIMA, child, group, day=SATURDAY, **fields)) == \
        (422, "diary_day_closed")
    assert (await attend(client, MANAGER, child, group, day=SATURDAY,
                         **fields)).status_code == 200
    seen = await client.get("/api/v1/group-day", headers=await auth(client, FATIMA),
                            params={"group_id": group, "date": SATURDAY})
    assert code(seen) == (422, "diary_day_closed")


async def test_a_correction_keeps_the_history(client: httpx.AsyncClient,
                                              db: AsyncSession) -> None:
    group, child = await group_id(db), await emma(client)
    await attend(client, FATIMA, child, group, arrived_at="08:10")
    corrected = await attend(client, MANAGER, child, group, arrived_at="08:01")
    assert corrected.status_code == 200, corrected.text
    history = (await db.scalars(select(AttendanceChange).order_by(AttendanceChange.id))).all()
    assert [h.arrived_at.strftime("%H:%M") for h in history][-2:] == ["08:10", "08:01"]
    assert len({h.changed_by_id for h in history}) == 2


async def test_parents_and_staff_of_other_groups_are_refused(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    zonnetjes, regenboog = await group_id(db), await group_id(db, "Regenboog")
    child = await emma(client)
    for email, group in ((SANNE, zonnetjes), (FATIMA, regenboog)):
        seen = await client.get("/api/v1/group-day", headers=await auth(client, email),
                                params={"group_id": group, "date": MONDAY})
        assert code(seen) == (403, "forbidden")
        assert code(await attend(client, email, child, group, arrived_at="08:00")) == \
            (403, "forbidden")


async def history(client: httpx.AsyncClient, email: str, child: int, day: str,
                  **params: object) -> httpx.Response:
    return await client.get("/api/v1/attendance/history", headers=await auth(client, email),
                            params={"child_id": child, "date": day, **params})


async def test_the_attendance_history_says_who_changed_what_when_newest_first(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    group, child = await group_id(db), await emma(client)
    await attend(client, FATIMA, child, group, arrived_at="08:10")
    await attend(client, FATIMA, child, group, arrived_at="08:10", left_at="08:20")
    await attend(client, MANAGER, child, group, arrived_at="08:01")
    seen = await history(client, FATIMA, child, MONDAY)
    assert seen.status_code == 200, seen.text
    changes = seen.json()["changes"]
    assert [(c["arrived_at"], c["left_at"]) for c in changes] == [
        ("08:01", None), ("08:10", "08:20"), ("08:10", None)]
    assert changes[0]["changed_by"] != changes[1]["changed_by"] == "Fatima El Amrani"
    first = (await history(client, MANAGER, child, MONDAY, limit=2)).json()
    rest = (await history(client, MANAGER, child, MONDAY, limit=2,
                          cursor=first["next_cursor"])).json()
    assert [c["arrived_at"] for c in first["changes"] + rest["changes"]] == \
        ["08:01", "08:10", "08:10"] and rest["next_cursor"] is None
    assert (await history(client, SANNE, child, MONDAY)).json()["code"] == "forbidden"


async def test_staff_read_the_history_of_today_and_yesterday_a_manager_of_older_days(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    child = await emma(client)
    assert (await history(client, FATIMA, child, SUNDAY)).status_code == 200
    assert code(await history(client, FATIMA, child, SATURDAY)) == (422, "diary_day_closed")
    assert (await history(client, MANAGER, child, SATURDAY)).status_code == 200
    assert (await history(client, FATIMA, child, MONDAY)).json()["changes"] == []
