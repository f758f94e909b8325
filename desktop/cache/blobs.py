"""Blob files (photos, PDFs) written atomically and verified against the server's SHA-256.

A blob only ever appears under its final name complete and verified: data goes to a temporary
file in the same folder, is checked, and then renamed over the final name in one step.
Interrupted downloads are kept as ``<name>.part`` so they can resume where they stopped.

:meth:`BlobStore.write` also flushes the file to disk before the rename. A resumed download
(:meth:`BlobStore.finish_partial`) does not: it fills a cache of what the server keeps, and an
fsync per file was most of the time of a sync (1–20 ms each, hundreds of files). What a power
failure could leave behind instead is caught when the file is used: :meth:`BlobStore.path`
with the expected size, and :meth:`BlobStore.verified` before a file is shown or copied, which
removes a damaged file so it is downloaded again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from desktop.cache.disk import fsync_directory, writing
from desktop.cache.paths import private_folder

__all__ = ["BlobCorrupt", "BlobError", "BlobStore"]

_PARTIAL_SUFFIX = ".part"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}$")
_CHUNK = 1024 * 1024


class BlobError(Exception):
    """Base of the blob store's errors."""


class BlobCorrupt(BlobError):
    """The data does not match the expected SHA-256; nothing was kept under the final name."""


def _write_chunk(fd: int, data: bytes) -> None:
    """Write all of ``data``; a separate function so tests can simulate a full disk."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class BlobStore:
    """Verified blob files in one folder, named by the caller (e.g. ``photo-123.jpg``)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    # --- complete blobs -----------------------------------------------------------------------

    def path(self, name: str, size: int | None = None) -> Path | None:
        """The file of a complete blob (of ``size`` bytes when given), or None when it is not
        (yet) stored."""
        target = self._target(name)
        try:
            stored = target.stat().st_size
        except (FileNotFoundError, NotADirectoryError):
            return None
        return target if size is None or stored == size else None

    def verified(self, name: str, sha256: str) -> Path | None:
        """The blob's file if its bytes still match ``sha256``; a damaged file is removed (and
        None answered) so that it is downloaded again."""
        target = self._target(name)
        digest = hashlib.sha256()
        try:
            with open(target, "rb") as handle:
                while block := handle.read(_CHUNK):
                    digest.update(block)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None
        if digest.hexdigest() == sha256.lower():
            return target
        with contextlib.suppress(OSError):  # e.g. open elsewhere on Windows: replaced later
            target.unlink(missing_ok=True)
        return None

    def write(self, name: str, chunks: Iterable[bytes], sha256: str) -> Path:
        """Store ``chunks`` under ``name`` if their SHA-256 equals ``sha256``.

        Raises :class:`BlobCorrupt` on a mismatch and :class:`DiskProblem` when the disk
        refuses (full, no permission, read-only); in every case no file is left behind.
        """
        target = self._target(name)
        with writing(target):
            private_folder(self.directory)
            fd, temp_name = tempfile.mkstemp(dir=self.directory, prefix=f".{name}.",
                                             suffix=".tmp")
        temp = Path(temp_name)
        try:
            digest = hashlib.sha256()
            try:
                for chunk in chunks:  # the caller's: its failures are its own, not the disk's
                    digest.update(chunk)
                    with writing(target):
                        _write_chunk(fd, chunk)
                with writing(target):
                    os.fsync(fd)
            finally:
                os.close(fd)
            if digest.hexdigest() != sha256.lower():
                raise BlobCorrupt(f"{name}: SHA-256 mismatch")
            with writing(target):
                os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        with writing(target):
            fsync_directory(self.directory)
        return target

    def delete(self, name: str) -> None:
        """Remove a blob and any unfinished download of it (missing is fine)."""
        self._target(name).unlink(missing_ok=True)
        self._partial(name).unlink(missing_ok=True)

    # --- resumable downloads ------------------------------------------------------------------

    def partial_size(self, name: str) -> int:
        """Bytes already downloaded for ``name`` (ask the server for the rest with a Range)."""
        try:
            return self._partial(name).stat().st_size
        except FileNotFoundError:
            return 0

    def append_partial(self, name: str, chunk: bytes) -> None:
        """Add ``chunk`` to the unfinished download; when the disk refuses (a
        :class:`DiskProblem`) the chunk is not kept."""
        partial = self._partial(name)
        with writing(partial):
            private_folder(self.directory)
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_APPEND
                         | getattr(os, "O_BINARY", 0), 0o600)
            try:
                size_before = os.fstat(fd).st_size
                try:
                    _write_chunk(fd, chunk)
                except OSError:
                    # Never keep half a chunk: the resume offset must match what was received.
                    os.ftruncate(fd, size_before)
                    raise
            finally:
                os.close(fd)

    def finish_partial(self, name: str, sha256: str) -> Path:
        """Verify the complete download and move it to its final name (not flushed to disk:
        see the module's docstring).

        A mismatch deletes the unfinished file (it cannot be repaired by resuming) and raises
        :class:`BlobCorrupt`.
        """
        partial = self._partial(name)
        target = self._target(name)
        digest = hashlib.sha256()
        with open(partial, "rb") as handle:
            while block := handle.read(_CHUNK):
                digest.update(block)
        if digest.hexdigest() != sha256.lower():
            partial.unlink(missing_ok=True)
            raise BlobCorrupt(f"{name}: SHA-256 mismatch")
        with writing(target):
            os.replace(partial, target)
        return target

    def discard_partial(self, name: str) -> None:
        self._partial(name).unlink(missing_ok=True)

    # --- names --------------------------------------------------------------------------------

    def _target(self, name: str) -> Path:
        if not _SAFE_NAME.match(name) or name.endswith((_PARTIAL_SUFFIX, ".tmp")):
            raise ValueError(f"unsafe blob name: {name!r}")
        return self.directory / name

    def _partial(self, name: str) -> Path:
        return self._target(name).with_name(name + _PARTIAL_SUFFIX)
