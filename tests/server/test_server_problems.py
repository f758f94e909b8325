"""Every error is application/problem+json with a stable code; never a stack trace."""

from __future__ import annotations

import logging

import httpx
import pytest
from server_helpers import tokens

from server.problems.body import problem_body

PROBLEM_KEYS = {"type", "title", "status", "code", "detail"}


def assert_problem(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_KEYS <= body.keys()
    assert body["status"] == status and body["code"] == code
    assert body["type"] == f"https://ouderportaal.nl/problems/{code}"
    return body


async def test_unknown_route_is_not_found(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/api/v1/nothing-here"), 404, "not_found")
    assert body["detail"] == "Niet gevonden."


async def test_wrong_method_is_a_problem_too(client: httpx.AsyncClient) -> None:
    assert_problem(await client.put("/api/v1/portal"), 405, "method_not_allowed")


async def test_validation_error_lists_the_fields(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/login", json={"email": "x@y.nl"})
    body = assert_problem(response, 422, "validation_error")
    assert {"field": "password", "message": "Field required"} in body["errors"]
    not_json = await client.post("/api/v1/auth/login", content=b"{oops",
                                 headers={"Content-Type": "application/json"})
    assert_problem(not_json, 422, "validation_error")


async def test_detail_is_english_when_asked(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/me", headers={"Accept-Language": "en-US"})
    body = assert_problem(response, 401, "not_authenticated")
    assert body["detail"] == "You are not logged in."
    dutch = await client.get("/api/v1/me", headers={"Accept-Language": "nl-NL"})
    assert dutch.json()["detail"] == "Je bent niet ingelogd."


@pytest.mark.expect_log("server.problems.crash", "ERROR", "Unhandled error, reference")
async def test_unexpected_error_is_500_with_a_reference_in_the_log(
        app, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    async def broken() -> None:
        raise RuntimeError("secret internal state")

    app.add_api_route("/api/v1/broken", broken)
    with caplog.at_level(logging.ERROR):
        response = await client.get("/api/v1/broken")
    body = assert_problem(response, 500, "internal_error")
    assert body["reference"] in body["detail"]
    assert "secret internal state" not in response.text
    assert "Traceback" not in response.text
    record = next(r for r in caplog.records if body["reference"] in r.getMessage())
    assert record.exc_info is not None  # the traceback is in the log, not in the response


async def test_openapi_documents_problem_responses(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/v1/openapi.json")).json()
    login = schema["paths"]["/api/v1/auth/login"]["post"]["responses"]
    assert {"200", "401", "403", "422", "429"} <= login.keys()
    assert login["401"]["content"] == {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}
    errors = [response for item in schema["paths"].values() for operation in item.values()
              for status, response in operation["responses"].items() if status >= "400"]
    assert errors and all(list(r["content"]) == ["application/problem+json"] for r in errors)
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    me = schema["paths"]["/api/v1/me"]["get"]
    assert me["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "MeResponse")
    assert "ProblemDetails" in schema["components"]["schemas"]
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


async def test_token_endpoints_are_not_cached(client: httpx.AsyncClient) -> None:
    body = await tokens(client)
    refreshed = await client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": body["refresh_token"]})
    assert refreshed.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(("extra", "english", "expected"), [
    ({"retry_after": 1}, False, "over 1 seconde opnieuw"),
    ({"retry_after": 64}, False, "over 64 seconden opnieuw"),
    ({"retry_after": 900}, False, "over 15 minuten opnieuw"),
    ({"retry_after": 3000}, True, "in 50 minutes"),
])
def test_waiting_time_reads_naturally(extra: dict, english: bool, expected: str) -> None:
    assert expected in problem_body("too_many_attempts", english, **extra)["detail"]


def test_expiry_date_is_written_out() -> None:
    nl = problem_body("account_expired", False, access_ended_on="2027-04-26")
    en = problem_body("account_expired", True, access_ended_on="2027-04-26")
    assert "beëindigd op 26 april 2027" in nl["detail"]
    assert "ended on 26 April 2027" in en["detail"]
    assert nl["access_ended_on"] == "2027-04-26"
