"""The async client of the portal API (docs/api.md): one instance per account.

Plain Python over one ``httpx.AsyncClient``: explicit timeouts, typed records and errors, a
silent token refresh shared by concurrent callers, and retries with jittered exponential backoff
that honour ``Retry-After``. What may be retried follows from what is safe to repeat:

* GET — always safe.
* POST/DELETE with an ``Idempotency-Key`` — the server replays the first answer.
* token refresh and the password-reset request — only when the request provably never left
  (the connection could not be made). A refresh that reached the server has rotated the token:
  repeating it cannot bring the lost new token back, and the server ends a session whose old
  token comes back. A repeated reset request would mail a second code and void the first.
* login and the reset confirmation — never: the user decides whether to try again.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import platform
import random
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from importlib import metadata
from typing import Any
from urllib.parse import urlencode

import httpx

from desktop.api.address import portal_base_url
from desktop.api.agenda_records import (
    Absence,
    AbsenceDraft,
    Agenda,
    CapacityDay,
    ChildCredit,
    ExtraDayDraft,
    ExtraDayPreview,
    ExtraDayRequest,
)
from desktop.api.errors import (
    CertificateProblem,
    ConnectionProblem,
    NotAPortal,
    PortalError,
    ProblemResponse,
    ServerError,
    SessionExpired,
    UnknownHost,
    classify_transport_error,
    problem_from_response,
)
from desktop.api.finance_records import FinanceOverview
from desktop.api.records import Policy, PortalInfo, Profile, SessionInfo, Tokens

__all__ = ["API_PREFIX", "DocumentStream", "PortalClient", "user_agent"]

# Only methods, paths, statuses and error kinds are logged: never a body, header or token.
log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
#: Longest server-requested wait the client sits out by itself; longer ones go to the user.
MAX_RETRY_AFTER = 30.0
#: Refresh a little before the access token expires, so a request does not race its expiry.
REFRESH_MARGIN = timedelta(seconds=30)
_RETRY_STATUSES = frozenset({429, 502, 503, 504})


class _Retry(enum.Enum):
    NEVER = "never"
    UNSENT = "unsent"  # only when the connection could not be made
    SAFE = "safe"  # idempotent: GET, or a mutation with an Idempotency-Key


def user_agent() -> str:
    try:
        version = metadata.version("ouderportaal")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"Ouderportaal-Desktop/{version}"


class PortalClient:
    """Client of one portal for one account.

    ``on_tokens`` is called with the new :class:`Tokens` after every login, restore and refresh
    (so the caller can persist the rotated refresh token) and with ``None`` when the tokens are
    gone (logout, or a refresh the server refused).
    """

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        language: str = "nl",
        on_tokens: Callable[[Tokens | None], None] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        device_name: str | None = None,
        clock: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        # Raises InsecureAddress for http:// on anything but loopback.
        self.base_url = portal_base_url(base_url)
        self._max_retries = max(0, max_retries)
        self._on_tokens = on_tokens
        self._sleep = sleep
        self._device_name = device_name if device_name is not None else platform.node()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._rng = rng or random.Random()
        self._tokens: Tokens | None = None
        self._refresh_lock = asyncio.Lock()
        # Every refresh attempt bumps the round; a failed one leaves its error for the callers
        # that were waiting on it (see _refresh_shared).
        self._refresh_round = 0
        self._refresh_error: PortalError | None = None
        self._http = httpx.AsyncClient(
            base_url=self.base_url + API_PREFIX,
            transport=transport,
            timeout=timeout,
            follow_redirects=False,
            headers={
                "Accept": "application/json, application/problem+json",
                "Accept-Language": language,
                "User-Agent": user_agent(),
            },
        )

    # --- tokens -------------------------------------------------------------------------------

    @property
    def tokens(self) -> Tokens | None:
        return self._tokens

    def set_tokens(self, tokens: Tokens | None) -> None:
        """Replace the tokens without telling ``on_tokens`` (the caller already knows them)."""
        self._tokens = tokens

    def _store_tokens(self, tokens: Tokens | None) -> None:
        self._tokens = tokens
        if self._on_tokens is not None:
            self._on_tokens(tokens)

    def _drop_tokens(self) -> None:
        if self._tokens is not None:
            self._store_tokens(None)

    # --- public API ---------------------------------------------------------------------------

    async def portal_info(self) -> PortalInfo:
        """Check that the base URL is an Ouderportaal server; raises :class:`NotAPortal`."""
        try:
            response = await self._send("GET", "/portal", authenticated=False, retry=_Retry.SAFE)
        except ServerError as exc:
            if exc.code == "http_error":  # an error page that is not a problem document
                raise NotAPortal(f"{self.base_url} answered HTTP {exc.status}") from exc
            raise
        except ProblemResponse as exc:
            if exc.code.startswith("http_") or exc.status == 404:
                raise NotAPortal(f"{self.base_url} has no portal API") from exc
            raise
        try:
            return PortalInfo.from_json(response.json(), self.base_url)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NotAPortal(f"{self.base_url} is not an Ouderportaal server") from exc

    async def login(self, email: str, password: str) -> Tokens:
        body = {"email": email, "password": password, "device_name": self._device_name}
        response = await self._send(
            "POST", "/auth/login", json=body, authenticated=False, retry=_Retry.NEVER
        )
        tokens = self._parse(response, lambda data: Tokens.from_json(data, self._clock()))
        self._store_tokens(tokens)
        return tokens

    async def restore(self, refresh_token: str) -> Tokens:
        """Start from a remembered refresh token (e.g. from the keyring)."""
        async with self._refresh_lock:
            return await self._refresh_with(refresh_token)

    async def refresh(self) -> Tokens:
        async with self._refresh_lock:
            if self._tokens is None:
                raise SessionExpired(401, "session_expired", "not logged in")
            return await self._refresh_with(self._tokens.refresh_token)

    async def logout(self) -> None:
        """Revoke the session on the server; the local tokens are gone afterwards in any case.

        A session the server already considers ended counts as logged out. Any other failure
        (offline, server error) is raised after the tokens were dropped, so the caller can say
        that this computer is logged out but the server could not be told.
        """
        if self._tokens is None:
            return
        try:
            await self._send("POST", "/auth/logout", idempotency_key=_new_key(), retry=_Retry.NEVER)
        except SessionExpired:
            pass
        finally:
            self._drop_tokens()

    async def me(self) -> Profile:
        return self._parse(await self._send("GET", "/me"), Profile.from_json)

    async def policy(self) -> Policy:
        return self._parse(await self._send("GET", "/policy"), Policy.from_json)

    async def sessions(self) -> list[SessionInfo]:
        response = await self._send("GET", "/auth/sessions")
        return self._parse(response, lambda data: [SessionInfo.from_json(s) for s in data])

    async def end_session(self, session_id: str) -> None:
        await self._send("DELETE", f"/auth/sessions/{session_id}", idempotency_key=_new_key())

    # --- agenda -------------------------------------------------------------------------------

    async def agenda(self, first: date, last: date, cursor: str | None = None) -> Agenda | None:
        """The agenda of `first`..`last`; None when `cursor` is still current (keep the cache)."""
        params = {"from": first.isoformat(), "to": last.isoformat()}
        if cursor:
            params["cursor"] = cursor
        response = await self._send("GET", "/agenda?" + urlencode(params))
        data = self._parse(response, dict)
        if data.get("unchanged"):
            return None
        return self._parse(response, Agenda.from_json)

    async def report_absence(self, draft: AbsenceDraft, idempotency_key: str) -> list[Absence]:
        """Report absence; the caller's key makes a repeated delivery answer the first result."""
        response = await self._send("POST", "/absences", json=draft.to_json(),
                                    idempotency_key=idempotency_key)
        return self._parse(response, lambda data: [Absence.from_json(a)
                                                   for a in data["absences"]])

    async def absences(self) -> list[Absence]:
        response = await self._send("GET", "/absences")
        return self._parse(response, lambda data: [Absence.from_json(a)
                                                   for a in data["absences"]])

    async def undo_absence(self, absence_id: int) -> Absence:
        response = await self._send("DELETE", f"/absences/{absence_id}",
                                    idempotency_key=_new_key())
        return self._parse(response, Absence.from_json)

    async def credit(self) -> list[ChildCredit]:
        response = await self._send("GET", "/credit")
        return self._parse(response, lambda data: [ChildCredit.from_json(c)
                                                   for c in data["children"]])

    async def preview_extra_days(self, draft: ExtraDayDraft) -> ExtraDayPreview:
        """The cost of a request, computed by the server; nothing is stored."""
        response = await self._send("POST", "/extra-days/preview", json=draft.to_json(),
                                    retry=_Retry.SAFE)
        return self._parse(response, ExtraDayPreview.from_json)

    async def request_extra_days(self, draft: ExtraDayDraft) -> list[ExtraDayRequest]:
        response = await self._send("POST", "/extra-days", json=draft.to_json(),
                                    idempotency_key=_new_key())
        return self._parse(response, lambda data: [ExtraDayRequest.from_json(r)
                                                   for r in data["requests"]])

    async def extra_day_requests(self, status: str | None = None) -> list[ExtraDayRequest]:
        """The family's requests (parents) or their groups' (staff); `status` filters."""
        path = "/extra-days" + ("?" + urlencode({"status": status}) if status else "")
        response = await self._send("GET", path)
        return self._parse(response, lambda data: [ExtraDayRequest.from_json(r)
                                                   for r in data["requests"]])

    async def extra_day_capacity(self, request_id: int) -> list[CapacityDay]:
        """The group's free places on each requested day-part (staff and managers)."""
        response = await self._send("GET", f"/extra-days/{request_id}/capacity")
        return self._parse(response, lambda data: [CapacityDay.from_json(d)
                                                   for d in data["days"]])

    async def approve_extra_day(self, request_id: int) -> ExtraDayRequest:
        response = await self._send("POST", f"/extra-days/{request_id}/approve",
                                    idempotency_key=_new_key())
        return self._parse(response, ExtraDayRequest.from_json)

    async def reject_extra_day(self, request_id: int, reason: str) -> ExtraDayRequest:
        response = await self._send("POST", f"/extra-days/{request_id}/reject",
                                    json={"reason": reason}, idempotency_key=_new_key())
        return self._parse(response, ExtraDayRequest.from_json)

    async def withdraw_extra_day(self, request_id: int) -> ExtraDayRequest:
        response = await self._send("POST", f"/extra-days/{request_id}/withdraw",
                                    idempotency_key=_new_key())
        return self._parse(response, ExtraDayRequest.from_json)

    async def request_password_reset(self, email: str) -> None:
        await self._send(
            "POST",
            "/auth/password-reset",
            json={"email": email},
            authenticated=False,
            retry=_Retry.UNSENT,
        )

    async def confirm_password_reset(
        self, email: str, code: str, new_password: str, end_other_sessions: bool = True
    ) -> None:
        body = {
            "email": email,
            "code": code,
            "new_password": new_password,
            "end_other_sessions": end_other_sessions,
        }
        await self._send(
            "POST",
            "/auth/password-reset/confirm",
            json=body,
            authenticated=False,
            retry=_Retry.NEVER,
        )

    # --- finance ------------------------------------------------------------------------------

    async def finance(self, cursor: str | None = None) -> FinanceOverview | None:
        """Documents and tariffs; None when `cursor` is still current (keep the cache)."""
        path = "/finance" + ("?" + urlencode({"cursor": cursor}) if cursor else "")
        response = await self._send("GET", path)
        data = self._parse(response, dict)
        if data.get("unchanged"):
            return None
        return self._parse(response, FinanceOverview.from_json)

    @contextlib.asynccontextmanager
    async def document_stream(self, url: str, offset: int = 0) -> AsyncIterator[DocumentStream]:
        """Stream a document's PDF from byte `offset` on (a ``Range`` request when > 0).

        The stream says where its bytes start: a server that ignores the range answers 200 and
        the bytes start at 0 again. Errors are raised as for every other call; an expired
        access token is refreshed once.
        """
        path = url.removeprefix(API_PREFIX) if url.startswith(API_PREFIX + "/") else url
        refreshed = False
        while True:
            tokens = self._tokens
            if tokens is None:
                raise SessionExpired(401, "not_authenticated", "not logged in")
            if not refreshed and self._needs_refresh(tokens):
                await self._refresh_shared(tokens.access_token)
                refreshed = True
                continue
            headers = {"Authorization": f"Bearer {tokens.access_token}",
                       "Accept": "application/pdf"}
            if offset > 0:
                headers["Range"] = f"bytes={offset}-"
            request = self._http.build_request("GET", path, headers=headers)
            try:
                response = await self._http.send(request, stream=True)
            except httpx.TransportError as exc:
                raise classify_transport_error(exc) from exc
            try:
                if response.status_code == 401 and not refreshed:
                    await response.aread()
                    await self._refresh_shared(tokens.access_token)
                    refreshed = True
                    continue
                if response.status_code == 416:
                    # The partial file is already as long as (or longer than) the document.
                    await response.aread()
                    yield DocumentStream(offset, offset, _empty_chunks())
                    return
                if response.status_code >= 400:
                    await response.aread()
                    raise problem_from_response(response)
                start = offset if response.status_code == 206 else 0
                total = _content_total(response, start)
                yield DocumentStream(start, total, _chunks(response))
                return
            finally:
                await response.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> PortalClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # --- refresh ------------------------------------------------------------------------------

    async def _refresh_with(self, refresh_token: str) -> Tokens:
        """POST /auth/refresh; the caller holds the refresh lock."""
        self._refresh_round += 1
        self._refresh_error = None
        try:
            return await self._post_refresh(refresh_token)
        except PortalError as exc:
            self._refresh_error = exc
            raise

    async def _post_refresh(self, refresh_token: str) -> Tokens:
        try:
            response = await self._send(
                "POST",
                "/auth/refresh",
                json={"refresh_token": refresh_token},
                authenticated=False,
                retry=_Retry.UNSENT,
            )
        except ProblemResponse as exc:
            if exc.status >= 500 or exc.status == 429:
                raise  # the server could not decide; the token may still be good
            self._drop_tokens()
            raise SessionExpired(exc.status, exc.code, exc.detail, exc.extra) from exc
        tokens = self._parse(response, lambda data: Tokens.from_json(data, self._clock()))
        self._store_tokens(tokens)
        return tokens

    async def _refresh_shared(self, stale_access_token: str) -> None:
        """Refresh once for everyone who saw ``stale_access_token`` fail or expire.

        Callers that were waiting for a refresh that failed get its failure too, instead of
        each firing another refresh at a server that just failed (or that may have rotated
        the token already, so that the old one is dead).
        """
        # A refresh already running counts as "ours": its outcome is shared with this caller.
        round_seen = self._refresh_round - (1 if self._refresh_lock.locked() else 0)
        async with self._refresh_lock:
            current = self._tokens
            if current is None:
                raise SessionExpired(401, "session_expired", "the session has ended")
            if current.access_token != stale_access_token:
                return  # another caller refreshed while we waited for the lock
            if self._refresh_round != round_seen and self._refresh_error is not None:
                raise self._refresh_error
            await self._refresh_with(current.refresh_token)

    def _needs_refresh(self, tokens: Tokens) -> bool:
        return tokens.expires_at - REFRESH_MARGIN <= self._clock()

    # --- transport ----------------------------------------------------------------------------

    async def _send(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        authenticated: bool = True,
        idempotency_key: str | None = None,
        retry: _Retry | None = None,
    ) -> httpx.Response:
        if retry is None:
            retry = _Retry.SAFE if method == "GET" or idempotency_key else _Retry.NEVER
        attempt = 0
        refreshed = False
        while True:
            headers: dict[str, str] = {}
            access_token = None
            if authenticated:
                tokens = self._tokens
                if tokens is None:
                    raise SessionExpired(401, "not_authenticated", "not logged in")
                if not refreshed and self._needs_refresh(tokens):
                    await self._refresh_shared(tokens.access_token)
                    refreshed = True
                    tokens = self._tokens
                    assert tokens is not None  # a failed refresh raised
                access_token = tokens.access_token
                headers["Authorization"] = f"Bearer {access_token}"
            if idempotency_key is not None:
                headers["Idempotency-Key"] = idempotency_key

            try:
                response = await self._http.request(method, path, json=json, headers=headers)
            except httpx.TransportError as exc:
                problem = classify_transport_error(exc)
                if attempt < self._max_retries and _may_retry_transport(retry, exc, problem):
                    delay = self._backoff(attempt)
                    log.info(
                        "%s %s failed (%s); retry in %.1f s",
                        method,
                        path,
                        type(problem).__name__,
                        delay,
                    )
                    await self._sleep(delay)
                    attempt += 1
                    continue
                raise problem from exc
            except httpx.RequestError as exc:
                # An answer that cannot be decoded (broken compression, too many redirects):
                # the server (or a proxy in between) misbehaves. There is no status to report.
                raise ServerError(0, "invalid_response", f"{method} {path}: {exc}") from exc

            status = response.status_code
            log.debug("%s %s -> %d", method, path, status)
            if status == 401 and access_token is not None and not refreshed:
                # An expired (or otherwise refused) access token: one refresh decides whether
                # the session is still alive. A failed refresh raises SessionExpired.
                await response.aread()
                await self._refresh_shared(access_token)
                refreshed = True
                continue
            if status in _RETRY_STATUSES and retry is _Retry.SAFE and attempt < self._max_retries:
                delay = self._retry_delay(response, attempt)
                if delay is not None:
                    await response.aread()
                    log.info("%s %s answered %d; retry in %.1f s", method, path, status, delay)
                    await self._sleep(delay)
                    attempt += 1
                    continue
            if status >= 400:
                await response.aread()
                problem = problem_from_response(response)
                if access_token is not None and isinstance(problem, SessionExpired):
                    self._drop_tokens()  # even fresh tokens are refused: the session is over
                raise problem
            if 300 <= status < 400:
                raise ServerError(status, "http_error", f"unexpected redirect (HTTP {status})")
            return response

    def _backoff(self, attempt: int) -> float:
        # Exponential with jitter: many clients coming back online must not retry in lockstep.
        base = min(0.5 * 2**attempt, 8.0)
        return base * (1 - 0.25 * self._rng.random())

    def _retry_delay(self, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when the server asks for too long a wait."""
        requested = _retry_after_seconds(response, self._clock())
        if requested is None:
            return self._backoff(attempt)
        if requested > MAX_RETRY_AFTER:
            return None  # let the caller tell the user when to try again
        return requested

    def _parse(self, response: httpx.Response, build: Callable[[Any], Any]) -> Any:
        try:
            return build(response.json())
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ServerError(
                response.status_code,
                "invalid_response",
                f"unexpected answer to {response.request.method} {response.request.url.path}",
            ) from exc


@dataclass(frozen=True)
class DocumentStream:
    """The bytes of a document from byte ``start`` on; ``total`` is the whole file's size (or
    None when the server did not say)."""

    start: int
    total: int | None
    chunks: AsyncIterator[bytes]


async def _chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_bytes():
            yield chunk
    except httpx.TransportError as exc:
        raise classify_transport_error(exc) from exc


async def _empty_chunks() -> AsyncIterator[bytes]:
    return
    yield b""  # pragma: no cover - makes this an async generator


def _content_total(response: httpx.Response, start: int) -> int | None:
    content_range = response.headers.get("content-range", "")
    if "/" in content_range:
        total = content_range.rsplit("/", 1)[1].strip()
        return int(total) if total.isdigit() else None
    length = response.headers.get("content-length", "")
    return start + int(length) if length.isdigit() else None


def _new_key() -> str:
    return str(uuid.uuid4())


def _may_retry_transport(
    retry: _Retry, exc: httpx.TransportError, problem: ConnectionProblem
) -> bool:
    if isinstance(problem, CertificateProblem | UnknownHost):
        return False  # repeating cannot help: the user must fix the address or the network
    if retry is _Retry.SAFE:
        return True
    if retry is _Retry.UNSENT:
        return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
    return False


def _retry_after_seconds(response: httpx.Response, now: datetime) -> float | None:
    header = response.headers.get("retry-after")
    if header is None:
        return None
    header = header.strip()
    if header.isdigit():
        return float(header)
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
