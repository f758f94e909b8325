"""The shared-PC lock covers every window of the session (docs/architecture.md, "The lock covers
every window"): an open viewer, wizard, modal dialog and file dialog; what appears while locked;
the status bar; and every dialog class of the app, found by walking ``desktop.views``.

One piece (about 400 lines) because it is one rule, tested against every window kind: the
factories of the windows and the checks read best side by side."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date, time
from pathlib import Path

import pytest
from diary_fakes import FakeDiary, FakeGroupDay
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
    QWizard,
)
from shiboken6 import isValid
from view_fakes import (
    VIEW_TODAY,
    FakeAccount,
    FakeAgenda,
    FakeExtraDays,
    FakePendingRequests,
    FakePhotoPosting,
    FakePhotos,
    FakeResets,
    FakeSession,
    a_photo,
    parent_profile,
)

import desktop.views
from desktop.api.agenda.records import DayPart
from desktop.api.diary.records import ChildStatus, GroupDayChild
from desktop.api.extra_days.records import (
    CapacityDay,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
)
from desktop.views.account_security.dialogs import (
    ChangeEmailDialog,
    ChangePasswordDialog,
    TwoFactorOffDialog,
    _PortalDialog,
)
from desktop.views.agenda.absence_wizard import AbsenceWizard
from desktop.views.agenda.export_dialog import ExportDialog
from desktop.views.agenda.extra_day_wizard import ExtraDayWizard
from desktop.views.agenda.request_overview import RequestOverviewDialog
from desktop.views.change_requests.reject_dialog import RejectChangeDialog
from desktop.views.crash_dialog import CrashDialog
from desktop.views.diary.day_report import DayReportDialog
from desktop.views.diary.entries_dialog import OwnEntriesDialog
from desktop.views.diary.history_dialog import AttendanceHistoryDialog
from desktop.views.diary.note_dialog import DiaryNoteDialog
from desktop.views.diary.pdf_dialog import DiaryPdfDialog
from desktop.views.finance.viewer import PdfViewer
from desktop.views.login.password_reset import PasswordResetWizard
from desktop.views.login.window import LoginWindow
from desktop.views.main_window import MainWindow
from desktop.views.messages.new_conversation import NewConversationDialog, Recipient
from desktop.views.news.publish_dialog import PublishNewsDialog
from desktop.views.pending_requests.decision_dialogs import PartialApprovalDialog, RejectDialog
from desktop.views.photos.upload_dialog import UploadDialog
from desktop.views.photos.viewer import PhotoViewer
from desktop.views.shared.lock_guard import LockAware
from desktop.views.shared.reason_dialog import ReasonDialog
from desktop.views.shared.two_factor_wizard import TwoFactorWizard

#: Windows that are not session windows, and why the lock needs nothing of them.
NOT_SESSION_WINDOWS = {
    MainWindow: "the session's own window: it shows the lock screen",
    LoginWindow: "shown only while nobody is logged in",
}


def a_pdf(folder: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    pdf.add_page()
    pdf.cell(0, 10, "Factuur F2027-00012 - IBAN NL91 ABNA 0417 1643 00")
    path = folder / "factuur.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


def a_request() -> ExtraDayRequest:
    return ExtraDayRequest(
        id=7, child_id=1, first_date=date(2027, 3, 10), last_date=date(2027, 3, 10),
        day_part=DayPart.OCHTEND, payment=ExtraDayPayment.INVOICE,
        status=ExtraDayStatus.PENDING, items=(), credit_minutes=0, invoice_cents=6039,
        submitted_by="Sanne de Vries", decision_reason=None, child_name="Emma de Vries",
        group_name="Zonnetjes")


def _photo_viewer(parent: QWidget) -> PhotoViewer:
    from PySide6.QtCore import QSize

    from desktop.models.photos.grid import PhotoGridModel
    from desktop.models.photos.thumbnails import ThumbnailCache
    from desktop.models.shared.records import PhotoListing

    model = PhotoGridModel(ThumbnailCache(QSize(32, 24), parent=parent), lambda photo: None,
                           lambda photo: None, parent)
    model.set_listing(PhotoListing((a_photo(),), None))
    viewer = PhotoViewer(FakePhotos(), model, parent)
    viewer.show_row(0)
    return viewer


def a_child() -> GroupDayChild:
    return GroupDayChild(1, "Emma", "de Vries", ChildStatus.ARRIVED, (DayPart.OCHTEND,), (),
                         None, time(8, 5), None, None, "Pinda's", None, None, False)


#: One way to open each session window class over a main window: a new class needs one here.
BUILDERS = {
    AbsenceWizard: lambda parent, tmp: AbsenceWizard(FakeAgenda(), parent_profile(), None,
                                                     parent),
    ExtraDayWizard: lambda parent, tmp: ExtraDayWizard(FakeExtraDays(), FakeAgenda(),
                                                       parent_profile(), True, parent),
    ExportDialog: lambda parent, tmp: ExportDialog(parent_profile().children, None,
                                                   VIEW_TODAY, parent),
    RequestOverviewDialog: lambda parent, tmp: RequestOverviewDialog(
        FakeAgenda(), FakeExtraDays(), parent_profile(), parent),
    PdfViewer: lambda parent, tmp: PdfViewer(a_pdf(tmp), "Factuur", "Factuur.pdf",
                                             lambda target: None, parent),
    PhotoViewer: lambda parent, tmp: _photo_viewer(parent),
    UploadDialog: lambda parent, tmp: UploadDialog(FakePhotoPosting(), [], parent),
    CrashDialog: lambda parent, tmp: CrashDialog("Traceback: …", parent),
    RejectDialog: lambda parent, tmp: RejectDialog(a_request(), parent),
    PartialApprovalDialog: lambda parent, tmp: PartialApprovalDialog(a_request(), [
        CapacityDay(date(2027, 3, 10), DayPart.OCHTEND, 12, 11, 1),
        CapacityDay(date(2027, 3, 11), DayPart.OCHTEND, 12, 12, 0)], parent),
    PasswordResetWizard: lambda parent, tmp: PasswordResetWizard(FakeResets(), parent=parent),
    ChangePasswordDialog: lambda parent, tmp: ChangePasswordDialog(parent),
    ChangeEmailDialog: lambda parent, tmp: ChangeEmailDialog("sanne@voorbeeld.nl", None, parent),
    TwoFactorOffDialog: lambda parent, tmp: TwoFactorOffDialog(parent),
    # The account dialogs' base (an error line and a busy state), bare.
    _PortalDialog: lambda parent, tmp: _PortalDialog(parent),
    TwoFactorWizard: lambda parent, tmp: TwoFactorWizard("Zonnebloem", parent),
    RejectChangeDialog: lambda parent, tmp: RejectChangeDialog("Adres van Sanne", parent),
    ReasonDialog: lambda parent, tmp: ReasonDialog("Afwijzen", "Waarom?", "", "Reden", "Afwijzen",
                                                   parent),
    NewConversationDialog: lambda parent, tmp: NewConversationDialog(
        [Recipient(1, 2, "Emma – Zonnetjes")], parent),
    PublishNewsDialog: lambda parent, tmp: PublishNewsDialog("key-1", parent=parent),
    DayReportDialog: lambda parent, tmp: DayReportDialog(FakeGroupDay(), [a_child()],
                                                         date(2027, 3, 10), parent),
    DiaryNoteDialog: lambda parent, tmp: DiaryNoteDialog("Emma", date(2027, 3, 10), parent),
    DiaryPdfDialog: lambda parent, tmp: DiaryPdfDialog(
        FakeDiary(), [(1, "Emma", date(2026, 1, 5))], date(2027, 3, 10), parent),
    OwnEntriesDialog: lambda parent, tmp: OwnEntriesDialog(FakeDiary(), "10 maart", [],
                                                           parent),
    AttendanceHistoryDialog: lambda parent, tmp: AttendanceHistoryDialog(
        FakeGroupDay(), a_child(), date(2027, 3, 10), parent),
}


def window_classes() -> set[type]:
    """Every dialog, wizard and main window class defined in ``desktop.views``."""
    found: set[type] = set()
    for module in pkgutil.walk_packages(desktop.views.__path__, "desktop.views."):
        for _name, value in inspect.getmembers(importlib.import_module(module.name),
                                               inspect.isclass):
            if (value.__module__.startswith("desktop.views.")
                    and issubclass(value, (QDialog, QMainWindow))
                    or value in NOT_SESSION_WINDOWS):
                found.add(value)
    return found


def test_every_window_class_of_the_app_obeys_the_lock() -> None:
    classes = window_classes()
    assert {MainWindow, LoginWindow, PdfViewer, AbsenceWizard} <= classes  # the walk works
    for cls in classes - set(NOT_SESSION_WINDOWS):
        if cls.__module__ == "desktop.views.shared.lock_guard":
            continue  # the base classes themselves
        assert issubclass(cls, LockAware), (
            f"{cls.__name__} must build on SessionDialog or SessionWizard "
            "(desktop/views/shared/lock_guard.py)")
        assert cls in BUILDERS, f"add {cls.__name__} to BUILDERS, so its lock is tested"


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window(FakeSession(FakeAccount(), shared_pc=True),
                       pending_requests=FakePendingRequests())


def lock(window: MainWindow) -> None:
    window._session.locked.emit()


def unlock(window: MainWindow) -> None:
    window._session.unlocked.emit()


def focus_is_on_the_lock_screen(window: MainWindow) -> bool:
    return QApplication.focusWidget() is window.lock_screen.password


@pytest.mark.parametrize("cls", list(BUILDERS), ids=lambda cls: cls.__name__)
def test_each_session_window_is_hidden_while_locked_and_comes_back(qtbot, window, tmp_path,
                                                                   cls) -> None:
    opened = BUILDERS[cls](window, tmp_path)
    opened.open()
    qtbot.waitExposed(opened)
    lock(window)
    assert not opened.isVisible()
    qtbot.waitUntil(lambda: focus_is_on_the_lock_screen(window))
    opened.show()  # a window that asks to be shown while locked waits for the unlock
    assert not opened.isVisible()
    unlock(window)
    assert opened.isVisible()


def test_the_invoice_viewer_is_hidden_and_cannot_save_while_locked(qtbot, window,
                                                                   tmp_path) -> None:
    saved: list[Path] = []
    viewer = PdfViewer(a_pdf(tmp_path), "Factuur F2027-00012", "Factuur.pdf",
                       lambda target: saved.append(target), window)
    viewer.show()
    qtbot.waitExposed(viewer)
    lock(window)
    assert not viewer.isVisible()
    assert not viewer.save_button.isVisible()
    qtbot.waitUntil(lambda: focus_is_on_the_lock_screen(window))
    assert window.is_locked
    unlock(window)
    assert viewer.isVisible() and viewer.page_count == 1


def test_an_open_wizard_keeps_what_was_typed_but_submits_nothing_while_locked(
        qtbot, window) -> None:
    agenda = FakeAgenda()
    wizard = AbsenceWizard(agenda, parent_profile(), None, window)
    wizard.open()
    qtbot.waitExposed(wizard)
    wizard.why.note.setPlainText("Emma heeft koorts")
    wizard.setStartId(wizard.pageIds()[3])
    wizard.restart()  # straight to "Check and submit", the commit page
    assert wizard.currentPage() is wizard.summary
    lock(window)
    assert not wizard.isVisible()
    qtbot.waitUntil(lambda: focus_is_on_the_lock_screen(window))

    wizard.next()  # the Submit button, had anything reached it
    wizard.accept()
    assert agenda.reports == []
    assert wizard.currentPage() is wizard.summary

    unlock(window)
    assert wizard.isVisible()
    assert wizard.why.note.toPlainText() == "Emma heeft koorts"
    wizard.next()
    assert len(agenda.reports) == 1


def test_an_open_modal_dialog_gives_the_lock_screen_its_focus(qtbot, window) -> None:
    pending = FakePendingRequests()
    rejected: list[tuple[int, str]] = []
    pending.reject = lambda request_id, reason: rejected.append((request_id, reason))
    dialog = RejectDialog(a_request(), window)
    dialog.accepted.connect(lambda: rejected.append((7, dialog.text())))
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.reason.set_text("De groep is vol.")
    assert QApplication.activeModalWidget() is dialog

    lock(window)
    assert not dialog.isVisible()
    assert QApplication.activeModalWidget() is None
    qtbot.waitUntil(lambda: focus_is_on_the_lock_screen(window))
    qtbot.keyClicks(window.lock_screen.password, "geheim")
    assert window.lock_screen.password.text() == "geheim"
    dialog.accept()  # "Reject" cannot be completed behind the lock screen
    assert rejected == []

    unlock(window)
    assert dialog.isVisible() and dialog.text() == "De groep is vol."
    dialog.accept()
    assert rejected == [(7, "De groep is vol.")]


def test_an_open_file_dialog_is_closed_and_nothing_is_saved(qtbot, window, tmp_path) -> None:
    saved: list[Path] = []
    viewer = PdfViewer(a_pdf(tmp_path), "Factuur", "Factuur.pdf",
                       lambda target: saved.append(target), window)
    viewer.show()
    qtbot.waitExposed(viewer)
    seen: list[QFileDialog] = []
    left_open: list[QFileDialog] = []

    def lock_while_the_file_dialog_is_open() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, lock_while_the_file_dialog_is_open)
            return
        seen.extend(dialogs)
        dialogs[0].selectFile(str(tmp_path / "kopie.pdf"))
        lock(window)
        QTimer.singleShot(2_000, window, give_up)

    def give_up() -> None:  # without the lock's help: close it, so the test can fail
        for dialog in seen:
            if isValid(dialog) and dialog.isVisible():
                left_open.append(dialog)
                dialog.reject()

    QTimer.singleShot(0, lock_while_the_file_dialog_is_open)
    viewer.save_as()  # runs the file dialog until something closes it
    assert seen, "the file dialog never opened"
    assert left_open == []
    assert saved == []
    assert not viewer.isVisible()
    qtbot.waitUntil(lambda: focus_is_on_the_lock_screen(window))


def test_a_question_box_is_cancelled(qtbot, window) -> None:
    left_open: list[QMessageBox] = []

    def lock_when_asked() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lock_when_asked)
            return
        lock(window)
        QTimer.singleShot(2_000, window, lambda: give_up(box))

    def give_up(box: QMessageBox) -> None:
        if isValid(box) and box.isVisible():
            left_open.append(box)
            box.reject()

    QTimer.singleShot(0, lock_when_asked)
    answer = QMessageBox.question(window, "Afmelding annuleren", "Weet je het zeker?")
    assert left_open == []
    assert answer != QMessageBox.StandardButton.Yes
    assert window.is_locked


def test_a_window_opened_while_locked_waits_for_the_unlock(qtbot, window, tmp_path) -> None:
    lock(window)
    viewer = PdfViewer(a_pdf(tmp_path), "Factuur", "Factuur.pdf", lambda target: None, window)
    viewer.show()  # e.g. a download that finished behind the lock screen
    assert not viewer.isVisible()
    box = QMessageBox(QMessageBox.Icon.Warning, "Niet opgeslagen", "Emma de Vries", parent=window)
    box.show()
    qtbot.waitUntil(lambda: not box.isVisible())
    unlock(window)
    assert viewer.isVisible()


def test_the_status_bar_shows_nothing_while_locked(qtbot, window) -> None:
    window.statusBar().addWidget(QLabel("Documenten van Emma ophalen: 3 van 25", window))
    window.statusBar().showMessage("Factuur F2027-00012 opgeslagen")
    lock(window)
    assert not window.statusBar().isVisible()
    assert window.statusBar().currentMessage() == ""
    unlock(window)
    assert window.statusBar().isVisible()


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # offscreen popups
def test_menus_and_popups_close(qtbot, window) -> None:
    window.user_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(window.user_menu.isVisible)
    lock(window)
    assert not window.user_menu.isVisible()
    assert QApplication.activePopupWidget() is None


def test_after_a_logout_from_the_lock_screen_nothing_comes_back(qtbot, window, tmp_path) -> None:
    viewer = PdfViewer(a_pdf(tmp_path), "Factuur", "Factuur.pdf", lambda target: None, window)
    viewer.show()
    lock(window)
    window.hide()  # what the app does with the main window when the session ends
    assert window.lock_guard.put_aside == []
    assert not viewer.isVisible()


def test_a_wizard_closed_behind_the_lock_does_not_come_back(qtbot, window) -> None:
    wizard = ExtraDayWizard(FakeExtraDays(), FakeAgenda(), parent_profile(), True, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    wizard.open()
    lock(window)
    wizard.close()
    unlock(window)
    assert not wizard.isVisible()


def test_session_windows_refuse_exec(qtbot, window) -> None:
    dialog = RejectDialog(a_request(), window)
    with pytest.raises(RuntimeError, match="open"):
        dialog.exec()


def test_outside_a_session_the_base_classes_are_plain_dialogs(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = PasswordResetWizard(FakeResets(), parent=parent)
    wizard.open()
    assert wizard.isVisible() and not wizard.lock_engaged
    wizard.reject()
    assert wizard.result() == QWizard.DialogCode.Rejected
