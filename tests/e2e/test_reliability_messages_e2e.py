"""One download per file and messages that tell the truth, against the real portal server
(issue 12): documents opened while a slow sync fetches them, a server that ignores ``Range``,
logging in while the portal is unavailable, the status bar after recovery, extra-day submits
whose answers were lost, and a lost token-refresh answer.

Faults of the server or the network come from a fault-injecting proxy in front of the real
server (``faults.py``); faults of the disk from a small tmpfs where this machine allows one
(root on Linux) and an injected error otherwise (``reliability_kit.py``).
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QLabel
from reliability_kit import (
    emma,
    sign_in,
)
from test_desktop_e2e import PASSWORD, SANNE, log_in, wait_for_main_window

from desktop.api.agenda.records import DayPart
from desktop.api.client import PortalClient
from desktop.api.extra_days.records import ExtraDayDraft, ExtraDayPayment
from desktop.services.container import Services
from desktop.services.session.clients import ClientFactory
from desktop.wiring import AppOptions, DesktopApp

# --- one download per file ----------------------------------------------------------------


def test_documents_opened_while_a_slow_sync_fetches_them_download_once(
        qtbot, portal_server, proxy, make_container):
    proxy.throttle("GET", "", piece=2048, pause=0.002)
    services = make_container(proxy)
    finance = services.finance
    problems: list[str] = []
    finance.problem.connect(problems.append)
    ready: dict[str, str] = {}
    finance.documentReady.connect(lambda doc_id, path: ready.__setitem__(doc_id, path))
    sign_in(qtbot, services, portal_server.url)
    qtbot.waitUntil(lambda: finance.overview is not None and finance.syncing, timeout=20_000)
    documents = finance.overview.documents
    for document in documents:  # the parent opens every one while the sync is busy with them
        finance.fetch(document)
    qtbot.waitUntil(lambda: len(ready) == len(documents) and not finance.syncing,
                    timeout=120_000)

    assert problems == []  # no "arrived damaged"
    for document in documents:
        path = Path(ready[document.id])
        assert hashlib.sha256(path.read_bytes()).hexdigest() == document.sha256
        fetched = [s for s in proxy.sent if s[1] == document.url]
        assert len(fetched) == 1, (document.id, fetched)  # one download, never two writers


def test_a_server_that_ignores_range_gets_the_file_from_byte_zero(qtbot, portal_server, proxy,
                                                                  make_container):
    proxy.refuse("GET", "/finance")  # no sync yet: the partial file is ours to prepare
    services = make_container(proxy)
    finance = services.finance
    sign_in(qtbot, services, portal_server.url)
    with qtbot.waitSignal(finance.overviewChanged, timeout=20_000):
        proxy.clear()
        proxy.refuse("GET", "/documents/", times=None)
        finance.refresh()
    document = finance.overview.documents[0]
    blobs = services.session.cache.blobs
    for doc in finance.overview.documents:
        blobs.delete(doc.blob_name)
    blobs.append_partial(document.blob_name, b"what an earlier, cut download left" * 20)

    proxy.clear()
    proxy.no_range("GET", "/documents/")  # a proxy that strips Range: the server answers 200
    problems: list[str] = []
    finance.problem.connect(problems.append)
    with qtbot.waitSignal(finance.documentReady, timeout=30_000) as ready:
        finance.fetch(document)
    path = Path(ready.args[1])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == document.sha256
    asked = [s for s in proxy.sent if s[1] == document.url][-1:]
    assert asked[0][2] == "bytes=680-"  # it asked for the rest …
    assert len(asked) == 1  # … got the whole file once, and started it from byte 0
    assert problems == []


# --- messages tell the truth --------------------------------------------------------------


@pytest.mark.parametrize(("answer", "expected"), [
    (lambda: httpx.Response(503, headers={"Retry-After": "600"}, html="<h1>Onderhoud</h1>"),
     "The portal is temporarily unavailable. Please try again at "),
    (lambda: httpx.Response(503, text="Service Unavailable"),
     "The portal is temporarily unavailable. Please try again in a few minutes."),
    (lambda: httpx.Response(502, html="<html><center>502 Bad Gateway</center></html>"),
     "The portal is temporarily unavailable. Please try again in a few minutes."),
    (lambda: httpx.Response(500, html="<h1>Internal Server Error</h1>"),
     "Something went wrong on the portal server. Please try again later."),
], ids=["503-retry-after", "503", "proxy-html-502", "500"])
def test_logging_in_while_the_portal_is_unavailable_says_so(qtbot, qapp, portal_server, proxy,
                                                            tmp_path, run, answer, expected):
    proxy.answer("GET", "/portal", answer)
    crash_reports: list[str] = []
    from desktop.services.shared.crash import CrashReporter

    crash = CrashReporter()
    crash.crashed.connect(crash_reports.append)
    desktop = DesktopApp(AppOptions(data_dir=tmp_path / "desktop", portal=portal_server.url),
                         app=qapp, crash=crash,
                         clients=ClientFactory(language="en", max_retries=0, transport=proxy))
    desktop.start()
    try:
        log_in(qtbot, desktop, SANNE, PASSWORD)
        error = desktop.login_window.findChild(QLabel, "error")
        qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=20_000)
        assert error.text().startswith(expected)
        assert "no parent portal" not in error.text()
        if "Retry-After" in repr(answer()):  # the time asked for, rounded up to the minute
            assert error.text().rstrip(".")[-5:-2].endswith(":")
        proxy.clear()  # back: the same form logs in
        log_in(qtbot, desktop, SANNE, PASSWORD)
        wait_for_main_window(qtbot, desktop)
    finally:
        desktop.closed.set()
        run(desktop.aclose())
    assert crash_reports == []


def test_the_status_bar_follows_every_request_and_old_warnings_go(qtbot, portal_server, proxy,
                                                                 qapp, tmp_path, run):
    from desktop.services.shared.crash import CrashReporter

    desktop = DesktopApp(AppOptions(data_dir=tmp_path / "desktop", portal=portal_server.url),
                         app=qapp, crash=CrashReporter(),
                         clients=ClientFactory(language="en", max_retries=0, transport=proxy))
    desktop.start()
    try:
        log_in(qtbot, desktop, SANNE, PASSWORD)
        main = wait_for_main_window(qtbot, desktop)
        services = desktop.services
        qtbot.waitUntil(lambda: services.profile.profile is not None, timeout=20_000)
        status = main.findChild(QLabel, "connectionText")
        assert status.text() == "Online"

        # Only the agenda cannot reach the portal: the status bar says so all the same.
        proxy.refuse("GET", "/agenda")
        main.show_section("agenda")
        services.agenda.refresh()
        qtbot.waitUntil(lambda: status.text().startswith("Offline"), timeout=20_000)

        # The profile meets a failing server; when it is back the message goes by itself.
        proxy.clear()
        proxy.answer("GET", "/me", lambda: httpx.Response(
            500, json={"code": "internal_error", "status": 500},
            headers={"content-type": "application/problem+json"}), times=1)
        services.profile.refresh()
        qtbot.waitUntil(lambda: main.message_bar.has_message("profile"), timeout=20_000)
        assert "went wrong on the portal server" in main.message_bar.text
        services.profile.refresh()  # what its 30-second retry does
        qtbot.waitUntil(lambda: not main.message_bar.has_message("profile"), timeout=20_000)
        qtbot.waitUntil(lambda: status.text() == "Online", timeout=20_000)

        # Finance could not reach the portal; its next successful sync takes the warning away.
        proxy.refuse("GET", "/finance")
        services.finance.refresh()
        qtbot.waitUntil(lambda: main.message_bar.has_message("finance"), timeout=20_000)
        main.show_section("finance")  # a problem of Finance shows in Finance (issue 14)
        assert "cannot be reached" in main.message_bar.text
        proxy.clear()
        services.profile.refresh()  # another request finds the portal: finance syncs again
        qtbot.waitUntil(lambda: not main.message_bar.has_message("finance"), timeout=20_000)
    finally:
        desktop.closed.set()
        run(desktop.aclose())


def requests_like(run, url: str, draft: ExtraDayDraft) -> list:
    """The family's requests on the portal for the draft's child and day."""
    async def fetch() -> list:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return [r for r in await client.extra_days.list()
                    if r.first_date == draft.first_date and r.child_id in draft.child_ids]
    return run(fetch())


def test_an_extra_day_whose_answers_were_all_lost_is_looked_up_not_refused(
        qtbot, portal_server, proxy, make_container, run):
    services = make_container(proxy)
    sign_in(qtbot, services, portal_server.url)
    extra_days = services.extra_days
    draft = _an_extra_morning_for_emma(qtbot, services)
    proxy.drop("POST", "/extra-days", times=None)  # stored by the server, every answer lost
    failures: list[str] = []
    extra_days.requestFailed.connect(failures.append)
    with qtbot.waitSignal(extra_days.requested, timeout=20_000) as requested:
        extra_days.submit(draft)
    assert [(r.child_id, r.first_date) for r in requested.args[0]] == [
        (emma(services), draft.first_date)]
    assert failures == []
    assert len(requests_like(run, portal_server.url, draft)) == 1


def test_an_extra_day_submitted_again_after_a_lost_answer_is_not_refused(
        qtbot, portal_server, proxy, make_container, run):
    services = make_container(proxy)
    sign_in(qtbot, services, portal_server.url)
    extra_days = services.extra_days
    draft = _an_extra_morning_for_emma(qtbot, services)
    proxy.drop("POST", "/extra-days", times=1)  # stored, the answer lost …
    proxy.refuse("GET", "/extra-days", times=1)  # … and the portal cannot be asked either
    with qtbot.waitSignal(extra_days.requestFailed, timeout=20_000) as failed:
        extra_days.submit(draft)
    assert "cannot be reached" in failed.args[0]

    refused: list[str] = []
    extra_days.requestFailed.connect(refused.append)
    with qtbot.waitSignal(extra_days.requested, timeout=20_000) as requested:
        extra_days.submit(draft)  # "try again": answered with the first result, not refused
    assert [r.first_date for r in requested.args[0]] == [draft.first_date]
    assert refused == []
    assert len(requests_like(run, portal_server.url, draft)) == 1


def _an_extra_morning_for_emma(qtbot, services: Services) -> ExtraDayDraft:
    """A morning weeks ahead on which Emma has no care and the portal would give her some (its
    own cost preview says so)."""
    child = emma(services)
    month = (date.today() + timedelta(days=35)).replace(day=1)
    with qtbot.waitSignal(services.agenda.agendaChanged, timeout=20_000) as shown:
        services.agenda.show_month(month.year, month.month)
    agenda = shown.args[0]
    answers: list[object] = []
    services.extra_days.previewReady.connect(answers.append)
    services.extra_days.previewFailed.connect(answers.append)
    for offset in range(28):
        day = agenda.first + timedelta(days=offset)
        info = agenda.day(day)
        if (day < date.today() + timedelta(days=10) or day.weekday() >= 5 or info.closing_days
                or any(p.child_id == child for p in info.planned)):
            continue
        draft = ExtraDayDraft((child,), day, day, DayPart.OCHTEND, ExtraDayPayment.INVOICE)
        answers.clear()
        services.extra_days.preview(draft)
        qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
        if not isinstance(answers[0], str) and answers[0].items:
            return draft
    raise AssertionError("no morning for an extra day in that month")


def test_a_lost_refresh_answer_against_the_real_server_keeps_the_session(portal_server, run,
                                                                         proxy):
    from datetime import UTC, datetime

    now = [datetime.now(UTC)]

    async def scenario() -> str:
        async with PortalClient(portal_server.url, transport=proxy,
                                clock=lambda: now[0]) as client:
            await client.auth.login(SANNE, PASSWORD)
            now[0] += timedelta(minutes=20)  # the access token has expired on this side
            proxy.drop("POST", "/auth/refresh", times=1)  # rotated, the answer never came
            profile = await client.profile.me()
            return profile.user.email

    assert run(scenario()) == SANNE
