"""The blob store interface every backend implements (files on disk; S3-compatible next)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

# Lower-case path segments: the same key is a valid file path on every OS and a valid S3 key.
_KEY = re.compile(r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")
MAX_KEY_LENGTH = 300


class BlobMissing(LookupError):
    """No blob under that key."""


def check_key(key: str) -> str:
    """`key` when it is a valid blob key ("finance/ab12….pdf"); ValueError otherwise. Keys never
    come from a request, but a backend must not be talked into writing outside its root."""
    if len(key) > MAX_KEY_LENGTH or not _KEY.match(key) or ".." in key:
        raise ValueError(f"not a blob key: {key!r}")
    return key


@dataclass(frozen=True)
class BlobInfo:
    """What `put` stored: the key, the size in bytes and the SHA-256 of exactly those bytes."""

    key: str
    size: int
    sha256: str

    @property
    def etag(self) -> str:
        """The strong HTTP entity tag of the bytes: their SHA-256, quoted."""
        return f'"{self.sha256}"'


class BlobStore(Protocol):
    """Immutable blobs by key. Writing a key again replaces its bytes as a whole (readers see
    the old or the new bytes, never a mix); callers that need versions put each under its own
    key (content-addressed: the SHA-256 in the key)."""

    async def put(self, key: str, data: bytes) -> BlobInfo:
        """Store `data` under `key` durably before returning. Raises OSError (for example
        ENOSPC, disk full) when it could not; nothing half-written is left under the key."""
        ...

    async def open(self, key: str, first: int = 0, last: int | None = None
                   ) -> AsyncIterator[bytes]:
        """The bytes `first`..`last` (inclusive; `last` None: to the end) as chunks. Raises
        BlobMissing before the first chunk when there is no such blob."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the blob; a missing one is not an error."""
        ...

    async def exists(self, key: str) -> bool:
        ...
