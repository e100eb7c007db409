"""Issue 16: a unit's 督办单 and 反馈表 round trip; every bad 反馈表 refused with nothing changed."""

from __future__ import annotations

import copy
import shutil
from datetime import date, datetime

import docx
import openpyxl
import pytest
from wutai_plan import wutai_plan

from desktop.cli import main
from tracking.delegations import import_plan
from tracking.feedback_form import (
    FormError,
    apply_feedback_form,
    read_feedback_form,
    write_feedback_form,
    write_supervision_sheet,
)
from tracking.plan_revision import revise_plan
from tracking.queries import feedback_of, list_delegations
from tracking.store import open_store


@pytest.fixture
def store():
    s = open_store(actor="督查员")
    yield s
    s.close()


@pytest.fixture
def form(store, tmp_path):
    plan_id = import_plan(store, wutai_plan(), now=datetime(2021, 6, 16, 9))
    path = write_feedback_form(store, tmp_path / "县人民医院反馈表.xlsx", plan_id=plan_id, unit="县人民医院",
                               today=date(2021, 6, 17))
    return plan_id, path


def fill(path, answers: dict[int, tuple[str, str, str]], target=None):
    """What the hospital's office does: type into the open columns, save."""
    book = openpyxl.load_workbook(path)
    sheet = book["反馈表"]
    for row in sheet.iter_rows(min_row=4):
        if row[1].value in answers:
            for cell, value in zip(row[7:10], answers[row[1].value], strict=True):
                cell.value = value
    book.save(target or path)
    return target or path


def snapshot(store) -> tuple:
    conn = store.conn
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("feedback", "attachments", "events", "occurrence_reports")) + tuple(
        tuple(r) for r in conn.execute("SELECT id, status, version FROM delegations ORDER BY id"))


def test_the_form_locks_task_columns_and_opens_three(store, form):
    _plan_id, path = form
    sheet = openpyxl.load_workbook(path)["反馈表"]
    assert [c.value for c in sheet[3]] == ["序号", "事项编号", "重点任务", "具体措施", "完成时限", "报送对象", "当前状态",
                                           "进展情况", "完成情况", "佐证材料"]
    assert sheet.protection.sheet
    body = list(sheet.iter_rows(min_row=4))
    assert [r[2].value for r in body] == ["T1 动员部署、全面排查", "T2 消防安全"]
    assert all(c.protection.locked for r in body for c in r[:7])
    assert not any(c.protection.locked for r in body for c in r[7:10])
    assert body[0][4].value == "2021年6月22日前" and body[0][5].value == "局办公室"


def test_a_filled_form_is_shown_then_applied_in_one_go(store, form, tmp_path):
    plan_id, path = form
    ids = [r.id for r in list_delegations(store, plan_id=plan_id, unit="县人民医院")]
    (tmp_path / "自查报告.pdf").write_bytes(b"%PDF-1.4 report")
    fill(path, {ids[0]: ("已完成门诊楼、住院部自查，排查隐患12处，已整改10处", "已完成", "自查报告.pdf、整改照片.jpg"),
                ids[1]: ("已完成消防设施排查，演练定于6月28日", "推进中", "")})
    before = snapshot(store)
    preview = read_feedback_form(store, path, unit="县人民医院")
    assert snapshot(store) == before  # a preview changes nothing
    assert preview.lines() == [
        f"事项 {ids[0]}（T1 动员部署、全面排查）报告完成：已完成门诊楼、住院部自查，排查隐患12处，已整改10处；附件 自查报告.pdf；"
        "佐证材料 整改照片.jpg（文件未随表提供，仅记录名称）",
        f"事项 {ids[1]}（T2 消防安全）报告进展：已完成消防设施排查，演练定于6月28日"]
    assert apply_feedback_form(store, preview, now=datetime(2021, 6, 21, 10)) == 2
    rows = {r.id: r for r in list_delegations(store, plan_id=plan_id, unit="县人民医院")}
    assert (rows[ids[0]].status, rows[ids[1]].status) == ("已反馈", "办理中")
    (item,) = feedback_of(store, ids[0])
    assert item["files"] == ["自查报告.pdf"] and "整改照片.jpg" in item["text"]
    # The same form read again adds nothing.
    again = read_feedback_form(store, path)
    assert (again.changes, again.unchanged) == ([], 2)


def test_bad_forms_are_refused_and_change_nothing(store, form, tmp_path):
    plan_id, path = form
    ids = [r.id for r in list_delegations(store, plan_id=plan_id, unit="县人民医院")]
    answer = {ids[0]: ("已完成自查", "已完成", "")}
    before = snapshot(store)

    edited = fill(path, answer, tmp_path / "改了任务.xlsx")
    book = openpyxl.load_workbook(edited)
    book["反馈表"]["E4"] = "2021年6月30日前"  # the unit moves its own deadline
    book.save(edited)
    with pytest.raises(FormError, match="第4行的任务内容被修改"):
        read_feedback_form(store, edited)

    with pytest.raises(FormError, match="这是“县人民医院”的反馈表，不是“县中医医院”的"):
        read_feedback_form(store, fill(path, answer, tmp_path / "错单位.xlsx"), unit="县中医医院")

    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(path.read_bytes()[:500])
    with pytest.raises(FormError, match="已损坏或不是 Excel 反馈表"):
        read_feedback_form(store, broken)
    plain = tmp_path / "自制表.xlsx"
    openpyxl.Workbook().save(plain)
    with pytest.raises(FormError, match="不是本系统导出的反馈表"):
        read_feedback_form(store, plain)

    # A 反馈表 of another plan (another office's store, same plan number).
    with open_store(tmp_path / "别处" / "督办.sqlite3") as other:
        other_plan = copy.deepcopy(wutai_plan())
        other_plan.title, other_plan.doc_number = "另一县实施方案", "另卫发〔2021〕1号"
        import_plan(other, other_plan, now=datetime(2021, 6, 16, 9))
        foreign = write_feedback_form(other, tmp_path / "另一方案.xlsx", plan_id=1, unit="县人民医院")
    with pytest.raises(FormError, match="属于另一方案《另一县实施方案》"):
        read_feedback_form(store, fill(foreign, {}))

    # A 反馈表 of the plan before its revision.
    stale = shutil.copy(path, tmp_path / "旧版.xlsx")
    revised = copy.deepcopy(wutai_plan())
    revised.tasks[0].deadlines[0].date = "2021-06-25"
    revise_plan(store, plan_id, revised, now=datetime(2021, 6, 18, 9))
    before = snapshot(store)
    with pytest.raises(FormError, match="按第1版方案导出，方案已修订为第2版"):
        read_feedback_form(store, fill(stale, answer))
    assert snapshot(store) == before


def test_supervision_sheet_and_the_command_line(store, form, tmp_path, capsys):
    plan_id, path = form
    sheet = write_supervision_sheet(store, tmp_path / "督办单.docx", plan_id=plan_id, unit="各乡镇卫生院",
                                    today=date(2021, 6, 23))
    document = docx.Document(str(sheet))
    text = "\n".join([p.text for p in document.paragraphs] +
                     [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert "督办单" in text and "各乡镇卫生院：" in text and "每日16时前（共24次，下次6月16日）" in text
    assert "报送局办公室" in text
    assert "其中2项已超过时限" in text
    ids = [r.id for r in list_delegations(store, plan_id=plan_id, unit="县人民医院")]
    fill(path, {ids[1]: ("消防演练已完成", "已完成", "")})
    db = str(store.path)
    capsys.readouterr()
    assert main(["track", "--db", db, "feedback", str(path), "--dry-run"]) == 0
    assert "（预览，未更改）" in capsys.readouterr().out
    assert main(["track", "--db", db, "feedback", str(path), "--unit", "县人民医院", "--today", "2021-06-24"]) == 0
    assert "已导入反馈 1 项" in capsys.readouterr().out
    assert main(["track", "--db", db, "form", "县人民医院", str(tmp_path / "x.pdf")]) == 2
