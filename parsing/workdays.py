"""Working-day arithmetic for China: weekends, statutory holidays and 调休 make-up working days.

Sources, later ones winning for the years they list:

1. ``chinese-calendar`` (published arrangements up to 2026);
2. ``resources/holidays.json`` (bundled table: later years, marked ``published`` or ``expected``);
3. ``holidays.json`` in the user's data folder (same format; a user may add or correct a year).

A year none of them knows raises :class:`UnknownHolidayYear` (a :class:`PolicyDeskError` with a
Chinese message). Callers that must still give an answer use :func:`shift_working_days_noted`,
which falls back to Monday–Friday and returns the caveat to show the user — never silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import chinese_calendar

from parsing.errors import PolicyDeskError
from parsing.locations import resource, user_data_dir
from parsing.text_safety import loads_json

HOLIDAYS_FILE = "holidays.json"


class UnknownHolidayYear(PolicyDeskError):
    """No holiday arrangement is known for a year."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(f"不知道{year}年的节假日和调休安排：请在 {HOLIDAYS_FILE} 中补充该年的放假安排")


@dataclass
class YearTable:
    """The arrangement of one year: days off (holidays) and make-up working days."""

    year: int
    status: str  # published | expected
    holidays: dict[date, str] = field(default_factory=dict)  # day -> festival name
    workdays: set[date] = field(default_factory=set)
    source: str = ""


def _parse_day(text: str) -> date:
    return date.fromisoformat(text.strip())


def _tables_from_file(path: Path) -> dict[int, YearTable]:
    """Year tables from a holidays.json file; a missing file gives none."""
    if not path.is_file():
        return {}
    try:
        data = loads_json(path.read_text(encoding="utf-8"))  # depth-checked: never RecursionError
    except (OSError, ValueError) as exc:
        raise PolicyDeskError(f"{path.name}：节假日表无法读取（{exc}）") from exc
    tables: dict[int, YearTable] = {}
    try:
        for key, entry in data.get("years", {}).items():
            year = int(key)
            table = YearTable(year, entry.get("status", "published"), source=entry.get("source", ""))
            for item in entry.get("holidays", []):
                first = _parse_day(item["from"])
                last = _parse_day(item.get("to", item["from"]))
                day = first
                while day <= last:
                    table.holidays[day] = item.get("name", "")
                    day += timedelta(days=1)
            table.workdays = {_parse_day(d) for d in entry.get("workdays", [])}
            tables[year] = table
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PolicyDeskError(f"{path.name}：节假日表格式有误（{exc}）") from exc
    return tables


def _user_file() -> Path | None:
    try:
        return user_data_dir() / HOLIDAYS_FILE
    except OSError:
        return None


@lru_cache(maxsize=1)
def _file_tables() -> dict[int, YearTable]:
    tables = _tables_from_file(resource(HOLIDAYS_FILE))
    user = _user_file()
    if user is not None:
        tables.update(_tables_from_file(user))
    return tables


def reload_tables() -> None:
    """Forget cached tables (after a user edits holidays.json)."""
    _file_tables.cache_clear()
    _year_table.cache_clear()


def _package_years() -> set[int]:
    return {d.year for d in chinese_calendar.constants.holidays}


@lru_cache(maxsize=64)
def _year_table(year: int) -> YearTable:
    tables = _file_tables()
    if year in tables:
        return tables[year]
    if year in _package_years():
        table = YearTable(year, "published", source="chinese-calendar")
        for day, name in chinese_calendar.constants.holidays.items():
            if day.year == year:
                table.holidays[day] = _festival_name(name)
        table.workdays = {d for d in chinese_calendar.constants.workdays if d.year == year}
        return table
    raise UnknownHolidayYear(year)


_FESTIVALS = {"New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
              "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
              "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利纪念日"}


def _festival_name(value: object) -> str:
    english = getattr(value, "value", value)
    if isinstance(english, tuple):
        english = english[0]
    return _FESTIVALS.get(str(english), str(english))


def year_status(year: int) -> str:
    """``published``, ``expected`` (statutory days only, no 调休 yet) or ``unknown``."""
    try:
        return _year_table(year).status
    except UnknownHolidayYear:
        return "unknown"


def is_working_day(day: date) -> bool:
    """True for a working day: a weekday not on holiday, or a 调休 make-up Saturday/Sunday."""
    table = _year_table(day.year)
    if day in table.workdays:
        return True
    if day in table.holidays:
        return False
    return day.weekday() < 5


def holidays_in(year: int) -> set[date]:
    """Every day off for a holiday in ``year`` (weekends included when inside a holiday)."""
    return set(_year_table(year).holidays)


def holiday_names_in(year: int) -> dict[date, str]:
    """Holiday days of ``year`` with the festival's Chinese name, for calendars."""
    return dict(_year_table(year).holidays)


def makeup_workdays_in(year: int) -> set[date]:
    """The 调休 Saturdays and Sundays of ``year`` that are working days."""
    return set(_year_table(year).workdays)


def shift_working_days(day: date, n: int) -> date:
    """The date ``n`` working days after ``day`` (before it for n < 0); ``day`` itself not counted.

    n = 0 gives ``day`` when it is a working day, else the next working day.
    """
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    current = day
    if n == 0:
        while not is_working_day(current):
            current += timedelta(days=1)
        return current
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(a: date, b: date) -> int:
    """Working days after ``a`` up to and including ``b`` (negative when b is before a)."""
    if b < a:
        return -working_days_between(b, a)
    count = 0
    current = a
    while current < b:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def _caveat(years: set[int]) -> list[str]:
    notes = []
    for year in sorted(years):
        status = year_status(year)
        if status == "expected":
            notes.append(f"{year}年节假日按法定节日预计，未含调休，以国务院办公厅通知为准")
        elif status == "unknown":
            notes.append(f"{year}年节假日安排未知，按周一至周五为工作日计算，请在 {HOLIDAYS_FILE} 中补充")
    return notes


def shift_working_days_noted(day: date, n: int) -> tuple[date, list[str]]:
    """Like :func:`shift_working_days` but never raises for an unknown year.

    Returns the date and the caveats (Chinese) to show with it: an ``expected`` year, or an
    unknown year counted Monday–Friday.
    """
    try:
        result = shift_working_days(day, n)
    except UnknownHolidayYear:
        step = 1 if n >= 0 else -1
        remaining, result = abs(n), day
        while remaining:
            result += timedelta(days=step)
            try:
                working = is_working_day(result)
            except UnknownHolidayYear:
                working = result.weekday() < 5
            if working:
                remaining -= 1
    low, high = min(day, result), max(day, result)
    return result, _caveat(set(range(low.year, high.year + 1)))
