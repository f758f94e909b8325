"""Absences: the 48-hour credit rule, the 30-day cancel rule, credit withdrawal and access."""

from __future__ import annotations

from datetime import datetime

import httpx
from server_helpers import (
    FATIMA,
    LOTTE,
    SANNE,
    THOMAS,
    TODAY,
    FakeClock,
    bearer,
    both_databases,
    tokens,
)

from server.config import AMSTERDAM

pytestmark = both_databases

# The demo's Emma de Vries comes Monday, Tuesday and Thursday, whole day (Zonnetjes, Centrum).
THURSDAY = "2026-03-05"


async def emma_id(client: httpx.AsyncClient) -> int:
    response = await client.get("/api/v1/me", headers=bearer(await tokens(client, SANNE)))
    return next(c["id"] for c in response.json()["children"] if c["first_name"] == "Emma")


async def report(client: httpx.AsyncClient, email: str, child_ids: list[int], first: str,
                 **fields: object) -> httpx.Response:
    body = {"child_ids": child_ids, "first_date": first, "reason": "ziek", **fields}
    return await client.post("/api/v1/absences", json=body,
                             headers=bearer(await tokens(client, email)))


async def family_absences(client: httpx.AsyncClient, email: str = SANNE) -> list[dict]:
    """The family's absences reported in the test: the demo's own (Daan's) left out."""
    response = await client.get("/api/v1/absences", headers=bearer(await tokens(client, email)))
    assert response.status_code == 200, response.text
    return [a for a in response.json()["absences"] if a["reported_at"] >= TODAY.isoformat()]


def at(clock: FakeClock, text: str) -> None:
    clock.current = datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


async def test_reported_exactly_48_hours_ahead_earns_credit_in_hours_of_the_day_part(
        client: httpx.AsyncClient, clock: FakeClock) -> None:
    emma = await emma_id(client)
    at(clock, "2026-03-03T07:30")  # Thursday's ochtend starts 07:30
    response = await report(client, SANNE, [emma], THURSDAY, day_part="ochtend")
    assert response.status_code == 201, response.text
    [absence] = response.json()["absences"]
    assert (absence["day_part"], absence["credit_minutes"]) == ("ochtend", 330)  # 5.5 hours
    assert absence["credit_expires_on"] == "2026-12-31"
    assert absence["reported_by"] == "Sanne de Vries"


async def test_reported_47_hours_59_ahead_earns_no_credit(
        client: httpx.AsyncClient, clock: FakeClock) -> None:
    emma = await emma_id(client)
    at(clock, "2026-03-03T07:31")
    response = await report(client, SANNE, [emma], THURSDAY, day_part="ochtend")
    assert response.status_code == 201
    assert response.json()["absences"][0]["credit_minutes"] is None


async def test_a_whole_day_covers_each_planned_day_part_of_a_period(
        client: httpx.AsyncClient) -> None:
    emma = await emma_id(client)
    # Monday 9 to Wednesday 11 March: Emma comes Monday and Tuesday, not Wednesday.
    response = await report(client, SANNE, [emma], "2026-03-09", last_date="2026-03-11",
                            reason="vakantie", note="Naar oma")
    assert [(a["date"], a["day_part"], a["credit_minutes"])
            for a in response.json()["absences"]] == [
        ("2026-03-09", "ochtend", 330), ("2026-03-09", "middag", 300),
        ("2026-03-10", "ochtend", 330), ("2026-03-10", "middag", 300)]
    assert {a["note"] for a in await family_absences(client)} == {"Naar oma"}


async def test_past_unplanned_and_repeated_absences_are_refused(
        client: httpx.AsyncClient) -> None:
    emma = await emma_id(client)
    past = await report(client, SANNE, [emma], "2026-03-01")
    assert (past.status_code, past.json()["code"]) == (422, "absence_in_past")
    wednesday = await report(client, SANNE, [emma], "2026-03-04")
    assert (wednesday.status_code, wednesday.json()["code"]) == (422, "absence_not_planned")
    today = await report(client, SANNE, [emma], "2026-03-02")
    assert today.status_code == 201  # today is allowed (without credit: care began already)
    again = await report(client, SANNE, [emma], "2026-03-02")
    assert (again.status_code, again.json()["code"]) == (409, "absence_already_reported")


async def test_cancelling_30_days_ahead_plans_the_day_again_and_withdraws_the_credit(
        client: httpx.AsyncClient, clock: FakeClock) -> None:
    emma = await emma_id(client)
    [absence] = (await report(client, SANNE, [emma], "2026-04-02",
                              day_part="middag")).json()["absences"]
    assert absence["credit_minutes"] == 300
    at(clock, "2026-03-03T23:00")  # 30 days before 2 April
    response = await client.delete(f"/api/v1/absences/{absence['id']}",
                                   headers=bearer(await tokens(client, SANNE)))
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["credit_minutes"]) == ("cancelled", None)
    [listed] = await family_absences(client)
    assert (listed["status"], listed["credit_minutes"]) == ("cancelled", None)
    again = await report(client, SANNE, [emma], "2026-04-02", day_part="middag")
    assert again.status_code == 201  # the day-part is planned again


async def test_cancelling_29_days_ahead_is_refused_with_the_locations_contact_data(
        client: httpx.AsyncClient, clock: FakeClock) -> None:
    emma = await emma_id(client)
    [absence] = (await report(client, SANNE, [emma], "2026-04-02",
                              day_part="middag")).json()["absences"]
    at(clock, "2026-03-04T00:01")
    headers = bearer(await tokens(client, SANNE))
    me = (await client.get("/api/v1/me", headers=headers)).json()
    centrum = next(loc for loc in me["locations"] if loc["name"] == "Zonnebloem Centrum")
    response = await client.delete(f"/api/v1/absences/{absence['id']}", headers=headers)
    assert (response.status_code, response.json()["code"]) == (409, "absence_cancel_too_late")
    detail = response.json()["detail"]
    assert "30 dagen" in detail and centrum["phone"] in detail and centrum["email"] in detail
    english = await client.delete(f"/api/v1/absences/{absence['id']}",
                                  headers={**headers, "Accept-Language": "en"})
    assert "contact Zonnebloem Centrum" in english.json()["detail"]
    assert (await family_absences(client))[0]["credit_minutes"] == 300  # credit kept


async def test_secondary_parent_may_report_and_the_family_sees_it(
        client: httpx.AsyncClient) -> None:
    emma = await emma_id(client)
    response = await report(client, THOMAS, [emma], "2026-03-10", day_part="ochtend")
    assert response.status_code == 201
    assert [a["reported_by"] for a in await family_absences(client, SANNE)] == [
        "Thomas de Vries"]


async def test_other_families_and_staff_cannot_report_see_or_cancel(
        client: httpx.AsyncClient) -> None:
    emma = await emma_id(client)
    foreign = await report(client, LOTTE, [emma], "2026-03-10")
    assert (foreign.status_code, foreign.json()["code"]) == (403, "forbidden")
    staff = await report(client, FATIMA, [emma], "2026-03-10")
    assert staff.status_code == 403
    [absence] = (await report(client, SANNE, [emma], "2026-04-09",
                              day_part="ochtend")).json()["absences"]
    cancel = await client.delete(f"/api/v1/absences/{absence['id']}",
                                 headers=bearer(await tokens(client, LOTTE)))
    assert (cancel.status_code, cancel.json()["code"]) == (404, "not_found")
    assert await family_absences(client, LOTTE) == []
    listing = await client.get("/api/v1/absences", headers=bearer(await tokens(client, FATIMA)))
    assert listing.status_code == 403


async def test_a_replayed_report_returns_the_first_result_once(
        client: httpx.AsyncClient) -> None:
    emma = await emma_id(client)
    headers = {**bearer(await tokens(client, SANNE)), "Idempotency-Key": "afmelden-1"}
    body = {"child_ids": [emma], "first_date": "2026-03-10", "reason": "ziek"}
    first = await client.post("/api/v1/absences", json=body, headers=headers)
    replay = await client.post("/api/v1/absences", json=body, headers=headers)
    assert replay.status_code == 201 and replay.json() == first.json()
    assert len(await family_absences(client)) == 2  # ochtend and middag, once
