"""Every error code of docs/api.md, and every kind of missing answer, becomes its own error."""

from __future__ import annotations

import asyncio
import errno
import socket
import ssl
from datetime import date

import httpx
import pytest

from desktop.api.client import PortalClient
from desktop.api.core.errors import (
    AccountDisabled,
    AccountExpired,
    CertificateProblem,
    ConnectionProblem,
    Forbidden,
    InvalidCredentials,
    NoInternet,
    NotFound,
    PasswordRejected,
    PortalError,
    ProblemResponse,
    RequestTimeout,
    ResetCodeInvalid,
    RuleViolation,
    ServerError,
    ServerUnreachable,
    SessionExpired,
    TooManyAttempts,
    UnknownHost,
    classify_transport_error,
)

# (status, code, extra members, expected error class)
CODES = [
    (
        422,
        "validation_error",
        {"errors": [{"field": "email", "message": "required"}]},
        RuleViolation,
    ),
    (401, "invalid_credentials", {}, InvalidCredentials),
    (429, "too_many_attempts", {"retry_after": 64}, TooManyAttempts),
    (403, "account_expired", {"access_ended_on": "2025-06-30"}, AccountExpired),
    (403, "account_disabled", {}, AccountDisabled),
    (401, "not_authenticated", {}, SessionExpired),
    (401, "token_expired", {}, SessionExpired),
    (401, "session_expired", {}, SessionExpired),
    (403, "forbidden", {}, Forbidden),
    (404, "not_found", {}, NotFound),
    (422, "password_policy", {"reason": "too_common"}, PasswordRejected),
    (400, "reset_code_invalid", {}, ResetCodeInvalid),
    (422, "idempotency_key_reused", {}, RuleViolation),
    (429, "rate_limited", {"retry_after": 45}, TooManyAttempts),
    (500, "internal_error", {"reference": "a1b2c3"}, ServerError),
    (409, "extra_day_full", {}, RuleViolation),  # a future domain rule
]


@pytest.mark.parametrize(("status", "code", "extra", "error"), CODES, ids=[c[1] for c in CODES])
async def test_each_problem_code_maps_to_its_error(
    client, portal, status, code, extra, error
) -> None:
    detail = f"Uitleg bij {code}."
    portal.route(
        "POST",
        "/auth/password-reset/confirm",
        lambda r: portal.problem(status, code, detail, **extra),
    )
    with pytest.raises(error) as caught:
        await client.auth.confirm_password_reset("a@b.nl", "K7MQ-29XP", "een-nieuw-wachtwoord")
    problem = caught.value
    assert type(problem) is error
    assert isinstance(problem, ProblemResponse)
    assert isinstance(problem, PortalError)
    assert (problem.status, problem.code, problem.detail) == (status, code, detail)
    assert problem.extra == extra


async def test_error_details_are_readable(client, portal) -> None:
    def answer(code: str, **extra):
        portal.route("POST", "/auth/login", lambda r: portal.problem(403, code, **extra))

    answer("account_expired", access_ended_on="2025-06-30")
    with pytest.raises(AccountExpired) as expired:
        await client.auth.login("mark.bakker@voorbeeld.nl", "zonnebloem-demo")
    assert expired.value.access_ended_on == date(2025, 6, 30)

    answer("account_expired")
    with pytest.raises(AccountExpired) as unknown_date:
        await client.auth.login("mark.bakker@voorbeeld.nl", "zonnebloem-demo")
    assert unknown_date.value.access_ended_on is None

    portal.route(
        "POST",
        "/auth/login",
        lambda r: portal.problem(429, "too_many_attempts", headers={"Retry-After": "128"}),
    )
    with pytest.raises(TooManyAttempts) as throttled:
        await client.auth.login("sanne.devries@voorbeeld.nl", "fout")
    assert throttled.value.retry_after == 128  # from the header when the body lacks it

    portal.route(
        "POST",
        "/auth/password-reset/confirm",
        lambda r: portal.problem(422, "password_policy", reason="too_short"),
    )
    with pytest.raises(PasswordRejected) as rejected:
        await client.auth.confirm_password_reset("a@b.nl", "K7MQ-29XP", "kort")
    assert rejected.value.reason == "too_short"


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(500, html="<h1>Internal Server Error</h1>"),
        httpx.Response(400, text="bad request"),
        httpx.Response(500, json={"unexpected": True}),
        httpx.Response(
            503,
            json={"code": "maintenance", "detail": "Onderhoud tot 22:00."},
            headers={"content-type": "application/problem+json"},
        ),
    ],
    ids=["html-500", "text-400", "json-500", "problem-503"],
)
async def test_other_failures_are_server_errors(logged_in, portal, answer) -> None:
    portal.route("GET", "/me", lambda r: answer)
    with pytest.raises(ServerError):
        await logged_in.profile.me()


async def test_a_malformed_answer_is_a_server_error(logged_in, portal) -> None:
    portal.route("GET", "/me", lambda r: httpx.Response(200, json={"user": {"id": "drie"}}))
    with pytest.raises(ServerError) as caught:
        await logged_in.profile.me()
    assert caught.value.code == "invalid_response"


async def test_problem_without_code_falls_back_on_the_status(logged_in, portal) -> None:
    portal.route(
        "GET",
        "/me",
        lambda r: httpx.Response(
            403, json={"title": "Forbidden"}, headers={"content-type": "application/problem+json"}
        ),
    )
    with pytest.raises(Forbidden):
        await logged_in.profile.me()


# --- transport errors, classified by their real cause -----------------------------------------


def wrapped(
    cause: BaseException,
    wrapper: type[httpx.TransportError] = httpx.ConnectError,
    via_context: bool = False,
) -> httpx.TransportError:
    error = wrapper("request failed")
    middle = OSError("connect failed")  # as anyio/httpcore add a layer in between
    if via_context:
        middle.__context__ = cause
    else:
        middle.__cause__ = cause
    error.__cause__ = middle
    return error


CAUSES = [
    (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), UnknownHost),
    (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), NoInternet),
    (ssl.SSLCertVerificationError(1, "certificate verify failed: self-signed"), CertificateProblem),
    (ssl.SSLError(1, "wrong version number"), CertificateProblem),
    (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), ServerUnreachable),
    (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), ServerUnreachable),
    (OSError(errno.ENETUNREACH, "Network is unreachable"), NoInternet),
    (OSError(errno.ENETDOWN, "Network is down"), NoInternet),
    (OSError(errno.EHOSTUNREACH, "No route to host"), ServerUnreachable),
    (TimeoutError("timed out"), RequestTimeout),
]
if hasattr(socket, "EAI_NODATA"):
    CAUSES.append((socket.gaierror(socket.EAI_NODATA, "No address associated"), UnknownHost))


@pytest.mark.parametrize("via_context", [False, True], ids=["cause", "context"])
@pytest.mark.parametrize(
    ("cause", "expected"), CAUSES, ids=[type(c).__name__ + str(c.args[0]) for c, _ in CAUSES]
)
def test_transport_errors_are_classified_by_cause(cause, expected, via_context) -> None:
    problem = classify_transport_error(wrapped(cause, via_context=via_context))
    assert type(problem) is expected
    assert isinstance(problem, ConnectionProblem)


@pytest.mark.parametrize(
    "timeout", [httpx.ConnectTimeout, httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout]
)
def test_httpx_timeouts_are_request_timeouts(timeout) -> None:
    assert type(classify_transport_error(timeout("timed out"))) is RequestTimeout


def test_unknown_transport_failures_count_as_unreachable() -> None:
    error = httpx.RemoteProtocolError("Server disconnected without sending a response.")
    assert type(classify_transport_error(error)) is ServerUnreachable


# --- real sockets on loopback -----------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_real_refused_connection_is_server_unreachable() -> None:
    async def no_sleep(delay: float) -> None:
        return None

    async with PortalClient(f"http://127.0.0.1:{closed_port()}", sleep=no_sleep) as client:
        with pytest.raises(ServerUnreachable):
            await client.portal.info()


async def test_real_plain_server_on_https_is_a_certificate_problem() -> None:
    async def plain_http(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1024)  # the TLS hello; answer in plain text, as an http server does
        writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(plain_http, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with PortalClient(f"https://127.0.0.1:{port}", max_retries=0) as client:
            with pytest.raises(CertificateProblem):
                await client.portal.info()
    finally:
        server.close()
        await server.wait_closed()


async def test_real_silent_server_is_a_timeout() -> None:
    connected = asyncio.Event()
    release = asyncio.Event()

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connected.set()
        await release.wait()
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with PortalClient(
            f"http://127.0.0.1:{port}", max_retries=0, timeout=httpx.Timeout(0.2)
        ) as client:
            with pytest.raises(RequestTimeout):
                await client.portal.info()
        assert connected.is_set()
    finally:
        release.set()
        server.close()
        await server.wait_closed()


@pytest.fixture
def self_signed(tmp_path):
    """A certificate no trust store knows, made with the openssl command line tool."""
    import shutil
    import subprocess

    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


async def test_real_untrusted_certificate_is_a_certificate_problem(self_signed) -> None:
    async def portal(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.read(1024)
            body = b'{"name": "Nep", "short_name": "nep", "api_version": 1}'
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
            )
            await writer.drain()
        except (ConnectionError, ssl.SSLError):
            pass  # the client hangs up during the handshake, as it should
        finally:
            writer.close()

    server = await asyncio.start_server(portal, "127.0.0.1", 0, ssl=self_signed)
    port = server.sockets[0].getsockname()[1]
    try:
        async with PortalClient(f"https://127.0.0.1:{port}") as client:
            with pytest.raises(CertificateProblem) as caught:
                await client.portal.info()
        assert any(isinstance(c, ssl.SSLCertVerificationError) for c in _causes(caught.value))
    finally:
        server.close()
        await server.wait_closed()


def _causes(error: BaseException):
    current = error
    while current is not None:
        yield current
        current = current.__cause__ or current.__context__


async def test_an_undecodable_answer_is_a_server_error(logged_in, portal) -> None:
    portal.route(
        "GET",
        "/me",
        lambda r: httpx.Response(
            200,
            content=b"not gzip at all",
            headers={"content-encoding": "gzip", "content-type": "application/json"},
        ),
    )
    with pytest.raises(ServerError) as caught:
        await logged_in.profile.me()
    assert caught.value.code == "invalid_response"
