"""The UI language choice, and the composition root's window switching and crash dialog."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fake_portal import EMAIL, ORGANISATION, PASSWORD
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QLabel, QRadioButton, QTextEdit, QWidget
from tray_fakes import FakeTray

from desktop.arguments import parse_args
from desktop.i18n import QT_GAPS, install_translators, ui_language
from desktop.services.shared.crash import CrashReporter
from desktop.views import tray
from desktop.wiring import AppOptions, DesktopApp


@pytest.mark.parametrize(("language", "expected"), [
    (QLocale.Language.Dutch, "nl"),
    (QLocale.Language.English, "en"),
    (QLocale.Language.German, "en"),
])
def test_dutch_only_for_a_dutch_system(language, expected):
    assert ui_language(QLocale(language)) == expected


def test_the_dutch_catalogue_translates_the_app(qapp):
    installed = install_translators(qapp, "nl")
    try:
        assert installed, "desktop/translations/ouderportaal_nl.qm should be bundled"
        assert QCoreApplication.translate("LoginWindow", "Log in") == "Inloggen"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("LoginWindow", "Log in") == "Log in"


def _english_left(widget: QWidget) -> list[str]:
    """Texts of ``widget`` that are Qt's English source strings (what a gap looks like)."""
    return [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QRadioButton)
            if w.text() in QT_GAPS]


def test_the_standard_dialogs_are_dutch_too(qapp):
    installed = install_translators(qapp, "nl")
    try:
        files = QFileDialog(None, "Opslaan", "")
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        printing = QPrintDialog(QPrinter())
        assert not _english_left(files) and not _english_left(printing)
        look_in = files.findChild(QLabel, "lookInLabel").text()
        assert look_in == "&Zoeken in:"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    english = QFileDialog(None, "Save", "")
    english.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert _english_left(english)  # the check above can fail: these are the English texts


@pytest.mark.expect_log("desktop.i18n", "WARNING", r"Dutch translation not found")
def test_english_needs_no_catalogue_and_a_missing_one_is_not_fatal(qapp, tmp_path: Path):
    assert install_translators(qapp, "en") == []
    installed = install_translators(qapp, "nl", tmp_path)  # no ouderportaal_nl.qm in there
    for translator in installed:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("LoginWindow", "Log in") == "Log in"


def test_command_line_options():
    args = parse_args(["--demo", "--shared-pc", "--portal", "korein", "--data-dir", "/tmp/x",
                       "--smoke-test"])
    assert args.demo and args.shared_pc and args.smoke_test
    assert args.portal == "korein" and args.data_dir == Path("/tmp/x")
    assert parse_args([]).demo_data is None


@pytest.fixture
def desktop(qapp, data_root, clients, tmp_path, run):
    crash = CrashReporter()
    app = DesktopApp(AppOptions(data_dir=data_root, portal=ORGANISATION), app=qapp, crash=crash,
                     clients=clients,
                     settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    app.start()
    yield app
    run(app.aclose())


def test_windows_follow_the_session(desktop, qtbot):
    assert desktop.login_window.isVisible() and desktop.main_window is None
    with qtbot.waitSignal(desktop.services.session.loggedIn, timeout=10_000):
        desktop.services.session.login(ORGANISATION, EMAIL, PASSWORD, False)
    assert desktop.main_window.isVisible() and not desktop.login_window.isVisible()

    desktop.services.session.lock()
    assert desktop.main_window.is_locked

    with qtbot.waitSignal(desktop.services.session.loggedOut):
        desktop.services.session.logout()
    assert desktop.login_window.isVisible() and desktop.main_window is None
    assert not desktop.closed.is_set()


def test_each_login_has_its_tray_icon_and_logging_out_takes_it_away(desktop, qtbot,
                                                                    monkeypatch):
    monkeypatch.setattr(tray, "system_tray", FakeTray)  # this platform has no tray
    with qtbot.waitSignal(desktop.services.session.loggedIn, timeout=10_000):
        desktop.services.session.login(ORGANISATION, EMAIL, PASSWORD, False)
    icon = desktop.tray.tray
    assert icon.shown and icon.parent() is desktop.main_window
    with qtbot.waitSignal(desktop.services.session.loggedOut):
        desktop.services.session.logout()
    assert desktop.tray is None and not icon.shown
    desktop.services.notifications.notify.emit(None)  # nobody listens any more


def test_closing_the_main_window_ends_the_app(desktop, qtbot):
    with qtbot.waitSignal(desktop.services.session.loggedIn, timeout=10_000):
        desktop.services.session.login(ORGANISATION, EMAIL, PASSWORD, False)
    desktop.main_window.close()
    assert desktop.closed.is_set()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.expect_log("desktop.services.shared.crash", "ERROR", r"unexpected error")
def test_a_bug_opens_the_crash_dialog_with_the_report(desktop, qtbot):
    try:
        raise RuntimeError("kapot")
    except RuntimeError as error:
        desktop.crash.report(error)
    dialog = desktop._crash_dialogs[-1]
    qtbot.waitUntil(dialog.isVisible)
    report = dialog.findChild(QTextEdit, "report") or dialog.report
    assert "RuntimeError: kapot" in report.toPlainText()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.expect_log("desktop.services.shared.crash", "ERROR", r"unexpected error")
@pytest.mark.parametrize("then", ["quit", "logout then quit"])
def test_quitting_after_a_crash_dialog_closes_everything_cleanly(qapp, data_root, clients,
                                                                 tmp_path, qtbot, run, then):
    # The dialog belongs to the main window; it goes when that window goes, and the shutdown
    # that follows must not trip over it ("Internal C++ object already deleted", exit code 1).
    crash = CrashReporter()
    app = DesktopApp(AppOptions(data_dir=data_root, portal=ORGANISATION), app=qapp, crash=crash,
                     clients=clients,
                     settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    app.start()
    with qtbot.waitSignal(app.services.session.loggedIn, timeout=10_000):
        app.services.session.login(ORGANISATION, EMAIL, PASSWORD, False)
    try:
        raise RuntimeError("kapot")
    except RuntimeError as error:
        crash.report(error)
    qtbot.waitUntil(app._crash_dialogs[-1].isVisible)
    if then == "logout then quit":
        with qtbot.waitSignal(app.services.session.loggedOut):
            app.services.session.logout()
        qtbot.wait(50)  # the old main window, and its dialog, are deleted now
    app.main_window and app.main_window.close()
    app.closed.set()
    run(app.aclose())  # raised RuntimeError before: the shutdown stopped half-way
    assert app.services.session.account is None


def test_a_session_that_begins_before_the_first_paint_still_gets_every_service(
        qapp, data_root, clients, tmp_path, qtbot, run):
    # Normally the account's services are made once the login window has painted; a login
    # that is quicker than that (a test, a script) has them made as the session begins.
    desktop = DesktopApp(AppOptions(data_dir=data_root, portal=ORGANISATION), app=qapp,
                         crash=CrashReporter(), clients=clients,
                         settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        with qtbot.waitSignal(desktop.session.loggedIn, timeout=10_000):
            desktop.session.login(ORGANISATION, EMAIL, PASSWORD, False)
        assert desktop.main_window is not None and desktop.main_window.isVisible()
        # The profile service took in the new session before the main window was made.
        assert desktop.services.profile.profile.user.email == EMAIL
        assert desktop.main_window.page("overview").children_model.rowCount() == 1  # Emma
    finally:
        run(desktop.aclose())


class DemoThatCannotStart:
    """A demo portal whose address was taken but whose start fails (say, a broken database)."""

    url = "http://127.0.0.1:9"
    mail_folder = Path("demo-mail")  # never made: the login window only links to it
    started = 0

    def start(self) -> None:
        self.started += 1
        raise RuntimeError("the embedded server failed to start")

    def stop(self) -> None:
        pass


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.expect_log("desktop.wiring", "ERROR", r"the demo portal did not start")
def test_a_demo_portal_that_cannot_start_is_said_in_the_login_window(
        qapp, data_root, clients, tmp_path, qtbot, run, caplog):
    demo = DemoThatCannotStart()
    desktop = DesktopApp(AppOptions(data_dir=data_root, demo=demo), app=qapp,
                         crash=CrashReporter(), clients=clients,
                         settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        desktop.start()  # the demo portal starts once the window has painted
        error = desktop.login_window.findChild(QLabel, "error")
        qtbot.waitUntil(error.isVisible, timeout=10_000)
        assert error.text().startswith("The demo portal could not be started.")
        assert demo.started == 1
        assert desktop.login_window.organisation.text() == demo.url
    finally:
        run(desktop.aclose())


class SlowDemo(DemoThatCannotStart):
    """A demo portal that starts once the test says so (a slow computer building the demo)."""

    def __init__(self) -> None:
        self.go = threading.Event()

    def start(self) -> None:
        self.go.wait(30)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_an_address_check_that_failed_while_the_demo_started_is_done_once_it_runs(
        qapp, data_root, clients, portal, tmp_path, qtbot, run):
    demo = SlowDemo()
    portal.down = True  # nothing answers on the demo's address yet
    desktop = DesktopApp(AppOptions(data_dir=data_root, demo=demo), app=qapp,
                         crash=CrashReporter(), clients=clients,
                         settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        desktop.start()
        window = desktop.login_window
        status = window.findChild(QLabel, "organisationStatus")
        # The check made at start fails.
        qtbot.waitUntil(lambda: status.property("state") == "problem", timeout=20_000)
        portal.down = False
        checks: list[str] = []
        check_portal = window._session.check_portal
        window._session.check_portal = lambda text: (checks.append(text), check_portal(text))
        demo.go.set()
        qtbot.waitUntil(lambda: checks == [demo.url], timeout=10_000)
        qtbot.waitUntil(lambda: status.property("state") == "ok", timeout=10_000)
    finally:
        demo.go.set()
        run(desktop.aclose())

