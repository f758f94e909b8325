"""Cancelling what one report made for a day — every child and day-part — at once, or nothing
(`POST /absences/cancel`, issue 14)."""

from __future__ import annotations

import httpx
from server_helpers import LOTTE, SANNE, FakeClock, bearer, both_databases, tokens
from test_server_absences import at, family_absences, report

pytestmark = both_databases

# The demo on Monday 2 March 2026: Emma (KDV) comes Monday, Tuesday and Thursday, Daan (BSO)
# after school on Mondays, Tuesdays and Thursdays (and before school on Thursdays).
THURSDAY = "2026-04-02"  # 31 days ahead
SOON = "2026-03-12"  # 10 days ahead


async def children(client: httpx.AsyncClient) -> dict[str, int]:
    me = await client.get("/api/v1/me", headers=bearer(await tokens(client, SANNE)))
    return {c["first_name"]: c["id"] for c in me.json()["children"]}


async def cancel(client: httpx.AsyncClient, ids: list[int], email: str = SANNE,
                 **headers: str) -> httpx.Response:
    return await client.post("/api/v1/absences/cancel", json={"absence_ids": ids},
                             headers={**bearer(await tokens(client, email)), **headers})


def statuses(absences: list[dict]) -> dict[int, str]:
    return {a["id"]: a["status"] for a in absences}


async def test_a_days_report_for_two_children_is_cancelled_at_once(
        client: httpx.AsyncClient) -> None:
    kids = await children(client)
    made = (await report(client, SANNE, [kids["Emma"], kids["Daan"]], THURSDAY)).json()
    ids = [a["id"] for a in made["absences"]]
    assert {a["child_id"] for a in made["absences"]} == {kids["Emma"], kids["Daan"]}
    assert len(ids) >= 3  # Emma's morning and afternoon, Daan's day-parts
    response = await cancel(client, ids)
    assert response.status_code == 200, response.text
    assert {a["id"]: (a["status"], a["credit_minutes"]) for a in response.json()["absences"]} \
        == {absence_id: ("cancelled", None) for absence_id in ids}
    assert set(statuses(await family_absences(client)).values()) == {"cancelled"}
    again = await report(client, SANNE, [kids["Emma"], kids["Daan"]], THURSDAY)
    assert again.status_code == 201  # the whole day is planned again


async def test_one_that_is_too_late_refuses_them_all(client: httpx.AsyncClient,
                                                     clock: FakeClock) -> None:
    emma = (await children(client))["Emma"]
    far = (await report(client, SANNE, [emma], THURSDAY)).json()["absences"]
    near = (await report(client, SANNE, [emma], SOON)).json()["absences"]
    response = await cancel(client, [a["id"] for a in far + near])
    assert (response.status_code, response.json()["code"]) == (409, "absence_cancel_too_late")
    assert "040" in response.json()["detail"]  # the location's phone
    assert set(statuses(await family_absences(client)).values()) == {"active"}
    at(clock, "2026-03-03T00:00")  # 30 days before THURSDAY: that day alone may go now
    alone = await cancel(client, [a["id"] for a in far])
    assert alone.status_code == 200, alone.text


async def test_another_familys_absence_in_the_list_cancels_nothing(
        client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    ours = (await report(client, SANNE, [emma], THURSDAY)).json()["absences"]
    ids = [a["id"] for a in ours]
    foreign = await cancel(client, ids, LOTTE)
    assert (foreign.status_code, foreign.json()["code"]) == (404, "not_found")
    unknown = await cancel(client, [*ids, 999_999])
    assert (unknown.status_code, unknown.json()["code"]) == (404, "not_found")
    assert set(statuses(await family_absences(client)).values()) == {"active"}


async def test_an_already_cancelled_one_refuses_them_all(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    [morning, afternoon] = (await report(client, SANNE, [emma], THURSDAY)).json()["absences"]
    first = await cancel(client, [morning["id"]])
    assert first.status_code == 200, first.text
    both = await cancel(client, [morning["id"], afternoon["id"]])
    assert (both.status_code, both.json()["code"]) == (409, "absence_already_cancelled")
    assert statuses(await family_absences(client))[afternoon["id"]] == "active"


async def test_a_replayed_cancel_answers_the_first_result(client: httpx.AsyncClient) -> None:
    emma = (await children(client))["Emma"]
    ids = [a["id"] for a in (await report(client, SANNE, [emma], THURSDAY)).json()["absences"]]
    first = await cancel(client, ids, **{"Idempotency-Key": "cancel-thursday"})
    replay = await cancel(client, ids, **{"Idempotency-Key": "cancel-thursday"})
    assert (first.status_code, replay.status_code) == (200, 200)
    assert replay.headers.get("Idempotency-Replayed") == "true"
    assert replay.json() == first.json()
