"""RFC 5545 text: escaping, folding at 75 octets without splitting a character, CRLF."""

from __future__ import annotations

from datetime import date, datetime, time

from tracking.ics import CalendarEvent, escape_text, fold, render_calendar


def test_escape_text():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_fold_keeps_utf8_characters_whole():
    line = "DESCRIPTION:" + "安全生产大排查大整治，" * 20
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 3
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_calendar_events_all_day_and_timed():
    events = [
        CalendarEvent("a@x", date(2021, 6, 22), None, "【督办】T1,T2 动员部署，全面排查", "任务：自查自纠；列出清单\n时限：6月22日前"),
        CalendarEvent("b@x", date(2021, 6, 21), time(16, 0), "信息报送", "每日16时前"),
    ]
    text = render_calendar(events, now=datetime(2021, 6, 16, 9, 0))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VCALENDAR\r\n")
    unfolded = text.replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20210622\r\nDTEND;VALUE=DATE:20210623" in unfolded
    assert "DTSTART:20210621T160000\r\nDTEND:20210621T163000" in unfolded
    assert "SUMMARY:【督办】T1\\,T2 动员部署，全面排查" in unfolded  # ASCII , escaped; full-width ， not
    assert "DESCRIPTION:任务：自查自纠\\；列出清单\\n时限：6月22日前" not in unfolded  # full-width ； stays
    assert "DESCRIPTION:任务：自查自纠；列出清单\\n时限：6月22日前" in unfolded
    # Reminders at 9:00 the working day before: 6月21日 (Monday) for 6月22日; 6月18日 (Friday) for 6月21日.
    assert "TRIGGER:-PT900M" in unfolded  # 2021-06-22 00:00 − 2021-06-21 09:00
    assert f"TRIGGER:-PT{(3 * 24 + 7) * 60}M" in unfolded  # 2021-06-21 16:00 − 2021-06-18 09:00
    assert unfolded.count("BEGIN:VEVENT") == 2 and "DTSTAMP:20210616T" in unfolded
