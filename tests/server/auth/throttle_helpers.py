"""Failed logins as an attacker sends them, for the throttle tests."""

from __future__ import annotations

import httpx
from server_helpers import SANNE, FakeClock, client_at, login

WRONG = "definitely-wrong"


async def fail(client: httpx.AsyncClient, times: int, email: str = SANNE,
               clock: FakeClock | None = None) -> None:
    """`times` failed logins; with a clock, wait out each delay like a patient attacker."""
    for _ in range(times):
        response = await login(client, email, WRONG)
        if clock is not None and response.status_code == 429:
            clock.advance(seconds=response.json()["retry_after"])
            response = await login(client, email, WRONG)
        assert response.json()["code"] == "invalid_credentials", response.text


async def distributed_attack(app, clock: FakeClock | None = None, addresses: int = 20,  # noqa: ANN001
                             email: str = SANNE, first: int = 0) -> None:
    """5 guesses from each of `addresses` addresses: no per-address delay ever applies."""
    for n in range(first, first + addresses):
        async with client_at(app, f"198.51.{100 + n // 250}.{n % 250}") as attacker:
            await fail(attacker, 5, email)
        if clock is not None:
            clock.advance(seconds=30)
