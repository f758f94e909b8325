"""Financieel against the real portal server: the primary parent's documents listed, opened in
the viewer and saved; the secondary parent's explanation; a cached invoice with the server
stopped; an interrupted download that resumes with ``Range`` and verifies; a shared PC keeps
no documents after logout."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QPushButton
from test_desktop_e2e import PASSWORD, SANNE, THOMAS, log_in, wait_for_main_window

from desktop.api.client import PortalClient
from desktop.api.finance.records import DocumentKind, FinanceAccess, FinanceOverview
from desktop.models.finance import FinanceDocumentsModel
from desktop.services.finance.service import FinanceService
from desktop.services.session.clients import ClientFactory
from desktop.services.session.service import SessionService

LOTTE = "lotte.jansen@voorbeeld.nl"  # contract ended 5 weeks ago: access ends in 15 months


def server_overview(run, url: str, email: str) -> FinanceOverview:
    async def fetch() -> FinanceOverview:
        async with PortalClient(url) as client:
            await client.auth.login(email, PASSWORD)
            return await client.finance.overview()
    return run(fetch())


def open_finance(qtbot, desktop):
    main = wait_for_main_window(qtbot, desktop)
    main.show_section("finance")
    qtbot.waitUntil(lambda: desktop.services.finance.overview is not None, timeout=20_000)
    return main.page("finance")


def all_downloaded(finance: FinanceService) -> bool:
    overview = finance.overview
    return overview is not None and bool(overview.documents) and all(
        finance.local_path(d) is not None for d in overview.documents)


def shown(table, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_primary_parent_lists_opens_and_saves_an_invoice(qtbot, portal_server, make_app, run,
                                                          tmp_path):
    expected = server_overview(run, portal_server.url, SANNE)
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_finance(qtbot, desktop)
    qtbot.waitUntil(lambda: all_downloaded(desktop.services.finance), timeout=60_000)

    invoices = page.tables[DocumentKind.INVOICE]
    numbers = [d.number for d in expected.of_kind(DocumentKind.INVOICE)]
    assert sorted(shown(invoices, FinanceDocumentsModel.NUMBER), reverse=True) \
        == sorted(numbers, reverse=True)
    assert set(shown(invoices, FinanceDocumentsModel.OFFLINE)) == {"On this computer"}
    newest = invoices.model().index(0, 0).data(FinanceDocumentsModel.Role.Document)
    assert newest.number == max(numbers)

    invoices.selectRow(0)
    page.open_selected()
    qtbot.waitUntil(lambda: page.viewer is not None and page.viewer.isVisible(),
                    timeout=20_000)
    viewer = page.viewer
    assert viewer.page_count >= 1 and viewer.page_count_label.text() == \
        f"of {viewer.page_count}"
    assert newest.number in viewer.windowTitle()

    target = tmp_path / "saved" / "factuur.pdf"
    target.parent.mkdir()
    assert viewer.save_to(target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == newest.sha256
    text = pdf_text(target)
    assert newest.number in text and "Emma" in text

    # The year filter keeps one year; jaaropgaven name the child.
    year = newest.year - 1
    page.year_filter.setCurrentIndex(page.year_filter.findData(year))
    assert {d.year for d in expected.of_kind(DocumentKind.INVOICE) if d.year == year}
    assert all(n.startswith(f"F{year}-") for n in shown(invoices, FinanceDocumentsModel.NUMBER))
    statements = page.tables[DocumentKind.JAAROPGAVE]
    assert sorted(shown(statements, FinanceDocumentsModel.CHILD)) == ["Daan", "Emma"]


def test_when_access_ends_the_overview_offers_to_save_every_document(
        qtbot, portal_server, make_app, tmp_path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "Kinderopvang"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(folder))
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, LOTTE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    qtbot.waitUntil(lambda: all_downloaded(desktop.services.finance), timeout=60_000)
    button = main.page("overview").findChild(QPushButton, "saveEverything")
    qtbot.waitUntil(button.isVisible)
    assert "your documents until" in main.page("overview").access_notice.text()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # "Alles opslaan": documents too
    documents = desktop.services.finance.overview.documents
    qtbot.waitUntil(lambda: len([p for p in folder.glob("*.pdf")
                                 if not p.name.startswith("Diary ")]) == len(documents),
                    timeout=20_000)
    saved = sorted(p.name for p in folder.glob("*.pdf"))
    assert any(name.startswith("Invoice ") for name in saved)
    assert any(name.startswith("Contract ") for name in saved)


def test_secondary_parent_is_told_who_can_see_the_documents(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, THOMAS, PASSWORD)
    page = open_finance(qtbot, desktop)
    assert desktop.services.finance.overview.access is FinanceAccess.PRIMARY_PARENT_ONLY
    assert page.secondary_note.isVisible()
    assert "Sanne de Vries" in page.secondary_note.text()
    assert "contact your childcare organisation" in page.secondary_note.text()
    visible = [page.tabs.tabText(i) for i in range(page.tabs.count())
               if page.tabs.isTabVisible(i)]
    assert visible == ["Rates"]
    assert page.tariffs_table.model().rowCount() >= 6  # KDV, BSO, peuteropvang for 2025, 2026
    assert not page.save_all_button.isVisible() and not page.open_button.isVisible()
    assert desktop.services.finance.overview.documents == ()


def test_a_cached_invoice_opens_with_the_server_stopped(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_finance(qtbot, desktop)
    qtbot.waitUntil(lambda: all_downloaded(desktop.services.finance), timeout=60_000)

    portal_server.stop()
    invoice = desktop.services.finance.overview.of_kind(DocumentKind.INVOICE)[-1]
    page.open_document(invoice)
    qtbot.waitUntil(lambda: page.viewer is not None and page.viewer.isVisible(),
                    timeout=20_000)
    assert page.viewer.page_count >= 1
    assert invoice.number in page.viewer.windowTitle()


def test_a_damaged_cached_invoice_is_downloaded_again_when_opened(qtbot, portal_server,
                                                                   make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_finance(qtbot, desktop)
    qtbot.waitUntil(lambda: all_downloaded(desktop.services.finance), timeout=60_000)
    invoice = desktop.services.finance.overview.of_kind(DocumentKind.INVOICE)[0]
    cached = desktop.services.finance.local_path(invoice)
    cached.write_bytes(b"\0" * invoice.size)  # as a power failure might leave it

    page.open_document(invoice)
    qtbot.waitUntil(lambda: page.viewer is not None and page.viewer.isVisible(),
                    timeout=20_000)
    assert page.viewer.page_count >= 1
    assert hashlib.sha256(page.viewer.path.read_bytes()).hexdigest() == invoice.sha256


def test_a_shared_pc_keeps_no_documents_after_logout(qtbot, portal_server, make_app,
                                                     desktop_data):
    desktop = make_app(portal_server.url, shared_pc=True)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    open_finance(qtbot, desktop)
    qtbot.waitUntil(lambda: all_downloaded(desktop.services.finance), timeout=60_000)
    assert list((desktop_data / "accounts").rglob("finance-*.pdf"))

    main = desktop.main_window
    main.findChild(QAction, "logout").trigger()
    qtbot.waitUntil(desktop.login_window.isVisible)
    assert list((desktop_data / "accounts").rglob("*.pdf")) == []


class CutDownloads(httpx.AsyncBaseTransport):
    """The real network, except that the first document download stops halfway, as when the
    app is killed or the connection drops; every request's ``Range`` header is recorded."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.cut: str | None = None
        self.ranges: dict[str, list[str | None]] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        is_document = "/finance/documents/" in path
        if is_document:
            self.ranges.setdefault(path, []).append(request.headers.get("range"))
        response = await self._inner.handle_async_request(request)
        if not is_document or self.cut not in (None, path):
            return response
        self.cut = path
        body = await response.aread()
        half = body[: len(body) // 2]

        class Half(httpx.AsyncByteStream):
            async def __aiter__(self):
                yield half
                raise httpx.ReadError("connection lost halfway", request=request)

        headers = [(k, v) for k, v in response.headers.items() if k.lower() != "content-length"]
        return httpx.Response(response.status_code, headers=headers, stream=Half(),
                              request=request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def test_an_interrupted_download_resumes_with_range_and_verifies(qtbot, qapp, portal_server,
                                                                 tmp_path, run):
    data = tmp_path / "desktop"
    crashes: list = []

    def start(transport) -> tuple[SessionService, FinanceService]:
        clients = ClientFactory(language="en", max_retries=0, transport=transport)
        session = SessionService(data, clients=clients, app=qapp, on_crash=crashes.append)
        return session, FinanceService(session, on_crash=crashes.append)

    cutting = CutDownloads()
    session, finance = start(cutting)
    with qtbot.waitSignal(finance.overviewChanged, timeout=20_000):
        session.login(portal_server.url, SANNE, PASSWORD, False)
    qtbot.waitUntil(lambda: cutting.cut is not None and not finance.syncing, timeout=60_000)
    cut = next(d for d in finance.overview.documents if d.url.endswith(cutting.cut))
    blobs = session.cache.blobs
    received = blobs.partial_size(cut.blob_name)
    assert 0 < received < cut.size  # half of it kept…
    assert blobs.path(cut.blob_name) is None  # …but never under the final name
    run(finance.aclose())
    session.set_keep_offline_copy(True)  # this parent keeps the copy (Account page)
    run(session.aclose())  # the app is closed

    recording = CutDownloads()
    recording.cut = "nothing to cut"
    again, finance = start(recording)
    with qtbot.waitSignal(again.loggedIn, timeout=20_000):
        again.login(portal_server.url, SANNE, PASSWORD, False)
    qtbot.waitUntil(lambda: all_downloaded(finance), timeout=60_000)
    assert recording.ranges[cutting.cut] == [f"bytes={received}-"]
    path = finance.local_path(cut)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == cut.sha256
    assert path.stat().st_size == cut.size
    run(finance.aclose())
    run(again.aclose())
    assert not crashes
