"""A county plan answering seed 002 walked through the 督办 loop from the command line:
import, delegation, 签收/办理中/反馈/办结, an overdue day, the 催办通知, late feedback, the 台账,
the progress report and the calendar — each output reopened and checked."""

from __future__ import annotations

import json
from datetime import date

import docx
import openpyxl
import pytest
from wutai_plan import wutai_plan

from desktop.cli import main
from tracking.queries import list_delegations, summarize
from tracking.store import StoreError, open_store


def track(capsys, *args: str) -> str:
    capsys.readouterr()
    code = main(["track", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def listed(capsys, *args: str) -> list[dict]:
    return json.loads(track(capsys, "list", "--json", *args))


def docx_text(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def find(rows: list[dict], task: str, unit: str) -> dict:
    (row,) = [r for r in rows if r["task"] == task and r["unit"] == unit]
    return row


@pytest.fixture
def walked(tmp_path, capsys):
    """The plan imported on 6月16日 and worked on until 6月24日 (a Thursday)."""
    plan_file = tmp_path / "五台县实施方案.json"
    plan_file.write_text(wutai_plan().dumps(), encoding="utf-8")
    out = track(capsys, "import", str(plan_file), "--today", "2021-06-16")
    # 4 + 3 + 1 units on T1–T3, the daily duty of T4 once (24 reports 6月16日–7月9日 inside it), 1 on T5.
    # (Before issue 16 the daily duty was 24 rows: 33 delegations, now 10.)
    assert "已导入方案 1" in out and "任务 5 项，交办 10 件（其中周期性任务 1 件，共 24 次报送），涉及单位 6 个" in out
    out = track(capsys, "delegate", "T3", "县人民医院", "--role", "配合", "--today", "2021-06-17")
    assert "交办事项编号：11" in out

    rows = listed(capsys, "--today", "2021-06-16")
    hospital_t1, hospital_t2 = find(rows, "T1", "县人民医院")["id"], find(rows, "T2", "县人民医院")["id"]
    (duty,) = [r for r in rows if r["task"] == "T4"]
    assert duty["recurring"] and duty["occurrences"] == 24 and duty["next_due"] == "2021-06-16"
    assert duty["due"] == "2021-06-16" and duty["time"] == "16:00" and duty["unit"] == "各乡镇卫生院"

    track(capsys, "update", str(hospital_t1), "--status", "签收", "--today", "2021-06-17")
    track(capsys, "update", str(hospital_t2), "--status", "签收", "--today", "2021-06-17")
    # 各乡镇卫生院 send the daily report of 6月16日–18日 on time, then stop.
    for day in ("2021-06-16", "2021-06-17", "2021-06-18"):
        out = track(capsys, "update", str(duty["id"]), "--feedback", "已按时报送督查报送表", "--today", day)
        assert "报送已记录" in out
    reports = [duty]
    track(capsys, "update", str(hospital_t1), "--status", "办理中", "--feedback",
          "已完成门诊楼、住院部自查，排查隐患12处", "--today", "2021-06-18")
    report_file = tmp_path / "县人民医院自查报告.txt"
    report_file.write_text("县人民医院安全生产自查报告：排查隐患12处，已整改10处。", encoding="utf-8")
    track(capsys, "update", str(hospital_t1), "--status", "已反馈", "--feedback",
          "排查隐患12处，已整改10处，其余2处限期整改", "--file", str(report_file), "--today", "2021-06-21")
    track(capsys, "update", str(hospital_t1), "--status", "办结", "--today", "2021-06-22")
    return {"plan": plan_file, "hospital_t1": hospital_t1, "reports": reports, "tmp": tmp_path}


def test_lights_before_the_deadline(walked, capsys):
    rows = listed(capsys, "--today", "2021-06-18")  # a Friday: 2 working days after 交办
    assert find(rows, "T1", "县中医医院")["light"] == "yellow"  # not signed after 2 working days
    t2 = find(rows, "T2", "县人民医院")
    assert t2["status"] == "签收" and t2["light"] is None  # signed, due 6-29: on track
    assert find(rows, "T1", "县人民医院")["light"] is None  # the light shows the current state: closed
    assert find(rows, "T2", "局办公室")["light"] == "yellow"
    # The daily duty, reported three times, is 办理中; its next report (6-19, a Saturday) is near: blue.
    duty = find(rows, "T4", "各乡镇卫生院")
    assert (duty["status"], duty["reported"], duty["missed"], duty["next_due"]) == ("办理中", 3, 0, "2021-06-19")
    assert duty["light"] == "blue"
    yellow = listed(capsys, "--today", "2021-06-18", "--light", "黄")
    assert {(r["task"], r["unit"]) for r in yellow} == {
        ("T1", "县中医医院"), ("T1", "县疾病预防控制中心"), ("T1", "各乡镇卫生院"), ("T2", "局办公室"),
        ("T2", "县中医医院"), ("T3", "县疾病预防控制中心"), ("T5", "医政医管股")}  # unsigned since 6月16日
    due_soon = listed(capsys, "--today", "2021-06-18", "--due-within", "2", "--unit", "县中医医院")
    assert [(r["task"], r["due"]) for r in due_soon] == [("T1", "2021-06-22")]


def test_overdue_day_and_the_reminder(walked, capsys, tmp_path):
    overdue = listed(capsys, "--overdue", "--today", "2021-06-23")
    got = {(r["task"], r["unit"], r["due"]) for r in overdue}
    t1_late = {("T1", u, "2021-06-22") for u in ("县中医医院", "县疾病预防控制中心", "各乡镇卫生院")}
    reports_late = {("T4", "各乡镇卫生院", "2021-06-19")}  # the duty, due since its first missed report
    assert got == t1_late | reports_late
    assert all(r["light"] == "red" for r in overdue)
    assert find(overdue, "T4", "各乡镇卫生院")["missed"] == 4  # 6月19日–22日
    assert find(overdue, "T1", "县中医医院")["overdue_days"] == 1
    text = track(capsys, "list", "--overdue", "--today", "2021-06-23", "--unit", "县疾病预防控制中心")
    assert "红灯（逾期1个工作日）" in text and "共 1 件，其中逾期 1 件" in text

    out = track(capsys, "remind", str(tmp_path / "催办通知.docx"), "--today", "2021-06-23")
    assert "已起草催办通知" in out
    text = docx_text(tmp_path / "催办通知.docx")
    assert "关于督促加快落实五台县卫健系统安全生产大排查大整治专项行动有关任务的通知" in text.replace("\n", "")
    assert "截至2021年6月23日" in text
    recipients = next(p for p in text.splitlines() if p.endswith("：") and "各乡镇卫生院" in p)
    assert "县中医医院" in recipients and "县疾病预防控制中心" in recipients
    # 县人民医院 closed T1 on time. T2 (6月16日–29日, 9 working days) is signed but past half-time (5 days)
    # with no feedback; T3, handed to it on 6月17日, is still unsigned 4 working days on.
    hospital = text[text.index("县人民医院。"):].split("。")[1]
    assert hospital == ("第2项任务“消防安全”，应于6月29日前完成，目前状态为“签收”，时限已过半仍未反馈进展；"
                        "第3项任务“风险分级管控”，应于6月29日前完成，目前状态为“交办”，交办后4个工作日仍未签收")
    assert "动员部署" not in text[text.index("县人民医院。"):]
    assert "第1项任务“动员部署、全面排查”，应于6月22日前完成，目前状态为“交办”，已逾期1个工作日" in text
    assert "6月19日至6月22日应报送4次" in text  # the missed daily reports, grouped
    assert "于6月25日前" in text  # two working days to reply
    assert "五台县卫生健康和体育局" in text

    with open_store() as store:
        chased = [r for r in list_delegations(store, today=date(2021, 6, 23)) if r.reminder_count]
        assert {(r.task_key, r.unit) for r in chased} >= {(t, u) for t, u, _ in t1_late}
        assert [e["action"] for e in store.events("delegation", chased[0].id)][-1] == "催办"


def test_late_feedback_ledger_report_and_calendar(walked, capsys, tmp_path):
    track(capsys, "remind", str(tmp_path / "催办通知.docx"), "--today", "2021-06-23")
    rows = listed(capsys, "--today", "2021-06-24")
    tcm = find(rows, "T1", "县中医医院")["id"]
    track(capsys, "update", str(tcm), "--feedback", "已完成自查，发现隐患5处，全部整改", "--today", "2021-06-24")

    # 台账 .xlsx
    out = track(capsys, "export", str(tmp_path / "台账.xlsx"), "--today", "2021-06-24")
    assert "已导出督办台账" in out
    book = openpyxl.load_workbook(tmp_path / "台账.xlsx")
    sheet = book["督办台账"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, row in enumerate(values) if row[:3] == ["序号", "编号", "重点任务"])
    header = values[header_at]
    body = [dict(zip(header, row, strict=True)) for row in values[header_at + 1:] if row[0] is not None]
    assert len(body) == 11
    hospital = next(r for r in body if r["编号"] == "T1" and r["责任单位"] == "县人民医院")
    assert hospital["办理状态"] == "办结"
    assert hospital["签收日期"].date() == date(2021, 6, 17)
    assert hospital["办结日期"].date() == date(2021, 6, 22)
    assert "6月18日：已完成门诊楼、住院部自查，排查隐患12处" in hospital["反馈情况"]
    assert "6月21日：排查隐患12处" in hospital["反馈情况"] and "县人民医院自查报告.txt" in hospital["反馈情况"]
    tcm_row = next(r for r in body if r["编号"] == "T1" and r["责任单位"] == "县中医医院")
    assert tcm_row["办理状态"] == "已反馈" and tcm_row["督办提示"] == "逾期反馈" and tcm_row["催办次数"] == 1
    cdc = next(r for r in body if r["编号"] == "T1" and r["责任单位"] == "县疾病预防控制中心")
    assert cdc["督办提示"] == "红灯（已逾期2个工作日）" and cdc["办理状态"] == "交办"
    hints = {c.value: c.fill.start_color.rgb for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value[:2] in ("红灯", "黄灯", "蓝灯")}
    assert hints["红灯（已逾期2个工作日）"].endswith("FFC7CE")
    assert all(rgb.endswith({"红": "FFC7CE", "黄": "FFEB9C", "蓝": "BDD7EE"}[v[0]]) for v, rgb in hints.items())
    assert any("统计截至2021年6月24日" in str(v) for row in values[:header_at] for v in row if v)
    units = [[c.value for c in row] for row in book["单位汇总"].iter_rows()]
    township = next(row for row in units if row[1] == "各乡镇卫生院")
    assert township[2] == 2  # T1 and the daily duty

    # 台账 .docx
    track(capsys, "export", str(tmp_path / "台账.docx"), "--today", "2021-06-24")
    text = docx_text(tmp_path / "台账.docx")
    assert "督办台账" in text and "排查隐患12处，已整改10处" in text and "红灯（已逾期2个工作日）" in text

    # 进展情况报告
    track(capsys, "report", str(tmp_path / "进展情况报告.docx"), "--today", "2021-06-24")
    text = docx_text(tmp_path / "进展情况报告.docx")
    assert "关于五台县卫健系统安全生产大排查大整治专项行动进展情况的报告" in text.replace("\n", "")
    assert "忻州市卫生健康委员会办公室：" in text  # reported back up to the superior
    assert "《关于在全市卫健系统立即开展安全生产大排查大整治专项行动的紧急通知》（忻卫健办函〔2021〕214号）" in text
    assert "将5项重点任务分解为11件交办事项，落实到6个责任单位" in text
    assert "已办结1件，已反馈待办结1件" in text  # 县人民医院 T1; 县中医医院
    # Built from the feedback: what was done, by whom, by when.
    assert "县人民医院排查隐患12处，已整改10处，其余2处限期整改（6月21日反馈，已办结）" in text
    assert "县中医医院已完成自查，发现隐患5处，全部整改（6月24日反馈）" in text
    assert "应报送9次，已报送3次，其中各乡镇卫生院缺报5次" in text  # the reports of 6-16 … 6-24
    assert "逾期未反馈，已发出催办" in text and "特此报告。" in text

    # Calendar
    track(capsys, "ics", str(tmp_path / "督办时限.ics"), "--today", "2021-06-24")
    raw = (tmp_path / "督办时限.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    unfolded = raw.decode("utf-8").replace("\r\n ", "")
    # One event per deadline of a task: T1, T2, T3, T5, and the daily duty of T4 as one event with its RRULE.
    assert unfolded.count("BEGIN:VEVENT") == 1 + 1 + 1 + 1 + 1
    assert "DTSTART;VALUE=DATE:20210622" in unfolded and "DTSTART:20210616T160000" in unfolded
    assert "RRULE:FREQ=DAILY;UNTIL=20210709T160000" in unfolded
    assert "各乡镇卫生院（牵头）已报送3/24次" in unfolded
    assert "SUMMARY:【督办】1 动员部署、全面排查：县人民医院、县中医医院、县疾病预防控制中心、各乡镇卫生院" in unfolded
    assert "县人民医院（牵头）办结" in unfolded


def test_everything_closed_turns_the_report_into_a_summary(walked, capsys, tmp_path):
    from tracking.delegations import update_status
    from tracking.report import draft_report

    with open_store() as store:
        for row in list_delegations(store, today=date(2021, 7, 9), open_only=True):
            if row.recurring:  # each report on its own; the duty is 已反馈 with its last one
                with pytest.raises(StoreError, match="还有 21 次未报送"):
                    update_status(store, row.id, "已反馈")
                for _ in range(row.occurrences - row.occurrences_reported):
                    update_status(store, row.id, feedback="已报送")
            else:
                update_status(store, row.id, "已反馈", feedback="已完成", now=None)
        for row in list_delegations(store, today=date(2021, 7, 9)):
            if row.status != "办结":
                update_status(store, row.id, "办结")
        summary = summarize(store, 1, date(2021, 7, 12))
        assert summary.by_status["办结"] == summary.delegations == 11 and summary.tasks_closed == 5
        document = draft_report(store, plan_id=1, today=date(2021, 7, 12))
    assert document.title == "关于五台县卫健系统安全生产大排查大整治专项行动工作情况的总结报告"
    text = "\n".join(getattr(b, "text", "") + getattr(b, "run_in", "") for b in document.body)
    assert "各项交办事项均在时限内推进" not in text  # feedback came late for several: not claimed
    assert "已办结11件" in text and "5项重点任务中5项已全部办结" in text


def test_plans_are_listed_with_counts(walked, capsys):
    out = track(capsys, "plans", "--today", "2021-06-23")
    assert out.splitlines()[1] == "1\t五台县卫健系统安全生产大排查大整治专项行动实施方案\t五卫体发〔2021〕35号\t11\t1\t4"  # overdue: 3 on T1, the daily duty


def test_event_log_records_each_step(walked, capsys):
    out = track(capsys, "log", str(walked["hospital_t1"]))
    actions = [line.split("\t")[2] for line in out.splitlines()]
    assert actions == ["交办", "签收", "办理中", "已反馈", "办结"]
    assert out.splitlines()[1].startswith("2021-06-17")


def test_user_errors_are_one_chinese_line(walked, capsys):
    assert main(["track", "update", "9999", "--status", "签收"]) == 2
    assert "错误：没有编号为 9999 的交办事项" in capsys.readouterr().err
    assert main(["track", "delegate", "T9", "县人民医院"]) == 2
    assert "没有任务 T9" in capsys.readouterr().err
    assert main(["track", "delegate", "T1", "县人民医院"]) == 2
    assert "已交办给县人民医院" in capsys.readouterr().err
    assert main(["track", "import", str(walked["plan"])]) == 2
    assert "已导入" in capsys.readouterr().err


def test_the_ledger_shows_a_duty_once_with_its_reports(walked, capsys, tmp_path):
    track(capsys, "export", str(tmp_path / "台账.xlsx"), "--today", "2021-06-23")
    sheet = openpyxl.load_workbook(tmp_path / "台账.xlsx")["督办台账"]
    (duty,) = [[c.value for c in row] for row in sheet.iter_rows() if row[1].value == "T4"]
    assert "每日16时前（共24次，已报3次，缺报4次，下次6月19日）" in duty
