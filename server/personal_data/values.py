"""The current value of each changeable field as a JSON-able dict, checking a proposed value,
and applying an approved one. One place per field, so the change requests stay generic."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import mask_iban
from server.models import (
    ChangeField,
    ChildContact,
    ChildDetails,
    ContactKind,
    FamilyBilling,
    ParentDetails,
    PaymentMethod,
)
from server.personal_data import checks
from server.personal_data.schemas import Address, BankIn, Contacts, Medical
from server.problems import Problem

SHAPES: dict[ChangeField, type[BaseModel]] = {
    ChangeField.ADDRESS: Address, ChangeField.BANK: BankIn, ChangeField.MEDICAL: Medical,
    ChangeField.EMERGENCY_CONTACTS: Contacts, ChangeField.COLLECTORS: Contacts,
}
CONTACT_KINDS = {ChangeField.EMERGENCY_CONTACTS: ContactKind.EMERGENCY,
                 ChangeField.COLLECTORS: ContactKind.COLLECTOR}


def checked(field: ChangeField, raw: dict[str, Any]) -> dict[str, Any]:
    """The proposed value, normalised (postcode, phones, IBAN), or a `validation_error` that
    names every wrong field as `value.<name>`."""
    try:
        value = SHAPES[field].model_validate(raw)
    except ValidationError as exc:
        raise Problem("validation_error", errors=[
            {"field": ".".join(["value", *map(str, e["loc"])]), "message": e["msg"]}
            for e in exc.errors()]) from exc
    data = value.model_dump()
    errors: list[checks.FieldInvalid] = []

    def check(name: str, test: Any, *, optional: bool = False) -> None:
        path = f"value.{name}"
        current = _get(data, name)
        if optional and not (current or "").strip():
            _set(data, name, None)
            return
        try:
            _set(data, name, test(checks.required(current, path), path))
        except checks.FieldInvalid as error:
            errors.append(error)

    if field is ChangeField.ADDRESS:
        check("street", lambda v, _p: v)
        check("house_number", checks.house_number)
        check("postcode", checks.postcode)
        check("city", lambda v, _p: v)
        data["addition"] = (data.get("addition") or "").strip() or None
    elif field is ChangeField.BANK:
        check("iban", checks.iban)
        check("account_holder", lambda v, _p: v)
    elif field is ChangeField.MEDICAL:
        check("gp_phone", checks.phone, optional=True)
        for name in ("gp_name", "allergies", "diet", "medical_notes"):
            data[name] = (data.get(name) or "").strip() or None
    else:
        for n in range(len(data["contacts"])):
            check(f"contacts.{n}.name", lambda v, _p: v)
            check(f"contacts.{n}.relation", lambda v, _p: v)
            check(f"contacts.{n}.phone", checks.phone)
    if errors:
        raise checks.invalid(errors)
    return data


def _get(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data.get(part)
    return data


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data[int(part)] if isinstance(data, list) else data[part]
    data[last] = value


async def current(db: AsyncSession, field: ChangeField, family_id: int,
                  subject_id: int) -> dict[str, Any]:
    """The field's value now, in the shape of its proposals (the IBAN in full)."""
    if field is ChangeField.ADDRESS:
        details = await db.get(ParentDetails, subject_id)
        if details is None or details.street is None:
            return {}
        return {"street": details.street, "house_number": details.house_number,
                "addition": details.addition, "postcode": details.postcode,
                "city": details.city}
    if field is ChangeField.BANK:
        bank = await db.get(FamilyBilling, family_id)
        if bank is None or bank.iban is None:
            return {}
        return {"iban": bank.iban, "account_holder": bank.account_holder,
                "mandate": bank.payment_method is PaymentMethod.DIRECT_DEBIT}
    if field is ChangeField.MEDICAL:
        medical = await db.get(ChildDetails, subject_id)
        names = ("gp_name", "gp_phone", "allergies", "diet", "medical_notes")
        return {name: getattr(medical, name) if medical else None for name in names}
    return {"contacts": await contacts(db, subject_id, CONTACT_KINDS[field])}


async def contacts(db: AsyncSession, child_id: int, kind: ContactKind) -> list[dict[str, str]]:
    rows = (await db.scalars(select(ChildContact).where(
        ChildContact.child_id == child_id, ChildContact.kind == kind)
        .order_by(ChildContact.position, ChildContact.id))).all()
    return [{"name": c.name, "relation": c.relation, "phone": c.phone} for c in rows]


async def apply(db: AsyncSession, field: ChangeField, family_id: int, subject_id: int,
                value: dict[str, Any], today: Any) -> None:
    """Store an approved value."""
    if field is ChangeField.ADDRESS:
        details = await db.get(ParentDetails, subject_id) or ParentDetails(user_id=subject_id)
        db.add(details)
        for name in ("street", "house_number", "addition", "postcode", "city"):
            setattr(details, name, value.get(name))
    elif field is ChangeField.BANK:
        await apply_bank(db, family_id, value, today)
    elif field is ChangeField.MEDICAL:
        medical = await db.get(ChildDetails, subject_id) or ChildDetails(child_id=subject_id)
        db.add(medical)
        for name, text in value.items():
            setattr(medical, name, text)
    else:
        kind = CONTACT_KINDS[field]
        await db.execute(delete(ChildContact).where(ChildContact.child_id == subject_id,
                                                    ChildContact.kind == kind))
        for n, contact in enumerate(value["contacts"]):
            db.add(ChildContact(child_id=subject_id, kind=kind, position=n, **contact))


async def apply_bank(db: AsyncSession, family_id: int, value: dict[str, Any],
                     today: Any) -> None:
    """The family's billing (server/finance): a new account or a new mandate counts as signed
    on the day the office approves it, with its own reference; without a mandate the family
    pays by transfer. Invoices already made keep the reference they were made with."""
    bank = await db.get(FamilyBilling, family_id)
    if bank is None:
        bank = FamilyBilling(family_id=family_id, payment_method=PaymentMethod.TRANSFER)
        db.add(bank)
    renewed = (bank.iban != value["iban"]
               or bank.payment_method is not PaymentMethod.DIRECT_DEBIT)
    bank.iban, bank.account_holder = value["iban"], value["account_holder"]
    if not value["mandate"]:
        bank.payment_method = PaymentMethod.TRANSFER
        bank.mandate_reference = bank.mandate_signed_on = None
    elif renewed:
        bank.payment_method = PaymentMethod.DIRECT_DEBIT
        bank.mandate_signed_on = today
        bank.mandate_reference = f"M{family_id:06d}{today:%Y%m%d}"


def shown(field: ChangeField, value: dict[str, Any]) -> dict[str, Any]:
    """A value as the API and the audit log show it: an IBAN masked."""
    if field is ChangeField.BANK and value.get("iban"):
        return {**value, "iban": mask_iban(value["iban"])}
    return value
