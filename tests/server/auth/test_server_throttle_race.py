"""Two logins from one address at the same moment (two parents behind one home connection):
the second must not trip over the counter row the first one's success deleted meanwhile.

PostgreSQL only: SQLite lets one writer at a time in, so the second login's insert waits for
the first to commit and never finds the row gone."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from server.auth.throttle import address_key, claim_attempt, clear_account, clear_address
from server.models import ThrottleCounter

pytestmark = pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)

HOME = "198.51.100.9"
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


async def wait_until_a_session_waits_for_a_lock(observer: AsyncSession) -> None:
    for _ in range(1000):
        waiting = await observer.scalar(text(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"))
        if waiting:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the second login never waited for the first one's lock")


async def test_a_login_whose_address_counter_a_concurrent_success_deleted_goes_ahead(
        app) -> None:  # noqa: ANN001
    sessions = app.state.sessionmaker
    async with sessions() as first, sessions() as second, sessions() as observer:
        # An earlier attempt from home left the address's counter row; the first login
        # holds it ...
        assert await claim_attempt(first, "sanne.devries@voorbeeld.nl", HOME, NOW) == 0
        await first.commit()
        assert await claim_attempt(first, "sanne.devries@voorbeeld.nl", HOME, NOW) == 0
        # ... the second one finds the row there (nothing to insert) and waits for it ...
        second_claim = asyncio.ensure_future(
            claim_attempt(second, "thomas.devries@voorbeeld.nl", HOME, NOW))
        await wait_until_a_session_waits_for_a_lock(observer)
        # ... and the first login's password was right: its success deletes the row.
        await clear_account(first, "sanne.devries@voorbeeld.nl")
        await clear_address(first, HOME)
        await first.commit()

        assert await second_claim == 0  # not a crash: the attempt goes ahead and counts
        await second.commit()
        counter = await observer.get(ThrottleCounter, address_key(HOME))
        assert counter is not None and counter.consecutive_failures == 1
