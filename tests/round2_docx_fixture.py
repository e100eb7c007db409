"""Write tests/fixtures/notices/round2_docx_task_table.docx: a county notice whose 任务分工 is a real
Word table (序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限), as offices send them.

Run once to (re)create the committed fixture::

    .venv/bin/python tests/round2_docx_fixture.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

TARGET = Path(__file__).resolve().parent / "fixtures" / "notices" / "round2_docx_task_table.docx"

BEFORE = [
    "武乡县卫生健康和体育局",
    "",
    "武卫体发〔2025〕33号",
    "",
    "武乡县卫生健康和体育局",
    "关于推进2025年基层卫生健康服务能力提升工作的通知",
    "",
    "各乡镇卫生院，县人民医院、县中医院，县疾控中心，局机关各股室：",
    "",
    "为进一步提升基层卫生健康服务能力，推动优质医疗资源下沉，经局党组研究，决定在全县推进基层卫生健康服务能力提升工作。现将有关事项通知如下。",
    "",
    "一、工作目标",
    "到2025年底，全县乡镇卫生院全部达到国家“优质服务基层行”基本标准，县域内就诊率稳定在90%以上。",
    "",
    "二、任务分工",
    "具体任务分工如下表：",
]

ROWS = [
    ("序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
    ("1", "开展“优质服务基层行”活动。对照标准逐项自评，补齐设备和人员短板。", "基层卫生股", "各乡镇卫生院", "2025年11月30日前"),
    ("2", "推进县域医共体建设", "医政股", "县人民医院、县中医院", "2025年12月31日前"),
    ("3", "组织县级医院专家下乡坐诊", "县人民医院、县中医院", "各乡镇卫生院", "长期坚持"),
    ("4", "报送能力提升工作进展情况", "各乡镇卫生院", "", "每月10日前"),
    ("5", "落实基层卫生人才招聘和培训计划", "人事股", "财务股、基层卫生股", "2025年10月31日前"),
]

AFTER = [
    "",
    "三、工作要求",
    "（一）加强组织领导。各单位要把能力提升工作列入重要议事日程，主要负责同志亲自抓，明确专人负责。",
    "（二）强化督导考核。局基层卫生股要对各单位任务落实情况进行督导，督导结果纳入年度目标责任考核。",
    "",
    "联系人：基层卫生股 李晓燕，电话：0355-6421087",
    "",
    "武乡县卫生健康和体育局",
    "2025年9月15日",
]


def build(target: Path = TARGET) -> Path:
    """Write the notice to ``target`` and return it."""
    doc = Document()
    for line in BEFORE:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    table.style = "Table Grid"
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in AFTER:
        doc.add_paragraph(line)
    doc.save(target)
    return target


if __name__ == "__main__":
    print(build())
