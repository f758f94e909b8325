"""Login throttling stored in the database, so every server process sees the same counters.

- Exponential delay: after 5 consecutive failures, each further attempt waits 2^(n-5)
  seconds, at most 15 minutes. Counted per client address (password spraying across
  accounts) and per account from each address (guessing one parent's password).
- Hourly cap: at most 100 failures per account per hour, from all addresses together, which
  bounds an attacker who spreads guesses over many addresses and so escapes the delays.
- A successful login or password reset clears the account's counters. The worst an attacker
  can do to a parent is therefore a wait of at most one hour, never a permanent lock-out.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, or_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import ThrottleCounter

FREE_FAILURES = 5
MAX_DELAY = timedelta(minutes=15)
HOURLY_CAP = 100
WINDOW = timedelta(hours=1)
# Tries to lock a counter row that concurrent successes keep deleting (see _locked_counter).
LOCK_ATTEMPTS = 5


def account_key(email: str) -> str:
    return f"account:{email}"


def account_address_prefix(email: str) -> str:
    return f"account-address:{email}|"


def address_key(ip: str) -> str:
    return f"address:{ip}"


def _keys(email: str, ip: str) -> list[tuple[str, bool]]:
    """(key, whether its delay applies) — the account-wide row only carries the hourly cap."""
    return [(account_key(email), False), (account_address_prefix(email) + ip, True),
            (address_key(ip), True)]


def blocked_until(counter: ThrottleCounter, *, delays: bool) -> datetime | None:
    """When the next attempt is allowed again, or None when it is allowed now."""
    candidates: list[datetime] = []
    n = counter.consecutive_failures
    if delays and n >= FREE_FAILURES and counter.last_failure_at is not None:
        delay = min(timedelta(seconds=2 ** min(n - FREE_FAILURES, 20)), MAX_DELAY)
        candidates.append(counter.last_failure_at + delay)
    if (not delays and counter.window_started_at is not None
            and counter.window_failures >= HOURLY_CAP):
        candidates.append(counter.window_started_at + WINDOW)
    return max(candidates) if candidates else None


async def _locked_counter(db: AsyncSession, key: str) -> ThrottleCounter:
    """The counter row for `key`, created if missing, locked until the transaction ends.

    INSERT ... ON CONFLICT DO NOTHING makes concurrent first failures on a new key safe
    across server processes (a plain get-then-add would fail one of them).
    """
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    for _ in range(LOCK_ATTEMPTS):
        await db.execute(
            insert(ThrottleCounter)
            .values(key=key, consecutive_failures=0, window_failures=0)
            .on_conflict_do_nothing(index_elements=["key"])
        )
        counter = await db.get(ThrottleCounter, key, with_for_update=True,
                               populate_existing=True)
        if counter is not None:
            return counter
        # PostgreSQL: the row was there for the insert, but a concurrent successful login
        # (two parents behind one home connection) deleted it before the lock was ours.
    raise RuntimeError(f"the throttle counter {key} kept disappearing")


async def claim_attempt(db: AsyncSession, email: str, ip: str, now: datetime) -> int:
    """Check the counters and, when the attempt may go ahead, count it as a failure already.

    Returns the seconds to wait (the attempt is refused and not counted) or 0. Counting
    before the password is checked, under row locks, means a burst of parallel guesses
    cannot slip past the limits; a successful login clears the counters again.
    """
    counters = [(await _locked_counter(db, key), delays) for key, delays in _keys(email, ip)]
    wait = 0
    for counter, delays in counters:
        until = blocked_until(counter, delays=delays)
        if until is not None and until > now:
            wait = max(wait, math.ceil((until - now).total_seconds()))
    if wait:
        return wait
    for counter, _ in counters:
        counter.consecutive_failures += 1
        counter.last_failure_at = now
        if counter.window_started_at is None or now - counter.window_started_at >= WINDOW:
            counter.window_started_at = now
            counter.window_failures = 1
        else:
            counter.window_failures += 1
    return 0


async def clear_account(db: AsyncSession, email: str) -> None:
    await db.execute(delete(ThrottleCounter).where(or_(
        ThrottleCounter.key == account_key(email),
        ThrottleCounter.key.startswith(account_address_prefix(email), autoescape=True),
    )))


async def clear_address(db: AsyncSession, ip: str) -> None:
    """A success from an address ends its run of consecutive failures (a family's shared
    connection should not stay slowed down after someone finally typed it right)."""
    await db.execute(delete(ThrottleCounter).where(ThrottleCounter.key == address_key(ip)))
