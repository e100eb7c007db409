"""When a festival falls: the date behind a deadline such as ``春节前``, ``国庆节前`` or ``元旦前``.

The holiday table (:mod:`parsing.workdays`) gives the days off of each festival; the first of them
is when the festival's holiday begins. 春节 moves with the lunar calendar, so its day (正月初一) is
also listed here for the years around the table, for a year the table lacks or holds without 春节.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from parsing.workdays import UnknownHolidayYear, holiday_names_in, shift_working_days_noted

# 正月初一 by Gregorian year.
LUNAR_NEW_YEAR: dict[int, date] = {y: date(y, m, d) for y, m, d in (
    (2004, 1, 22), (2005, 2, 9), (2006, 1, 29), (2007, 2, 18), (2008, 2, 7), (2009, 1, 26),
    (2010, 2, 14), (2011, 2, 3), (2012, 1, 23), (2013, 2, 10), (2014, 1, 31), (2015, 2, 19),
    (2016, 2, 8), (2017, 1, 28), (2018, 2, 16), (2019, 2, 5), (2020, 1, 25), (2021, 2, 12),
    (2022, 2, 1), (2023, 1, 22), (2024, 2, 10), (2025, 1, 29), (2026, 2, 17), (2027, 2, 6),
    (2028, 1, 26), (2029, 2, 13), (2030, 2, 3), (2031, 1, 23), (2032, 2, 11), (2033, 1, 31),
    (2034, 2, 19), (2035, 2, 8), (2036, 1, 28), (2037, 2, 15), (2038, 2, 4), (2039, 1, 24),
    (2040, 2, 12))}

# How a festival is written in a notice -> its name in the holiday table.
_NAMES = {"春节": "春节", "元旦": "元旦", "国庆": "国庆节", "清明": "清明节", "劳动节": "劳动节",
          "五一": "劳动节", "端午": "端午节", "中秋": "中秋节"}
_FIXED = {"元旦": (1, 1), "国庆节": (10, 1), "劳动节": (5, 1)}
_WRITTEN = re.compile("|".join(sorted(_NAMES, key=len, reverse=True)))


@dataclass(frozen=True)
class FestivalDue:
    """A festival deadline as a date: the festival, its day, the first day off, and the last working
    day before the holiday (the day ``X节前`` is due)."""

    festival: str
    day: date
    holiday_start: date
    due: date
    known: bool  # False: the holiday table does not know the year; the festival's own day is used
    caveats: tuple[str, ...] = ()

    def explanation(self) -> str:
        """``2026年春节为2月17日，2月15日起放假，放假前最后一个工作日为2月14日``."""
        year = self.day.year
        text = f"{year}年{self.festival}为{_md(self.day)}"
        if not self.known:
            return text + f"（{year}年放假安排未知，按节日当天计），节前最后一个工作日为{_md(self.due)}"
        if self.holiday_start != self.day:
            text += f"，{_md(self.holiday_start)}起放假"
        return text + f"，放假前最后一个工作日为{_md(self.due)}"


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def festivals_in(text: str) -> list[str]:
    """The festivals a phrase names, as the holiday table names them (``元旦春节`` → 元旦, 春节)."""
    found: list[str] = []
    for m in _WRITTEN.finditer(text or ""):
        name = _NAMES[m.group(0)]
        if name not in found:
            found.append(name)
    return found


def festival_day(festival: str, year: int) -> tuple[date | None, date | None]:
    """(the festival's day, the first day of its holiday from the table — None when unknown)."""
    start: date | None = None
    try:
        table = holiday_names_in(year)
    except UnknownHolidayYear:
        table = {}
    days = sorted(d for d, name in table.items() if name == festival)
    if days:  # the run of days off the festival opens (国庆节 and 中秋节 may share one)
        start = days[0]
        while start - timedelta(days=1) in table:
            start -= timedelta(days=1)
    if festival == "春节":
        day = LUNAR_NEW_YEAR.get(year)
    elif festival in _FIXED:
        day = date(year, *_FIXED[festival])
    else:
        day = days[0] if days else None
    return day, start


def next_festival(festival: str, after: date, year: int | None = None) -> FestivalDue | None:
    """The first ``festival`` after ``after`` (or in ``year`` when the phrase names it), as a due date."""
    years = [year] if year else [after.year, after.year + 1]
    for y in years:
        day, start = festival_day(festival, y)
        if day is None:
            continue
        start = min(start, day) if start else None
        if not year and day <= after:
            continue
        first_off = start or day
        due, caveats = shift_working_days_noted(first_off, -1)
        return FestivalDue(festival, day, first_off, due, start is not None, tuple(caveats))
    return None


_BEFORE = r"(?:节)?(?:假期|放假|假日)?(?:之)?前"


_WRITTEN_ALT = "|".join(sorted(_NAMES, key=len, reverse=True))
FESTIVAL_BEFORE = re.compile(rf"(?:\d{{4}}年)?(?:{_WRITTEN_ALT})[^，。；、]{{0,4}}?{_BEFORE}|(?:节日|节假日){_BEFORE}")


def festival_deadline(text: str, event: str | None, after: date, hint: str = "") -> FestivalDue | None:
    """The festival a ``…前`` deadline names (``春节前``, ``元旦春节前`` → the earlier one, ``节日前`` →
    the festival in ``hint``, the notice's title), as a due date after ``after``; None otherwise."""
    phrase = text or event or ""
    names = festivals_in(event or "") or festivals_in(phrase)
    if not names and re.search(r"(?:节日|节假日)" + _BEFORE, phrase):
        names = festivals_in(hint)
    if not names:
        return None
    m = FESTIVAL_BEFORE.search(phrase)
    if not m:
        return None
    year = None
    y = re.match(r"(\d{4})年", m.group(0))
    if y:
        year = int(y.group(1))
    dues = [d for d in (next_festival(n, after, year) for n in names) if d is not None]
    return min(dues, key=lambda d: (d.due, d.day)) if dues else None
