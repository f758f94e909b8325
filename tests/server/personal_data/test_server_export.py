"""Download my data (docs/api.md, "Download my data"): the family's data and nothing of
another family, no secrets, audit-logged."""

from __future__ import annotations

import io
import json
import zipfile

import httpx
import pyotp
from server_helpers import FATIMA, SANNE, THOMAS, FakeClock, bearer, tokens
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import AuditEntry, FamilyBilling, User

KINDS = {"overzicht.txt", "persons.json", "family.json", "children.json", "planning.json",
         "absences.json", "requests.json", "history.json"}


async def export(client: httpx.AsyncClient, email: str) -> tuple[httpx.Response, zipfile.ZipFile]:
    response = await client.get("/api/v1/personal-data/export",
                                headers=bearer(await tokens(client, email)))
    assert response.status_code == 200, response.text
    return response, zipfile.ZipFile(io.BytesIO(response.content))


def load(archive: zipfile.ZipFile, name: str) -> dict:
    return json.loads(archive.read(name))


async def test_the_zip_holds_the_familys_data_per_kind_and_a_summary(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    response, archive = await export(client, SANNE)
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"].startswith(
        'attachment; filename="mijn-gegevens-')
    assert "content-length" not in response.headers  # streamed
    assert set(archive.namelist()) == KINDS | {"invoices.json"}
    assert archive.testzip() is None
    persons = load(archive, "persons.json")
    assert {p["email"] for p in persons["persons"]} == {SANNE, THOMAS}
    assert all("password_hash" not in p for p in persons["persons"])
    children = load(archive, "children.json")
    assert {c["first_name"] for c in children["children"]} == {"Emma", "Daan"}
    assert any(d["allergies"] == "Pinda's en noten" for d in children["care_details"])
    absences = load(archive, "absences.json")["absences"]
    assert absences and len(load(archive, "planning.json")["contracts"]) == 2
    assert load(archive, "requests.json")["change_requests"][0]["new_value"]["contacts"]
    billing = await db.get(FamilyBilling, (await db.scalar(
        select(User).where(User.email == SANNE))).family_id)
    assert load(archive, "family.json")["bank_account"]["iban"] == billing.iban
    summary = archive.read("overzicht.txt").decode()
    assert "Sanne de Vries" in summary and "Emma de Vries" in summary
    assert "Berichten, het dagboek en foto's" in summary
    entry = await db.scalar(select(AuditEntry).where(AuditEntry.action == "data_exported"))
    assert entry is not None and "persons.json" in entry.new_value


async def test_nothing_of_another_family(client: httpx.AsyncClient, db: AsyncSession) -> None:
    _, archive = await export(client, SANNE)
    everything = b"".join(archive.read(n) for n in archive.namelist()).decode()
    others = (await db.scalars(select(User.email).where(
        User.email.not_in([SANNE, THOMAS]), User.family_id.is_not(None)))).all()
    assert others and not any(email in everything for email in others)
    assert "lotte.jansen" not in everything and "Finn" not in everything


async def test_the_secondary_parent_gets_no_bank_account_or_invoices(
        client: httpx.AsyncClient) -> None:
    _, archive = await export(client, THOMAS)
    assert set(archive.namelist()) == KINDS
    assert load(archive, "family.json")["bank_account"] is None
    assert all(r["field"] != "bank" for r in load(archive, "requests.json")["change_requests"])


async def test_no_secret_leaves(client: httpx.AsyncClient, clock: FakeClock) -> None:
    auth = bearer(await tokens(client))
    setup = (await client.post("/api/v1/account/two-factor/setup", headers=auth)).json()
    codes = (await client.post("/api/v1/account/two-factor/confirm", headers=auth, json={
        "code": pyotp.TOTP(setup["secret"]).at(clock.current)})).json()["recovery_codes"]
    response = await client.get("/api/v1/personal-data/export", headers=auth)
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    everything = b"".join(archive.read(n) for n in archive.namelist()).decode()
    assert setup["secret"] not in everything
    assert not any(code in everything for code in codes)
    for secret in ("password_hash", "sealed_secret", "token_hash", "code_hash", "argon2"):
        assert secret not in everything
    sanne = next(p for p in load(archive, "persons.json")["persons"] if p["email"] == SANNE)
    assert sanne["two_factor_login"] is True


async def test_staff_have_no_family_data_to_download(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/personal-data/export",
                                headers=bearer(await tokens(client, FATIMA)))
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")
