"""`/api/v1/me`, `/api/v1/policy` and the public `/api/v1/portal`."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from server.auth.expiry import access_until_after, care_ended_on
from server.deps import Auth, CurrentSettings, Db
from server.models import (
    CareGroup,
    Child,
    Contract,
    Family,
    Location,
    Organisation,
    Role,
    User,
    manager_location,
    staff_group,
)
from server.policy import Policy, organisation_policy
from server.problems import Problem
from server.problems.openapi import problem_responses
from server.profile.schemas import (
    ChildOut,
    ClientRelease,
    ContractOut,
    FamilyOut,
    GroupOut,
    LocationOut,
    MeResponse,
    PhotoConsentOut,
    PortalResponse,
    UserOut,
)

router = APIRouter(tags=["profile"])

API_VERSION = 1


async def _organisation(db: AsyncSession) -> Organisation:
    organisation = await db.scalar(select(Organisation).order_by(Organisation.id).limit(1))
    if organisation is None:
        raise Problem("not_found")
    return organisation


@router.get("/portal", response_model=PortalResponse, responses=problem_responses("not_found"))
async def portal(db: Db, settings: CurrentSettings) -> PortalResponse:
    """Public: tells the login window that this address is an Ouderportaal server, and the
    app which desktop release is the newest."""
    organisation = await _organisation(db)
    client = None
    if settings.client_version is not None and settings.client_download_url is not None:
        client = ClientRelease(version=settings.client_version,
                               download_url=settings.client_download_url)
    return PortalResponse(name=organisation.name, short_name=organisation.short_name,
                          api_version=API_VERSION, client=client)


@router.get("/policy", response_model=Policy, responses=problem_responses(
    "not_authenticated", "token_expired"))
async def policy(auth: Auth, db: Db) -> Policy:
    """The organisation's policy values (defaults merged with its own settings)."""
    return await organisation_policy(db, auth.user.organisation_id)


def _location_out(location: Location) -> LocationOut:
    return LocationOut(
        id=location.id, name=location.name, address=location.address,
        postal_code=location.postal_code, city=location.city, phone=location.phone,
        email=location.email,
        lrk_numbers={r.care_type.value: r.lrk_number
                     for r in sorted(location.lrk_numbers, key=lambda r: r.care_type.value)},
    )


def _child_out(child: Child) -> ChildOut:
    return ChildOut(
        id=child.id, first_name=child.first_name, last_name=child.last_name,
        date_of_birth=child.date_of_birth,
        photo_consent=PhotoConsentOut(portal=child.consent_portal,
                                      website=child.consent_website,
                                      social_media=child.consent_social_media),
        medication_consent=child.consent_medication,
        contracts=[ContractOut.model_validate(contract) for contract in child.contracts],
    )


# One query: the group, its location and the location's LRK numbers joined.
_GROUP_LOAD = joinedload(CareGroup.location, innerjoin=True).joinedload(Location.lrk_numbers)


async def _groups(db: AsyncSession, condition: ColumnElement[bool]) -> list[CareGroup]:
    return list((await db.scalars(
        select(CareGroup).where(condition).options(_GROUP_LOAD).order_by(CareGroup.id)
    )).unique().all())


async def _family_view(db: AsyncSession, user: User,
                       ) -> tuple[FamilyOut, list[Child], list[CareGroup], date | None]:
    """A parent's family, children, the children's groups and when access ends: the family
    with its last day of care, its children and their contracts in one query, the groups in
    the next."""
    primary = (select(User.name).where(User.family_id == Family.id,
                                       User.role == Role.PRIMARY_PARENT)
               .order_by(User.id).limit(1).scalar_subquery())
    rows = (await db.execute(
        select(Family.id, Family.name, primary, care_ended_on(Family.id), Child)
        .outerjoin(Child, Child.family_id == Family.id)
        .outerjoin(Contract, Contract.child_id == Child.id)
        .where(Family.id == user.family_id)
        .options(contains_eager(Child.contracts))
        .order_by(Child.id, Contract.start_date, Contract.id))).unique().all()
    family_id, family_name, primary_name, ended_on, _ = rows[0]
    family_out = FamilyOut(id=family_id, name=family_name, primary_parent_name=primary_name)
    children = [child for *_, child in rows if child is not None]
    contracts = [p for c in children for p in c.contracts]
    groups = await _groups(db, CareGroup.id.in_({p.group_id for p in contracts}))
    policy = await organisation_policy(db, user.organisation_id)
    until = access_until_after(ended_on, policy.account_retention_months)
    return family_out, children, groups, until


@router.get("/me", response_model=MeResponse, responses=problem_responses(
    "not_authenticated", "token_expired"))
async def me(auth: Auth, db: Db) -> MeResponse:
    """Who is logged in, with what they may see: parents their own family's children and
    those children's groups and locations; staff their groups; managers their locations."""
    user = auth.user
    family_out: FamilyOut | None = None
    children: list[Child] = []
    groups: list[CareGroup] = []
    until: date | None = None
    managed_locations = select(manager_location.c.location_id).where(
        manager_location.c.user_id == user.id)
    if user.role.is_parent and user.family_id is not None:
        family_out, children, groups, until = await _family_view(db, user)
    elif user.role is Role.STAFF:
        groups = await _groups(db, CareGroup.id.in_(
            select(staff_group.c.group_id).where(staff_group.c.user_id == user.id)))
    elif user.role is Role.MANAGER:
        groups = await _groups(db, CareGroup.location_id.in_(managed_locations))
    locations: dict[int, Location] = {g.location.id: g.location for g in groups}
    if user.role is Role.MANAGER:
        # A managed location without groups (yet) is still theirs.
        for location in (await db.scalars(
                select(Location).where(Location.id.in_(managed_locations),
                                       Location.id.not_in(locations))
                .options(selectinload(Location.lrk_numbers)))).all():
            locations.setdefault(location.id, location)
    return MeResponse(
        user=UserOut.model_validate(user),
        family=family_out,
        children=[_child_out(c) for c in children],
        groups=[GroupOut.model_validate(g) for g in groups],
        locations=[_location_out(loc) for loc in sorted(locations.values(), key=lambda x: x.id)],
        access_until=until,
    )
