"""Two parents of one family submitting the same thing at the same moment (two phones, two
laptops): the server stores it once and refuses the other with the rule's own code — never a
day-part reported twice (which would earn its credit twice) or requested twice. A parent
withdrawing while staff approve gets one outcome, not a withdrawn approval."""

from __future__ import annotations

import asyncio

import httpx
from agenda_helpers import WEDNESDAY, ask, children, credit_of, requested
from server_helpers import FATIMA, SANNE, THOMAS, bearer, both_databases, tokens

pytestmark = both_databases

ROUNDS = 5  # a race shows up in some rounds only; each round uses a fresh day-part


async def credit_minutes(client: httpx.AsyncClient, child_id: int) -> int:
    return (await credit_of(client, child_id))["available_minutes"]


async def test_one_absence_reported_twice_at_once_is_stored_once(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    headers = [bearer(await tokens(client, SANNE)), bearer(await tokens(client, THOMAS))]
    days = ["2026-04-20", "2026-04-21", "2026-04-23", "2026-04-28", "2026-04-30"]
    before = await credit_minutes(client, emma)
    for day in days[:ROUNDS]:
        body = {"child_ids": [emma], "first_date": day, "day_part": "ochtend",
                "reason": "ziek"}
        answers = await asyncio.gather(*(
            client.post("/api/v1/absences", json=body, headers=h) for h in headers))
        codes = sorted(a.status_code for a in answers)
        assert codes == [201, 409], [a.text for a in answers]
        refused = next(a for a in answers if a.status_code == 409)
        assert refused.json()["code"] == "absence_already_reported"
    listed = await client.get("/api/v1/absences", headers=headers[0])
    stored = [a for a in listed.json()["absences"]
              if a["child_id"] == emma and a["date"] in days and a["status"] == "active"]
    assert len(stored) == ROUNDS
    assert await credit_minutes(client, emma) == before + ROUNDS * 330  # 07:30-13:00, once


async def test_one_extra_day_requested_twice_at_once_is_stored_once(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    days = [WEDNESDAY, "2026-03-13", "2026-03-18", "2026-03-20", "2026-03-25"]
    for day in days[:ROUNDS]:
        answers = await asyncio.gather(*(
            ask(client, email, [emma], day, day_part="ochtend") for email in (SANNE, THOMAS)))
        codes = sorted(a.status_code for a in answers)
        assert codes == [201, 409], [a.text for a in answers]
        refused = next(a for a in answers if a.status_code == 409)
        assert refused.json()["code"] == "extra_day_already_requested"
    listed = await client.get("/api/v1/extra-days", headers=bearer(await tokens(client, SANNE)))
    stored = [r for r in listed.json()["requests"]
              if r["child_id"] == emma and r["first_date"] in days]
    assert len(stored) == ROUNDS


async def test_withdrawing_while_staff_approve_ends_in_one_decision(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    parent = bearer(await tokens(client, SANNE))
    staff = bearer(await tokens(client, FATIMA))
    days = [WEDNESDAY, "2026-03-13", "2026-03-18", "2026-03-20", "2026-03-25"]
    for day in days[:ROUNDS]:
        request = await requested(client, SANNE, [emma], day, day_part="ochtend")
        base = f"/api/v1/extra-days/{request['id']}"
        approve, withdraw = await asyncio.gather(
            client.post(f"{base}/approve", headers=staff),
            client.post(f"{base}/withdraw", headers=parent))
        assert sorted((approve.status_code, withdraw.status_code)) == [200, 409], (
            approve.text, withdraw.text)
        listed = await client.get("/api/v1/extra-days", headers=parent)
        [stored] = [r for r in listed.json()["requests"] if r["id"] == request["id"]]
        # What the server kept is what the successful call answered.
        assert stored["status"] == ("approved" if approve.status_code == 200 else "withdrawn")
