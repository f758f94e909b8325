"""The typed errors the portal client raises.

Everything the client raises derives from :class:`PortalError`, so callers can route expected
failures to a translated message and treat anything else as a bug. Two families:

* :class:`ConnectionProblem` — no HTTP answer at all. The subclass says *why* (network down,
  unknown host name, refused, timeout, certificate), found by walking the exception chain of the
  transport error down to the operating system's error.
* :class:`ProblemResponse` — the server answered with an error (``application/problem+json``
  per docs/api.md); the subclass follows the stable ``code``.
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the errors are imported at start; httpx only with the first client
    import httpx

__all__ = [
    "AccountDisabled",
    "AccountExpired",
    "CertificateProblem",
    "ConnectionProblem",
    "Forbidden",
    "InvalidCredentials",
    "NoInternet",
    "NotAPortal",
    "NotFound",
    "PasswordRejected",
    "PortalError",
    "PortalUnavailable",
    "ProblemResponse",
    "RequestTimeout",
    "ResetCodeInvalid",
    "RuleViolation",
    "ServerError",
    "ServerUnreachable",
    "SessionExpired",
    "TooManyAttempts",
    "TwoFactorRequired",
    "TwoFactorSetupRequired",
    "UnknownHost",
    "classify_transport_error",
    "problem_from_response",
]


class PortalError(Exception):
    """Base of every error the portal client raises."""


# --- no HTTP answer ---------------------------------------------------------------------------


class ConnectionProblem(PortalError):
    """The server gave no HTTP answer."""


class NoInternet(ConnectionProblem):
    """The network is down or name resolution is temporarily failing."""


class UnknownHost(ConnectionProblem):
    """The host name does not exist — most likely a typo in the organisation field."""


class ServerUnreachable(ConnectionProblem):
    """The host exists but refused, reset or could not be routed to."""


class RequestTimeout(ConnectionProblem):
    """The server did not answer in time."""


class CertificateProblem(ConnectionProblem):
    """TLS failed (certificate not trusted, wrong host, expired, or no TLS at all)."""


# --- an HTTP answer, but not the right one ----------------------------------------------------


class NotAPortal(PortalError):
    """Something answered, but it is not an Ouderportaal server."""


class ProblemResponse(PortalError):
    """The portal answered with an error (``application/problem+json``).

    ``status`` is the HTTP status, ``code`` the stable machine code, ``detail`` the server's
    human text (Dutch or English) and ``extra`` any further members of the problem body.
    """

    def __init__(
        self, status: int, code: str, detail: str = "", extra: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(f"{status} {code}: {detail}" if detail else f"{status} {code}")
        self.status = status
        self.code = code
        self.detail = detail
        self.extra: dict[str, Any] = dict(extra or {})


class InvalidCredentials(ProblemResponse):
    """Wrong e-mail address or password (the server never says which)."""


class TooManyAttempts(ProblemResponse):
    """Throttled; ``retry_after`` is the number of seconds to wait (0 when unknown)."""

    def __init__(
        self, status: int, code: str, detail: str = "", extra: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(status, code, detail, extra)
        self.retry_after = _non_negative_int(self.extra.get("retry_after"))


class AccountExpired(ProblemResponse):
    """Access ended (the family's last contract ended too long ago); ``access_ended_on``."""

    def __init__(
        self, status: int, code: str, detail: str = "", extra: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(status, code, detail, extra)
        self.access_ended_on = _date_or_none(self.extra.get("access_ended_on"))


class AccountDisabled(ProblemResponse):
    """The organisation disabled this account."""


class SessionExpired(ProblemResponse):
    """The login is no longer valid and refreshing cannot fix it: the user must log in again.

    ``code`` says why: ``session_expired``/``not_authenticated`` (ended, revoked, or logged out
    elsewhere), or — when the server refused a token refresh for that reason —
    ``account_expired`` (``extra["access_ended_on"]``) or ``account_disabled``.
    """


class Forbidden(ProblemResponse):
    """The role may not do this, or the object belongs to another family or group."""


class NotFound(ProblemResponse):
    """No such object (also for objects the user may not see)."""


class PasswordRejected(ProblemResponse):
    """The new password breaks the policy; ``reason`` is too_short, too_long or too_common."""

    def __init__(
        self, status: int, code: str, detail: str = "", extra: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(status, code, detail, extra)
        reason = self.extra.get("reason")
        self.reason = reason if isinstance(reason, str) else ""


class ResetCodeInvalid(ProblemResponse):
    """The reset code is wrong, used or expired, or too many wrong codes were tried."""


class _LoginChallenge(ProblemResponse):
    """The password was right and the login goes on with ``challenge`` in its place."""

    def __init__(
        self, status: int, code: str, detail: str = "", extra: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(status, code, detail, extra)
        challenge = self.extra.get("challenge")
        self.challenge = challenge if isinstance(challenge, str) else ""


class TwoFactorRequired(_LoginChallenge):
    """The password was right and the account logs in with a code too: send it with
    ``challenge`` (docs/api.md, "Two-factor login")."""


class TwoFactorSetupRequired(_LoginChallenge):
    """The password was right, but the organisation requires this manager to log in with a
    code and it is not set up: set it up with ``challenge`` first (docs/api.md, "Required for
    managers")."""


class RuleViolation(ProblemResponse):
    """Any other refusal (4xx): validation errors and domain rules; ``detail`` explains it."""


class ServerError(ProblemResponse):
    """The server failed (5xx) or answered with something that is not a problem document.

    ``code`` is the server's code, ``http_error`` for an error page without one, or
    ``invalid_response`` for an answer the client cannot read (``status`` 0 when even the
    HTTP body could not be decoded).
    """


class PortalUnavailable(ServerError):
    """The portal — or the proxy in front of it — is temporarily unavailable (502, 503, 504:
    maintenance, overload, a restart). ``retry_after`` is the number of seconds it asked to
    wait (0 when it did not say)."""

    def __init__(
        self, status: int, code: str, detail: str = "", extra: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(status, code, detail, extra)
        self.retry_after = _non_negative_int(self.extra.get("retry_after"))


#: Statuses that say "not now" rather than "this went wrong".
_UNAVAILABLE = frozenset({502, 503, 504})

_BY_CODE: dict[str, type[ProblemResponse]] = {
    "invalid_credentials": InvalidCredentials,
    "too_many_attempts": TooManyAttempts,
    "rate_limited": TooManyAttempts,
    "account_expired": AccountExpired,
    "account_disabled": AccountDisabled,
    "not_authenticated": SessionExpired,
    "token_expired": SessionExpired,
    "session_expired": SessionExpired,
    "forbidden": Forbidden,
    "not_found": NotFound,
    "password_policy": PasswordRejected,
    "reset_code_invalid": ResetCodeInvalid,
    "two_factor_required": TwoFactorRequired,
    "two_factor_setup_required": TwoFactorSetupRequired,
    "internal_error": ServerError,
}

_BY_STATUS: dict[int, type[ProblemResponse]] = {
    401: SessionExpired,
    403: Forbidden,
    404: NotFound,
    429: TooManyAttempts,
}


def problem_from_response(response: httpx.Response) -> ProblemResponse:
    """Build the typed error for an error response (status >= 400)."""
    status = response.status_code
    body = _json_object(response)
    code = body.get("code") if body is not None else None
    if status in _UNAVAILABLE:
        # Whatever the body: often a proxy's HTML page, sometimes the portal's own problem.
        usable = isinstance(code, str) and bool(code)
        return PortalUnavailable(status, code if usable else "http_error",
                                 _text(body.get("detail")) if body else _reason(response),
                                 _extra(body or {}, response))
    if body is None or not isinstance(code, str) or not code:
        if status >= 500 or body is None:
            return ServerError(status, "http_error", _reason(response))
        cls = _BY_STATUS.get(status, RuleViolation)
        return cls(status, f"http_{status}", _text(body.get("detail")), _extra(body, response))

    if status >= 500:
        cls = ServerError
    else:
        cls = _BY_CODE.get(code, RuleViolation)
    return cls(status, code, _text(body.get("detail")), _extra(body, response))


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in ("application/problem+json", "application/json"):
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _extra(body: Mapping[str, Any], response: httpx.Response) -> dict[str, Any]:
    standard = ("type", "title", "status", "code", "detail", "instance")
    extra = {k: v for k, v in body.items() if k not in standard}
    if "retry_after" not in extra:
        seconds = _retry_after_header(response)
        if seconds is not None:
            extra["retry_after"] = seconds
    return extra


def _retry_after_header(response: httpx.Response) -> int | None:
    """``Retry-After`` in seconds: a number, or an HTTP date (counted from the answer's own
    ``Date``, so a wrong clock on this computer does not matter)."""
    header = response.headers.get("retry-after", "").strip()
    if header.isdigit():
        return int(header)
    try:
        when = parsedate_to_datetime(header)
        sent = parsedate_to_datetime(response.headers.get("date", ""))
    except (TypeError, ValueError):
        try:
            when, sent = parsedate_to_datetime(header), datetime.now(UTC)
        except (TypeError, ValueError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if sent.tzinfo is None:
        sent = sent.replace(tzinfo=UTC)
    return max(0, round((when - sent).total_seconds()))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _reason(response: httpx.Response) -> str:
    return response.reason_phrase or f"HTTP {response.status_code}"


def _non_negative_int(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int | float):
        return max(0, int(value))
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return 0


def _date_or_none(value: object) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


# --- transport errors -------------------------------------------------------------------------

# Name resolution: "does not exist" versus "could not ask right now".
_UNKNOWN_NAME = {getattr(socket, n) for n in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, n)}
_NETWORK_DOWN = {getattr(errno, n) for n in ("ENETUNREACH", "ENETDOWN") if hasattr(errno, n)}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def classify_transport_error(exc: BaseException) -> ConnectionProblem:
    """Map an ``httpx.TransportError`` (or any exception chain) to its real cause.

    httpx's wrappers (``ConnectError``) say little; the ``socket.gaierror``, ``ssl`` or
    ``OSError`` further down the ``__cause__``/``__context__`` chain says what the user must fix.
    """
    import httpx  # loaded already: only a request that was sent can have failed

    message = str(exc) or type(exc).__name__
    for cause in _chain(exc):
        if isinstance(cause, ssl.SSLError | ssl.CertificateError):
            return CertificateProblem(message)
        if isinstance(cause, socket.gaierror):
            if cause.errno in _UNKNOWN_NAME:
                return UnknownHost(message)
            return NoInternet(message)
        if isinstance(cause, TimeoutError | httpx.TimeoutException):
            return RequestTimeout(message)
        if isinstance(cause, ConnectionError):  # refused, reset, aborted, broken pipe
            return ServerUnreachable(message)
        if isinstance(cause, OSError) and cause.errno in _NETWORK_DOWN:
            return NoInternet(message)
    return ServerUnreachable(message)
