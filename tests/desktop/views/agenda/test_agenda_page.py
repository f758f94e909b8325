"""The Agenda page with a fake agenda service: navigation, keyboard, filter, legend, actions."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from view_fakes import (
    VIEW_TODAY,
    FakeAgenda,
    FakeExtraDays,
    ended_profile,
    parent_profile,
    staff_profile,
)

from desktop.api.agenda.records import (
    AbsenceReason,
    Agenda,
    AgendaAbsence,
    AgendaExtraDay,
    DayPart,
    PlannedDayPart,
)
from desktop.models.agenda.month import EntryState
from desktop.views.agenda.absence_wizard import AbsenceWizard
from desktop.views.agenda.extra_day_wizard import ExtraDayWizard
from desktop.views.agenda.page import AgendaPage

EMMA, DAAN = 1, 2


def month(year: int, month: int, *days: int) -> Agenda:
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    planned = tuple(PlannedDayPart(date(year, month, d), EMMA, DayPart.OCHTEND, time(7, 30),
                                   time(13), 2) for d in days)
    return Agenda(first, last, f"{year}-{month}", planned)


@pytest.fixture
def agenda() -> FakeAgenda:
    march = month(2027, 3, 1, 2)
    march = Agenda(march.first, march.last, march.cursor, march.planned,
                   absences=(AgendaAbsence(4, date(2027, 3, 2), EMMA, DayPart.OCHTEND,
                                           AbsenceReason.ZIEK),),
                   extra_days=(AgendaExtraDay(9, date(2027, 3, 3), DAAN, DayPart.NSO,
                                              "pending", time(14), time(18, 30)),))
    return FakeAgenda({(2027, 3): march, (2027, 4): month(2027, 4, 5),
                       (2027, 2): month(2027, 2, 26)})


@pytest.fixture
def page(qtbot, agenda) -> AgendaPage:
    page = AgendaPage(agenda, FakeExtraDays())
    qtbot.addWidget(page)
    page.set_profile(parent_profile())
    page.show()
    page.select_date(date(2027, 3, 1))
    return page


def states(page: AgendaPage, day: date) -> list[tuple[str, EntryState]]:
    return [(e.child_name, e.state) for e in page.model.entries(day)]


def test_the_month_shows_planned_absent_and_requested_days(page) -> None:
    assert page.findChild(QLabel, "monthTitle").text() == "March 2027"
    assert states(page, date(2027, 3, 1)) == [("Emma", EntryState.PLANNED)]
    assert states(page, date(2027, 3, 2)) == [("Emma", EntryState.ABSENT)]
    assert states(page, date(2027, 3, 3)) == [("Daan", EntryState.EXTRA_PENDING)]
    assert "Emma — morning 07:30–13:00: planned" in page.day_details.text()
    page.select_date(date(2027, 3, 3))
    assert "Daan — after school 14:00–18:30: extra day requested, not decided yet" \
        in page.day_details.text()


def test_the_month_as_a_list_shares_the_day_panel(qtbot, page) -> None:
    page.list_mode.click()
    assert page.views.currentWidget() is not page.view and page.list_view.isVisible()
    model = page.list_view.model()
    rows = [(model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 3).data())
            for r in range(model.rowCount())]
    assert rows == [("Monday 1 March 2027", "Emma", "planned"),
                    ("Tuesday 2 March 2027", "Emma", "absent: ill"),
                    ("Wednesday 3 March 2027", "Daan", "extra day requested, not decided yet")]
    page.list_view.setCurrentIndex(model.index(2, 0))
    assert page.day_title.text() == "Wednesday 3 March 2027"
    assert "extra day requested" in page.day_details.text()
    page.move_month(1)  # April: Emma on the 5th only
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Monday 5 April 2027"]
    assert not page.legend.isVisible()  # the list says each state in words
    page.month_mode.click()
    assert page.views.currentWidget() is page.view and page.legend.isVisible()


def test_a_month_without_care_says_so_in_the_list(qtbot, page) -> None:
    page.show_list()
    page.child_filter.setCurrentIndex(page.child_filter.findText("Daan"))
    page.move_month(1)  # Daan has nothing in April
    assert page.list_view.model().rowCount() == 0
    assert page.list_empty.isVisible()


def test_the_legend_names_every_state_in_words(page) -> None:
    texts = [label.text() for label in page.legend_labels]
    assert texts == ["planned", "absent", "waiting for a connection", "extra day",
                     "requested", "rejected", "closed"]


def test_arrow_keys_cross_into_the_next_month_and_page_keys_switch_months(qtbot, page,
                                                                          agenda) -> None:
    page.select_date(date(2027, 3, 31))
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    assert page.model.month == (2027, 4)
    assert page.view.currentIndex().data(page.model.Role.Date) == date(2027, 4, 1)
    assert agenda.shown[-1] == (2027, 4)
    qtbot.keyClick(page.view, Qt.Key.Key_PageUp)
    assert page.model.month == (2027, 3)
    qtbot.keyClick(page.view, Qt.Key.Key_PageUp)
    assert page.model.month == (2027, 2)
    assert states(page, date(2027, 2, 26)) == [("Emma", EntryState.PLANNED)]


def test_the_child_filter_shows_one_child(page) -> None:
    page.child_filter.setCurrentIndex(page.child_filter.findText("Daan"))
    assert states(page, date(2027, 3, 1)) == []
    assert states(page, date(2027, 3, 3)) == [("Daan", EntryState.EXTRA_PENDING)]


def test_today_goes_back_to_the_current_month(page) -> None:
    page.findChild(QPushButton, "today").click()
    assert page.model.month == (VIEW_TODAY.year, VIEW_TODAY.month)


def test_staff_do_not_get_the_parents_actions(qtbot, agenda) -> None:
    page = AgendaPage(agenda, FakeExtraDays())
    qtbot.addWidget(page)
    page.set_profile(staff_profile())
    page.show()
    for name in ("reportAbsence", "requestDay", "requestOverview"):
        assert not page.findChild(QPushButton, name).isVisible()


def test_a_month_not_loaded_yet_is_explained(page) -> None:
    page.select_date(date(2027, 6, 1))
    assert "has not been loaded yet" in page.day_details.text()


def future_month(day: date, **lists) -> Agenda:
    first = day.replace(day=1)
    return Agenda(first, day.replace(day=calendar.monthrange(day.year, day.month)[1]), "f",
                  **lists)


def page_with(qtbot, agenda: FakeAgenda, profile=None) -> AgendaPage:
    page = AgendaPage(agenda, FakeExtraDays())
    qtbot.addWidget(page)
    page.set_profile(profile or parent_profile())
    page.show()
    return page


def test_the_day_panel_offers_the_days_actions(qtbot) -> None:
    day = VIEW_TODAY + timedelta(days=20)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    planned = PlannedDayPart(day, EMMA, DayPart.OCHTEND, time(7, 30), time(13), 2)
    agenda = FakeAgenda({(day.year, day.month): future_month(day, planned=(planned,))})
    page = page_with(qtbot, agenda)
    page.select_date(day)
    panel = page.day_panel
    assert panel.absence_button.isVisible() and panel.extra_day_button.isVisible()
    panel.absence_button.click()
    wizard = page.findChild(AbsenceWizard)
    assert wizard is not None and wizard.when.range() == (day, day)
    wizard.close()
    panel.extra_day_button.click()
    assert page.findChild(ExtraDayWizard).when.range() == (day, day)
    page.findChild(ExtraDayWizard).close()
    # Enter in the month grid goes to the day's first action.
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.focusWidget() is panel.absence_button


def test_a_past_day_or_a_day_too_soon_offers_less(qtbot) -> None:
    page = page_with(qtbot, FakeAgenda())
    page.select_date(VIEW_TODAY - timedelta(days=1))
    assert not page.day_panel.absence_button.isVisibleTo(page)
    assert not page.day_panel.extra_day_button.isVisibleTo(page)
    soon = VIEW_TODAY + timedelta(days=1)
    while soon.weekday() >= 5:
        soon += timedelta(days=1)
    page.select_date(soon)
    assert not page.day_panel.extra_day_button.isVisibleTo(page)
    assert "Extra days can be requested from" in page.day_panel.note.text()


def test_the_day_panel_says_why_an_extra_day_was_rejected(qtbot) -> None:
    day = date(2027, 3, 5)
    rejected = AgendaExtraDay(9, day, DAAN, DayPart.NSO, "rejected", time(14), time(18, 30),
                              "De groep is vol door een uitje.")
    agenda = FakeAgenda({(2027, 3): future_month(day, extra_days=(rejected,))})
    page = page_with(qtbot, agenda)
    page.select_date(day)
    assert "extra day rejected: De groep is vol door een uitje." in page.day_details.text()


def test_a_family_whose_contract_ended_cannot_report_or_request(qtbot) -> None:
    profile = ended_profile(VIEW_TODAY)
    page = page_with(qtbot, FakeAgenda(), profile)
    assert not page.absence_button.isEnabled() and not page.extra_day_button.isEnabled()
    ended = profile.children[0].contracts[0].end_date
    assert page.care_note.isVisible()
    assert f"Your contract ended on {ended.day} " in page.care_note.text()
    page.select_date(VIEW_TODAY + timedelta(days=10))
    assert not page.day_panel.absence_button.isVisibleTo(page)
    assert not page.day_panel.extra_day_button.isVisibleTo(page)


def test_a_contract_that_ends_within_the_notice_allows_absence_but_no_extra_day(qtbot) -> None:
    profile = ended_profile(VIEW_TODAY)
    child = profile.children[0]
    ending = replace(child.contracts[0], end_date=VIEW_TODAY + timedelta(days=2))
    profile = replace(profile, children=(replace(child, contracts=(ending,)),))
    page = page_with(qtbot, FakeAgenda(), profile)
    assert page.absence_button.isEnabled() and not page.extra_day_button.isEnabled()
    assert "ends too soon to request an extra day" in page.care_note.text()
