"""Every /api/v1 route except the public ones refuses an anonymous request with 401.

The routes are read from the app itself, so a new endpoint cannot be forgotten.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from fastapi.routing import iter_route_contexts

from server.app import create_app
from server.config import Settings, sqlite_url

PUBLIC = {
    ("GET", "/api/v1/portal"),
    ("GET", "/api/v1/openapi.json"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/password-reset"),
    ("POST", "/api/v1/auth/password-reset/check"),
    ("POST", "/api/v1/auth/password-reset/confirm"),
}


def api_routes() -> list[tuple[str, str]]:
    # Building the app touches no database; the routes are all that is read.
    nowhere = Path("unused")
    app = create_app(Settings(data_dir=nowhere, database_url=sqlite_url(nowhere)))
    found = set()
    for route in iter_route_contexts(app.routes):
        if not route.path.startswith("/api/v1/"):
            continue
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method, route.path))
    return sorted(found)


ROUTES = api_routes()
PROTECTED = [r for r in ROUTES if r not in PUBLIC]


def test_the_walk_finds_the_routes() -> None:
    assert ("GET", "/api/v1/me") in PROTECTED
    assert ("DELETE", "/api/v1/auth/sessions/{session_id}") in PROTECTED
    assert PUBLIC - {("GET", "/api/v1/openapi.json")} <= set(ROUTES)


@pytest.mark.parametrize(("method", "path"), PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic dXNlcjpwdw=="])
async def test_anonymous_request_is_refused(client: httpx.AsyncClient, method: str, path: str,
                                            authorization: str | None) -> None:
    url = re.sub(r"\{[^}]+\}", "1", path)
    headers = {"Authorization": authorization} if authorization else {}
    response = await client.request(method, url, headers=headers, json={})
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "not_authenticated"


# Agenda requests by role: (method, path, body, roles refused with 403). Parents ask, staff and
# managers decide; the rest of the rules per family and group is in test_server_extra_days.
ROLE_REFUSALS = [
    ("GET", "/api/v1/credit", None, ("staff", "manager")),
    ("GET", "/api/v1/requests", None, ("staff", "manager")),
    ("POST", "/api/v1/extra-days/preview", "ask", ("staff", "manager")),
    ("POST", "/api/v1/extra-days", "ask", ("staff", "manager")),
    ("GET", "/api/v1/extra-days/{id}/capacity", None, ("primary_parent", "secondary_parent")),
    ("POST", "/api/v1/extra-days/{id}/approve", None, ("primary_parent", "secondary_parent")),
    ("POST", "/api/v1/extra-days/{id}/reject", {"reason": "vol"},
     ("primary_parent", "secondary_parent")),
]
LOGINS = {"primary_parent": "sanne.devries@voorbeeld.nl",
          "secondary_parent": "thomas.devries@voorbeeld.nl",
          "staff": "fatima.elamrani@voorbeeld.nl", "manager": "manager@voorbeeld.nl"}


def test_every_extra_day_route_has_a_role_rule() -> None:
    agenda_routes = {r for r in PROTECTED
                     if r[1].startswith(("/api/v1/extra-days", "/api/v1/credit",
                                         "/api/v1/requests"))}
    covered = {(m, p.replace("{id}", "{request_id}")) for m, p, _, _ in ROLE_REFUSALS}
    # GET /extra-days serves every role (each sees its own part); withdraw answers
    # not_found to anyone but the family.
    assert agenda_routes - covered == {("GET", "/api/v1/extra-days"),
                                       ("POST", "/api/v1/extra-days/{request_id}/withdraw")}


@pytest.mark.parametrize(("method", "path", "body", "refused"), ROLE_REFUSALS,
                         ids=[f"{m} {p}" for m, p, _, _ in ROLE_REFUSALS])
@pytest.mark.parametrize("role", list(LOGINS))
async def test_roles_that_may_not_ask_or_decide_are_refused(
        client: httpx.AsyncClient, method: str, path: str, body: object,
        refused: tuple[str, ...], role: str) -> None:
    async def login(email: str) -> dict[str, str]:
        response = await client.post("/api/v1/auth/login",
                                     json={"email": email, "password": "zonnebloem-demo"})
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    sanne = await login(LOGINS["primary_parent"])
    me = (await client.get("/api/v1/me", headers=sanne)).json()
    emma = next(c["id"] for c in me["children"] if c["first_name"] == "Emma")
    ask = {"child_ids": [emma], "first_date": "2026-03-06", "payment": "invoice"}
    submitted = await client.post("/api/v1/extra-days", json=ask, headers=sanne)
    request_id = submitted.json()["requests"][0]["id"]
    response = await client.request(method, path.replace("{id}", str(request_id)),
                                    json=ask if body == "ask" else body,
                                    headers=await login(LOGINS[role]))
    if role in refused:
        assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    else:
        assert response.status_code < 400 or response.json()["code"].startswith("extra_day_"), \
            response.text
