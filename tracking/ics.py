"""Deadlines as an iCalendar file (RFC 5545) for the office's calendar.

One VEVENT per dated deadline instance of a plan, listing the units that owe it and their
status; all-day unless a clock time is given (then a 30-minute floating-time event). Text is
escaped (``\\`` ``;`` ``,`` newline), lines end in CRLF and are folded at 75 octets without
splitting a UTF-8 character. A reminder (VALARM) fires the working day before at 9:00.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
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


def events_from_rows(rows: Sequence[DelegationRow]) -> list[CalendarEvent]:
    """Group delegations by their deadline instance (task + due date + time): one event each."""
    groups: dict[tuple[int, date, str | None], list[DelegationRow]] = {}
    for row in rows:
        if row.due_date is not None:
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
        lines += [f"SUMMARY:{escape_text(event.summary)}", f"DESCRIPTION:{escape_text(event.description)}",
                  "TRANSP:TRANSPARENT",
                  "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{escape_text('督办提醒：' + event.summary)}",
                  _alarm_trigger(event), "END:VALARM", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


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
    text = render_calendar(events_from_rows(rows), now=now)
    return atomic_write_bytes(Path(path), text.encode("utf-8"))
