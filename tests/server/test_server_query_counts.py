"""SQL statements per request of the endpoints a parent's app calls at the morning peak.

Each endpoint loads what it needs in a few queries and authentication is one indexed lookup
(docs/architecture.md, "Queries per request"); these bounds keep it that way. A bound is the
count today: one query more fails the test. (The time they take is measured by
benchmarks/server_load.py, never here.)"""

from __future__ import annotations

import httpx
import pytest
from server_helpers import FATIMA, SANNE, bearer, both_databases, tokens

from server.db import StatementCounter

pytestmark = both_databases

MONTH = {"from": "2026-03-01", "to": "2026-03-31"}

# (path, query) -> at most this many statements, authentication included.
PARENT_BOUNDS = [
    ("/api/v1/me", {}, 3),
    ("/api/v1/agenda", MONTH, 7),
    ("/api/v1/requests", {}, 4),
    ("/api/v1/absences", {}, 2),
    ("/api/v1/extra-days", {}, 7),
    ("/api/v1/finance", {}, 3),
    ("/api/v1/finance/invoices", {}, 4),
    ("/api/v1/auth/sessions", {}, 2),
    ("/api/v1/policy", {}, 1),
    ("/api/v1/account/notifications", {}, 2),
    # Issue 17's lists: a page costs the same whatever its length (no query per row).
    ("/api/v1/conversations", {}, 4),
    ("/api/v1/news", {}, 10),
]


async def counted(client: httpx.AsyncClient, counter: StatementCounter, path: str,
                  params: dict[str, str], headers: dict[str, str]) -> int:
    await client.get(path, params=params, headers=headers)  # a first visit may write
    with counter:
        response = await client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return counter.count


@pytest.mark.parametrize(("path", "params", "bound"), PARENT_BOUNDS,
                         ids=[path.removeprefix("/api/v1") for path, _, _ in PARENT_BOUNDS])
async def test_a_parents_request_takes_a_few_queries(app, client: httpx.AsyncClient, path: str,
                                                     params: dict[str, str],
                                                     bound: int) -> None:  # noqa: ANN001
    counter = StatementCounter(app.state.engine)
    headers = bearer(await tokens(client, SANNE))
    assert await counted(client, counter, path, params, headers) <= bound, counter.statements


async def test_the_nothing_new_check_and_a_download_take_a_few_queries(
        app, client: httpx.AsyncClient) -> None:  # noqa: ANN001
    counter = StatementCounter(app.state.engine)
    headers = bearer(await tokens(client, SANNE))
    listing = (await client.get("/api/v1/finance", headers=headers)).json()
    assert await counted(client, counter, "/api/v1/finance", {"cursor": listing["cursor"]},
                         headers) <= 3, counter.statements
    url = listing["documents"][0]["url"]
    assert await counted(client, counter, url, {}, headers) <= 2, counter.statements


async def test_staff_and_public_requests_take_a_few_queries(
        app, client: httpx.AsyncClient) -> None:  # noqa: ANN001
    counter = StatementCounter(app.state.engine)
    assert await counted(client, counter, "/api/v1/portal", {}, {}) <= 1, counter.statements
    headers = bearer(await tokens(client, FATIMA))
    assert await counted(client, counter, "/api/v1/me", {}, headers) <= 2, counter.statements
    group = (await client.get("/api/v1/me", headers=headers)).json()["groups"][0]["id"]
    week = {"from": "2026-03-02", "to": "2026-03-08", "group_id": str(group)}
    assert await counted(client, counter, "/api/v1/agenda", week, headers) <= 8, \
        counter.statements


async def test_authentication_is_one_lookup(app, client: httpx.AsyncClient) -> None:  # noqa: ANN001
    counter = StatementCounter(app.state.engine)
    headers = bearer(await tokens(client, SANNE))
    # /policy needs nothing but the caller's organisation, which the lookup brings along.
    assert await counted(client, counter, "/api/v1/policy", {}, headers) == 1
    [lookup] = counter.statements
    assert "session_token" in lookup and "app_user" in lookup and "organisation" in lookup


async def test_a_conversations_messages_and_staffs_lists_take_a_few_queries(
        app, client: httpx.AsyncClient) -> None:  # noqa: ANN001
    counter = StatementCounter(app.state.engine)
    for email, bounds in ((SANNE, {"conversations": 4, "messages": 5, "news": 10}),
                          (FATIMA, {"conversations": 5, "messages": 6, "news": 10})):
        headers = bearer(await tokens(client, email))
        assert await counted(client, counter, "/api/v1/conversations", {}, headers) <= \
            bounds["conversations"], counter.statements
        first = (await client.get("/api/v1/conversations", headers=headers)).json()[
            "conversations"][0]["id"]
        assert await counted(client, counter, f"/api/v1/conversations/{first}/messages", {},
                             headers) <= bounds["messages"], counter.statements
        assert await counted(client, counter, "/api/v1/news", {}, headers) <= \
            bounds["news"], counter.statements


async def test_saving_the_notification_preferences_takes_a_few_queries(
        app, client: httpx.AsyncClient) -> None:  # noqa: ANN001
    counter = StatementCounter(app.state.engine)
    headers = bearer(await tokens(client, SANNE)) | {"Idempotency-Key": "meldingen"}
    with counter:  # the idempotency record's claim and answer included
        saved = await client.put("/api/v1/account/notifications", headers=headers, json={
            "email_unread_messages": True, "email_include_text": False})
    assert saved.status_code == 200, saved.text
    assert counter.count <= 13, counter.statements
