"""No password, token or reset code may appear in any log line or audit row."""

from __future__ import annotations

import logging

import pytest
from server_helpers import PASSWORD, SANNE, bearer, login
from sqlalchemy import select

from server.models import AuthEvent

NEW_PASSWORD = "mijn geheime zin voor de test"


async def test_login_and_reset_flow_leaves_no_secrets_in_logs(
        client, mailer, db, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    caplog.set_level(logging.DEBUG)  # everything, from every library logger
    secrets: list[str] = [PASSWORD, NEW_PASSWORD]

    await login(client, SANNE, "wrong-" + PASSWORD)
    secrets.append("wrong-" + PASSWORD)
    first = (await login(client, SANNE, PASSWORD)).json()
    refreshed = (await client.post("/api/v1/auth/refresh",
                                   json={"refresh_token": first["refresh_token"]})).json()
    secrets += [first["access_token"], first["refresh_token"], refreshed["access_token"],
                refreshed["refresh_token"]]
    await client.get("/api/v1/me", headers=bearer(refreshed))

    await client.post("/api/v1/auth/password-reset", json={"email": SANNE})
    code = mailer.last_code(SANNE)
    link_token = mailer.last_link(SANNE).rsplit("/", 1)[1]
    secrets += [code, code.replace("-", ""), link_token]
    page = await client.get(f"/reset/{link_token}")  # the request log must mask the token
    assert page.status_code == 200
    await client.post("/api/v1/auth/password-reset/confirm",
                      json={"email": SANNE, "code": "WRON-GCOD", "new_password": NEW_PASSWORD})
    await client.post("/api/v1/auth/password-reset/confirm",
                      json={"email": SANNE, "code": code, "new_password": NEW_PASSWORD})
    again = (await login(client, SANNE, NEW_PASSWORD)).json()
    secrets += [again["access_token"], again["refresh_token"]]
    await client.post("/api/v1/auth/logout", headers=bearer(again))

    # Everything but the test's own HTTP client (httpx logs the URLs it requests).
    records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    # The flow must actually have logged something for the check to mean anything.
    assert any(r.name == "server.access" and "/reset/…" in r.getMessage() for r in records)
    logged = "\n".join(
        f"{r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in records)
    for secret in secrets:
        assert secret not in logged

    audit = (await db.scalars(select(AuthEvent))).all()
    assert len(audit) >= 6
    audit_text = "\n".join(repr(vars(event)) for event in audit)
    for secret in secrets:
        assert secret not in audit_text
