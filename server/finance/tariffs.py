"""Tariffs and the maximum hourly prices of the kinderopvangtoeslag."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import CareType, Contract, Tariff

# Maximum uurprijs for the kinderopvangtoeslag per year and care type, in cents. Source: the
# Belastingdienst / Rijksoverheid tables "maximum uurprijs kinderopvangtoeslag" 2025 and 2026
# (gastouderopvang, 810 and 849 cents, is not a care type of this portal). Peuteropvang is
# dagopvang for the toeslag, so it shares the KDV maximum.
MAX_HOURLY_RATE_CENTS: dict[int, dict[CareType, int]] = {
    2025: {CareType.KDV: 1071, CareType.PEUTEROPVANG: 1071, CareType.BSO: 952},
    2026: {CareType.KDV: 1123, CareType.PEUTEROPVANG: 1123, CareType.BSO: 998},
}


def max_hourly_rate(year: int, care_type: CareType) -> int | None:
    """The maximum hourly price of that year, or None for a year we hold no figure for."""
    return MAX_HOURLY_RATE_CENTS.get(year, {}).get(care_type)


RateTable = dict[tuple[int, CareType], int]


def hourly_rate(rates: RateTable, year: int, contract: Contract) -> int:
    """The year's tariff for the care type; the contract's own rate for a year without one."""
    return rates.get((year, contract.care_type), contract.hourly_rate_cents)


async def rate_table(db: AsyncSession, organisation_id: int) -> RateTable:
    """(year, care type) → the organisation's hourly rate in cents."""
    rows = await db.scalars(select(Tariff).where(Tariff.organisation_id == organisation_id))
    return {(t.year, t.care_type): t.hourly_rate_cents for t in rows}


async def organisation_tariffs(db: AsyncSession, organisation_id: int) -> list[Tariff]:
    return list(await db.scalars(
        select(Tariff).where(Tariff.organisation_id == organisation_id)
        .order_by(Tariff.year.desc(), Tariff.care_type)))
