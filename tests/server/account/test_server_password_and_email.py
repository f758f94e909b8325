"""Changing the password and the login address while logged in (docs/api.md, "Account
security")."""

from __future__ import annotations

import re

import httpx
from server_helpers import (
    PASSWORD,
    SANNE,
    THOMAS,
    FakeClock,
    MemoryMailer,
    bearer,
    login,
    tokens,
)
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import AuditEntry

NEW_PASSWORD = "paarse-giraffe-fietst-traag"


async def change(client: httpx.AsyncClient, auth: dict[str, str], current: str = PASSWORD,
                 new: str = NEW_PASSWORD, end_others: bool = True) -> httpx.Response:
    return await client.post("/api/v1/account/password", headers=auth, json={
        "current_password": current, "new_password": new, "end_other_sessions": end_others})


async def test_password_change_needs_the_current_password_and_ends_other_sessions(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    other = await tokens(client)
    this = bearer(await tokens(client))
    wrong = await change(client, this, current="niet-mijn-wachtwoord")
    assert (wrong.status_code, wrong.json()["code"]) == (403, "current_password_wrong")
    assert (await login(client, SANNE, NEW_PASSWORD)).status_code == 401

    done = await change(client, this)
    assert done.status_code == 200, done.text
    assert done.json() == {"sessions_ended": 1}
    assert (await client.get("/api/v1/me", headers=this)).status_code == 200
    assert (await client.get("/api/v1/me", headers=bearer(other))).status_code == 401
    assert (await login(client, SANNE, PASSWORD)).status_code == 401
    assert (await login(client, SANNE, NEW_PASSWORD)).status_code == 200
    entry = await db.scalar(select(AuditEntry).where(AuditEntry.action == "password_changed"))
    assert entry is not None and NEW_PASSWORD not in (entry.new_value or "")


async def test_keeping_the_other_sessions(client: httpx.AsyncClient) -> None:
    other = await tokens(client)
    this = bearer(await tokens(client))
    done = await change(client, this, end_others=False)
    assert done.json() == {"sessions_ended": 0}
    assert (await client.get("/api/v1/me", headers=bearer(other))).status_code == 200


async def test_the_new_password_obeys_the_policy(client: httpx.AsyncClient) -> None:
    this = bearer(await tokens(client))
    refused = await change(client, this, new="welkom2025")
    assert refused.status_code == 422
    assert refused.json()["reason"] == "too_common"
    assert (await login(client, SANNE, PASSWORD)).status_code == 200


async def test_wrong_current_passwords_are_throttled_like_logins(
        client: httpx.AsyncClient) -> None:
    this = bearer(await tokens(client))
    for _ in range(5):
        assert (await change(client, this, current="fout")).json()["code"] == \
            "current_password_wrong"
    throttled = await change(client, this, current="fout")
    assert (throttled.status_code, throttled.json()["code"]) == (429, "too_many_attempts")
    # The same counter as the login: the right password from here waits too.
    assert (await change(client, this)).status_code == 429


def code_in(mailer: MemoryMailer, to: str) -> str:
    match = re.search(r"in de app in: ([A-Z0-9]{4}-[A-Z0-9]{4})", mailer.last_text(to))
    assert match is not None
    return match.group(1)


async def ask_new_email(client: httpx.AsyncClient, auth: dict[str, str],
                        new_email: str = "sanne@nieuw.example",
                        password: str = PASSWORD) -> httpx.Response:
    return await client.post("/api/v1/account/email", headers=auth,
                             json={"current_password": password, "new_email": new_email})


async def test_email_change_takes_effect_only_after_the_code(
        client: httpx.AsyncClient, mailer: MemoryMailer, db: AsyncSession) -> None:
    auth = bearer(await tokens(client))
    asked = await ask_new_email(client, auth, "Sanne@Nieuw.example")
    assert asked.status_code == 202, asked.text
    assert asked.json()["pending_email"] == "sanne@nieuw.example"
    assert asked.json()["email"] == SANNE
    assert "sanne@nieuw.example" in mailer.last_text(SANNE)  # the notice to the old address
    code = code_in(mailer, "sanne@nieuw.example")
    # Until the code is entered the old address is the login.
    assert (await login(client, "sanne@nieuw.example")).status_code == 401
    wrong = await client.post("/api/v1/account/email/confirm", headers=auth,
                              json={"code": "AAAA-AAAA"})
    assert (wrong.status_code, wrong.json()["code"]) == (400, "email_code_invalid")

    done = await client.post("/api/v1/account/email/confirm", headers=auth, json={"code": code})
    assert done.status_code == 200, done.text
    assert (done.json()["email"], done.json()["pending_email"]) == ("sanne@nieuw.example", None)
    assert (await login(client, SANNE)).status_code == 401
    assert (await login(client, "sanne@nieuw.example")).status_code == 200
    assert "sanne@nieuw.example" in mailer.last_text(SANNE)
    assert "is gewijzigd" in next(m["Subject"] for m in reversed(mailer.sent)
                                  if m["To"] == SANNE)
    again = await client.post("/api/v1/account/email/confirm", headers=auth, json={"code": code})
    assert again.json()["code"] == "email_code_invalid"
    actions = (await db.scalars(select(AuditEntry.action).order_by(AuditEntry.id))).all()
    assert actions[-2:] == ["email_change_requested", "email_changed"]


async def test_five_wrong_codes_end_the_change(client: httpx.AsyncClient,
                                               mailer: MemoryMailer) -> None:
    auth = bearer(await tokens(client))
    await ask_new_email(client, auth)
    code = code_in(mailer, "sanne@nieuw.example")
    for _ in range(4):
        await client.post("/api/v1/account/email/confirm", headers=auth,
                          json={"code": "AAAA-AAAA"})
    # Four wrong codes: the right one still works…
    state = await client.get("/api/v1/account/security", headers=auth)
    assert state.json()["pending_email"] == "sanne@nieuw.example"
    await client.post("/api/v1/account/email/confirm", headers=auth, json={"code": "AAAA-AAAA"})
    # …the fifth ends the change.
    assert (await client.get("/api/v1/account/security", headers=auth)).json()[
        "pending_email"] is None
    late = await client.post("/api/v1/account/email/confirm", headers=auth, json={"code": code})
    assert late.json()["code"] == "email_code_invalid"


async def test_an_address_someone_else_logs_in_with_is_refused(
        client: httpx.AsyncClient) -> None:
    auth = bearer(await tokens(client))
    taken = await ask_new_email(client, auth, THOMAS)
    assert (taken.status_code, taken.json()["code"]) == (409, "email_in_use")
    wrong = await ask_new_email(client, auth, password="fout")
    assert wrong.json()["code"] == "current_password_wrong"


async def test_a_newer_request_replaces_the_older_code(client: httpx.AsyncClient,
                                                       mailer: MemoryMailer) -> None:
    auth = bearer(await tokens(client))
    await ask_new_email(client, auth, "eerste@nieuw.example")
    first = code_in(mailer, "eerste@nieuw.example")
    await ask_new_email(client, auth, "tweede@nieuw.example")
    refused = await client.post("/api/v1/account/email/confirm", headers=auth,
                                json={"code": first})
    assert refused.json()["code"] == "email_code_invalid"
    second = code_in(mailer, "tweede@nieuw.example")
    done = await client.post("/api/v1/account/email/confirm", headers=auth,
                             json={"code": second})
    assert done.json()["email"] == "tweede@nieuw.example"


async def test_the_code_works_for_an_hour(client: httpx.AsyncClient, mailer: MemoryMailer,
                                          clock: FakeClock) -> None:
    auth = bearer(await tokens(client))
    await ask_new_email(client, auth, "eerste@nieuw.example")
    clock.advance(minutes=59, seconds=59)
    code = code_in(mailer, "eerste@nieuw.example")
    auth = bearer(await tokens(client))  # the access token of before lives 15 minutes
    done = await client.post("/api/v1/account/email/confirm", headers=auth, json={"code": code})
    assert done.json()["email"] == "eerste@nieuw.example"

    await ask_new_email(client, auth, "tweede@nieuw.example")
    clock.advance(hours=1)
    auth = bearer(await tokens(client, "eerste@nieuw.example"))
    late = await client.post("/api/v1/account/email/confirm", headers=auth,
                             json={"code": code_in(mailer, "tweede@nieuw.example")})
    assert late.json()["code"] == "email_code_invalid"
