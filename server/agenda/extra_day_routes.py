"""`/api/v1/credit` and `/api/v1/extra-days`: credit balance, request, withdraw, decide."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Body, Path, Query
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.agenda.access import staff_contracts, visible_child_ids
from server.agenda.credit_ledger import credit_balances
from server.agenda.extra_day_decisions import (
    approve_extra_day,
    decidable_request,
    reject_extra_day,
    request_capacity,
)
from server.agenda.extra_day_schemas import (
    ApproveIn,
    CapacityOut,
    ChildCreditOut,
    CreditBalanceOut,
    CreditOut,
    ExtraDayIn,
    ExtraDayRequestOut,
    ExtraDayRequestsOut,
    ExtraDayRequestsPage,
    PreviewOut,
    RejectIn,
    SkippedOut,
    item_out,
    request_names,
    request_out,
)
from server.agenda.extra_days import (
    ExtraDayAsk,
    quote_extra_days,
    submit_extra_days,
    withdraw_extra_day,
)
from server.config import AMSTERDAM
from server.deps import Auth, CurrentSettings, Db
from server.models import (
    Child,
    ExtraDayItem,
    ExtraDayRequest,
    ExtraDayStatus,
)
from server.paging import DESC, Keyset, Paging
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(tags=["extra days"])

_AUTH = ("not_authenticated", "token_expired")
_RULES = ("forbidden", "validation_error", "agenda_range_invalid", "extra_day_too_soon",
          "extra_day_too_far", "extra_day_closed", "extra_day_already_planned",
          "extra_day_already_requested", "extra_day_outside_contract",
          "extra_day_credit_insufficient")
RequestId = Annotated[int, Path(ge=1, le=2_147_483_647)]


async def one_out(db: AsyncSession, request: ExtraDayRequest) -> ExtraDayRequestOut:
    return request_out(request, await request_names(db, [request]))


def _ask(body: ExtraDayIn) -> ExtraDayAsk:
    return ExtraDayAsk(child_ids=body.child_ids, first_day=body.first_date,
                       last_day=body.last_date or body.first_date,
                       day_parts=body.day_part_of_each(), payment=body.payment, note=body.note)


@router.get("/credit", response_model=CreditBalanceOut,
            responses=problem_responses(*_AUTH, "forbidden"))
async def get_credit(auth: Auth, db: Db, settings: CurrentSettings) -> CreditBalanceOut:
    """Absence credit per child of the family that can still pay for extra days."""
    if not auth.user.role.is_parent:
        raise Problem("forbidden")
    child_ids = list((await db.scalars(select(Child.id).where(
        Child.family_id == auth.user.family_id).order_by(Child.id))).all())
    balances = await credit_balances(db, child_ids, settings.today())
    return CreditBalanceOut(children=[ChildCreditOut(
        child_id=child_id, available_minutes=sum(b.available_minutes for b in balances[child_id]),
        credits=[CreditOut(id=b.credit.id, earned_on=b.credit.earned_on,
                           expires_on=b.credit.expires_on, minutes=b.credit.minutes,
                           available_minutes=b.available_minutes)
                 for b in balances[child_id]]) for child_id in child_ids])


@router.post("/extra-days/preview", response_model=PreviewOut,
             responses=problem_responses(*_AUTH, *_RULES))
async def preview_extra_days(body: ExtraDayIn, auth: Auth, db: Db,
                             settings: CurrentSettings) -> PreviewOut:
    """The day-parts a request would cover and their cost; nothing is stored."""
    quote = await quote_extra_days(db, settings, auth.user, _ask(body))
    items = [item_out(p.part.child_id, p.part.day, p.part.day_part, p.part.minutes,
                      p.hourly_rate_cents, p.draw.minutes, p.invoice_cents)
             for p in quote.priced]
    return PreviewOut(
        items=items,
        skipped=[SkippedOut(child_id=s.child_id, date=s.day, day_part=s.day_part,
                            reason=s.reason) for s in quote.plan.skipped],
        total_minutes=sum(i.minutes for i in items),
        credit_minutes=sum(i.credit_minutes for i in items),
        invoice_cents=sum(i.invoice_cents for i in items),
        credit_available_minutes={str(k): v for k, v in quote.available_minutes.items()},
        credit_usable_minutes={str(k): v for k, v in quote.usable_minutes.items()})


@router.post("/extra-days", status_code=201, response_model=ExtraDayRequestsOut,
             responses=problem_responses(*_AUTH, *_RULES, "idempotency_key_reused"))
async def post_extra_days(body: ExtraDayIn, auth: Auth, db: Db,
                          settings: CurrentSettings) -> ExtraDayRequestsOut:
    """Request extra days (dag aanvragen): one pending request per child, credit reserved."""
    requests = await submit_extra_days(db, settings, auth.user, _ask(body))
    names = await request_names(db, requests)
    return ExtraDayRequestsOut(requests=[request_out(r, names) for r in requests])


# Newest first; the same order for the family's list and the staff's pending requests.
EXTRA_DAYS = Keyset("extra-days", (ExtraDayRequest.first_date, DESC), (ExtraDayRequest.id, DESC))


@router.get("/extra-days", response_model=ExtraDayRequestsPage,
            responses=problem_responses(*_AUTH, "validation_error"))
async def list_extra_days(auth: Auth, db: Db, settings: CurrentSettings, paging: Paging,
                          status: Annotated[ExtraDayStatus | None, Query()] = None,
                          decided_on: Annotated[date | None, Query()] = None,
                          ) -> ExtraDayRequestsPage:
    """Parents: the family's requests; staff: their groups'; managers: their locations' —
    those with a day-part under a contract they see (server/agenda/access.py). In pages,
    newest first (docs/api.md "Lists and paging"). `decided_on`: only those decided on that
    day (Dutch time), e.g. today's decisions."""
    user = auth.user
    if user.role.is_parent:
        scope = ExtraDayRequest.child_id.in_(await visible_child_ids(db, user, settings.today()))
    else:
        scope = ExtraDayRequest.id.in_(select(ExtraDayItem.request_id).where(
            ExtraDayItem.contract_id.in_(staff_contracts(user, settings.today()))))
    query = (select(ExtraDayRequest).where(scope)
             .options(selectinload(ExtraDayRequest.items)))
    if status is not None:
        query = query.where(ExtraDayRequest.status == status)
    if decided_on is not None:
        start = datetime.combine(decided_on, time(), AMSTERDAM)
        query = query.where(ExtraDayRequest.decided_at >= start,
                            ExtraDayRequest.decided_at < start + timedelta(days=1))
    requests, next_cursor = EXTRA_DAYS.page(
        list((await db.scalars(EXTRA_DAYS.select(query, paging))).all()), paging,
        lambda r: (r.first_date, r.id))
    names = await request_names(db, requests)
    return ExtraDayRequestsPage(requests=[request_out(r, names) for r in requests],
                                next_cursor=next_cursor)


@router.post("/extra-days/{request_id}/withdraw", response_model=ExtraDayRequestOut,
             responses=problem_responses(*_AUTH, "not_found", "extra_day_approved_final",
                                         "extra_day_not_pending"))
async def withdraw(request_id: RequestId, auth: Auth, db: Db,
                   settings: CurrentSettings) -> ExtraDayRequestOut:
    """Withdraw a pending request (intrekken); approved extra care cannot be cancelled."""
    return await one_out(db, await withdraw_extra_day(db, settings, auth.user, request_id))


@router.get("/extra-days/{request_id}/capacity", response_model=CapacityOut,
            responses=problem_responses(*_AUTH, "forbidden", "not_found"))
async def capacity(request_id: RequestId, auth: Auth, db: Db,
                   settings: CurrentSettings) -> CapacityOut:
    """The group's places on each requested day-part, for the staff who decide."""
    request = await decidable_request(db, auth.user, request_id, settings.today())
    return CapacityOut(days=await request_capacity(db, auth.user, request))


@router.post("/extra-days/{request_id}/approve", response_model=ExtraDayRequestOut,
             responses=problem_responses(*_AUTH, "forbidden", "not_found", "validation_error",
                                         "extra_day_not_pending", "extra_day_capacity_full"))
async def approve(request_id: RequestId, auth: Auth, db: Db, settings: CurrentSettings,
                  body: Annotated[ApproveIn | None, Body()] = None) -> ExtraDayRequestOut:
    """Approve a pending request when the group has room on every requested day-part; with
    `items`, approve only those and reject the rest with `reason` (a partial approval)."""
    only = None
    if body is not None and body.items is not None:
        only = {(item.date, item.day_part) for item in body.items}
    return await one_out(db, await approve_extra_day(
        db, settings, auth.user, request_id, only=only,
        reason=body.reason if body is not None else None))


@router.post("/extra-days/{request_id}/reject", response_model=ExtraDayRequestOut,
             responses=problem_responses(*_AUTH, "forbidden", "not_found", "validation_error",
                                         "extra_day_not_pending"))
async def reject(request_id: RequestId, body: RejectIn, auth: Auth, db: Db,
                 settings: CurrentSettings) -> ExtraDayRequestOut:
    """Reject a pending request with a reason; its credit is released."""
    return await one_out(db, await reject_extra_day(db, settings, auth.user, request_id,
                                                    body.reason))
