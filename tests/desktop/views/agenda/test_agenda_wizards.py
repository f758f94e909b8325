"""The agenda wizards' pages with fake services, as the parent sees them: Next is available
only when the page can be sent, and the page says why not (the period limit, the note's
length, nothing left to report)."""

from __future__ import annotations

import calendar
from datetime import date, time, timedelta

import pytest
from PySide6.QtWidgets import QWizard
from view_fakes import VIEW_TODAY, FakeAgenda, FakeExtraDays, parent_profile

from desktop.api.agenda.records import (
    AbsenceReason,
    Agenda,
    AgendaAbsence,
    DayPart,
    PlannedDayPart,
)
from desktop.api.portal.records import Policy
from desktop.views.agenda.absence_wizard import NOTE_LIMIT, AbsenceWizard
from desktop.views.agenda.extra_day_wizard import ExtraDayWizard

EMMA, DAAN = 1, 2
# The wizards' today is fixed, and DAY well after it (the wizards only offer days from today
# on). The fake agenda plans care on DAY whatever weekday it is: nothing here reads the calendar.
TODAY = VIEW_TODAY  # the views' day (tests/desktop/views/conftest.py, fixed_today)
DAY = TODAY + timedelta(days=60)


def next_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def month_with(*planned: int, reported: tuple[int, ...] = ()) -> FakeAgenda:
    """DAY's month, with the ochtend of DAY planned for the children ``planned`` and already
    reported absent for those in ``reported``."""
    first = DAY.replace(day=1)
    last = DAY.replace(day=calendar.monthrange(DAY.year, DAY.month)[1])
    agenda = Agenda(
        first, last, "c1",
        planned=tuple(PlannedDayPart(DAY, child, DayPart.OCHTEND, time(7, 30), time(13), 2)
                      for child in planned),
        absences=tuple(AgendaAbsence(10 + child, DAY, child, DayPart.OCHTEND,
                                     AbsenceReason.ZIEK) for child in reported))
    return FakeAgenda({(DAY.year, DAY.month): agenda})


@pytest.fixture
def absence_wizard(qtbot):
    def make(agenda: FakeAgenda | None = None) -> AbsenceWizard:
        wizard = AbsenceWizard(agenda or month_with(EMMA, DAAN), parent_profile(), DAY)
        qtbot.addWidget(wizard)
        wizard.open()
        qtbot.waitExposed(wizard)
        return wizard

    return make


@pytest.fixture
def extra_day_wizard(qtbot):
    def make(policy: Policy) -> ExtraDayWizard:
        agenda = FakeAgenda()
        agenda.policy = policy  # the wizard reads the policy from the agenda service
        wizard = ExtraDayWizard(FakeExtraDays(), agenda, parent_profile(), online=True)
        qtbot.addWidget(wizard)
        wizard.open()
        qtbot.waitExposed(wizard)
        wizard.who.boxes[0].setChecked(True)
        wizard.next()
        assert wizard.currentPage() is wizard.when
        return wizard

    return make


def choose_period(wizard, first: date, last: date) -> None:
    wizard.when.period.setChecked(True)
    wizard.when.first.setDate(first)
    wizard.when.last.setDate(last)


# --- the period limit ---------------------------------------------------------------------------


@pytest.mark.parametrize("max_days", [31, 5])
def test_an_extra_day_period_may_span_the_portals_limit_and_not_a_day_more(extra_day_wizard,
                                                                           max_days):
    wizard = extra_day_wizard(Policy(other={"extra_day_max_period_days": max_days}))
    first = wizard.when.first.date().toPython()

    choose_period(wizard, first, first + timedelta(days=max_days - 1))
    assert next_enabled(wizard)
    assert wizard.when.hint.text() == ""

    choose_period(wizard, first, first + timedelta(days=max_days))
    assert not next_enabled(wizard)
    assert wizard.when.hint.text() == f"A period can be at most {max_days} days."


def test_without_the_portals_value_an_extra_day_period_spans_at_most_31_days(extra_day_wizard):
    wizard = extra_day_wizard(Policy())
    first = wizard.when.first.date().toPython()
    choose_period(wizard, first, first + timedelta(days=30))
    assert next_enabled(wizard)
    choose_period(wizard, first, first + timedelta(days=31))
    assert not next_enabled(wizard)


def test_a_period_that_ends_before_it_starts_cannot_go_on(extra_day_wizard):
    wizard = extra_day_wizard(Policy())
    first = wizard.when.first.date().toPython()
    choose_period(wizard, first + timedelta(days=1), first)
    assert not next_enabled(wizard)
    assert wizard.when.hint.text() == "The last day is before the first day."
    wizard.when.one_day.setChecked(True)  # one day: the last date no longer counts
    assert next_enabled(wizard)


def test_an_absence_period_spans_at_most_366_days(absence_wizard):
    wizard = absence_wizard()
    choose_period(wizard, DAY, DAY + timedelta(days=365))
    assert next_enabled(wizard)
    choose_period(wizard, DAY, DAY + timedelta(days=366))
    assert not next_enabled(wizard)
    assert wizard.when.hint.text() == "A period can be at most 366 days."


# --- nothing left to report ---------------------------------------------------------------------


def choose_children(wizard: AbsenceWizard, *children: int) -> None:
    for box in wizard.who.boxes:
        box.setChecked(int(box.property("childId")) in children)


def to_children_page(wizard: AbsenceWizard, *children: int) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.who
    choose_children(wizard, *children)


def test_next_is_unavailable_when_every_chosen_day_part_is_already_reported(absence_wizard):
    wizard = absence_wizard(month_with(EMMA, DAAN, reported=(EMMA,)))
    to_children_page(wizard, EMMA)
    assert not next_enabled(wizard)
    assert "already been reported" in wizard.who.hint.text()

    choose_children(wizard, EMMA, DAAN)  # Daan's ochtend is still to report
    assert next_enabled(wizard)
    assert wizard.who.hint.text() == ""


def test_next_is_available_when_one_day_part_is_left_to_report(absence_wizard):
    wizard = absence_wizard(month_with(EMMA, DAAN, reported=(DAAN,)))
    to_children_page(wizard, EMMA, DAAN)
    assert next_enabled(wizard)


def test_a_child_without_care_on_the_day_cannot_be_reported(absence_wizard):
    wizard = absence_wizard(month_with(EMMA))
    to_children_page(wizard, DAAN)
    assert not next_enabled(wizard)
    choose_children(wizard)
    assert not next_enabled(wizard)
    assert wizard.who.hint.text() == "Choose at least one child."


def test_a_period_not_on_this_computer_is_left_to_the_portal(absence_wizard):
    wizard = absence_wizard(FakeAgenda())  # no month loaded: the portal decides
    to_children_page(wizard, EMMA)
    assert next_enabled(wizard)
    assert "has not been loaded on this computer" in wizard.who.hint.text()


# --- the note's length --------------------------------------------------------------------------


def to_reason_page(wizard: AbsenceWizard) -> None:
    to_children_page(wizard, EMMA)
    wizard.next()
    assert wizard.currentPage() is wizard.why


def test_a_note_of_the_limit_fits_and_one_character_more_does_not(absence_wizard):
    wizard = absence_wizard()
    to_reason_page(wizard)
    assert not next_enabled(wizard)  # no reason chosen yet
    wizard.why.buttons[AbsenceReason.ZIEK].setChecked(True)
    assert next_enabled(wizard)

    wizard.why.note.setPlainText("x" * NOTE_LIMIT)
    assert next_enabled(wizard)
    assert wizard.why.hint.text() == ""

    wizard.why.note.setPlainText("x" * (NOTE_LIMIT + 1))
    assert not next_enabled(wizard)
    assert wizard.why.hint.text() == "The note is 501 characters; at most 500 fit."
    assert wizard.why.note.toPlainText() == "x" * 501  # nothing typed is thrown away
