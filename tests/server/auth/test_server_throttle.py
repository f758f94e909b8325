"""Brute-force throttling per account and per client address, kept in the database
(docs/api.md, "Throttling"); the account-wide hourly cap is test_server_throttle_hourly_cap.py's."""

from __future__ import annotations

import asyncio
from collections import Counter

from server_helpers import PASSWORD, SANNE, THOMAS, both_databases, client_at, login
from sqlalchemy import select
from throttle_helpers import WRONG, fail

from server.auth.throttle import FREE_ADDRESS_FAILURES, HOURLY_CAP
from server.models import User

pytestmark = both_databases


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


async def test_a_login_hands_out_one_device_token_per_device(client) -> None:  # noqa: ANN001
    first = (await login(client, SANNE, PASSWORD)).json()
    again = (await login(client, SANNE, PASSWORD, device_token=first["device_token"])).json()
    assert again["device_token"] == first["device_token"]
    other = (await login(client, THOMAS, PASSWORD, device_token=first["device_token"])).json()
    assert other["device_token"] != first["device_token"]  # not Thomas's device token
    assert len(first["device_token"]) >= 43


async def test_attacks_from_elsewhere_do_not_delay_the_parent_at_home(app, client, clock) -> None:  # noqa: ANN001
    async with client_at(app, "198.51.100.99") as attacker:
        await fail(attacker, 12, clock=clock)
        assert (await login(attacker, SANNE, WRONG)).status_code == 429
    assert (await login(client, SANNE, PASSWORD)).status_code == 200


async def test_per_address_throttling_spans_accounts(client, clock) -> None:  # noqa: ANN001
    # Password spraying: one address, many accounts, each account below its own limit.
    for n in range(FREE_ADDRESS_FAILURES - 1):
        response = await login(client, f"iemand{n}@voorbeeld.nl", WRONG)
        assert response.status_code == 401
    # Other accounts' failures below the budget never delay a correct password ...
    assert (await login(client, THOMAS, PASSWORD)).status_code == 200
    for n in range(FREE_ADDRESS_FAILURES):
        await login(client, f"iemand{n}@voorbeeld.nl", WRONG)
    # ... at the budget they do, for everyone behind that address.
    blocked = await login(client, SANNE, PASSWORD)
    assert blocked.status_code == 429
    clock.advance(seconds=1)
    assert (await login(client, SANNE, PASSWORD)).status_code == 200


async def test_correct_logins_behind_one_address_all_get_in_at_a_burst(client, db) -> None:  # noqa: ANN001
    # A school's network at the morning peak: 40 parents at once, some typing it wrong.
    emails = (await db.scalars(select(User.email).order_by(User.id).limit(40))).all()
    assert len(emails) == 40
    responses = await asyncio.gather(
        *(login(client, email, PASSWORD) for email in emails),
        *(login(client, f"typo{n}@voorbeeld.nl", WRONG) for n in range(10)))
    refused = [r for r in responses if r.status_code == 429]
    assert refused == []
    assert Counter(r.status_code for r in responses[:40]) == {200: 39, 403: 1}  # Mark: expired


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
