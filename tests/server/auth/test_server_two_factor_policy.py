"""The organisation policy that requires the two-factor login of managers (docs/api.md,
"Required for managers"): no session without it, the setup during the login, no way to turn it
off, and how it meets the other login rules."""

from __future__ import annotations

import asyncio

import httpx
import pyotp
import pytest
from server_helpers import (
    FATIMA,
    MANAGER,
    PASSWORD,
    SANNE,
    THOMAS,
    FakeClock,
    MemoryMailer,
    bearer,
    both_databases,
    login,
)
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import AuditEntry, AuthEvent, AuthEventKind, AuthSession, Organisation, User

SETUP = "/api/v1/auth/login/two-factor-setup"
CONFIRM = "/api/v1/auth/login/two-factor-setup/confirm"
NEW_PASSWORD = "paarse giraffe fietst traag"


async def require_for_managers(db: AsyncSession, on: bool = True) -> None:
    await db.execute(update(Organisation).values(
        policy={"two_factor_required_for_managers": on}))
    await db.commit()


async def setup_challenge(client: httpx.AsyncClient, email: str = MANAGER) -> str:
    first = await login(client, email, device_name="Kantoor-PC")
    assert (first.status_code, first.json()["code"]) == (401, "two_factor_setup_required"), \
        first.text
    assert first.json()["expires_in"] == 15 * 60
    assert "access_token" not in first.json()
    return first.json()["challenge"]


async def secret_for(client: httpx.AsyncClient, challenge: str) -> pyotp.TOTP:
    setup = await client.post(SETUP, json={"challenge": challenge})
    assert setup.status_code == 200, setup.text
    assert setup.json()["otpauth_uri"].startswith("otpauth://totp/")
    return pyotp.TOTP(setup.json()["secret"])


async def confirm(client: httpx.AsyncClient, challenge: str, code: str) -> httpx.Response:
    return await client.post(CONFIRM, json={"challenge": challenge, "code": code})


async def set_up(client: httpx.AsyncClient, clock: FakeClock) -> tuple[pyotp.TOTP, dict]:
    challenge = await setup_challenge(client)
    totp = await secret_for(client, challenge)
    done = await confirm(client, challenge, totp.at(clock.current))
    assert done.status_code == 200, done.text
    clock.advance(seconds=30)  # the next code is of a later step than the confirming one
    return totp, done.json()


def test_the_policy_is_off_by_default() -> None:
    from server.policy import DEFAULT_POLICY

    assert DEFAULT_POLICY.two_factor_required_for_managers is False


@both_databases
async def test_a_manager_sets_it_up_during_the_login_and_is_logged_in(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await require_for_managers(db)
    policy_seen = await client.get("/api/v1/policy",
                                   headers=bearer((await login(client, SANNE)).json()))
    assert policy_seen.json()["two_factor_required_for_managers"] is True
    sessions_before = await db.scalar(select(func.count()).select_from(AuthSession))

    challenge = await setup_challenge(client)
    # The password alone started no session.
    assert await db.scalar(select(func.count()).select_from(AuthSession)) == sessions_before
    totp = await secret_for(client, challenge)
    done = await confirm(client, challenge, totp.at(clock.current))
    assert done.status_code == 200, done.text
    body = done.json()
    assert len(body["recovery_codes"]) == 10 and body["device_token"]
    me = await client.get("/api/v1/me", headers=bearer(body))
    assert me.json()["user"]["email"] == MANAGER
    session = await db.get(AuthSession, body["session_id"])
    assert session is not None and session.device_name == "Kantoor-PC"
    actions = (await db.scalars(select(AuditEntry.action))).all()
    assert "two_factor_on" in actions
    manager = await db.scalar(select(User).where(User.email == MANAGER))
    assert manager is not None
    logins = (await db.scalars(select(AuthEvent.session_id).where(
        AuthEvent.user_id == manager.id, AuthEvent.kind == AuthEventKind.LOGIN_OK))).all()
    assert logins == [body["session_id"]]

    # From now on the manager logs in with the usual code step.
    clock.advance(seconds=30)
    again = await login(client, MANAGER)
    assert again.json()["code"] == "two_factor_required"
    second = await client.post("/api/v1/auth/login/two-factor", json={
        "challenge": again.json()["challenge"], "code": totp.at(clock.current)})
    assert second.status_code == 200, second.text


@pytest.mark.parametrize(("email", "required"), [
    (SANNE, False), (THOMAS, False), (FATIMA, False), (MANAGER, True)])
async def test_only_managers_are_required(client: httpx.AsyncClient, db: AsyncSession,
                                          email: str, required: bool) -> None:
    await require_for_managers(db)
    answer = await login(client, email)
    if required:
        assert answer.json()["code"] == "two_factor_setup_required"
    else:
        assert answer.status_code == 200, answer.text


async def test_with_the_policy_off_a_manager_logs_in_with_the_password(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    await require_for_managers(db, on=False)
    assert (await login(client, MANAGER)).status_code == 200


async def test_a_wrong_password_says_nothing_of_the_setup(client: httpx.AsyncClient,
                                                          db: AsyncSession) -> None:
    await require_for_managers(db)
    wrong = await login(client, MANAGER, "niet-het-wachtwoord")
    assert wrong.json()["code"] == "invalid_credentials"
    assert "challenge" not in wrong.json()


async def test_a_wrong_code_keeps_the_challenge(client: httpx.AsyncClient, db: AsyncSession,
                                                clock: FakeClock) -> None:
    await require_for_managers(db)
    challenge = await setup_challenge(client)
    totp = await secret_for(client, challenge)
    # Not throttled like the login's code step (docs/api.md says why): six wrong codes,
    # then the right one still works.
    for _ in range(6):
        wrong = await confirm(client, challenge, totp.at(clock.current, counter_offset=3))
        assert (wrong.status_code, wrong.json()["code"]) == (400, "two_factor_code_invalid")
    assert (await confirm(client, challenge, totp.at(clock.current))).status_code == 200


async def test_the_challenge_lasts_fifteen_minutes_and_works_once(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await require_for_managers(db)
    challenge = await setup_challenge(client)
    clock.advance(minutes=15, seconds=-1)
    totp = await secret_for(client, challenge)
    assert (await confirm(client, challenge, totp.at(clock.current))).status_code == 200
    used = await confirm(client, challenge, totp.at(clock.current, counter_offset=1))
    assert (used.status_code, used.json()["code"]) == (401, "two_factor_challenge_invalid")
    assert (await client.post(SETUP, json={"challenge": challenge})).json()["code"] == \
        "two_factor_challenge_invalid"


async def test_an_expired_or_unknown_challenge_is_refused(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await require_for_managers(db)
    challenge = await setup_challenge(client)
    totp = await secret_for(client, challenge)
    clock.advance(minutes=15)
    late = await confirm(client, challenge, totp.at(clock.current))
    assert (late.status_code, late.json()["code"]) == (401, "two_factor_challenge_invalid")
    assert (await client.post(SETUP, json={"challenge": challenge})).json()["code"] == \
        "two_factor_challenge_invalid"
    unknown = await client.post(SETUP, json={"challenge": "niet-een-challenge"})
    assert (unknown.status_code, unknown.json()["code"]) == (401, "two_factor_challenge_invalid")


async def test_the_two_kinds_of_challenge_do_not_mix(client: httpx.AsyncClient,
                                                      db: AsyncSession,
                                                      clock: FakeClock) -> None:
    await require_for_managers(db)
    challenge = await setup_challenge(client)
    totp = await secret_for(client, challenge)
    crossed = await client.post("/api/v1/auth/login/two-factor",
                                json={"challenge": challenge, "code": totp.at(clock.current)})
    assert crossed.json()["code"] == "two_factor_challenge_invalid"
    assert (await confirm(client, challenge, totp.at(clock.current))).status_code == 200
    clock.advance(seconds=30)
    normal = (await login(client, MANAGER)).json()
    assert normal["code"] == "two_factor_required"
    for path, body in ((SETUP, {}), (CONFIRM, {"code": totp.at(clock.current)})):
        refused = await client.post(path, json={"challenge": normal["challenge"], **body})
        assert refused.json()["code"] == "two_factor_challenge_invalid", path
    # The normal challenge is still good for its own step.
    assert (await client.post("/api/v1/auth/login/two-factor", json={
        "challenge": normal["challenge"], "code": totp.at(clock.current)})).status_code == 200


async def test_a_challenge_whose_user_no_longer_needs_the_setup_is_refused(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await require_for_managers(db)
    challenge = await setup_challenge(client)
    totp = await secret_for(client, challenge)
    await require_for_managers(db, on=False)
    refused = await confirm(client, challenge, totp.at(clock.current))
    assert refused.json()["code"] == "two_factor_challenge_invalid"
    assert (await login(client, MANAGER)).status_code == 200  # log in again: the usual way

    await require_for_managers(db)
    first, second = await setup_challenge(client), await setup_challenge(client)
    totp = await secret_for(client, first)
    assert (await confirm(client, first, totp.at(clock.current))).status_code == 200
    # On by the first login's setup: the second's setup has nothing left to do.
    assert (await client.post(SETUP, json={"challenge": second})).json()["code"] == \
        "two_factor_challenge_invalid"


@both_databases
async def test_two_confirms_with_the_same_right_code_log_in_once(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await require_for_managers(db)
    challenge = await setup_challenge(client)
    totp = await secret_for(client, challenge)
    code = totp.at(clock.current)
    answers = await asyncio.gather(*(confirm(client, challenge, code) for _ in range(2)))
    assert sorted(a.status_code for a in answers) == [200, 401], [a.text for a in answers]
    refused = next(a for a in answers if a.status_code == 401)
    assert refused.json()["code"] == "two_factor_challenge_invalid"
    codes = next(a for a in answers if a.status_code == 200).json()["recovery_codes"]
    # The recovery codes that came out are the ones in force.
    clock.advance(seconds=30)
    normal = (await login(client, MANAGER)).json()
    assert (await client.post("/api/v1/auth/login/two-factor", json={
        "challenge": normal["challenge"], "code": codes[0]})).status_code == 200


@both_databases
async def test_a_manager_under_the_policy_cannot_turn_it_off(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await require_for_managers(db)
    totp, body = await set_up(client, clock)
    auth = bearer(body)
    state = await client.get("/api/v1/account/security", headers=auth)
    assert (state.json()["two_factor"], state.json()["two_factor_required"]) == (True, True)
    refused = await client.post("/api/v1/account/two-factor/disable", headers=auth,
                                json={"code": totp.at(clock.current)})
    assert (refused.status_code, refused.json()["code"]) == (409, "two_factor_required_by_policy")
    # The code was not spent on the refusal: it still turns it off once the policy is off.
    await require_for_managers(db, on=False)
    state = await client.get("/api/v1/account/security", headers=auth)
    assert state.json()["two_factor_required"] is False
    off = await client.post("/api/v1/account/two-factor/disable", headers=auth,
                            json={"code": totp.at(clock.current)})
    assert off.status_code == 200, off.text


async def test_staff_under_the_policy_may_still_turn_it_off(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await require_for_managers(db)
    auth = bearer((await login(client, FATIMA)).json())
    assert (await client.get("/api/v1/account/security",
                             headers=auth)).json()["two_factor_required"] is False
    setup = await client.post("/api/v1/account/two-factor/setup", headers=auth)
    totp = pyotp.TOTP(setup.json()["secret"])
    await client.post("/api/v1/account/two-factor/confirm", headers=auth,
                      json={"code": totp.at(clock.current)})
    clock.advance(seconds=30)
    off = await client.post("/api/v1/account/two-factor/disable", headers=auth,
                            json={"code": totp.at(clock.current)})
    assert off.status_code == 200, off.text


async def test_a_session_started_before_the_policy_lives_on(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    body = (await login(client, MANAGER)).json()
    await require_for_managers(db)
    clock.advance(hours=1)
    refreshed = await client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": body["refresh_token"]})
    assert refreshed.status_code == 200, refreshed.text
    assert (await client.get("/api/v1/me", headers=bearer(refreshed.json()))).status_code == 200
    # The next login is the one that asks for the setup.
    assert (await login(client, MANAGER)).json()["code"] == "two_factor_setup_required"


async def test_a_password_reset_does_not_skip_the_setup(
        client: httpx.AsyncClient, db: AsyncSession, mailer: MemoryMailer) -> None:
    await require_for_managers(db)
    await client.post("/api/v1/auth/password-reset", json={"email": MANAGER})
    done = await client.post("/api/v1/auth/password-reset/confirm", json={
        "email": MANAGER, "code": mailer.last_code(MANAGER), "new_password": NEW_PASSWORD})
    assert done.status_code == 200, done.text
    after = await login(client, MANAGER, NEW_PASSWORD)
    assert after.json()["code"] == "two_factor_setup_required"
    assert (await login(client, MANAGER, PASSWORD)).json()["code"] == "invalid_credentials"


async def test_a_disabled_manager_is_not_logged_in_by_the_setup(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    await require_for_managers(db)
    challenge = await setup_challenge(client)
    totp = await secret_for(client, challenge)
    await db.execute(update(User).where(User.email == MANAGER).values(disabled=True))
    await db.commit()
    refused = await confirm(client, challenge, totp.at(clock.current))
    assert refused.json()["code"] == "account_disabled"
