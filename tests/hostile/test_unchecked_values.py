"""Values that do not exist or do not fit — 2025-02-30, 每月0日, a 20-digit id, a lead given as
one string, JSON nested 100 000 deep — are refused with one Chinese line, nothing stored."""

from __future__ import annotations

import json
from datetime import date

import pytest
from generators import nested_json, plan_json

from desktop.cli import main
from drafting.plan import PlanDeadline
from tracking.plan_validation import plan_problems
from tracking.recurrence import InvalidRecurrence, expand
from tracking.store import open_store


def one_error_line(capsys, args: list[str]) -> str:
    """Run the command; it must exit 2 (returned, or from the argument parser) with one line."""
    capsys.readouterr()
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in err, err
    return lines[0]


def write(tmp_path, data, name="方案.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("changes, said", [
    ({"deadline_date": "2025-02-30"}, "“2025-02-30”不是存在的日期"),
    ({"issue_date": "2025-13-01"}, "成文日期"),
    ({"task_lead": "局办公室"}, "应为单位名称的列表"),
    ({"task_support": [1, 2]}, "配合单位"),
    ({"deadline_kind": "sometimes"}, "类型 kind"),
    ({"deadline_time": "25:99"}, "HH:MM"),
    ({"tasks": "T1"}, "tasks 应为任务的列表"),
])
def test_a_plan_with_an_impossible_value_is_refused_before_import(tmp_path, capsys, changes, said):
    db = str(tmp_path / "督办.sqlite3")
    line = one_error_line(capsys, ["track", "--db", db, "import", write(tmp_path, plan_json(**changes))])
    assert said in line and "未导入" in line
    with open_store(db) as store:
        assert store.conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 0


def test_a_valid_plan_has_no_problems_and_imports(tmp_path, capsys):
    assert plan_problems(plan_json()) == []
    assert main(["track", "--db", str(tmp_path / "督办.sqlite3"), "import", write(tmp_path, plan_json())]) == 0


def test_every_month_day_zero_is_said_not_crashed(tmp_path, capsys):
    duty = PlanDeadline(kind="recurring", recurrence="monthly", text="每月0日前报送")
    with pytest.raises(InvalidRecurrence, match="每月0日"):
        expand(duty, date(2025, 1, 1), date(2025, 12, 31))
    data = plan_json(deadline_kind="recurring", deadline_recurrence="monthly", deadline_text="每月0日前报送",
                     deadline_date=None)
    line = one_error_line(capsys, ["track", "--db", str(tmp_path / "督办.sqlite3"), "import", write(tmp_path, data)])
    assert "任务 T1" in line and "不存在" in line


def test_deeply_nested_json_is_a_message_not_a_recursion_error(tmp_path, capsys):
    line = one_error_line(capsys, ["track", "--db", str(tmp_path / "督办.sqlite3"), "import",
                                   write(tmp_path, nested_json())])
    assert "嵌套层数" in line
    profile = write(tmp_path, '{"schema": "profile/1", "organ": ' + "[" * 50_000 + "]" * 50_000 + "}", "profile.json")
    source = tmp_path / "通知.txt"
    source.write_text("关于开展隐患排查的通知\n各单位：\n请于2025年3月31日前报送自查报告。\n", encoding="utf-8")
    line = one_error_line(capsys, ["draft", str(source), "--profile", profile, "-o", str(tmp_path / "a.docx")])
    assert "嵌套层数" in line


def test_a_twenty_digit_id_is_refused_by_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "督办.sqlite3")
    for args in (["update", "9" * 20, "--status", "签收"], ["log", "9" * 20], ["export", "a.xlsx", "--plan", "9" * 20],
                 ["list", "--due-within", "99999999999"]):
        line = one_error_line(capsys, ["track", "--db", db, *args])
        assert "之间" in line
    main(["track", "--db", db, "import", write(tmp_path, plan_json())])
    line = one_error_line(capsys, ["track", "--db", db, "delegate", "9" * 20, "县人民医院"])
    assert "没有任务" in line


def test_a_deeply_nested_notice_json_is_a_message_for_draft(tmp_path, capsys):
    notice = write(tmp_path, '{"schema": "notice/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "来文.json")
    line = one_error_line(capsys, ["draft", notice, "-o", str(tmp_path / "a.docx")])
    assert "嵌套层数" in line and not (tmp_path / "a.docx").exists()


def test_a_deeply_nested_user_holidays_file_is_a_message(monkeypatch):
    from parsing import workdays
    from parsing.errors import PolicyDeskError
    from parsing.locations import user_data_dir

    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / workdays.HOLIDAYS_FILE).write_text('{"years": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    workdays.reload_tables()
    try:
        with pytest.raises(PolicyDeskError, match="嵌套层数"):
            workdays.is_working_day(date(2031, 5, 6))
    finally:
        (folder / workdays.HOLIDAYS_FILE).unlink()
        workdays.reload_tables()
