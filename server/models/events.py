"""Live events (docs/api.md, "Live updates"): what changed for whom, kept a while so that a
stream that reconnects with `Last-Event-ID` gets what it missed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UtcDateTime


class LiveEvent(Base):
    """One event for one user; `data` is the JSON the stream sends (ids, never content)."""

    __tablename__ = "live_event"
    __table_args__ = (Index("ix_live_event_user_id_id", "user_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
