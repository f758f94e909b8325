"""Idempotency-Key: a replay returns the stored response; another request is refused."""

from __future__ import annotations

import httpx
from server_helpers import SANNE, bearer, login, tokens


async def test_replay_returns_the_first_response(client: httpx.AsyncClient) -> None:
    me = await tokens(client)
    other = await tokens(client)
    headers = {**bearer(me), "Idempotency-Key": "end-phone-1"}
    path = f"/api/v1/auth/sessions/{other['session_id']}"
    first = await client.delete(path, headers=headers)
    assert first.status_code == 204
    assert "idempotency-replayed" not in first.headers
    # Without the key the repeat would be a 404: the session is already gone.
    replay = await client.delete(path, headers=headers)
    assert replay.status_code == 204
    assert replay.headers["idempotency-replayed"] == "true"
    assert (await client.delete(path, headers=bearer(me))).status_code == 404


async def test_error_responses_are_replayed_as_well(client: httpx.AsyncClient) -> None:
    me = await tokens(client)
    headers = {**bearer(me), "Idempotency-Key": "k-404"}
    first = await client.delete("/api/v1/auth/sessions/999999", headers=headers)
    replay = await client.delete("/api/v1/auth/sessions/999999", headers=headers)
    assert first.status_code == replay.status_code == 404
    assert first.json() == replay.json()
    assert replay.headers["content-type"] == "application/problem+json"


async def test_same_key_for_another_request_is_refused(client: httpx.AsyncClient) -> None:
    me = await tokens(client)
    a, b = await tokens(client), await tokens(client)
    headers = {**bearer(me), "Idempotency-Key": "reused"}
    await client.delete(f"/api/v1/auth/sessions/{a['session_id']}", headers=headers)
    response = await client.delete(f"/api/v1/auth/sessions/{b['session_id']}", headers=headers)
    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    # And nothing happened to session b.
    assert (await client.get("/api/v1/me", headers=bearer(b))).status_code == 200


async def test_keys_are_per_user(client: httpx.AsyncClient) -> None:
    sanne = await tokens(client, SANNE)
    thomas = await tokens(client, "thomas.devries@voorbeeld.nl")
    sanne_other = await tokens(client, SANNE)
    thomas_other = await tokens(client, "thomas.devries@voorbeeld.nl")
    r1 = await client.delete(f"/api/v1/auth/sessions/{sanne_other['session_id']}",
                             headers={**bearer(sanne), "Idempotency-Key": "same"})
    r2 = await client.delete(f"/api/v1/auth/sessions/{thomas_other['session_id']}",
                             headers={**bearer(thomas), "Idempotency-Key": "same"})
    assert r1.status_code == r2.status_code == 204
    assert "idempotency-replayed" not in r2.headers


async def test_invalid_key_is_a_validation_error(client: httpx.AsyncClient) -> None:
    me = await tokens(client)
    response = await client.post("/api/v1/auth/logout",
                                 headers={**bearer(me), "Idempotency-Key": "x" * 201})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"


async def test_login_is_never_replayed(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": "login-1"}
    first = await client.post("/api/v1/auth/login", headers=headers,
                              json={"email": SANNE, "password": "zonnebloem-demo"})
    second = await client.post("/api/v1/auth/login", headers=headers,
                               json={"email": SANNE, "password": "zonnebloem-demo"})
    assert first.status_code == second.status_code == 200
    assert first.json()["access_token"] != second.json()["access_token"]
    assert "idempotency-replayed" not in second.headers
    assert (await login(client)).status_code == 200


async def test_anonymous_request_with_a_key_gets_the_normal_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/logout", headers={"Idempotency-Key": "k"})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
