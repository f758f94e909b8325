"""The login window, driven as a user: typing, clicking and reading what it shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMessageBox, QPushButton, QToolButton
from view_fakes import FakeAccount, FakeKnownAccount, FakeResets, FakeSession

from desktop.api.profile.records import Role
from desktop.views.login.window import DemoLogin, LoginWindow

DEMO = [DemoLogin("sanne.devries@voorbeeld.nl", "zonnebloem-demo", "primary parent"),
        DemoLogin("fatima.elamrani@voorbeeld.nl", "zonnebloem-demo", "staff")]


@pytest.fixture
def make_window(qtbot, session: FakeSession, resets: FakeResets):
    def make(**kwargs) -> LoginWindow:
        window = LoginWindow(kwargs.pop("session", session), resets, **kwargs)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        return window
    return make


def child(window, cls, name):
    found = window.findChild(cls, name)
    assert found is not None, name
    return found


def fill(qtbot, window, organisation="zonnebloem", email="sanne@voorbeeld.nl",
         password="geheim123") -> None:
    for name, text in (("organisation", organisation), ("email", email),
                       ("password", password)):
        field = child(window, QLineEdit, name)
        field.clear()
        qtbot.keyClicks(field, text)


def test_login_button_waits_for_all_fields(qtbot, make_window, session) -> None:
    window = make_window()
    login = child(window, QPushButton, "login")
    assert not login.isEnabled()
    fill(qtbot, window, password="")
    assert not login.isEnabled()
    qtbot.keyClicks(child(window, QLineEdit, "password"), "geheim123")
    assert login.isEnabled()
    qtbot.mouseClick(login, Qt.MouseButton.LeftButton)
    assert session.calls[-1] == ("login", "zonnebloem", "sanne@voorbeeld.nl", "geheim123",
                                 False)


def test_enter_in_the_password_field_logs_in_with_remember_me(qtbot, make_window,
                                                             session) -> None:
    window = make_window()
    fill(qtbot, window)
    child(window, QCheckBox, "remember").setChecked(True)
    qtbot.keyClick(child(window, QLineEdit, "password"), Qt.Key.Key_Return)
    assert session.calls[-1][0] == "login"
    assert session.calls[-1][-1] is True


def test_a_failed_login_is_shown_in_the_error_area(qtbot, make_window, session) -> None:
    window = make_window()
    error = child(window, QLabel, "error")
    assert not error.isVisible()
    session.loginFailed.emit("The e-mail address or password is not correct.")
    assert error.isVisible()
    assert error.text() == "The e-mail address or password is not correct."
    session.rememberUnavailable.emit("This computer cannot remember your login.")
    assert error.text() == "This computer cannot remember your login."


def test_show_message_uses_the_error_area(make_window) -> None:
    window = make_window()
    window.show_message("Your session has expired. Please log in again.")
    error = child(window, QLabel, "error")
    assert error.isVisible() and "session has expired" in error.text()


def test_busy_disables_the_form_and_says_so(qtbot, make_window, session) -> None:
    window = make_window()
    fill(qtbot, window)
    login = child(window, QPushButton, "login")
    session.busyChanged.emit(True)
    assert not login.isEnabled()
    assert login.text() == "Logging in…"
    assert not child(window, QLineEdit, "password").isEnabled()
    session.busyChanged.emit(False)
    assert login.isEnabled() and login.text() == "Log in"


def test_remember_me_is_hidden_on_a_shared_pc(qtbot, make_window, session) -> None:
    window = make_window(shared_pc=True)
    assert not child(window, QCheckBox, "remember").isVisible()
    note = child(window, QLabel, "sharedPcNote")
    assert note.isVisible() and "nothing is remembered" in note.text()
    fill(qtbot, window)
    qtbot.mouseClick(child(window, QPushButton, "login"), Qt.MouseButton.LeftButton)
    assert session.calls[-1][-1] is False


def test_the_organisation_is_checked_and_its_name_shown(qtbot, make_window, session) -> None:
    window = make_window()
    field = child(window, QLineEdit, "organisation")
    qtbot.keyClicks(field, "zonnebloem")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert ("check_portal", "zonnebloem") in session.calls
    status = child(window, QLabel, "organisationStatus")
    session.portalChecked.emit("https://zonnebloem.ouderportaal.nl", "Kinderopvang Zonnebloem")
    assert status.isVisible() and "Kinderopvang Zonnebloem" in status.text()
    session.portalCheckFailed.emit("There is no organisation with this address.")
    assert status.text() == "There is no organisation with this address."


def test_a_prefilled_organisation_is_checked_right_away(qtbot, make_window, session) -> None:
    make_window(initial_portal="http://127.0.0.1:8765")
    qtbot.waitUntil(lambda: ("check_portal", "http://127.0.0.1:8765") in session.calls)


def test_an_address_check_that_failed_while_the_demo_started_is_done_again(
        qtbot, make_window, session) -> None:
    window = make_window(initial_portal="http://127.0.0.1:8765")
    qtbot.waitUntil(lambda: ("check_portal", "http://127.0.0.1:8765") in session.calls)
    window.portal_started()  # the check has not failed: nothing is asked again
    assert session.calls.count(("check_portal", "http://127.0.0.1:8765")) == 1
    session.portalCheckFailed.emit("The portal's server cannot be reached.")
    window.portal_started()
    assert session.calls.count(("check_portal", "http://127.0.0.1:8765")) == 2
    session.portalChecked.emit("http://127.0.0.1:8765", "Kinderopvang Zonnebloem")
    assert "Kinderopvang Zonnebloem" in child(window, QLabel, "organisationStatus").text()


def test_a_demo_login_fills_email_and_password(qtbot, make_window) -> None:
    window = make_window(demo_logins=DEMO)
    buttons = window.findChildren(QPushButton, "demoLogin")
    assert len(buttons) == 2 and "staff" in buttons[1].text()
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert child(window, QLineEdit, "email").text() == "fatima.elamrani@voorbeeld.nl"
    assert child(window, QLineEdit, "password").text() == "zonnebloem-demo"


def test_the_demo_panel_links_to_the_folder_its_reset_mails_land_in(make_window,
                                                                    tmp_path) -> None:
    window = make_window(demo_logins=DEMO, demo_mail_folder=tmp_path / "mail")
    note = child(window, QLabel, "demoMailFolder")
    assert note.isVisible()
    assert QUrl.fromLocalFile(str(tmp_path / "mail")).toString() in note.text()
    assert "Forgot password?" in note.text()


def test_without_demo_logins_there_is_no_demo_panel(make_window) -> None:
    window = make_window()
    assert not window.demo.isVisible()


def test_a_remembered_account_is_reopened_with_one_click(qtbot, make_window) -> None:
    session = FakeSession(known=[FakeKnownAccount(
        "k1", "https://zonnebloem.ouderportaal.nl", "Thomas de Vries",
        "Kinderopvang Zonnebloem")])
    window = make_window(session=session)
    buttons = window.findChildren(QPushButton, "knownAccount")
    assert len(buttons) == 1
    # What the list shows is all this computer keeps of the account: no e-mail address.
    assert buttons[0].text() == ("Thomas de Vries\nKinderopvang Zonnebloem\n"
                                 "zonnebloem.ouderportaal.nl")
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert session.calls[-1] == ("resume", "k1")


def test_a_remembered_account_can_be_forgotten_after_a_question(qtbot, make_window) -> None:
    session = FakeSession(known=[FakeKnownAccount(
        "k1", "https://zonnebloem.ouderportaal.nl", "Thomas de Vries",
        "Kinderopvang Zonnebloem")])
    window = make_window(session=session)
    window.show()

    def answer(text: str) -> None:
        forget = window.findChild(QToolButton, "forgetAccount")
        assert forget.toolTip() == "Forget Thomas de Vries on this computer"
        qtbot.mouseClick(forget, Qt.MouseButton.LeftButton)
        shown = [box for box in window.findChildren(QMessageBox, "forgetAccountQuestion")
                 if box.isVisible()]
        assert len(shown) == 1
        question = shown[0]
        assert "Thomas de Vries" in question.text()
        button = next(b for b in question.buttons() if b.text() == text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    answer("Cancel")
    assert ("forget_account", "k1") not in session.calls
    assert len(window.findChildren(QPushButton, "knownAccount")) == 1

    answer("Forget")
    assert session.calls[-1] == ("forget_account", "k1")
    qtbot.waitUntil(lambda: not window.known_accounts.isVisible())
    assert window.known_accounts.buttons == []


def test_forgot_password_opens_the_reset_with_the_email_typed(qtbot, make_window) -> None:
    window = make_window()
    fill(qtbot, window, password="")
    qtbot.mouseClick(child(window, QPushButton, "forgotPassword"), Qt.MouseButton.LeftButton)
    wizard = window.findChild(object, "passwordReset")
    assert wizard is not None and wizard.isVisible()
    assert wizard.request_page.email.text() == "sanne@voorbeeld.nl"
    assert wizard.request_page.organisation.text() == "zonnebloem"
    wizard.reject()


def test_a_successful_login_leaves_no_password_behind(qtbot, make_window, session) -> None:
    window = make_window(shared_pc=True)
    fill(qtbot, window)
    session.loggedIn.emit(object())
    assert child(window, QLineEdit, "password").text() == ""
    assert child(window, QLineEdit, "email").text() == ""  # shared PC: not even the e-mail
    assert child(window, QLineEdit, "organisation").text() == "zonnebloem"


def test_after_a_login_remember_me_is_unticked_for_whoever_comes_next(qtbot, make_window,
                                                                     session) -> None:
    window = make_window()
    fill(qtbot, window)
    window.remember.setChecked(True)
    window.attempt_login()
    assert session.calls[-1][-1] is True  # asked to remember this login
    session.loggedIn.emit(FakeAccount())
    assert not window.remember.isChecked()


def test_data_that_could_not_be_removed_yet_is_said_until_it_is_gone(make_window,
                                                                     session) -> None:
    window = make_window()
    note = child(window, QLabel, "leftoversNote")
    session.leftoversChanged.emit("Not all data of the previous session could be removed.")
    assert note.isVisible() and "could be removed" in note.text()
    session.loginFailed.emit("The e-mail address or password is incorrect.")
    assert note.isVisible()  # an error does not hide it
    session.leftoversChanged.emit("")
    assert not note.isVisible()


def test_a_staff_login_leaves_not_even_the_email_behind(qtbot, make_window, session) -> None:
    window = make_window()  # an ordinary computer, but staff accounts always count as shared
    fill(qtbot, window)
    session.loggedIn.emit(FakeAccount(role=Role.STAFF, shared_pc=True))
    assert child(window, QLineEdit, "email").text() == ""


def test_the_password_can_be_shown_while_typing(qtbot, make_window, session) -> None:
    window = make_window()
    password = child(window, QLineEdit, "password")
    assert password.echoMode() == QLineEdit.EchoMode.Password
    window.show_password.trigger()
    assert password.echoMode() == QLineEdit.EchoMode.Normal
    assert window.show_password.toolTip() == "Hide password"
    session.loggedIn.emit(FakeAccount())
    assert password.echoMode() == QLineEdit.EchoMode.Password  # hidden again for the next one
