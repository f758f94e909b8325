"""live events: what changed for whom, for the event stream and Last-Event-ID

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 16:30:00

- `live_event`: one row per event and user (docs/api.md, "Live updates"), kept a day.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "live_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE",
                                name=op.f("fk_live_event_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_event")),
    )
    op.create_index("ix_live_event_user_id_id", "live_event", ["user_id", "id"])
    op.create_index(op.f("ix_live_event_created_at"), "live_event", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_live_event_created_at"), table_name="live_event")
    op.drop_index("ix_live_event_user_id_id", table_name="live_event")
    op.drop_table("live_event")
