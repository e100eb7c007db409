"""County plans drafted from fresh superior notices (``tests/fixtures/superior/fresh_*``), which
the adaptation and reach rules were not written from: a city holiday-safety notice, a city
inspection 通报, a peer county's 印发 plan, a county government office notice with 责任单位 /
配合单位 / 完成时限 lines, a national 疾控局综合司 notice, a run-on joint provincial notice, a
scanned county notice and a provincial notice pasted from a website. Each assertion is a class of
fault a county office director found reading these plans."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

import pytest
from corpus import FIXTURES

from drafting.completeness import iter_plan_text
from drafting.county_units import profile_unit_names
from drafting.plan import CountyPlan
from drafting.plan_builder import build_plan, load_notice
from drafting.profile import load_sample_profile

SUPERIOR = FIXTURES / "superior"
FRESH = sorted(p.name for p in SUPERIOR.glob("fresh_*"))


@cache
def _plan(name: str) -> CountyPlan:
    notice = load_notice(SUPERIOR / name)
    today = date.fromisoformat(notice.issue_date) + timedelta(days=3) if notice.issue_date else None
    return build_plan(notice, load_sample_profile(), today=today)


def _text(plan: CountyPlan) -> str:
    return "\n".join(text for _, text in iter_plan_text(plan))


def _task(plan: CountyPlan, heading: str):
    return next(t for t in plan.tasks if t.category.startswith(heading))


# ----- units and partners ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", FRESH)
def test_every_unit_is_the_countys_own(name):
    plan = _plan(name)
    known = profile_unit_names(load_sample_profile())
    assert [u for t in plan.tasks for u in t.lead + t.support if u not in known] == []


def test_label_lines_are_units_and_dates_not_text():
    """责任单位：县市场监管局 / 配合单位：… / 完成时限：… under an item are the superior's units and
    date: the plan prints the county's units and its own date in the sentence instead."""
    plan = _plan("fresh_county_gov_food.docx")
    text = _text(plan)
    assert not re.search(r"责任单位[：:]|配合单位[：:]|完成时限[：:]", text)
    canteen = _task(plan, "开展学校食堂专项检查")
    assert "等情况，2025年9月26日前完成" in canteen.measures  # the county's date, not 9月30日


def test_an_item_whose_units_are_all_outside_bodies_is_the_bureaus_support():
    plan = _plan("fresh_county_gov_food.docx")
    street = _task(plan, "整治校园周边食品经营")
    # the bureau supports the lead and its partners alike: no 会同 of the lead's own partners
    assert street.measures.endswith("配合县市场监管局、乡镇人民政府、县公安局做好相关工作。")
    assert "会同" not in street.measures
    meals = _task(plan, "加强学生营养健康监测")  # the bureau is the 责任单位: the other one is its partner
    assert meals.measures.endswith("会同县教育科技局抓好落实。")


def test_a_report_to_a_superior_office_set_in_another_body_goes_to_the_county_office():
    plan = _plan("fresh_county_gov_food.docx")
    text = _text(plan)
    assert "设在县市场监管局" not in text and "每月25日前将专项整治进展情况报局办公室" in text
    assert any(s.original.startswith("报县食品安全委员会办公室（设在") for s in plan.substitutions)


def test_strip_unit_labels_on_one_line():
    from drafting.plan_builder import strip_unit_labels

    assert strip_unit_labels("依法查处违法行为。责任单位：县市场监管局配合单位：县公安局完成时限：2025年10月31日前") \
        == "依法查处违法行为，2025年10月31日前完成。"
    assert strip_unit_labels("各单位要明确责任单位和责任人。") == "各单位要明确责任单位和责任人。"


# ----- wording ---------------------------------------------------------------------------------------
def test_two_superior_groups_that_become_one_county_group_are_named_once():
    plan = _plan("fresh_city_holiday_safety.txt")  # 委直属各单位、市直各医疗机构要加强…
    text = _text(plan)
    assert "县直各医疗卫生单位、县直各医疗卫生单位" not in text
    assert "县直各医疗卫生单位要加强对门诊楼" in text


def test_a_long_division_name_is_mapped_whole():
    """市卫健委规划发展与安全生产科 is one division: never 县卫健局规划发展与安全生产科."""
    from drafting.substitution import Substituter
    from drafting.unit_matching import UnitMatcher

    profile = load_sample_profile()
    sub = Substituter(load_notice(SUPERIOR / "fresh_city_holiday_safety.txt"), profile,
                      UnitMatcher(profile).map_department)
    out = sub.apply("检查情况于1月23日前报市卫健委规划发展与安全生产科。", "x")
    assert "规划发展与安全生产科" not in out and out.startswith("检查情况于1月23日前报局")
    assert sub.apply("市卫健委将组织专家开展专科评审。", "x") == "县卫健局将组织专家开展专科评审。"


def test_an_organ_of_the_lower_areas_is_the_countys_organ():
    plan = _plan("fresh_national_winter_respiratory.txt")  # 各地疾控部门要加强哨点医院…监测
    text = _text(plan)
    assert "各医疗卫生单位疾控部门" not in text
    assert "县疾控部门要加强哨点医院流感样病例监测" in text


@pytest.mark.parametrize("name", ["fresh_county_gas_plan.txt", "fresh_county_gov_food.docx",
                                  "fresh_runon_joint_province.txt"])
def test_a_section_made_of_one_paragraph_is_not_headed_twice(name):
    """六、工作要求 with one paragraph: the plan's 工作要求 holds that paragraph, not 工作要求 again."""
    plan = _plan(name)
    for section in plan.sections:
        assert [c for c in section.children if c.heading == section.heading] == [], section.heading


def test_a_bulletin_whose_tasks_are_its_next_steps_has_them_as_main_tasks():
    plan = _plan("fresh_city_inspection_bulletin.txt")  # 三、下一步工作要求 (一)(二)(三)
    main = next(s for s in plan.sections if s.heading == "主要任务")
    assert [c.heading for c in main.children][:3] == ["立即整改问题", "举一反三开展自查", "建立长效机制"]
    assert all(s.heading == "主要任务" or s.children or s.paragraphs for s in plan.sections)


# ----- deadlines ------------------------------------------------------------------------------------
def test_a_deadlines_own_text_reports_to_the_county_never_to_the_superior_division():
    plan = _plan("fresh_web_province_heat.txt")  # 每周五下午5点前…报省卫生健康委疾病预防控制处
    weekly = next(d for t in plan.tasks for d in t.deadlines if d.kind == "recurring")
    assert "省卫生健康委" not in weekly.text and weekly.text.endswith(f"报{weekly.to}")


@pytest.mark.parametrize("name, clock", [("fresh_web_province_heat.txt", "每周五15时前"),
                                         ("fresh_national_winter_respiratory.txt", "每周一10时前")])
def test_an_earlier_report_hour_drops_the_superiors_part_of_day(name, clock):
    """下午5点 two hours earlier is 15时, never 下午15时; 中午12时 is 10时, never 中午10时."""
    plan = _plan(name)
    texts = [d.text for t in plan.tasks for d in t.deadlines] + [_text(plan)]
    assert not any(re.search(r"(?:上午|中午|下午|晚上)(?:1[3-9]|2[0-3]|10)时", t) for t in texts)
    assert any(clock in t for t in texts)


@pytest.mark.parametrize("name, period", [("fresh_scan_district_flood.txt", "汛期（6月1日至9月30日）"),
                                          ("fresh_web_province_heat.txt", "自7月1日起至9月30日")])
def test_the_period_a_recurring_duty_runs_in_keeps_its_end(name, period):
    """汛期 duty and weekly reports until 9月30日: ending them on 9月26日 drops the last days."""
    plan = _plan(name)
    assert period in _text(plan)
    spans = [d for t in plan.tasks for d in t.deadlines if d.kind == "range" and d.superior_date == "2025-09-30"]
    assert all(d.date == "2025-09-30" for d in spans)
    # the span either stays a range to 9月30日 or opens the recurring duty it belongs to (from 7月1日)
    assert spans or any(d.kind == "recurring" and d.start and period in d.text for t in plan.tasks for d in t.deadlines)
    assert not any("同日" in c.message for c in plan.checks)


# ----- the county's own organ -----------------------------------------------------------------------
@pytest.mark.parametrize("name, sentence", [
    ("fresh_city_holiday_safety.txt", "县卫生健康局要于2026年1月15日前，组织对全县医疗卫生机构开展一次全覆盖的节前安全大检查"),
    ("fresh_city_inspection_bulletin.txt", "县卫生健康局要组织全县未被检查的医疗机构对照检查内容开展自查"),
    ("fresh_runon_joint_province.txt", "县卫生健康局会同应急管理、消防救援部门组织开展联合检查"),
])
def test_the_subordinate_organ_organising_its_area_is_the_bureau(name, sentence):
    """各县（市、区）卫生健康局要组织对辖区内…检查 / 各市卫生健康委会同应急管理…部门: in the county that
    is the bureau's own work over the whole county, not 各医疗卫生单位's over a 辖区."""
    plan = _plan(name)
    assert sentence in _text(plan)
    assert not re.search(r"各医疗卫生单位(?:要)?(?:[^，。；]{0,20}，)?(?:组织对?辖区|会同)", _text(plan))
    assert any(s.replacement == "县卫生健康局" and "组织本辖区" in s.reason for s in plan.substitutions)


@pytest.mark.parametrize("name, title", [
    ("fresh_runon_joint_province.txt", "示例县医疗机构消防安全集中治理实施方案"),  # 关于开展全省医疗机构…
    ("fresh_county_gas_plan.txt", "示例县2025年医疗卫生机构燃气安全专项整治工作方案"),
])
def test_the_title_and_topic_name_the_county_once(name, title):
    plan = _plan(name)
    assert plan.title == title
    assert "示例县全县" not in _text(plan)
    assert "关于示例县" not in _text(plan) and "关于全县" not in _text(plan)  # 上级关于…的部署要求


def test_a_peer_bureaus_own_divisions_become_the_countys():
    """A neighbouring county bureau's notice: 报局应急办, 局规划股牵头 are its 股室; the county's of the same
    work take them (卫生应急办公室, 规划财务股), in the text and in each deadline's own text."""
    flood = _plan("fresh_scan_district_flood.txt")
    texts = [_text(flood)] + [d.text for t in flood.tasks for d in t.deadlines]
    assert not any("局应急办" in t for t in texts)
    assert "每日14时前向卫生应急办公室报告当日值班情况" in _text(flood)
    gas = _plan("fresh_county_gas_plan.txt")
    assert "局规划股" not in _text(gas) and not any("局规划股" in c.message for c in gas.checks)


def test_an_exact_alias_wins_over_a_partial_one():
    from drafting.unit_matching import UnitMatcher

    matcher = UnitMatcher(load_sample_profile())
    assert matcher.map_department("应急办") == "卫生应急办公室"  # not 局办公室 for the 办 of 局办
    assert matcher.map_department("局应急办") == "卫生应急办公室"
    assert matcher.map_department("委办公室") == "局办公室"


def test_a_peer_bureaus_plan_is_a_model_not_a_requirement():
    """A neighbouring county bureau is no superior: the county plan 参照 its plan and never says 根据…要求
    or 认真落实上级关于…的部署要求."""
    plan = _plan("fresh_county_gas_plan.txt")
    assert plan.cover_body[0].startswith("参照《绛县卫生健康局关于印发〈绛县2025年")
    assert "根据《绛县" not in _text(plan) and "上级关于" not in _text(plan)
    assert "根据《寿阳县人民政府办公室" in _text(_plan("fresh_county_gov_food.docx"))  # a government's notice


def test_a_bulletins_plan_is_about_putting_right_what_it_found():
    plan = _plan("fresh_city_inspection_bulletin.txt")  # 关于…督查检查情况的通报
    assert plan.title == "示例县2025年第一季度医疗机构安全生产督查检查发现问题整改实施方案"
    assert "检查情况的重要意义" not in _text(plan) and "检查情况实施方案" not in _text(plan)


def test_a_generic_institution_is_the_countys_one_member_of_that_kind():
    """各地疾控部门 → 县疾控部门: its task is 县疾病预防控制中心's, not a name left unresolved."""
    plan = _plan("fresh_national_winter_respiratory.txt")
    watch = _task(plan, "加强监测预警")
    assert "县疾病预防控制中心" in watch.lead + watch.support and watch.unresolved == []


def test_the_bureau_never_works_together_with_itself():
    """各地要会同卫生健康部门做好发热门诊…资源调配 (a 疾控局 notice): in the county the bureau is the
    health department — 县卫生健康局要做好…, neither 各医疗卫生单位要会同… nor …会同卫生健康部门."""
    plan = _plan("fresh_national_winter_respiratory.txt")
    care = _task(plan, "强化医疗救治")
    assert care.measures.startswith("县卫生健康局要做好发热门诊、儿科门诊的资源调配")
    assert any("不再写会同" in s.reason for s in plan.substitutions)


def test_the_plan_being_drafted_is_not_a_task_of_itself():
    """各地卫生健康行政部门要…于6月30日前制定本地区…工作方案: said to the county bureau, that 方案 is
    this plan; the clause is left out of the task and listed, the rest of the sentence stays."""
    plan = _plan("fresh_web_province_heat.txt")
    lead = _task(plan, "加强组织领导")
    assert lead.measures.startswith("县卫生健康局要将高温中暑防治工作列入重要议事日程,明确职责分工")
    assert "制定本县高温中暑防治工作方案" not in _text(plan)
    assert any("本方案即示例县的方案" in note for note in lead.left_out)
    units = _plan("fresh_county_gas_plan.txt")  # 各单位…制定本单位实施方案 is the units' own work
    assert "制定本单位实施方案" in _text(units)


def test_a_higher_outside_body_announcing_its_own_act_is_left_out_and_listed():
    """省消防救援总队将适时组织明查暗访: the province's rescue corps' own inspection, not the bureau's
    share of anything — never 配合消防救援总队适时组织明查暗访."""
    plan = _plan("fresh_runon_joint_province.txt")
    assert "明查暗访" not in "".join(t.measures for t in plan.tasks)
    assert "消防救援总队" not in "".join(t.measures for t in plan.tasks)  # nor named as a partner instead
    assert any("省消防救援总队将适时组织明查暗访" in c.message and "未列入方案" in c.message for c in plan.checks)


def test_an_item_of_outside_bodies_about_no_health_unit_sends_no_health_unit():
    """学校食堂检查 by 县市场监管局、县教育科技局: the bureau's 股室 supports; 各医疗卫生单位 are not asked."""
    plan = _plan("fresh_county_gov_food.docx")
    for heading in ("开展学校食堂专项检查", "整治校园周边食品经营"):
        task = _task(plan, heading)
        assert task.lead and task.support == [], (heading, task.support)
    fire = build_plan(load_notice(SUPERIOR / "reach_city_fire_outside_bodies.txt"), load_sample_profile())
    assert any("各医疗卫生单位" in t.support for t in fire.tasks)  # the health units' own safety stays theirs
