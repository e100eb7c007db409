"""Far deadlines and huge recurrences: working days counted in constant time, imports bounded,
dates at the calendar's end never overflow."""

from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta

import pytest
from generators import daily_duty_plan

from desktop.cli import main
from tracking import queries
from tracking.delegations import MAX_DELEGATIONS, import_plan
from tracking.queries import list_delegations, shift_working_days, working_day, working_days_between
from tracking.recurrence import MAX_OCCURRENCES
from tracking.store import StoreError, open_store


def day_by_day(a: date, b: date) -> int:
    """The definition: working days after ``a`` up to and including ``b``."""
    if b < a:
        return -day_by_day(b, a)
    count, day = 0, a
    while day < b:
        day += timedelta(days=1)
        count += working_day(day)
    return count


def test_working_days_match_the_day_by_day_count_across_holidays_and_unknown_years():
    rng = random.Random(17)
    pairs = [(date(2024, 9, 27), date(2024, 10, 12)),  # 国庆 with its 调休 Sundays
             (date(2025, 1, 20), date(2025, 2, 10)),  # 春节
             (date(2019, 12, 30), date(2031, 1, 2))]  # known years into unknown ones
    pairs += [(a := date(2003, 1, 1) + timedelta(days=rng.randrange(45 * 365)),
               a + timedelta(days=rng.randrange(-900, 900))) for _ in range(120)]
    for a, b in pairs:
        assert working_days_between(a, b) == day_by_day(a, b), (a, b)


def test_working_days_over_a_century_take_no_time():
    working_days_between(date(2025, 1, 1), date(2099, 12, 31))  # the year tables, once
    start = time.perf_counter()
    for k in range(2000):
        working_days_between(date(2025, 1, 1) + timedelta(days=k), date(2099, 12, 31))
    assert time.perf_counter() - start < 1.0
    assert working_days_between(date.min, date.max) > 2_600_000


def test_shift_working_days_is_bounded_and_never_overflows():
    assert shift_working_days(date(9999, 12, 20), 30) == date.max
    assert shift_working_days(date(2025, 1, 1), 10**9) <= date(2025, 1, 1) + timedelta(days=queries.MAX_SHIFT_DAYS * 2)


def test_a_daily_duty_until_2099_is_refused_with_a_chinese_message_and_stores_nothing():
    with open_store(actor="测试员") as store:
        start = time.perf_counter()
        with pytest.raises(StoreError, match=rf"超过{MAX_OCCURRENCES}次的上限.*--until"):
            import_plan(store, daily_duty_plan("2099-12-31"), now=datetime(2025, 1, 2, 9))
        assert time.perf_counter() - start < 5
        assert store.conn.execute("SELECT count(*) FROM delegations").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 0
        # the same duty over a year imports, and the store lists at once
        plan_id = import_plan(store, daily_duty_plan("2025-12-31"), now=datetime(2025, 1, 2, 9))
        start = time.perf_counter()
        rows = list_delegations(store, plan_id=plan_id, today=date(2025, 6, 1))
        assert time.perf_counter() - start < 5
        # One row per (duty, unit) since issue 16, the year's reports inside each.
        assert len(rows) == 3 + 1 and 3 * 360 < sum(r.occurrences for r in rows) < 3 * 366 + 1


def test_the_import_total_is_capped(monkeypatch):
    import tracking.delegations as delegations

    monkeypatch.setattr(delegations, "MAX_DELEGATIONS", 100)
    with open_store(actor="测试员") as store, pytest.raises(StoreError, match="超过 100 件的上限"):
        import_plan(store, daily_duty_plan("2025-12-31"), now=datetime(2025, 1, 2, 9))
    assert MAX_DELEGATIONS >= 10_000


def test_until_at_the_calendar_end_is_a_message_not_an_overflow(tmp_path, capsys):
    plan = tmp_path / "方案.json"
    plan.write_text(daily_duty_plan("2025-12-31").dumps(), encoding="utf-8")
    db = str(tmp_path / "督办.sqlite3")
    code = main(["track", "--db", db, "import", str(plan), "--until", "9999-12-31"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("错误：") and "上限" in err and "Traceback" not in err
    assert main(["track", "--db", db, "import", str(plan), "--until", "2025-06-30"]) == 0
    assert main(["track", "--db", db, "list", "--due-within", "3660"]) == 0
