"""Actions read beyond the deadline's sentence: the campaign a notice launches, a labelled item's heading."""

from __future__ import annotations

from datetime import date

from parsing.deadlines import extract_times
from parsing.pipeline import text_from_string


def _deadlines(text: str, issue: date = date(2025, 4, 10)):
    return extract_times(text_from_string(text)[1], issue).deadlines


def _by_text(text: str, issue: date = date(2025, 4, 10)) -> dict[str, tuple[str | None, str | None]]:
    return {d.text: (d.action, d.to) for d in _deadlines(text, issue)}


LAUNCHED = """某县卫生健康局关于加强夏季食品安全工作的通知
各乡镇卫生院：
为保障群众饮食安全，经研究，决定在全县卫生健康系统集中开展夏季食品安全隐患排查行动，现将有关事项通知如下：
一、时间安排
即日起至8月31日。
二、工作要求
各单位于5月10日前报送排查方案。
某县卫生健康局
2025年4月10日
"""

TITLED = """某县市场监督管理局关于开展2025年“铸安”专项整治的通知
各市场监管所：
现就有关事项通知如下：
一、整治时间
行动时间：2025年5月至10月，分两个阶段实施。
二、整治内容
（一）排查阶段（5月1日至6月30日）。各所开展全面排查。
（二）整改阶段（7月1日至10月31日）。各所督促整改到位。
某县市场监督管理局
2025年4月10日
"""

ISSUED = """关于印发《云川市城镇燃气安全专项整治工作方案》的通知
各县（区）人民政府：
现将《云川市城镇燃气安全专项整治工作方案》印发给你们，请认真贯彻执行。
云川市人民政府办公室
2025年4月10日
云川市城镇燃气安全专项整治工作方案
一、整治时间
2025年4月至12月，分三个阶段进行。
二、工作任务
各县（区）于4月30日前报送排查清单。
"""


def test_a_span_standing_alone_is_the_launched_campaign():
    got = _by_text(LAUNCHED)
    assert got["即日起至8月31日"] == ("开展夏季食品安全隐患排查行动", None)
    assert got["于5月10日前"][0] == "报送排查方案"  # a sentence naming its own work keeps it


def test_the_campaign_may_come_from_the_title_and_a_time_label():
    got = _by_text(TITLED)
    assert got["2025年5月至10月"][0] == "开展2025年“铸安”专项整治"


def test_the_campaign_of_an_issued_plan_drops_the_issuers_place():
    got = _by_text(ISSUED)
    assert got["2025年4月至12月"][0] == "开展城镇燃气安全专项整治"


def test_a_span_with_its_own_work_keeps_it():
    text = LAUNCHED.replace("即日起至8月31日。", "即日起至8月31日，各单位开展自查自纠。")
    assert _by_text(text)["即日起至8月31日"][0] == "开展自查自纠"


def test_no_campaign_named_leaves_the_span_without_action():
    text = """某县卫生健康局关于做好有关工作的通知
各单位：
一、时间安排
2025年5月至6月。
某县卫生健康局
2025年4月10日
"""
    assert _by_text(text)["2025年5月至6月"][0] is None


LABELS = """某县人民政府办公室关于推进校园周边环境整治的通知
各乡镇人民政府，县直有关单位：
一、重点任务
（一）清理校园周边无证摊点（县城市管理局牵头）。依法清理校园周边200米范围内无证流动摊点。
责任单位：县城市管理局
完成时限：2025年6月30日前
（二）整治校园周边交通秩序。在学校门口设置交通标志标线，上下学时段安排警力疏导。
牵头单位：县公安局
时间节点：8月底前完成
（三）开展联合执法检查。每月开展一次联合执法检查。
责任单位：县市场监管局
完成时间：2025年12月31日
某县人民政府办公室
2025年4月10日
"""


def test_a_label_line_takes_the_items_heading():
    got = _by_text(LABELS)
    assert got["完成时限：2025年6月30日前"][0] == "清理校园周边无证摊点"
    assert got["8月底前"][0] == "整治校园周边交通秩序"
    assert got["完成时间：2025年12月31日"][0] == "开展联合执法检查"


def test_a_label_line_with_work_of_its_own_keeps_it():
    text = LABELS.replace("时间节点：8月底前完成", "时间节点：8月底前完成标线施划")
    assert _by_text(text)["8月底前"][0] == "完成标线施划"


def test_a_label_in_a_closing_parenthesis_takes_the_items_heading():
    text = """某县人民政府关于加强食品安全工作的意见
各乡镇人民政府：
一、重点任务
（一）健全管理制度。建立健全食品安全管理制度，落实企业主体责任。（责任单位：县市场监管局；完成时限：2025年6月底前）
（二）强化抽检监测。每年抽检食品样品不少于1000批次。（责任单位：县市场监管局）
某县人民政府
2025年4月10日
"""
    got = _by_text(text)
    assert got["完成时限：2025年6月底前"][0] == "健全管理制度"


FORWARDED = """平川县卫生健康局关于转发《省卫生健康委关于开展打击欺诈骗保专项行动的通知》的通知
各医疗机构：
现将《省卫生健康委关于开展打击欺诈骗保专项行动的通知》转发给你们，请认真贯彻落实。
平川县卫生健康局
2025年4月10日
一、行动时间
2025年5月至10月。
二、完成时限
2025年12月31日前。
三、工作要求
2025年6月30日前。
"""


def test_a_forwarded_notice_names_the_campaign_and_a_time_heading_dates_it():
    got = _by_text(FORWARDED)
    assert got["2025年5月至10月"][0] == "开展打击欺诈骗保专项行动"
    assert got["2025年12月31日前"][0] == "开展打击欺诈骗保专项行动"
    assert got["2025年6月30日前"][0] is None  # a due date alone under no time heading says nothing


def test_a_plan_titled_with_guanyu_names_its_campaign():
    text = ISSUED.replace("云川市城镇燃气安全专项整治工作方案", "关于开展城镇燃气安全专项整治的实施方案")
    assert _by_text(text)["2025年4月至12月"][0] == "开展城镇燃气安全专项整治"


def test_a_span_alone_under_a_meeting_time_heading_is_attending():
    text = """某县卫生健康局关于开展2025年医疗质量安全培训活动的通知
各医疗机构：
现就有关事项通知如下：
一、会议时间
2025年5月12日至13日。
二、会议地点
县卫生健康局三楼会议室。
某县卫生健康局
2025年4月10日
"""
    assert _by_text(text)["2025年5月12日至13日"][0] == "参加会议"


def test_a_label_in_square_brackets_or_before_an_ongoing_note_takes_the_heading():
    text = """某县人民政府关于优化营商环境的实施意见
各乡镇人民政府，县直各部门：
一、重点任务
（一）优化市场准入环境。实施“证照分离”改革全覆盖。〔责任单位：县市场监管局；完成时限：2025年12月底前〕
（二）推进政务数据共享。建成县级政务数据共享平台。
完成时限：2025年9月底前，并长期坚持
二、保障措施
各部门要加强协作，形成工作合力。
某县人民政府
2025年4月10日
"""
    got = _by_text(text)
    assert got["完成时限：2025年12月底前"][0] == "优化市场准入环境"
    assert got["完成时限：2025年9月底前"][0] == "推进政务数据共享"


def test_a_bare_completion_sentence_takes_the_items_heading():
    text = """某县卫生健康局关于开展医疗机构自查整改的通知
各医疗机构：
一、工作任务
（一）开展自查。各单位对照清单逐项开展自查。5月底前完成。
（二）集中整改。对发现的问题立行立改。于6月底前全部完成。
（三）总结评估。各单位对整治情况进行总结，6月底前完成。
某县卫生健康局
2025年4月10日
"""
    got = [(d.text, d.action) for d in _deadlines(text)]
    assert got == [("5月底前", "开展自查"), ("于6月底前", "集中整改"), ("6月底前", "对整治情况进行总结")]


def test_with_no_campaign_a_span_alone_is_for_what_its_heading_times():
    text = """某县卫生健康局关于做好2025年国庆节期间值班值守工作的通知
各医疗卫生单位：
现将有关事项通知如下：
一、值班时间
2025年10月1日至8日。
二、工作要求
各单位于9月20日前报送值班表。
某县卫生健康局
2025年4月10日
"""
    assert _by_text(text)["2025年10月1日至8日"][0] == "值班"


def test_a_title_launching_a_review_names_the_campaign():
    text = """某县卫生健康局关于开展2025年度医师定期考核的通知
各医疗机构：
一、考核时间
2025年6月至8月。
某县卫生健康局
2025年4月10日
"""
    assert _by_text(text)["2025年6月至8月"][0] == "开展2025年度医师定期考核"


def test_other_label_words_take_the_heading_too():
    text = """某县人民政府办公室关于规范校园食品安全管理的通知
各乡镇人民政府：
一、重点任务
（一）开展学校食堂专项检查
重点检查原料采购查验情况。
办理时限：2025年6月30日前
（二）规范校外供餐
完成日期：2025年7月31日
（三）建立供餐单位名录
进度安排：2025年8月底前完成
二、工作要求
各乡镇要加强统筹，确保各项任务落实到位。
某县人民政府办公室
2025年4月10日
"""
    got = [d.action for d in _deadlines(text)]
    assert got == ["开展学校食堂专项检查", "规范校外供餐", "建立供餐单位名录"]
