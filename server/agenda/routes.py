"""`GET /api/v1/agenda`: planned day-parts and closing days for a date range."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from server.agenda.absences import active_absences, school_holidays
from server.agenda.access import covers, own_group_ids, staff_contracts, visible_child_ids
from server.agenda.planning import (
    DAY_PART_HOURS,
    MAX_RANGE_DAYS,
    STAFF_MAX_RANGE_DAYS,
    expand_planning,
)
from server.agenda.schemas import (
    AgendaAbsenceOut,
    AgendaExtraDayOut,
    AgendaResponse,
    ClosingDayOut,
    PlannedDayPartOut,
    SchoolHolidayOut,
)
from server.deps import Auth, CurrentSettings, Db
from server.models import (
    ClosingDay,
    Contract,
    ExtraDayItem,
    ExtraDayRequest,
    ExtraDayStatus,
)
from server.models.enums import DayPart
from server.problems import Problem
from server.problems.openapi import problem_responses
from server.validation import ApiDate, PlainText

router = APIRouter(tags=["agenda"])


async def _extra_days(db: AsyncSession, contracts: list[Contract], first: date,
                      last: date) -> list[AgendaExtraDayOut]:
    """The extra day-parts under the contracts shown (a staff member's: their groups')."""
    rows = (await db.execute(
        select(ExtraDayRequest.id, ExtraDayItem.date, ExtraDayRequest.child_id,
               ExtraDayItem.day_part, ExtraDayRequest.status, ExtraDayRequest.decision_reason)
        .join(ExtraDayItem, ExtraDayItem.request_id == ExtraDayRequest.id)
        .where(ExtraDayItem.contract_id.in_([c.id for c in contracts]),
               ExtraDayRequest.status != ExtraDayStatus.WITHDRAWN,
               ExtraDayItem.date.between(first, last)))).all()
    order = list(DayPart)
    return [AgendaExtraDayOut(request_id=rid, date=day, child_id=child, day_part=part,
                              start=DAY_PART_HOURS[part][0].strftime("%H:%M"),
                              end=DAY_PART_HOURS[part][1].strftime("%H:%M"), status=status,
                              decision_reason=reason if status is ExtraDayStatus.REJECTED
                              else None)
            for rid, day, child, part, status, reason in sorted(
                rows, key=lambda r: (r[1], r[2], order.index(r[3]), r[0]))]


def _cursor(body: dict[str, object]) -> str:
    # The cursor is a digest of the content, so any change (contract, closing day) changes it
    # and an unchanged agenda is recognised without the server storing sync state.
    encoded = json.dumps(body, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:32]


@router.get("/agenda", response_model=AgendaResponse, responses=problem_responses(
    "not_authenticated", "token_expired", "forbidden", "agenda_range_invalid",
    "agenda_group_required"))
async def agenda(
    auth: Auth, db: Db, settings: CurrentSettings,
    from_date: Annotated[ApiDate, Query(alias="from")],
    to_date: Annotated[ApiDate, Query(alias="to")],
    child_id: Annotated[list[int] | None, Query()] = None,
    group_id: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    cursor: Annotated[PlainText | None, Query(max_length=100)] = None,
) -> AgendaResponse:
    """Planned day-parts per child (contracts minus closing days) for `from`..`to` inclusive.

    Parents see their children over up to 400 days. Staff and managers see one group
    (`group_id`, required) over up to a week: a whole organisation's year would be tens of
    megabytes, and nobody plans a group further than the week on screen."""
    user = auth.user
    today = settings.today()
    max_days = MAX_RANGE_DAYS if user.role.is_parent else STAFF_MAX_RANGE_DAYS
    if to_date < from_date or (to_date - from_date).days >= max_days:
        raise Problem("agenda_range_invalid", max_days=max_days)
    if group_id is None and not user.role.is_parent:
        raise Problem("agenda_group_required")
    if not user.role.is_parent and group_id not in await own_group_ids(db, user):
        raise Problem("forbidden")
    visible = await visible_child_ids(db, user, today)
    wanted = set(child_id) if child_id else visible
    if not wanted <= visible:
        raise Problem("forbidden")
    query = select(Contract).where(Contract.child_id.in_(wanted))
    if group_id is not None:
        query = query.where(Contract.group_id == group_id)
    if not user.role.is_parent:  # staff see the days of their groups' contracts only
        query = query.where(Contract.id.in_(staff_contracts(user, today)))
    contracts = list((await db.scalars(query.options(
        joinedload(Contract.days), joinedload(Contract.group, innerjoin=True))
        .order_by(Contract.id))).unique().all())
    if group_id is not None:  # the group's children, not every child the caller may see
        wanted = {contract.child_id for contract in contracts}
    closing = (await db.scalars(
        select(ClosingDay).where(ClosingDay.organisation_id == user.organisation_id,
                                 ClosingDay.day.between(from_date, to_date))
        .order_by(ClosingDay.day, ClosingDay.id)
    )).all()
    holidays = await school_holidays(db, user.organisation_id, from_date, to_date)
    location_ids = {p.group.location_id for p in contracts}
    planned = [PlannedDayPartOut(
        date=p.day, child_id=p.child_id, day_part=p.day_part, start=p.starts.strftime("%H:%M"),
        end=p.ends.strftime("%H:%M"), group_id=p.group_id, contract_id=p.contract_id)
        for p in expand_planning(contracts, closing, from_date, to_date, holidays)]
    holidays_out = [SchoolHolidayOut(name=h.name, first_date=h.first_day, last_date=h.last_day)
                    for h in holidays]
    closing_out = [ClosingDayOut(date=c.day, location_id=c.location_id, reason=c.reason)
                   for c in closing if c.location_id is None or c.location_id in location_ids]
    absences = [AgendaAbsenceOut(id=a.id, date=a.day, child_id=a.child_id, day_part=a.day_part,
                                 reason=a.reason)
                for a in sorted(await active_absences(db, list(wanted), from_date, to_date),
                                key=lambda a: (a.day, a.child_id, a.id))
                if covers(contracts, a.child_id, a.day)]
    extra_days = await _extra_days(db, contracts, from_date, to_date)
    current = _cursor({"absences": [a.model_dump(mode="json") for a in absences],
                       "extra_days": [e.model_dump(mode="json") for e in extra_days],
                       "from": from_date, "to": to_date,
                       "planned": [p.model_dump(mode="json") for p in planned],
                       "closing": [c.model_dump(mode="json") for c in closing_out],
                       "holidays": [h.model_dump(mode="json") for h in holidays_out]})
    if cursor == current:
        return AgendaResponse(from_date=from_date, to_date=to_date, cursor=current,
                              unchanged=True, planned=[], closing_days=[], school_holidays=[],
                              absences=[], extra_days=[])
    return AgendaResponse(from_date=from_date, to_date=to_date, cursor=current, unchanged=False,
                          planned=planned, closing_days=closing_out,
                          school_holidays=holidays_out, absences=absences,
                          extra_days=extra_days)
