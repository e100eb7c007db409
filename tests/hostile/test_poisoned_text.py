"""XML-illegal and control characters never poison the desk: cleaned where they enter
(feedback, notices, plan and profile JSON), dropped where they leave (.docx, .xlsx, .ics, JSON,
the terminal) — also for rows stored before the cleaning existed."""

from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tracking"))
from generators import POISON, poisoned
from wutai_plan import wutai_plan

from desktop.cli import main
from parsing.text_safety import clean_input, clean_json, safe_json, terminal_safe, xml_safe
from tracking.delegations import find_task, import_plan, update_status
from tracking.queries import list_delegations
from tracking.store import open_store

FEEDBACK = "已完成自查，建立隐患台账。第二行"
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def test_clean_input_turns_word_line_breaks_into_lines_and_drops_the_rest():
    assert clean_input("已完成。\x0b第二行") == "已完成。\n第二行"
    assert clean_input("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert clean_input("\x1b[31m红色\x1b[0m\x1b]0;标题\x07正文\x01\x7f\x9b2J") == "红色正文"
    assert clean_input("坏\ufffe\uffff字\ud800") == "坏字\ufffd"
    assert clean_input("表情\ud83d\ude00") == "表情😀"  # a surrogate pair is one character
    assert clean_input(None) == ""
    assert clean_input("正常\t文字\n") == "正常\t文字\n"


def test_every_poison_is_gone_after_each_cleaner():
    text = poisoned("各单位于3月31日前报送自查报告", seed=3)
    for cleaned in (clean_input(text), xml_safe(text), terminal_safe(text)):
        assert not XML_ILLEGAL.search(cleaned), repr(cleaned)
        assert "\x1b" not in cleaned
        cleaned.encode("utf-8")  # no lone surrogate left
    assert clean_input(text).replace("\n", "").replace("\ufffd", "") == "各单位于3月31日前报送自查报告"


def test_json_values_are_cleaned_keys_and_all():
    value = {"标题\x0b": ["a\x01", {"b": "c\ud800"}], "n": 3}
    assert clean_json(value) == {"标题\n": ["a", {"b": "c\ufffd"}], "n": 3}
    assert json.dumps(safe_json(value), ensure_ascii=False).encode("utf-8")


@pytest.fixture
def poisoned_store(tmp_path):
    """The 五台县 plan with one feedback carrying every poison, one through the API (cleaned on
    the way in) and one written straight into the database (as an old store may hold it)."""
    db = tmp_path / "督办.sqlite3"
    with open_store(db, actor="测试员") as store:
        import_plan(store, wutai_plan(), now=datetime(2021, 6, 16, 9))
        first, second = list_delegations(store, task_id=find_task(store, "T1"))[:2]
        change = update_status(store, first.id, feedback=poisoned(FEEDBACK, 1),
                               now=datetime(2021, 6, 21, 10))
        stored = store.conn.execute("SELECT text FROM feedback WHERE id = ?", (change.feedback_id,)).fetchone()[0]
        assert not XML_ILLEGAL.search(stored) and "\x1b" not in stored
        with store.transaction() as conn:  # a row from before: the raw poison in the store
            conn.execute("UPDATE delegations SET feedback = ?, status = '已反馈', status_rank = 3 WHERE id = ?",
                         ("旧反馈\x0b第二行\x1b[2J\x01\ufffe", second.id))
            conn.execute("INSERT INTO feedback (delegation_id, text, actor, created_at) VALUES (?, ?, ?, ?)",
                         (second.id, "旧反馈\x0b第二行\x1b]0;x\x07\x01\ufffe", "旧用户", "2021-06-21T10:00:00"))
    return db


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_poisoned_feedback_never_breaks_export_report_ics_or_list(poisoned_store, tmp_path, capsys):
    db = str(poisoned_store)
    for name in ("台账.xlsx", "台账.docx", "进展情况报告.docx", "督办时限.ics"):
        command = {"xlsx": "export", "docx": "export", "ics": "ics"}[name.rsplit(".", 1)[1]]
        if name.startswith("进展"):
            command = "report"
        code, _, err = run(capsys, "track", "--db", db, command, str(tmp_path / name), "--today", "2021-06-25")
        assert code == 0, err
    book = openpyxl.load_workbook(tmp_path / "台账.xlsx")
    cells = [str(c.value) for row in book["督办台账"].iter_rows() for c in row if c.value is not None]
    assert any("旧反馈\n第二行" in c for c in cells)
    assert any(clean_input(poisoned(FEEDBACK, 1)) in c for c in cells)
    ledger = docx.Document(str(tmp_path / "台账.docx"))
    assert any("旧反馈" in cell.text for table in ledger.tables for row in table.rows for cell in row.cells)
    calendar = (tmp_path / "督办时限.ics").read_bytes()
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", calendar.replace(b"\r\n", b""))
    code, out, err = run(capsys, "track", "--db", db, "list", "--json", "--today", "2021-06-25")
    assert code == 0, err
    assert "\x1b" not in out and "旧反馈\\n第二行" in out
    code, out, err = run(capsys, "track", "--db", db, "log")
    assert code == 0 and "\x1b" not in out and "\x0b" not in out


def test_a_poisoned_notice_parses_and_drafts(tmp_path, capsys):
    body = ("关于开展安全生产隐患排查整治的通知\n各乡镇卫生院，县直各医疗卫生单位：\n"
            + "为切实做好安全生产工作，现就开展隐患排查整治有关事项通知如下。\n" * 8
            + "一、各单位要于2025年3月31日前完成自查自纠，形成报告报送局办公室。\n"
            + "联系人：王磊，联系电话：0350-3032111。\n示例县卫生健康局\n2025年3月1日\n")
    source = tmp_path / "通知.txt"
    source.write_text(poisoned(body, 5).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                      .replace("\ufffd", ""), encoding="utf-8")
    code, out, err = run(capsys, "parse", "--json", "--text", str(source))
    assert code == 0, err
    data = json.loads(out)
    assert not XML_ILLEGAL.search(json.dumps(data, ensure_ascii=False))
    assert data["deadlines"] and data["deadlines"][0]["date"] == "2025-03-31"
    code, _, err = run(capsys, "draft", str(source), "-o", str(tmp_path / "方案.docx"),
                       "--table", str(tmp_path / "分工表.xlsx"), "--json", str(tmp_path / "方案.json"))
    assert code in (0, 1), err  # 1: the completeness check found something to fix, still written
    assert (tmp_path / "方案.docx").is_file() and (tmp_path / "分工表.xlsx").is_file()
    assert json.loads((tmp_path / "方案.json").read_text(encoding="utf-8"))["schema"] == "plan/1"


def test_xml_writers_accept_every_poison_directly(tmp_path):
    from drafting.gbt9704 import OfficialDocument, Paragraph, write_docx
    from drafting.xlsx_table import write_table_xlsx

    text = "".join(POISON) + "正文"
    write_docx(OfficialDocument(title="标题" + text, body=[Paragraph(text)], signature=["示例县卫生健康局"],
                                date=date(2025, 3, 1)), tmp_path / "a.docx")
    assert "正文" in "".join(p.text for p in docx.Document(str(tmp_path / "a.docx")).paragraphs)
    write_table_xlsx("表" + text, ["列" + text, "公式"], [[text, "=HYPERLINK(\"http://x\")"]], tmp_path / "a.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert any(isinstance(v, str) and v.endswith("正文") for v in values)
    formula = next(c for row in sheet.iter_rows() for c in row if c.value and str(c.value).startswith("=HYP"))
    assert formula.data_type == "s"  # a feedback that looks like a formula stays text
