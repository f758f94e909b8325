"""A news item's picture and attachment (docs/api.md, "News").

Staff and managers upload them before they publish: the picture goes through the photos'
image work (type by content, byte and pixel caps, orientation applied, re-encoded so that no
EXIF or GPS survives) and is kept at the screen size; the attachment is checked as a
message's is (`server.attachments`). Each waits, unlinked, for the item that carries it;
then whoever reads the item may download it, always as `Content-Disposition: attachment`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.attachments import AttachmentOut, clean_filename, keep_blob, keep_file
from server.blobs import BlobInfo
from server.blobs.http import blob_response
from server.deps import Auth, Blobs, CurrentSettings, Db
from server.models import NewsFile, NewsFilePurpose, NewsItem, Rendition, User
from server.news.audience import readable_item
from server.news.schemas import NewsImageOut
from server.problems import Problem
from server.problems.openapi import problem_responses
from server.validation import PlainText

router = APIRouter(tags=["news"])
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
Filename = Annotated[PlainText, Query(min_length=1, max_length=255)]
SIGNED_IN = ("not_authenticated", "token_expired")
_DOWNLOAD = {**problem_responses(*SIGNED_IN, "not_found"),
             200: {"content": {"application/octet-stream": {}}},
             206: {"description": "Partial content (Range)"},
             304: {"description": "Not modified (If-None-Match)"}}
_URL = {NewsFilePurpose.IMAGE: "/api/v1/news-images/{}",
        NewsFilePurpose.ATTACHMENT: "/api/v1/news-attachments/{}"}


def file_out(file: NewsFile) -> AttachmentOut:
    return AttachmentOut(id=file.id, filename=file.filename, media_type=file.media_type,
                         size=file.size, sha256=file.sha256, url=_URL[file.purpose].format(file.id))


def image_out(file: NewsFile) -> NewsImageOut:
    return NewsImageOut(**file_out(file).model_dump(), width=file.width or 0,
                        height=file.height or 0)


async def files_of(db: AsyncSession, ids: Sequence[int]
                   ) -> dict[tuple[int, NewsFilePurpose], NewsFile]:
    """The files the items carry, by (item id, purpose): one query for any page."""
    rows = (await db.scalars(select(NewsFile).where(NewsFile.news_id.in_(ids)))).all() \
        if ids else []
    return {(f.news_id, f.purpose): f for f in rows if f.news_id is not None}


async def attach(db: AsyncSession, user: User, item: NewsItem, image_id: int | None,
                 attachment_id: int | None) -> None:
    """Link the caller's uploads to the item, or `news_file_invalid`: not theirs, already
    carried by an item, or uploaded for the other purpose."""
    for file_id, purpose in ((image_id, NewsFilePurpose.IMAGE),
                             (attachment_id, NewsFilePurpose.ATTACHMENT)):
        if file_id is None:
            continue
        file = await db.scalar(select(NewsFile).where(
            NewsFile.id == file_id, NewsFile.uploaded_by == user.id,
            NewsFile.news_id.is_(None), NewsFile.purpose == purpose).with_for_update())
        if file is None:
            raise Problem("news_file_invalid", field=f"{purpose.value}_id")
        file.news_id = item.id


def _may_upload(user: User) -> None:
    if user.role.is_parent:
        raise Problem("forbidden")


_UPLOAD_BODY = {"requestBody": {"required": True, "content": {
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}


@router.post("/news-images", status_code=201, response_model=NewsImageOut,
             openapi_extra=_UPLOAD_BODY,
             responses=problem_responses(*SIGNED_IN, "forbidden", "validation_error",
                                         "photo_too_large", "photo_type_not_supported",
                                         "photo_too_many_pixels", "photo_damaged"))
async def upload_image(request: Request, db: Db, blobs: Blobs, settings: CurrentSettings,
                       auth: Auth, filename: Filename) -> NewsImageOut:
    """The picture's bytes as the body (JPEG, PNG or HEIC, as a photo); kept re-encoded at
    the screen size (a JPEG of at most 1,600 pixels on its longest side)."""
    _may_upload(auth.user)
    prepared = await request.app.state.image_workers.prepare(await request.body())
    screen = prepared.file(Rendition.SCREEN)
    info = await keep_blob(blobs, "news", screen.data, screen.extension)
    file = NewsFile(purpose=NewsFilePurpose.IMAGE, uploaded_by=auth.user.id,
                    filename=clean_filename(filename, screen.extension),
                    media_type=screen.media_type, size=info.size, sha256=info.sha256,
                    blob_key=info.key, width=screen.width, height=screen.height,
                    uploaded_at=settings.now())
    db.add(file)
    await db.commit()
    return image_out(file)


@router.post("/news-attachments", status_code=201, response_model=AttachmentOut,
             openapi_extra=_UPLOAD_BODY,
             responses=problem_responses(*SIGNED_IN, "forbidden", "validation_error",
                                         "attachment_too_large", "attachment_type_refused"))
async def upload_attachment(request: Request, db: Db, blobs: Blobs, settings: CurrentSettings,
                            auth: Auth, filename: Filename) -> AttachmentOut:
    """The file's bytes as the body (PDF, JPEG or PNG, at most 10 MB)."""
    _may_upload(auth.user)
    info, media_type = await keep_file(blobs, "news", await request.body())
    file = NewsFile(purpose=NewsFilePurpose.ATTACHMENT, uploaded_by=auth.user.id,
                    filename=clean_filename(filename, info.key.rsplit(".", 1)[1]),
                    media_type=media_type, size=info.size, sha256=info.sha256,
                    blob_key=info.key, uploaded_at=settings.now())
    db.add(file)
    await db.commit()
    return file_out(file)


@router.get("/news-images/{file_id}", response_class=Response, responses=_DOWNLOAD)
async def download_image(file_id: Id, db: Db, blobs: Blobs, settings: CurrentSettings,
                         auth: Auth,
                         range_header: Annotated[str | None, Header(alias="Range")] = None,
                         if_none_match: Annotated[str | None, Header()] = None,
                         if_range: Annotated[str | None, Header()] = None) -> Response:
    """The picture, for whoever reads its item (and its uploader before it is published)."""
    file = await _readable_file(db, auth.user, file_id, NewsFilePurpose.IMAGE, settings.now())
    return await _serve(blobs, file, range_header, if_none_match, if_range)


@router.get("/news-attachments/{file_id}", response_class=Response, responses=_DOWNLOAD)
async def download_attachment(file_id: Id, db: Db, blobs: Blobs, settings: CurrentSettings,
                              auth: Auth,
                              range_header: Annotated[str | None, Header(alias="Range")] = None,
                              if_none_match: Annotated[str | None, Header()] = None,
                              if_range: Annotated[str | None, Header()] = None) -> Response:
    """The attachment, for whoever reads its item (and its uploader before it is published)."""
    file = await _readable_file(db, auth.user, file_id, NewsFilePurpose.ATTACHMENT,
                                settings.now())
    return await _serve(blobs, file, range_header, if_none_match, if_range)


async def _readable_file(db: AsyncSession, user: User, file_id: int, purpose: NewsFilePurpose,
                         now: datetime) -> NewsFile:
    file = await db.get(NewsFile, file_id)
    if file is None or file.purpose is not purpose:
        raise Problem("not_found")
    if file.news_id is None:
        if file.uploaded_by != user.id:
            raise Problem("not_found")
    else:
        await readable_item(db, user, file.news_id, now)
    return file


async def _serve(blobs: Blobs, file: NewsFile, range_header: str | None,
                 if_none_match: str | None, if_range: str | None) -> Response:
    return await blob_response(
        blobs, BlobInfo(file.blob_key, file.size, file.sha256), media_type=file.media_type,
        filename=file.filename, range_header=range_header, if_none_match=if_none_match,
        if_range=if_range, disposition="attachment")
