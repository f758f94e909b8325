"""A report of absence that waits on this computer, against the real portal (issue 14): it is
listed at once (also offline), it can be withdrawn until it is on its way — then it is never
sent — and the parent is told when one that had to wait has arrived."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import httpx
from planning_days import planned
from test_agenda_service import emma_and_daan, log_in, server_absences

from desktop.api.absences.records import AbsenceDraft
from desktop.api.agenda.records import AbsenceReason, DayPart


class HoldAbsenceReports(httpx.AsyncBaseTransport):
    """Holds every POST /absences until ``release`` is set: the report is on its way."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.release = asyncio.Event()
        self.held = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/absences"):
            self.held += 1
            await self.release.wait()
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def emma_away(app, run, url: str, earliest_days: int) -> AbsenceDraft:
    emma, _daan = emma_and_daan(app)
    day = planned(run, url, date.today() + timedelta(days=earliest_days),
                  ("Emma", DayPart.MIDDAG))
    return AbsenceDraft((emma,), day, day, DayPart.MIDDAG, AbsenceReason.VAKANTIE)


def test_offline_a_report_is_listed_at_once_and_withdrawn_is_never_sent(
        qtbot, portal_server, make_services, run):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    draft = emma_away(app, run, portal_server.url, 40)
    portal_server.stop()
    listed: list[list] = []
    app.agenda.absencesChanged.connect(lambda _absences, queued: listed.append(queued))
    with qtbot.waitSignal(app.agenda.absenceQueued, timeout=20_000):
        outbox_id = app.agenda.report_absence(draft)
        # In the request overview before the first attempt has even failed.
        assert [q.draft for q in listed[0]] == [draft]

    assert app.agenda.withdraw_queued(outbox_id) is None
    assert app.agenda.pending_absences() == []
    assert listed[-1] == []  # the overview drops it
    assert app.agenda.withdraw_queued(outbox_id)  # gone: nothing to withdraw twice

    # Back online, a later report goes out; the withdrawn one (sent first if it were still
    # there) never does.
    portal_server.start()
    later = emma_away(app, run, portal_server.url, 50)
    with qtbot.waitSignal(app.agenda.absenceReported, timeout=20_000):
        app.agenda.report_absence(later)
    assert server_absences(run, portal_server.url, draft.first_date) == []
    assert len(server_absences(run, portal_server.url, later.first_date)) == 1


def test_a_report_on_its_way_cannot_be_withdrawn(qtbot, portal_server, make_services, run):
    transport = HoldAbsenceReports()
    app = make_services(transport)
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    draft = emma_away(app, run, portal_server.url, 40)
    outbox_id = app.agenda.report_absence(draft)
    qtbot.waitUntil(lambda: transport.held == 1, timeout=20_000)
    assert "on its way" in app.agenda.withdraw_queued(outbox_id)  # the portal may have it
    with qtbot.waitSignal(app.agenda.absenceReported, timeout=20_000):
        transport.release.set()
    assert len(server_absences(run, portal_server.url, draft.first_date)) == 1


def test_a_report_that_waited_says_when_it_has_arrived(qtbot, portal_server, make_services,
                                                       run):
    app = make_services()
    log_in(qtbot, app, portal_server.url)
    qtbot.waitUntil(lambda: app.profile.profile is not None)
    at_once = emma_away(app, run, portal_server.url, 40)
    with qtbot.assertNotEmitted(app.agenda.queuedDelivered, wait=200), \
            qtbot.waitSignal(app.agenda.absenceReported, timeout=20_000):
        app.agenda.report_absence(at_once)  # sent at once: the wizard said so already

    waiting = emma_away(app, run, portal_server.url, 50)
    portal_server.stop()
    with qtbot.waitSignal(app.agenda.absenceQueued, timeout=20_000):
        app.agenda.report_absence(waiting)
    portal_server.start()
    with qtbot.waitSignal(app.agenda.queuedDelivered, timeout=20_000) as delivered:
        app.agenda.outbox.deliver()
    [absence] = delivered.args[0]
    assert (absence.child_id, absence.date) == (waiting.child_ids[0], waiting.first_date)
