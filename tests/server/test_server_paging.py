"""Every list endpoint that can grow pages with a cursor (docs/api.md, "Lists and paging"):
following `next_cursor` gives every item once, in the list's order, whatever the page size;
history is kept but a page stays small; a cursor the server did not make is refused."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest
from server_helpers import SANNE, bearer, both_databases, login, tokens

from server.paging import MAX_LIMIT, encode_cursor

pytestmark = both_databases


async def children(client: httpx.AsyncClient) -> dict[str, int]:
    response = await client.get("/api/v1/me", headers=bearer(await tokens(client)))
    return {c["first_name"]: c["id"] for c in response.json()["children"]}


async def follow(client: httpx.AsyncClient, path: str, name: str, headers: dict[str, str],
                 **params: object) -> tuple[list[dict], int]:
    """Every item of the list, and how many pages that took."""
    items, cursor, pages = [], None, 0
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(path, params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body[name]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return items, pages


async def report_and_cancel(client: httpx.AsyncClient, headers: dict[str, str], child: int,
                            days: list[date]) -> None:
    """Absences far enough ahead to be cancelled again (30 days), reported and cancelled."""
    for day in days:
        reported = await client.post("/api/v1/absences", headers=headers, json={
            "child_ids": [child], "first_date": day.isoformat(), "reason": "ziek"})
        assert reported.status_code == 201, reported.text
        for absence in reported.json()["absences"]:
            cancelled = await client.delete(f"/api/v1/absences/{absence['id']}",
                                            headers=headers)
            assert cancelled.status_code == 200, cancelled.text


async def planned_days(client: httpx.AsyncClient, headers: dict[str, str], child: int,
                       first: date, count: int) -> list[date]:
    """The first `count` days from `first` on with care planned for the child (the planning
    rules decide: weekdays of the contract, no closing days or holidays)."""
    agenda = (await client.get("/api/v1/agenda", headers=headers, params={
        "from": first.isoformat(), "to": (first + timedelta(days=120)).isoformat(),
        "child_id": child})).json()
    days = sorted({date.fromisoformat(p["date"]) for p in agenda["planned"]})
    assert len(days) >= count
    return days[:count]


async def test_cancelled_absences_stay_in_the_history_but_a_page_stays_small(
        client: httpx.AsyncClient) -> None:
    headers = bearer(await tokens(client))
    emma = (await children(client))["Emma"]
    await report_and_cancel(client, headers, emma,
                            await planned_days(client, headers, emma, date(2026, 5, 4), 12))
    whole, _ = await follow(client, "/api/v1/requests", "requests", headers,
                            limit=MAX_LIMIT)
    first = (await client.get("/api/v1/requests", params={"limit": 5},
                              headers=headers)).json()
    assert len(first["requests"]) == 5 and first["next_cursor"] is not None
    assert first["requests"] == whole[:5]
    assert sum(1 for r in whole if r["status"] == "cancelled") >= 12  # history is kept
    paged, pages = await follow(client, "/api/v1/requests", "requests", headers, limit=5)
    assert paged == whole  # every line once, in the same order
    assert pages == (len(whole) + 4) // 5


@pytest.mark.parametrize("size", [1, 3, 7])
async def test_the_absences_come_once_each_in_order_whatever_the_page_size(
        client: httpx.AsyncClient, size: int) -> None:
    headers = bearer(await tokens(client))
    emma = (await children(client))["Emma"]
    await report_and_cancel(client, headers, emma,
                            await planned_days(client, headers, emma, date(2026, 5, 4), 4))
    whole, _ = await follow(client, "/api/v1/absences", "absences", headers, limit=MAX_LIMIT)
    paged, pages = await follow(client, "/api/v1/absences", "absences", headers, limit=size)
    assert [a["id"] for a in paged] == [a["id"] for a in whole]
    assert len({a["id"] for a in paged}) == len(paged) > 4
    keys = [(a["date"], -a["child_id"], -a["id"]) for a in whole]
    assert keys == sorted(keys, reverse=True)  # newest day first, then child, then reported
    assert pages == -(-len(whole) // size)


async def test_a_new_item_never_shifts_the_following_pages(client: httpx.AsyncClient) -> None:
    headers = bearer(await tokens(client))
    emma = (await children(client))["Emma"]
    *older, newest = await planned_days(client, headers, emma, date(2026, 5, 4), 5)
    await report_and_cancel(client, headers, emma, older)
    first = (await client.get("/api/v1/absences", params={"limit": 3},
                              headers=headers)).json()
    # A new absence on a later date than all others: it belongs before the cursor, so the next
    # page must neither repeat an item of the first page nor skip one.
    await report_and_cancel(client, headers, emma, [newest])
    rest, _ = await follow(client, "/api/v1/absences", "absences", headers, limit=3,
                           cursor=first["next_cursor"])
    before = {a["id"] for a in first["absences"]}
    assert not before & {a["id"] for a in rest}
    whole, _ = await follow(client, "/api/v1/absences", "absences", headers, limit=MAX_LIMIT)
    assert [a["id"] for a in first["absences"] + rest] == \
        [a["id"] for a in whole if a["date"] != newest.isoformat()]


async def test_the_limit_is_one_to_two_hundred(client: httpx.AsyncClient) -> None:
    headers = bearer(await tokens(client))
    for limit, status in ((0, 422), (1, 200), (MAX_LIMIT, 200), (MAX_LIMIT + 1, 422)):
        response = await client.get("/api/v1/absences", params={"limit": limit},
                                    headers=headers)
        assert response.status_code == status, (limit, response.text)


@pytest.mark.parametrize("cursor", [
    "not a cursor", encode_cursor("extra-days", (date(2026, 3, 2), 5)),
    encode_cursor("absences", ("2026-03-02", 1, 1)), encode_cursor("absences", (1,))])
async def test_a_cursor_the_server_did_not_make_for_this_list_is_refused(
        client: httpx.AsyncClient, cursor: str) -> None:
    response = await client.get("/api/v1/absences", params={"cursor": cursor},
                                headers=bearer(await tokens(client)))
    assert (response.status_code, response.json()["code"]) == (422, "validation_error")
    assert response.json()["errors"] == [{"field": "cursor",
                                          "message": "not a cursor of this list"}]


async def test_extra_days_invoices_and_sessions_page_the_same_way(
        client: httpx.AsyncClient) -> None:
    headers = bearer(await tokens(client))
    for _ in range(3):
        assert (await login(client, SANNE)).status_code == 200
    for path, name in (("/api/v1/extra-days", "requests"),
                       ("/api/v1/finance/invoices", "invoices"),
                       ("/api/v1/auth/sessions", "sessions")):
        whole, _ = await follow(client, path, name, headers, limit=MAX_LIMIT)
        assert len(whole) >= 3, path
        paged, pages = await follow(client, path, name, headers, limit=2)
        assert [i["id"] for i in paged] == [i["id"] for i in whole], path
        assert pages == -(-len(whole) // 2), path
    invoices, _ = await follow(client, "/api/v1/finance/invoices", "invoices", headers)
    dates = [i["invoice_date"] for i in invoices]
    assert dates == sorted(dates, reverse=True)


async def test_the_finance_listing_pages_its_documents_and_keeps_one_sync_cursor(
        client: httpx.AsyncClient) -> None:
    headers = bearer(await tokens(client))
    whole = (await client.get("/api/v1/finance", params={"limit": MAX_LIMIT},
                              headers=headers)).json()
    assert whole["next_cursor"] is None and len(whole["documents"]) > 10
    documents, cursor, pages = [], None, 0
    while True:
        page = (await client.get("/api/v1/finance", headers=headers, params={
            "limit": 10, **({"cursor": cursor} if cursor else {})})).json()
        documents += page["documents"]
        assert page["cursor"] == whole["cursor"]  # the listing's digest, on every page
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert documents == whole["documents"]
    assert pages == -(-len(documents) // 10)
    unchanged = await client.get("/api/v1/finance", params={"cursor": whole["cursor"]},
                                 headers=headers)
    assert unchanged.json() == {"unchanged": True, "cursor": whole["cursor"]}
