"""The group's capacity as staff see it before deciding (docs/api.md, "Extra days"): free
places, absent children freeing theirs, other pending requests as asked for, and approval
needing a free place."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from agenda_helpers import FRIDAY, children, requested
from server_helpers import FATIMA, SANNE, bearer, both_databases, tokens
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import (
    CareGroup,
    Child,
    Contract,
    ContractDay,
    DayPart,
    GroupCapacity,
    Role,
    User,
)

pytestmark = both_databases


async def problem(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json().get("code", "")


async def _set_places(db: AsyncSession, places: int) -> None:
    zonnetjes = await db.scalar(select(CareGroup.id).where(CareGroup.name == "Zonnetjes"))
    await db.execute(update(GroupCapacity).where(
        GroupCapacity.group_id == zonnetjes, GroupCapacity.day_part == DayPart.OCHTEND)
        .values(places=places))
    await db.commit()


@pytest.mark.parametrize("free", [0, 1])
async def test_approval_needs_a_free_place_in_the_group(
        client: httpx.AsyncClient, db: AsyncSession, free: int) -> None:
    emma = (await children(client))["Emma"]
    request = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend")
    staff = bearer(await tokens(client, FATIMA))
    [day] = (await client.get(f"/api/v1/extra-days/{request['id']}/capacity",
                              headers=staff)).json()["days"]
    assert (day["date"], day["day_part"], day["capacity"]) == (FRIDAY, "ochtend", 12)
    assert day["free"] == 12 - day["occupied"]
    await _set_places(db, day["occupied"] + free)
    [day] = (await client.get(f"/api/v1/extra-days/{request['id']}/capacity",
                              headers=staff)).json()["days"]
    assert day["free"] == free
    response = await client.post(f"/api/v1/extra-days/{request['id']}/approve", headers=staff)
    if free:
        assert response.json()["status"] == "approved"
        [day] = (await client.get(f"/api/v1/extra-days/{request['id']}/capacity",
                                  headers=staff)).json()["days"]
        assert day["free"] == 0  # the approved extra day takes the last place
    else:
        assert await problem(response) == (409, "extra_day_capacity_full")
        assert response.json()["dates"] == [FRIDAY]
        assert "6 maart 2026" in response.json()["detail"]


async def _zonnetjes_child(db: AsyncSession, weekday: int, part: DayPart, *,
                          planned: bool) -> tuple[int, str]:
    """A child of another family in Zonnetjes that is (or is not) planned on that weekday
    and day-part, with its parent's login."""
    zonnetjes = await db.scalar(select(CareGroup.id).where(CareGroup.name == "Zonnetjes"))
    that_day = select(ContractDay.contract_id).where(
        ContractDay.weekday == weekday, ContractDay.day_part == part)
    child_id, email = (await db.execute(
        select(Contract.child_id, User.email).join(Child, Child.id == Contract.child_id)
        .join(User, (User.family_id == Child.family_id) & (User.role == Role.PRIMARY_PARENT))
        .where(Contract.group_id == zonnetjes, Contract.end_date.is_(None),
               Contract.start_date <= date(2026, 3, 2), User.email != SANNE,
               Contract.id.in_(that_day) if planned else Contract.id.not_in(that_day))
        .order_by(Contract.child_id).limit(1))).one()
    return child_id, email


async def test_a_child_reported_absent_frees_its_place(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    request = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend")
    staff = bearer(await tokens(client, FATIMA))
    path = f"/api/v1/extra-days/{request['id']}/capacity"
    [before] = (await client.get(path, headers=staff)).json()["days"]
    child_id, parent = await _zonnetjes_child(db, 4, DayPart.OCHTEND, planned=True)  # Friday
    reported = await client.post("/api/v1/absences", headers=bearer(await tokens(client, parent)),
                                 json={"child_ids": [child_id], "first_date": FRIDAY,
                                       "day_part": "ochtend", "reason": "ziek"})
    assert reported.status_code == 201, reported.text
    [after] = (await client.get(path, headers=staff)).json()["days"]
    assert (after["occupied"], after["free"]) == (before["occupied"] - 1, before["free"] + 1)
    # The freed place is what lets the approval through.
    await _set_places(db, before["occupied"])
    approved = await client.post(f"/api/v1/extra-days/{request['id']}/approve", headers=staff)
    assert approved.json()["status"] == "approved", approved.text


async def test_other_pending_requests_show_as_asked_for(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    """Two pending requests for the last place: each shows the other as asked for, and the
    first approval leaves the second one full."""
    emma = (await children(client))["Emma"]
    mine = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend")
    staff = bearer(await tokens(client, FATIMA))
    [alone] = (await client.get(f"/api/v1/extra-days/{mine['id']}/capacity",
                                headers=staff)).json()["days"]
    assert alone["asked_for"] == 0  # a request does not compete with itself
    child_id, parent = await _zonnetjes_child(db, 4, DayPart.OCHTEND, planned=False)
    other = await requested(client, parent, [child_id], FRIDAY, day_part="ochtend")
    await _set_places(db, alone["occupied"] + 1)  # one free place left
    for request in (mine, other):
        [day] = (await client.get(f"/api/v1/extra-days/{request['id']}/capacity",
                                  headers=staff)).json()["days"]
        assert (day["free"], day["asked_for"]) == (1, 1)
    await client.post(f"/api/v1/extra-days/{mine['id']}/approve", headers=staff)
    [day] = (await client.get(f"/api/v1/extra-days/{other['id']}/capacity",
                              headers=staff)).json()["days"]
    assert (day["free"], day["asked_for"]) == (0, 0)  # approved: taken, no longer asked
    refused = await client.post(f"/api/v1/extra-days/{other['id']}/approve", headers=staff)
    assert await problem(refused) == (409, "extra_day_capacity_full")
