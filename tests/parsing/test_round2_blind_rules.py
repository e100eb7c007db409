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


def test_a_date_restated_in_the_responsibility_parenthesis_is_one_deadline():
    n = parse_text("""国务院办公厅关于印发《甲任务分工》的通知

各省、自治区、直辖市人民政府：

一、扩大服务供给

（一）支持社区养老服务设施建设，2026年底前实现街道全覆盖。（民政部牵头，财政部按职责分工负责，2026年底前完成）

（二）完善医保支付政策，2026年6月底前出台配套文件。（国家医保局负责，2026年底前完成）

国务院办公厅
2025年10月9日
""")
    # the first item's 2026年底前完成 repeats its own date; the second's names a later one and stays
    assert [d.date for d in n.deadlines] == ["2026-12-31", "2026-06-30", "2026-12-31"]
    assert n.deadlines[0].action == "实现街道全覆盖"


JOINT = """中共榆社县委办公室
榆社县人民政府办公室

关于做好冬季供暖保障工作的通知

各乡镇党委和人民政府，县直各单位：

一、时间安排。各乡镇于11月15日前完成自查，县住建局于11月16日至11月30日开展抽查。

二、落实责任。各乡镇、县住建局要于十一月十五日前完成供热管网检修。

联系人：县住建局  王  强，电话：0354-6621234

附：1.供暖保障工作方案
    2.意见反馈回执

中共榆社县委办公室（印）      榆社县人民政府办公室（印）
中共榆社县委办公室      榆社县人民政府办公室
2025年10月20日

附件2

意见反馈回执

单位名称：              联系人：

修改意见：
"""


def test_seal_marks_after_each_joint_organ_separate_the_names():
    n = parse_text(JOINT)
    assert n.signatory == "中共榆社县委办公室、榆社县人民政府办公室"


def test_a_lower_level_before_a_county_organ_is_a_unit_of_its_own():
    tasks = {tuple(t.outline_path): t for t in parse_text(JOINT).tasks}
    assert tasks[("二",)].lead == ["各乡镇", "县住建局"]  # not 各乡镇住建局 and 县住建局


def test_a_flat_timetable_item_that_names_units_is_a_task_with_every_subject():
    tasks = {tuple(t.outline_path): t for t in parse_text(JOINT).tasks}
    assert tasks[("一",)].lead == ["各乡镇", "县住建局"]


def test_fu_list_stands_on_its_own_line_and_a_blank_form_names_nobody():
    n = parse_text(JOINT)
    assert n.attachments == ["供暖保障工作方案", "意见反馈回执"]
    assert [(c.name, c.phone) for c in n.contacts] == [("王强", "0354-6621234")]


def test_a_range_or_festival_filling_a_table_cell_takes_the_rows_task():
    n = parse_text("""一、重点任务

序号\t重点任务\t责任单位\t完成时间
1\t组织消防安全宣传进农村\t县应急管理局\t2026年1月至2月
2\t检查烟花爆竹经营网点\t县市场监管局\t春节前

二、工作要求

各乡镇、各有关单位于每月25日前将工作进展报县应急管理局。

左权县应急管理局
2025年11月20日
""")
    assert [(d.kind, d.action) for d in n.deadlines][:2] == [("range", "组织消防安全宣传进农村"),
                                                            ("event", "检查烟花爆竹经营网点")]
    tasks = {tuple(t.outline_path): t for t in n.tasks}
    assert tasks[("二",)].lead == ["各乡镇", "各有关单位"]  # 于每月25日前 is no part of the subjects


def test_a_thing_that_must_be_signed_by_a_head_is_no_unit():
    # 总结材料须经单位主要负责人审签: a name holding a modal verb (须) is no unit
    assert duty_subjects("总结材料须经单位主要负责人审签，字数控制在3000字以内。", 0).lead == []
    assert duty_subjects("县卫生健康局主要负责同志要亲自部署。", 0).lead == ["县卫生健康局"]
