"""Which day-parts an extra-day request asks for, which are skipped and why, and their cost.

Checked the same way by the preview and the submission (docs/api.md, "Extra days")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from server.agenda.credit import day_part_minutes
from server.agenda.planning import PlannedDayPart, closed_days, school_holiday_days
from server.models import (
    DAY_PARTS_BY_CARE_TYPE,
    Child,
    ClosingDay,
    Contract,
    DayPart,
    SchoolHoliday,
)
from server.policy import Policy
from server.problems import Problem

WHOLE_DAY = (DayPart.OCHTEND, DayPart.MIDDAG)
SCHOOL_DAY_PARTS = (DayPart.VSO, DayPart.NSO)
# Skip reasons that mean "no care that day" (extra_day_closed when nothing else is left).
CLOSED_REASONS = {"weekend", "closing_day", "not_offered"}


def cents_for(minutes: int, hourly_rate_cents: int) -> int:
    """The price of `minutes` of care, rounded half up to whole cents (integers only)."""
    return (minutes * hourly_rate_cents + 30) // 60


@dataclass(frozen=True)
class RequestedPart:
    """A day-part the request would add, with the contract it falls under."""

    child_id: int
    day: date
    day_part: DayPart
    contract: Contract

    @property
    def minutes(self) -> int:
        return day_part_minutes(self.day_part)


@dataclass(frozen=True)
class SkippedPart:
    child_id: int
    day: date
    day_part: DayPart | None
    reason: str  # weekend | closing_day | not_offered | already_planned | already_requested


@dataclass(frozen=True)
class ExtraDayPlan:
    parts: list[RequestedPart]
    skipped: list[SkippedPart]


def check_dates(first: date, last: date, today: date, policy: Policy) -> None:
    """The date rules of docs/api.md: the period's length, the earliest and latest day."""
    min_days, max_days = policy.extra_day_min_days_ahead, policy.extra_day_max_days_ahead
    if last < first or (last - first).days >= policy.extra_day_max_period_days:
        raise Problem("agenda_range_invalid", max_days=policy.extra_day_max_period_days)
    if (first - today).days < min_days:
        raise Problem("extra_day_too_soon", min_days=min_days)
    if (last - today).days > max_days:
        raise Problem("extra_day_too_far", max_days=max_days)


def requested_day_parts(day_part: DayPart | None) -> tuple[DayPart, ...]:
    return WHOLE_DAY if day_part is None else (day_part,)


def _contract_on(contracts: Iterable[Contract], day: date, part: DayPart) -> Contract | None:
    for contract in contracts:
        if part in DAY_PARTS_BY_CARE_TYPE[contract.care_type] and \
                contract.start_date <= day and \
                (contract.end_date is None or contract.end_date >= day):
            return contract
    return None


def _offered(part: DayPart, school_holiday: bool) -> bool:
    # No school in a school holiday, so no before/after-school care; holiday care only then.
    if part in SCHOOL_DAY_PARTS:
        return not school_holiday
    if part is DayPart.VAKANTIE:
        return school_holiday
    return True


def plan_extra_days(children: list[Child], contracts: list[Contract],
                    closing: list[ClosingDay], holidays: list[SchoolHoliday],
                    planned: list[PlannedDayPart], requested: set[tuple[int, date, DayPart]],
                    first: date, last: date,
                    day_parts: Mapping[int, DayPart | None]) -> ExtraDayPlan:
    """Split the asked day-parts of every child (``day_parts``: child -> its day-part, None
    for hele dag) into parts to request and skipped ones.

    `requested` holds (child, date, day-part) of pending and approved extra days. A day-part
    outside any contract of its care type refuses the whole request: the parent must choose
    another child or care type rather than silently get fewer days."""
    holiday_days = school_holiday_days(holidays, first, last)
    planned_keys = {(p.child_id, p.day, p.day_part) for p in planned}
    org_closed = closed_days(closing, -1)  # no location: only the organisation-wide days
    parts: list[RequestedPart] = []
    skipped: list[SkippedPart] = []
    for child in children:
        own = [p for p in contracts if p.child_id == child.id]
        day_part = day_parts[child.id]
        day = first
        while day <= last:
            if day.weekday() >= 5:
                skipped.append(SkippedPart(child.id, day, day_part, "weekend"))
                day += timedelta(days=1)
                continue
            for part in requested_day_parts(day_part):
                contract = _contract_on(own, day, part)
                if contract is None:
                    if day in org_closed:
                        skipped.append(SkippedPart(child.id, day, part, "closing_day"))
                        continue
                    raise Problem("extra_day_outside_contract", child_name=child.first_name,
                                  date=day.isoformat())
                key = (child.id, day, part)
                if day in closed_days(closing, contract.group.location_id):
                    reason = "closing_day"
                elif not _offered(part, day in holiday_days):
                    reason = "not_offered"
                elif key in planned_keys:
                    reason = "already_planned"
                elif key in requested:
                    reason = "already_requested"
                else:
                    parts.append(RequestedPart(child.id, day, part, contract))
                    continue
                skipped.append(SkippedPart(child.id, day, part, reason))
            day += timedelta(days=1)
    if not parts:
        raise Problem(_nothing_left_code(skipped))
    return ExtraDayPlan(parts, skipped)


def _nothing_left_code(skipped: list[SkippedPart]) -> str:
    reasons = {s.reason for s in skipped} - CLOSED_REASONS
    if not reasons:
        return "extra_day_closed"
    if reasons == {"already_planned"}:
        return "extra_day_already_planned"
    return "extra_day_already_requested"
