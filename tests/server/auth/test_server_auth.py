"""Login, refresh with rotation and theft detection, logout, sessions, disabling a user."""

from __future__ import annotations

import asyncio
import base64
from dataclasses import replace

import httpx
from server_helpers import (
    CLIENT_IP,
    PASSWORD,
    SANNE,
    THOMAS,
    bearer,
    both_databases,
    login,
    tokens,
)
from sqlalchemy import select

from server.app import create_app
from server.auth.sessions import disable_user
from server.models import AuthEvent, AuthEventKind, SessionToken, User

pytestmark = both_databases


async def test_login_returns_opaque_tokens_and_me_works(client: httpx.AsyncClient) -> None:
    response = await login(client, device_name="Laptop keuken")
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900
    assert len(body["access_token"]) >= 43 and len(body["refresh_token"]) >= 43
    assert body["access_token"] != body["refresh_token"]
    assert response.headers["cache-control"] == "no-store"
    me = await client.get("/api/v1/me", headers=bearer(body))
    assert me.status_code == 200
    assert me.json()["user"]["email"] == SANNE


async def test_tokens_are_stored_only_as_hashes(client: httpx.AsyncClient, db) -> None:  # noqa: ANN001
    body = await tokens(client)
    stored = (await db.scalars(select(SessionToken.token_hash))).all()
    assert stored and body["access_token"] not in stored and body["refresh_token"] not in stored


async def test_email_is_case_insensitive(client: httpx.AsyncClient) -> None:
    response = await login(client, "  Sanne.DeVries@Voorbeeld.NL ")
    assert response.status_code == 200


async def test_wrong_password_and_unknown_email_get_the_same_answer(
        client: httpx.AsyncClient) -> None:
    wrong = await login(client, SANNE, "not-the-password")
    unknown = await login(client, "nobody@voorbeeld.nl", "not-the-password")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["code"] == "invalid_credentials"
    assert wrong.headers["content-type"] == "application/problem+json"


async def test_every_login_makes_a_new_session(client: httpx.AsyncClient) -> None:
    first, second = await tokens(client), await tokens(client)
    assert first["session_id"] != second["session_id"]
    assert first["access_token"] != second["access_token"]


async def test_refresh_rotates_and_the_old_refresh_token_is_dead(
        client: httpx.AsyncClient) -> None:
    first = await tokens(client)
    refreshed = await client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": first["refresh_token"]})
    assert refreshed.status_code == 200
    second = refreshed.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["session_id"] == first["session_id"]
    assert (await client.get("/api/v1/me", headers=bearer(second))).status_code == 200
    # The access token of before the refresh is retired with it.
    old_access = await client.get("/api/v1/me", headers=bearer(first))
    assert old_access.json()["code"] == "not_authenticated"


async def test_reusing_a_rotated_refresh_token_ends_the_session(
        client: httpx.AsyncClient, db, clock) -> None:  # noqa: ANN001
    first = await tokens(client)
    second = (await client.post("/api/v1/auth/refresh",
                                json={"refresh_token": first["refresh_token"]})).json()
    clock.advance(seconds=60)  # past the grace for a repeated refresh
    # A thief replays the stolen (already rotated) token...
    reuse = await client.post("/api/v1/auth/refresh",
                              json={"refresh_token": first["refresh_token"]})
    assert reuse.status_code == 401
    assert reuse.json()["code"] == "session_expired"
    # ...and the legitimate holder's newer tokens die too.
    legit = await client.post("/api/v1/auth/refresh",
                              json={"refresh_token": second["refresh_token"]})
    assert legit.json()["code"] == "session_expired"
    me = await client.get("/api/v1/me", headers=bearer(second))
    assert me.json()["code"] == "not_authenticated"
    kinds = (await db.scalars(select(AuthEvent.kind))).all()
    assert AuthEventKind.REFRESH_REUSE in kinds


async def test_unknown_refresh_token_is_session_expired(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/refresh", json={"refresh_token": "made-up"})
    assert response.status_code == 401
    assert response.json()["code"] == "session_expired"


async def test_access_token_expires_after_15_minutes(client: httpx.AsyncClient, clock) -> None:  # noqa: ANN001
    body = await tokens(client)
    clock.advance(minutes=14, seconds=59)
    assert (await client.get("/api/v1/me", headers=bearer(body))).status_code == 200
    clock.advance(seconds=1)
    expired = await client.get("/api/v1/me", headers=bearer(body))
    assert expired.status_code == 401
    assert expired.json()["code"] == "token_expired"
    refreshed = await client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": body["refresh_token"]})
    assert refreshed.status_code == 200


async def test_refresh_token_lives_30_days_and_each_refresh_extends_it(
        client: httpx.AsyncClient, clock) -> None:  # noqa: ANN001
    body = await tokens(client)
    clock.advance(days=29)
    body = (await client.post("/api/v1/auth/refresh",
                              json={"refresh_token": body["refresh_token"]})).json()
    clock.advance(days=29)
    response = await client.post("/api/v1/auth/refresh",
                                 json={"refresh_token": body["refresh_token"]})
    assert response.status_code == 200
    clock.advance(days=30, seconds=1)
    late = await client.post("/api/v1/auth/refresh",
                             json={"refresh_token": response.json()["refresh_token"]})
    assert late.json()["code"] == "session_expired"


async def test_logout_revokes_the_session_on_the_server(client: httpx.AsyncClient) -> None:
    body = await tokens(client)
    other = await tokens(client)
    assert (await client.post("/api/v1/auth/logout", headers=bearer(body))).status_code == 204
    assert (await client.get("/api/v1/me", headers=bearer(body))).json()["code"] == \
        "not_authenticated"
    refresh = await client.post("/api/v1/auth/refresh",
                                json={"refresh_token": body["refresh_token"]})
    assert refresh.json()["code"] == "session_expired"
    # Only that session: the other device stays logged in.
    assert (await client.get("/api/v1/me", headers=bearer(other))).status_code == 200


async def test_list_and_end_own_sessions(client: httpx.AsyncClient) -> None:
    laptop = await tokens(client)
    phone = (await login(client, device_name="Telefoon")).json()
    listed = await client.get("/api/v1/auth/sessions", headers=bearer(laptop))
    assert listed.status_code == 200
    sessions = {s["id"]: s for s in listed.json()["sessions"]}
    assert set(sessions) == {laptop["session_id"], phone["session_id"]}
    assert sessions[laptop["session_id"]]["current"] is True
    assert sessions[phone["session_id"]]["current"] is False
    assert sessions[phone["session_id"]]["device_name"] == "Telefoon"
    assert sessions[phone["session_id"]]["created_at"].endswith("+01:00")  # Amsterdam time

    ended = await client.delete(f"/api/v1/auth/sessions/{phone['session_id']}",
                                headers=bearer(laptop))
    assert ended.status_code == 204
    assert (await client.get("/api/v1/me", headers=bearer(phone))).status_code == 401
    again = await client.delete(f"/api/v1/auth/sessions/{phone['session_id']}",
                                headers=bearer(laptop))
    assert again.json()["code"] == "not_found"


async def test_cannot_end_another_users_session(client: httpx.AsyncClient) -> None:
    sanne = await tokens(client, SANNE)
    thomas = await tokens(client, THOMAS)
    response = await client.delete(f"/api/v1/auth/sessions/{thomas['session_id']}",
                                   headers=bearer(sanne))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert (await client.get("/api/v1/me", headers=bearer(thomas))).status_code == 200


async def test_disabling_a_user_ends_all_sessions(client: httpx.AsyncClient, db, clock) -> None:  # noqa: ANN001
    first, second = await tokens(client), await tokens(client)
    user = await db.scalar(select(User).where(User.email == SANNE))
    await disable_user(db, user, clock())
    for body in (first, second):
        assert (await client.get("/api/v1/me", headers=bearer(body))).status_code == 401
        refresh = await client.post("/api/v1/auth/refresh",
                                    json={"refresh_token": body["refresh_token"]})
        assert refresh.status_code == 401
    refused = await login(client)
    assert refused.status_code == 403
    assert refused.json()["code"] == "account_disabled"
    wrong = await login(client, SANNE, "wrong password")
    assert wrong.json()["code"] == "invalid_credentials"  # no hint without the password


async def test_password_is_rehashed_when_the_parameters_change(settings, mailer, db) -> None:  # noqa: ANN001
    before = await db.scalar(select(User.password_hash).where(User.email == SANNE))
    stronger = replace(settings, argon2_time_cost=2, argon2_memory_cost=16)
    app = create_app(stronger, mailer=mailer)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=(CLIENT_IP, 1))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            assert (await login(client, SANNE, PASSWORD)).status_code == 200
    db.expire_all()
    after = await db.scalar(select(User.password_hash).where(User.email == SANNE))
    assert before != after
    assert after.startswith("$argon2id$") and "m=16,t=2,p=1" in after


async def test_login_events_are_audited(client: httpx.AsyncClient, db) -> None:  # noqa: ANN001
    await login(client, SANNE, "wrong password")
    body = await tokens(client)
    await client.post("/api/v1/auth/logout", headers={**bearer(body), "User-Agent": "Test/1"})
    events = (await db.scalars(select(AuthEvent).order_by(AuthEvent.id))).all()
    assert [e.kind for e in events] == [AuthEventKind.LOGIN_FAILED, AuthEventKind.LOGIN_OK,
                                        AuthEventKind.LOGOUT]
    assert all(e.ip_address == CLIENT_IP for e in events)
    assert events[2].user_agent == "Test/1"
    assert events[1].session_id == body["session_id"]


async def refresh(client: httpx.AsyncClient, token: object) -> httpx.Response:
    return await client.post("/api/v1/auth/refresh", json={"refresh_token": token})


async def test_concurrent_refreshes_of_one_token_all_get_the_same_new_pair(
        client: httpx.AsyncClient) -> None:
    first = await tokens(client)
    answers = await asyncio.gather(*(refresh(client, first["refresh_token"]) for _ in range(5)))
    assert [a.status_code for a in answers] == [200] * 5
    pairs = {(a.json()["access_token"], a.json()["refresh_token"]) for a in answers}
    assert len(pairs) == 1  # exactly one rotation; the others got its result
    (access, refreshed), = pairs
    assert (await client.get("/api/v1/me",
                             headers={"Authorization": f"Bearer {access}"})).status_code == 200
    assert (await refresh(client, refreshed)).status_code == 200  # the session lives on


async def test_a_refresh_repeated_after_a_lost_answer_gets_the_same_pair(
        client: httpx.AsyncClient, clock) -> None:  # noqa: ANN001
    first = await tokens(client)
    lost = (await refresh(client, first["refresh_token"])).json()
    clock.advance(seconds=59)
    retry = await refresh(client, first["refresh_token"])
    assert retry.status_code == 200
    assert retry.json()["refresh_token"] == lost["refresh_token"]
    assert retry.json()["access_token"] == lost["access_token"]
    assert retry.json()["expires_in"] == 900 - 59
    assert (await client.get("/api/v1/me", headers=bearer(retry.json()))).status_code == 200


async def test_after_the_grace_the_old_token_is_reuse(client: httpx.AsyncClient, clock) -> None:  # noqa: ANN001
    first = await tokens(client)
    second = (await refresh(client, first["refresh_token"])).json()
    clock.advance(seconds=60)
    assert (await refresh(client, first["refresh_token"])).json()["code"] == "session_expired"
    assert (await refresh(client, second["refresh_token"])).json()["code"] == "session_expired"


async def test_within_the_grace_a_token_two_rotations_old_is_reuse(
        client: httpx.AsyncClient) -> None:
    # The successor was itself rotated already: whoever presents the first token again is
    # not the app that is still waiting for its answer.
    first = await tokens(client)
    second = (await refresh(client, first["refresh_token"])).json()
    third = (await refresh(client, second["refresh_token"])).json()
    assert (await refresh(client, first["refresh_token"])).json()["code"] == "session_expired"
    assert (await refresh(client, third["refresh_token"])).json()["code"] == "session_expired"


async def test_the_successor_is_stored_only_sealed(client: httpx.AsyncClient, db) -> None:  # noqa: ANN001
    first = await tokens(client)
    second = (await refresh(client, first["refresh_token"])).json()
    sealed = (await db.scalars(select(SessionToken.successor)
                               .where(SessionToken.successor.is_not(None)))).all()
    assert len(sealed) == 1 and len(sealed[0]) == 64
    for token in (second["access_token"], second["refresh_token"]):
        assert token.encode() not in sealed[0]
        assert base64.urlsafe_b64decode(token + "=") not in sealed[0]
