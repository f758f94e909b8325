"""Blobs in an S3-compatible object store (AWS S3, MinIO, Ceph, …): for several server
machines that share one store. Configured by environment (README, "Blob storage").

Each call opens a client from one `aioboto3.Session` (connection pools are per client; the
store is used for a few large objects per request, not many small ones). A put sends the bytes
with their MD5, so the store refuses anything damaged on the way; S3 writes an object as a
whole, so a reader sees the old or the new bytes, never a mix. A range is one ranged GET,
streamed.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from server.blobs.store import BlobInfo, BlobMissing, check_key

CHUNK = 256 * 1024
_MISSING = {"NoSuchKey", "404", "NotFound"}


@dataclass(frozen=True)
class S3Location:
    """Where the blobs live: the bucket, an optional key prefix, and how to reach the store
    (``endpoint_url`` None: AWS itself; credentials None: boto's usual chain)."""

    bucket: str
    prefix: str = ""
    endpoint_url: str | None = None
    region: str | None = None
    access_key_id: str | None = None
    secret_access_key: str | None = None


class S3BlobStore:
    """`server.blobs.store.BlobStore` on an S3-compatible object store."""

    def __init__(self, location: S3Location) -> None:
        import aioboto3  # only a server configured for S3 loads it

        self.location = location
        self._session = aioboto3.Session(
            aws_access_key_id=location.access_key_id,
            aws_secret_access_key=location.secret_access_key,
            region_name=location.region)

    def _client(self) -> Any:
        return self._session.client("s3", endpoint_url=self.location.endpoint_url)

    def _name(self, key: str) -> str:
        return self.location.prefix + check_key(key)

    async def put(self, key: str, data: bytes) -> BlobInfo:
        name = self._name(key)
        md5 = base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode()
        async with self._client() as s3:
            await s3.put_object(Bucket=self.location.bucket, Key=name, Body=data,
                                ContentMD5=md5)
        return BlobInfo(key, len(data), hashlib.sha256(data).hexdigest())

    async def open(self, key: str, first: int = 0, last: int | None = None
                   ) -> AsyncIterator[bytes]:
        name = self._name(key)
        client = self._client()
        s3 = await client.__aenter__()
        wanted = f"bytes={first}-{'' if last is None else last}"
        try:
            answer = await s3.get_object(Bucket=self.location.bucket, Key=name,
                                         **({"Range": wanted} if first or last is not None
                                            else {}))
        except BaseException as exc:
            await client.__aexit__(None, None, None)
            if _code(exc) in _MISSING:
                raise BlobMissing(key) from exc
            raise
        return _chunks(client, answer["Body"])

    async def delete(self, key: str) -> None:
        async with self._client() as s3:
            await s3.delete_object(Bucket=self.location.bucket, Key=self._name(key))

    async def exists(self, key: str) -> bool:
        async with self._client() as s3:
            try:
                await s3.head_object(Bucket=self.location.bucket, Key=self._name(key))
            except Exception as exc:
                if _code(exc) in _MISSING:
                    return False
                raise
        return True


def _code(error: BaseException) -> str:
    response = getattr(error, "response", None)
    return str(response.get("Error", {}).get("Code", "")) if isinstance(response, dict) else ""


async def _chunks(client: Any, body: Any) -> AsyncIterator[bytes]:
    try:
        while chunk := await body.read(CHUNK):
            yield chunk
    finally:
        body.close()
        await client.__aexit__(None, None, None)
