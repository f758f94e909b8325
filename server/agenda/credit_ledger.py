"""What is left of each absence credit, and paying extra day-parts from it oldest first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import AbsenceCredit, CreditUse


@dataclass
class CreditBalance:
    """One credit with the minutes not yet reserved by a pending or approved extra day."""

    credit: AbsenceCredit
    available_minutes: int


@dataclass
class CreditDraw:
    """The credit minutes one extra day-part takes: `(credit, minutes)` per credit used."""

    minutes: int = 0
    uses: list[tuple[AbsenceCredit, int]] = field(default_factory=list)


def usage_order(credit: AbsenceCredit) -> tuple[date, date, int]:
    # Oldest first: the credit that expires first is used first, so less credit lapses.
    return (credit.expires_on, credit.earned_on, credit.id)


async def credit_balances(db: AsyncSession, child_ids: list[int], today: date, *,
                          lock: bool = False) -> dict[int, list[CreditBalance]]:
    """Per child, the usable credits (not withdrawn, not expired on `today`, minutes left)
    oldest first. `lock` holds the rows until commit (PostgreSQL), so two submissions at
    once cannot spend the same minutes."""
    reserved = (select(CreditUse.credit_id, func.sum(CreditUse.minutes).label("used"))
                .where(CreditUse.released_at.is_(None)).group_by(CreditUse.credit_id)
                .subquery())
    query = (select(AbsenceCredit, func.coalesce(reserved.c.used, 0))
             .outerjoin(reserved, reserved.c.credit_id == AbsenceCredit.id)
             .where(AbsenceCredit.child_id.in_(child_ids), AbsenceCredit.withdrawn_at.is_(None),
                    AbsenceCredit.expires_on >= today))
    if lock:
        query = query.with_for_update(of=AbsenceCredit)
    balances: dict[int, list[CreditBalance]] = {child_id: [] for child_id in child_ids}
    for credit, used in (await db.execute(query)).all():
        left = credit.minutes - int(used)
        if left > 0:
            balances[credit.child_id].append(CreditBalance(credit, left))
    for child_balances in balances.values():
        child_balances.sort(key=lambda b: usage_order(b.credit))
    return balances


def draw_credit(balances: list[CreditBalance], day: date, wanted: int) -> CreditDraw:
    """Take up to `wanted` minutes for care on `day` from credits still valid that day,
    oldest first, lowering `balances` in place."""
    draw = CreditDraw()
    for balance in balances:
        if draw.minutes == wanted:
            break
        if balance.credit.expires_on < day or balance.available_minutes == 0:
            continue
        take = min(balance.available_minutes, wanted - draw.minutes)
        balance.available_minutes -= take
        draw.minutes += take
        draw.uses.append((balance.credit, take))
    return draw


async def release_credit(db: AsyncSession, item_ids: list[int], now: datetime) -> None:
    """Give back the credit reserved for these extra day-parts (reject or withdraw)."""
    uses = (await db.scalars(select(CreditUse).where(
        CreditUse.item_id.in_(item_ids), CreditUse.released_at.is_(None)))).all()
    for use in uses:
        use.released_at = now
