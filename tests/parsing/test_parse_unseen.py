"""Notices in styles the seeds do not have (tests/fixtures/notices): a province 通知 with
``牵头单位：`` lines, a 转发 notice, a county 印发 notice with its 方案 enclosed; and the forms of
a leading group, a contact line and a 主送 list that real notices use."""

from __future__ import annotations

import pytest
from corpus import FIXTURES

from parsing.model import Source
from parsing.parser import parse_clean, parse_file
from parsing.pipeline import text_from_string

NOTICES = FIXTURES / "notices"


def parse_text(text: str):
    _, clean = text_from_string(text)
    return parse_clean(clean, Source(file="inline.txt", format="txt"))


def by_path(notice):
    return {tuple(t.outline_path): t for t in notice.tasks}


def test_province_notice_with_lead_unit_lines():
    n = parse_file(NOTICES / "province_fire_check.txt")
    assert n.doc_number == "晋卫办医函〔2025〕37号"
    assert n.issuer == n.signatory == "山西省卫生健康委员会办公室"
    assert n.title == "山西省卫生健康委员会办公室关于开展2025年医疗机构消防安全专项检查的通知"
    assert n.recipients == ["各市卫生健康委", "委直属各单位"]
    assert n.issue_date == "2025-03-12"  # 二〇二五年三月十二日
    assert n.basis == ["国家卫生健康委办公厅关于做好医疗机构消防安全工作的通知", "山西省消防安全责任制实施办法"]
    assert n.attachments == ["医疗机构消防安全检查表", "检查情况汇总表"]
    assert [(c.name, c.phone, c.email) for c in n.contacts] == [("李明华", "0351-3580123", "yzc@sxwjw.gov.cn")]
    tasks = by_path(n)
    assert (tasks[("二", "（一）")].lead, tasks[("二", "（一）")].support) == (["医政处"], ["规划处", "综合监督局"])
    assert tasks[("二", "（二）")].lead == ["规划处"]
    assert tasks[("二", "（三）")].lead == ["各医疗机构"]
    # 各市卫生健康委总结…: a unit at the head of the sentence acts, even without 要
    assert tasks[("三", "（三）")].lead == ["各市卫生健康委"]
    assert tasks[("四", "（一）")].lead == ["各市卫生健康委"]
    assert n.leadership is None


def test_forwarding_notice():
    n = parse_file(NOTICES / "city_forward_food.txt")
    assert n.title == "大同市卫生健康委员会关于转发《山西省卫生健康委关于加强夏季食品安全工作的通知》的通知"
    assert n.enclosed_title == "山西省卫生健康委关于加强夏季食品安全工作的通知"
    assert n.recipients == ["各县（区）卫生健康局", "市直各医疗卫生单位"]
    assert n.doc_number == "同卫发〔2024〕8号"
    assert n.issue_date == "2024-07-02"
    tasks = by_path(n)
    assert tasks[("一",)].lead == ["各县（区）卫生健康局"]
    assert tasks[("二",)].lead == ["市卫生健康委食品处"]  # the parenthesis wins over the sentence


def test_county_notice_enclosing_a_plan():
    n = parse_file(NOTICES / "county_enclosed_plan.txt")
    assert n.enclosed_title == "灵丘县2025年基层卫生服务能力提升工作方案"
    assert n.recipients == ["各乡镇卫生院", "县直各医疗卫生单位", "局机关各股室"]
    assert n.signatory == "灵丘县卫生健康局"
    assert n.issue_date == "2025-02-18"
    group = n.leadership
    assert group is not None and group.group == "基层卫生服务能力提升工作领导小组"
    assert group.leader == ["张国栋"] and group.deputy == ["王丽", "赵建军"]  # 局长/副局长 dropped
    assert group.members == ["各股室负责人"] and group.office == "基层股"
    # two spaces before 联系电话 do not make 联系 a second person
    assert [(c.name, c.phone) for c in n.contacts] == [("刘晓燕", "0352-8521234")]
    tasks = by_path(n)
    assert (tasks[("二", "（一）", "2")].lead, tasks[("二", "（一）", "2")].support) == (["基层股"], ["财务股"])
    assert tasks[("二", "（二）", "1")].support == ["县人民医院", "县中医医院"]
    assert "领导小组未识别出组长" not in n.warnings


GROUP_HEAD = "县卫生健康局关于开展专项整治的通知\n\n各股室：\n\n为加强领导，"


@pytest.mark.parametrize("sentence", [
    "成立专项整治领导小组，组长：张国栋；副组长：王丽、赵建军；成员：各股室负责人。",
    "成立专项整治领导小组，组长由局党组书记、局长张国栋同志担任，副组长由副局长王丽、赵建军同志担任，成员由各股室负责人组成。",
    "成立专项整治领导小组，由局长张国栋任组长，副局长王丽、赵建军任副组长，各股室负责人为成员。",
    "成立专项整治领导小组，张国栋同志任组长，王丽同志、赵建军同志任副组长，各股室负责人为成员。",
    "成立专项整治领导小组，组长为县卫生健康局局长张国栋，副组长为副局长王丽、赵建军，成员为各股室负责人。",
    "成立专项整治领导小组，县卫生健康局局长张国栋担任组长，副局长王丽、赵建军担任副组长，各股室负责人为成员。",
    "成立以局长张国栋为组长，副局长王丽、赵建军为副组长，各股室负责人为成员的专项整治领导小组。",
    "成立由局长张国栋任组长，副局长王丽、赵建军任副组长，各股室负责人为成员的专项整治领导小组。",
    "成立专项整治领导小组，张国栋局长任组长，王丽副局长、赵建军副局长任副组长，各股室负责人为成员。",
])
def test_leading_group_sentence_forms(sentence):
    group = parse_text(GROUP_HEAD + sentence + "\n").leadership
    assert group is not None and group.group == "专项整治领导小组"
    assert group.leader == ["张国栋"]
    assert group.deputy == ["王丽", "赵建军"]
    assert group.members == ["各股室负责人"]


@pytest.mark.parametrize("block", [
    "组  长：张国栋（局长）\n副组长：王丽（副局长）\n        赵建军（副局长）\n成  员：刘晓燕（办公室主任）\n        李强（医政股股长）\n",
    "组长\t张国栋\t局长\n副组长\t王丽\t副局长\n副组长\t赵建军\t副局长\n成员\t刘晓燕\t办公室主任\n成员\t李强\t医政股股长\n",
    "组  长：县卫生健康局局长 张国栋\n副组长：县卫生健康局副局长 王丽\n        县卫生健康局副局长 赵建军\n"
    "成  员：刘晓燕、李强\n",
    "组  长：张国栋  局党组书记、局长\n副组长：王  丽  局党组成员、副局长\n        赵建军  局党组成员、副局长\n"
    "成  员：刘晓燕、李强\n",
])
def test_leading_group_role_lines_and_table(block):
    text = GROUP_HEAD + "成立专项整治领导小组，组成人员如下：\n" + block + "领导小组办公室设在局办公室。\n"
    group = parse_text(text).leadership
    assert group.leader == ["张国栋"] and group.deputy == ["王丽", "赵建军"]
    assert group.members == ["刘晓燕", "李强"]
    assert group.office == "局办公室"


def test_recipients_keep_enumerated_places_together():
    n = parse_text("关于开展检查的通知\n\n各省、自治区、直辖市及新疆生产建设兵团卫生健康委，委直属各单位：\n\n"
                   "为做好工作，现通知如下。\n")
    assert n.recipients == ["各省、自治区、直辖市及新疆生产建设兵团卫生健康委", "委直属各单位"]
    n = parse_text("关于开展检查的通知\n\n各市、县卫生健康局，各乡镇、各街道：\n\n为做好工作，现通知如下。\n")
    assert n.recipients == ["各市、县卫生健康局", "各乡镇", "各街道"]


@pytest.mark.parametrize(("sentence", "lead"), [
    ("承担任务的单位要于5月底前完成改造。", "承担任务的单位"),
    ("各地要加强组织领导。", "各地"),
    ("各级卫生健康行政部门要切实履行监管责任。", "各级卫生健康行政部门"),
    ("疾控机构要做好病例监测。", "疾控机构"),
    ("监督机构要加大执法力度。", "监督机构"),
    ("各乡镇（街道）要落实属地责任。", "各乡镇（街道）"),
    ("有关单位要按时报送材料。", "有关单位"),
    ("医疗机构应当建立消防安全制度。", "医疗机构"),
    ("该项工作由县卫健委负责。", "县卫健委"),
    ("各医疗卫生机构是安全生产的责任主体，要落实全员安全生产责任制。", "各医疗卫生机构"),
    ("汛期各单位实行24小时值班制度。", "各单位"),
    ("各地区要加强组织领导。", "各地区"),
])
def test_lead_from_sentence_subject(sentence, lead):
    n = parse_text("关于开展检查的通知\n\n各单位：\n\n一、工作任务\n（一）加强管理。" + sentence + "\n")
    assert [t.lead for t in n.tasks] == [[lead]]


def test_units_listed_before_deng_danwei():
    n = parse_text("关于开展检查的通知\n\n各单位：\n\n一、工作任务\n（一）加强值守。县中医院、县妇幼保健院等单位要加强值守。\n")
    assert [t.lead for t in n.tasks] == [["县中医院", "县妇幼保健院"]]


@pytest.mark.parametrize("sentence", ["工作人员要提高认识。", "检查结果要及时反馈。", "各项工作要落到实处。",
                                      "各级领导要带头。", "各类场所要落实责任。", "医务人员要规范操作。"])
def test_non_units_do_not_lead(sentence):
    n = parse_text("关于开展检查的通知\n\n各单位：\n\n一、工作任务\n（一）加强管理。" + sentence + "\n")
    assert all(not t.lead for t in n.tasks)


def test_letter_asking_for_materials_with_a_receipt():
    n = parse_file(NOTICES / "letter_with_receipt.txt")
    assert n.genre == "函"
    assert n.doc_number == "河卫办函〔2024〕56号"  # [2024]第56号: GB/T 9704 form, no 第
    assert n.title == "河阳市卫生健康委员会办公室关于报送2024年度院前急救体系建设情况的函"
    assert n.recipients == ["各县（市、区）卫生健康局", "市急救中心"]
    assert n.signatory == "河阳市卫生健康委员会办公室"
    assert n.issue_date == "2024-09-06"
    assert n.attachments == ["院前急救体系建设情况统计表", "回执"]  # 附件：1.… 2.… on one line
    # the receipt form's empty 联系人： is no contact
    assert [(c.name, c.phone, c.email) for c in n.contacts] == [("孙婷", "0371-6832456", "hywjwyzk@126.com")]
    tasks = by_path(n)
    assert tasks[("一",)].lead == ["各县（市、区）卫生健康局"]
    assert tasks[("二",)].lead == ["市急救中心"]
    assert ("三",) in tasks and tasks[("三",)].lead == []  # 请于…前报送: a duty of every recipient


def test_joint_province_notice_with_lead_and_responsible_unit_lines():
    n = parse_file(NOTICES / "joint_province_labels.txt")
    assert n.doc_number == "湖卫发〔2024〕21号"  # （2024）第21号
    assert n.issuer == n.signatory == "湖东省卫生健康委员会、湖东省医疗保障局"
    assert n.title == "湖东省卫生健康委员会湖东省医疗保障局关于推进紧密型县域医疗卫生共同体建设的通知"
    assert n.issue_date == "2024-03-07"  # 二〇二四年三月七日
    assert n.basis == ["关于推进紧密型县域医疗卫生共同体建设的指导意见"]
    tasks = by_path(n)
    # 牵头单位： leads; 责任单位： beside it supports
    assert (tasks[("一", "（一）")].lead, tasks[("一", "（一）")].support) == (["省卫生健康委体改处"], ["各市（州）卫生健康委"])
    assert (tasks[("一", "（二）")].lead, tasks[("一", "（二）")].support) == (
        ["省医疗保障局医药服务管理处"], ["省卫生健康委财务处", "省财政厅社会保障处"])
    # 责任单位：A（牵头）、B
    assert (tasks[("一", "（三）")].lead, tasks[("一", "（三）")].support) == (["省卫生健康委规划信息处"], ["省医疗保障局信息中心"])
    assert tasks[("二", "（二）")].lead == ["省卫生健康委", "省医疗保障局"]


def test_rules_in_chapters_and_articles():
    n = parse_file(NOTICES / "county_rules_chapters.txt")
    assert n.enclosed_title == "清源县医疗卫生机构安全生产责任制规定"
    assert [s.number for s in n.outline] == ["第一章", "第二章", "第三章", "第四章"]
    assert [s.heading for s in n.outline] == ["总则", "职责分工", "监督检查", "附则"]
    assert [c.number for c in n.outline[1].children] == ["第三条", "第四条", "第五条"]
    tasks = by_path(n)
    assert set(tasks) == {("第二章", "第三条"), ("第二章", "第四条"), ("第二章", "第五条"), ("第三章", "第六条")}
    assert tasks[("第二章", "第四条")].lead == ["各医疗卫生机构"]  # 主要负责人 → the unit
    assert tasks[("第二章", "第五条")].lead == ["局规划股", "局医政股"]
    assert tasks[("第三章", "第六条")].lead == ["局综合监督股"]  # 会同 X: X is no subject


def test_county_notice_with_a_task_table():
    n = parse_file(NOTICES / "county_flood_task_table.txt")
    assert n.issuer == "绿川县卫生健康局"
    assert n.recipients == ["各乡镇卫生院", "县疾控中心", "县卫生监督所", "局机关各股室"]
    assert n.attachments == ["防汛救灾卫生应急工作联系表", "应急物资储备清单"]  # 1.…；2.… on one line
    rows = [(t.heading, t.lead, t.support) for t in n.tasks if t.outline_path[0] == "二"]
    assert rows == [
        ("修订完善防汛救灾卫生应急预案", ["应急股"], ["医政股", "疾控股"]),
        ("储备应急药品和消杀物资", ["县疾控中心"], ["各乡镇卫生院"]),
        ("开展灾后饮用水卫生监督监测", ["县卫生监督所"], ["县疾控中心"]),
        ("组建医疗救治和卫生防疫队伍", ["医政股"], ["县人民医院", "县中医院"]),
    ]
    tasks = by_path(n)
    assert tasks[("三", "（一）")].lead == ["各单位"]  # 汛期各单位实行…: the time phrase is no unit
    assert tasks[("三", "（二）")].lead == ["各乡镇卫生院"]


def test_urgent_notice_with_a_work_team():
    n = parse_file(NOTICES / "urgent_gas_check.txt")
    assert n.urgency == "特急"
    assert n.title == "关于立即开展医疗机构燃气安全隐患排查的紧急通知"
    assert n.issuer == n.signatory == "安平县卫生健康委员会"
    assert n.issue_date == "2025-02-12"
    assert n.recipients == ["各乡镇（街道）卫生院", "社区卫生服务中心", "县直各医疗卫生单位", "各民营医院"]
    group = n.leadership  # the notice's own 专班, not the 工作小组 each unit must set up
    assert group.group == "燃气安全隐患排查工作专班"
    assert group.leader == ["陈海峰"] and group.deputy == ["周立", "马晓光"]
    assert group.office == "委应急办"
    # 联系人：委应急办  郑 凯 — the office is not a second person
    assert [(c.name, c.phone) for c in n.contacts] == [("郑凯", "13935012345")]
    tasks = by_path(n)
    assert tasks[("三", "（二）")].lead == ["县卫生健康委"]  # not "县卫生健康委组成督导组"


def test_standalone_plan_with_a_role_list_and_two_contacts():
    n = parse_file(NOTICES / "county_plan_standalone.txt")
    assert n.genre == "方案"
    assert n.title == "平遥县2024年医疗卫生机构安全生产治本攻坚实施方案"
    assert n.recipients == [] and n.doc_number is None
    # the signature under a 联系人及电话： line is read, not run into it
    assert n.signatory == n.issuer == "平遥县卫生健康局"
    assert n.issue_date == "2024-04-02"
    assert n.basis == ["山西省安全生产治本攻坚三年行动方案（2024—2026年）"]
    group = n.leadership
    assert group.leader == ["韩志刚"] and group.deputy == ["冯燕", "高建华"]
    assert group.members == ["局机关各股室负责人", "各医疗卫生机构主要负责人"]
    assert group.office == "局安全生产股"
    assert [(c.name, c.phone) for c in n.contacts] == [("王芳", "0354-5621234"), ("李军", "13903541234")]
    tasks = by_path(n)
    assert [k for k in tasks] == [("二", "（一）", "1"), ("二", "（一）", "2"), ("二", "（二）", "1"), ("二", "（二）", "2")]
    assert tasks[("二", "（二）", "1")].lead == ["二级以上医院"]


def test_notice_with_copy_to_and_printing_line():
    n = parse_file(NOTICES / "district_holiday_cc.txt")
    assert n.urgency == "加急"
    assert n.doc_number == "云卫体发〔2024〕45号"  # printed under the title
    assert n.title == "关于做好国庆节期间医疗卫生服务保障工作的通知"
    assert n.recipients == ["各乡镇卫生院", "社区卫生服务中心", "区直各医疗卫生单位"]
    assert n.signatory == "云州区卫生健康和体育局"  # not the 办公室 of the 印发 line
    assert n.issue_date == "2024-09-23"
    tasks = by_path(n)
    assert tasks[("二",)].lead == ["区人民医院", "区中医医院"]
    # （安全股负责督导）: the unit before 负责, without a stray bracket
    assert tasks[("三",)].lead == ["区卫体局安全股"]
    assert tasks[("四",)].lead == ["各单位"]


@pytest.mark.parametrize(("parenthesis", "lead", "support"), [
    ("（县卫健委牵头，县财政局、县医保局配合）", ["县卫健委"], ["县财政局", "县医保局"]),
    ("（县卫健委、县医保局按职责分工负责）", ["县卫健委", "县医保局"], []),
    ("（县卫健委负责，各乡镇卫生院具体落实）", ["县卫健委"], ["各乡镇卫生院"]),
    ("（区卫体局安全股负责督导）", ["区卫体局安全股"], []),
    ("（牵头单位：县卫健委；配合单位：县医保局）", ["县卫健委"], ["县医保局"]),
])
def test_units_in_a_closing_parenthesis(parenthesis, lead, support):
    n = parse_text("关于开展检查的通知\n\n各单位：\n\n一、工作任务\n（一）开展自查。全面排查安全隐患。" + parenthesis + "\n")
    assert [(t.lead, t.support) for t in n.tasks] == [(lead, support)]


def test_a_unit_reporting_by_a_date_acts_even_in_a_sentence_ending_with_qingkuang():
    n = parse_text("关于开展检查的通知\n\n各单位：\n\n一、工作要求\n（一）按时报送。县直各医疗卫生单位于每月5日前报送上月工作情况。\n"
                   "（二）检查内容。医疗机构消防安全责任落实情况。\n")
    assert [t.lead for t in n.tasks] == [["县直各医疗卫生单位"], []]


@pytest.mark.parametrize(("line", "expected"), [
    ("联系人：医政科 张三  0351-1234567", [("张三", "0351-1234567", None)]),
    ("联系人：张三（0351-1234567），李四（13812345678）。", [("张三", "0351-1234567", None), ("李四", "13812345678", None)]),
    ("联系方式：县卫健委办公室，0351-1234567。", [(None, "0351-1234567", None)]),
    ("联系人及电话：王  芳 0354-5621234，李  军 13903541234", [("王芳", "0354-5621234", None), ("李军", "13903541234", None)]),
    ("联 系 人：张  三\n联系电话：0351-1234567\n电子邮箱：zs@163.com", [("张三", "0351-1234567", "zs@163.com")]),
])
def test_contact_forms(line, expected):
    n = parse_text("关于开展检查的通知\n\n各单位：\n\n为做好工作，现通知如下。\n" + line + "\n")
    assert [(c.name, c.phone, c.email) for c in n.contacts] == expected


def test_arabic_number_standing_for_the_next_bracketed_item():
    n = parse_file(NOTICES / "county_numbering_glitch.txt")
    numbers = [(s.number, [c.number for c in s.children if c.numbered]) for s in n.outline if s.numbered]
    assert numbers == [("一", []), ("二", ["1", "2", "3"]), ("三", ["（一）", "（二）", "（三）"])]
    assert any("3、" in w and "（三）" in w for w in n.warnings)
    tasks = by_path(n)
    assert tasks[("二", "1")].lead == ["县卫健委人事股"]
    assert tasks[("三", "（二）")].lead == ["县财政局"]
    assert tasks[("三", "（三）")].lead == ["县卫健委"]


@pytest.mark.parametrize(("title", "enclosed"), [
    ("某某县卫生健康局关于转发县人民政府办公室关于做好春季森林防火工作的通知的通知", "县人民政府办公室关于做好春季森林防火工作的通知"),
    # the short form of …的通知的通知: the forwarded 通知 keeps its 的通知
    ("转发市卫生健康委关于开展安全生产月活动的通知", "市卫生健康委关于开展安全生产月活动的通知"),
    ("关于转发《山西省卫生健康委关于加强夏季食品安全工作的通知》的通知", "山西省卫生健康委关于加强夏季食品安全工作的通知"),
])
def test_forwarded_title(title, enclosed):
    n = parse_text(title + "\n\n各乡镇卫生院：\n\n现将有关文件转发给你们，请认真贯彻落实。\n\n某某县卫生健康局\n2024年3月1日\n")
    assert n.title == title
    assert n.enclosed_title == enclosed


def test_task_table_with_task_and_detail_columns():
    n = parse_file(NOTICES / "county_patriotic_health_table.txt")
    assert n.signatory == "县爱国卫生运动委员会办公室"
    assert n.recipients == ["各乡镇人民政府", "县直各有关单位"]
    rows = [(t.outline_path, t.heading, t.text, t.lead, t.support) for t in n.tasks]
    assert rows == [
        (["1"], "城乡环境卫生整治", "开展春季爱国卫生运动", ["县卫健委"], ["县住建局", "各乡镇人民政府"]),
        (["2"], "病媒生物防制", "开展病媒生物监测", ["县疾控中心"], []),
        (["3"], "健康细胞建设", "创建健康村镇", ["各乡镇人民政府"], []),
    ]


def test_work_team_listed_in_an_enclosure():
    n = parse_file(NOTICES / "city_work_team_enclosed_list.txt")
    assert n.doc_number == "长卫字〔2024〕9号"  # 〔2024〕第009号: no 第, no leading zeros
    assert n.title == "长治市卫生健康委员会关于成立全市卫生健康系统安全生产治本攻坚三年行动工作专班的通知"
    assert n.attachments == ["全市卫生健康系统安全生产治本攻坚三年行动工作专班组成人员名单"]
    group = n.leadership  # 组成人员名单见附件: read from the enclosed list
    assert group is not None and group.group == "全市卫生健康系统安全生产治本攻坚三年行动工作专班"
    assert group.leader == ["申强"]
    assert group.deputy == ["赵立新", "孙敏"]
    assert group.members == ["王磊", "刘洋", "陈晓东"]
    assert group.office == "委规划科"


def test_plan_in_parts():
    n = parse_file(NOTICES / "province_plan_parts.txt")
    assert n.genre == "方案"
    tree = [(s.number, [c.number for c in s.children if c.numbered]) for s in n.outline if s.numbered]
    assert tree == [("第一部分", ["一", "二"]), ("第二部分", ["一", "二"]), ("第三部分", ["一", "二"])]
    tasks = by_path(n)
    assert list(tasks) == [("第二部分", "一", "（一）"), ("第二部分", "一", "（二）"), ("第二部分", "二"),
                           ("第三部分", "一"), ("第三部分", "二")]
    assert tasks[("第二部分", "一", "（一）")].lead == ["省卫生健康委规划处"]
    assert tasks[("第二部分", "二")].lead == ["省卫生健康委疾控处"]
    assert tasks[("第三部分", "一")].lead == ["各市卫生健康委"]


def test_numbered_items_under_an_unnumbered_heading_are_tasks():
    n = parse_text("关于开展检查的通知\n\n各单位：\n\n为做好工作，现通知如下。\n\n加强领导 精心部署\n\n"
                   "一、成立专班。县卫健委要成立工作专班，统筹推进专项整治工作，确保各项任务落到实处。\n"
                   "二、压实责任。各医疗机构要落实主体责任。\n")
    assert [(t.outline_path, t.lead) for t in n.tasks] == [(["一"], ["县卫健委"]), (["二"], ["各医疗机构"])]
    assert [s["number"] for s in n.to_json()["outline"]] == ["一", "二"]  # not hidden under the plain heading


BODY = ("为切实做好春季传染病防控工作，保障人民群众身体健康和生命安全，根据上级有关要求，结合我市实际，现将有关事项通知如下：\n"
        "一、加强组织领导。各县（区）卫生健康局要高度重视春季传染病防控工作，主要负责同志亲自部署。\n"
        "二、强化监测预警。各级疾控机构要加强传染病监测，发现异常情况及时报告。\n\n")


@pytest.mark.parametrize("banner", ["大同市卫生健康委员会", "大同市卫生健康委员会文件"])
def test_banner_organ_written_again_opens_the_title(banner):
    n = parse_text(banner + "\n\n大同市卫生健康委员会\n关于加强春季传染病防控工作的通知\n\n各县（区）卫生健康局：\n"
                   + BODY + "大同市卫生健康委员会\n2024年3月7日\n")
    assert n.issuer == "大同市卫生健康委员会"
    assert n.title == "大同市卫生健康委员会关于加强春季传染病防控工作的通知"


def test_joint_banner_right_above_the_title_stays_the_banner():
    n = parse_text("湖东省卫生健康委员会\n湖东省医疗保障局\n关于推进紧密型县域医疗卫生共同体建设的通知\n\n各市（州）卫生健康委：\n"
                   + BODY + "湖东省卫生健康委员会        湖东省医疗保障局\n2024年3月7日\n")
    assert n.issuer == "湖东省卫生健康委员会、湖东省医疗保障局"
    assert n.title == "关于推进紧密型县域医疗卫生共同体建设的通知"


@pytest.mark.parametrize("text", [
    "成立医疗救治指挥部，组成人员如下：\n总指挥：张国栋（局长）\n副总指挥：王丽（副局长）、赵建军（副局长）\n成员：各股室负责人\n",
    "成立医疗救治指挥部，张国栋任总指挥，王丽、赵建军任副总指挥。\n",
    "建立卫生应急联席会议制度，召集人由局长张国栋担任，副召集人由副局长王丽、赵建军担任。\n",
])
def test_command_posts_and_joint_meetings(text):
    group = parse_text(GROUP_HEAD + text).leadership
    assert group.leader == ["张国栋"] and group.deputy == ["王丽", "赵建军"]


def test_a_group_the_recipients_must_set_up_is_not_the_notices_own():
    n = parse_text(GROUP_HEAD + "各单位要建立健全安全生产责任制，成立以主要负责人为组长的工作小组。\n")
    assert n.leadership is None


def test_full_width_title_without_guanyu_ends_before_the_recipients():
    paragraphs = ["某某县卫生健康局转发市卫生健康委开展安全生产月活动方案的通知",
                  "各乡镇卫生院，县直各医疗卫生单位，局机关各股室：",
                  "现将市卫生健康委开展安全生产月活动方案转发给你们，请结合实际认真抓好落实，并于6月10日前将活动开展情况报局安全股。"
                  "各单位要高度重视，精心组织，确保活动取得实效。",
                  "某某县卫生健康局", "2024年5月20日"]
    lines = [p[i:i + 30] for p in paragraphs for i in range(0, len(p), 30)]  # a page 30 characters wide
    n = parse_text("某卫发〔2024〕8号\n" + "\n".join(lines) + "\n")
    assert n.doc_number == "某卫发〔2024〕8号"
    assert n.title == paragraphs[0]
    assert n.enclosed_title == "市卫生健康委开展安全生产月活动方案"
    assert n.recipients == ["各乡镇卫生院", "县直各医疗卫生单位", "局机关各股室"]


def test_duties_listed_unit_by_unit():
    n = parse_file(NOTICES / "county_duties_by_unit.txt")
    tasks = by_path(n)
    # （一）县卫生健康局：负责…: the heading before the colon is the unit
    assert tasks[("一", "（一）")].lead == ["县卫生健康局"]
    assert tasks[("一", "（二）")].lead == ["县疾控中心"]
    assert tasks[("一", "（三）")].lead == ["各乡镇卫生院"]
    assert not any("未写明责任单位" in w for w in n.warnings)
