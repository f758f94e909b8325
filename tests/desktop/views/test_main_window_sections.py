"""The main window's sections from the table: who sees which, Ctrl+1…9, activating a page, and
one page opening another with an intent."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from view_fakes import (
    VIEW_TODAY,
    FakeAccount,
    FakeAgenda,
    FakeExtraDays,
    FakeFinance,
    FakePendingRequests,
    FakeProfileService,
    FakeSaveEverything,
    FakeSession,
    extra_day_request,
    parent_profile,
    staff_profile,
)

from desktop.api.extra_days.records import ExtraDayStatus
from desktop.api.profile.records import Role
from desktop.models.finance import FinanceAccess, FinanceOverview
from desktop.models.sections import PARENTS, STAFF, AccessState, Audience, Section
from desktop.services.shared.save_folder import SaveOutcome
from desktop.views.overview import OverviewPage
from desktop.views.sections import SECTIONS


def test_the_agenda_section_is_for_parents_only(make_window) -> None:
    staff = make_window(FakeSession(FakeAccount(role=Role.STAFF), shared_pc=True),
                        FakeProfileService(staff_profile()))
    agenda_row = staff.sections.row_of("agenda")
    assert staff.navigation.isRowHidden(agenda_row)
    staff.show_section("agenda")
    assert staff.pages.currentWidget() is not staff.page("agenda")
    parent = make_window()
    assert not parent.navigation.isRowHidden(agenda_row)
    parent.show_section("agenda")
    assert parent.pages.currentWidget() is parent.page("agenda")


def test_keyboard_shortcuts_switch_sections(qtbot, make_window) -> None:
    window = make_window()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("agenda")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("diary")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("photos")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("finance")
    # A parent does not see the pending requests: Ctrl+6 is the next section they do see.
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("personal_data")
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("account")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("overview")


def test_staff_start_on_their_group_day_and_ctrl_4_opens_the_pending_requests(
        qtbot, make_window) -> None:
    pending = FakePendingRequests()
    window = make_window(FakeSession(FakeAccount(role=Role.MANAGER), shared_pc=True),
                         FakeProfileService(staff_profile()), pending_requests=pending)
    visible = [window.sections.key_at(r) for r in range(window.sections.rowCount())
               if not window.navigation.isRowHidden(r)]
    # (Which sections each role sees, all of them, is pinned once: tests/desktop/views/
    # test_sections.py.) Here: their group's day comes first, then the overview, the photos
    # (where the parents' are) and the decisions.
    assert visible[:4] == ["group_day", "overview", "photos", "pending_requests"]
    assert window.pages.currentWidget() is window.page("group_day")  # where they start
    assert "agenda" not in visible and "finance" not in visible
    row = window.sections.row_of("pending_requests")
    assert window.sections.index(row).data() == "Pending requests"
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("pending_requests")
    assert pending.loads == 1  # shown: what is pending is fetched now


def granted_overview() -> FinanceOverview:
    return FinanceOverview(FinanceAccess.GRANTED, "Sanne de Vries", (), (), "c1")


def test_save_everything_from_the_notice_asks_for_a_folder_and_saves_there(
        make_window, monkeypatch, tmp_path) -> None:
    saving = FakeSaveEverything()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(tmp_path))
    window = make_window(profile=FakeProfileService(parent_profile(
        access_until=date(2027, 5, 1))), save_everything=saving)
    page = window.page("overview")
    assert page.save_everything.isVisible()
    page.save_everything.click()
    assert saving.asked == [(tmp_path, VIEW_TODAY)]
    assert page.progress is not None and page.progress.isVisible()
    saving.progress.emit(3, 10)
    assert page.progress.value() == 3 and "3 of 10" in page.progress.labelText()
    page.progress.canceled.emit()  # the Cancel button
    assert saving.cancelled == 1 and page.progress is None
    assert "Saving stopped" in page.save_summary.text()
    page.save_everything.click()
    saving.ended.emit(SaveOutcome(saved=[tmp_path / "a.pdf"] * 3, already_there=4,
                                  saved_by_kind={"document": 1, "diary": 1, "photo": 1}))
    assert page.save_summary.text() == (
        "Saved: 1 documents, 1 diary PDFs, 1 photos. Already in the folder: 4.")


def test_staff_get_no_notice_and_nothing_to_save(make_window) -> None:
    window = make_window(FakeSession(FakeAccount(role=Role.STAFF)),
                         FakeProfileService(staff_profile()))
    assert not window.page("overview").save_everything.isVisible()
    assert not window.page("overview").access_notice.isVisible()


def test_showing_a_section_activates_its_page(make_window) -> None:
    finance = FakeFinance()
    window = make_window(finance=finance)
    assert finance.refreshes == 0
    window.show_section("finance")
    assert finance.refreshes == 1  # nothing synced yet: the page asks for it


def test_a_section_for_active_accounts_leaves_when_access_starts_to_end(make_window) -> None:
    extra = Section("extra", "Extra", "Only while a contract runs", "info",
                    Audience(PARENTS.roles, frozenset({AccessState.ACTIVE})),
                    lambda context: OverviewPage(context.parent))
    profile = FakeProfileService(parent_profile())
    window = make_window(profile=profile, sections=(*SECTIONS[:1], extra, *SECTIONS[1:]))
    row = window.sections.row_of("extra")
    assert not window.navigation.isRowHidden(row) and window.has_section("extra")
    window.show_section("extra")
    assert window.pages.currentWidget() is window.page("extra")
    profile.profile = parent_profile(access_until=date(2027, 5, 1))
    profile.profileChanged.emit(profile.profile)
    assert window.navigation.isRowHidden(row) and not window.has_section("extra")
    assert window.pages.currentWidget() is window.page("overview")  # not a hidden section



def test_the_navigation_is_wide_enough_for_the_titles_this_account_sees(make_window) -> None:
    def section(key: str, title: str, audience: Audience) -> Section:
        return Section(key, title, title, "info", audience,
                       lambda context: OverviewPage(context.parent))

    long_title = "Requests waiting for a decision of the group"
    table = (*SECTIONS, section("staff_only", long_title, STAFF))
    parent = make_window(sections=table)
    assert parent.navigation.width() == 210  # the long title is not theirs
    staff = make_window(FakeSession(FakeAccount(role=Role.STAFF), shared_pc=True),
                        FakeProfileService(staff_profile()), sections=table)
    row = staff.sections.row_of("staff_only")
    needed = staff.navigation.sizeHintForIndex(staff.sections.index(row)).width()
    assert needed > 210
    assert staff.navigation.viewport().width() >= needed


def test_a_sections_message_stays_with_its_section_one_of_the_app_everywhere(
        make_window) -> None:
    """Issue 14: the message bar takes the page's room, so what a section says shows in that
    section only — a problem comes back with it while still true, news goes once read — and a
    problem of the whole app (the profile) shows in every section."""
    profile = FakeProfileService(parent_profile())
    agenda, extra_days = FakeAgenda(), FakeExtraDays()
    window = make_window(profile=profile, agenda=agenda, extra_days=extra_days)
    bar = window.message_bar
    window.show_section("finance")
    agenda.problem.emit("The agenda could not be loaded.")  # about the Agenda, not Finance
    assert not bar.isVisible()
    window.show_section("agenda")
    assert bar.isVisible() and bar.text == "The agenda could not be loaded."
    window.show_section("finance")
    assert not bar.isVisible()
    window.show_section("agenda")
    assert bar.text == "The agenda could not be loaded."  # still true: back with its section
    agenda.problemSolved.emit()
    assert not bar.isVisible()

    extra_days.decisionsArrived.emit([extra_day_request(8, ExtraDayStatus.APPROVED,
                                                        date(2027, 1, 6))])
    assert bar.isVisible() and bar.tone == "info"
    window.show_section("overview")
    window.show_section("agenda")
    assert not bar.isVisible()  # news, read once

    profile.problem.emit("The portal cannot be reached.")
    window.show_section("finance")
    window.show_section("overview")
    assert bar.isVisible() and bar.text == "The portal cannot be reached."
