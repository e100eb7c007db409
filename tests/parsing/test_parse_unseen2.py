"""More notices in styles the seeds do not have (tests/fixtures/notices): a 会议通知 with a receipt,
a 县人民政府 实施意见 with ``（责任单位：…；配合单位：…）``, a 情况报告 sent upward, a scanned notice
with OCR noise, a 方案 whose items end ``（A牵头，B、C配合，2025年6月底前完成）``, and a notice with
deadlines in every form. Every expected value was checked by hand against notice-json.md."""

from __future__ import annotations

import pytest
from corpus import FIXTURES

from parsing.parser import parse_file

NOTICES = FIXTURES / "notices"


def by_path(notice):
    return {tuple(t.outline_path): t for t in notice.tasks}


def deadline_fields(d):
    return (d.kind, d.date, d.start, d.time, d.recurrence, d.event)


def test_meeting_notice_with_a_receipt():
    n = parse_file(NOTICES / "county_meeting_receipt.txt")
    assert n.doc_number == "清卫发〔2025〕21号"
    assert n.issuer == n.signatory == "清河县卫生健康局"
    assert n.title == "清河县卫生健康局关于召开2025年全县卫生健康工作会议的通知"
    assert n.recipients == ["各乡镇卫生院", "县直各医疗卫生单位", "局机关各股室"]
    assert n.issue_date == "2025-03-10"
    assert n.attachments == ["参会回执"]
    assert [(c.name, c.phone) for c in n.contacts] == [("赵敏", "0319-7812345")]
    assert [(o.number, o.heading) for o in n.outline] == [
        ("一", "会议时间"), ("二", "会议地点"), ("三", "参会人员"), ("四", "会议内容"), ("五", "有关要求")]
    meeting, receipt = n.deadlines
    assert deadline_fields(meeting) == ("due", "2025-03-18", None, "09:00", None, None)
    assert meeting.action == "参加会议"
    assert deadline_fields(receipt) == ("due", "2025-03-14", None, None, None, None)
    assert receipt.to == "局办公室"
    # the agenda (会议内容) assigns nothing; the requirements do
    assert sorted(by_path(n)) == [("五", "（一）"), ("五", "（二）")]
    assert by_path(n)[("五", "（一）")].lead == ["各单位"]


def test_county_government_opinion_with_responsible_and_supporting_units():
    n = parse_file(NOTICES / "county_government_opinion.txt")
    assert n.doc_number == "安政发〔2025〕7号"
    assert n.issuer == n.signatory == "安平县人民政府"
    assert n.title == "安平县人民政府关于加快推进县域医疗卫生共同体建设的实施意见"
    assert n.genre == "其他"
    assert n.recipients == ["各乡镇人民政府", "县政府各部门"]
    assert n.issue_date == "2025-04-02"
    # 为深入贯彻落实《…》 opening the sentence is a basis trigger too (notice-json.md, second round)
    assert n.basis == ["中共中央办公厅国务院办公厅关于进一步完善医疗卫生服务体系的意见", "河北省县域医疗卫生共同体建设实施方案"]
    tasks = by_path(n)
    assert (tasks[("二", "（一）")].lead, tasks[("二", "（一）")].support) == (
        ["县卫生健康局"], ["县委编办", "县财政局", "县人力资源社会保障局"])
    assert (tasks[("二", "（二）")].lead, tasks[("二", "（二）")].support) == (["县医院", "县中医医院"], ["县卫生健康局"])
    assert (tasks[("二", "（三）")].lead, tasks[("二", "（三）")].support) == (
        ["县医疗保障局"], ["县卫生健康局", "县财政局"])
    assert (tasks[("二", "（四）")].lead, tasks[("二", "（四）")].support) == (
        ["县人力资源社会保障局", "县卫生健康局"], [])
    assert tasks[("三", "（二）")].lead == ["县政府督查室"]
    assert ("一",) not in tasks  # 总体目标 describes
    due = [d for d in n.deadlines if d.date == "2025-09-30"]
    assert len(due) == 1 and due[0].kind == "due"
    assert n.deadlines.index(due[0]) in tasks[("二", "（二）")].deadlines


def test_report_sent_upward_has_no_deadlines_from_past_dates():
    n = parse_file(NOTICES / "city_safety_report_upward.txt")
    assert n.genre == "报告"
    assert n.doc_number == "沙卫字〔2024〕98号"
    assert n.title == "沙河市卫生健康局关于2024年度安全生产工作情况的报告"
    assert n.recipients == ["市安全生产委员会办公室"]
    assert n.issue_date == "2024-12-20"
    assert n.basis == []
    # 2024年以来, 3月5日召开, 4月至10月开展, 6月12日演练: all past, none a deadline
    assert n.deadlines == []
    assert n.phases == []
    assert [o.number for o in n.outline] == ["一", "二", "三"]
    assert [c.number for c in n.outline[0].children] == ["（一）", "（二）", "（三）"]
    assert all(t.outline_path[0] != "一" for t in n.tasks)  # 主要工作开展情况 reports, not assigns


def test_scanned_notice_with_ocr_noise():
    n = parse_file(NOTICES / "county_scanned_noise.txt")
    assert n.doc_number == "临卫发〔2025〕15号"  # ( 2025 ) with spaces
    assert n.issuer == n.signatory == "临城县卫生健康局"
    assert n.title == "临城县卫生健康局关于开展2025年夏季爱国卫生运动的通知"  # wrapped over two lines
    assert n.recipients == ["各乡镇卫生院", "县直各医疗卫生单位"]  # split on a half-width comma
    assert n.issue_date == "2025-05-20"
    assert n.basis == ["临城县爱国卫生工作规划"]
    assert [(c.name, c.phone) for c in n.contacts] == [("王强", "0319-6061234")]
    assert [c.number for c in n.outline[1].children] == ["（一）", "（二）", "（三）"]
    tasks = by_path(n)
    # the page number and the watermark between (二) and (三) stay out of the text
    assert tasks[("二", "（二）")].text == "各乡镇卫生院要在6月底前完成一轮灭蚊灭蝇活动。"
    assert tasks[("二", "（三）")].lead == ["县疾控中心"]
    assert [deadline_fields(d) for d in n.deadlines] == [
        ("range", "2025-08-31", "2025-05-20", None, None, None),
        ("due", "2025-06-30", None, None, None, None),
        ("due", "2025-08-31", None, None, None, None),
    ]
    assert n.deadlines[2].to == "县爱卫办"


def test_plan_items_ending_with_lead_support_and_date():
    n = parse_file(NOTICES / "county_plan_lead_support_due.txt")
    assert n.doc_number is None
    assert n.title == "宁晋县卫生健康局关于印发《宁晋县2025年基层中医药服务能力提升行动方案》的通知"
    assert n.enclosed_title == "宁晋县2025年基层中医药服务能力提升行动方案"
    assert n.recipients == ["各乡镇卫生院", "县中医院"]
    assert n.issue_date == "2025-04-15"
    assert n.basis == ["河北省中医药发展“十四五”规划"]
    tasks = by_path(n)
    expected = {
        ("二", "（一）"): (["县卫生健康局中医股"], ["县财政局", "各乡镇卫生院"], "2025-06-30"),
        ("二", "（二）"): (["县中医院"], ["县卫生健康局中医股"], "2025-09-30"),
        ("二", "（三）"): (["县卫生健康局人事股"], ["县中医院"], "2025-12-31"),
    }
    for path, (lead, support, due) in expected.items():
        task = tasks[path]
        assert (task.lead, task.support) == (lead, support)
        assert [n.deadlines[i].date for i in task.deadlines] == [due]
        assert n.deadlines[task.deadlines[0]].kind == "due"
    review = n.deadlines[tasks[("三", "（二）")].deadlines[0]]
    assert (review.kind, review.recurrence, review.date) == ("recurring", "quarterly", None)


def test_deadlines_in_every_form():
    n = parse_file(NOTICES / "county_deadline_forms.txt")
    assert n.issue_date == "2025-07-01"
    assert n.title == "柏乡县卫生健康局关于做好2025年下半年重点工作的通知"
    got = [deadline_fields(d) for d in n.deadlines]
    assert got == [
        ("range", "2025-09-30", "2025-07-01", None, None, None),  # 即日起至2025年9月30日
        ("recurring", None, None, "10:00", "weekly", None),       # 每周一上午10时前
        ("due", "2025-09-30", None, None, None, None),            # 第三季度
        ("due", "2025-12-31", None, None, None, None),            # 年底前
        ("due", "2025-07-08", None, None, None, None),            # 收到通知后5个工作日内
        ("event", None, None, None, None, "春节"),                 # 春节前
        ("range", "2025-12-31", "2025-10-01", None, None, None),  # 2025年10月至12月
        ("due", "2025-07-15", None, None, None, None),            # 7月15日之前
    ]
    assert n.deadlines[-1].to == "局办公室"
    # 2024年以来, 2024年6月召开的会议, 24小时值班 and the year in the title are not deadlines
    assert not any("2024" in d.text or "24小时" in d.text for d in n.deadlines)
    tasks = by_path(n)
    assert tasks[("三", "（二）")].lead == ["县卫生健康局"]  # subject after a time clause
    assert tasks[("二", "（三）")].lead == ["县疾控中心"]


def test_handling_stamps_are_page_furniture():
    from parsing.cleaning.watermarks import is_stamp_line

    for line in ("内部资料 注意保存", "内部资料", "（内部资料）", "内部文件，请勿外传"):
        assert is_stamp_line(line), line
    for line in ("各单位注意保存好原始资料", "内部", "（）", "资料报送"):
        assert not is_stamp_line(line), line


def test_upward_report_with_a_signer_and_a_spaced_banner():
    n = parse_file(NOTICES / "county_report_with_signer.txt")
    assert n.genre == "报告"
    assert n.doc_number == "隆卫报〔2025〕4号"  # 签发人 on the same line stays out
    assert n.issuer == n.signatory == "隆尧县卫生健康局"
    assert n.title == "隆尧县卫生健康局关于2025年上半年医疗质量安全工作情况的报告"
    assert n.recipients == ["县人民政府"]
    assert n.issue_date == "2025-06-30"
    # 2025年3月至5月 and 6月10日 report the past; only the next step is due
    assert [deadline_fields(d) for d in n.deadlines] == [("due", "2025-07-31", None, None, None, None)]


def test_plan_with_dated_stages_and_monthly_reports():
    n = parse_file(NOTICES / "district_plan_stages_monthly.txt")
    assert n.enclosed_title == "任泽区医疗机构不合理医疗检查专项治理行动实施方案"
    assert n.recipients == ["各医疗卫生单位"]
    assert [(p.name, p.start, p.end) for p in n.phases] == [
        ("动员部署阶段", "2025-05-01", "2025-05-31"), ("自查自纠阶段", "2025-06-01", "2025-08-31"),
        ("督导检查阶段", "2025-09-01", "2025-09-30"), ("总结提高阶段", "2025-10-01", "2025-10-31")]
    assert [deadline_fields(d) for d in n.deadlines] == [
        ("range", "2025-10-31", "2025-05-01", None, None, None),  # the whole campaign
        ("due", "2025-05-20", None, None, None, None),
        ("due", "2025-10-15", None, None, None, None),
        ("recurring", None, None, None, "monthly", None),
        ("range", "2025-06-15", "2025-06-10", None, None, None),
    ]
    assert n.deadlines[1].to == "区卫生健康局医政股"
    group = n.leadership
    assert (group.leader, group.deputy, group.office) == (["李志刚"], ["王海燕", "刘涛"], "医政股")
    # 联系人：医政股  陈  静 — the office before the name, the name set with a space
    assert [(c.name, c.phone, c.email) for c in n.contacts] == [("陈静", "0319-5123456", "rzwjjyzg@163.com")]


def test_forwarded_title_without_book_marks():
    n = parse_file(NOTICES / "district_forward_without_marks.txt")
    assert n.title == "南和区卫生健康局关于转发区人民政府办公室关于做好2025年防汛工作的通知的通知"
    assert n.enclosed_title == "区人民政府办公室关于做好2025年防汛工作的通知"
    assert n.recipients == ["各乡镇卫生院", "区直各医疗卫生单位", "局机关各股室"]
    assert n.attachments == ["区人民政府办公室关于做好2025年防汛工作的通知"]
    opening, event, due = n.deadlines
    assert (opening.kind, opening.start, opening.date) == ("range", "2025-06-01", None)
    assert (event.kind, event.event) == ("event", "汛期结束")
    assert deadline_fields(due) == ("due", "2025-06-05", None, None, None, None)
    assert [t.lead for t in n.tasks] == [["各单位"], ["各乡镇卫生院"], ["各单位"]]


def test_joint_notice_with_contacts_on_two_lines():
    n = parse_file(NOTICES / "joint_province_two_contacts.txt")
    assert n.doc_number == "冀卫办医函〔2025〕21号"  # [2025]第21号
    assert n.issuer == n.signatory == "河北省卫生健康委员会办公室、河北省医疗保障局办公室"
    assert n.issue_date == "2025-07-18"
    assert n.basis == ["医疗保障基金使用监督管理条例", "河北省医疗服务价格管理办法"]  # 依据《…》和《…》
    assert n.attachments == ["医疗机构收费行为检查表", "检查情况汇总表"]
    assert [(c.name, c.phone) for c in n.contacts] == [("刘洋", "0311-66165123"), ("周晓", "0311-86990123")]
    tasks = by_path(n)
    assert (tasks[("二", "（一）")].lead, tasks[("二", "（一）")].support) == (["各市卫生健康委"], ["各市医疗保障局"])
    assert tasks[("二", "（二）")].lead == ["省医疗保障局"]
    report = n.deadlines[-1]
    assert (report.kind, report.date, report.time, report.to) == ("due", "2025-10-10", "17:00", "省卫生健康委医政处")


def test_a_contact_line_stops_before_the_next_paragraph():
    from parsing.contacts import find_contacts
    from parsing.pipeline import text_from_string

    _, clean = text_from_string("联系人：张  敏，电话：0311-1234567\n附件：检查表\n")
    assert [(c.name, c.phone) for c in find_contacts(clean)] == [("张敏", "0311-1234567")]


def test_key_points_with_running_item_numbers_and_closing_units():
    n = parse_file(NOTICES / "county_key_points_numbered.txt")
    assert n.enclosed_title == "2025年全县妇幼健康工作要点"  # 印发 title without 《》
    assert n.recipients == ["各乡镇卫生院", "县妇幼保健院", "县直各医疗卫生单位"]
    assert [(o.number, o.level, [c.number for c in o.children]) for o in n.outline] == [
        ("一", 1, ["1", "2"]), ("二", 1, ["3", "4"]), ("三", 1, ["5"])]
    assert all(c.level == 3 for o in n.outline for c in o.children)
    tasks = by_path(n)
    assert [(p, t.lead, t.support) for p, t in tasks.items()] == [
        (("一", "1"), ["妇幼股"], []),
        (("一", "2"), ["县妇幼保健院"], ["各助产机构"]),
        (("二", "3"), ["妇幼股", "县妇幼保健院"], []),
        (("二", "4"), ["县妇幼保健院"], []),
        (("三", "5"), ["各乡镇卫生院"], []),
    ]
    assert [deadline_fields(d) for d in n.deadlines] == [
        ("recurring", None, None, None, "quarterly", None), ("due", "2025-11-30", None, None, None, None)]


def test_ocr_spacing_full_width_digits_and_a_page_footer():
    n = parse_file(NOTICES / "county_cdc_ocr_spacing.txt")
    assert n.doc_number == "柏疾控发〔2025〕6号"  # [2025] 6 号
    assert n.issuer == n.signatory == "柏乡县疾病预防控制中心"  # banner set with spaces
    assert n.title == "关于开展2025年春季学校传染病防控专项督导的通知"  # no issuer printed in it
    assert n.recipients == ["各乡镇卫生院"]
    assert n.issue_date == "2025-03-03"  # 二○二五年三月三日
    assert [o.number for o in n.outline] == ["一", "二"]
    assert [c.number for c in n.outline[0].children] == ["（一）", "（二）"]  # （ 一 ）
    assert [(c.name, c.phone) for c in n.contacts] == [("李红", "0319-7512345")]
    assert [deadline_fields(d) for d in n.deadlines] == [
        ("range", "2025-03-21", "2025-03-10", None, None, None),  # full-width digits
        ("due", "2025-03-07", None, None, None, None),
        ("due", "2025-03-24", None, None, None, None),
    ]
    assert n.deadlines[2].to == "中心疾控科"
    tasks = by_path(n)
    assert tasks[("二", "（一）")].lead == ["各乡镇卫生院"]  # 学校 after 指导 is its object
    assert "第1页" not in "".join(t.text for t in n.tasks)


def test_commendation_decision_assigns_nothing():
    n = parse_file(NOTICES / "county_government_commendation.txt")
    assert n.genre == "其他"
    assert n.title == "巨鹿县人民政府关于表彰2024年度全县卫生健康工作先进集体和先进个人的决定"
    assert n.doc_number == "巨政字〔2025〕9号"
    assert n.recipients == ["各乡镇人民政府", "县政府各部门"]
    assert n.issue_date == "2025-01-15"
    assert n.attachments == ["全县卫生健康工作先进集体名单", "全县卫生健康工作先进个人名单"]
    assert (n.outline, n.tasks, n.deadlines, n.phases) == ([], [], [], [])


def test_reply_letter_to_one_unit():
    n = parse_file(NOTICES / "county_reply_letter.txt")
    assert n.genre == "函"
    assert n.title == "威县卫生健康局关于县人民医院申请设置血液透析室的复函"
    assert n.recipients == ["县人民医院"]
    assert n.issue_date == "2025-06-09"
    assert n.basis == ["血液净化标准操作规程"]  # 按照《…》; the cited 请示 is no basis
    assert [(c.name, c.phone) for c in n.contacts] == [("刘伟", "0319-6212345")]
    assert [deadline_fields(d) for d in n.deadlines] == [("due", "2025-08-31", None, None, None, None)]
    assert by_path(n)[("二",)].lead == ["你院"]
    assert ("一",) not in by_path(n)  # 同意… grants, it does not assign


def test_flat_notice_without_a_signature_block():
    n = parse_file(NOTICES / "county_flat_without_signature.txt")
    assert n.title == "清河县卫生健康局关于进一步加强全县医疗机构安全生产和消防安全管理工作的通知"  # three lines
    assert n.recipients == ["各乡镇卫生院", "县人民医院", "县中医医院", "县妇幼保健院", "县疾病预防控制中心",
                            "各民营医疗机构"]  # two lines
    assert n.signatory is None  # the …印发 line is no signature
    tasks = by_path(n)
    assert list(tasks) == [("一",), ("二",), ("三",)]  # headings on their own lines, the work below
    assert tasks[("一",)].lead == ["各医疗机构"]  # 主要负责人 gives its unit; 会同 names no lead
    assert (tasks[("二",)].lead, tasks[("二",)].support) == (["局办公室"], ["局安全股", "各医疗机构"])
    assert tasks[("三",)].lead == ["局安全股"]
    assert "抄送" not in tasks[("三",)].text  # the 版记 ends the body
    assert [deadline_fields(d) for d in n.deadlines] == [
        ("due", "2025-06-30", None, "17:00", None, None),  # 下午5点前
        ("recurring", None, None, None, "monthly", None),
        ("due", "2025-06-30", None, None, None, None),  # 第二季度末
        ("recurring", None, None, None, "half-yearly", None),
    ]


def test_mixed_sections_urgency_mark_and_validity_clause():
    n = parse_file(NOTICES / "county_heat_mixed_sections.txt")
    assert n.issuer == n.signatory == "广宗县卫生健康局"  # 特急 above the banner is no organ
    assert n.title == "关于做好2025年高温中暑防范应对工作的通知"
    assert n.recipients == ["各乡镇卫生院", "县直各医疗卫生单位"]  # half-width , and :
    assert n.issue_date == "2025-06-12"  # （盖章） between organ and date
    assert n.basis == ["国家卫生健康委办公厅关于做好2025年高温中暑防范工作的通知"]
    assert n.attachments == ["高温中暑病例报告卡", "中暑病例周报表"]  # 附件1： / 附件2：
    tasks = by_path(n)
    # 二 has no sub-items but its paragraph assigns work; 三 only says when the notice applies
    assert list(tasks) == [("一", "（一）"), ("一", "（二）"), ("二",)]
    assert tasks[("二",)].lead == ["各医疗机构"]
    assert [deadline_fields(d) for d in n.deadlines] == [
        ("range", "2025-09-15", "2025-06-15", None, None, None),
        ("recurring", None, None, "15:00", "weekly", None),  # 每周五下午3点前
        ("due", "2025-06-20", None, None, None, None),
        ("due", "2025-07-10", None, None, None, None),  # 7月上旬
    ]  # 截至6月10日 (a count), 2小时内, 有效期至… are not deadlines
    assert n.deadlines[1].to == "局疾控股"


def test_a_unit_followed_by_its_due_date_leads():
    from parsing.responsibility import duty_subjects

    for sentence, lead in (("各单位4月28前报送。", ["各单位"]), ("各乡镇卫生院2025年4月底前完成整改。", ["各乡镇卫生院"]),
                           ("2025年10月至12月，县卫生健康局开展专项督导。", ["县卫生健康局"])):
        assert duty_subjects(sentence, 0).lead == lead, sentence


def test_page_break_inside_an_item_and_a_parenthesis_naming_only_helpers():
    n = parse_file(NOTICES / "county_self_check_page_break.txt")
    assert n.title == "平乡县卫生健康局关于开展医疗机构依法执业自查工作的通知"
    assert n.recipients == ["各乡镇卫生院", "县直各医疗机构", "各民营医院"]
    tasks = by_path(n)
    # the page number between 是否与 and 登记一致 is gone and the sentence is whole again
    assert tasks[("一", "（一）")].text.endswith("诊疗科目是否与登记一致。")
    assert [(p.name, p.start, p.end) for p in n.phases] == [
        ("自查阶段", "2025-06-01", "2025-06-20"), ("抽查阶段", "2025-06-21", "2025-07-10")]
    assert [deadline_fields(d) for d in n.deadlines] == [("due", "2025-06-25", None, None, None, None)]
    closing = tasks[("三",)]
    assert (closing.lead, closing.support) == (["各医疗机构"], ["县卫生健康综合执法大队"])
    assert (n.deadlines[0].action, n.deadlines[0].to) == ("报送自查报告", "县卫生健康局医政股")


@pytest.mark.parametrize(("item", "lead", "support"), [
    ("开展培训。（县卫健局牵头，县直有关部门按职责分工负责）", ["县卫健局"], ["县直有关部门"]),
    ("开展培训。（牵头单位：县卫健局 配合单位：县财政局）", ["县卫健局"], ["县财政局"]),
    ("开展培训。(牵头单位:县卫健局,配合单位:县财政局)", ["县卫健局"], ["县财政局"]),
    ("开展培训。【责任单位：县卫健局】", ["县卫健局"], []),
    ("开展培训。（牵头单位：县卫健局、县医保局；配合单位：县财政局）", ["县卫健局", "县医保局"], ["县财政局"]),
])
def test_labels_and_manners_in_a_closing_parenthesis(item, lead, support):
    from parsing.responsibility import explicit_units

    found = explicit_units(item, 0)
    assert (found.lead, found.support) == (lead, support)


def _inline(body: str):
    from parsing.model import Source
    from parsing.parser import parse_clean
    from parsing.pipeline import text_from_string

    _, clean = text_from_string("县卫生健康局\n县卫发〔2025〕5号\n县卫生健康局关于做好有关工作的通知\n各乡镇卫生院：\n"
                                f"现将有关事项通知如下：\n{body}\n县卫生健康局\n2025年3月1日\n")
    return parse_clean(clean, Source(file="inline.txt", format="txt"))


@pytest.mark.parametrize(("body", "expected"), [
    ("一、整治工作从2025年3月开始，到2025年11月底结束。", ("range", "2025-11-30", "2025-03-01", None, None, None)),
    ("一、自2025年4月1日起，至2025年6月30日止，开展专项行动。", ("range", "2025-06-30", "2025-04-01", None, None, None)),
    ("一、各单位务必于3月10日（星期一）12:00前报送名单。", ("due", "2025-03-10", None, "12:00", None, None)),
])
def test_span_closed_in_a_later_clause_and_a_clock_in_a_heading(body, expected):
    n = _inline(body)
    assert [deadline_fields(d) for d in n.deadlines] == [expected]


def test_a_clock_time_does_not_end_a_heading():
    n = _inline("一、各单位务必于3月10日（星期一）12:00前报送名单。")
    assert n.tasks[0].heading == "各单位务必于3月10日（星期一）12:00前报送名单"
    assert n.tasks[0].lead == ["各单位"]


def test_request_to_units_followed_by_zai():
    n = _inline("一、请各单位在本通知印发之日起10日内报送。")
    assert n.tasks[0].lead == ["各单位"]
    assert deadline_fields(n.deadlines[0]) == ("due", "2025-03-11", None, None, None, None)


def test_three_organs_on_one_banner_line_and_a_helper_in_the_sentence():
    n = parse_file(NOTICES / "county_joint_three_organs.txt")
    organs = "新河县卫生健康局、新河县财政局、新河县医疗保障局"
    assert n.issuer == n.signatory == organs
    assert n.doc_number == "新卫联发〔2025〕2号"
    assert n.title == "关于做好2025年基本公共卫生服务项目工作的通知"
    assert n.recipients == ["各乡镇人民政府", "各乡镇卫生院"]
    tasks = by_path(n)
    # …负责…，…负责…，县医疗保障局配合做好…: the one who 配合 supports
    assert (tasks[("一",)].lead, tasks[("一",)].support) == (["县卫生健康局", "县财政局"], ["县医疗保障局"])
    assert [deadline_fields(d) for d in n.deadlines] == [("recurring", None, None, None, "quarterly", None)]


def test_next_month_report_of_the_month_before_is_monthly():
    n = _inline("一、各单位要于次月5日前报送上月数据。")
    assert [deadline_fields(d) for d in n.deadlines] == [("recurring", None, None, None, "monthly", None)]
    assert n.deadlines[0].action == "报送上月数据"


def test_next_month_once_is_due_in_the_month_after_the_issue_date():
    n = _inline("一、请各单位于下月5日前将总结报局办公室。")
    assert [deadline_fields(d) for d in n.deadlines] == [("due", "2025-04-05", None, None, None, None)]
    assert n.deadlines[0].to == "局办公室"


def test_enumerators_before_a_subject_are_not_part_of_the_unit():
    from parsing.responsibility import duty_subjects

    assert duty_subjects("各单位要按时报送；②县卫健局要督导。", 0).lead == ["各单位", "县卫健局"]
    assert duty_subjects("一是加强组织领导，各单位要成立专班；二是县财政局要保障经费。", 0).lead == ["各单位", "县财政局"]


def test_deputies_each_followed_by_a_post_in_brackets():
    n = _inline("一、加强组织领导\n成立县卫生健康局安全生产工作领导小组，组成人员如下：\n组  长：张  伟（局党组书记、局长）\n"
                "副组长：李  明（局党组成员、副局长）  王  芳（副局长）\n成  员：各股室负责人\n"
                "领导小组下设办公室，办公室设在局安全股。")
    group = n.leadership
    assert (group.leader, group.deputy, group.members, group.office) == (
        ["张伟"], ["李明", "王芳"], ["各股室负责人"], "局安全股")


def test_attachment_names_lose_book_title_marks_around_them():
    n = _inline("一、各单位要按时报送。\n附件：1.《医疗机构自查表》\n2.《汇总表》")
    assert n.attachments == ["医疗机构自查表", "汇总表"]


def test_standalone_draft_plan_keeps_its_note_in_the_title():
    n = parse_file(NOTICES / "city_draft_plan_standalone.txt")
    assert n.title == "南宫市2025年艾滋病防治工作实施方案（征求意见稿）"  # the note on its own line
    assert n.genre == "方案"
    assert (n.doc_number, n.recipients) == (None, [])
    assert n.issuer == n.signatory == "南宫市卫生健康局"
    assert n.basis == ["河北省艾滋病防治条例"]  # 贯彻《…》 is not 根据/按照
    tasks = by_path(n)
    assert (tasks[("二", "（一）")].lead, tasks[("二", "（一）")].support) == (["市疾控中心"], ["各医疗机构"])
    assert tasks[("二", "（二）")].lead == ["市人民医院"]
    assert tasks[("三",)].lead == ["市卫生健康局"]
    assert [d.recurrence for d in n.deadlines if d.kind == "recurring"] == ["half-yearly", "yearly"]


def test_standalone_plan_title_with_a_year_span():
    from parsing.header import read_header
    from parsing.pipeline import text_from_string

    _, clean = text_from_string("邢台市卫生应急工作方案（2025—2027年）\n\n为做好卫生应急工作，制定本方案。\n一、工作目标\n"
                                "各单位要提升应急能力。\n\n邢台市卫生健康委员会\n2025年2月1日\n")
    assert read_header(clean).title == "邢台市卫生应急工作方案（2025—2027年）"


def test_recipients_separated_by_semicolons():
    from parsing.header import read_header
    from parsing.pipeline import text_from_string

    _, clean = text_from_string("县卫生健康局\n县卫发〔2025〕5号\n县卫生健康局关于做好工作的通知\n"
                                "各乡镇卫生院；县直各医疗卫生单位：\n一、各单位要做好宣传。\n\n县卫生健康局\n2025年3月1日\n")
    assert read_header(clean).recipients == ["各乡镇卫生院", "县直各医疗卫生单位"]


def test_meeting_time_under_a_time_and_place_heading():
    n = _inline("一、时间地点\n时间：3月18日（星期二）下午2:30\n地点：县卫健局三楼会议室")
    assert [deadline_fields(d) for d in n.deadlines] == [("due", "2025-03-18", None, "14:30", None, None)]
    assert n.deadlines[0].action == "参加会议"


@pytest.mark.parametrize("printed", ["临卫发〔2025)15号", "临卫发(2025〕15号", "临卫发〔2O25〕15号", "临卫发［2025］第15号"])
def test_doc_number_with_ocr_brackets_and_letter_o(printed):
    from parsing.header import read_header
    from parsing.pipeline import text_from_string

    _, clean = text_from_string(f"县卫生健康局\n{printed}\n县卫生健康局关于做好工作的通知\n各乡镇卫生院：\n"
                                "一、各单位要做好宣传。\n\n县卫生健康局\n2025年3月1日\n")
    header = read_header(clean)
    assert header.doc_number == "临卫发〔2025〕15号"
    assert header.title == "县卫生健康局关于做好工作的通知"


@pytest.mark.parametrize("written", ["2025.3.1", "2025-03-01", "2025/3/1"])
def test_signature_date_written_with_dots_or_dashes(written):
    from parsing.header import read_header
    from parsing.pipeline import text_from_string

    _, clean = text_from_string("县卫生健康局\n县卫发〔2025〕5号\n县卫生健康局关于做好工作的通知\n各乡镇卫生院：\n"
                                f"一、各单位要做好宣传。\n\n县卫生健康局\n{written}\n")
    header = read_header(clean)
    assert (header.issue_date, header.signatory) == ("2025-03-01", "县卫生健康局")
