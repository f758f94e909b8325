"""The De Vries family's absences, absence credit and extra-day requests in the demo.

Daan (BSO De Ontdekkers) gets them, so the request overview, the credit balance and the agenda
show every state: an absence that earned credit, one that did not, a cancelled one; extra days
pending, approved (paid partly from credit) and rejected with a reason. All dates are school
days relative to the build day, like the rest of the demo."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.agenda.credit import credit_expires_on, day_part_minutes, earns_credit
from server.agenda.extra_day_plan import cents_for
from server.config import AMSTERDAM
from server.demo import calendar
from server.models import (
    Absence,
    AbsenceCredit,
    AbsenceReason,
    Child,
    Contract,
    CreditUse,
    DayPart,
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
    User,
)
from server.policy import DEFAULT_POLICY


def _no_school(day: date) -> bool:
    closed = {d for d, _ in calendar.public_holidays(day.year)}
    return day in closed or any(first <= day <= last
                                for _, first, last in calendar.school_holidays(day))


def school_day(start: date, weekday: int) -> date:
    """The first `weekday` on or after `start` that is a school day without closing."""
    day = start + timedelta(days=(weekday - start.weekday()) % 7)
    while _no_school(day):
        day += timedelta(days=7)
    return day


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=AMSTERDAM)


class _DemoRequests:
    def __init__(self, db: AsyncSession, today: date) -> None:
        self.db = db
        self.today = today

    def absence(self, child: Child, parent: User, day: date, part: DayPart,
                reason: AbsenceReason, reported: datetime) -> Absence:
        absence = Absence(child_id=child.id, day=day, day_part=part, reason=reason, note=None,
                          reported_by_id=parent.id, reported_at=reported, credit=None)
        if earns_credit(day, part, reported, DEFAULT_POLICY.absence_credit_notice_hours):
            absence.credit = AbsenceCredit(child_id=child.id, minutes=day_part_minutes(part),
                                           earned_on=reported.astimezone(AMSTERDAM).date(),
                                           expires_on=credit_expires_on(
                                               day, DEFAULT_POLICY.absence_credit_valid_months))
        self.db.add(absence)
        return absence

    def request(self, child: Child, contract: Contract, parent: User, day: date,
                payment: ExtraDayPayment, submitted: datetime,
                credit: AbsenceCredit | None = None) -> ExtraDayRequest:
        """A one-day NSO request, paid from `credit` as far as it goes."""
        minutes = day_part_minutes(DayPart.NSO)
        from_credit = min(credit.minutes, minutes) if credit else 0
        item = ExtraDayItem(date=day, day_part=DayPart.NSO, minutes=minutes,
                            hourly_rate_cents=contract.hourly_rate_cents,
                            credit_minutes=from_credit,
                            invoice_cents=cents_for(minutes - from_credit,
                                                    contract.hourly_rate_cents),
                            contract_id=contract.id)
        if credit is not None:
            item.credit_uses = [CreditUse(credit=credit, minutes=from_credit)]
        request = ExtraDayRequest(child_id=child.id, first_date=day, last_date=day,
                                  day_part=DayPart.NSO, payment=payment, note=None,
                                  status=ExtraDayStatus.PENDING, submitted_by_id=parent.id,
                                  submitted_at=submitted, items=[item])
        self.db.add(request)
        return request

    async def build(self) -> None:
        t = self.today
        sanne = await self.db.scalar(select(User).where(User.email == "sanne.devries@voorbeeld.nl"))
        thomas = await self.db.scalar(
            select(User).where(User.email == "thomas.devries@voorbeeld.nl"))
        daan = await self.db.scalar(select(Child).where(Child.family_id == sanne.family_id,
                                                        Child.first_name == "Daan"))
        contract = await self.db.scalar(select(Contract).where(Contract.child_id == daan.id))
        staff = await self.db.scalar(select(User).where(User.name == "Rick van der Heijden"))

        # Absences: reported early (credit), reported the same morning (none), cancelled.
        vso_day = school_day(t - timedelta(days=17), 3)  # a past Thursday
        self.absence(daan, sanne, vso_day, DayPart.VSO, AbsenceReason.VAKANTIE,
                     _at(vso_day - timedelta(days=4), 20))
        early = school_day(t + timedelta(days=14), 0)
        self.absence(daan, thomas, early, DayPart.NSO, AbsenceReason.OVERIG,
                     _at(t - timedelta(days=1), 19))
        sick = school_day(t - timedelta(days=10), 1)
        self.absence(daan, sanne, sick, DayPart.NSO, AbsenceReason.ZIEK, _at(sick, 9))
        cancelled_day = school_day(t + timedelta(days=40), 3)
        cancelled = self.absence(daan, sanne, cancelled_day, DayPart.NSO, AbsenceReason.VAKANTIE,
                                 _at(t - timedelta(days=3), 21))
        cancelled.cancelled_at = cancelled.credit.withdrawn_at = _at(t - timedelta(days=2), 8)
        cancelled.cancelled_by_id = sanne.id
        await self.db.flush()

        # Extra days: approved and partly paid with the VSO credit, pending, rejected.
        vso_credit = await self.db.scalar(select(AbsenceCredit).join(Absence).where(
            Absence.child_id == daan.id, Absence.day == vso_day))
        approved = self.request(daan, contract, sanne, school_day(t + timedelta(days=15), 2),
                                ExtraDayPayment.MIXED, _at(t - timedelta(days=6), 20),
                                credit=vso_credit)
        approved.status = ExtraDayStatus.APPROVED
        approved.decided_by_id, approved.decided_at = staff.id, _at(t - timedelta(days=5), 10)
        self.request(daan, contract, thomas, school_day(t + timedelta(days=22), 2),
                     ExtraDayPayment.INVOICE, _at(t - timedelta(days=1), 21))
        rejected = self.request(daan, contract, sanne, school_day(t + timedelta(days=8), 4),
                                ExtraDayPayment.INVOICE, _at(t - timedelta(days=4), 18))
        rejected.status = ExtraDayStatus.REJECTED
        rejected.decided_by_id, rejected.decided_at = staff.id, _at(t - timedelta(days=3), 9)
        rejected.decision_reason = ("Op die vrijdag is de groep vol door een uitje; "
                                    "een andere dag kan wel.")


async def add_devries_requests(db: AsyncSession, today: date) -> None:
    """Add the family's absences and requests; the documented families must be flushed."""
    await _DemoRequests(db, today).build()
