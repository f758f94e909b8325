"""Download my data (AVG art. 15 and 20): a ZIP with one JSON file per kind of data the
server holds about the family and a readable summary, streamed (docs/api.md, "Download my
data").

What never leaves: password hashes, token and code hashes, the two-factor secret and the
recovery codes (only whether two-factor login is on), and another family's anything. The
secondary parent gets the family's data without the bank account and the invoices, as in the
app. Messages, the diary and photos are not kept by this portal yet; the summary says so.
"""

from __future__ import annotations

import asyncio
import json
import zipfile
from collections.abc import AsyncIterator, Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import inspect, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import mask_iban
from server.config import AMSTERDAM
from server.models import (
    Absence,
    AbsenceCredit,
    AccountSettings,
    AuditEntry,
    AuthSession,
    ChangeRequest,
    Child,
    ChildContact,
    ChildDetails,
    Contract,
    ContractDay,
    ExtraDayItem,
    ExtraDayRequest,
    Family,
    FamilyBilling,
    Invoice,
    InvoiceLine,
    ParentDetails,
    Role,
    TwoFactor,
    User,
)

# Columns that are secrets or only the server's bookkeeping of them.
SECRET_COLUMNS = {"password_hash", "sealed_secret", "token_hash", "code_hash", "code_salt",
                  "successor"}
CHUNK = 64 * 1024


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(AMSTERDAM).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def rows(objects: Iterable[Any]) -> list[dict[str, Any]]:
    """Every column of each row, secrets left out."""
    return [{c.key: _value(getattr(o, c.key)) for c in inspect(o).mapper.column_attrs
             if c.key not in SECRET_COLUMNS} for o in objects]


async def _all(db: AsyncSession, query: Any) -> list[Any]:
    return list((await db.scalars(query)).all())


async def collect(db: AsyncSession, user: User) -> dict[str, Any]:
    """The family's data, one entry per file."""
    family_id = user.family_id
    assert family_id is not None
    primary = user.role is Role.PRIMARY_PARENT
    family = await db.get(Family, family_id)
    members = await _all(db, select(User).where(User.family_id == family_id).order_by(User.id))
    member_ids = [m.id for m in members]
    children = await _all(db, select(Child).where(Child.family_id == family_id)
                          .order_by(Child.id))
    child_ids = [c.id for c in children]
    contracts = await _all(db, select(Contract).where(Contract.child_id.in_(child_ids))
                           .order_by(Contract.id))
    contract_ids = [c.id for c in contracts]
    absences = await _all(db, select(Absence).where(Absence.child_id.in_(child_ids))
                          .order_by(Absence.day, Absence.id))
    requests = await _all(db, select(ExtraDayRequest).where(
        ExtraDayRequest.child_id.in_(child_ids)).order_by(ExtraDayRequest.id))
    billing = await db.get(FamilyBilling, family_id)
    two_factor = {t.user_id for t in await _all(db, select(TwoFactor).where(
        TwoFactor.user_id.in_(member_ids), TwoFactor.confirmed_at.is_not(None)))}
    changes = await _all(db, select(ChangeRequest).where(ChangeRequest.family_id == family_id)
                         .order_by(ChangeRequest.id))
    if not primary:
        changes = [c for c in changes if c.field.value != "bank"]
    audit = await _all(db, select(AuditEntry).where(or_(
        AuditEntry.family_id == family_id, AuditEntry.subject_user_id.in_(member_ids)))
        .order_by(AuditEntry.id))
    if not primary:
        audit = [a for a in audit if not (a.field or "").startswith("bank")]
    persons = rows(members)
    for person in persons:
        person["two_factor_login"] = person["id"] in two_factor
    data: dict[str, Any] = {
        "persons": {
            "persons": persons,
            "details": rows(await _all(db, select(ParentDetails).where(
                ParentDetails.user_id.in_(member_ids)))),
            "settings": rows(await _all(db, select(AccountSettings).where(
                AccountSettings.user_id.in_(member_ids)))),
            "logged_in_devices": rows(await _all(db, select(AuthSession).where(
                AuthSession.user_id.in_(member_ids)).order_by(AuthSession.id))),
        },
        "family": {"family": rows([family])[0] if family else None,
                   "bank_account": (rows([billing])[0] if billing else None) if primary
                   else None},
        "children": {
            "children": rows(children),
            "care_details": rows(await _all(db, select(ChildDetails).where(
                ChildDetails.child_id.in_(child_ids)))),
            "contacts": rows(await _all(db, select(ChildContact).where(
                ChildContact.child_id.in_(child_ids)).order_by(ChildContact.id))),
        },
        "planning": {
            "contracts": rows(contracts),
            "contract_days": rows(await _all(db, select(ContractDay).where(
                ContractDay.contract_id.in_(contract_ids)))),
        },
        "absences": {
            "absences": rows(absences),
            "absence_credit": rows(await _all(db, select(AbsenceCredit).where(
                AbsenceCredit.absence_id.in_([a.id for a in absences])))),
        },
        "requests": {
            "extra_day_requests": rows(requests),
            "extra_day_items": rows(await _all(db, select(ExtraDayItem).where(
                ExtraDayItem.request_id.in_([r.id for r in requests])))),
            "change_requests": [{**r, "old_value": json.loads(r["old_value"]),
                                 "new_value": json.loads(r["new_value"])}
                                for r in rows(changes)],
        },
        "history": {"changes_and_decisions": rows(audit)},
    }
    if primary:
        invoices = await _all(db, select(Invoice).where(Invoice.family_id == family_id)
                              .order_by(Invoice.id))
        data["invoices"] = {
            "invoices": rows(invoices),
            "invoice_lines": rows(await _all(db, select(InvoiceLine).where(
                InvoiceLine.invoice_id.in_([i.id for i in invoices])))),
        }
    return data


def summary(user: User, data: dict[str, Any], now: datetime) -> str:
    """The readable overview of the ZIP, in Dutch (the organisation's language)."""
    persons = data["persons"]["persons"]
    children = data["children"]["children"]
    bank = data["family"]["bank_account"]
    lines = [
        "Mijn gegevens bij het ouderportaal",
        "=" * 34,
        f"Opgevraagd door {user.name} op {now.astimezone(AMSTERDAM):%d-%m-%Y %H:%M}.",
        "",
        "Dit bestand vat samen wat het ouderportaal over je gezin bewaart; de JSON-bestanden",
        "ernaast bevatten alles in detail (AVG artikel 15 en 20).",
        "",
        "Personen: " + ", ".join(f"{p['name']} ({p['email']})" for p in persons),
        "Kinderen: " + ", ".join(f"{c['first_name']} {c['last_name']} (geboren "
                                 f"{c['date_of_birth']})" for c in children),
        f"Contracten: {len(data['planning']['contracts'])}",
        f"Afmeldingen: {len(data['absences']['absences'])}",
        f"Aanvragen extra opvang: {len(data['requests']['extra_day_requests'])}",
        f"Wijzigingsverzoeken: {len(data['requests']['change_requests'])}",
        f"Ingelogde apparaten (ook beëindigde): {len(data['persons']['logged_in_devices'])}",
        f"Wijzigingen en besluiten in het logboek: "
        f"{len(data['history']['changes_and_decisions'])}",
    ]
    if "invoices" in data:
        lines.append(f"Facturen: {len(data['invoices']['invoices'])}")
    if bank is not None and bank.get("iban"):
        lines.append(f"Bankrekening: {mask_iban(bank['iban'])} (volledig in family.json)")
    lines += [
        "",
        "Berichten, het dagboek en foto's bewaart dit ouderportaal (nog) niet.",
        "Wachtwoorden, inlogcodes en de sleutel van inloggen met een code worden nooit",
        "meegegeven: die kent alleen jij (het portaal bewaart ze versleuteld of als hash).",
        "",
    ]
    return "\n".join(lines)


class _Sink:
    """A write-only file for zipfile that hands over what was written so far."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.offset = 0

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


async def zip_chunks(files: dict[str, bytes]) -> AsyncIterator[bytes]:
    """The ZIP of ``files``, yielded as it is made (no temporary file, no whole ZIP in
    memory). After each chunk the event loop gets its turn: the other requests go on, and a
    client that went away is noticed before the next chunk is written to its closed socket."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:  # type: ignore[arg-type]
        for name, content in files.items():
            with archive.open(name, "w") as entry:
                for start in range(0, len(content), CHUNK):
                    entry.write(content[start:start + CHUNK])
                    if (chunk := sink.take()):
                        yield chunk
                        await asyncio.sleep(0)
    if (chunk := sink.take()):
        yield chunk


def files_of(user: User, data: dict[str, Any], now: datetime) -> dict[str, bytes]:
    files = {"overzicht.txt": summary(user, data, now).encode("utf-8")}
    for kind, content in data.items():
        files[f"{kind}.json"] = json.dumps(content, ensure_ascii=False, indent=2).encode()
    return files
