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
