"""account security: e-mail change, two-factor login, account settings, audit log

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-12 10:00:00

- `email_change`: a new login address waiting for the code mailed to it.
- `two_factor`, `recovery_code`, `login_challenge`: the opt-in TOTP login (the secret sealed
  with the server key, recovery codes hashed, the second step's challenge token hashed).
- `account_settings`: what an account chose for itself (new-device mails).
- `audit_entry`: every change to an account or a family's data and every decision on one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def _user_fk(table: str, column: str = "user_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["app_user.id"], ondelete="CASCADE",
                                   name=op.f(f"fk_{table}_{column}_app_user"))


def upgrade() -> None:
    op.create_table(
        "email_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("new_email", sa.String(length=254), nullable=False),
        sa.Column("code_salt", sa.String(length=32), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("wrong_codes", sa.Integer(), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        _user_fk("email_change"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_change")),
    )
    op.create_index(op.f("ix_email_change_user_id"), "email_change", ["user_id"])
    op.create_table(
        "two_factor",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("sealed_secret", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_step", sa.Integer(), nullable=True),
        _user_fk("two_factor"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_two_factor")),
    )
    op.create_table(
        "recovery_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code_salt", sa.String(length=32), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        _user_fk("recovery_code"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_code")),
    )
    op.create_index(op.f("ix_recovery_code_user_id"), "recovery_code", ["user_id"])
    op.create_table(
        "login_challenge",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("device_name", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        _user_fk("login_challenge"),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_login_challenge")),
    )
    op.create_index(op.f("ix_login_challenge_user_id"), "login_challenge", ["user_id"])
    op.create_table(
        "account_settings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("new_device_mail", sa.Boolean(), nullable=False),
        _user_fk("account_settings"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_account_settings")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("subject_user_id", sa.Integer(), nullable=True),
        sa.Column("family_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("old_value", sa.String(length=1000), nullable=True),
        sa.Column("new_value", sa.String(length=1000), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["app_user.id"],
                                name=op.f("fk_audit_entry_actor_id_app_user")),
        sa.ForeignKeyConstraint(["subject_user_id"], ["app_user.id"],
                                name=op.f("fk_audit_entry_subject_user_id_app_user")),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"],
                                name=op.f("fk_audit_entry_family_id_family")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index("ix_audit_entry_subject_at", "audit_entry", ["subject_user_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_entry_subject_at", table_name="audit_entry")
    op.drop_table("audit_entry")
    op.drop_table("account_settings")
    op.drop_index(op.f("ix_login_challenge_user_id"), table_name="login_challenge")
    op.drop_table("login_challenge")
    op.drop_index(op.f("ix_recovery_code_user_id"), table_name="recovery_code")
    op.drop_table("recovery_code")
    op.drop_table("two_factor")
    op.drop_index(op.f("ix_email_change_user_id"), table_name="email_change")
    op.drop_table("email_change")
