"""Cancelling an absence whose credit paid for an extra day, against the real portal: the
request overview's confirmation says what happens to that extra day before the parent
confirms, and afterwards the extra day is on the invoice (docs/api.md, "Absence credit")."""

from __future__ import annotations

from datetime import date, timedelta

from planning_days import extra_day, planned_day
from PySide6.QtWidgets import QMessageBox
from test_agenda_e2e import absence_row, click, open_agenda
from test_desktop_e2e import PASSWORD, SANNE, log_in

from desktop.api.absences.records import AbsenceDraft
from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.api.client import PortalClient
from desktop.api.core.transport import new_idempotency_key
from desktop.api.extra_days.records import ExtraDayDraft, ExtraDayPayment
from desktop.models.shared.formatting import format_weekday_date


def credit_pays_an_extra_day(run, url: str) -> tuple[int, int, date]:
    """Emma is reported absent on a planned morning more than 30 days ahead (credit) and gets
    an extra morning paid entirely from that credit. Returns (absence, request, extra day).

    Both days are found through the portal's own planning (`planned_day`, `extra_day` search
    forward from the date given), so a holiday or weekend near today moves them, never breaks
    the test."""
    async def prepare() -> tuple[int, int, date]:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            profile = await client.profile.me()
            emma = next(c.id for c in profile.children if c.first_name == "Emma")
            away = await planned_day(client, date.today() + timedelta(days=35),
                                     (emma, DayPart.OCHTEND))
            [absence] = await client.absences.report(AbsenceDraft(
                (emma,), away, away, DayPart.OCHTEND, AbsenceReason.VAKANTIE),
                new_idempotency_key())
            assert absence.credit_minutes == 330
            extra = await extra_day(client, emma, date.today() + timedelta(days=5),
                                    DayPart.OCHTEND, ExtraDayPayment.CREDIT)
            [request] = await client.extra_days.request(ExtraDayDraft(
                (emma,), extra, extra, DayPart.OCHTEND, ExtraDayPayment.CREDIT))
            assert (request.credit_minutes, request.invoice_cents) == (330, 0)
            return absence.id, request.id, extra
    return run(prepare())


def shows(dialog, absence_id: int, request_id: int) -> bool:
    """Both the absence and the extra day are in the overview (both lists have loaded, so
    no reload resets the selection after it is made)."""
    rows = [dialog.model.row_at(r) for r in range(dialog.model.rowCount())]
    return (any(a.id == absence_id for r in rows for a in r.absences)
            and any(r.extra is not None and r.extra.id == request_id for r in rows))


def the_request(run, url: str, request_id: int):
    async def fetch():
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return next(r for r in await client.extra_days.list() if r.id == request_id)
    return run(fetch())


def test_the_cancel_confirmation_names_the_extra_day_and_its_cost(
        qtbot, portal_server, make_app, run, monkeypatch):
    absence_id, request_id, extra = credit_pays_an_extra_day(run, portal_server.url)
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_agenda(qtbot, desktop)
    dialog = page.open_request_overview()
    qtbot.waitUntil(lambda: shows(dialog, absence_id, request_id), timeout=20_000)
    dialog.select_row(absence_row(dialog, absence_id=absence_id))
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answer)
    click(qtbot, dialog, "cancelRequest")
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    [text] = asked
    assert text.startswith("Are you sure you want to cancel this request?")
    assert "The 5.5 hours of absence credit it earned are withdrawn." in text
    # Emma's rate is 11.49 an hour: 5.5 hours cost 63.20.
    assert (f"That credit pays for your extra day on {format_weekday_date(extra)}, morning: "
            "5.5 hours of it move to the invoice, €63.20 more.") in text
    qtbot.waitUntil(lambda: the_request(run, portal_server.url, request_id).invoice_cents
                    == 6320, timeout=20_000)
    after = the_request(run, portal_server.url, request_id)
    assert (after.credit_minutes, after.payment) == (0, ExtraDayPayment.INVOICE)
    # The overview shows the extra day without credit once it has reloaded.
    qtbot.waitUntil(lambda: any(
        dialog.model.row_at(r).extra is not None and dialog.model.row_at(r).extra.id ==
        request_id and dialog.model.row_at(r).extra.credit_minutes == 0
        for r in range(dialog.model.rowCount())), timeout=20_000)


def test_the_parent_can_say_no_and_nothing_changes(qtbot, portal_server, make_app, run,
                                                   monkeypatch):
    absence_id, request_id, _ = credit_pays_an_extra_day(run, portal_server.url)
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    dialog = open_agenda(qtbot, desktop).open_request_overview()
    qtbot.waitUntil(lambda: shows(dialog, absence_id, request_id), timeout=20_000)
    dialog.select_row(absence_row(dialog, absence_id=absence_id))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    click(qtbot, dialog, "cancelRequest")
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    qtbot.waitUntil(dialog.cancel_button.isEnabled, timeout=20_000)
    assert the_request(run, portal_server.url, request_id).credit_minutes == 330
