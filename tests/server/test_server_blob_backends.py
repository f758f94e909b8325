"""The same blob tests on both backends (docs/architecture.md, "Blobs"): files on disk and an
S3-compatible object store (moto's server, speaking the real protocol): what a put returns
describes exactly the bytes read back, whole or as a range; a missing key is `BlobMissing`
before any byte; delete and exists; and a photo served with Range from each store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from server.blobs import BlobMissing, BlobStore, DiskBlobStore
from server.blobs.s3 import CHUNK, S3BlobStore
from server.config import Settings

DATA = bytes(range(256)) * 2000  # 512,000 bytes: more than one chunk of either store
BACKENDS = ["disk", "s3"]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    if request.param == "disk":
        return DiskBlobStore(tmp_path / "blobs")
    return S3BlobStore(request.getfixturevalue("s3_bucket"))


async def read(store: BlobStore, key: str, first: int = 0, last: int | None = None) -> bytes:
    return b"".join([chunk async for chunk in await store.open(key, first, last)])


async def test_a_put_describes_the_bytes_read_back(store: BlobStore) -> None:
    info = await store.put("photos/ab/abc.jpg", DATA)
    assert (info.size, info.sha256) == (len(DATA), hashlib.sha256(DATA).hexdigest())
    assert len(DATA) > CHUNK
    assert await read(store, info.key) == DATA
    assert await store.exists(info.key)


@pytest.mark.parametrize(("first", "last"), [(0, 0), (0, 999), (1000, None),
                                             (CHUNK - 1, CHUNK), (len(DATA) - 1, None)])
async def test_a_range_is_exactly_those_bytes(store: BlobStore, first: int,
                                              last: int | None) -> None:
    await store.put("photos/1.jpg", DATA)
    expected = DATA[first:] if last is None else DATA[first:last + 1]
    assert await read(store, "photos/1.jpg", first, last) == expected


async def test_a_missing_blob_is_missing_before_any_byte(store: BlobStore) -> None:
    with pytest.raises(BlobMissing):
        await store.open("photos/none.jpg")
    assert not await store.exists("photos/none.jpg")


async def test_writing_again_replaces_and_delete_removes(store: BlobStore) -> None:
    await store.put("photos/2.jpg", DATA)
    await store.put("photos/2.jpg", b"new")
    assert await read(store, "photos/2.jpg") == b"new"
    await store.delete("photos/2.jpg")
    await store.delete("photos/2.jpg")  # gone already: fine
    assert not await store.exists("photos/2.jpg")


async def test_keys_cannot_leave_the_store(store: BlobStore) -> None:
    with pytest.raises(ValueError):
        await store.put("../outside", DATA)


def test_the_settings_pick_the_store(tmp_path: Path) -> None:
    from server.blobs import create_blob_store
    from server.config import sqlite_url

    disk = Settings(data_dir=tmp_path, database_url=sqlite_url(tmp_path))
    assert isinstance(create_blob_store(disk), DiskBlobStore)
    s3 = Settings.from_env({"OUDERPORTAAL_DATA_DIR": str(tmp_path),
                            "OUDERPORTAAL_BLOB_STORE": "s3", "OUDERPORTAAL_S3_BUCKET": "fotos",
                            "OUDERPORTAAL_S3_ENDPOINT_URL": "http://127.0.0.1:9000"})
    store = create_blob_store(s3)
    assert isinstance(store, S3BlobStore)
    assert (store.location.bucket, store.location.endpoint_url) == ("fotos",
                                                                    "http://127.0.0.1:9000")
    with pytest.raises(ValueError, match="OUDERPORTAAL_S3_BUCKET"):
        Settings.from_env({"OUDERPORTAAL_DATA_DIR": str(tmp_path),
                           "OUDERPORTAAL_BLOB_STORE": "s3"})
    with pytest.raises(ValueError, match="OUDERPORTAAL_BLOB_STORE"):
        Settings.from_env({"OUDERPORTAAL_DATA_DIR": str(tmp_path),
                           "OUDERPORTAAL_BLOB_STORE": "ftp"})
