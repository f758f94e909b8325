"""Extra days (dag aanvragen): every rule at its boundary, the payment split, credit
reservation and release, deciding with capacity, idempotency and access."""

from __future__ import annotations

from datetime import date, datetime

import httpx
from agenda_helpers import (
    FRIDAY,
    WEDNESDAY,
    ask,
    children,
    credit_of,
    give_credit,
    requested,
    staff_email,
)
from server_helpers import (
    FATIMA,
    LOTTE,
    MANAGER,
    SANNE,
    THOMAS,
    FakeClock,
    bearer,
    both_databases,
    tokens,
)
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM

pytestmark = both_databases


def at(clock: FakeClock, day: str) -> None:
    clock.current = datetime.fromisoformat(f"{day}T09:00").replace(tzinfo=AMSTERDAM)


async def problem(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json().get("code", "")


async def test_four_days_ahead_is_the_earliest_extra_day(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    soon = await ask(client, SANNE, [emma], "2026-03-05", day_part="ochtend", preview=True)
    assert await problem(soon) == (422, "extra_day_too_soon")
    assert soon.json()["min_days"] == 4 and "4 dagen" in soon.json()["detail"]
    ok = await ask(client, SANNE, [emma], FRIDAY, day_part="ochtend", preview=True)
    assert ok.status_code == 200, ok.text
    assert [(i["date"], i["day_part"]) for i in ok.json()["items"]] == [(FRIDAY, "ochtend")]


async def test_ninety_days_ahead_is_the_latest_extra_day(client: httpx.AsyncClient,
                                                         clock: FakeClock) -> None:
    emma = (await children(client))["Emma"]
    at(clock, "2026-03-05")  # 90 days later is Wednesday 3 June
    ok = await ask(client, SANNE, [emma], "2026-06-03", preview=True)
    assert ok.status_code == 200, ok.text
    far = await ask(client, SANNE, [emma], "2026-06-03", last_date="2026-06-04", preview=True)
    assert await problem(far) == (422, "extra_day_too_far")
    assert far.json()["max_days"] == 90


async def test_one_request_spans_at_most_the_policys_period(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    policy = (await client.get("/api/v1/policy",
                               headers=bearer(await tokens(client, SANNE)))).json()
    assert policy["extra_day_max_period_days"] == 31
    month = await ask(client, SANNE, [emma], FRIDAY, last_date="2026-04-05", preview=True)
    assert month.status_code == 200, month.text  # 31 days, both ends included
    longer = await ask(client, SANNE, [emma], FRIDAY, last_date="2026-04-06", preview=True)
    assert await problem(longer) == (422, "agenda_range_invalid")
    assert longer.json()["max_days"] == 31
    backwards = await ask(client, SANNE, [emma], WEDNESDAY, last_date=FRIDAY, preview=True)
    assert await problem(backwards) == (422, "agenda_range_invalid")


async def test_weekends_and_closing_days_have_no_extra_care(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    weekend = await ask(client, SANNE, [emma], "2026-03-07", last_date="2026-03-08")
    assert await problem(weekend) == (422, "extra_day_closed")
    easter_monday = await ask(client, SANNE, [emma], "2026-04-06")  # Tweede paasdag
    assert await problem(easter_monday) == (422, "extra_day_closed")
    week = await ask(client, SANNE, [emma], "2026-04-03", last_date="2026-04-08",
                     preview=True)
    skipped = {(s["date"], s["reason"]) for s in week.json()["skipped"]}
    assert {("2026-04-04", "weekend"), ("2026-04-06", "closing_day"),
            ("2026-04-07", "already_planned")} <= skipped
    assert {i["date"] for i in week.json()["items"]} == {"2026-04-03", "2026-04-08"}


async def test_planned_and_requested_day_parts_are_not_requested_twice(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    planned = await ask(client, SANNE, [emma], "2026-03-09")  # Monday: Emma's contract day
    assert await problem(planned) == (409, "extra_day_already_planned")
    await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend")
    again = await ask(client, SANNE, [emma], FRIDAY, day_part="ochtend")
    assert await problem(again) == (409, "extra_day_already_requested")
    rest = await requested(client, SANNE, [emma], FRIDAY)  # the whole day: only middag is new
    assert [i["day_part"] for i in rest["items"]] == ["middag"]


async def test_outside_a_contract_of_that_care_type_is_refused(
        client: httpx.AsyncClient) -> None:
    kids = await children(client)
    bso_for_emma = await ask(client, SANNE, [kids["Emma"]], FRIDAY, day_part="nso")
    assert await problem(bso_for_emma) == (422, "extra_day_outside_contract")
    assert bso_for_emma.json()["child_name"] == "Emma"
    assert "6 maart 2026" in bso_for_emma.json()["detail"]
    finn = (await children(client, LOTTE))["Finn"]  # contract ended five weeks ago
    ended = await ask(client, LOTTE, [finn], FRIDAY)
    assert await problem(ended) == (422, "extra_day_outside_contract")


async def test_bso_day_parts_follow_school_weeks_and_holidays(
        client: httpx.AsyncClient) -> None:
    daan = (await children(client))["Daan"]
    school_week = await ask(client, SANNE, [daan], WEDNESDAY, day_part="nso", preview=True)
    assert [i["minutes"] for i in school_week.json()["items"]] == [270]
    holiday_nso = await ask(client, SANNE, [daan], "2026-04-29", day_part="nso")  # meivakantie
    assert await problem(holiday_nso) == (422, "extra_day_closed")
    holiday_care = await ask(client, SANNE, [daan], "2026-04-29", day_part="vakantie",
                             preview=True)
    assert [i["minutes"] for i in holiday_care.json()["items"]] == [660]


async def test_invoice_payment_costs_minutes_times_the_contract_rate(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    preview = (await ask(client, SANNE, [emma], FRIDAY, preview=True)).json()
    assert [(i["minutes"], i["hourly_rate_cents"], i["invoice_cents"], i["start"], i["end"])
            for i in preview["items"]] == [(330, 1149, 6320, "07:30", "13:00"),
                                           (300, 1149, 5745, "13:00", "18:00")]
    assert (preview["total_minutes"], preview["credit_minutes"], preview["invoice_cents"]) == (
        630, 0, 12065)


async def test_mixed_payment_uses_credit_first_and_invoices_the_rest(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    await give_credit(db, emma, 200, date(2026, 12, 31))
    preview = (await ask(client, SANNE, [emma], FRIDAY, day_part="ochtend", payment="mixed",
                         preview=True)).json()
    [item] = preview["items"]
    assert (item["credit_minutes"], item["invoice_cents"]) == (200, 2490)  # 130 min invoiced
    assert preview["credit_available_minutes"] == {str(emma): 200}
    invoice_only = (await ask(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                              payment="invoice", preview=True)).json()
    assert invoice_only["items"][0]["credit_minutes"] == 0


async def test_credit_only_needs_enough_credit(client: httpx.AsyncClient,
                                               db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    await give_credit(db, emma, 200, date(2026, 12, 31))
    short = await ask(client, SANNE, [emma], FRIDAY, day_part="ochtend", payment="credit")
    assert await problem(short) == (422, "extra_day_credit_insufficient")
    assert (short.json()["available_minutes"], short.json()["needed_minutes"]) == (200, 330)
    assert "3 uur en 20 minuten" in short.json()["detail"]
    await give_credit(db, emma, 130, date(2026, 12, 31))
    enough = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                             payment="credit")
    assert (enough["credit_minutes"], enough["invoice_cents"]) == (330, 0)


async def test_credit_is_used_oldest_first_across_two_credits(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    later = await give_credit(db, emma, 630, date(2026, 12, 31))
    sooner = await give_credit(db, emma, 200, date(2026, 6, 30))
    balance = await credit_of(client, emma)
    assert [c["id"] for c in balance["credits"]] == [sooner, later]
    await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend", payment="mixed")
    balance = await credit_of(client, emma)
    assert balance["available_minutes"] == 500
    assert [(c["id"], c["available_minutes"]) for c in balance["credits"]] == [(later, 500)]


async def test_credit_is_usable_up_to_its_expiry_date_not_after(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    emma = (await children(client))["Emma"]
    await give_credit(db, emma, 330, date(2026, 3, 13))
    on_expiry = await ask(client, SANNE, [emma], "2026-03-13", day_part="ochtend",
                          payment="credit", preview=True)
    assert on_expiry.json()["items"][0]["credit_minutes"] == 330
    after = await ask(client, SANNE, [emma], "2026-03-18", day_part="ochtend",
                      payment="credit", preview=True)
    assert await problem(after) == (422, "extra_day_credit_insufficient")
    at(clock, "2026-03-13")
    assert (await credit_of(client, emma))["available_minutes"] == 330
    at(clock, "2026-03-14")
    assert (await credit_of(client, emma))["available_minutes"] == 0


async def test_withdrawing_a_pending_request_releases_its_credit(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    await give_credit(db, emma, 630, date(2026, 12, 31))
    request = await requested(client, SANNE, [emma], FRIDAY, payment="credit")
    assert (await credit_of(client, emma))["available_minutes"] == 0
    response = await client.post(f"/api/v1/extra-days/{request['id']}/withdraw",
                                 headers=bearer(await tokens(client, THOMAS)))
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "withdrawn"
    assert (await credit_of(client, emma))["available_minutes"] == 630
    again = await client.post(f"/api/v1/extra-days/{request['id']}/withdraw",
                              headers=bearer(await tokens(client, SANNE)))
    assert await problem(again) == (409, "extra_day_not_pending")
    assert again.json()["request_status"] == "withdrawn"
    # The day-part is free again for a new request.
    assert (await ask(client, SANNE, [emma], FRIDAY)).status_code == 201


async def test_approved_extra_care_cannot_be_withdrawn(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    request = await requested(client, SANNE, [emma], FRIDAY)
    approve = await client.post(f"/api/v1/extra-days/{request['id']}/approve",
                                headers=bearer(await tokens(client, FATIMA)))
    assert approve.status_code == 200, approve.text
    assert (approve.json()["status"], approve.json()["decided_by"]) == (
        "approved", "Fatima El Amrani")
    withdraw = await client.post(f"/api/v1/extra-days/{request['id']}/withdraw",
                                 headers=bearer(await tokens(client, SANNE)))
    assert await problem(withdraw) == (409, "extra_day_approved_final")
    assert withdraw.json()["detail"] == "Goedgekeurde extra opvang kan niet worden geannuleerd."
    twice = await client.post(f"/api/v1/extra-days/{request['id']}/approve",
                              headers=bearer(await tokens(client, FATIMA)))
    assert await problem(twice) == (409, "extra_day_not_pending")


async def test_rejecting_gives_the_reason_and_releases_the_credit(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    await give_credit(db, emma, 630, date(2026, 12, 31))
    request = await requested(client, SANNE, [emma], FRIDAY, payment="mixed")
    staff = bearer(await tokens(client, FATIMA))
    empty = await client.post(f"/api/v1/extra-days/{request['id']}/reject", json={"reason": ""},
                              headers=staff)
    assert await problem(empty) == (422, "validation_error")
    response = await client.post(f"/api/v1/extra-days/{request['id']}/reject",
                                 json={"reason": "Geen leidster beschikbaar"}, headers=staff)
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["decision_reason"]) == (
        "rejected", "Geen leidster beschikbaar")
    assert (await credit_of(client, emma))["available_minutes"] == 630
    listed = (await client.get("/api/v1/extra-days",
                               headers=bearer(await tokens(client, SANNE)))).json()["requests"]
    assert [(r["status"], r["decision_reason"]) for r in listed if r["child_id"] == emma] == [
        ("rejected", "Geen leidster beschikbaar")]


async def test_a_replayed_submission_returns_the_first_result_once(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    key = {"Idempotency-Key": "dag-aanvragen-1"}
    first = await ask(client, SANNE, [emma], FRIDAY, headers=key)
    replay = await ask(client, SANNE, [emma], FRIDAY, headers=key)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert replay.headers.get("Idempotency-Replayed") == "true"
    other = await ask(client, SANNE, [emma], WEDNESDAY, headers=key)
    assert await problem(other) == (422, "idempotency_key_reused")
    listed = (await client.get("/api/v1/extra-days",
                               headers=bearer(await tokens(client, SANNE)))).json()["requests"]
    assert [r["id"] for r in listed if r["child_id"] == emma] == [
        first.json()["requests"][0]["id"]]


async def test_one_request_per_child_and_the_secondary_parent_may_ask(
        client: httpx.AsyncClient) -> None:
    kids = await children(client)
    response = await ask(client, THOMAS, [kids["Emma"], kids["Daan"]], WEDNESDAY,
                         day_part="ochtend")
    # Daan has no KDV contract: the whole submission is refused, nothing stored.
    assert await problem(response) == (422, "extra_day_outside_contract")
    assert response.json()["child_name"] == "Daan"
    emma = await requested(client, THOMAS, [kids["Emma"]], WEDNESDAY, day_part="ochtend",
                           note="Opa is jarig")
    assert (emma["submitted_by"], emma["note"], emma["status"]) == (
        "Thomas de Vries", "Opa is jarig", "pending")


async def test_other_families_cannot_ask_for_see_or_withdraw(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    foreign = await ask(client, LOTTE, [emma], FRIDAY)
    assert await problem(foreign) == (403, "forbidden")
    request = await requested(client, SANNE, [emma], FRIDAY)
    withdraw = await client.post(f"/api/v1/extra-days/{request['id']}/withdraw",
                                 headers=bearer(await tokens(client, LOTTE)))
    assert await problem(withdraw) == (404, "not_found")
    lotte = (await client.get("/api/v1/extra-days",
                              headers=bearer(await tokens(client, LOTTE)))).json()
    assert lotte == {"requests": [], "next_cursor": None}
    credit = await client.get("/api/v1/credit", headers=bearer(await tokens(client, LOTTE)))
    assert [c["child_id"] for c in credit.json()["children"]] == [
        (await children(client, LOTTE))["Finn"]]


async def test_staff_decide_only_for_their_groups_and_parents_not_at_all(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    request = await requested(client, SANNE, [emma], FRIDAY)
    parent = await client.post(f"/api/v1/extra-days/{request['id']}/approve",
                               headers=bearer(await tokens(client, SANNE)))
    assert await problem(parent) == (403, "forbidden")
    parent_capacity = await client.get(f"/api/v1/extra-days/{request['id']}/capacity",
                                       headers=bearer(await tokens(client, SANNE)))
    assert await problem(parent_capacity) == (403, "forbidden")
    regenboog = bearer(await tokens(client, await staff_email(db, "Marloes Smulders")))
    for path in ("approve", "reject"):
        other = await client.post(f"/api/v1/extra-days/{request['id']}/{path}",
                                  json={"reason": "vol"}, headers=regenboog)
        assert await problem(other) == (404, "not_found")
    assert (await client.get("/api/v1/extra-days?status=pending",
                             headers=regenboog)).json() == {"requests": [], "next_cursor": None}
    for email in (FATIMA, MANAGER):
        pending = (await client.get("/api/v1/extra-days?status=pending",
                                    headers=bearer(await tokens(client, email)))).json()
        assert [(r["id"], r["child_name"], r["group_name"]) for r in pending["requests"]
                if r["child_id"] == emma] == [(request["id"], "Emma de Vries", "Zonnetjes")]
    approved = (await client.get("/api/v1/extra-days?status=approved",
                                 headers=bearer(await tokens(client, FATIMA)))).json()
    assert approved == {"requests": [], "next_cursor": None}
    decided = await client.post(f"/api/v1/extra-days/{request['id']}/approve",
                                headers=bearer(await tokens(client, MANAGER)))
    assert decided.json()["decided_by"] == "Ingrid Verhoeven"


async def test_english_details(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    response = await ask(client, SANNE, [emma], "2026-03-03", headers={"Accept-Language": "en"})
    assert response.json()["detail"] == (
        "An extra day must be requested at least 4 days ahead. Choose a later date.")
