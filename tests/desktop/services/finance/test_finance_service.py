"""FinanceService against the fake portal: sync after login, resume with Range, SHA-256
verification, one request when nothing is new, offline, disk full, shared PC, save all."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pytest
from fake_portal import STAFF
from finance_portal import FinancePortal

from desktop.api.finance.records import DocumentKind, FinanceAccess
from desktop.cache import blobs as blobs_module
from desktop.services.finance.save_all import SaveAllJob, readable_name, unused_path
from desktop.services.finance.service import FinanceService


def wait_synced(qtbot, finance: FinanceService) -> None:
    qtbot.waitUntil(lambda: finance.overview is not None and not finance.syncing,
                    timeout=10_000)


def test_login_syncs_every_document_verified(qtbot, session, finance, portal, log_in):
    progress: list[tuple[int, int]] = []
    finance.syncProgress.connect(lambda done, total: progress.append((done, total)))
    log_in(session)
    wait_synced(qtbot, finance)

    overview = finance.overview
    assert overview.access is FinanceAccess.GRANTED
    assert len(overview.of_kind(DocumentKind.INVOICE)) == 3
    for document in overview.documents:
        path = finance.local_path(document)
        assert path is not None
        assert hashlib.sha256(path.read_bytes()).hexdigest() == document.sha256
    assert progress[0] == (0, 5) and (5, 5) in progress and progress[-1] == (0, 0)


def test_second_sync_with_nothing_new_is_one_small_request(qtbot, session, finance, portal,
                                                           log_in):
    log_in(session)
    wait_synced(qtbot, finance)
    before = len(portal.requests)
    finance.refresh()
    qtbot.waitUntil(lambda: not finance.syncing, timeout=5_000)
    new = portal.requests[before:]
    assert [r.url.path for r in new] == ["/api/v1/finance"]
    assert new[0].url.params["cursor"] == portal.cursor


def test_documents_still_being_prepared_follow_without_the_parent_doing_anything(
        qtbot, session, finance, portal, log_in):
    portal.preparing_rounds, portal.held = 2, {"inv-1"}
    finance.preparing_retry_seconds = 0.01
    overviews = []
    finance.overviewChanged.connect(overviews.append)
    log_in(session)
    qtbot.waitUntil(lambda: finance.overview is not None and not finance.overview.preparing
                    and not finance.syncing, timeout=10_000)
    # Asked again while nothing changed: "unchanged"; then the listing with everything.
    assert [o.preparing for o in overviews] == [True, False]
    finance_requests = [r for r in portal.requests if r.url.path == "/api/v1/finance"]
    assert len(finance_requests) == 3
    assert "inv-1" not in {d.id for d in overviews[0].documents}
    assert {d.id for d in finance.overview.documents} == set(portal.documents)
    assert all(finance.local_path(d) is not None for d in finance.overview.documents)
    before = len(portal.requests)
    qtbot.wait(50)
    assert len(portal.requests) == before  # nothing more to wait for: no more asking


def test_a_cut_download_resumes_with_range_and_verifies(qtbot, session, finance, portal,
                                                        log_in):
    portal.documents = {k: v for k, v in portal.documents.items() if k == "inv-2"}
    portal.drop_after = 16_384
    problems: list[str] = []
    finance.problem.connect(problems.append)
    log_in(session)
    qtbot.waitUntil(lambda: bool(problems), timeout=10_000)
    document = finance.overview.documents[0]
    assert finance.local_path(document) is None  # never half a file under its final name
    assert session.cache.blobs.partial_size(document.blob_name) == 16_384

    finance.refresh()
    qtbot.waitUntil(lambda: finance.local_path(document) is not None, timeout=10_000)
    assert portal.range_headers[-1] == "bytes=16384-"
    data = finance.local_path(document).read_bytes()
    assert hashlib.sha256(data).hexdigest() == document.sha256
    assert session.cache.blobs.partial_size(document.blob_name) == 0


@pytest.mark.expect_log("desktop.services.shared.blob_downloads", "WARNING", r"SHA-256 check")
def test_damaged_bytes_are_fetched_again_then_kept(qtbot, session, finance, portal, log_in):
    portal.documents = {k: v for k, v in portal.documents.items() if k == "inv-2"}
    portal.corrupt = 1
    problems: list[str] = []
    finance.problem.connect(problems.append)
    log_in(session)
    wait_synced(qtbot, finance)
    assert finance.local_path(finance.overview.documents[0]) is not None
    assert problems == []


@pytest.mark.expect_log("desktop.services.shared.blob_downloads", "WARNING", r"SHA-256 check")
def test_damaged_twice_gives_a_clear_message_and_no_file(qtbot, session, finance, portal,
                                                         log_in):
    portal.documents = {k: v for k, v in portal.documents.items() if k == "inv-2"}
    portal.corrupt = 2
    problems: list[str] = []
    finance.problem.connect(problems.append)
    log_in(session)
    qtbot.waitUntil(lambda: bool(problems), timeout=10_000)
    assert "F2026-00101" in problems[0] and "damaged" in problems[0]
    assert finance.local_path(finance.overview.documents[0]) is None


def test_full_disk_is_a_message_and_keeps_what_was_received(qtbot, session, finance, portal,
                                                            log_in, monkeypatch):
    portal.documents = {k: v for k, v in portal.documents.items() if k == "inv-2"}
    real_write = blobs_module._write_chunk
    written = 0

    def write_until_full(fd: int, data: bytes) -> None:
        nonlocal written
        if written + len(data) > 16_384:
            raise OSError(errno.ENOSPC, "No space left on device")
        written += len(data)
        real_write(fd, data)

    monkeypatch.setattr(blobs_module, "_write_chunk", write_until_full)
    problems: list[str] = []
    finance.problem.connect(problems.append)
    log_in(session)
    qtbot.waitUntil(lambda: bool(problems), timeout=10_000)
    assert "disk is full" in problems[0]
    document = finance.overview.documents[0]
    kept = session.cache.blobs.partial_size(document.blob_name)
    assert kept == written > 0

    monkeypatch.setattr(blobs_module, "_write_chunk", real_write)
    finance.refresh()
    qtbot.waitUntil(lambda: finance.local_path(document) is not None, timeout=10_000)
    assert portal.range_headers[-1] == f"bytes={kept}-"


def test_cached_documents_open_with_the_server_down(qtbot, session, finance, portal, log_in):
    log_in(session)
    wait_synced(qtbot, finance)
    portal.down = True
    document = finance.overview.of_kind(DocumentKind.JAAROPGAVE)[0]
    with qtbot.waitSignal(finance.documentReady, timeout=2_000) as ready:
        finance.fetch(document)
    assert ready.args[0] == document.id and Path(ready.args[1]).is_file()


def test_offline_sync_says_cached_documents_still_open(qtbot, session, finance, portal, log_in):
    log_in(session)
    wait_synced(qtbot, finance)
    portal.down = True
    with qtbot.waitSignal(finance.problem, timeout=5_000) as message:
        finance.refresh()
    assert "still be opened" in message.args[0]
    assert finance.overview is not None


def test_back_online_the_missing_documents_are_downloaded(qtbot, session, finance, portal,
                                                          log_in):
    portal.finance_unreachable = True
    log_in(session)
    qtbot.waitUntil(lambda: not finance.syncing, timeout=10_000)
    assert finance.overview is None

    portal.finance_unreachable = False
    finance.connection_changed(True)  # the profile's check found the portal again
    wait_synced(qtbot, finance)
    assert all(finance.local_path(d) is not None for d in finance.overview.documents)


def test_secondary_parent_gets_the_primary_parents_name_and_no_downloads(
        qtbot, session, finance, portal, log_in):
    portal.access = "primary_parent_only"
    log_in(session)
    wait_synced(qtbot, finance)
    assert finance.overview.access is FinanceAccess.PRIMARY_PARENT_ONLY
    assert finance.overview.primary_parent_name == "Sanne de Vries"
    assert portal.range_headers == []


def test_staff_have_no_finance(qtbot, session, finance, portal, log_in):
    log_in(session, email=STAFF["email"])
    assert not finance.available
    qtbot.wait(50)
    assert portal.sent("GET", "/finance") == []


def test_shared_pc_logout_wipes_the_documents(qtbot, make_session, crashes, run, portal,
                                              log_in, qapp):
    session = make_session(shared_pc=True)
    finance = FinanceService(session, on_crash=crashes.append)
    try:
        log_in(session)
        wait_synced(qtbot, finance)
        folder = session.cache.directory
        files = [finance.local_path(d) for d in finance.overview.documents]
        assert all(f is not None and f.is_file() for f in files)
        with qtbot.waitSignal(session.loggedOut):
            session.logout()
        assert not folder.exists()
        assert finance.overview is None
    finally:
        run(finance.aclose())


def test_save_all_uses_readable_names_and_never_overwrites(qtbot, session, finance, portal,
                                                           log_in, tmp_path):
    log_in(session)
    wait_synced(qtbot, finance)
    target = tmp_path / "papers"
    target.mkdir()
    (target / "Invoice 2026-10 F2026-00123.pdf").write_bytes(b"mine")
    job = SaveAllJob(list(finance.overview.documents), target, finance.local_path)
    while not job.finished:
        assert job.save_next() is None
    names = sorted(p.name for p in target.iterdir())
    assert names == sorted([
        "Invoice 2026-10 F2026-00123.pdf", "Invoice 2026-10 F2026-00123 (2).pdf",
        "Invoice 2026-09 F2026-00101.pdf", "Invoice 2025-12 F2025-00980.pdf",
        "Annual statement 2025 Emma.pdf", "Contract Emma KDV.pdf"])
    assert (target / "Invoice 2026-10 F2026-00123.pdf").read_bytes() == b"mine"
    assert job.done == job.total == 5


def test_save_all_stops_on_a_full_disk_without_losing_the_document(
        qtbot, session, finance, portal, log_in, tmp_path, monkeypatch):
    log_in(session)
    wait_synced(qtbot, finance)
    target = tmp_path / "usb-stick"
    target.mkdir()
    job = SaveAllJob(list(finance.overview.documents), target, finance.local_path)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop.services.shared.files.shutil.copyfile", full)
    message = job.save_next()
    assert message is not None and "disk is full" in message
    assert job.done == 0 and list(target.iterdir()) == []


def test_readable_names_strip_characters_windows_refuses(tmp_path):
    portal = FinancePortal()
    portal.add("x", "jaaropgave", "J1", "2025", 2025, child_name='Emma "Em" / Jr')
    from desktop.api.finance.records import FinanceOverview
    overview = FinanceOverview.from_json(portal.overview())
    assert readable_name(overview.documents[0]) == "Annual statement 2025 Emma -Em- - Jr.pdf"
    (tmp_path / "a.pdf").write_bytes(b"")
    assert unused_path(tmp_path, "a.pdf").name == "a (2).pdf"
