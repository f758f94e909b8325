"""Odd input gets a 422, never a 500, on both databases: dates far away, control characters
and unpaired surrogates in text, long e-mail addresses and client addresses; bodies too large
or too slow; OPTIONS and `Allow` (docs/api.md, "Input")."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import timedelta

import httpx
import pytest
from server_helpers import (
    CLIENT_IP,
    SANNE,
    bearer,
    both_databases,
    client_at,
    login,
    tokens,
)

from server.app import create_app
from server.auth.audit import MAX_ADDRESS

pytestmark = both_databases

THURSDAY = "2026-03-05"  # Emma de Vries comes on Thursdays


async def emma(client: httpx.AsyncClient, auth: dict[str, str]) -> int:
    me = (await client.get("/api/v1/me", headers=auth)).json()
    return next(c["id"] for c in me["children"] if c["first_name"] == "Emma")


def assert_validation_error(response: httpx.Response, field: str) -> None:
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "validation_error"
    assert any(e["field"] == field for e in response.json()["errors"]), response.text


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1999-12-31", "2100-01-01"])
async def test_dates_outside_the_window_are_refused(client: httpx.AsyncClient, day: str) -> None:
    auth = bearer(await tokens(client))
    agenda = await client.get(f"/api/v1/agenda?from={day}&to={day}", headers=auth)
    assert_validation_error(agenda, "from")
    absence = await client.post("/api/v1/absences", headers=auth, json={
        "child_ids": [await emma(client, auth)], "first_date": day, "reason": "ziek"})
    assert_validation_error(absence, "first_date")
    extra = await client.post("/api/v1/extra-days/preview", headers=auth, json={
        "child_ids": [await emma(client, auth)], "first_date": THURSDAY, "last_date": day,
        "payment": "invoice"})
    assert_validation_error(extra, "last_date")


@pytest.mark.parametrize("day", ["2000-01-01", "2099-12-31"])
async def test_the_window_includes_its_ends(client: httpx.AsyncClient, day: str) -> None:
    agenda = await client.get(f"/api/v1/agenda?from={day}&to={day}",
                              headers=bearer(await tokens(client)))
    assert agenda.status_code == 200


@pytest.mark.parametrize("note", ["ziek\x00", "a\x07b", "\x1b[31m", "\x7f", "\x85", "x\ud800"])
async def test_control_characters_in_free_text_are_refused(client: httpx.AsyncClient,
                                                          note: str) -> None:
    auth = bearer(await tokens(client))
    body = {"child_ids": [await emma(client, auth)], "first_date": THURSDAY, "reason": "ziek",
            "note": note}
    # json.dumps escapes the surrogate as \ud800, as a client with a bug would send it.
    response = await client.post("/api/v1/absences", content=json.dumps(body),
                                 headers={**auth, "Content-Type": "application/json"})
    assert_validation_error(response, "note")


async def test_a_note_may_have_lines_and_tabs(client: httpx.AsyncClient) -> None:
    auth = bearer(await tokens(client))
    response = await client.post("/api/v1/absences", headers=auth, json={
        "child_ids": [await emma(client, auth)], "first_date": THURSDAY, "reason": "ziek",
        "note": "Koorts.\r\n\tMorgen weer beter, hopen we."})
    assert response.status_code == 201, response.text
    assert response.json()["absences"][0]["note"] == "Koorts.\r\n\tMorgen weer beter, hopen we."


@pytest.mark.parametrize("token", ["abc\x00", "\ud800"])
async def test_control_characters_in_tokens_are_refused(client: httpx.AsyncClient,
                                                       token: str) -> None:
    response = await client.post("/api/v1/auth/refresh",
                                 content=json.dumps({"refresh_token": token}),
                                 headers={"Content-Type": "application/json"})
    assert_validation_error(response, "refresh_token")


async def test_a_longest_e_mail_from_a_long_client_address_is_an_ordinary_failure(app) -> None:  # noqa: ANN001
    longest = "a" * 64 + "@" + ("b" * 62 + ".") * 2 + "b" * 60 + ".nl"
    assert len(longest) == 254
    # The longest key of all: a longest address that is no IP address ("x" * MAX_ADDRESS,
    # what a proxy may pass on) next to a longest e-mail in the account-from-address counter.
    for address in ("2001:db8:85a3:1234:5678:8a2e:370:7334", "x" * MAX_ADDRESS, "x" * 300,
                    "::ffff:192.0.2.1%eth0"):
        async with client_at(app, address) as client:
            response = await login(client, longest, "geen wachtwoord")
            assert response.status_code == 401, response.text
    # "İ" becomes two characters in lower case: still no column overflows.
    async with client_at(app, CLIENT_IP) as client:
        grows = await login(client, "İ" * 200 + "@voorbeeld.nl", "geen wachtwoord")
        assert grows.status_code == 422, grows.text
        assert grows.json()["errors"][0]["field"] == "email"


async def test_a_body_over_the_limit_is_refused_before_it_is_read(client: httpx.AsyncClient,
                                                                 settings) -> None:  # noqa: ANN001
    limit = settings.max_request_body
    declared = await client.post("/api/v1/auth/login", content=b"x" * (limit + 1),
                                 headers={"Content-Type": "application/json"})
    assert declared.status_code == 413
    assert declared.json()["code"] == "request_too_large"
    # At the limit the body is read (and is no JSON login).
    at_limit = await client.post("/api/v1/auth/login", content=b" " * limit,
                                 headers={"Content-Type": "application/json"})
    assert at_limit.status_code == 422

    sent = 0

    async def fifty_megabytes():  # noqa: ANN202 - chunked, no Content-Length
        nonlocal sent
        for _ in range(50 * 16):
            sent += 64 * 1024
            yield b" " * (64 * 1024)

    streamed = await client.post("/api/v1/auth/login", content=fifty_megabytes(),
                                 headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    assert sent <= limit + 2 * 64 * 1024  # reading stopped right after the limit

    sent = 0
    declared_too_large = await client.post(
        "/api/v1/auth/login", content=fifty_megabytes(),
        headers={"Content-Type": "application/json", "Content-Length": str(50 * 1024 * 1024)})
    assert declared_too_large.status_code == 413
    assert sent == 0  # refused on its declared length: not one byte of it read


async def test_a_body_over_the_limit_under_an_idempotency_key_is_refused(
        client: httpx.AsyncClient, settings) -> None:  # noqa: ANN001
    auth = {**bearer(await tokens(client)), "Idempotency-Key": "big-1"}

    async def too_much():  # noqa: ANN202
        for _ in range(40):
            yield b" " * (64 * 1024)

    response = await client.post("/api/v1/absences", content=too_much(),
                                 headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


async def test_a_body_that_stops_arriving_times_out(settings, mailer) -> None:  # noqa: ANN001
    app = create_app(replace(settings, request_body_timeout=timedelta(milliseconds=50)),
                     mailer=mailer)
    async with app.router.lifespan_context(app):
        messages: list[dict] = []
        parts = [{"type": "http.request", "body": b'{"email": "sa', "more_body": True}]

        async def receive() -> dict:
            if parts:
                return parts.pop()
            await asyncio.Event().wait()  # the rest never comes
            raise AssertionError("unreachable")

        async def send(message: dict) -> None:
            messages.append(message)

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "POST", "scheme": "http", "path": "/api/v1/auth/login",
                 "raw_path": b"/api/v1/auth/login", "query_string": b"", "root_path": "",
                 "headers": [(b"content-type", b"application/json")],
                 "client": (CLIENT_IP, 1), "server": ("testserver", 80), "app": app}
        await app(scope, receive, send)
    assert messages[0]["status"] == 408


async def test_options_lists_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    for path, methods in [("/api/v1/absences", {"GET", "POST"}),
                          ("/api/v1/absences/1", {"DELETE"}),
                          ("/api/v1/auth/sessions/1", {"DELETE"}),
                          ("/api/v1/extra-days", {"GET", "POST"})]:
        response = await client.options(path)
        assert response.status_code == 204
        allowed = {m.strip() for m in response.headers["allow"].split(",")}
        assert allowed - {"HEAD", "OPTIONS"} == methods, (path, allowed)
        wrong = await client.put(path)
        assert wrong.status_code == 405
        assert wrong.headers["allow"] == response.headers["allow"]
    assert (await client.options("/api/v1/nothing-here")).status_code == 404


async def test_every_answer_says_nosniff_and_credentialed_ones_no_store(
        client: httpx.AsyncClient) -> None:
    auth = bearer(await tokens(client))
    public = await client.get("/api/v1/portal")
    assert public.headers["x-content-type-options"] == "nosniff"
    for path in ("/api/v1/me", "/api/v1/agenda?from=2026-03-02&to=2026-03-08",
                 "/api/v1/finance", "/api/v1/nothing-here"):
        response = await client.get(path, headers=auth)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["cache-control"] == "no-store", path
    finance = (await client.get("/api/v1/finance", headers=auth)).json()
    document = await client.get(finance["documents"][0]["url"], headers=auth)
    assert document.headers["content-type"] == "application/pdf"
    assert document.headers["cache-control"] == "no-store"
    assert document.headers["x-content-type-options"] == "nosniff"
    assert (await login(client, SANNE, "fout")).headers["x-content-type-options"] == "nosniff"
