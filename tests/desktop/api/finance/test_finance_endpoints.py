"""client.finance: the overview, and a document's PDF streamed through the transport's one send
loop — so a download is refreshed, retried and told apart like every other request."""

from __future__ import annotations

import httpx
import pytest

from desktop.api.core.errors import ServerError, ServerUnreachable, TooManyAttempts
from desktop.api.core.retry import MAX_RETRY_AFTER

PDF = b"%PDF-1.7 " + bytes(range(256)) * 4
DOCUMENT = "/finance/documents/invoice-7/pdf"
URL = "/api/v1" + DOCUMENT  # as the overview lists it


def serve_pdf(portal, answers: list | None = None) -> None:
    """The document's route: each of ``answers`` in turn (an exception is raised, a response
    returned), then the PDF itself, honouring ``Range``."""
    remaining = list(answers or [])

    def handler(request: httpx.Request) -> httpx.Response:
        if remaining:
            answer = remaining.pop(0)
            if isinstance(answer, BaseException):
                raise answer
            return answer
        refusal = portal._check_bearer(request)  # noqa: SLF001 (the fake portal's own check)
        if refusal is not None:
            return refusal
        start = int(request.headers.get("range", "bytes=0-").removeprefix("bytes=")
                    .removesuffix("-"))
        if start >= len(PDF):
            return httpx.Response(416, headers={"content-range": f"bytes */{len(PDF)}"})
        if start:
            return httpx.Response(206, content=PDF[start:], headers={
                "content-range": f"bytes {start}-{len(PDF) - 1}/{len(PDF)}"})
        return httpx.Response(200, content=PDF)

    portal.route("GET", DOCUMENT, handler)


async def download(client, offset: int = 0) -> tuple[int, int | None, bytes]:
    async with client.finance.document(URL, offset) as stream:
        body = b"".join([chunk async for chunk in stream.chunks])
    return stream.start, stream.total, body


async def test_a_document_is_streamed_whole(logged_in, portal) -> None:
    serve_pdf(portal)
    assert await download(logged_in) == (0, len(PDF), PDF)
    [request] = portal.sent("GET", DOCUMENT)
    assert request.headers["accept"] == "application/pdf"
    assert "range" not in request.headers


async def test_an_interrupted_download_resumes_with_range(logged_in, portal) -> None:
    serve_pdf(portal)
    assert await download(logged_in, 100) == (100, len(PDF), PDF[100:])
    assert portal.sent("GET", DOCUMENT)[0].headers["range"] == "bytes=100-"


async def test_a_server_that_ignores_the_range_starts_at_zero_again(logged_in, portal) -> None:
    serve_pdf(portal, [httpx.Response(200, content=PDF)])
    assert await download(logged_in, 100) == (0, len(PDF), PDF)


async def test_a_partial_file_that_is_complete_already_gets_no_bytes(logged_in, portal) -> None:
    serve_pdf(portal)
    assert await download(logged_in, len(PDF)) == (len(PDF), len(PDF), b"")


async def test_a_download_is_retried_after_503_honouring_retry_after(logged_in, portal,
                                                                      sleeps) -> None:
    serve_pdf(portal, [portal.problem(503, "unavailable", headers={"Retry-After": "3"})])
    assert await download(logged_in) == (0, len(PDF), PDF)
    assert sleeps.delays == [3.0]
    assert len(portal.sent("GET", DOCUMENT)) == 2


async def test_a_download_asked_to_wait_too_long_tells_the_caller(logged_in, portal,
                                                                   sleeps) -> None:
    wait = int(MAX_RETRY_AFTER) + 1
    serve_pdf(portal, [portal.problem(429, "rate_limited", headers={"Retry-After": str(wait)})])
    with pytest.raises(TooManyAttempts) as raised:
        await download(logged_in)
    assert raised.value.retry_after == wait
    assert sleeps.delays == []


async def test_a_connection_refused_before_the_answer_is_retried(logged_in, portal,
                                                                  sleeps) -> None:
    refused = httpx.ConnectError("All connection attempts failed")
    refused.__cause__ = ConnectionRefusedError(111, "Connection refused")
    serve_pdf(portal, [refused])
    assert await download(logged_in) == (0, len(PDF), PDF)
    assert len(sleeps.delays) == 1


async def test_a_download_gives_up_when_the_retries_run_out(logged_in, portal, sleeps) -> None:
    serve_pdf(portal, [portal.problem(502, "bad_gateway")] * 3)
    with pytest.raises(ServerError):
        await download(logged_in)
    assert len(portal.sent("GET", DOCUMENT)) == 3  # the first try and two retries
    assert len(sleeps.delays) == 2


async def test_an_expired_access_token_is_refreshed_for_a_download(logged_in, portal) -> None:
    serve_pdf(portal)
    portal.expire_access_tokens()
    assert await download(logged_in) == (0, len(PDF), PDF)
    assert len(portal.sent("POST", "/auth/refresh")) == 1
    assert portal.sent("GET", DOCUMENT)[-1].headers["authorization"] == "Bearer access-2"


async def test_a_connection_lost_in_the_middle_is_a_connection_problem(logged_in,
                                                                        portal) -> None:
    class Broken(httpx.AsyncByteStream):
        async def __aiter__(self):
            yield PDF[:10]
            raise httpx.ReadError("connection reset")

    serve_pdf(portal, [httpx.Response(200, stream=Broken(),
                                      headers={"content-length": str(len(PDF))})])
    received = []
    with pytest.raises(ServerUnreachable):
        async with logged_in.finance.document(URL) as stream:
            async for chunk in stream.chunks:
                received.append(chunk)
    assert received == [PDF[:10]]  # what arrived is handed over before the failure
