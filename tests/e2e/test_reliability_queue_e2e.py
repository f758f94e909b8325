"""A queued write is never lost and a full disk is a message, against the real portal server
(issue 12): damaged outbox and cache files, a server error on delivery, a full disk at start,
at login, for the month and the wizard, and downloads that carry on once there is room.

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
from damaged_files import DAMAGE
from PySide6.QtWidgets import QLabel
from reliability_kit import (
    account_folder,
    arrived,
    emma,
    fill,
    planned_mornings,
    queue_three_offline,
    server_absences,
    sign_in,
)
from test_desktop_e2e import PASSWORD, SANNE, log_in, wait_for_main_window

from desktop.api.absences.records import AbsenceDraft
from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.cache.outbox import DB_NAME as OUTBOX_NAME
from desktop.cache.store import DB_NAME as CACHE_NAME

# --- never lose a queued write ------------------------------------------------------------


@pytest.mark.expect_log("desktop.cache.outbox", "WARNING", r"outbox.sqlite3 is damaged")
@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_three_queued_absences_arrive_after_the_outbox_file_was_damaged(
        qtbot, portal_server, make_container, run, tmp_path, damage):
    first = make_container()
    sign_in(qtbot, first, portal_server.url)
    drafts = queue_three_offline(qtbot, first, portal_server)
    run(first.aclose())  # the app is closed while the three wait
    damage(account_folder(tmp_path / "desktop", portal_server.url) / OUTBOX_NAME)

    portal_server.start()
    second = make_container()
    sign_in(qtbot, second, portal_server.url)
    qtbot.waitUntil(lambda: len(arrived(run, portal_server.url, drafts)) == 3, timeout=30_000)
    assert arrived(run, portal_server.url, drafts) == [d.first_date for d in drafts]
    assert second.outbox.lost_notice == ""  # nothing to tell: nothing was lost
    qtbot.waitUntil(lambda: second.agenda.pending_absences() == [], timeout=20_000)


@pytest.mark.expect_log("desktop.cache.store", "WARNING", r"unreadable account cache set aside")
@pytest.mark.parametrize("damage", [garbled for name, garbled in DAMAGE.items()
                                    if name != "empty"], ids=["truncated", "garbled header",
                                                              "garbled pages"])
def test_a_damaged_cache_takes_no_queued_absence_with_it(qtbot, portal_server, make_container,
                                                         run, tmp_path, damage):
    first = make_container()
    sign_in(qtbot, first, portal_server.url)
    drafts = queue_three_offline(qtbot, first, portal_server)
    run(first.aclose())
    folder = account_folder(tmp_path / "desktop", portal_server.url)
    damage(folder / CACHE_NAME)

    portal_server.start()
    second = make_container()
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
                                                              make_container, run, answer):
    services = make_container(proxy)
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
        qtbot, portal_server, make_container, run, small_disk):
    first = make_container(data=small_disk / "desktop")
    sign_in(qtbot, first, portal_server.url)
    drafts = queue_three_offline(qtbot, first, portal_server)
    run(first.aclose())
    folder = account_folder(small_disk / "desktop", portal_server.url)
    queue = (folder / OUTBOX_NAME).read_bytes()
    filler = fill(small_disk)

    portal_server.start()
    second = make_container(data=small_disk / "desktop")
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
                                                             make_container, small_disk):
    services = make_container(data=small_disk / "desktop")
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
