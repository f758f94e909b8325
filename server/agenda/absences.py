"""Reporting and cancelling absences (afmelden / afmelding annuleren)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.agenda import credit
from server.agenda.access import family_children
from server.agenda.credit_repricing import Repricing, apply_repricing, plan_repricing
from server.agenda.planning import MAX_RANGE_DAYS, PlannedDayPart, expand_planning
from server.config import Settings
from server.db import hold_rows
from server.models import (
    Absence,
    AbsenceCredit,
    AbsenceReason,
    CareGroup,
    Child,
    ClosingDay,
    Contract,
    DayPart,
    Location,
    SchoolHoliday,
    User,
)
from server.policy import organisation_policy
from server.problems import Problem


@dataclass(frozen=True)
class AbsenceReport:
    """What a parent asks: these children are away on these days (one day-part or all)."""

    child_ids: list[int]
    first_day: date
    last_day: date
    day_part: DayPart | None
    reason: AbsenceReason
    note: str | None


async def planned_day_parts(db: AsyncSession, organisation_id: int, child_ids: list[int],
                            first: date, last: date) -> list[PlannedDayPart]:
    contracts = (await db.scalars(
        select(Contract).where(Contract.child_id.in_(child_ids)).options(
            selectinload(Contract.days), selectinload(Contract.group))
    )).all()
    closing = (await db.scalars(select(ClosingDay).where(
        ClosingDay.organisation_id == organisation_id, ClosingDay.day.between(first, last))
    )).all()
    holidays = await school_holidays(db, organisation_id, first, last)
    return expand_planning(contracts, closing, first, last, holidays)


async def school_holidays(db: AsyncSession, organisation_id: int, first: date,
                          last: date) -> list[SchoolHoliday]:
    """The organisation's school holidays that overlap `first`..`last`, in date order."""
    return list((await db.scalars(select(SchoolHoliday).where(
        SchoolHoliday.organisation_id == organisation_id, SchoolHoliday.first_day <= last,
        SchoolHoliday.last_day >= first).order_by(SchoolHoliday.first_day))).all())


async def active_absences(db: AsyncSession, child_ids: list[int], first: date,
                          last: date) -> list[Absence]:
    return list((await db.scalars(select(Absence).where(
        Absence.child_id.in_(child_ids), Absence.day.between(first, last),
        Absence.cancelled_at.is_(None)))).all())


async def report_absences(db: AsyncSession, settings: Settings, user: User,
                          report: AbsenceReport) -> list[Absence]:
    """Record one absence per planned day-part in the report; early ones earn credit."""
    if report.last_day < report.first_day or \
            (report.last_day - report.first_day).days >= MAX_RANGE_DAYS:
        raise Problem("agenda_range_invalid", max_days=MAX_RANGE_DAYS)
    if report.first_day < settings.today():
        raise Problem("absence_in_past")
    children = await family_children(db, user, report.child_ids, lock=True)
    ids = [c.id for c in children]
    planned = [p for p in await planned_day_parts(db, user.organisation_id, ids,
                                                  report.first_day, report.last_day)
               if report.day_part is None or p.day_part is report.day_part]
    if not planned:
        raise Problem("absence_not_planned")
    taken = {(a.child_id, a.day, a.day_part)
             for a in await active_absences(db, ids, report.first_day, report.last_day)}
    fresh = [p for p in planned if (p.child_id, p.day, p.day_part) not in taken]
    if not fresh:
        raise Problem("absence_already_reported")
    policy = await organisation_policy(db, user.organisation_id)
    now = settings.now()
    absences = []
    for part in fresh:
        absence = Absence(child_id=part.child_id, day=part.day, day_part=part.day_part,
                          reason=report.reason, note=report.note, reported_by_id=user.id,
                          reported_at=now, credit=None)
        if credit.earns_credit(part.day, part.day_part, now, policy.absence_credit_notice_hours):
            absence.credit = AbsenceCredit(
                child_id=part.child_id, minutes=credit.day_part_minutes(part.day_part),
                earned_on=settings.today(),
                expires_on=credit.credit_expires_on(part.day,
                                                    policy.absence_credit_valid_months))
        db.add(absence)
        absences.append(absence)
    await db.commit()
    return absences


async def family_absence(db: AsyncSession, user: User, absence_id: int) -> Absence:
    """An absence of the caller's family; another family's is `not_found` (no existence leak)."""
    [absence] = await family_absences(db, user, [absence_id])
    return absence


async def family_absences(db: AsyncSession, user: User, absence_ids: list[int]) -> list[Absence]:
    """These absences of the caller's family, in the order asked; if any is another family's
    (or unknown) the answer is `not_found`, whichever it is."""
    wanted = list(dict.fromkeys(absence_ids))
    found = {a.id: a for a in (await db.scalars(
        select(Absence).join(Child, Child.id == Absence.child_id)
        .where(Absence.id.in_(wanted), Child.family_id == user.family_id)
        .options(selectinload(Absence.credit)))).all()}
    if len(found) != len(wanted) or not user.role.is_parent:
        raise Problem("not_found")
    return [found[absence_id] for absence_id in wanted]


async def _location_of(db: AsyncSession, child_id: int, day: date) -> Location | None:
    return await db.scalar(
        select(Location).join(CareGroup, CareGroup.location_id == Location.id)
        .join(Contract, Contract.group_id == CareGroup.id)
        .where(Contract.child_id == child_id, Contract.start_date <= day,
               (Contract.end_date.is_(None)) | (Contract.end_date >= day))
        .order_by(Contract.id).limit(1))


async def _location_problem(db: AsyncSession, code: str, absence: Absence,
                            **extra: object) -> Problem:
    """A refusal that tells the parent whom to call: the location of the absent day."""
    location = await _location_of(db, absence.child_id, absence.day)
    return Problem(code, location_name=location.name if location else "",
                   location_phone=location.phone if location else "",
                   location_email=location.email if location else "", **extra)


async def _plan(db: AsyncSession, settings: Settings, user: User, absence: Absence, *,
                lock: bool) -> list[Repricing]:
    """What withdrawing this absence's credit does to the extra days it pays, or the
    refusal: already cancelled, too close (the 30-day rule), or credit spent on an extra day
    that is already invoiced. `lock` holds the child's credit rows (the caller holds the
    children)."""
    if absence.cancelled_at is not None:
        raise Problem("absence_already_cancelled")
    policy = await organisation_policy(db, user.organisation_id)
    if not credit.may_cancel(absence.day, settings.today(), policy.cancel_absence_min_days):
        raise await _location_problem(db, "absence_cancel_too_late", absence,
                                      min_days=policy.cancel_absence_min_days)
    plan = await plan_repricing(db, absence, settings.today(), lock=lock)
    invoiced = [r for r in plan if r.already_invoiced and r.moved_minutes > 0]
    if invoiced:
        raise await _location_problem(db, "absence_credit_invoiced", absence,
                                      date=invoiced[0].item.date.isoformat())
    return plan


PlanSeen = Callable[[Absence, list[Repricing]], None]


async def withdraw_absences(db: AsyncSession, settings: Settings, user: User,
                            absence_ids: list[int], *, lock: bool = True,
                            seen: PlanSeen | None = None) -> list[Absence]:
    """Cancel these absences in the session, one after the other, without committing: each
    is checked and its repricing planned (`seen` gets the plan before it is applied), then
    it is cancelled and flushed, so the next one's plan sees the credit withdrawn before it
    (two absences of one day cannot each count on the other's credit). The first refusal
    stops it; the caller commits, or rolls back to leave everything as it was."""
    absences = await family_absences(db, user, absence_ids)
    if lock:
        # Every child at once, in id order: two cancels of one family never wait on each other.
        await hold_rows(db, Child, sorted({a.child_id for a in absences}))
    now = settings.now()
    for absence in absences:
        plan = await _plan(db, settings, user, absence, lock=lock)
        if seen is not None:
            seen(absence, plan)
        absence.cancelled_at = now
        absence.cancelled_by_id = user.id
        if absence.credit is not None:
            absence.credit.withdrawn_at = now
        apply_repricing(plan, now)
        await db.flush()
    return absences


async def cancel_absences(db: AsyncSession, settings: Settings, user: User,
                          absence_ids: list[int]) -> list[Absence]:
    """Cancel several absences at once — what one report made for a day, every child and
    day-part — or none of them: the day is planned again, the credit they earned withdrawn
    and the extra days that credit paid paid again (server/agenda/credit_repricing.py), in
    one transaction, so a refusal never leaves the day half reported."""
    absences = await withdraw_absences(db, settings, user, absence_ids)
    await db.commit()
    return absences


async def cancel_absence(db: AsyncSession, settings: Settings, user: User,
                         absence_id: int) -> Absence:
    """One absence cancelled (see `cancel_absences`)."""
    [absence] = await cancel_absences(db, settings, user, [absence_id])
    return absence


async def preview_cancel(db: AsyncSession, settings: Settings, user: User,
                         absence_ids: list[int], seen: PlanSeen) -> list[Absence]:
    """What cancelling these absences together would do, for the confirmation: the cancel
    itself runs (`seen` gets each plan) and is rolled back, so the preview is exactly what the
    cancel will do — or raises the refusal the cancel would give. Nothing changes."""
    try:
        return await withdraw_absences(db, settings, user, absence_ids, lock=False, seen=seen)
    finally:
        await db.rollback()
