""""Alles opslaan": every finance document into one folder, under names a person can read.

Names follow the document (``Factuur 2026-10 F2026-00123.pdf``, ``Jaaropgave 2025 Emma.pdf``,
``Contract Emma KDV.pdf``). An existing file is never overwritten: the copy gets `` (2)``,
`` (3)``… The job copies one document per :meth:`SaveAllJob.save_next` call so the view can
show progress and let the user cancel between two files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.api.finance.records import DocumentKind, FinanceDocument
from desktop.services.shared.files import copy_atomically, file_name_part, unused_path

__all__ = ["SaveAllJob", "readable_name", "unused_path"]


def readable_name(document: FinanceDocument) -> str:
    """The file name a parent would choose for ``document`` (without folder)."""
    if document.kind is DocumentKind.INVOICE:
        word = QCoreApplication.translate("FinanceSave", "Invoice")
        parts = [word, document.period, document.number]
    elif document.kind is DocumentKind.JAAROPGAVE:
        word = QCoreApplication.translate("FinanceSave", "Annual statement")
        parts = [word, str(document.year), document.child_name or ""]
    else:
        word = QCoreApplication.translate("FinanceSave", "Contract")
        parts = [word, document.child_name or "", document.care_type or "",
                 document.number if not document.child_name else ""]
    stem = file_name_part(" ".join(p.strip() for p in parts if p and p.strip())) or document.id
    return stem + ".pdf"


class SaveAllJob:
    """Copies cached documents to ``folder``, one per :meth:`save_next`.

    ``local_path`` answers where a document is cached (None: not downloaded, it is skipped and
    listed in :attr:`skipped`). :attr:`saved` lists the files written.
    """

    def __init__(self, documents: list[FinanceDocument], folder: Path,
                 local_path: Callable[[FinanceDocument], Path | None]) -> None:
        self.folder = Path(folder)
        self._pending = list(documents)
        self._local_path = local_path
        self._taken: set[str] = set()
        self.total = len(documents)
        self.saved: list[Path] = []
        self.skipped: list[FinanceDocument] = []

    @property
    def done(self) -> int:
        return self.total - len(self._pending)

    @property
    def finished(self) -> bool:
        return not self._pending

    def save_next(self) -> str | None:
        """Copy the next document; a translated message when writing failed (stop then)."""
        if not self._pending:
            return None
        document = self._pending[0]
        source = self._local_path(document)
        if source is None:
            self._pending.pop(0)
            self.skipped.append(document)
            return None
        target = unused_path(self.folder, readable_name(document), self._taken)
        error = copy_atomically(source, target)
        if error is not None:
            return error  # the document stays pending: nothing was lost, the user may retry
        self._pending.pop(0)
        self._taken.add(target.name.lower())
        self.saved.append(target)
        return None
