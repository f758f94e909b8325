"""Blobs — finance PDFs today, photos and message attachments next — behind one interface.

`BlobStore` (server.blobs.store) is what the features use: put bytes under a key (SHA-256,
size and ETag come back), read them back whole or as a byte range, delete, ask whether a key
exists. `DiskBlobStore` keeps them as files under the data directory (the default, one machine);
`S3BlobStore` (server.blobs.s3) in an S3-compatible object store for several machines; the
settings pick one in `create_blob_store`. `server.blobs.http` serves a blob with ETag, 304
and Range.
"""

from __future__ import annotations

from server.blobs.disk import DiskBlobStore
from server.blobs.store import BlobInfo, BlobMissing, BlobStore, check_key
from server.config import Settings

__all__ = ["BlobInfo", "BlobMissing", "BlobStore", "DiskBlobStore", "check_key",
           "create_blob_store"]


def create_blob_store(settings: Settings) -> BlobStore:
    """The blob store the settings ask for: files under `<data dir>/blobs` (the default), or
    an S3-compatible object store (`OUDERPORTAAL_BLOB_STORE=s3`, README "Blob storage")."""
    if settings.blob_store == "s3":
        from server.blobs.s3 import S3BlobStore, S3Location

        assert settings.s3_bucket is not None  # Settings.validate
        return S3BlobStore(S3Location(
            bucket=settings.s3_bucket, prefix=settings.s3_prefix,
            endpoint_url=settings.s3_endpoint_url, region=settings.s3_region,
            access_key_id=settings.s3_access_key_id,
            secret_access_key=settings.s3_secret_access_key))
    return DiskBlobStore(settings.blob_dir)
