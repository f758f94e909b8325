"""The transport core of the portal client: one send loop for every request of every group.

Plain Python over one ``httpx.AsyncClient``: explicit timeouts, the bearer token with its one
shared silent refresh (:mod:`desktop.api.core.tokens`), retries with jittered exponential
backoff that honour ``Retry-After`` (:mod:`desktop.api.core.retry` says what may be repeated),
``Idempotency-Key`` headers, problem documents turned into typed errors
(:mod:`desktop.api.core.errors`), and streaming downloads (``Range``, resumable) that go through
the same loop. Every request's outcome — the portal answered, or could not be reached — goes to
one ``on_outcome`` callback, so the app's connection indicator follows every request rather than
the one a particular service happens to make. The endpoint groups
(``desktop/api/<group>/endpoints.py``) only say which path to call and which record to build: a
new feature adds a group, never a change here.

It is one piece (a little over 400 lines) because the send loop, the downloads, the uploads
with progress and the event stream (``stream``) must share one refresh and one retry policy:
split, a streamed request would need the loop's internals anyway.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import random
import ssl
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from desktop.api.core.address import portal_base_url
from desktop.api.core.body import ProgressBody
from desktop.api.core.connections import ClosingTransport
from desktop.api.core.errors import (
    ConnectionProblem,
    ProblemResponse,
    ServerError,
    SessionExpired,
    classify_transport_error,
    problem_from_response,
)
from desktop.api.core.retry import (
    LOST_REFRESH_ATTEMPTS,
    LOST_REFRESH_WINDOW,
    MAX_RETRY_AFTER,
    RETRY_STATUSES,
    UNAVAILABLE_STATUSES,
    Retry,
    answer_lost,
    backoff,
    may_retry_transport,
    retry_after_seconds,
)
from desktop.api.core.tokens import TokenKeeper, Tokens
from desktop.api.core.version import app_version

__all__ = ["API_PREFIX", "DEFAULT_TIMEOUT", "Download", "Retry", "Transport",
           "new_idempotency_key", "tls_context", "user_agent"]

# Only methods, paths, statuses and error kinds are logged: never a body, header or token.
log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)


@functools.cache
def user_agent() -> str:
    return f"Ouderportaal-Desktop/{app_version()}"


@functools.cache
def tls_context() -> ssl.SSLContext:
    """How every client of this process verifies the portal: httpx's defaults, built once.

    Loading the CA certificates takes 20–70 ms, and each ``httpx.AsyncClient`` made without a
    context loads them again; a context may be shared by any number of clients.
    """
    return httpx.create_ssl_context()


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Download:
    """The bytes of a file from byte ``start`` on; ``total`` is the whole file's size (or None
    when the server did not say)."""

    start: int
    total: int | None
    chunks: AsyncIterator[bytes]


class Transport:
    """Talks to one portal for one account; the endpoint groups share one instance.

    ``on_tokens`` is called with the new :class:`Tokens` after every login, restore and refresh
    (so the caller can persist the rotated refresh token) and with ``None`` when the tokens are
    gone (logout, or a refresh the server refused). ``on_outcome(reached)`` hears the end of
    every request: True when the portal answered (even with a refusal), False when there was no
    answer, or only a gateway's "unavailable" (502/503/504), after the retries.
    """

    def __init__(
        self,
        base_url: str,
        *,
        http_transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        language: str = "nl",
        on_tokens: Callable[[Tokens | None], None] | None = None,
        on_outcome: Callable[[bool], None] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        # Raises InsecureAddress for http:// on anything but loopback.
        self.base_url = portal_base_url(base_url)
        self._on_outcome = on_outcome or (lambda _reached: None)
        self._max_retries = max(0, max_retries)
        self._sleep = sleep
        self._clock = clock or (lambda: datetime.now(UTC))
        self._rng = rng or random.Random()
        self._tokens = TokenKeeper(self._exchange, self._clock, on_tokens)
        self._http = httpx.AsyncClient(
            base_url=self.base_url + API_PREFIX,
            # A test's transport has no TLS: do not load the certificates for it.
            transport=http_transport or ClosingTransport(verify=tls_context()),
            timeout=timeout,
            follow_redirects=False,
            headers={
                "Accept": "application/json, application/problem+json",
                "Accept-Language": language,
                "User-Agent": user_agent(),
            },
        )

    def now(self) -> datetime:
        return self._clock()

    # --- tokens -------------------------------------------------------------------------------

    @property
    def tokens(self) -> Tokens | None:
        return self._tokens.tokens

    def set_tokens(self, tokens: Tokens | None) -> None:
        """Replace the tokens without telling ``on_tokens`` (the caller already knows them)."""
        self._tokens.set(tokens)

    def store_tokens(self, tokens: Tokens | None) -> None:
        self._tokens.store(tokens)

    def drop_tokens(self) -> None:
        self._tokens.drop()

    async def restore(self, refresh_token: str) -> Tokens:
        return await self._tokens.restore(refresh_token)

    async def refresh(self) -> Tokens:
        return await self._tokens.refresh()

    async def _exchange(self, refresh_token: str) -> Tokens:
        """POST /auth/refresh: the silent refresh every request relies on, so it is the core's.

        A lost answer is retried with the same token inside ``retry.LOST_REFRESH_WINDOW``; only a
        refusal of the token ends the session.
        """
        started = self._clock()
        attempt = 0
        while True:
            try:
                response = await self._send(
                    "POST",
                    "/auth/refresh",
                    json={"refresh_token": refresh_token},
                    authenticated=False,
                    retry=Retry.UNSENT,
                )
            except ProblemResponse as exc:
                if exc.status >= 500 or exc.status == 429:
                    raise  # the server could not decide; the token may still be good
                self._tokens.drop()
                raise SessionExpired(exc.status, exc.code, exc.detail, exc.extra) from exc
            except ConnectionProblem as exc:
                # Offline for now, in the end: the tokens stay, a later request tries again.
                if not answer_lost(exc) or attempt >= LOST_REFRESH_ATTEMPTS:
                    raise
                delay = backoff(attempt, self._rng)
                log.info("refresh answer lost (%s); again with the same token in %.1f s",
                         type(exc).__name__, delay)
                await self._sleep(delay)
                if self._clock() - started >= LOST_REFRESH_WINDOW:
                    raise
                attempt += 1
                continue
            return self.parse(response, lambda data: Tokens.from_json(data, self._clock()))

    # --- requests -----------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | ProgressBody | None = None,
        content_type: str | None = None,
        authenticated: bool = True,
        idempotency_key: str | None = None,
        retry: Retry | None = None,
    ) -> httpx.Response:
        """Send one request (refreshing, retrying as allowed); raises the typed errors.
        ``content``: a file's bytes as the body (an upload) instead of ``json``, or a
        :class:`ProgressBody`, sent as ``content_type`` (``application/octet-stream`` when not
        given)."""
        headers = {"Content-Type": content_type} if content_type else {}
        if isinstance(content, ProgressBody):  # sent in chunks, but not chunked: size known
            headers["Content-Length"] = str(len(content))
        return await self._send(method, path, json=json, content=content, headers=headers,
                                authenticated=authenticated, idempotency_key=idempotency_key,
                                retry=retry)

    def parse(self, response: httpx.Response, build: Callable[[Any], Any]) -> Any:
        """``build(response.json())``; an answer that does not fit is a ``ServerError``."""
        try:
            return build(response.json())
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ServerError(
                response.status_code,
                "invalid_response",
                f"unexpected answer to {response.request.method} {response.request.url.path}",
            ) from exc

    @contextlib.asynccontextmanager
    async def download(self, path: str, offset: int = 0, *,
                       accept: str = "application/octet-stream") -> AsyncIterator[Download]:
        """Stream the file at ``path`` from byte ``offset`` on (a ``Range`` request when > 0).

        The download says where its bytes start: a server that ignores the range answers 200
        and the bytes start at 0 again. Refresh, retries and errors are those of every request.
        """
        path = path.removeprefix(API_PREFIX) if path.startswith(API_PREFIX + "/") else path
        headers = {"Accept": accept}
        if offset > 0:
            headers["Range"] = f"bytes={offset}-"
        response = await self._send("GET", path, headers=headers, stream=True,
                                    passthrough=(416,))
        chunks = _empty_chunks()
        try:
            if response.status_code == 416:
                # The partial file is already as long as (or longer than) the whole file.
                await response.aread()
                yield Download(offset, offset, chunks)
                return
            start = offset if response.status_code == 206 else 0
            chunks = _chunks(response, self._on_outcome)
            yield Download(start, _content_total(response, start), chunks)
        finally:
            # A caller that stopped reading (the disk refused a chunk) leaves the generator
            # suspended: closed here, on the loop, after the connection it reads from, rather
            # than by the garbage collector outside any loop.
            await response.aclose()
            await chunks.aclose()

    @contextlib.asynccontextmanager
    async def stream(self, path: str, headers: Mapping[str, str],
                     read_timeout: float) -> AsyncIterator[httpx.Response]:
        """A long-lived streamed GET (the event stream): token, refresh and errors as for
        every request; it may stay quiet up to ``read_timeout`` seconds between chunks."""
        response = await self._send("GET", path, headers=headers, stream=True,
                                    timeout=httpx.Timeout(DEFAULT_TIMEOUT.connect or 5.0,
                                                          read=read_timeout))
        try:
            yield response
        finally:
            await response.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- the send loop ------------------------------------------------------------------------

    async def _send(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | ProgressBody | None = None,
        headers: Mapping[str, str] | None = None,
        authenticated: bool = True,
        idempotency_key: str | None = None,
        retry: Retry | None = None,
        stream: bool = False,
        passthrough: Collection[int] = (),
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response:
        """The one loop every request goes through. ``stream``: the body is left unread (the
        caller closes the response); ``passthrough``: error statuses the caller handles."""
        if retry is None:
            retry = Retry.SAFE if method == "GET" or idempotency_key else Retry.NEVER
        attempt = 0
        refreshed = False
        while True:
            request_headers = dict(headers or {})
            access_token = None
            if authenticated:
                tokens = self._tokens.tokens
                if tokens is None:
                    raise SessionExpired(401, "not_authenticated", "not logged in")
                if not refreshed and self._tokens.needs_refresh(tokens):
                    await self._tokens.refresh_shared(tokens.access_token)
                    refreshed = True
                    tokens = self._tokens.tokens
                    assert tokens is not None  # a failed refresh raised
                access_token = tokens.access_token
                request_headers["Authorization"] = f"Bearer {access_token}"
            if idempotency_key is not None:
                request_headers["Idempotency-Key"] = idempotency_key

            if content is not None:
                request_headers.setdefault("Content-Type", "application/octet-stream")
            request = self._http.build_request(method, path, json=json, content=content,
                                               headers=request_headers,
                                               **({"timeout": timeout} if timeout else {}))
            try:
                response = await self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                problem = classify_transport_error(exc)
                if attempt < self._max_retries and may_retry_transport(retry, exc, problem):
                    delay = backoff(attempt, self._rng)
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
                self._on_outcome(False)
                raise problem from exc
            except httpx.RequestError as exc:
                # An answer that cannot be decoded (broken compression, too many redirects):
                # the server (or a proxy in between) misbehaves. There is no status to report.
                raise ServerError(0, "invalid_response", f"{method} {path}: {exc}") from exc

            status = response.status_code
            log.debug("%s %s -> %d", method, path, status)
            self._on_outcome(status not in UNAVAILABLE_STATUSES)
            if status == 401 and access_token is not None and not refreshed:
                # An expired (or otherwise refused) access token: one refresh decides whether
                # the session is still alive. A failed refresh raises SessionExpired.
                await _finish(response)
                await self._tokens.refresh_shared(access_token)
                refreshed = True
                continue
            if status in RETRY_STATUSES and retry is Retry.SAFE and attempt < self._max_retries:
                delay = self._retry_delay(response, attempt)
                if delay is not None:
                    await _finish(response)
                    log.info("%s %s answered %d; retry in %.1f s", method, path, status, delay)
                    await self._sleep(delay)
                    attempt += 1
                    continue
            if status in passthrough:
                return response
            if status >= 400:
                await _finish(response)
                problem = problem_from_response(response)
                if access_token is not None and isinstance(problem, SessionExpired):
                    self._tokens.drop()  # even fresh tokens are refused: the session is over
                raise problem
            if 300 <= status < 400:
                await _finish(response)
                raise ServerError(status, "http_error", f"unexpected redirect (HTTP {status})")
            return response

    def _retry_delay(self, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when the server asks for too long a wait."""
        requested = retry_after_seconds(response, self._clock())
        if requested is None:
            return backoff(attempt, self._rng)
        if requested > MAX_RETRY_AFTER:
            return None  # let the caller tell the user when to try again
        return requested


async def _finish(response: httpx.Response) -> None:
    """Read what is left of the body (the error document) and release the connection."""
    await response.aread()
    await response.aclose()


async def _chunks(response: httpx.Response,
                  on_outcome: Callable[[bool], None]) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_bytes():
            yield chunk
    except httpx.TransportError as exc:
        on_outcome(False)
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
