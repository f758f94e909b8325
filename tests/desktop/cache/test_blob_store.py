"""Blob files appear complete and verified, or not at all."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from desktop.cache import blobs
from desktop.cache.blobs import BlobCorrupt, BlobStore
from desktop.cache.disk import DiskProblem, DiskTrouble

PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def chunks(data: bytes, size: int = 1000) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


def leftovers(store: BlobStore) -> list[str]:
    return sorted(p.name for p in store.directory.iterdir()) if store.directory.exists() else []


def test_written_blob_has_the_verified_content(store: BlobStore) -> None:
    path = store.write("photo-17.jpg", chunks(PHOTO), PHOTO_SHA)
    assert path.read_bytes() == PHOTO
    assert store.path("photo-17.jpg") == path
    assert leftovers(store) == ["photo-17.jpg"]


def test_sha256_comparison_ignores_hex_case(store: BlobStore) -> None:
    store.write("photo-17.jpg", [PHOTO], PHOTO_SHA.upper())
    assert store.path("photo-17.jpg") is not None


def test_unknown_blob_has_no_path(store: BlobStore) -> None:
    assert store.path("photo-99.jpg") is None


def test_mismatch_leaves_nothing_behind(store: BlobStore) -> None:
    with pytest.raises(BlobCorrupt):
        store.write("photo-17.jpg", chunks(PHOTO[:-1] + b"\x00"), PHOTO_SHA)
    assert store.path("photo-17.jpg") is None
    assert leftovers(store) == []


def test_mismatch_keeps_the_good_old_version(store: BlobStore) -> None:
    store.write("photo-17.jpg", [PHOTO], PHOTO_SHA)
    with pytest.raises(BlobCorrupt):
        store.write("photo-17.jpg", [b"truncated"], PHOTO_SHA)
    assert store.path("photo-17.jpg").read_bytes() == PHOTO


def test_failing_download_leaves_no_temp_file(store: BlobStore) -> None:
    def interrupted():
        yield PHOTO[:500]
        raise ConnectionResetError("connection lost")

    with pytest.raises(ConnectionResetError):
        store.write("photo-17.jpg", interrupted(), PHOTO_SHA)
    assert leftovers(store) == []


def test_full_disk_raises_disk_full_and_cleans_up(store: BlobStore, monkeypatch) -> None:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(blobs, "_write_chunk", full)
    with pytest.raises(DiskProblem) as caught:
        store.write("photo-17.jpg", chunks(PHOTO), PHOTO_SHA)
    assert caught.value.trouble is DiskTrouble.FULL
    assert caught.value.errno == errno.ENOSPC
    assert isinstance(caught.value, OSError)
    assert leftovers(store) == []


@pytest.mark.parametrize(("number", "trouble"), [
    (errno.EACCES, DiskTrouble.NO_PERMISSION), (errno.EPERM, DiskTrouble.NO_PERMISSION),
    (errno.EROFS, DiskTrouble.READ_ONLY), (errno.EIO, DiskTrouble.FAILED)])
def test_other_refusals_are_named_not_disguised_as_disk_full(
        store: BlobStore, monkeypatch, number: int, trouble: DiskTrouble) -> None:
    def refused(fd: int, data: bytes) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(blobs, "_write_chunk", refused)
    with pytest.raises(DiskProblem) as caught:
        store.write("photo-17.jpg", [PHOTO], PHOTO_SHA)
    assert caught.value.trouble is trouble
    assert leftovers(store) == []


def test_interrupted_download_resumes_where_it_stopped(store: BlobStore) -> None:
    first, rest = PHOTO[:3000], PHOTO[3000:]
    assert store.partial_size("photo-17.jpg") == 0
    for chunk in chunks(first):
        store.append_partial("photo-17.jpg", chunk)
    assert store.partial_size("photo-17.jpg") == 3000
    assert store.path("photo-17.jpg") is None  # unfinished downloads are not blobs

    # ...the app restarts; a new BlobStore over the same folder picks it up.
    resumed = BlobStore(store.directory)
    for chunk in chunks(rest):
        resumed.append_partial("photo-17.jpg", chunk)
    path = resumed.finish_partial("photo-17.jpg", PHOTO_SHA)

    assert path.read_bytes() == PHOTO
    assert resumed.partial_size("photo-17.jpg") == 0
    assert leftovers(resumed) == ["photo-17.jpg"]


def test_corrupt_resumed_download_is_discarded(store: BlobStore) -> None:
    store.append_partial("photo-17.jpg", PHOTO[:100])
    store.append_partial("photo-17.jpg", b"garbage from a broken proxy")
    with pytest.raises(BlobCorrupt):
        store.finish_partial("photo-17.jpg", PHOTO_SHA)
    assert store.partial_size("photo-17.jpg") == 0
    assert leftovers(store) == []


def test_full_disk_while_resuming_keeps_what_was_received(store: BlobStore, monkeypatch) -> None:
    store.append_partial("photo-17.jpg", PHOTO[:1000])
    real_write = blobs._write_chunk

    def half_then_full(fd: int, data: bytes) -> None:
        real_write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(blobs, "_write_chunk", half_then_full)
    with pytest.raises(DiskProblem):
        store.append_partial("photo-17.jpg", PHOTO[1000:2000])
    # Half a chunk is not kept: the resume offset must be what really arrived intact.
    assert store.partial_size("photo-17.jpg") == 1000


def test_delete_removes_blob_and_partial(store: BlobStore) -> None:
    store.write("photo-17.jpg", [PHOTO], PHOTO_SHA)
    store.append_partial("photo-17.jpg", b"abc")
    store.delete("photo-17.jpg")
    store.delete("photo-17.jpg")  # missing is fine
    assert leftovers(store) == []


@pytest.mark.parametrize(
    "name", ["../escape.jpg", "a/b.jpg", "", ".hidden", "x.part", "x.tmp", "a\\b.jpg"]
)
def test_unsafe_names_are_refused(store: BlobStore, name: str) -> None:
    with pytest.raises(ValueError):
        store.write(name, [PHOTO], PHOTO_SHA)
    with pytest.raises(ValueError):
        store.path(name)


def test_a_blob_of_the_wrong_size_counts_as_missing(store: BlobStore):
    store.write("photo-17.jpg", [PHOTO], PHOTO_SHA)
    assert store.path("photo-17.jpg", len(PHOTO)) is not None
    assert store.path("photo-17.jpg", len(PHOTO) + 1) is None  # e.g. cut short by a power failure


def test_a_damaged_blob_is_removed_when_it_is_verified(store: BlobStore):
    path = store.write("photo-17.jpg", [PHOTO], PHOTO_SHA)
    assert store.verified("photo-17.jpg", PHOTO_SHA) == path
    path.write_bytes(b"x" * len(PHOTO))
    assert store.verified("photo-17.jpg", PHOTO_SHA) is None
    assert not path.exists()  # so that it is downloaded again
    assert store.verified("photo-99.jpg", PHOTO_SHA) is None
