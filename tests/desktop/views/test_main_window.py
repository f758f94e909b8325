"""The main window with fake services: header, overview, account, status, message bar, lock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QToolButton
from view_fakes import (
    FakeAccount,
    FakeAgenda,
    FakeExtraDays,
    FakeOutbox,
    FakeProfileService,
    FakeSession,
    FakeUpdateHint,
    label,
    parent_profile,
    sessions,
    staff_profile,
)

from desktop.api.absences.records import Absence
from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.api.extra_days.records import ExtraDayPayment, ExtraDayRequest, ExtraDayStatus
from desktop.api.portal.records import ClientRelease
from desktop.api.profile.records import Role
from desktop.views.sections import SECTIONS

#: The app's sections but Financieel: a window that has nothing to save documents with.
WITHOUT_FINANCE = tuple(s for s in SECTIONS if s.key != "finance")


def test_header_shows_the_organisation_and_the_user(make_window) -> None:
    window = make_window()
    assert label(window, "organisationName").text() == "Kinderopvang Zonnebloem"
    assert window.findChild(QToolButton, "userMenu").text() == "Sanne de Vries"
    # The app's own name is added by Qt (the application display name), not repeated here.
    assert window.windowTitle() == "Kinderopvang Zonnebloem"
    titles = [a.text() for a in window.user_menu.actions() if a.isVisible()]
    assert titles == ["&Switch account…", "Log &out"]  # no "Lock" outside shared-PC mode


def test_overview_shows_a_card_per_child(make_window) -> None:
    window = make_window()
    assert label(window, "greeting").text() == "Hello Sanne"
    assert window.page("overview").children_view.isVisible()
    names = [window.page("overview").children_model.index(r).data()
             for r in range(window.page("overview").children_model.rowCount())]
    assert names == ["Emma de Vries", "Daan de Vries"]
    assert not label(window, "emptyState").isVisible()
    assert not label(window, "accessNotice").isVisible()


def test_a_new_profile_replaces_the_cards(make_window) -> None:
    profile = FakeProfileService(None)
    window = make_window(profile=profile)
    assert "not been loaded yet" in label(window, "emptyState").text()
    profile.profileChanged.emit(parent_profile())
    assert window.page("overview").children_model.rowCount() == 2
    assert not label(window, "emptyState").isVisible()


def test_ending_access_is_announced_with_the_date(make_window) -> None:
    window = make_window(profile=FakeProfileService(parent_profile(
        access_until=date(2027, 5, 1))), sections=WITHOUT_FINANCE)
    notice = label(window, "accessNotice")
    assert notice.isVisible()
    assert "Access to the portal ends on 1 May 2027" in notice.text()
    assert "save your documents" in notice.text()
    # "Alles opslaan" saves what there is: the diary and the photos also without Financieel.
    assert window.page("overview").save_everything.isVisible()


def test_a_parent_without_children_gets_an_explanation(make_window) -> None:
    window = make_window(profile=FakeProfileService(parent_profile(children=False)))
    empty = label(window, "emptyState")
    assert empty.isVisible() and "No children are linked" in empty.text()
    assert not window.page("overview").children_view.isVisible()


def test_staff_see_their_groups(make_window) -> None:
    session = FakeSession(FakeAccount(role=Role.STAFF, display_name="Fatima El Amrani"),
                          shared_pc=True)
    window = make_window(session, FakeProfileService(staff_profile()))
    window.show_section("overview")
    assert label(window, "listTitle").text() == "Your groups"
    assert window.page("overview").groups_view.isVisible()
    assert window.page("overview").groups_model.index(0).data() == "Zonnetjes"
    window.page("overview").set_profile(staff_profile(groups=False))
    assert "not linked to a group" in label(window, "emptyState").text()


def test_secondary_parent_is_told_who_sees_invoices(make_window) -> None:
    session = FakeSession(FakeAccount(role=Role.SECONDARY_PARENT,
                                      display_name="Thomas de Vries"))
    window = make_window(session, FakeProfileService(parent_profile(Role.SECONDARY_PARENT)))
    window.show_section("account")
    explanation = label(window, "roleExplanation")
    assert explanation.isVisible()
    assert explanation.text() == (
        "Invoices and documents are only visible to Sanne de Vries, the first "
        "parent/guardian. Contact the location to change this.")
    assert label(window, "accountRole").text() == "Second parent/guardian"


def test_the_account_page_says_what_staff_and_managers_can_do_today(make_window) -> None:
    staff = make_window(FakeSession(FakeAccount(role=Role.STAFF), shared_pc=True),
                        FakeProfileService(staff_profile()))
    staff.show_section("account")
    assert label(staff, "roleExplanation").text() == (
        "As a pedagogical staff member you see your own groups and decide on their requests "
        "for extra days.")
    assert "messages" not in label(staff, "roleExplanation").text()  # there are none yet
    assert not staff.findChild(QCheckBox, "keepOfflineCopy").isVisible()  # a shared PC: never
    assert "logging out removes your data" in label(staff, "sharedPcNote").text()


def test_a_parent_chooses_whether_the_copy_stays_after_logging_out(qtbot, make_window) -> None:
    session = FakeSession(FakeAccount())
    window = make_window(session)
    window.show_section("account")
    keep = window.findChild(QCheckBox, "keepOfflineCopy")
    assert keep.isVisible() and not keep.isChecked()  # a login without "Remember me"
    assert keep.text() == "&Keep my data on this computer after logging out"
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton, pos=QPoint(8, keep.height() // 2))
    assert session.calls[-1] == ("set_keep_offline_copy", True)
    window.show_section("overview")
    window.show_section("account")
    assert keep.isChecked()


def test_account_page_loads_and_lists_devices_and_ends_another(qtbot, make_window,
                                                               devices) -> None:
    window = make_window()
    assert devices.loads == 0
    window.show_section("account")
    assert devices.loads == 1
    assert "Loading" in label(window, "devicesStatus").text()
    devices.sessionsChanged.emit(sessions())
    table = window.page("account").sessions_table
    assert table.model().rowCount() == 2
    end = window.findChild(QPushButton, "endSession")
    table.selectRow(0)  # this device: can't be logged out from here
    assert not end.isEnabled()
    table.selectRow(1)
    assert end.isEnabled()
    qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    assert devices.ended == ["s2"]


def test_devices_that_cannot_be_loaded_are_not_loading_forever(qtbot, make_window,
                                                               devices) -> None:
    window = make_window()
    window.show_section("account")
    devices.problem.emit("The portal cannot be reached.")
    assert label(window, "devicesStatus").text() == "The list of devices could not be loaded."
    assert window.message_bar.isVisible()
    qtbot.mouseClick(window.findChild(QPushButton, "messageAction"), Qt.MouseButton.LeftButton)
    assert devices.loads == 2


def test_offline_and_last_update_are_visible_in_the_status_bar(make_window) -> None:
    synced = datetime.now(UTC)
    profile = FakeProfileService(parent_profile(), last_synced=synced)
    session = FakeSession(FakeAccount())
    window = make_window(session, profile)
    status = window.connection
    assert status.text == "Online"
    assert label(window, "lastSynced").text().startswith("Last updated: today ")
    session.connection.report(False)  # any request of the session that found no portal
    assert label(window, "connectionText").text() == "Offline — showing saved data"
    assert label(window, "connectionText").isVisible()
    profile.lastSyncedChanged.emit(None)
    assert label(window, "lastSynced").text() == "Not updated yet"


def test_message_bar_shows_a_problem_retries_and_closes(qtbot, make_window) -> None:
    profile = FakeProfileService(parent_profile())
    window = make_window(profile=profile)
    bar = window.message_bar
    assert not bar.isVisible()
    profile.problem.emit("The portal cannot be reached.")
    assert bar.isVisible() and label(bar, "messageText").text() == (
        "The portal cannot be reached.")
    retry = bar.findChild(QPushButton, "messageAction")
    assert retry.text() == "Try again"
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert profile.refreshes == 1
    assert not bar.isVisible()
    profile.problem.emit("The portal cannot be reached.")
    qtbot.mouseClick(bar.findChild(QToolButton, "messageClose"), Qt.MouseButton.LeftButton)
    assert not bar.isVisible()


def test_the_profile_succeeding_again_clears_its_problem(make_window) -> None:
    profile = FakeProfileService(parent_profile())
    window = make_window(profile=profile)
    profile.problem.emit("The portal cannot be reached.")
    profile.problemSolved.emit()
    assert not window.message_bar.isVisible()


def test_a_problem_of_another_source_stays_when_the_profile_recovers(make_window) -> None:
    profile = FakeProfileService(parent_profile())
    window = make_window(profile=profile)
    window.message_bar.show_message("De agenda kon niet worden geladen.", source="agenda")
    profile.problem.emit("The portal cannot be reached.")
    profile.problemSolved.emit()
    assert window.message_bar.isVisible()
    assert window.message_bar.text == "De agenda kon niet worden geladen."


def test_writes_lost_while_logging_in_are_told_when_the_window_opens(make_window) -> None:
    notice = "These absence reports … could not be read back: Emma on 4 March 2026."
    window = make_window(outbox=FakeOutbox(lost_notice=notice))
    assert window.message_bar.isVisible() and window.message_bar.text == notice


def test_an_outbox_the_disk_refused_is_told_until_it_delivers_again(qtbot, make_window) -> None:
    outbox = FakeOutbox()
    window = make_window(outbox=outbox)
    outbox.problem.emit("The disk is full.")
    assert window.message_bar.text == "The disk is full."
    outbox.problemSolved.emit()
    assert not window.message_bar.isVisible()


def test_lock_covers_the_content_and_unlocks_with_the_password(qtbot, make_window) -> None:
    session = FakeSession(FakeAccount(), shared_pc=True)
    window = make_window(session)
    assert window.lock_action.isVisible()
    window.lock_action.trigger()
    assert session.calls[-1] == ("lock",)
    session.locked.emit()
    assert window.is_locked
    assert window.lock_screen.isVisible() and not window.page("overview").isVisible()
    assert "Sanne de Vries" in label(window, "lockedUser").text()
    assert not window.switch_action.isEnabled()  # nothing behind the lock is reachable
    password = window.findChild(QLineEdit, "unlockPassword")
    qtbot.keyClicks(password, "verkeerd")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    assert session.calls[-1] == ("unlock", "verkeerd")
    session.unlockFailed.emit("The password is not correct.")
    error = window.lock_screen.findChild(QLabel, "error")
    assert error.isVisible() and error.text() == "The password is not correct."
    session.unlocked.emit()
    assert not window.is_locked and window.page("overview").isVisible()
    assert window.switch_action.isEnabled() and window.lock_action.isEnabled()
    assert password.text() == ""


def test_logout_from_the_menu_and_from_the_lock_screen(qtbot, make_window) -> None:
    session = FakeSession(FakeAccount(), shared_pc=True)
    window = make_window(session)
    window.logout_action.trigger()
    assert session.calls[-1] == ("logout",)
    session.locked.emit()
    qtbot.mouseClick(window.findChild(QPushButton, "lockLogout"), Qt.MouseButton.LeftButton)
    assert session.calls[-1] == ("logout",) and len(session.calls) == 2


def test_switch_account_is_asked_of_the_app(qtbot, make_window) -> None:
    window = make_window()
    with qtbot.waitSignal(window.switchAccountRequested):
        window.switch_action.trigger()


def test_closing_the_window_asks_the_app_to_end(qtbot, make_window) -> None:
    window = make_window()
    with qtbot.waitSignal(window.closeRequested):
        window.close()


def test_secondary_parent_without_a_known_primary_parent(make_window) -> None:
    profile = parent_profile(Role.SECONDARY_PARENT)
    profile = replace(profile, family=replace(profile.family, primary_parent_name=None))
    session = FakeSession(FakeAccount(role=Role.SECONDARY_PARENT))
    window = make_window(session, FakeProfileService(profile))
    assert label(window.page("account"), "roleExplanation").text().startswith(
        "Invoices and documents are only visible to the first parent/guardian.")


def test_a_login_that_cannot_be_remembered_is_said_in_the_message_bar(make_window) -> None:
    session = FakeSession(FakeAccount())
    window = make_window(session)
    session.rememberUnavailable.emit("This computer cannot keep your login.")
    assert window.message_bar.isVisible()
    assert label(window, "messageText").text() == "This computer cannot keep your login."
    assert not window.findChild(QPushButton, "messageAction").isVisible()


def test_a_newer_release_is_a_calm_hint_with_a_download_button(make_window,
                                                                 monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    hint = FakeUpdateHint()
    window = make_window(update_hint=hint)
    hint.updateAvailable.emit("0.4.0", "https://zonnebloem.nl/ouderportaal")
    bar = window.message_bar
    assert bar.isVisible() and bar.tone == "info"
    assert label(window, "messageText").text() == (
        "A newer version of Ouderportaal (0.4.0) is available.")
    download = window.findChild(QPushButton, "messageAction")
    assert download.text() == "Download"
    download.click()
    assert opened == ["https://zonnebloem.nl/ouderportaal"]


def test_a_release_found_before_the_window_opened_is_shown_too(make_window) -> None:
    window = make_window(update_hint=FakeUpdateHint(
        ClientRelease("0.4.0", "https://zonnebloem.nl/ouderportaal")))
    assert label(window, "messageText").text() == (
        "A newer version of Ouderportaal (0.4.0) is available.")


def test_cards_side_by_side_line_up(make_window) -> None:
    window = make_window()
    emma, daan = window.page("overview").children_view.cards
    assert emma.geometry().top() == daan.geometry().top()
    assert emma.height() == daan.height()


def test_phone_and_email_on_a_card_are_links_reachable_by_keyboard(make_window) -> None:
    window = make_window()
    emma = window.page("overview").children_view.cards[0]
    links = {label.property("href"): label for label in emma.lines if label.property("href")}
    assert set(links) == {"tel:0401234567", "mailto:centrum@zonnebloem.example"}
    phone = links["tel:0401234567"]
    assert phone.openExternalLinks()
    assert phone.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    assert phone.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert "040 - 123 45 67" in phone.text()


def test_a_card_shows_what_the_model_says(make_window) -> None:
    window = make_window()
    emma = window.page("overview").children_view.cards[0]
    texts = [emma.title.text()] + [label.text() for label in emma.lines]
    assert texts[0] == "Emma de Vries"
    assert texts[1].startswith("Born 12 April 2023 · ")
    assert "Zonnetjes · Day care (KDV)" in texts
    assert "Markt 12, 5611 AB Eindhoven" in texts
    assert "Zonnebloem Centrum" in emma.accessibleDescription()


def test_decisions_on_extra_days_are_told_with_the_reason(make_window) -> None:
    extra_days = FakeExtraDays()
    window = make_window(extra_days=extra_days)
    day = date(2027, 1, 6)
    rejected = ExtraDayRequest(7, 1, day, day, DayPart.OCHTEND, ExtraDayPayment.INVOICE,
                               ExtraDayStatus.REJECTED, (), 0, 0, "Sanne de Vries",
                               "De groep is vol.", "Emma de Vries")
    approved = replace(rejected, id=8, status=ExtraDayStatus.APPROVED, decision_reason=None)
    extra_days.decisionsArrived.emit([approved, rejected])
    assert window.message_bar.text == (
        "The group approved the extra day for Emma de Vries on 6 January 2027. "
        "The group rejected the extra day for Emma de Vries on 6 January 2027: "
        "De groep is vol.")
    assert window.message_bar.tone == "info"  # news, not a problem


def test_a_report_that_waited_is_said_when_it_has_arrived(make_window) -> None:
    agenda = FakeAgenda()
    window = make_window(agenda=agenda)
    day = date(2027, 1, 11)
    agenda.queuedDelivered.emit([
        Absence(i, child, day, part, AbsenceReason.ZIEK, None, "Sanne de Vries",
                datetime(2027, 1, 3, 9, tzinfo=UTC), False, None, None)
        for i, (child, part) in enumerate([(1, DayPart.OCHTEND), (1, DayPart.MIDDAG),
                                           (2, DayPart.NSO)], start=1)])
    assert window.message_bar.text == (
        "Your absence report for Emma & Daan on 11 January 2027 has reached the portal: the "
        "group knows.")
    assert window.message_bar.tone == "info"


def test_a_partial_approval_is_told_with_what_was_rejected(make_window) -> None:
    extra_days = FakeExtraDays()
    window = make_window(extra_days=extra_days)
    day = date(2027, 1, 6)
    in_part = ExtraDayRequest(8, 1, day, day, DayPart.OCHTEND, ExtraDayPayment.INVOICE,
                              ExtraDayStatus.APPROVED, (), 0, 0, "Sanne de Vries",
                              "Vrijdag is de groep vol.", "Emma de Vries")
    extra_days.decisionsArrived.emit([in_part])
    assert window.message_bar.text == (
        "The group approved the extra day for Emma de Vries on 6 January 2027; the other "
        "requested day-parts were rejected: Vrijdag is de groep vol.")
