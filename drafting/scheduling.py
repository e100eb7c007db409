"""Back-scheduling: the county's own dates, set a few working days before the superior's.

Each superior deadline becomes a :class:`PlanDeadline`: a due date moves back the profile's N
working days (holidays and 调休 counted), never to a day after the superior's nor before the plan
is issued; a range keeps its start and moves its end; recurring duties stay recurring (a daily
report due upward at 17时 is collected from the units a little earlier); events stay events.
The phrase as printed in the task text is rewritten with the county's date.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from drafting.festival_dates import FESTIVAL_BEFORE, FestivalDue, festival_deadline
from drafting.plan import PlanDeadline
from parsing.model import Deadline, Notice, Phase
from parsing.workdays import shift_working_days_noted, working_days_between

RECURRENCE_TEXT = {"daily": "每日", "weekly": "每周", "monthly": "每月", "quarterly": "每季度",
                   "half-yearly": "每半年", "yearly": "每年"}
_REPORT_WORDS = ("报送", "上报", "报", "提交", "反馈")

# A date as written in a deadline phrase: 2024年3月15日, 6月底, 12月上旬, 2024年底, 3月15.
_DATE_IN_PHRASE = re.compile(
    r"(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年)?\d{1,2}月(?:\d{1,2}日?|底|末|上旬|中旬|下旬)?"
    r"|\d{4}年(?:底|末|内|上半年|下半年)")
_CLOCK = re.compile(r"(?:上午|中午|下午|晚上|早上)?(\d{1,2})(?:时|点|:00|：00)")  # 下午5点 → 15时, never 下午15时


@dataclass
class ScheduleContext:
    """What scheduling needs to know: the lead, the plan's own date and the year it prints in."""

    lead_days: int
    draft_date: date  # the day the county issues its plan
    report_hours_before: int = 2
    notes: list[str] = field(default_factory=list)  # caveats (unknown holiday years…)
    title: str = ""  # the superior's title: names the festival of a bare 节日前

    def note(self, caveats: list[str]) -> None:
        for caveat in caveats:
            if caveat not in self.notes:
                self.notes.append(caveat)


def cn_date(day: date, reference_year: int | None = None) -> str:
    """``6月16日`` within the reference year, ``2026年12月28日`` otherwise."""
    if reference_year is not None and day.year == reference_year:
        return f"{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def span_text(start: str | None, end: str | None, draft_date: date) -> str:
    """即日起至6月16日, 5月1日至5月28日, 2026年9月25日至11月25日, 6月16日前."""
    year = draft_date.year
    if not end:
        return ""
    end_day = date.fromisoformat(end)
    if not start:
        return f"{cn_date(end_day, year)}前"
    start_day = date.fromisoformat(start)
    if start_day <= draft_date:
        return f"即日起至{cn_date(end_day, year)}"
    if start_day.year != end_day.year:
        return f"{cn_date(start_day)}至{cn_date(end_day)}"
    return f"{cn_date(start_day, year)}至{cn_date(end_day, start_day.year)}"


def back_schedule(superior: date, ctx: ScheduleContext) -> tuple[date, str]:
    """The county date for a superior due date, and a Chinese explanation of how it was chosen."""
    n = ctx.lead_days
    target, caveats = shift_working_days_noted(superior, -n)
    ctx.note(caveats)
    sup_text = cn_date(superior)
    if n == 0:
        return superior, f"上级时限{sup_text}，单位资料设为不提前，按上级时限执行"
    if target > ctx.draft_date:
        return target, f"上级时限{sup_text}，提前{n}个工作日倒排为{cn_date(target)}"
    earliest, caveats = shift_working_days_noted(ctx.draft_date, 1)
    ctx.note(caveats)
    if earliest < superior:
        gained = working_days_between(earliest, superior)
        return earliest, (f"上级时限{sup_text}，提前{n}个工作日应为{cn_date(target)}，早于方案印发日期"
                          f"{cn_date(ctx.draft_date)}，调整为{cn_date(earliest)}（仅提前{gained}个工作日）")
    if ctx.draft_date < superior:
        return ctx.draft_date, (f"上级时限{sup_text}，时间紧迫，只能要求各单位于方案印发当日"
                                f"（{cn_date(ctx.draft_date)}）报送")
    return superior, f"上级时限{sup_text}已到或已过，无法提前，按上级时限执行"


def schedule_deadline(deadline: Deadline, index: int | None, ctx: ScheduleContext,
                      collector: str | None = None) -> PlanDeadline:
    """The county's deadline for one superior deadline. ``collector`` is the county office that
    collects a 报送 (it replaces the superior recipient)."""
    year = ctx.draft_date.year
    is_report = _is_report(deadline)
    to = collector if is_report and collector else None
    kind = deadline.kind
    if kind == "recurring":
        time = deadline.time
        explanation = "上级要求为周期性工作，县级保持同一频次"
        if time and is_report and ctx.report_hours_before:
            time = _earlier_clock(time, ctx.report_hours_before)
            explanation += f"；上报时间{deadline.time}，各单位提前至{time}报送以便汇总"
        text = RECURRENCE_TEXT.get(deadline.recurrence or "", "定期") + (_clock_text(time) + "前" if time else "")
        start = _county_start(deadline.start, ctx)  # 自7月1日起，每周五前…: the duty repeats from that day
        if start:
            explanation += f"；自{cn_date(date.fromisoformat(start), ctx.draft_date.year)}起"
        pd = PlanDeadline(kind="recurring", recurrence=deadline.recurrence, time=time, text=text, start=start,
                          superior_index=index, to=to, explanation=explanation)
        if deadline.text:
            pd.text = localise_phrase(deadline.text, deadline, pd, year)
        return pd
    superior_day = read_date(deadline.date)
    if superior_day is None and kind != "recurring":
        festival = festival_deadline(deadline.text, deadline.event, ctx.draft_date, ctx.title)
        if festival is not None:
            return _festival_deadline(deadline, festival, index, ctx, to)
    if kind == "event" and superior_day is not None:  # the clerk gave the event a date on the 解析 page
        county, explanation = back_schedule(superior_day, ctx)
        return PlanDeadline(kind="due", date=county.isoformat(), time=deadline.time, event=deadline.event,
                            text=f"{cn_date(county, year)}前", superior_date=superior_day.isoformat(),
                            superior_index=index, to=to,
                            explanation=f"“{deadline.event or deadline.text}”已校对为{cn_date(superior_day)}；"
                                        + explanation)
    if kind == "event" or superior_day is None:
        event = deadline.event or deadline.text
        start = _county_start(deadline.start, ctx)
        text = (f"即日起至{event}" if start == ctx.draft_date.isoformat() else f"至{event}") if start \
            else f"{event}前"
        return PlanDeadline(kind="event", event=event, start=start,
                            text=text, superior_index=index, to=to,
                            explanation="上级以事件为期限，县级同样以该事件为期限")
    superior = superior_day
    county, explanation = back_schedule(superior, ctx)
    if kind == "range":
        start = _county_start(deadline.start, ctx)
        text = span_text(start, county.isoformat(), ctx.draft_date)
        return PlanDeadline(kind="range", date=county.isoformat(), start=start, time=deadline.time, text=text,
                            superior_date=superior.isoformat(), superior_index=index, to=to, explanation=explanation)
    return PlanDeadline(kind="due", date=county.isoformat(), time=deadline.time,
                        text=f"{cn_date(county, year)}前", superior_date=superior.isoformat(), superior_index=index,
                        to=to, explanation=explanation)


def _festival_deadline(deadline: Deadline, festival: FestivalDue, index: int | None, ctx: ScheduleContext,
                       to: str | None) -> PlanDeadline:
    """``春节前`` as a county date: the last working day before the holiday, then the lead days."""
    ctx.note(list(festival.caveats))
    county, how = back_schedule(festival.due, ctx)
    written = deadline.event or festival.festival
    explanation = f"上级以“{written}前”为期限：{festival.explanation()}；{how}"
    start = _county_start(deadline.start, ctx)
    kind = "range" if start else "due"
    text = span_text(start, county.isoformat(), ctx.draft_date) if start else f"{cn_date(county, ctx.draft_date.year)}前"
    return PlanDeadline(kind=kind, date=county.isoformat(), start=start, time=deadline.time,
                        event=deadline.event or festival.festival, text=text,
                        superior_date=festival.due.isoformat(), superior_index=index, to=to,
                        explanation=explanation)


def read_date(value: str | None) -> date | None:
    """An ISO date, or one a clerk typed (2026-2-10, 2026/2/10, 2026.2.10, 2026年2月10日); None otherwise."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def with_iso_dates(notice: Notice) -> Notice:
    """``notice`` with every deadline date a clerk typed by hand (2025年10月17日) in ISO form; a date
    that cannot be read is dropped (the deadline is then scheduled from its phrase)."""
    if all(_is_iso(d.date) and _is_iso(d.start) for d in notice.deadlines):
        return notice
    deadlines = []
    for d in notice.deadlines:
        day, start = read_date(d.date), read_date(d.start)
        deadlines.append(dataclasses.replace(d, date=day.isoformat() if day else None,
                                             start=start.isoformat() if start else None))
    return dataclasses.replace(notice, deadlines=deadlines)


def _is_iso(value: str | None) -> bool:
    if value is None:
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def schedule_phases(phases: list[Phase], ctx: ScheduleContext) -> list[PlanDeadline | None]:
    """The superior's timetable as county ranges: each end moved back; a phase that began where
    the previous one ended begins where the county's previous one ends, so no gap opens."""
    result: list[PlanDeadline | None] = []
    prev_sup_end: date | None = None
    prev_county_end: date | None = None
    for phase in phases:
        if not phase.end:
            result.append(None)
            continue
        superior = date.fromisoformat(phase.end)
        county, explanation = back_schedule(superior, ctx)
        start = _county_start(phase.start, ctx)
        if start and prev_sup_end and prev_county_end:
            gap = (date.fromisoformat(phase.start) - prev_sup_end).days  # type: ignore[arg-type]
            if gap in (0, 1):
                start = (prev_county_end + timedelta(days=gap)).isoformat()
        if start and date.fromisoformat(start) > county:
            start = county.isoformat()
        text = span_text(start, county.isoformat(), ctx.draft_date)
        result.append(PlanDeadline(kind="range", date=county.isoformat(), start=start, text=text,
                                   superior_date=phase.end, explanation=f"{phase.name}：{explanation}"))
        prev_sup_end, prev_county_end = superior, county
    return result


def _county_start(start: str | None, ctx: ScheduleContext) -> str | None:
    """即日起 (a start on or before the plan's date) is the plan's own date."""
    day = read_date(start)
    if day is None:
        return None
    return max(day, ctx.draft_date).isoformat()


def localise_phrase(phrase: str, superior: Deadline, county: PlanDeadline, year: int) -> str:
    """The deadline phrase with the county's date or time in place of the superior's."""
    if county.kind == "recurring":
        if superior.time and county.time and superior.time != county.time:
            hour = int(county.time.split(":")[0])
            return _CLOCK.sub(lambda m: f"{hour}时", phrase, count=1)
        return phrase
    if not county.date:
        return phrase
    if not superior.date or superior.kind == "event":  # 春节前 → the county's date
        festival = FESTIVAL_BEFORE.search(phrase)
        if festival:
            new = cn_date(date.fromisoformat(county.date), year) + "前"
            return phrase[:festival.start()] + new + phrase[festival.end():]
        if not superior.date:
            return phrase
    matches = list(_DATE_IN_PHRASE.finditer(phrase))
    if not matches:
        return phrase
    last = matches[-1]
    new = cn_date(date.fromisoformat(county.date), None if "年" in last.group(0) else year)
    phrase = phrase[:last.start()] + new + phrase[last.end():]
    if county.kind == "range" and len(matches) > 1 and county.start:
        first = matches[0]
        phrase = phrase[:first.start()] + cn_date(date.fromisoformat(county.start), year) + phrase[first.end():]
    return phrase


def _is_report(deadline: Deadline) -> bool:
    text = (deadline.action or "") + deadline.text
    return bool(deadline.to) or any(w in text for w in _REPORT_WORDS)


def _earlier_clock(time: str, hours: int) -> str:
    hour, _, minute = time.partition(":")
    value = max(8, int(hour) - hours)
    return f"{value:02d}:{minute or '00'}"


def _clock_text(time: str) -> str:
    hour, _, minute = time.partition(":")
    return f"{int(hour)}时" if minute in ("", "00") else f"{int(hour)}时{int(minute)}分"
