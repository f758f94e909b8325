"""Partial approval (docs/api.md, "Partial approval"): the manager approves the day-parts that
fit and rejects the rest with one reason — and what that does to capacity, absence credit,
invoicing, the agenda, asking again, idempotency, and the list of today's decisions."""

from __future__ import annotations

from datetime import date, datetime

import httpx
from agenda_helpers import FRIDAY, WEDNESDAY, children, credit_of, give_credit, requested
from server_helpers import FATIMA, SANNE, FakeClock, bearer, both_databases, tokens
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.finance.invoicing import generate_invoices
from server.models import CareGroup, DayPart, Family, GroupCapacity, InvoiceLineKind, User

pytestmark = both_databases

# Emma's request: ochtend on Friday 6 and Wednesday 11 March (Monday 9 and Tuesday 10 are her
# own days), 330 minutes each at the 2026 KDV rate.
REASON = "Woensdag is de groep vol."


async def two_day_request(client: httpx.AsyncClient, **fields: object) -> dict:
    emma = (await children(client))["Emma"]
    request = await requested(client, SANNE, [emma], FRIDAY, last_date=WEDNESDAY,
                              day_part="ochtend", **fields)
    assert [(i["date"], i["day_part"]) for i in request["items"]] == [
        (FRIDAY, "ochtend"), (WEDNESDAY, "ochtend")]
    return request


async def approve(client: httpx.AsyncClient, request_id: int, body: dict | None = None,
                  **headers: str) -> httpx.Response:
    return await client.post(f"/api/v1/extra-days/{request_id}/approve", json=body,
                             headers={**bearer(await tokens(client, FATIMA)), **headers})


def only_friday(reason: str | None = REASON) -> dict:
    body: dict = {"items": [{"date": FRIDAY, "day_part": "ochtend"}]}
    if reason is not None:
        body["reason"] = reason
    return body


async def family_requests(client: httpx.AsyncClient) -> list[dict]:
    """Emma's requests (the demo family has Daan's too), by date."""
    response = await client.get("/api/v1/extra-days", headers=bearer(await tokens(client,
                                                                                  SANNE)))
    return sorted((r for r in response.json()["requests"] if r["child_name"] == "Emma de Vries"),
                  key=lambda r: r["first_date"])


async def test_the_fitting_part_is_approved_and_the_rest_rejected_with_the_reason(
        client: httpx.AsyncClient) -> None:
    request = await two_day_request(client)
    response = await approve(client, request["id"], only_friday())
    assert response.status_code == 200, response.text
    approved = response.json()
    assert (approved["id"], approved["status"], approved["first_date"],
            approved["last_date"]) == (request["id"], "approved", FRIDAY, FRIDAY)
    assert [i["date"] for i in approved["items"]] == [FRIDAY]
    assert approved["invoice_cents"] == request["items"][0]["invoice_cents"]
    assert approved["decision_reason"] == REASON  # why the rest was not approved

    approved_part, rejected_part = await family_requests(client)
    assert approved_part["id"] == request["id"]
    assert (rejected_part["status"], rejected_part["first_date"], rejected_part["day_part"],
            rejected_part["decision_reason"], rejected_part["decided_by"]) == (
        "rejected", WEDNESDAY, "ochtend", REASON, "Fatima El Amrani")
    assert [i["date"] for i in rejected_part["items"]] == [WEDNESDAY]
    assert rejected_part["submitted_at"] == request["submitted_at"]  # still the parent's ask

    agenda = (await client.get(f"/api/v1/agenda?from={FRIDAY}&to={WEDNESDAY}",
                               headers=bearer(await tokens(client, SANNE)))).json()
    assert sorted((e["date"], e["status"]) for e in agenda["extra_days"]) == [
        (FRIDAY, "approved"), (WEDNESDAY, "rejected")]


async def test_credit_reserved_for_the_rejected_part_is_released(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    await give_credit(db, emma, 660, date(2026, 12, 31))  # exactly both morning's minutes
    request = await two_day_request(client, payment="credit")
    assert (await credit_of(client, emma))["available_minutes"] == 0
    assert (await approve(client, request["id"], only_friday())).status_code == 200
    # Friday keeps what it was quoted (330 minutes of credit); Wednesday's 330 come back.
    assert (await credit_of(client, emma))["available_minutes"] == 330
    approved_part, rejected_part = await family_requests(client)
    assert approved_part["credit_minutes"] == 330 and approved_part["invoice_cents"] == 0


async def test_only_the_approved_part_takes_a_place(client: httpx.AsyncClient) -> None:
    request = await two_day_request(client)
    staff = bearer(await tokens(client, FATIMA))
    before = (await client.get(f"/api/v1/extra-days/{request['id']}/capacity",
                               headers=staff)).json()["days"]
    assert (await approve(client, request["id"], only_friday())).status_code == 200
    _approved, rejected_part = await family_requests(client)
    after = {d["date"]: d["occupied"] for d in (await client.get(
        f"/api/v1/extra-days/{rejected_part['id']}/capacity", headers=staff)).json()["days"]}
    assert after[WEDNESDAY] == before[1]["occupied"]  # the rejected morning takes none
    friday = (await client.get(f"/api/v1/extra-days/{request['id']}/capacity",
                               headers=staff)).json()["days"]
    assert friday[0]["occupied"] == before[0]["occupied"] + 1


async def _places(db: AsyncSession, places: int) -> None:
    zonnetjes = await db.scalar(select(CareGroup.id).where(CareGroup.name == "Zonnetjes"))
    capacity = await db.scalar(select(GroupCapacity).where(
        GroupCapacity.group_id == zonnetjes, GroupCapacity.day_part == DayPart.OCHTEND))
    capacity.places = places
    await db.commit()


async def test_a_chosen_part_without_a_free_place_is_refused_and_nothing_is_split(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    request = await two_day_request(client)
    days = (await client.get(f"/api/v1/extra-days/{request['id']}/capacity",
                             headers=bearer(await tokens(client, FATIMA)))).json()["days"]
    await _places(db, days[0]["occupied"])  # Friday is full now
    refused = await approve(client, request["id"], only_friday())
    assert refused.status_code == 409 and refused.json()["code"] == "extra_day_capacity_full"
    assert refused.json()["dates"] == [FRIDAY]
    [still_pending] = await family_requests(client)
    assert still_pending["status"] == "pending" and len(still_pending["items"]) == 2


async def test_the_reason_is_needed_and_only_the_requests_own_day_parts(
        client: httpx.AsyncClient) -> None:
    request = await two_day_request(client)
    for body, field in ((only_friday(reason=None), "reason"),
                        ({"items": [{"date": "2026-03-13", "day_part": "ochtend"}],
                          "reason": REASON}, "items"),
                        ({"items": [], "reason": REASON}, "items"),
                        ({**only_friday(), "reason": "x" * 501}, "reason")):
        response = await approve(client, request["id"], body)
        assert response.status_code == 422, body
        assert response.json()["code"] == "validation_error"
        assert [e["field"] for e in response.json()["errors"]] == [field]
    [still_pending] = await family_requests(client)
    assert still_pending["status"] == "pending"


async def test_choosing_every_day_part_is_a_plain_approval(client: httpx.AsyncClient) -> None:
    request = await two_day_request(client)
    every = {"items": [{"date": i["date"], "day_part": i["day_part"]}
                       for i in request["items"]]}
    response = await approve(client, request["id"], every)
    assert response.status_code == 200, response.text
    assert response.json()["decision_reason"] is None
    assert [r["status"] for r in await family_requests(client)] == ["approved"]


async def test_the_rejected_day_part_can_be_asked_for_again(client: httpx.AsyncClient) -> None:
    request = await two_day_request(client)
    await approve(client, request["id"], only_friday())
    emma = (await children(client))["Emma"]
    again = await requested(client, SANNE, [emma], WEDNESDAY, day_part="ochtend")
    assert again["status"] == "pending"


async def test_a_replayed_partial_approval_answers_the_same_once(
        client: httpx.AsyncClient) -> None:
    request = await two_day_request(client)
    key = {"Idempotency-Key": "deels-goedkeuren-1"}
    first = await approve(client, request["id"], only_friday(), **key)
    replay = await approve(client, request["id"], only_friday(), **key)
    assert replay.json() == first.json()
    assert replay.headers.get("Idempotency-Replayed") == "true"
    assert len(await family_requests(client)) == 2  # split once


async def test_only_the_approved_part_is_invoiced(client: httpx.AsyncClient,
                                                  db: AsyncSession) -> None:
    request = await two_day_request(client)
    await approve(client, request["id"], only_friday())
    family_id = await db.scalar(select(User.family_id).where(User.email == SANNE))
    organisation_id = await db.scalar(select(Family.organisation_id)
                                      .where(Family.id == family_id))
    april = await generate_invoices(db, organisation_id, 2026, 4,
                                    datetime(2026, 4, 1, 6, tzinfo=AMSTERDAM))
    ours = next(invoice for invoice in april if invoice.family_id == family_id)
    extra = [line for line in ours.lines if line.kind is InvoiceLineKind.EXTRA_DAY
             and line.child_id == request["child_id"]]
    assert [(line.first_date, line.amount_cents) for line in extra] == [
        (date(2026, 3, 6), request["items"][0]["invoice_cents"])]


async def test_todays_decisions_are_listed_for_the_group(client: httpx.AsyncClient,
                                                         clock: FakeClock) -> None:
    request = await two_day_request(client)  # Monday 2 March, 09:00
    # Half past midnight in the Netherlands is still Monday in UTC: the day is Dutch.
    clock.current = datetime(2026, 3, 3, 0, 30, tzinfo=AMSTERDAM)
    await approve(client, request["id"], only_friday())
    staff = bearer(await tokens(client, FATIMA))

    async def decided(day: date) -> list[dict]:
        response = await client.get(f"/api/v1/extra-days?decided_on={day.isoformat()}",
                                    headers=staff)
        assert response.status_code == 200, response.text
        return response.json()["requests"]

    tuesday = await decided(date(2026, 3, 3))
    assert sorted((r["status"], r["first_date"]) for r in tuesday) == [
        ("approved", FRIDAY), ("rejected", WEDNESDAY)]
    assert await decided(date(2026, 3, 2)) == []
    assert await decided(date(2026, 3, 4)) == []
