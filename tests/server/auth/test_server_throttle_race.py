"""Two logins of one account from one address at the same moment (the laptop and the phone
at home): the second must not trip over the counter row the first one's success deleted
meanwhile.

PostgreSQL only: SQLite lets one writer at a time in, so the second login's insert waits for
the first to commit and never finds the row gone."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from server.auth import throttle
from server.auth.throttle import Attempt, account_address_prefix, claim_attempt
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
        # pg_stat_activity is a snapshot taken once per transaction: end it, or every later
        # look sees the first one (and a lock wait that came after it is never seen).
        await observer.rollback()
        if waiting:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the second login never waited for the first one's lock")


async def always_trusted() -> bool:
    return True


async def test_a_login_whose_counter_a_concurrent_success_deleted_goes_ahead(
        app) -> None:  # noqa: ANN001
    sanne = "sanne.devries@voorbeeld.nl"
    key = account_address_prefix(sanne) + HOME
    sessions = app.state.sessionmaker
    async with sessions() as first, sessions() as second, sessions() as observer:
        # The laptop's attempt is in flight; its password proves right and it takes the
        # account's counter row from home ...
        laptop = await claim_attempt(first, sanne, HOME, NOW, always_trusted)
        assert isinstance(laptop, Attempt)
        await first.commit()
        await throttle._locked_counter(first, key)
        # ... the phone's attempt finds the row there (nothing to insert) and waits for it ...
        phone = asyncio.ensure_future(claim_attempt(second, sanne, HOME, NOW, always_trusted))
        try:
            await wait_until_a_session_waits_for_a_lock(observer)
            # ... and the laptop's success deletes the row.
            await throttle.record_success(first, laptop, NOW)
            await first.commit()

            assert isinstance(await phone, Attempt)  # not a crash: the attempt goes ahead
        finally:
            # Whatever failed above, the phone's query must end before its session closes,
            # or the failure hides behind "another operation is in progress".
            if not phone.done():
                await first.rollback()
            await asyncio.gather(phone, return_exceptions=True)
        await second.commit()
        counter = await observer.get(ThrottleCounter, key)
        assert counter is not None and counter.in_flight == 1
        assert counter.consecutive_failures == 0
