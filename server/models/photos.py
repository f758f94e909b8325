"""Photos: activities (albums) of a group on a day, their photos with three renditions each,
which children a photo is tagged with, and the parents' hearts (docs/api.md, "Photos")."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UtcDateTime, str_enum


class Rendition(StrEnum):
    """What the server keeps of every photo: a grid thumbnail (~320 px), a screen copy
    (~1600 px) and the original re-encoded without metadata."""

    THUMBNAIL = "thumbnail"
    SCREEN = "screen"
    ORIGINAL = "original"


class Activity(Base):
    """An album: what a group did on one day, posted by its staff or the location manager."""

    __tablename__ = "activity"
    __table_args__ = (Index("ix_activity_group_day", "group_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("care_group.id"))
    day: Mapped[date]
    title: Mapped[str] = mapped_column(String(100))
    caption: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Photo(Base):
    """One uploaded photo of an activity. Its bytes are in the blob store (`PhotoFile`);
    `changed_at` moves with every change a family's copy must follow (tags)."""

    __tablename__ = "photo"
    __table_args__ = (Index("ix_photo_activity_id", "activity_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    width: Mapped[int]
    height: Mapped[int]
    uploaded_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PhotoFile(Base):
    """One rendition of a photo: where its bytes are and what they are (size, SHA-256), so a
    listing, an ETag check or a Range request never reads them."""

    __tablename__ = "photo_file"

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"),
                                          primary_key=True)
    rendition: Mapped[Rendition] = mapped_column(str_enum(Rendition, "photo_rendition"),
                                                 primary_key=True)
    blob_key: Mapped[str] = mapped_column(String(300), index=True)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))


class PhotoTag(Base):
    """A child on a photo. Only children with portal photo consent may be tagged; a family
    sees a photo through a tag of one of its children whose consent still covers the portal."""

    __tablename__ = "photo_tag"

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"),
                                          primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"),
                                          primary_key=True, index=True)


class PhotoHeart(Base):
    """A parent marked a photo with a heart. Staff see how many parents did, counting only
    those whose family still sees the photo; a parent sees only their own heart."""

    __tablename__ = "photo_heart"

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"),
                                          primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
