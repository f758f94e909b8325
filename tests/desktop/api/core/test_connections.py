"""The client's transport closes every connection it opened, also those its pool lost.

httpcore drops dead connections from its pool before closing them one by one; a task cancelled
in that loop leaves the rest open (desktop/api/core/connections.py says how the app gets
there). The test puts the pool in that state directly: its connections taken out, still open."""

from __future__ import annotations

import asyncio

import httpx

from desktop.api.core.connections import ClosingTransport


async def test_closing_the_transport_closes_connections_the_pool_dropped() -> None:
    hung_up: list[int] = []

    async def keep_alive(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            hung_up.append(1)  # the client closed this connection
        finally:
            writer.close()

    server = await asyncio.start_server(keep_alive, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/"
    try:
        transport = ClosingTransport()
        async with httpx.AsyncClient(transport=transport) as client:
            answers = await asyncio.gather(*(client.get(url) for _ in range(3)))
            assert [a.text for a in answers] == ["ok"] * 3
            transport._pool._connections.clear()  # lost by the pool, sockets still open
        async with asyncio.timeout(5):
            while len(hung_up) < 3:
                await asyncio.sleep(0.01)
        assert len(hung_up) == 3
    finally:
        server.close()
        await server.wait_closed()
