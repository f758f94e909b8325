"""`/group-day`, `/attendance` and `/diary` (docs/api.md, "Group day and diary")."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from server.agenda.schemas import ChildId
from server.deps import Auth, Blobs, CurrentSettings, Db
from server.diary import writes
from server.diary.access import current_revision, diary_scope
from server.diary.attendance_history import AttendanceHistoryPage, attendance_history
from server.diary.group_day import group_day, readable_day
from server.diary.pdf_photos import day_photos
from server.diary.schemas import (
    AttendanceIn,
    AttendanceOut,
    DiaryPage,
    EntriesOut,
    EntryEditIn,
    EntryIn,
    EntryOut,
    GroupDayOut,
    GroupId,
    attendance_out,
    day_out,
    entry_out,
    group_day_out,
)
from server.diary.timeline import diary_days
from server.models import Organisation
from server.paging import PageRequest, Paging
from server.problems import Problem
from server.problems.openapi import problem_responses
from server.validation import ApiDate

router = APIRouter(tags=["group day and diary"])
_AUTH = ("not_authenticated", "token_expired")
EntryId = Annotated[int, Path(ge=1, le=2_147_483_647)]
_ENTRY_RULES = ("forbidden", "not_found", "validation_error", "diary_retention_ended",
                "diary_in_future",
                "diary_day_closed", "diary_medication_no_consent")


@router.get("/group-day", response_model=GroupDayOut,
            responses=problem_responses(*_AUTH, "forbidden", "diary_day_closed"))
async def get_group_day(auth: Auth, db: Db, settings: CurrentSettings, group_id: GroupId,
                        date: ApiDate) -> GroupDayOut:
    """The group's children on `date` with their status, for staff of the group (today and
    yesterday) and the location manager."""
    readable_day(auth.user, date, settings.today())
    return group_day_out(await group_day(db, auth.user, group_id, date))


@router.put("/attendance", response_model=AttendanceOut, responses=problem_responses(
    *_AUTH, "forbidden", "not_found", "diary_in_future", "diary_day_closed",
    "attendance_departure_before_arrival", "attendance_not_expected"))
async def put_attendance(body: AttendanceIn, auth: Auth, db: Db,
                         settings: CurrentSettings) -> AttendanceOut:
    """Register (or correct) a child's arrival and departure; each change is kept."""
    attendance = await writes.register_attendance(db, settings, auth.user, writes.AttendanceDraft(
        body.child_id, body.group_id, body.date, body.arrived_at, body.left_at, body.note))
    return attendance_out(attendance, auth.user.name)


@router.get("/attendance/history", response_model=AttendanceHistoryPage,
            responses=problem_responses(*_AUTH, "forbidden", "not_found", "diary_day_closed"))
async def get_attendance_history(auth: Auth, db: Db, settings: CurrentSettings, paging: Paging,
                                 child_id: ChildId, date: ApiDate) -> AttendanceHistoryPage:
    """Every registration and correction of the child's arrival and departure on `date`:
    what it set, by whom, when; newest first (staff of the group, the location manager)."""
    return await attendance_history(db, auth.user, child_id, date, settings.today(), paging)


@router.get("/diary", response_model=DiaryPage,
            responses=problem_responses(*_AUTH, "not_found", "validation_error",
                                        "diary_retention_ended"))
async def get_diary(auth: Auth, db: Db, settings: CurrentSettings, paging: Paging,
                    child_id: ChildId,
                    since: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None,
                    date: ApiDate | None = None) -> DiaryPage:
    """The child's days, newest first, page by page; with `since` only the days that changed
    after that revision (an empty day: nothing is left of it); with `date` that day only."""
    scope = await diary_scope(db, auth.user, child_id, settings.today())
    revision = await current_revision(db, child_id)
    if since is not None and since >= revision:
        return DiaryPage(days=[], revision=revision, next_cursor=None)
    days, next_cursor = await diary_days(db, scope, paging, since=since,
                                         between=(date, date) if date else None)
    return DiaryPage(days=[day_out(d, auth.user.id) for d in days], revision=revision,
                     next_cursor=next_cursor)


@router.post("/diary/entries", status_code=201, response_model=EntriesOut,
             responses=problem_responses(*_AUTH, *_ENTRY_RULES))
async def post_entries(body: EntryIn, auth: Auth, db: Db,
                       settings: CurrentSettings) -> EntriesOut:
    """Write one entry for each child (staff: any kind; parents: a note)."""
    entries = await writes.write_entries(db, settings, auth.user, body.child_ids, body.date,
                                         body.content())
    return EntriesOut(entries=[entry_out(e, auth.user.name, auth.user.id) for e in entries])


@router.patch("/diary/entries/{entry_id}", response_model=EntryOut,
              responses=problem_responses(*_AUTH, *_ENTRY_RULES))
async def patch_entry(entry_id: EntryId, body: EntryEditIn, auth: Auth, db: Db,
                      settings: CurrentSettings) -> EntryOut:
    """Change one's own entry; it shows as edited."""
    entry = await writes.edit_entry(db, settings, auth.user, entry_id, body.content())
    return entry_out(entry, auth.user.name, auth.user.id)


@router.delete("/diary/entries/{entry_id}", response_model=EntryOut,
               responses=problem_responses(*_AUTH, "forbidden", "not_found",
                                           "diary_day_closed"))
async def delete_entry(entry_id: EntryId, auth: Auth, db: Db,
                       settings: CurrentSettings) -> EntryOut:
    """Delete one's own entry (the sync reports it as gone)."""
    entry = await writes.delete_entry(db, settings, auth.user, entry_id)
    return entry_out(entry, auth.user.name, auth.user.id)


MAX_PDF_DAYS = 400  # like a parent's agenda: more than a year of diary in one document


@router.get("/diary.pdf", responses={
    200: {"content": {"application/pdf": {}}},
    **problem_responses(*_AUTH, "forbidden", "not_found", "agenda_range_invalid",
                        "diary_retention_ended")})
async def get_diary_pdf(auth: Auth, db: Db, blobs: Blobs, settings: CurrentSettings,
                        child_id: ChildId,
                        from_date: Annotated[ApiDate, Query(alias="from")],
                        to_date: Annotated[ApiDate, Query(alias="to")]) -> Response:
    """"Dagboek opslaan als PDF": the child's days from `from` to `to` with the photos the
    family sees of the child (parents)."""
    if not auth.user.role.is_parent:
        raise Problem("forbidden")
    if to_date < from_date or (to_date - from_date).days >= MAX_PDF_DAYS:
        raise Problem("agenda_range_invalid", max_days=MAX_PDF_DAYS)
    scope = await diary_scope(db, auth.user, child_id, settings.today())
    days, cursor = [], None
    while True:
        page, cursor = await diary_days(db, scope, PageRequest(200, cursor),
                                        between=(from_date, to_date))
        days += page
        if cursor is None:
            break
    photos = await day_photos(db, blobs, auth.user, child_id, (from_date, to_date),
                              settings.today())
    from server.diary.pdf import diary_pdf, pdf_days  # fpdf2 loads with the first PDF


    organisation = await db.get(Organisation, auth.user.organisation_id)
    child = scope.child
    body = await asyncio.to_thread(diary_pdf, organisation.name, child.first_name, from_date,
                                   to_date, pdf_days(days, photos), settings.today())
    name = f"dagboek-{child.first_name.lower()}-{from_date}-{to_date}.pdf"
    return Response(body, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
