"""Planning expansion: contracts' weekly patterns, start/end and closing days."""

from __future__ import annotations

from datetime import date

from server.agenda.planning import expand_planning
from server.models import CareGroup, ClosingDay, Contract, ContractDay, SchoolHoliday
from server.models.enums import CareType, DayPart

CENTRUM, WOENSEL = 1, 2


def new_contract(child_id: int, start: date, end: date | None,
                 pattern: list[tuple[int, DayPart]], location_id: int = CENTRUM, *,
                 care_type: CareType = CareType.KDV, weeks: int = 52) -> Contract:
    group = CareGroup(id=10 + location_id, location_id=location_id, name="G",
                      care_type=care_type)
    result = Contract(id=child_id * 100, child_id=child_id, group_id=group.id, group=group,
                      care_type=care_type, start_date=start, end_date=end,
                      weeks_per_year=weeks, hourly_rate_cents=1000)
    result.days = [ContractDay(weekday=wd, day_part=dp) for wd, dp in pattern]
    return result


def closing(day: date, location_id: int | None = None) -> ClosingDay:
    return ClosingDay(organisation_id=1, location_id=location_id, day=day, reason="dicht")


MONDAY_WHOLE_DAY = [(0, DayPart.MIDDAG), (0, DayPart.OCHTEND)]


def test_weekly_pattern_gives_each_day_part_with_its_hours_in_day_order() -> None:
    contract = new_contract(1, date(2026, 1, 1), None, MONDAY_WHOLE_DAY + [(2, DayPart.OCHTEND)])
    planned = expand_planning([contract], [], date(2026, 3, 2), date(2026, 3, 8))
    assert [(p.day, p.day_part, p.starts.isoformat("minutes"), p.ends.isoformat("minutes"))
            for p in planned] == [
        (date(2026, 3, 2), DayPart.OCHTEND, "07:30", "13:00"),
        (date(2026, 3, 2), DayPart.MIDDAG, "13:00", "18:00"),
        (date(2026, 3, 4), DayPart.OCHTEND, "07:30", "13:00"),
    ]


def test_nothing_is_planned_before_the_start_or_after_the_end_of_the_contract() -> None:
    # Mondays in March 2026: 2, 9, 16, 23, 30. The contract runs from the 9th to the 23rd.
    contract = new_contract(1, date(2026, 3, 9), date(2026, 3, 23), [(0, DayPart.OCHTEND)])
    planned = expand_planning([contract], [], date(2026, 3, 1), date(2026, 3, 31))
    assert [p.day.day for p in planned] == [9, 16, 23]


def test_closing_days_of_the_organisation_and_own_location_have_no_care() -> None:
    centrum = new_contract(1, date(2026, 1, 1), None, [(0, DayPart.OCHTEND)])
    woensel = new_contract(2, date(2026, 1, 1), None, [(0, DayPart.OCHTEND)], WOENSEL)
    days = [closing(date(2026, 4, 6)),  # Tweede Paasdag, everywhere
            closing(date(2026, 4, 13), CENTRUM)]  # study day at Centrum only
    planned = expand_planning([centrum, woensel], days, date(2026, 4, 6), date(2026, 4, 20))
    assert [(p.child_id, p.day.day) for p in planned] == [(2, 13), (1, 20), (2, 20)]


def test_children_are_listed_per_day_with_their_own_group() -> None:
    first = new_contract(1, date(2026, 1, 1), None, [(1, DayPart.OCHTEND)])
    second = new_contract(2, date(2026, 1, 1), None, [(1, DayPart.MIDDAG)], WOENSEL)
    planned = expand_planning([second, first], [], date(2026, 3, 3), date(2026, 3, 3))
    assert [(p.child_id, p.group_id, p.contract_id) for p in planned] == [(1, 11, 100),
                                                                          (2, 12, 200)]


def test_an_empty_range_plans_nothing() -> None:
    contract = new_contract(1, date(2026, 1, 1), None, MONDAY_WHOLE_DAY)
    assert expand_planning([contract], [], date(2026, 3, 3), date(2026, 3, 8)) == []


# Kerstvakantie 2026 (regio zuid): Saturday 19 December 2026 up to Sunday 3 January 2027.
CHRISTMAS = SchoolHoliday(organisation_id=1, name="Kerstvakantie", first_day=date(2026, 12, 19),
                          last_day=date(2027, 1, 3))
# Monday 14 December (school week) and Monday 21 December (holiday).
SCHOOL_MONDAY, HOLIDAY_MONDAY = date(2026, 12, 14), date(2026, 12, 21)
BSO_MONDAY = [(0, DayPart.VSO), (0, DayPart.NSO), (0, DayPart.VAKANTIE)]


def parts(planned: list) -> dict[date, list[DayPart]]:
    result: dict[date, list[DayPart]] = {}
    for p in planned:
        result.setdefault(p.day, []).append(p.day_part)
    return result


def test_bso_gives_before_and_after_school_care_in_school_weeks_and_holiday_care_in_holidays(
) -> None:
    contract = new_contract(1, date(2026, 1, 1), None, BSO_MONDAY, care_type=CareType.BSO)
    planned = expand_planning([contract], [], SCHOOL_MONDAY, HOLIDAY_MONDAY, [CHRISTMAS])
    assert parts(planned) == {SCHOOL_MONDAY: [DayPart.VSO, DayPart.NSO],
                              HOLIDAY_MONDAY: [DayPart.VAKANTIE]}


def test_a_40_week_contract_has_no_care_in_school_holidays() -> None:
    contract = new_contract(1, date(2026, 1, 1), None, [(0, DayPart.NSO)], care_type=CareType.BSO,
                            weeks=40)
    planned = expand_planning([contract], [], SCHOOL_MONDAY, HOLIDAY_MONDAY, [CHRISTMAS])
    assert parts(planned) == {SCHOOL_MONDAY: [DayPart.NSO]}


def test_a_52_week_kdv_contract_goes_on_through_school_holidays() -> None:
    contract = new_contract(1, date(2026, 1, 1), None, MONDAY_WHOLE_DAY)
    planned = expand_planning([contract], [], SCHOOL_MONDAY, HOLIDAY_MONDAY, [CHRISTMAS])
    assert parts(planned) == {SCHOOL_MONDAY: [DayPart.OCHTEND, DayPart.MIDDAG],
                              HOLIDAY_MONDAY: [DayPart.OCHTEND, DayPart.MIDDAG]}


def test_a_holiday_counts_on_its_first_and_last_day_only() -> None:
    holiday = SchoolHoliday(organisation_id=1, name="Herfstvakantie",
                            first_day=date(2026, 10, 13), last_day=date(2026, 10, 14))
    contract = new_contract(1, date(2026, 1, 1), None,
                            [(wd, DayPart.NSO) for wd in range(5)], care_type=CareType.BSO,
                            weeks=40)
    planned = expand_planning([contract], [], date(2026, 10, 12), date(2026, 10, 15), [holiday])
    assert sorted(parts(planned)) == [date(2026, 10, 12), date(2026, 10, 15)]
