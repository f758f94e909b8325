"""`/conversations` and `/message-attachments` (docs/api.md, "Messages")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from sqlalchemy import select

from server.attachments import AttachmentOut
from server.blobs import BlobInfo
from server.blobs.http import blob_response
from server.deps import Auth, Blobs, CurrentSettings, Db
from server.messages import access, listing, posting
from server.messages.attachments import store_attachment
from server.messages.schemas import (
    ConversationIn,
    ConversationOut,
    ConversationsOut,
    MessageIn,
    MessagesOut,
    PostedOut,
    ReadIn,
)
from server.models import Conversation, Message, MessageAttachment
from server.paging import ASC, DESC, Keyset, Paging
from server.problems import Problem
from server.problems.openapi import problem_responses
from server.validation import PlainText

router = APIRouter(tags=["messages"])
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
SIGNED_IN = ("not_authenticated", "token_expired")
#: The inbox: most recent activity first.
INBOX = Keyset("conversations", (Conversation.last_message_at, DESC), (Conversation.id, DESC))
#: A thread's history, newest first (paging back in time) …
HISTORY = Keyset("messages", (Message.id, DESC))
#: … and what came after a message the app already has, oldest first (incremental sync).
NEWER = Keyset("messages_after", (Message.id, ASC))


@router.get("/conversations", response_model=ConversationsOut,
            responses=problem_responses(*SIGNED_IN, "validation_error"))
async def conversations(db: Db, auth: Auth, paging: Paging,
                        group_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                        ) -> ConversationsOut:
    """The caller's conversations, most recent activity first, with the unread totals over
    all of them. Staff and managers may ask for one of their groups (`group_id`)."""
    condition = await access.visible(db, auth.user)
    if group_id is not None:
        condition = condition & (Conversation.group_id == group_id)
    rows = (await db.execute(INBOX.select(listing.inbox_query(auth.user, condition),
                                          paging))).all()
    shown, next_cursor = INBOX.page(rows, paging,
                                    lambda r: (r[0].last_message_at, r[0].id))
    messages, conversations_unread = await listing.unread_totals(db, auth.user, condition)
    return ConversationsOut(conversations=await listing.describe(db, shown),
                            next_cursor=next_cursor, unread_messages=messages,
                            unread_conversations=conversations_unread)


@router.post("/conversations", status_code=201, response_model=PostedOut,
             responses=problem_responses(*SIGNED_IN, "forbidden", "validation_error",
                                         "message_group_invalid",
                                         "message_attachment_invalid"))
async def start_conversation(body: ConversationIn, db: Db, settings: CurrentSettings,
                             auth: Auth) -> PostedOut:
    """A parent starts a conversation with the staff of a child's group."""
    conversation, message = await posting.start(db, auth.user, body, settings.now())
    await db.commit()
    return await _posted(db, auth, conversation.id, message)


@router.get("/conversations/{conversation_id}", response_model=ConversationOut,
            responses=problem_responses(*SIGNED_IN, "not_found"))
async def conversation(conversation_id: Id, db: Db, auth: Auth) -> ConversationOut:
    await access.conversation(db, auth.user, conversation_id)
    return await listing.one(db, auth.user, conversation_id)


@router.get("/conversations/{conversation_id}/messages", response_model=MessagesOut,
            responses=problem_responses(*SIGNED_IN, "not_found", "validation_error"))
async def messages(conversation_id: Id, db: Db, auth: Auth, paging: Paging,
                   after: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None,
                   ) -> MessagesOut:
    """The thread newest first, paged back in time; with `after`, only the messages after
    that one, oldest first (what the app does not have yet)."""
    await access.conversation(db, auth.user, conversation_id)
    query = select(Message).where(Message.conversation_id == conversation_id)
    keyset = HISTORY
    if after is not None:
        query, keyset = query.where(Message.id > after), NEWER
    rows = list((await db.scalars(keyset.select(query, paging))).all())
    shown, next_cursor = keyset.page(rows, paging, lambda m: (m.id,))
    return MessagesOut(messages=await listing.messages_out(db, auth.user, shown),
                       next_cursor=next_cursor)


@router.post("/conversations/{conversation_id}/messages", status_code=201,
             response_model=PostedOut,
             responses=problem_responses(*SIGNED_IN, "not_found", "validation_error",
                                         "message_attachment_invalid"))
async def post_message(conversation_id: Id, body: MessageIn, db: Db,
                       settings: CurrentSettings, auth: Auth) -> PostedOut:
    """A reply, from the family or the group; it reopens a closed conversation."""
    found = await access.conversation(db, auth.user, conversation_id)
    message = await posting.reply(db, auth.user, found, body, settings.now())
    await db.commit()
    return await _posted(db, auth, conversation_id, message)


@router.post("/conversations/{conversation_id}/read", response_model=ConversationOut,
             responses=problem_responses(*SIGNED_IN, "not_found", "validation_error"))
async def read(conversation_id: Id, body: ReadIn, db: Db, settings: CurrentSettings,
               auth: Auth) -> ConversationOut:
    """The caller has read up to `last_read_id` (the marker only moves forward)."""
    found = await access.conversation(db, auth.user, conversation_id)
    await posting.mark_read(db, auth.user, found, body.last_read_id, settings.now())
    await db.commit()
    return await listing.one(db, auth.user, conversation_id)


@router.post("/conversations/{conversation_id}/close", response_model=ConversationOut,
             responses=problem_responses(*SIGNED_IN, "forbidden", "not_found"))
async def close(conversation_id: Id, db: Db, settings: CurrentSettings,
                auth: Auth) -> ConversationOut:
    """Staff or a manager closes the conversation; a new message opens it again."""
    found = await access.conversation(db, auth.user, conversation_id)
    await posting.close(db, auth.user, found, settings.now())
    await db.commit()
    return await listing.one(db, auth.user, conversation_id)


@router.post("/message-attachments", status_code=201, response_model=AttachmentOut,
             openapi_extra={"requestBody": {"content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}},
             responses=problem_responses(*SIGNED_IN, "forbidden", "validation_error",
                                         "attachment_too_large", "attachment_type_refused"))
async def upload(request: Request, db: Db, blobs: Blobs, settings: CurrentSettings,
                 auth: Auth, filename: Annotated[PlainText, Query(min_length=1,
                                                                  max_length=255)]
                 ) -> AttachmentOut:
    """The file's bytes as the body (PDF, JPEG or PNG, at most 10 MB); the answer's `id`
    goes into the message that carries it."""
    stored = await store_attachment(db, blobs, auth.user, filename, await request.body(),
                                    settings.now())
    await db.commit()
    return listing.attachment_out(stored)


@router.get("/message-attachments/{attachment_id}", response_class=Response,
            responses={**problem_responses(*SIGNED_IN, "not_found"),
                       200: {"content": {"application/octet-stream": {}}},
                       206: {"description": "Partial content (Range)"},
                       304: {"description": "Not modified (If-None-Match)"}})
async def download(attachment_id: Id, db: Db, blobs: Blobs, auth: Auth,
                   range_header: Annotated[str | None, Header(alias="Range")] = None,
                   if_none_match: Annotated[str | None, Header()] = None,
                   if_range: Annotated[str | None, Header()] = None) -> Response:
    """The file, for the conversation's participants (and its uploader before it is sent),
    always as a download (`Content-Disposition: attachment`)."""
    attachment = await db.get(MessageAttachment, attachment_id)
    if attachment is None:
        raise Problem("not_found")
    if attachment.message_id is None:
        if attachment.uploaded_by != auth.user.id:
            raise Problem("not_found")
    else:
        conversation_id = await db.scalar(select(Message.conversation_id).where(
            Message.id == attachment.message_id))
        assert conversation_id is not None
        await access.conversation(db, auth.user, conversation_id)
    return await blob_response(
        blobs, BlobInfo(attachment.blob_key, attachment.size, attachment.sha256),
        media_type=attachment.media_type, filename=attachment.filename,
        range_header=range_header, if_none_match=if_none_match, if_range=if_range,
        disposition="attachment")


async def _posted(db: Db, auth: Auth, conversation_id: int, message: Message) -> PostedOut:
    return PostedOut(conversation=await listing.one(db, auth.user, conversation_id),
                     message=(await listing.messages_out(db, auth.user, [message]))[0])
