"""The whole loop in one window, offscreen: open a seed, correct a field and undo it, draft, edit
the 任务分工表, export the .docx, delegate, see an overdue item first, change status, export the 台账."""

from __future__ import annotations

import datetime as dt

import docx
import openpyxl
import pytest
from corpus import seed
from desktop_harness import QT_LOG_IGNORE, wait_done, window_fixture  # noqa: F401 (the window fixture)
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from desktop.cases import CaseStore

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def _press(qtbot, window, sequence: str) -> None:
    """Press a shortcut as a user would (Ctrl+Z / Ctrl+Y)."""
    key = QKeySequence(sequence)[0]
    QTest.keyClick(window, key.key(), key.keyboardModifiers())


def test_the_whole_loop(qtbot, window, tmp_path):
    # 收文: open a seed off the UI thread
    (state,) = window.open_files([seed("002")])
    assert wait_done(qtbot, state).state == "finished", state.error
    receive = window.receive_page
    assert receive.model.rowCount() == 1
    assert receive.model.index(0, 0).data() == "忻卫健办函〔2021〕214号"
    assert receive.recent.count() == 1
    opened = window.session.current
    assert opened is not None and opened.notice.tasks

    # 解析: the fields are there and the text is highlighted
    window.show_page("解析")
    parse = window.parse_page
    assert parse.text.toPlainText() == opened.text
    assert len(parse.text.extraSelections()) >= len(opened.notice.deadlines) > 0
    assert parse.outline_model.rowCount() >= 5
    row = parse.select_field(("doc_number",))
    index = parse.fields.index(row, 2)
    assert index.data() == "忻卫健办函〔2021〕214号"

    # clicking a deadline in the text selects its field
    deadline = next(d for d in opened.notice.deadlines if d.span)
    parse._text_clicked(deadline.span[0])
    assert parse.fields.rows[parse.field_view.currentIndex().row()].kind in ("deadline", "unit", "contact")

    # correct one value through the view's model, as the editor would
    assert parse.fields.setData(index, "忻卫健办函〔2021〕215号")
    assert window.session.current.notice.doc_number == "忻卫健办函〔2021〕215号"
    assert receive.model.index(0, 0).data() == "忻卫健办函〔2021〕215号"
    saved = CaseStore().path(opened.digest)  # the case keeps the corrections
    assert "215号" in saved.read_text(encoding="utf-8")

    # Ctrl+Z undoes it, Ctrl+Y redoes it, Ctrl+Z again
    window.activateWindow()
    _press(qtbot, window, "Ctrl+Z")
    assert window.session.current.notice.doc_number == "忻卫健办函〔2021〕214号"
    assert parse.fields.index(row, 2).data() == "忻卫健办函〔2021〕214号"
    _press(qtbot, window, "Ctrl+Y")
    assert window.session.current.notice.doc_number == "忻卫健办函〔2021〕215号"
    _press(qtbot, window, "Ctrl+Z")
    assert window.session.current.notice.doc_number == "忻卫健办函〔2021〕214号"
    assert "214号" in saved.read_text(encoding="utf-8")

    # 起草
    window.show_page("起草")
    draft = window.draft_page
    assert wait_done(qtbot, draft.draft()).state == "finished"
    plan = window.session.plan
    assert plan is not None and plan.tasks
    assert draft.plan_edit.toPlainText().startswith(plan.title)
    assert draft.substitutions.rowCount() == len(plan.substitutions) > 0
    assert "市卫健委" not in draft.plan_edit.toPlainText()

    # 分工: the table shows the plan's tasks; edit a unit cell
    window.show_page("分工")
    table = window.table_page.model
    assert table.rowCount() == len(plan.tasks)
    before = list(plan.tasks[0].lead)
    assert table.setData(table.index(0, 3), "局办公室、医政医管股")
    assert plan.tasks[0].lead == ["局办公室", "医政医管股"]
    assert table.index(0, 3).data() == "局办公室、医政医管股"
    # table edits are undoable too
    _press(qtbot, window, "Ctrl+Z")
    assert plan.tasks[0].lead == before
    _press(qtbot, window, "Ctrl+Y")
    assert table.index(0, 3).data() == "局办公室、医政医管股"

    # export the .docx (with the edited table) and the .xlsx table
    out = tmp_path / "方案.docx"
    assert wait_done(qtbot, draft.export_docx(out)).state == "finished"
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert plan.title.replace("\n", "") in text.replace("\n", "")
    table_cells = [c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells]
    assert "局办公室、医政医管股" in table_cells

    # 督办: delegate every task (with the plan's text as edited on the 起草 page)
    draft.plan_edit.setPlainText(draft.plan_edit.toPlainText().replace(plan.title, plan.title + "（修订稿）", 1))
    assert wait_done(qtbot, window.table_page.delegate_all()).state == "finished"
    assert window.current_page_name() == "督办"
    board = window.track_page
    board.reload()
    assert board.plan_filter.currentText() == plan.title + "（修订稿）"
    assert board.model.rowCount() > 0
    assert {r.unit for r in board.model.rows} >= {"局办公室", "医政医管股"}
    first_due = min(r.due_date for r in board.model.rows if r.due_date)
    board.set_today(first_due + dt.timedelta(days=3))
    top = board.model.rows[0]
    assert top.light == "red" and top.overdue_days > 0
    assert board.model.index(0, 0).data() == "● 红灯"

    # a status change and feedback on the overdue item
    board.view.selectRow(0)
    assert board.set_status("签收")
    changed = next(r for r in board.model.rows if r.id == top.id)
    assert changed.status == "签收"
    board.view.selectRow(board.model.rows.index(changed))
    assert board.add_feedback("已完成全部排查，整改隐患3处。")
    changed = next(r for r in board.model.rows if r.id == top.id)
    assert changed.status == "已反馈" and changed.light is None

    # the 台账
    ledger = tmp_path / "台账.xlsx"
    state = board.export_ledger(ledger)
    assert wait_done(qtbot, state).state == "finished", state.error
    cells = [c.value for r in openpyxl.load_workbook(ledger).active.iter_rows() for c in r]
    assert any(isinstance(v, str) and v.endswith("：已完成全部排查，整改隐患3处。") for v in cells)
    assert "医政医管股" in cells

    # the 任务分工表 as .xlsx
    xlsx = tmp_path / "分工表.xlsx"
    state = window.table_page.export(".xlsx", xlsx)
    assert wait_done(qtbot, state).state == "finished", state.error
    values = [c.value for r in openpyxl.load_workbook(xlsx).active.iter_rows() for c in r]
    assert any(isinstance(v, str) and "医政医管股" in v for v in values)


def test_a_file_that_cannot_be_read_shows_a_chinese_message(qtbot, window, tmp_path):
    bad = tmp_path / "损坏.docx"
    bad.write_bytes(b"not a zip")
    (state,) = window.open_files([bad])
    wait_done(qtbot, state)
    assert state.state == "failed"
    assert not window.banner.isHidden()
    assert window.banner.label.text().startswith("无法打开 损坏.docx：")
    assert "Traceback" not in window.banner.label.text()
    assert window.session.current is None


def test_pages_without_data_explain_what_to_do(window):
    window.show_page("起草")
    assert "收文" in window.draft_page.summary.text()
    assert not window.draft_page.export_button.isEnabled()
    window.show_page("分工")
    assert "起草" in window.table_page.summary.text()
    window.show_page("督办")
    assert "交办" in window.track_page.summary.text()
    assert Qt.ItemFlag.ItemIsEnabled  # the board is shown, not a crash


def test_a_field_is_corrected_by_typing_in_the_panel(qtbot, window):
    from PySide6.QtWidgets import QApplication, QLineEdit

    (state,) = window.open_files([seed("004")])
    assert wait_done(qtbot, state).state == "finished"
    window.show_page("解析")
    page = window.parse_page
    row = page.select_field(("issue_date",))
    index = page.fields.index(row, 2)
    page.field_view.setCurrentIndex(index)
    page.field_view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "2024-03-08")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.current.notice.issue_date == "2024-03-08", timeout=2000)
    assert window.undo_action.text() == "撤销 修改“成文日期”"
    window.undo_action.trigger()
    assert window.session.current.notice.issue_date != "2024-03-08"


def test_redrafting_keeps_the_users_edits(qtbot, window):
    (state,) = window.open_files([seed("000")])
    assert wait_done(qtbot, state).state == "finished"
    draft = window.draft_page
    assert wait_done(qtbot, draft.draft()).state == "finished"
    table = window.table_page.model
    assert table.setData(table.index(1, 4), "县疾病预防控制中心")
    first_plan = window.session.plan
    lines = draft.plan_edit.toPlainText().splitlines()
    body = next(i for i, line in enumerate(lines) if line.startswith("一、")) + 1
    lines[body] = "本段由办公室改写。"
    draft.plan_edit.setPlainText("\n".join(lines))
    assert wait_done(qtbot, draft.draft()).state == "finished"
    assert window.session.plan is not first_plan
    assert "本段由办公室改写。" in draft.plan_edit.toPlainText().splitlines()
    assert window.session.plan.tasks[1].support == ["县疾病预防控制中心"]
    assert table.index(1, 4).data() == "县疾病预防控制中心"
