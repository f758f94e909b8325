""""Mijn gegevens downloaden" on the Account page (parents): everything the portal holds about
the family, as a ZIP saved to a file of the user's choice, with progress (docs/api.md,
"Download my data")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.theme import announce, mark

if TYPE_CHECKING:
    from desktop.services.personal_data import PersonalDataService

__all__ = ["DataDownloadPanel"]


class DataDownloadPanel(QWidget):
    def __init__(self, service: PersonalDataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataDownload")
        self._service = service
        title = mark(QLabel(self.tr("Your data"), self), "subheading")
        text = mark(QLabel(self.tr(
            "Download everything the portal keeps about your family: your details, the "
            "children, the planning, absences and requests, as a ZIP file with a summary."),
            self), "muted")
        text.setWordWrap(True)
        self.button = QPushButton(self.tr("Download my data…"), self)
        self.button.setObjectName("downloadMyData")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("downloadProgress")
        self.progress.hide()
        self.status = mark(QLabel("", self), "muted")
        self.status.setObjectName("downloadStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        # The button keeps its own width; the progress bar takes the rest while it shows.
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.button.clicked.connect(self.choose_file)
        service.downloadProgress.connect(self._progress)
        service.downloaded.connect(self._done)
        service.downloadFailed.connect(self._failed)

    @classmethod
    def from_context(cls, context: PageContext) -> DataDownloadPanel:
        return cls(context.services.personal_data, context.parent)

    def activate(self, intent: Intent | None = None) -> None:
        """Nothing to fetch until asked."""

    def choose_file(self) -> None:
        suggested = self.tr("my-data-{date}.zip").format(
            date=QDate.currentDate().toString("yyyy-MM-dd"))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save your data"), suggested, self.tr("ZIP files (*.zip)"))
        if path:
            self.download_to(Path(path))

    def download_to(self, path: Path) -> None:
        self.button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the size is known
        self.progress.show()
        self.status.setText(self.tr("Downloading…"))
        self._service.download(path)

    def _progress(self, received: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(received)
        self.status.setText(self.tr("Downloading… {size} kB").format(size=received // 1024))

    def _done(self, path: str) -> None:
        self.button.setEnabled(True)
        self.progress.hide()
        self.status.setText(self.tr("Saved to {file}.").format(file=path))
        announce(self.status)

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.progress.hide()
        self.status.setText(message)
        announce(self.status)
