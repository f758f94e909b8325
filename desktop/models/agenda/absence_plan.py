"""What reporting an absence will do, worked out before anything is sent.

The wizard's summary shows, per planned day-part, whether the report earns absence credit and
why, the deadline for earning it, until when the credit can be used and until when the absence
can still be cancelled — the same rules the server applies (docs/api.md, "Absences"), from the
organisation's policy values.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.models.shared.records import AbsenceDraft, Agenda, DayPart, Policy

__all__ = ["PlannedAbsence", "plan_absence"]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class PlannedAbsence:
    """One planned day-part the report covers."""

    child_id: int
    day: date
    day_part: DayPart
    minutes: int
    care_starts: datetime
    earns_credit: bool
    credit_deadline: datetime
    credit_expires_on: date
    cancel_until: date
    already_reported: bool


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan_absence(draft: AbsenceDraft, agendas: Iterable[Agenda], policy: Policy,
                 now: datetime) -> list[PlannedAbsence]:
    """The planned day-parts `draft` covers, in date and child order."""
    result: list[PlannedAbsence] = []
    for agenda in agendas:
        for planned in agenda.planned:
            if (planned.child_id not in draft.child_ids
                    or not draft.first_date <= planned.date <= draft.last_date
                    or draft.day_part not in (None, planned.day_part)):
                continue
            starts = datetime.combine(planned.date, planned.start, tzinfo=AMSTERDAM)
            deadline = starts - timedelta(hours=policy.absence_credit_notice_hours)
            months = policy.absence_credit_valid_months
            expires = (date(planned.date.year, 12, 31) if months <= 0
                       else _add_months(planned.date, months))
            day = agenda.day(planned.date)
            result.append(PlannedAbsence(
                planned.child_id, planned.date, planned.day_part, planned.minutes, starts,
                now <= deadline, deadline, expires,
                planned.date - timedelta(days=policy.cancel_absence_min_days),
                day.absence_of(planned.child_id, planned.day_part) is not None))
    return sorted(result, key=lambda p: (p.day, p.child_id, list(DayPart).index(p.day_part)))
