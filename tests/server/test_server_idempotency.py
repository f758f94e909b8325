"""Idempotency-Key: a replay returns the stored response; another request is refused; the
answer is stored with the write, so a crash or a concurrent duplicate cannot lose it."""

from __future__ import annotations

import asyncio
from datetime import date

import httpx
import pytest
from server_helpers import CLIENT_IP, SANNE, bearer, both_databases, login, tokens
from sqlalchemy import func, select

from server.agenda import absence_routes
from server.models import Absence, IdempotencyRecord
from server.problems import Problem

pytestmark = both_databases

# The demo's Emma de Vries comes on Thursdays (docs/api.md, "Demo organisation").
THURSDAY = "2026-03-05"


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


async def test_refusals_are_not_stored(client: httpx.AsyncClient, db) -> None:  # noqa: ANN001
    # A refusal changed nothing: a retry is answered from the state of then, never replayed.
    me = await tokens(client)
    headers = {**bearer(me), "Idempotency-Key": "k-404"}
    first = await client.delete("/api/v1/auth/sessions/999999", headers=headers)
    again = await client.delete("/api/v1/auth/sessions/999999", headers=headers)
    assert first.status_code == again.status_code == 404
    assert "idempotency-replayed" not in again.headers
    assert await db.scalar(select(func.count()).select_from(IdempotencyRecord)) == 0


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


async def emma(client: httpx.AsyncClient, auth: dict[str, str]) -> int:
    me = (await client.get("/api/v1/me", headers=auth)).json()
    return next(c["id"] for c in me["children"] if c["first_name"] == "Emma")


async def report_thursday(client: httpx.AsyncClient, auth: dict[str, str],
                          key: str) -> httpx.Response:
    body = {"child_ids": [await emma(client, auth)], "first_date": THURSDAY, "reason": "ziek"}
    return await client.post("/api/v1/absences", json=body,
                             headers={**auth, "Idempotency-Key": key})


@pytest.mark.expect_log("server.problems.crash", "ERROR", "Unhandled error")
async def test_a_server_gone_after_the_commit_still_replays_the_write(app, client, db) -> None:  # noqa: ANN001
    """The process dies (here: the connection breaks) right after the absence committed,
    before its answer is out: the app's retry with the same key gets the stored 201, not a
    409 "already reported" for an absence that is there."""
    auth = bearer(await tokens(client))
    child = await emma(client, auth)

    async def dies_before_answering(scope, receive, send) -> None:  # noqa: ANN001
        async def broken(message) -> None:  # noqa: ANN001
            raise ConnectionResetError("gone")
        await app(scope, receive, broken)

    transport = httpx.ASGITransport(app=dies_before_answering, client=(CLIENT_IP, 51001))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as dying:
        with pytest.raises(ConnectionResetError):
            await dying.post("/api/v1/absences", headers={**auth, "Idempotency-Key": "k-gone"},
                             json={"child_ids": [child], "first_date": THURSDAY,
                                   "reason": "ziek"})
    retry = await report_thursday(client, auth, "k-gone")
    assert retry.status_code == 201, retry.text
    assert retry.headers["idempotency-replayed"] == "true"
    assert await db.scalar(select(func.count()).select_from(Absence)
                           .where(Absence.child_id == child)) >= 1


async def test_a_server_error_keeps_nothing_so_the_retry_is_a_fresh_try(client, db,  # noqa: ANN001
                                                                         monkeypatch) -> None:
    """A 5xx answer under a key rolls back the write with the claim: the retry is not told
    "already reported" about an absence it was never told was stored."""
    auth = bearer(await tokens(client))
    child = await emma(client, auth)

    def fails_after_the_write(*args: object) -> None:
        raise Problem("internal_error", reference="test")

    with monkeypatch.context() as patched:
        patched.setattr(absence_routes, "absence_out", fails_after_the_write)
        failed = await report_thursday(client, auth, "k-500")
    assert failed.status_code == 500
    assert await db.scalar(select(func.count()).select_from(Absence).where(
        Absence.child_id == child, Absence.day == date.fromisoformat(THURSDAY))) == 0
    retry = await report_thursday(client, auth, "k-500")
    assert retry.status_code == 201, retry.text
    assert "idempotency-replayed" not in retry.headers


async def test_concurrent_duplicates_all_get_the_first_real_answer(client, db) -> None:  # noqa: ANN001
    auth = bearer(await tokens(client))
    before = await db.scalar(select(func.count()).select_from(Absence))
    answers = await asyncio.gather(*(report_thursday(client, auth, "k-same") for _ in range(5)))
    assert [a.status_code for a in answers] == [201] * 5, [a.text for a in answers]
    assert len({a.content for a in answers}) == 1
    assert sum("idempotency-replayed" in a.headers for a in answers) == 4
    created = len(answers[0].json()["absences"])
    assert await db.scalar(select(func.count()).select_from(Absence)) == before + created
    later = await report_thursday(client, auth, "k-same")
    assert later.status_code == 201 and later.content == answers[0].content
