"""A finance PDF inside the app: pages, zoom, "Opslaan als…", "Afdrukken", "Openen met…".

The viewer only ever shows the verified cached file, so it works offline. Printing renders each
page with ``QPdfDocument.render`` at the printer's resolution. The Financieel page keeps one
viewer and shows each document the parent opens in it (:meth:`PdfViewer.show_document`): a new
window per document cost memory for as long as the page lived.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.shared.system_viewer import has_program_for
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import announce, link
from desktop.views.shared.windows import fit_to_screen

__all__ = ["PdfViewer"]

_ZOOM_STEP = 1.25


class PdfViewer(SessionDialog):
    """Shows a PDF file, one at a time. ``save_copy(target) -> message | None`` writes
    "Opslaan als…" for the document on screen; ``open_copy() -> path | message`` makes the
    copy "Openen met…" hands to the system, under a readable name (default: the shown file
    itself)."""

    def __init__(self, path: Path, title: str, suggested_name: str,
                 save_copy: Callable[[Path], str | None], parent: QWidget | None = None, *,
                 open_copy: Callable[[], Path | str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        fit_to_screen(self, 860, 900)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)

        self.previous_button = self._button(self.tr("Previous page"), "◀", self.previous_page,
                                            QKeySequence.StandardKey.MoveToPreviousPage)
        self.page_box = QSpinBox(self)
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.setMinimum(1)
        self.page_box.valueChanged.connect(lambda page: self.go_to_page(page - 1))
        self.page_count_label = QLabel(self)
        self.next_button = self._button(self.tr("Next page"), "▶", self.next_page,
                                        QKeySequence.StandardKey.MoveToNextPage)
        self.zoom_out_button = self._button(self.tr("Zoom out"), "−", self.zoom_out,
                                            QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._button(self.tr("Zoom in"), "+", self.zoom_in,
                                           QKeySequence.StandardKey.ZoomIn)
        self.fit_button = self._button(self.tr("Fit to width"), self.tr("Fit"), self.fit_width)
        self.save_button = self._button(self.tr("Save as…"), self.tr("Save as…"), self.save_as,
                                        QKeySequence.StandardKey.Save)
        self.print_button = self._button(self.tr("Print"), self.tr("Print"), self.print_document,
                                         QKeySequence.StandardKey.Print)
        self.open_with_button = self._button(self.tr("Open with the system's PDF viewer"),
                                             self.tr("Open with…"), self.open_with)

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page_box, self.page_count_label,
                       self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.save_button, self.print_button, self.open_with_button):
            bar.addWidget(widget)
        # Where "Opslaan als…" put the file, or why "Openen met…" could not open it.
        self.notice = QLabel("", self)
        self.notice.setObjectName("viewerNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setOpenExternalLinks(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.notice.hide()
        self.problem = QLabel(self.tr(
            "This document could not be shown. Try “Open with…” to use another PDF "
            "program, or “Save as…” to keep the file."), self)
        self.problem.setObjectName("pdfProblem")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.problem)
        layout.addWidget(self.view, 1)

        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.finished.connect(self._closed)
        self.show_document(path, title, suggested_name, save_copy, open_copy=open_copy)

    def show_document(self, path: Path, title: str, suggested_name: str,
                      save_copy: Callable[[Path], str | None], *,
                      open_copy: Callable[[], Path | str] | None = None) -> None:
        """Show the file at ``path`` instead of the one before, from its first page."""
        self.path = Path(path)
        self._suggested_name = suggested_name
        self._save_copy = save_copy
        self._open_copy = open_copy or (lambda: self.path)
        self.notice.hide()  # it was about the document before
        self.setWindowTitle(title)
        self.view.setAccessibleName(title)
        self.document.close()
        self.error = self.document.load(str(self.path))
        self.problem.setVisible(self.error != QPdfDocument.Error.None_)
        count = self.document.pageCount()
        self.page_box.setMaximum(max(1, count))
        self.page_count_label.setText(self.tr("of {count}").format(count=count))
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().jump(0, QPointF())
        self._page_changed(0)

    def _closed(self, _result: int) -> None:
        # Closed, the viewer is only hidden until the next document: free this one's pages.
        self.document.close()

    def _button(self, tip: str, text: str, slot: Callable[[], None],
                shortcut: QKeySequence.StandardKey | None = None) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        if shortcut is not None:
            button.setShortcut(QKeySequence(shortcut))
        return button

    # --- navigation and zoom ------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.page_count and page != self.current_page:
            self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def zoom_in(self) -> None:
        self._zoom(self.view.zoomFactor() * _ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(self.view.zoomFactor() / _ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(8.0, max(0.25, factor)))

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < self.page_count)

    # --- save, print, open with ---------------------------------------------------------------

    def save_as(self) -> None:
        start = str(Path.home() / self._suggested_name)
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save document"), start, self.tr("PDF documents (*.pdf)"))
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> bool:
        """Write a copy to ``target`` (the file dialog already asked about overwriting) and
        say where it went, with a link to the folder."""
        message = self._save_copy(target)
        if message is not None:
            QMessageBox.warning(self, self.tr("Not saved"), message)
            return False
        folder = QUrl.fromLocalFile(str(Path(target).parent)).toString()
        self._show_notice(self.tr("Saved as {path}. {open_folder}").format(
            path=escape(str(target)), open_folder=link(folder, self.tr("Open the folder"))))
        return True

    def _show_notice(self, html: str) -> None:
        self.notice.setText(html)
        self.notice.setAccessibleName(self.notice.text())
        self.notice.show()
        announce(self.notice)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render the chosen pages on ``printer``; answers how many pages were printed."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            first, last = 1, self.page_count
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Not printed"),
                                self.tr("The printer could not be started."))
            return 0
        printed = 0
        try:
            dpi = printer.resolution()
            for page in range(first - 1, min(last, self.page_count)):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
                image = self.document.render(page, size)
                target = painter.viewport()
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(
                    scaled, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
                printed += 1
        finally:
            painter.end()
        return printed

    def open_with(self) -> bool:
        """Hand a copy with a readable name to the system's PDF program; say so when there is
        none (or the copy could not be made)."""
        copy = self._open_copy()
        if isinstance(copy, str):
            QMessageBox.warning(self, self.tr("Not opened"), copy)
            return False
        if not has_program_for("application/pdf") or \
                not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            QMessageBox.information(self, self.tr("No PDF viewer"), self.tr(
                "This computer has no program for PDF files. Use “Save as…” and open the file "
                "with a program of your choice."))
            return False
        return True
