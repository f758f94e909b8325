"""The staff's list of requests waiting for a decision, and the free places in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt

from desktop.api.agenda.records import DayPart
from desktop.api.extra_days.records import (
    CapacityDay,
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
)
from desktop.models.pending_requests import (
    DecidedRequestsModel,
    PendingRequestsModel,
    capacity_lines,
    payment_split,
)

WEDNESDAY = date(2027, 1, 6)


def request(request_id: int, first: date, last: date, part: DayPart | None,
            note: str | None = None) -> ExtraDayRequest:
    items = (ExtraDayItem(1, first, DayPart.OCHTEND, time(7, 30), time(13), 330, 1149, 0,
                          6320),)
    return ExtraDayRequest(request_id, 1, first, last, part, ExtraDayPayment.MIXED,
                           ExtraDayStatus.PENDING, items, 0, 6320, "Sanne de Vries", None,
                           "Emma de Vries", note, "Zonnetjes")


def test_pending_requests_read_as_staff_read_them(qtmodeltester) -> None:
    model = PendingRequestsModel()
    model.set_requests([request(4, WEDNESDAY, WEDNESDAY, DayPart.OCHTEND, "Opa is jarig"),
                        request(5, WEDNESDAY, date(2027, 1, 8), None)])
    qtmodeltester.check(model, force_py=True)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert rows == [
        ["Emma de Vries", "Zonnetjes", "6 January 2027", "morning", "€63.20 invoice"],
        ["Emma de Vries", "Zonnetjes", "6 January 2027 to 8 January 2027", "morning",
         "€63.20 invoice"]]
    assert model.index(1, 0).data(PendingRequestsModel.Role.Request).id == 5
    assert model.row_of(5) == 1 and model.row_of(9) == -1
    assert model.headerData(PendingRequestsModel.PAYMENT, Qt.Orientation.Horizontal) == "Cost"


@pytest.mark.parametrize(("credit", "cents", "shown"), [
    (330, 0, "5.5 hours credit"),
    (90, 4467, "1.5 hours credit + €44.67 invoice"),
    (0, 6320, "€63.20 invoice"),
    (0, 0, "€0.00 invoice"),  # nothing to pay is said, not left blank
])
def test_the_payment_column_shows_the_actual_split(credit, cents, shown) -> None:
    assert payment_split(replace(request(4, WEDNESDAY, WEDNESDAY, DayPart.OCHTEND),
                                 credit_minutes=credit, invoice_cents=cents)) == shown


def test_todays_decisions_say_who_decided_when_and_why(qtmodeltester) -> None:
    at = datetime(2027, 1, 4, 10, 32).astimezone()
    approved = replace(request(4, WEDNESDAY, WEDNESDAY, DayPart.OCHTEND),
                       status=ExtraDayStatus.APPROVED, decided_by="Fatima El Amrani",
                       decided_at=at)
    in_part = replace(approved, id=5, decision_reason="Vrijdag is de groep vol.")
    rejected = replace(approved, id=6, status=ExtraDayStatus.REJECTED,
                       decision_reason="Vrijdag is de groep vol.")
    model = DecidedRequestsModel()
    model.set_requests([approved, in_part, rejected])
    qtmodeltester.check(model, force_py=True)
    column = [[model.index(r, c).data() for c in (model.DECISION, model.REASON)]
              for r in range(3)]
    assert column == [
        ["Approved (Fatima El Amrani, 10:32)", ""],
        ["Approved (Fatima El Amrani, 10:32)", "The rest was rejected: Vrijdag is de groep vol."],
        ["Rejected (Fatima El Amrani, 10:32)", "Vrijdag is de groep vol."]]


def test_free_places_and_a_full_day_part_in_words() -> None:
    assert capacity_lines([CapacityDay(WEDNESDAY, DayPart.OCHTEND, 12, 9, 3),
                           CapacityDay(WEDNESDAY, DayPart.MIDDAG, 12, 12, 0)]) == [
        "Wednesday 6 January 2027, morning: 3 of 12 places free",
        "Wednesday 6 January 2027, afternoon: full (12 of 12 places taken)"]


def test_other_pending_requests_are_shown_as_asked_for() -> None:
    assert capacity_lines([CapacityDay(WEDNESDAY, DayPart.OCHTEND, 12, 11, 1, asked_for=2),
                           CapacityDay(WEDNESDAY, DayPart.MIDDAG, 12, 12, 0, asked_for=1)]) == [
        "Wednesday 6 January 2027, morning: 1 of 12 places free; 2 more asked for",
        "Wednesday 6 January 2027, afternoon: full (12 of 12 places taken); 1 more asked for"]


def test_capacity_day_reads_asked_for_from_the_portal() -> None:
    day = CapacityDay.from_json({"date": "2027-01-06", "day_part": "ochtend", "capacity": 12,
                                 "occupied": 11, "free": 1, "asked_for": 2})
    assert (day.free, day.asked_for) == (1, 2)
