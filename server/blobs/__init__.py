"""Blobs — finance PDFs today, photos and message attachments next — behind one interface.

`BlobStore` (server.blobs.store) is what the features use: put bytes under a key (SHA-256,
size and ETag come back), read them back whole or as a byte range, delete, ask whether a key
exists. `DiskBlobStore` keeps them as files under the data directory (the default, one machine);
an S3-compatible store for several machines goes behind the same interface and is picked in
`create_blob_store`. `server.blobs.http` serves a blob with ETag, 304 and Range.
"""

from __future__ import annotations

from server.blobs.disk import DiskBlobStore
from server.blobs.store import BlobInfo, BlobMissing, BlobStore, check_key
from server.config import Settings

__all__ = ["BlobInfo", "BlobMissing", "BlobStore", "DiskBlobStore", "check_key",
           "create_blob_store"]


def create_blob_store(settings: Settings) -> BlobStore:
    """The blob store the settings ask for: files under `<data dir>/blobs`."""
    return DiskBlobStore(settings.blob_dir)
