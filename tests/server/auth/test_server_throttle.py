"""Brute-force throttling per account and per client address, kept in the database; the
account-wide cap that strangers cannot use to lock the owner out (docs/api.md, "Throttling")."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC

import httpx
from server_helpers import PASSWORD, SANNE, THOMAS, FakeClock, both_databases, client_at, login
from sqlalchemy import select

from server.auth.devices import KNOWN_FOR
from server.auth.throttle import FREE_ADDRESS_FAILURES, HOURLY_CAP
from server.models import User

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


async def distributed_attack(app, clock: FakeClock | None = None, addresses: int = 20,  # noqa: ANN001
                             email: str = SANNE, first: int = 0) -> None:
    """5 guesses from each of `addresses` addresses: no per-address delay ever applies."""
    for n in range(first, first + addresses):
        async with client_at(app, f"198.51.{100 + n // 250}.{n % 250}") as attacker:
            await fail(attacker, 5, email)
        if clock is not None:
            clock.advance(seconds=30)


async def test_the_hourly_cap_holds_for_strangers(app, client, clock) -> None:  # noqa: ANN001
    await distributed_attack(app, clock)
    capped = await login(client, SANNE, PASSWORD)
    assert capped.status_code == 429
    assert capped.json()["retry_after"] == 3600 - 20 * 30  # the window opened at the first
    # Within the hour the cap holds for every address the account does not know; after it
    # the parent gets in.
    clock.advance(seconds=capped.json()["retry_after"] - 1)
    assert (await login(client, SANNE, PASSWORD)).status_code == 429
    clock.advance(seconds=1)
    assert (await login(client, SANNE, PASSWORD)).status_code == 200


async def test_the_hourly_window_starts_again_after_an_hour(app, clock) -> None:  # noqa: ANN001
    # No good login in between to clear anything: the window itself must restart.
    await distributed_attack(app, clock, addresses=HOURLY_CAP // 5)
    async with client_at(app, "192.0.2.1") as stranger:
        assert (await login(stranger, SANNE, PASSWORD)).status_code == 429
        clock.advance(hours=1)
        # A new window: the cap applies again after another HOURLY_CAP failures, not before.
        await distributed_attack(app, addresses=HOURLY_CAP // 5 - 1, first=40)
        async with client_at(app, "192.0.2.2") as last:
            await fail(last, 4)
        assert (await login(stranger, SANNE, WRONG)).json()["code"] == "invalid_credentials"
        capped = await login(stranger, SANNE, PASSWORD)
        assert capped.status_code == 429
        assert capped.json()["retry_after"] == 3600


async def test_strangers_never_lock_the_owner_out(app, client, mailer, clock) -> None:  # noqa: ANN001
    """The attack: 100 addresses × 2 failures against one account (twice the hourly cap). The
    owner still logs in from home and from her laptop elsewhere, and the reset link works."""
    home = (await login(client, SANNE, PASSWORD)).json()
    async with client_at(app, "192.0.2.50") as cafe:
        laptop = (await login(cafe, SANNE, PASSWORD)).json()
    answers: Counter[int] = Counter()
    for n in range(100):
        async with client_at(app, f"198.51.100.{n}") as attacker:
            for _ in range(2):
                answers[(await login(attacker, SANNE, WRONG)).status_code] += 1
    assert answers == {401: HOURLY_CAP, 429: 200 - HOURLY_CAP}

    # From home (an address she logged in from): let in.
    assert (await login(client, SANNE, PASSWORD)).status_code == 200
    # The laptop on the train (a new address) with its device token: let in.
    async with client_at(app, "192.0.2.77") as train:
        assert (await login(train, SANNE, PASSWORD,
                            device_token=laptop["device_token"])).status_code == 200
        # Another account's device token is no key to this one.
        thomas = (await login(train, THOMAS, PASSWORD)).json()
    async with client_at(app, "192.0.2.78") as elsewhere:
        assert (await login(elsewhere, SANNE, PASSWORD,
                            device_token=thomas["device_token"])).status_code == 429
        assert (await login(elsewhere, SANNE, PASSWORD)).status_code == 429
        # The reset flow is not blocked: a mail, a working link, and then a login from there.
        await elsewhere.post("/api/v1/auth/password-reset", json={"email": SANNE})
        link = mailer.last_link(SANNE)
        new_password = "een heel nieuw wachtwoord"
        done = await elsewhere.post(link, data={"password": new_password,
                                                "password_repeat": new_password})
        assert done.status_code == 200
        assert (await login(elsewhere, SANNE, new_password)).status_code == 200
    # The strangers stay capped.
    async with client_at(app, "198.51.100.201") as attacker:
        assert (await login(attacker, SANNE, WRONG)).status_code == 429
    assert home["device_token"] != laptop["device_token"]


async def test_an_address_another_account_logged_in_from_is_no_key(app, clock) -> None:  # noqa: ANN001
    """An attacker cannot make his address a trusted one by logging in to his own account."""
    await distributed_attack(app, clock)
    async with client_at(app, "192.0.2.60") as attacker:
        assert (await login(attacker, THOMAS, PASSWORD)).status_code == 200
        assert (await login(attacker, SANNE, PASSWORD)).status_code == 429


async def test_a_device_and_an_address_are_trusted_for_180_days_after_their_use(app, clock) -> None:  # noqa: ANN001
    clock.current = clock.current.astimezone(UTC)  # days of 24 hours across summer time
    async with client_at(app, "192.0.2.51") as old:
        old_device = (await login(old, SANNE, PASSWORD)).json()["device_token"]
    clock.advance(seconds=10)
    async with client_at(app, "192.0.2.52") as recent:
        recent_device = (await login(recent, SANNE, PASSWORD)).json()["device_token"]
    clock.advance(days=KNOWN_FOR.days, seconds=-10)  # 180 days after the first login
    await distributed_attack(app)

    async def answer(address: str, **device: str) -> int:
        async with client_at(app, address) as client:
            return (await login(client, SANNE, PASSWORD, **device)).status_code

    assert await answer("192.0.2.51") == 429  # 180 days ago: no longer known
    assert await answer("192.0.2.52") == 200  # 10 seconds less: still known
    assert await answer("192.0.2.53", device_token=old_device) == 429
    assert await answer("192.0.2.54", device_token=recent_device) == 200


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
