"""A photo goes out in chunks that say how far it got (the staff's per-byte progress): the
portal gets every byte with its `Content-Length` (not chunked: it refuses a photo too large
before reading it), the progress climbs to the whole size, and a request the transport
retries sends the file again from its first byte under the same idempotency key."""

from __future__ import annotations

import httpx
from test_retries import failing_then

from desktop.api.core.body import CHUNK

PHOTO = {"id": 7, "activity_id": 5, "activity_title": "Herfstwandeling", "caption": None,
         "date": "2026-11-03", "width": 640, "height": 480, "child_ids": [1],
         "changed_at": "2026-11-03T12:00:00+00:00", "heart_count": 0, "hearted": None,
         "files": {r: {"media_type": "image/jpeg", "size": 10, "sha256": "a" * 64}
                   for r in ("thumbnail", "screen", "original")}}
DATA = bytes(range(256)) * (CHUNK * 3 // 256 + 10)  # three chunks and a bit


async def _stored(request: httpx.Request) -> httpx.Response:
    body = await request.aread()
    assert body == DATA
    assert request.headers["Content-Length"] == str(len(DATA))
    assert "Transfer-Encoding" not in request.headers
    return httpx.Response(201, json=PHOTO)


async def test_the_progress_climbs_to_the_whole_file(portal, logged_in) -> None:
    portal.route("POST", "/activities/5/photos", _stored)
    seen: list[tuple[int, int]] = []
    photo = await logged_in.photos.upload(5, DATA, [1], "key-1",
                                          lambda sent, total: seen.append((sent, total)))
    assert photo.id == 7 and photo.heart_count == 0
    assert seen[0] == (0, len(DATA)) and seen[-1] == (len(DATA), len(DATA))
    assert [s for s, _t in seen] == sorted(s for s, _t in seen) and len(seen) == 5
    assert {t for _s, t in seen} == {len(DATA)}


async def test_a_retried_upload_starts_again_with_the_same_key(portal, logged_in) -> None:
    portal.route("POST", "/activities/5/photos", _stored)
    failing_then(portal, "POST", "/activities/5/photos",
                 [httpx.Response(503, json={"code": "unavailable"})])
    seen: list[int] = []
    await logged_in.photos.upload(5, DATA, [], "key-2", lambda sent, _total: seen.append(sent))
    sent = portal.sent("POST", "/activities/5/photos")
    assert [r.headers["Idempotency-Key"] for r in sent] == ["key-2", "key-2"]
    assert seen.count(0) == 2 and seen[-1] == len(DATA)
