"""The keys a keyboard user expects from the platform (issue 14): F6 between panes, Ctrl+Tab
between tabs, arrows through the month grid (across months), Alt+Down or F4 to open a date
field's calendar, the login window's first field and Enter on a demo login."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from view_fakes import FakeAccount, FakeResets, FakeSession

from desktop.views.login.panels import DemoLogin
from desktop.views.login.window import LoginWindow
from desktop.views.shared.date_field import DateField


def focused():
    return QApplication.focusWidget()


def active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_f6_moves_between_navigation_and_page_and_back(qtbot, make_window) -> None:
    window = make_window()
    window.show_section("agenda")
    active(qtbot, window)
    window.navigation.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    page = window.page("agenda")
    assert page.isAncestorOf(focused()), focused()
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert focused() is window.navigation
    qtbot.keyClick(focused(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert page.isAncestorOf(focused())


def test_f6_visits_the_message_bar_while_it_shows(qtbot, make_window) -> None:
    window = make_window()
    window.message_bar.show_message("Offline", source="test", action_text="Try again",
                                    action=lambda: None)
    active(qtbot, window)
    window.navigation.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert window.message_bar.isAncestorOf(focused())


def test_ctrl_tab_moves_between_the_finance_tabs(qtbot, make_window) -> None:
    window = make_window()
    window.show_section("finance")
    page = window.page("finance")
    active(qtbot, window)
    page.tabs.currentWidget().setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert page.tabs.currentIndex() == 0


def test_arrows_move_the_day_across_the_month_and_tab_leaves_the_grid(qtbot,
                                                                        make_window) -> None:
    window = make_window()
    window.show_section("agenda")
    page = window.page("agenda")
    page.select_date(date(2027, 3, 31))
    active(qtbot, window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    assert page._selected_date() == date(2027, 4, 1)  # noqa: SLF001
    assert page.model.month == (2027, 4)
    qtbot.keyClick(page.view, Qt.Key.Key_Up)
    assert page._selected_date() == date(2027, 3, 25)  # noqa: SLF001
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert focused() is not page.view


# A popup asks the (offscreen) platform to raise it and grab the keyboard; that one cannot.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_date_field_opens_its_calendar_with_alt_down_or_f4(qtbot) -> None:
    field = DateField(date(2027, 1, 31), date(2027, 1, 1), date(2027, 12, 31))
    qtbot.addWidget(field)
    field.show()
    active(qtbot, field)
    for key, modifier in ((Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(field, key, modifier)
        calendar = field.calendarWidget()
        assert calendar.window().isVisible() and calendar.selectedDate() == QDate(2027, 1, 31)
        calendar.window().hide()


def test_a_date_fields_arrow_keys_cross_the_end_of_the_month(qtbot) -> None:
    field = DateField(date(2027, 1, 31), date(2027, 1, 1), date(2027, 12, 31))
    qtbot.addWidget(field)
    field.show()
    field.setCurrentSection(DateField.Section.DaySection)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.day == date(2027, 2, 1)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.day == date(2027, 1, 30)


def test_a_date_field_stops_at_its_limits(qtbot) -> None:
    field = DateField(date(2027, 12, 31), date(2027, 1, 1), date(2027, 12, 31))
    qtbot.addWidget(field)
    field.setCurrentSection(DateField.Section.DaySection)
    field.stepBy(1)
    assert field.day == date(2027, 12, 31)
    field.set_day(date(2027, 1, 1))
    field.stepBy(-1)
    assert field.day == date(2027, 1, 1)


def login_window(qtbot, portal: str = "") -> LoginWindow:
    window = LoginWindow(FakeSession(FakeAccount()), FakeResets(), initial_portal=portal,
                         demo_logins=(DemoLogin("sanne.devries@voorbeeld.nl",
                                                "zonnebloem-demo", "Parent"),))
    qtbot.addWidget(window)
    window.show()
    active(qtbot, window)
    return window


def test_the_login_window_starts_in_the_first_empty_field(qtbot) -> None:
    window = login_window(qtbot)
    qtbot.waitUntil(lambda: focused() is window.organisation)
    prefilled = login_window(qtbot, "zonnebloem")
    qtbot.waitUntil(lambda: focused() is prefilled.email)


def test_enter_on_a_demo_login_fills_in_the_form(qtbot) -> None:
    window = login_window(qtbot, "zonnebloem")
    card = window.demo.buttons[0]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert window.email.text() == "sanne.devries@voorbeeld.nl"
    assert window.password.text() == "zonnebloem-demo"
