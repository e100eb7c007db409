"""Working days across statutory holidays and 调休 make-up days."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from parsing import workdays
from parsing.errors import PolicyDeskError
from parsing.workdays import (
    UnknownHolidayYear,
    holidays_in,
    is_working_day,
    shift_working_days,
    shift_working_days_noted,
    working_days_between,
    year_status,
)


@pytest.fixture(autouse=True)
def _fresh_tables():
    workdays.reload_tables()
    yield
    workdays.reload_tables()


def test_three_working_days_from_2022_09_29_crosses_national_day():
    # 9-30 (Fri) works, 10-1..10-7 off, 10-8 (Sat) and 10-9 (Sun) are make-up working days.
    assert shift_working_days(date(2022, 9, 29), 3) == date(2022, 10, 9)
    assert working_days_between(date(2022, 9, 29), date(2022, 10, 9)) == 3


@pytest.mark.parametrize(("start", "n", "expected"), [
    # 2025: 10-1..10-8 off (国庆 + 中秋), 9-28 (Sun) and 10-11 (Sat) are working days.
    (date(2025, 9, 26), 1, date(2025, 9, 28)),
    (date(2025, 9, 26), 3, date(2025, 9, 30)),
    (date(2025, 9, 30), 1, date(2025, 10, 9)),
    (date(2025, 9, 26), 6, date(2025, 10, 11)),
    (date(2025, 10, 10), 2, date(2025, 10, 13)),
    (date(2025, 10, 9), -1, date(2025, 9, 30)),
    (date(2025, 10, 11), -3, date(2025, 9, 30)),
    (date(2025, 10, 11), -4, date(2025, 9, 29)),
    # 2026: 中秋 9-25..9-27 and 国庆 10-1..10-7 off, 9-20 (Sun) and 10-10 (Sat) working days.
    (date(2026, 9, 18), 1, date(2026, 9, 20)),
    (date(2026, 9, 24), 1, date(2026, 9, 28)),
    (date(2026, 9, 18), 8, date(2026, 9, 30)),
    (date(2026, 9, 30), 1, date(2026, 10, 8)),
    (date(2026, 9, 30), 3, date(2026, 10, 10)),
    (date(2026, 9, 30), 4, date(2026, 10, 12)),
    (date(2026, 10, 8), -1, date(2026, 9, 30)),
    (date(2026, 10, 12), -2, date(2026, 10, 9)),
    # 2026 Spring Festival: 2-15..2-23 off, 2-14 and 2-28 (Sat) working days.
    (date(2026, 2, 13), 1, date(2026, 2, 14)),
    (date(2026, 2, 14), 1, date(2026, 2, 24)),
])
def test_shift_across_holidays(start, n, expected):
    assert shift_working_days(start, n) == expected
    assert working_days_between(start, expected) == n


def test_working_day_flags_for_makeup_and_holidays():
    assert is_working_day(date(2025, 9, 28))  # Sunday, 调休上班
    assert is_working_day(date(2026, 10, 10))  # Saturday, 调休上班
    assert not is_working_day(date(2026, 10, 5))  # Monday inside 国庆
    assert not is_working_day(date(2025, 10, 8))
    assert not is_working_day(date(2026, 9, 26))  # ordinary Saturday inside 中秋
    assert is_working_day(date(2026, 11, 23))


def test_zero_shift_moves_to_next_working_day():
    assert shift_working_days(date(2026, 10, 3), 0) == date(2026, 10, 8)
    assert shift_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_holidays_in_year():
    days = holidays_in(2026)
    assert date(2026, 10, 1) in days and date(2026, 2, 15) in days
    assert date(2026, 10, 10) not in days
    assert len(days) == 33


def test_2027_comes_from_bundled_table_as_expected():
    assert year_status(2027) == "expected"
    assert not is_working_day(date(2027, 10, 1))
    assert not is_working_day(date(2027, 2, 8))  # 初三, a Monday
    assert date(2027, 2, 6) in holidays_in(2027)  # 春节 2027-02-06
    day, notes = shift_working_days_noted(date(2026, 12, 30), 2)
    assert day == date(2027, 1, 4)  # 12-31, (1-1 元旦 off, weekend), 1-4
    assert len(notes) == 1 and "2027年" in notes[0] and "预计" in notes[0]


def test_unknown_year_raises_with_chinese_message():
    with pytest.raises(UnknownHolidayYear) as info:
        shift_working_days(date(2031, 3, 2), 5)
    assert isinstance(info.value, PolicyDeskError)
    assert "2031年" in str(info.value)
    assert year_status(2031) == "unknown"


def test_unknown_year_noted_falls_back_to_weekdays_and_says_so():
    day, notes = shift_working_days_noted(date(2031, 3, 7), 1)  # Friday
    assert day == date(2031, 3, 10)
    assert notes and "2031年" in notes[0] and "周一至周五" in notes[0]
    day, notes = shift_working_days_noted(date(2026, 11, 23), 5)
    assert day == date(2026, 11, 30) and notes == []


def test_user_table_adds_a_year_and_overrides():
    home = Path(os.environ["POLICYDESK_HOME"])
    table = {"years": {"2031": {"status": "published", "holidays": [
        {"name": "国庆节", "from": "2031-10-01", "to": "2031-10-07"}], "workdays": ["2031-09-28"]}}}
    (home / "holidays.json").write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    workdays.reload_tables()
    assert year_status(2031) == "published"
    assert is_working_day(date(2031, 9, 28))  # Sunday make-up
    assert shift_working_days(date(2031, 9, 30), 1) == date(2031, 10, 8)


def test_broken_user_table_is_a_readable_error():
    home = Path(os.environ["POLICYDESK_HOME"])
    (home / "holidays.json").write_text("{years: broken", encoding="utf-8")
    workdays.reload_tables()
    with pytest.raises(PolicyDeskError, match="节假日表"):
        is_working_day(date(2026, 1, 5))


def test_bundled_table_documents_its_format():
    data = json.loads(workdays.resource("holidays.json").read_text(encoding="utf-8"))
    assert "_comment" in data and "workdays" in data["_comment"]
    assert "2027" in data["years"]


def test_bundled_2027_qingming_matches_the_solar_term():
    import chinese_calendar

    (qingming,) = [day for day, name in chinese_calendar.get_solar_terms(date(2027, 4, 1), date(2027, 4, 30))
                   if name == "清明"]
    names = workdays.holiday_names_in(2027)
    assert names[qingming] == "清明节"
