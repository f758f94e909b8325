"""How long a login lasts (docs/api.md, "Auth"): an absolute lifetime counted from the login
and an idle limit, each refresh starting the idle limit again but never passing the lifetime.
Parents 90 days / 30 days idle; staff and managers (shared PCs) 12 hours / 2 hours idle."""

from __future__ import annotations

from datetime import UTC, timedelta

import httpx
import pytest
from server_helpers import FATIMA, MANAGER, SANNE, FakeClock, bearer, both_databases, tokens
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import Organisation

pytestmark = both_databases


@pytest.fixture(autouse=True)
def utc_clock(clock: FakeClock) -> None:
    # Lifetimes are elapsed time: advancing a Dutch wall clock by 90 days would gain or lose
    # the hour of a daylight-saving change.
    clock.current = clock.current.astimezone(UTC)


async def refresh(client: httpx.AsyncClient, body: dict) -> httpx.Response:
    return await client.post("/api/v1/auth/refresh", json={"refresh_token": body["refresh_token"]})


async def keep_refreshing(client: httpx.AsyncClient, clock: FakeClock, body: dict,
                          until: timedelta, every: timedelta) -> tuple[dict, timedelta]:
    """Refresh every `every` (well inside the idle limit) while less than `until` has
    passed since the login; returns the last tokens and the time passed."""
    passed = timedelta()
    while passed + every < until:
        clock.advance(seconds=every.total_seconds())
        passed += every
        response = await refresh(client, body)
        assert response.status_code == 200, (passed, response.text)
        body = response.json()
    return body, passed


@pytest.mark.parametrize(("email", "lifetime", "every"), [
    (SANNE, timedelta(days=90), timedelta(days=20)),
    (FATIMA, timedelta(hours=12), timedelta(hours=1)),
    (MANAGER, timedelta(hours=12), timedelta(hours=1)),
])
async def test_refreshing_never_keeps_a_login_past_its_lifetime(
        client: httpx.AsyncClient, clock: FakeClock, email: str, lifetime: timedelta,
        every: timedelta) -> None:
    body, passed = await keep_refreshing(client, clock, await tokens(client, email),
                                         lifetime, every)
    # A second before the end the login still refreshes ...
    clock.advance(seconds=(lifetime - passed).total_seconds() - 1)
    last = await refresh(client, body)
    assert last.status_code == 200, last.text
    # ... and its access token is cut off at the end, not 15 minutes later.
    assert last.json()["expires_in"] == 1
    assert (await client.get("/api/v1/me", headers=bearer(last.json()))).status_code == 200
    clock.advance(seconds=1)
    assert (await client.get("/api/v1/me", headers=bearer(last.json()))).status_code == 401
    ended = await refresh(client, last.json())
    assert (ended.status_code, ended.json()["code"]) == (401, "session_expired")


@pytest.mark.parametrize(("email", "idle"), [
    (SANNE, timedelta(days=30)), (FATIMA, timedelta(hours=2)), (MANAGER, timedelta(hours=2)),
])
async def test_a_login_unused_for_the_idle_limit_ends(
        client: httpx.AsyncClient, clock: FakeClock, email: str, idle: timedelta) -> None:
    used = await tokens(client, email)
    unused = await tokens(client, email)
    clock.advance(seconds=idle.total_seconds() - 1)
    assert (await refresh(client, used)).status_code == 200
    clock.advance(seconds=1)
    ended = await refresh(client, unused)
    assert (ended.status_code, ended.json()["code"]) == (401, "session_expired")


async def test_the_limits_are_the_organisations_policy(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await db.execute(update(Organisation).values(policy={
        "staff_session_lifetime_hours": 9, "staff_session_idle_hours": 1}))
    await db.commit()
    policy = (await client.get("/api/v1/policy",
                               headers=bearer(await tokens(client, FATIMA)))).json()
    assert (policy["staff_session_lifetime_hours"], policy["staff_session_idle_hours"]) == (9, 1)
    assert (policy["session_lifetime_days"], policy["session_idle_days"]) == (90, 30)
    body, passed = await keep_refreshing(client, clock, await tokens(client, FATIMA),
                                         timedelta(hours=9), timedelta(minutes=50))
    clock.advance(seconds=(timedelta(hours=9) - passed).total_seconds())
    assert (await refresh(client, body)).json()["code"] == "session_expired"
