"""Organisation policy values: defaults, overridden per organisation in its JSON column."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

DEFAULT_POLICY: dict[str, int] = {
    "absence_credit_notice_hours": 48,
    "cancel_absence_min_days": 30,
    # 0: credit lasts until the end of the calendar year of the absence; otherwise this many
    # months after the absence day.
    "absence_credit_valid_months": 0,
    "extra_day_min_days_ahead": 4,
    "extra_day_max_days_ahead": 90,
    # The longest period one extra-day request may span (first to last date, inclusive).
    "extra_day_max_period_days": 31,
    "account_retention_months": 15,
    "diary_retention_weeks": 8,
    "inactivity_lock_minutes": 10,
}


class Policy(BaseModel):
    """The effective policy values of an organisation (`GET /api/v1/policy`)."""

    absence_credit_notice_hours: int
    cancel_absence_min_days: int
    absence_credit_valid_months: int
    extra_day_min_days_ahead: int
    extra_day_max_days_ahead: int
    extra_day_max_period_days: int
    account_retention_months: int
    diary_retention_weeks: int
    inactivity_lock_minutes: int


def effective_policy(overrides: Mapping[str, Any] | None) -> Policy:
    """Defaults with the organisation's own values on top; unknown keys are ignored."""
    merged = dict(DEFAULT_POLICY)
    merged.update({k: v for k, v in (overrides or {}).items() if k in DEFAULT_POLICY})
    return Policy(**merged)
