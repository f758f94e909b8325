"""The agenda service against the real portal server: months from cache and server, reporting
absences exactly once (also offline and across a restart of the app), cancelling, .ics export."""

from __future__ import annotations

import errno
from datetime import date, timedelta

import httpx
import pytest
from agenda_app import AgendaApp
from icalendar import Calendar
from planning_days import extra, planned

from desktop.api.absences.records import AbsenceDraft
from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.api.client import PortalClient
from desktop.api.extra_days.records import ExtraDayDraft, ExtraDayPayment
from desktop.cache import disk
from desktop.services.agenda.service import month_range

SANNE = "sanne.devries@voorbeeld.nl"
PASSWORD = "zonnebloem-demo"


class DropFirstAbsenceReply(httpx.AsyncBaseTransport):
    """Lets the server store the first POST /absences, then loses its answer: the app sees a
    dropped connection, as when it is killed between sending and receiving."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.dropped = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        if request.method == "POST" and request.url.path.endswith("/absences") \
                and not self.dropped:
            await response.aread()
            self.dropped += 1
            raise httpx.ReadError("connection lost", request=request)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def log_in(qtbot, app: AgendaApp, url: str) -> None:
    with qtbot.waitSignal(app.session.loggedIn, timeout=20_000):
        app.session.login(url, SANNE, PASSWORD, False)


def emma_and_daan(app: AgendaApp) -> tuple[int, int]:
    children = {c.first_name: c.id for c in app.profile.profile.children}
    return children["Emma"], children["Daan"]


def server_absences(run, url: str, day: date) -> list:
    async def fetch() -> list:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return [a for a in await client.absences.list() if a.date == day and not a.cancelled]
    return run(fetch())


def test_a_month_comes_from_the_server_and_then_from_the_cache_offline(
        qtbot, portal_server, make_services, run):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)
    day = planned(run, portal_server.url, date.today() + timedelta(days=35),
                  ("Emma", DayPart.OCHTEND))
    with qtbot.waitSignal(app.agenda.agendaChanged, timeout=20_000) as shown:
        app.agenda.show_month(day.year, day.month)
    parts = {p.day_part for p in shown.args[0].day(day).planned if p.child_id == emma}
    assert parts == {DayPart.OCHTEND, DayPart.MIDDAG}

    portal_server.stop()
    app.agenda._months.clear()  # noqa: SLF001 (as after a restart: only the cache file is left)
    with qtbot.waitSignal(app.agenda.agendaChanged, timeout=5_000) as again:
        app.agenda.show_month(day.year, day.month)
    assert again.args[0].planned == shown.args[0].planned


def test_reported_online_the_absence_is_stored_once_and_shown(qtbot, portal_server,
                                                               make_services, run):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)
    monday = planned(run, portal_server.url, date.today() + timedelta(days=40),
                     ("Emma", DayPart.OCHTEND), weekday=0)
    app.agenda.show_month(monday.year, monday.month)
    draft = AbsenceDraft((emma,), monday, monday, DayPart.OCHTEND, AbsenceReason.ZIEK, "koorts")
    with qtbot.waitSignal(app.agenda.absenceReported, timeout=20_000) as reported:
        outbox_id = app.agenda.report_absence(draft)
    assert reported.args[0] == outbox_id
    assert [(a.child_id, a.day_part) for a in reported.args[1]] == [(emma, DayPart.OCHTEND)]
    assert reported.args[1][0].credit_minutes == 330  # 07:30-13:00, reported weeks ahead
    qtbot.waitUntil(lambda: app.agenda.agenda_for(monday, monday)[0].day(monday)
                    .absence_of(emma, DayPart.OCHTEND) is not None, timeout=20_000)
    assert len(server_absences(run, portal_server.url, monday)) == 1


def test_reported_offline_it_waits_and_arrives_once_after_a_restart(
        qtbot, portal_server, make_services, run):
    first = make_services()
    log_in(qtbot, first, portal_server.url)
    qtbot.waitUntil(lambda: first.profile.profile is not None)
    emma, daan = emma_and_daan(first)
    # A Monday: Emma the whole day, Daan after school (a school week, not a holiday).
    monday = planned(run, portal_server.url, date.today() + timedelta(days=45),
                     ("Emma", DayPart.OCHTEND), ("Daan", DayPart.NSO), weekday=0)
    with qtbot.waitSignal(first.agenda.agendaChanged, timeout=20_000):
        first.agenda.show_month(monday.year, monday.month)

    portal_server.stop()
    draft = AbsenceDraft((emma, daan), monday, monday, None, AbsenceReason.VAKANTIE)
    with qtbot.waitSignal(first.agenda.absenceQueued, timeout=20_000):
        first.agenda.report_absence(draft)
    shown = first.agenda.agenda_for(monday, monday)[0].day(monday)
    assert {(a.child_id, a.queued) for a in shown.absences} == {(emma, True), (daan, True)}
    overview = []
    first.agenda.absencesChanged.connect(lambda absences, queued: overview.append(queued))
    first.agenda.load_absences()
    assert [q.draft for q in overview[0]] == [draft]
    run(first.aclose())  # the app is closed while the report waits

    portal_server.start()
    second = make_services()
    # Delivered at the next login, and the parent is told (it waited since the last session).
    with qtbot.waitSignals([second.agenda.absenceReported, second.agenda.queuedDelivered],
                           timeout=20_000):
        log_in(qtbot, second, portal_server.url)
    stored = server_absences(run, portal_server.url, monday)
    # Emma comes the whole Monday, Daan after school.
    assert sorted((a.child_id, a.day_part) for a in stored) == sorted(
        [(emma, DayPart.OCHTEND), (emma, DayPart.MIDDAG), (daan, DayPart.NSO)])
    assert second.agenda.pending_absences() == []


def test_an_answer_lost_on_the_way_is_not_stored_twice(qtbot, portal_server, make_services,
                                                       run):
    transport = DropFirstAbsenceReply()
    app = make_services(transport)
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)
    thursday = planned(run, portal_server.url, date.today() + timedelta(days=50),
                       ("Emma", DayPart.MIDDAG))
    draft = AbsenceDraft((emma,), thursday, thursday, DayPart.MIDDAG, AbsenceReason.OVERIG)
    with qtbot.waitSignal(app.agenda.absenceQueued, timeout=20_000):
        app.agenda.report_absence(draft)
    assert transport.dropped == 1
    assert len(server_absences(run, portal_server.url, thursday)) == 1  # it did arrive

    with qtbot.waitSignal(app.agenda.absenceReported, timeout=20_000):
        app.agenda.outbox.deliver()  # the retry sends the same idempotency key
    assert len(server_absences(run, portal_server.url, thursday)) == 1


def test_a_refused_report_is_kept_with_the_servers_reason(qtbot, portal_server, make_services):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)
    yesterday = date.today() - timedelta(days=1)
    draft = AbsenceDraft((emma,), yesterday, yesterday, None, AbsenceReason.ZIEK)
    with qtbot.waitSignal(app.agenda.absenceRefused, timeout=20_000) as refused:
        app.agenda.report_absence(draft)
    assert "past" in refused.args[1]
    assert [q.refusal for q in app.agenda.refused_absences()] == [refused.args[1]]


def test_cancelling_within_30_days_is_refused_with_the_locations_phone(qtbot, portal_server,
                                                                  make_services, run):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)
    soon = planned(run, portal_server.url, date.today() + timedelta(days=7),
                   ("Emma", DayPart.OCHTEND))
    with qtbot.waitSignal(app.agenda.absenceReported, timeout=20_000) as reported:
        app.agenda.report_absence(AbsenceDraft((emma,), soon, soon, DayPart.OCHTEND,
                                               AbsenceReason.ZIEK))
    location = next(loc for loc in app.profile.profile.locations)
    with qtbot.waitSignal(app.agenda.cancelFailed, timeout=20_000) as failed:
        app.agenda.cancel_absences([reported.args[1][0].id])
    assert "30 days" in failed.args[0] and location.phone in failed.args[0]


def test_the_export_holds_every_chosen_child_for_the_stated_range(qtbot, portal_server,
                                                                   make_services, tmp_path):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, daan = emma_and_daan(app)
    # Only the current month was ever browsed: the export still covers the stated range.
    first = date.today() + timedelta(days=1)
    last = first + timedelta(days=200)
    path = tmp_path / "planning.ics"
    with qtbot.waitSignal(app.agenda.calendarExported, timeout=20_000) as exported:
        app.agenda.export_calendar(path, {emma: "Emma", daan: "Daan"}, first, last)
    result = exported.args[0]
    assert result.complete and (result.first, result.last) == (first, last)
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert result.count == len(events) > 0
    days = {e.decoded("DTSTART").astimezone().date() for e in events}
    assert first <= min(days) and max(days) <= last
    assert max(days) > first + timedelta(days=150)  # months nobody opened are in
    names = {str(e["SUMMARY"]).split(" – ")[0] for e in events}
    assert names == {"Emma", "Daan"}
    assert len({str(e["UID"]) for e in events}) == len(events)  # each day-part once


@pytest.mark.parametrize(("number", "told"), [
    (errno.ENOSPC, "The disk is full. Free some space and try again"),
    (errno.EROFS, "The disk is read-only, so nothing can be saved in"),
    (errno.EACCES, "Ouderportaal may not write in"),
])
def test_a_calendar_the_disk_refuses_is_told_in_the_one_disk_message(
        qtbot, portal_server, make_services, tmp_path, monkeypatch, number, told):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)

    def refused(*_args, **_kwargs):
        raise OSError(number, "refused")

    monkeypatch.setattr(disk.tempfile, "mkstemp", refused)
    path = tmp_path / "emma.ics"
    first = date.today() + timedelta(days=1)
    with qtbot.waitSignal(app.agenda.exportFailed, timeout=20_000) as failed:
        app.agenda.export_calendar(path, {emma: "Emma"}, first, first + timedelta(days=30))
    assert told in failed.args[0]
    assert not path.exists()


def test_an_export_of_one_child_leaves_the_other_out(qtbot, portal_server, make_services,
                                                     tmp_path):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)
    day = date.today() + timedelta(days=60)
    first, last = month_range(day.year, day.month)
    path = tmp_path / "emma.ics"
    with qtbot.waitSignal(app.agenda.calendarExported, timeout=20_000):
        app.agenda.export_calendar(path, {emma: "Emma"}, first, last)
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert events and all(str(e["SUMMARY"]).startswith("Emma") for e in events)
    assert all(first <= e.decoded("DTSTART").astimezone().date() <= last for e in events)


def test_offline_the_export_says_which_part_of_the_range_it_covers(qtbot, portal_server,
                                                                   make_services, tmp_path):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)
    today = date.today()
    with qtbot.waitSignal(app.agenda.agendaChanged, timeout=20_000):
        app.agenda.show_month(today.year, today.month)
    month_first, month_last = month_range(today.year, today.month)
    portal_server.stop()
    path = tmp_path / "offline.ics"
    with qtbot.waitSignal(app.agenda.calendarExported, timeout=20_000) as exported:
        app.agenda.export_calendar(path, {emma: "Emma"}, month_first,
                                   month_first + timedelta(days=365))
    result = exported.args[0]
    assert not result.complete
    assert result.covered_first == month_first and result.covered_last >= month_last


def test_extra_days_are_requested_online_and_listed_offline_from_the_cache(
        qtbot, portal_server, make_services, run):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    emma, _daan = emma_and_daan(app)
    wednesday = extra(run, portal_server.url, "Emma", date.today() + timedelta(days=35),
                      DayPart.OCHTEND)
    draft = ExtraDayDraft((emma,), wednesday, wednesday, DayPart.OCHTEND, ExtraDayPayment.INVOICE)
    with qtbot.waitSignal(app.extra_days.previewReady, timeout=20_000) as preview:
        app.extra_days.preview(draft)
    assert [i.minutes for i in preview.args[0].items] == [330]
    with qtbot.waitSignal(app.extra_days.requested, timeout=20_000) as made:
        app.extra_days.submit(draft)
    assert [(r.status.value, r.invoice_cents) for r in made.args[0]] == [
        ("pending", preview.args[0].invoice_cents)]
    with qtbot.waitSignal(app.extra_days.requestsChanged, timeout=20_000) as listed:
        app.extra_days.load_requests()
    assert made.args[0][0].id in [r.id for r in listed.args[0]]

    portal_server.stop()
    with qtbot.waitSignal(app.extra_days.previewFailed, timeout=20_000) as failed:
        app.extra_days.preview(draft)
    assert "Extra days need a connection" in failed.args[0]
    app.extra_days._requests = []  # noqa: SLF001 (as after a restart: only the cache is left)
    with qtbot.waitSignal(app.extra_days.requestsChanged, timeout=5_000) as cached:
        app.extra_days.load_requests()
    assert [r.id for r in cached.args[0]] == [r.id for r in listed.args[0]]


def test_approved_extra_days_are_in_the_exported_calendar(qtbot, portal_server, make_services,
                                                           tmp_path, run):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    _emma, daan = emma_and_daan(app)

    async def approved() -> list:
        async with PortalClient(portal_server.url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return [r for r in await client.extra_days.list()
                    if r.status.value == "approved" and r.child_id == daan]
    [request] = run(approved())  # the demo family's approved extra day
    day = request.first_date
    with qtbot.waitSignal(app.agenda.agendaChanged, timeout=20_000) as shown:
        app.agenda.show_month(day.year, day.month)
    assert [(e.date, e.status) for e in shown.args[0].extra_days
            if e.request_id == request.id] == [(day, "approved")]
    path = tmp_path / "daan.ics"
    with qtbot.waitSignal(app.agenda.calendarExported, timeout=20_000):
        app.agenda.export_calendar(path, {daan: "Daan"}, day, day)
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    on_day = [e for e in events if e.decoded("DTSTART").astimezone().date() == day]
    assert [str(e["UID"]) for e in on_day] == [
        f"{daan}-{day.isoformat()}-{request.items[0].day_part.value}@ouderportaal"]


def test_credit_tells_until_which_day_it_can_pay(portal_server, run):
    async def credit() -> list:
        async with PortalClient(portal_server.url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return await client.absences.credit()
    credits = run(credit())
    # The demo's credit expires at the end of the year it was earned in (the default policy).
    assert any(c.available_minutes for c in credits)
    for child in credits:
        if child.available_minutes:
            assert child.usable_until is not None and child.usable_until >= date.today()
            assert (child.usable_until.month, child.usable_until.day) == (12, 31)
        else:
            assert child.usable_until is None


def test_at_the_next_login_the_parent_hears_what_the_group_decided(
        qtbot, portal_server, make_services, run):
    first = make_services()
    log_in(qtbot, first, portal_server.url)
    qtbot.waitUntil(lambda: first.profile.profile is not None)
    emma, _daan = emma_and_daan(first)
    wednesday = extra(run, portal_server.url, "Emma", date.today() + timedelta(days=42),
                      DayPart.OCHTEND)
    draft = ExtraDayDraft((emma,), wednesday, wednesday, DayPart.OCHTEND, ExtraDayPayment.INVOICE)
    with qtbot.waitSignal(first.extra_days.requested, timeout=20_000) as made:
        first.extra_days.submit(draft)
    request_id = made.args[0][0].id
    # The list with it pending is cached on this computer, and the copy is kept after logging
    # out (the Account page's choice; without it the copy, and what was pending, goes).
    qtbot.waitUntil(lambda: any(r.id == request_id for r in first.extra_days.requests),
                    timeout=20_000)
    first.session.set_keep_offline_copy(True)
    run(first.aclose())

    async def approve() -> None:
        async with PortalClient(portal_server.url) as staff:
            await staff.auth.login("fatima.elamrani@voorbeeld.nl", PASSWORD)
            await staff.extra_days.approve(request_id)
    run(approve())

    again = make_services()
    with qtbot.waitSignal(again.extra_days.decisionsArrived, timeout=20_000) as arrived:
        log_in(qtbot, again, portal_server.url)
    assert [(r.id, r.status.value, r.child_name) for r in arrived.args[0]] == [
        (request_id, "approved", "Emma de Vries")]
