"""The pure rules behind absences and extra days: the credit notice and expiry, the cancel
deadline, cents rounding and oldest-first credit use."""

from __future__ import annotations

from datetime import date, datetime

from server.agenda.credit import credit_expires_on, earns_credit, may_cancel
from server.agenda.credit_ledger import CreditBalance, draw_credit
from server.agenda.extra_day_plan import cents_for
from server.config import AMSTERDAM
from server.demo.agenda import school_day
from server.models import AbsenceCredit, DayPart


def test_cost_is_rounded_half_up_to_whole_cents() -> None:
    assert cents_for(330, 1149) == 6320  # 6319.5 cents
    assert cents_for(130, 1149) == 2490  # 2489.5 cents
    assert cents_for(1, 1149) == 19  # 19.15 cents
    assert cents_for(1, 1170) == 20  # 19.5 cents: half goes up
    assert cents_for(0, 1149) == 0


def _balance(credit_id: int, minutes: int, expires_on: date) -> CreditBalance:
    credit = AbsenceCredit(id=credit_id, child_id=1, minutes=minutes,
                           earned_on=date(2026, 1, 5), expires_on=expires_on)
    return CreditBalance(credit, minutes)


def test_credit_draws_oldest_first_and_skips_credit_expired_on_the_day() -> None:
    balances = [_balance(1, 100, date(2026, 3, 10)), _balance(2, 200, date(2026, 6, 30)),
                _balance(3, 300, date(2026, 12, 31))]
    on_expiry = draw_credit(balances, date(2026, 3, 10), 250)
    assert [(c.id, m) for c, m in on_expiry.uses] == [(1, 100), (2, 150)]
    after = draw_credit(balances, date(2026, 7, 1), 330)
    assert (after.minutes, [(c.id, m) for c, m in after.uses]) == (300, [(3, 300)])
    assert [b.available_minutes for b in balances] == [0, 50, 0]


def test_credit_rule_boundaries() -> None:
    starts = datetime(2026, 3, 5, 7, 30, tzinfo=AMSTERDAM)
    assert earns_credit(date(2026, 3, 5), DayPart.OCHTEND, starts.replace(day=3), 48)
    assert not earns_credit(date(2026, 3, 5), DayPart.OCHTEND,
                            starts.replace(day=3, minute=31), 48)
    assert credit_expires_on(date(2026, 3, 5), 0) == date(2026, 12, 31)
    assert credit_expires_on(date(2026, 3, 5), 6) == date(2026, 9, 5)
    assert may_cancel(date(2026, 4, 2), date(2026, 3, 3), 30)
    assert not may_cancel(date(2026, 4, 2), date(2026, 3, 4), 30)


def test_demo_requests_land_on_school_days_without_closing() -> None:
    assert school_day(date(2026, 3, 2), 2) == date(2026, 3, 4)
    assert school_day(date(2026, 4, 21), 0) == date(2026, 5, 4)  # not Koningsdag nor meivakantie
    assert school_day(date(2026, 12, 20), 1) == date(2027, 1, 5)  # after the kerstvakantie
