"""Personal data with office approval (docs/api.md, "Personal data"): what changes at once,
what waits for the manager, who may see and decide, and the audit log."""

from __future__ import annotations

import json

import httpx
import pytest
from server_helpers import FATIMA, MANAGER, SANNE, THOMAS, bearer, tokens
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import mask_iban
from server.models import AuditEntry, FamilyBilling, PaymentMethod, User

NEW_ADDRESS = {"street": "Stratumseind", "house_number": "3", "addition": None,
               "postcode": "5611en", "city": "Eindhoven"}


async def auth(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer(await tokens(client, email))


async def data(client: httpx.AsyncClient, who: dict[str, str]) -> dict:
    response = await client.get("/api/v1/personal-data", headers=who)
    assert response.status_code == 200, response.text
    return response.json()


async def propose(client: httpx.AsyncClient, who: dict[str, str], field: str, subject_id: int,
                  value: dict) -> httpx.Response:
    return await client.post("/api/v1/change-requests", headers=who,
                             json={"field": field, "subject_id": subject_id, "value": value})


def parent(document: dict, name: str) -> dict:
    return next(p for p in document["parents"] if p["name"] == name)


def child(document: dict, first_name: str) -> dict:
    return next(c for c in document["children"] if c["name"].startswith(first_name))


async def test_the_family_sees_its_data_the_bank_account_masked(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    sanne = await data(client, await auth(client, SANNE))
    family_id = (await db.scalar(select(User).where(User.email == SANNE))).family_id
    billing = await db.get(FamilyBilling, family_id)
    assert parent(sanne, "Sanne de Vries")["address"]["postcode"] == "5611 GH"
    assert parent(sanne, "Sanne de Vries")["phone"] == "+31612345678"
    assert sanne["bank"]["iban_masked"] == mask_iban(billing.iban)
    assert billing.iban[2:-4] not in str(sanne)
    assert child(sanne, "Emma")["medical"]["allergies"] == "Pinda's en noten"
    assert [c["name"] for c in child(sanne, "Emma")["collectors"]] == ["Joke de Vries"]
    [pending] = sanne["change_requests"]
    assert (pending["field"], pending["status"], pending["requested_by"]) == \
        ("collectors", "pending", "Thomas de Vries")
    # The secondary parent sees everything but the bank account.
    thomas = await data(client, await auth(client, THOMAS))
    assert thomas["bank"] is None and thomas["bank_visible"] is False
    assert len(thomas["children"]) == 2


async def test_a_phone_number_changes_at_once_in_e164(client: httpx.AsyncClient,
                                                      db: AsyncSession) -> None:
    sanne = await auth(client, SANNE)
    changed = await client.patch("/api/v1/personal-data/contact", headers=sanne,
                                 json={"phone": "06 87654321", "home_phone": None})
    assert changed.status_code == 200, changed.text
    me = parent(changed.json(), "Sanne de Vries")
    assert (me["phone"], me["home_phone"]) == ("+31687654321", None)
    assert (await client.get("/api/v1/me", headers=sanne)).json()["user"]["phone"] == \
        "+31687654321"
    entry = await db.scalar(select(AuditEntry).where(AuditEntry.action == "contact_changed",
                                                     AuditEntry.field == "phone"))
    assert entry is not None and (entry.old_value, entry.new_value) == ("+31612345678",
                                                                        "+31687654321")


async def test_a_wrong_phone_names_the_field_in_dutch_and_english(
        client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    for language, words in (("nl", "geen geldig telefoonnummer"),
                            ("en", "not a valid phone number")):
        refused = await client.patch("/api/v1/personal-data/contact",
                                     headers={**sanne, "Accept-Language": language},
                                     json={"phone": "hallo", "home_phone": "040 123 45 67"})
        assert refused.status_code == 422
        [error] = refused.json()["errors"]
        assert (error["field"], error["reason"]) == ("phone", "phone")
        assert words in error["message"]
    # Nothing changed: not even the valid one.
    assert parent(await data(client, sanne), "Sanne de Vries")["home_phone"] == "+31401234567"


async def test_an_address_waits_for_the_manager_then_shows(client: httpx.AsyncClient) -> None:
    thomas = await auth(client, THOMAS)
    sanne_id = parent(await data(client, thomas), "Sanne de Vries")["user_id"]
    asked = await propose(client, thomas, "address", sanne_id, NEW_ADDRESS)
    assert asked.status_code == 201, asked.text
    request = asked.json()
    assert request["status"] == "pending"
    assert request["new_value"]["postcode"] == "5611 EN"
    assert request["old_value"]["street"] == "Kerkstraat"
    # Pending: the address is still the old one.
    sanne = await auth(client, SANNE)
    assert parent(await data(client, sanne), "Sanne de Vries")["address"]["street"] == \
        "Kerkstraat"
    again = await propose(client, sanne, "address", sanne_id, NEW_ADDRESS)
    assert (again.status_code, again.json()["code"]) == (409, "change_already_pending")

    manager = await auth(client, MANAGER)
    listed = await client.get("/api/v1/change-requests?status=pending", headers=manager)
    assert request["id"] in [r["id"] for r in listed.json()["change_requests"]]
    approved = await client.post(f"/api/v1/change-requests/{request['id']}/approve",
                                 headers=manager)
    assert approved.json()["status"] == "approved"
    manager_name = (await client.get("/api/v1/me", headers=manager)).json()["user"]["name"]
    assert approved.json()["decided_by"] == manager_name
    address = parent(await data(client, sanne), "Sanne de Vries")["address"]
    assert (address["street"], address["postcode"]) == ("Stratumseind", "5611 EN")
    twice = await client.post(f"/api/v1/change-requests/{request['id']}/approve",
                              headers=manager)
    assert (twice.status_code, twice.json()["code"]) == (409, "change_not_pending")


async def test_a_rejection_carries_its_reason_and_a_new_request_may_follow(
        client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    emma = child(await data(client, sanne), "Emma")["child_id"]
    asked = await propose(client, sanne, "medical", emma, {
        "gp_name": "Dokter Jansen", "gp_phone": "040 765 43 21", "allergies": "Pinda's",
        "diet": None, "medical_notes": None})
    assert asked.status_code == 201, asked.text
    manager = await auth(client, MANAGER)
    refused = await client.post(f"/api/v1/change-requests/{asked.json()['id']}/reject",
                                headers=manager, json={"reason": "Graag even bellen."})
    assert (refused.json()["status"], refused.json()["decision_reason"]) == \
        ("rejected", "Graag even bellen.")
    shown = next(r for r in (await data(client, sanne))["change_requests"]
                 if r["id"] == asked.json()["id"])
    assert shown["decision_reason"] == "Graag even bellen."
    assert child(await data(client, sanne), "Emma")["medical"]["allergies"] == "Pinda's en noten"
    assert (await propose(client, sanne, "medical", emma, {"allergies": "Geen"})).status_code \
        == 201


async def test_withdraw_by_the_family_only(client: httpx.AsyncClient) -> None:
    thomas = await auth(client, THOMAS)
    pending = (await data(client, thomas))["change_requests"][0]
    path = f"/api/v1/change-requests/{pending['id']}/withdraw"
    manager = await client.post(path, headers=await auth(client, MANAGER))
    assert manager.status_code == 403
    other = await client.post(path, headers=await auth(client, "lotte.jansen@voorbeeld.nl"))
    assert other.status_code == 404
    done = await client.post(path, headers=await auth(client, SANNE))
    assert done.json()["status"] == "withdrawn"
    again = await client.post(path, headers=thomas)
    assert again.json()["code"] == "change_not_pending"
    approve = await client.post(f"/api/v1/change-requests/{pending['id']}/approve",
                                headers=await auth(client, MANAGER))
    assert approve.json()["code"] == "change_not_pending"


async def test_the_bank_account_is_the_primary_parents_and_audited_masked(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    thomas = await auth(client, THOMAS)
    refused = await propose(client, thomas, "bank", 0, {
        "iban": "NL02 RABO 0123 4567 89", "account_holder": "T. de Vries", "mandate": True})
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    sanne = await auth(client, SANNE)
    sanne_user = await db.scalar(select(User).where(User.email == SANNE))
    old_iban = (await db.get(FamilyBilling, sanne_user.family_id)).iban
    wrong = await propose(client, sanne, "bank", 0, {
        "iban": "NL91ABNA0417164301", "account_holder": "S. de Vries", "mandate": True})
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "value.iban"
    assert wrong.json()["errors"][0]["reason"] == "iban_checksum"
    asked = await propose(client, sanne, "bank", 0, {
        "iban": "BE68 5390 0754 7034", "account_holder": "S. de Vries", "mandate": True})
    assert asked.status_code == 201, asked.text
    assert asked.json()["new_value"]["iban"] == "BE**********7034"
    approved = await client.post(f"/api/v1/change-requests/{asked.json()['id']}/approve",
                                 headers=await auth(client, MANAGER))
    assert approved.status_code == 200
    old = await db.get(FamilyBilling, sanne_user.family_id)
    await db.refresh(old)
    assert old.iban == "BE68539007547034"
    # The invoices are collected from the new account under a new mandate of today.
    assert old.payment_method is PaymentMethod.DIRECT_DEBIT
    assert str(old.mandate_signed_on) == "2026-03-02" and old.mandate_reference
    assert old.account_holder == "S. de Vries"
    entries = (await db.scalars(select(AuditEntry).where(
        AuditEntry.field == "bank:0"))).all()
    assert [e.action for e in entries] == ["change_requested", "change_approved"]
    for entry in entries:
        assert "BE68539007547034" not in (entry.new_value or "")
        assert old_iban not in (entry.old_value or "") + (entry.new_value or "")
        assert "BE**********7034" in entry.new_value
    # Thomas sees no bank request in the list either.
    listed = await client.get("/api/v1/change-requests", headers=thomas)
    assert all(r["field"] != "bank" for r in listed.json()["change_requests"])


async def test_contacts_need_a_name_a_relation_and_a_valid_phone(
        client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    daan = child(await data(client, sanne), "Daan")["child_id"]
    refused = await propose(client, sanne, "emergency_contacts", daan, {"contacts": [
        {"name": "Oma", "relation": "oma", "phone": "0611223344"},
        {"name": "", "relation": "buurman", "phone": "12"}]})
    assert refused.status_code == 422
    assert {(e["field"], e["reason"]) for e in refused.json()["errors"]} == {
        ("value.contacts.1.name", "required"), ("value.contacts.1.phone", "phone")}


async def test_another_familys_child_or_parent_is_not_found(client: httpx.AsyncClient) -> None:
    lotte = await auth(client, "lotte.jansen@voorbeeld.nl")
    sanne = await data(client, await auth(client, SANNE))
    emma = child(sanne, "Emma")["child_id"]
    sanne_id = parent(sanne, "Sanne de Vries")["user_id"]
    assert (await propose(client, lotte, "collectors", emma,
                          {"contacts": []})).status_code == 404
    assert (await propose(client, lotte, "address", sanne_id, NEW_ADDRESS)).status_code == 404


@pytest.mark.parametrize("email", [FATIMA, MANAGER])
async def test_staff_and_managers_neither_see_nor_propose_family_data(
        client: httpx.AsyncClient, email: str) -> None:
    who = await auth(client, email)
    assert (await client.get("/api/v1/personal-data", headers=who)).status_code == 403
    assert (await propose(client, who, "medical", 1, {})).status_code == 403


async def test_staff_do_not_decide(client: httpx.AsyncClient) -> None:
    fatima = await auth(client, FATIMA)
    assert (await client.get("/api/v1/change-requests", headers=fatima)).status_code == 403
    pending = (await data(client, await auth(client, SANNE)))["change_requests"][0]
    refused = await client.post(f"/api/v1/change-requests/{pending['id']}/approve",
                                headers=fatima)
    assert refused.status_code == 403


async def test_the_change_requests_page_with_a_cursor(client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    document = await data(client, sanne)
    for child_data in document["children"]:
        await propose(client, sanne, "medical", child_data["child_id"], {"diet": "Vegetarisch"})
    manager = await auth(client, MANAGER)
    first = (await client.get("/api/v1/change-requests?limit=2", headers=manager)).json()
    assert len(first["change_requests"]) == 2 and first["next_cursor"]
    rest = (await client.get(f"/api/v1/change-requests?limit=2&cursor={first['next_cursor']}",
                             headers=manager)).json()
    ids = [r["id"] for r in first["change_requests"] + rest["change_requests"]]
    assert len(ids) == len(set(ids)) == 3 and rest["next_cursor"] is None
    bad = await client.get("/api/v1/change-requests?cursor=abc", headers=manager)
    assert bad.status_code == 422


async def test_staff_see_the_care_notes_of_their_groups_only(client: httpx.AsyncClient) -> None:
    fatima = await auth(client, FATIMA)  # group Zonnetjes: Emma, not Daan (BSO)
    notes = (await client.get("/api/v1/care-notes", headers=fatima)).json()["children"]
    names = {c["first_name"] for c in notes}
    assert "Emma" in names and "Daan" not in names
    emma = next(c for c in notes if c["first_name"] == "Emma")
    assert emma["allergies"] == "Pinda's en noten"
    assert emma["collectors"][0]["name"] == "Joke de Vries"
    assert (await client.get("/api/v1/care-notes",
                             headers=await auth(client, SANNE))).status_code == 403
    manager = (await client.get("/api/v1/care-notes",
                                headers=await auth(client, MANAGER))).json()["children"]
    assert {"Emma", "Daan"} <= {c["first_name"] for c in manager}


async def test_approved_collectors_reach_the_staff(client: httpx.AsyncClient) -> None:
    pending = (await data(client, await auth(client, SANNE)))["change_requests"][0]
    await client.post(f"/api/v1/change-requests/{pending['id']}/approve",
                      headers=await auth(client, MANAGER))
    notes = (await client.get("/api/v1/care-notes",
                              headers=await auth(client, FATIMA))).json()["children"]
    emma = next(c for c in notes if c["first_name"] == "Emma")
    assert [c["name"] for c in emma["collectors"]] == ["Joke de Vries", "Ilse Bos"]
    assert json.dumps(emma)  # plain JSON for the group day view
