"""Serving stored bytes with ETag / If-None-Match (304) and one-part Range (206/416)."""

from __future__ import annotations

import re

from fastapi import Response

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


def document_response(content: bytes, etag: str, sha256: str, filename: str,
                      range_header: str | None, if_none_match: str | None,
                      if_range: str | None) -> Response:
    size = len(content)
    headers = {"ETag": etag, "X-Content-SHA256": sha256, "Accept-Ranges": "bytes",
               "Cache-Control": "no-store",
               "Content-Disposition": f'inline; filename="{filename}"'}
    if if_none_match is not None and (if_none_match.strip() == "*" or etag in [
            tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]):
        return Response(status_code=304, headers=headers)
    # If-Range with another version: send the whole current document, never a mixed file.
    wanted = range_header if range_header and (if_range is None or if_range.strip() == etag) \
        else None
    span = _parse_range(wanted, size) if wanted else None
    if span == "unsatisfiable":
        return Response(status_code=416, headers={**headers, "Content-Range": f"bytes */{size}"})
    if isinstance(span, tuple):
        first, last = span
        return Response(content[first:last + 1], status_code=206, media_type="application/pdf",
                        headers={**headers, "Content-Range": f"bytes {first}-{last}/{size}"})
    return Response(content, media_type="application/pdf", headers=headers)
