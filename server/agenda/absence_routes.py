"""`/api/v1/absences`: report, list and cancel absences of the caller's family."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from server.agenda.absence_schemas import (
    AbsenceIn,
    AbsenceOut,
    AbsencesOut,
    AbsencesPage,
    CancelAbsencesIn,
    CancelPreviewCollector,
    CancelPreviewOut,
    absence_out,
)
from server.agenda.absences import (
    AbsenceReport,
    cancel_absence,
    cancel_absences,
    preview_cancel,
    report_absences,
)
from server.agenda.schemas import RecordId
from server.deps import Auth, CurrentSettings, Db
from server.models import Absence, AbsenceCredit, Child, User
from server.paging import ASC, DESC, Keyset, Paging
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


# Newest day first; within a day by child, then in the order they were reported.
ABSENCES = Keyset("absences", (Absence.day, DESC), (Absence.child_id, ASC), (Absence.id, ASC))


@router.get("/absences", response_model=AbsencesPage, responses=problem_responses(
    *_AUTH, "forbidden", "validation_error"))
async def get_absences(auth: Auth, db: Db, paging: Paging) -> AbsencesPage:
    """The family's absences, newest day first, in pages (docs/api.md "Lists and paging")."""
    if not auth.user.role.is_parent:
        raise Problem("forbidden")
    rows = list((await db.execute(ABSENCES.select(
        select(Absence, User.name).join(Child, Child.id == Absence.child_id)
        .join(User, User.id == Absence.reported_by_id)
        .outerjoin(AbsenceCredit, AbsenceCredit.absence_id == Absence.id)
        .where(Child.family_id == auth.user.family_id)
        .options(contains_eager(Absence.credit)), paging))).all())
    page, next_cursor = ABSENCES.page(rows, paging, lambda row: (row[0].day, row[0].child_id,
                                                                 row[0].id))
    return AbsencesPage(absences=[absence_out(a, name) for a, name in page],
                        next_cursor=next_cursor)


AbsenceId = Annotated[int, Path(ge=1, le=2_147_483_647)]
_CANCEL_REFUSALS = ("not_found", "absence_already_cancelled", "absence_cancel_too_late",
                    "absence_credit_invoiced")


@router.get("/absences/cancel-preview", response_model=CancelPreviewOut,
            responses=problem_responses(*_AUTH, "validation_error", *_CANCEL_REFUSALS))
async def cancel_preview_many(
        auth: Auth, db: Db, settings: CurrentSettings,
        absence_ids: Annotated[list[RecordId], Query(min_length=1, max_length=100)],
) -> CancelPreviewOut:
    """What cancelling these absences together (`POST /absences/cancel`) would do, for the
    confirmation; or the refusal that cancel would give. Nothing changes."""
    collector = CancelPreviewCollector()
    await preview_cancel(db, settings, auth.user, absence_ids, collector.seen)
    return collector.out()


@router.get("/absences/{absence_id}/cancel-preview", response_model=CancelPreviewOut,
            responses=problem_responses(*_AUTH, *_CANCEL_REFUSALS))
async def cancel_preview(absence_id: AbsenceId, auth: Auth, db: Db,
                         settings: CurrentSettings) -> CancelPreviewOut:
    """What cancelling would do, for the confirmation: the credit withdrawn and each extra
    day it paid with its new split; or the refusal the cancel would give. Nothing changes."""
    collector = CancelPreviewCollector()
    await preview_cancel(db, settings, auth.user, [absence_id], collector.seen)
    return collector.out()


@router.delete("/absences/{absence_id}", response_model=AbsenceOut,
               responses=problem_responses(*_AUTH, *_CANCEL_REFUSALS))
async def delete_absence(absence_id: AbsenceId, auth: Auth, db: Db,
                         settings: CurrentSettings) -> AbsenceOut:
    """Cancel an absence (afmelding annuleren): planned again, its credit withdrawn and the
    extra days it paid paid again (as the cancel preview showed)."""
    absence = await cancel_absence(db, settings, auth.user, absence_id)
    reporter = await db.get(User, absence.reported_by_id)
    return absence_out(absence, reporter.name if reporter else "")


@router.post("/absences/cancel", response_model=AbsencesOut, responses=problem_responses(
    *_AUTH, "validation_error", "idempotency_key_reused", *_CANCEL_REFUSALS))
async def post_cancel_absences(body: CancelAbsencesIn, auth: Auth, db: Db,
                               settings: CurrentSettings) -> AbsencesOut:
    """Cancel several absences at once (a report's day: every child and day-part), or none."""
    absences = await cancel_absences(db, settings, auth.user, body.absence_ids)
    reporters = dict((await db.execute(select(User.id, User.name).where(
        User.id.in_({a.reported_by_id for a in absences})))).all())
    return AbsencesOut(absences=[absence_out(a, reporters.get(a.reported_by_id, ""))
                                 for a in absences])
