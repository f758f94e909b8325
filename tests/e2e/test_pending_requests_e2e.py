"""Staff decide extra-day requests in the app against the real portal server: the pending list
of their group with the free places, approve, reject with a reason the parent reads."""

from __future__ import annotations

from datetime import date, timedelta

from planning_days import extra
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox
from test_desktop_e2e import PASSWORD, SANNE, STAFF, log_in, wait_for_main_window

from desktop.api.agenda.records import DayPart
from desktop.api.client import PortalClient
from desktop.api.extra_days.records import ExtraDayDraft, ExtraDayPayment
from desktop.views.pending_requests.decision_dialogs import RejectDialog


def extra_mornings(run, url: str, count: int) -> list[date]:  # noqa: ANN001
    """Mornings Emma may get extra care (not planned, the group open), a month or more ahead."""
    days = [extra(run, url, "Emma", date.today() + timedelta(days=35), DayPart.OCHTEND)]
    while len(days) < count:
        days.append(extra(run, url, "Emma", days[-1] + timedelta(days=1), DayPart.OCHTEND))
    return days


def sanne_requests(run, url: str, days: list[date]) -> list[int]:
    async def submit() -> list[int]:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            profile = await client.profile.me()
            emma = next(c.id for c in profile.children if c.first_name == "Emma")
            made = []
            for day in days:
                made += await client.extra_days.request(ExtraDayDraft(
                    (emma,), day, day, DayPart.OCHTEND, ExtraDayPayment.INVOICE))
            return [r.id for r in made]
    return run(submit())


def sanne_sees(run, url: str) -> dict[int, tuple[str, str | None]]:
    async def fetch() -> dict[int, tuple[str, str | None]]:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return {r.id: (r.status.value, r.decision_reason)
                    for r in await client.extra_days.list()}
    return run(fetch())


def staff_on_the_page(qtbot, make_app, url: str, request_id: int):
    """The app, its main window and the pending-requests page of the staff member, once
    ``request_id`` is listed."""
    desktop = make_app(url)
    log_in(qtbot, desktop, STAFF, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    main.show_section("pending_requests")
    page = main.page("pending_requests")
    qtbot.waitUntil(lambda: page.model.row_of(request_id) >= 0, timeout=20_000)
    return desktop, main, page


def test_staff_approve_one_request_and_reject_another_with_a_reason(
        qtbot, portal_server, make_app, run, monkeypatch):
    days = extra_mornings(run, portal_server.url, 2)
    first, second = sanne_requests(run, portal_server.url, days)
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, STAFF, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    visible = [main.sections.key_at(r) for r in range(main.sections.rowCount())
               if not main.navigation.isRowHidden(r)]
    assert visible == ["group_day", "overview", "photos", "pending_requests", "messages", "news",
                       "account"]

    main.show_section("pending_requests")
    page = main.page("pending_requests")
    qtbot.waitUntil(lambda: page.model.row_of(second) >= 0, timeout=20_000)
    assert page.model.index(page.model.row_of(first), page.model.CHILD).data() \
        == "Emma de Vries"
    page.table.selectRow(page.model.row_of(first))
    qtbot.waitUntil(lambda: "places free" in page.places.text(), timeout=20_000)
    assert "morning" in page.places.text() and "Group Zonnetjes" in page.places.text()
    assert page.approve_button.isEnabled()

    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.row_of(first) < 0, timeout=20_000)
    assert sanne_sees(run, portal_server.url)[first] == ("approved", None)
    assert "Approved: Emma de Vries" in main.message_bar.text

    page.table.selectRow(page.model.row_of(second))

    def give_reason() -> None:
        dialog = page.findChild(RejectDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no reason, no rejection
        dialog.reason.set_text("De groep is die ochtend vol.")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(page.reject_button.isEnabled)
    QTimer.singleShot(0, give_reason)
    qtbot.mouseClick(page.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.row_of(second) < 0, timeout=20_000)
    assert sanne_sees(run, portal_server.url)[second] == (
        "rejected", "De groep is die ochtend vol.")


def test_parents_have_no_requests_section(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    assert main.navigation.isRowHidden(main.sections.row_of("pending_requests"))


def test_without_the_portal_nothing_is_approved_blindly(qtbot, portal_server, make_app, run):
    days = extra_mornings(run, portal_server.url, 2)
    first, second = sanne_requests(run, portal_server.url, days)
    *_, page = staff_on_the_page(qtbot, make_app, portal_server.url, second)

    portal_server.stop()
    page.table.selectRow(page.model.row_of(second))
    qtbot.waitUntil(lambda: "could not be looked up" in page.places.text(), timeout=20_000)
    assert not page.approve_button.isEnabled()
    page.refresh()
    qtbot.waitUntil(lambda: "could not be loaded" in page.state.text(), timeout=20_000)


def test_approving_part_of_a_request_against_the_real_portal(qtbot, portal_server, make_app,
                                                            run):
    first, second = extra_mornings(run, portal_server.url, 2)
    [request_id] = sanne_one_request(run, portal_server.url, first, second)
    desktop, main, page = staff_on_the_page(qtbot, make_app, portal_server.url, request_id)

    pending = desktop.services.pending_requests
    with qtbot.waitSignal(pending.decidedTodayChanged, timeout=20_000,
                          check_params_cb=lambda decided: len(decided) == 2):
        pending.approve(request_id, [(first, DayPart.OCHTEND)], "De tweede week is vol.")
    qtbot.waitUntil(lambda: page.decided_model.rowCount() == 2)
    assert page.model.row_of(request_id) < 0
    seen = sorted(sanne_sees(run, portal_server.url).items())
    assert [status for _id, status in seen if _id >= request_id] == [
        ("approved", "De tweede week is vol."), ("rejected", "De tweede week is vol.")]
    qtbot.waitUntil(lambda: "Approved in part" in main.message_bar.text)


def sanne_one_request(run, url: str, first: date, second: date) -> list[int]:
    """One request for the mornings from `first` to `second` (the next extra morning after
    `first`: the days between are Emma's own or closed, so it holds exactly two day-parts)."""
    async def submit() -> list[int]:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            profile = await client.profile.me()
            emma = next(c.id for c in profile.children if c.first_name == "Emma")
            made = await client.extra_days.request(ExtraDayDraft(
                (emma,), first, second, DayPart.OCHTEND, ExtraDayPayment.INVOICE))
            return [r.id for r in made]
    return run(submit())
