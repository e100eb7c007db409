"""The clerk's desk: each notice's work is one case, saved after every edit and back after a
restart; the outgoing fields set in the window reach the .docx; the 分工表 rows; undo per page;
checks that follow the corrections."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import docx
import pytest
from corpus import seed
from desktop_harness import QT_LOG_IGNORE, wait_done, window_fixture  # noqa: F401 (the window fixture)
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from desktop.cases import CaseStore

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]

UNTITLED = """各县（市、区）卫生健康局：

为做好今冬明春学校传染病防控工作，现就有关事项通知如下。

一、加强晨午检。各县（市、区）卫生健康局要会同教育部门督促学校落实晨午检制度，于12月20日前完成一轮专项检查。

二、做好疫苗接种。各县（市、区）卫生健康局要组织辖区接种单位开展查漏补种，12月31日前将工作总结报市卫生健康委疾控科。

联系人：张明，电话：0350-1234567。

市卫生健康委员会
"""


def _open(qtbot, window, path):
    (state,) = window.open_files([path])
    assert wait_done(qtbot, state).state == "finished", state.error
    return window.session.current


def _draft(qtbot, window):
    window.show_page("起草")
    state = window.draft_page.draft()
    assert wait_done(qtbot, state).state == "finished", state.error
    return window.session.plan


def _reopen(qtbot, window):
    """Close the window as the clerk would and start a new one on the same data folder."""
    from desktop.main_window import MainWindow

    assert window.close()
    again = MainWindow(window.settings)
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    assert wait_done(qtbot, again.load_received()).state == "finished"
    return again


def _set_text(edit, text: str) -> None:
    edit.setText(text)
    edit.editingFinished.emit()


def _press(window, sequence: str) -> None:
    key = QKeySequence(sequence)[0]
    QTest.keyClick(window, key.key(), key.keyboardModifiers())


def test_the_whole_case_comes_back_after_a_restart(qtbot, window, tmp_path):
    opened = _open(qtbot, window, seed("000"))
    plan = _draft(qtbot, window)
    draft = window.draft_page
    lines = draft.plan_edit.toPlainText().splitlines()
    body = next(i for i, line in enumerate(lines) if line.startswith("一、")) + 1
    lines[body] = "本段由办公室改写，保存后重启仍在。"
    draft.plan_edit.setPlainText("\n".join(lines))
    _set_text(draft.number_edit, "12")
    window.show_page("分工")
    table = window.table_page.model
    assert table.setData(table.index(0, 3), "局办公室")
    out = tmp_path / "方案.docx"
    assert wait_done(qtbot, draft.export_docx(out)).state == "finished"

    # the case on disk holds it all, written atomically (no temporary file left beside it)
    case_file = CaseStore().path(opened.digest)
    saved = json.loads(case_file.read_text(encoding="utf-8"))
    assert "本段由办公室改写，保存后重启仍在。" in saved["plan_text"]
    assert saved["plan"]["tasks"][0]["lead"] == ["局办公室"]
    assert [e["path"] for e in saved["exports"]] == [str(out)]
    assert not [p for p in case_file.parent.iterdir() if p.name.endswith(".tmp")]

    assert window.receive_page.model.index(0, 5).data() == "已起草（实施方案） · 已导出 1 次"
    again = _reopen(qtbot, window)
    assert again.session.current is not None and again.session.current.digest == opened.digest
    assert again.receive_page.model.index(0, 5).data() == "已起草（实施方案） · 已导出 1 次"
    again.show_page("起草")
    page = again.draft_page
    assert "本段由办公室改写，保存后重启仍在。" in page.plan_edit.toPlainText()
    assert page.draft_button.text() == "重新起草"
    assert page.number_edit.text().endswith("〔" + plan.issue_date[:4] + "〕12号")
    assert page.last_docx == out
    assert page.checks.count() > 0
    again.show_page("分工")
    assert again.table_page.model.index(0, 3).data() == "局办公室"
    assert (plan.tasks[0].id, 3) in again.table_page.model.edited
    again.grab().save(str(tmp_path / "reopened.png"))
    again.runner.wait(5000)


def test_typing_in_the_draft_is_saved_without_any_action(qtbot, window):
    opened = _open(qtbot, window, seed("002"))
    _draft(qtbot, window)
    window.draft_page.plan_edit.appendPlainText("附：本方案由局办公室负责解释。")
    case_file = CaseStore().path(opened.digest)
    qtbot.waitUntil(lambda: "由局办公室负责解释" in case_file.read_text(encoding="utf-8"), timeout=3000)


def test_close_asks_only_when_work_could_be_lost(qtbot, window, tmp_path):
    asked: list[list[str]] = []
    window.confirm_close = lambda lost: (asked.append(lost), False)[1]
    _open(qtbot, window, seed("002"))
    _draft(qtbot, window)
    assert window.unsaved_work() == []
    # the disk refuses the next save: now closing would lose the edit, so the clerk is asked
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    window.session.cases.root = blocker / "cases"
    window.draft_page.plan_edit.appendPlainText("新增一段。")
    window.draft_page.flush()
    assert not window.close()
    assert asked and asked[0][0].startswith("未能保存：")
    assert window.isVisible()
    window.session.cases.root = tmp_path / "cases"
    window.draft_page.plan_edit.appendPlainText("再加一段。")
    window.draft_page.flush()
    assert window.unsaved_work() == []
    # a draft still being written would be lost too; loading the list again would not
    release = threading.Event()
    for title in ("起草实施方案", "载入已收来文"):
        window.runner.start(title, lambda _p, cancelled: release.wait(10) or cancelled())
    assert window.unsaved_work() == ["正在进行：起草实施方案"]
    release.set()
    window.runner.wait(10000)
    qtbot.waitUntil(lambda: window.unsaved_work() == [], timeout=5000)
    asked.clear()
    window.confirm_close = lambda lost: (asked.append(lost), True)[1]
    assert window.close()
    assert asked == []


def test_outgoing_fields_set_in_the_window_reach_the_docx(qtbot, window, tmp_path):
    opened = _open(qtbot, window, seed("000"))
    draft = window.draft_page
    superior = dt.date.fromisoformat(opened.notice.issue_date)
    # 成文日期: today by default, never before the superior's date
    assert draft.date_edit.date().toPython() == max(dt.date.today(), superior)
    assert draft.date_edit.minimumDate().toPython() == superior
    draft.date_edit.setDate(QDate(superior.year, superior.month, superior.day).addDays(-5))
    assert draft.date_edit.date().toPython() == superior
    day = superior + dt.timedelta(days=3)
    draft.date_edit.setDate(QDate(day.year, day.month, day.day))
    plan = _draft(qtbot, window)
    assert plan.issue_date == day.isoformat()
    assert any("发文字号" in m for m in draft.check_messages())

    _set_text(draft.number_edit, "12")
    assert draft.number_edit.text() == f"{window.draft_page.profile().doc_prefix}〔{day.year}〕12号"
    assert not any("发文字号" in m for m in draft.check_messages())  # checked again at once
    _set_text(draft.cc_edit, "县人民政府办公室、市卫生健康委员会")
    draft.urgency_combo.setCurrentIndex(draft.urgency_combo.findData("加急"))
    draft.secrecy_combo.setCurrentText("秘密★1年")
    out = tmp_path / "发文.docx"
    assert wait_done(qtbot, draft.export_docx(out)).state == "finished"
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join(paragraphs + cells)
    assert f"〔{day.year}〕12号" in text
    assert "加急" in paragraphs and "秘密★1年" in paragraphs
    assert "抄送：县人民政府办公室，市卫生健康委员会。" in text.replace("\u3000", "").replace(" ", "")
    assert f"{day.year}年{day.month}月{day.day}日" in text
    window.resize(1366, 768)
    window.grab().save(str(tmp_path / "outgoing.png"))


def test_the_task_table_rows_are_added_split_moved_and_deleted_with_undo(qtbot, window):
    _open(qtbot, window, seed("000"))
    plan = _draft(qtbot, window)
    window.show_page("分工")
    page = window.table_page
    model = page.model
    rows = model.rowCount()
    first = plan.tasks[0].measures

    assert page.add_row(0)
    assert model.rowCount() == rows + 1 and model.tasks[1].measures == ""
    assert [t.number for t in model.tasks] == [str(n) for n in range(1, rows + 2)]
    assert len({t.id for t in model.tasks}) == rows + 1
    assert window.undo_action.text() == "撤销 插入分工表行"
    _press(window, "Ctrl+Z")
    assert model.rowCount() == rows

    long_row = next(i for i, t in enumerate(model.tasks) if t.measures.count("。") >= 2)
    whole = model.tasks[long_row].measures
    assert page.split_row(long_row)
    assert model.rowCount() == rows + 1
    assert model.tasks[long_row].measures + model.tasks[long_row + 1].measures == whole.replace(" ", "")
    assert model.tasks[long_row + 1].lead == model.tasks[long_row].lead
    _press(window, "Ctrl+Z")
    assert model.tasks[long_row].measures == whole

    assert page.move_row(1, 0)
    assert model.tasks[1].measures == first and model.tasks[0].number == "1"
    assert page.delete_row(1)
    assert first not in [t.measures for t in model.tasks]
    _press(window, "Ctrl+Z")
    _press(window, "Ctrl+Z")
    assert model.tasks[0].measures == first and model.rowCount() == rows
    _press(window, "Ctrl+Y")
    assert model.tasks[1].measures == first


def test_each_page_has_its_own_undo(qtbot, window):
    opened = _open(qtbot, window, seed("002"))
    window.show_page("解析")
    parse = window.parse_page
    index = parse.fields.index(parse.select_field(("doc_number",)), 2)
    assert parse.fields.setData(index, "忻卫健办函〔2021〕215号")
    plan = _draft(qtbot, window)
    window.show_page("分工")
    table = window.table_page.model
    assert table.setData(table.index(0, 3), "局办公室、医政医管股")
    assert window.undo_action.text() == "撤销 修改牵头单位"
    window.show_page("解析")
    assert window.undo_action.text() == "撤销 修改“发文字号”"
    _press(window, "Ctrl+Z")
    assert opened.notice.doc_number == "忻卫健办函〔2021〕214号"
    assert plan.tasks[0].lead == ["局办公室", "医政医管股"]  # the 分工 edit is untouched
    window.show_page("督办")
    assert not window.undo_action.isEnabled()
    # on 起草, Ctrl+Z in the text undoes the typing there, not the 分工 edit
    window.show_page("起草")
    edit = window.draft_page.plan_edit
    before = edit.toPlainText()
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, "ok")
    assert edit.toPlainText() != before
    QTest.keyClick(edit, QKeySequence("Ctrl+Z")[0].key(), QKeySequence("Ctrl+Z")[0].keyboardModifiers())
    assert edit.toPlainText() == before
    assert plan.tasks[0].lead == ["局办公室", "医政医管股"]
    window.show_page("分工")
    _press(window, "Ctrl+Z")
    assert plan.tasks[0].lead != ["局办公室", "医政医管股"]


def test_a_renamed_heading_survives_a_redraft(qtbot, window):
    _open(qtbot, window, seed("000"))
    _draft(qtbot, window)
    draft = window.draft_page
    lines = draft.plan_edit.toPlainText().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("（一）"))
    lines[at] = "（一）压实属地和部门责任"
    draft.plan_edit.setPlainText("\n".join(lines))
    _draft(qtbot, window)
    assert "（一）压实属地和部门责任" in draft.plan_edit.toPlainText().splitlines()


def test_checks_follow_the_corrections(qtbot, window, tmp_path):
    source = tmp_path / "无标题来文.txt"
    source.write_text(UNTITLED, encoding="utf-8")
    _open(qtbot, window, source)
    _draft(qtbot, window)
    draft = window.draft_page
    messages = draft.check_messages()
    assert any("未找到公文标题" in m for m in messages)
    assert any("成文日期不详" in m for m in messages)
    assert not any("【提示】解析提示：" in m for m in messages)
    assert any(m.startswith("【解析】") for m in messages)

    window.show_page("解析")
    parse = window.parse_page

    def hints() -> list[str]:
        return [parse.warnings.item(i).text() for i in range(parse.warnings.count())]

    assert "未找到公文标题" in hints()
    for path, value in ((("title",), "关于做好今冬明春学校传染病防控工作的通知"), (("issue_date",), "2025-11-20")):
        assert parse.fields.setData(parse.fields.index(parse.select_field(path), 2), value)
    assert "未找到公文标题" not in hints() and not any("成文日期不详" in h for h in hints())
    window.show_page("起草")
    messages = draft.check_messages()
    assert not any("未找到公文标题" in m or "成文日期不详" in m for m in messages), messages
    assert "关于做好今冬明春学校传染病防控工作的通知" in draft.summary.text()
    # the 成文日期 of the county's document can no longer be before the superior's
    assert draft.date_edit.minimumDate().toPython() == dt.date(2025, 11, 20)


def test_a_notice_is_removed_from_receive_and_stays_removed(qtbot, window):
    opened = _open(qtbot, window, seed("002"))
    _open(qtbot, window, seed("004"))
    assert window.receive_page.model.rowCount() == 2
    assert [a.data() for a in window.recent_menu.actions()][:2] == [str(Path(seed("004")).resolve()),
                                                                   str(Path(seed("002")).resolve())]
    assert window.remove_notice(opened, confirm=False)
    assert window.receive_page.model.rowCount() == 1
    assert not CaseStore().path(opened.digest).exists()
    again = _reopen(qtbot, window)
    assert [o.digest for o in again.session.notices] != [] and opened.digest not in {
        o.digest for o in again.session.notices}
    # opening the file again brings it back
    (state,) = again.open_files([seed("002")])
    assert wait_done(qtbot, state).state == "finished"
    assert again.receive_page.model.rowCount() == 2
    again.recent_menu.actions()[0].trigger()  # the 文件 menu's recent files open too
    again.runner.wait(20000)


def test_find_looks_in_the_page_shown(qtbot, window):
    opened = _open(qtbot, window, seed("002"))
    window.show_page("解析")
    window.find_action.trigger()
    bar = window.find_bar
    assert bar.isVisible()
    word = opened.notice.deadlines[0].text[:4]
    assert bar.find(word)
    assert window.parse_page.text.textCursor().selectedText() == word
    assert not bar.find("不会出现的词语组合")
    assert bar.result.text() == "未找到“不会出现的词语组合”"
    plan = _draft(qtbot, window)
    assert bar.find(plan.title[-4:])
    assert window.draft_page.plan_edit.textCursor().selectedText() == plan.title[-4:]
    window.show_page("分工")
    unit = plan.tasks[-1].lead[0]
    assert bar.find(unit)
    index = window.table_page.view.currentIndex()
    assert unit in index.data()
    assert bar.find(unit, backward=True)  # back again, wrapping round at the first row
    assert unit in window.table_page.view.currentIndex().data()
    window.show_page("设置")
    assert not bar.find(unit) and bar.result.text() == "本页没有可查找的内容"
