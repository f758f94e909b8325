"""A photo uploaded and served with ETag, 304 and Range from either blob store: files on disk
and the S3-compatible store (moto's server)."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import httpx
import pytest
from photo_files import jpeg
from server_helpers import CLIENT_IP, FATIMA, bearer, tokens
from test_server_photo_upload import new_activity, upload

from server.app import create_app
from server.blobs.s3 import S3Location
from server.config import Settings

BACKENDS = ["disk", "s3"]


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_photo_is_served_with_range_from_either_store(
        settings: Settings, backend: str, request: pytest.FixtureRequest) -> None:
    if backend == "s3":
        bucket: S3Location = request.getfixturevalue("s3_bucket")
        settings = replace(settings, blob_store="s3", s3_bucket=bucket.bucket,
                           s3_prefix=bucket.prefix, s3_endpoint_url=bucket.endpoint_url,
                           s3_region=bucket.region, s3_access_key_id=bucket.access_key_id,
                           s3_secret_access_key=bucket.secret_access_key)
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=(CLIENT_IP, 51000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            headers = bearer(await tokens(c, FATIMA))
            async with app.state.sessionmaker() as db:
                activity = await new_activity(c, db, headers)
            photo = (await upload(c, activity, jpeg(800, 600), headers)).json()
            url = f"/api/v1/photos/{photo['id']}/original"
            whole = await c.get(url, headers=headers)
            assert hashlib.sha256(whole.content).hexdigest() == \
                photo["files"]["original"]["sha256"]
            part = await c.get(url, headers={**headers, "Range": "bytes=100-199"})
            assert (part.status_code, part.content) == (206, whole.content[100:200])
            assert part.headers["Content-Range"] == f"bytes 100-199/{len(whole.content)}"
            tail = await c.get(url, headers={**headers, "Range": f"bytes={len(whole.content)}-"})
            assert tail.status_code == 416
            again = await c.get(url, headers={**headers, "If-None-Match": whole.headers["ETag"]})
            assert again.status_code == 304
