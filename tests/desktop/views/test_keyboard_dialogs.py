"""Every dialog, wizard page and the login window, walked with the keyboard (issue 14).

The dialogs are found, not listed: every ``QDialog`` subclass in ``desktop/views`` must have a
factory in :data:`DIALOGS` (a new dialog without one fails ``test_every_dialog_is_walked``).
Each factory yields the dialog in every state worth walking — a wizard once per page.

One piece on purpose: the table and its factories belong together, so that a dialog without
a factory is found by the one test that lists them all.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from diary_fakes import FakeDiary, FakeGroupDay
from keyboard import problems_in_chain, tab_chain, unnamed_controls
from PySide6.QtWidgets import QDialog, QWidget
from view_fakes import (
    VIEW_TODAY,
    ZONNETJES,
    FakeAccount,
    FakeAgenda,
    FakeExtraDays,
    FakePhotoPosting,
    FakePhotos,
    FakeResets,
    FakeSession,
    a_photo,
    extra_day_request,
    parent_profile,
)

import desktop.views
from desktop.api.absences.records import Absence, AbsenceDraft, QueuedAbsence
from desktop.api.account.records import TwoFactorSetup
from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.api.diary.records import ChildStatus, GroupDayChild
from desktop.api.extra_days.records import (
    CapacityDay,
    ExtraDayItem,
    ExtraDayPreview,
    ExtraDayRequest,
    ExtraDayStatus,
)
from desktop.views.account_security.dialogs import (
    ChangeEmailDialog,
    ChangePasswordDialog,
    TwoFactorOffDialog,
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
from desktop.views.login.panels import DemoLogin
from desktop.views.login.password_reset import PasswordResetWizard
from desktop.views.login.window import LoginWindow
from desktop.views.messages.new_conversation import NewConversationDialog, Recipient
from desktop.views.news.publish_dialog import PublishNewsDialog
from desktop.views.pending_requests.decision_dialogs import PartialApprovalDialog, RejectDialog
from desktop.views.photos.upload_dialog import UploadDialog
from desktop.views.photos.viewer import PhotoViewer
from desktop.views.shared.reason_dialog import ReasonDialog
from desktop.views.shared.two_factor_wizard import TwoFactorWizard

Factory = Callable[..., Iterator[QWidget]]
SOON = VIEW_TODAY + timedelta(days=45)
EMMA, DAAN = 1, 2


def _absence(absence_id: int, child_id: int, day: date, part: DayPart) -> Absence:
    return Absence(absence_id, child_id, day, part, AbsenceReason.ZIEK, None, "Sanne de Vries",
                   datetime(2026, 1, 5, 9, tzinfo=UTC), False, 330, date(day.year, 12, 31))


def _request(request_id: int, status: ExtraDayStatus, reason: str | None = None
             ) -> ExtraDayRequest:
    return extra_day_request(request_id, status, SOON, reason)


def absence_wizard(qtbot, _tmp_path) -> Iterator[QWidget]:
    wizard = AbsenceWizard(FakeAgenda(), parent_profile(), SOON)
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    wizard.next()
    wizard.who.boxes[0].setChecked(True)
    yield wizard
    wizard.next()
    yield wizard
    next(iter(wizard.why.buttons.values())).setChecked(True)
    wizard.next()
    yield wizard


def extra_day_wizard(qtbot, _tmp_path) -> Iterator[QWidget]:
    extra_days = FakeExtraDays()
    wizard = ExtraDayWizard(extra_days, FakeAgenda(), parent_profile(), True)
    qtbot.addWidget(wizard)
    wizard.show()
    for box in wizard.who.boxes:
        box.setChecked(True)
    yield wizard
    wizard.next()
    yield wizard  # the dates and a day-part per child
    wizard.next()
    item = ExtraDayItem(DAAN, wizard.when.range()[0], DayPart.NSO, time(14), time(18, 30),
                        270, 1015, 0, 4568)
    extra_days.previewReady.emit(ExtraDayPreview((item,), (), 270, 0, 4568, {DAAN: 0},
                                                 {DAAN: 0}))
    yield wizard
    wizard.next()
    yield wizard


def request_overview(qtbot, _tmp_path) -> Iterator[QWidget]:
    agenda, extra_days = FakeAgenda(), FakeExtraDays()
    dialog = RequestOverviewDialog(agenda, extra_days, parent_profile())
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog  # nothing listed yet
    agenda.absencesChanged.emit([_absence(1, EMMA, SOON, DayPart.OCHTEND),
                                 _absence(2, EMMA, SOON, DayPart.MIDDAG),
                                 _absence(3, DAAN, VIEW_TODAY + timedelta(days=3),
                                          DayPart.NSO)],
                                [QueuedAbsence(41, AbsenceDraft((EMMA,), SOON, SOON, None,
                                                                AbsenceReason.ZIEK),
                                               datetime(2026, 1, 5, 9, tzinfo=UTC))])
    extra_days.requestsChanged.emit([_request(7, ExtraDayStatus.PENDING),
                                     _request(8, ExtraDayStatus.REJECTED, "Vol")])
    for row in range(dialog.proxy.rowCount()):
        dialog.select_row(row)
        yield dialog


def export_dialog(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = ExportDialog(parent_profile().children, None, VIEW_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog


def pdf_viewer(qtbot, tmp_path: Path) -> Iterator[QWidget]:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    for page in (1, 2):
        pdf.add_page()
        pdf.cell(0, 10, f"Factuur - pagina {page}")
    path = tmp_path / "factuur.pdf"
    path.write_bytes(bytes(pdf.output()))
    viewer = PdfViewer(path, "Factuur F2026-00001", "Factuur F2026-00001.pdf",
                       lambda _target: None)
    qtbot.addWidget(viewer)
    viewer.show()
    yield viewer


def crash_dialog(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = CrashDialog("Traceback (most recent call last):\n  ...")
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog


def reject_dialog(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = RejectDialog(_request(7, ExtraDayStatus.PENDING))
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    dialog.reason.set_text("De groep is vol.")
    yield dialog


def partial_approval(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = PartialApprovalDialog(_request(7, ExtraDayStatus.PENDING), [
        CapacityDay(SOON, DayPart.OCHTEND, 12, 11, 1),
        CapacityDay(SOON + timedelta(days=1), DayPart.OCHTEND, 12, 12, 0)])
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog


def password_reset(qtbot, _tmp_path) -> Iterator[QWidget]:
    resets = FakeResets()
    wizard = PasswordResetWizard(resets, organisation="zonnebloem", email="")
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    wizard.request_page.email.setText("sanne.devries@voorbeeld.nl")
    wizard.next()
    resets.mailRequested.emit()
    yield wizard


def login_window(qtbot, tmp_path: Path) -> Iterator[QWidget]:
    window = LoginWindow(FakeSession(FakeAccount()), FakeResets(), initial_portal="zonnebloem",
                         demo_logins=(DemoLogin("sanne.devries@voorbeeld.nl", "zonnebloem-demo",
                                                "Parent with two children"),),
                         demo_mail_folder=tmp_path / "mail")
    qtbot.addWidget(window)
    window.show()
    yield window


def _shown(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def reason_dialog(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = _shown(qtbot, ReasonDialog("Afwijzen", "Waarom?", "Bijvoorbeeld: vol", "Reden",
                                        "Afwijzen"))
    yield dialog
    dialog.reason.set_text("De groep is vol.")
    yield dialog


def reject_change(qtbot, _tmp_path) -> Iterator[QWidget]:
    yield _shown(qtbot, RejectChangeDialog("Adres"))


def change_password(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = _shown(qtbot, ChangePasswordDialog())
    yield dialog
    dialog.refused("Het huidige wachtwoord klopt niet.")  # the error line shows
    yield dialog


def change_email(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = _shown(qtbot, ChangeEmailDialog("sanne.devries@voorbeeld.nl"))
    yield dialog
    dialog.code_sent("sanne@example.org")  # the second step: the code from that mail
    yield dialog


def two_factor_off(qtbot, _tmp_path) -> Iterator[QWidget]:
    yield _shown(qtbot, TwoFactorOffDialog())


def two_factor_wizard(qtbot, _tmp_path) -> Iterator[QWidget]:
    yield from _two_factor_pages(_shown(qtbot, TwoFactorWizard("zonnebloem")))
    # The login's setup, when the organisation requires it for managers.
    yield from _two_factor_pages(_shown(qtbot, TwoFactorWizard("zonnebloem", required=True)))


def _two_factor_pages(wizard: TwoFactorWizard) -> Iterator[QWidget]:
    yield wizard
    wizard.next()
    wizard.show_setup(TwoFactorSetup(
        "JBSWY3DPEHPK3PXP", "otpauth://totp/Ouderportaal:sanne?secret=JBSWY3DPEHPK3PXP"))
    yield wizard
    wizard.enabled([f"code-{n:04d}" for n in range(10)])  # on to the recovery codes
    yield wizard
    wizard.next()
    yield wizard


def new_conversation(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = _shown(qtbot, NewConversationDialog([Recipient(1, 2, "Emma – Zonnetjes"),
                                                  Recipient(2, 5, "Daan – Vossen")]))
    yield dialog
    dialog.subject.setText("Knuffel")
    dialog.body.set_text("Mag Emma haar knuffel meenemen?")  # "Send" can be reached now


def publish_news(qtbot, _tmp_path) -> Iterator[QWidget]:
    from desktop.models.shared.records import Place, PublishAudiences
    from desktop.views.news.publish_dialog import PublishNewsDialog

    dialog = _shown(qtbot, PublishNewsDialog("key-1"))
    yield dialog  # the audiences still loading
    dialog.set_audiences(PublishAudiences(Place(1, "Kinderopvang Zonnebloem"),
                                          (Place(3, "Zonnebloem Centrum"),),
                                          (Place(2, "Zonnetjes", 3),)))
    dialog.title.setText("Schoolreisje")
    dialog.body.setPlainText("Vrijdag gaan we naar de dierentuin.")
    dialog.later_choice.setChecked(True)  # the day and time can be reached now
    yield dialog
    dialog.refused("The data in the request is not right.", {"title": "too long"})
    yield dialog


def photo_viewer(qtbot, _tmp_path) -> Iterator[QWidget]:
    from PySide6.QtCore import QSize

    from desktop.models.photos.grid import PhotoGridModel
    from desktop.models.photos.thumbnails import ThumbnailCache
    from desktop.models.shared.records import PhotoListing
    from desktop.views.photos.viewer import PhotoViewer

    model = PhotoGridModel(ThumbnailCache(QSize(32, 24)), lambda photo: None,
                           lambda photo: None)
    model.set_listing(PhotoListing((a_photo(1), a_photo(2)), None))
    viewer = PhotoViewer(FakePhotos(), model)
    viewer.show_row(0)
    yield _shown(qtbot, viewer)


def upload_dialog(qtbot, tmp_path) -> Iterator[QWidget]:
    from desktop.models.shared.records import Activity, TaggableChild
    from desktop.views.photos.upload_dialog import UploadDialog

    posting = FakePhotoPosting()
    dialog = _shown(qtbot, UploadDialog(posting, [ZONNETJES]))
    posting.activitiesLoaded.emit([])  # no activity yet: the new activity's fields show
    yield dialog
    walk = Activity(10, ZONNETJES.id, date(2026, 11, 3), "Herfstwandeling", None, 0)
    posting.activitiesLoaded.emit([walk])
    posting.childrenLoaded.emit(10, [TaggableChild(1, "Emma", "de Vries", True),
                                     TaggableChild(2, "Noah", "Bakker", False)])
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8")
    dialog.add_files([photo])
    yield dialog


def day_report(qtbot, _tmp_path) -> Iterator[QWidget]:
    service = FakeGroupDay()
    consent = GroupDayChild(1, "Emma", "de Vries", ChildStatus.ARRIVED, (DayPart.OCHTEND,), (),
                            None, time(8, 5), None, None, None, None, None, True)
    dialog = _shown(qtbot, DayReportDialog(service, [consent], date(2026, 3, 2)))
    yield dialog
    service.writeFailed.emit("Dit tijdstip is nog niet geweest.")  # the refusal shows
    yield dialog


def diary_note(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = _shown(qtbot, DiaryNoteDialog("Emma", date(2026, 3, 2)))
    yield dialog
    dialog.text.set_text("Oma haalt op")
    yield dialog


def diary_pdf(qtbot, _tmp_path) -> Iterator[QWidget]:
    dialog = _shown(qtbot, DiaryPdfDialog(FakeDiary(), [(EMMA, "Emma", date(2025, 1, 6)),
                                                        (DAAN, "Daan", date(2026, 1, 5))],
                                          date(2026, 3, 2)))
    yield dialog
    dialog._failed("The portal cannot be reached.")  # the message shown, the button back
    yield dialog


def own_entries(qtbot, _tmp_path) -> Iterator[QWidget]:
    from desktop.api.diary.records import DiaryEntry, EntryKind

    note = DiaryEntry(7, EMMA, date(2026, 3, 2), EntryKind.NOTITIE, time(7, 30), "Oma haalt op",
                      {}, "Sanne de Vries", True, True,
                      datetime(2026, 3, 2, 7, 30, tzinfo=UTC), False)
    drink = DiaryEntry(8, EMMA, date(2026, 3, 2), EntryKind.DRINKEN, time(10, 0), None,
                       {"ml": 150}, "Fatima El Amrani", False, True,
                       datetime(2026, 3, 2, 10, tzinfo=UTC), True)
    diary = FakeDiary()
    dialog = _shown(qtbot, OwnEntriesDialog(diary, "maandag 2 maart", [note, drink]))
    yield dialog  # a note: time and text
    dialog.list.setCurrentRow(1)
    yield dialog  # a bottle: its time only
    diary.entryRefused.emit(8, "Deze dag kan niet meer worden gewijzigd.")
    yield dialog


def attendance_history(qtbot, _tmp_path) -> Iterator[QWidget]:
    from desktop.api.diary.records import AttendanceChange

    service = FakeGroupDay()
    emma = GroupDayChild(1, "Emma", "de Vries", ChildStatus.ARRIVED, (DayPart.OCHTEND,), (),
                         None, time(8, 5), None, None, None, None, None, True)
    dialog = _shown(qtbot, AttendanceHistoryDialog(service, emma, date(2026, 3, 2)))
    yield dialog  # loading
    service.historyChanged.emit(1, [
        AttendanceChange(time(8, 1), None, None, "Ilse Bakker",
                         datetime(2026, 3, 2, 9, tzinfo=UTC)),
        AttendanceChange(time(8, 10), None, "Met oma", "Fatima El Amrani",
                         datetime(2026, 3, 2, 8, 10, tzinfo=UTC))])
    yield dialog


#: Every dialog of the app (and the login window) with a factory that shows it.
DIALOGS: dict[type[QWidget], Factory] = {
    AbsenceWizard: absence_wizard,
    ExtraDayWizard: extra_day_wizard,
    RequestOverviewDialog: request_overview,
    ExportDialog: export_dialog,
    PdfViewer: pdf_viewer,
    PhotoViewer: photo_viewer,
    UploadDialog: upload_dialog,
    CrashDialog: crash_dialog,
    RejectDialog: reject_dialog,
    PartialApprovalDialog: partial_approval,
    PasswordResetWizard: password_reset,
    LoginWindow: login_window,
    ReasonDialog: reason_dialog,
    RejectChangeDialog: reject_change,
    ChangePasswordDialog: change_password,
    ChangeEmailDialog: change_email,
    TwoFactorOffDialog: two_factor_off,
    TwoFactorWizard: two_factor_wizard,
    NewConversationDialog: new_conversation,
    PublishNewsDialog: publish_news,
    DayReportDialog: day_report,
    DiaryNoteDialog: diary_note,
    DiaryPdfDialog: diary_pdf,
    OwnEntriesDialog: own_entries,
    AttendanceHistoryDialog: attendance_history,
}


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_dialog_is_walked() -> None:
    for module in pkgutil.walk_packages(desktop.views.__path__, "desktop.views."):
        importlib.import_module(module.name)
    # The lock guard's classes and a module's private bases (``_PortalDialog``) are not shown.
    dialogs = {cls for cls in _subclasses(QDialog) if cls.__module__.startswith("desktop.")
               and cls.__module__ != "desktop.views.shared.lock_guard"
               and not cls.__name__.startswith("_")}
    missing = sorted(cls.__qualname__ for cls in dialogs - set(DIALOGS))
    assert not missing, f"add a factory to DIALOGS in {__name__} for: {', '.join(missing)}"


@pytest.mark.parametrize("dialog", list(DIALOGS), ids=lambda cls: cls.__name__)
def test_tab_reaches_every_control_of_the_dialog_and_leaves_it(qtbot, tmp_path,
                                                                dialog) -> None:
    for state, window in enumerate(DIALOGS[dialog](qtbot, tmp_path)):
        stops = tab_chain(qtbot, window)
        problems = problems_in_chain(window, stops)
        assert not problems, f"{dialog.__name__}, state {state}:\n" + "\n".join(problems)


@pytest.mark.parametrize("dialog", list(DIALOGS), ids=lambda cls: cls.__name__)
def test_every_control_of_the_dialog_has_an_accessible_name(qtbot, tmp_path, dialog) -> None:
    for state, window in enumerate(DIALOGS[dialog](qtbot, tmp_path)):
        problems = unnamed_controls(window)
        assert not problems, f"{dialog.__name__}, state {state}:\n" + "\n".join(problems)
