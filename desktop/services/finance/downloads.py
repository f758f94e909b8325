"""Downloading finance PDFs into the blob store: resumable and verified, through the one
verified download of every blob (:mod:`desktop.services.shared.verified_download`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.api.finance.records import FinanceDocument
from desktop.cache.blobs import BlobStore
from desktop.services.shared.verified_download import CORRUPT_ATTEMPTS, download_verified

if TYPE_CHECKING:
    from desktop.api.client import PortalClient

__all__ = ["CORRUPT_ATTEMPTS", "download_document"]


async def download_document(client: PortalClient, blobs: BlobStore,
                            document: FinanceDocument) -> Path:
    """The verified local file of ``document`` (see :func:`download_verified`)."""
    return await download_verified(
        lambda offset: client.finance.document(document.url, offset), blobs,
        document.blob_name, document.size, document.sha256)
