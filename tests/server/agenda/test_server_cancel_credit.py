"""Cancelling an absence whose credit pays for an extra day (docs/api.md, "Absence credit"):
the extra day is paid again from the child's other usable credit, oldest first and valid on
the extra day, and the rest moves to the invoice; the cancel preview shows exactly that
before the parent confirms. No extra day ever stays paid from credit that no longer exists.

Emma (KDV Zonnetjes, 11.49 an hour) is planned on Mondays, Tuesdays and Thursdays; her
absences on Monday 13 and Tuesday 14 April (more than 30 days ahead of the demo's Monday
2 March) earn credit that pays for extra care on Friday 6 March."""

from __future__ import annotations

from datetime import date, datetime

import httpx
from agenda_helpers import FRIDAY, children, give_credit, requested
from server_helpers import FATIMA, SANNE, FakeClock, bearer, both_databases, tokens
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.finance.invoicing import generate_invoices
from server.models import (
    AbsenceCredit,
    CreditUse,
    ExtraDayItem,
    InvoiceLine,
    InvoiceLineKind,
    Organisation,
)

pytestmark = both_databases

MONDAY = "2026-04-13"
TUESDAY = "2026-04-14"
OCHTEND, MIDDAG = 330, 300  # minutes: 07:30-13:00 and 13:00-18:00
RATE = 1149


def cents(minutes: int) -> int:
    return (minutes * RATE + 30) // 60


async def absent(client: httpx.AsyncClient, child: int, day: str, part: str) -> dict:
    response = await client.post("/api/v1/absences", headers=bearer(await tokens(client)),
                                 json={"child_ids": [child], "first_date": day,
                                       "day_part": part, "reason": "vakantie"})
    assert response.status_code == 201, response.text
    [absence] = response.json()["absences"]
    assert absence["credit_minutes"] is not None
    return absence


async def preview(client: httpx.AsyncClient, absence: dict) -> httpx.Response:
    return await client.get(f"/api/v1/absences/{absence['id']}/cancel-preview",
                            headers=bearer(await tokens(client)))


async def cancel(client: httpx.AsyncClient, absence: dict) -> httpx.Response:
    return await client.delete(f"/api/v1/absences/{absence['id']}",
                               headers=bearer(await tokens(client)))


async def the_request(client: httpx.AsyncClient, request_id: int) -> dict:
    listing = (await client.get("/api/v1/extra-days", headers=bearer(await tokens(client))))
    return next(r for r in listing.json()["requests"] if r["id"] == request_id)


async def approve(client: httpx.AsyncClient, request: dict) -> None:
    staff = bearer(await tokens(client, FATIMA))
    response = await client.post(f"/api/v1/extra-days/{request['id']}/approve", headers=staff)
    assert response.json()["status"] == "approved", response.text


async def invoice_month(db: AsyncSession, clock: FakeClock, month: int) -> None:
    """The billing run of `month` 2026 (it invoices the extra days of the months before)."""
    organisation = await db.scalar(select(Organisation.id))
    await generate_invoices(db, organisation, 2026, month, clock())
    await db.commit()


async def assert_no_extra_day_on_vanished_credit(db: AsyncSession) -> None:
    """The invariant: every reserved minute belongs to credit that still exists, and each
    item's credit_minutes is exactly what it holds."""
    db.expire_all()
    vanished = await db.scalar(select(func.count()).select_from(CreditUse).join(
        AbsenceCredit, AbsenceCredit.id == CreditUse.credit_id).where(
        CreditUse.released_at.is_(None), AbsenceCredit.withdrawn_at.is_not(None)))
    assert vanished == 0
    held = dict((await db.execute(
        select(CreditUse.item_id, func.sum(CreditUse.minutes))
        .where(CreditUse.released_at.is_(None)).group_by(CreditUse.item_id))).all())
    for item in (await db.scalars(select(ExtraDayItem))).all():
        assert held.get(item.id, 0) == item.credit_minutes, item.id


async def test_pending_extra_day_paid_from_credit_moves_to_the_invoice(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    absence = await absent(client, emma, MONDAY, "ochtend")
    request = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                              payment="credit")
    assert request["credit_minutes"] == OCHTEND and request["invoice_cents"] == 0

    shown = await preview(client, absence)
    assert shown.status_code == 200, shown.text
    assert shown.json() == {
        "absence_ids": [absence["id"]], "credit_minutes": OCHTEND, "invoice_cents": cents(OCHTEND),
        "extra_days": [{"request_id": request["id"], "status": "pending", "date": FRIDAY,
                        "day_part": "ochtend", "minutes": OCHTEND,
                        "credit_minutes_before": OCHTEND, "credit_minutes": 0,
                        "invoice_cents_before": 0, "invoice_cents": cents(OCHTEND)}]}
    assert (await the_request(client, request["id"]))["credit_minutes"] == OCHTEND  # nothing yet

    assert (await cancel(client, absence)).json()["status"] == "cancelled"
    after = await the_request(client, request["id"])
    assert (after["status"], after["payment"]) == ("pending", "invoice")
    assert (after["credit_minutes"], after["invoice_cents"]) == (0, cents(OCHTEND))
    assert after["items"][0]["invoice_cents"] == cents(OCHTEND)
    await assert_no_extra_day_on_vanished_credit(db)


async def test_approved_mixed_extra_day_invoices_the_part_the_credit_paid(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    emma = (await children(client))["Emma"]
    absence = await absent(client, emma, MONDAY, "ochtend")
    request = await requested(client, SANNE, [emma], FRIDAY, payment="mixed")  # whole day
    assert (request["credit_minutes"], request["invoice_cents"]) == (OCHTEND, cents(MIDDAG))
    await approve(client, request)

    [ochtend] = (await preview(client, absence)).json()["extra_days"]
    assert (ochtend["status"], ochtend["day_part"]) == ("approved", "ochtend")
    assert (ochtend["credit_minutes"], ochtend["invoice_cents"]) == (0, cents(OCHTEND))
    assert (await cancel(client, absence)).status_code == 200
    after = await the_request(client, request["id"])
    assert (after["status"], after["payment"]) == ("approved", "mixed")
    assert (after["credit_minutes"], after["invoice_cents"]) == (0, cents(OCHTEND + MIDDAG))
    await assert_no_extra_day_on_vanished_credit(db)

    # The April invoice bills both day-parts of the March extra day.
    await invoice_month(db, clock, 4)
    lines = (await db.scalars(select(InvoiceLine).where(
        InvoiceLine.kind == InvoiceLineKind.EXTRA_DAY, InvoiceLine.child_id == emma))).all()
    assert sorted((ln.minutes, ln.amount_cents) for ln in lines) == sorted(
        [(OCHTEND, cents(OCHTEND)), (MIDDAG, cents(MIDDAG))])


async def test_credit_from_two_absences_other_credit_pays_first(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    """The morning is paid 300 minutes from Monday's credit (the oldest) and 30 from
    Tuesday's. Cancelling Monday takes the 300 from what is left of Tuesday's; cancelling
    Tuesday too moves all of it to the invoice. Withdrawing the request gives back nothing
    withdrawn."""
    emma = (await children(client))["Emma"]
    monday = await absent(client, emma, MONDAY, "middag")  # 300 minutes, earlier id
    tuesday = await absent(client, emma, TUESDAY, "ochtend")  # 330 minutes
    request = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                              payment="credit")
    [first] = (await preview(client, monday)).json()["extra_days"]
    assert (first["credit_minutes_before"], first["credit_minutes"]) == (OCHTEND, OCHTEND)
    assert (first["invoice_cents_before"], first["invoice_cents"]) == (0, 0)
    assert (await cancel(client, monday)).status_code == 200
    after = await the_request(client, request["id"])
    assert (after["credit_minutes"], after["invoice_cents"], after["payment"]) == (
        OCHTEND, 0, "credit")
    await assert_no_extra_day_on_vanished_credit(db)

    [second] = (await preview(client, tuesday)).json()["extra_days"]
    assert (second["credit_minutes"], second["invoice_cents"]) == (0, cents(OCHTEND))
    assert (await cancel(client, tuesday)).status_code == 200
    assert (await the_request(client, request["id"]))["invoice_cents"] == cents(OCHTEND)
    await assert_no_extra_day_on_vanished_credit(db)

    withdrawn = await client.post(f"/api/v1/extra-days/{request['id']}/withdraw",
                                  headers=bearer(await tokens(client)))
    assert withdrawn.json()["status"] == "withdrawn"
    balance = await client.get("/api/v1/credit", headers=bearer(await tokens(client)))
    emma_credit = next(c for c in balance.json()["children"] if c["child_id"] == emma)
    assert emma_credit["available_minutes"] == 0


async def test_two_absences_cancelled_together_cannot_pay_for_each_other(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    """The same two credits as above, cancelled at once (`POST /absences/cancel`, what the
    request overview does for a day): previewed one by one each says the other pays, but
    together neither can — the preview of both and the cancel move the whole morning to the
    invoice, shown once."""
    emma = (await children(client))["Emma"]
    monday = await absent(client, emma, MONDAY, "middag")
    tuesday = await absent(client, emma, TUESDAY, "ochtend")
    request = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                              payment="credit")
    ids = [monday["id"], tuesday["id"]]
    headers = bearer(await tokens(client))
    [alone] = (await preview(client, monday)).json()["extra_days"]
    assert alone["invoice_cents"] == 0
    both = await client.get("/api/v1/absences/cancel-preview", headers=headers,
                            params={"absence_ids": ids})
    assert both.status_code == 200, both.text
    assert both.json() == {
        "absence_ids": ids, "credit_minutes": MIDDAG + OCHTEND,
        "invoice_cents": cents(OCHTEND),
        "extra_days": [{"request_id": request["id"], "status": "pending", "date": FRIDAY,
                        "day_part": "ochtend", "minutes": OCHTEND,
                        "credit_minutes_before": OCHTEND, "credit_minutes": 0,
                        "invoice_cents_before": 0, "invoice_cents": cents(OCHTEND)}]}
    assert (await the_request(client, request["id"]))["credit_minutes"] == OCHTEND  # nothing yet
    cancelled = await client.post("/api/v1/absences/cancel", headers=headers,
                                  json={"absence_ids": ids})
    assert cancelled.status_code == 200, cancelled.text
    after = await the_request(client, request["id"])
    assert (after["credit_minutes"], after["invoice_cents"], after["payment"]) == (
        0, cents(OCHTEND), "invoice")
    await assert_no_extra_day_on_vanished_credit(db)


async def test_other_credit_pays_only_while_valid_on_the_extra_day(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    """Credit expiring the day before the extra day cannot pay for it; credit expiring on the
    extra day itself can, and the one that expires first is used first."""
    emma = (await children(client))["Emma"]
    absence = await absent(client, emma, MONDAY, "ochtend")
    request = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                              payment="credit")
    await give_credit(db, emma, 200, expires_on=date(2026, 3, 5))  # the day before
    [day] = (await preview(client, absence)).json()["extra_days"]
    assert (day["credit_minutes"], day["invoice_cents"]) == (0, cents(OCHTEND))
    await give_credit(db, emma, 100, expires_on=date(2026, 3, 31), day=date(2026, 2, 3))
    on_the_day = await give_credit(db, emma, 200, expires_on=date(2026, 3, 6))
    [day] = (await preview(client, absence)).json()["extra_days"]
    assert (day["credit_minutes"], day["invoice_cents"]) == (300, cents(30))
    assert (await cancel(client, absence)).status_code == 200
    await assert_no_extra_day_on_vanished_credit(db)
    uses = dict((await db.execute(select(CreditUse.credit_id, CreditUse.minutes).where(
        CreditUse.released_at.is_(None)))).all())
    assert uses[on_the_day] == 200  # expires first, used first
    after = await the_request(client, request["id"])
    assert (after["credit_minutes"], after["invoice_cents"], after["payment"]) == (
        300, cents(30), "mixed")


async def test_an_extra_day_already_invoiced_cannot_lose_its_credit(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    """Once the invoice of an extra day partly paid from this credit is made, the cancel is
    refused (preview and cancel alike) with the day and whom to call. One paid entirely from
    credit had nothing invoiced: cancelling puts it on the next invoice."""
    emma = (await children(client))["Emma"]
    absence = await absent(client, emma, "2026-05-11", "middag")  # 300 of the 330 minutes
    mixed = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                            payment="mixed")
    assert mixed["invoice_cents"] == cents(30)
    await approve(client, mixed)
    clock.current = datetime(2026, 4, 2, 9, tzinfo=AMSTERDAM)
    await invoice_month(db, clock, 4)
    for response in (await preview(client, absence), await cancel(client, absence)):
        assert (response.status_code, response.json()["code"]) == (409,
                                                                   "absence_credit_invoiced")
        assert "6 maart 2026" in response.json()["detail"]
        assert response.json()["location_name"] == "Zonnebloem Centrum"
    assert (await the_request(client, mixed["id"]))["credit_minutes"] == MIDDAG
    # The request overview says so before the parent even tries.
    lines = (await client.get("/api/v1/requests", headers=bearer(await tokens(client)))).json()
    [line] = [r for r in lines["requests"] if r["kind"] == "absence" and r["id"] == absence["id"]]
    assert line["can_cancel"] is False and "al gefactureerd" in line["cancel_refusal"]


async def test_an_invoiced_extra_day_does_not_block_when_other_credit_takes_over(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    """The invoice stays right when other credit pays the same minutes: nothing moves to it,
    so the cancel goes ahead (and the request overview offers it)."""
    emma = (await children(client))["Emma"]
    absence = await absent(client, emma, "2026-05-11", "middag")  # 300 of the 330 minutes
    mixed = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                            payment="mixed")
    await approve(client, mixed)
    clock.current = datetime(2026, 4, 2, 9, tzinfo=AMSTERDAM)
    await invoice_month(db, clock, 4)
    await give_credit(db, emma, MIDDAG, expires_on=date(2026, 12, 31), day=date(2026, 2, 3))
    lines = (await client.get("/api/v1/requests", headers=bearer(await tokens(client)))).json()
    [line] = [r for r in lines["requests"] if r["kind"] == "absence" and r["id"] == absence["id"]]
    assert line["can_cancel"] is True, line["cancel_refusal"]
    [day] = (await preview(client, absence)).json()["extra_days"]
    assert (day["credit_minutes"], day["invoice_cents"]) == (MIDDAG, cents(30))
    assert (await cancel(client, absence)).status_code == 200
    after = await the_request(client, mixed["id"])
    assert (after["credit_minutes"], after["invoice_cents"]) == (MIDDAG, cents(30))
    await assert_no_extra_day_on_vanished_credit(db)


async def test_credit_spent_on_care_in_an_invoiced_month_goes_on_the_next_invoice(
        client: httpx.AsyncClient, db: AsyncSession, clock: FakeClock) -> None:
    emma = (await children(client))["Emma"]
    absence = await absent(client, emma, "2026-05-11", "ochtend")
    paid = await requested(client, SANNE, [emma], FRIDAY, day_part="ochtend",
                           payment="credit")
    await approve(client, paid)
    clock.current = datetime(2026, 4, 2, 9, tzinfo=AMSTERDAM)
    await invoice_month(db, clock, 4)
    lines = (await client.get("/api/v1/requests", headers=bearer(await tokens(client)))).json()
    [line] = [r for r in lines["requests"] if r["kind"] == "absence" and r["id"] == absence["id"]]
    assert line["can_cancel"] is True
    assert (await cancel(client, absence)).status_code == 200
    await invoice_month(db, clock, 5)
    [line] = (await db.scalars(select(InvoiceLine).where(
        InvoiceLine.kind == InvoiceLineKind.EXTRA_DAY, InvoiceLine.child_id == emma))).all()
    assert (line.first_date, line.minutes, line.amount_cents) == (
        date(2026, 3, 6), OCHTEND, cents(OCHTEND))


async def test_the_preview_refuses_what_the_cancel_refuses(client: httpx.AsyncClient,
                                                           clock: FakeClock) -> None:
    emma = (await children(client))["Emma"]
    absence = await absent(client, emma, MONDAY, "ochtend")
    clock.current = datetime(2026, 3, 15, 9, tzinfo=AMSTERDAM)  # 29 days before
    too_late = await preview(client, absence)
    assert (too_late.status_code, too_late.json()["code"]) == (409, "absence_cancel_too_late")
    clock.current = datetime(2026, 3, 14, 9, tzinfo=AMSTERDAM)  # 30 days before
    assert (await preview(client, absence)).json()["extra_days"] == []
    assert (await cancel(client, absence)).status_code == 200
    again = await preview(client, absence)
    assert (again.status_code, again.json()["code"]) == (409, "absence_already_cancelled")
    other = await client.get("/api/v1/absences/999999/cancel-preview",
                             headers=bearer(await tokens(client, FATIMA)))
    assert (other.status_code, other.json()["code"]) == (404, "not_found")
