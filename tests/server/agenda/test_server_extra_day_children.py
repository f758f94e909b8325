"""One extra-day request for children with different care (issue 14): each child its own
day-part, and the credit that can really pay for the requested days."""

from __future__ import annotations

from datetime import date

import httpx
from agenda_helpers import FRIDAY, ask, children, give_credit
from server_helpers import SANNE, both_databases
from sqlalchemy.ext.asyncio import AsyncSession

pytestmark = both_databases


async def test_one_request_gives_a_kdv_child_the_whole_day_and_a_bso_child_after_school(
        client: httpx.AsyncClient) -> None:
    kids = await children(client)
    emma, daan = kids["Emma"], kids["Daan"]
    body = {"day_parts": {str(emma): None, str(daan): "nso"}}
    preview = await ask(client, SANNE, [emma, daan], FRIDAY, preview=True, **body)
    assert preview.status_code == 200, preview.text
    assert sorted((i["child_id"], i["day_part"]) for i in preview.json()["items"]) == sorted(
        [(emma, "ochtend"), (emma, "middag"), (daan, "nso")])
    made = await ask(client, SANNE, [emma, daan], FRIDAY, **body)
    assert made.status_code == 201, made.text
    requests = {r["child_id"]: r for r in made.json()["requests"]}
    assert (requests[emma]["day_part"], requests[daan]["day_part"]) == (None, "nso")
    assert [i["day_part"] for i in requests[daan]["items"]] == ["nso"]


async def test_one_day_part_for_both_is_refused_for_the_child_without_that_care(
        client: httpx.AsyncClient) -> None:
    kids = await children(client)
    whole_day = await ask(client, SANNE, [kids["Emma"], kids["Daan"]], FRIDAY, preview=True)
    assert (whole_day.status_code, whole_day.json()["code"]) == (
        422, "extra_day_outside_contract")
    assert whole_day.json()["child_name"] == "Daan"
    # A child left out of day_parts gets day_part: here nso for Daan, Emma's own whole day.
    mixed = await ask(client, SANNE, [kids["Emma"], kids["Daan"]], FRIDAY, preview=True,
                      day_part="nso", day_parts={str(kids["Emma"]): None})
    assert mixed.status_code == 200, mixed.text


async def test_day_parts_may_only_name_the_chosen_children(client: httpx.AsyncClient) -> None:
    kids = await children(client)
    stray = await ask(client, SANNE, [kids["Emma"]], FRIDAY, preview=True,
                      day_parts={str(kids["Daan"]): "nso"})
    assert (stray.status_code, stray.json()["code"]) == (422, "validation_error")


async def test_usable_credit_counts_only_credit_valid_on_the_requested_days(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    await give_credit(db, emma, 100, date(2026, 3, 5))  # expires the day before FRIDAY
    await give_credit(db, emma, 200, date(2026, 3, 6))  # still valid on FRIDAY itself
    preview = await ask(client, SANNE, [emma], FRIDAY, preview=True, payment="invoice")
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["credit_available_minutes"] == {str(emma): 300}
    # Whatever the chosen payment: what credit could pay for these day-parts.
    assert body["credit_usable_minutes"] == {str(emma): 200}
    assert body["credit_minutes"] == 0  # the invoice payment itself uses none
    short = await ask(client, SANNE, [emma], FRIDAY, payment="credit")
    assert short.json()["available_minutes"] == 200  # the same figure the refusal names


async def test_usable_credit_is_capped_at_what_the_days_need(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    emma = (await children(client))["Emma"]
    await give_credit(db, emma, 900, date(2026, 12, 31))
    preview = await ask(client, SANNE, [emma], FRIDAY, preview=True, day_part="ochtend")
    assert preview.json()["credit_usable_minutes"] == {str(emma): 330}
