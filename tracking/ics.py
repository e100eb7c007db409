"""Deadlines as an iCalendar file (RFC 5545) for the office's calendar.

One VEVENT per dated deadline instance of a plan, listing the units that owe it and their
status; all-day unless a clock time is given (then a 30-minute floating-time event). Text is
escaped (``\\`` ``;`` ``,`` newline), lines end in CRLF and are folded at 75 octets without
splitting a UTF-8 character. A reminder (VALARM) fires the working day before at 9:00.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path

from drafting.atomic import atomic_write_bytes
from parsing.text_safety import clean_input
from tracking.queries import DelegationRow, list_delegations
from tracking.store import Store

PRODID = "-//PolicyDesk//督办//ZH"


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT escaping; control characters (no CTL may stand in TEXT) dropped."""
    value = clean_input(value)
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += n
    out.append(current)
    return "\r\n".join(out)


@dataclass
class CalendarEvent:
    uid: str
    day: date
    at: time | None
    summary: str
    description: str
    rrule: str | None = None  # a recurring duty: one event with its RRULE (RFC 5545 §3.8.5.3)
    rdates: list[date] = field(default_factory=list)  # occurrences the rule does not yield
    exdates: list[date] = field(default_factory=list)  # dates the rule yields that are no occurrence


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _month_end(day: date) -> bool:
    return (day + timedelta(days=1)).month != day.month


def _rule_for(days: list[date]) -> tuple[str, Callable[[date], bool]]:
    """An RRULE (without UNTIL) that fits the occurrence dates, and the test of a day it yields."""
    first = days[0]
    gaps = {(b - a).days for a, b in pairwise(days)}
    months = [(d.year * 12 + d.month) for d in days]
    month_gaps = {b - a for a, b in pairwise(months)}
    if gaps <= {1}:
        return "FREQ=DAILY", lambda d: True
    weekdays = sum(d.weekday() < 5 for d in days)
    if 1 in gaps and weekdays >= 0.9 * len(days):  # working days: holidays EXDATEs, 调休 days RDATEs
        return "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", lambda d: d.weekday() < 5
    if gaps == {7}:
        return f"FREQ=WEEKLY;BYDAY={_BYDAY[first.weekday()]}", lambda d: d.weekday() == first.weekday()
    if len(month_gaps) == 1:
        step = month_gaps.pop()
        freq = "FREQ=YEARLY" if step == 12 else ("FREQ=MONTHLY" + (f";INTERVAL={step}" if step > 1 else ""))

        def in_step(d: date) -> bool:
            return (d.year * 12 + d.month - months[0]) % step == 0
        if all(_month_end(d) for d in days):
            return (f"{freq};BYMONTHDAY=-1" if step != 12 else f"{freq};BYMONTH={first.month};BYMONTHDAY=-1",
                    lambda d: in_step(d) and _month_end(d))
        rule = f"{freq};BYMONTHDAY={first.day}" if step != 12 else f"{freq};BYMONTH={first.month};BYMONTHDAY={first.day}"
        return rule, lambda d: in_step(d) and d.day == first.day
    return "", lambda d: False


def recurring_event(uid: str, days: list[date], at: time | None, summary: str, description: str) -> CalendarEvent:
    """One event for a recurring duty's occurrence dates: DTSTART the first, an RRULE until the
    last, and RDATE/EXDATE where the dates (working days, short months) leave the rule."""
    days = sorted(set(days))
    rule, yields = _rule_for(days)
    event = CalendarEvent(uid, days[0], at, summary, description)
    if not rule:
        event.rdates = days[1:]
        return event
    until = datetime.combine(days[-1], at or time(23, 59, 59))
    event.rrule = f"{rule};UNTIL={until:%Y%m%dT%H%M%S}" if at else f"{rule};UNTIL={days[-1]:%Y%m%d}"
    wanted = set(days)
    yielded = {days[0] + timedelta(days=n) for n in range((days[-1] - days[0]).days + 1)}
    yielded = {d for d in yielded if yields(d)} | {days[0]}
    event.exdates = sorted(yielded - wanted)
    event.rdates = sorted(wanted - yielded)
    return event


def events_from_rows(rows: Sequence[DelegationRow],
                     occurrences: dict[int, list[date]] | None = None) -> list[CalendarEvent]:
    """Group delegations by their deadline instance (task + due date + time): one event each.
    A recurring duty (its occurrence dates in ``occurrences`` by delegation id) is one event
    with an RRULE for all the units that owe it."""
    groups: dict[tuple[int, date, str | None], list[DelegationRow]] = {}
    duties: dict[tuple[int, str, str | None], list[DelegationRow]] = {}
    for row in rows:
        if row.recurring and occurrences and occurrences.get(row.id):
            duties.setdefault((row.task_id, row.deadline_text, row.due_time), []).append(row)
        elif row.due_date is not None:
            groups.setdefault((row.task_id, row.due_date, row.due_time), []).append(row)
    events = []
    for (task_id, day, clock), members in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        first = members[0]
        units = "、".join(dict.fromkeys(m.unit for m in members))
        summary = f"【督办】{first.task_number} {first.category}：{units}"
        lines = [
            f"方案：{first.plan_title}",
            f"任务：{first.measures}",
            f"时限：{first.deadline_text or day.isoformat()}",
            "责任单位及进度：" + "；".join(f"{m.unit}（{m.role}）{m.status}" for m in members),
        ]
        at = time.fromisoformat(clock) if clock else None
        events.append(CalendarEvent(uid=f"plan{first.plan_id}-task{task_id}-{day:%Y%m%d}@policydesk",
                                    day=day, at=at, summary=summary, description="\n".join(lines)))
    for (task_id, text, clock), members in duties.items():
        first = members[0]
        days = occurrences[first.id]
        units = "、".join(dict.fromkeys(m.unit for m in members))
        lines = [f"方案：{first.plan_title}", f"任务：{first.measures}", f"时限：{text or '周期性报送'}",
                 "责任单位及进度：" + "；".join(
                     f"{m.unit}（{m.role}）已报送{m.occurrences_reported}/{m.occurrences}次" for m in members)]
        events.append(recurring_event(f"plan{first.plan_id}-task{task_id}-{days[0]:%Y%m%d}-rrule@policydesk",
                                      days, time.fromisoformat(clock) if clock else None,
                                      f"【督办】{first.task_number} {first.category}：{units}", "\n".join(lines)))
    events.sort(key=lambda e: e.day)
    return events


def render_calendar(events: Sequence[CalendarEvent], *, name: str = "督办时限",
                    now: datetime | None = None) -> str:
    """The VCALENDAR text (CRLF line ends)."""
    stamp_utc = (now or datetime.now()).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp_utc}"]
        if event.at is None:
            lines += [f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
                      f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}"]
        else:
            start = datetime.combine(event.day, event.at)
            lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}",
                      f"DTEND:{start + timedelta(minutes=30):%Y%m%dT%H%M%S}"]
        lines += _recurrence_lines(event)
        lines += [f"SUMMARY:{escape_text(event.summary)}", f"DESCRIPTION:{escape_text(event.description)}",
                  "TRANSP:TRANSPARENT",
                  "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{escape_text('督办提醒：' + event.summary)}",
                  _alarm_trigger(event), "END:VALARM", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _recurrence_lines(event: CalendarEvent) -> list[str]:
    def values(days: list[date]) -> str:
        if event.at is None:
            return "VALUE=DATE:" + ",".join(f"{d:%Y%m%d}" for d in days)
        return ":" + ",".join(f"{datetime.combine(d, event.at):%Y%m%dT%H%M%S}" for d in days)

    lines = [f"RRULE:{event.rrule}"] if event.rrule else []
    if event.rdates:
        lines.append("RDATE" + (";" if event.at is None else "") + values(event.rdates))
    if event.exdates:
        lines.append("EXDATE" + (";" if event.at is None else "") + values(event.exdates))
    return lines


def _alarm_trigger(event: CalendarEvent) -> str:
    """Fire at 9:00 on the previous working day."""
    from tracking.queries import working_day

    day = event.day - timedelta(days=1)
    while not working_day(day):
        day -= timedelta(days=1)
    fire = datetime.combine(day, time(9, 0))
    start = datetime.combine(event.day, event.at or time(0, 0))
    minutes = int((start - fire).total_seconds() // 60)
    return f"TRIGGER:-PT{minutes}M"


def write_ics(store: Store, path: str | Path, *, plan_id: int | None = None, open_only: bool = False,
              now: datetime | None = None) -> Path:
    """Write the deadlines of ``plan_id`` (every plan when None) as an .ics file, atomically."""
    rows = list_delegations(store, plan_id=plan_id, open_only=open_only,
                            today=(now or datetime.now()).date())
    from tracking.queries import occurrences_of

    today = (now or datetime.now()).date()
    dates = {r.id: [o.due for o in occurrences_of(store, r.id, today)] for r in rows if r.recurring}
    text = render_calendar(events_from_rows(rows, dates), now=now)
    return atomic_write_bytes(Path(path), text.encode("utf-8"))
