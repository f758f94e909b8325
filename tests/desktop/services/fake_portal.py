"""A fake portal behind ``httpx.MockTransport`` for the service tests (shapes: docs/api.md)."""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx

BASE_URL = "https://zonnebloem.ouderportaal.nl"
ORGANISATION = "zonnebloem"
EMAIL = "sanne.devries@voorbeeld.nl"
PASSWORD = "zonnebloem-demo"
SETUP_CODE = "123456"

PARENT = {"id": 3, "email": EMAIL, "name": "Sanne de Vries", "phone": "06 12345678",
          "role": "primary_parent"}
STAFF = {"id": 9, "email": "fatima.elamrani@voorbeeld.nl", "name": "Fatima El Amrani",
         "phone": None, "role": "staff"}
GROUP = {"id": 2, "name": "Zonnetjes", "care_type": "KDV", "location_id": 1}
LOCATION = {"id": 1, "name": "Zonnebloem Centrum", "address": "Stratumseind 12",
            "postal_code": "5611 ET", "city": "Eindhoven", "phone": "040 - 123 45 67",
            "email": "centrum@zonnebloem.nl", "lrk_numbers": {"KDV": "123456789"}}
EMMA = {"id": 1, "first_name": "Emma", "last_name": "de Vries", "date_of_birth": "2023-04-12",
        "photo_consent": {"portal": True, "website": False, "social_media": False},
        "contracts": [{"id": 1, "group_id": 2, "care_type": "KDV",
                        "start_date": "2024-01-01", "end_date": None}]}


def problem(status: int, code: str, **extra: Any) -> httpx.Response:
    body = {"type": f"https://ouderportaal.nl/problems/{code}", "title": code,
            "status": status, "code": code, "detail": code, **extra}
    return httpx.Response(status, content=json.dumps(body).encode(),
                          headers={"content-type": "application/problem+json"})


class FakePortal:
    """Just enough of docs/api.md: rotating tokens, /me, /policy, sessions, password reset.

    ``down = True`` makes every request fail as if the server were stopped; ``requests`` lists
    what arrived. ``users`` maps e-mail → (password, user json).
    """

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.down = False
        self.generation = 0
        self.valid_access: str | None = None
        self.revoked = False
        self.refresh_refusal: httpx.Response | None = None
        # The refresh grace of docs/api.md: the just-rotated token again gets the same pair.
        self._successor: tuple[str, httpx.Response] | None = None
        self.refresh_answers_lost = 0  # handle this many refreshes, then lose their answers
        # Answers every request made with a valid access token (e.g. access ended).
        self.request_refusal: httpx.Response | None = None
        self.users = {EMAIL: (PASSWORD, PARENT), STAFF["email"]: (PASSWORD, STAFF)}
        self.devices: dict[str, str] = {}  # device token → the e-mail address it was made for
        self._device_numbers = itertools.count(1)
        self.current_user = PARENT
        self.policy = {"inactivity_lock_minutes": 10, "cancel_absence_min_days": 30}
        self.setup_required = False  # the login answers two_factor_setup_required
        self.sessions = [
            {"id": "s1", "device_name": "Keukenlaptop", "created_at": "2026-03-01T08:00:00+01:00",
             "last_used_at": "2026-03-02T09:59:00+01:00", "current": True},
            {"id": "s2", "device_name": "Telefoon", "created_at": "2026-02-01T08:00:00+01:00",
             "last_used_at": "2026-02-03T10:00:00+01:00", "current": False},
        ]
        self.reset_code = "K7MQ-29XP"
        self.client_release: dict[str, str] | None = None  # GET /portal's newest app
        self.transport = httpx.MockTransport(self._handle)

    def sent(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests
                if r.method == method and r.url.path == "/api/v1" + path]

    def expire_access_token(self) -> None:
        """The current access token is now refused with ``token_expired``."""
        self.valid_access = None

    @property
    def refresh_token(self) -> str:
        return f"refresh-{self.generation}"

    def _tokens(self, device_token: str | None = None) -> httpx.Response:
        self.generation += 1
        self.valid_access = f"access-{self.generation}"
        body = {"access_token": f"access-{self.generation}", "refresh_token": self.refresh_token,
                "token_type": "Bearer", "expires_in": 900, "session_id": "s1"}
        if device_token is not None:  # a login's answer (a refresh has none)
            body["device_token"] = device_token
        return httpx.Response(200, json=body)

    def _device_token(self, login: dict[str, Any]) -> str:
        """As the portal does: the presented token when it is this account's, else a new one."""
        email = login["email"].casefold()
        presented = login.get("device_token")
        if presented is not None and self.devices.get(presented) == email:
            return presented
        token = f"device-{next(self._device_numbers)}"
        self.devices[token] = email
        return token

    def _handle(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        self.requests.append(request)
        path = request.url.path.removeprefix("/api/v1")
        body = json.loads(request.content) if request.content else {}
        if (request.method, path) == ("GET", "/portal"):
            return httpx.Response(200, json={"name": "Kinderopvang Zonnebloem",
                                             "short_name": "zonnebloem", "api_version": 1,
                                             "client": self.client_release})
        if (request.method, path) == ("POST", "/auth/login"):
            known = self.users.get(body.get("email", "").casefold())
            if known is None or known[0] != body.get("password"):
                return problem(401, "invalid_credentials")
            self.current_user = known[1]
            self.revoked = False
            if self.setup_required:
                return problem(401, "two_factor_setup_required", challenge="setup-1",
                               expires_in=900)
            return self._tokens(device_token=self._device_token(body))
        if path.startswith("/auth/login/two-factor-setup"):
            return self._setup_step(path, body)
        if (request.method, path) == ("POST", "/auth/refresh"):
            if self.refresh_refusal is not None:
                return self.refresh_refusal
            presented = body.get("refresh_token")
            if self._successor is not None and presented == self._successor[0] \
                    and not self.revoked:
                answer = self._successor[1]
            elif self.revoked or presented != self.refresh_token:
                return problem(401, "session_expired")
            else:
                answer = self._tokens()
                self._successor = (presented, answer)
            if self.refresh_answers_lost > 0:
                self.refresh_answers_lost -= 1
                raise httpx.ReadError("the answer was lost on the way", request=request)
            return answer
        if (request.method, path) == ("POST", "/auth/password-reset"):
            return httpx.Response(202, json={"detail": "sent if known"})
        if (request.method, path) == ("POST", "/auth/password-reset/check"):
            common = body.get("new_password", "").rstrip("0123456789!").lower() == "welkom"
            return httpx.Response(200, json={"acceptable": not common,
                                             "reason": "too_common" if common else None,
                                             "strength": 1 if common else 4})
        if (request.method, path) == ("POST", "/auth/password-reset/confirm"):
            if body.get("code") != self.reset_code:
                return problem(400, "reset_code_invalid")
            if len(body.get("new_password", "")) < 8:
                return problem(422, "password_policy", reason="too_short")
            self.users[body["email"]] = (body["new_password"], self.current_user)
            return httpx.Response(200, json={"detail": "changed"})
        if self.revoked:
            return problem(401, "not_authenticated")
        if request.headers.get("authorization") != f"Bearer {self.valid_access}":
            return problem(401, "token_expired")
        if self.request_refusal is not None:
            return self.request_refusal
        return self._authenticated(request.method, path)

    def _setup_step(self, path: str, body: dict[str, Any]) -> httpx.Response:
        """The two-factor setup the policy requires first (docs/api.md, "Required for
        managers"): ``SETUP_CODE`` confirms; ``setup_required = False`` ends the challenge."""
        if body.get("challenge") != "setup-1" or not self.setup_required:
            return problem(401, "two_factor_challenge_invalid")
        if path.endswith("/confirm"):
            if body.get("code") != SETUP_CODE:
                return problem(400, "two_factor_code_invalid")
            self.setup_required = False
            answer = json.loads(self._tokens(device_token=self._device_token(
                {"email": self.current_user["email"]})).content)
            return httpx.Response(200, json={**answer, "recovery_codes": ["K7MQ-29XP"] * 10})
        return httpx.Response(200, json={"secret": "JBSWY3DPEHPK3PXP",
                                         "otpauth_uri": "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"})

    def _authenticated(self, method: str, path: str) -> httpx.Response:
        if (method, path) == ("POST", "/auth/logout"):
            self.revoked = True
            return httpx.Response(204)
        if (method, path) == ("GET", "/me"):
            parent = self.current_user["role"] in ("primary_parent", "secondary_parent")
            return httpx.Response(200, json={
                "user": self.current_user,
                "family": {"id": 1, "name": "Familie De Vries",
                           "primary_parent_name": "Sanne de Vries"} if parent else None,
                "children": [EMMA] if parent else [],
                "groups": [GROUP], "locations": [LOCATION], "access_until": None})
        if (method, path) == ("GET", "/policy"):
            return httpx.Response(200, json=self.policy)
        if (method, path) == ("GET", "/auth/sessions"):
            return httpx.Response(200, json={"sessions": self.sessions, "next_cursor": None})
        if method == "DELETE" and path.startswith("/auth/sessions/"):
            session_id = path.rsplit("/", 1)[1]
            before = len(self.sessions)
            self.sessions = [s for s in self.sessions if s["id"] != session_id]
            return httpx.Response(204) if len(self.sessions) < before else problem(404, "not_found")
        return problem(404, "not_found")
