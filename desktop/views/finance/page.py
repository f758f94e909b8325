"""The Financieel section: tabs Facturen, Jaaropgaven, Contracten and Tarieven, a year filter,
opening a document in the app, and "Alles opslaan"; a secondary parent sees why not instead."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.finance import (
    DocumentKind,
    FinanceAccess,
    FinanceDocument,
    FinanceDocumentsModel,
    FinanceOverview,
    TariffsModel,
    YearFilterModel,
)
from desktop.services.finance.save_all import SaveAllJob, readable_name
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.row_table import row_table
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.finance.service import FinanceService
    from desktop.views.finance.viewer import PdfViewer

__all__ = ["FinancePage"]

# Columns each kind of document leaves out (they do not apply to it).
_HIDDEN = {
    DocumentKind.INVOICE: (FinanceDocumentsModel.CHILD,),
    DocumentKind.JAAROPGAVE: (FinanceDocumentsModel.STATUS,),
    DocumentKind.CONTRACT: (FinanceDocumentsModel.AMOUNT, FinanceDocumentsModel.STATUS),
}


class FinancePage(QWidget):
    """Shows the finance overview of :class:`FinanceService`; opens documents in a viewer.

    Signal: ``notice(message, tone)`` — the outcome of "Alles opslaan" for the message bar;
    tone "info" when it went well, "warning" when something could not be saved.
    """

    notice = Signal(str, str)

    def __init__(self, finance: FinanceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financePage")
        self._finance = finance
        self._waiting_for: str | None = None
        self._messages: MessageBar | None = None
        self.viewer: PdfViewer | None = None

        title = mark(QLabel(self.tr("Finance"), self), "heading")
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.setAccessibleName(self.tr("Year"))
        self.year_filter.currentIndexChanged.connect(self._year_chosen)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("openDocument")
        self.open_button.clicked.connect(self.open_selected)
        self.save_all_button = QPushButton(self.tr("Save all…"), self)
        self.save_all_button.setObjectName("saveAll")
        self.save_all_button.setToolTip(self.tr(
            "Save every invoice, annual statement and contract to a folder. Keep them: the tax "
            "office may ask for them for at least 5 years."))
        self.save_all_button.clicked.connect(self.save_all)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(QLabel(self.tr("Year:"), self))
        header.addWidget(self.year_filter)
        header.addWidget(self.open_button)
        header.addWidget(self.save_all_button)

        self.models: dict[DocumentKind, FinanceDocumentsModel] = {}
        self.proxies: list[YearFilterModel] = []
        self.tables: dict[DocumentKind, QTableView] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("financeTabs")
        labels = {DocumentKind.INVOICE: self.tr("Invoices"),
                  DocumentKind.JAAROPGAVE: self.tr("Annual statements"),
                  DocumentKind.CONTRACT: self.tr("Contracts")}
        for kind, label in labels.items():
            model = FinanceDocumentsModel(kind, self._is_cached, self)
            table = self._table(model, _HIDDEN[kind], label)
            table.doubleClicked.connect(self._activated)
            table.activated.connect(self._activated)
            self.models[kind] = model
            self.tables[kind] = table
            self.tabs.addTab(table, label)
        self.tariffs = TariffsModel(self)
        self.tariffs_table = self._table(self.tariffs, (), self.tr("Rates"))
        self.tabs.addTab(self.tariffs_table, self.tr("Rates"))
        self.tabs.currentChanged.connect(self._update_buttons)

        self.secondary_note = mark(QLabel(self), "muted")
        self.secondary_note.setObjectName("secondaryParentNote")
        self.secondary_note.setWordWrap(True)
        self.secondary_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.secondary_note.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.secondary_note.hide()

        # Instead of empty tables before the first list arrived: loading, or why not.
        self.waiting_note = mark(QLabel(self), "muted")
        self.waiting_note.setObjectName("financeWaiting")
        self.waiting_note.setWordWrap(True)
        self.waiting_note.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.secondary_note)
        layout.addWidget(self.waiting_note)
        layout.addWidget(self.tabs, 1)

        finance.overviewChanged.connect(self.set_overview)
        finance.documentsChanged.connect(self._documents_changed)
        finance.documentReady.connect(self._document_ready)
        finance.problem.connect(self._show_waiting)
        self.set_overview(finance.overview)

    @classmethod
    def from_context(cls, context: PageContext) -> FinancePage:
        """The page of the "finance" section; the outcome of "Alles opslaan" goes to the
        window's message bar (the service's problems and progress: ``FinanceNotices``)."""
        page = cls(context.services.finance, context.parent)
        page._messages = context.messages
        page.notice.connect(page._notice)
        return page

    def _notice(self, text: str, tone: str) -> None:
        if self._messages is not None:
            self._messages.show_message(text, source="finance-notice", tone=tone)

    def _table(self, model, hidden: tuple[int, ...], name: str) -> QTableView:
        proxy = YearFilterModel(self)
        proxy.setSourceModel(model)
        self.proxies.append(proxy)
        table = row_table(proxy, self, accessible_name=name)
        table.setSortingEnabled(True)
        table.sortByColumn(1 if isinstance(model, FinanceDocumentsModel) else 0,
                           Qt.SortOrder.DescendingOrder)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in hidden:
            table.setColumnHidden(column, True)
        return table

    # --- state --------------------------------------------------------------------------------

    def activate(self, intent: Intent | None = None) -> None:
        """The section became visible: make sure the list is current."""
        if self._finance.overview is None and not self._finance.syncing:
            self._finance.refresh()
        self._show_waiting()

    def _show_waiting(self, *_args: object) -> None:
        overview = self._finance.overview
        if overview is not None:
            granted = overview.access is FinanceAccess.GRANTED
            if granted and overview.preparing:
                text = self.tr("New invoices, annual statements or contracts are being "
                               "prepared. They appear here in a moment.")
            elif granted and not overview.documents:
                text = self.tr("There are no invoices, annual statements or contracts yet. "
                               "The first invoice appears after your first month of care.")
            else:
                text = ""
            self.waiting_note.setText(text)
            self.waiting_note.setVisible(bool(text))
            return
        if self._finance.syncing:
            text = self.tr("Loading your invoices, annual statements and contracts…")
        else:
            text = self.tr("Your invoices, annual statements and contracts have not been "
                           "loaded yet. They appear as soon as the portal can be reached.")
        self.waiting_note.setText(text)
        self.waiting_note.show()

    def set_overview(self, overview: FinanceOverview | None) -> None:
        for model in self.models.values():
            model.set_overview(overview)
        self.tariffs.set_overview(overview)
        restricted = overview is not None and overview.access is not FinanceAccess.GRANTED
        if restricted:
            self.secondary_note.setText(self._restricted_text(overview))
        self.secondary_note.setVisible(restricted)
        # Tariffs are public: a secondary parent keeps that tab, the documents' tabs go.
        for table in self.tables.values():
            self.tabs.setTabVisible(self.tabs.indexOf(table), not restricted)
        if restricted:
            self.tabs.setCurrentWidget(self.tariffs_table)
        self._fill_years()
        self._update_buttons()
        self._show_waiting()

    def _restricted_text(self, overview: FinanceOverview) -> str:
        name = overview.primary_parent_name or self.tr("the first parent or carer")
        return self.tr(
            "Invoices, annual statements and contracts can only be seen by the person "
            "registered as the first parent or carer of your family: {name}.\n\n"
            "Ask {name} to save or share them with you. Should you be the first parent or "
            "carer instead, contact your childcare organisation to change the registration."
        ).format(name=name)

    def _fill_years(self) -> None:
        chosen = self.year_filter.currentData()
        years = sorted({y for m in self.models.values() for y in m.years()}
                       | set(self.tariffs.years()), reverse=True)
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), None)
        for year in years:
            self.year_filter.addItem(str(year), year)
        index = self.year_filter.findData(chosen) if chosen is not None else 0
        self.year_filter.setCurrentIndex(max(0, index))
        self.year_filter.blockSignals(False)
        self._year_chosen()

    def _year_chosen(self, *_args: object) -> None:
        year = self.year_filter.currentData()
        for proxy in self.proxies:
            proxy.set_year(year)

    def _update_buttons(self, *_args: object) -> None:
        overview = self._finance.overview
        granted = overview is not None and overview.access is FinanceAccess.GRANTED
        self.open_button.setEnabled(granted and self.tabs.currentWidget() in self.tables.values())
        self.save_all_button.setEnabled(granted and bool(overview.documents))
        # A secondary parent can never use them: hidden rather than greyed out.
        restricted = overview is not None and not granted
        self.open_button.setHidden(restricted)
        self.save_all_button.setHidden(restricted)
        self.year_filter.setEnabled(granted or bool(self.tariffs.rowCount()))

    def _is_cached(self, document: FinanceDocument) -> bool:
        return self._finance.local_path(document) is not None

    def _documents_changed(self) -> None:
        for model in self.models.values():
            model.refresh_offline()

    # --- opening ------------------------------------------------------------------------------

    def selected_document(self) -> FinanceDocument | None:
        table = self.tabs.currentWidget()
        if not isinstance(table, QTableView) or table is self.tariffs_table:
            return None
        index = table.currentIndex()
        if not index.isValid():
            index = table.model().index(0, 0)
        return index.data(FinanceDocumentsModel.Role.Document) if index.isValid() else None

    def open_selected(self) -> None:
        document = self.selected_document()
        if document is not None:
            self.open_document(document)

    def _activated(self, index: QModelIndex) -> None:
        document = index.data(FinanceDocumentsModel.Role.Document)
        if document is not None:
            self.open_document(document)

    def open_document(self, document: FinanceDocument) -> None:
        """Show ``document`` in the viewer (downloaded first when it is not cached yet)."""
        self._waiting_for = document.id
        self._finance.fetch(document)

    def _document_ready(self, document_id: str, path: str) -> None:
        if document_id != self._waiting_for or self._finance.overview is None:
            return
        self._waiting_for = None
        document = next((d for d in self._finance.overview.documents if d.id == document_id),
                        None)
        if document is None:
            return
        name = readable_name(document)
        title = name.removesuffix(".pdf")

        def save_copy(target: Path) -> str | None:
            return self._finance.save_copy(document, target)

        def open_copy() -> Path | str:
            return self._finance.readable_copy(document, name)

        if self.viewer is None:
            # Imported with the first document: QtPdf is not needed before.
            from desktop.views.finance.viewer import PdfViewer

            self.viewer = PdfViewer(Path(path), title, name, save_copy, self,
                                    open_copy=open_copy)
        else:
            self.viewer.show_document(Path(path), title, name, save_copy, open_copy=open_copy)
        self.viewer.show()

    # --- save all -----------------------------------------------------------------------------

    def save_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save all documents to…"),
                                                  str(Path.home()))
        if folder:
            self.save_all_to(Path(folder))

    def save_all_to(self, folder: Path) -> SaveAllJob | None:
        """Copy every document to ``folder`` with a cancellable progress dialog."""
        overview = self._finance.overview
        if overview is None:
            return None
        job = SaveAllJob(list(overview.documents), folder, self._finance.verified_path)
        progress = QProgressDialog(self.tr("Saving documents…"), self.tr("Cancel"), 0,
                                   job.total, self)
        progress.setObjectName("saveAllProgress")
        progress.setWindowTitle(self.tr("Save all"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        self.save_job = job
        self.save_progress = progress

        def step() -> None:
            if progress.wasCanceled():
                self._save_all_ended(job, cancelled=True)
                return
            message = job.save_next()
            progress.setValue(job.done)
            if message is not None:
                progress.close()
                self.notice.emit(message, "warning")
                return
            if job.finished:
                self._save_all_ended(job, cancelled=False)
                return
            QTimer.singleShot(0, progress, step)

        # with the dialog as context: a page closed mid-save stops the steps with it
        QTimer.singleShot(0, progress, step)
        return job

    def _save_all_ended(self, job: SaveAllJob, *, cancelled: bool) -> None:
        self.save_progress.close()
        if cancelled:
            text = self.tr("Stopped: {saved} of {total} documents were saved in {folder}.")
        else:
            text = self.tr("{saved} of {total} documents were saved in {folder}.")
        text = text.format(saved=len(job.saved), total=job.total, folder=job.folder)
        if job.skipped:
            text += " " + self.tr("{count} documents are not on this computer yet; they will "
                                  "be downloaded when you are online.").format(
                                      count=len(job.skipped))
        self.notice.emit(text, "info")
