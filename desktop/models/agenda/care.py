"""Which care a child has, from its contracts: until when, which day-parts, and what the agenda
offers on a day (report an absence, request the day) — so the app never offers what the portal
would refuse three steps later.

The day-parts per care type are the portal's (docs/api.md, "Extra days"): day care and
pre-school have ochtend and middag ("hele dag" is both), BSO before/after school and holiday care.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from desktop.api.agenda.records import DayAgenda, DayPart
from desktop.api.portal.records import Policy
from desktop.api.profile.records import Child, Location, Profile
from desktop.models.shared.formatting import format_date

__all__ = ["DAY_PARTS_BY_CARE_TYPE", "DayActions", "care_ended_on", "children_in_care",
           "day_actions", "day_parts_of", "extra_day_window", "location_of", "offers_whole_day"]

DAY_PARTS_BY_CARE_TYPE: dict[str, tuple[DayPart, ...]] = {
    "KDV": (DayPart.OCHTEND, DayPart.MIDDAG),
    "peuteropvang": (DayPart.OCHTEND, DayPart.MIDDAG),
    "BSO": (DayPart.VSO, DayPart.NSO, DayPart.VAKANTIE),
}
_WHOLE_DAY = {DayPart.OCHTEND, DayPart.MIDDAG}


def _in_care_from(child: Child, day: date) -> bool:
    return any(c.end_date is None or c.end_date >= day for c in child.contracts)


def children_in_care(children: Iterable[Child], from_day: date) -> list[Child]:
    """The children with a contract that runs on ``from_day`` or starts later."""
    return [c for c in children if _in_care_from(c, from_day)]


def care_ended_on(children: Sequence[Child], today: date) -> date | None:
    """The day the family's last contract ended, when no child has care from ``today`` on;
    None while care goes on (or when there are no contracts at all to speak of)."""
    ends = [c.end_date for child in children for c in child.contracts]
    if not ends or children_in_care(children, today):
        return None
    return max(end for end in ends if end is not None)


def day_parts_of(child: Child, from_day: date) -> tuple[DayPart, ...]:
    """The day-parts the child's care types have, for contracts running from ``from_day``."""
    parts: list[DayPart] = []
    for contract in child.contracts:
        if contract.end_date is not None and contract.end_date < from_day:
            continue
        for part in DAY_PARTS_BY_CARE_TYPE.get(contract.care_type, ()):
            if part not in parts:
                parts.append(part)
    return tuple(sorted(parts, key=list(DayPart).index))


def location_of(profile: Profile | None, child_id: int, day: date) -> Location | None:
    """The location where the child has care on ``day`` (the one to call about that day)."""
    if profile is None:
        return None
    child = next((c for c in profile.children if c.id == child_id), None)
    contracts = [c for c in (child.contracts if child else ()) if c.is_active_on(day)] or \
        list(child.contracts if child else ())
    groups = {g.id: g for g in profile.groups}
    locations = {loc.id: loc for loc in profile.locations}
    for contract in contracts:
        group = groups.get(contract.group_id)
        if group is not None and group.location_id in locations:
            return locations[group.location_id]
    return None


def offers_whole_day(parts: Iterable[DayPart]) -> bool:
    """Whether "hele dag" (ochtend + middag) is among these day-parts."""
    return _WHOLE_DAY <= set(parts)


def extra_day_window(policy: Policy, today: date) -> tuple[date, date]:
    """The first and last day an extra day can be requested for (docs/api.md)."""
    return (today + timedelta(days=policy.extra_day_min_days_ahead),
            today + timedelta(days=policy.extra_day_max_days_ahead))


@dataclass(frozen=True)
class DayActions:
    """What the selected day offers a parent; ``note`` says why an action is missing."""

    report_absence: bool = False
    request_day: bool = False
    note: str = ""


def day_actions(day: date, info: DayAgenda | None, children: Sequence[Child],
                wanted: int | None, policy: Policy, today: date) -> DayActions:
    """Report an absence while a shown child is planned and not yet absent that day (today or
    later); request the day within the extra-day window on an open weekday within a contract.
    ``info`` None: the month is not known here, the portal decides."""
    shown = [c for c in children if wanted in (None, c.id)]
    if day < today:
        return DayActions()
    planned = [p for p in (info.planned if info else ())
               if p.child_id in {c.id for c in shown}
               and info is not None and info.absence_of(p.child_id, p.day_part) is None]
    report = bool(planned) or (info is None and bool(children_in_care(shown, day)))
    first, last = extra_day_window(policy, today)
    closed = info is not None and bool(info.closing_days)
    contract = any(c.is_active_on(day) for child in shown for c in child.contracts)
    request = first <= day <= last and day.weekday() < 5 and not closed and contract
    note = ""
    if not request and day.weekday() < 5 and not closed and contract and day < first:
        note = QCoreApplication.translate(
            "DayActions", "Extra days can be requested from {date} on ({days} days ahead)."
        ).format(date=format_date(first), days=policy.extra_day_min_days_ahead)
    return DayActions(report, request, note)
