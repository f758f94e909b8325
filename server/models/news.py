"""News (docs/api.md, "News"): items for the organisation, locations or groups, their audience
and who read them."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UtcDateTime, str_enum


class AudienceKind(StrEnum):
    ORGANISATION = "organisation"
    LOCATION = "location"
    GROUP = "group"


class NewsItem(Base):
    """`body` is HTML of the small safe subset, sanitised when it was written; the item shows
    from `published_at` on (which may lie in the future)."""

    __tablename__ = "news_item"
    __table_args__ = (Index("ix_news_item_organisation_published", "organisation_id",
                            "published_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    title: Mapped[str] = mapped_column(String(150))
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class NewsAudience(Base):
    """One part of an item's audience: the organisation (`target_id` is its id), a location or
    a group."""

    __tablename__ = "news_audience"
    __table_args__ = (Index("ix_news_audience_target", "kind", "target_id"),)

    news_id: Mapped[int] = mapped_column(ForeignKey("news_item.id", ondelete="CASCADE"),
                                         primary_key=True)
    kind: Mapped[AudienceKind] = mapped_column(str_enum(AudienceKind, "audience_kind"),
                                               primary_key=True)
    target_id: Mapped[int] = mapped_column(primary_key=True)


class NewsRead(Base):
    __tablename__ = "news_read"

    news_id: Mapped[int] = mapped_column(ForeignKey("news_item.id", ondelete="CASCADE"),
                                         primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         primary_key=True, index=True)
    read_at: Mapped[datetime] = mapped_column(UtcDateTime)


class NewsFilePurpose(StrEnum):
    IMAGE = "image"
    ATTACHMENT = "attachment"


class NewsFile(Base):
    """An item's picture or attachment, in the blob store. `news_id` is NULL between the
    upload and the item that carries it; only its uploader sees it then. An item has at most
    one of each purpose."""

    __tablename__ = "news_file"
    __table_args__ = (UniqueConstraint("news_id", "purpose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    news_id: Mapped[int | None] = mapped_column(
        ForeignKey("news_item.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[NewsFilePurpose] = mapped_column(
        str_enum(NewsFilePurpose, "news_file_purpose"))
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                             index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    blob_key: Mapped[str] = mapped_column(String(300))
    # A picture's size in pixels (after its orientation was applied); NULL for attachments.
    width: Mapped[int | None]
    height: Mapped[int | None]
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
