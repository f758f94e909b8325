"""The account-wide hourly cap that strangers cannot use to lock the owner out (docs/api.md,
"Throttling"): each test sends a hundred or more failed logins from many addresses.

SQLite only: what these tests pin is the counting (which attempts count, which are trusted,
when a window restarts), the same code on both databases; the PostgreSQL path of the counters
(row locks, the insert on conflict, the delete on success) runs in test_server_throttle.py's
PostgreSQL variants and in test_server_throttle_race.py, where concurrency is the subject.
Hundreds of logins on PostgreSQL here cost a minute of the suite.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC

from server_helpers import PASSWORD, SANNE, THOMAS, client_at, login
from throttle_helpers import WRONG, distributed_attack, fail

from server.auth.devices import KNOWN_FOR
from server.auth.throttle import HOURLY_CAP


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
