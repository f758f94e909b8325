"""`/personal-data`, `/change-requests` and `/care-notes` (docs/api.md, "Personal data")."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import StreamingResponse
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import mask_iban, record_change
from server.agenda.access import visible_child_ids
from server.config import AMSTERDAM
from server.deps import Auth, CurrentSettings, Db
from server.models import (
    ChangeField,
    ChangeRequest,
    ChangeStatus,
    Child,
    ChildDetails,
    ContactKind,
    Contract,
    FamilyBilling,
    ParentDetails,
    Role,
    User,
)
from server.paging import DESC, Keyset, Paging
from server.personal_data import changes, checks, export, values
from server.personal_data.schemas import (
    Address,
    BankOut,
    CareNotesChild,
    CareNotesOut,
    ChangeRequestIn,
    ChangeRequestOut,
    ChangeRequestsOut,
    ChildDataOut,
    Contact,
    ContactDetailsIn,
    Medical,
    ParentOut,
    PersonalDataOut,
    ReasonIn,
)
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(tags=["personal data"])
RequestId = Annotated[int, Path(ge=1, le=2**31 - 1)]
SIGNED_IN = ("not_authenticated", "token_expired")
# Decisions stay on the parent's page this long, so a rejection's reason is read.
RECENT = timedelta(days=30)
KEYSET = Keyset("change_requests", (ChangeRequest.created_at, DESC), (ChangeRequest.id, DESC))


def _out(request: ChangeRequest, names: dict[str, dict[int, str]]) -> ChangeRequestOut:
    if request.field is ChangeField.ADDRESS:
        subject = names["users"].get(request.subject_id, "")
    elif request.field is ChangeField.BANK:
        subject = names["families"].get(request.family_id, "")
    else:
        subject = names["children"].get(request.subject_id, "")
    return ChangeRequestOut(
        id=request.id, family_id=request.family_id,
        family_name=names["families"].get(request.family_id, ""), field=request.field,
        subject_id=request.subject_id, subject_name=subject,
        old_value=values.shown(request.field, json.loads(request.old_value)),
        new_value=values.shown(request.field, json.loads(request.new_value)),
        status=request.status, requested_by=names["users"].get(request.requested_by, ""),
        created_at=request.created_at.astimezone(AMSTERDAM),
        decided_by=names["users"].get(request.decided_by) if request.decided_by else None,
        decided_at=request.decided_at.astimezone(AMSTERDAM) if request.decided_at else None,
        decision_reason=request.decision_reason)


async def _one(db: AsyncSession, request: ChangeRequest) -> ChangeRequestOut:
    return _out(request, await changes.names(db, [request]))


def _parent_only(auth: Auth) -> User:
    if not auth.user.role.is_parent or auth.user.family_id is None:
        raise Problem("forbidden")
    return auth.user


@router.get("/personal-data", response_model=PersonalDataOut,
            responses=problem_responses(*SIGNED_IN, "forbidden"))
async def get_personal_data(db: Db, settings: CurrentSettings, auth: Auth) -> PersonalDataOut:
    """The family's personal data and its change requests (parents)."""
    return await _document(db, settings, _parent_only(auth))


async def _document(db: AsyncSession, settings: CurrentSettings, user: User) -> PersonalDataOut:
    family_id = user.family_id
    assert family_id is not None
    parents = (await db.scalars(select(User).where(User.family_id == family_id)
                                .order_by(User.role, User.id))).all()
    parent_out = []
    for parent in parents:
        details = await db.get(ParentDetails, parent.id)
        address = await values.current(db, ChangeField.ADDRESS, family_id, parent.id)
        parent_out.append(ParentOut(
            user_id=parent.id, name=parent.name, role=parent.role.value,
            address=Address(**address) if address else None,
            phone=parent.phone,
            home_phone=details.home_phone if details else None,
            notification_email=details.notification_email if details else None))
    bank_visible = user.role is Role.PRIMARY_PARENT
    bank = await db.get(FamilyBilling, family_id) if bank_visible else None
    if bank is not None and bank.iban is None:
        bank = None
    children = (await db.scalars(select(Child).where(Child.family_id == family_id)
                                 .order_by(Child.id))).all()
    children_out = [ChildDataOut(
        child_id=child.id, name=f"{child.first_name} {child.last_name}",
        medical=Medical(**await values.current(db, ChangeField.MEDICAL, family_id, child.id)),
        emergency_contacts=[Contact(**c) for c in await values.contacts(
            db, child.id, ContactKind.EMERGENCY)],
        collectors=[Contact(**c) for c in await values.contacts(
            db, child.id, ContactKind.COLLECTOR)]) for child in children]
    since = settings.now() - RECENT
    requests = list((await db.scalars(select(ChangeRequest).where(
        ChangeRequest.family_id == family_id,
        or_(ChangeRequest.status == ChangeStatus.PENDING, ChangeRequest.decided_at >= since))
        .order_by(ChangeRequest.created_at.desc(), ChangeRequest.id.desc()))).all())
    if not bank_visible:
        requests = [r for r in requests if r.field is not ChangeField.BANK]
    names = await changes.names(db, requests)
    return PersonalDataOut(
        parents=parent_out,
        bank=BankOut(iban_masked=mask_iban(bank.iban) or "",
                     account_holder=bank.account_holder or "",
                     mandate_signed_on=bank.mandate_signed_on) if bank else None,
        bank_visible=bank_visible, children=children_out,
        change_requests=[_out(r, names) for r in requests])


@router.patch("/personal-data/contact", response_model=PersonalDataOut,
              responses=problem_responses(*SIGNED_IN, "forbidden", "validation_error"))
async def patch_contact(body: ContactDetailsIn, db: Db, settings: CurrentSettings,
                        auth: Auth) -> PersonalDataOut:
    """The caller's own phone numbers and notification e-mail: changed at once."""
    user = _parent_only(auth)
    given = body.model_dump(exclude_unset=True)
    errors: list[checks.FieldInvalid] = []
    for name in ("phone", "home_phone"):
        if given.get(name):
            try:
                given[name] = checks.phone(given[name], name)
            except checks.FieldInvalid as error:
                errors.append(error)
        elif name in given:
            given[name] = None
    if errors:
        raise checks.invalid(errors)
    details = await db.get(ParentDetails, user.id)
    if details is None:
        details = ParentDetails(user_id=user.id)
        db.add(details)
    now = settings.now()
    for name, value in given.items():
        # The first number is the account's own (`User.phone`, also in `/me`).
        holder = user if name == "phone" else details
        if getattr(holder, name) != value:
            record_change(db, now, user, "contact_changed", field=name,
                          old=getattr(holder, name), new=value)
            setattr(holder, name, value)
    await db.commit()
    return await _document(db, settings, user)


@router.post("/change-requests", status_code=201, response_model=ChangeRequestOut,
             responses=problem_responses(*SIGNED_IN, "forbidden", "not_found",
                                         "change_already_pending", "validation_error"))
async def post_change_request(body: ChangeRequestIn, db: Db, settings: CurrentSettings,
                              auth: Auth) -> ChangeRequestOut:
    """Propose a change the location approves: an address, the bank account (primary parent),
    a child's medical data, emergency contacts or collectors."""
    request = await changes.propose(db, auth.user, body.field, body.subject_id, body.value,
                                    settings.now())
    return await _one(db, request)


@router.get("/change-requests", response_model=ChangeRequestsOut,
            responses=problem_responses(*SIGNED_IN, "forbidden", "validation_error"))
async def list_change_requests(db: Db, settings: CurrentSettings, auth: Auth, paging: Paging,
                               status: ChangeStatus | None = None) -> ChangeRequestsOut:
    """Managers: the requests of the families of their locations; parents: their family's.
    Newest first, paged."""
    user = auth.user
    if user.role is Role.MANAGER:
        families = await changes.managed_family_ids(db, user, settings.today())
    elif user.role.is_parent and user.family_id is not None:
        families = {user.family_id}
    else:
        raise Problem("forbidden")
    query = select(ChangeRequest).where(ChangeRequest.family_id.in_(families))
    if status is not None:
        query = query.where(ChangeRequest.status == status)
    if user.role is Role.SECONDARY_PARENT:
        query = query.where(ChangeRequest.field != ChangeField.BANK)
    rows = list((await db.scalars(KEYSET.select(query, paging))).all())
    shown, next_cursor = KEYSET.page(rows, paging, lambda r: (r.created_at, r.id))
    names = await changes.names(db, shown)
    return ChangeRequestsOut(change_requests=[_out(r, names) for r in shown],
                             next_cursor=next_cursor)


@router.post("/change-requests/{request_id}/withdraw", response_model=ChangeRequestOut,
             responses=problem_responses(*SIGNED_IN, "forbidden", "not_found",
                                         "change_not_pending", "validation_error"))
async def withdraw_change_request(request_id: RequestId, db: Db, settings: CurrentSettings,
                                  auth: Auth) -> ChangeRequestOut:
    request = await changes.withdraw(db, auth.user, request_id, settings.now(),
                                     settings.today())
    return await _one(db, request)


@router.post("/change-requests/{request_id}/approve", response_model=ChangeRequestOut,
             responses=problem_responses(*SIGNED_IN, "forbidden", "not_found",
                                         "change_not_pending", "validation_error"))
async def approve_change_request(request_id: RequestId, db: Db, settings: CurrentSettings,
                                 auth: Auth) -> ChangeRequestOut:
    request = await changes.decide(db, auth.user, request_id, settings.now(),
                                   settings.today(), reason=None)
    return await _one(db, request)


@router.post("/change-requests/{request_id}/reject", response_model=ChangeRequestOut,
             responses=problem_responses(*SIGNED_IN, "forbidden", "not_found",
                                         "change_not_pending", "validation_error"))
async def reject_change_request(request_id: RequestId, body: ReasonIn, db: Db,
                                settings: CurrentSettings, auth: Auth) -> ChangeRequestOut:
    request = await changes.decide(db, auth.user, request_id, settings.now(),
                                   settings.today(), reason=body.reason)
    return await _one(db, request)


@router.get("/personal-data/export", response_class=StreamingResponse,
            responses={200: {"content": {"application/zip": {}},
                             "description": "The family's data as a ZIP"},
                       **problem_responses(*SIGNED_IN, "forbidden")})
async def export_personal_data(db: Db, settings: CurrentSettings,
                               auth: Auth) -> StreamingResponse:
    """Download my data (AVG art. 15/20): a ZIP with a JSON file per kind of data the portal
    holds about the family and a readable summary, streamed. Audit-logged."""
    user = _parent_only(auth)
    now = settings.now()
    files = export.files_of(user, await export.collect(db, user), now)
    # Logged before the first byte: a download that breaks off was still handed out.
    record_change(db, now, user, "data_exported", new=", ".join(sorted(files)))
    await db.commit()
    name = f"mijn-gegevens-{now.astimezone(AMSTERDAM):%Y-%m-%d}.zip"
    return StreamingResponse(export.zip_chunks(files), media_type="application/zip",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/care-notes", response_model=CareNotesOut,
            responses=problem_responses(*SIGNED_IN, "forbidden"))
async def care_notes(db: Db, settings: CurrentSettings, auth: Auth) -> CareNotesOut:
    """Staff and managers: allergies, diet, medical notes, emergency contacts and collectors
    of the children of their groups (read only; the same children as the agenda shows)."""
    user = auth.user
    if user.role.is_parent:
        raise Problem("forbidden")
    today = settings.today()
    child_ids = await visible_child_ids(db, user, today)
    children = (await db.scalars(select(Child).where(Child.id.in_(child_ids))
                                 .order_by(Child.first_name, Child.id))).all() if child_ids else []
    groups: dict[int, set[int]] = {}
    if child_ids:
        for child_id, group_id in (await db.execute(select(Contract.child_id, Contract.group_id)
                                                    .where(Contract.child_id.in_(child_ids),
                                                           or_(Contract.end_date.is_(None),
                                                               Contract.end_date >= today)))):
            groups.setdefault(child_id, set()).add(group_id)
    out = []
    for child in children:
        medical = await db.get(ChildDetails, child.id)
        out.append(CareNotesChild(
            child_id=child.id, first_name=child.first_name, last_name=child.last_name,
            group_ids=sorted(groups.get(child.id, ())),
            allergies=medical.allergies if medical else None,
            diet=medical.diet if medical else None,
            medical_notes=medical.medical_notes if medical else None,
            emergency_contacts=[Contact(**c) for c in await values.contacts(
                db, child.id, ContactKind.EMERGENCY)],
            collectors=[Contact(**c) for c in await values.contacts(
                db, child.id, ContactKind.COLLECTOR)]))
    return CareNotesOut(children=out)
