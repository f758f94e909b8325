"""A small in-memory portal behind ``httpx.MockTransport`` for the client tests.

It implements just enough of docs/api.md (tokens that rotate, an access token that can be made
to expire, /me, /policy, sessions, password reset) to exercise the client's flows; a test can
replace any route to inject a failure.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from desktop.api.client import PortalClient
from desktop.api.core.tokens import Tokens

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BASE_URL = "https://zonnebloem.ouderportaal.nl"

ME = {
    "user": {
        "id": 3,
        "email": "sanne.devries@voorbeeld.nl",
        "name": "Sanne de Vries",
        "phone": "06 12345678",
        "role": "primary_parent",
    },
    "family": {"id": 1, "name": "Familie De Vries", "primary_parent_name": "Sanne de Vries"},
    "children": [
        {
            "id": 1,
            "first_name": "Emma",
            "last_name": "de Vries",
            "date_of_birth": "2023-04-12",
            "photo_consent": {"portal": True, "website": False, "social_media": False},
            "medication_consent": False,
            "contracts": [
                {
                    "id": 1,
                    "group_id": 2,
                    "care_type": "KDV",
                    "start_date": "2024-01-01",
                    "end_date": None,
                }
            ],
        },
        {
            "id": 2,
            "first_name": "Daan",
            "last_name": "de Vries",
            "date_of_birth": "2018-09-30",
            "photo_consent": {"portal": True, "website": True, "social_media": False},
            "medication_consent": True,
            "contracts": [
                {
                    "id": 2,
                    "group_id": 5,
                    "care_type": "BSO",
                    "start_date": "2022-09-01",
                    "end_date": "2026-07-31",
                }
            ],
        },
    ],
    "groups": [
        {"id": 2, "name": "Zonnetjes", "care_type": "KDV", "location_id": 1},
        {"id": 5, "name": "De Ontdekkers", "care_type": "BSO", "location_id": 2},
    ],
    "locations": [
        {
            "id": 1,
            "name": "Zonnebloem Centrum",
            "address": "Stratumseind 12",
            "postal_code": "5611 ET",
            "city": "Eindhoven",
            "phone": "040 - 123 45 67",
            "email": "centrum@zonnebloem.nl",
            "lrk_numbers": {"KDV": "123456789"},
        },
        {
            "id": 2,
            "name": "Zonnebloem Woensel",
            "address": "Kruisstraat 80",
            "postal_code": "5612 CJ",
            "city": "Eindhoven",
            "phone": "040 - 765 43 21",
            "email": "woensel@zonnebloem.nl",
            "lrk_numbers": {"BSO": "987654321"},
        },
    ],
    "access_until": None,
}

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


def problem(
    status: int, code: str, detail: str = "", headers: dict[str, str] | None = None, **extra: Any
) -> httpx.Response:
    body = {
        "type": f"https://ouderportaal.nl/problems/{code}",
        "title": code,
        "status": status,
        "code": code,
        "detail": detail or code,
        **extra,
    }
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/problem+json", **(headers or {})},
    )


class FakePortal:
    """The fake server; ``requests`` lists every request the client sent, in order."""

    problem = staticmethod(problem)
    me_json = ME

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.generation = 0
        self.expired_up_to = 0  # access tokens of generations <= this are expired
        self.revoked = False
        # The portal's refresh grace (docs/api.md): the just-rotated refresh token, presented
        # again, gets the same successor pair. Off: the old token counts as reuse.
        self.grace = True
        self._successor: tuple[str, dict[str, Any]] | None = None
        self.routes: dict[tuple[str, str], Handler] = {
            ("GET", "/api/v1/portal"): lambda r: httpx.Response(
                200,
                json={
                    "name": "Kinderopvang Zonnebloem",
                    "short_name": "zonnebloem",
                    "api_version": 1,
                },
            ),
            ("POST", "/api/v1/auth/login"): self._login,
            ("POST", "/api/v1/auth/refresh"): self._refresh,
            ("POST", "/api/v1/auth/logout"): self._logout,
            ("GET", "/api/v1/me"): self._authed(lambda r: httpx.Response(200, json=ME)),
            ("GET", "/api/v1/policy"): self._authed(
                lambda r: httpx.Response(
                    200,
                    json={
                        "absence_credit_notice_hours": 48,
                        "inactivity_lock_minutes": 10,
                        "diary_retention_weeks": 8,
                    },
                )
            ),
            ("GET", "/api/v1/auth/sessions"): self._authed(
                lambda r: httpx.Response(
                    200,
                    json={"next_cursor": None, "sessions": [
                        {
                            "id": "s1",
                            "device_name": "Keukenlaptop",
                            "created_at": "2026-03-01T08:00:00+01:00",
                            "last_used_at": "2026-03-02T09:59:00+01:00",
                            "current": True,
                        },
                        {
                            "id": "s2",
                            "device_name": None,
                            "created_at": "2026-02-01T08:00:00+01:00",
                            "last_used_at": "2026-02-03T10:00:00+01:00",
                            "current": False,
                        },
                    ]},
                )
            ),
            ("POST", "/api/v1/auth/password-reset"): lambda r: httpx.Response(
                202, json={"detail": "Als dit adres bij ons bekend is, ontvang je een e-mail."}
            ),
            ("POST", "/api/v1/auth/password-reset/confirm"): lambda r: httpx.Response(
                200, json={"detail": "Je wachtwoord is gewijzigd."}
            ),
        }
        self.transport = httpx.MockTransport(self._handle)

    # --- helpers for tests --------------------------------------------------------------------

    def route(self, method: str, path: str, handler: Handler) -> None:
        self.routes[(method, "/api/v1" + path)] = handler

    def sent(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == "/api/v1" + path]

    def expire_access_tokens(self) -> None:
        self.expired_up_to = self.generation

    def token_body(self) -> dict[str, Any]:
        self.generation += 1
        return {
            "access_token": f"access-{self.generation}",
            "refresh_token": f"refresh-{self.generation}",
            "token_type": "Bearer",
            "expires_in": 900,
            "session_id": "s1",
        }

    # --- routes -------------------------------------------------------------------------------

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        handler = self.routes.get((request.method, request.url.path))
        if handler is None:
            return problem(404, "not_found")
        response = handler(request)
        if not isinstance(response, httpx.Response):
            response = await response
        return response

    def _login(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if body.get("password") != "zonnebloem-demo":
            return problem(401, "invalid_credentials", "E-mailadres of wachtwoord is onjuist.")
        self.revoked = False
        device_token = body.get("device_token") or f"device-{self.generation + 1}"
        return httpx.Response(200, json={**self.token_body(), "device_token": device_token})

    def _refresh(self, request: httpx.Request) -> httpx.Response:
        presented = json.loads(request.content).get("refresh_token")
        if self.revoked:
            return problem(401, "session_expired", "Je sessie is verlopen.")
        if self.grace and self._successor is not None and presented == self._successor[0]:
            return httpx.Response(200, json=self._successor[1])
        if presented != f"refresh-{self.generation}":
            self.revoked = True  # reuse of an old token ends the session
            return problem(401, "session_expired", "Je sessie is verlopen.")
        successor = self.token_body()
        self._successor = (presented, successor)
        return httpx.Response(200, json=successor)

    def _logout(self, request: httpx.Request) -> httpx.Response:
        refusal = self._check_bearer(request)
        if refusal is not None:
            return refusal
        self.revoked = True
        return httpx.Response(204)

    def _check_bearer(self, request: httpx.Request) -> httpx.Response | None:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer access-") or self.revoked:
            return problem(401, "not_authenticated")
        generation = int(header.removeprefix("Bearer access-"))
        if generation != self.generation:
            return problem(401, "not_authenticated")
        if generation <= self.expired_up_to:
            return problem(401, "token_expired")
        return None

    def _authed(self, handler: Callable[[httpx.Request], httpx.Response]) -> Handler:
        def guarded(request: httpx.Request) -> httpx.Response:
            return self._check_bearer(request) or handler(request)

        return guarded


class Sleeps:
    """Stands in for asyncio.sleep: records the delays, never waits."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


class TokenLog:
    """Records what the client reported through ``on_tokens``."""

    def __init__(self) -> None:
        self.reported: list[Tokens | None] = []

    def __call__(self, tokens: Tokens | None) -> None:
        self.reported.append(tokens)


@pytest.fixture
def portal() -> FakePortal:
    return FakePortal()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def token_log() -> TokenLog:
    return TokenLog()


@pytest.fixture
async def client(portal: FakePortal, sleeps: Sleeps, token_log: TokenLog):
    portal_client = PortalClient(
        BASE_URL,
        transport=portal.transport,
        sleep=sleeps,
        on_tokens=token_log,
        device_name="Keukenlaptop",
        clock=lambda: NOW,
    )
    yield portal_client
    await portal_client.aclose()


@pytest.fixture
async def logged_in(client: PortalClient) -> PortalClient:
    await client.auth.login("sanne.devries@voorbeeld.nl", "zonnebloem-demo")
    return client
