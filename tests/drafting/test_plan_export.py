"""The plan on paper: the cover 通知 with the plan and the 任务分工表 attached (.docx), the table
alone (.xlsx). Checked by opening the files again, not by eye."""

from __future__ import annotations

import json

import docx
import openpyxl
from corpus import FIXTURES

from drafting.plan_builder import build_plan
from drafting.plan_export import (
    TASK_COLUMNS,
    cn_ordinal,
    heading_number,
    plan_blocks,
    plan_to_document,
    write_plan_docx,
    write_task_table_xlsx,
)
from drafting.profile import load_sample_profile
from parsing.model import Notice


def _plan():
    path = FIXTURES / "superior" / "city_urgent_fire_safety.json"
    return build_plan(Notice.from_json(json.loads(path.read_text(encoding="utf-8"))), load_sample_profile())


def test_heading_numbers():
    assert [cn_ordinal(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]
    assert [heading_number(level, 2) for level in (1, 2, 3, 4)] == ["二、", "（二）", "2.", "（2）"]


def test_blocks_number_headings_and_run_in_the_first_paragraph():
    from drafting.gbt9704 import Heading, Paragraph

    plan = _plan()
    blocks = plan_blocks(plan.sections)
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].text.startswith("为认真贯彻落实市卫生健康委关于医疗机构消防安全隐患排查整治的部署要求")
    level1 = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert level1 == ["一、总体要求", "二、工作目标", "三、组织领导", "四、主要任务", "五、时间安排", "六、工作要求"]
    first_task = next(b for b in blocks if isinstance(b, Heading) and b.level == 2)
    assert first_task.text == "（一）消防安全责任落实。"
    assert first_task.run_in.startswith("重点检查医疗机构消防安全责任制是否建立")
    assert first_task.run_in.endswith("（医政医管股牵头，各医疗卫生单位负责落实）")


def test_cover_notice_document_model():
    plan = _plan()
    doc = plan_to_document(plan)
    assert doc.title == plan.cover_title
    assert doc.recipients == ["各乡镇卫生院", "县直各医疗卫生单位", "各民营医院", "局机关各股室"]
    assert doc.signature == ["示例县卫生健康局"]
    assert doc.date.isoformat() == "2025-09-15"
    assert doc.note == "联系人：刘芳，联系电话：0000-1234567"
    assert [a.title for a in doc.attachments] == [plan.title, "任务分工表"]
    assert doc.attachments[1].landscape
    table = doc.attachments[1].blocks[0]
    assert [c.title for c in table.columns] == ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]
    assert len(table.rows) == len(plan.tasks)


def test_written_docx_has_the_plan_and_the_table(tmp_path):
    plan = _plan()
    plan.doc_number = "示卫健〔2025〕41号"
    path = write_plan_docx(plan, tmp_path / "方案.docx")
    document = docx.Document(str(path))
    text = "".join(p.text for p in document.paragraphs)
    for expected in ("示例县卫生健康局", "示卫健〔2025〕41号", "各乡镇卫生院", "一、总体要求",
                     "（一）消防安全责任落实。", "于9月29日前完成辖区内二级以上医院住院楼的全面检查",
                     "联系人：刘芳"):
        assert expected in text, expected
    assert "市卫健委" not in text.replace("《江州市卫生健康委员会", "")
    columns = [c.title for c in TASK_COLUMNS]
    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == columns]
    assert len(tables) == 1, "no 任务分工表 (or more than one) in the document"
    assert len(tables[0].rows) == len(plan.tasks) + 1
    first_row = [c.text for c in tables[0].rows[1].cells]
    assert first_row[1] == "消防安全责任落实" and first_row[3] == "医政医管股"


def test_task_table_xlsx(tmp_path):
    plan = _plan()
    path = write_task_table_xlsx(plan, tmp_path / "分工表.xlsx")
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, row in enumerate(rows) if row[:2] == ["序号", "重点任务"])
    body = [r for r in rows[header_at + 1:] if any(v not in (None, "") for v in r)]
    assert len(body) == len(plan.tasks)
    assert str(body[1][0]) == "2" and body[1][5] == "9月29日前"
