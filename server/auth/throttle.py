"""Login throttling stored in the database, so every server process sees the same counters.

Three counters per login attempt (docs/api.md, "Throttling"):

- **account from address** (`account-address:<email>|<address>`): guessing one parent's
  password from one place. 5 free failures, then each further attempt waits 2^(n-5)
  seconds, at most 15 minutes. A success there, or a password reset, clears it.
- **address** (`address:<address>`): password spraying over many accounts. A generous 50
  free failures in a row (a school or office behind one address logs in at the same
  moment), then the same doubling delay. A success from the address ends the run.
- **account** (`account:<email>`): guesses spread over many addresses. At most 100 failures
  per hourly window; the cap holds only for attempts the account has no reason to trust —
  not from a known device (the `device_token` of an earlier login) and not from an address
  the account logged in or reset its password from before. So strangers can never lock the
  parent out, and a success does not lift the cap for the strangers either.

Failures are counted only after the password proved wrong. Attempts still being checked
count against each free budget (`in_flight`), so a burst of parallel guesses cannot slip past
it, but they never become failures: a correct password from a busy shared address is only
refused when 50 attempts from there are being checked at the same moment. Throttled attempts
are not checked and not counted.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import ThrottleCounter

FREE_FAILURES = 5
FREE_ADDRESS_FAILURES = 50
MAX_DELAY = timedelta(minutes=15)
HOURLY_CAP = 100
WINDOW = timedelta(hours=1)
# An attempt in flight longer than this was lost (a server stopped mid-check): forget it.
IN_FLIGHT_STALE = timedelta(minutes=1)
# What a refused attempt waits when only attempts in flight fill the budget.
IN_FLIGHT_WAIT = 1
# Tries to lock a counter row that concurrent successes keep deleting (see _locked_counter).
LOCK_ATTEMPTS = 5


def account_key(email: str) -> str:
    return f"account:{email}"


def account_address_prefix(email: str) -> str:
    return f"account-address:{email}|"


def address_key(ip: str) -> str:
    return f"address:{ip}"


@dataclass(frozen=True)
class Budget:
    """How a counter limits attempts: a run of free failures then a doubling delay, or a cap
    per hourly window."""

    free: int | None = None
    hourly_cap: int | None = None


ACCOUNT_FROM_ADDRESS = Budget(free=FREE_FAILURES)
ADDRESS = Budget(free=FREE_ADDRESS_FAILURES)
ACCOUNT = Budget(hourly_cap=HOURLY_CAP)


def _window_failures(counter: ThrottleCounter, now: datetime) -> int:
    """Failures in the current hourly window; a window an hour old has ended."""
    started = counter.window_started_at
    return 0 if started is None or now - started >= WINDOW else counter.window_failures


def _in_flight(counter: ThrottleCounter, now: datetime) -> int:
    if counter.claimed_at is None or now - counter.claimed_at >= IN_FLIGHT_STALE:
        return 0
    return counter.in_flight


def wait_seconds(counter: ThrottleCounter, budget: Budget, now: datetime) -> int:
    """Seconds until `counter` lets another attempt go ahead; 0 when it may go ahead now."""
    in_flight = _in_flight(counter, now)
    if budget.hourly_cap is not None:
        if _window_failures(counter, now) >= budget.hourly_cap:
            assert counter.window_started_at is not None
            return _seconds(counter.window_started_at + WINDOW - now)
        if _window_failures(counter, now) + in_flight >= budget.hourly_cap:
            return IN_FLIGHT_WAIT
        return 0
    assert budget.free is not None
    failures = counter.consecutive_failures
    if failures < budget.free:
        return IN_FLIGHT_WAIT if failures + in_flight >= budget.free else 0
    assert counter.last_failure_at is not None
    delay = min(timedelta(seconds=2 ** min(failures - budget.free, 20)), MAX_DELAY)
    if counter.last_failure_at + delay > now:
        return _seconds(counter.last_failure_at + delay - now)
    # Past the free run: one attempt at a time, each after its delay.
    return IN_FLIGHT_WAIT if in_flight else 0


def _seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))


async def _locked_counter(db: AsyncSession, key: str) -> ThrottleCounter:
    """The counter row for `key`, created if missing, locked until the transaction ends.

    INSERT ... ON CONFLICT DO NOTHING makes concurrent first attempts on a new key safe
    across server processes (a plain get-then-add would fail one of them).
    """
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    for _ in range(LOCK_ATTEMPTS):
        await db.execute(
            insert(ThrottleCounter)
            .values(key=key, consecutive_failures=0, window_failures=0, in_flight=0)
            .on_conflict_do_nothing(index_elements=["key"])
        )
        counter = await db.get(ThrottleCounter, key, with_for_update=True,
                               populate_existing=True)
        if counter is not None:
            return counter
        # PostgreSQL: the row was there for the insert, but a concurrent successful login
        # (two parents behind one home connection) deleted it before the lock was ours.
    raise RuntimeError(f"the throttle counter {key} kept disappearing")


@dataclass(frozen=True)
class Attempt:
    """A login attempt that may go ahead; its counters know it is in flight."""

    email: str
    ip: str

    def keys(self) -> list[tuple[str, Budget]]:
        return [(account_address_prefix(self.email) + self.ip, ACCOUNT_FROM_ADDRESS),
                (address_key(self.ip), ADDRESS), (account_key(self.email), ACCOUNT)]


Trusted = Callable[[], Awaitable[bool]]


async def claim_attempt(db: AsyncSession, email: str, ip: str, now: datetime,
                        trusted: Trusted) -> Attempt | int:
    """Check the counters under row locks and, when the attempt may go ahead, mark it in
    flight. Returns the attempt, or the seconds to wait (refused, nothing counted).

    `trusted` says whether the account trusts this attempt (known device or address); it
    is asked only when the account's hourly cap would refuse it. The caller commits.
    """
    attempt = Attempt(email, ip)
    counters = [(await _locked_counter(db, key), budget) for key, budget in attempt.keys()]
    wait = 0
    for counter, budget in counters:
        seconds = wait_seconds(counter, budget, now)
        if seconds and budget is ACCOUNT and await trusted():
            seconds = 0
        wait = max(wait, seconds)
    if wait:
        return wait
    for counter, _ in counters:
        counter.in_flight = _in_flight(counter, now) + 1
        counter.claimed_at = now
    return attempt


async def _landed(db: AsyncSession, attempt: Attempt, now: datetime) -> list[ThrottleCounter]:
    """The attempt's counters, locked, with the attempt no longer in flight."""
    counters = [await _locked_counter(db, key) for key, _ in attempt.keys()]
    for counter in counters:
        counter.in_flight = max(_in_flight(counter, now) - 1, 0)
    return counters


async def record_failure(db: AsyncSession, attempt: Attempt, now: datetime) -> None:
    """The password proved wrong: one more failure on each counter. The caller commits."""
    for counter in await _landed(db, attempt, now):
        counter.consecutive_failures += 1
        counter.last_failure_at = now
        if _window_failures(counter, now) == 0:
            counter.window_started_at = now
            counter.window_failures = 1
        else:
            counter.window_failures += 1


async def record_success(db: AsyncSession, attempt: Attempt, now: datetime) -> None:
    """The password was right: the account's run from this address is over, and so is the
    address's run of failures. The account's hourly window stays: the strangers who filled
    it are still capped. The caller commits."""
    account_from_address, address, _ = await _landed(db, attempt, now)
    await db.delete(account_from_address)
    address.consecutive_failures = 0


async def clear_account(db: AsyncSession, email: str) -> None:
    """A password reset: the account's runs of failures from every address are over."""
    await db.execute(delete(ThrottleCounter).where(
        ThrottleCounter.key.startswith(account_address_prefix(email), autoescape=True)))
