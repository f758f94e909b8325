"""Brute-force throttling per account and per client address, kept in the database."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
from server_helpers import PASSWORD, SANNE, THOMAS, FakeClock, both_databases, client_at, login

from server.auth.throttle import HOURLY_CAP

pytestmark = both_databases

WRONG = "definitely-wrong"


async def fail(client: httpx.AsyncClient, times: int, email: str = SANNE,
               clock: FakeClock | None = None) -> None:
    """`times` failed logins; with a clock, wait out each delay like a patient attacker."""
    for _ in range(times):
        response = await login(client, email, WRONG)
        if clock is not None and response.status_code == 429:
            clock.advance(seconds=response.json()["retry_after"])
            response = await login(client, email, WRONG)
        assert response.json()["code"] == "invalid_credentials", response.text


async def test_five_failures_are_free_then_the_delay_doubles(client, clock) -> None:  # noqa: ANN001
    await fail(client, 5)
    throttled = await login(client, SANNE, PASSWORD)  # even the right password waits
    assert throttled.status_code == 429
    assert throttled.json()["code"] == "too_many_attempts"
    assert throttled.json()["retry_after"] == 1
    assert throttled.headers["retry-after"] == "1"
    clock.advance(seconds=1)
    await fail(client, 1)  # failure 6
    assert (await login(client, SANNE, WRONG)).json()["retry_after"] == 2
    clock.advance(seconds=2)
    await fail(client, 1)  # failure 7
    assert (await login(client, SANNE, WRONG)).json()["retry_after"] == 4


async def test_throttled_attempts_do_not_count_as_failures(client, clock) -> None:  # noqa: ANN001
    await fail(client, 5)
    for _ in range(10):
        assert (await login(client, SANNE, WRONG)).status_code == 429
    clock.advance(seconds=1)
    assert (await login(client, SANNE, PASSWORD)).status_code == 200


async def test_success_after_the_delay_clears_the_counter(client, clock) -> None:  # noqa: ANN001
    await fail(client, 8, clock=clock)
    clock.advance(minutes=5)
    assert (await login(client, SANNE, PASSWORD)).status_code == 200
    await fail(client, 5)  # a fresh run of five free failures
    assert (await login(client, SANNE, WRONG)).status_code == 429


async def test_delay_is_capped_at_15_minutes(client, clock) -> None:  # noqa: ANN001
    await fail(client, 5)
    for _ in range(20):  # failures 6..25, each after waiting out the delay
        clock.advance(minutes=15)
        await fail(client, 1)
    wait = (await login(client, SANNE, WRONG)).json()["retry_after"]
    assert wait == 15 * 60
    clock.advance(minutes=15)
    assert (await login(client, SANNE, PASSWORD)).status_code == 200


async def test_hourly_cap_per_account_across_addresses(app, client, clock) -> None:  # noqa: ANN001
    # A distributed attacker: 20 addresses, 5 guesses each, so no delay ever applies.
    for n in range(HOURLY_CAP // 5):
        async with client_at(app, f"198.51.100.{n}") as attacker:
            await fail(attacker, 5)
        clock.advance(seconds=30)
    capped = await login(client, SANNE, PASSWORD)
    assert capped.status_code == 429
    assert capped.json()["retry_after"] == 3600 - 20 * 30  # the window opened at the first
    # Within the hour the cap holds for every address; after it the parent gets in.
    clock.advance(seconds=capped.json()["retry_after"] - 1)
    assert (await login(client, SANNE, PASSWORD)).status_code == 429
    clock.advance(seconds=1)
    assert (await login(client, SANNE, PASSWORD)).status_code == 200


async def test_attacks_from_elsewhere_do_not_delay_the_parent_at_home(app, client, clock) -> None:  # noqa: ANN001
    async with client_at(app, "198.51.100.99") as attacker:
        await fail(attacker, 12, clock=clock)
        assert (await login(attacker, SANNE, WRONG)).status_code == 429
    assert (await login(client, SANNE, PASSWORD)).status_code == 200


async def test_per_address_throttling_spans_accounts(client, clock) -> None:  # noqa: ANN001
    # Password spraying: one address, many accounts, each account below its own limit.
    for n in range(5):
        response = await login(client, f"iemand{n}@voorbeeld.nl", WRONG)
        assert response.status_code == 401
    blocked = await login(client, THOMAS, PASSWORD)
    assert blocked.status_code == 429
    clock.advance(seconds=1)
    assert (await login(client, THOMAS, PASSWORD)).status_code == 200


async def test_unknown_accounts_are_throttled_like_known_ones(client) -> None:  # noqa: ANN001
    await fail(client, 5, "onbekend@voorbeeld.nl")
    assert (await login(client, "onbekend@voorbeeld.nl", WRONG)).status_code == 429


async def test_password_reset_clears_the_account_counter(app, client, mailer, clock) -> None:  # noqa: ANN001
    for n in range(HOURLY_CAP // 5):
        async with client_at(app, f"198.51.100.{n}") as attacker:
            await fail(attacker, 5)
    assert (await login(client, SANNE, PASSWORD)).status_code == 429
    await client.post("/api/v1/auth/password-reset", json={"email": SANNE})
    await client.post("/api/v1/auth/password-reset/confirm",
                      json={"email": SANNE, "code": mailer.last_code(SANNE),
                            "new_password": "een heel nieuw wachtwoord"})
    assert (await login(client, SANNE, "een heel nieuw wachtwoord")).status_code == 200


async def test_a_burst_of_parallel_guesses_cannot_slip_past_the_limit(client) -> None:  # noqa: ANN001
    responses = await asyncio.gather(*(login(client, SANNE, f"guess-{n}") for n in range(12)))
    codes = Counter(r.json()["code"] for r in responses)
    assert codes == {"invalid_credentials": 5, "too_many_attempts": 7}
