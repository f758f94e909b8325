"""The pending-requests page as staff and managers use it on a shared PC: decisions that cannot
land on the next request by a second click, today's decisions, partial approval, the group and
the real cost in the list, whole headers, a refresh every minute, and the reject dialog."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox, QLabel, QPushButton
from view_fakes import FakeAccount, FakePendingRequests, FakeProfileService, FakeSession
from view_fakes import staff_profile as one_group_profile

from desktop.api.agenda.records import DayPart
from desktop.api.extra_days.records import (
    CapacityDay,
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
)
from desktop.api.profile.records import Role
from desktop.models.pending_requests import PendingRequestsModel
from desktop.views.pending_requests.decision_dialogs import (
    REASON_LIMIT,
    PartialApprovalDialog,
    RejectDialog,
)
from desktop.views.pending_requests.page import REFRESH_SECONDS, PendingRequestsPage

FRIDAY, WEDNESDAY = date(2027, 3, 12), date(2027, 3, 17)


def item(day: date) -> ExtraDayItem:
    return ExtraDayItem(1, day, DayPart.OCHTEND, time(7, 30), time(13), 330, 1149, 0, 6320)


def a_request(request_id: int, *days: date, child: str = "Emma de Vries",
              group: str = "Zonnetjes") -> ExtraDayRequest:
    days = days or (FRIDAY,)
    return ExtraDayRequest(
        request_id, 1, days[0], days[-1], DayPart.OCHTEND, ExtraDayPayment.MIXED,
        ExtraDayStatus.PENDING, tuple(item(d) for d in days), 90, 4467, "Sanne de Vries", None,
        child, None, group)


def places(day: date, free: int) -> CapacityDay:
    return CapacityDay(day, DayPart.OCHTEND, 12, 12 - free, free)


@pytest.fixture
def pending() -> FakePendingRequests:
    return FakePendingRequests()


@pytest.fixture
def page(qtbot, pending) -> PendingRequestsPage:
    page = PendingRequestsPage(pending)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def choose(qtbot, page: PendingRequestsPage, request_id: int, *days: CapacityDay) -> None:
    page.table.selectRow(page.model.row_of(request_id))
    page._pending.capacityReady.emit(request_id, list(days))


def test_after_an_approval_nothing_is_selected_and_approve_is_off(qtbot, page, pending) -> None:
    pending.pendingChanged.emit([a_request(1), a_request(2, child="Daan de Vries")])
    assert page.selected_request() is None  # nothing chosen by itself, not even at first
    assert not page.approve_button.isEnabled()
    choose(qtbot, page, 1, places(FRIDAY, 3))
    assert page.approve_button.isEnabled()

    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)  # a double click
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert pending.decisions == [("approve", 1, None, None)]
    pending.decided.emit(a_request(1))
    pending.pendingChanged.emit([a_request(2, child="Daan de Vries")])
    assert page.selected_request() is None
    assert not page.approve_button.isEnabled() and not page.reject_button.isEnabled()
    assert QApplication.focusWidget() is not page.approve_button
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert len(pending.decisions) == 1  # the next request was not approved


def test_a_refresh_keeps_the_request_being_looked_at(qtbot, page, pending) -> None:
    pending.pendingChanged.emit([a_request(1), a_request(2)])
    choose(qtbot, page, 2, places(FRIDAY, 3))
    pending.pendingChanged.emit([a_request(3), a_request(1), a_request(2)])  # one arrived
    assert page.selected_request().id == 2


def test_the_page_looks_for_new_requests_every_minute_while_shown(qtbot, page, pending) -> None:
    timer = page._refresh_timer
    assert timer.isActive() and timer.interval() == REFRESH_SECONDS * 1000
    loads = pending.loads
    timer.timeout.emit()
    assert pending.loads == loads + 1
    page.hide()
    assert not timer.isActive()


def test_todays_decisions_are_listed_below(qtbot, page, pending) -> None:
    decided = [a_request(5, child="Daan de Vries")]
    decided = [ExtraDayRequest(**{**r.__dict__, "status": ExtraDayStatus.REJECTED,
                                  "decided_by": "Fatima El Amrani",
                                  "decision_reason": "De groep is vol."}) for r in decided]
    pending.decidedTodayChanged.emit(decided)
    model = page.decided_table.model()
    assert page.decided_table.isVisible() and model.rowCount() == 1
    assert model.index(0, model.REASON).data() == "De groep is vol."
    assert model.index(0, model.DECISION).data().startswith("Rejected (Fatima El Amrani, ")


def test_the_list_shows_the_real_cost_and_managers_see_the_group(qtbot, pending) -> None:
    staff = PendingRequestsPage(pending)
    qtbot.addWidget(staff)
    assert staff.table.isColumnHidden(PendingRequestsModel.GROUP)
    manager = PendingRequestsPage(pending, show_groups=True)
    qtbot.addWidget(manager)
    assert not manager.table.isColumnHidden(PendingRequestsModel.GROUP)
    pending.pendingChanged.emit([a_request(1, group="Vlinders")])
    model = manager.model
    assert model.index(0, PendingRequestsModel.GROUP).data() == "Vlinders"
    assert model.index(0, PendingRequestsModel.PAYMENT).data() == (
        "1.5 hours credit + €44.67 invoice")


@pytest.mark.parametrize(("role", "groups", "shown"), [
    (Role.MANAGER, 1, True), (Role.STAFF, 1, False), (Role.STAFF, 2, True)])
def test_who_sees_the_group_column(make_window, role, groups, shown) -> None:
    profile = one_group_profile()
    if groups == 2:
        profile = profile.__class__(**{**profile.__dict__,
                                       "groups": profile.groups * 2})
    window = make_window(FakeSession(FakeAccount(role=role), shared_pc=True),
                         FakeProfileService(profile), pending_requests=FakePendingRequests())
    page = window.page("pending_requests")
    assert page.table.isColumnHidden(PendingRequestsModel.GROUP) is not shown


@pytest.mark.parametrize("width", [1280, 1024])
def test_no_header_is_clipped_at_the_default_size(qtbot, pending, width) -> None:
    page = PendingRequestsPage(pending, show_groups=True)
    qtbot.addWidget(page)
    page.resize(width - 210, 640)  # the window minus the navigation
    page.show()
    qtbot.waitExposed(page)
    pending.pendingChanged.emit([a_request(1), a_request(2, FRIDAY, WEDNESDAY)])
    for table in (page.table, page.decided_table):
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(table.model().columnCount()):
            if table.isColumnHidden(column):
                continue
            title = table.model().headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title


def test_partial_approval_approves_what_fits_and_rejects_the_rest(qtbot, page,
                                                                   pending) -> None:
    pending.pendingChanged.emit([a_request(1, FRIDAY, WEDNESDAY)])
    choose(qtbot, page, 1, places(FRIDAY, 2), places(WEDNESDAY, 0))
    assert not page.approve_button.isEnabled()  # not every day-part fits
    assert page.partial_button.isVisible() and page.partial_button.isEnabled()
    assert "approve what fits" in page.places.text()

    dialog = page.ask_partial_approval()
    qtbot.waitExposed(dialog)
    boxes = dialog.findChildren(QCheckBox)
    assert [(b.isChecked(), b.isEnabled()) for b in boxes] == [(True, True), (False, False)]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Approve 1 and reject the rest" and not ok.isEnabled()  # no reason
    dialog.reason.set_text("Woensdag is de groep vol.")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert pending.decisions == [("approve", 1, [(FRIDAY, DayPart.OCHTEND)],
                                  "Woensdag is de groep vol.")]
    assert page.selected_request() is None


def test_the_partial_choice_needs_at_least_one_and_not_all(qtbot, pending) -> None:
    dialog = PartialApprovalDialog(a_request(1, FRIDAY, WEDNESDAY),
                                   [places(FRIDAY, 2), places(WEDNESDAY, 1)])
    qtbot.addWidget(dialog)
    dialog.reason.set_text("Woensdag liever niet.")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # both ticked: that is a plain approval
    dialog.boxes[1][1].setChecked(False)
    assert ok.isEnabled()
    dialog.boxes[0][1].setChecked(False)
    assert not ok.isEnabled()  # none ticked: that is a rejection


def test_no_free_place_anywhere_offers_only_rejection(qtbot, page, pending) -> None:
    pending.pendingChanged.emit([a_request(1, FRIDAY, WEDNESDAY)])
    choose(qtbot, page, 1, places(FRIDAY, 0), places(WEDNESDAY, 0))
    assert not page.approve_button.isEnabled()
    assert not page.partial_button.isVisible()
    assert page.reject_button.isEnabled()


def test_the_reject_dialog_counts_instead_of_cutting_off(qtbot) -> None:
    dialog = RejectDialog(a_request(1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Reject the request for Emma de Vries"
    counter = dialog.findChild(QLabel, "counter")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert counter.text() == f"0 / {REASON_LIMIT} characters" and not ok.isEnabled()
    dialog.reason.set_text("x" * REASON_LIMIT)
    assert counter.text() == f"{REASON_LIMIT} / {REASON_LIMIT} characters" and ok.isEnabled()
    dialog.reason.set_text("x" * (REASON_LIMIT + 1))
    assert dialog.text() == "x" * (REASON_LIMIT + 1)  # nothing thrown away
    assert counter.text() == f"{REASON_LIMIT + 1} / {REASON_LIMIT} characters: 1 too many"
    assert not ok.isEnabled()


def test_the_reason_is_written_in_the_normal_font(qtbot) -> None:
    dialog = RejectDialog(a_request(1))
    qtbot.addWidget(dialog)
    dialog.show()
    field = QFontInfo(dialog.reason.field.font())
    label = QFontInfo(dialog.findChild(QLabel).font())
    assert not field.fixedPitch()
    assert field.family() == label.family()


def test_rejecting_sends_the_reason_of_the_request_in_the_dialog(qtbot, page, pending) -> None:
    pending.pendingChanged.emit([a_request(1), a_request(2)])
    choose(qtbot, page, 1, places(FRIDAY, 3))
    dialog = page.ask_reject_reason()
    dialog.reason.set_text("Die dag is er een studiedag.")
    pending.pendingChanged.emit([a_request(2), a_request(1)])  # a refresh meanwhile
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert pending.decisions == [("reject", 1, "Die dag is er een studiedag.")]
    assert page.findChildren(QPushButton, "approve")[0].isEnabled() is False
