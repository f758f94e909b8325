"""The blob store on disk: what a put returns describes exactly the bytes read back, whole or
as a range; a failed put leaves nothing under the key; keys cannot leave the store's folder."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from server.blobs import BlobMissing, DiskBlobStore
from server.blobs.disk import CHUNK

DATA = bytes(range(256)) * 1500  # 384,000 bytes: more than one chunk


async def read(store: DiskBlobStore, key: str, first: int = 0, last: int | None = None) -> bytes:
    return b"".join([chunk async for chunk in await store.open(key, first, last)])


async def test_a_put_returns_size_hash_and_etag_of_the_bytes_read_back(tmp_path: Path) -> None:
    store = DiskBlobStore(tmp_path)
    info = await store.put("finance/ab/report.pdf", DATA)
    digest = hashlib.sha256(DATA).hexdigest()
    assert (info.key, info.size, info.sha256, info.etag) == (
        "finance/ab/report.pdf", len(DATA), digest, f'"{digest}"')
    assert len(DATA) > CHUNK
    assert await read(store, info.key) == DATA
    assert await store.exists(info.key)


@pytest.mark.parametrize(("first", "last"), [(0, 0), (0, 999), (1000, None),
                                             (CHUNK - 1, CHUNK), (len(DATA) - 1, None)])
async def test_a_range_is_exactly_those_bytes(tmp_path: Path, first: int,
                                              last: int | None) -> None:
    store = DiskBlobStore(tmp_path)
    await store.put("photos/1.jpg", DATA)
    expected = DATA[first:] if last is None else DATA[first:last + 1]
    assert await read(store, "photos/1.jpg", first, last) == expected


async def test_writing_a_key_again_replaces_it_and_delete_removes_it(tmp_path: Path) -> None:
    store = DiskBlobStore(tmp_path)
    await store.put("a.pdf", b"old")
    await store.put("a.pdf", b"new bytes")
    assert await read(store, "a.pdf") == b"new bytes"
    await store.delete("a.pdf")
    assert not await store.exists("a.pdf")
    await store.delete("a.pdf")  # a missing blob is not an error
    with pytest.raises(BlobMissing):
        await store.open("a.pdf")


async def test_a_full_disk_leaves_the_old_blob_and_no_half_written_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DiskBlobStore(tmp_path)
    await store.put("a.pdf", b"old")

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as raised:
        await store.put("a.pdf", b"new bytes")
    assert raised.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert await read(store, "a.pdf") == b"old"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["a.pdf"]


@pytest.mark.parametrize("key", ["../outside.pdf", "/etc/passwd", "finance/../../x",
                                 "Finance/A.pdf", "", "a//b", "a/", ".hidden"])
async def test_a_key_cannot_name_a_file_outside_the_store(tmp_path: Path, key: str) -> None:
    store = DiskBlobStore(tmp_path / "blobs")
    with pytest.raises(ValueError):
        await store.put(key, b"x")
    assert not (tmp_path / "outside.pdf").exists()
