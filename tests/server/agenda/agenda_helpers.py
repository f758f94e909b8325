"""Helpers of the extra-day and request-overview tests: the demo children, requests and
credit put in place behind the API."""

from __future__ import annotations

from datetime import date, datetime

import httpx
from server_helpers import SANNE, bearer, tokens
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.models import Absence, AbsenceCredit, AbsenceReason, DayPart, User

# Dates around the demo's TODAY (Monday 2 March 2026). Emma (KDV Zonnetjes, 11.49 an hour)
# comes Monday, Tuesday and Thursday; Wednesday and Friday are free for extra days.
FRIDAY = "2026-03-06"  # four days ahead
WEDNESDAY = "2026-03-11"


async def children(client: httpx.AsyncClient, email: str = SANNE) -> dict[str, int]:
    response = await client.get("/api/v1/me", headers=bearer(await tokens(client, email)))
    return {c["first_name"]: c["id"] for c in response.json()["children"]}


async def ask(client: httpx.AsyncClient, email: str, child_ids: list[int], first: str,
              *, preview: bool = False, headers: dict[str, str] | None = None,
              **fields: object) -> httpx.Response:
    body = {"child_ids": child_ids, "first_date": first, "payment": "invoice", **fields}
    path = "/api/v1/extra-days/preview" if preview else "/api/v1/extra-days"
    return await client.post(path, json=body,
                             headers={**bearer(await tokens(client, email)), **(headers or {})})


async def requested(client: httpx.AsyncClient, email: str, child_ids: list[int], first: str,
                    **fields: object) -> dict:
    """Submit and return the one stored request."""
    response = await ask(client, email, child_ids, first, **fields)
    assert response.status_code == 201, response.text
    [request] = response.json()["requests"]
    return request


async def credit_of(client: httpx.AsyncClient, child_id: int, email: str = SANNE) -> dict:
    response = await client.get("/api/v1/credit", headers=bearer(await tokens(client, email)))
    assert response.status_code == 200, response.text
    return next(c for c in response.json()["children"] if c["child_id"] == child_id)


async def give_credit(db: AsyncSession, child_id: int, minutes: int, expires_on: date,
                      day: date = date(2026, 2, 2)) -> int:
    """An absence on `day` that earned `minutes` of credit valid until `expires_on`."""
    sanne = await db.scalar(select(User).where(User.email == SANNE))
    absence = Absence(child_id=child_id, day=day, day_part=DayPart.OCHTEND,
                      reason=AbsenceReason.ZIEK, note=None, reported_by_id=sanne.id,
                      reported_at=datetime(2026, 1, 20, 9, tzinfo=AMSTERDAM), credit=None)
    absence.credit = AbsenceCredit(child_id=child_id, minutes=minutes,
                                   earned_on=date(2026, 1, 20), expires_on=expires_on)
    db.add(absence)
    await db.commit()
    return absence.credit.id


async def staff_email(db: AsyncSession, name: str) -> str:
    return await db.scalar(select(User.email).where(User.name == name))
