"""Rules found by the second blind round (tests/fixtures/notices/round2_*): each is written for how 公文
are worded, so each is checked here on short notices of its own, beside the fixtures' gold."""

from __future__ import annotations

from parsing.header import find_basis
from parsing.header_recipients import split_recipients
from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import text_from_string
from parsing.responsibility import duty_subjects


def parse_text(text: str):
    _, clean = text_from_string(text)
    return parse_clean(clean, Source(file="inline.txt", format="txt"))


def recipients(line: str) -> list[str]:
    return split_recipients(line, 0, len(line))[0]


def test_a_sentence_opening_with_wei_guanche_luoshi_cites_a_basis():
    titles, _ = find_basis("为深入贯彻落实《甲办法》，按照《乙方案》要求，我局起草了《丙方案》。")
    assert titles == ["甲办法", "乙方案"]
    titles, _ = find_basis("检查内容：1.是否贯彻落实《丁规定》。")
    assert titles == []  # a checklist item names a requirement, not a basis


def test_a_bare_government_after_a_party_committee_keeps_the_place():
    assert recipients("各乡镇党委、人民政府，县委各部门，县直各单位：") == \
        ["各乡镇党委、人民政府", "县委各部门", "县直各单位"]
    assert recipients("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：") == \
        ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]
    assert recipients("各乡镇人民政府，县人民医院、县中医院：") == ["各乡镇人民政府", "县人民医院", "县中医院"]


def test_subjects_before_a_date_without_yao_all_lead():
    text = "各乡镇、各有关部门于9月28日前将检查情况报县安委办。"
    assert duty_subjects(text, 0).lead == ["各乡镇", "各有关部门"]


NOTICE = """沁水县卫生健康局

关于做好冬季消防安全工作的通知

各乡镇卫生院：

一、开展自查。各卫生院要每周组织一次巡查，每年组织开展一次乡镇（街道）消防负责人轮训。

二、报送意见。请于10月24日前将书面意见（加盖单位公章）反馈至局办公室。

沁水县卫生健康局（章）
沁水县卫生健康局
2025年10月13日
"""


def test_a_seal_read_beside_the_signature_names_the_organ_once():
    n = parse_text(NOTICE)
    assert n.signatory == n.issuer == "沁水县卫生健康局"
    assert n.issue_date == "2025-10-13"


def test_recurring_duties_keep_their_parenthesis_and_drop_the_count():
    n = parse_text(NOTICE)
    recurring = {d.recurrence: d for d in n.deadlines if d.kind == "recurring"}
    assert recurring["weekly"].action == "组织巡查"
    assert recurring["yearly"].text == "每年组织开展一次乡镇（街道）消防负责人轮训"


def test_feedback_to_an_office_names_it_and_the_form_note_is_dropped():
    n = parse_text(NOTICE)
    due = [d for d in n.deadlines if d.kind == "due"]
    assert [(d.date, d.to, d.action) for d in due] == [("2025-10-24", "局办公室", "报送书面意见")]


def test_a_due_date_filling_a_table_cell_takes_the_rows_task():
    n = parse_text("""二、任务分工

序号\t工作任务\t牵头单位\t完成时限
1\t开展自评。对照标准逐项自评。\t基层卫生股\t2025年11月30日前
2\t报送进展情况\t各乡镇卫生院\t每月10日前

沁水县卫生健康局
2025年9月15日
""")
    assert [(d.kind, d.action) for d in n.deadlines] == [("due", "开展自评"), ("recurring", "报送进展情况")]
