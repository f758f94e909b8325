"""Helpers of the group-day and diary tests: the demo's Zonnetjes (Fatima's group, where Emma
comes on Monday, Tuesday and Thursday) around the demo's TODAY, Monday 2 March 2026, 09:00."""

from __future__ import annotations

import httpx
from server_helpers import SANNE, bearer, tokens
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import CareGroup

MONDAY = "2026-03-02"  # TODAY
SUNDAY = "2026-03-01"  # yesterday
SATURDAY = "2026-02-28"  # the day before yesterday
FRIDAY = "2026-03-06"  # free for Emma: an extra day


async def auth(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer(await tokens(client, email))


async def group_id(db: AsyncSession, name: str = "Zonnetjes") -> int:
    return await db.scalar(select(CareGroup.id).where(CareGroup.name == name))


async def emma(client: httpx.AsyncClient) -> int:
    me = (await client.get("/api/v1/me", headers=await auth(client, SANNE))).json()
    return next(c["id"] for c in me["children"] if c["first_name"] == "Emma")


async def write(client: httpx.AsyncClient, email: str, child_ids: list[int], kind: str,
                *, day: str = MONDAY, **fields: object) -> httpx.Response:
    return await client.post("/api/v1/diary/entries", headers=await auth(client, email),
                             json={"child_ids": child_ids, "date": day, "kind": kind, **fields})


async def diary(client: httpx.AsyncClient, email: str, child_id: int,
                **params: object) -> httpx.Response:
    return await client.get("/api/v1/diary", headers=await auth(client, email),
                            params={"child_id": child_id, **params})


async def attend(client: httpx.AsyncClient, email: str, child_id: int, group: int,
                 day: str = MONDAY, **times: object) -> httpx.Response:
    return await client.put("/api/v1/attendance", headers=await auth(client, email),
                            json={"child_id": child_id, "group_id": group, "date": day,
                                  **times})


def code(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json().get("code", "")
