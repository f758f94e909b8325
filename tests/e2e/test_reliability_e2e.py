"""Desktop reliability against the real portal server (issue 12): a queued write is never lost,
a full disk is a message, one download per file, messages that clear when the problem does.

Faults of the server or the network come from a fault-injecting proxy in front of the real
server (``faults.py``); faults of the disk from a small tmpfs where this machine allows one
(root on Linux) and an injected error otherwise. Days are chosen from the agenda the server
sends (planned day-parts), never by counting from today.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from faults import FaultyProxy
from PySide6.QtWidgets import QLabel
from test_desktop_e2e import PASSWORD, SANNE, log_in, wait_for_main_window

from desktop.api.absences.records import AbsenceDraft
from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.api.client import PortalClient
from desktop.api.extra_days.records import ExtraDayDraft, ExtraDayPayment
from desktop.cache.outbox import DB_NAME as OUTBOX_NAME
from desktop.cache.paths import account_key
from desktop.cache.store import DB_NAME as CACHE_NAME
from desktop.services.container import Services
from desktop.services.session.clients import ClientFactory
from desktop.wiring import AppOptions, DesktopApp

# --- the app as the container wires it, talking through the proxy -------------------------


@pytest.fixture
def proxy(run) -> Iterator[FaultyProxy]:
    faulty = FaultyProxy()
    yield faulty
    run(faulty.close())


@pytest.fixture
def make_services(qapp, run, tmp_path):
    made: list[Services] = []
    crashes: list = []

    def make(transport: httpx.AsyncBaseTransport | None = None, *,
             data: Path | None = None) -> Services:
        services = Services.build(
            data or tmp_path / "desktop",
            clients=ClientFactory(language="en", max_retries=0, transport=transport),
            app=qapp, on_crash=crashes.append)
        made.append(services)
        return services

    yield make
    for services in made:
        run(services.aclose())
    assert not crashes, crashes


def sign_in(qtbot, services: Services, url: str) -> None:
    with qtbot.waitSignal(services.session.loggedIn, timeout=20_000):
        services.session.login(url, SANNE, PASSWORD, False)
    qtbot.waitUntil(lambda: services.profile.profile is not None, timeout=20_000)


def emma(services: Services) -> int:
    return next(c.id for c in services.profile.profile.children if c.first_name == "Emma")


def planned_mornings(qtbot, services: Services, count: int) -> list[date]:
    """``count`` days on which the server plans Emma's morning, weeks ahead (so every rule
    that looks at notice periods is far away)."""
    child = emma(services)
    found: list[date] = []
    month = date.today().replace(day=1) + timedelta(days=62)
    while len(found) < count:
        with qtbot.waitSignal(services.agenda.agendaChanged, timeout=20_000) as shown:
            services.agenda.show_month(month.year, month.month)
        found += sorted(p.date for p in shown.args[0].planned
                        if p.child_id == child and p.day_part is DayPart.OCHTEND)
        month = (month + timedelta(days=32)).replace(day=1)
    return found[:count]


def server_absences(run, url: str) -> list:
    async def fetch() -> list:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return [a for a in await client.absences.list() if not a.cancelled]
    return run(fetch())


def queue_three_offline(qtbot, services: Services, server) -> list[AbsenceDraft]:
    days = planned_mornings(qtbot, services, 3)
    drafts = [AbsenceDraft((emma(services),), d, d, DayPart.OCHTEND, AbsenceReason.ZIEK)
              for d in days]
    server.stop()
    for draft in drafts:
        with qtbot.waitSignal(services.agenda.absenceQueued, timeout=20_000):
            assert services.agenda.report_absence(draft) is not None
    return drafts


def arrived(run, url: str, drafts: list[AbsenceDraft]) -> list[date]:
    wanted = {d.first_date for d in drafts}
    return sorted(a.date for a in server_absences(run, url) if a.date in wanted)


def account_folder(data: Path, url: str) -> Path:
    return data / "accounts" / account_key(url, SANNE)


# --- a small real disk -------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A 4 MB tmpfs (Linux, root); skipped where this machine cannot mount one — the injected
    variants of the same faults run everywhere."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("no tmpfs on this machine")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> Path:
    """Fill ``disk`` to the last byte; returns the filler, to delete when space is "freed"."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        block = b"\0" * 65536
        while True:
            try:
                handle.write(block)
            except OSError:
                if len(block) == 1:
                    break
                block = block[: len(block) // 2]
    return filler


# --- never lose a queued write ------------------------------------------------------------


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def empty(path: Path) -> None:
    path.write_bytes(b"")


def garble_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes((i * 37 + 11) % 256 for i in range(100))
    path.write_bytes(bytes(data))


def garble_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for start in range(4096, len(data), 4096):
        data[start + 10:start + 600] = bytes((i * 13 + 5) % 256 for i in range(590))
    path.write_bytes(bytes(data))


DAMAGE = {"truncated": truncate, "empty": empty, "garbled header": garble_header,
          "garbled pages": garble_pages}


@pytest.mark.expect_log("desktop.cache.outbox", "WARNING", r"outbox.sqlite3 is damaged")
@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_three_queued_absences_arrive_after_the_outbox_file_was_damaged(
        qtbot, portal_server, make_services, run, tmp_path, damage):
    first = make_services()
    sign_in(qtbot, first, portal_server.url)
    drafts = queue_three_offline(qtbot, first, portal_server)
    run(first.aclose())  # the app is closed while the three wait
    damage(account_folder(tmp_path / "desktop", portal_server.url) / OUTBOX_NAME)

    portal_server.start()
    second = make_services()
    sign_in(qtbot, second, portal_server.url)
    qtbot.waitUntil(lambda: len(arrived(run, portal_server.url, drafts)) == 3, timeout=30_000)
    assert arrived(run, portal_server.url, drafts) == [d.first_date for d in drafts]
    assert second.outbox.lost_notice == ""  # nothing to tell: nothing was lost
    qtbot.waitUntil(lambda: second.agenda.pending_absences() == [], timeout=20_000)


@pytest.mark.expect_log("desktop.cache.store", "WARNING", r"unreadable account cache set aside")
@pytest.mark.parametrize("damage", [garbled for name, garbled in DAMAGE.items()
                                    if name != "empty"], ids=["truncated", "garbled header",
                                                              "garbled pages"])
def test_a_damaged_cache_takes_no_queued_absence_with_it(qtbot, portal_server, make_services,
                                                         run, tmp_path, damage):
    first = make_services()
    sign_in(qtbot, first, portal_server.url)
    drafts = queue_three_offline(qtbot, first, portal_server)
    run(first.aclose())
    folder = account_folder(tmp_path / "desktop", portal_server.url)
    damage(folder / CACHE_NAME)

    portal_server.start()
    second = make_services()
    sign_in(qtbot, second, portal_server.url)
    qtbot.waitUntil(lambda: len(arrived(run, portal_server.url, drafts)) == 3, timeout=30_000)


@pytest.mark.expect_log("desktop.cache.outbox", "WARNING", r"outbox.sqlite3 is damaged")
@pytest.mark.expect_log("desktop.cache.outbox_repair", "WARNING", r"writes kept, 1 lost")
def test_a_write_no_copy_gives_back_is_named_to_the_parent(qtbot, portal_server, make_app,
                                                           run, desktop_data):
    import sqlite3

    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    wait_for_main_window(qtbot, desktop)
    services = desktop.services
    qtbot.waitUntil(lambda: services.profile.profile is not None, timeout=20_000)
    drafts = queue_three_offline(qtbot, services, portal_server)
    desktop.closed.set()
    run(desktop.aclose())
    folder = account_folder(desktop_data, portal_server.url)
    (folder / "outbox-copy.jsonl").unlink()  # the copy is gone …
    db = sqlite3.connect(folder / OUTBOX_NAME)  # … and one report is garbled in the database
    db.execute("UPDATE queued_write SET payload = '{\"child_ids\": [' WHERE id = 2")
    db.commit()
    db.close()

    portal_server.start()
    again = make_app(portal_server.url)
    log_in(qtbot, again, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, again)
    qtbot.waitUntil(lambda: len(arrived(run, portal_server.url, drafts)) == 2, timeout=30_000)
    assert arrived(run, portal_server.url, drafts) == [drafts[0].first_date,
                                                       drafts[2].first_date]
    text = main.findChild(QLabel, "messageText").text()
    assert main.message_bar.isVisible()
    assert text.startswith("These absence reports were waiting on this computer but could "
                           "not be read back from its disk")
    assert "a report made on " in text and "Please report them again." in text


@pytest.mark.parametrize("answer", [
    lambda: httpx.Response(500, json={"code": "internal_error", "status": 500},
                           headers={"content-type": "application/problem+json"}),
    lambda: httpx.Response(503, headers={"Retry-After": "120"}, text="Onderhoud"),
    lambda: httpx.Response(502, html="<center>nginx</center>"),
    lambda: httpx.Response(429, headers={"Retry-After": "60"}, json={"code": "rate_limited"}),
], ids=["500", "503-retry-after", "502-proxy-page", "429"])
def test_a_delivery_answered_with_a_server_error_stays_queued(qtbot, portal_server, proxy,
                                                              make_services, run, answer):
    services = make_services(proxy)
    sign_in(qtbot, services, portal_server.url)
    [day] = planned_mornings(qtbot, services, 1)
    draft = AbsenceDraft((emma(services),), day, day, DayPart.OCHTEND, AbsenceReason.ZIEK)
    refusal = proxy.answer("POST", "/absences", answer)
    with qtbot.assertNotEmitted(services.agenda.absenceRefused):
        with qtbot.waitSignal(services.agenda.absenceQueued, timeout=20_000):
            services.agenda.report_absence(draft)
    assert refusal.hits == 1
    assert [q.draft for q in services.agenda.pending_absences()] == [draft]
    assert services.agenda.refused_absences() == []

    proxy.clear()  # the portal is back
    with qtbot.waitSignal(services.agenda.absenceReported, timeout=20_000):
        services.outbox.deliver()
    assert [a.date for a in server_absences(run, portal_server.url) if a.date == day] == [day]


# --- a full disk is a message, not a crash ------------------------------------------------


def test_a_full_disk_at_start_sets_nothing_aside_and_all_three_arrive_once_freed(
        qtbot, portal_server, make_services, run, small_disk):
    first = make_services(data=small_disk / "desktop")
    sign_in(qtbot, first, portal_server.url)
    drafts = queue_three_offline(qtbot, first, portal_server)
    run(first.aclose())
    folder = account_folder(small_disk / "desktop", portal_server.url)
    queue = (folder / OUTBOX_NAME).read_bytes()
    filler = fill(small_disk)

    portal_server.start()
    second = make_services(data=small_disk / "desktop")
    with qtbot.waitSignal(second.session.loginFailed, timeout=20_000) as failed:
        second.session.login(portal_server.url, SANNE, PASSWORD, False)
    assert failed.args[0].startswith("The disk is full. Free some space and try again")
    assert second.session.account is None
    assert not [p.name for p in folder.iterdir() if ".corrupt-" in p.name or ".damaged-" in p.name]
    assert (folder / OUTBOX_NAME).read_bytes() == queue  # nothing set aside or rewritten

    filler.unlink()  # the parent frees some space
    sign_in(qtbot, second, portal_server.url)
    qtbot.waitUntil(lambda: len(arrived(run, portal_server.url, drafts)) == 3, timeout=30_000)


def test_a_login_on_a_full_disk_says_so_in_the_login_window(qtbot, portal_server, make_app,
                                                            monkeypatch):
    import sqlite3

    from desktop.cache import store
    from desktop.cache.disk import writing

    def full(path: Path, outbox) -> None:
        with writing(path):  # as the cache's own open does with SQLite's answer
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = 13
            raise error

    monkeypatch.setattr(store, "_open_database", full)
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    error = desktop.login_window.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert error.text().startswith("The disk is full.")
    assert desktop.main_window is None
    assert desktop.login_window.findChild(type(desktop.login_window.email), "email").text() \
        == SANNE  # what was typed stays


def test_on_a_full_disk_the_month_is_shown_and_told_and_the_wizard_keeps_what_was_typed(
        qtbot, portal_server, make_app, monkeypatch):
    from desktop.cache import outbox_repair
    from desktop.cache.disk import DiskProblem, DiskTrouble
    from desktop.cache.store import AccountCache

    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    services = desktop.services
    qtbot.waitUntil(lambda: services.profile.profile is not None, timeout=20_000)
    [day] = planned_mornings(qtbot, services, 1)

    def full(self, *args) -> None:
        raise DiskProblem(DiskTrouble.FULL, self.db_path, "database or disk is full")

    def full_outbox(path: Path, data: bytes) -> None:
        raise DiskProblem(DiskTrouble.FULL, path, "No space left on device")

    monkeypatch.setattr(AccountCache, "_write", full)
    monkeypatch.setattr(outbox_repair, "write_atomically", full_outbox)
    main.show_section("agenda")
    page = main.page("agenda")
    later = (day + timedelta(days=75)).replace(day=1)
    page.select_date(later)  # a month not seen before: shown, but the disk refuses to keep it
    qtbot.waitUntil(lambda: main.message_bar.text.startswith("The disk is full."),
                    timeout=20_000)
    qtbot.waitUntil(lambda: any(page.model.entries(d) for d in _days_of(later)),
                    timeout=20_000)

    page.select_date(day)
    wizard = page.open_absence_wizard()
    qtbot.waitExposed(wizard)
    wizard.next()
    wizard.who.choice.boxes[0].setChecked(True)
    wizard.next()
    wizard.why.buttons[AbsenceReason.ZIEK].setChecked(True)
    wizard.why.note.setPlainText("Koorts")
    wizard.next()
    summary = wizard.currentPage()
    wizard.next()  # "Submit request": the disk refuses to queue it
    assert wizard.currentPage() is summary  # still here, nothing lost
    assert wizard.summary.error.isVisible()
    assert wizard.summary.error.text().startswith("The disk is full.")
    assert wizard.why.note.toPlainText() == "Koorts"
    assert services.agenda.pending_absences() == []
    monkeypatch.undo()  # space freed: the same wizard submits
    wizard.next()
    qtbot.waitUntil(wizard.result.isComplete, timeout=20_000)
    wizard.close()


def _days_of(first: date) -> list[date]:
    return [first + timedelta(days=n) for n in range(28)]


def test_downloads_carry_on_by_themselves_once_there_is_room(qtbot, portal_server,
                                                             make_services, small_disk):
    services = make_services(data=small_disk / "desktop")
    services.finance._space_timer.setInterval(50)  # noqa: SLF001 (instead of 15 s)
    filler = small_disk / "filler"
    sign_in(qtbot, services, portal_server.url)
    qtbot.waitUntil(lambda: services.finance.overview is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not services.finance.syncing, timeout=60_000)
    run_out = services.finance.overview.documents
    for document in run_out:  # start again from nothing, on a disk without room for them
        services.session.cache.blobs.delete(document.blob_name)
    fill(small_disk)
    problems: list[str] = []
    services.finance.problem.connect(problems.append)
    services.finance.refresh()
    qtbot.waitUntil(lambda: bool(problems), timeout=30_000)
    assert problems[0].startswith("The disk is full.")
    qtbot.waitUntil(lambda: not services.finance.syncing, timeout=30_000)

    with qtbot.waitSignal(services.finance.problemSolved, timeout=60_000):
        filler.unlink()  # and nobody clicks "Try again"
    for document in run_out:
        path = services.finance.local_path(document)
        assert path is not None
        assert hashlib.sha256(path.read_bytes()).hexdigest() == document.sha256


# --- one download per file ----------------------------------------------------------------


def test_documents_opened_while_a_slow_sync_fetches_them_download_once(
        qtbot, portal_server, proxy, make_services):
    proxy.throttle("GET", "", piece=2048, pause=0.002)
    services = make_services(proxy)
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
                                                                  make_services):
    proxy.refuse("GET", "/finance")  # no sync yet: the partial file is ours to prepare
    services = make_services(proxy)
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
        qtbot, portal_server, proxy, make_services, run):
    services = make_services(proxy)
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
        qtbot, portal_server, proxy, make_services, run):
    services = make_services(proxy)
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
