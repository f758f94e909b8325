"""Uploads no message or news item carried are purged a week after their upload, with their
blob unless another upload of the same bytes still names it (server/uploads_purge.py)."""

from __future__ import annotations

from datetime import timedelta

import httpx
from photo_files import PDF
from server_helpers import FATIMA, SANNE, TODAY, bearer, tokens
from sqlalchemy import select

from server.models import MessageAttachment, NewsFile
from server.uploads_purge import UNSENT_KEPT, purge_unsent_uploads


async def upload(client: httpx.AsyncClient, email: str, path: str, data: bytes) -> int:
    response = await client.post(path, headers={
        **bearer(await tokens(client, email)), "Content-Type": "application/octet-stream"},
        params={"filename": "a.pdf"}, content=data)
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def test_unsent_uploads_go_after_a_week_and_shared_bytes_stay(
        app, client: httpx.AsyncClient, clock) -> None:  # noqa: ANN001
    blobs = app.state.blobs
    unsent = await upload(client, SANNE, "/api/v1/message-attachments", PDF + b"1")
    news_unsent = await upload(client, FATIMA, "/api/v1/news-attachments", PDF + b"2")
    # The same bytes twice: one is sent, so the blob they share stays.
    shared = await upload(client, SANNE, "/api/v1/message-attachments", PDF + b"3")
    sent = await upload(client, SANNE, "/api/v1/message-attachments", PDF + b"3")
    sanne = bearer(await tokens(client, SANNE))
    conversation = (await client.get("/api/v1/conversations", headers=sanne)).json()[
        "conversations"][0]["id"]
    assert (await client.post(f"/api/v1/conversations/{conversation}/messages", headers=sanne,
                              json={"body": "Zie bijlage", "attachment_ids": [sent]})
            ).status_code == 201
    async with app.state.sessionmaker() as db:
        keys = {row.id: row.blob_key for row in (await db.execute(select(
            MessageAttachment.id, MessageAttachment.blob_key))).all()}
        news_key = await db.scalar(select(NewsFile.blob_key).where(NewsFile.id == news_unsent))

        # Seven days after the upload's day: still waiting (the upload was at 09:00 on TODAY).
        assert clock.current.date() == TODAY
        on_time = await purge_unsent_uploads(db, blobs, TODAY + UNSENT_KEPT)
        assert on_time == {"attachments": 0, "news_files": 0, "blobs": 0}
        # A day later they go.
        later = TODAY + UNSENT_KEPT + timedelta(days=1)
        assert await purge_unsent_uploads(db, blobs, later) == {
            "attachments": 2, "news_files": 1, "blobs": 2}
        left = set((await db.scalars(select(MessageAttachment.id))).all())
        assert unsent not in left and shared not in left and sent in left
        assert await db.scalar(select(NewsFile.id).where(NewsFile.id == news_unsent)) is None
        assert not await blobs.exists(keys[unsent]) and not await blobs.exists(news_key)
        assert await blobs.exists(keys[sent])
        # Again: nothing to do.
        assert await purge_unsent_uploads(db, blobs, later) == {
            "attachments": 0, "news_files": 0, "blobs": 0}
