"""`GET /api/v1/agenda` on the demo data: contents, the sync cursor and who sees what."""

from __future__ import annotations

import httpx
from server_helpers import (
    FATIMA,
    LOTTE,
    MANAGER,
    SANNE,
    THOMAS,
    bearer,
    both_databases,
    tokens,
)

pytestmark = both_databases


async def children(client: httpx.AsyncClient, email: str) -> dict[str, int]:
    response = await client.get("/api/v1/me", headers=bearer(await tokens(client, email)))
    return {c["first_name"]: c["id"] for c in response.json()["children"]}


async def agenda(client: httpx.AsyncClient, email: str, **params: object) -> httpx.Response:
    query = {"from": "2026-03-30", "to": "2026-04-12", **params}
    return await client.get("/api/v1/agenda", params=query,
                            headers=bearer(await tokens(client, email)))


async def test_parent_sees_the_planning_of_their_children_minus_closing_days(
        client: httpx.AsyncClient) -> None:
    kids = await children(client, SANNE)
    response = await agenda(client, SANNE, child_id=kids["Emma"])
    assert response.status_code == 200, response.text
    body = response.json()
    # Emma comes Monday, Tuesday and Thursday, whole day; Monday 6 April is Tweede Paasdag.
    days = sorted({(p["date"], p["day_part"]) for p in body["planned"]})
    expected_dates = ["2026-03-30", "2026-03-31", "2026-04-02", "2026-04-07", "2026-04-09"]
    assert days == sorted((d, part) for d in expected_dates for part in ("middag", "ochtend"))
    assert {p["child_id"] for p in body["planned"]} == {kids["Emma"]}
    morning = next(p for p in body["planned"] if p["day_part"] == "ochtend")
    assert (morning["start"], morning["end"]) == ("07:30", "13:00")
    assert "2026-04-06" in {c["date"] for c in body["closing_days"]}


async def test_bso_has_holiday_care_instead_of_after_school_care_in_the_christmas_holiday(
        client: httpx.AsyncClient) -> None:
    kids = await children(client, SANNE)
    body = (await agenda(client, SANNE, child_id=kids["Daan"], **{"from": "2026-12-14",
                                                                   "to": "2026-12-22"})).json()
    # Daan: NSO on Monday, Tuesday and Thursday, VSO on Thursday, vakantieopvang on Monday
    # and Tuesday. The Kerstvakantie starts Saturday 19 December.
    assert [(p["date"], p["day_part"]) for p in body["planned"]] == [
        ("2026-12-14", "nso"), ("2026-12-15", "nso"), ("2026-12-17", "vso"),
        ("2026-12-17", "nso"), ("2026-12-21", "vakantie"), ("2026-12-22", "vakantie")]
    assert body["school_holidays"] == [{"name": "Kerstvakantie", "first_date": "2026-12-19",
                                        "last_date": "2027-01-03"}]


async def test_without_a_child_filter_all_own_children_are_included(
        client: httpx.AsyncClient) -> None:
    kids = await children(client, SANNE)
    body = (await agenda(client, SANNE)).json()
    assert {p["child_id"] for p in body["planned"]} == set(kids.values())


async def test_an_unchanged_agenda_is_one_small_response(client: httpx.AsyncClient) -> None:
    first = (await agenda(client, SANNE)).json()
    assert first["unchanged"] is False and first["planned"]
    again = (await agenda(client, SANNE, cursor=first["cursor"])).json()
    assert again == {**first, "unchanged": True, "planned": [], "closing_days": [],
                     "school_holidays": [], "absences": [], "extra_days": []}


async def test_a_reported_absence_shows_in_the_agenda_and_changes_the_cursor(
        client: httpx.AsyncClient) -> None:
    kids = await children(client, SANNE)
    first = (await agenda(client, SANNE)).json()
    assert first["absences"] == []
    reported = await client.post(
        "/api/v1/absences", headers=bearer(await tokens(client, SANNE)),
        json={"child_ids": [kids["Emma"]], "first_date": "2026-03-31", "day_part": "middag",
              "reason": "overig"})
    assert reported.status_code == 201
    after = (await agenda(client, SANNE, cursor=first["cursor"])).json()
    assert after["unchanged"] is False
    assert [(a["date"], a["child_id"], a["day_part"], a["reason"]) for a in after["absences"]] \
        == [("2026-03-31", kids["Emma"], "middag", "overig")]


async def test_a_stale_cursor_gets_the_full_agenda(client: httpx.AsyncClient) -> None:
    first = (await agenda(client, SANNE)).json()
    other_range = (await agenda(client, SANNE, to="2026-04-13", cursor=first["cursor"])).json()
    assert other_range["unchanged"] is False and other_range["planned"]
    assert other_range["cursor"] != first["cursor"]


async def test_secondary_parent_sees_the_same_family_agenda(client: httpx.AsyncClient) -> None:
    assert (await agenda(client, THOMAS)).json()["planned"] == \
        (await agenda(client, SANNE)).json()["planned"]


async def test_parent_cannot_see_another_familys_child(client: httpx.AsyncClient) -> None:
    kids = await children(client, SANNE)
    response = await agenda(client, LOTTE, child_id=kids["Emma"])
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


async def groups(client: httpx.AsyncClient, email: str) -> dict[str, int]:
    response = await client.get("/api/v1/me", headers=bearer(await tokens(client, email)))
    return {g["name"]: g["id"] for g in response.json()["groups"]}


A_WEEK = {"from": "2026-03-30", "to": "2026-04-05"}


async def test_staff_see_one_of_their_groups_a_week_at_a_time(
        client: httpx.AsyncClient) -> None:
    kids = await children(client, SANNE)
    zonnetjes = (await groups(client, FATIMA))["Zonnetjes"]
    response = await agenda(client, FATIMA, group_id=zonnetjes, **A_WEEK)
    assert response.status_code == 200, response.text
    planned = response.json()["planned"]
    assert kids["Emma"] in {p["child_id"] for p in planned}  # Emma is in Zonnetjes
    assert {p["group_id"] for p in planned} == {zonnetjes}
    refused = await agenda(client, FATIMA, group_id=zonnetjes, child_id=kids["Daan"], **A_WEEK)
    assert refused.status_code == 403  # Daan goes to BSO De Ontdekkers


async def test_staff_are_refused_another_group_and_the_agenda_without_a_group(
        client: httpx.AsyncClient) -> None:
    ontdekkers = (await groups(client, MANAGER))["De Ontdekkers"]
    other = await agenda(client, FATIMA, group_id=ontdekkers, **A_WEEK)
    assert (other.status_code, other.json()["code"]) == (403, "forbidden")
    whole = await agenda(client, FATIMA, **A_WEEK)
    assert (whole.status_code, whole.json()["code"]) == (422, "agenda_group_required")


async def test_staff_get_a_week_and_not_a_day_more(client: httpx.AsyncClient) -> None:
    zonnetjes = (await groups(client, FATIMA))["Zonnetjes"]
    week = await agenda(client, FATIMA, group_id=zonnetjes, **{"from": "2026-03-30",
                                                               "to": "2026-04-05"})
    assert week.status_code == 200
    eight_days = await agenda(client, FATIMA, group_id=zonnetjes, **{"from": "2026-03-30",
                                                                     "to": "2026-04-06"})
    assert (eight_days.status_code, eight_days.json()["code"]) == (422, "agenda_range_invalid")
    assert eight_days.json()["max_days"] == 7


async def test_manager_sees_every_group_of_their_locations(client: httpx.AsyncClient) -> None:
    kids = await children(client, SANNE)
    their_groups = await groups(client, MANAGER)
    seen = set()
    for group_id in their_groups.values():
        response = await agenda(client, MANAGER, group_id=group_id, **A_WEEK)
        assert response.status_code == 200, response.text
        seen |= {p["child_id"] for p in response.json()["planned"]}
    assert set(kids.values()) <= seen
    whole = await agenda(client, MANAGER, **A_WEEK)
    assert whole.json()["code"] == "agenda_group_required"


async def test_a_reversed_or_too_long_range_is_refused_in_dutch_and_english(
        client: httpx.AsyncClient) -> None:
    reversed_range = await agenda(client, SANNE, **{"from": "2026-04-12", "to": "2026-03-30"})
    assert reversed_range.status_code == 422
    assert reversed_range.json()["code"] == "agenda_range_invalid"
    assert "400 dagen" in reversed_range.json()["detail"]
    too_long = await client.get(
        "/api/v1/agenda", params={"from": "2026-01-01", "to": "2027-12-31"},
        headers={**bearer(await tokens(client, SANNE)), "Accept-Language": "en"})
    assert too_long.status_code == 422
    assert "400 days" in too_long.json()["detail"]
