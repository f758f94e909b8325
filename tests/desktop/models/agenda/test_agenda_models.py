"""The agenda's models: the month grid, the request overview and the absence summary's rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.api.absences.records import (
    Absence,
    AbsenceDraft,
    CancelPreview,
    QueuedAbsence,
    RepricedExtraDay,
)
from desktop.api.agenda.records import (
    AbsenceReason,
    Agenda,
    AgendaAbsence,
    AgendaExtraDay,
    ClosingDay,
    DayPart,
    PlannedDayPart,
    SchoolHoliday,
)
from desktop.api.extra_days.records import ExtraDayStatus
from desktop.api.portal.records import Policy
from desktop.models.agenda.absence_plan import AMSTERDAM, plan_absence
from desktop.models.agenda.month import EntryState, MonthModel
from desktop.models.agenda.month_list import MonthListModel
from desktop.models.agenda.request_overview import (
    OpenRequestsFilter,
    RequestOverviewModel,
    cancel_consequence,
)
from desktop.models.shared import clock

EMMA, DAAN = 1, 2
MONDAY = date(2027, 3, 1)

#: The day these tests live on (a Monday outside the school holidays): what is past or still
#: to come is decided by ``clock.today()``, fixed here, never by the day the suite runs on.
TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def planned(day: date, child: int, part: DayPart) -> PlannedDayPart:
    hours = {DayPart.OCHTEND: (time(7, 30), time(13)), DayPart.MIDDAG: (time(13), time(18)),
             DayPart.NSO: (time(14), time(18, 30))}[part]
    return PlannedDayPart(day, child, part, hours[0], hours[1], 10 + child)


def march(**extra) -> Agenda:
    tuesday = MONDAY + timedelta(days=1)
    return Agenda(date(2027, 3, 1), date(2027, 3, 31), "c1", planned=(
        planned(MONDAY, EMMA, DayPart.OCHTEND), planned(MONDAY, EMMA, DayPart.MIDDAG),
        planned(MONDAY, DAAN, DayPart.NSO), planned(tuesday, EMMA, DayPart.OCHTEND)),
        **extra)


def march_model() -> MonthModel:
    """March 2027: Emma whole Monday, Daan ill that afternoon, a queued report on Tuesday, a
    study day on Wednesday, the spring holiday until Tuesday."""
    model = MonthModel()
    model.set_children({EMMA: "Emma", DAAN: "Daan"})
    model.set_month(2027, 3)
    model.set_agenda(march(absences=(
        AgendaAbsence(7, MONDAY, DAAN, DayPart.NSO, AbsenceReason.ZIEK),
        AgendaAbsence(None, MONDAY + timedelta(days=1), EMMA, DayPart.OCHTEND,
                      AbsenceReason.OVERIG, queued=True)),
        closing_days=(ClosingDay(date(2027, 3, 3), None, "Studiedag"),),
        school_holidays=(SchoolHoliday("Voorjaarsvakantie", date(2027, 2, 6),
                                       date(2027, 3, 2)),)))
    return model


@pytest.fixture
def model(qtmodeltester) -> MonthModel:
    model = march_model()
    qtmodeltester.check(model, force_py=True)
    return model


def entries(model: MonthModel, day: date) -> list[tuple[str, str, EntryState]]:
    cell = model.index_of(day)
    return [(e.child_name, e.parts_text, e.state)
            for e in cell.data(MonthModel.Role.Entries)]


def test_the_grid_starts_on_the_monday_of_the_first_week(model) -> None:
    assert model.rowCount() == 6 and model.columnCount() == 7
    assert model.index(0, 0).data(MonthModel.Role.Date) == date(2027, 3, 1)
    assert model.index(5, 6).data(MonthModel.Role.Date) == date(2027, 4, 11)
    assert model.index(5, 6).data(MonthModel.Role.InMonth) is False


def test_each_child_gets_a_line_with_its_state(model) -> None:
    assert entries(model, MONDAY) == [("Emma", "whole day", EntryState.PLANNED),
                                      ("Daan", "after school", EntryState.ABSENT)]
    assert entries(model, MONDAY + timedelta(days=1)) == [
        ("Emma", "morning", EntryState.QUEUED)]
    text = model.index_of(MONDAY).data(Qt.ItemDataRole.ToolTipRole)
    assert "Daan: after school (absent: ill)" in text and "Voorjaarsvakantie" in text


def test_closing_days_and_school_holidays_are_marked(model) -> None:
    assert model.index_of(date(2027, 3, 3)).data(MonthModel.Role.Closed) == "Studiedag"
    assert model.index_of(MONDAY).data(MonthModel.Role.SchoolHoliday) == "Voorjaarsvakantie"
    assert model.index_of(date(2027, 3, 4)).data(MonthModel.Role.SchoolHoliday) is None


def test_a_day_with_only_a_school_holiday_is_marked(qtmodeltester) -> None:
    # No care planned, nothing closed: the holiday alone must still show on the day.
    wednesday = date(2027, 3, 10)
    model = MonthModel()
    model.set_children({EMMA: "Emma", DAAN: "Daan"})
    model.set_month(2027, 3)
    model.set_agenda(march(school_holidays=(
        SchoolHoliday("Studievrije week", wednesday, wednesday),)))
    qtmodeltester.check(model, force_py=True)
    cell = model.index_of(wednesday)
    assert cell.data(MonthModel.Role.SchoolHoliday) == "Studievrije week"
    assert cell.data(MonthModel.Role.Entries) == []
    assert cell.data(MonthModel.Role.Closed) is None
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "Wednesday 10 March 2027; Studievrije week; no care planned")
    assert model.index_of(wednesday + timedelta(days=1)).data(
        MonthModel.Role.SchoolHoliday) is None  # the day after: no holiday


def test_a_rejected_extra_day_shows_as_rejected(qtmodeltester) -> None:
    thursday = date(2027, 3, 11)
    extra = {status: AgendaExtraDay(40 + n, thursday, child, DayPart.OCHTEND, status,
                                    time(7, 30), time(13))
             for n, (child, status) in enumerate([(EMMA, "rejected"), (DAAN, "approved")])}
    model = MonthModel()
    model.set_children({EMMA: "Emma", DAAN: "Daan"})
    model.set_month(2027, 3)
    model.set_agenda(march(extra_days=tuple(extra.values())))
    qtmodeltester.check(model, force_py=True)
    assert entries(model, thursday) == [("Emma", "morning", EntryState.EXTRA_REJECTED),
                                        ("Daan", "morning", EntryState.EXTRA_APPROVED)]
    text = model.index_of(thursday).data(Qt.ItemDataRole.ToolTipRole)
    assert "Emma: morning (extra day rejected)" in text
    rows = MonthListModel(model)
    assert [tuple(rows.index(r, c).data() for c in range(4)) for r in range(rows.rowCount())
            if rows.index(r, 0).data(MonthListModel.Role.Date) == thursday] == [
        ("Thursday 11 March 2027", "Emma", "morning", "extra day rejected"),
        ("Thursday 11 March 2027", "Daan", "morning", "extra day approved")]


def test_the_child_filter_leaves_the_other_child_out(model) -> None:
    model.set_child_filter(EMMA)
    assert [name for name, _, _ in entries(model, MONDAY)] == ["Emma"]
    model.set_child_filter(None)
    assert [name for name, _, _ in entries(model, MONDAY)] == ["Emma", "Daan"]


def test_the_list_has_a_row_per_child_and_state_and_the_closed_days(qtmodeltester) -> None:
    model = march_model()
    rows = MonthListModel(model)
    qtmodeltester.check(rows, force_py=True)

    def shown() -> list[tuple[str, ...]]:
        return [tuple(rows.index(r, c).data() for c in range(4))
                for r in range(rows.rowCount())]

    assert shown() == [
        ("Monday 1 March 2027", "Emma", "whole day", "planned"),
        ("Monday 1 March 2027", "Daan", "after school", "absent: ill"),
        ("Tuesday 2 March 2027", "Emma", "morning", "absence waiting for a connection"),
        ("Wednesday 3 March 2027", "", "", "closed: Studiedag")]
    assert rows.index(3, 0).data(MonthListModel.Role.Date) == date(2027, 3, 3)
    assert (rows.row_of(MONDAY + timedelta(days=1)), rows.row_of(date(2027, 3, 4))) == (2, -1)
    model.set_child_filter(DAAN)  # the list follows the month model
    # Daan: Monday; Tuesday in the holiday without his care; the closed Wednesday.
    assert [(r[1], r[3]) for r in shown()] == [("Daan", "absent: ill"), ("", "no care planned"),
                                               ("", "closed: Studiedag")]
    model.set_month(2027, 4)
    assert rows.rowCount() == 0


def test_the_list_names_the_school_holiday_also_on_a_day_without_care(qtmodeltester) -> None:
    model = MonthModel()
    model.set_children({EMMA: "Emma"})
    model.set_month(2027, 3)
    model.set_agenda(Agenda(date(2027, 3, 1), date(2027, 3, 31), "c2",
                            planned=(planned(MONDAY, EMMA, DayPart.OCHTEND),),
                            school_holidays=(SchoolHoliday("Voorjaarsvakantie", MONDAY,
                                                           date(2027, 3, 7)),)))
    rows = MonthListModel(model)
    qtmodeltester.check(rows, force_py=True)
    shown = [(rows.index(r, MonthListModel.DATE).data(),
              rows.index(r, MonthListModel.STATE).data(),
              rows.index(r, MonthListModel.HOLIDAY).data()) for r in range(rows.rowCount())]
    # Every weekday of the holiday week is listed; the weekend without care is not.
    assert shown == [("Monday 1 March 2027", "planned", "Voorjaarsvakantie")] + [
        (f"{weekday} {day} March 2027", "no care planned", "Voorjaarsvakantie")
        for weekday, day in (("Tuesday", 2), ("Wednesday", 3), ("Thursday", 4), ("Friday", 5))]
    assert rows.headerData(MonthListModel.HOLIDAY, Qt.Orientation.Horizontal) == \
        "School holiday"


def test_an_agenda_for_another_month_is_ignored(model) -> None:
    model.set_month(2027, 4)
    assert model.day(MONDAY) is None
    model.set_agenda(march())
    assert entries(model, date(2027, 4, 5)) == []


def policy(**values) -> Policy:
    return Policy(**values)


@pytest.mark.parametrize(("before_start", "earns"), [
    (timedelta(hours=48), True),
    (timedelta(hours=47, minutes=59), False),
])
def test_credit_is_earned_from_48_hours_before_care_starts(before_start, earns) -> None:
    starts = datetime.combine(MONDAY, time(7, 30), tzinfo=AMSTERDAM)
    draft = AbsenceDraft((EMMA,), MONDAY, MONDAY, DayPart.OCHTEND, AbsenceReason.ZIEK)
    [item] = plan_absence(draft, [march()], policy(), starts - before_start)
    assert item.earns_credit is earns
    assert item.minutes == 330
    assert item.credit_deadline == starts - timedelta(hours=48)
    assert item.credit_expires_on == date(2027, 12, 31)
    assert item.cancel_until == MONDAY - timedelta(days=30)


def test_the_plan_follows_the_policy_and_leaves_unplanned_days_out() -> None:
    draft = AbsenceDraft((EMMA, DAAN), MONDAY, MONDAY + timedelta(days=6), None,
                         AbsenceReason.VAKANTIE)
    plan = plan_absence(draft, [march()], policy(absence_credit_valid_months=3,
                                                 cancel_absence_min_days=14),
                        datetime(2027, 1, 1, tzinfo=UTC))
    assert [(p.day.day, p.child_id, p.day_part) for p in plan] == [
        (1, EMMA, DayPart.OCHTEND), (1, EMMA, DayPart.MIDDAG), (1, DAAN, DayPart.NSO),
        (2, EMMA, DayPart.OCHTEND)]
    assert plan[0].credit_expires_on == date(2027, 6, 1)
    assert plan[0].cancel_until == date(2027, 2, 15)


def absence(day: date, cancelled: bool = False, minutes: int | None = 330) -> Absence:
    return Absence(3, EMMA, day, DayPart.OCHTEND, AbsenceReason.ZIEK, None, "Sanne de Vries",
                   datetime(2026, 11, 1, tzinfo=UTC), cancelled, minutes, None)


def test_the_request_overview_lists_waiting_reports_first_and_filters_open(
        qtmodeltester) -> None:
    model = RequestOverviewModel()
    model.set_children({EMMA: "Emma", DAAN: "Daan"})
    future = TODAY + timedelta(days=40)
    waiting = QueuedAbsence(5, AbsenceDraft((EMMA, DAAN), future, future, None,
                                            AbsenceReason.ZIEK), datetime.now(UTC))
    refused = QueuedAbsence(6, AbsenceDraft((DAAN,), future, future, None,
                                            AbsenceReason.OVERIG), datetime.now(UTC),
                            "Je kunt je kind niet afmelden voor een dag in het verleden.")
    model.set_requests([absence(date(2026, 1, 5)), absence(future),
                        absence(future, cancelled=True)], [waiting, refused])
    qtmodeltester.check(model, force_py=True)
    statuses = [model.index(r, RequestOverviewModel.Column.Status).data() for r in range(5)]
    assert statuses[:2] == ["Waiting for a connection", "Refused"]
    # The refusal is in full in the tooltip (and under the table), not cut off in the cell.
    assert model.index(1, RequestOverviewModel.Column.Status).data(
        Qt.ItemDataRole.ToolTipRole) == "Je kunt je kind niet afmelden voor een dag in het " \
        "verleden."
    assert model.index(0, RequestOverviewModel.Column.Child).data() == "Emma, Daan"
    proxy = OpenRequestsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 3  # waiting, refused, the future active absence
    proxy.set_open_only(False)
    assert proxy.rowCount() == 5


def reported(absence_id: int, child: int, part: DayPart, at: datetime, day: date,
             minutes: int | None = None, cancelled: bool = False) -> Absence:
    return Absence(absence_id, child, day, part, AbsenceReason.ZIEK, None, "Sanne de Vries",
                   at, cancelled, minutes, None)


def test_a_report_for_two_children_is_one_line_per_day(qtmodeltester) -> None:
    model = RequestOverviewModel()
    model.set_children({EMMA: "Emma", DAAN: "Daan"})
    day = TODAY + timedelta(days=40)
    once = datetime(2026, 11, 1, 9, tzinfo=UTC)
    later = datetime(2026, 11, 2, 9, tzinfo=UTC)
    model.set_requests([
        reported(1, EMMA, DayPart.OCHTEND, once, day, 330),
        reported(2, EMMA, DayPart.MIDDAG, once, day, 300),
        reported(3, DAAN, DayPart.NSO, once, day),
        reported(4, DAAN, DayPart.NSO, once, day + timedelta(days=1)),  # the period's next day
        reported(5, EMMA, DayPart.OCHTEND, later, day - timedelta(days=7)),
        reported(6, EMMA, DayPart.MIDDAG, once, day, cancelled=True)], [])
    qtmodeltester.check(model, force_py=True)
    rows = [model.row_at(r) for r in range(model.rowCount())]
    both = next(r for r in rows if r.first_date == day and not r.cancelled)
    assert [a.id for a in both.absences] == [1, 2, 3]
    column = RequestOverviewModel.Column
    line = [model.index(rows.index(both), c).data() for c in (column.Child, column.DayPart,
                                                                 column.Credit)]
    assert line == ["Emma, Daan", "Emma: whole day; Daan: after school", "10.5 hours"]
    assert len(rows) == 4  # the next day, the other report and the cancelled one apart


def _repriced(moved: int, extra_cents: int, request_id: int = 7) -> RepricedExtraDay:
    return RepricedExtraDay(request_id, ExtraDayStatus.APPROVED, date(2027, 1, 6),
                            DayPart.OCHTEND, 330, 330, 330 - moved, 0, extra_cents)


def test_the_cancel_question_says_what_happens_to_the_extra_days() -> None:
    """Credit withdrawn, one extra day moving partly to the invoice, one paid by other
    credit, and the total when several change."""
    preview = CancelPreview(absence_ids=(3,), credit_minutes=330, invoice_cents=5745,
                            extra_days=(_repriced(300, 5745), _repriced(0, 0, 8)))
    assert cancel_consequence(preview).split("\n\n") == [
        "The 5.5 hours of absence credit it earned are withdrawn.",
        "That credit pays for your extra day on Wednesday 6 January 2027, morning: 5 hours of "
        "it move to the invoice, €57.45 more.",
        "That credit pays for your extra day on Wednesday 6 January 2027, morning: your other "
        "absence credit pays for it instead.",
        "In all, €57.45 more is invoiced."]


def test_the_cancel_question_without_credit_only_asks() -> None:
    assert cancel_consequence(CancelPreview((3,), None, (), 0)) == ""
