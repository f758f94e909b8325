"""The request overview (aanvragenoverzicht) and extra days in the agenda."""

from __future__ import annotations

import httpx
from agenda_helpers import FRIDAY, WEDNESDAY, children, credit_of, requested
from server_helpers import FATIMA, LOTTE, SANNE, bearer, both_databases, tokens

pytestmark = both_databases


async def overview(client: httpx.AsyncClient, email: str = SANNE,
                   language: str | None = None, child: str = "Emma") -> list[dict]:
    """The overview lines of one child (the demo gives Daan requests of his own)."""
    headers = bearer(await tokens(client, email))
    if language:
        headers["Accept-Language"] = language
    response = await client.get("/api/v1/requests", headers=headers)
    assert response.status_code == 200, response.text
    kids = await children(client, email)
    return [r for r in response.json()["requests"] if r["child_id"] == kids.get(child)]


async def report(client: httpx.AsyncClient, child_id: int, day: str, part: str) -> dict:
    response = await client.post(
        "/api/v1/absences", json={"child_ids": [child_id], "first_date": day,
                                  "day_part": part, "reason": "vakantie"},
        headers=bearer(await tokens(client, SANNE)))
    assert response.status_code == 201, response.text
    return response.json()["absences"][0]


async def test_overview_lists_absences_and_extra_days_newest_first_with_cancel_rules(
        client: httpx.AsyncClient) -> None:
    kids = await children(client)
    emma = kids["Emma"]
    soon = await report(client, emma, "2026-03-09", "ochtend")  # 7 days ahead: too late
    later = await report(client, emma, "2026-04-02", "middag")  # 31 days ahead
    pending = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend")
    approved = await requested(client, SANNE, [emma], WEDNESDAY, day_part="middag")
    await client.post(f"/api/v1/extra-days/{approved['id']}/approve",
                      headers=bearer(await tokens(client, FATIMA)))
    lines = await overview(client)
    assert [(r["kind"], r["id"], r["first_date"]) for r in lines] == [
        ("absence", later["id"], "2026-04-02"), ("extra_day", approved["id"], WEDNESDAY),
        ("absence", soon["id"], "2026-03-09"), ("extra_day", pending["id"], FRIDAY)]
    by_id = {(r["kind"], r["id"]): r for r in lines}
    assert by_id[("absence", later["id"])]["can_cancel"] is True
    too_late = by_id[("absence", soon["id"])]
    assert too_late["can_cancel"] is False
    assert "040 - 245 18 90" in too_late["cancel_refusal"]
    assert "centrum@zonnebloem-voorbeeld.nl" in too_late["cancel_refusal"]
    assert (too_late["reason"], too_late["submitted_by"], too_late["status"]) == (
        "vakantie", "Sanne de Vries", "active")
    final = by_id[("extra_day", approved["id"])]
    assert (final["status"], final["can_cancel"], final["cancel_refusal"]) == (
        "approved", False, "Goedgekeurde extra opvang kan niet worden geannuleerd.")
    assert final["invoice_cents"] == 5745 and final["decided_at"] is not None
    assert by_id[("extra_day", pending["id"])]["can_cancel"] is True
    english = {(r["kind"], r["id"]): r for r in await overview(client, language="en")}
    assert english[("extra_day", approved["id"])]["cancel_refusal"] == (
        "Approved extra care cannot be cancelled.")
    assert "Please contact Zonnebloem Centrum" in english[("absence", soon["id"])][
        "cancel_refusal"]


async def test_cancelled_and_withdrawn_lines_stay_and_cannot_be_cancelled_again(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    absence = await report(client, emma, "2026-04-09", "ochtend")
    headers = bearer(await tokens(client, SANNE))
    await client.delete(f"/api/v1/absences/{absence['id']}", headers=headers)
    request = await requested(client, SANNE, [emma], FRIDAY)
    await client.post(f"/api/v1/extra-days/{request['id']}/withdraw", headers=headers)
    lines = {r["kind"]: r for r in await overview(client)}
    assert (lines["absence"]["status"], lines["absence"]["can_cancel"]) == ("cancelled", False)
    assert lines["absence"]["cancel_refusal"] == "Deze afmelding is al geannuleerd."
    assert (lines["extra_day"]["status"], lines["extra_day"]["can_cancel"]) == (
        "withdrawn", False)


async def test_the_demo_family_has_every_kind_of_line(client: httpx.AsyncClient) -> None:
    lines = await overview(client, child="Daan")
    assert {(r["kind"], r["status"]) for r in lines} == {
        ("absence", "active"), ("absence", "cancelled"), ("extra_day", "pending"),
        ("extra_day", "approved"), ("extra_day", "rejected")}
    approved = next(r for r in lines if r["status"] == "approved")
    assert (approved["credit_minutes"], approved["invoice_cents"]) == (90, 3045)
    rejected = next(r for r in lines if r["status"] == "rejected")
    assert rejected["decision_reason"]
    earned = [r["credit_minutes"] for r in lines if r["kind"] == "absence"]
    assert sorted(earned, key=lambda m: m or 0) == [None, None, 90, 270]
    # The VSO credit paid the approved day; the NSO credit is still to spend.
    assert (await credit_of(client, (await children(client))["Daan"]))["available_minutes"] \
        == 270


async def test_only_the_family_sees_its_overview(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    await requested(client, SANNE, [emma], FRIDAY)
    assert await overview(client, LOTTE, child="Finn") == []
    staff = await client.get("/api/v1/requests", headers=bearer(await tokens(client, FATIMA)))
    assert (staff.status_code, staff.json()["code"]) == (403, "forbidden")


async def test_agenda_shows_extra_days_and_its_cursor_follows_their_status(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    headers = bearer(await tokens(client, SANNE))
    params = {"from": "2026-03-01", "to": "2026-03-31", "child_id": emma}
    before = (await client.get("/api/v1/agenda", params=params, headers=headers)).json()
    assert before["extra_days"] == []
    request = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend")
    pending = (await client.get("/api/v1/agenda", params={**params, "cursor": before["cursor"]},
                                headers=headers)).json()
    assert pending["unchanged"] is False
    assert pending["extra_days"] == [{"request_id": request["id"], "date": FRIDAY,
                                      "child_id": emma, "day_part": "ochtend",
                                      "start": "07:30", "end": "13:00",
                                      "status": "pending", "decision_reason": None}]
    await client.post(f"/api/v1/extra-days/{request['id']}/reject", json={"reason": "Vol"},
                      headers=bearer(await tokens(client, FATIMA)))
    rejected = (await client.get("/api/v1/agenda",
                                 params={**params, "cursor": pending["cursor"]},
                                 headers=headers)).json()
    # The day panel shows why: the rejection's reason comes with the agenda.
    assert [(e["status"], e["decision_reason"]) for e in rejected["extra_days"]] == [
        ("rejected", "Vol")]
    fatima = bearer(await tokens(client, FATIMA))
    zonnetjes = (await client.get("/api/v1/me", headers=fatima)).json()["groups"][0]["id"]
    staff = (await client.get("/api/v1/agenda", headers=fatima, params={
        "from": FRIDAY, "to": FRIDAY, "group_id": zonnetjes})).json()
    assert [e["request_id"] for e in staff["extra_days"]] == [request["id"]]


async def test_withdrawn_extra_days_leave_the_agenda(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    headers = bearer(await tokens(client, SANNE))
    request = await requested(client, SANNE, [emma], FRIDAY)
    withdrawn = await client.post(f"/api/v1/extra-days/{request['id']}/withdraw",
                                  headers=headers)
    assert withdrawn.json()["status"] == "withdrawn"
    agenda = (await client.get("/api/v1/agenda", params={"from": FRIDAY, "to": FRIDAY},
                               headers=headers)).json()
    assert agenda["extra_days"] == []
