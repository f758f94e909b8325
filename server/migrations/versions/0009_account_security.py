"""account security and personal data: e-mail change, two-factor login, account settings,
audit log; parents', families' and children's details and their change requests

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-12 10:00:00

- `email_change`: a new login address waiting for the code mailed to it.
- `two_factor`, `recovery_code`, `login_challenge`: the opt-in TOTP login (the secret sealed
  with the server key, recovery codes hashed, the second step's challenge token hashed).
- `account_settings`: what an account chose for itself (new-device mails).
- `audit_entry`: every change to an account or a family's data and every decision on one.
- `parent_details`, `child_details`, `child_contact`, `family_billing.account_holder`: the
  personal data a family keeps up to date; `change_request`: what waits for the location
  manager (one pending per field and subject: a partial unique index, on both databases).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
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
    _personal_data()


def _personal_data() -> None:
    op.create_table(
        "parent_details",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("street", sa.String(length=100), nullable=True),
        sa.Column("house_number", sa.String(length=10), nullable=True),
        sa.Column("addition", sa.String(length=10), nullable=True),
        sa.Column("postcode", sa.String(length=7), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("home_phone", sa.String(length=20), nullable=True),
        sa.Column("notification_email", sa.String(length=254), nullable=True),
        _user_fk("parent_details"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_parent_details")),
    )
    with op.batch_alter_table("family_billing") as batch:
        batch.add_column(sa.Column("account_holder", sa.String(length=100), nullable=True))
    op.create_table(
        "child_details",
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("gp_name", sa.String(length=100), nullable=True),
        sa.Column("gp_phone", sa.String(length=20), nullable=True),
        sa.Column("allergies", sa.String(length=500), nullable=True),
        sa.Column("diet", sa.String(length=500), nullable=True),
        sa.Column("medical_notes", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE",
                                name=op.f("fk_child_details_child_id_child")),
        sa.PrimaryKeyConstraint("child_id", name=op.f("pk_child_details")),
    )
    op.create_table(
        "child_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("emergency", "collector", name="contact_kind",
                                  native_enum=False, create_constraint=True, length=24),
                  nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("relation", sa.String(length=60), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE",
                                name=op.f("fk_child_contact_child_id_child")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_child_contact")),
    )
    op.create_index(op.f("ix_child_contact_child_id"), "child_contact", ["child_id"])
    op.create_table(
        "change_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.Enum("address", "bank", "medical", "emergency_contacts",
                                   "collectors", name="change_field", native_enum=False,
                                   create_constraint=True, length=24), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("status", sa.Enum("pending", "approved", "rejected", "withdrawn",
                                    name="change_status", native_enum=False,
                                    create_constraint=True, length=24), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], ondelete="CASCADE",
                                name=op.f("fk_change_request_family_id_family")),
        sa.ForeignKeyConstraint(["requested_by"], ["app_user.id"],
                                name=op.f("fk_change_request_requested_by_app_user")),
        sa.ForeignKeyConstraint(["decided_by"], ["app_user.id"],
                                name=op.f("fk_change_request_decided_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_request")),
    )
    op.create_index("uq_change_request_pending", "change_request",
                    ["family_id", "field", "subject_id"], unique=True,
                    sqlite_where=sa.text("status = 'pending'"),
                    postgresql_where=sa.text("status = 'pending'"))
    op.create_index("ix_change_request_family_created", "change_request",
                    ["family_id", "created_at"])
    _phones_in_e164()


def _phones_in_e164() -> None:
    """The phone numbers typed before are stored as E.164 from now on (`06 - 12 34 56 78` →
    `+31612345678`); one that does not parse stays as it was, for a person to look at."""
    import phonenumbers

    connection = op.get_bind()
    users = sa.table("app_user", sa.column("id", sa.Integer), sa.column("phone", sa.String))
    for user_id, phone in connection.execute(
            sa.select(users.c.id, users.c.phone).where(users.c.phone.is_not(None))).all():
        try:
            number = phonenumbers.parse(phone, "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            connection.execute(users.update().where(users.c.id == user_id).values(
                phone=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)))


def downgrade() -> None:
    for index in ("ix_change_request_family_created", "uq_change_request_pending"):
        op.drop_index(index, table_name="change_request")
    op.drop_table("change_request")
    with op.batch_alter_table("family_billing") as batch:
        batch.drop_column("account_holder")
    op.drop_index(op.f("ix_child_contact_child_id"), table_name="child_contact")
    for table in ("child_contact", "child_details", "parent_details"):
        op.drop_table(table)
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
