"""Recurring duties as dated instances: 每月7日前报送 → one due date a month over the plan's span.

The day inside each period is read from the duty's own text (每月7日、每周五、每季度首月10日、
每年12月20日、每月底); without one the period's last day is the deadline, as offices read
"每月报送" as "by the end of each month".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from drafting.plan import CountyPlan, PlanDeadline
from parsing.cnnum import cn_to_int, to_halfwidth_digits

RECURRENCES = ("daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 4}
_NUM = r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})"
# A recurring duty over a plan with no end date is expanded over this many days.
DEFAULT_SPAN_DAYS = 365
# At most this many dated reports of one duty are created (a daily duty: about four years).
MAX_OCCURRENCES = 1500


_LAST_DAY = date(9999, 12, 20)  # room for a week's step without passing date.max


class TooManyOccurrences(ValueError):
    """A recurring duty would expand to more than :data:`MAX_OCCURRENCES` dated reports."""

    def __init__(self, text: str, start: date, end: date, limit: int = MAX_OCCURRENCES):
        self.limit = limit
        super().__init__(
            f"周期性时限“{text}”从{start:%Y年%m月%d日}到{end:%Y年%m月%d日}要展开的报送次数超过{limit}次的上限，"
            "请缩短展开期限（如 track import --until 指定一年内的日期）")


class InvalidRecurrence(ValueError):
    """The day a recurring duty names does not exist (每月0日)."""


@dataclass(frozen=True)
class Occurrence:
    """One dated instance of a recurring duty (``number`` counts from 1)."""

    number: int
    due: date


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_to_int(text)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day_in_month(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _monthly_day(text: str) -> int | None:
    """The day of the month a monthly duty names; None = month end."""
    if re.search(r"每月(底|末|月底|月末)|每月最后", text):
        return None
    if m := re.search(r"每月(上旬|中旬|下旬)", text):
        return {"上旬": 10, "中旬": 20, "下旬": None}[m.group(1)]
    for pattern in (r"每月" + _NUM + r"[日号]", r"每月(?:的)?前" + _NUM + r"(?:个工作日|日|天)"):
        if m := re.search(pattern, text):
            day = _int(m.group(1))
            if not day or day > 31:
                raise InvalidRecurrence(f"周期性时限“{text}”中的日期“{m.group(0)}”不存在（每月只有1日至31日）")
            return day
    return None


def expand(deadline: PlanDeadline, start: date, end: date, limit: int = MAX_OCCURRENCES) -> list[Occurrence]:
    """Due dates of ``deadline`` (kind ``recurring``) from ``start`` to ``end`` inclusive.

    Raises :class:`TooManyOccurrences` past ``limit`` dates (a daily duty until 2099 is not
    27 000 delegations) and :class:`InvalidRecurrence` for a day that does not exist."""
    text = to_halfwidth_digits(deadline.text or "")
    if deadline.start:
        start = max(start, date.fromisoformat(deadline.start))
    end = min(end, _LAST_DAY)
    if end < start:
        return []
    kind = deadline.recurrence or _guess_recurrence(text)
    estimate = {"daily": 1, "weekly": 7, "monthly": 28, "quarterly": 90, "half-yearly": 181, "yearly": 365}
    if kind in estimate and (end - start).days // estimate[kind] > limit + 1:
        raise TooManyOccurrences(deadline.text or kind, start, end, limit)
    days: list[date] = []
    if kind == "daily":
        workdays_only = "工作日" in text
        day = start
        while day <= end:
            if not workdays_only or _is_working_day(day):
                days.append(day)
            if day == date.max:
                break
            day += timedelta(days=1)
    elif kind == "weekly":
        m = re.search(r"每周(?:星期|周)?([一二三四五六日天末])", text)
        weekday = _WEEKDAYS[m.group(1)] if m else 4
        day = start + timedelta(days=(weekday - start.weekday()) % 7)
        while day <= end:
            days.append(day)
            day += timedelta(days=7)
    elif kind == "monthly":
        wanted = _monthly_day(text)
        for year, month in _months(start, end):
            days.append(_month_end(year, month) if wanted is None else _day_in_month(year, month, wanted))
    elif kind == "quarterly":
        m = re.search(r"每季度(?:首月|第一个月|初)" + _NUM + r"[日号]", text)
        for year, month in _months(start, end):
            if m and month in (1, 4, 7, 10):
                days.append(_day_in_month(year, month, _int(m.group(1)) or 1))
            elif not m and month in (3, 6, 9, 12):
                days.append(_month_end(year, month))
    elif kind == "half-yearly":
        for year in range(start.year, end.year + 1):
            days += [date(year, 6, 30), date(year, 12, 31)]
    elif kind == "yearly":
        m = re.search(r"每年" + _NUM + "月" + _NUM + r"[日号]", text)
        for year in range(start.year, end.year + 1):
            if m:
                month, day = _int(m.group(1)) or 12, _int(m.group(2)) or 31
                days.append(_day_in_month(year, min(max(month, 1), 12), day))
            else:
                days.append(date(year, 12, 31))
    dated = sorted(d for d in days if start <= d <= end)
    if len(dated) > limit:
        raise TooManyOccurrences(deadline.text or kind or "", start, end, limit)
    return [Occurrence(number=i, due=d) for i, d in enumerate(dated, 1)]


def _months(start: date, end: date) -> list[tuple[int, int]]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _guess_recurrence(text: str) -> str | None:
    for marker, kind in (("每日", "daily"), ("每天", "daily"), ("每周", "weekly"), ("每月", "monthly"),
                         ("每季度", "quarterly"), ("每半年", "half-yearly"), ("每年", "yearly")):
        if marker in text:
            return kind
    return None


def _is_working_day(day: date) -> bool:
    from parsing.workdays import UnknownHolidayYear, is_working_day

    try:
        return is_working_day(day)
    except UnknownHolidayYear:
        return day.weekday() < 5


def plan_span(plan: CountyPlan, until: date | None = None) -> tuple[date, date]:
    """The period a plan's recurring duties run over: from its issue date (else its earliest
    date) to ``until``, else the plan's latest dated deadline, else a year on."""
    dates: list[date] = []
    starts: list[date] = []
    for task in plan.tasks:
        for d in task.deadlines:
            if d.date:
                dates.append(date.fromisoformat(d.date))
            if d.start:
                starts.append(date.fromisoformat(d.start))
    if plan.issue_date:
        start = date.fromisoformat(plan.issue_date)
    elif starts or dates:
        start = min(starts + dates)
    else:
        start = date.today()
    if until:
        end = until
    elif dates and max(dates) > start:
        end = max(dates)
    else:
        end = start + timedelta(days=DEFAULT_SPAN_DAYS) if start < date(9998, 1, 1) else _LAST_DAY
    return start, min(end, _LAST_DAY)
