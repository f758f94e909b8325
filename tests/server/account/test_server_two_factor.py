"""The opt-in two-factor login (docs/api.md, "Two-factor login"): setup, the login's second
step, a code one step old, replays, recovery codes, throttling and turning it off."""

from __future__ import annotations

import logging

import httpx
import pyotp
import pytest
from server_helpers import PASSWORD, SANNE, FakeClock, bearer, login, tokens
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.demo.account_security import DEMO_TWO_FACTOR_EMAIL, DEMO_TWO_FACTOR_SECRET
from server.demo.logins import DEMO_LOGINS
from server.models import AuditEntry, TwoFactor, User


async def turn_on(client: httpx.AsyncClient, clock: FakeClock) -> tuple[pyotp.TOTP, list[str]]:
    auth = bearer(await tokens(client))
    setup = await client.post("/api/v1/account/two-factor/setup", headers=auth)
    assert setup.status_code == 200, setup.text
    totp = pyotp.TOTP(setup.json()["secret"])
    assert setup.json()["otpauth_uri"].startswith("otpauth://totp/")
    confirmed = await client.post("/api/v1/account/two-factor/confirm", headers=auth,
                                  json={"code": totp.at(clock.current)})
    assert confirmed.status_code == 200, confirmed.text
    codes = confirmed.json()["recovery_codes"]
    # The next code must be of a later step than the one that confirmed.
    clock.advance(seconds=30)
    return totp, codes


async def challenge(client: httpx.AsyncClient) -> str:
    first = await login(client)
    assert (first.status_code, first.json()["code"]) == (401, "two_factor_required")
    assert first.json()["expires_in"] == 300
    return first.json()["challenge"]


async def second_step(client: httpx.AsyncClient, token: str, code: str) -> httpx.Response:
    return await client.post("/api/v1/auth/login/two-factor",
                             json={"challenge": token, "code": code})


async def test_setup_then_login_needs_a_code(client: httpx.AsyncClient, clock: FakeClock,
                                             db: AsyncSession) -> None:
    totp, codes = await turn_on(client, clock)
    assert len(codes) == 10 and len(set(codes)) == 10
    token = await challenge(client)
    done = await second_step(client, token, totp.at(clock.current))
    assert done.status_code == 200, done.text
    me = await client.get("/api/v1/me", headers=bearer(done.json()))
    assert me.json()["user"]["email"] == SANNE
    # The secret is sealed at rest: the database holds no base32 secret.
    row = await db.scalar(select(TwoFactor).join(User).where(User.email == SANNE))
    assert row is not None and totp.secret.encode() not in row.sealed_secret
    actions = (await db.scalars(select(AuditEntry.action))).all()
    assert "two_factor_on" in actions


async def test_a_setup_is_not_in_force_until_confirmed(client: httpx.AsyncClient,
                                                       clock: FakeClock) -> None:
    auth = bearer(await tokens(client))
    setup = await client.post("/api/v1/account/two-factor/setup", headers=auth)
    totp = pyotp.TOTP(setup.json()["secret"])
    assert (await login(client)).status_code == 200
    wrong = await client.post("/api/v1/account/two-factor/confirm", headers=auth,
                              json={"code": totp.at(clock.current, counter_offset=3)})
    assert wrong.json()["code"] == "two_factor_code_invalid"
    assert (await login(client)).status_code == 200
    state = await client.get("/api/v1/account/security", headers=auth)
    assert state.json()["two_factor"] is False


@pytest.mark.parametrize(("offset", "accepted"), [(-2, False), (-1, True), (1, True),
                                                   (2, False)])
async def test_one_step_either_side_is_accepted(client: httpx.AsyncClient, clock: FakeClock,
                                                offset: int, accepted: bool) -> None:
    totp, _ = await turn_on(client, clock)
    clock.advance(seconds=60)  # past the confirming code's step on both sides
    token = await challenge(client)
    response = await second_step(client, token, totp.at(clock.current, counter_offset=offset))
    assert (response.status_code == 200) is accepted, response.text


async def test_a_used_code_is_refused_again(client: httpx.AsyncClient,
                                            clock: FakeClock) -> None:
    totp, _ = await turn_on(client, clock)
    code = totp.at(clock.current)
    assert (await second_step(client, await challenge(client), code)).status_code == 200
    replay = await second_step(client, await challenge(client), code)
    assert (replay.status_code, replay.json()["code"]) == (400, "two_factor_code_invalid")
    # The code of the step before is older than the one used: refused as well.
    older = await second_step(client, await challenge(client),
                              totp.at(clock.current, counter_offset=-1))
    assert older.json()["code"] == "two_factor_code_invalid"


async def test_a_recovery_code_works_once(client: httpx.AsyncClient, clock: FakeClock) -> None:
    _, codes = await turn_on(client, clock)
    first = await second_step(client, await challenge(client), codes[0].lower())
    assert first.status_code == 200, first.text
    again = await second_step(client, await challenge(client), codes[0])
    assert again.json()["code"] == "two_factor_code_invalid"
    state = await client.get("/api/v1/account/security", headers=bearer(first.json()))
    assert state.json()["recovery_codes_left"] == 9


async def test_the_challenge_is_single_use_and_short_lived(client: httpx.AsyncClient,
                                                          clock: FakeClock) -> None:
    totp, codes = await turn_on(client, clock)
    token = await challenge(client)
    assert (await second_step(client, token, codes[1])).status_code == 200
    used = await second_step(client, token, codes[2])
    assert used.json()["code"] == "two_factor_challenge_invalid"
    token = await challenge(client)
    clock.advance(seconds=299)
    assert (await second_step(client, token, totp.at(clock.current))).status_code == 200
    token = await challenge(client)
    clock.advance(seconds=300)
    late = await second_step(client, token, totp.at(clock.current))
    assert (late.status_code, late.json()["code"]) == (401, "two_factor_challenge_invalid")


async def test_wrong_codes_are_throttled_like_passwords(client: httpx.AsyncClient,
                                                        clock: FakeClock) -> None:
    totp, _ = await turn_on(client, clock)
    token = await challenge(client)
    for _ in range(5):
        assert (await second_step(client, token, "000000")).json()["code"] == \
            "two_factor_code_invalid"
    throttled = await second_step(client, token, totp.at(clock.current))
    assert (throttled.status_code, throttled.json()["code"]) == (429, "too_many_attempts")
    # The password's counter is the same: the first step waits as well.
    assert (await login(client)).json()["code"] == "too_many_attempts"


async def test_turning_it_off_needs_a_code(client: httpx.AsyncClient, clock: FakeClock,
                                           db: AsyncSession) -> None:
    totp, _ = await turn_on(client, clock)
    done = await second_step(client, await challenge(client), totp.at(clock.current))
    auth = bearer(done.json())
    refused = await client.post("/api/v1/account/two-factor/disable", headers=auth,
                                json={"code": "123456"})
    assert refused.json()["code"] == "two_factor_code_invalid"
    clock.advance(seconds=30)
    off = await client.post("/api/v1/account/two-factor/disable", headers=auth,
                            json={"code": totp.at(clock.current)})
    assert off.status_code == 200, off.text
    assert off.json()["two_factor"] is False
    assert (await login(client)).status_code == 200
    assert await db.scalar(select(TwoFactor).join(User).where(User.email == SANNE)) is None


async def test_setup_again_while_on_is_refused(client: httpx.AsyncClient,
                                               clock: FakeClock) -> None:
    totp, _ = await turn_on(client, clock)
    done = await second_step(client, await challenge(client), totp.at(clock.current))
    again = await client.post("/api/v1/account/two-factor/setup", headers=bearer(done.json()))
    assert (again.status_code, again.json()["code"]) == (409, "two_factor_already_on")


async def test_a_wrong_password_still_says_nothing_of_the_second_step(
        client: httpx.AsyncClient, clock: FakeClock) -> None:
    await turn_on(client, clock)
    wrong = await login(client, SANNE, "niet-het-wachtwoord")
    assert wrong.json()["code"] == "invalid_credentials"
    assert "challenge" not in wrong.json()


async def test_the_secret_never_reaches_the_log(client: httpx.AsyncClient, clock: FakeClock,
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    totp, codes = await turn_on(client, clock)
    await second_step(client, await challenge(client), codes[3])
    assert totp.secret not in caplog.text
    assert not any(code in caplog.text for code in codes)
    assert PASSWORD not in caplog.text


async def test_the_demo_account_logs_in_with_the_printed_secret(client: httpx.AsyncClient,
                                                                clock: FakeClock) -> None:
    first = await login(client, DEMO_TWO_FACTOR_EMAIL)
    assert first.json()["code"] == "two_factor_required"
    assert DEMO_TWO_FACTOR_SECRET in dict(DEMO_LOGINS)[DEMO_TWO_FACTOR_EMAIL]
    code = pyotp.TOTP(DEMO_TWO_FACTOR_SECRET).at(clock.current)
    done = await second_step(client, first.json()["challenge"], code)
    assert done.status_code == 200, done.text


def test_the_app_names_the_same_demo_secret() -> None:
    # The parents' installer has no server package: the app keeps its own copy of the key.
    from desktop.demo import DEMO_TWO_FACTOR_SECRET as IN_THE_APP

    assert IN_THE_APP == DEMO_TWO_FACTOR_SECRET
