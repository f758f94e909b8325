"""`/api/v1/absences`: report, list and cancel absences of the caller's family."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from server.agenda.absence_schemas import (
    AbsenceIn,
    AbsenceOut,
    AbsencesOut,
    CancelAbsencesIn,
    absence_out,
)
from server.agenda.absences import (
    AbsenceReport,
    cancel_absence,
    cancel_absences,
    report_absences,
)
from server.deps import Auth, CurrentSettings, Db
from server.models import Absence, Child, User
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(tags=["absences"])

_AUTH = ("not_authenticated", "token_expired")


@router.post("/absences", status_code=201, response_model=AbsencesOut,
             responses=problem_responses(*_AUTH, "forbidden", "validation_error",
                                         "agenda_range_invalid", "absence_in_past",
                                         "absence_not_planned", "absence_already_reported"))
async def post_absences(body: AbsenceIn, auth: Auth, db: Db,
                        settings: CurrentSettings) -> AbsencesOut:
    """Report absence (afmelden) for one or more children; a parent of the family only."""
    report = AbsenceReport(child_ids=body.child_ids, first_day=body.first_date,
                           last_day=body.last_date or body.first_date, day_part=body.day_part,
                           reason=body.reason, note=body.note)
    absences = await report_absences(db, settings, auth.user, report)
    return AbsencesOut(absences=[absence_out(a, auth.user.name) for a in absences])


@router.get("/absences", response_model=AbsencesOut, responses=problem_responses(
    *_AUTH, "forbidden"))
async def get_absences(auth: Auth, db: Db) -> AbsencesOut:
    """All absences of the family, newest day first (for the request overview)."""
    if not auth.user.role.is_parent:
        raise Problem("forbidden")
    rows = (await db.execute(
        select(Absence, User.name).join(Child, Child.id == Absence.child_id)
        .join(User, User.id == Absence.reported_by_id)
        .where(Child.family_id == auth.user.family_id)
        .options(selectinload(Absence.credit))
        .order_by(Absence.day.desc(), Absence.child_id, Absence.id))).all()
    return AbsencesOut(absences=[absence_out(a, name) for a, name in rows])


@router.delete("/absences/{absence_id}", response_model=AbsenceOut, responses=problem_responses(
    *_AUTH, "not_found", "absence_already_cancelled", "absence_cancel_too_late"))
async def delete_absence(absence_id: Annotated[int, Path(ge=1, le=2_147_483_647)],
                         auth: Auth, db: Db, settings: CurrentSettings) -> AbsenceOut:
    """Cancel an absence (afmelding annuleren): planned again, its credit withdrawn."""
    absence = await cancel_absence(db, settings, auth.user, absence_id)
    reporter = await db.get(User, absence.reported_by_id)
    return absence_out(absence, reporter.name if reporter else "")


@router.post("/absences/cancel", response_model=AbsencesOut, responses=problem_responses(
    *_AUTH, "not_found", "validation_error", "absence_already_cancelled",
    "absence_cancel_too_late", "idempotency_key_reused"))
async def post_cancel_absences(body: CancelAbsencesIn, auth: Auth, db: Db,
                               settings: CurrentSettings) -> AbsencesOut:
    """Cancel several absences at once (a report's day: every child and day-part), or none."""
    absences = await cancel_absences(db, settings, auth.user, body.absence_ids)
    reporters = dict((await db.execute(select(User.id, User.name).where(
        User.id.in_({a.reported_by_id for a in absences})))).all())
    return AbsencesOut(absences=[absence_out(a, reporters.get(a.reported_by_id, ""))
                                 for a in absences])
