"""The agenda wizards page by page (issue 14): the reason page for one child or several, the
first date on an open day, "Up to and including" following "From", each child's own day-parts,
the usable credit and the days left out once. The limits of issue 10 (period, note, Next when
everything is reported) are pinned in test_agenda_wizards.py."""

from __future__ import annotations

import calendar
from datetime import date, time, timedelta

from PySide6.QtWidgets import QLabel, QWizard
from view_fakes import VIEW_TODAY, FakeAgenda, FakeExtraDays, ended_profile, parent_profile

from desktop.api.absences.records import ChildCredit
from desktop.api.agenda.records import (
    Agenda,
    ClosingDay,
    DayPart,
    PlannedDayPart,
    SchoolHoliday,
)
from desktop.api.extra_days.records import ExtraDayItem, ExtraDayPreview, SkippedDay
from desktop.views.agenda.absence_wizard import AbsenceWizard
from desktop.views.agenda.extra_day_wizard import ExtraDayWizard

EMMA, DAAN = 1, 2
TODAY = VIEW_TODAY


def month_of(day: date, **lists) -> Agenda:
    first = day.replace(day=1)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return Agenda(first, last, "c", **lists)


def absence_wizard(qtbot, agenda: FakeAgenda | None = None, start: date | None = None):
    wizard = AbsenceWizard(agenda or FakeAgenda(), parent_profile(), start)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_reason_page_speaks_of_one_child_or_several(qtbot) -> None:
    wizard = absence_wizard(qtbot)
    wizard.next()
    wizard.who.boxes[0].setChecked(True)
    wizard.next()
    assert "your child" in wizard.why.subTitle()
    wizard.back()
    wizard.who.boxes[1].setChecked(True)
    wizard.next()
    assert "your children" in wizard.why.subTitle()


def extra_day_wizard(qtbot, agenda: FakeAgenda | None = None, profile=None,
                     start: date | None = None):
    service = FakeExtraDays()
    wizard = ExtraDayWizard(service, agenda or FakeAgenda(), profile or parent_profile(), True,
                            start=start)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, service


def test_the_first_extra_day_is_an_open_weekday(qtbot) -> None:
    earliest = TODAY + timedelta(days=4)
    saturday = earliest + timedelta(days=(5 - earliest.weekday()) % 7)
    monday = saturday + timedelta(days=2)
    closed = month_of(monday, closing_days=(ClosingDay(monday, None, "Studiedag"),))
    agenda = FakeAgenda({(monday.year, monday.month): closed})
    wizard, _service = extra_day_wizard(qtbot, agenda, start=saturday)
    assert wizard.when.range()[0] == monday + timedelta(days=1)  # not Saturday, not closed


def test_the_first_extra_day_is_not_one_the_children_come_anyway(qtbot) -> None:
    earliest = TODAY + timedelta(days=4)
    first = earliest + timedelta(days=(7 - earliest.weekday()) % 7)  # a Monday
    both = month_of(first, planned=(
        PlannedDayPart(first, EMMA, DayPart.OCHTEND, time(7, 30), time(13), 2),
        PlannedDayPart(first, DAAN, DayPart.NSO, time(14), time(18, 30), 5)))
    wizard, _service = extra_day_wizard(qtbot, FakeAgenda({(first.year, first.month): both}),
                                        start=first)
    for box in wizard.who.boxes:
        box.setChecked(True)
    wizard.next()
    assert wizard.when.range()[0] == first + timedelta(days=1)
    wizard.back()
    wizard.when.first.set_day(first)  # the parent's own choice stays
    wizard.next()
    wizard.back()
    wizard.next()
    assert wizard.when.range()[0] == first


def test_up_to_and_including_follows_from(qtbot) -> None:
    wizard, _service = extra_day_wizard(qtbot)
    when = wizard.when
    when.period.setChecked(True)
    first = when.first.day
    when.last.set_day(first + timedelta(days=2))
    when.first.set_day(first + timedelta(days=7))
    assert when.range() == (first + timedelta(days=7), first + timedelta(days=9))


def test_each_child_gets_its_own_day_parts_and_the_draft_carries_them(qtbot) -> None:
    wizard, _service = extra_day_wizard(qtbot)
    for box in wizard.who.boxes:
        box.setChecked(True)
    wizard.next()
    emma, daan = wizard.when.part_boxes[EMMA], wizard.when.part_boxes[DAAN]
    assert [emma.itemText(i) for i in range(emma.count())] == ["Whole day", "Morning",
                                                               "Afternoon"]
    assert [daan.itemText(i) for i in range(daan.count())] == ["Before school", "After school",
                                                               "Holiday care"]
    assert dict(wizard.draft().day_parts) == {EMMA: None, DAAN: DayPart.NSO}
    emma.setCurrentIndex(emma.findText("Morning"))
    assert dict(wizard.draft().day_parts) == {EMMA: DayPart.OCHTEND, DAAN: DayPart.NSO}


def test_a_bso_child_gets_holiday_care_in_a_school_holiday(qtbot) -> None:
    day = TODAY + timedelta(days=20)
    holiday = month_of(day, school_holidays=(SchoolHoliday("Zomervakantie", day - timedelta(
        days=14), day + timedelta(days=14)),))
    agenda = FakeAgenda({(day.year, day.month): holiday})
    wizard, _service = extra_day_wizard(qtbot, agenda, start=day)
    wizard.who.boxes[1].setChecked(True)
    wizard.next()
    assert dict(wizard.draft().day_parts) == {DAAN: DayPart.VAKANTIE}


def test_a_child_whose_contract_ended_is_not_offered(qtbot) -> None:
    wizard, _service = extra_day_wizard(qtbot, profile=ended_profile(TODAY))
    assert wizard.who.boxes == []
    note = wizard.who.findChild(QLabel, "leftOut")
    assert note is not None and "Finn" in note.text()
    assert not next_enabled(wizard)


def preview_for(day: date, usable: dict[int, int]) -> ExtraDayPreview:
    items = (ExtraDayItem(EMMA, day, DayPart.OCHTEND, time(7, 30), time(13), 330, 1149, 0,
                          6320),
             ExtraDayItem(EMMA, day, DayPart.MIDDAG, time(13), time(18), 300, 1149, 0, 5745))
    skipped = (SkippedDay(EMMA, day + timedelta(days=1), DayPart.OCHTEND, "closing_day"),
               SkippedDay(EMMA, day + timedelta(days=1), DayPart.MIDDAG, "closing_day"))
    return ExtraDayPreview(items, skipped, 630, 0, 12065, {EMMA: 1260}, usable)


def on_payment_page(qtbot):
    wizard, service = extra_day_wizard(qtbot)
    wizard.who.boxes[0].setChecked(True)
    wizard.next()
    wizard.next()
    return wizard, service


def test_the_credit_shown_is_what_can_pay_for_these_days(qtbot) -> None:
    wizard, service = on_payment_page(qtbot)
    day = wizard.when.range()[0]
    expired = day - timedelta(days=1)
    service.creditChanged.emit([ChildCredit(EMMA, 1260, date(day.year + 1, 12, 31), (
        (expired, 630), (date(day.year + 1, 12, 31), 630)))])
    service.previewReady.emit(preview_for(day, {EMMA: 630}))
    text = wizard.payment.credit.text()
    # 21 hours in total, but half expires before the day: 10.5 hours can pay for it.
    assert "Emma: 10.5 hours usable (needed: 10.5 hours)" in text
    assert f"10.5 hours expires on {expired.day}" in text and "before these days" in text
    assert wizard.payment.buttons[next(p for p in wizard.payment.buttons
                                       if p.value == "credit")].isEnabled()


def test_only_credit_is_not_offered_when_it_cannot_pay_for_these_days(qtbot) -> None:
    wizard, service = on_payment_page(qtbot)
    service.previewReady.emit(preview_for(wizard.when.range()[0], {EMMA: 629}))
    credit_only = next(b for p, b in wizard.payment.buttons.items() if p.value == "credit")
    assert not credit_only.isEnabled()
    assert "not enough credit for these days (Emma)" in wizard.payment.credit_only_note.text()


def test_a_closed_day_of_a_whole_day_request_is_left_out_once(qtbot) -> None:
    wizard, service = on_payment_page(qtbot)
    day = wizard.when.range()[0]
    service.previewReady.emit(preview_for(day, {EMMA: 0}))
    left_out = [line for line in wizard.payment.preview_text.text().splitlines()
                if line.startswith("Left out")]
    assert len(left_out) == 1 and "closing day" in left_out[0]
