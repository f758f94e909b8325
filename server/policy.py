"""Organisation policy values: the defaults, overridden per organisation in its JSON column."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import Organisation


class Policy(BaseModel):
    """The effective policy values of an organisation (`GET /api/v1/policy`): these defaults
    with the organisation's own values on top."""

    # Every value is always sent, so the schema calls them required despite the defaults.
    model_config = ConfigDict(frozen=True, json_schema_serialization_defaults_required=True)

    absence_credit_notice_hours: int = 48
    cancel_absence_min_days: int = 30
    # 0: credit lasts until the end of the calendar year of the absence; otherwise this many
    # months after the absence day.
    absence_credit_valid_months: int = 0
    extra_day_min_days_ahead: int = 4
    extra_day_max_days_ahead: int = 90
    # The longest period one extra-day request may span (first to last date, inclusive).
    extra_day_max_period_days: int = 31
    account_retention_months: int = 15
    diary_retention_weeks: int = 8
    inactivity_lock_minutes: int = 10
    # How long a login lasts (docs/api.md, "Auth"): at most `*_lifetime_*` after the login,
    # and it ends sooner when unused (no refresh) for `*_idle_*`. Staff and managers log in on
    # shared PCs, so theirs end the same working day.
    session_lifetime_days: int = 90
    session_idle_days: int = 30
    staff_session_lifetime_hours: int = 12
    staff_session_idle_hours: int = 2
    # Managers decide for the whole location: their login needs a code too (docs/api.md,
    # "Two-factor login", "Required for managers").
    two_factor_required_for_managers: bool = False
    # Parents may mark photos with a heart, staff see the count (docs/api.md, "Hearts").
    photo_hearts: bool = True


DEFAULT_POLICY = Policy()


def effective_policy(overrides: Mapping[str, Any] | None) -> Policy:
    """Defaults with the organisation's own values on top; unknown keys are ignored."""
    return Policy(**{k: v for k, v in (overrides or {}).items() if k in Policy.model_fields})


async def organisation_policy(db: AsyncSession, organisation_id: int) -> Policy:
    organisation = await db.get(Organisation, organisation_id)
    return effective_policy(organisation.policy if organisation else None)
