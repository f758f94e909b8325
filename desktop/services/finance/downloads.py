"""Downloading finance PDFs into the blob store: resumable, verified, never half a file
(:func:`desktop.services.shared.blob_downloads.download_blob`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.api.finance.records import FinanceDocument
from desktop.cache.blobs import BlobStore
from desktop.services.shared.blob_downloads import CORRUPT_ATTEMPTS, download_blob

if TYPE_CHECKING:
    from desktop.api.client import PortalClient

__all__ = ["CORRUPT_ATTEMPTS", "download_document"]


async def download_document(client: PortalClient, blobs: BlobStore,
                            document: FinanceDocument) -> Path:
    """The verified local file of ``document``, downloading (or resuming) it when needed."""
    return await download_blob(blobs, document.blob_name, document.size, document.sha256,
                               lambda offset: client.finance.document(document.url, offset))
