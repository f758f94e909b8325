"""Serving a blob over HTTP: ETag with If-None-Match (304), one-part Range (206/416) guarded by
If-Range, and the bytes streamed straight from the blob store."""

from __future__ import annotations

import re

from fastapi import Response
from fastapi.responses import StreamingResponse

from server.blobs.store import BlobInfo, BlobStore

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _parse_range(header: str, size: int) -> tuple[int, int] | None | str:
    """(first, last) inclusive; None to ignore the header (malformed or several ranges, which
    RFC 9110 allows); "unsatisfiable" for a range that lies past the end."""
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first_text, last_text = match.groups()
    if not first_text:
        if not last_text or int(last_text) == 0:
            return None if not last_text else "unsatisfiable"
        return max(size - int(last_text), 0), size - 1
    first = int(first_text)
    last = min(int(last_text), size - 1) if last_text else size - 1
    if last_text and int(last_text) < first:
        return None
    if first >= size:
        return "unsatisfiable"
    return first, last


async def blob_response(blobs: BlobStore, blob: BlobInfo, *, media_type: str, filename: str,
                        range_header: str | None, if_none_match: str | None,
                        if_range: str | None) -> Response:
    """The blob's bytes (200), a part of them (206), 304 for a current copy or 416.

    `blob` is what the caller stored about it (size, SHA-256), so nothing is read before the
    answer is decided. `Cache-Control: no-store` like every credentialed answer (docs/api.md,
    "Headers"): the app keeps its own copy and revalidates it with the ETag."""
    size, etag = blob.size, blob.etag
    headers = {"ETag": etag, "X-Content-SHA256": blob.sha256, "Accept-Ranges": "bytes",
               "Cache-Control": "no-store",
               "Content-Disposition": f'inline; filename="{filename}"'}
    if if_none_match is not None and (if_none_match.strip() == "*" or etag in [
            tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]):
        return Response(status_code=304, headers=headers)
    # If-Range with another version: send the whole current blob, never a mixed file.
    wanted = range_header if range_header and (if_range is None or if_range.strip() == etag) \
        else None
    span = _parse_range(wanted, size) if wanted else None
    if span == "unsatisfiable":
        return Response(status_code=416, headers={**headers, "Content-Range": f"bytes */{size}"})
    status, (first, last) = (206, span) if isinstance(span, tuple) else (200, (0, size - 1))
    if status == 206:
        headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    headers["Content-Length"] = str(last - first + 1)
    chunks = await blobs.open(blob.key, first, last)
    return StreamingResponse(chunks, status_code=status, media_type=media_type, headers=headers)
